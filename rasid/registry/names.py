"""Name keys for cross-article matching: normalized forms, short forms, title compatibility."""
from __future__ import annotations

import re
from functools import lru_cache

from rasid.lang import load_table
from rasid.text.normalize import normalize_str

SPACE_RE = re.compile(r"\s+")
ARTICLE_PREFIX = "ال"
SHORT_WORDS = 2
TITLE_CONTAINMENT = 0.5  # share of the shorter title's words found in the other, strictly above


@lru_cache(maxsize=2)
def _particles(kind: str) -> frozenset[str]:
    """Name particles of one kind, normalized: prefix (عبد, أبو, آل ...) or link (بن, بنت ...)."""
    return frozenset(normalize_str(particle) for particle, k in load_table("name_particles.tsv", 2) if k == kind)


def name_key(name: str) -> str:
    """The matching form of a name: normalized letters, single spaces, and a compound name
    written as one word (عبد العزيز and عبدالعزيز have one key)."""
    words = SPACE_RE.sub(" ", normalize_str(name)).strip().split(" ")
    prefixes = _particles("prefix")
    joined: list[str] = []
    for word in words:
        if joined and joined[-1] in prefixes:
            joined[-1] += word
        else:
            joined.append(word)
    return " ".join(joined)


def entity_key(entity_type: str, name: str, country: str | None) -> str:
    """A country is its ISO code (مصر and جمهورية مصر العربية are one entity); others their name."""
    if entity_type == "COUNTRY" and country:
        return country
    return name_key(name)


def short_key(norm: str) -> str | None:
    """Given name and family name of a name of several words (عادل الجبير for عادل بن أحمد
    الجبير); None for one word, or when the last word is a father's name (… بن عبدالعزيز)."""
    words = norm.split()
    if len(words) < 2 or words[-2] in _particles("link"):
        return None
    return f"{words[0]} {words[-1]}"


def is_short(name: str) -> bool:
    """A name of at most two words: a short form that a fuller name may stand behind."""
    return len(name.split()) <= SHORT_WORDS


def _title_words(title_norm: str) -> frozenset[str]:
    return frozenset(
        w[len(ARTICLE_PREFIX):] if w.startswith(ARTICLE_PREFIX) and len(w) > 3 else w
        for w in title_norm.split()
    )


def titles_compatible(ours: list[str], theirs: list[str]) -> bool:
    """True when either side has no title, or some pair of titles shares most of its words
    (وزير الخارجية ~ وزير خارجية روسيا; not وزير الخارجية ~ وزير الصحة)."""
    if not ours or not theirs:
        return True
    for a in ours:
        wa = _title_words(a)
        for b in theirs:
            wb = _title_words(b)
            shorter = min(len(wa), len(wb)) or 1
            if len(wa & wb) / shorter > TITLE_CONTAINMENT:
                return True
    return False


def countries_compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b
