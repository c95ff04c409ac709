"""Opening the database at start-up: resolve the URL, migrate (with a backup), report clearly."""

from __future__ import annotations

import os
from dataclasses import dataclass

from app.paths import default_db_url
from db.engine import Database, display_url
from db.migrate import MigrationResult, upgrade


@dataclass
class OpenedDatabase:
    db: Database
    migration: MigrationResult

    @property
    def display_url(self) -> str:
        return display_url(self.db.url)


def resolve_db_url(cli_value: str | None) -> str:
    """``--db`` wins, then ``RECEPTION_DB``, then the per-user SQLite file."""
    return cli_value or os.environ.get("RECEPTION_DB") or default_db_url()


def open_database(url: str) -> OpenedDatabase:
    """Open and migrate the database at ``url``.

    Raises ``db.migrate.SchemaTooNewError`` / ``MigrationFailedError`` (with the backup's
    path) or ``db.engine.DatabaseLocationError``; callers turn them into a clear message.
    """
    db = Database.open(url)
    try:
        result = upgrade(db.engine)
    except BaseException:
        db.dispose()
        raise
    return OpenedDatabase(db, result)
