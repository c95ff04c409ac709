"""Bring a database to the schema this version of the program expects.

Migrations ship inside the package and run at start-up. A SQLite file is copied aside
(with SQLite's online backup, never a raw file copy) before any migration touches it; a
database written by a newer version of the program is refused.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from db.engine import sqlite_path

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic itself is imported only when a database actually needs migrating: importing it
# costs ~0.15 s of every start-up otherwise (docs/PERFORMANCE.md).

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class SchemaTooNewError(RuntimeError):
    """The database was written by a newer version of the program."""

    key = "db.schema_too_new"

    def __init__(self, revision: str):
        super().__init__(f"database schema revision {revision} is newer than this program")
        self.revision = revision


class MigrationFailedError(RuntimeError):
    """A migration failed; the database was rolled back and a backup may exist."""

    key = "db.migration_failed"

    def __init__(self, cause: BaseException, backup: Path | None):
        super().__init__(f"migration failed: {cause}")
        self.cause = cause
        self.backup = backup


@dataclass(frozen=True)
class MigrationResult:
    before: str | None
    after: str
    backup: Path | None


def alembic_config() -> Config:
    """An Alembic config built in code, pointing at the packaged migrations."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    """The newest schema revision this program knows."""
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"expected one migration head, found {heads}")
    return heads[0]


def current_revision(engine: Engine) -> str | None:
    """The revision stamped in the database, or None for an empty database."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


_REVISION_LINE = re.compile(r"^(down_revision|revision)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.MULTILINE)
_QUOTED = re.compile(r"""^(?:'([^']*)'|"([^"]*)")$""")


def _head_without_alembic() -> str | None:
    """The head revision read straight from the revision files, or None when unsure.

    Understands plain ``revision = '0002'`` / ``down_revision = '0001' | None`` lines (what
    the project's revisions hold); anything else (merges, branch labels…) returns None and
    the caller asks Alembic.
    """
    revisions: dict[str, str | None] = {}
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        found = dict(m.groups() for m in _REVISION_LINE.finditer(path.read_text(encoding="utf-8")))
        if not found:
            continue  # __init__.py
        rev, down = _QUOTED.match(found.get("revision", "")), found.get("down_revision", "")
        if rev is None or (down != "None" and _QUOTED.match(down) is None):
            return None
        down_match = _QUOTED.match(down)
        revisions[rev.group(1) or rev.group(2)] = (down_match.group(1) or down_match.group(2)) if down_match else None
    heads = set(revisions) - set(revisions.values())
    return heads.pop() if len(heads) == 1 else None


def _stamped_revision(engine: Engine) -> str | None:
    """The database's revision read with plain SQL (a read transaction, no write lock)."""
    with engine.connect() as conn:
        conn.execution_options(read_only=True)
        if not inspect(conn).has_table("alembic_version"):
            return None
        rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
        return rows[0] if len(rows) == 1 else None


def backup_sqlite(engine: Engine, tag: str) -> Path | None:
    """Copy a SQLite database next to itself with the online backup API; return the copy."""
    path = sqlite_path(engine.url)
    if path is None or not path.exists():
        return None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.before-{tag}-{stamp}{path.suffix or '.sqlite'}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.stem}.before-{tag}-{stamp}-{n}{path.suffix or '.sqlite'}")
    src = sqlite3.connect(str(path))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def upgrade(engine: Engine) -> MigrationResult:
    """Migrate the database to head; back up first; refuse a newer schema."""
    # The usual start-up: the database is already at head, and Alembic is not needed.
    stamped = _stamped_revision(engine)
    if stamped is not None and stamped == _head_without_alembic():
        return MigrationResult(stamped, stamped, None)
    from alembic import command
    from alembic.script import ScriptDirectory

    cfg = alembic_config()
    script = ScriptDirectory.from_config(cfg)
    head = head_revision()
    before = current_revision(engine)
    if before is not None:
        try:
            script.get_revision(before)
        except Exception as exc:  # alembic raises several kinds for an unknown id
            raise SchemaTooNewError(before) from exc
    if before == head:
        return MigrationResult(before, head, None)
    backup = backup_sqlite(engine, before or "init") if before is not None else None
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except Exception as exc:
        raise MigrationFailedError(exc, backup) from exc
    return MigrationResult(before, head, backup)
