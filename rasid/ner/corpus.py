"""Readers for the NER corpora in ``../shared/corpora/ner`` and the ANERcorp split.

A corpus is a list of sentences; a sentence is a list of ``(word, tag)``
with IOB2 tags over the labels PERS, LOC, ORG, MISC.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from rasid.text.tokenize import ARTICLE, CONJUNCTIONS, ENCLITICS, PREPOSITIONS, TA_MARBUTA

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


# WikiFANE as training data: fine class -> ANERcorp label. ANERcorp (checked on its train part against
# WikiFANE's names) tags countries, cities, regions, continents and seas as LOC, and international,
# government, sports, media and commercial bodies as ORG; it leaves peoples and nationalities (FANE's
# Group), buildings, roads and airports (Facility), heavenly bodies, weapons, food and drugs untagged;
# books, films, software and vehicles are MISC. Every class not listed is O.
WIKIFANE_TRAINING_LABELS = {
    **{fine: label for label, classes in WIKIFANE_CLASSES.items() for fine in classes},
    "Entertainment": "ORG", "Medical-Science": "ORG",
    **{fine: "MISC" for fine in ("Book", "Movie", "Software", "Hardware", "Sound", "Air", "Land", "Water")},
}
WIKIFANE_MARK = "\u200e"  # most WikiFANE tokens are prefixed with a left-to-right mark
PROCLITICS = frozenset(CONJUNCTIONS + PREPOSITIONS)
ENCLITIC_TOKENS = frozenset(ENCLITICS)
LAM = "ل"
ALEF_MAQSURA, YA, TA = "ى", "ي", "ت"
# Wojood (nested; a token carries several tags, outermost first): types kept, as ANERcorp labels.
WOJOOD_LABELS = {"PERS": "PERS", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}
WOJOOD_SEPARATOR = "$#$"


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


SKIP = ()  # what a line parser returns for a line that is neither a token nor a sentence boundary


def _line_sentences(path: Path, token: Callable[[str, int], tuple[str, str] | tuple[()] | None]) -> list[Sentence]:
    """Sentences of a one-token-per-line file: ``token(line, number)`` gives the line's (word, tag),
    None at a sentence boundary, or SKIP."""
    sentences: list[Sentence] = []
    current: Sentence = []
    for number, line in enumerate(_read_lines(path), start=1):
        parsed = token(line, number)
        if parsed is None:
            if current:
                sentences.append(current)
            current = []
        elif parsed:
            current.append(parsed)
    if current:
        sentences.append(current)
    return sentences


def read_blank_separated(path: Path) -> list[Sentence]:
    """``word TAG`` lines with a blank line between sentences (AQMAR)."""
    def token(line: str, number: int) -> tuple[str, str] | tuple[()] | None:
        fields = line.split()
        if len(fields) >= 2:
            return " ".join(fields[:-1]), _tag(fields[-1], path, number)
        return None if not line.strip() else SKIP

    return _line_sentences(path, token)


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


def _is_word(token: str) -> bool:
    return token[:1].isalpha()


def _glue_proclitics(proclitics: list[tuple[str, str]], word: str, tag: str) -> tuple[str, str]:
    """و ل الدولة -> وللدولة: a ل before the article absorbs its alef. The word keeps its tag
    unless a clitic opens a name (B-)."""
    letters = "".join(p for p, _ in proclitics)
    if letters.endswith(LAM) and word.startswith(ARTICLE):
        word = word[1:]
    opening = [t for _, t in proclitics if t.startswith("B-")]
    return letters + word, opening[0] if opening else tag


def _glue_enclitic(word: str, enclitic: str) -> str:
    """عاصمة ها -> عاصمتها, الى ه -> اليه."""
    if word.endswith(TA_MARBUTA):
        word = word[:-1] + TA
    elif word.endswith(ALEF_MAQSURA):
        word = word[:-1] + YA
    return word + enclitic


def reattach_clitics(sentence: Sentence) -> Sentence:
    """WikiFANE splits clitics off their word (و المانيا، عاصمة ها); ANERcorp and the pipeline's tagger
    see whole words (والمانيا، عاصمتها): a conjunction or preposition token joins the next word, a
    pronoun suffix token the word before it."""
    out: Sentence = []
    pending: list[tuple[str, str]] = []
    for word, tag in sentence:
        if word in PROCLITICS:
            pending.append((word, tag))
            continue
        if pending and _is_word(word):
            out.append(_glue_proclitics(pending, word, tag))
        else:
            out.extend(pending)
            if word in ENCLITIC_TOKENS and out and _is_word(out[-1][0]) and not pending:
                out[-1] = (_glue_enclitic(out[-1][0], word), out[-1][1])
                continue
            out.append((word, tag))
        pending = []
    out.extend(pending)
    return out


def _coarse_tag(fine_tag: str, labels: dict[str, str]) -> str:
    if fine_tag == "O":
        return fine_tag
    prefix, _, fine = fine_tag.partition("-")
    label = labels.get(fine)
    return f"{prefix}-{label}" if label else "O"


def repair_iob(tags: list[str]) -> list[str]:
    """An I- tag that does not continue a name of its label opens one (B-)."""
    out = []
    for tag in tags:
        if tag.startswith("I-") and (not out or out[-1] == "O" or out[-1][2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
    return out


def _with_tags(sentence: Sentence, tags: list[str]) -> Sentence:
    return [(word, tag) for (word, _), tag in zip(sentence, tags)]


def wikifane(corpora: Path) -> list[Sentence]:
    """WikiFANE Gold 2014 with ANERcorp's labels (WIKIFANE_TRAINING_LABELS) and whole words."""
    path = corpora / "fane_gold" / "WikiFANE_Gold_2014_500K.txt"

    def token(line: str, number: int) -> tuple[str, str] | None:
        word, tab, tag = line.rstrip("\r").partition("\t")
        word = word.strip().lstrip(WIKIFANE_MARK)
        if not word:
            return None
        if not tab or not (tag == "O" or tag[:2] in ("B-", "I-")):
            raise CorpusError(f"{path}:{number}: expected 'word<TAB>tag', got {line!r}")
        return word, _coarse_tag(tag, WIKIFANE_TRAINING_LABELS)

    sentences = _line_sentences(path, token)
    glued = [reattach_clitics(s) for s in sentences]
    return [_with_tags(s, repair_iob([t for _, t in s])) for s in glued]


def wojood(corpora: Path, part: str) -> list[Sentence]:
    """The Wojood sample: per token its outermost tag of a kept type (WOJOOD_LABELS); "$#$" lines cut
    sentences as blank lines do."""
    path = corpora / "wojood_sample" / f"{part}.txt"

    def token(line: str, number: int) -> tuple[str, str] | None:
        fields = line.split()
        if not fields or fields[0] == WOJOOD_SEPARATOR:
            return None
        if len(fields) < 2:
            raise CorpusError(f"{path}:{number}: expected 'word TAG [TAG...]', got {line!r}")
        kept = [_coarse_tag(t, WOJOOD_LABELS) for t in fields[1:]]
        return fields[0], next((t for t in kept if t != "O"), "O")

    sentences = _line_sentences(path, token)
    return [_with_tags(s, repair_iob([t for _, t in s])) for s in sentences]
