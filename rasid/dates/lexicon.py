"""Month names (months.tsv) and relative date words (date_words.tsv) as phrase matchers."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rasid.lang import LanguageDataError, load_table
from rasid.lang.matcher import PhraseMatcher, phrase_key

CALENDARS = ("gregorian", "hijri", "syriac")
WORD_KINDS = ("day_offset", "weekday", "direction", "period", "year_word", "hijri_suffix", "gregorian_suffix")


@dataclass(frozen=True)
class Month:
    calendar: str
    number: int


@dataclass(frozen=True)
class DateWord:
    kind: str
    value: str


@lru_cache(maxsize=1)
def month_matcher() -> PhraseMatcher[Month]:
    matcher: PhraseMatcher[Month] = PhraseMatcher()
    for name, calendar, number in load_table("months.tsv", 3):
        if calendar not in CALENDARS or not number.isdigit():
            raise LanguageDataError(f"months.tsv: bad row {name!r} {calendar!r} {number!r}")
        # Syriac month names are the Levantine/Iraqi names of Gregorian months.
        matcher.add(name, Month("hijri" if calendar == "hijri" else "gregorian", int(number)))
    return matcher


@lru_cache(maxsize=1)
def word_matcher() -> PhraseMatcher[DateWord]:
    matcher: PhraseMatcher[DateWord] = PhraseMatcher()
    for cell, kind, value in load_table("date_words.tsv", 3):
        if kind not in WORD_KINDS:
            raise LanguageDataError(f"date_words.tsv: unknown kind {kind!r}")
        for phrase in filter(None, (p.strip() for p in cell.split("|"))):
            if phrase_key(phrase):
                matcher.add(phrase, DateWord(kind, value))
    return matcher
