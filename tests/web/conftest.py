"""Fixtures for the web tests: one store per session (hand-built records plus articles through the
real `rasid ingest`), the app over it, a live server on a free loopback port, and ONE headless
Debian chromium driven by Playwright (never a browser downloaded by Playwright)."""
from __future__ import annotations

import json
import shutil
import tempfile
import threading
import time
from pathlib import Path

import pytest

from rasid.settings import Settings
from rasid.store import open_store
from tests.kb_fixtures import _free_port, add_records
from tests.web.corpus import INGESTED, RECORDS

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SERVER_START_TIMEOUT_S = 30


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> str:
    """A SQLite store holding the hand-built records and the ingested articles of tests/web/corpus.py."""
    from rasid.ingest.run import ingest

    folder = tmp_path_factory.mktemp("web-store")
    db = str(folder / "kb.db")
    store = open_store(db)
    try:
        add_records(store, RECORDS)
        source = folder / "articles.jsonl"
        source.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in INGESTED), encoding="utf-8")
        summary = ingest([str(source)], store, Settings(db=db, ingest_workers=0), report=lambda _m: None,
                         progress=False)
        assert summary.added == len(INGESTED), summary.failures
    finally:
        store.close()
    return db


@pytest.fixture(scope="session")
def web_app(web_db):
    from rasid.api.app import create_app

    app = create_app(Settings(db=web_db))
    yield app
    app.state.backend.close()


@pytest.fixture(scope="session")
def client(web_app):
    from fastapi.testclient import TestClient

    with TestClient(web_app) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def live_server(web_app):
    """The UI and API served by uvicorn in a thread: its base URL."""
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(web_app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the web server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser_context():
    """One headless chromium for the session (Debian's /usr/bin/chromium, a temporary profile)."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"chromium not found at {CHROMIUM} (apt-get install -y chromium): skipping browser tests")
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="rasid-chromium-")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True, accept_downloads=True,
            viewport={"width": 1280, "height": 900}, locale="ar")
        yield context
        context.close()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def page(browser_context):
    """A fresh tab; it fails the test on any dialog (alert, confirm) or page error."""
    tab = browser_context.new_page()
    events: list[str] = []
    tab.on("dialog", lambda dialog: (events.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    tab.on("pageerror", lambda error: events.append(f"pageerror: {error}"))
    tab.events = events
    yield tab
    tab.close()
    assert not events, events
