"""Repair slips: the open-slips view over a long history, and registering a request with its
dispatch slip PDF. ``python -m bench.repairs [--quick] [--slips N]`` prints JSON.

The database (cached under ``bench/out/``, named by size, generator version and schema)
holds the key benchmark's property (``bench.keys_dataset._setup``: staff, ~1,150 units,
~1,600 occupants through the services) and ``slips`` historical repair slips over five years,
bulk-inserted with SQLAlchemy Core after the real migrations (indexes dropped, then
re-created from their DDL): closed after a follow-up call (most), cancelled, passed to the
developer, a few reworked; each with its ``registered`` and final ``repair_event``. Then,
through ``RepairService`` as the counter would, ``OPEN`` open slips in every open state
(registered, dispatched, in progress, on hold, completed, settled, followed up), a tenth of
them overdue.

Measured on a copy of the cache, signed in as ``reception1``, ``QT_QPA_PLATFORM=offscreen``:

``open_view``  What the Repairs tab does to show its open slips: ``RepairService.open_slips()``
               (one indexed range per open state), ``SlipTableModel.set_rows`` (the real model),
               ``resizeColumnsToContents`` and a forced synchronous repaint of the real
               ``QTableView``'s viewport. Target ≤ 100 ms.
``tab_refresh``  ``RepairsTab.refresh()`` whole (open slips, follow-ups due, the day's
               unfinished slips, open complaints, category rates): for information.
``register_slip``  ``RepairService.register`` (validation, gapless number, event, audit, one
               transaction, ``synchronous=FULL``) then what printing on saving does before the
               preview opens: the print-log look-up, ``dispatch_slip_pdf`` (reportlab, embedded
               font, Code 128, the configured two copies) and ``mark_printed``. Target ≤ 100 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time as _time
from datetime import datetime, time, timedelta
from pathlib import Path

from bench.dataset import OUT_DIR, log, schema_tag
from bench.stats import summary

GENERATOR_VERSION = 1
SLIPS = 200_000
OPEN = 150
YEARS = 5
TARGET_MS = 100.0

_FAULTS = {
    "water": ("厨房水龙头漏水", "卫生间下水堵塞", "热水器进水阀滴水", "阳台地漏返味"),
    "electricity": ("客厅插座无电", "空气开关频繁跳闸", "卧室灯不亮", "门铃不响"),
    "doors_locks": ("入户门锁芯卡住", "窗户合页松动", "阳台推拉门脱轨", "信报箱锁坏"),
    "lifts": ("电梯异响", "电梯按钮失灵", "电梯门关闭缓慢"),
    "air_conditioning": ("空调不制冷", "空调滴水", "新风机噪音大"),
    "public_facilities": ("楼道灯不亮", "单元门禁失灵", "消防通道门闭门器坏", "车库照明损坏"),
    "other": ("晾衣架卡住", "墙面渗水", "天花板掉灰"),
}
_WEIGHTS = {"water": 30, "electricity": 25, "doors_locks": 15, "lifts": 5, "air_conditioning": 10,
            "public_facilities": 10, "other": 5}
_TECHS = ("水电班 王师傅", "水电班 李师傅", "木工班 张师傅", "电梯维保 华信", "空调班 刘师傅", "维修班")
_PUBLIC = ("B栋2号电梯", "A栋大堂", "地下车库B区", "C栋消防通道", "会所泳池", "D栋天台")


def db_path(slips: int) -> Path:
    return OUT_DIR / f"repairs-{slips}-g{GENERATOR_VERSION}-{schema_tag()}.sqlite"


def ensure(slips: int, *, rebuild: bool = False) -> Path:
    path = db_path(slips)
    if path.exists() and not rebuild:
        return path
    log(f"building {path.name} ({slips:,} historical slips) …")
    build(path, slips)
    return path


def build(path: Path, n: int, seed: int = 2026) -> dict:
    """Create the database at ``path`` with ``n`` historical slips and ``OPEN`` open ones."""
    from sqlalchemy import create_engine, insert, text

    from app.context import AppContext, Operator
    from app.repair_rules import FOLLOW_UP_DAYS, due_at, format_slip_number
    from app.services import Services
    from bench.keys_dataset import _setup
    from db.engine import Database
    from db.migrate import upgrade
    from db.models import Counter, RepairEvent, RepairRequest, Staff

    t0 = _time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.stem + ".building.sqlite")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    database = Database.open(f"sqlite:///{tmp}")
    upgrade(database.engine)
    rng = random.Random(seed)
    services = Services(AppContext(database))
    staff, units = _setup(services, rng)
    database.dispose()
    unit_list = list(units.items())

    end = datetime.now().replace(microsecond=0) - timedelta(days=8)
    start = datetime.combine(end.date() - timedelta(days=YEARS * 365), time())
    span = int((end - start).total_seconds())
    times = sorted(start + timedelta(seconds=rng.randrange(span)) for _ in range(n))
    cats = list(_WEIGHTS)
    weights = list(_WEIGHTS.values())
    rates = {"water": 30, "electricity": 30, "doors_locks": 20, "air_conditioning": 50, "other": 0}
    receptionists = [staff["reception1"], staff["reception2"]]

    engine = create_engine(f"sqlite:///{tmp}")
    with engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA journal_mode=OFF")
        conn.exec_driver_sql("PRAGMA synchronous=OFF")
        indexes = conn.execute(text(
            "SELECT name, sql FROM sqlite_master WHERE type='index' AND sql IS NOT NULL "
            "AND tbl_name IN ('repair_request', 'repair_event')")).all()
        for name, _sql in indexes:
            conn.exec_driver_sql(f'DROP INDEX "{name}"')
    seq: dict[int, int] = {}
    slips, events = [], []
    for i, reg in enumerate(times, start=1):
        cat = rng.choices(cats, weights)[0]
        grade = "urgent" if rng.random() < 0.2 else "ordinary"
        seq[reg.year] = seq.get(reg.year, 0) + 1
        public = cat in ("lifts", "public_facilities")
        unit = None if public else rng.choice(unit_list)
        due = due_at(grade, reg)
        roll = rng.random()
        final = "closed" if roll < 0.93 else "cancelled" if roll < 0.97 else "to_developer"
        who = rng.choice(receptionists)
        done = reg + timedelta(hours=rng.uniform(1, 70 if grade == "ordinary" else 22))
        chargeable = cat in rates and rates[cat] > 0 and not public
        charge = rates.get(cat, 0) if chargeable and final == "closed" else None
        closed = done + timedelta(days=FOLLOW_UP_DAYS[grade], hours=rng.uniform(0, 8))
        slips.append({
            "id": i, "number": format_slip_number(reg.year, seq[reg.year]), "source": rng.choice(("counter", "phone")),
            "unit_id": unit[1][0] if unit else None, "occupant_id": unit[1][1] if unit else None,
            "location": rng.choice(_PUBLIC) if public else "", "requester_name": unit[1][2] if unit else "保洁部",
            "phone": unit[1][3] if unit else "", "category": cat, "description": rng.choice(_FAULTS[cat]),
            "preferred_time": "", "grade": grade, "chargeable": chargeable,
            "rate": rates[cat] if chargeable else None, "fee_code": f"repair.{cat}", "registered_at": reg,
            "registered_by_id": who, "due_at": due, "state": final, "state_at": closed, "assignee": rng.choice(_TECHS),
            "dispatched_at": reg + timedelta(minutes=20), "hold_reason": "",
            "completed_at": done if final == "closed" else None, "on_time": (done <= due) if final == "closed" else None,
            "charge": charge, "settled_at": done + timedelta(hours=2) if charge else None,
            "receipt_ref": f"R{reg.year}-{i:06d}" if charge else "",
            "follow_up_due": (done + timedelta(days=FOLLOW_UP_DAYS[grade])).date() if final == "closed" else None,
            "followed_up_at": closed if final == "closed" else None,
            "follow_up_result": "satisfied" if final == "closed" else "", "closed_at": closed,
            "rework_count": 1 if rng.random() < 0.008 else 0, "print_count": 1,
        })
        events.append({"repair_id": i, "at": reg, "staff_id": who, "kind": "registered", "from_state": "",
                       "to_state": "registered", "detail": "{}"})
        events.append({"repair_id": i, "at": closed, "staff_id": who,
                       "kind": {"closed": "closed", "cancelled": "cancelled", "to_developer": "passed_to_developer"}[final],
                       "from_state": "followed_up" if final == "closed" else "dispatched", "to_state": final,
                       "detail": "{}"})
    with engine.begin() as conn:
        for k in range(0, len(slips), 20_000):
            conn.execute(insert(RepairRequest), slips[k:k + 20_000])
        for k in range(0, len(events), 40_000):
            conn.execute(insert(RepairEvent), events[k:k + 40_000])
        for year, value in seq.items():
            conn.execute(insert(Counter), [{"name": f"repair_slip_{year}", "value": value}])
        for _name, sql in indexes:
            conn.exec_driver_sql(sql)
        conn.exec_driver_sql("ANALYZE")
    engine.dispose()

    # The open slips through the service, as the counter made them over the last days.
    from app.services.repairs import CompletionInput, RepairInput

    database = Database.open(f"sqlite:///{tmp}")
    services = Services(AppContext(database))
    with database.read() as s:
        st = s.get(Staff, staff["reception1"])
        services.ctx.operator = Operator(st.id, st.username, st.display_name, st.role)
    now = datetime.now().replace(microsecond=0)
    r = services.repairs
    for k in range(OPEN):
        cat = rng.choices(cats, weights)[0]
        public = cat in ("lifts", "public_facilities")
        code, (_uid, occ, _name, _phone) = rng.choice(unit_list)
        grade = "urgent" if rng.random() < 0.25 else "ordinary"
        at = now - timedelta(hours=rng.uniform(0.2, 100 if k % 10 == 0 else 20))
        v = r.register(RepairInput(cat, rng.choice(_FAULTS[cat]), grade, source=rng.choice(("counter", "phone")),
                                   occupant_id=None if public else occ,
                                   location=rng.choice(_PUBLIC) if public else ""), at=at)
        stage = k % 7
        if stage >= 1:
            v = r.dispatch(v.id, rng.choice(_TECHS), at=at + timedelta(minutes=15))
        if stage == 2:
            v = r.start(v.id, at=at + timedelta(minutes=40))
        if stage == 3:
            v = r.hold(v.id, "等待配件", at=at + timedelta(minutes=50))
        if stage >= 4:
            v = r.complete(v.id, CompletionInput("已修复", charge=v.rate or 0), at=at + timedelta(hours=1))
        if stage >= 5 and v.needs_settlement:
            v = r.settle(v.id, f"R{now.year}-9{k:05d}", at=at + timedelta(hours=2))
        if stage >= 6 and "follow_up" in v.actions:
            r.follow_up(v.id, True, comment="满意", at=at + timedelta(hours=3))
    database.dispose()
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        p.unlink(missing_ok=True)
    os.replace(tmp, path)
    stats = {"slips": n, "open": OPEN, "seconds": round(_time.perf_counter() - t0, 1)}
    log(f"built {path.name}: {stats}")
    return stats


def run(path: Path, *, runs: int, registers: int) -> dict:
    """Measure on a copy of ``path`` (see the module docstring)."""
    from PySide6.QtWidgets import QApplication

    from app.context import AppContext, Operator
    from app.services import Services
    from app.services.repairs import RepairInput
    from bench.register import _copy
    from db.engine import Database
    from db.models import Staff
    from ui.bus import DataBus
    from ui.repairs.models import SlipTableModel
    from ui.repairs.printing import DISPATCH_SLIP_KIND, dispatch_slip_pdf
    from ui.repairs.tab import RepairsTab
    from ui.repairs.texts import now
    from ui.widgets.table_models import make_table_view

    app = QApplication.instance() or QApplication(["bench"])
    work = path.with_name(path.stem + ".run-copy.sqlite")
    _copy(path, work)
    database = Database.open(f"sqlite:///{work}")
    services = Services(AppContext(database))
    with database.read() as s:
        st = s.query(Staff).filter(Staff.username == "reception1").one()
        services.ctx.operator = Operator(st.id, st.username, st.display_name, st.role)
    categories = services.repairs.categories()

    model = SlipTableModel()
    view = make_table_view(None, model, alternating=False)
    view.horizontalHeader().setResizeContentsPrecision(40)  # as the Repairs tab
    view.resize(1100, 600)
    view.show()
    app.processEvents()

    def show_open() -> int:
        rows = services.repairs.open_slips()
        model.set_rows(rows, categories, now())
        view.resizeColumnsToContents()
        view.viewport().repaint()
        return len(rows)

    shown = show_open()  # warm-up (imports, caches)
    open_ms = []
    for _ in range(runs):
        t = _time.perf_counter()
        show_open()
        open_ms.append((_time.perf_counter() - t) * 1000)
        app.processEvents()

    tab = RepairsTab(services, DataBus())
    tab.slip_printer = None
    tab.resize(1400, 800)
    tab.show()
    app.processEvents()
    refresh_ms = []
    for _ in range(max(3, runs // 2)):
        t = _time.perf_counter()
        tab.refresh()
        refresh_ms.append((_time.perf_counter() - t) * 1000)
        app.processEvents()

    rng = random.Random(11)
    from sqlalchemy import select

    from db.models import Unit

    with database.read() as s:
        units = list(s.execute(select(Unit.code).order_by(Unit.id).limit(300)).scalars())
    reg_ms, svc_ms, pdf_ms, render_ms, sizes = [], [], [], [], []
    for k in range(registers + 3):
        data = RepairInput("water", "厨房水龙头漏水", "urgent" if k % 3 == 0 else "ordinary",
                           unit_code=rng.choice(units), phone="13812345678", preferred_time="今天下午")
        t = _time.perf_counter()
        v = services.repairs.register(data)
        t1 = _time.perf_counter()
        reprint = services.print_log.is_reprint(DISPATCH_SLIP_KIND, v.number)
        copies = max(1, services.repairs.dispatch_copies())
        tp = _time.perf_counter()
        pdf = dispatch_slip_pdf(services, v, categories, reprint=reprint, copies=copies)
        tr = _time.perf_counter()
        services.repairs.mark_printed(v.id, copies)
        t2 = _time.perf_counter()
        if k >= 3:  # warm-up: fonts, barcode tables
            reg_ms.append((t2 - t) * 1000)
            svc_ms.append((t1 - t) * 1000)
            pdf_ms.append((t2 - t1) * 1000)
            render_ms.append((tr - tp) * 1000)
            sizes.append(len(pdf))
    database.dispose()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{work}{suffix}").unlink(missing_ok=True)
    return {
        "open_view": {"rows_shown": shown, "target_ms": TARGET_MS, "ms": summary(open_ms)},
        "tab_refresh": {"ms": summary(refresh_ms)},
        "register_slip": {"target_ms": TARGET_MS, "ms": summary(reg_ms), "register_ms": summary(svc_ms),
                          "pdf_and_log_ms": summary(pdf_ms), "render_only_ms": summary(render_ms), "pdf_bytes": int(sum(sizes) / max(1, len(sizes)))},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.repairs", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="20,000 historical slips, fewer runs")
    parser.add_argument("--slips", type=int, help=f"historical slips (default {SLIPS:,})")
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    n = args.slips or (20_000 if args.quick else SLIPS)
    path = ensure(n, rebuild=args.rebuild)
    from bench.__main__ import machine

    with open("/proc/loadavg", encoding="utf-8") as f:
        load = f.read().split()[:3]
    result = {"when": datetime.now().isoformat(timespec="seconds"), "machine": machine(), "load_before": load,
              "historical_slips": n, **run(path, runs=10 if args.quick else 30, registers=10 if args.quick else 40)}
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
