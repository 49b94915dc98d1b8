"""Search and filter parameters, validated once: anything that reaches SQL is a bound value."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from rasid.registry.names import name_key
from rasid.registry.resolve import RegistryError, canonical

COUNTRY_RE = re.compile(r"^[A-Z]{2}$")
TOKEN_RE = re.compile(r"^[A-Za-z_]{1,40}$")
MAX_LIMIT = 100
DEFAULT_LIMIT = 20
MAX_VALUES = 10

FIND_ENTITIES = sa.text("""SELECT DISTINCT entity FROM entity_names
WHERE type = :type AND norm = :norm AND kind IN ('name', 'alias')""")


class BadQuery(ValueError):
    """A search or filter parameter that is not valid: the message says which and why."""


def _day(value: str | None, name: str) -> str | None:
    if value in (None, ""):
        return None
    try:
        return datetime.fromisoformat(value).date().isoformat()
    except ValueError as exc:
        raise BadQuery(f"{name}: expected a date YYYY-MM-DD, got {value[:40]!r}") from exc


def _tokens(values: tuple[str, ...] | list[str], name: str, upper: bool = False) -> tuple[str, ...]:
    if len(values) > MAX_VALUES:
        raise BadQuery(f"{name}: at most {MAX_VALUES} values")
    out = []
    for value in values:
        value = value.strip().upper() if upper else value.strip()
        pattern = COUNTRY_RE if name == "country" else TOKEN_RE
        if not pattern.match(value):
            raise BadQuery(f"{name}: {value[:40]!r} is not a valid value")
        out.append(value)
    return tuple(out)


@dataclass(frozen=True)
class Filters:
    persons: tuple[str, ...] = ()  # registry ids or names
    organizations: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()  # ISO alpha-2; two make a country pair
    types: tuple[str, ...] = ()  # event types, any of
    sectors: tuple[str, ...] = ()  # any of
    since: str | None = None
    until: str | None = None

    @classmethod
    def make(cls, persons=(), organizations=(), countries=(), types=(), sectors=(), since=None, until=None):
        if len(persons) > MAX_VALUES or len(organizations) > MAX_VALUES:
            raise BadQuery(f"person/organization: at most {MAX_VALUES} values")
        return cls(tuple(persons), tuple(organizations), _tokens(countries, "country", upper=True),
                   _tokens(types, "type", upper=True), _tokens(sectors, "sector"),
                   _day(since, "since"), _day(until, "until"))


@dataclass(frozen=True)
class Paging:
    limit: int = DEFAULT_LIMIT
    offset: int = 0

    @classmethod
    def make(cls, limit: int | None = None, offset: int | None = None) -> "Paging":
        limit = DEFAULT_LIMIT if limit is None else limit
        offset = 0 if offset is None else offset
        if not 1 <= limit <= MAX_LIMIT:
            raise BadQuery(f"limit: between 1 and {MAX_LIMIT}")
        if offset < 0:
            raise BadQuery("offset: 0 or more")
        return cls(limit, offset)

    def page(self, items: list[Any], total: int) -> dict[str, Any]:
        return {"items": items, "total": total, "limit": self.limit, "offset": self.offset}


def entity_ids(connection: Connection, entity_type: str, value: str) -> list[int]:
    """Registry entities meant by ``value``: a registry id, or a name (any entity known by it)."""
    value = value.strip()
    if value.isdigit():
        try:
            return [canonical(connection, int(value))]
        except RegistryError:  # an unknown id matches nothing
            return []
    rows = connection.execute(FIND_ENTITIES, {"type": entity_type, "norm": name_key(value)}).scalars()
    return sorted({canonical(connection, n) for n in rows})
