"""Shared fixtures. Tests that need ../shared skip cleanly when it is absent."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest_plugins = ["tests.kb_fixtures"]  # knowledge-base fixtures: stores, a PostgreSQL server

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("RASID_SHARED", REPO.parent / "shared"))


@pytest.fixture
def shared_dir() -> Path:
    if not (SHARED / "gold").is_dir():
        pytest.skip(f"../shared is absent ({SHARED}): skipping a test that needs the shared corpora")
    return SHARED


@pytest.fixture
def seed_text(shared_dir: Path) -> str:
    return next((shared_dir / "seed").glob("*.txt")).read_text(encoding="utf-8")
