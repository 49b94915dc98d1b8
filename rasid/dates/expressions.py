"""Date expressions in the text, resolved to ISO dates with a granularity.

Absolute Gregorian and Hijri dates (12 يونيو/حزيران 2018، 26 شوال 1436 هـ),
months and years (فبراير 2014، عام 2013), day ranges (يومي 1 و2 مارس) and
dates relative to the publication date (اليوم، أمس، الخميس الماضي،
فبراير الماضي، الأسبوع الماضي). One linear pass over the tokens.
"""
from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from hijridate import Hijri

from rasid.dates.lexicon import Month, month_matcher, word_matcher
from rasid.text.tokenize import Token

MAX_DAY = 31
MIN_YEAR, MAX_YEAR = 1000, 2200
HIJRI_YEARS = range(1300, 1600)
MONTH_SLASH = "/"
AND = "و"
WEEK = 7
RELATIVE_ANCHORS = ("day_offset", "weekday", "period")


@dataclass(frozen=True)
class Item:
    first: int
    last: int
    kind: str  # number | month | slash | and | a DateWord kind
    value: Any


@dataclass
class DateExpression:
    start: int  # character offsets
    stop: int
    value: date | None  # None: relative to a publication date that is unknown
    end: date | None
    granularity: str  # day | month | year | range
    sentence: int
    direction: int | None = None  # for relative dates: -1 past, 0 current, +1 future
    anchor: str = "absolute"  # absolute | day_offset (اليوم، أمس) | weekday | month | period

    def relation(self, published: date | None) -> str | None:
        if self.value is None or published is None:
            return {-1: "past", 1: "future", 0: "same"}.get(self.direction) if self.direction is not None else None
        last = self.end or _period_end(self.value, self.granularity)
        if last < published:
            return "past"
        if self.value > published:
            return "future"
        return "same"

    def as_dict(self, published: date | None) -> dict[str, Any]:
        return {
            "value": self.value.isoformat() if self.value else None, "end": self.end.isoformat() if self.end else None,
            "granularity": self.granularity, "start": self.start, "stop": self.stop,
            "sentence": self.sentence, "relation": self.relation(published), "anchor": self.anchor,
        }


def _period_end(value: date, granularity: str) -> date:
    if granularity == "month":
        return value.replace(day=monthrange(value.year, value.month)[1])
    if granularity == "year":
        return value.replace(month=12, day=31)
    return value


def _items(tokens: list[Token]) -> list[Item]:
    months = {m.first: m for m in month_matcher().find(tokens, skip_meta=False)}  # callers choose the tokens
    words = {w.first: w for w in word_matcher().find(tokens, skip_meta=False)}
    items: list[Item] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if i in months:
            m = months[i]
            items.append(Item(m.first, m.last, "month", m.payload))
            i = m.last
            continue
        if i in words:
            w = words[i]
            items.append(Item(w.first, w.last, w.payload.kind, w.payload))
            i = w.last
            continue
        if token.kind == "number" and token.norm.isdigit():
            items.append(Item(i, i + 1, "number", int(token.norm)))
        elif token.kind == "number" and token.norm.count(MONTH_SLASH) == 2:
            parts = token.norm.split(MONTH_SLASH)
            if all(p.isdigit() for p in parts):
                items.append(Item(i, i + 1, "numeric", tuple(int(p) for p in parts)))
        elif token.text == MONTH_SLASH:
            items.append(Item(i, i + 1, "slash", None))
        elif token.norm == AND:
            items.append(Item(i, i + 1, "and", None))
        i += 1
    return items


def _adjacent(items: list[Item], k: int, kind: str) -> Item | None:
    """items[k] when it has ``kind`` and directly follows items[k-1]."""
    if k < len(items) and items[k].kind == kind and (k == 0 or items[k].first == items[k - 1].last):
        return items[k]
    return None


class _Parser:
    def __init__(self, tokens: list[Token], published: date | None):
        self.tokens = tokens
        self.published = published
        self.items = _items(tokens)

    def parse(self) -> list[DateExpression]:
        found: list[DateExpression] = []
        k = 0
        while k < len(self.items):
            result = self._at(k)
            if result is None:
                k += 1
                continue
            expression, k = result
            found.append(expression)
        return found

    def _expression(self, first: Item, last: Item, value: date | None, end: date | None, granularity: str,
                    direction: int | None = None):
        anchor = first.kind if first.kind in RELATIVE_ANCHORS else ("month" if direction is not None else "absolute")
        token = self.tokens[first.first]
        start = token.stem_start if token.kind == "word" else token.start  # leading clitics are not the date
        return DateExpression(start, self.tokens[last.last - 1].end, value, end, granularity, token.sentence,
                              direction, anchor)

    def _month_after(self, k: int) -> tuple[Month, int] | None:
        """A month at items[k], with a slashed alternative name (يونيو/حزيران) skipped."""
        month = _adjacent(self.items, k, "month")
        if month is None:
            return None
        if _adjacent(self.items, k + 1, "slash") and _adjacent(self.items, k + 2, "month"):
            return month.value, k + 2
        return month.value, k

    def _year_after(self, k: int, month: Month) -> tuple[int | None, int, str]:
        """An optional year after items[k-1]: (year, index of the last item used, calendar)."""
        calendar = month.calendar
        year_item = _adjacent(self.items, k, "number")
        if year_item is None or not MIN_YEAR <= year_item.value <= MAX_YEAR:
            return None, k - 1, calendar
        last = k
        if _adjacent(self.items, k + 1, "hijri_suffix"):
            calendar, last = "hijri", k + 1
        elif _adjacent(self.items, k + 1, "gregorian_suffix"):
            last = k + 1
        return year_item.value, last, calendar

    def _at(self, k: int) -> tuple[DateExpression, int] | None:
        item = self.items[k]
        if item.kind == "number" and 1 <= item.value <= MAX_DAY:
            return self._day_month(k)
        if item.kind == "month":
            return self._month_year(k)
        if item.kind == "numeric":
            return self._numeric(k)
        if item.kind == "year_word":
            year = _adjacent(self.items, k + 1, "number")
            if year is not None and MIN_YEAR <= year.value <= MAX_YEAR:
                last = k + 2 if _adjacent(self.items, k + 2, "gregorian_suffix") else k + 1
                return self._expression(item, self.items[last], date(year.value, 1, 1), None, "year"), last + 1
            return None
        if self.published is None:
            return self._unresolved(k)
        if item.kind == "day_offset":
            value = self.published + timedelta(days=int(item.value.value))
            weekday = _adjacent(self.items, k + 1, "weekday")  # غدا الأربعاء, اليوم الأحد: one date
            last = k + 1 if weekday is not None else k
            return self._expression(item, self.items[last], value, None, "day"), last + 1
        if item.kind == "weekday":
            return self._weekday(k)
        if item.kind == "period":
            return self._period(k)
        return None

    def _unresolved(self, k: int) -> tuple[DateExpression, int] | None:
        """A relative date without a publication date: kept with its direction, no value."""
        item = self.items[k]
        if item.kind == "day_offset":
            offset = int(item.value.value)
            return self._expression(item, item, None, None, "day", (offset > 0) - (offset < 0)), k + 1
        direction = _adjacent(self.items, k + 1, "direction")
        if item.kind in ("weekday", "period") and direction is not None:
            granularity = "day" if item.kind == "weekday" else "range"
            return self._expression(item, direction, None, None, granularity, int(direction.value.value)), k + 2
        return None

    def _resolve_day(self, day: int, month: Month, year: int | None, calendar: str) -> date | None:
        try:
            if calendar == "hijri":
                if year is None or year not in HIJRI_YEARS:
                    return None
                gregorian = Hijri(year, month.number, day).to_gregorian()
                return date(gregorian.year, gregorian.month, gregorian.day)
            if year is None:
                if self.published is None:
                    return None
                year = self.published.year
            return date(year, month.number, day)
        except (ValueError, OverflowError):
            return None

    def _day_month(self, k: int) -> tuple[DateExpression, int] | None:
        first = self.items[k]
        days = [first.value]
        j = k + 1
        if _adjacent(self.items, j, "and") and _adjacent(self.items, j + 1, "number") \
                and 1 <= self.items[j + 1].value <= MAX_DAY:
            days.append(self.items[j + 1].value)
            j += 2
        found = self._month_after(j)
        if found is None:
            return None
        month, j = found
        year, last, calendar = self._year_after(j + 1, month)
        start = self._resolve_day(days[0], month, year, calendar)
        if start is None:
            return None
        end = self._resolve_day(days[-1], month, year, calendar) if len(days) > 1 else None
        granularity = "range" if end is not None else "day"
        return self._expression(first, self.items[last], start, end, granularity), last + 1

    def _numeric(self, k: int) -> tuple[DateExpression, int] | None:
        """21/10/1436هـ or 13/5/2018: day/month/year; a year in the Hijri range (or هـ after it) is Hijri."""
        item = self.items[k]
        day, month, year = item.value
        hijri = _adjacent(self.items, k + 1, "hijri_suffix")
        last = k + 1 if hijri or _adjacent(self.items, k + 1, "gregorian_suffix") else k
        calendar = "hijri" if hijri or year in HIJRI_YEARS else "gregorian"
        if not (1 <= month <= 12 and MIN_YEAR <= year <= MAX_YEAR):
            return None
        value = self._resolve_day(day, Month(calendar, month), year, calendar)
        if value is None:
            return None
        return self._expression(item, self.items[last], value, None, "day"), last + 1

    def _month_year(self, k: int) -> tuple[DateExpression, int] | None:
        first = self.items[k]
        month, j = self._month_after(k) or (first.value, k)
        year, last, calendar = self._year_after(j + 1, month)
        if year is not None:
            day = self._resolve_day(1, month, year, calendar)
            if day is None:
                return None
            return self._expression(first, self.items[last], day, None, "month"), last + 1
        direction = _adjacent(self.items, j + 1, "direction")
        if direction is None or month.calendar != "gregorian":
            return None
        step = int(direction.value.value)
        if self.published is None:
            return self._expression(first, direction, None, None, "month", step), j + 2
        year = self.published.year
        if step < 0 and month.number >= self.published.month:
            year -= 1
        elif step > 0 and month.number <= self.published.month:
            year += 1
        return self._expression(first, direction, date(year, month.number, 1), None, "month"), j + 2

    def _weekday(self, k: int) -> tuple[DateExpression, int]:
        item = self.items[k]
        target = int(item.value.value)
        direction = _adjacent(self.items, k + 1, "direction")
        published = self.published
        assert published is not None
        back = (published.weekday() - target) % WEEK
        if direction is not None and int(direction.value.value) > 0:
            value = published + timedelta(days=(target - published.weekday()) % WEEK or WEEK)
        elif direction is not None and int(direction.value.value) < 0:
            value = published - timedelta(days=back or WEEK)
        else:
            value = published - timedelta(days=back)
        last = direction or item
        return self._expression(item, last, value, None, "day"), k + (2 if direction else 1)

    def _period(self, k: int) -> tuple[DateExpression, int] | None:
        item = self.items[k]
        direction = _adjacent(self.items, k + 1, "direction")
        published = self.published
        if direction is None or published is None:
            return None
        step = int(direction.value.value)
        period = item.value.value
        if period == "week":
            monday = published - timedelta(days=published.weekday()) + timedelta(days=WEEK * step)
            return self._expression(item, direction, monday, monday + timedelta(days=WEEK - 1), "range"), k + 2
        if period == "month":
            month_index = published.year * 12 + published.month - 1 + step
            value = date(month_index // 12, month_index % 12 + 1, 1)
            return self._expression(item, direction, value, None, "month"), k + 2
        return self._expression(item, direction, date(published.year + step, 1, 1), None, "year"), k + 2


def find_dates(tokens: list[Token], published: date | None) -> list[DateExpression]:
    return _Parser(tokens, published).parse()
