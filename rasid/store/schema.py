"""The knowledge-base schema (SQLAlchemy Core), the same on SQLite and PostgreSQL.

Natural keys: an article is its id (hash of the normalized text); a registry
entity is (type, normalized name, country, variant) where variant tells apart
entities split by hand. Link tables tie an article's local ids (``e1``,
``v1``) to registry entities and story events. The full-text index is not
here: it differs by dialect (rasid/store/fulltext.py).
"""
from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

articles = sa.Table(
    "articles", metadata,
    sa.Column("num", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("id", sa.String(32), nullable=False, unique=True),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.String(32)),  # as in the record
    sa.Column("day", sa.String(10), index=True),  # YYYY-MM-DD of published, for date filters and history
    sa.Column("source", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("text", sa.LargeBinary, nullable=False),  # zlib UTF-8
    sa.Column("record", sa.LargeBinary, nullable=False),  # the record as JSON, without "text"
    sa.Column("story_id", sa.String(32), nullable=False, index=True),
    sa.Column("signature", sa.LargeBinary),  # MinHash of the normalized shingles
    sa.Column("rasid_version", sa.String(40), nullable=False),
    sa.Column("model_version", sa.String(40), nullable=False),
    sa.Column("processed_at", sa.String(32), nullable=False),
)

entities = sa.Table(
    "entities", metadata,
    sa.Column("num", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("type", sa.String(10), nullable=False),
    sa.Column("norm", sa.Text, nullable=False),
    sa.Column("country_key", sa.String(2), nullable=False),  # '' when unknown
    sa.Column("variant", sa.Integer, nullable=False, server_default="0"),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("country", sa.String(2)),
    sa.Column("merged_into", sa.Integer, sa.ForeignKey("entities.num")),
    sa.UniqueConstraint("type", "norm", "country_key", "variant", name="uq_entities_natural_key"),
)

entity_names = sa.Table(
    "entity_names", metadata,
    sa.Column("entity", sa.Integer, sa.ForeignKey("entities.num"), nullable=False),
    sa.Column("type", sa.String(10), nullable=False),
    sa.Column("kind", sa.String(8), nullable=False),  # name | alias | short (first and last word)
    sa.Column("norm", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.PrimaryKeyConstraint("type", "norm", "kind", "entity", name="pk_entity_names"),
    sa.Index("ix_entity_names_entity", "entity"),
    sqlite_with_rowid=False,
)

entity_mentions = sa.Table(
    "entity_mentions", metadata,
    sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id"), nullable=False),
    sa.Column("local_id", sa.String(16), nullable=False),
    sa.Column("entity", sa.Integer, sa.ForeignKey("entities.num"), nullable=False),
    sa.Column("norm", sa.Text, nullable=False),  # the name as resolved, for pins
    sa.Column("mentions", sa.Integer, nullable=False),
    sa.Column("day", sa.String(10)),  # the article's day: entity pages count without reading articles
    sa.PrimaryKeyConstraint("article_id", "local_id", name="pk_entity_mentions"),
    sa.Index("ix_entity_mentions_page", "entity", "day", "article_id", "mentions"),  # covers an entity page
    sqlite_with_rowid=False,
)

entity_titles = sa.Table(
    "entity_titles", metadata,
    sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id"), nullable=False),
    sa.Column("local_id", sa.String(16), nullable=False),
    sa.Column("entity", sa.Integer, sa.ForeignKey("entities.num"), nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("title_norm", sa.Text, nullable=False),
    sa.Column("organization", sa.Integer, sa.ForeignKey("entities.num")),
    sa.Column("country", sa.String(2)),
    sa.Column("day", sa.String(10)),
    sa.PrimaryKeyConstraint("article_id", "local_id", "title_norm", name="pk_entity_titles"),
    sa.Index("ix_entity_titles_history", "entity", "title_norm", "organization", "country", "day", "article_id",
             "title"),  # covers a title history
    sqlite_with_rowid=False,
)

# Kept by the writer (rasid.registry.counts): what entity pages and lists show, without counting mentions.
entity_counts = sa.Table(
    "entity_counts", metadata,
    sa.Column("entity", sa.Integer, sa.ForeignKey("entities.num"), primary_key=True, autoincrement=False),
    sa.Column("articles", sa.Integer, nullable=False),
    sa.Column("mentions", sa.Integer, nullable=False),
    sa.Column("first_day", sa.String(10)),
    sa.Column("last_day", sa.String(10)),
    sa.Index("ix_entity_counts_articles", "articles", "entity"),
)

# A pin sends a name in one article to one entity: what `entities split` records.
entity_pins = sa.Table(
    "entity_pins", metadata,
    sa.Column("article_id", sa.String(32), nullable=False),
    sa.Column("type", sa.String(10), nullable=False),
    sa.Column("norm", sa.Text, nullable=False),
    sa.Column("entity", sa.Integer, sa.ForeignKey("entities.num"), nullable=False),
    sa.PrimaryKeyConstraint("article_id", "type", "norm", name="pk_entity_pins"),
    sqlite_with_rowid=False,
)

corrections = sa.Table(
    "corrections", metadata,
    sa.Column("num", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("action", sa.String(10), nullable=False),  # merge | split
    sa.Column("detail", sa.Text, nullable=False),  # JSON
    sa.Column("made_at", sa.String(32), nullable=False),
)

article_sectors = sa.Table(
    "article_sectors", metadata,
    sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id"), nullable=False),
    sa.Column("sector", sa.String(32), nullable=False),
    sa.PrimaryKeyConstraint("article_id", "sector", name="pk_article_sectors"),
    sa.Index("ix_article_sectors_sector", "sector"),
    sqlite_with_rowid=False,
)

# One row per distinct interaction of a story: copies of the same wire story add articles, not events.
events = sa.Table(
    "events", metadata,
    sa.Column("num", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("story_id", sa.String(32), nullable=False),
    sa.Column("key", sa.String(32), nullable=False),
    sa.Column("type", sa.String(12), nullable=False, index=True),
    sa.Column("mode", sa.String(12)),
    sa.Column("status", sa.String(12)),
    sa.Column("instrument", sa.String(20)),
    sa.Column("agreement_status", sa.String(12)),
    sa.Column("date", sa.String(32)),
    sa.Column("location", sa.Text),
    sa.Column("day", sa.String(10), index=True),  # first article's day
    sa.UniqueConstraint("story_id", "key", name="uq_events_story_key"),
)

event_articles = sa.Table(
    "event_articles", metadata,
    sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id"), nullable=False),
    sa.Column("local_id", sa.String(16), nullable=False),
    sa.Column("event", sa.Integer, sa.ForeignKey("events.num"), nullable=False, index=True),
    sa.PrimaryKeyConstraint("article_id", "local_id", name="pk_event_articles"),
    sqlite_with_rowid=False,
)

event_countries = sa.Table(
    "event_countries", metadata,
    sa.Column("event", sa.Integer, sa.ForeignKey("events.num"), nullable=False),
    sa.Column("country", sa.String(2), nullable=False),
    sa.PrimaryKeyConstraint("event", "country", name="pk_event_countries"),
    sa.Index("ix_event_countries_country", "country", "event"),
    sqlite_with_rowid=False,
)

event_sectors = sa.Table(
    "event_sectors", metadata,
    sa.Column("event", sa.Integer, sa.ForeignKey("events.num"), nullable=False),
    sa.Column("sector", sa.String(32), nullable=False),
    sa.PrimaryKeyConstraint("event", "sector", name="pk_event_sectors"),
    sa.Index("ix_event_sectors_sector", "sector", "event"),
    sqlite_with_rowid=False,
)

event_participants = sa.Table(
    "event_participants", metadata,
    sa.Column("event", sa.Integer, sa.ForeignKey("events.num"), nullable=False),
    sa.Column("entity", sa.Integer, sa.ForeignKey("entities.num"), nullable=False),
    sa.Column("role", sa.String(16), nullable=False, server_default=""),
    sa.PrimaryKeyConstraint("event", "entity", "role", name="pk_event_participants"),
    sa.Index("ix_event_participants_entity", "entity", "event"),
    sqlite_with_rowid=False,
)
