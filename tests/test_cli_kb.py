"""The knowledge-base commands: ingest, search, entities, reprocess (thin shells over the library)."""
import json

from click.testing import CliRunner

from rasid.cli import main
from tests.ingest.test_ingest import write_jsonl


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_ingest_search_entities_reprocess(tmp_path):
    (tmp_path / "in").mkdir()
    write_jsonl(tmp_path / "in" / "a.jsonl", 8)
    db = str(tmp_path / "kb.db")
    assert run("ingest", str(tmp_path / "in"), "--db", db, "--workers", "0", "--no-progress").exit_code == 0
    found = run("search", "اجتماع", "--db", db, "--json")
    assert found.exit_code == 0 and json.loads(found.output)["total"] == 8
    assert run("search", "--db", db, "--since", "2024-02-02", "--until", "2024-02-02").output.startswith("1 articles")
    assert run("search", "--db", db, "--country", "XYZ").exit_code == 2
    assert run("search", "--db", db, "--events").exit_code == 0
    listed = run("entities", "list", "--db", db)
    assert listed.exit_code == 0 and listed.output.split()[1] == "entities"
    first = listed.output.splitlines()[1].split()[0]
    shown = run("entities", "show", first, "--db", db)
    assert json.loads(shown.output)["id"] == int(first)
    assert run("entities", "merge", first, first, "--db", db).exit_code == 1
    assert run("entities", "split", first, "--article", "0" * 16, "--db", db).exit_code == 1
    assert "0 reprocessed" in run("reprocess", "--db", db, "--workers", "0", "--no-progress").output
    assert "8 reprocessed" in run("reprocess", "--all", "--db", db, "--workers", "0", "--no-progress").output


def test_readers_refuse_a_missing_store(tmp_path):
    result = run("search", "x", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 1 and "no Rasid store" in result.output
