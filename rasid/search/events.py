"""The event listing: story events (copies of one story counted once), filtered and paginated."""
from __future__ import annotations

from collections import defaultdict
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from rasid.search.filters import Filters, Paging, entity_ids
from rasid.store.schema import entities, event_articles, event_countries, event_participants, event_sectors, events


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


def _grouped(connection: Connection, statement: sa.Select) -> dict[int, list]:
    grouped: dict[int, list] = defaultdict(list)
    for event, *rest in connection.execute(statement):
        grouped[event].append(rest[0] if len(rest) == 1 else rest)
    return grouped


def describe(connection: Connection, rows: list[sa.Row]) -> list[dict[str, Any]]:
    nums = [r.num for r in rows]
    countries = _grouped(connection, sa.select(event_countries.c.event, event_countries.c.country)
                         .where(event_countries.c.event.in_(nums)).order_by(event_countries.c.country))
    sectors = _grouped(connection, sa.select(event_sectors.c.event, event_sectors.c.sector)
                       .where(event_sectors.c.event.in_(nums)).order_by(event_sectors.c.sector))
    told = _grouped(connection, sa.select(event_articles.c.event, event_articles.c.article_id)
                    .where(event_articles.c.event.in_(nums)).order_by(event_articles.c.article_id))
    participants = _grouped(connection, sa.select(
        event_participants.c.event, event_participants.c.entity, entities.c.name, entities.c.type,
        event_participants.c.role).join_from(event_participants, entities,
                                             entities.c.num == event_participants.c.entity)
        .where(event_participants.c.event.in_(nums)).order_by(event_participants.c.entity))
    return [{
        "id": r.num, "type": r.type, "mode": r.mode, "status": r.status,
        "agreement": {"instrument": r.instrument, "status": r.agreement_status} if r.instrument else None,
        "countries": countries[r.num], "sectors": sectors[r.num],
        "participants": [{"entity": e, "name": n, "type": t, "role": role}
                         for e, n, t, role in participants[r.num]],
        "date": r.date, "location": r.location, "day": r.day, "story": r.story_id,
        "articles": told[r.num],
    } for r in rows]


def list_events(connection: Connection, filters: Filters, paging: Paging,
                entity: int | None = None) -> dict[str, Any]:
    base = sa.select(events).where(*conditions(connection, filters, entity))
    total = connection.execute(sa.select(sa.func.count()).select_from(base.subquery())).scalar_one()
    rows = connection.execute(
        base.order_by(events.c.day.desc(), events.c.num.desc()).limit(paging.limit).offset(paging.offset)).all()
    return paging.page(describe(connection, rows), total)
