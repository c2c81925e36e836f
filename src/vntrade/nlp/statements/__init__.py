"""The `vntrade_statements` component: who said what, quoted or reported."""
