"""Reading the registry: an entity's page (names, counts, title history) and entity lists."""
from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from rasid.registry import counts
from rasid.registry.names import name_key
from rasid.registry.resolve import RegistryError, canonical
from rasid.search.filters import Paging
from rasid.store.rawsql import RawSql
from rasid.store.schema import articles, entities, entity_counts, entity_mentions, entity_names

ENTITY_TYPES = ("PERSON", "ORG", "COUNTRY", "LOCATION")


ENTITY_ROW = "SELECT num, type, name, country FROM entities WHERE num = :num"
NAMES = "SELECT DISTINCT text FROM entity_names WHERE entity = :entity AND kind IN ('name', 'alias')"
TITLE_GROUPS = """SELECT t.title_norm, t.organization, t.country, min(t.title), min(t.day), max(t.day),
count(DISTINCT t.article_id), min(o.name) FROM entity_titles t LEFT JOIN entities o ON o.num = t.organization
WHERE t.entity = :entity GROUP BY t.title_norm, t.organization, t.country"""
TITLE_LATEST = """SELECT title_norm, organization, country, article_id FROM (
SELECT title_norm, organization, country, article_id, row_number() OVER (
PARTITION BY title_norm, organization, country ORDER BY day DESC, article_id) AS rank
FROM entity_titles WHERE entity = :entity) ranked WHERE rank <= :shown ORDER BY rank"""


def aliases_of(connection: Connection, num: int, name: str) -> list[str]:
    texts = [row[0] for row in RawSql(connection).rows(NAMES, {"entity": num})]
    return sorted({t for t in texts if name_key(t) != name_key(name)})


TITLE_ARTICLES_SHOWN = 10


def title_history(connection: Connection, num: int) -> list[dict[str, Any]]:
    """Each (title, organization, country) the person held: first and last seen, how many
    articles, and the latest of them (all of them: /api/entities/{id}/articles)."""
    sql = RawSql(connection)
    latest: dict[tuple, list[str]] = {}
    for title_norm, organization, country, article_id in sql.rows(
            TITLE_LATEST, {"entity": num, "shown": TITLE_ARTICLES_SHOWN}):
        latest.setdefault((title_norm, organization, country), []).append(article_id)
    history = [{
        "title": title, "organization": {"id": organization, "name": organization_name} if organization else None,
        "country": country, "first_seen": first, "last_seen": last, "article_count": n,
        "articles": latest.get((title_norm, organization, country), []),
    } for title_norm, organization, country, title, first, last, n, organization_name
        in sql.rows(TITLE_GROUPS, {"entity": num})]
    return sorted(history, key=lambda e: (e["first_seen"] or "", e["title"]))


def entity_page(connection: Connection, num: int) -> dict[str, Any] | None:
    """An entity with its names, counts and (for a person) title history; None when unknown.

    A merged entity answers with the entity it was merged into (``merged_from`` says so).
    Plain SQL through RawSql: an entity page is the API's most requested read."""
    try:
        target = canonical(connection, num)
    except RegistryError:
        return None
    sql = RawSql(connection)
    target, entity_type, name, country = sql.one(ENTITY_ROW, {"num": target})
    page = {"id": target, "type": entity_type, "name": name, "country": country,
            "aliases": aliases_of(connection, target, name), **counts.summary(connection, target)}
    if target != num:
        page["merged_from"] = num
    if entity_type == "PERSON":
        page["titles"] = title_history(connection, target)
    return page


def entity_articles(connection: Connection, num: int, paging: Paging) -> dict[str, Any]:
    base = (sa.select(articles.c.id, articles.c.title, articles.c.published)
            .where(articles.c.id.in_(sa.select(entity_mentions.c.article_id)
                                     .where(entity_mentions.c.entity == num))))
    total = connection.execute(sa.select(sa.func.count()).select_from(base.subquery())).scalar_one()
    rows = connection.execute(base.order_by(articles.c.day.desc(), articles.c.num.desc())
                              .limit(paging.limit).offset(paging.offset)).all()
    return paging.page([dict(r._mapping) for r in rows], total)


def list_entities(connection: Connection, paging: Paging, entity_type: str | None = None,
                  name: str | None = None, country: str | None = None) -> dict[str, Any]:
    """Entities (not merged away) by number of articles (as kept by the writer), optionally of one
    type, name or country."""
    base = (sa.select(entities.c.num, entities.c.type, entities.c.name, entities.c.country,
                      sa.func.coalesce(entity_counts.c.articles, 0).label("articles"))
            .join_from(entities, entity_counts, entity_counts.c.entity == entities.c.num, isouter=True)
            .where(entities.c.merged_into.is_(None)))
    if entity_type:
        base = base.where(entities.c.type == entity_type)
    if country:
        base = base.where(entities.c.country == country)
    if name:
        known_as = sa.select(entity_names.c.entity).where(entity_names.c.norm == name_key(name))
        base = base.where(entities.c.num.in_(known_as))
    total = connection.execute(sa.select(sa.func.count()).select_from(base.subquery())).scalar_one()
    rows = connection.execute(base.order_by(sa.desc("articles"), entities.c.num)
                              .limit(paging.limit).offset(paging.offset)).all()
    return paging.page([{"id": r.num, "type": r.type, "name": r.name, "country": r.country,
                         "article_count": r.articles} for r in rows], total)
