"""Name keys for cross-article matching: normalized forms, short forms, title compatibility."""
from __future__ import annotations

import re

from rasid.text.normalize import normalize_str

SPACE_RE = re.compile(r"\s+")
ARTICLE_PREFIX = "ال"
TITLE_CONTAINMENT = 0.5  # share of the shorter title's words found in the other, strictly above


def name_key(name: str) -> str:
    """The matching form of a name: normalized letters, single spaces."""
    return SPACE_RE.sub(" ", normalize_str(name)).strip()


def entity_key(entity_type: str, name: str, country: str | None) -> str:
    """A country is its ISO code (مصر and جمهورية مصر العربية are one entity); others their name."""
    if entity_type == "COUNTRY" and country:
        return country
    return name_key(name)


def short_key(norm: str) -> str | None:
    """First and last word of a name of several words (عادل الجبير for عادل بن أحمد الجبير)."""
    words = norm.split()
    if len(words) < 2:
        return None
    return f"{words[0]} {words[-1]}"


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
