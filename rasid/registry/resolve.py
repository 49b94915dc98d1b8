"""Cross-article resolution: each entity of a record becomes one registry entity.

Order of evidence for an incoming entity (type, name, country):
1. a pin for this name in this article (left by ``entities split``);
2. a registry entity known by the same normalized name or alias, of a
   compatible country (the same one preferred);
3. for a person, one known by the same given and family name (عادل الجبير ~
   عادل بن أحمد الجبير) with a compatible country and compatible titles, when
   one of the two names is that short form (two full names never match this way);
4. otherwise a new entity on its natural key (type, name, country).
Merged entities are followed to the entity they were merged into.

This is the writer's hot path: its statements are plain SQL that reads the same
on SQLite and PostgreSQL, with bound parameters, run through RawSql.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import Connection

from rasid.registry import counts
from rasid.registry.names import (countries_compatible, entity_key, is_short, name_key, short_key,
                                  titles_compatible)
from rasid.store.rawsql import RawSql

MAX_MERGE_CHAIN = 64

CANDIDATES_SQL = """SELECT DISTINCT e.num, e.merged_into, e.country, e.name FROM entity_names n
JOIN entities e ON e.num = n.entity WHERE n.type = :type AND n.norm = :norm AND n.kind IN ({kinds})"""
BY_NAME = CANDIDATES_SQL.format(kinds="'name', 'alias'")
BY_SHORT = CANDIDATES_SQL.format(kinds="'short'")
ENTITY = "SELECT num, merged_into, country, name FROM entities WHERE num = :num"
PINS = "SELECT type, norm, entity FROM entity_pins WHERE article_id = :article_id"
TITLES = "SELECT DISTINCT title_norm FROM entity_titles WHERE entity = :entity"
CREATE = """INSERT INTO entities (type, norm, country_key, variant, name, country)
VALUES (:type, :norm, :country_key, 0, :name, :country) ON CONFLICT DO NOTHING RETURNING num"""
BY_KEY = """SELECT num FROM entities
WHERE type = :type AND norm = :norm AND country_key = :country_key AND variant = 0"""
SET_COUNTRY = "UPDATE entities SET country = :country WHERE num = :num AND country IS NULL"
SET_NAME = "UPDATE entities SET name = :name WHERE num = :num"
SEEN_AS = "SELECT 1 FROM entity_mentions WHERE entity = :entity AND norm = :norm LIMIT 1"
ADD_NAME = """INSERT INTO entity_names (entity, type, kind, norm, text)
VALUES (:entity, :type, :kind, :norm, :text) ON CONFLICT DO NOTHING"""
ADD_MENTION = """INSERT INTO entity_mentions (article_id, local_id, entity, norm, mentions, day)
VALUES (:article_id, :local_id, :entity, :norm, :mentions, :day) ON CONFLICT DO NOTHING"""
ADD_TITLE = """INSERT INTO entity_titles
(article_id, local_id, entity, title, title_norm, organization, country, day)
VALUES (:article_id, :local_id, :entity, :title, :title_norm, :organization, :country, :day)
ON CONFLICT DO NOTHING"""
UNLINK_TITLES = "DELETE FROM entity_titles WHERE article_id = :article_id"
UNLINK_MENTIONS = "DELETE FROM entity_mentions WHERE article_id = :article_id"


class RegistryError(Exception):
    """A correction that cannot be made (unknown entity, different types ...)."""


@dataclass
class Incoming:
    local_id: str
    type: str
    name: str
    norm: str
    country: str | None
    mentions: int
    aliases: list[tuple[str, str]] = field(default_factory=list)  # (text, norm)
    titles: list[str] = field(default_factory=list)  # normalized


@dataclass
class Known:
    """A registry entity as resolution sees it."""

    num: int
    country: str | None
    name: str


def incoming(entity: dict[str, Any]) -> Incoming:
    norm = entity_key(entity["type"], entity["name"], entity.get("country"))
    aliases = [(a, name_key(a)) for a in entity.get("aliases") or [] if name_key(a)]
    titles = [name_key(r["title"]) for r in entity.get("roles") or [] if r.get("title")]
    return Incoming(entity["id"], entity["type"], entity["name"], norm, entity.get("country"),
                    len(entity.get("mentions") or []), aliases, titles)


def _follow(sql: RawSql, row: tuple) -> Known:
    """The entity that ``row`` (num, merged_into, country, name) was merged into (itself when never merged)."""
    for _ in range(MAX_MERGE_CHAIN):
        num, merged_into, country, name = row
        if merged_into is None:
            return Known(num, country, name)
        row = sql.one(ENTITY, {"num": merged_into})
    raise RegistryError(f"entity {row[0]}: merge chain longer than {MAX_MERGE_CHAIN}")


def canonical(connection: Connection, num: int) -> int:
    sql = RawSql(connection)
    row = sql.one(ENTITY, {"num": num})
    if row is None:
        raise RegistryError(f"no entity {num}")
    return _follow(sql, row).num


def _candidates(sql: RawSql, statement: str, entity_type: str, norm: str) -> list[Known]:
    found = {}
    for row in sql.rows(statement, {"type": entity_type, "norm": norm}):
        known = _follow(sql, row)
        found[known.num] = known
    return [found[n] for n in sorted(found)]


def _best(candidates: list[Known], country: str | None) -> Known | None:
    compatible = [c for c in candidates if countries_compatible(c.country, country)]
    same = [c for c in compatible if country is not None and c.country == country]
    chosen = same or compatible
    return chosen[0] if chosen else None


def titles_of(sql: RawSql, num: int) -> list[str]:
    return [row[0] for row in sql.rows(TITLES, {"entity": num})]


def find_entity(sql: RawSql, item: Incoming, pins: dict[tuple[str, str], int]) -> Known | None:
    pinned = pins.get((item.type, item.norm))
    if pinned is not None:
        return _follow(sql, sql.one(ENTITY, {"num": pinned}))
    found = _best(_candidates(sql, BY_NAME, item.type, item.norm), item.country)
    if found is not None or item.type != "PERSON":
        return found
    short = short_key(item.norm)
    if short is None:
        return None
    incoming_is_short = is_short(item.norm)
    candidates = [c for c in _candidates(sql, BY_SHORT, item.type, short)
                  if (incoming_is_short or is_short(c.name))
                  and titles_compatible(item.titles, titles_of(sql, c.num))]
    return _best(candidates, item.country)


def create_entity(sql: RawSql, item: Incoming) -> Known:
    key = {"type": item.type, "norm": item.norm, "country_key": item.country or ""}
    num = sql.value(CREATE, {**key, "name": item.name, "country": item.country})
    if num is None:  # the natural key exists (its names were not found): use it
        return _follow(sql, sql.one(ENTITY, {"num": sql.value(BY_KEY, key)}))
    return Known(num, item.country, item.name)


def _update(sql: RawSql, known: Known, item: Incoming) -> None:
    """Fill in a country the entity lacked; take a fuller name once a second article gives it
    (one article's misread name does not become the entity's name)."""
    if known.country is None and item.country:
        sql.run(SET_COUNTRY, {"num": known.num, "country": item.country})
    if (item.type != "COUNTRY" and len(item.name.split()) > len(known.name.split())
            and sql.value(SEEN_AS, {"entity": known.num, "norm": item.norm})):
        sql.run(SET_NAME, {"num": known.num, "name": item.name})


def _name_rows(num: int, item: Incoming) -> list[dict[str, Any]]:
    rows = [{"entity": num, "type": item.type, "kind": "name", "norm": item.norm, "text": item.name}]
    rows += [{"entity": num, "type": item.type, "kind": "alias", "norm": n, "text": t} for t, n in item.aliases]
    short = short_key(item.norm) if item.type == "PERSON" else None
    if short:
        rows.append({"entity": num, "type": item.type, "kind": "short", "norm": short, "text": item.name})
    return rows


def resolve_record(connection: Connection, record: dict[str, Any], day: str | None) -> dict[str, int]:
    """Resolve every entity of ``record``; write its mentions and titles; return local id -> entity."""
    article_id = record["id"]
    sql = RawSql(connection)
    pins = {(t, n): e for t, n, e in sql.rows(PINS, {"article_id": article_id})}
    entity_map: dict[str, int] = {}
    mentions = []
    for entity in record.get("entities") or []:
        item = incoming(entity)
        if not item.norm:
            continue
        known = find_entity(sql, item, pins)
        if known is None:
            known = create_entity(sql, item)
        else:
            _update(sql, known, item)
        entity_map[item.local_id] = known.num
        sql.run(ADD_NAME, _name_rows(known.num, item))  # now: later entities may match them
        mentions.append({"article_id": article_id, "local_id": item.local_id, "entity": known.num,
                         "norm": item.norm, "mentions": item.mentions, "day": day})
    sql.run(ADD_MENTION, mentions)
    counts.add_article(connection, mentions)
    sql.run(ADD_TITLE, _title_rows(record, entity_map, day))
    return entity_map


def _title_rows(record: dict[str, Any], entity_map: dict[str, int], day: str | None) -> list[dict[str, Any]]:
    rows = []
    for entity in record.get("entities") or []:
        if entity["id"] not in entity_map:
            continue
        for role in entity.get("roles") or []:
            title_norm = name_key(role.get("title") or "")
            if not title_norm:
                continue
            rows.append({
                "article_id": record["id"], "local_id": entity["id"], "entity": entity_map[entity["id"]],
                "title": role["title"], "title_norm": title_norm,
                "organization": entity_map.get(role.get("organization") or ""),
                "country": role.get("country"), "day": day,
            })
    return rows


def unlink_article_entities(connection: Connection, article_id: str) -> None:
    """Drop an article's links to registry entities (before it is resolved again)."""
    sql = RawSql(connection)
    sql.run(UNLINK_TITLES, {"article_id": article_id})
    entities = counts.take_article(connection, article_id)
    sql.run(UNLINK_MENTIONS, {"article_id": article_id})
    counts.days_again(connection, entities)
