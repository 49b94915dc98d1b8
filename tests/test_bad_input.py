"""Bad inputs: one clear line per bad file naming it, the good ones processed, exit 1, never a traceback."""
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from rasid.cli import main
from tests.record_checks import assert_record_valid

GOOD = "لقاء وزاري\nالقاهرة - أ ش أ\nالتقى وزير الخارجية المصري نظيره الأردني في القاهرة اليوم وبحثا التعاون.\n"
SENTENCE = "التقى وزير الخارجية المصري نظيره الأردني في القاهرة اليوم وبحثا التعاون الثنائي بين البلدين.\n"
FIVE_MB = 5 * 1024 * 1024


def _bad_files(folder) -> dict[str, str]:
    """File name -> a word the error line must hold."""
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    (folder / "latin1.txt").write_bytes("Le ministre a rencontré son homologue à Paris.".encode("latin-1"))
    (folder / "shift_jis.txt").write_bytes("東京で外相会談が行われた。".encode("shift_jis"))
    (folder / "english.txt").write_text("The foreign ministers met in Cairo today and discussed trade.\n")
    big = "مقال طويل\n" + SENTENCE * (FIVE_MB // len(SENTENCE.encode("utf-8")) + 1)
    (folder / "big.txt").write_text(big, encoding="utf-8")
    assert (folder / "big.txt").stat().st_size >= FIVE_MB
    return {"empty.txt": "empty", "binary.txt": "binary", "latin1.txt": "encoding",
            "shift_jis.txt": "encoding", "english.txt": "Arabic", "big.txt": "limit"}


@pytest.fixture
def mixed_folder(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    expected = _bad_files(folder)
    (folder / "good1.txt").write_text(GOOD, encoding="utf-8")
    (folder / "good2.txt").write_bytes(GOOD.replace("\n", "\r\n").encode("cp1256"))
    return folder, expected


def _check_run(stdout: str, stderr: str, folder, expected: dict[str, str]) -> None:
    assert "Traceback" not in stderr and "Traceback" not in stdout
    lines = stderr.strip().split("\n")
    assert len(lines) == len(expected), lines
    for name, word in expected.items():
        [line] = [x for x in lines if str(folder / name) in x]
        assert line.startswith(f"rasid: {folder / name}: ") and word in line, line
    records = [json.loads(line) for line in stdout.strip().split("\n")]
    assert sorted(r["file"] for r in records) == [str(folder / "good1.txt"), str(folder / "good2.txt")]
    for record in records:
        assert_record_valid(record)
        assert record["text"] == GOOD


def test_a_folder_mixing_good_and_bad_files(mixed_folder):
    folder, expected = mixed_folder
    result = CliRunner().invoke(main, ["extract", str(folder)])
    assert result.exit_code == 1
    _check_run(result.stdout, result.stderr, folder, expected)


def test_the_installed_command_in_a_subprocess(mixed_folder):
    folder, expected = mixed_folder
    done = subprocess.run(
        [sys.executable, "-c", "from rasid.cli import main; main()", "extract", str(folder)],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )
    assert done.returncode == 1
    _check_run(done.stdout, done.stderr, folder, expected)


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad")
    return folder, _bad_files(folder)


@pytest.mark.parametrize("name", ["empty.txt", "binary.txt", "latin1.txt", "shift_jis.txt", "english.txt",
                                  "big.txt"])
def test_each_bad_file_alone_exits_1_with_one_line(bad_folder, name):
    folder, expected = bad_folder
    result = CliRunner().invoke(main, ["extract", str(folder / name)])
    assert result.exit_code == 1
    assert result.stdout == ""
    [line] = result.stderr.strip().split("\n")
    assert line.startswith(f"rasid: {folder / name}: ") and expected[name] in line


def test_bad_stdin_is_named(tmp_path):
    result = CliRunner().invoke(main, ["extract", "-"], input=b"")
    assert result.exit_code == 1
    assert result.stderr.strip() == "rasid: <stdin>: empty input"


def test_an_internal_error_is_one_line_and_the_run_goes_on(tmp_path, monkeypatch):
    import rasid.pipeline

    real = rasid.pipeline.process

    def flaky(article, settings=None):
        if article.file.endswith("boom.txt"):
            raise KeyError("unexpected")
        return real(article, settings)

    monkeypatch.setattr(rasid.pipeline, "process", flaky)
    (tmp_path / "boom.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "ok.txt").write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"rasid: {tmp_path / 'boom.txt'}: internal error: KeyError: 'unexpected'"
    assert json.loads(result.stdout)["file"] == str(tmp_path / "ok.txt")
