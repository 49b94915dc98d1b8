"""The web pages' query parameters: read once from the request, validated into rasid.search
Filters (a bad value raises BadQuery with a message the page shows), and written back into
links (paging, facets, exports) with the same names."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from starlette.datastructures import QueryParams

from rasid.search.filters import MAX_VALUES, BadQuery, Filters

PAGE_SIZE = 20
MAX_PAGE = 500
MAX_QUERY_CHARS = 500
PAIR_RE = re.compile(r"^([A-Za-z]{2})-([A-Za-z]{2})$")
LIST_FIELDS = ("country", "person", "org", "type", "sector")


@dataclass(frozen=True)
class Form:
    """What the user asked, as typed (echoed back into the form and links)."""

    q: str = ""
    country: tuple[str, ...] = ()
    person: tuple[str, ...] = ()
    org: tuple[str, ...] = ()
    type: tuple[str, ...] = ()
    sector: tuple[str, ...] = ()
    since: str = ""
    until: str = ""
    page: int = 1
    extra: dict[str, str] = field(default_factory=dict)  # page-specific single values (kind, entity)

    @classmethod
    def read(cls, params: QueryParams, extra: tuple[str, ...] = ()) -> "Form":
        def many(name: str) -> tuple[str, ...]:
            values = tuple(v.strip() for v in params.getlist(name) if v.strip())
            if len(values) > MAX_VALUES:
                raise BadQuery(f"{name}: at most {MAX_VALUES} values")
            return values

        q = params.get("q", "").strip()
        if len(q) > MAX_QUERY_CHARS:
            raise BadQuery(f"q: at most {MAX_QUERY_CHARS} characters")
        page_text = params.get("page", "1").strip() or "1"
        if not page_text.isdigit() or not 1 <= int(page_text) <= MAX_PAGE:
            raise BadQuery(f"page: a number from 1 to {MAX_PAGE}")
        return cls(q=q, country=tuple(c.upper() for c in many("country")), person=many("person"),
                   org=many("org"), type=tuple(t.upper() for t in many("type")), sector=many("sector"),
                   since=params.get("since", "").strip(), until=params.get("until", "").strip(),
                   page=int(page_text), extra={k: params.get(k, "").strip() for k in extra})

    def filters(self) -> Filters:
        return Filters.make(self.person, self.org, self.country, self.type, self.sector,
                            self.since or None, self.until or None)

    @property
    def offset(self) -> int:
        return (self.page - 1) * PAGE_SIZE

    def pairs(self, **changes) -> list[tuple[str, str]]:
        """The form as (name, value) pairs, with ``changes`` applied (a list replaces, None drops)."""
        values: dict[str, object] = {"q": self.q, **{f: list(getattr(self, f)) for f in LIST_FIELDS},
                                     "since": self.since, "until": self.until,
                                     "page": self.page if self.page > 1 else "", **self.extra}
        values.update(changes)
        out = []
        for name, value in values.items():
            for item in (value if isinstance(value, (list, tuple)) else [value]):
                if item not in (None, ""):
                    out.append((name, str(item)))
        return out

    def query(self, **changes) -> str:
        """The query string of this form with ``changes`` (paging resets unless given)."""
        changes.setdefault("page", None)
        return urlencode(self.pairs(**changes))

    def adding(self, name: str, value: str) -> str:
        """The query string with one more value of a list filter (a facet link)."""
        current = list(getattr(self, name))
        return self.query(**{name: current if value in current else current + [value]})

    def without(self, name: str, value: str) -> str:
        return self.query(**{name: [v for v in getattr(self, name) if v != value]})

    def is_empty(self) -> bool:
        return not (self.q or any(getattr(self, f) for f in LIST_FIELDS) or self.since or self.until)

    def with_countries(self, codes: tuple[str, ...]) -> "Form":
        return replace(self, country=codes)


def parse_pair(pair: str) -> tuple[str, str]:
    """'EG-IQ' -> ('EG', 'IQ'), the two codes in alphabetical order."""
    match = PAIR_RE.match(pair.strip())
    if not match:
        raise BadQuery(f"country pair: two ISO codes joined by '-', like EG-IQ (got {pair[:20]!r})")
    a, b = match.group(1).upper(), match.group(2).upper()
    if a == b:
        raise BadQuery("country pair: two different states")
    return (a, b) if a < b else (b, a)
