"""The `vntrade_directives` component: who ordered whom to do what, by when."""
