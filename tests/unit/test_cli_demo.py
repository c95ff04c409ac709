"""``reception demo``: a realistic demo property, through the services, on a real SQLite file.

The demo takes a few seconds, so it is built once for this module and the tests read it.
"""

from __future__ import annotations

import contextlib
import io
import re
import time
from collections import Counter
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.context import AppContext
from app.demo import ACCOUNTS, DemoRefused, fill_demo
from app.errors import AuthenticationError
from app.services import Services
from app.services.visitors import VisitQuery
from app.validation import normalize_document, normalize_phone
from db.engine import Database
from db.migrate import upgrade
from db.models import AuditEntry, Occupant, OccupantMember, Staff, Unit, Visit


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """A demo database made by ``reception demo``: (url, exit status, stdout, seconds)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.sqlite'}"
    out, err = io.StringIO(), io.StringIO()
    started = time.process_time()  # CPU time: wall time swings with the machine's load
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = main(["demo", "--db", url])
    elapsed = time.process_time() - started
    assert rc == 0, err.getvalue()
    return url, out.getvalue(), elapsed


@pytest.fixture
def svc(demo):
    database = Database.open(demo[0])
    yield Services(AppContext(database))
    database.dispose()


def test_demo_is_fast_and_prints_the_accounts(demo):
    _, out, elapsed = demo
    assert elapsed < 30
    for acc in ACCOUNTS:
        assert re.search(rf"{acc.username}\s+{re.escape(acc.password)}", out)
    assert "300 units" in out


def test_login_hint_lists_the_accounts():
    from app.demo import DemoSummary

    hint = DemoSummary("x", 0, 0, 0, 0, 0, 0, 0, date.today(), date.today()).login_hint
    assert all(f"{a.username} / {a.password}" in hint for a in ACCOUNTS)


def test_every_demo_account_signs_in_with_its_documented_password(svc):
    roles = set()
    for acc in ACCOUNTS:
        op = svc.staff.authenticate(acc.username, acc.password)
        roles.add(op.role)
    assert roles == {"admin", "receptionist", "supervisor", "manager", "general_manager"}
    assert sum(a.role == "receptionist" for a in ACCOUNTS) == 2
    # The system account the CLI acted as exists, but nobody can sign in with it.
    with svc.ctx.db.read() as s:
        system = s.execute(select(Staff).where(Staff.username == "system")).scalar_one()
        assert system.active is False and system.role == "admin"
    with pytest.raises(AuthenticationError):
        svc.staff.authenticate("system", "")


def test_property_buildings_units_and_occupants(svc):
    assert svc.property.profile().name == "阳光花园"
    assert [b.code for b in svc.property.buildings()] == ["A", "B", "C"]
    units = svc.property.units()
    assert len(units) == 300
    assert all(re.fullmatch(r"[ABC]-\d{4}", u.code) and u.floor for u in units)
    with svc.ctx.db.read() as s:
        occupants = list(s.execute(select(Occupant)).scalars())
        members = s.execute(select(func.count(OccupantMember.id))).scalar_one()
        units_with_people = s.execute(select(func.count(func.distinct(Occupant.unit_id)))).scalar_one()
        s.expunge_all()  # keep the loaded rows readable after the read session ends
    assert 540 <= len(occupants) <= 660
    assert units_with_people == 300
    kinds = Counter(o.kind for o in occupants)
    assert kinds["owner"] > kinds["tenant"] > 50
    assert members > 300
    assert sum(1 for o in occupants if o.emergency_name and o.emergency_phone) > len(occupants) // 2
    for o in occupants:
        assert 2 <= len(o.name) <= 4 and all("\u4e00" <= c <= "\u9fff" for c in o.name)
        assert normalize_phone(o.phone) == o.phone and len(o.phone) == 11
        assert o.move_in_date is not None and o.move_in_date <= date.today()
        assert o.name_initials  # searchable by pinyin initials
    assert len({o.phone for o in occupants}) == len(occupants)


def test_two_weeks_of_visits(svc):
    today = date.today()
    with svc.ctx.db.read() as s:
        visits = list(s.execute(select(Visit)).scalars())
        receptionists = {r for (r,) in s.execute(
            select(Staff.username).join(Visit, Visit.created_by_id == Staff.id).distinct())}
        s.expunge_all()
    days = Counter(v.time_in.date() for v in visits)
    assert sorted(days) == [today - timedelta(days=n) for n in range(13, -1, -1)]
    for day, n in days.items():
        if day != today:
            assert 40 <= n <= 80, (day, n)
            assert all(8 <= v.time_in.hour < 20 for v in visits if v.time_in.date() == day)
    assert receptionists == {"reception1", "reception2"}
    assert all(v.time_in <= datetime.now() for v in visits)

    doc_types = Counter(v.doc_type for v in visits)
    assert doc_types["mainland_id"] > 0.8 * len(visits)
    assert doc_types["hkmt_permit"] > 0 and doc_types["passport"] > 0
    for v in visits:  # every document number passes the counter's own validation
        assert normalize_document(v.doc_type, v.doc_number) == v.doc_number

    purposes = Counter(v.purpose for v in visits)
    assert {"送货", "装修", "拜访", "维修", "面试", "快递"} <= set(purposes)
    assert sum(1 for v in visits if v.vehicle_plate) > 50
    assert sum(1 for v in visits if v.badge_number) > 200
    assert sum(1 for v in visits if v.party_size > 1) > 20
    returning = Counter(v.doc_number for v in visits)
    assert sum(1 for n in returning.values() if n >= 3) >= 10

    signed_out = [v for v in visits if v.time_out is not None]
    assert len(signed_out) > 0.95 * len(visits)
    assert all(v.time_out >= v.time_in and v.signed_out_by_id for v in signed_out)
    # On-site badges are unique: sign-out by badge must find exactly one visitor.
    on_site_badges = [v.badge_number for v in visits if v.time_out is None and v.badge_number]
    assert len(on_site_badges) == len(set(on_site_badges))


def test_some_on_site_today_and_an_overstay(svc):
    on_site = svc.visitors.on_site()
    assert any(v.time_in.date() == date.today() for v in on_site)
    assert 1 <= sum(v.overstay for v in on_site) <= 3
    assert svc.visitors.count(VisitQuery(on_site_only=True)) == len(on_site)


def test_everything_is_audited_and_the_chain_holds(svc):
    with svc.ctx.db.read() as s:
        actions = Counter(a for (a,) in s.execute(select(AuditEntry.action)))
        n_visits = s.execute(select(func.count(Visit.id))).scalar_one()
        n_signed_out = s.execute(select(func.count(Visit.id)).where(Visit.time_out.is_not(None))).scalar_one()
        n_occupants = s.execute(select(func.count(Occupant.id))).scalar_one()
        n_units = s.execute(select(func.count(Unit.id))).scalar_one()
        amended = s.execute(select(func.count(Visit.id)).where(Visit.amendment_count > 0)).scalar_one()
    assert actions["visit.register"] == n_visits
    assert actions["visit.sign_out"] == n_signed_out
    assert actions["occupant.create"] == n_occupants
    assert actions["unit.create"] == n_units
    assert actions["staff.create"] == len(ACCOUNTS) + 1  # and the system account
    assert actions["visit.amend"] == amended >= 1
    assert svc.audit.verify_chain() is None
    # The audit log never holds a full ID number.
    with svc.ctx.db.read() as s:
        text = " ".join(a or "" for (a,) in s.execute(select(AuditEntry.after)))
    assert not re.search(r"\d{17}[\dX]", text)


def test_a_second_run_is_refused_and_changes_nothing(demo, svc, capsys):
    with svc.ctx.db.read() as s:
        before = s.execute(select(func.count(AuditEntry.id))).scalar_one()
    assert main(["demo", "--db", demo[0]]) == 1
    captured = capsys.readouterr()
    assert "already has staff accounts" in captured.err
    assert "Traceback" not in captured.err
    with svc.ctx.db.read() as s:
        assert s.execute(select(func.count(AuditEntry.id))).scalar_one() == before


def test_demo_refuses_a_database_with_real_accounts(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'real.sqlite'}"
    database = Database.open(url)
    upgrade(database.engine)
    Services(AppContext(database)).staff.create_first_admin("boss", "老板", "secret-pass")
    with pytest.raises(DemoRefused):
        fill_demo(Services(AppContext(database)))
    assert Services(AppContext(database)).staff.has_any()
    database.dispose()
    assert main(["demo", "--db", url]) == 1
    assert "demo only fills an empty database" in capsys.readouterr().err


@pytest.mark.slow
def test_same_seed_same_data(tmp_path):
    """Two runs with one seed at one moment give the same people and visits."""
    at = datetime.combine(date.today(), datetime.min.time()) + timedelta(hours=7, minutes=30)
    if at > datetime.now():  # the demo never writes the future
        at -= timedelta(days=1)

    def snapshot(name: str) -> tuple:
        database = Database.open(f"sqlite:///{tmp_path / name}")
        upgrade(database.engine)
        summary = fill_demo(Services(AppContext(database)), seed=7, at=at)
        with database.read() as s:
            people = [tuple(r) for r in s.execute(select(Occupant.name, Occupant.phone).order_by(Occupant.id))]
            visits = [tuple(r) for r in s.execute(
                select(Visit.visitor_name, Visit.doc_number, Visit.time_in, Visit.time_out).order_by(Visit.id))]
        database.dispose()
        return summary.visits, people, visits

    first = snapshot("one.sqlite")
    assert first == snapshot("two.sqlite")
    assert first[0] > 500


# -- the service paths the commands rely on ------------------------------------------------


def test_system_operator_is_created_once_and_cannot_be_used_to_sign_in(services):
    from app.errors import ConflictError, ValidationError

    first = services.staff.system_operator()
    assert services.staff.system_operator() == first
    assert first.role == "admin"
    with services.ctx.db.read() as s:
        created = s.execute(select(func.count(AuditEntry.id)).where(
            AuditEntry.action == "staff.create", AuditEntry.entity_id == first.id)).scalar_one()
    assert created == 1
    with pytest.raises(AuthenticationError):
        services.staff.authenticate("system", "")
    with pytest.raises(ConflictError):
        services.staff.set_active(first.id, True)
    with pytest.raises(ConflictError):
        services.staff.change_password(first.id, "a-new-password")
    with pytest.raises(ValidationError) as info:
        services.staff.create("System", "冒充者", "admin", "secret-pass")
    assert info.value.fields["username"].key == "username.reserved"


def test_register_past_is_all_or_nothing(services):
    from app.errors import ValidationError
    from app.services.visitors import PastVisit, VisitInput

    def entry(t_in: datetime, t_out: datetime | None, badge: str = "") -> PastVisit:
        return PastVisit(VisitInput("李四", "passport", "E12345678", "拜访", host_unit_code="A-1203",
                                    badge_number=badge), t_in, t_out)

    day = datetime.now().replace(microsecond=0) - timedelta(days=2)
    before = services.visitors.count(VisitQuery())
    bad = [entry(day, day + timedelta(hours=1), "V1"), entry(day, day - timedelta(minutes=1))]
    with pytest.raises(ValidationError) as info:
        services.visitors.register_past(bad)
    assert info.value.params["entry"] == 1 and "time_out" in info.value.fields
    with pytest.raises(ValidationError):
        services.visitors.register_past([entry(datetime.now() + timedelta(hours=1), None)])
    assert services.visitors.count(VisitQuery()) == before

    # A badge handed back may be handed out again; one still out may not.
    ids = services.visitors.register_past([
        entry(day, day + timedelta(hours=1), "V1"), entry(day + timedelta(hours=2), None, "V1"),
    ])
    assert len(ids) == 2
    assert services.visitors.get(ids[0]).time_out == day + timedelta(hours=1)
    assert services.visitors.get(ids[1]).on_site
    with pytest.raises(ValidationError) as info:
        services.visitors.register_past([entry(day + timedelta(hours=3), None, "V1")])
    assert info.value.fields["badge_number"].key == "visit.badge_in_use"
    actions = Counter(a.action for a in services.audit.for_entity("visit", ids[0]))
    assert actions == {"visit.register": 1, "visit.sign_out": 1}


def test_a_key_cabinet_with_loans_keys_out_and_an_outstanding_register(svc, demo):
    from app.key_rules import is_tag_code

    assert "key sets in the cabinet" in demo[1]
    keys = svc.keys.search("", limit=10_000)
    assert 150 <= len(keys) <= 400
    assert all(is_tag_code(k.tag_code) for k in keys)
    assert {k.category for k in keys} == {"unit", "public", "equipment", "store"}
    assert {"out", "in", "retired", "handed_over"} <= {k.status for k in keys}
    assert all(k.key_count == 1 for k in keys if k.category == "public")
    assert len({k.hook for k in keys if k.status in ("in", "out")}) == sum(k.status in ("in", "out") for k in keys)
    out = svc.keys.open_loans()
    assert 2 <= len(out) <= 12
    assert any(o.highlight for o in svc.keys.still_out(datetime.combine(date.today(), datetime.max.time())))
    assert any(v.gm_approver for v in out)
    assert svc.keys.loan_count() > 80
    page = svc.keys.loans(limit=500).rows
    public = [v for v in page if v.category == "public"]
    assert public and all(v.manager_approver and v.consent_by for v in public)
    assert any(v.signed_on_screen for v in page) and any(v.engineering_repair for v in page)
    assert len(svc.keys.outstanding()) >= 2
    assert any(o.notes for o in svc.keys.outstanding())
    stats = svc.keys.monthly_statistics(date.today().year, date.today().month)
    assert stats.total.kept > 200 and stats.total.lent > 0


def test_renovations_at_every_stage_with_passes_and_their_receipts(svc):
    svc.staff.sign_in("supervisor", "demo-super")
    permits = svc.permits.search()
    assert {p.state for p in permits} >= {"applied", "fees_paid", "checked", "approved", "issued", "in_progress",
                                          "extended", "finished", "rejected", "cancelled"}
    assert [p.state for p in svc.permits.permits_overdue()] == ["in_progress"]
    assert len(svc.permits.passes_expiring()) == 2 and len(svc.permits.passes_overdue()) == 2
    passes = svc.permits.export_passes(None, None)
    assert {v.status for v in passes} == {"active", "returned", "lost", "revoked"}
    assert any(v.replaces_id for v in passes) and any(v.has_photo for v in passes)
    # every pass's fee and every permit's fees are on a real receipt; every shift is cashed up
    for v in passes:
        r = svc.receipts.find(v.receipt_no)
        assert r.lines[0].fee_code == "pass_card" and r.total == v.fee
    for p in permits:
        if p.fee_receipt_no:
            assert svc.receipts.find(p.fee_receipt_no).reference == f"permit:{p.number}"
    r2 = next(s for s in svc.staff.list() if s.username == "reception2")  # the pass counter's shifts
    assert all(not s.open for s in svc.receipts.shifts() if s.staff_id == r2.id)


def test_demo_has_a_closed_shift_and_an_open_one_with_receipts(svc):
    from decimal import Decimal

    from app.context import Operator

    r1 = next(s for s in svc.staff.list() if s.username == "reception1")
    svc.ctx.operator = Operator(r1.id, r1.username, r1.display_name, r1.role)
    # reception1's shifts (reception2's hold the renovation fees and the repairs settled at the counter)
    shifts = [s for s in svc.receipts.shifts() if s.staff_id == r1.id]
    assert [s.open for s in shifts] == [True, False]
    closed = svc.receipts.cashup(shifts[1].id)
    assert closed.shift.variance == Decimal("0.00") and len(closed.voids) == 1
    today = svc.receipts.shift_receipts()
    assert len(today) == 3 and len(svc.receipts.cashup().refunds) == 1
    numbers = sorted(int(x.number[-6:]) for x in svc.receipts.search(text=""))
    assert numbers == list(range(1, len(numbers) + 1))
    # every settled demo repair has its receipt, found from the slip
    settled = [v for v in svc.repairs.search("", limit=500) if v.receipt_ref]
    assert settled and all(svc.receipts.for_source("repair", v.id)[0].number == v.receipt_ref for v in settled)


def test_demo_newspapers_have_a_fortnight_of_counts_deliveries_and_claims(svc):
    np = svc.newspapers
    titles = np.titles(include_inactive=True)
    assert len(titles) == 8 and sum(not t.active for t in titles) == 1
    subs = np.subscriptions()
    assert len(subs) > 50 and any(v.office for v in subs)
    today = date.today()
    first = today - timedelta(days=13)
    register = list(np.deliveries(first, today))
    assert len(register) > 500
    assert {d.method for d in register} == {"signed", "mailbox"}
    # past days are delivered but for copies the post office still owes (residents served first)
    yesterday = np.delivery_plan(today - timedelta(days=1), due_only=True)
    assert yesterday and all(ln.delivered or ln.short for ln in yesterday)
    for short in (ln for ln in yesterday if ln.short and not ln.subscription.office):  # residents first
        assert all(not ln.delivered for ln in yesterday
                   if ln.subscription.office and ln.subscription.title_id == short.subscription.title_id)
    claims = np.claims(open_only=False)
    assert any(c.state == "resolved" and c.recovered == c.missing for c in claims)
    assert any(c.state == "resolved" and c.recovered < c.missing for c in claims)  # written off
    if datetime.now().hour >= 9:  # today's count (one copy short) is made at 08:10-08:40
        assert any(c.open and c.day == today for c in claims)
    assert all(np.claim_history(c.id)[0].kind == "raised" for c in claims)


@pytest.mark.parametrize("clock", ["07:05", "17:55", "23:50"])
def test_demo_fills_at_any_time_of_day(tmp_path, clock):
    # The key cabinet's story once needed a key never lent in the month, which late in the
    # day no longer existed: the demo broke every evening.
    from app.startup import open_database

    database = open_database(f"sqlite:///{tmp_path / 'demo.sqlite'}").db
    try:
        svc = Services(AppContext(database))
        hour, minute = map(int, clock.split(":"))
        at = datetime.combine(date.today() - timedelta(days=1), datetime.min.time()).replace(hour=hour, minute=minute)
        summary = fill_demo(svc, at=at)
        assert summary.keys_out > 0 and summary.visits > 0
    finally:
        database.dispose()


def test_demo_parcels_are_on_the_shelves_and_collected_with_signatures(svc):
    from app.services.parcels import ParcelQuery

    waiting = svc.parcels.list_items(ParcelQuery(), limit=5000)
    assert waiting and all(p.waiting for p in waiting)
    assert len(svc.parcels.waiting_unassigned()) <= 1
    carriers = {p.carrier for p in waiting}
    assert len(carriers) >= 3  # recognised from their numbers, not typed
    collected = svc.parcels.list_items(ParcelQuery(state="picked_up"), limit=5000)
    assert len(collected) > 3 * len(waiting) // 2
