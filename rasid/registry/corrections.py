"""Corrections by hand: merge two entities, split articles off an entity.

Both are written to the ``corrections`` log and leave state that resolution
reads (``merged_into``, pins), so a reprocess keeps them.
"""
from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from rasid.registry import counts
from rasid.registry.resolve import RegistryError, canonical
from rasid.store.articles import now_iso
from rasid.store.schema import (corrections, entities, entity_mentions, entity_names, entity_pins,
                                entity_titles, event_articles, event_participants)
from rasid.store.upsert import insert_ignore


def _entity(connection: Connection, num: int) -> sa.Row:
    row = connection.execute(sa.select(entities).where(entities.c.num == num)).first()
    if row is None:
        raise RegistryError(f"no entity {num}")
    return row


def natural_key(row: sa.Row) -> dict[str, Any]:
    return {"type": row.type, "norm": row.norm, "country": row.country_key or None, "variant": row.variant}


def _log(connection: Connection, action: str, detail: dict[str, Any]) -> None:
    connection.execute(sa.insert(corrections).values(
        action=action, detail=json.dumps(detail, ensure_ascii=False), made_at=now_iso()))


def _move_keyed(connection: Connection, table: sa.Table, column: str, source: int, target: int) -> None:
    """Point ``table.column`` rows from source to target, where the key allows; drop the repeats."""
    rows = [dict(r._mapping) for r in connection.execute(sa.select(table).where(table.c[column] == source))]
    insert_ignore(connection, table, [{**r, column: target} for r in rows])
    connection.execute(sa.delete(table).where(table.c[column] == source))


def merge(connection: Connection, into: int, other: int) -> int:
    """Merge entity ``other`` into entity ``into``; returns the surviving entity."""
    target, source = canonical(connection, into), canonical(connection, other)
    if target == source:
        raise RegistryError(f"entities {into} and {other} are already one entity ({target})")
    a, b = _entity(connection, target), _entity(connection, source)
    if a.type != b.type:
        raise RegistryError(f"cannot merge a {b.type} ({source}) into a {a.type} ({target})")
    connection.execute(sa.update(entity_mentions).where(entity_mentions.c.entity == source).values(entity=target))
    connection.execute(sa.update(entity_titles).where(entity_titles.c.entity == source).values(entity=target))
    connection.execute(sa.update(entity_titles).where(entity_titles.c.organization == source)
                       .values(organization=target))
    connection.execute(sa.update(entity_pins).where(entity_pins.c.entity == source).values(entity=target))
    _move_keyed(connection, entity_names, "entity", source, target)
    _move_keyed(connection, event_participants, "entity", source, target)
    connection.execute(sa.update(entities).where(entities.c.merged_into == source).values(merged_into=target))
    connection.execute(sa.update(entities).where(entities.c.num == source).values(merged_into=target))
    if a.country is None and b.country is not None:
        connection.execute(sa.update(entities).where(entities.c.num == target).values(country=b.country))
    counts.count_again(connection, (target, source))
    _log(connection, "merge", {"into": natural_key(a), "from": natural_key(b), "into_num": target,
                               "from_num": source})
    return target


def split(connection: Connection, num: int, article_ids: list[str], name: str | None = None) -> int:
    """Move the mentions of entity ``num`` in ``article_ids`` to a new entity; returns it.

    Every name that brought those mentions is pinned to the new entity for those
    articles, so resolving them again (reprocess) finds it.
    """
    source = canonical(connection, num)
    row = _entity(connection, source)
    moved = connection.execute(
        sa.select(entity_mentions).where(entity_mentions.c.entity == source,
                                         entity_mentions.c.article_id.in_(article_ids))
    ).all()
    if not moved:
        raise RegistryError(f"entity {source} has no mention in the articles {article_ids}")
    variant = connection.execute(
        sa.select(sa.func.max(entities.c.variant)).where(
            entities.c.type == row.type, entities.c.norm == row.norm, entities.c.country_key == row.country_key)
    ).scalar_one() + 1
    target = connection.execute(sa.insert(entities).values(
        type=row.type, norm=row.norm, country_key=row.country_key, variant=variant,
        name=name or row.name, country=row.country).returning(entities.c.num)).scalar_one()
    articles_moved = sorted({m.article_id for m in moved})
    for mention in moved:
        connection.execute(sa.update(entity_mentions).where(
            entity_mentions.c.article_id == mention.article_id, entity_mentions.c.local_id == mention.local_id
        ).values(entity=target))
        connection.execute(sa.update(entity_titles).where(
            entity_titles.c.article_id == mention.article_id, entity_titles.c.local_id == mention.local_id
        ).values(entity=target))
        insert_ignore(connection, entity_pins, {"article_id": mention.article_id, "type": row.type,
                                                "norm": mention.norm, "entity": target})
        connection.execute(sa.update(entity_pins).where(
            entity_pins.c.article_id == mention.article_id, entity_pins.c.type == row.type,
            entity_pins.c.norm == mention.norm).values(entity=target))
    _move_events(connection, source, target, articles_moved)
    counts.count_again(connection, (source, target))
    insert_ignore(connection, entity_names, [
        {"entity": target, "type": row.type, "kind": "name", "norm": m.norm, "text": name or row.name}
        for m in moved
    ])
    _log(connection, "split", {"from": natural_key(row), "from_num": source, "into_num": target,
                               "articles": articles_moved})
    return target


def _move_events(connection: Connection, source: int, target: int, article_ids: list[str]) -> None:
    """Events told only by the moved articles change participant; shared ones get both."""
    told = sa.select(event_articles.c.event).where(event_articles.c.article_id.in_(article_ids))
    told_elsewhere = sa.select(event_articles.c.event).where(event_articles.c.article_id.not_in(article_ids))
    rows = connection.execute(sa.select(event_participants).where(
        event_participants.c.entity == source, event_participants.c.event.in_(told))).all()
    insert_ignore(connection, event_participants, [{**r._mapping, "entity": target} for r in rows])
    connection.execute(sa.delete(event_participants).where(
        event_participants.c.entity == source, event_participants.c.event.in_(told),
        event_participants.c.event.not_in(told_elsewhere)))
