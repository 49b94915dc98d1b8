import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from rasid.web.export import ExportError, export

ROWS = [{"id": "a1", "title": "مصر والعراق، \"مذكرة\"", "countries": ["EG", "IQ"], "n": 2},
        {"id": "a2", "title": None, "countries": [], "n": 0}]


def test_csv_has_a_bom_a_header_and_lists_joined():
    content, media_type = export(ROWS, "csv")
    assert media_type.startswith("text/csv")
    assert content.startswith("\ufeff".encode("utf-8"))
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows == [{"id": "a1", "title": "مصر والعراق، \"مذكرة\"", "countries": "EG; IQ", "n": "2"},
                    {"id": "a2", "title": "", "countries": "", "n": "0"}]


def test_json_lines_keep_types():
    content, _ = export(ROWS, "jsonl", ["id", "countries"])
    assert [json.loads(line) for line in content.decode("utf-8").splitlines()] == [
        {"id": "a1", "countries": ["EG", "IQ"]}, {"id": "a2", "countries": []}]


def test_parquet_round_trips():
    content, media_type = export(ROWS, "parquet")
    assert media_type == "application/vnd.apache.parquet"
    assert pq.read_table(io.BytesIO(content)).to_pylist() == ROWS


def test_an_empty_result_still_has_its_columns():
    content, _ = export([], "parquet", ["id", "title"])
    assert pq.read_table(io.BytesIO(content)).column_names == ["id", "title"]
    assert export([], "csv", ["id", "title"])[0].decode("utf-8-sig") == "id,title\n"


def test_unknown_format():
    with pytest.raises(ExportError):
        export(ROWS, "xlsx")
