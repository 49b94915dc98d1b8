"""knowledge base: articles, registry entities, story events, full-text index

Revision ID: 0001_knowledge_base
Revises:
Create Date: 2026-11-29
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_knowledge_base"
down_revision = None
branch_labels = None
depends_on = None

KEY = sa.String(32)


def _articles() -> None:
    op.create_table(
        "articles",
        sa.Column("num", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", KEY, nullable=False, unique=True),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String(32)),
        sa.Column("day", sa.String(10), index=True),
        sa.Column("source", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("text", sa.LargeBinary, nullable=False),  # zlib UTF-8
        sa.Column("record", sa.LargeBinary, nullable=False),
        sa.Column("story_id", KEY, nullable=False, index=True),
        sa.Column("signature", sa.LargeBinary),
        sa.Column("rasid_version", sa.String(40), nullable=False),
        sa.Column("model_version", sa.String(40), nullable=False),
        sa.Column("processed_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "article_sectors",
        sa.Column("article_id", KEY, sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("sector", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("article_id", "sector", name="pk_article_sectors"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_article_sectors_sector", "article_sectors", ["sector"])


def _entities() -> None:
    op.create_table(
        "entities",
        sa.Column("num", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("type", sa.String(10), nullable=False),
        sa.Column("norm", sa.Text, nullable=False),
        sa.Column("country_key", sa.String(2), nullable=False),
        sa.Column("variant", sa.Integer, nullable=False, server_default="0"),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("country", sa.String(2)),
        sa.Column("merged_into", sa.Integer, sa.ForeignKey("entities.num")),
        sa.UniqueConstraint("type", "norm", "country_key", "variant", name="uq_entities_natural_key"),
    )
    op.create_table(
        "entity_names",
        sa.Column("entity", sa.Integer, sa.ForeignKey("entities.num"), nullable=False),
        sa.Column("type", sa.String(10), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("norm", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("type", "norm", "kind", "entity", name="pk_entity_names"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_entity_names_entity", "entity_names", ["entity"])
    op.create_table(
        "entity_mentions",
        sa.Column("article_id", KEY, sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("local_id", sa.String(16), nullable=False),
        sa.Column("entity", sa.Integer, sa.ForeignKey("entities.num"), nullable=False, index=True),
        sa.Column("norm", sa.Text, nullable=False),
        sa.Column("mentions", sa.Integer, nullable=False),
        sa.Column("day", sa.String(10)),
        sa.PrimaryKeyConstraint("article_id", "local_id", name="pk_entity_mentions"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "entity_titles",
        sa.Column("article_id", KEY, sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("local_id", sa.String(16), nullable=False),
        sa.Column("entity", sa.Integer, sa.ForeignKey("entities.num"), nullable=False, index=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("title_norm", sa.Text, nullable=False),
        sa.Column("organization", sa.Integer, sa.ForeignKey("entities.num")),
        sa.Column("country", sa.String(2)),
        sa.Column("day", sa.String(10)),
        sa.PrimaryKeyConstraint("article_id", "local_id", "title_norm", name="pk_entity_titles"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "entity_pins",
        sa.Column("article_id", KEY, nullable=False),
        sa.Column("type", sa.String(10), nullable=False),
        sa.Column("norm", sa.Text, nullable=False),
        sa.Column("entity", sa.Integer, sa.ForeignKey("entities.num"), nullable=False),
        sa.PrimaryKeyConstraint("article_id", "type", "norm", name="pk_entity_pins"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "corrections",
        sa.Column("num", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("action", sa.String(10), nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("made_at", sa.String(32), nullable=False),
    )


def _events() -> None:
    op.create_table(
        "events",
        sa.Column("num", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("story_id", KEY, nullable=False),
        sa.Column("key", KEY, nullable=False),
        sa.Column("type", sa.String(12), nullable=False, index=True),
        sa.Column("mode", sa.String(12)),
        sa.Column("status", sa.String(12)),
        sa.Column("instrument", sa.String(20)),
        sa.Column("agreement_status", sa.String(12)),
        sa.Column("date", sa.String(32)),
        sa.Column("location", sa.Text),
        sa.Column("day", sa.String(10), index=True),
        sa.UniqueConstraint("story_id", "key", name="uq_events_story_key"),
    )
    op.create_table(
        "event_articles",
        sa.Column("article_id", KEY, sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("local_id", sa.String(16), nullable=False),
        sa.Column("event", sa.Integer, sa.ForeignKey("events.num"), nullable=False, index=True),
        sa.PrimaryKeyConstraint("article_id", "local_id", name="pk_event_articles"),
        sqlite_with_rowid=False,
    )
    for name, column, width in (("countries", "country", 2), ("sectors", "sector", 32)):
        op.create_table(
            f"event_{name}",
            sa.Column("event", sa.Integer, sa.ForeignKey("events.num"), nullable=False),
            sa.Column(column, sa.String(width), nullable=False),
            sa.PrimaryKeyConstraint("event", column, name=f"pk_event_{name}"),
            sqlite_with_rowid=False,
        )
        op.create_index(f"ix_event_{name}_{column}", f"event_{name}", [column, "event"])
    op.create_table(
        "event_participants",
        sa.Column("event", sa.Integer, sa.ForeignKey("events.num"), nullable=False),
        sa.Column("entity", sa.Integer, sa.ForeignKey("entities.num"), nullable=False),
        sa.Column("role", sa.String(16), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("event", "entity", "role", name="pk_event_participants"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_event_participants_entity", "event_participants", ["entity", "event"])


def _fulltext() -> None:
    """SQLite: a contentless FTS5 table; PostgreSQL: a tsvector table with a GIN index."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(body, content='', detail='none', "
                   "tokenize='unicode61 remove_diacritics 0')")
        return
    op.execute("CREATE TABLE articles_fts (num integer PRIMARY KEY REFERENCES articles(num), "
               "body tsvector NOT NULL)")
    op.execute("CREATE INDEX ix_articles_fts_body ON articles_fts USING gin (body)")


def upgrade() -> None:
    _articles()
    _entities()
    _events()
    _fulltext()


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS articles_fts")
    for table in ("event_participants", "event_sectors", "event_countries", "event_articles", "events",
                  "corrections", "entity_pins", "entity_titles", "entity_mentions", "entity_names",
                  "entities", "article_sectors", "articles"):
        op.drop_table(table)
