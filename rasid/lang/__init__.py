"""Language data: versioned files under ``rasid/lang/data`` and their loaders.

Every word list Rasid matches against (titles, honorifics, organization heads,
country long forms and adjectives, trigger verbs, sector cues, ...) is a file
here, never a literal in code. Files are UTF-8; ``#`` starts a comment line.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

DATA_PACKAGE = "rasid.lang.data"


class LanguageDataError(ValueError):
    """A language data file is missing or malformed."""


def _read(name: str) -> str:
    try:
        return resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise LanguageDataError(f"language data file {name!r} is missing") from exc


def _content_lines(name: str) -> list[str]:
    lines = []
    for raw in _read(name).splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            lines.append(line)
    return lines


@lru_cache(maxsize=None)
def load_list(name: str) -> tuple[str, ...]:
    """One entry per line."""
    return tuple(_content_lines(name))


@lru_cache(maxsize=None)
def load_table(name: str, columns: int) -> tuple[tuple[str, ...], ...]:
    """Tab-separated rows with exactly ``columns`` fields (empty trailing fields allowed)."""
    rows = []
    for number, line in enumerate(_content_lines(name), start=1):
        fields = line.split("\t")
        fields += [""] * (columns - len(fields))
        if len(fields) != columns:
            raise LanguageDataError(
                f"{name}: row {number} has {len(fields)} fields, expected {columns}: {line!r}"
            )
        rows.append(tuple(f.strip() for f in fields))
    return tuple(rows)


@lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    try:
        return json.loads(_read(name))
    except json.JSONDecodeError as exc:
        raise LanguageDataError(f"{name}: invalid JSON: {exc}") from exc
