"""The words the lexicons know, for lexicon-aware clitic segmentation.

Every Arabic word in any language data file is known, normalized, so a token
splits into clitic + stem only when the stem is a word Rasid has data for.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from rasid.lang import DATA_PACKAGE
from rasid.text.normalize import normalize_str

ARABIC_WORD_RE = re.compile(r"[\u0621-\u064A\u0640\u064B-\u065F\u0670\u06A9\u06CC]+")
DATA_SUFFIXES = (".txt", ".tsv")


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    words: set[str] = set()
    for entry in resources.files(DATA_PACKAGE).iterdir():
        if not entry.name.endswith(DATA_SUFFIXES):
            continue
        for line in entry.read_text(encoding="utf-8").splitlines():
            if line.startswith("#"):
                continue
            words.update(normalize_str(w) for w in ARABIC_WORD_RE.findall(line))
    words.update(_cldr_words())
    return frozenset(w for w in words if len(w) > 1)


def _cldr_words() -> set[str]:
    """Country and territory names from CLDR (Babel): language data we reuse, not retype."""
    from babel import Locale

    words: set[str] = set()
    for name in Locale("ar").territories.values():
        words.update(normalize_str(w) for w in ARABIC_WORD_RE.findall(name))
    return words


def is_known_word(word: str) -> bool:
    return word in known_words()
