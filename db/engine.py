"""The one place that knows how to open a database.

Everything dialect-specific about connections lives here: SQLite pragmas, SQLite's
write-lock mode, refusing network paths. Services above this file run unchanged on
PostgreSQL.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql.functions import FunctionElement

from db.errors import StorageError  # noqa: F401 - defined apart, re-exported here

#: How long a connection waits for another writer before giving up (milliseconds).
SQLITE_BUSY_TIMEOUT_MS = 5000
#: SQLite's page cache per connection (KiB; SQLite's default is 2 MiB). Searches of a large
#: register read tens of MiB of index pages; 64 MiB keeps them in the cache between
#: keystrokes (about 20 % faster). Allocated only as pages are read.
SQLITE_CACHE_KIB = 65536


class unindexed(FunctionElement):  # noqa: N801 - used like a SQL function
    """``column`` where a condition on it must not choose the index.

    A repository that has already picked the index for a query (say ``(phone, time_in)``
    for a phone prefix) wraps the other columns' conditions in this, so the database
    filters on them instead of switching to another index. SQLite's planner has no
    statistics by default and would otherwise prefer ``time_in``'s own index for
    ``ORDER BY time_in`` whenever a date range is given; its documented way to rule an
    index out is the unary ``+`` (sqlite.org/optoverview.html, "Disqualifying WHERE
    clause terms using unary-+"). Other databases plan with statistics: plain column.
    """

    inherit_cache = True

    def __init__(self, column):  # noqa: ANN001
        super().__init__(column)
        self.type = column.type


@compiles(unindexed)
def _unindexed_default(element, compiler, **kw):  # noqa: ANN001
    return compiler.process(element.clauses, **kw)


@compiles(unindexed, "sqlite")
def _unindexed_sqlite(element, compiler, **kw):  # noqa: ANN001
    return "+" + compiler.process(element.clauses, **kw)


class DatabaseLocationError(ValueError):
    """The database URL points somewhere an embedded database must never live."""

    def __init__(self, key: str, path: str):
        super().__init__(f"{key}: {path}")
        self.key = key
        self.path = path


def storage_error(exc: DBAPIError) -> StorageError:
    """Classify a driver error into a ``StorageError`` with a message key."""
    text = str(getattr(exc, "orig", exc))
    low = text.lower()
    if "locked" in low or "busy" in low or "could not obtain lock" in low:
        key = "db.locked"
    elif "disk is full" in low or "no space" in low:
        key = "db.disk_full"
    elif isinstance(exc, OperationalError):
        key = "db.unavailable"
    else:
        key = "db.write_failed"
    return StorageError(key, text[:300])


def sqlite_path(url: str | URL) -> Path | None:
    """The file behind a SQLite URL, or None for other dialects and in-memory databases."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite":
        return None
    if not u.database or u.database == ":memory:" or u.database.startswith("file::memory:"):
        return None
    return Path(u.database)


def _refuse_network_path(path: Path) -> None:
    text = str(path)
    # SQLite's locking (and WAL in particular) is unreliable on network file systems.
    if text.startswith(("\\\\", "//")):
        raise DatabaseLocationError("db.network_path", text)


def make_engine(url: str | URL, *, echo: bool = False) -> Engine:
    """Create an engine for ``url`` with the project's connection settings applied.

    SQLite: WAL, ``synchronous=FULL`` (a committed receipt survives a power cut),
    ``foreign_keys=ON``, a busy timeout, a 64 MiB page cache, and write transactions that
    take the write lock up front (``BEGIN IMMEDIATE``) so two counters never dead-lock
    upgrading a read lock.
    """
    u = make_url(url)
    if u.get_backend_name() != "sqlite":
        return create_engine(u, echo=echo, pool_pre_ping=True)

    path = sqlite_path(u)
    if path is not None:
        _refuse_network_path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        u,
        echo=echo,
        connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # noqa: ANN001 - DBAPI object
        # Take transaction control away from the sqlite3 module so BEGIN is ours.
        dbapi_connection.isolation_level = None
        cur = dbapi_connection.cursor()
        if path is not None:
            cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cur.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # noqa: ANN001
        mode = "DEFERRED" if conn.get_execution_options().get("read_only") else "IMMEDIATE"
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


class Database:
    """An engine plus the session factories the services use.

    ``write()`` is one unit of work: it commits on success and rolls back on any error.
    ``read()`` is a short read-only session that never takes the write lock.
    """

    def __init__(self, engine: Engine):
        self.engine = engine
        self._writer = sessionmaker(bind=engine, expire_on_commit=False)
        self._reader = sessionmaker(
            bind=engine.execution_options(read_only=True), expire_on_commit=False
        )

    @classmethod
    def open(cls, url: str | URL) -> "Database":
        """Open (without migrating) the database at ``url``."""
        return cls(make_engine(url))

    @property
    def url(self) -> URL:
        return self.engine.url

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose work is committed as one transaction, or not at all."""
        session = self._writer()
        try:
            yield session
            session.commit()
        except DBAPIError as exc:
            session.rollback()
            # A constraint violation is a program error worth its own traceback; anything
            # else (locked, disk full, connection lost) is the storage failing.
            if not isinstance(exc, IntegrityError):
                raise storage_error(exc) from exc
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A short session for queries; anything written in it is rolled back."""
        session = self._reader()
        try:
            yield session
        except OperationalError as exc:
            raise storage_error(exc) from exc
        finally:
            session.rollback()
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()


def display_url(url: str | URL) -> str:
    """The URL as shown to people and printed by ``--smoke``: any password hidden."""
    return make_url(url).render_as_string(hide_password=True)
