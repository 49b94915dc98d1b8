"""Name lists used as tagger features, and how they are derived from the corpora.

Three lists in ``rasid/lang/data`` (normalized single words, one per line):
``ner_person_names.txt``, ``ner_location_names.txt``, ``ner_organization_names.txt``.
``derive`` rebuilds them from ANERGazet (Benajiba) and WikiFANE Gold 2014
(Wikipedia text, CC BY-SA 3.0). NewsFANE and ANERcorp itself are never used,
so the lists carry nothing from the ANERcorp test text.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from rasid.lang import load_list
from rasid.ner.corpus import WIKIFANE_CLASSES
from rasid.text.normalize import normalize_str

LISTS = {
    "PERS": "ner_person_names.txt",
    "LOC": "ner_location_names.txt",
    "ORG": "ner_organization_names.txt",
}
ANERGAZET_FILES = {
    "PERS": "AlignedPersGazetteer.txt",
    "LOC": "AlignedLocGazetteer.txt",
    "ORG": "AlignedOrgGazetteer.txt",
}
SEPARATOR_RE = re.compile(r"^[=*]+$")
ARABIC_WORD_RE = re.compile(r"^[\u0621-\u064A]{3,}$")
MIN_WIKIFANE_COUNT = 2
MIN_WIKIFANE_SHARE = 0.5  # share of a word's occurrences that fall inside names of the type


@lru_cache(maxsize=None)
def names(label: str) -> frozenset[str]:
    return frozenset(load_list(LISTS[label]))


def _anergazet_words(path: Path) -> set[str]:
    words: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not SEPARATOR_RE.match(line):
            words.update(w for w in normalize_str(line).split() if ARABIC_WORD_RE.match(w))
    return words


def _wikifane_words(path: Path) -> dict[str, set[str]]:
    inside: dict[str, Counter[str]] = {label: Counter() for label in WIKIFANE_CLASSES}
    total: Counter[str] = Counter()
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        fields = line.replace("\u200e", "").split("\t")
        if len(fields) != 2:
            continue
        word, tag = normalize_str(fields[0].strip()), fields[1].strip()
        total[word] += 1
        kind = tag[2:]
        for label, classes in WIKIFANE_CLASSES.items():
            if kind in classes:
                inside[label][word] += 1
    return {
        label: {w for w, n in counts.items()
                if n >= MIN_WIKIFANE_COUNT and n >= MIN_WIKIFANE_SHARE * total[w] and ARABIC_WORD_RE.match(w)}
        for label, counts in inside.items()
    }


HEADER = """# {label} name words for the NER tagger's gazetteer features (normalized, one word a line).
# Derived by rasid.ner.gazetteer.derive from ../shared/corpora/ner:
#   ANERGazet {anergazet} (Benajiba & Rosso 2007; distributed for research, no licence file), and
#   WikiFANE Gold 2014 (Alotaibi & Lee 2014; CC BY-SA 3.0): words seen >= {count} times inside
#   {label} names ({classes}) and at least {share:.0%} of their occurrences there.
# Do not edit by hand: the bundled model was trained with these lists.
"""


def derive(corpora: Path, out_dir: Path) -> dict[str, int]:
    """Write the three lists; returns the number of words in each."""
    wiki = _wikifane_words(corpora / "fane_gold" / "WikiFANE_Gold_2014_500K.txt")
    sizes = {}
    for label, filename in LISTS.items():
        words = _anergazet_words(corpora / "anercorp" / "ANERGazet" / ANERGAZET_FILES[label]) | wiki[label]
        header = HEADER.format(label=label, anergazet=ANERGAZET_FILES[label], count=MIN_WIKIFANE_COUNT,
                               classes=", ".join(sorted(WIKIFANE_CLASSES[label])), share=MIN_WIKIFANE_SHARE)
        (out_dir / filename).write_text(header + "\n".join(sorted(words)) + "\n", encoding="utf-8")
        sizes[label] = len(words)
    return sizes
