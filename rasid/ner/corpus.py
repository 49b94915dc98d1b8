"""Readers for the NER corpora in ``../shared/corpora/ner`` and the ANERcorp split.

A corpus is a list of sentences; a sentence is a list of ``(word, tag)``
with IOB2 tags over the labels PERS, LOC, ORG, MISC.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

Sentence = list[tuple[str, str]]

# AQMAR spells two labels differently.
LABEL_ALIASES = {"PER": "PERS", "MIS": "MISC"}
SENTENCE_END = "."
# Two ANERcorp lines hold two words: ". Oالإصابة O" (a newline lost after
# ". O") and "الصالحية ونايفة O". Each word becomes a token with the last tag;
# a tag glued to the front of a word is dropped.
GLUED_TAG_RE = re.compile(r"^O(?=[\u0600-\u06FF])")

# ANERcorp: the test split used by CAMeL Lab and AraBERT is the tail of the
# corpus (125,102 train / 25,008 test tokens in their copy; their split file is
# not available here). Our copy has 150,313 lines: 191 empty tokens (" O") are
# dropped and two two-word lines split (see GLUED_TAG_RE), 150,124 tokens. The
# test part starts at the news item that begins "المفرق - غيث الطراونة", token
# 125,117 (0-based): 125,117 train and 25,007 test tokens, the document
# boundary closest to the published split (one test token fewer).
ANERCORP_TEST_START = 125_117
ANERCORP_TEST_FIRST_WORDS = ("المفرق", "-", "غيث", "الطراونة")


# WikiFANE fine classes grouped into the coarse types (ACE subtypes), for the gazetteers.
WIKIFANE_CLASSES = {
    "PERS": frozenset({"Politician", "Other_PER", "Artist", "Scientist", "Religious_PER", "Athlete",
                       "Businessperson", "Engineer", "Lawyer", "Police"}),
    "LOC": frozenset({"Nation", "Population-Center", "State-or-Province", "Continent", "Water-Body",
                      "County-or-District", "Land-Region-Natural", "GPE-Cluster"}),
    "ORG": frozenset({"Government", "Non-Governmental", "Commercial", "Educational", "Media", "Sports",
                      "Religious_ORG"}),
}


class CorpusError(ValueError):
    """A corpus file is missing or malformed."""


@dataclass(frozen=True)
class Split:
    train: list[Sentence]
    test: list[Sentence]


def _read_lines(path: Path) -> list[str]:
    if not path.is_file():
        raise CorpusError(f"NER corpus file {path} is missing")
    return path.read_text(encoding="utf-8-sig").splitlines()


def _tag(raw: str, path: Path, number: int) -> str:
    if raw == "O":
        return raw
    prefix, sep, label = raw.partition("-")
    if not sep or prefix not in ("B", "I"):
        raise CorpusError(f"{path}:{number}: bad tag {raw!r}")
    return f"{prefix}-{LABEL_ALIASES.get(label, label)}"


def read_tokens(path: Path) -> list[tuple[str, str]]:
    """``word TAG`` lines; blank lines and empty tokens are skipped."""
    tokens = []
    for number, line in enumerate(_read_lines(path), start=1):
        fields = line.split()
        if not fields:
            continue
        if len(fields) == 1:  # an empty token: only its tag is left
            continue
        tag = _tag(fields[-1], path, number)
        tokens.extend((GLUED_TAG_RE.sub("", word), tag) for word in fields[:-1])
    return tokens


def sentences_by_period(tokens: list[tuple[str, str]]) -> list[Sentence]:
    """ANERcorp has no sentence boundaries: a sentence ends after a "." token."""
    sentences: list[Sentence] = []
    current: Sentence = []
    for token in tokens:
        current.append(token)
        if token[0] == SENTENCE_END:
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return sentences


def read_blank_separated(path: Path) -> list[Sentence]:
    """``word TAG`` lines with a blank line between sentences (AQMAR)."""
    sentences: list[Sentence] = []
    current: Sentence = []
    for number, line in enumerate(_read_lines(path), start=1):
        fields = line.split()
        if len(fields) >= 2:
            current.append((" ".join(fields[:-1]), _tag(fields[-1], path, number)))
        elif not line.strip() and current:
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return sentences


def anercorp_split(corpora: Path) -> Split:
    tokens = read_tokens(corpora / "anercorp" / "ANERCorp.txt")
    head = tuple(w for w, _ in tokens[ANERCORP_TEST_START:ANERCORP_TEST_START + 4])
    if head != ANERCORP_TEST_FIRST_WORDS:
        raise CorpusError(
            f"ANERcorp: token {ANERCORP_TEST_START} starts {' '.join(head)!r}, not the expected "
            f"{' '.join(ANERCORP_TEST_FIRST_WORDS)!r}: this is not the copy the split was derived on"
        )
    return Split(
        train=sentences_by_period(tokens[:ANERCORP_TEST_START]),
        test=sentences_by_period(tokens[ANERCORP_TEST_START:]),
    )


def aqmar(corpora: Path, part: str) -> list[Sentence]:
    return read_blank_separated(corpora / "aqmar" / f"{part}.txt")


def token_count(sentences: list[Sentence]) -> int:
    return sum(len(s) for s in sentences)

