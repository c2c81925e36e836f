"""The `vntrade_events` component: each article's dated happenings."""
