"""The Spark job of ``rasid batch``: files -> articles -> records (Parquet) and dead letters (JSON Lines).

1. Spark lists and reads the input files (any filesystem it reads: local, HDFS,
   S3...) as binary rows; ``sources.items_from_file`` turns each file into its
   articles, or the one-line errors of what could not become one.
2. The articles are spread over ``settings.spark_partitions`` partitions and
   mapped through ``rasid.pipeline.process(article, settings)`` in Arrow batches.
3. Good records go to Parquet under OUTPUT, partitioned by publication month
   and source; bad ones to JSON Lines under the dead-letter folder,
   partitioned by input file. Both writes overwrite only the partitions they
   write (dynamic partition overwrite): re-running replaces, never duplicates.
"""
from __future__ import annotations

import hashlib
import os
import re
import sys
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Any, Iterator

import pyarrow as pa
from pyspark import StorageLevel
from pyspark.errors import AnalysisException
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T
from pyspark.sql.pandas.types import to_arrow_schema

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
PARTITIONS_PER_CORE = 4
MONTH_RE = re.compile(r"^(\d{4})-(\d{2})")

ARTICLE_COLUMNS = ("item_name", "input_file", "input_key", "id", "text", "title", "published", "source",
                   "file", "error", "error_kind")
ERROR_COLUMNS = ("item_name", "input_file", "input_key", "error", "error_kind")


class BatchInputError(RasidError):
    """An input path the engine cannot list or read (the job does not start)."""


@dataclass
class BatchResult:
    records: int
    dead_letters: int
    output: str
    dead_letter: str

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


def _string_schema(columns: tuple[str, ...]) -> T.StructType:
    return T.StructType([T.StructField(name, T.StringType(), nullable=True) for name in columns])


ARTICLE_SCHEMA = _string_schema(ARTICLE_COLUMNS)


def output_schema() -> T.StructType:
    """A processed article: the record's fields, its partition keys, and the error columns."""
    extra = _string_schema(PARTITION_COLUMNS + ERROR_COLUMNS)
    return T.StructType(list(record_spark_schema().fields) + list(extra.fields))


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


def _article_row(item: Item, path: str) -> dict[str, Any]:
    row: dict[str, Any] = {"item_name": item.source, "input_file": path, "input_key": input_key(path)}
    if item.article is None:
        return {**row, "error": str(item.error), "error_kind": type(item.error).__name__}
    a = item.article
    return {**row, "id": a.id, "text": a.text, "title": a.title, "published": a.published, "source": a.source,
            "file": a.file}


def _file_articles(batches: Iterator[pa.RecordBatch]) -> Iterator[dict[str, Any]]:
    for batch in batches:
        paths, contents = batch.column("path"), batch.column("content")
        for row in range(batch.num_rows):  # one file's bytes in Python at a time
            name = local_name(paths[row].as_py())
            for item in items_from_file(contents[row].as_py(), name):
                yield _article_row(item, name)


def read_articles(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """mapInArrow: (path, content) rows of files -> article rows (or error rows)."""
    return _batches(_file_articles(batches), "article")


def partition_keys(record: dict[str, Any]) -> dict[str, str]:
    month = MONTH_RE.match(record.get("published") or "")
    return {"published_month": f"{month[1]}-{month[2]}" if month else UNKNOWN,
            "source_key": record.get("source") or UNKNOWN}


def _one_line(message: str) -> str:
    return " ".join(message.split())


def process_row(row: dict[str, Any], settings: Settings) -> dict[str, Any]:
    """One article row -> a record row with its partition keys, or an error row. Never raises."""
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
    return {**record, **partition_keys(record), **errors}


def process_articles(batches: Iterator[pa.RecordBatch], settings: Settings) -> Iterator[pa.RecordBatch]:
    """mapInArrow: article rows -> record rows (process() on each), in batches of ROWS_PER_BATCH."""
    rows = (process_row(row, settings) for batch in batches for row in batch.to_pylist())
    return _batches(rows, "output")


def input_files(spark: SparkSession, inputs: list[str]) -> DataFrame:
    """The article files under the inputs (folders recursively), as (path, content) rows."""
    try:
        files = (spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(inputs)
                 .select("path", "content"))
    except AnalysisException as exc:
        raise BatchInputError(_one_line(str(exc).splitlines()[0])) from exc
    return files.where(F.col("path").rlike(ARTICLE_FILE_PATTERN))


def processed(spark: SparkSession, inputs: list[str], settings: Settings) -> DataFrame:
    partitions = settings.spark_partitions or PARTITIONS_PER_CORE * spark.sparkContext.defaultParallelism
    articles = input_files(spark, inputs).mapInArrow(read_articles, ARTICLE_SCHEMA)
    return articles.repartition(partitions).mapInArrow(partial(process_articles, settings=settings),
                                                       output_schema())


def write_records(records: DataFrame, output: str) -> None:
    (records.select(*record_fields(), *PARTITION_COLUMNS)
     .repartition(*PARTITION_COLUMNS)  # one file per partition and run, not one per task
     .write.mode("overwrite").option("partitionOverwriteMode", "dynamic")
     .partitionBy(*PARTITION_COLUMNS).parquet(output))


def write_dead_letters(errors: DataFrame, path: str) -> None:
    (errors.select(F.col("item_name").alias("source"), F.col("error").alias("reason"),
                   F.col("error_kind").alias("kind"), F.col("input_file").alias("input"), DEAD_LETTER_PARTITION)
     .repartition(DEAD_LETTER_PARTITION)
     .write.mode("overwrite").option("partitionOverwriteMode", "dynamic")
     .partitionBy(DEAD_LETTER_PARTITION).json(path))


def run_batch(inputs: list[str], output: str, settings: Settings, spark: SparkSession | None = None,
              dead_letter: str | None = None) -> BatchResult:
    """Extract every article under ``inputs``; records to ``output``, bad inputs to ``dead_letter``."""
    spark = spark or spark_session(settings)
    dead_letter = dead_letter or f"{output.rstrip('/')}/{DEAD_LETTER_FOLDER}"
    result = processed(spark, inputs, settings).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        counts = {row["good"]: row["count"]
                  for row in result.groupBy(F.col("error").isNull().alias("good")).count().collect()}
        if counts.get(True):
            write_records(result.where(F.col("error").isNull()), output)
        if counts.get(False):
            write_dead_letters(result.where(F.col("error").isNotNull()), dead_letter)
    finally:
        result.unpersist()
    return BatchResult(counts.get(True, 0), counts.get(False, 0), output, dead_letter)
