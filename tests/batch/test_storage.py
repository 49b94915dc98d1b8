"""Listing inputs, partition folder names, and committing a run's partitions (local filesystem)."""
from __future__ import annotations

import pyarrow.fs as pafs
import pytest

from rasid.batch.storage import BatchInputError, commit_partitions, hive_value, list_inputs, read_input


def test_inputs_listed_by_name_hidden_and_other_files_left_out(tmp_path):
    (tmp_path / "a.json.gz").write_bytes(b"x" * 10)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("نص", encoding="utf-8")
    (tmp_path / "sub" / "README.md").write_text("no", encoding="utf-8")
    (tmp_path / "_done").mkdir()
    (tmp_path / "_done" / "c.txt").write_text("no", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("no", encoding="utf-8")
    files = list_inputs([str(tmp_path)])
    assert [(f.name, f.size, f.splittable) for f in files] == [
        (str(tmp_path / "a.json.gz"), 10, True), (str(tmp_path / "sub" / "b.txt"), len("نص".encode()), False)]
    assert [f.name for f in list_inputs([f"file://{tmp_path}/sub/b.txt"])] == [str(tmp_path / "sub" / "b.txt")]
    assert read_input(str(tmp_path / "a.json.gz")) == b"x" * 10  # as stored: not un-gzipped


def test_missing_input(tmp_path):
    with pytest.raises(BatchInputError, match="does not exist"):
        list_inputs([str(tmp_path / "absent")])


def test_partition_values_escaped_as_spark_escapes_them():
    assert hive_value("sabq") == "sabq"
    assert hive_value("سبق") == "سبق"
    assert hive_value("a/b:c=d%") == "a%2Fb%3Ac%3Dd%25"


def test_commit_replaces_the_partitions_written_and_keeps_the_others(tmp_path):
    output, staging = tmp_path / "out", tmp_path / "out" / "_staging-1"
    for folder, name in (("m=1/s=a", "old-a"), ("m=1/s=b", "old-b"), ("m=2/s=a", "old-c")):
        (output / folder).mkdir(parents=True)
        (output / folder / f"{name}.parquet").write_bytes(b"old")
    (staging / "m=1" / "s=a").mkdir(parents=True)
    (staging / "m=1" / "s=a" / "new.parquet").write_bytes(b"new")
    assert commit_partitions(pafs.LocalFileSystem(), str(staging), str(output), compact=False) == 1
    assert sorted(str(p.relative_to(output)) for p in output.rglob("*.parquet")) == [
        "m=1/s=a/new.parquet", "m=1/s=b/old-b.parquet", "m=2/s=a/old-c.parquet"]
    assert not staging.exists()
