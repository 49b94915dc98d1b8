"""The words the lexicons know, for lexicon-aware clitic segmentation.

Every Arabic word in any language data file is known, normalized, so a token
splits into clitic + stem only when the stem is a word Rasid has data for. Data
files also hold surface forms with clitics (a phrase "قال لوكالة", a corpus-derived
list): a word that is a clitic plus a word of the hand-made files is left out,
unless clitic_lookalikes.txt lists it as a whole word (فلاديمير, كانت, ولاية).
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from rasid.lang import DATA_PACKAGE, load_list
from rasid.text.normalize import normalize_str

ARABIC_WORD_RE = re.compile(r"[\u0621-\u064A\u0640\u064B-\u065F\u0670\u06A9\u06CC]+")
DATA_SUFFIXES = (".txt", ".tsv")
DERIVED_HEADER_LINES = 3
PROCLITIC_LETTERS = "وفبلك"
MIN_STEM_AFTER_CLITIC = 3
CLITIC_LOOKALIKES = "clitic_lookalikes.txt"  # whole words that look like a clitic plus a word


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    curated: set[str] = set()
    derived: set[str] = set()
    for entry in resources.files(DATA_PACKAGE).iterdir():
        if not entry.name.endswith(DATA_SUFFIXES):
            continue
        lines = entry.read_text(encoding="utf-8").splitlines()
        words = derived if _derived_from_a_corpus(lines) else curated
        for line in lines:
            if line.startswith("#"):
                continue
            words.update(normalize_str(w) for w in ARABIC_WORD_RE.findall(line))
    curated.update(_cldr_words())
    whole = {normalize_str(w) for w in load_list(CLITIC_LOOKALIKES)}
    words = {w for w in curated | derived if w in whole or not _clitic_form(w, curated)}
    return frozenset(w for w in words if len(w) > 1)


def _derived_from_a_corpus(lines: list[str]) -> bool:
    """Word lists derived from corpora (their header says so) hold surface forms."""
    header = [line for line in lines[:DERIVED_HEADER_LINES] if line.startswith("#")]
    return any("derived" in line.lower() for line in header)


def _clitic_form(word: str, stems: set[str]) -> bool:
    """A surface form with clitics attached to a word of the hand-made lexicons (بوزارة, ومصر): known
    whole, it would never split into clitic + stem."""
    for length in (1, 2):
        head, rest = word[:length], word[length:]
        if len(rest) >= MIN_STEM_AFTER_CLITIC and all(c in PROCLITIC_LETTERS for c in head) and rest in stems:
            return True
    return False


def _cldr_words() -> set[str]:
    """Country and territory names from CLDR (Babel): language data we reuse, not retype."""
    from babel import Locale

    words: set[str] = set()
    for name in Locale("ar").territories.values():
        words.update(normalize_str(w) for w in ARABIC_WORD_RE.findall(name))
    return words


def is_known_word(word: str) -> bool:
    return word in known_words()
