"""Migrations, the engine factory and the Money column type, on real SQLite files."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Column, Integer, MetaData, Table, insert, select, text
from sqlalchemy.exc import StatementError

from db import migrate
from db.engine import (
    SQLITE_BUSY_TIMEOUT_MS,
    Database,
    DatabaseLocationError,
    make_engine,
    sqlite_path,
)
from db.migrate import (
    MigrationFailedError,
    SchemaTooNewError,
    alembic_config,
    backup_sqlite,
    current_revision,
    head_revision,
    upgrade,
)
from db.models import Base, Money

APPEND_ONLY_TRIGGERS = {
    "trg_audit_log_no_update", "trg_audit_log_no_delete", "trg_visit_amendment_no_update",
    "trg_visit_amendment_no_delete", "trg_visit_no_delete",
    # the key cabinet's registers (0003)
    *(f"trg_{t}_{op}" for t in ("key_intake", "key_outstanding_note", "key_loan", "key_loan_signature",
                                "key_loan_event", "key_event", "key_emergency", "key_spot_scan",
                                "key_spot_item") for op in ("no_update", "no_delete")),
    "trg_key_set_no_delete", "trg_key_outstanding_no_delete", "trg_key_spot_check_no_delete",
    # the parcel registers (0004)
    *(f"trg_{t}_{op}" for t in ("parcel_event", "parcel_pickup", "parcel_pickup_signature", "parcel_batch_line")
      for op in ("no_update", "no_delete")),
    "trg_parcel_no_delete", "trg_parcel_batch_no_delete", "trg_parcel_contact_no_delete",
    # repairs and complaints (0009)
    *(f"trg_{t}_{op}" for t in ("repair_event", "repair_photo", "complaint_event") for op in ("no_update", "no_delete")),
    "trg_repair_request_no_delete", "trg_complaint_no_delete",
    # receipts (0007)
    *(f"trg_{t}_{op}" for t in ("receipt", "receipt_line", "receipt_void", "receipt_refund", "cash_shift_total")
      for op in ("no_update", "no_delete")),
    "trg_cash_shift_no_delete", "trg_fee_item_no_delete", "trg_cash_shift_closed",
    # the print log (0005)
    "trg_print_job_no_update", "trg_print_job_no_delete",
    # newspapers and magazines (0006)
    *(f"trg_{t}_{op}" for t in ("newspaper_receipt", "newspaper_claim_event", "newspaper_delivery")
      for op in ("no_update", "no_delete")),
    "trg_newspaper_title_no_delete", "trg_newspaper_subscription_no_delete", "trg_newspaper_claim_no_delete",
    # renovation permits and contractor passes (0008)
    *(f"trg_{t}_{op}" for t in ("renovation_permit_event", "contractor_pass_event", "contractor_pass_photo")
      for op in ("no_update", "no_delete")),
    "trg_renovation_permit_no_delete", "trg_contractor_pass_no_delete",
}


def url_of(path: Path) -> str:
    return f"sqlite:///{path}"


def schema_diff(engine) -> list:
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True, "render_as_batch": True})
        return compare_metadata(ctx, Base.metadata)


def sqlite_objects(path: Path, kind: str) -> set[str]:
    con = sqlite3.connect(path)
    try:
        return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = ?", (kind,))}
    finally:
        con.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def stamp(path: Path, revision: str) -> None:
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    con.commit()
    con.close()


@pytest.fixture
def fresh(tmp_path) -> Path:
    """A database file migrated to head, with one setting row, all connections closed."""
    path = tmp_path / "reception.sqlite"
    database = Database.open(url_of(path))
    upgrade(database.engine)
    with database.write() as s:
        s.execute(text("INSERT INTO setting (key, value) VALUES ('visitor.overstay_hours', '6')"))
    database.dispose()
    return path


# -- the schema ------------------------------------------------------------------------------


def test_migrating_an_empty_database_gives_exactly_the_models_schema(tmp_path):
    path = tmp_path / "new.sqlite"
    database = Database.open(url_of(path))
    result = upgrade(database.engine)
    assert (result.before, result.after, result.backup) == (None, head_revision(), None)
    assert current_revision(database.engine) == head_revision()
    assert schema_diff(database.engine) == []
    assert sqlite_objects(path, "table") == set(Base.metadata.tables) | {"alembic_version"}
    assert sqlite_objects(path, "trigger") == APPEND_ONLY_TRIGGERS
    database.dispose()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.sqlite"]  # no backup of nothing


def test_schema_check_does_see_a_difference(tmp_path):
    # guards the test above against comparing nothing with nothing
    path = tmp_path / "drifted.sqlite"
    database = Database.open(url_of(path))
    upgrade(database.engine)
    with database.engine.begin() as conn:
        conn.exec_driver_sql("DROP INDEX ix_visit_badge")
        conn.exec_driver_sql("ALTER TABLE staff ADD COLUMN shoe_size INTEGER")
    diff = schema_diff(database.engine)
    database.dispose()
    kinds = {d[0] if isinstance(d, tuple) else d[0][0] for d in diff}
    assert {"add_index", "remove_column"} <= kinds


def test_downgrade_to_base_and_up_again(tmp_path):
    path = tmp_path / "round.sqlite"
    database = Database.open(url_of(path))
    upgrade(database.engine)
    cfg = alembic_config()
    with database.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    assert current_revision(database.engine) is None
    assert sqlite_objects(path, "table") == {"alembic_version"}
    assert sqlite_objects(path, "trigger") == set()
    assert upgrade(database.engine).before is None
    assert schema_diff(database.engine) == []
    database.dispose()


# -- connection settings ----------------------------------------------------------------------


def pragmas(engine) -> dict:
    with engine.connect() as conn:
        return {name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
                for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")}


def test_every_new_connection_gets_the_pragmas(fresh):
    expected = {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1,
                "busy_timeout": SQLITE_BUSY_TIMEOUT_MS}
    assert SQLITE_BUSY_TIMEOUT_MS >= 1000
    engine = make_engine(url_of(fresh))
    assert pragmas(engine) == expected
    engine.dispose()  # the next connection is a brand-new one
    assert pragmas(engine) == expected
    with engine.connect() as a, engine.connect() as b:
        assert a.connection.dbapi_connection is not b.connection.dbapi_connection
        assert b.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()
    # a plain sqlite3 connection has none of them: the engine is what sets them
    con = sqlite3.connect(fresh)
    assert con.execute("PRAGMA foreign_keys").fetchone()[0] == 0
    con.close()


def test_foreign_keys_are_enforced(fresh):
    database = Database.open(url_of(fresh))
    with pytest.raises(Exception, match="FOREIGN KEY"):
        with database.write() as s:
            s.execute(text("INSERT INTO unit (building_id, code, created_at) VALUES (999, 'X-1', '2026-01-01')"))
    database.dispose()


def test_a_reader_is_not_blocked_by_an_open_write(fresh):
    database = Database.open(url_of(fresh))
    with database.write() as w:
        w.execute(text("UPDATE setting SET value = '7'"))
        with database.read() as r:  # WAL: readers see the last commit while a write is open
            assert r.execute(text("SELECT value FROM setting")).scalar_one() == "6"
    with database.read() as r:
        assert r.execute(text("SELECT value FROM setting")).scalar_one() == "7"
    database.dispose()


@pytest.mark.parametrize(
    "url",
    [
        "sqlite:///\\\\fileserver\\share\\reception.sqlite",  # \\server\share (UNC)
        "sqlite://///fileserver/share/reception.sqlite",  # //server/share
        "sqlite:///\\\\fileserver/share/reception.sqlite",  # mixed separators
    ],
)
def test_network_paths_are_refused(url):
    with pytest.raises(DatabaseLocationError) as info:
        make_engine(url)
    assert info.value.key == "db.network_path"
    assert "fileserver" in info.value.path
    with pytest.raises(DatabaseLocationError):
        Database.open(url)


def test_local_path_is_accepted_and_its_folder_created(tmp_path):
    path = tmp_path / "deep" / "er" / "reception.sqlite"
    engine = make_engine(url_of(path))
    assert path.parent.is_dir()
    assert sqlite_path(engine.url) == path
    assert sqlite_path("sqlite://") is None and sqlite_path("sqlite:///:memory:") is None
    engine.dispose()


# -- upgrading existing databases -----------------------------------------------------------


def test_second_upgrade_is_a_no_op_without_backup(fresh):
    before = digest(fresh)
    database = Database.open(url_of(fresh))
    result = upgrade(database.engine)
    database.dispose()
    assert (result.before, result.after, result.backup) == (head_revision(), head_revision(), None)
    assert sorted(p.name for p in fresh.parent.iterdir()) == [fresh.name]
    assert digest(fresh) == before


def test_newer_schema_is_refused_and_left_untouched(fresh):
    stamp(fresh, "ffff9999")
    before = digest(fresh)
    database = Database.open(url_of(fresh))
    with pytest.raises(SchemaTooNewError) as info:
        upgrade(database.engine)
    database.dispose()
    assert info.value.revision == "ffff9999"
    assert info.value.key == "db.schema_too_new"
    assert digest(fresh) == before
    assert sorted(p.name for p in fresh.parent.iterdir()) == [fresh.name]  # and no backup


def test_existing_file_with_an_empty_version_table_is_migrated(tmp_path):
    # what Alembic leaves at "base": the version table exists but holds no row
    path = tmp_path / "base.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
                "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))")
    con.close()
    database = Database.open(url_of(path))
    assert current_revision(database.engine) is None
    result = upgrade(database.engine)
    assert (result.before, result.after) == (None, head_revision())
    # nothing but an empty version table existed, so there was nothing to back up
    assert result.backup is None
    assert schema_diff(database.engine) == []
    database.dispose()


def test_backup_sqlite_copies_committed_data_still_in_the_wal(fresh):
    database = Database.open(url_of(fresh))
    keeper = sqlite3.connect(fresh)  # an open connection keeps the WAL from being folded in
    keeper.execute("SELECT count(*) FROM setting").fetchone()
    with database.write() as s:
        s.execute(text("INSERT INTO setting (key, value) VALUES ('day.end_time', '\"21:00\"')"))
    assert Path(str(fresh) + "-wal").stat().st_size > 0
    first = backup_sqlite(database.engine, "0001")
    second = backup_sqlite(database.engine, "0001")
    keeper.close()
    database.dispose()
    assert first != second and first.exists() and second.exists()
    for copy in (first, second):
        assert copy.parent == fresh.parent
        assert copy.name.startswith("reception.before-0001-") and copy.suffix == ".sqlite"
        con = sqlite3.connect(copy)
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert dict(con.execute("SELECT key, value FROM setting")) == {
            "visitor.overstay_hours": "6", "day.end_time": '"21:00"'}
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
        con.close()


def test_backup_sqlite_of_nothing_is_none(tmp_path):
    assert backup_sqlite(make_engine("sqlite://"), "x") is None
    engine = make_engine(url_of(tmp_path / "not-yet.sqlite"))
    assert backup_sqlite(engine, "x") is None
    engine.dispose()


# An older revision cannot exist while the program has a single migration. These tests add a
# second revision in a copy of the packaged migrations folder and point db.migrate at it, so
# upgrade() really runs from 0001 to a newer head through Alembic; nothing else is replaced.

EXTRA_REVISION = '''
"""test-only revision on top of the packaged head"""
import sqlalchemy as sa
from alembic import op

revision = "9002"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("test_extra", sa.Column("id", sa.Integer, primary_key=True))
    {fail}


def downgrade():
    op.drop_table("test_extra")
'''


def migrations_with_extra(tmp_path: Path, monkeypatch, *, fail: bool) -> None:
    target = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, target, ignore=shutil.ignore_patterns("__pycache__"))
    (target / "versions" / "9002_test_extra.py").write_text(EXTRA_REVISION.format(
        head=head_revision(), fail="raise RuntimeError('boom')" if fail else "pass"), encoding="utf-8")
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", target)


def test_database_at_an_older_revision_is_backed_up_then_migrated(fresh, tmp_path, monkeypatch):
    old_head = head_revision()
    migrations_with_extra(tmp_path, monkeypatch, fail=False)
    assert head_revision() == "9002"
    database = Database.open(url_of(fresh))
    result = upgrade(database.engine)
    database.dispose()
    assert (result.before, result.after) == (old_head, "9002")
    assert result.backup is not None and result.backup.exists()
    assert "test_extra" in sqlite_objects(fresh, "table")
    con = sqlite3.connect(result.backup)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == old_head
    assert con.execute("SELECT value FROM setting").fetchone()[0] == "6"
    assert "test_extra" not in {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
    con.close()


def test_failed_migration_rolls_back_and_keeps_the_backup(fresh, tmp_path, monkeypatch):
    old_head = head_revision()
    migrations_with_extra(tmp_path, monkeypatch, fail=True)
    database = Database.open(url_of(fresh))
    with pytest.raises(MigrationFailedError) as info:
        upgrade(database.engine)
    assert info.value.key == "db.migration_failed"
    assert "boom" in str(info.value.cause)
    assert current_revision(database.engine) == old_head
    database.dispose()
    assert "test_extra" not in sqlite_objects(fresh, "table")  # the half-done step was undone
    assert info.value.backup is not None and info.value.backup.exists()
    con = sqlite3.connect(info.value.backup)
    assert con.execute("SELECT value FROM setting").fetchone()[0] == "6"
    con.close()


# -- Money --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def money_table(tmp_path_factory):
    metadata = MetaData()
    table = Table("payment", metadata, Column("id", Integer, primary_key=True), Column("amount", Money))
    engine = make_engine(url_of(tmp_path_factory.mktemp("money") / "money.sqlite"))
    metadata.create_all(engine)
    yield engine, table
    engine.dispose()


def put_and_get(money_table, value):
    engine, table = money_table
    with engine.begin() as conn:
        new_id = conn.execute(insert(table).values(amount=value)).inserted_primary_key[0]
        got = conn.execute(select(table.c.amount).where(table.c.id == new_id)).scalar_one()
        stored = conn.exec_driver_sql("SELECT amount, typeof(amount) FROM payment WHERE id = ?",
                                      (new_id,)).one()
    return got, stored


@pytest.mark.parametrize(
    ("value", "back", "fen"),
    [
        (Decimal("12.34"), Decimal("12.34"), 1234),
        (Decimal("0.10"), Decimal("0.10"), 10),
        (Decimal("0.1"), Decimal("0.10"), 10),
        (Decimal("-5.05"), Decimal("-5.05"), -505),
        (Decimal("1.230"), Decimal("1.23"), 123),  # three decimals written, but worth two
        (Decimal("99999999999.99"), Decimal("99999999999.99"), 9999999999999),
        (7, Decimal("7.00"), 700),
        (Decimal(0), Decimal("0.00"), 0),
    ],
)
def test_money_round_trips_as_integer_fen(money_table, value, back, fen):
    got, (raw, kind) = put_and_get(money_table, value)
    assert isinstance(got, Decimal)
    assert got == back and str(got) == str(back)
    assert (raw, kind) == (fen, "integer")


def test_money_null(money_table):
    got, (raw, _) = put_and_get(money_table, None)
    assert got is None and raw is None


def test_money_refuses_floats(money_table):
    with pytest.raises(StatementError) as info:
        put_and_get(money_table, 12.34)
    assert isinstance(info.value.orig, TypeError)


@pytest.mark.parametrize("value", [Decimal("1.234"), Decimal("0.001"), Decimal("-0.005")])
def test_money_refuses_more_than_two_decimals(money_table, value):
    with pytest.raises(StatementError) as info:
        put_and_get(money_table, value)
    assert isinstance(info.value.orig, ValueError)


def test_money_compares_in_queries(money_table):
    engine, table = money_table
    put_and_get(money_table, Decimal("42.42"))
    with engine.connect() as conn:
        hits = conn.execute(select(table.c.amount).where(table.c.amount == Decimal("42.42"))).scalars().all()
    assert hits and all(h == Decimal("42.42") for h in hits)


@settings(max_examples=60, deadline=None)
@given(st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=2,
                   allow_nan=False, allow_infinity=False))
def test_money_round_trip_property(money_table, value):
    got, (raw, _) = put_and_get(money_table, value)
    assert got == value
    assert raw == int(value * 100)
