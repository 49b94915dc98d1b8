"""Entity counts kept as the registry changes: how many articles name an entity, how many
mentions, first and last day. The writer adds an article's counts as it links the article,
takes them away when it unlinks it (a reprocess), and corrections (merge, split) count their
entities again from the mentions. Entity pages and lists read them: no request counts an
entity's mentions. Plain SQL, the same on SQLite and PostgreSQL (``excluded`` is both's)."""
from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterable

from sqlalchemy.engine import Connection

from rasid.store.rawsql import RawSql

ADD = """INSERT INTO entity_counts (entity, articles, mentions, first_day, last_day)
VALUES (:entity, 1, :mentions, :day, :day) ON CONFLICT (entity) DO UPDATE SET
articles = entity_counts.articles + 1, mentions = entity_counts.mentions + excluded.mentions,
first_day = CASE WHEN entity_counts.first_day IS NULL OR excluded.first_day < entity_counts.first_day
                 THEN excluded.first_day ELSE entity_counts.first_day END,
last_day = CASE WHEN entity_counts.last_day IS NULL OR excluded.last_day > entity_counts.last_day
                THEN excluded.last_day ELSE entity_counts.last_day END"""
OF_ARTICLE = "SELECT entity, sum(mentions) FROM entity_mentions WHERE article_id = :article_id GROUP BY entity"
TAKE = "UPDATE entity_counts SET articles = articles - 1, mentions = mentions - :mentions WHERE entity = :entity"
DAYS_AGAIN = """UPDATE entity_counts SET
first_day = (SELECT min(day) FROM entity_mentions WHERE entity = :entity),
last_day = (SELECT max(day) FROM entity_mentions WHERE entity = :entity) WHERE entity = :entity"""
DROP_EMPTY = "DELETE FROM entity_counts WHERE articles <= 0"
FORGET = "DELETE FROM entity_counts WHERE entity = :entity"
COUNT_AGAIN = """INSERT INTO entity_counts (entity, articles, mentions, first_day, last_day)
SELECT entity, count(DISTINCT article_id), sum(mentions), min(day), max(day)
FROM entity_mentions WHERE entity = :entity GROUP BY entity"""
SUMMARY = "SELECT articles, mentions, first_day, last_day FROM entity_counts WHERE entity = :entity"


def add_article(connection: Connection, mentions: Iterable[dict[str, Any]]) -> None:
    """Count one newly linked article: its mention rows (entity, mentions, day), several local
    entities of one registry entity counting one article."""
    by_entity: dict[int, int] = defaultdict(int)
    day = None
    for row in mentions:
        by_entity[row["entity"]] += row["mentions"]
        day = row["day"]
    RawSql(connection).run(ADD, [{"entity": e, "mentions": n, "day": day} for e, n in sorted(by_entity.items())])


def take_article(connection: Connection, article_id: str) -> list[int]:
    """Uncount an article before its mentions are deleted; returns its entities, whose first and
    last day ``days_again`` reads once the mentions are gone."""
    sql = RawSql(connection)
    counted = sql.rows(OF_ARTICLE, {"article_id": article_id})
    sql.run(TAKE, [{"entity": entity, "mentions": int(n)} for entity, n in counted])
    return [entity for entity, _ in counted]


def days_again(connection: Connection, entities: list[int]) -> None:
    sql = RawSql(connection)
    sql.run(DAYS_AGAIN, [{"entity": entity} for entity in entities])
    sql.run(DROP_EMPTY, {})


def count_again(connection: Connection, entities: Iterable[int]) -> None:
    """Count entities from their mentions (after a merge or a split moved some)."""
    sql = RawSql(connection)
    for entity in sorted(set(entities)):
        sql.run(FORGET, {"entity": entity})
        sql.run(COUNT_AGAIN, {"entity": entity})


def summary(connection: Connection, entity: int) -> dict[str, Any]:
    row = RawSql(connection).one(SUMMARY, {"entity": entity}) or (0, 0, None, None)
    return {"article_count": row[0], "mention_count": row[1], "first_seen": row[2], "last_seen": row[3]}
