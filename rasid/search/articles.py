"""Article search: full text (Arabic-normalized) and filters, paginated."""
from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from rasid.search.filters import Filters, Paging, entity_ids
from rasid.store.articles import unpack
from rasid.store.fulltext import WORD_RE, matching, query_words
from rasid.store.schema import article_sectors, articles, entities, entity_mentions, event_articles, events
from rasid.text.normalize import normalize_str

SNIPPET_CHARS = 160


def _mentions_any(nums: list[int]) -> sa.ColumnElement:
    return articles.c.id.in_(sa.select(entity_mentions.c.article_id).where(entity_mentions.c.entity.in_(nums)))


def _mentions_country(code: str) -> sa.ColumnElement:
    countries = sa.select(entities.c.num).where(entities.c.type == "COUNTRY", entities.c.country == code)
    return articles.c.id.in_(sa.select(entity_mentions.c.article_id).where(entity_mentions.c.entity.in_(countries)))


def conditions(connection: Connection, filters: Filters) -> list[sa.ColumnElement]:
    """One condition per filter; every person, organization and country must appear (AND)."""
    where: list[sa.ColumnElement] = []
    for entity_type, values in (("PERSON", filters.persons), ("ORG", filters.organizations)):
        for value in values:
            where.append(_mentions_any(entity_ids(connection, entity_type, value) or [-1]))
    where += [_mentions_country(code) for code in filters.countries]
    if filters.types:
        typed = sa.select(events.c.num).where(events.c.type.in_(filters.types))
        where.append(articles.c.id.in_(sa.select(event_articles.c.article_id).where(event_articles.c.event.in_(typed))))
    if filters.sectors:
        where.append(articles.c.id.in_(
            sa.select(article_sectors.c.article_id).where(article_sectors.c.sector.in_(filters.sectors))))
    if filters.since:
        where.append(articles.c.day >= filters.since)
    if filters.until:
        where.append(articles.c.day <= filters.until)
    return where


def first_hit(text: str, words: list[str]) -> int | None:
    """Offset of the first word of ``text`` that is a query word (or ends with one, after proclitics)."""
    for match in WORD_RE.finditer(text):
        folded = normalize_str(match.group()).lower()
        if any(folded == w or (folded.endswith(w) and len(folded) - len(w) <= 2) for w in words):
            return match.start()
    return None


def snippet(text: str, words: list[str]) -> str:
    """A window of the text around the first query word."""
    start = first_hit(text, words) if words else None
    if start is None:
        return text[:SNIPPET_CHARS].strip()
    begin = max(0, start - SNIPPET_CHARS // 3)
    return ("…" if begin else "") + text[begin:begin + SNIPPET_CHARS].strip() + "…"


def ranked(connection: Connection, words: list[str], where: list[sa.ColumnElement],
           columns: list[sa.ColumnElement]) -> tuple[sa.Select, list[sa.ColumnElement], sa.Select]:
    """(SELECT of ``columns`` and a score for the articles the search finds, best-first order,
    SELECT of their number): the search's rules, for its pages, facets and exports."""
    if words:
        # the matches first, once (MATERIALIZED): the planner must not run the full-text query per article
        matched, _ = matching(connection.dialect.name, words)
        hits = matched.cte("hits").prefix_with("MATERIALIZED")
        base = sa.select(*columns, hits.c.score).join_from(hits, articles, hits.c.num == articles.c.num)
        counted = sa.select(sa.func.count()).select_from(hits)  # every index entry is an article's
        if where:
            counted = counted.join(articles, hits.c.num == articles.c.num)
        order = [hits.c.score, articles.c.num]
    else:
        base = sa.select(*columns, sa.literal(None).label("score")).select_from(articles)
        counted = sa.select(sa.func.count()).select_from(articles)
        order = [articles.c.day.desc(), articles.c.num.desc()]
    return base.where(*where), order, counted.where(*where)


def search_articles(connection: Connection, query: str | None, filters: Filters, paging: Paging) -> dict[str, Any]:
    words = query_words(query or "")
    columns = [articles.c.num, articles.c.id, articles.c.title, articles.c.published, articles.c.source,
               articles.c.url, articles.c.story_id]
    base, order, counted = ranked(connection, words, conditions(connection, filters), columns)
    total = connection.execute(counted).scalar_one()
    rows = connection.execute(base.order_by(*order).limit(paging.limit).offset(paging.offset)).all()
    texts = dict(connection.execute(
        sa.select(articles.c.num, articles.c.text).where(articles.c.num.in_([r.num for r in rows]))).all())
    items = [{"id": r.id, "title": r.title, "published": r.published, "source": r.source, "url": r.url,
              "story": r.story_id, "score": None if r.score is None else round(-float(r.score), 4),
              "snippet": snippet(unpack(texts[r.num]), words)} for r in rows]
    return paging.page(items, total)
