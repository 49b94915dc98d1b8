"""The full-text index over Arabic-normalized text, per dialect.

SQLite: a contentless FTS5 table ``articles_fts(body)`` keyed by the article's
``num``. PostgreSQL: ``articles_fts(num, body tsvector)`` with a GIN index.
Both index ``normalize_str(text)`` (plus each word's forms without proclitics and article)
and match a query normalized the same way, so hamza forms, alef maqsura, ta
marbuta, diacritics and tatweel do not matter.
A user's query never reaches the SQL text: it is cut into words, each word is
quoted as an FTS5 string (or a tsquery lexeme) and passed as a bound parameter.
"""
from __future__ import annotations

import re
from functools import lru_cache

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from rasid.store.rawsql import RawSql
from rasid.text.normalize import normalize_str

WORD_RE = re.compile(r"\w+", re.UNICODE)
MAX_QUERY_WORDS = 32

fts = sa.table("articles_fts", sa.column("rowid", sa.Integer), sa.column("num", sa.Integer),
               sa.column("body"), sa.column("rank", sa.Float))


CONJUNCTIONS = "وف"
PREPOSITIONS = "بلك"
ARTICLE = "ال"
MIN_STEM = 3


def _without_proclitics(word: str) -> str:
    """The word without a leading conjunction and/or preposition (بالرياض → الرياض, للوزير →
    الوزير, ومصر → مصر) when enough of it is left; else the word."""
    rest = word[1:] if word[:1] in CONJUNCTIONS and len(word) - 1 >= MIN_STEM else word
    if rest.startswith("لل") and len(rest) - 2 >= MIN_STEM:
        return ARTICLE + rest[2:]
    if rest[:1] in PREPOSITIONS and len(rest) - 1 >= MIN_STEM:
        rest = rest[1:]
    return rest


def variants(word: str) -> set[str]:
    """Other forms under which a word is indexed: without proclitics, and without the article
    (بالاجتماع → الاجتماع, اجتماع), so a search for either form finds it."""
    bare = _without_proclitics(word)
    forms = {bare}
    if bare.startswith(ARTICLE) and len(bare) - len(ARTICLE) >= MIN_STEM:
        forms.add(bare[len(ARTICLE):])
    forms.discard(word)
    return forms


VARIANTS_KEPT = 500_000


@lru_cache(maxsize=VARIANTS_KEPT)  # words recur across articles
def _cached_variants(word: str) -> tuple[str, ...]:
    return tuple(variants(word))


def indexed_form(text: str) -> str:
    """What the index holds: the normalized text, then the other forms of its distinct words."""
    body = normalize_str(text).lower()
    extra: set[str] = set()
    for word in set(WORD_RE.findall(body)):
        extra.update(_cached_variants(word))
    return body + "\n" + " ".join(sorted(extra))


def query_words(query: str) -> list[str]:
    """The normalized words of a search query (punctuation and operators dropped)."""
    return WORD_RE.findall(normalize_str(query).lower())[:MAX_QUERY_WORDS]


def add_to_index(connection: Connection, num: int, text: str) -> None:
    sql = RawSql(connection)
    body = indexed_form(text)
    if connection.dialect.name == "sqlite":
        sql.run("INSERT INTO articles_fts(rowid, body) VALUES (:num, :body)", {"num": num, "body": body})
    else:
        sql.run("INSERT INTO articles_fts(num, body) VALUES (:num, to_tsvector('simple', :body)) "
                "ON CONFLICT (num) DO NOTHING", {"num": num, "body": body})


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
