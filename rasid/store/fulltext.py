"""The full-text index over Arabic-normalized text, per dialect.

SQLite: a contentless FTS5 table ``articles_fts(body)`` keyed by the article's
``num``. PostgreSQL: ``articles_fts(num, body tsvector)`` with a GIN index.
Both index ``normalize_str(text)`` and match a query normalized the same way,
so hamza forms, alef maqsura, ta marbuta, diacritics and tatweel do not matter.
A user's query never reaches the SQL text: it is cut into words, each word is
quoted as an FTS5 string (or a tsquery lexeme) and passed as a bound parameter.
"""
from __future__ import annotations

import re

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from rasid.text.normalize import normalize_str

WORD_RE = re.compile(r"\w+", re.UNICODE)
MAX_QUERY_WORDS = 32

fts = sa.table("articles_fts", sa.column("rowid", sa.Integer), sa.column("num", sa.Integer),
               sa.column("body"), sa.column("rank", sa.Float))


def indexed_form(text: str) -> str:
    return normalize_str(text).lower()


def query_words(query: str) -> list[str]:
    """The normalized words of a search query (punctuation and operators dropped)."""
    return WORD_RE.findall(indexed_form(query))[:MAX_QUERY_WORDS]


def add_to_index(connection: Connection, num: int, text: str) -> None:
    body = indexed_form(text)
    if connection.dialect.name == "sqlite":
        connection.execute(sa.text("INSERT INTO articles_fts(rowid, body) VALUES (:num, :body)"),
                           {"num": num, "body": body})
    else:
        connection.execute(
            sa.text("INSERT INTO articles_fts(num, body) VALUES (:num, to_tsvector('simple', :body)) "
                    "ON CONFLICT (num) DO NOTHING"),
            {"num": num, "body": body},
        )


def fts5_query(words: list[str]) -> str:
    """Every word as an FTS5 string: implicit AND, no operator can be smuggled in."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


def matching(dialect: str, words: list[str]) -> tuple[sa.Select, sa.ColumnElement]:
    """(SELECT num, score ... matching all words, score column); lower score is better."""
    if dialect == "sqlite":
        select = sa.select(fts.c.rowid.label("num"), fts.c.rank.label("score")).where(
            sa.literal_column("articles_fts").op("MATCH")(sa.bindparam("fts_query", fts5_query(words)))
        )
        return select, select.selected_columns.score
    tsquery = sa.func.to_tsquery("simple", sa.bindparam("fts_query", " & ".join(
        "'" + word.replace("'", "''").replace("\\", "") + "'" for word in words)))
    score = -sa.func.ts_rank(fts.c.body, tsquery)
    select = sa.select(fts.c.num.label("num"), score.label("score")).where(fts.c.body.op("@@")(tsquery))
    return select, select.selected_columns.score
