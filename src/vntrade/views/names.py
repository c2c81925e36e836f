"""Finding actors and commodities by any of their names (the index lives in `vntrade.names`)."""

from vntrade.names import NameIndex

__all__ = ["NameIndex"]
