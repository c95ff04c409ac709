"""Alembic environment: always driven from code (db.migrate), never from an alembic.ini.

No ``fileConfig()`` here: it would reconfigure the application's logging.
"""

from alembic import context

from db.models import Base

target_metadata = Base.metadata


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("db.migrate passes the connection; run migrations through it")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
