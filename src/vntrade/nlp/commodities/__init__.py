"""The `vntrade_commodities` component: traded goods with a canonical name and category."""
