"""Sentence splitting on Arabic and Latin punctuation and on line breaks.

A dot inside a number (3.5) is part of the number token, so it never splits;
a dot after a listed abbreviation ("د." for doctor) does not end a sentence.
"""
from __future__ import annotations

from functools import lru_cache

from rasid.lang import load_list
from rasid.text.normalize import normalize_str
from rasid.text.tokenize import Token

SENTENCE_FINAL = frozenset(".!?؟!؛;…\u06D4")
CLOSERS = frozenset("\"'»”’)]")


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    return frozenset(normalize_str(a) for a in load_list("abbreviations.txt"))


def _is_abbreviation_dot(tokens: list[Token], i: int) -> bool:
    """A dot glued to a listed abbreviation or a lone letter ("د." "أ.د." "U.S.").

    After a number the letter is an era or unit ("2015 م." "1436 هـ."), and its dot
    ends the sentence like any other.
    """
    if tokens[i].text != "." or i == 0:
        return False
    previous = tokens[i - 1]
    if previous.end != tokens[i].start or previous.kind not in ("word", "latin"):
        return False
    if i >= 2 and tokens[i - 2].kind == "number":
        return False
    return previous.norm in abbreviations() or len(previous.norm) == 1


def _is_list_number_dot(tokens: list[Token], i: int) -> bool:
    """"1." opening a line numbers a list item: its dot ends nothing."""
    if tokens[i].text != "." or i == 0:
        return False
    number = tokens[i - 1]
    return number.kind == "number" and number.end == tokens[i].start and (i == 1 or number.newline_before)


def split_sentences(tokens: list[Token]) -> list[tuple[int, int]]:
    """Assign ``token.sentence`` and return sentences as (first token, last token + 1)."""
    sentences: list[tuple[int, int]] = []
    first = 0
    i = 0
    n = len(tokens)
    while i < n:
        token = tokens[i]
        if i > first and token.newline_before:
            sentences.append((first, i))
            first = i
        if token.text in SENTENCE_FINAL and not _is_abbreviation_dot(tokens, i) \
                and not _is_list_number_dot(tokens, i):
            j = i + 1
            while j < n and (tokens[j].text in SENTENCE_FINAL or tokens[j].text in CLOSERS) \
                    and not tokens[j].newline_before:
                j += 1
            sentences.append((first, j))
            first = j
            i = j
            continue
        i += 1
    if first < n:
        sentences.append((first, n))
    for number, (start, end) in enumerate(sentences):
        for token in tokens[start:end]:
            token.sentence = number
    return sentences
