"""The `vntrade_figures` component: money, percentages, measures and counts."""
