"""Server time of every kind of web page over a store (target: <= 300 ms each).

    .venv/bin/python benchmarks/bench_web.py --db STORE [--repeat 3] [--articles 20]

Pages are picked from the store itself: the heaviest ones on purpose (the persons, organizations
and country pair with the most events, the most common query words, the longest articles).
Server time is the app's own Server-Timing (read the store, shape, render); wall time adds the
in-process HTTP round trip. Prints a Markdown table; exits 1 when a page's worst time is over the
target.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections import defaultdict
from urllib.parse import quote

import sqlalchemy as sa
from fastapi.testclient import TestClient

from rasid.api.app import create_app
from rasid.settings import Settings
from rasid.store.schema import articles, entities, entity_mentions, event_countries, event_participants

TARGET_MS = 300.0


def top_entities(connection, links: sa.Table, entity_type: str, n: int) -> list[int]:
    """The ``n`` entities of a type with the most rows in ``links`` (events taken part in, mentions)."""
    count = sa.func.count().label("n")
    return list(connection.execute(
        sa.select(links.c.entity).join(entities, entities.c.num == links.c.entity)
        .where(entities.c.type == entity_type).group_by(links.c.entity).order_by(count.desc()).limit(n)).scalars())


def top_pairs(connection, n: int) -> list[str]:
    one, other = event_countries.alias("one"), event_countries.alias("other")
    count = sa.func.count().label("n")
    rows = connection.execute(
        sa.select(one.c.country, other.c.country).join_from(
            one, other, sa.and_(one.c.event == other.c.event, other.c.country > one.c.country))
        .group_by(one.c.country, other.c.country).order_by(count.desc()).limit(n))
    return [f"{a}-{b}" for a, b in rows]


def longest_articles(connection, n: int) -> list[str]:
    return list(connection.execute(sa.select(articles.c.id).order_by(sa.func.length(articles.c.text).desc())
                                   .limit(n)).scalars())


def sample_articles(connection, n: int) -> list[str]:
    total = connection.execute(sa.select(sa.func.count()).select_from(articles)).scalar_one()
    step = max(1, total // max(n, 1))
    return list(connection.execute(sa.select(articles.c.id).where(articles.c.num % step == 0).limit(n)).scalars())


def pages(connection, n_articles: int) -> dict[str, list[str]]:
    q = quote
    persons = top_entities(connection, event_participants, "PERSON", 3) + top_entities(
        connection, entity_mentions, "PERSON", 2)
    orgs = top_entities(connection, event_participants, "ORG", 2) + top_entities(connection, entity_mentions, "ORG", 2)
    pairs = top_pairs(connection, 3)
    country = pairs[0].split("-") if pairs else ["SA", "EG"]
    return {
        "search: empty (whole store, facets)": ["/"],
        "search: common words": [f"/?q={q('وزير')}", f"/?q={q('المملكة')}", f"/?q={q('الرياض')}",
                                 f"/?q={q('ولي العهد')}"],
        "search: rare word": [f"/?q={q('الهيدروجين')}"],
        "search: filters": [f"/?country={country[0]}&country={country[1]}", "/?type=CONSULT&sector=diplomacy",
                            f"/?q={q('وزير')}&type=AGREE&since=2015-07-25"]
                           + [f"/?person={p}" for p in persons[:1]],
        "search: page 20": [f"/?q={q('وزير')}&page=20"],
        "article: longest": [f"/articles/{a}" for a in longest_articles(connection, 5)],
        "article: sample": [f"/articles/{a}" for a in sample_articles(connection, n_articles)],
        "person: most events/mentions": [f"/entities/{p}" for p in dict.fromkeys(persons)],
        "organization: most events/mentions": [f"/entities/{o}" for o in dict.fromkeys(orgs)],
        "people / organizations lists": ["/people", "/organizations", "/people?page=10"],
        "country pairs index": ["/pairs", f"/pairs?country={country[0]}"],
        "country pair: busiest": [f"/pairs/{p}" for p in pairs],
        "network: persons (meetings)": ["/network", "/network?kind=persons&type=&sector=diplomacy"],
        "network: countries": ["/network?kind=countries&type=", "/network?kind=countries&type=CONSULT"],
    }


def server_ms(response) -> tuple[float, float]:
    """(elapsed, CPU) milliseconds of the app's Server-Timing header."""
    app, cpu = response.headers["server-timing"].split(", ")
    return float(app.split("dur=")[1]), float(cpu.split("dur=")[1])


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--articles", type=int, default=20)
    args = parser.parse_args()
    app = create_app(Settings(db=args.db))
    client = TestClient(app)
    with app.state.backend.reader.engine.connect() as connection:
        count = connection.execute(sa.select(sa.func.count()).select_from(articles)).scalar_one()
        chosen = pages(connection, args.articles)
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    first = client.get("/")  # compiles the templates and counts the whole store's facets (then kept)
    print(f"first request of the process (/): {(time.perf_counter() - started) * 1000:.0f} ms wall, "
          f"server {first.headers['server-timing']}\n")
    elapsed: dict[str, list[float]] = defaultdict(list)
    cpu: dict[str, list[float]] = defaultdict(list)
    slowest: dict[str, tuple[float, str]] = {}
    for kind, urls in chosen.items():
        for url in urls:
            for _ in range(args.repeat):
                response = client.get(url)
                if response.status_code != 200:
                    print(f"{url}: HTTP {response.status_code}", file=sys.stderr)
                    return 2
                app_ms, cpu_ms = server_ms(response)
                elapsed[kind].append(app_ms)
                cpu[kind].append(cpu_ms)
                if app_ms >= slowest.get(kind, (-1.0, ""))[0]:
                    slowest[kind] = (app_ms, url)
    print(f"{count} articles in {args.db}; {args.repeat} runs per page; server time in ms "
          f"(elapsed; CPU of the request's thread); load average at the start {load_before:.1f}, "
          f"at the end {os.getloadavg()[0]:.1f}\n")
    print("| page | pages | median | p95 | max | CPU median | CPU max | slowest page |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    over = False
    for kind in chosen:
        over |= max(elapsed[kind]) > TARGET_MS
        print(f"| {kind} | {len(chosen[kind])} | {statistics.median(elapsed[kind]):.1f} | "
              f"{percentile(elapsed[kind], 0.95):.1f} | {max(elapsed[kind]):.1f} | {statistics.median(cpu[kind]):.1f} | "
              f"{max(cpu[kind]):.1f} | `{slowest[kind][1]}` |")
    app.state.backend.close()
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
