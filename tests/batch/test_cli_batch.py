"""`rasid batch` arguments: checked before the engine starts."""
from __future__ import annotations

from click.testing import CliRunner

from rasid.cli import main


def test_batch_needs_inputs_and_an_output():
    result = CliRunner().invoke(main, ["batch", "only-one"])
    assert result.exit_code == 2
    assert "Missing argument" in result.output


def test_bad_partition_count_is_a_usage_error():
    result = CliRunner().invoke(main, ["batch", "--partitions", "0", "in", "out"])
    assert result.exit_code == 2
    assert "--partitions" in result.output


def test_help_names_the_output_layout():
    result = CliRunner().invoke(main, ["batch", "--help"])
    assert result.exit_code == 0
    assert "dead-letter" in result.output and "Parquet" in result.output
