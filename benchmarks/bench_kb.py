#!/usr/bin/env python3
"""Knowledge-base benchmarks: ingest throughput and size, search latency, API throughput.

  .venv/bin/python benchmarks/bench_kb.py ingest --db /tmp/kb.db [--corpus ../shared/corpora/news/saudinewsnet]
  .venv/bin/python benchmarks/bench_kb.py search --db /tmp/kb.db [-n 300]
  .venv/bin/python benchmarks/bench_kb.py api --db /tmp/kb.db [--seconds 15 --connections 32]

ingest: `rasid ingest` over every article (2 extraction workers, one writer), wall
time, then the store's size against the raw text (UTF-8 bytes of the stored
article texts). search: latency of search_articles over queries drawn (seeded)
from the stored titles, alone and with filters. api: `rasid serve` on 127.0.0.1
and wrk from a second process over 1,000 entity pages in turn (the 100 busiest
persons and organizations, then 900 spread over the ranks up to 5,000), or one page (--rank).
"""
from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import sqlalchemy as sa

from rasid.ingest.run import ingest
from rasid.search.articles import search_articles
from rasid.search.filters import Filters, Paging
from rasid.settings import Settings
from rasid.store import open_store
from rasid.store.articles import unpack

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "news" / "saudinewsnet"
WORD_RE = re.compile(r"[\u0621-\u064A]{4,}")


def store_bytes(db: str) -> int:
    return sum(os.path.getsize(p) for p in (db, db + "-wal") if os.path.exists(p))


class LoadSampler(threading.Thread):
    """The 1-minute load average every ``every`` seconds while a run lasts."""

    def __init__(self, every: float = 10.0):
        super().__init__(daemon=True)
        self.every, self.samples, self.done = every, [os.getloadavg()[0]], threading.Event()

    def run(self) -> None:
        while not self.done.wait(self.every):
            self.samples.append(os.getloadavg()[0])

    def stop(self) -> str:
        self.done.set()
        self.samples.append(os.getloadavg()[0])
        return f"min {min(self.samples):.1f}, max {max(self.samples):.1f}, {len(self.samples)} samples"


def bench_ingest(args) -> None:
    settings = Settings(db=args.db, ingest_workers=args.workers)
    store = open_store(args.db)
    failures: list[str] = []
    sampler = LoadSampler()
    sampler.start()
    start, own_before = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF)
    workers_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    summary = ingest([str(args.corpus)], store, settings, report=failures.append, progress=args.progress)
    elapsed = time.perf_counter() - start
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    loads = sampler.stop()
    own_cpu = own.ru_utime + own.ru_stime - own_before.ru_utime - own_before.ru_stime
    workers_cpu = workers.ru_utime + workers.ru_stime - workers_before.ru_utime - workers_before.ru_stime
    with store.engine.begin() as connection:
        if store.dialect == "sqlite":
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        raw = sum(len(unpack(t).encode("utf-8")) for t in connection.execute(sa.text("SELECT text FROM articles")).scalars())
        stored = connection.execute(sa.text("SELECT count(*) FROM articles")).scalar()
    size = store_bytes(args.db)
    handled = summary.added + summary.present + summary.failed
    print(f"components: {', '.join(settings.components)}")
    print(f"ingest: {summary.as_line()}")
    print(f"stored articles: {stored}, wall time {elapsed:.0f} s ({elapsed / 60:.1f} min), "
          f"{summary.added / elapsed:.1f} articles/s, workers {args.workers}, {os.cpu_count()} cores")
    print(f"CPU: reader + writer process {own_cpu:.0f} s ({1000 * own_cpu / max(handled, 1):.1f} ms per input), "
          f"extraction workers {workers_cpu:.0f} s ({1000 * workers_cpu / max(handled, 1):.1f} ms per input); "
          f"cores busy {(own_cpu + workers_cpu) / elapsed:.2f} of {os.cpu_count()}")
    print(f"load average during the run: {loads}")
    print(f"raw text {raw / 1e6:.1f} MB, store {size / 1e6:.1f} MB: {size / raw:.2f}x")


def _queries(connection, count: int) -> list[tuple[str, Filters]]:
    titles = [t for t in connection.execute(sa.text("SELECT title FROM articles WHERE title IS NOT NULL")).scalars()]
    rng = random.Random(7)
    words = [w for t in rng.sample(titles, min(len(titles), 2000)) for w in WORD_RE.findall(t)]
    filters = [Filters(), Filters.make(countries=["SA"]), Filters.make(countries=["SA", "EG"]),
               Filters.make(types=["CONSULT"]), Filters.make(since="2015-08-01", until="2015-08-05")]
    queries = []
    for n in range(count):
        text = " ".join(rng.sample(words, 1 + n % 2))
        queries.append((text, filters[n % len(filters)]))
    return queries


def bench_search(args) -> None:
    store = open_store(args.db, readonly=True)
    with store.engine.connect() as connection:
        queries = _queries(connection, args.n)
        search_articles(connection, queries[0][0], Filters(), Paging())  # warm the caches
        latencies, cpu, hits = [], [], []
        for text, filters in queries:
            start, start_cpu = time.perf_counter(), time.process_time()
            page = search_articles(connection, text, filters, Paging())
            latencies.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
            hits.append(page["total"])
    print(f"search: {len(latencies)} queries (1-2 title words; none, SA, SA+EG, CONSULT, 5-day filters), "
          f"median hits {statistics.median(hits):.0f}, load average {os.getloadavg()[0]:.1f}")
    for name, values in (("wall", latencies), ("cpu", cpu)):
        values.sort()
        p95 = values[int(0.95 * len(values)) - 1]
        print(f"{name} ms: p50 {statistics.median(values):.1f}, p95 {p95:.1f}, max {values[-1]:.1f}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and its children still running (uvicorn's workers)."""
    pids = [pid] + [int(p) for p in subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True)
                    .stdout.split()]
    total = 0
    for p in pids:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


ROTATE_LUA = """-- every connection's thread walks the ids from its own starting point: no page is a hot cache
ids = {%s}
local threads = 0
function setup(thread)
  thread:set("start", threads * 7919)
  threads = threads + 1
end
function init(args)
  i = start or 0
end
function request()
  i = i + 1
  return wrk.format("GET", "/api/entities/" .. ids[(i %% #ids) + 1])
end
"""


def entity_sample(connection, count: int, busiest: int, spread: int) -> list[tuple[int, int]]:
    """(entity, articles) of ``count`` persons and organizations: the ``busiest`` ones by articles,
    then the rest spread evenly over the next ranks up to ``spread`` (0: every rank)."""
    ranked = connection.execute(sa.text(
        "SELECT m.entity, count(*) AS n FROM entity_mentions m JOIN entities e ON e.num = m.entity "
        "WHERE e.type IN ('PERSON', 'ORG') AND e.merged_into IS NULL GROUP BY m.entity ORDER BY n DESC, m.entity"
    )).all()
    head, rest = ranked[:busiest], ranked[busiest:spread or None]
    step = max(1, len(rest) // max(1, count - busiest))
    return [(r.entity, r.n) for r in head + rest[::step][:count - busiest]]


def _wait_until_up(url: str) -> None:
    for _ in range(150):
        time.sleep(0.2)
        if subprocess.run(["curl", "-sf", "-o", "/dev/null", url]).returncode == 0:
            return
    sys.exit(f"bench_kb: the server did not answer {url}")


def bench_api(args) -> None:
    """`rasid serve` and wrk on entity pages: rotating over many entities (--ids), or one (--rank)."""
    if not shutil.which("wrk"):
        sys.exit("bench_kb: wrk not found (apt-get install -y wrk)")
    store = open_store(args.db, readonly=True)
    with store.engine.connect() as connection:
        sample = entity_sample(connection, args.ids, args.busiest, args.spread) if args.rank is None else \
            [entity_sample(connection, args.rank + 1, args.rank + 1, 0)[args.rank]]
    store.close()
    port = _free_port()
    rasid = str(Path(sys.executable).parent / "rasid")
    server = subprocess.Popen([rasid, "serve", "--db", args.db, "--port", str(port), "--workers", str(args.workers)])
    base = f"http://127.0.0.1:{port}"
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(ROTATE_LUA % ", ".join(str(entity) for entity, _ in sample))
    try:
        _wait_until_up(f"{base}/api/entities/{sample[0][0]}")
        for entity, _ in sample:  # every page once: the server's first use of each (cold) is not in the run
            subprocess.run(["curl", "-sf", "-o", "/dev/null", f"{base}/api/entities/{entity}"], check=True)
        load = os.getloadavg()[0]
        cpu_before = _cpu_seconds(server.pid)
        out = subprocess.run(["wrk", "-t2", f"-c{args.connections}", f"-d{args.seconds}s", "--latency",
                              "-s", script.name, base], capture_output=True, text=True,
                             timeout=args.seconds + 60).stdout
        server_cpu = _cpu_seconds(server.pid) - cpu_before
    finally:
        server.terminate()
        server.wait(timeout=30)
        os.unlink(script.name)
    counts = sorted(n for _, n in sample)
    print(f"api: {len(sample)} entity pages rotated (persons and organizations; articles per entity: "
          f"max {counts[-1]}, median {statistics.median(counts):.0f}, min {counts[0]}), server workers "
          f"{args.workers}, wrk -t2 -c{args.connections} -d{args.seconds}s on the same 2 cores as the server")
    print("\n".join(line for line in out.splitlines()
                    if re.search(r"Requests/sec|Latency|99%|50%|requests in|Non-2xx|Socket errors", line)))
    done = re.search(r"(\d+) requests in", out)
    if done:
        print(f"server CPU: {server_cpu:.1f} s for {done.group(1)} requests = "
              f"{1000 * server_cpu / int(done.group(1)):.2f} ms per request; load average before "
              f"{load:.1f}, after {os.getloadavg()[0]:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    p = sub.add_parser("ingest")
    p.add_argument("--db", required=True)
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--progress", action="store_true", help="show the progress bar")
    p = sub.add_parser("search")
    p.add_argument("--db", required=True)
    p.add_argument("-n", type=int, default=300)
    p = sub.add_parser("api")
    p.add_argument("--db", required=True)
    p.add_argument("--seconds", type=int, default=15)
    p.add_argument("--connections", type=int, default=32)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--ids", type=int, default=1000, help="entity pages rotated over")
    p.add_argument("--busiest", type=int, default=100, help="of which the busiest by articles")
    p.add_argument("--spread", type=int, default=5000,
                   help="the others spread over the ranks up to this one (0: all; rank 5000 ~ 5 articles)")
    p.add_argument("--rank", type=int, default=None, help="one page only: 0 the busiest entity, N the N-th")
    args = parser.parse_args()
    {"ingest": bench_ingest, "search": bench_search, "api": bench_api}[args.what](args)


if __name__ == "__main__":
    main()
