"""Story events: the events of every copy of one story are merged, not counted twice.

An event's key within its story is its type, countries, instrument and its rank
among the article's events of that kind, so the second AID offer of a wire
story is the second AID offer of each of its copies.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from rasid.store.rawsql import RawSql
from rasid.store.schema import event_articles, event_countries, event_participants, event_sectors, events


def event_base(event: dict[str, Any]) -> tuple:
    agreement = event.get("agreement") or {}
    return (event["type"], tuple(sorted(set(event.get("countries") or []))), agreement.get("instrument"))


def event_keys(record_events: list[dict[str, Any]]) -> list[str]:
    seen: Counter = Counter()
    keys = []
    for event in record_events:
        base = event_base(event)
        seen[base] += 1
        payload = json.dumps([*base, seen[base]], ensure_ascii=False)
        keys.append(hashlib.sha1(payload.encode("utf-8")).hexdigest()[:16])
    return keys


def scalar(value: Any) -> str | None:
    """A date or location as text: records may give a plain string or an object with a value."""
    if isinstance(value, dict):
        value = value.get("value", value.get("name", value.get("text")))
    return value if isinstance(value, str) else None


STORY_EVENT = "SELECT num FROM events WHERE story_id = :story_id AND key = :key"
NEW_EVENT = """INSERT INTO events
(story_id, key, type, mode, status, instrument, agreement_status, date, location, day)
VALUES (:story_id, :key, :type, :mode, :status, :instrument, :agreement_status, :date, :location, :day)
RETURNING num"""
LINK_ARTICLE = """INSERT INTO event_articles (article_id, local_id, event)
VALUES (:article_id, :local_id, :event) ON CONFLICT DO NOTHING"""
ADD_COUNTRY = "INSERT INTO event_countries (event, country) VALUES (:event, :country) ON CONFLICT DO NOTHING"
ADD_SECTOR = "INSERT INTO event_sectors (event, sector) VALUES (:event, :sector) ON CONFLICT DO NOTHING"
ADD_PARTICIPANT = """INSERT INTO event_participants (event, entity, role)
VALUES (:event, :entity, :role) ON CONFLICT DO NOTHING"""


def _story_event(sql: RawSql, story_id: str, key: str, event: dict[str, Any], day: str | None) -> int:
    found = sql.value(STORY_EVENT, {"story_id": story_id, "key": key})
    if found is not None:
        return found
    agreement = event.get("agreement") or {}
    return sql.value(NEW_EVENT, {
        "story_id": story_id, "key": key, "type": event["type"], "mode": event.get("mode"),
        "status": event.get("status"), "instrument": agreement.get("instrument"),
        "agreement_status": agreement.get("status"), "date": scalar(event.get("date")),
        "location": scalar(event.get("location")), "day": day,
    })


def record_events(connection: Connection, record: dict[str, Any], story_id: str,
                  entity_map: dict[str, int], day: str | None) -> list[int]:
    """Link the record's events to its story's events (creating the new ones); returns their nums."""
    nums = []
    sql = RawSql(connection)
    for event, key in zip(record.get("events") or [], event_keys(record.get("events") or [])):
        num = _story_event(sql, story_id, key, event, day)
        nums.append(num)
        sql.run(LINK_ARTICLE, {"article_id": record["id"], "local_id": event["id"], "event": num})
        sql.run(ADD_COUNTRY, [{"event": num, "country": c} for c in sorted(set(event.get("countries") or []))])
        sql.run(ADD_SECTOR, [{"event": num, "sector": s} for s in sorted(set(event.get("sectors") or []))])
        sql.run(ADD_PARTICIPANT, [
            {"event": num, "entity": entity_map[p["entity"]], "role": p.get("role") or ""}
            for p in event.get("participants") or [] if p.get("entity") in entity_map
        ])
    return nums


def unlink_article_events(connection: Connection, article_id: str) -> None:
    """Drop an article's links to story events, and the events no article tells any more."""
    linked = list(connection.execute(
        sa.select(event_articles.c.event).where(event_articles.c.article_id == article_id)).scalars())
    connection.execute(sa.delete(event_articles).where(event_articles.c.article_id == article_id))
    if not linked:
        return
    still_told = sa.select(event_articles.c.event).where(event_articles.c.event.in_(linked))
    orphans = list(connection.execute(
        sa.select(events.c.num).where(events.c.num.in_(linked), events.c.num.not_in(still_told))).scalars())
    if orphans:
        for table in (event_countries, event_sectors, event_participants):
            connection.execute(sa.delete(table).where(table.c.event.in_(orphans)))
        connection.execute(sa.delete(events).where(events.c.num.in_(orphans)))
