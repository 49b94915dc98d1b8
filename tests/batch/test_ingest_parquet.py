"""`rasid ingest` stores a `rasid batch` output as it is: records read back, not extracted again."""
from __future__ import annotations

from unittest import mock

from rasid.ingest.run import ingest
from rasid.settings import Settings
from rasid.store import open_store
from rasid.store.articles import get_record
from tests.batch.test_parquet import example_records, write_partition


def test_ingest_stores_batch_records_without_extracting_them(tmp_path):
    records = example_records()
    output = tmp_path / "batch"
    write_partition(output, "2024-03", "spa", records)
    store = open_store(str(tmp_path / "kb.db"))
    settings = Settings(db=str(tmp_path / "kb.db"), ingest_workers=0)
    with mock.patch("rasid.pipeline.process", side_effect=AssertionError("extracted again")):
        summary = ingest([str(output)], store, settings, report=lambda message: None)
        again = ingest([str(output)], store, settings, report=lambda message: None)
    assert (summary.added, summary.failed) == (len(records), 0)
    assert (again.added, again.present) == (0, len(records))
    with store.engine.connect() as connection:
        for record in records:
            stored = get_record(connection, record["id"])
            assert stored["text"] == record["text"] and stored["entities"] == record["entities"]
    store.close()
