import json

import pytest
from click.testing import CliRunner

from rasid import __version__
from rasid.cli import main
from tests.record_checks import assert_record_valid

ARTICLE = (
    "مباحثات سعودية عراقية في الرياض\n"
    "الرياض - واس\n"
    "استقبل معالي وزير الخارجية الأمير فيصل بن فرحان في الرياض اليوم وزير الخارجية العراقي فؤاد حسين، "
    "وبحث الجانبان العلاقات الثنائية بين البلدين.\n"
    "وأكد الوزير أن المملكة حريصة على تعزيز التعاون مع العراق في المجالات كافة.\n"
)
OTHER = "وزيرا النقل يوقعان مذكرة تفاهم\nوقع وزير النقل المصري ونظيره الأردني مذكرة تفاهم في القاهرة أمس.\n"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _write(path, text: str):
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_version(runner):
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def test_one_file_gives_one_indented_json_record(runner, tmp_path):
    result = runner.invoke(main, ["extract", _write(tmp_path / "a.txt", ARTICLE)])
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["text"] == ARTICLE and record["title"] == "مباحثات سعودية عراقية في الرياض"
    assert record["file"] == str(tmp_path / "a.txt")
    assert result.stdout.count("\n") > 10  # indented
    assert_record_valid(record)


def test_several_articles_give_json_lines(runner, tmp_path):
    paths = [_write(tmp_path / "a.txt", ARTICLE), _write(tmp_path / "b.txt", OTHER)]
    result = runner.invoke(main, ["extract", *paths])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.strip().split("\n")
    assert len(lines) == 2
    records = [json.loads(line) for line in lines]
    assert [r["file"] for r in records] == paths
    for record in records:
        assert_record_valid(record)


def test_jsonl_format_for_one_article(runner, tmp_path):
    result = runner.invoke(main, ["extract", "--format", "jsonl", _write(tmp_path / "a.txt", ARTICLE)])
    assert result.exit_code == 0
    assert len(result.stdout.strip().split("\n")) == 1


def test_a_folder_gives_one_record_per_article(runner, tmp_path):
    _write(tmp_path / "a.txt", ARTICLE)
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "sub" / "b.txt", OTHER)
    result = runner.invoke(main, ["extract", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.strip().split("\n")) == 2


def test_stdin(runner):
    result = runner.invoke(main, ["extract", "-"], input=ARTICLE.encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["text"] == ARTICLE and record["file"] == "<stdin>"


def test_text_format_is_a_readable_summary(runner, tmp_path):
    result = runner.invoke(main, ["extract", "--format", "text", _write(tmp_path / "a.txt", ARTICLE)])
    assert result.exit_code == 0, result.stderr
    for heading in ("title: مباحثات سعودية عراقية في الرياض", "Persons (", "Organizations (", "Countries (",
                    "Events (", "Statements (", "Sectors:"):
        assert heading in result.stdout
    assert not result.stdout.lstrip().startswith("{")


@pytest.mark.parametrize("args", [
    ["extract"],
    ["extract", "--format", "xml", "a.txt"],
    ["extract", "--no-such-option", "a.txt"],
    ["no-such-command"],
])
def test_usage_errors_exit_2(runner, args):
    result = runner.invoke(main, args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_a_missing_path_fails_with_one_line_and_exit_1(runner, tmp_path):
    good = _write(tmp_path / "a.txt", ARTICLE)
    result = runner.invoke(main, ["extract", good, str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"rasid: {tmp_path / 'missing.txt'}: no such file or folder"
    assert json.loads(result.stdout)["file"] == good


def test_records_of_the_bundled_examples_are_valid(runner):
    from importlib import resources

    folder = resources.files("rasid") / "examples"
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".txt"))
    assert len(names) >= 5
    result = runner.invoke(main, ["extract", "--format", "jsonl", str(folder)])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.strip().split("\n")]
    assert len(records) == len(names)
    for record in records:
        assert_record_valid(record)
        assert record["title"] and record["entities"]


def test_a_reader_that_goes_away_ends_the_run_quietly(tmp_path):
    import subprocess
    import sys

    for k in range(80):
        _write(tmp_path / f"{k:02d}.txt", ARTICLE)
    process = subprocess.Popen(
        [sys.executable, "-c", "from rasid.cli import main; main()", "extract", "--format", "jsonl", str(tmp_path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    process.stdout.read(100)
    process.stdout.close()
    stderr = process.stderr.read().decode("utf-8")
    assert process.wait(timeout=120) == 0
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr
