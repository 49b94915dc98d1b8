"""Errors Rasid raises on bad input. Each message is one line that names the problem."""
from __future__ import annotations


class RasidError(Exception):
    """Base class: the CLI prints ``str(error)`` as one line, never a traceback."""


class InputError(RasidError):
    """An input that cannot be turned into an article."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class EmptyInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class UnknownEncoding(InputError):
    pass


class InputTooLarge(InputError):
    pass


class NotArabic(InputError):
    pass
