"""Word lists as sets, normalized for matching, loaded once."""
from __future__ import annotations

from functools import lru_cache

from rasid.lang import load_list
from rasid.lang.matcher import phrase_key
from rasid.text.normalize import normalize_str


@lru_cache(maxsize=None)
def normalized_words(name: str) -> frozenset[str]:
    """The entries of a word list, normalized."""
    return frozenset(normalize_str(entry) for entry in load_list(name))


@lru_cache(maxsize=None)
def word_set(name: str) -> frozenset[str]:
    """The entries of a word list as token stems (clitics split) and as normalized words."""
    words = set(normalized_words(name))
    for entry in load_list(name):
        words.update(phrase_key(entry))
    return frozenset(words)
