"""Normalization for matching, with a map back to the original offsets.

The verbatim text is never rewritten. ``normalize`` returns the normalized
string plus, for every normalized character, the offset of the original
character it came from. Every replacement is one character for one character
and everything else is a deletion, so the map is monotonic.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import NamedTuple

from rasid.lang import LanguageDataError, load_table

TATWEEL = 0x0640


def _parse_codepoints(field: str) -> range:
    try:
        if "-" in field:
            first, last = field.split("-")
            return range(int(first[2:], 16), int(last[2:], 16) + 1)
        return range(int(field[2:], 16), int(field[2:], 16) + 1)
    except ValueError as exc:
        raise LanguageDataError(f"charmap.tsv: bad codepoint field {field!r}") from exc


@lru_cache(maxsize=1)
def charmap() -> dict[int, str]:
    """Codepoint -> replacement ('' deletes the character)."""
    table: dict[int, str] = {}
    for codepoints, replacement, _description in load_table("charmap.tsv", 3):
        if len(replacement) > 1:
            raise LanguageDataError(f"charmap.tsv: replacement {replacement!r} is not one character")
        for cp in _parse_codepoints(codepoints):
            table[cp] = replacement
    return table


class NormalizedText(NamedTuple):
    """``text`` normalized, with ``offsets[i]`` = original offset of ``text[i]``.

    ``offsets`` has one extra entry, the original length. ``ends[i]`` is the
    original offset just after ``text[i]`` and the combining marks that follow
    it (diacritics, tatweel), so a normalized half-open span ``[i, j)`` maps
    back to ``[offsets[i], ends[j-1])``: a word keeps its last vowel mark.
    A named tuple: immutable, and built for every new surface word in a fraction of a frozen
    dataclass's time.
    """

    text: str
    offsets: tuple[int, ...]
    original_length: int
    ends: tuple[int, ...] = ()

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized half-open span back to the original text."""
        if start >= end:
            pos = self.offsets[start] if start < len(self.offsets) else self.original_length
            return pos, pos
        return self.offsets[start], self.ends[end - 1]


@lru_cache(maxsize=1)
def _marks_of_a_letter() -> frozenset[int]:
    """Deleted characters that belong to the letter before them: diacritics and tatweel."""
    return frozenset(
        cp for cp, replacement in charmap().items()
        if not replacement and (unicodedata.category(chr(cp)) == "Mn" or cp == TATWEEL)
    )


def normalize(text: str) -> NormalizedText:
    table = charmap()
    marks = _marks_of_a_letter()
    chars: list[str] = []
    offsets: list[int] = []
    ends: list[int] = []
    for i, ch in enumerate(text):
        replacement = table.get(ord(ch), ch)
        if replacement:
            chars.append(replacement)
            offsets.append(i)
            ends.append(i + 1)
        elif ends and ends[-1] == i and ord(ch) in marks and not chars[-1].isspace():
            ends[-1] = i + 1
    offsets.append(len(text))
    return NormalizedText("".join(chars), tuple(offsets), len(text), tuple(ends))


@lru_cache(maxsize=1)
def _translation() -> dict[int, str | None]:
    return {cp: (replacement or None) for cp, replacement in charmap().items()}


def normalize_str(text: str) -> str:
    """Normalized form only (for lexicon entries and comparisons)."""
    return text.translate(_translation())
