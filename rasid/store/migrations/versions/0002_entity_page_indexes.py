"""entity pages read from covering indexes: mentions (entity, day, article, count), title history

Revision ID: 0002_entity_page_indexes
Revises: 0001_knowledge_base
Create Date: 2026-11-29
"""
from __future__ import annotations

from alembic import op

revision = "0002_entity_page_indexes"
down_revision = "0001_knowledge_base"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_entity_mentions_entity", table_name="entity_mentions")
    op.create_index("ix_entity_mentions_page", "entity_mentions", ["entity", "day", "article_id", "mentions"])
    op.drop_index("ix_entity_titles_entity", table_name="entity_titles")
    op.create_index("ix_entity_titles_history", "entity_titles",
                    ["entity", "title_norm", "organization", "country", "day", "article_id", "title"])


def downgrade() -> None:
    op.drop_index("ix_entity_titles_history", table_name="entity_titles")
    op.create_index("ix_entity_titles_entity", "entity_titles", ["entity"])
    op.drop_index("ix_entity_mentions_page", table_name="entity_mentions")
    op.create_index("ix_entity_mentions_entity", "entity_mentions", ["entity"])
