"""Read queries the web pages need beyond rasid.search and rasid.registry: an article's links
to the registry, facet counts of a search, people met, an organization's people, a country
pair's interactions, country partners and the who-met-whom network. SQLAlchemy Core, the same
on SQLite and PostgreSQL; every value is a bound parameter.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from rasid.search.articles import conditions as article_conditions
from rasid.search.articles import ranked
from rasid.search.events import conditions as event_conditions
from rasid.search.events import describe
from rasid.search.filters import Filters
from rasid.store.fulltext import query_words
from rasid.store.schema import (article_sectors, articles, corrections, entities, entity_counts, entity_mentions,
                                entity_titles, event_articles, event_countries, event_participants, event_sectors,
                                events)

FACET_SIZE = 8
FACET_EXACT_MAX = 2000  # facets of a larger result count over its best-ranked articles
MEETING_TYPES = ("CONSULT",)


# --- an article and the registry

def article_links(connection: Connection, article_id: str) -> tuple[dict[str, int], dict[str, int]]:
    """(local entity id -> registry entity, local event id -> story event) for one article."""
    entity_rows = connection.execute(sa.select(entity_mentions.c.local_id, entity_mentions.c.entity)
                                     .where(entity_mentions.c.article_id == article_id))
    event_rows = connection.execute(sa.select(event_articles.c.local_id, event_articles.c.event)
                                    .where(event_articles.c.article_id == article_id))
    return dict(entity_rows.all()), dict(event_rows.all())


def story_copies(connection: Connection, article_id: str, story_id: str) -> list[dict[str, Any]]:
    """The other articles of the same story (near-duplicates)."""
    rows = connection.execute(sa.select(articles.c.id, articles.c.title, articles.c.published, articles.c.source)
                              .where(articles.c.story_id == story_id, articles.c.id != article_id)
                              .order_by(articles.c.day, articles.c.num).limit(20))
    return [dict(r._mapping) for r in rows]


# --- search facets

def _searched(connection: Connection, query: str | None, filters: Filters) -> tuple[sa.Select, list]:
    """(SELECT of the articles the search finds with their score, best-first order): the rules
    of rasid.search.articles.search_articles."""
    statement, order, _ = ranked(connection, query_words(query or ""), article_conditions(connection, filters),
                                 [articles.c.id])
    return statement, order


def _facet_scope(connection: Connection, query: str | None, filters: Filters,
                 total: int | None) -> list[str] | None:
    """The ids of the articles facets count over: None for the whole store (no words, no filters),
    else those the search finds; when it finds more than FACET_EXACT_MAX, the FACET_EXACT_MAX best."""
    statement, order = _searched(connection, query, filters)
    if not query_words(query or "") and statement.whereclause is None:
        return None
    ids = statement.with_only_columns(articles.c.id)
    if total is None or total > FACET_EXACT_MAX:
        ids = ids.order_by(*order).limit(FACET_EXACT_MAX)
    return list(connection.execute(ids).scalars())


def _over(statement: sa.Select, article_id: sa.Column, scope: list[str] | None) -> sa.Select:
    """``statement`` restricted to the scope's articles (none: the whole store). The ids are bound
    at execution (``_scoped``): no statement of thousands of literals is built and compiled."""
    return statement if scope is None else statement.where(article_id.in_(sa.bindparam("scope", expanding=True)))


def _scoped(scope: list[str] | None) -> dict[str, Any]:
    return {} if scope is None else {"scope": scope}


FACET_ENTITY_TYPES = ("COUNTRY", "PERSON", "ORG")


def _entity_counts(connection: Connection, scope: list[str] | None, size: int) -> dict[str, list[dict[str, Any]]]:
    """Articles per country (by ISO code), person and organization in the scope: the top ``size``
    (countries: twice that). No condition on the entities table, so the scope's article keys
    drive the query (a condition there lets SQLite's planner start from the entities instead)."""
    key = sa.case((entities.c.type == "COUNTRY", entities.c.country), else_=sa.cast(entities.c.num, sa.String))
    statement = _over(sa.select(entities.c.type, key, sa.func.count(sa.distinct(entity_mentions.c.article_id)))
                      .join_from(entity_mentions, entities, entities.c.num == entity_mentions.c.entity),
                      entity_mentions.c.article_id, scope).group_by(entities.c.type, key)
    counts: dict[str, Counter] = {t: Counter() for t in FACET_ENTITY_TYPES}
    for entity_type, k, c in connection.execute(statement, _scoped(scope)):
        if entity_type in counts and k is not None:
            counts[entity_type][k if entity_type == "COUNTRY" else int(k)] = c
    return _top_entities(connection, counts, size)


def _store_entity_counts(connection: Connection, size: int) -> dict[str, list[dict[str, Any]]]:
    """``_entity_counts`` over the whole store, from the counts the writer keeps (rasid.registry.counts):
    the top persons and organizations, every country. A state named by several registry entities
    (a split) is counted from its mentions, so an article naming two of them counts once."""
    counts: dict[str, Counter] = {t: _top_kept(connection, t, size) for t in ("PERSON", "ORG")}
    states = (sa.select(entities.c.country, sa.func.count(), sa.func.sum(entity_counts.c.articles))
              .join_from(entity_counts, entities, entities.c.num == entity_counts.c.entity)
              .where(entities.c.type == "COUNTRY", entities.c.country.is_not(None)).group_by(entities.c.country))
    counts["COUNTRY"] = Counter()
    for code, named_by, articles_n in connection.execute(states):
        counts["COUNTRY"][code] = articles_n if named_by == 1 else connection.execute(
            sa.select(sa.func.count(sa.distinct(entity_mentions.c.article_id)))
            .join_from(entity_mentions, entities, entities.c.num == entity_mentions.c.entity)
            .where(entities.c.type == "COUNTRY", entities.c.country == code)).scalar_one()
    return _top_entities(connection, counts, size)


def _top_kept(connection: Connection, entity_type: str, size: int) -> Counter:
    """Entities of a type with the most articles by the kept counts: the top ``size``, and every
    entity tied with the last of them (the ranking breaks ties by id)."""
    statement = (sa.select(entity_counts.c.entity, entity_counts.c.articles)
                 .join_from(entity_counts, entities, entities.c.num == entity_counts.c.entity)
                 .where(entities.c.type == entity_type))
    top = connection.execute(statement.order_by(entity_counts.c.articles.desc()).limit(size)).all()
    if len(top) == size:
        top = connection.execute(statement.where(entity_counts.c.articles >= top[-1].articles)).all()
    return Counter(dict(top))


def _top_entities(connection: Connection, counts: dict[str, Counter], size: int) -> dict[str, list[dict[str, Any]]]:
    nums = [k for t in ("PERSON", "ORG") for k, _ in _ranked(counts[t], size)]
    described = _names_of(connection, nums)

    def top(entity_type: str) -> list[dict[str, Any]]:
        return [{"id": k, "name": described[k][0], "country": described[k][1], "count": c}
                for k, c in _ranked(counts[entity_type], size)]

    return {"countries": [{"code": k, "count": c} for k, c in _ranked(counts["COUNTRY"], size * 2)],
            "persons": top("PERSON"), "organizations": top("ORG")}


def _ranked(counter: Counter, limit: int) -> list[tuple[Any, int]]:
    return sorted(counter.items(), key=lambda kc: (-kc[1], str(kc[0])))[:limit]


def _store_version(connection: Connection) -> tuple:
    """Changes when articles are added, or re-extracted into new events or entities, or entities
    are corrected (maxima of primary keys: no table scan)."""
    return tuple(connection.execute(sa.select(
        sa.select(sa.func.count()).select_from(articles).scalar_subquery(),
        *(sa.select(sa.func.max(table.c.num)).scalar_subquery() for table in (articles, events, entities, corrections))
    )).one())


_kept: dict[tuple, Any] = {}
KEPT_MAX = 256


def kept_until_the_store_changes(connection: Connection, key: tuple, compute):
    """``compute()`` once per store version: for whole-store aggregates (counts over every
    article) that pages show again and again. Thread-safe enough: a race computes twice."""
    full_key = (str(connection.engine.url), _store_version(connection), *key)
    if full_key not in _kept:
        if len(_kept) >= KEPT_MAX or any(k[:2] != full_key[:2] for k in _kept):
            _kept.clear()
        _kept[full_key] = compute()
    return _kept[full_key]


def search_facets(connection: Connection, query: str | None, filters: Filters, total: int | None = None,
                  size: int = FACET_SIZE) -> dict[str, Any]:
    """Counts of articles by country, event type, sector, year, person and organization over
    everything the search finds (``total`` articles, when known), not only the page shown; over
    the FACET_EXACT_MAX best when it finds more (``counted`` says over how many). The counts of
    the whole store are kept until the store changes."""
    scope = _facet_scope(connection, query, filters, total)
    if scope is not None:
        return _facets(connection, scope, size)
    return kept_until_the_store_changes(connection, ("facets", size), lambda: _facets(connection, None, size))


def _facets(connection: Connection, scope: list[str] | None, size: int) -> dict[str, Any]:
    told = sa.func.count(sa.distinct(event_articles.c.article_id)).label("n")
    types = connection.execute(
        _over(sa.select(events.c.type, told).join_from(event_articles, events, events.c.num == event_articles.c.event),
              event_articles.c.article_id, scope).group_by(events.c.type).order_by(told.desc(), events.c.type),
        _scoped(scope))
    sector_n = sa.func.count().label("n")
    sectors = connection.execute(
        _over(sa.select(article_sectors.c.sector, sector_n), article_sectors.c.article_id, scope)
        .group_by(article_sectors.c.sector).order_by(sector_n.desc(), article_sectors.c.sector), _scoped(scope))
    year = sa.func.substr(articles.c.day, 1, 4).label("year")
    years = connection.execute(
        _over(sa.select(year, sa.func.count().label("n")), articles.c.id, scope)
        .where(articles.c.day.is_not(None)).group_by(year).order_by(year), _scoped(scope))
    counted = len(scope) if scope is not None else connection.execute(
        sa.select(sa.func.count()).select_from(articles)).scalar_one()
    return {
        "counted": counted,
        "types": [{"code": t, "count": k} for t, k in types],
        "sectors": [{"code": s, "count": k} for s, k in sectors],
        "years": [{"code": y, "count": k} for y, k in years],
        **(_entity_counts(connection, scope, size) if scope is not None else _store_entity_counts(connection, size)),
    }


def found_articles(connection: Connection, query: str | None, filters: Filters, limit: int) -> list[dict[str, Any]]:
    """Up to ``limit`` articles the search finds, best first, without snippets (for exports)."""
    statement, order = _searched(connection, query, filters)
    statement = statement.add_columns(articles.c.title, articles.c.published, articles.c.source, articles.c.url,
                                      articles.c.story_id.label("story"))
    rows = connection.execute(statement.order_by(*order).limit(limit))
    return [{"id": r.id, "title": r.title, "published": r.published, "source": r.source, "url": r.url,
             "story": r.story, "score": None if r.score is None else round(-float(r.score), 4)} for r in rows]


def known_countries(connection: Connection) -> list[str]:
    """ISO codes of every state the store mentions."""
    return sorted(connection.execute(sa.select(entities.c.country).distinct()
                                     .where(entities.c.type == "COUNTRY", entities.c.country.is_not(None)))
                  .scalars())


def entity_names_of(connection: Connection, values: tuple[str, ...]) -> dict[str, str]:
    """Display names for filter values that are registry ids ('12' -> its name); names stay."""
    nums = [int(v) for v in values if v.isdigit()]
    names = dict(connection.execute(sa.select(entities.c.num, entities.c.name).where(entities.c.num.in_(nums)))
                 .all()) if nums else {}
    return {v: names.get(int(v), v) if v.isdigit() else v for v in values}


# --- persons and organizations

def entity_event_months(connection: Connection, num: int) -> list[dict[str, Any]]:
    """How many story events the entity took part in, per month (YYYY-MM), oldest first."""
    month = sa.func.substr(events.c.day, 1, 7).label("month")
    rows = connection.execute(
        sa.select(month, sa.func.count().label("n"))
        .join_from(event_participants, events, events.c.num == event_participants.c.event)
        .where(event_participants.c.entity == num, events.c.day.is_not(None))
        .group_by(month).order_by(month))
    return [{"month": m, "count": k} for m, k in rows]


def people_met(connection: Connection, num: int, limit: int = 50,
               types: tuple[str, ...] = MEETING_TYPES) -> list[dict[str, Any]]:
    """The persons who took part in the same meetings (CONSULT events) as entity ``num``: how
    many, first and last day."""
    ours, theirs = event_participants.alias("ours"), event_participants.alias("theirs")
    shared = sa.func.count(sa.distinct(ours.c.event)).label("events")
    rows = connection.execute(
        sa.select(entities.c.num, entities.c.name, entities.c.country, shared,
                  sa.func.min(events.c.day).label("first"), sa.func.max(events.c.day).label("last"))
        .select_from(ours)
        .join(theirs, sa.and_(theirs.c.event == ours.c.event, theirs.c.entity != ours.c.entity))
        .join(entities, entities.c.num == theirs.c.entity)
        .join(events, events.c.num == ours.c.event)
        .where(ours.c.entity == num, entities.c.type == "PERSON", events.c.type.in_(types))
        .group_by(entities.c.num, entities.c.name, entities.c.country)
        .order_by(shared.desc(), entities.c.num).limit(limit))
    return [{"id": r.num, "name": r.name, "country": r.country, "events": r.events,
             "first": r.first, "last": r.last} for r in rows]


def organization_people(connection: Connection, num: int, limit: int = 50) -> list[dict[str, Any]]:
    """Persons with a title at organization ``num``: the title, first and last day seen."""
    rows = connection.execute(
        sa.select(entities.c.num, entities.c.name, entity_titles.c.title,
                  sa.func.min(entity_titles.c.day).label("first"), sa.func.max(entity_titles.c.day).label("last"),
                  sa.func.count(sa.distinct(entity_titles.c.article_id)).label("articles"))
        .join_from(entity_titles, entities, entities.c.num == entity_titles.c.entity)
        .where(entity_titles.c.organization == num)
        .group_by(entities.c.num, entities.c.name, entity_titles.c.title)
        .order_by(sa.desc("last"), entities.c.num).limit(limit))
    return [dict(r._mapping) | {"id": r.num} for r in rows]


# --- countries and country pairs

def pair_filters(a: str, b: str, filters: Filters | None = None) -> Filters:
    return replace(filters or Filters(), countries=(a, b))


def _pair_events(connection: Connection, a: str, b: str, filters: Filters | None = None) -> sa.Select:
    return sa.select(events.c.num).where(*event_conditions(connection, pair_filters(a, b, filters)))


def pair_overview(connection: Connection, a: str, b: str, filters: Filters | None = None) -> dict[str, Any]:
    """The interactions of two states: counts by year and type, by sector, and every agreement
    with its status (proposed → agreed → signed → ratified)."""
    pair = _pair_events(connection, a, b, filters)
    year = sa.func.coalesce(sa.func.substr(events.c.day, 1, 4), "").label("year")
    by_year_type: dict[str, Counter] = defaultdict(Counter)
    type_totals: Counter = Counter()
    for y, t, k in connection.execute(sa.select(year, events.c.type, sa.func.count())
                                      .where(events.c.num.in_(pair)).group_by(year, events.c.type)):
        by_year_type[y][t] += k
        type_totals[t] += k
    sector_n = sa.func.count().label("n")
    sectors = connection.execute(sa.select(event_sectors.c.sector, sector_n)
                                 .where(event_sectors.c.event.in_(pair))
                                 .group_by(event_sectors.c.sector).order_by(sector_n.desc(), event_sectors.c.sector))
    agreements = connection.execute(
        sa.select(events).where(events.c.num.in_(pair), events.c.type == "AGREE")
        .order_by(events.c.day.desc(), events.c.num.desc()).limit(100)).all()
    return {
        "total": sum(type_totals.values()),
        "types": [t for t, _ in type_totals.most_common()],
        "type_totals": dict(type_totals),
        "years": [{"year": y, "counts": dict(by_year_type[y])} for y in sorted(by_year_type)],
        "sectors": [{"code": s, "count": k} for s, k in sectors],
        "agreements": describe(connection, agreements),
    }


def country_partners(connection: Connection, code: str | None = None, limit: int = 60) -> list[dict[str, Any]]:
    """Pairs of states by number of shared story events, optionally only pairs with ``code``."""
    one, other = event_countries.alias("one"), event_countries.alias("other")
    n = sa.func.count().label("n")
    statement = (sa.select(one.c.country.label("a"), other.c.country.label("b"), n)
                 .join_from(one, other, sa.and_(other.c.event == one.c.event, other.c.country > one.c.country))
                 .group_by(one.c.country, other.c.country).order_by(n.desc(), one.c.country, other.c.country)
                 .limit(limit))
    if code:
        statement = statement.where(sa.or_(one.c.country == code, other.c.country == code))
    return [{"a": a, "b": b, "events": k} for a, b, k in connection.execute(statement)]


# --- the network

def _ties(links: list[tuple[int, Any]]) -> Counter:
    """(a, b) -> number of events both took part in, from (event, node) links; a < b."""
    by_event: dict[int, set] = defaultdict(set)
    for event, node in links:
        by_event[event].add(node)
    ties: Counter = Counter()
    for nodes in by_event.values():
        ordered = sorted(nodes)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                ties[(a, b)] += 1
    return ties


def _country_ties(connection: Connection, selected: sa.Select | None) -> Counter:
    """(a, b) -> events both states took part in, counted by the database (one row per pair)."""
    one, other = event_countries.alias("one"), event_countries.alias("other")
    statement = (sa.select(one.c.country, other.c.country, sa.func.count())
                 .join_from(one, other, sa.and_(other.c.event == one.c.event, other.c.country > one.c.country))
                 .group_by(one.c.country, other.c.country))
    if selected is not None:
        statement = statement.where(one.c.event.in_(selected))
    return Counter({(a, b): n for a, b, n in connection.execute(statement)})


def _person_ties(connection: Connection, selected: sa.Select | None) -> Counter:
    """Ties between persons. Each link's entity type is looked up by key in the same query (a
    join to the entities table lets SQLite's planner start from every person)."""
    entity_type = (sa.select(entities.c.type).where(entities.c.num == event_participants.c.entity)
                   .scalar_subquery())
    statement = sa.select(event_participants.c.event, event_participants.c.entity, entity_type)
    if selected is not None:
        statement = statement.where(event_participants.c.event.in_(selected))
    links = [(event, entity) for event, entity, kind in connection.execute(statement) if kind == "PERSON"]
    return _ties(links)


def _names_of(connection: Connection, nums) -> dict[int, tuple[str, str | None]]:
    """Registry entity -> (name, country) for the entities ``nums``."""
    rows = connection.execute(sa.select(entities.c.num, entities.c.name, entities.c.country)
                              .where(entities.c.num.in_(nums)))
    return {num: (name, country) for num, name, country in rows}


NETWORK_KINDS = ("persons", "countries")


def network(connection: Connection, kind: str, filters: Filters, max_nodes: int = 60,
            max_edges: int = 400) -> dict[str, Any]:
    """Who met whom: nodes (persons or countries) and weighted edges (the number of story events
    both took part in), over the events the filters select. Keeps the ``max_nodes`` nodes with
    the heaviest ties, and the ``max_edges`` heaviest edges among them."""
    if kind not in NETWORK_KINDS:
        raise ValueError(f"network kind: one of {NETWORK_KINDS}, not {kind!r}")
    where = event_conditions(connection, filters)
    selected = sa.select(events.c.num).where(*where) if where else None  # None: every event
    counted = (_country_ties if kind == "countries" else _person_ties)(connection, selected)
    ties = [(a, b, w) for (a, b), w in sorted(counted.items(), key=lambda kv: (-kv[1], kv[0]))]
    strength: Counter = Counter()
    for a, b, w in ties:
        strength[a] += w
        strength[b] += w
    ranked = sorted(strength, key=lambda node: (-strength[node], str(node)))[:max_nodes]
    kept = set(ranked)
    if kind == "countries":
        described = {code: (None, code) for code in kept}
    else:
        described = _names_of(connection, kept) if kept else {}
    nodes = [{"id": node, "name": described[node][0], "country": described[node][1], "strength": strength[node]}
             for node in ranked]
    edges = [{"a": a, "b": b, "weight": w} for a, b, w in ties if a in kept and b in kept][:max_edges]
    return {"kind": kind, "nodes": nodes, "edges": edges}
