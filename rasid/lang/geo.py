"""Geographic lexicons: states (CLDR names, long forms, adjectives), capitals and cities.

Everything is read from data files (and CLDR through Babel) once and cached.
Lookups run through ``PhraseMatcher`` tries over token stems.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rasid.lang import load_list, load_table
from rasid.lang.matcher import PhraseMatcher, phrase_key

ISO_CODE_RE = re.compile(r"[A-Z]{2}")
# CLDR territories that are not states, or not states Rasid reports.
NOT_STATES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "AC", "CP", "DG", "EA", "IC", "TA", "AQ", "BV",
                        "HM", "UM", "IO", "TF", "GS", "CQ"})
ADJECTIVE_ENDINGS = ("", "ة", "ون", "ين", "ان", "تان", "تين", "ا")  # ا: accusative (فلسطينيا)
ARTICLE = "ال"
MIN_BARE_IRREGULAR = 4  # an irregular plural without the article needs four letters to be told apart
CLDR_PAREN_RE = re.compile(r"\s*\(.*?\)\s*")


@dataclass(frozen=True)
class CountryWord:
    """What a lexicon phrase says about a state."""

    code: str
    kind: str  # name | adjective | capital | city | reference | group
    feminine_or_plural: bool = False
    masculine_singular_definite: bool = False
    candidates: tuple[str, ...] = ()  # reference: the states it may stand for; group: those it names


def _split(field: str) -> list[str]:
    return [part.strip() for part in field.split("|") if part.strip()]


@lru_cache(maxsize=1)
def cldr_country_names() -> dict[str, str]:
    """ISO code -> Arabic short name, from CLDR."""
    from babel import Locale

    names = {}
    for code, name in Locale("ar").territories.items():
        if ISO_CODE_RE.fullmatch(code) and code not in NOT_STATES:
            names[code] = CLDR_PAREN_RE.sub(" ", name).strip()
    return names


@lru_cache(maxsize=1)
def country_names() -> dict[str, tuple[str, ...]]:
    """ISO code -> every name form (CLDR short name first, then the data file's forms)."""
    names: dict[str, list[str]] = {code: [name] for code, name in cldr_country_names().items()}
    for code, forms in load_table("country_names.tsv", 2):
        names.setdefault(code, [])
        names[code].extend(f for f in _split(forms) if f not in names[code])
    return {code: tuple(forms) for code, forms in names.items()}


def _with_article(phrase: str, base: str | None = None) -> str:
    """"كوري شمالي" -> "الكوري الشمالي"; "جنوب أفريقي" -> "الجنوب أفريقي". ``base``: the masculine form an
    inflected ``phrase`` comes from, which tells whether every word is an adjective ("كورية جنوبية" ->
    "الكورية الجنوبية")."""
    words = phrase.split()
    if all(w.endswith("ي") for w in (base or phrase).split()):
        return " ".join(ARTICLE + w for w in words)
    return ARTICLE + phrase


def inflect_adjective(base: str) -> list[tuple[str, bool]]:
    """All forms of a nisba adjective: (form, is masculine singular)."""
    words = base.split()
    inflected = []
    for ending in ADJECTIVE_ENDINGS:
        if all(w.endswith("ي") for w in words):
            form = " ".join(w + ending for w in words)
        else:
            form = " ".join(words[:-1] + [words[-1] + ending])
        inflected.append((form, ending in ("", "ا")))
    return inflected


@lru_cache(maxsize=1)
def country_adjectives() -> tuple[tuple[str, str, bool, bool], ...]:
    """(form, code, definite, masculine singular) for every inflected nationality adjective."""
    forms = []
    for code, bases, irregular in load_table("country_adjectives.tsv", 3):
        for base in _split(bases):
            for form, masculine in inflect_adjective(base):
                forms.append((form, code, False, masculine))
                forms.append((_with_article(form, base), code, True, masculine))
        for form in _split(irregular):
            bare = form[len(ARTICLE):] if form.startswith(ARTICLE) else form
            forms.append((ARTICLE + bare, code, True, False))
            if len(bare) >= MIN_BARE_IRREGULAR:  # روس is also Ross, and بروس Bruce
                forms.append((bare, code, False, False))
    return tuple(forms)


@lru_cache(maxsize=1)
def places() -> tuple[tuple[str, str, str], ...]:
    """(name, code, kind) for capitals and cities."""
    rows = []
    for code, kind, names in load_table("places.tsv", 3):
        for name in _split(names):
            rows.append((name, code, kind))
    return tuple(rows)


@lru_cache(maxsize=1)
def country_matcher() -> PhraseMatcher[CountryWord]:
    """One trie for names, adjectives, capitals, cities and bare references.

    Where one phrase is two things (الجزائر: the state and its capital), the state wins:
    entries added later overwrite earlier ones, so states and adjectives come last.
    """
    matcher: PhraseMatcher[CountryWord] = PhraseMatcher()
    for name, code, kind in places():
        matcher.add(name, CountryWord(code, kind))
    for phrase, candidates, mode in load_table("country_references.tsv", 3):
        codes = tuple(_split(candidates))
        matcher.add(phrase, CountryWord(codes[0], "reference" if mode == "one" else "group", candidates=codes))
    for form, code, definite, masculine in country_adjectives():
        matcher.add(form, CountryWord(code, "adjective", feminine_or_plural=not masculine,
                                      masculine_singular_definite=masculine and definite))
    for code, forms in country_names().items():
        for form in forms:
            matcher.add(form, CountryWord(code, "name"))
    return matcher


@lru_cache(maxsize=1)
def false_friends() -> PhraseMatcher[bool]:
    return PhraseMatcher((phrase, True) for phrase in load_list("country_false_friends.txt"))


@lru_cache(maxsize=1)
def ambiguous_country_words() -> frozenset[tuple[str, ...]]:
    return frozenset(phrase_key(p) for p in load_list("country_ambiguous.txt"))
