"""The Spark job of ``rasid batch``: files -> articles -> records (Parquet) and dead letters (JSON Lines).

One Spark stage, no shuffle, and the JVM touches no article:
1. The driver lists the input files and their sizes (``storage.list_inputs``, any filesystem pyarrow
   opens) and plans the extraction tasks (``balance.plan_tasks``): each task gets work units (a whole
   file, or a slice of a JSON / JSON Lines file); tasks shrink as the work runs out, largest first.
2. Each task, in a Python worker, reads its units' files itself (``sources.items_from_file``),
   maps ``rasid.pipeline.process(article, settings)`` over its articles, and writes its records with
   pyarrow as Parquet (the explicit record schema) into hive partition folders (publication month,
   source) of a staging folder inside OUTPUT, one file per partition and task, named after the task
   and the run: a task that runs again overwrites its own files.
3. Each task returns its record count and its dead letters (bad inputs and the articles process()
   refused) as its result. The driver then commits the run: each partition folder the run wrote
   replaces OUTPUT's folder of that partition (``spark_compact_output``: its files joined into one
   first), and writes the dead letters as JSON Lines under the dead-letter folder, partitioned by
   input, replacing only those partitions (no Spark job). Re-running replaces, never duplicates.
"""
from __future__ import annotations

import hashlib
import os
import re
import socket
import sys
import time
import uuid
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import Any, Iterator

import pyarrow as pa
from pyspark.sql import SparkSession
from pyspark.sql.pandas.types import to_arrow_schema

from rasid.batch.balance import WorkUnit, plan_tasks
from rasid.batch.schema import record_spark_schema
from rasid.batch.sources import items_from_file
from rasid.batch.storage import (PartitionedWriter, commit_partitions, filesystem, list_inputs,
                                 read_input, remove_folder, write_json_partitions)
from rasid.errors import RasidError
from rasid.readers import Item
from rasid.settings import Settings

PARTITION_COLUMNS = ("published_month", "source_key")
DEAD_LETTER_PARTITION = "input_key"
DEAD_LETTER_FOLDER = "_dead_letter"  # inside OUTPUT: Parquet readers skip names starting with _
STAGING_PREFIX = "_staging-"  # inside OUTPUT while a run is written
UNKNOWN = "unknown"
ROWS_PER_BATCH = 256
MONTH_RE = re.compile(r"^(\d{4})-(\d{2})")


@dataclass
class BatchResult:
    records: int
    dead_letters: int
    output: str
    dead_letter: str
    python_workers: int = 0  # the Python worker processes that ran extraction tasks
    pipelines_built: int = 0  # the pipelines they built (lexicons and model loaded): one each when reused
    tasks: int = 0  # the extraction tasks run
    task_seconds: float = 0.0  # their summed wall time in the Python workers
    task_cpu_seconds: float = 0.0  # their summed CPU time
    largest_task_seconds: float = 0.0
    phases: dict[str, float] = field(default_factory=dict)  # seconds of each step of the run (timeline)

    def as_line(self) -> str:
        return (f"{self.records} records written to {self.output}, "
                f"{self.dead_letters} dead letters to {self.dead_letter}")


def spark_session(settings: Settings, config: dict[str, str] | None = None) -> SparkSession:
    """The session of a run, configured from the settings (and any other Spark ``config``);
    the engine's log level from the settings too."""
    builder = (SparkSession.builder.appName("rasid batch").master(settings.spark_master)
               .config("spark.driver.memory", settings.spark_driver_memory)
               .config("spark.executor.memory", settings.spark_executor_memory))
    if settings.spark_java_options:
        builder = (builder.config("spark.driver.extraJavaOptions", settings.spark_java_options)
                   .config("spark.executor.extraJavaOptions", settings.spark_java_options))
    for key, value in (config or {}).items():
        builder = builder.config(key, value)
    if settings.spark_master.startswith("local"):  # workers run this interpreter (the venv with rasid)
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel(settings.spark_log_level)
    return session


@lru_cache(maxsize=1)
def record_arrow_schema() -> pa.Schema:
    """The Parquet schema of a record file (the partition keys are folder names, not columns)."""
    return to_arrow_schema(record_spark_schema())


def input_key(path: str) -> str:
    """A short, path-safe key of an input file: its dead letters' partition."""
    return hashlib.sha1(path.encode("utf-8")).hexdigest()[:16]


def partition_keys(record: dict[str, Any]) -> dict[str, str]:
    month = MONTH_RE.match(record.get("published") or "")
    return {"published_month": f"{month[1]}-{month[2]}" if month else UNKNOWN,
            "source_key": record.get("source") or UNKNOWN}


def _one_line(message: str) -> str:
    return " ".join(message.split())


def dead_letter(source: str, reason: str, kind: str, input_file: str) -> dict[str, str]:
    """One dead letter: its source, reason, kind, input file and partition key."""
    return {"source": source, "reason": reason, "kind": kind, "input": input_file,
            DEAD_LETTER_PARTITION: input_key(input_file)}


def process_item(item: Item, input_file: str, settings: Settings) -> dict[str, Any]:
    """One input item -> its record, or its dead letter (under the key "dead_letter"). Never raises."""
    from rasid.pipeline import process

    if item.article is None:
        return {"dead_letter": dead_letter(item.source, str(item.error), type(item.error).__name__, input_file)}
    try:
        return process(item.article, settings)
    except RasidError as exc:
        return {"dead_letter": dead_letter(item.source, _one_line(str(exc)), type(exc).__name__, input_file)}
    except Exception as exc:  # an internal error in one article must not fail the job
        message = f"{item.source}: internal error: {type(exc).__name__}: {exc}"
        return {"dead_letter": dead_letter(item.source, _one_line(message), "InternalError", input_file)}


@dataclass
class TaskReport:
    """What one extraction task returns to the driver: its record count, its dead letters, and which
    Python worker ran it (host:pid) with how many pipelines that worker had built by then."""

    records: int
    dead_letters: list[dict[str, str]] = field(default_factory=list)
    worker: str = ""
    pipelines_built: int = 0
    seconds: float = 0.0  # wall time of the task in its Python worker
    cpu_seconds: float = 0.0  # CPU time of the Python worker during the task
    started_at: float = 0.0  # wall clock (time.time()) when the task started and finished in its worker
    finished_at: float = 0.0


def run_task(task: int, groups: Iterator[list[WorkUnit]], settings: Settings, staging: str,
             run_id: str) -> Iterator[TaskReport]:
    """One extraction task (mapPartitionsWithIndex over the planned groups): read, process, write."""
    from rasid.pipeline import pipeline_for

    started, cpu_started = time.perf_counter(), time.process_time()
    fs, folder, _ = filesystem(staging)
    report = TaskReport(0, started_at=time.time())
    writer = PartitionedWriter(fs, folder, f"part-{task:05d}-{run_id}.parquet", record_arrow_schema(),
                               ROWS_PER_BATCH)
    try:
        for group in groups:
            for unit in group:
                for item in items_from_file(read_input(unit.name), unit.name, unit.start, unit.end):
                    result = process_item(item, unit.name, settings)
                    if "dead_letter" in result:
                        report.dead_letters.append(result["dead_letter"])
                    else:
                        writer.add(result, partition_keys(result))
                        report.records += 1
    finally:
        writer.close()
    report.worker, report.pipelines_built = f"{socket.gethostname()}:{os.getpid()}", pipeline_for.cache_info().misses
    report.seconds, report.cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    report.finished_at = time.time()
    yield report


def _run_tasks(spark: SparkSession, groups: list[list[WorkUnit]], settings: Settings, staging: str,
               run_id: str) -> list[TaskReport]:
    if not groups:
        return []
    tasks = spark.sparkContext.parallelize(groups, len(groups))  # one group per task
    return tasks.mapPartitionsWithIndex(partial(run_task, settings=settings, staging=staging,
                                                run_id=run_id)).collect()


def run_batch(inputs: list[str], output: str, settings: Settings, spark: SparkSession | None = None,
              dead_letter: str | None = None) -> BatchResult:
    """Extract every article under ``inputs``; records to ``output``, bad inputs to ``dead_letter``."""
    began = time.time()
    files = list_inputs(inputs)
    spark = spark or spark_session(settings)
    output = output.rstrip("/")
    dead_letter = dead_letter or f"{output}/{DEAD_LETTER_FOLDER}"
    run_id = uuid.uuid4().hex[:12]
    fs, output_path, prefix = filesystem(output)
    staging_path = f"{output_path}/{STAGING_PREFIX}{run_id}"
    groups = plan_tasks(files, spark.sparkContext.defaultParallelism, settings.spark_partitions)
    planned = time.time()
    try:
        reports = _run_tasks(spark, groups, settings, prefix + staging_path, run_id)
        extracted = time.time()
        fs.create_dir(output_path, recursive=True)
        commit_partitions(fs, staging_path, output_path, settings.spark_compact_output)
    finally:
        remove_folder(fs, staging_path)
    committed = time.time()
    letters = [letter for report in reports for letter in report.dead_letters]
    letters_fs, letters_path, _ = filesystem(dead_letter)
    write_json_partitions(letters_fs, letters_path, letters, DEAD_LETTER_PARTITION, f"part-{run_id}.json")
    phases = {"plan": planned - began, **task_timeline(reports, planned, extracted),
              "commit": committed - extracted, "dead_letters": time.time() - committed}
    built: dict[str, int] = {}  # per worker: the pipelines it had built by its last task
    for report in reports:
        built[report.worker] = max(built.get(report.worker, 0), report.pipelines_built)
    return BatchResult(sum(report.records for report in reports), len(letters), output, dead_letter,
                       python_workers=len(built), pipelines_built=sum(built.values()), tasks=len(groups),
                       task_seconds=sum(r.seconds for r in reports), task_cpu_seconds=sum(r.cpu_seconds for r in reports),
                       largest_task_seconds=max((r.seconds for r in reports), default=0.0), phases=phases)


def task_timeline(reports: list[TaskReport], submitted: float, collected: float) -> dict[str, float]:
    """Where the extraction stage's wall time went: from submitting the tasks to the first task
    starting in a Python worker (worker start), the tasks themselves, the tail in which some worker had
    finished its last task while another still ran, and from the last task's end to the driver
    having all results."""
    if not reports:
        return {"extract": collected - submitted}
    first = min(r.started_at for r in reports)
    ends: dict[str, float] = {}
    for report in reports:
        ends[report.worker] = max(ends.get(report.worker, 0.0), report.finished_at)
    return {"extract": collected - submitted, "worker_start": first - submitted,
            "tail": max(ends.values()) - min(ends.values()), "collect": collected - max(ends.values())}
