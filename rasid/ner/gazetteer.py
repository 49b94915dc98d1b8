"""Name lists used as tagger features, and how they are derived from the corpora.

``derive`` builds them from ANERGazet (Benajiba) and WikiFANE Gold 2014
(Wikipedia text, CC BY-SA 3.0). NewsFANE and ANERcorp itself are never used,
so the lists carry nothing from the ANERcorp test text. It writes:
- the tagger's table beside the model, ``rasid/models/ner-gazetteer.tsv`` (word, its
  labels), WikiFANE words seen at least ``TAGGER_MIN_WIKIFANE_COUNT`` times: the
  features read only this file;
- three lists for the rule components in ``rasid/lang/data`` (``ner_person_names.txt``,
  ``ner_location_names.txt``, ``ner_organization_names.txt``), with the stricter
  ``MIN_WIKIFANE_COUNT``: they are also "known words" of the tokenizer, so they stay small.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rasid.ner.corpus import WIKIFANE_CLASSES
from rasid.ner.tables import read_word_labels, write_word_labels
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
TAGGER_MIN_WIKIFANE_COUNT = 1
MIN_WIKIFANE_SHARE = 0.5  # share of a word's occurrences that fall inside names of the type
TAGGER_TABLE = "ner-gazetteer.tsv"


class GazetteerError(ValueError):
    """The tagger's gazetteer table is malformed."""


def bundled_table_path() -> Path:
    return Path(str(resources.files("rasid.models").joinpath(TAGGER_TABLE)))


class TaggerTable(dict):
    """label -> the name words of the tagger's gazetteer; ``by_word``: word -> its labels (one lookup a form)."""

    def __init__(self, words: dict[str, frozenset[str]]):
        super().__init__(words)
        by_word: dict[str, set[str]] = {}
        for label, label_words in words.items():
            for word in label_words:
                by_word.setdefault(word, set()).add(label)
        self.by_word = {word: frozenset(labels) for word, labels in by_word.items()}


@lru_cache(maxsize=1)
def tagger_table() -> TaggerTable:
    """label -> the name words of the tagger's gazetteer (the frozen table beside the model)."""
    path = bundled_table_path()
    table: dict[str, set[str]] = {label: set() for label in LISTS}
    for word, labels in read_word_labels(path).items():
        for label in labels:
            if label not in table:
                raise GazetteerError(f"{path}: unknown label {label!r} for {word}")
            table[label].add(word)
    return TaggerTable({label: frozenset(words) for label, words in table.items()})


def names(label: str) -> frozenset[str]:
    return tagger_table()[label]


def _anergazet_words(path: Path) -> set[str]:
    words: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not SEPARATOR_RE.match(line):
            words.update(w for w in normalize_str(line).split() if ARABIC_WORD_RE.match(w))
    return words


def _wikifane_words(path: Path, min_count: int) -> dict[str, set[str]]:
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
                if n >= min_count and n >= MIN_WIKIFANE_SHARE * total[w] and ARABIC_WORD_RE.match(w)}
        for label, counts in inside.items()
    }


HEADER = """# {label} name words for the rule components (normalized, one word a line); the NER tagger reads
# rasid/models/ner-gazetteer.tsv instead.
# Derived by rasid.ner.gazetteer.derive from ../shared/corpora/ner:
#   ANERGazet {anergazet} (Benajiba & Rosso 2007; distributed for research, no licence file), and
#   WikiFANE Gold 2014 (Alotaibi & Lee 2014; CC BY-SA 3.0): words seen >= {count} times inside
#   {label} names ({classes}) and at least {share:.0%} of their occurrences there.
# Do not edit by hand: rebuild with `rasid train --derive-lexicons`.
"""


TABLE_HEADER = """# Name words of the NER tagger's gazetteer features (normalized word, tab, its labels).
# Derived by rasid.ner.gazetteer.derive from ../shared/corpora/ner: ANERGazet (Benajiba & Rosso 2007;
# research, no licence file) and WikiFANE Gold 2014 (Alotaibi & Lee 2014; CC BY-SA 3.0), words seen
# >= {count} times inside names of the type and at least {share:.0%} of their occurrences there.
# Do not edit by hand: the bundled model was trained with this table.
"""


def _label_words(corpora: Path, min_count: int) -> dict[str, set[str]]:
    wiki = _wikifane_words(corpora / "fane_gold" / "WikiFANE_Gold_2014_500K.txt", min_count)
    return {label: _anergazet_words(corpora / "anercorp" / "ANERGazet" / ANERGAZET_FILES[label]) | wiki[label]
            for label in LISTS}


def write_table(words: dict[str, set[str]], path: Path) -> None:
    labels: dict[str, list[str]] = {}
    for label in LISTS:
        for word in words[label]:
            labels.setdefault(word, []).append(label)
    header = TABLE_HEADER.format(count=TAGGER_MIN_WIKIFANE_COUNT, share=MIN_WIKIFANE_SHARE)
    write_word_labels({word: tuple(found) for word, found in labels.items()}, header, path)


def derive(corpora: Path, out_dir: Path, table_path: Path | None = None) -> dict[str, int]:
    """Write the rule components' three lists and the tagger's table; the tagger's word count per label."""
    for label, words in _label_words(corpora, MIN_WIKIFANE_COUNT).items():
        header = HEADER.format(label=label, anergazet=ANERGAZET_FILES[label], count=MIN_WIKIFANE_COUNT,
                               classes=", ".join(sorted(WIKIFANE_CLASSES[label])), share=MIN_WIKIFANE_SHARE)
        (out_dir / LISTS[label]).write_text(header + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    tagger_words = _label_words(corpora, TAGGER_MIN_WIKIFANE_COUNT)
    write_table(tagger_words, table_path or bundled_table_path())
    tagger_table.cache_clear()
    return {label: len(words) for label, words in tagger_words.items()}
