"""The knowledge-base store: engine, schema, migrations and repository functions.

``open_store(db)`` migrates a writable store to the newest schema;
``open_store(db, readonly=True)`` refuses to touch a store that is missing or
not migrated.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Engine

from rasid.store.engine import StoreError, database_url, make_engine
from rasid.store.migrate import is_current, upgrade


@dataclass
class Store:
    engine: Engine
    db: str

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()


def open_store(db: str, readonly: bool = False) -> Store:
    url = database_url(db)
    if url.startswith("sqlite") and readonly and not Path(url.split("///", 1)[1]).exists():
        raise StoreError(f"no Rasid store at {db} (create one with `rasid ingest --db {db} ...`)")
    engine = make_engine(db, readonly=readonly)
    if readonly:
        if not is_current(engine):
            engine.dispose()
            raise StoreError(f"{db} is not a Rasid store of the current schema (run `rasid ingest` or "
                             "`rasid reprocess` on it to migrate)")
    else:
        upgrade(engine)
    return Store(engine, db)


__all__ = ["Store", "StoreError", "open_store"]
