"""The `vntrade_actors` component: actors under canonical names, roles and references."""
