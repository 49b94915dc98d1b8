"""Result sets as files: CSV (UTF-8 with BOM, so spreadsheets read Arabic), JSON Lines and Parquet.

Rows are flat dicts; a list value stays a list in JSON Lines and Parquet and is joined with
"; " in CSV."""
from __future__ import annotations

import csv
import io
import json
from typing import Any

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson; charset=utf-8",
    "parquet": "application/vnd.apache.parquet",
}
CSV_LIST_SEPARATOR = "; "


class ExportError(ValueError):
    """An export that cannot be made (unknown format ...)."""


def columns_of(rows: list[dict[str, Any]], columns: list[str] | None = None) -> list[str]:
    if columns:
        return list(columns)
    seen: dict[str, None] = {}
    for row in rows:
        seen.update(dict.fromkeys(row))
    return list(seen)


def _csv_cell(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return CSV_LIST_SEPARATOR.join("" if v is None else str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def to_csv(rows: list[dict[str, Any]], columns: list[str]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: _csv_cell(row.get(c)) for c in columns})
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_jsonl(rows: list[dict[str, Any]], columns: list[str]) -> bytes:
    return "".join(json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False) + "\n"
                   for row in rows).encode("utf-8")


def to_parquet(rows: list[dict[str, Any]], columns: list[str]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist([{c: row.get(c) for c in columns} for row in rows]) if rows else \
        pa.table({c: pa.array([], type=pa.string()) for c in columns})
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()


WRITERS = {"csv": to_csv, "jsonl": to_jsonl, "parquet": to_parquet}


def export(rows: list[dict[str, Any]], fmt: str, columns: list[str] | None = None) -> tuple[bytes, str]:
    """(file content, media type) of ``rows`` in format ``fmt`` (csv | jsonl | parquet)."""
    if fmt not in WRITERS:
        raise ExportError(f"format: one of {sorted(WRITERS)}, not {fmt[:20]!r}")
    return WRITERS[fmt](rows, columns_of(rows, columns)), FORMATS[fmt]
