"""vntrade: who did what, when, in news about the Vietnam-US trade negotiations."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("vntrade")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"
