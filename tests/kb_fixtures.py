"""Fixtures for the knowledge-base tests (store, ingest, registry, search, api).

``postgres_url`` starts ONE real PostgreSQL server for the session (Debian's
binaries: initdb in a temporary folder, a free port, stopped at the end; as
root through ``runuser -u postgres``), installing the package with apt-get when
the binaries are missing. ``pg_store`` gives each test a fresh database on it.
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

from rasid.doc import article_id
from rasid.store import open_store


def make_record(text: str, entities=(), events=(), published: str | None = "2024-01-10",
                title: str | None = None, sectors=()) -> dict:
    """A record of the output contract, built by hand (spans into ``text``)."""
    def span(word: str) -> dict:
        start = text.index(word)
        return {"start": start, "end": start + len(word), "text": word}

    built = []
    for number, e in enumerate(entities, start=1):
        entity = {"id": f"e{number}", "type": e["type"], "name": e["name"], "honorific": None,
                  "country": e.get("country"), "aliases": list(e.get("aliases", [])),
                  "mentions": [span(e.get("mention", e["name"]))]}
        if e["type"] == "PERSON":
            entity["roles"] = [{"title": t, "organization": e.get("organization"), "country": e.get("country"),
                                "start": span(t)["start"], "end": span(t)["end"]} for t in e.get("titles", [])]
        built.append(entity)
    built_events = []
    for number, v in enumerate(events, start=1):
        built_events.append({
            "id": f"v{number}", "type": v["type"], "mode": v.get("mode"), "status": v.get("status", "occurred"),
            "countries": list(v.get("countries", [])),
            "participants": [{"entity": p, "role": "actor"} for p in v.get("participants", [])],
            "agreement": v.get("agreement"), "sectors": list(v.get("sectors", [])), "date": None,
            "location": None, "trigger": span(v["trigger"]), "evidence": [],
        })
    return {"id": article_id(text), "title": title, "published": published, "source": "test", "file": None,
            "text": text, "entities": built, "events": built_events, "statements": [],
            "sectors": list(sectors), "metadata": [], "rasid_version": "test"}


@pytest.fixture
def sqlite_store(tmp_path):
    store = open_store(str(tmp_path / "kb.db"))
    yield store
    store.close()


def _postgres_bindir() -> str | None:
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return str(Path(os.path.realpath(found)).parent)
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return str(Path(versions[-1]).parent) if versions else None


def _install_postgres() -> str | None:
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return None
    for command in (["apt-get", "update"], ["apt-get", "install", "-y", "postgresql"]):
        if subprocess.run(command, capture_output=True, timeout=900).returncode != 0:
            return None
    return _postgres_bindir()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_url():
    bindir = _postgres_bindir() or _install_postgres()
    if bindir is None:
        pytest.skip("PostgreSQL binaries (initdb, pg_ctl) not found and `apt-get install postgresql` failed")
    folder = tempfile.mkdtemp(prefix="rasid-pg-")
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb refuses root: run the server as the postgres user
        shutil.chown(folder, "postgres", "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    data, port = os.path.join(folder, "data"), _free_port()
    subprocess.run([*as_user, f"{bindir}/initdb", "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8",
                    "--no-locale"], check=True, capture_output=True)
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
    subprocess.run([*as_user, f"{bindir}/pg_ctl", "-D", data, "-o", options, "-l", f"{folder}/server.log",
                    "-w", "-t", "60", "start"], check=True, capture_output=True)
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run([*as_user, f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def pg_store(postgres_url):
    import psycopg

    name = f"rasid_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(f"{postgres_url}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    store = open_store(f"{postgres_url}/{name}")
    yield store
    store.close()
    with psycopg.connect(f"{postgres_url}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store(request):
    """The same test on an SQLite file and on a PostgreSQL database."""
    return request.getfixturevalue("sqlite_store" if request.param == "sqlite" else "pg_store")


def add_records(store, records, threshold: float = 0.7) -> list[str]:
    """Write hand-built records through the one writer; returns each outcome."""
    from rasid.ingest.stories import signature
    from rasid.ingest.writer import Extracted, Writer

    writer = Writer(store, "test-model", threshold)
    try:
        return [writer.add(Extracted("test", r["id"], None, record=r, signature=signature(r["text"])))
                for r in records]
    finally:
        writer.close()
