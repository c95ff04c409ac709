"""Staff accounts, roles, the hash-chained audit log, append-only guards, occupant files."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from sqlalchemy import exc as sa_exc
from sqlalchemy import text

from app.context import AppContext
from app.errors import (
    AuthenticationError,
    ConflictError,
    PermissionDeniedError,
    ValidationError,
)
from app.security import verify_password
from app.services import Services
from app.services.occupants import MemberInput, OccupantInput
from app.services.visitors import VisitInput, VisitQuery
from app.validation import id_check_char
from db.engine import sqlite_path
from tests.conftest import sign_in_as

THIRTY_HANZI = "春眠不觉晓处处闻啼鸟夜来风雨声花落知多少床前明月光疑是地上霜"
assert len(THIRTY_HANZI) == 30


def raw(svc: Services) -> sqlite3.Connection:
    """A plain sqlite3 connection to the same file, outside every service and session."""
    return sqlite3.connect(sqlite_path(svc.ctx.db.url), isolation_level=None)


def stored_hash(svc: Services, username: str) -> str:
    with svc.ctx.db.read() as s:
        return s.execute(text("SELECT password_hash FROM staff WHERE username = :u"),
                         {"u": username}).scalar_one()


def audit_count(svc: Services) -> int:
    with svc.ctx.db.read() as s:
        return s.execute(text("SELECT count(*) FROM audit_log")).scalar_one()


# -- the template the fast fixture copies matches tests/conftest.py ------------------------------


def test_fast_fixture_holds_the_same_data_as_the_conftest_one(services, svc):
    def state(x: Services):
        return (
            [(s.username, s.display_name, s.role, s.active) for s in x.staff.list()],
            [(u.code, u.floor) for u in x.property.units()],
            [(o.unit_code, o.name, o.phone, o.kind) for o in x.occupants.search("", limit=100)],
            x.property.profile(),
            x.ctx.operator.username,
        )

    assert state(svc) == state(services)


# -- first administrator ---------------------------------------------------------------------


def test_first_admin_only_once(db):
    svc = Services(AppContext(db))
    assert not svc.staff.has_any()
    admin = svc.staff.create_first_admin(" Boss ", "管理员", "first-pass")
    assert (admin.username, admin.role, admin.active) == ("boss", "admin", True)
    assert svc.staff.has_any()
    with pytest.raises(ConflictError) as info:
        svc.staff.create_first_admin("other", "另一个", "other-pass")
    assert info.value.key == "staff.already_initialised"
    assert [s.username for s in svc.staff.list()] == ["boss"]
    [entry] = svc.audit.recent()
    assert (entry.action, entry.staff_id, entry.entity_id) == ("staff.create", admin.id, admin.id)
    assert "first-pass" not in str(entry.after)


def test_first_admin_is_validated(db):
    svc = Services(AppContext(db))
    with pytest.raises(ValidationError) as info:
        svc.staff.create_first_admin("bad name!", "", "12345")
    assert set(info.value.fields) == {"username", "display_name", "password"}
    assert not svc.staff.has_any()


# -- signing in and out ----------------------------------------------------------------------


def test_sign_in_and_out(svc):
    op = sign_in_as(svc, "reception")
    assert (op.username, op.display_name, op.role) == ("reception", "王芳", "receptionist")
    assert svc.ctx.operator == op
    assert not op.sees_full_documents
    last = svc.audit.recent(1)[0]
    assert (last.action, last.staff_id, last.before, last.after) == (
        "staff.sign_in", op.id, {"operator": "admin"}, {"operator": "reception"})
    svc.staff.sign_out()
    assert svc.ctx.operator is None
    assert svc.audit.recent(1)[0].action == "staff.sign_out"
    with pytest.raises(AuthenticationError):
        svc.staff.create("x1", "某", "receptionist", "xxxxxxx")
    with pytest.raises(AuthenticationError):
        svc.settings.set("visitor.overstay_hours", 4)
    n = audit_count(svc)
    svc.staff.sign_out()  # nobody is signed in: nothing happens
    assert audit_count(svc) == n


def test_user_name_is_not_case_sensitive(svc):
    assert svc.staff.sign_in(" RECEPTION ", "front-pass").username == "reception"


@pytest.mark.parametrize(("user", "password"), [("reception", "front-pasS"), ("reception", ""),
                                                ("reception", "super-pass"), ("nobody", "front-pass"),
                                                ("", "")])
def test_wrong_credentials_are_refused_and_leave_the_operator_alone(svc, user, password):
    n = audit_count(svc)
    with pytest.raises(AuthenticationError) as info:
        svc.staff.sign_in(user, password)
    assert info.value.key == "auth.bad_credentials"
    assert svc.ctx.operator.username == "admin"
    assert audit_count(svc) == n


def test_disabled_account_cannot_sign_in(svc):
    reception = next(s for s in svc.staff.list() if s.username == "reception")
    assert svc.staff.set_active(reception.id, False).active is False
    with pytest.raises(AuthenticationError):
        svc.staff.sign_in("reception", "front-pass")
    svc.staff.set_active(reception.id, True)
    assert sign_in_as(svc, "reception").username == "reception"


# -- roles -----------------------------------------------------------------------------------


def test_receptionist_cannot_manage_staff_or_settings(svc):
    others = {s.username: s.id for s in svc.staff.list()}
    op = sign_in_as(svc, "reception")
    n = audit_count(svc)
    with pytest.raises(PermissionDeniedError):
        svc.staff.create("newbie", "新人", "receptionist", "newbie-pass")
    with pytest.raises(PermissionDeniedError):
        svc.staff.create("boss2", "新人", "admin", "newbie-pass")
    with pytest.raises(PermissionDeniedError):
        svc.settings.set("visitor.overstay_hours", 4)
    with pytest.raises(PermissionDeniedError):
        svc.staff.set_active(others["super"], False)
    with pytest.raises(PermissionDeniedError):
        svc.staff.change_password(others["super"], "hijacked")
    with pytest.raises(PermissionDeniedError):
        svc.property.add_building("C", "C栋")
    assert audit_count(svc) == n
    assert svc.settings.get("visitor.overstay_hours") == 8
    assert "newbie" not in {s.username for s in svc.staff.list()}
    # but one's own password is one's own business
    svc.staff.change_password(op.id, "new-front-pass")
    assert svc.staff.sign_in("reception", "new-front-pass").id == op.id


@pytest.mark.parametrize(("user", "may_set", "may_create_staff"),
                         [("super", True, False), ("manager", True, False), ("admin", True, True)])
def test_roles_above_receptionist(svc, user, may_set, may_create_staff):
    sign_in_as(svc, user)
    svc.settings.set("visitor.overstay_hours", 4)
    assert svc.settings.get("visitor.overstay_hours") == 4
    if may_create_staff:
        assert svc.staff.create("newbie", "新人", "receptionist", "newbie-pass").role == "receptionist"
    else:
        with pytest.raises(PermissionDeniedError):
            svc.staff.create("newbie", "新人", "receptionist", "newbie-pass")


def test_settings_are_checked_and_audited(svc):
    with pytest.raises(Exception) as info:
        svc.settings.set("visitor.overstay_hours", 0)
    assert info.value.key == "setting.overstay_range"
    with pytest.raises(Exception) as info:
        svc.settings.set("day.end_time", "25:99")
    assert info.value.key == "setting.time_format"
    with pytest.raises(Exception) as info:
        svc.settings.set("no.such.key", 1)
    assert info.value.key == "setting.unknown"
    svc.settings.set("day.end_time", "21:30")
    last = svc.audit.recent(1)[0]
    assert (last.action, last.before, last.after) == ("setting.set", {"day.end_time": "22:00"},
                                                      {"day.end_time": "21:30"})


def test_staff_creation_is_validated(svc):
    with pytest.raises(ValidationError) as info:
        svc.staff.create("Reception", "重名", "receptionist", "whatever")
    assert info.value.fields["username"].key == "username.taken"
    with pytest.raises(ValidationError) as info:
        svc.staff.create("new", "新人", "janitor", "short")
    assert set(info.value.fields) == {"role", "password"}


# -- passwords ---------------------------------------------------------------------------------


def test_only_an_argon2id_hash_is_stored(svc):
    h = stored_hash(svc, "reception")
    assert h.startswith("$argon2id$")
    assert "front-pass" not in h
    assert verify_password(h, "front-pass")
    assert not verify_password(h, "front-pass ")
    svc.staff.create("twin", "双胞胎", "receptionist", "front-pass")
    assert stored_hash(svc, "twin") != h  # salted


def test_a_thirty_character_chinese_password_works(svc):
    me = svc.staff.create("poet", "诗人", "receptionist", THIRTY_HANZI)
    assert len(THIRTY_HANZI.encode()) == 90  # longer than bcrypt's 72-byte limit
    assert svc.staff.sign_in("poet", THIRTY_HANZI).id == me.id
    # differs only after the 24th character (72 bytes): must not be truncated away
    with pytest.raises(AuthenticationError):
        svc.staff.sign_in("poet", THIRTY_HANZI[:24] + "一二三四五六")
    with pytest.raises(AuthenticationError):
        svc.staff.sign_in("poet", THIRTY_HANZI[:29])


# -- the audit chain ------------------------------------------------------------------------------


def busy_day(svc: Services) -> None:
    first17 = "44030619900307123"
    v = svc.visitors.register(VisitInput("张伟", "mainland_id", first17 + id_check_char(first17), "拜访",
                                         host_unit_code="A-1203", badge_number="V1"))
    svc.visitors.amend(v.id, {"company": "甲公司"}, "补公司")
    svc.visitors.sign_out_by_badge("V1")
    svc.settings.set("visitor.overstay_hours", 6)
    sign_in_as(svc, "reception")


def test_audit_chain_verifies(svc):
    busy_day(svc)
    assert audit_count(svc) > 15
    assert svc.audit.verify_chain() is None


def test_audit_chain_of_an_empty_log_verifies(db):
    assert Services(AppContext(db)).audit.verify_chain() is None


@pytest.mark.parametrize("column", ["after", "action", "staff_id", "entity_id", "at"])
def test_edited_audit_row_is_found(svc, column):
    busy_day(svc)
    with svc.ctx.db.read() as s:
        ids = [r[0] for r in s.execute(text("SELECT id FROM audit_log ORDER BY id"))]
    victim = ids[len(ids) // 2]
    new_value = {"after": "'{\"forged\": true}'", "action": "'visit.nothing'", "staff_id": "3",
                 "entity_id": "777", "at": "'2020-01-01 00:00:00.000000'"}[column]
    con = raw(svc)
    con.execute("DROP TRIGGER trg_audit_log_no_update")
    con.execute(f"UPDATE audit_log SET {column} = {new_value} WHERE id = ?", (victim,))
    con.close()
    assert svc.audit.verify_chain() == victim


def test_rehashed_forgery_is_found_at_the_next_row(svc):
    busy_day(svc)
    from app.services.audit import _digest
    from db.models import AuditEntry

    with svc.ctx.db.read() as s:
        ids = [r[0] for r in s.execute(text("SELECT id FROM audit_log ORDER BY id"))]
        victim = s.get(AuditEntry, ids[3])
        victim.after = '{"forged": true}'
        forged_hash = _digest(victim.prev_hash, victim)
    con = raw(svc)
    con.execute("DROP TRIGGER trg_audit_log_no_update")
    con.execute("UPDATE audit_log SET after = ?, hash = ? WHERE id = ?",
                ('{"forged": true}', forged_hash, ids[3]))
    con.close()
    assert svc.audit.verify_chain() == ids[4]


def test_removed_audit_row_is_found(svc):
    busy_day(svc)
    with svc.ctx.db.read() as s:
        ids = [r[0] for r in s.execute(text("SELECT id FROM audit_log ORDER BY id"))]
    con = raw(svc)
    con.execute("DROP TRIGGER trg_audit_log_no_delete")
    con.execute("DELETE FROM audit_log WHERE id = ?", (ids[5],))
    con.close()
    assert svc.audit.verify_chain() == ids[6]


# -- append-only guards in the database itself --------------------------------------------------


@pytest.fixture
def one_amended_visit(svc):
    first17 = "11010819851120456"
    v = svc.visitors.register(VisitInput("李四", "mainland_id", first17 + id_check_char(first17), "拜访",
                                         host_unit_code="A-1204"))
    svc.visitors.amend(v.id, {"purpose": "面试"}, "更正来访事由")
    return v.id


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        ("UPDATE audit_log SET action = 'x'", "audit_log is append-only"),
        ("UPDATE audit_log SET hash = hash WHERE id = (SELECT max(id) FROM audit_log)",
         "audit_log is append-only"),
        ("DELETE FROM audit_log", "audit_log rows are never deleted"),
        ("DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)", "never deleted"),
        ("UPDATE visit_amendment SET reason = 'x'", "visit_amendment is append-only"),
        ("DELETE FROM visit_amendment", "visit_amendment rows are never deleted"),
        ("DELETE FROM visit", "visit rows are never deleted"),
    ],
)
def test_append_only_tables_refuse_raw_sql(svc, one_amended_visit, sql, message):
    def snapshot(con):
        return [con.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                for t in ("audit_log", "visit_amendment", "visit")]

    con = raw(svc)
    before = snapshot(con)
    with pytest.raises(sqlite3.IntegrityError, match=message):
        con.execute(sql)
    assert snapshot(con) == before
    con.close()
    # the same through the application's own engine and session
    with pytest.raises(sa_exc.DatabaseError, match=message):
        with svc.ctx.db.write() as s:
            s.execute(text(sql))
    con = raw(svc)
    assert snapshot(con) == before
    con.close()


def test_visit_rows_may_still_be_updated_for_sign_out(svc, one_amended_visit):
    svc.visitors.sign_out(one_amended_visit)
    assert svc.visitors.get(one_amended_visit).time_out is not None


# -- occupant files ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("A-12", ["张三", "欧阳娜娜"]),  # unit prefix
        ("a-1203", ["张三"]),
        ("B-03", ["周杰"]),
        ("张", ["张三"]),  # name prefix
        ("欧阳", ["欧阳娜娜"]),
        ("zs", ["张三"]),  # pinyin initials
        ("ZS", ["张三"]),
        ("ｚｓ", ["张三"]),  # full-width input method
        ("Ａ－１２０３", ["张三"]),
        ("oynn", ["欧阳娜娜"]),
        ("zj", ["周杰"]),
        ("5678", ["张三"]),  # last four digits of the phone
        ("1111", ["欧阳娜娜"]),
        ("137000", ["周杰"]),  # phone prefix
        ("王", []),
        ("", ["张三", "欧阳娜娜", "周杰"]),
    ],
)
def test_occupant_search(svc, typed, expected):
    assert [o.name for o in svc.occupants.search(typed)] == expected


def test_create_occupant_with_members(svc):
    sign_in_as(svc, "super")
    o = svc.occupants.create(OccupantInput(
        " A-0501 ", " 司马 相如 ", "+86 136-0000-9876", "tenant", move_in_date=date(2024, 5, 1),
        emergency_name="卓文君", emergency_phone="0755-88886666", note="养狗",
        members=(MemberInput("司马小", "子女"), MemberInput("卓王孙", "父亲", "13512340000")),
    ))
    assert (o.unit_code, o.name, o.phone, o.kind, o.label) == (
        "A-0501", "司马 相如", "13600009876", "tenant", "A-0501 司马 相如")
    assert o.emergency_phone == "075588886666"
    assert [(m.name, m.relation, m.phone) for m in svc.occupants.get(o.id).members] == [
        ("司马小", "子女", ""), ("卓王孙", "父亲", "13512340000")]
    assert o.phone_masked == "136****9876"
    assert [x.id for x in svc.occupants.search("smxr")] == [o.id]
    assert [x.id for x in svc.occupants.search("9876")] == [o.id]
    [entry] = svc.audit.for_entity("occupant", o.id)
    assert entry.action == "occupant.create" and entry.after["name"] == "司马 相如"


def test_invalid_occupant_lists_every_field_and_writes_nothing(svc):
    n = audit_count(svc)
    with pytest.raises(ValidationError) as info:
        svc.occupants.create(OccupantInput("", "", "12", "landlord", move_in_date=date(2999, 1, 1),
                                           emergency_phone="abc",
                                           members=(MemberInput("", phone="1"),)))
    assert set(info.value.fields) == {"unit", "name", "phone", "kind", "move_in_date",
                                      "emergency_phone", "members.0.name", "members.0.phone"}
    with pytest.raises(ValidationError) as info:
        svc.occupants.create(OccupantInput("Z-9999", "某人"))
    assert info.value.fields["unit"].key == "unit.not_found"
    assert audit_count(svc) == n
    assert len(svc.occupants.search("", limit=100)) == 3


def test_update_occupant_is_audited_with_before_and_after(svc):
    [zs] = svc.occupants.search("zs")
    updated = svc.occupants.update(zs.id, OccupantInput("A-1204", "张三丰", "13811112222", "owner",
                                                        members=()))
    assert (updated.id, updated.unit_code, updated.name, updated.phone, updated.members) == (
        zs.id, "A-1204", "张三丰", "13811112222", ())
    assert svc.occupants.search("5678") == []  # the old phone no longer finds him
    assert [o.id for o in svc.occupants.search("zsf")] == [zs.id]
    assert [o.id for o in svc.occupants.search("12222")] == [zs.id]  # last digits
    entry = svc.audit.for_entity("occupant", zs.id)[-1]
    assert entry.action == "occupant.update"
    assert entry.before["name"] == "张三" and entry.after["name"] == "张三丰"
    assert entry.before["phone"] == "13812345678" and entry.after["phone"] == "13811112222"
    assert entry.before["unit_id"] != entry.after["unit_id"]
    assert entry.before["members"] == [{"name": "李梅", "relation": "配偶", "phone": "13987654321"}]
    assert entry.after["members"] == []
    assert svc.audit.verify_chain() is None


def test_moved_out_occupant_leaves_the_search_but_keeps_the_file(svc):
    [zj] = svc.occupants.search("zj")
    svc.occupants.set_active(zj.id, False)
    assert svc.occupants.search("zj") == []
    assert svc.occupants.get(zj.id).active is False
    entry = svc.audit.for_entity("occupant", zj.id)[-1]
    assert (entry.action, entry.before, entry.after) == ("occupant.set_active", {"active": True},
                                                         {"active": False})


def test_two_counters_writing_at_once_keep_one_unbroken_chain(svc):
    """Two PCs on one database file: every write is serialised, so the chain never forks."""
    import threading

    from app.context import Operator
    from db.engine import Database

    second = Services(AppContext(Database.open(str(svc.ctx.db.url)), svc.ctx.operator))
    other = next(s for s in svc.staff.list() if s.username == "reception")
    second.ctx.operator = Operator(other.id, other.username, other.display_name, other.role)
    errors: list[BaseException] = []

    def work(s: Services, tag: str) -> None:
        try:
            for i in range(15):
                v = s.visitors.register(VisitInput(f"{tag}{i}", "passport", f"{tag}X{i:05d}", "拜访",
                                                   host_unit_code="A-1203"))
                s.visitors.sign_out(v.id)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(svc, "A")), threading.Thread(target=work, args=(second, "B"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    second.ctx.db.dispose()
    assert errors == []
    with svc.ctx.db.read() as s:
        prevs = [r[0] for r in s.execute(text("SELECT prev_hash FROM audit_log"))]
        chain = s.execute(text("SELECT value FROM counter WHERE name = 'audit_chain'")).scalar_one()
    assert len(prevs) == len(set(prevs))  # no two rows claim the same predecessor
    assert chain == len(prevs)
    assert svc.audit.verify_chain() is None
    assert svc.visitors.count(VisitQuery()) == 30


def test_audit_rows_cut_off_the_end_are_found(svc):
    busy_day(svc)
    with svc.ctx.db.read() as s:
        ids = [r[0] for r in s.execute(text("SELECT id FROM audit_log ORDER BY id"))]
    con = raw(svc)
    con.execute("DROP TRIGGER trg_audit_log_no_delete")
    con.execute("DELETE FROM audit_log WHERE id >= ?", (ids[-3],))
    con.commit()
    con.close()
    # What is left still chains, but the counter knows more rows were written.
    assert svc.audit.verify_chain() == ids[-4] + 1
