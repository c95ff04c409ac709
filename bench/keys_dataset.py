"""A large key cabinet for the key benchmarks: 10,000 key sets and 500,000 past loans.

Built once and cached under ``bench/out/`` (git-ignored), named by size, generator version
and schema (``bench.dataset.schema_tag``). As for the visitor register, the small set-up
goes through the services (staff, property, ~1,150 units and ~1,600 occupants via
``occupants.import_records``); the large tables are bulk-inserted with SQLAlchemy Core
``executemany`` after the real migrations (``db.migrate.upgrade``), their indexes dropped
and re-created with their exact DDL from ``sqlite_master``.

What is inserted, column by column as ``KeyService`` writes it:

* ``key_set`` (ids 1…N, tags ``format_tag(id)``, the ``key_tag`` counter set to N): per
  unit an entrance door, its owner's spare key (most units, ``occupant_id`` = the owner),
  mailbox, storeroom, garden/balcony doors; per building and floor the public doors
  (pipe shafts, fire stairs, refuse rooms: one key in the cabinet, 1–3 spares sealed);
  equipment rooms; store rooms. Developer keys handed over five years ago, owners' spare
  keys taken in over the years since. Unique hooks ``A-0001``, ``P-0001``, ``E-…``, ``S-…``.
* ``key_intake``: one handover-register line per set (source, location, condition, who
  handed it over, the key administrator who received it).
* ``key_loan``: loans over five years of business days, only of keys already taken in and
  never two at once on one set: equipment and store keys to engineers/cleaners (staff),
  public keys to contractors (ID number, phone, the staff member who agreed, the manager
  as approver), owners' spare keys to their owner (``borrower_occupant_id``). Due at the
  end of the day (``default_due``); a few engineering repairs overnight and a few loans of
  2–3 days approved by the general manager; 2 % signed on screen (a ``key_loan_signature``
  PNG), the rest on the slip; handled by the receptionist on duty.
* ``key_loan_event``: the return of every loan except the open ones (quantity, receiving
  receptionist, now and then someone else bringing it back).
* Open loans: 60 sets out now, lent during the last hours (some past the end of the day,
  so the "still out" list has overnight keys), ``key_set.status = 'out'`` and
  ``current_loan_id`` pointing at them.
* Through the services, after the bulk load: a few keys reported lost, handed over to
  their owner and retired (incomplete sets, with the manager's approval), so every status
  occurs and their events and audit rows are real.

No audit rows are written for the bulk rows (as in ``bench.dataset``): the audit chain
stays valid (the ``audit_chain`` counter matches the rows written through the services),
and appending to ``audit_entry`` costs the same whatever its size.
"""

from __future__ import annotations

import heapq
import random
import time as _time
from bisect import bisect
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from itertools import accumulate
from pathlib import Path

from bench.dataset import OUT_DIR, PASSWORD, People, log, schema_tag

#: Bump when the generated data changes, so cached databases are rebuilt.
GENERATOR_VERSION = 1

KEYS = 10_000
LOANS = 500_000
OPEN_LOANS = 60
YEARS = 5

BUILDINGS = ("A", "B", "C", "D", "E", "F")
FLOORS = 32
UNITS_PER_FLOOR = 6

STAFF = (  # username, display name, role
    ("benchadmin", "系统管理员", "admin"),
    ("keyadmin", "赵磊", "supervisor"),
    ("reception1", "王芳", "receptionist"),
    ("reception2", "陈静", "receptionist"),
    ("manager", "李建国", "manager"),
    ("gm", "孙总", "general_manager"),
)

_UNIT_LABELS = ("入户门", "信报箱", "地下储物间", "花园门", "阳台门")
_PUBLIC_PER_FLOOR = ("管道井", "强电井", "弱电井", "消防通道门", "垃圾间")
_PUBLIC_PER_BUILDING = ("天台门", "地下室通道门", "大堂后门", "信报箱总锁", "设备层检修门")
_EQUIPMENT_PER_BUILDING = ("电梯机房", "配电房", "空调机房", "弱电间", "水箱间", "排烟机房", "新风机房", "监控分站")
_EQUIPMENT_SHARED = ("生活水泵房", "消防水泵房", "发电机房", "消防控制室", "高压配电室", "中水处理站", "锅炉房",
                     "污水处理站", "地下车库配电房", "充电桩配电箱")
_STORE_ROOMS = ("客服部库房", "工程部库房", "保洁部库房", "安全部库房", "绿化工具房", "会所储物间", "档案室", "物料间")
_ENGINEERS = ("刘建军", "黄志强", "周国庆", "吴德明", "郑海涛", "林志勇", "何文斌", "马俊杰")
_CLEANERS = ("何丽", "罗秀英", "梁桂芳", "宋玉兰", "唐美华")
_CONTRACTOR_FIRMS = (
    ("深圳市安居防水工程有限公司", "天台防水维修"), ("广东华信电梯有限公司", "电梯年检"),
    ("深圳中消消防工程有限公司", "消防设施检测"), ("美洁清洁服务有限公司", "外墙清洗"),
    ("绿源园林绿化有限公司", "绿化修剪"), ("中国电信南山分局", "光纤检修"), ("深圳燃气", "燃气管道巡检"),
)
_ENGINEERING_PURPOSES = ("设备巡检", "更换灯管", "水泵保养", "配电检修", "空调清洗", "抄表")
_OWNER_PURPOSES = ("业主忘带钥匙", "业主回家取物", "业主委托开门")
_UNIT_STAFF_PURPOSES = ("装修巡查", "漏水检查", "空置房通风")
EOD = time(18, 0)


@dataclass
class _Key:
    id: int
    category: str
    label: str
    area: str
    unit_id: int | None
    unit_code: str
    occupant_id: int | None
    key_count: int
    sealed_spares: int
    hook: str
    created_at: datetime
    source: str
    handed_over_by: str
    weight: float  # how often it is borrowed


def db_path(keys: int = KEYS, loans: int = LOANS) -> Path:
    return OUT_DIR / f"keys-{keys}-{loans}-g{GENERATOR_VERSION}-{schema_tag()}.sqlite"


def ensure(keys: int = KEYS, loans: int = LOANS, *, rebuild: bool = False) -> tuple[Path, dict | None]:
    """The cached cabinet with ``keys`` key sets and ``loans`` past loans, built when missing."""
    path = db_path(keys, loans)
    if path.exists() and not rebuild:
        return path, None
    log(f"building {path.name} ({keys:,} key sets, {loans:,} loans) …")
    return path, build(path, keys, loans)


def _signature_pngs(rng: random.Random, n: int = 6) -> list[bytes]:
    import io

    from PIL import Image, ImageDraw

    out = []
    for _ in range(n):
        img = Image.new("L", (360, 120), 255)
        draw = ImageDraw.Draw(img)
        x, y = 20, 60 + rng.randint(-10, 10)
        points = [(x, y)]
        for _ in range(14):
            x += rng.randint(12, 26)
            y = max(15, min(105, y + rng.randint(-35, 35)))
            points.append((x, y))
        draw.line(points, fill=0, width=4, joint="curve")
        buf = io.BytesIO()
        img.save(buf, format="PNG", optimize=True)
        out.append(buf.getvalue())
    return out


def _setup(services, rng: random.Random) -> tuple[dict[str, int], dict[str, tuple[int, int, str, str]]]:
    """Staff, property, units and occupants through the services.

    Returns (username -> staff id, unit code -> (unit id, owner occupant id, owner name, phone)).
    """
    from app.services.occupants import OccupantInput
    from db.models import Occupant, Unit

    svc = services
    svc.ctx.operator = svc.staff.system_operator()
    ids = {}
    for username, name, role in STAFF:
        ids[username] = svc.staff.create(username, name, role, PASSWORD).id
    svc.property.save_profile("阳光花园", "深圳市南山区科技园北区松坪山路88号", "0755-86001234")
    people = People(rng)
    rows = []
    for b in BUILDINGS:
        for floor in range(1, FLOORS + 1):
            for room in range(1, UNITS_PER_FLOOR + 1):
                code = f"{b}-{floor:02d}{room:02d}"
                rows.append(OccupantInput(unit_code=code, name=people.name()[0], phone=people.mobile(), kind="owner"))
                if rng.random() < 0.4:
                    rows.append(OccupantInput(unit_code=code, name=people.name()[0], phone=people.mobile(),
                                              kind="tenant"))
    report = svc.occupants.import_records(rows, skip_invalid=False, create_units=True)
    if not report.committed:
        raise RuntimeError(f"bench occupants did not validate: {report.errors[:3]}")
    units: dict[str, tuple[int, int, str, str]] = {}
    with svc.ctx.db.read() as s:
        q = (s.query(Unit.code, Unit.id, Occupant.id, Occupant.name, Occupant.phone)
             .join(Occupant, Occupant.unit_id == Unit.id).filter(Occupant.kind == "owner").order_by(Occupant.id))
        for code, uid, oid, name, phone in q:
            units.setdefault(code, (uid, oid, name, phone))
    return ids, units


def _key_specs(n: int, rng: random.Random, units: dict, start: datetime, end: datetime) -> list[_Key]:
    """``n`` key sets: per unit, per floor, per building and shared; created before or during the period."""
    developer = "发展商工程部 陈国栋"
    handover = start - timedelta(days=30)
    specs: list[tuple] = []  # (category, label, area, unit_code, owner?, weight)
    for b in BUILDINGS:
        area = f"{b}栋"
        for floor in range(1, FLOORS + 1):
            for room in range(1, UNITS_PER_FLOOR + 1):
                code = f"{b}-{floor:02d}{room:02d}"
                for label in _UNIT_LABELS:
                    specs.append(("unit", label, area, code, False, 0.05))
                specs.append(("unit", "入户门备用钥匙", area, code, True, 1.0))
            for label in _PUBLIC_PER_FLOOR:
                specs.append(("public", f"{area}{floor}层{label}", area, "", False, 0.6))
        for label in _PUBLIC_PER_BUILDING:
            specs.append(("public", f"{area}{label}", area, "", False, 2.0))
        for label in _EQUIPMENT_PER_BUILDING:
            for copy in range(1, 5):
                specs.append(("equipment", f"{area}{label}{copy}号", area, "", False, 6.0))
    for label in _EQUIPMENT_SHARED:
        for copy in range(1, 6):
            specs.append(("equipment", f"{label}{copy}号门", "地下室", "", False, 6.0))
    k = 1
    while len(specs) < n:  # the remainder: store rooms and shop back doors of the commercial street
        specs.append(("store", f"{_STORE_ROOMS[k % len(_STORE_ROOMS)]}{k}号柜", "管理处", "", False, 3.0))
        k += 1
    rng.shuffle(specs)
    specs = specs[:n]
    hooks: dict[str, int] = {}
    out = []
    span = (end - start).total_seconds()
    for i, (category, label, area, code, owners, weight) in enumerate(specs, start=1):
        section = {"unit": code[:1] if code else "U", "public": "P", "equipment": "E", "store": "S"}[category]
        hooks[section] = hooks.get(section, 0) + 1
        unit = units.get(code) if code else None
        if owners:  # an owner's spare key, left with the counter some time in the five years
            at = start + timedelta(seconds=rng.random() ** 1.5 * span * 0.95)
            at = at.replace(hour=rng.randint(9, 17), minute=rng.randrange(60), second=0, microsecond=0)
            source, by = "owner", unit[2]
        else:
            at, source, by = handover + timedelta(minutes=i // 20), "developer", developer
        out.append(_Key(
            id=i, category=category, label=label, area=area, unit_id=unit[0] if unit else None,
            unit_code=code, occupant_id=unit[1] if owners else None,
            key_count=1 if category == "public" else rng.choice((1, 2, 2, 3)),
            sealed_spares=rng.choice((1, 2, 2, 3)) if category == "public" else 0,
            hook=f"{section}-{hooks[section]:04d}", created_at=at, source=source, handed_over_by=by,
            weight=weight,
        ))
    out.sort(key=lambda x: (x.created_at, x.id))
    return out


def _business_time(rng: random.Random, day) -> datetime:
    minute = int(rng.triangular(8 * 60 + 30, 19 * 60, 11 * 60))
    return datetime.combine(day, time()) + timedelta(minutes=minute, seconds=rng.randrange(60))


class _LoanMaker:
    """Loan rows, their returns and signatures, with every column the services read."""

    def __init__(self, rng: random.Random, staff: dict[str, int], units: dict, end: datetime):
        from app.key_rules import default_due

        self.rng = rng
        self.staff = staff
        self.units = units
        self.end = end
        self.default_due = default_due
        self.people = People(rng)
        self.contractors = [self.people.person() for _ in range(400)]
        self.pngs = _signature_pngs(rng)
        self.next_id = 1

    def borrower(self, key: _Key) -> dict:
        rng = self.rng
        base = {"borrower_staff_id": None, "borrower_occupant_id": None, "borrower_phone": "",
                "borrower_doc_type": "", "borrower_doc_number": "", "consent_by": "",
                "manager_approver_id": None, "manager_approved_at": None}
        if key.category == "equipment" or (key.category == "store" and rng.random() < 0.5):
            return {**base, "borrower_kind": "staff", "borrower_name": rng.choice(_ENGINEERS),
                    "borrower_company": "工程部", "purpose": rng.choice(_ENGINEERING_PURPOSES)}
        if key.category == "store":
            return {**base, "borrower_kind": "staff", "borrower_name": rng.choice(_CLEANERS),
                    "borrower_company": "保洁部", "purpose": "领取保洁用品"}
        if key.category == "public":
            p = rng.choice(self.contractors)
            firm, purpose = rng.choice(_CONTRACTOR_FIRMS)
            doc_type, doc = ("mainland_id", p.doc_number) if p.doc_type == "mainland_id" else (p.doc_type, p.doc_number)
            return {**base, "borrower_kind": "contractor", "borrower_name": p.name, "borrower_company": firm,
                    "borrower_phone": p.phone, "borrower_doc_type": doc_type, "borrower_doc_number": doc,
                    "purpose": purpose, "consent_by": "工程部 黄志强",
                    "manager_approver_id": self.staff["manager"]}
        if key.occupant_id is not None:
            _uid, oid, name, phone = self.units[key.unit_code]
            return {**base, "borrower_kind": "occupant", "borrower_occupant_id": oid, "borrower_name": name,
                    "borrower_phone": phone, "borrower_company": "", "purpose": rng.choice(_OWNER_PURPOSES)}
        return {**base, "borrower_kind": "staff", "borrower_name": rng.choice(_ENGINEERS),
                "borrower_company": "工程部", "purpose": rng.choice(_UNIT_STAFF_PURPOSES)}

    def loan(self, key: _Key, out_at: datetime, *, open_: bool = False) -> tuple[dict, dict | None, dict | None]:
        """(loan row, return event row or None, signature row or None); the return time is
        the event's ``at``."""
        rng = self.rng
        b = self.borrower(key)
        engineering = key.category == "equipment" and rng.random() < 0.05
        gm = not engineering and key.category in ("equipment", "store") and rng.random() < 0.002
        if engineering:  # an overnight repair, due next morning, back by then
            due = min(datetime.combine(out_at.date() + timedelta(days=1), time(10, 0)), out_at + timedelta(hours=23))
            back = datetime.combine(out_at.date() + timedelta(days=1), time(8, 30)) + timedelta(
                minutes=rng.randrange(80))
        elif gm:  # a longer loan the general manager approved (an elevator overhaul)
            due = datetime.combine(out_at.date() + timedelta(days=rng.choice((2, 3))), time(17, 0))
            back = due - timedelta(minutes=rng.randrange(30, 300))
        else:
            due = self.default_due(out_at, EOD)
            back = out_at + timedelta(minutes=rng.randint(15, 240), seconds=rng.randrange(60))
            if back > due and rng.random() < 0.95:  # most come back before the end of the day
                back = max(out_at + timedelta(minutes=5), due - timedelta(minutes=rng.randint(1, 20)))
        loan_id = self.next_id
        self.next_id += 1
        duty = self.staff["reception1"] if (out_at.hour < 14) == (out_at.toordinal() % 2 == 0) else \
            self.staff["reception2"]
        screen = rng.random() < 0.02
        row = {
            "id": loan_id, "key_set_id": key.id, "out_at": out_at, "due_at": due,
            "quantity": key.key_count, **b,
            "manager_approved_at": out_at if b["manager_approver_id"] else None,
            "gm_approver_id": self.staff["gm"] if gm else None, "gm_approved_at": out_at if gm else None,
            "engineering_repair": engineering, "emergency": False,
            "signed_on_screen": screen, "signed_on_slip": not screen, "note": "", "handled_by_id": duty,
        }
        sig = {"loan_id": loan_id, "png": rng.choice(self.pngs)} if screen else None
        if open_:
            return row, None, sig
        back_duty = self.staff["reception1"] if (back.hour < 14) == (back.toordinal() % 2 == 0) else \
            self.staff["reception2"]
        event = {
            "loan_id": loan_id, "kind": "return", "at": back, "staff_id": back_duty, "quantity": key.key_count,
            "returned_by": rng.choice(_ENGINEERS) if b["borrower_kind"] == "contractor" and rng.random() < 0.1 else "",
            "night": None, "note": "",
        }
        return row, event, sig


def build(path: Path, n_keys: int = KEYS, n_loans: int = LOANS, seed: int = 2026) -> dict:
    """Create the cabinet at ``path``; returns build statistics."""
    from sqlalchemy import create_engine, text

    from app.context import AppContext, Operator
    from app.services import Services
    from app.services.keys import Approval
    from app.validation import normalize_document
    from db.engine import Database
    from db.migrate import upgrade
    from db.models import (
        Counter,
        KeyIntake,
        KeyLoan,
        KeyLoanEvent,
        KeyLoanSignature,
        KeySet,
    )

    t0 = _time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.stem + ".building.sqlite")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    database = Database.open(f"sqlite:///{tmp}")
    upgrade(database.engine)  # the real migrations
    rng = random.Random(seed)
    services = Services(AppContext(database))
    staff, units = _setup(services, rng)
    database.dispose()
    t_setup = _time.perf_counter() - t0

    end = datetime.now().replace(microsecond=0) - timedelta(minutes=5)
    start = datetime.combine(end.date() - timedelta(days=YEARS * 365), time())
    keys = _key_specs(n_keys, rng, units, start, end)
    maker = _LoanMaker(rng, staff, units, end)
    # Validate a sample of generated borrower documents the way the service would.
    for p in maker.contractors[:50]:
        normalize_document(p.doc_type, p.doc_number)

    engine = create_engine(f"sqlite:///{tmp}")
    with engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA journal_mode=OFF")
        conn.exec_driver_sql("PRAGMA synchronous=OFF")
    tables = ("key_set", "key_intake", "key_loan", "key_loan_event", "key_loan_signature")
    with engine.begin() as conn:
        indexes = conn.execute(text(
            "SELECT name, sql FROM sqlite_master WHERE type='index' AND sql IS NOT NULL AND tbl_name IN "
            f"({', '.join(repr(t) for t in tables)})"
        )).all()
        for name, _sql in indexes:
            conn.exec_driver_sql(f'DROP INDEX "{name}"')

    t1 = _time.perf_counter()
    conn = engine.connect()
    counts = {"loans": 0, "returns": 0, "signatures": 0}
    try:
        conn.exec_driver_sql("PRAGMA cache_size=-400000")
        conn.commit()
        trans = conn.begin()
        # Key sets are inserted last (their status depends on the open loans); intake lines now.
        conn.execute(KeyIntake.__table__.insert(), [{
            "key_set_id": k.id, "at": k.created_at, "source": k.source,
            "location": " ".join(p for p in (k.unit_code, k.label) if p)[:128], "unit_id": k.unit_id,
            "key_count": k.key_count, "condition": "完好" if rng.random() < 0.95 else "钥匙牌磨损",
            "handed_over_by": k.handed_over_by, "received_by_id": staff["keyadmin"], "outstanding_id": None,
            "note": "",
        } for k in sorted(keys, key=lambda x: (x.created_at, x.id))])

        loans: list[dict] = []
        events: list[dict] = []
        sigs: list[dict] = []

        def flush(final: bool = False) -> None:
            if loans and (final or len(loans) >= 50_000):
                conn.execute(KeyLoan.__table__.insert(), loans)
                counts["loans"] += len(loans)
                loans.clear()
            if events and (final or len(events) >= 50_000):
                conn.execute(KeyLoanEvent.__table__.insert(), events)
                counts["returns"] += len(events)
                events.clear()
            if sigs and (final or len(sigs) >= 5_000):
                conn.execute(KeyLoanSignature.__table__.insert(), sigs)
                counts["signatures"] += len(sigs)
                sigs.clear()

        # Business days over the period, loans spread evenly; a key is lent again only after
        # it came back (``free_at``). Returns are written in time order (a heap).
        days = (end.date() - start.date()).days
        per_day = n_loans / days
        free_at: dict[int, datetime] = {}
        pool: list[_Key] = []
        weights: list[float] = []
        cum: list[float] = []
        ki = 0
        made = 0
        pending: list[tuple[datetime, int, dict]] = []

        for d in range(days):
            day = start.date() + timedelta(days=d)
            day_end = datetime.combine(day, time(23, 59))
            grew = False
            while ki < len(keys) and keys[ki].created_at <= datetime.combine(day, time(8, 0)):
                pool.append(keys[ki])
                weights.append(keys[ki].weight)
                ki += 1
                grew = True
            if grew:
                cum = list(accumulate(weights))
            target = round(per_day * (d + 1)) - made if d < days - 1 else n_loans - made
            times = sorted(_business_time(rng, day) for _ in range(max(0, target)))
            for out_at in times:
                if out_at >= end - timedelta(hours=12):
                    break  # the last hours: only the open loans below
                for _ in range(8):
                    key = pool[bisect(cum, rng.random() * cum[-1])]
                    if free_at.get(key.id, datetime.min) < out_at:
                        break
                else:
                    continue
                while pending and pending[0][0] <= out_at:
                    events.append(heapq.heappop(pending)[2])
                row, event, sig = maker.loan(key, out_at)
                loans.append(row)
                if sig:
                    sigs.append(sig)
                heapq.heappush(pending, (event["at"], row["id"], event))
                free_at[key.id] = event["at"]
                made += 1
            while pending and pending[0][0] <= day_end:
                events.append(heapq.heappop(pending)[2])
            flush()
            if d % 365 == 364:
                log(f"keys: {made:,} loans generated ({_time.perf_counter() - t1:.0f} s)")
        while pending:
            events.append(heapq.heappop(pending)[2])
        # Keys out now: lent during the last hours (some since before the end of the day).
        lendable = [k for k in pool if free_at.get(k.id, datetime.min) < end - timedelta(hours=12)
                    and k.category != "public"]
        current: dict[int, int] = {}
        for key in rng.sample(lendable, min(OPEN_LOANS, len(lendable))):
            out_at = end - timedelta(minutes=rng.randint(10, 11 * 60))
            row, _event, sig = maker.loan(key, out_at, open_=True)
            loans.append(row)
            if sig:
                sigs.append(sig)
            current[key.id] = row["id"]
        flush(final=True)
        t_loans = _time.perf_counter() - t1

        conn.execute(KeySet.__table__.insert(), [{
            "id": k.id, "tag_code": _tag(k.id), "hook": k.hook, "category": k.category, "label": k.label,
            "area": k.area, "unit_id": k.unit_id, "occupant_id": k.occupant_id, "key_count": k.key_count,
            "original_count": k.key_count, "sealed_spares": k.sealed_spares,
            "status": "out" if k.id in current else "in", "lock_changes": 0,
            "current_loan_id": current.get(k.id), "note": "", "created_at": k.created_at,
            "created_by_id": staff["keyadmin"],
        } for k in sorted(keys, key=lambda x: x.id)])
        counter = conn.execute(text("SELECT value FROM counter WHERE name='key_tag'")).first()
        if counter is None:
            conn.execute(Counter.__table__.insert(), [{"name": "key_tag", "value": len(keys)}])
        else:
            conn.execute(text("UPDATE counter SET value=:v WHERE name='key_tag'"), {"v": len(keys)})
        trans.commit()
        t2 = _time.perf_counter()
        with conn.begin():
            for _name, sql in indexes:
                conn.exec_driver_sql(sql)
        t_index = _time.perf_counter() - t2
        conn.exec_driver_sql("ANALYZE")
        conn.commit()
    finally:
        conn.close()
    with engine.connect() as c:
        c.exec_driver_sql("PRAGMA journal_mode=WAL")  # as the program leaves it
    engine.dispose()

    # A few sets lost, handed over and retired, through the services (real events and audit).
    database = Database.open(f"sqlite:///{tmp}")
    try:
        services = Services(AppContext(database))
        with database.read() as s:
            from db.models import Staff

            def operator(username: str) -> Operator:
                st = s.query(Staff).filter(Staff.username == username).one()
                return Operator(st.id, st.username, st.display_name, st.role)

            reception, keyadmin = operator("reception1"), operator("keyadmin")
        idle = [k for k in keys if k.id not in current]
        chosen = rng.sample(idle, 60)
        services.ctx.operator = reception
        for k in chosen[:20]:
            services.keys.report_lost(k.id, note="清洁时遗失，已报告部门主管", lost_by="保洁员 何丽")
        for k in chosen[20:40]:
            if k.category == "unit" and k.occupant_id is not None:
                services.keys.hand_over(k.id, recipient=units[k.unit_code][2], occupant_id=k.occupant_id,
                                        note="业主入住，钥匙交还本人")
        services.ctx.operator = keyadmin
        manager = Approval("manager", PASSWORD)
        for k in chosen[40:]:
            if k.key_count > 1:
                services.keys.report_lost(k.id, count=1, note="钥匙断在锁芯里", lost_by="工程部 周国庆")
                services.keys.retire(k.id, reason="incomplete", returned_to="工程部 周国庆", approval=manager,
                                     note="钥匙不全，交回工程部")
        if services.audit.verify_chain() is not None:
            raise RuntimeError("audit chain broken in the bench cabinet")
    finally:
        database.dispose()
    tmp.replace(path)
    for suffix in ("-wal", "-shm"):
        Path(f"{tmp}{suffix}").unlink(missing_ok=True)
    stats = {
        "keys": len(keys), **counts, "open_loans": len(current), "setup_s": round(t_setup, 1),
        "insert_s": round(t_loans, 1), "index_s": round(t_index, 1),
        "total_s": round(_time.perf_counter() - t0, 1), "size_mb": round(path.stat().st_size / 1e6, 1),
    }
    log(f"built {path.name}: {stats}")
    return stats


def _tag(n: int) -> str:
    from app.key_rules import format_tag

    return format_tag(n)
