"""Engines for the store: an embedded SQLite file (WAL, one writer) or PostgreSQL."""
from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Engine

SQLITE_BUSY_TIMEOUT_MS = 30_000
# Article rows (compressed text and record) are 1-4 KB: 4 KB pages would hold one each, half empty.
SQLITE_PAGE_SIZE = 16_384


class StoreError(Exception):
    """A database that cannot be opened or used as a Rasid store."""


def database_url(db: str) -> str:
    """A SQLAlchemy URL from ``--db``: a URL as given, or a path to a SQLite file."""
    if "://" in db:
        if db.startswith(("postgresql://", "postgres://")):
            return "postgresql+psycopg://" + db.split("://", 1)[1]
        return db
    return f"sqlite:///{db}"


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def _sqlite_pragmas(readonly: bool):
    def on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (savepoints work)
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        if readonly:
            cursor.execute("PRAGMA query_only = 1")
        else:
            cursor.execute(f"PRAGMA page_size = {SQLITE_PAGE_SIZE}")  # takes effect on a new file only
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA cache_size = -65536")
        cursor.close()

    return on_connect


def _sqlite_begin(connection) -> None:
    connection.exec_driver_sql("BEGIN")


def make_engine(db: str, readonly: bool = False) -> Engine:
    """An engine for ``db``; ``readonly`` connections refuse every write (SQLite: query_only)."""
    url = database_url(db)
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"check_same_thread": False})
        sa.event.listen(engine, "connect", _sqlite_pragmas(readonly))
        sa.event.listen(engine, "begin", _sqlite_begin)
        return engine
    try:
        engine = sa.create_engine(url, pool_pre_ping=True, pool_size=8)
    except (sa.exc.ArgumentError, ImportError) as exc:
        raise StoreError(f"cannot use database {db!r}: {exc}") from exc
    if readonly:
        sa.event.listen(engine, "connect", _postgres_readonly)
    return engine


def _postgres_readonly(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
    cursor.close()
    dbapi_connection.commit()
