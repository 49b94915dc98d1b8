"""The event listing: story events (copies of one story counted once), filtered and paginated."""
from __future__ import annotations

from collections import defaultdict, namedtuple
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from rasid.search.filters import Filters, Paging, entity_ids
from rasid.store.rawsql import RawSql
from rasid.store.schema import event_countries, event_participants, event_sectors, events


def conditions(connection: Connection, filters: Filters, entity: int | None = None) -> list[sa.ColumnElement]:
    """Each filter as ``events.num IN (an indexed lookup)``; all must hold."""
    where: list[sa.ColumnElement] = []
    for code in filters.countries:  # every country takes part: two make a country pair
        where.append(events.c.num.in_(sa.select(event_countries.c.event).where(event_countries.c.country == code)))
    for entity_type, values in (("PERSON", filters.persons), ("ORG", filters.organizations)):
        for value in values:
            nums = entity_ids(connection, entity_type, value) or [-1]
            where.append(events.c.num.in_(
                sa.select(event_participants.c.event).where(event_participants.c.entity.in_(nums))))
    if entity is not None:
        where.append(events.c.num.in_(
            sa.select(event_participants.c.event).where(event_participants.c.entity == entity)))
    if filters.types:
        where.append(events.c.type.in_(filters.types))
    if filters.sectors:
        where.append(events.c.num.in_(
            sa.select(event_sectors.c.event).where(event_sectors.c.sector.in_(filters.sectors))))
    if filters.since:
        where.append(events.c.day >= filters.since)
    if filters.until:
        where.append(events.c.day <= filters.until)
    return where


EVENT_COLUMNS = ("num", "story_id", "key", "type", "mode", "status", "instrument", "agreement_status", "date",
                 "location", "day")
EventRow = namedtuple("EventRow", EVENT_COLUMNS)
DESCRIBE = {  # (event, value...) of the events listed, each in one round trip
    "countries": "SELECT event, country FROM event_countries WHERE event IN ({nums}) ORDER BY event, country",
    "sectors": "SELECT event, sector FROM event_sectors WHERE event IN ({nums}) ORDER BY event, sector",
    "articles": "SELECT event, article_id FROM event_articles WHERE event IN ({nums}) ORDER BY event, article_id",
    "participants": """SELECT p.event, p.entity, e.name, e.type, p.role FROM event_participants p
JOIN entities e ON e.num = p.entity WHERE p.event IN ({nums}) ORDER BY p.event, p.entity""",
}
ENTITY_EVENT_COUNT = "SELECT count(DISTINCT event) FROM event_participants WHERE entity = :entity"
ENTITY_EVENTS = f"""SELECT {", ".join(EVENT_COLUMNS)} FROM events
WHERE num IN (SELECT event FROM event_participants WHERE entity = :entity)
ORDER BY day DESC, num DESC LIMIT :limit OFFSET :offset"""


def _grouped(sql: RawSql, statement: str, nums: list[int]) -> dict[int, list]:
    """event -> its values (one value, or a tuple of several) for the events ``nums``."""
    grouped: dict[int, list] = defaultdict(list)
    if not nums:
        return grouped
    params = {f"n{i}": num for i, num in enumerate(nums)}
    for event, *rest in sql.rows(statement.format(nums=", ".join(f":{name}" for name in params)), params):
        grouped[event].append(rest[0] if len(rest) == 1 else rest)
    return grouped


def describe(connection: Connection, rows: list) -> list[dict[str, Any]]:
    """Events as the API gives them, from rows of the events table (SQLAlchemy rows or EventRows)."""
    sql = RawSql(connection)
    nums = [r.num for r in rows]
    countries, sectors, told, participants = (_grouped(sql, DESCRIBE[part], nums) for part in
                                              ("countries", "sectors", "articles", "participants"))
    return [{
        "id": r.num, "type": r.type, "mode": r.mode, "status": r.status,
        "agreement": {"instrument": r.instrument, "status": r.agreement_status} if r.instrument else None,
        "countries": countries[r.num], "sectors": sectors[r.num],
        "participants": [{"entity": e, "name": n, "type": t, "role": role}
                         for e, n, t, role in participants[r.num]],
        "date": r.date, "location": r.location, "day": r.day, "story": r.story_id,
        "articles": told[r.num],
    } for r in rows]


def entity_events(connection: Connection, entity: int, paging: Paging) -> dict[str, Any]:
    """The story events an entity took part in, newest first: the entity page's list, in plain SQL."""
    sql = RawSql(connection)
    total = sql.value(ENTITY_EVENT_COUNT, {"entity": entity})
    rows = [EventRow(*row) for row in sql.rows(ENTITY_EVENTS, {"entity": entity, "limit": paging.limit,
                                                                "offset": paging.offset})]
    return paging.page(describe(connection, rows), total)


def list_events(connection: Connection, filters: Filters, paging: Paging,
                entity: int | None = None) -> dict[str, Any]:
    if entity is not None and filters == Filters():
        return entity_events(connection, entity, paging)
    base = sa.select(events).where(*conditions(connection, filters, entity))
    total = connection.execute(sa.select(sa.func.count()).select_from(base.subquery())).scalar_one()
    rows = connection.execute(
        base.order_by(events.c.day.desc(), events.c.num.desc()).limit(paging.limit).offset(paging.offset)).all()
    return paging.page(describe(connection, rows), total)
