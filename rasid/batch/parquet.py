"""Reading ``rasid batch`` output back into records (pyarrow only: no Spark needed).

``read_records(path)`` yields each record in the exact shape ``process`` gave
it (the contract of EXTRACTION.md), so ``rasid ingest`` can load a batch
output into SQLite or PostgreSQL. ``path`` is the batch OUTPUT folder (hive
partitions published_month=.../source_key=...), one partition folder, or one
Parquet file; the dead-letter folder (_dead_letter) is skipped.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from rasid.batch.schema import record_fields, strip_absent

if TYPE_CHECKING:
    import pyarrow.dataset as ds

BATCH_ROWS = 512


def record_dataset(path: str | Path) -> "ds.Dataset":
    import pyarrow.dataset as ds  # the batch extra: is_batch_output works without it

    return ds.dataset(str(path), format="parquet", partitioning="hive", ignore_prefixes=[".", "_"])


def read_records(path: str | Path) -> Iterator[dict]:
    """Every record stored under ``path``, one dict each."""
    dataset = record_dataset(path)
    columns = [name for name in record_fields() if name in dataset.schema.names]
    for batch in dataset.to_batches(columns=columns, batch_size=BATCH_ROWS):
        for row in batch.to_pylist():
            yield strip_absent(row)


def is_batch_output(path: str | Path) -> bool:
    """Whether ``path`` is a Parquet file or a folder that holds Parquet files."""
    path = Path(path)
    if path.is_file():
        return path.suffix == ".parquet"
    return path.is_dir() and next(path.rglob("*.parquet"), None) is not None
