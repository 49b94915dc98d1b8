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
from rasid.ner.gazetteer import names
from rasid.text.normalize import normalize_str
from rasid.text.tokenize import ARTICLE, segment

GAZETTEER_LABELS = ("PERS", "LOC", "ORG")
AFFIX_LENGTHS = (1, 2, 3, 4)
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
    return [label for label in GAZETTEER_LABELS if any(f in names(label) for f in forms)]


def word_attributes(norm: str) -> list[tuple[str, str]]:
    """(name, value) pairs describing one normalized word."""
    seg = segment(norm)
    stem = seg.stem
    has_article = ARTICLE in seg.prefix
    bare = stem[len(ARTICLE):] if has_article else stem
    proclitics = "".join(p for p in seg.prefix if p != ARTICLE)
    attributes = [("w", norm), ("s", bare), ("sh", shape(norm))]
    attributes += [(f"p{n}", norm[:n]) for n in AFFIX_LENGTHS if len(norm) > n]
    attributes += [(f"x{n}", norm[-n:]) for n in AFFIX_LENGTHS if len(norm) > n]
    if has_article:
        attributes.append(("al", "1"))
    if proclitics:
        attributes.append(("pc", proclitics))
    attributes += [("g", label) for label in _gazetteer_labels((norm, stem, bare))]
    stripped = clitic_stripped(norm)
    if stripped is not None and not proclitics and not has_article:
        attributes.append(("c", stripped))
        attributes += [("gc", label) for label in _gazetteer_labels((stripped,))]
    stripped_forms = () if stripped is None else (stripped,)
    attributes += [("q", label) for label in cues((norm, stem, bare) + stripped_forms)]
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
    """``word_attributes`` of the words met lately: the CRF decoder and the neural tagger score a
    document's new word types one after the other, so the second finds them here."""
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
