"""Tagger features: computed once per word type (cached), joined over a ±2 window.

Features are functions of the normalized word only (``normalize_str``), so
training on corpus words and tagging pipeline tokens see the same features.
The clitic split is ``segment`` without a lexicon (article and the clitics
that precede it), so the features do not move when other lexicons change.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from rasid.ner.clusters import word_clusters
from rasid.ner.cues import cues
from rasid.ner.gazetteer import tagger_table
from rasid.text.normalize import normalize_str
from rasid.text.tokenize import ARTICLE, segment_without_lexicon

GAZETTEER_LABELS = ("PERS", "LOC", "ORG")
AFFIX_LENGTHS = (1, 2, 3, 4)  # 1..n: a word of size letters has the first size - 1 of them
# Which features a neighbour at distance 1 or 2 contributes.
NEIGHBOUR_FEATURES = {1: ("w", "s", "c", "g", "al", "sh", "k", "kf", "kx", "q"), 2: ("w", "c", "g", "k", "q")}
CLUSTER_FEATURES = ("k", "kf", "kx")  # coarse to fine
# A bare conjunction or preposition letter the lexicon-free segmentation keeps:
# the word without it is the "c" feature (ومتعب -> متعب, بايهود -> ايهود).
CLITIC_LETTERS = frozenset("وفبلك")
MIN_CLITIC_STRIPPED = 3
BIAS = ("b",)
# Domain adaptation (Daume 2007): a training sequence's features are also emitted with the
# prefix of its corpus's domain; news (ANERcorp) is the domain the model tags.
NEWS_DOMAIN, OTHER_DOMAIN = "n:", "x:"
DOMAIN_PREFIXES = (NEWS_DOMAIN, OTHER_DOMAIN)
PAD = {offset: (f"{offset}w=_pad_",) for offset in (-2, -1, 1, 2)}
PAIR_PAD = ("_pad_", "_pad_")


def shape(norm: str) -> str:
    first = norm[0]
    if "\u0621" <= first <= "\u064A":
        kind = "A"
    elif first.isdigit():
        kind = "D"
    elif first.isalpha():
        kind = "L"
    else:
        kind = "P"
    size = len(norm)
    return f"{kind}{size if size < 4 else '4-5' if size < 6 else '6+'}"


def clitic_stripped(norm: str) -> str | None:
    """The word without a leading conjunction or preposition letter it may carry (ومتعب -> متعب); None
    when it starts with none or is too short to carry one."""
    if len(norm) > MIN_CLITIC_STRIPPED and norm[0] in CLITIC_LETTERS:
        return norm[1:]
    return None


def _gazetteer_labels(forms: Sequence[str]) -> list[str]:
    """The labels of any of ``forms``, in ``GAZETTEER_LABELS`` order."""
    table = tagger_table().by_word
    found = [table[form] for form in forms if form in table]
    if not found:
        return []
    union = found[0].union(*found[1:])
    return [label for label in GAZETTEER_LABELS if label in union]


PREFIX_NAMES = tuple(f"p{n}" for n in AFFIX_LENGTHS)
SUFFIX_NAMES = tuple(f"x{n}" for n in AFFIX_LENGTHS)


def word_attributes(norm: str) -> list[tuple[str, str]]:
    """(name, value) pairs describing one normalized word."""
    seg = segment_without_lexicon(norm)
    stem = seg.stem
    prefix = seg.prefix
    has_article = ARTICLE in prefix
    bare = stem[len(ARTICLE):] if has_article else stem
    proclitics = "".join(p for p in prefix if p != ARTICLE) if prefix else ""
    size = len(norm)
    attributes = [("w", norm), ("s", bare), ("sh", shape(norm))]
    fitting = min(size - 1, len(AFFIX_LENGTHS))  # the affixes shorter than the word
    attributes += zip(PREFIX_NAMES[:fitting], [norm[:n] for n in AFFIX_LENGTHS[:fitting]])
    attributes += zip(SUFFIX_NAMES[:fitting], [norm[-n:] for n in AFFIX_LENGTHS[:fitting]])
    if has_article:
        attributes.append(("al", "1"))
    if proclitics:
        attributes.append(("pc", proclitics))
    forms = (norm, stem, bare)
    attributes += [("g", label) for label in _gazetteer_labels(forms)]
    stripped = clitic_stripped(norm)
    if stripped is not None:
        if not proclitics and not has_article:
            attributes.append(("c", stripped))
            attributes += [("gc", label) for label in _gazetteer_labels((stripped,))]
        forms += (stripped,)
    attributes += [("q", label) for label in cues(forms)]
    attributes += _cluster_attributes(norm, stem)
    return attributes


def _cluster_attributes(norm: str, stem: str) -> list[tuple[str, str]]:
    """Coarse and fine cluster of the word, else of its stem, else of it without a clitic letter."""
    clusters = word_clusters()
    for form in (norm, stem, norm[1:] if norm[0] in CLITIC_LETTERS else None):
        if form in clusters:
            return list(zip(CLUSTER_FEATURES, clusters[form]))
    return [("k", "none")]


@lru_cache(maxsize=1 << 12)
def recent_word_attributes(norm: str) -> tuple[tuple[str, str], ...]:
    """``word_attributes`` of the words met lately (the CRF decoder or the neural tagger alone, the
    network's training; the ensemble computes each new word type's once for both taggers itself)."""
    return tuple(word_attributes(norm))


@lru_cache(maxsize=1 << 18)
def type_features(norm: str) -> tuple[tuple[str, ...], ...]:
    """Feature strings of one word type at window offsets -2..2 (index offset + 2)."""
    attributes = word_attributes(norm)
    near = [(name, value) for name, value in attributes if name in NEIGHBOUR_FEATURES[1]]
    far = [(name, value) for name, value in near if name in NEIGHBOUR_FEATURES[2]]
    return (
        tuple(f"-2{name}={value}" for name, value in far),
        tuple(f"-1{name}={value}" for name, value in near),
        BIAS + tuple(f"{name}={value}" for name, value in attributes),
        tuple(f"1{name}={value}" for name, value in near),
        tuple(f"2{name}={value}" for name, value in far),
    )


@lru_cache(maxsize=1 << 18)
def pair_keys(norm: str) -> tuple[str, str]:
    """The word and its coarse cluster, joined with a neighbour's into pair features."""
    clusters = word_clusters()
    return norm, clusters[norm][0] if norm in clusters else "none"


def pair_features(norms: Sequence[str]) -> list[tuple[str, str, str]]:
    """Per position: word bigram with the previous word, cluster bigrams with both neighbours."""
    keys = [pair_keys(norm) for norm in norms]
    n = len(keys)
    out = []
    previous = PAIR_PAD
    for i in range(n):
        current = keys[i]
        following = keys[i + 1] if i + 1 < n else PAIR_PAD
        out.append((f"ww={previous[0]}|{current[0]}", f"kk={previous[1]}|{current[1]}",
                    f"kn={current[1]}|{following[1]}"))
        previous = current
    return out


def sequence_features(norms: Sequence[str]) -> list[tuple[str, ...]]:
    """All feature strings of each word of a sequence of normalized words (for crfsuite)."""
    table = [type_features(norm) for norm in norms]
    n = len(table)
    out = []
    for i, pairs in enumerate(pair_features(norms)):
        out.append(
            pairs
            + table[i][2]
            + (table[i - 1][1] if i >= 1 else PAD[-1])
            + (table[i + 1][3] if i + 1 < n else PAD[1])
            + (table[i - 2][0] if i >= 2 else PAD[-2])
            + (table[i + 2][4] if i + 2 < n else PAD[2])
        )
    return out


def domain_features(items: Sequence[tuple[str, ...]], prefix: str) -> list[tuple[str, ...]]:
    """Each word's features, plain and again with the domain prefix."""
    return [item + tuple(prefix + feature for feature in item) for item in items]


def words_features(words: Sequence[str]) -> list[tuple[str, ...]]:
    return sequence_features([normalize_str(w) or w for w in words])
