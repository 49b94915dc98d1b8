"""Reading the registry: an entity's page (names, counts, title history) and entity lists."""
from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from rasid.registry.names import name_key
from rasid.registry.resolve import RegistryError, canonical
from rasid.search.filters import Paging
from rasid.store.schema import articles, entities, entity_mentions, entity_names, entity_titles

ENTITY_TYPES = ("PERSON", "ORG", "COUNTRY", "LOCATION")


def _summary(connection: Connection, num: int) -> dict[str, Any]:
    row = connection.execute(
        sa.select(sa.func.count(sa.distinct(entity_mentions.c.article_id)).label("articles"),
                  sa.func.coalesce(sa.func.sum(entity_mentions.c.mentions), 0).label("mentions"),
                  sa.func.min(entity_mentions.c.day).label("first"), sa.func.max(entity_mentions.c.day).label("last"))
        .where(entity_mentions.c.entity == num)
    ).one()
    return {"article_count": row.articles, "mention_count": int(row.mentions),
            "first_seen": row.first, "last_seen": row.last}


def aliases_of(connection: Connection, num: int, name: str) -> list[str]:
    texts = connection.execute(
        sa.select(entity_names.c.text).where(entity_names.c.entity == num,
                                             entity_names.c.kind.in_(("name", "alias"))).distinct()
    ).scalars()
    return sorted({t for t in texts if name_key(t) != name_key(name)})


TITLE_ARTICLES_SHOWN = 10


def title_history(connection: Connection, num: int) -> list[dict[str, Any]]:
    """Each (title, organization, country) the person held: first and last seen, how many
    articles, and the latest of them (all of them: /api/entities/{id}/articles)."""
    t = entity_titles
    key = (t.c.title_norm, t.c.organization, t.c.country)
    organization = entities.alias("organization")
    groups = connection.execute(
        sa.select(*key, sa.func.min(t.c.title).label("title"), sa.func.min(t.c.day).label("first"),
                  sa.func.max(t.c.day).label("last"), sa.func.count(sa.distinct(t.c.article_id)).label("n"),
                  sa.func.min(organization.c.name).label("organization_name"))
        .join_from(t, organization, organization.c.num == t.c.organization, isouter=True)
        .where(t.c.entity == num).group_by(*key)
    ).all()
    rank = sa.func.row_number().over(partition_by=key, order_by=(t.c.day.desc(), t.c.article_id)).label("rank")
    ranked = sa.select(*key, t.c.article_id, rank).where(t.c.entity == num).subquery()
    latest: dict[tuple, list[str]] = {}
    for row in connection.execute(sa.select(ranked).where(ranked.c.rank <= TITLE_ARTICLES_SHOWN)
                                  .order_by(ranked.c.rank)):
        latest.setdefault((row.title_norm, row.organization, row.country), []).append(row.article_id)
    history = [{
        "title": g.title,
        "organization": {"id": g.organization, "name": g.organization_name} if g.organization else None,
        "country": g.country, "first_seen": g.first, "last_seen": g.last, "article_count": g.n,
        "articles": latest.get((g.title_norm, g.organization, g.country), []),
    } for g in groups]
    return sorted(history, key=lambda e: (e["first_seen"] or "", e["title"]))


def entity_page(connection: Connection, num: int) -> dict[str, Any] | None:
    """An entity with its names, counts and (for a person) title history; None when unknown.

    A merged entity answers with the entity it was merged into (``merged_from`` says so)."""
    try:
        target = canonical(connection, num)
    except RegistryError:
        return None
    row = connection.execute(sa.select(entities).where(entities.c.num == target)).one()
    page = {"id": row.num, "type": row.type, "name": row.name, "country": row.country,
            "aliases": aliases_of(connection, row.num, row.name), **_summary(connection, row.num)}
    if target != num:
        page["merged_from"] = num
    if row.type == "PERSON":
        page["titles"] = title_history(connection, row.num)
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
    """Entities (not merged away) by number of articles, optionally of one type, name or country."""
    counts = (sa.select(entity_mentions.c.entity, sa.func.count(sa.distinct(entity_mentions.c.article_id))
                        .label("articles")).group_by(entity_mentions.c.entity).subquery())
    base = (sa.select(entities.c.num, entities.c.type, entities.c.name, entities.c.country,
                      sa.func.coalesce(counts.c.articles, 0).label("articles"))
            .join_from(entities, counts, counts.c.entity == entities.c.num, isouter=True)
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
