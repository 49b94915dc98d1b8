"""Plain SQL on the DBAPI connection under a SQLAlchemy Connection: the writer's hot path.

The statements read the same on SQLite and PostgreSQL; parameters are always
bound (``:name`` for sqlite3, rewritten once to ``%(name)s`` for psycopg). They
run in the Connection's transaction and savepoints, without SQLAlchemy's
per-statement overhead.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Sequence

from sqlalchemy.engine import Connection

NAMED_PARAMETER_RE = re.compile(r"(?<![:\w]):(\w+)")


@lru_cache(maxsize=256)
def pyformat(sql: str) -> str:
    return NAMED_PARAMETER_RE.sub(r"%(\1)s", sql)


class RawSql:
    def __init__(self, connection: Connection):
        self.connection = connection
        self.named = connection.dialect.name == "sqlite"

    def _cursor(self):
        return self.connection.connection.driver_connection.cursor()

    def _sql(self, sql: str) -> str:
        return sql if self.named else pyformat(sql)

    def rows(self, sql: str, params: dict[str, Any]) -> list[tuple]:
        cursor = self._cursor()
        cursor.execute(self._sql(sql), params)
        rows = cursor.fetchall()
        cursor.close()
        return rows

    def one(self, sql: str, params: dict[str, Any]) -> tuple | None:
        rows = self.rows(sql, params)
        return rows[0] if rows else None

    def value(self, sql: str, params: dict[str, Any]) -> Any:
        row = self.one(sql, params)
        return row[0] if row else None

    def run(self, sql: str, params: dict[str, Any] | Sequence[dict[str, Any]]) -> None:
        cursor = self._cursor()
        if isinstance(params, dict):
            cursor.execute(self._sql(sql), params)
        elif params:
            cursor.executemany(self._sql(sql), list(params))
        cursor.close()
