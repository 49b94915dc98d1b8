"""Repository functions for articles: insert once on the natural key, read back the record."""
from __future__ import annotations

import json
import zlib
from datetime import datetime, timezone
from typing import Any, Iterator

import orjson
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from rasid.doc import Article
from rasid.store.fulltext import add_to_index
from rasid.store.rawsql import RawSql
from rasid.store.schema import article_sectors, articles

RECORD_TEXT_AFTER = "file"  # the contract's field order: "text" follows "file"
ZLIB_LEVEL = 6


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def day_of(published: str | None) -> str | None:
    """The YYYY-MM-DD prefix of an ISO date or datetime; None for anything else."""
    if published and len(published) >= 10 and published[4] == "-" and published[7] == "-":
        day = published[:10]
        if day[:4].isdigit() and day[5:7].isdigit() and day[8:10].isdigit():
            return day
    return None


def pack(text: str) -> bytes:
    """Stored form of large text (article text, record JSON): zlib-compressed UTF-8."""
    return zlib.compress(text.encode("utf-8"), ZLIB_LEVEL)


def unpack(data: bytes) -> str:
    return zlib.decompress(data).decode("utf-8")


def record_without_text(record: dict[str, Any]) -> bytes:
    """The record's JSON without its text (compact UTF-8, by orjson), compressed."""
    return zlib.compress(orjson.dumps({k: v for k, v in record.items() if k != "text"}), ZLIB_LEVEL)


def record_with_text(stored: bytes, text: str) -> dict[str, Any]:
    """The record exactly as produced: the stored fields with ``text`` put back in its place."""
    fields = json.loads(unpack(stored))
    record: dict[str, Any] = {}
    for key, value in fields.items():
        record[key] = value
        if key == RECORD_TEXT_AFTER:
            record["text"] = text
    if "text" not in record:
        record["text"] = text
    return record


def stored_ids(connection: Connection) -> set[str]:
    return set(connection.execute(sa.select(articles.c.id)).scalars())


EXISTS = sa.text("SELECT 1 FROM articles WHERE id = :id")


def exists(connection: Connection, article_id: str) -> bool:
    return connection.execute(EXISTS, {"id": article_id}).first() is not None


INSERT_ARTICLE = """INSERT INTO articles (id, title, published, day, source, url, text, record, story_id,
signature, rasid_version, model_version, processed_at) VALUES (:id, :title, :published, :day, :source, :url,
:text, :record, :story_id, :signature, :rasid_version, :model_version, :processed_at) RETURNING num"""


def insert_article(connection: Connection, record: dict[str, Any], *, url: str | None, story_id: str,
                   signature: bytes | None, model_version: str) -> int:
    """Insert a new article with its full-text entry and sectors; returns its ``num``."""
    num = RawSql(connection).value(INSERT_ARTICLE, {
        "id": record["id"], "title": record.get("title"), "published": record.get("published"),
        "day": day_of(record.get("published")), "source": record.get("source"), "url": url,
        "text": pack(record["text"]), "record": record_without_text(record), "story_id": story_id,
        "signature": signature, "rasid_version": record.get("rasid_version", ""),
        "model_version": model_version, "processed_at": now_iso(),
    })
    add_to_index(connection, num, record["text"])
    insert_sectors(connection, record)
    return num


def insert_sectors(connection: Connection, record: dict[str, Any]) -> None:
    RawSql(connection).run("INSERT INTO article_sectors (article_id, sector) VALUES (:article_id, :sector)",
                           [{"article_id": record["id"], "sector": s} for s in sorted(set(record.get("sectors") or []))])


def replace_record(connection: Connection, record: dict[str, Any], model_version: str) -> None:
    """A re-extracted record for a stored article (same id, same text)."""
    connection.execute(
        sa.update(articles).where(articles.c.id == record["id"]).values(
            record=record_without_text(record), published=record.get("published"),
            day=day_of(record.get("published")), rasid_version=record.get("rasid_version", ""),
            model_version=model_version, processed_at=now_iso(),
        )
    )
    connection.execute(sa.delete(article_sectors).where(article_sectors.c.article_id == record["id"]))
    insert_sectors(connection, record)


def get_record(connection: Connection, article_id: str) -> dict[str, Any] | None:
    row = connection.execute(
        sa.select(articles.c.record, articles.c.text).where(articles.c.id == article_id)
    ).first()
    return record_with_text(row.record, unpack(row.text)) if row else None


def get_article(connection: Connection, article_id: str) -> sa.Row | None:
    return connection.execute(sa.select(articles).where(articles.c.id == article_id)).first()


def iter_stored(connection: Connection, outdated_from: tuple[str, str] | None = None,
                batch: int = 500) -> Iterator[Article]:
    """Stored articles as Articles (their url in ``file`` when the record has none), optionally only
    those whose (rasid_version, model_version) differ from ``outdated_from``; read in pages."""
    last = 0
    while True:
        query = sa.select(articles.c.num, articles.c.id, articles.c.text, articles.c.title, articles.c.published,
                          articles.c.source, articles.c.url, articles.c.record).where(
            articles.c.num > last).order_by(articles.c.num).limit(batch)
        if outdated_from is not None:
            rasid_version, model_version = outdated_from
            query = query.where(sa.or_(articles.c.rasid_version != rasid_version,
                                       articles.c.model_version != model_version))
        rows = connection.execute(query).all()
        if not rows:
            return
        for row in rows:
            file = json.loads(unpack(row.record)).get("file")
            yield Article(text=unpack(row.text), title=row.title, published=row.published,
                          source=row.source, file=file, id=row.id)
        last = rows[-1].num


def count(connection: Connection) -> int:
    return connection.execute(sa.select(sa.func.count()).select_from(articles)).scalar_one()
