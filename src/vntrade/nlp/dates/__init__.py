"""The `vntrade_dates` component: temporal expressions as TimeML values."""
