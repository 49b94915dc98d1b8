"""Matching rules of the evaluation.

Names are compared after Arabic normalization (rasid.text.normalize: hamza
forms, alef maqsura, ta marbuta, diacritics, tatweel) with "عبد ال..." and
"عبدال..." made equal, leading conjunction و dropped and whitespace collapsed.

- Persons and speakers: equal keys, or one name's tokens form a contiguous run
  of the other's (a short form «طلعت» against «عمرو طلعت»), or equal to one of
  the other side's aliases.
- Organizations: equal keys or an alias, or token F1 >= ORG_TOKEN_F1.
- Titles: token F1 >= TITLE_TOKEN_F1 between the two title phrases.
- Events: same type and country sets with Jaccard >= EVENT_COUNTRY_JACCARD.

Every pairing is one-to-one: candidate pairs are ranked by score (exact
matches first) and taken greedily, each item used at most once.
"""
from __future__ import annotations

import re
from typing import Callable, Sequence, TypeVar

from rasid.text.normalize import normalize_str

ORG_TOKEN_F1 = 0.75
TITLE_TOKEN_F1 = 0.75
EVENT_COUNTRY_JACCARD = 0.5

A = TypeVar("A")
B = TypeVar("B")
ABD_RE = re.compile(r"\b(عبد|ابو|أبو)\s+(?=ال)")
NON_WORD_RE = re.compile(r"[^\w\s]")


def name_key(name: str) -> tuple[str, ...]:
    text = NON_WORD_RE.sub(" ", normalize_str(name))
    text = ABD_RE.sub(lambda m: normalize_str(m.group(1)), text)
    words = text.split()
    if words and words[0].startswith("و") and len(words[0]) > 3 and words[0][1:].startswith("ال"):
        words[0] = words[0][1:]
    return tuple(words)


def token_f1(a: Sequence[str], b: Sequence[str]) -> float:
    if not a or not b:
        return 0.0
    common = 0
    pool = list(b)
    for word in a:
        if word in pool:
            pool.remove(word)
            common += 1
    if common == 0:
        return 0.0
    precision, recall = common / len(a), common / len(b)
    return 2 * precision * recall / (precision + recall)


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    n = len(short)
    return any(long[i:i + n] == short for i in range(len(long) - n + 1))


def _exact_or_alias(ka: tuple[str, ...], a_aliases: Sequence[str], kb: tuple[str, ...],
                    b_aliases: Sequence[str]) -> float | None:
    """1.0 for equal keys, 0.9 for a key equal to the other side's alias, 0.0 for an empty key, else None."""
    if not ka or not kb:
        return 0.0
    if ka == kb:
        return 1.0
    if any(name_key(x) == kb for x in a_aliases) or any(name_key(x) == ka for x in b_aliases):
        return 0.9
    return None


def person_name_score(a: str, a_aliases: Sequence[str], b: str, b_aliases: Sequence[str]) -> float:
    ka, kb = name_key(a), name_key(b)
    exact = _exact_or_alias(ka, a_aliases, kb, b_aliases)
    if exact is not None:
        return exact
    short, long = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
    if _contains(long, short):
        return 0.5 * len(short) / len(long)
    return 0.0


def org_name_score(a: str, a_aliases: Sequence[str], b: str, b_aliases: Sequence[str]) -> float:
    ka, kb = name_key(a), name_key(b)
    exact = _exact_or_alias(ka, a_aliases, kb, b_aliases)
    if exact is not None:
        return exact
    f1 = token_f1(ka, kb)
    return 0.8 * f1 if f1 >= ORG_TOKEN_F1 else 0.0


def title_score(a: str, b: str) -> float:
    f1 = token_f1(name_key(a), name_key(b))
    return f1 if f1 >= TITLE_TOKEN_F1 else 0.0


def jaccard(a: Sequence[str], b: Sequence[str]) -> float:
    sa, sb = set(a), set(b)
    if not sa and not sb:
        return 1.0
    return len(sa & sb) / len(sa | sb)


def one_to_one(
    predicted: Sequence[A], gold: Sequence[B], score: Callable[[A, B], float]
) -> list[tuple[A, B, float]]:
    """Greedy one-to-one pairing by descending score; pairs scoring 0 are not candidates."""
    candidates = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            s = score(p, g)
            if s > 0:
                candidates.append((s, i, j))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for s, i, j in candidates:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((predicted[i], gold[j], s))
    return pairs
