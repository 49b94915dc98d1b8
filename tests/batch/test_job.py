"""The Spark path, in local mode: the same records as one process, dead letters, idempotent re-runs."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from rasid.batch.job import DEAD_LETTER_FOLDER, STAGING_PREFIX, partition_keys, run_batch
from rasid.batch.storage import BatchInputError
from rasid.batch.parquet import read_records
from rasid.errors import NotArabic
from rasid.ingest.sources import warc_items
from rasid.pipeline import process
from rasid.readers import article_from_object, read_inputs
from tests.record_checks import assert_record_valid


def single_process_records(corpus, settings) -> dict[str, dict]:
    """What one process gives: rasid.readers (as `rasid extract`) over the plain files, the objects
    of the gzipped day file named as the batch names them, and the WARC page read as `rasid ingest` does."""
    records = {}
    plain = [str(corpus.root / "texts"), str(corpus.root / "wire.jsonl")]
    articles = [item.article for item in read_inputs(plain) if item.article is not None]
    day = corpus.root / "day.json.gz"
    for number, obj in enumerate(json.loads(gzip.decompress(day.read_bytes()))):
        if isinstance(obj, dict):
            articles.append(article_from_object(obj, f"{day}[{number}]"))
    crawl = corpus.root / "crawl.warc.gz"
    with crawl.open("rb") as stream:
        articles += [item.article for item in warc_items(stream, str(crawl))]
    for article in articles:
        try:
            record = process(article, settings)
        except NotArabic:  # the planted English article: a dead letter in the batch too
            continue
        records[record["id"]] = record
    return records


def dead_letters(folder: Path) -> list[dict]:
    return [json.loads(line) for path in sorted(folder.rglob("*.json"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def first_run(spark, batch_settings, corpus, tmp_path_factory):
    output = tmp_path_factory.mktemp("batch-out") / "records"
    result = run_batch([str(corpus.root)], str(output), batch_settings, spark)
    return result, output


def test_records_equal_single_process_records(first_run, corpus, batch_settings):
    result, output = first_run
    batch = list(read_records(output))
    expected = single_process_records(corpus, batch_settings)
    assert len(expected) == 6
    assert result.records == len(batch) == len(expected)
    by_id = {record["id"]: record for record in batch}
    assert set(by_id) == set(expected)
    for record_id, record in expected.items():
        assert by_id[record_id] == record  # field for field, nested lists and absent fields included
        assert_record_valid(by_id[record_id])


def test_partitioned_by_month_and_source(first_run):
    _, output = first_run
    folders = {str(p.relative_to(output)) for p in output.glob("published_month=*/source_key=*")}
    assert {"published_month=2024-03/source_key=spa", "published_month=2024-04/source_key=wam",
            "published_month=unknown/source_key=unknown"} <= folders
    for record in read_records(output / "published_month=2024-03" / "source_key=spa"):
        assert partition_keys(record) == {"published_month": "2024-03", "source_key": "spa"}


def test_bad_records_go_to_the_dead_letter_output(first_run, corpus):
    result, output = first_run
    letters = dead_letters(output / DEAD_LETTER_FOLDER)
    assert result.dead_letters == len(letters) == len(corpus.bad)
    assert {letter["source"] for letter in letters} == corpus.bad
    for letter in letters:
        assert letter["reason"].startswith(letter["source"] + ": ")
        assert "\n" not in letter["reason"]
    kinds = {letter["source"]: letter["kind"] for letter in letters}
    assert kinds[str(corpus.root / "texts" / "junk.txt")] == "BinaryInput"
    assert kinds[f"{corpus.root / 'wire.jsonl'}:5"] == "NotArabic"


def test_rerun_replaces_partitions_never_duplicates(spark, batch_settings, corpus, first_run):
    _, output = first_run
    before = sorted(record["id"] for record in read_records(output))
    letters_before = len(dead_letters(output / DEAD_LETTER_FOLDER))
    untouched = sorted(r["id"] for r in read_records(output / "published_month=unknown"))
    run_batch([str(corpus.root / "wire.jsonl")], str(output), batch_settings, spark)  # one input again
    march_spa = output / "published_month=2024-03" / "source_key=spa"
    assert [r["file"] for r in read_records(march_spa)] == [f"{corpus.root / 'wire.jsonl'}:1"]  # replaced whole
    assert sorted(r["id"] for r in read_records(output / "published_month=unknown")) == untouched
    run_batch([str(corpus.root)], str(output), batch_settings, spark)  # everything again
    assert sorted(record["id"] for record in read_records(output)) == before
    assert len(dead_letters(output / DEAD_LETTER_FOLDER)) == letters_before


def test_missing_input_is_one_line_error(spark, batch_settings, tmp_path):
    with pytest.raises(BatchInputError, match="does not exist"):
        run_batch([str(tmp_path / "absent")], str(tmp_path / "out"), batch_settings, spark)


def test_each_python_worker_builds_the_pipeline_once(first_run):
    result, _ = first_run
    assert 1 <= result.python_workers <= 2  # local[2]: Python workers are reused from task to task
    assert 1 <= result.pipelines_built <= result.python_workers


def test_records_are_written_by_the_python_tasks_no_staging_left(first_run):
    result, output = first_run
    assert result.tasks == 2
    names = [p.name for p in output.rglob("*.parquet")]
    assert names and all(name.startswith("part-") for name in names)
    assert not list(output.glob(f"{STAGING_PREFIX}*"))


def test_compact_output_is_one_file_per_partition(spark, batch_settings, corpus, tmp_path):
    output = tmp_path / "compact"
    settings = batch_settings.model_copy(update={"spark_compact_output": True})
    result = run_batch([str(corpus.root)], str(output), settings, spark)
    folders = list(output.glob("published_month=*/source_key=*"))
    assert folders and all(len(list(folder.glob("*.parquet"))) == 1 for folder in folders)
    assert len(list(read_records(output))) == result.records
