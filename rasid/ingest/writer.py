"""The one writer: each record goes in with its registry links and story events, in one
transaction per batch (a savepoint per article), so a killed run loses at most the open
batch and a rerun neither loses nor repeats anything."""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from rasid.ingest.stories import StoryIndex
from rasid.registry.resolve import resolve_record, unlink_article_entities
from rasid.store import Store
from rasid.store.articles import day_of, exists, insert_article, replace_record
from rasid.store.events import record_events, unlink_article_events
from rasid.store.schema import articles

COMMIT_EVERY_ARTICLES = 200
COMMIT_EVERY_SECONDS = 2.0


@dataclass
class Extracted:
    """What a worker sends back for one article."""

    source: str
    article_id: str
    url: str | None = None
    record: dict[str, Any] | None = None
    signature: bytes | None = None
    error: str | None = None


class Writer:
    def __init__(self, store: Store, model_version: str, near_duplicate_threshold: float):
        self.store = store
        self.model_version = model_version
        self.connection: Connection = store.engine.connect()
        self.stories = StoryIndex.load(self.connection, near_duplicate_threshold)
        self.connection.commit()
        self.pending = 0
        self.last_commit = time.monotonic()

    def _begin(self) -> None:
        if not self.connection.in_transaction():
            self.connection.begin()

    def add(self, item: Extracted) -> str:
        """Store a new article: 'added', 'duplicate' (its story already had a copy) or 'present'."""
        record = item.record
        self._begin()
        if exists(self.connection, record["id"]):
            return "present"
        story_id = self.stories.story_for(record["id"], item.signature)
        with self.connection.begin_nested():
            insert_article(self.connection, record, url=item.url, story_id=story_id,
                           signature=item.signature, model_version=self.model_version)
            self._link(record, story_id)
        self.stories.add(record["id"], story_id, item.signature)
        self._tick()
        return "added" if story_id == record["id"] else "duplicate"

    def replace(self, record: dict[str, Any]) -> None:
        """A stored article re-extracted: new record, links resolved again (corrections kept)."""
        self._begin()
        story_id = self.connection.execute(
            sa.select(articles.c.story_id).where(articles.c.id == record["id"])).scalar_one()
        with self.connection.begin_nested():
            replace_record(self.connection, record, self.model_version)
            unlink_article_events(self.connection, record["id"])
            unlink_article_entities(self.connection, record["id"])
            self._link(record, story_id)
        self._tick()

    def _link(self, record: dict[str, Any], story_id: str) -> None:
        day = day_of(record.get("published"))
        entity_map = resolve_record(self.connection, record, day)
        record_events(self.connection, record, story_id, entity_map, day)

    def _tick(self) -> None:
        self.pending += 1
        if self.pending >= COMMIT_EVERY_ARTICLES or time.monotonic() - self.last_commit > COMMIT_EVERY_SECONDS:
            self.commit()

    def commit(self) -> None:
        if self.connection.in_transaction():
            self.connection.commit()
        self.pending = 0
        self.last_commit = time.monotonic()

    def close(self) -> None:
        self.commit()
        self.connection.close()
