"""Metadata inside the story text: datelines, bylines, trailers and hashtags.

Such tokens get ``token.meta`` set and are not story text for the extractors.
Returns the metadata spans as (kind, start, end) in original offsets.
"""
from __future__ import annotations

from functools import lru_cache

from rasid.lang import load_list, load_table
from rasid.text.normalize import normalize_str
from rasid.text.tokenize import Token

DATELINE_MAX_TOKENS = 24
BYLINE_MAX_TOKENS = 8
DATELINE_SEPARATORS = frozenset("-–—:()")


def _phrases(name: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(normalize_str(p).replace(".", " ").split()) for p in load_list(name))


@lru_cache(maxsize=1)
def agencies() -> tuple[tuple[str, ...], ...]:
    return tuple(sorted(_phrases("news_agencies.txt"), key=len, reverse=True))


@lru_cache(maxsize=1)
def byline_cues() -> frozenset[str]:
    return frozenset(p[0] for p in _phrases("byline_cues.txt"))


@lru_cache(maxsize=1)
def trailer_markers() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(w.lower() for w in p) for p in _phrases("trailer_markers.txt"))


@lru_cache(maxsize=1)
def month_words() -> frozenset[str]:
    words = set()
    for name, _calendar, _number in load_table("months.tsv", 3):
        words.update(normalize_str(name).split())
    return frozenset(words)


def _lines(tokens: list[Token]) -> list[list[Token]]:
    lines: list[list[Token]] = []
    for token in tokens:
        if token.newline_before or not lines:
            lines.append([])
        lines[-1].append(token)
    return lines


def _words(line: list[Token]) -> list[str]:
    return [t.norm.lower() for t in line if t.kind in ("word", "latin")]


def _starts_with(words: list[str], phrase: tuple[str, ...]) -> bool:
    return tuple(words[: len(phrase)]) == phrase


def _agency_at(line: list[Token], i: int) -> int:
    """Number of tokens of an agency name starting at line[i] (dots inside skipped), else 0."""
    for phrase in agencies():
        j, k = i, 0
        while j < len(line) and k < len(phrase):
            if line[j].text == ".":
                j += 1
                continue
            if line[j].norm != phrase[k] and line[j].bare != phrase[k]:
                break
            j, k = j + 1, k + 1
        if k == len(phrase):
            return j - i
    return 0


def _dateline_length(line: list[Token]) -> int:
    """Tokens of a dateline opening this line, or 0."""
    limit = min(len(line), DATELINE_MAX_TOKENS)
    if limit == 0 or line[0].kind != "word":
        return 0
    has_date = False
    has_separator = False
    for i in range(limit):
        token = line[i]
        width = _agency_at(line, i)
        if width and i > 0:
            end = i + width
            while end < len(line) and line[end].text in DATELINE_SEPARATORS:
                end += 1
            return end
        if token.kind == "number" or token.norm in month_words() or token.norm in ("ه", "هـ", "م", "الموافق"):
            has_date = has_date or token.kind == "number"
            continue
        if token.text in DATELINE_SEPARATORS:
            has_separator = True
            if has_date and i >= 2:
                return i + 1
            continue
        if token.kind == "word" and i < 3 and not has_date and not has_separator:
            continue  # the place name
        return 0
    return 0


def _mark(tokens: list[Token], kind: str, spans: list[tuple[str, int, int]]) -> None:
    for token in tokens:
        token.meta = kind
    if tokens:
        spans.append((kind, tokens[0].start, tokens[-1].end))


def mark_metadata(tokens: list[Token]) -> list[tuple[str, int, int]]:
    spans: list[tuple[str, int, int]] = []
    lines = _lines(tokens)
    for number, line in enumerate(lines):
        words = _words(line)
        if any(_starts_with(words, marker) for marker in trailer_markers()) and len(words) <= 12:
            rest = [t for later in lines[number:] for t in later]
            _mark(rest, "trailer", spans)
            break
        if words and words[0] in byline_cues() and len(line) <= BYLINE_MAX_TOKENS \
                and len(line) > 1 and line[1].text in ":-–":
            _mark(line, "byline", spans)
            continue
        width = _dateline_length(line) if number < 4 else 0
        if width:
            _mark(line[:width], "dateline", spans)
    for token in tokens:
        if token.kind == "hashtag":
            _mark([token], "hashtag", spans)
    return spans
