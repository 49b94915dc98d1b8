"""Counts over the whole store, for ``/api/stats``."""
from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from rasid.store.schema import articles, entities, events


def _by(connection: Connection, column: sa.Column, *where) -> dict[str, int]:
    rows = connection.execute(sa.select(column, sa.func.count()).where(*where).group_by(column).order_by(column))
    return {key: n for key, n in rows}


def store_stats(connection: Connection) -> dict[str, Any]:
    overview = connection.execute(sa.select(
        sa.func.count(), sa.func.count(sa.distinct(articles.c.story_id)),
        sa.func.min(articles.c.day), sa.func.max(articles.c.day))).one()
    return {
        "articles": overview[0], "stories": overview[1],
        "first_day": overview[2], "last_day": overview[3],
        "entities": _by(connection, entities.c.type, entities.c.merged_into.is_(None)),
        "events": _by(connection, events.c.type),
        "versions": [{"rasid_version": r, "model_version": m, "articles": n} for r, m, n in connection.execute(
            sa.select(articles.c.rasid_version, articles.c.model_version, sa.func.count())
            .group_by(articles.c.rasid_version, articles.c.model_version))],
    }
