"""Derive rasid/lang/data/person_first_names.txt from the person tags of the shared NER corpora.

A first name is the first token of a person entity of two or more tokens
(ANERCorp and AQMAR PERS/PER; WikiFANE and NewsFANE person classes), kept when
it starts two or more such names (or one, if the word is never tagged otherwise)
and at least 30% of its occurrences are inside person names. Honorifics,
name particles and words with the article are left out (see EXCLUDED).

Usage: python scripts/derive_first_names.py ../shared/corpora/ner > rasid/lang/data/person_first_names.txt
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Iterator

from rasid.lang import load_list
from rasid.text.normalize import normalize_str

FANE_PERSON_CLASSES = {
    "Politician", "Other_PER", "Artist", "Athlete", "Scientist", "Religious_PER", "Police",
    "Businessperson", "Engineer", "Lawyer",
}
CONLL_FILES = ("anercorp/ANERCorp.txt", "aqmar/train.txt", "aqmar/dev.txt", "aqmar/test.txt")
FANE_FILES = ("fane_gold/NewsFANE_Gold_2014_170K.txt", "fane_gold/WikiFANE_Gold_2014_500K.txt")
MIN_PERSON_SHARE = 0.3
AMBIGUOUS_SHARE = 0.6  # below it a given name is mostly a common word (رؤى، أمل، باسم)
Tagged = tuple[str, str, str]  # word, coarse class, B/I/O


def _excluded() -> set[str]:
    words = {normalize_str(w) for w in ("و", "ف")}
    for name in ("honorifics.tsv", "name_particles.tsv", "title_heads.tsv"):
        for line in load_list(name):
            words.update(normalize_str(w) for w in line.split("\t")[0].split())
    return words


def _sentences(path: Path, sep: str, fane: bool) -> Iterator[list[Tagged]]:
    sentence: list[Tagged] = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        fields = line.replace("\u200e", "").strip().split(sep)
        if len(fields) < 2:
            if sentence:
                yield sentence
            sentence = []
            continue
        tag = fields[1]
        kind = tag[2:]
        person = kind in FANE_PERSON_CLASSES if fane else kind in ("PERS", "PER")
        sentence.append((fields[0], "PERS" if person else ("O" if tag == "O" else kind), tag[:1]))
    if sentence:
        yield sentence


def count(root: Path) -> tuple[Counter, Counter, Counter]:
    first, total, in_person = Counter(), Counter(), Counter()
    sources = [(root / f, " ", False) for f in CONLL_FILES] + [(root / f, "\t", True) for f in FANE_FILES]
    for path, sep, fane in sources:
        for sentence in _sentences(path, sep, fane):
            for i, (word, kind, bio) in enumerate(sentence):
                key = normalize_str(word)
                total[key] += 1
                if kind != "PERS":
                    continue
                in_person[key] += 1
                if bio == "B" and i + 1 < len(sentence) and sentence[i + 1][1:] == ("PERS", "I"):
                    first[key] += 1
    return first, total, in_person


def first_names(root: Path, ambiguous: bool = False) -> list[str]:
    """The given names; with ``ambiguous``, those of them used less often as names than as words."""
    first, total, in_person = count(root)
    excluded = _excluded()
    names = []
    for word, starts in first.items():
        if word in excluded or len(word) < 2 or word.startswith("ال"):
            continue
        if not all("\u0621" <= ch <= "\u064a" for ch in word):
            continue
        share = in_person[word] / total[word]
        if (starts >= 2 and share >= MIN_PERSON_SHARE) or share >= 0.75:
            if not ambiguous or share < AMBIGUOUS_SHARE:
                names.append(word)
    return sorted(names)


HEADER = """\
# Person first names, normalized (rasid.text.normalize), one per line. DERIVED, do not edit by hand:
#   python scripts/derive_first_names.py ../shared/corpora/ner > rasid/lang/data/person_first_names.txt
# Source: the first tokens of multi-token person entities in ANERCorp (Benajiba & Rosso 2007; distributed
# by its author for research), AQMAR (Mohit et al. 2012; CC BY-SA 3.0) and WikiFANE/NewsFANE Gold 2014
# (Alotaibi & Lee 2014; CC BY-SA 3.0). This list is a derived work shared under CC BY-SA 3.0.
# Hand-curated common names are in person_first_names_common.txt.
"""

AMBIGUOUS_HEADER = """\
# Given names that the corpora use less often as names than as common words (رؤى، أمل، باسم), normalized.
# DERIVED, do not edit by hand:
#   python scripts/derive_first_names.py ../shared/corpora/ner --ambiguous > rasid/lang/data/person_first_names_ambiguous.txt
# Source and licence as person_first_names.txt (ANERCorp, AQMAR, WikiFANE/NewsFANE; derived work, CC BY-SA 3.0).
"""

if __name__ == "__main__":
    if "--ambiguous" in sys.argv:
        sys.stdout.write(AMBIGUOUS_HEADER + "\n".join(first_names(Path(sys.argv[1]), ambiguous=True)) + "\n")
    else:
        sys.stdout.write(HEADER + "\n".join(first_names(Path(sys.argv[1]))) + "\n")
