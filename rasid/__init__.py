"""Rasid (راصد): structured, evidence-linked records from Arabic news."""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("rasid")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+source"

__all__ = ["__version__", "process", "Article", "Settings"]


def __getattr__(name: str):
    if name == "process":
        from rasid.pipeline import process

        return process
    if name == "Article":
        from rasid.doc import Article

        return Article
    if name == "Settings":
        from rasid.settings import Settings

        return Settings
    raise AttributeError(name)
