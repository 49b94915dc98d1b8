"""Derive rasid/lang/data/common_words.txt: frequent words that are not names, from the NER corpora.

A word (normalized) is common when it occurs at least MIN_COUNT times in
ANERCorp, AQMAR, WikiFANE and NewsFANE and at least 97% of its occurrences are
outside every named entity. Forms that are a clitic plus another listed word
(وقال، بالمجال) are left out, so the tokenizer still splits them.

Usage: python scripts/derive_common_words.py ../shared/corpora/ner > rasid/lang/data/common_words.txt
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from derive_first_names import CONLL_FILES, FANE_FILES, _sentences
from rasid.text.normalize import normalize_str

MIN_COUNT = 5
MIN_OUTSIDE_SHARE = 0.97
MIN_LENGTH = 3
CLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "لل", "وس", "س")

HEADER = """\
# Common Arabic words that are not names (normalized, one per line). DERIVED, do not edit by hand:
#   python scripts/derive_common_words.py ../shared/corpora/ner > rasid/lang/data/common_words.txt
# Words seen >= 5 times and >= 97% outside named entities in ANERCorp (Benajiba & Rosso 2007; distributed
# by its author for research), AQMAR (Mohit et al. 2012; CC BY-SA 3.0) and WikiFANE/NewsFANE Gold 2014
# (Alotaibi & Lee 2014; CC BY-SA 3.0). This list is a derived work shared under CC BY-SA 3.0.
"""


def common_words(root: Path) -> list[str]:
    total, outside = Counter(), Counter()
    sources = [(root / f, " ", False) for f in CONLL_FILES] + [(root / f, "\t", True) for f in FANE_FILES]
    for path, sep, fane in sources:
        for sentence in _sentences(path, sep, fane):
            for word, kind, _bio in sentence:
                key = normalize_str(word)
                total[key] += 1
                if kind == "O":
                    outside[key] += 1
    words = {
        w for w, n in total.items()
        if n >= MIN_COUNT and outside[w] / n >= MIN_OUTSIDE_SHARE and len(w) >= MIN_LENGTH
        and all("\u0621" <= ch <= "\u064a" for ch in w)
    }
    return sorted(w for w in words if not _clitic_form(w, words))


def _clitic_form(word: str, words: set[str]) -> bool:
    for clitic in CLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= 2:
            rest = word[len(clitic):]
            if rest in words or "ال" + rest in words or (rest.startswith("ال") and rest[2:] in words):
                return True
    return False


if __name__ == "__main__":
    sys.stdout.write(HEADER + "\n".join(common_words(Path(sys.argv[1]))) + "\n")
