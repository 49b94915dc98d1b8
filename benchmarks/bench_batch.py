#!/usr/bin/env python3
"""One process against Spark (``rasid batch``) over SaudiNewsNet articles.

Usage: .venv/bin/python benchmarks/bench_batch.py [-n 500] [--master local[2]] [--corpus DIR] [--bare 2]

Both runs go end to end, each in a fresh process: reading the gzip day files,
``process(article, settings)`` on every article, writing the output (JSON
Lines for the single process, as ``rasid extract`` does; Parquet and dead
letters for Spark). Reported: wall time, articles/s, peak memory (the sum of
the resident memory of the process and all its children: the JVM and the
Python workers, sampled every 0.2 s), the CPU time of that process tree (less
sensitive than wall time to other load on the machine), and the engine's cost
per article.
The Spark session start (JVM launch) is timed apart from the job.
"""
from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "news" / "saudinewsnet"
SAMPLE_SECONDS = 0.2


class TreeMemory:
    """Peak of the summed RSS of this process and its descendants, and the CPU time they used
    (user + system, with that of reaped children), from /proc."""

    def __init__(self) -> None:
        self.peak = 0
        self.cpu_seconds = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def _tree(root: int) -> tuple[int, float]:
        children: dict[int, list[int]] = {}
        rss: dict[int, int] = {}
        ticks: dict[int, int] = {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            pid = int(entry)
            children.setdefault(int(fields[1]), []).append(pid)
            rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
            ticks[pid] = sum(int(f) for f in fields[11:15])  # utime stime cutime cstime
        total, cpu, stack = 0, 0, [root]
        while stack:
            pid = stack.pop()
            total += rss.get(pid, 0)
            cpu += ticks.get(pid, 0)
            stack.extend(children.get(pid, []))
        return total, cpu / os.sysconf("SC_CLK_TCK")

    def sample(self) -> None:
        rss, cpu = self._tree(os.getpid())
        self.peak = max(self.peak, rss)
        self.cpu_seconds = max(self.cpu_seconds, cpu - self._cpu_start)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(SAMPLE_SECONDS)

    def __enter__(self) -> "TreeMemory":
        self._cpu_start = self._tree(os.getpid())[1]
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()


def write_subset(corpus: Path, limit: int, folder: Path) -> int:
    """The first ``limit`` articles of the corpus (days in order) as gzip JSON day files in ``folder``."""
    count = 0
    for day in sorted(corpus.glob("*.json.gz")):
        with gzip.open(day, "rt", encoding="utf-8") as handle:
            objects = json.load(handle)[: limit - count]
        (folder / day.name).write_bytes(gzip.compress(json.dumps(objects, ensure_ascii=False).encode()))
        count += len(objects)
        if count >= limit:
            break
    return count


def run_single(inputs: Path, output: Path, shard: int = 0, shards: int = 1) -> dict:
    """What one process does: every day file read, every article processed, JSON Lines written
    (with ``shards`` > 1: only every ``shards``-th article, from the ``shard``-th)."""
    from rasid.batch.sources import items_from_file
    from rasid.errors import RasidError
    from rasid.pipeline import process
    from rasid.settings import Settings

    settings = Settings()
    records = failed = 0
    start = time.perf_counter()
    with TreeMemory() as memory, output.open("w", encoding="utf-8") as out:
        for day in sorted(inputs.glob("*.json.gz")):
            for index, item in enumerate(items_from_file(day.read_bytes(), str(day))):
                if index % shards != shard:
                    continue
                try:
                    if item.article is None:
                        raise item.error
                    out.write(json.dumps(process(item.article, settings), ensure_ascii=False) + "\n")
                    records += 1
                except RasidError:
                    failed += 1
    return {"records": records, "failed": failed, "seconds": time.perf_counter() - start, "peak_bytes": memory.peak,
            "cpu_seconds": memory.cpu_seconds}


def run_spark(inputs: Path, output: Path, master: str) -> dict:
    from rasid.batch.job import run_batch, spark_session
    from rasid.settings import Settings

    settings = Settings(spark_master=master, spark_log_level="ERROR")
    with TreeMemory() as memory:
        start = time.perf_counter()
        spark = spark_session(settings, {"spark.ui.showConsoleProgress": "false"})
        started = time.perf_counter()
        result = run_batch([str(inputs)], str(output), settings, spark)
        done = time.perf_counter()
        cores = spark.sparkContext.defaultParallelism
        spark.stop()
    return {"records": result.records, "failed": result.dead_letters, "seconds": done - started,
            "session_seconds": started - start, "cores": cores, "peak_bytes": memory.peak,
            "cpu_seconds": memory.cpu_seconds, "partitions": result.tasks,
            "python_workers": result.python_workers, "pipelines_built": result.pipelines_built,
            "task_seconds": result.task_seconds, "task_cpu_seconds": result.task_cpu_seconds,
            "largest_task_seconds": result.largest_task_seconds, "phases": result.phases,
            "parquet_files": sum(1 for _ in output.rglob("*.parquet"))}


def run_bare(inputs: Path, work: Path, processes: int) -> dict:
    """The engine-free bound: ``processes`` plain processes at once, each extracting every
    ``processes``-th article (what two busy cores can do with no engine at all)."""
    commands = [[sys.executable, __file__, "--child", "single", "--inputs", str(inputs), "--output",
                 str(work / f"bare-{k}.jsonl"), "--shard", f"{k}/{processes}"] for k in range(processes)]
    start = time.perf_counter()
    running = [subprocess.Popen(command, stdout=subprocess.PIPE, text=True) for command in commands]
    results = [json.loads(p.communicate()[0].strip().splitlines()[-1]) for p in running]
    if any(p.returncode for p in running):
        raise RuntimeError("a bare process failed")
    return {"seconds": time.perf_counter() - start, "records": sum(r["records"] for r in results),
            "cpu_seconds": [r["cpu_seconds"] for r in results]}


def child(mode: str, inputs: Path, output: Path, master: str) -> dict:
    """Run one mode in a fresh interpreter, so that each has its own peak memory and cold caches."""
    command = [sys.executable, __file__, "--child", mode, "--inputs", str(inputs), "--output", str(output),
               "--master", master]
    load_before = os.getloadavg()[0]
    done = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True)
    return {**json.loads(done.stdout.strip().splitlines()[-1]), "load_before": load_before,
            "load_after": os.getloadavg()[0]}


def commit() -> str:
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=Path(__file__).parent, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    return done.stdout.strip() or "unknown"


def timeline(phases: dict[str, float]) -> str:
    return ", ".join(f"{name} {seconds:.1f}" for name, seconds in phases.items())


def report(n: int, single: dict, spark: dict) -> None:
    mb = 1024 * 1024
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, commit {commit()}, {os.cpu_count()} CPUs; "
          f"1-min load average before/after: one process {single['load_before']:.2f}/{single['load_after']:.2f}, "
          f"Spark {spark['load_before']:.2f}/{spark['load_after']:.2f}")
    cores = spark["cores"]
    single_ms = 1000 * single["seconds"] / n
    spark_core_ms = 1000 * spark["seconds"] * cores / n
    print(f"articles: {n} ({single['records']} records, {single['failed']} refused in one process; "
          f"{spark['records']} records, {spark['failed']} dead letters on Spark)")
    print(f"single process: {single['seconds']:.1f} s, {n / single['seconds']:.1f} articles/s, "
          f"peak memory {single['peak_bytes'] / mb:.0f} MB")
    print(f"spark {spark['master']} ({cores} cores): {spark['seconds']:.1f} s (+ {spark['session_seconds']:.1f} s "
          f"session start), {n / spark['seconds']:.1f} articles/s, peak memory {spark['peak_bytes'] / mb:.0f} MB "
          f"(JVM + Python workers)")
    print(f"spark: {spark['partitions']} extraction tasks, {spark['python_workers']} Python workers built "
          f"{spark['pipelines_built']} pipelines, {spark['parquet_files']} Parquet files")
    print(f"spark tasks (in the Python workers): {spark['task_seconds']:.1f} s summed wall time, "
          f"{spark['task_cpu_seconds']:.1f} CPU-s ({1000 * spark['task_cpu_seconds'] / n:.1f} ms per article), "
          f"largest task {spark['largest_task_seconds']:.1f} s; job wall time x cores minus task time: "
          f"{spark['seconds'] * cores - spark['task_seconds']:.1f} core-s")
    print(f"spark timeline (s): {timeline(spark['phases'])}")
    print(f"speed-up: {single['seconds'] / spark['seconds']:.2f}x on {cores} cores "
          f"({single['seconds'] / (spark['seconds'] + spark['session_seconds']):.2f}x with the session start)")
    print(f"per article: {single_ms:.1f} ms in one process, {spark_core_ms:.1f} core-ms on Spark: "
          f"the engine adds {spark_core_ms - single_ms:.1f} core-ms per article "
          f"(per-core throughput on Spark {1000 / spark_core_ms:.1f} articles/s)")
    single_cpu_ms, spark_cpu_ms = (1000 * run["cpu_seconds"] / n for run in (single, spark))
    print(f"CPU time per article: {single_cpu_ms:.1f} ms in one process, {spark_cpu_ms:.1f} ms on Spark "
          f"(session start, JVM, Python workers): the engine adds {spark_cpu_ms - single_cpu_ms:.1f} CPU-ms")
    print_projection(n / (spark["seconds"] * cores), n / single["seconds"])
    print(json.dumps({"n": n, "single": single, "spark": spark}))


def print_projection(per_core: float, single: float, daily: int = 1_000_000) -> None:
    """Cores (Spark executors' task slots) for ``daily`` articles a day, from the measured rates."""
    print(f"\ncores for {daily:,} articles a day at {per_core:.1f} articles/s per core on Spark "
          f"({single:.1f} articles/s in one process):")
    print("| finished within | articles/s needed | cores on Spark | cores if the engine added nothing |")
    print("|---|---|---|---|")
    for hours in (24, 8, 1):
        rate = daily / (hours * 3600)
        print(f"| {hours} h | {rate:.1f} | {math.ceil(rate / per_core)} | {math.ceil(rate / single)} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=None, help="number of articles (default: all)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--spark-only", action="store_true",
                        help="run only the Spark side and print its figures (no speed-up)")
    parser.add_argument("--bare", type=int, default=0, metavar="N",
                        help="also run N plain processes at once with no engine, each every N-th article "
                             "(the bound any engine can reach on this machine), between the two runs")
    parser.add_argument("--child", choices=["single", "spark"], help=argparse.SUPPRESS)
    parser.add_argument("--shard", default="0/1", help=argparse.SUPPRESS)
    parser.add_argument("--inputs", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--output", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "single":
        shard, shards = (int(part) for part in args.shard.split("/"))
        print(json.dumps(run_single(args.inputs, args.output, shard, shards)))
        return 0
    if args.child == "spark":
        print(json.dumps({**run_spark(args.inputs, args.output, args.master), "master": args.master}))
        return 0
    if not args.corpus.is_dir():
        print(f"bench_batch: corpus folder {args.corpus} not found", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="rasid-bench-batch-") as work:
        work_dir = Path(work)
        inputs = work_dir / "inputs"
        inputs.mkdir()
        n = write_subset(args.corpus, args.n or 10**9, inputs)
        if args.spark_only:
            spark = child("spark", inputs, work_dir / "parquet", args.master)
            print(f"spark {args.master}: {n} articles in {spark['seconds']:.1f} s (+ {spark['session_seconds']:.1f} s "
                  f"session start); timeline (s): {timeline(spark['phases'])}")
            print(json.dumps({"n": n, "spark": spark}))
            return 0
        single = child("single", inputs, work_dir / "single.jsonl", args.master)
        if args.bare:
            bare = run_bare(inputs, work_dir, args.bare)
            print(f"bare: {args.bare} plain processes at once, no engine: {bare['seconds']:.1f} s "
                  f"({bare['records']} records; CPU-s per process {bare['cpu_seconds']}), "
                  f"{single['seconds'] / bare['seconds']:.2f}x the one process: the bound for an engine")
        spark = child("spark", inputs, work_dir / "parquet", args.master)
        report(n, single, spark)
    return 0


if __name__ == "__main__":
    sys.exit(main())
