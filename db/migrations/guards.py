"""Append-only guards for migrations after 0001: triggers that refuse UPDATE and/or DELETE.

0001 created the PostgreSQL function ``reception_append_only()`` these triggers call; on
SQLite each trigger raises itself. Applied migrations depend on the exact DDL written here,
so its behaviour is frozen: a different guard is a new function, never an edit of these.
"""

from __future__ import annotations

from collections.abc import Iterable

from alembic import op


def create_append_only_guards(no_update: Iterable[str], no_delete: Iterable[str]) -> None:
    """Create ``trg_<table>_no_update`` for each of ``no_update`` and ``trg_<table>_no_delete``
    for each of ``no_delete`` (SQLite or PostgreSQL; other dialects get none)."""
    dialect = op.get_bind().dialect.name
    for verb, what, tables, message in (("UPDATE", "no_update", no_update, "is append-only"),
                                        ("DELETE", "no_delete", no_delete, "rows are never deleted")):
        for table in tables:
            if dialect == "sqlite":
                op.execute(f"CREATE TRIGGER trg_{table}_{what} BEFORE {verb} ON {table} "
                           f"BEGIN SELECT RAISE(ABORT, '{table} {message}'); END")
            elif dialect == "postgresql":
                op.execute(f"CREATE TRIGGER trg_{table}_{what} BEFORE {verb} ON {table} "
                           "FOR EACH ROW EXECUTE FUNCTION reception_append_only()")


def drop_append_only_guards(no_update: Iterable[str], no_delete: Iterable[str]) -> None:
    """Drop what :func:`create_append_only_guards` created for the same tables."""
    on = op.get_bind().dialect.name == "postgresql"
    for what, tables in (("no_update", no_update), ("no_delete", no_delete)):
        for table in tables:
            op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_{what}" + (f" ON {table}" if on else ""))
