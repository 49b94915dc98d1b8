"""Alembic environment: migrations run on the connection that rasid.store.migrate passes in."""
from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from rasid.store.schema import metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # run from the alembic command line
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as connection:
        context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
