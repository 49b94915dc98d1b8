"""Reading batch output back into records with pyarrow alone."""
from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq
from pyspark.sql.pandas.types import to_arrow_schema

from rasid.batch.parquet import is_batch_output, read_records
from rasid.batch.schema import record_spark_schema
from rasid.pipeline import process
from rasid.readers import read_inputs


def example_records() -> list[dict]:
    return [process(item.article) for item in read_inputs(["rasid/examples"]) if item.article]


def write_partition(root, month: str, source: str, records: list[dict]) -> None:
    folder = root / f"published_month={month}" / f"source_key={source}"
    folder.mkdir(parents=True)
    table = pa.Table.from_pylist(records, schema=to_arrow_schema(record_spark_schema()))
    pq.write_table(table, folder / "part-00000.snappy.parquet")


def test_records_read_back_equal_the_records(tmp_path):
    records = example_records()
    assert any(e["type"] == "PERSON" for r in records for e in r["entities"])
    write_partition(tmp_path, "unknown", "unknown", records[:2])
    write_partition(tmp_path, "2024-03", "spa", records[2:])
    (tmp_path / "_dead_letter").mkdir()
    (tmp_path / "_dead_letter" / "part-0.json").write_text('{"source": "x", "reason": "x: bad"}\n')
    back = sorted(read_records(tmp_path), key=lambda r: r["id"])
    assert back == sorted(records, key=lambda r: r["id"])
    assert list(read_records(tmp_path / "published_month=2024-03" / "source_key=spa")) == records[2:]


def test_batch_output_is_recognized(tmp_path):
    assert not is_batch_output(tmp_path)
    write_partition(tmp_path, "unknown", "unknown", example_records()[:1])
    assert is_batch_output(tmp_path)
    assert is_batch_output(next(tmp_path.rglob("*.parquet")))
    assert not is_batch_output(tmp_path / "nothing.txt")


def test_records_table_is_the_table_from_python_objects():
    from rasid.batch.storage import records_table

    schema = to_arrow_schema(record_spark_schema())
    records = example_records()
    records.append({**records[0], "title": "سطر\nثان \u2028 \"مقتبس\" 1e-05", "sectors": [], "metadata": None})
    assert records_table(records, schema).equals(pa.Table.from_pylist(records, schema=schema))
