"""entity counts kept by the writer: articles, mentions, first and last day of every entity

Entity pages and entity lists read them instead of counting an entity's mentions at request
time. Filled here from the mentions already stored.

Revision ID: 0003_entity_counts
Revises: 0002_entity_page_indexes
Create Date: 2026-11-29
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_entity_counts"
down_revision = "0002_entity_page_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "entity_counts",
        sa.Column("entity", sa.Integer, sa.ForeignKey("entities.num"), primary_key=True, autoincrement=False),
        sa.Column("articles", sa.Integer, nullable=False),
        sa.Column("mentions", sa.Integer, nullable=False),
        sa.Column("first_day", sa.String(10)),
        sa.Column("last_day", sa.String(10)),
    )
    op.create_index("ix_entity_counts_articles", "entity_counts", ["articles", "entity"])
    op.execute("INSERT INTO entity_counts (entity, articles, mentions, first_day, last_day) "
               "SELECT entity, count(DISTINCT article_id), sum(mentions), min(day), max(day) "
               "FROM entity_mentions GROUP BY entity")


def downgrade() -> None:
    op.drop_index("ix_entity_counts_articles", table_name="entity_counts")
    op.drop_table("entity_counts")
