"""The Spark job of ``rasid batch``: files -> articles -> records (Parquet) and dead letters (JSON Lines).

One Spark job, one pass over the articles, no cache and no count:
1. Spark lists and reads the input files (any filesystem it reads: local, HDFS,
   S3...) as binary rows, in at least as many read tasks as extraction tasks
   (split by bytes); ``sources.items_from_file`` turns each file into its
   articles, or the one-line errors of what could not become one. Each article
   gets the bucket that evens out the text per extraction task (``balance``).
2. One shuffle puts bucket b on extraction task b, which maps
   ``rasid.pipeline.process(article, settings)`` over its articles in Arrow
   batches and writes its records straight to Parquet under OUTPUT, partitioned
   by publication month and source (``spark_compact_output``: one more shuffle
   first, for one file per partition).
3. Each task reports its record count and its dead letters (bad inputs and the
   articles process() refused) to the driver with its result (an accumulator
   keyed by task: a re-run task replaces its own report); the driver writes the
   dead letters as JSON Lines under the dead-letter folder, partitioned by input.
Both writes overwrite only the partitions they write (dynamic partition
overwrite): re-running replaces, never duplicates.
"""
from __future__ import annotations

import hashlib
import os
import re
import socket
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Any, Iterator

import pyarrow as pa
from pyspark import Accumulator, AccumulatorParam, TaskContext
from pyspark.errors import AnalysisException
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T
from pyspark.sql.pandas.types import to_arrow_schema

from rasid.batch.balance import BucketAssigner, bucket_keys
from rasid.batch.schema import record_fields, record_spark_schema
from rasid.batch.sources import ARTICLE_FILE_PATTERN, items_from_file, local_name
from rasid.doc import Article
from rasid.errors import RasidError
from rasid.readers import Item
from rasid.settings import Settings

PARTITION_COLUMNS = ("published_month", "source_key")
DEAD_LETTER_PARTITION = "input_key"
DEAD_LETTER_FOLDER = "_dead_letter"  # inside OUTPUT: Parquet readers skip names starting with _
UNKNOWN = "unknown"
ROWS_PER_BATCH = 256
PARTITIONS_PER_CORE = 8
BUCKET = "bucket"
MONTH_RE = re.compile(r"^(\d{4})-(\d{2})")

ERROR_COLUMNS = ("item_name", "input_file", "input_key", "error", "error_kind")
ARTICLE_COLUMNS = ERROR_COLUMNS + ("id", "text", "title", "published", "source", "file")
DEAD_LETTER_COLUMNS = ("source", "reason", "kind", "input", DEAD_LETTER_PARTITION)


class BatchInputError(RasidError):
    """An input path the engine cannot list or read (the job does not start)."""


@dataclass
class BatchResult:
    records: int
    dead_letters: int
    output: str
    dead_letter: str
    python_workers: int = 0  # the Python worker processes that ran extraction tasks
    pipelines_built: int = 0  # the pipelines they built (lexicons and model loaded): one each when reused

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


def _string_fields(columns: tuple[str, ...]) -> list[T.StructField]:
    return [T.StructField(name, T.StringType(), nullable=True) for name in columns]


ARTICLE_SCHEMA = T.StructType(_string_fields(ARTICLE_COLUMNS) + [T.StructField(BUCKET, T.IntegerType())])
DEAD_LETTER_SCHEMA = T.StructType(_string_fields(DEAD_LETTER_COLUMNS))


def output_schema() -> T.StructType:
    """A record: the record's fields and its partition keys."""
    return T.StructType(list(record_spark_schema().fields) + _string_fields(PARTITION_COLUMNS))


@lru_cache(maxsize=2)
def _arrow_schema(kind: str) -> pa.Schema:
    return to_arrow_schema(ARTICLE_SCHEMA if kind == "article" else output_schema())


def _batches(rows: Iterator[dict[str, Any]], kind: str) -> Iterator[pa.RecordBatch]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= ROWS_PER_BATCH:
            yield pa.RecordBatch.from_pylist(chunk, schema=_arrow_schema(kind))
            chunk = []
    if chunk:
        yield pa.RecordBatch.from_pylist(chunk, schema=_arrow_schema(kind))


def input_key(path: str) -> str:
    """A short, path-safe key of an input file: its dead letters' partition."""
    return hashlib.sha1(path.encode("utf-8")).hexdigest()[:16]


def _task_partition() -> int:
    context = TaskContext.get()
    return context.partitionId() if context is not None else 0


def _article_row(item: Item, path: str) -> dict[str, Any]:
    row: dict[str, Any] = {"item_name": item.source, "input_file": path, "input_key": input_key(path)}
    if item.article is None:
        return {**row, "error": str(item.error), "error_kind": type(item.error).__name__}
    a = item.article
    return {**row, "id": a.id, "text": a.text, "title": a.title, "published": a.published, "source": a.source,
            "file": a.file}


def _file_articles(batches: Iterator[pa.RecordBatch], buckets: int) -> Iterator[dict[str, Any]]:
    keys = bucket_keys(buckets)
    assigner = BucketAssigner(buckets, start=_task_partition())
    for batch in batches:
        paths, contents = batch.column("path"), batch.column("content")
        for row in range(batch.num_rows):  # one file's bytes in Python at a time
            name = local_name(paths[row].as_py())
            for item in items_from_file(contents[row].as_py(), name):
                article_row = _article_row(item, name)
                article_row[BUCKET] = keys[assigner.assign(len(article_row.get("text") or ""))]
                yield article_row


def read_articles(batches: Iterator[pa.RecordBatch], buckets: int) -> Iterator[pa.RecordBatch]:
    """mapInArrow: (path, content) rows of files -> article rows (or error rows), each with its bucket key."""
    return _batches(_file_articles(batches, buckets), "article")


def partition_keys(record: dict[str, Any]) -> dict[str, str]:
    month = MONTH_RE.match(record.get("published") or "")
    return {"published_month": f"{month[1]}-{month[2]}" if month else UNKNOWN,
            "source_key": record.get("source") or UNKNOWN}


def _one_line(message: str) -> str:
    return " ".join(message.split())


def process_row(row: dict[str, Any], settings: Settings) -> dict[str, Any]:
    """One article row -> a record row with its partition keys, or an error row
    (the ``error`` column set). Never raises."""
    from rasid.pipeline import process

    errors = {name: row[name] for name in ERROR_COLUMNS}
    if row["error"] is not None:
        return errors
    article = Article(text=row["text"], title=row["title"], published=row["published"], source=row["source"],
                      file=row["file"], id=row["id"])
    try:
        record = process(article, settings)
    except RasidError as exc:
        return {**errors, "error": _one_line(str(exc)), "error_kind": type(exc).__name__}
    except Exception as exc:  # an internal error in one article must not fail the job
        message = f"{row['item_name']}: internal error: {type(exc).__name__}: {exc}"
        return {**errors, "error": _one_line(message), "error_kind": "InternalError"}
    return {**record, **partition_keys(record)}


def dead_letter_row(row: dict[str, Any]) -> dict[str, str]:
    """An error row as a dead letter (DEAD_LETTER_COLUMNS)."""
    return {"source": row["item_name"], "reason": row["error"], "kind": row["error_kind"],
            "input": row["input_file"], DEAD_LETTER_PARTITION: row["input_key"]}


@dataclass
class TaskReport:
    """What one extraction task reports to the driver: its record count, its dead letters, and which
    Python worker ran it (host:pid) with how many pipelines that worker had built by then."""

    records: int
    dead_letters: list[dict[str, str]]
    worker: str = ""
    pipelines_built: int = 0


class TaskReports(AccumulatorParam):
    """Accumulates {task partition: TaskReport}; a re-run task's report replaces the earlier one."""

    def zero(self, value: dict[int, TaskReport]) -> dict[int, TaskReport]:
        return {}

    def addInPlace(self, value1: dict[int, TaskReport], value2: dict[int, TaskReport]) -> dict[int, TaskReport]:
        value1.update(value2)
        return value1


def _records(batches: Iterator[pa.RecordBatch], settings: Settings, reports: Accumulator) -> Iterator[dict]:
    from rasid.pipeline import pipeline_for

    report = TaskReport(0, [])
    for batch in batches:
        for row in batch.to_pylist():
            result = process_row(row, settings)
            if result.get("error") is not None:
                report.dead_letters.append(dead_letter_row(result))
            else:
                report.records += 1
                yield result
    report.worker, report.pipelines_built = f"{socket.gethostname()}:{os.getpid()}", pipeline_for.cache_info().misses
    reports.add({_task_partition(): report})


def process_articles(batches: Iterator[pa.RecordBatch], settings: Settings,
                     reports: Accumulator) -> Iterator[pa.RecordBatch]:
    """mapInArrow: article rows -> record rows (process() on each), in batches of ROWS_PER_BATCH;
    the task's dead letters and record count to ``reports``."""
    return _batches(_records(batches, settings, reports), "output")


def input_files(spark: SparkSession, inputs: list[str]) -> DataFrame:
    """The article files under the inputs (folders recursively), as (path, content) rows."""
    try:
        files = (spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(inputs)
                 .select("path", "content"))
    except AnalysisException as exc:
        raise BatchInputError(_one_line(str(exc).splitlines()[0])) from exc
    return files.where(F.col("path").rlike(ARTICLE_FILE_PATTERN))


def extraction_partitions(spark: SparkSession, settings: Settings) -> int:
    return settings.spark_partitions or PARTITIONS_PER_CORE * spark.sparkContext.defaultParallelism


def processed(spark: SparkSession, inputs: list[str], settings: Settings, reports: Accumulator) -> DataFrame:
    """The records of the articles under ``inputs`` (their errors go to ``reports``)."""
    partitions = extraction_partitions(spark, settings)
    articles = input_files(spark, inputs).mapInArrow(partial(read_articles, buckets=partitions), ARTICLE_SCHEMA)
    return (articles.repartition(partitions, BUCKET).drop(BUCKET)
            .mapInArrow(partial(process_articles, settings=settings, reports=reports), output_schema()))


@contextmanager
def read_tasks(spark: SparkSession, partitions: int) -> Iterator[None]:
    """Spark splits the input files into at least ``partitions`` read tasks (by bytes) while a job
    is planned, instead of one per core: few large files are not read by one or two tasks."""
    key = "spark.sql.files.minPartitionNum"
    before = spark.conf.get(key, None)
    spark.conf.set(key, str(partitions))
    try:
        yield
    finally:
        if before is None:
            spark.conf.unset(key)
        else:
            spark.conf.set(key, before)


def write_records(records: DataFrame, output: str, compact: bool) -> None:
    records = records.select(*record_fields(), *PARTITION_COLUMNS)
    if compact:  # one file per partition and run, not one per task
        records = records.repartition(*PARTITION_COLUMNS)
    (records.write.mode("overwrite").option("partitionOverwriteMode", "dynamic")
     .partitionBy(*PARTITION_COLUMNS).parquet(output))


def write_dead_letters(letters: DataFrame, path: str) -> None:
    (letters.repartition(DEAD_LETTER_PARTITION)
     .write.mode("overwrite").option("partitionOverwriteMode", "dynamic")
     .partitionBy(DEAD_LETTER_PARTITION).json(path))


def run_batch(inputs: list[str], output: str, settings: Settings, spark: SparkSession | None = None,
              dead_letter: str | None = None) -> BatchResult:
    """Extract every article under ``inputs``; records to ``output``, bad inputs to ``dead_letter``."""
    spark = spark or spark_session(settings)
    dead_letter = dead_letter or f"{output.rstrip('/')}/{DEAD_LETTER_FOLDER}"
    reports = spark.sparkContext.accumulator({}, TaskReports())
    records = processed(spark, inputs, settings, reports)
    with read_tasks(spark, extraction_partitions(spark, settings)):
        write_records(records, output, settings.spark_compact_output)
    tasks = list(reports.value.values())
    letters = [letter for report in tasks for letter in report.dead_letters]
    if letters:  # from Arrow: no Python worker
        table = pa.Table.from_pylist(letters, schema=to_arrow_schema(DEAD_LETTER_SCHEMA))
        write_dead_letters(spark.createDataFrame(table, DEAD_LETTER_SCHEMA), dead_letter)
    built: dict[str, int] = {}  # per worker: the pipelines it had built by its last task
    for report in tasks:
        built[report.worker] = max(built.get(report.worker, 0), report.pipelines_built)
    return BatchResult(sum(report.records for report in tasks), len(letters), output, dead_letter,
                       python_workers=len(built), pipelines_built=sum(built.values()))
