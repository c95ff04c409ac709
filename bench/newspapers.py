"""Newspapers at scale: every unit of the demo taking every daily paper (1,200 lines) and a
year of their deliveries (~440,000 rows).

    python -m bench.newspapers [--days 365] [--lines 1200]

The demo property (300 units, staff) is built through the services with its newspapers left
out; the titles go through ``NewspaperService``; the subscriptions, the past year's receipts
and deliveries are bulk-inserted with SQLAlchemy Core exactly as the service writes them
(no audit rows for them). Then, through the services and the real tab (offscreen), timed:
the day sheet, the delivery plan, the whole subscriptions list, the morning count of every
title, delivering a round of 200 units at once, a month of the register read in pages, and
refreshing the Newspapers tab. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _timed(fn, repeat: int = 5) -> dict:  # noqa: ANN001
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t) * 1000)
    return {"median_ms": round(statistics.median(runs), 1), "max_ms": round(max(runs), 1)}


def build(path: Path, days: int, lines: int, seed: int = 2026):  # noqa: ANN201
    """A demo property without newspapers, then ``lines`` subscriptions and ``days`` of history."""
    import app.demo
    from app.context import AppContext
    from app.demo_newspapers import TITLES
    from app.services import Services
    from app.startup import open_database
    from db.models import NewspaperDelivery, NewspaperReceipt, NewspaperSubscription, Unit

    app.demo.fill_newspapers = lambda *a, **k: 0  # the bench writes its own
    opened = open_database(f"sqlite:///{path}")
    services = Services(AppContext(opened.db))
    app.demo.fill_demo(services, seed)
    services.staff.sign_in("reception1", "demo-front1")
    titles = [services.newspapers.add_title(n, k, p, f) for n, k, p, f, _w in TITLES]
    daily = [t for t in titles if t.frequency == "daily"]
    rng = random.Random(seed)
    today = date.today()
    first = today - timedelta(days=days)
    op = services.ctx.operator.id
    with services.ctx.db.read() as s:
        units = list(s.execute(sa.select(Unit.id)).scalars())
    pairs = rng.sample([(u, t.id) for u in units for t in daily], lines)
    created = datetime.combine(first, datetime.min.time())
    subs = [dict(title_id=t, unit_id=u, department="", occupant_id=None, subscriber="", copies=1,
                 starts_on=first, ends_on=None, note="", created_at=created, created_by_id=op, ended_at=None,
                 ended_by_id=None, end_reason="") for u, t in pairs]
    with services.ctx.db.write() as s:
        s.execute(sa.insert(NewspaperSubscription), subs)
        ids = list(s.execute(sa.select(
            NewspaperSubscription.id, NewspaperSubscription.title_id, NewspaperSubscription.unit_id)).all())
    per_title: dict[int, int] = {}
    for _sid, tid, _uid in ids:
        per_title[tid] = per_title.get(tid, 0) + 1
    for n in range(days):
        day = first + timedelta(days=n)
        at = datetime.combine(day, datetime.min.time()) + timedelta(hours=8, minutes=30)
        with services.ctx.db.write() as s:
            s.execute(sa.insert(NewspaperReceipt), [
                dict(title_id=tid, day=day, expected=c, received=c, recorded_at=at, recorded_by_id=op, note="")
                for tid, c in per_title.items()])
            s.execute(sa.insert(NewspaperDelivery), [
                dict(day=day, title_id=tid, subscription_id=sid, unit_id=uid, department="", copies=1,
                     method="mailbox", received_by="", delivered_at=at + timedelta(hours=1), staff_id=op)
                for sid, tid, uid in ids])
    return services, opened


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.newspapers")
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--lines", type=int, default=1200)
    args = parser.parse_args(argv)
    home = Path(tempfile.mkdtemp(prefix="bench-np-"))
    os.environ["RECEPTION_HOME"] = str(home)
    t0 = time.perf_counter()
    services, _opened = build(home / "np.sqlite", args.days, args.lines)
    built = time.perf_counter() - t0
    np = services.newspapers
    today = date.today()
    out: dict = {"subscriptions": len(np.subscriptions()), "days": args.days, "build_s": round(built, 1)}
    out["day_sheet_before_count"] = _timed(lambda: np.day_sheet(today))
    out["delivery_plan"] = _timed(lambda: np.delivery_plan(today, due_only=True))
    out["subscriptions_list"] = _timed(lambda: np.subscriptions())
    counts = []
    for line in np.day_sheet(today):
        t = time.perf_counter()
        np.record_receipt(line.title.id, today, line.expected)
        counts.append((time.perf_counter() - t) * 1000)
    out["record_count_ms"] = {"median": round(statistics.median(counts), 1), "max": round(max(counts), 1)}
    out["day_sheet"] = _timed(lambda: np.day_sheet(today))
    from app.services.newspapers import DeliveryInput

    todo = [ln.subscription.id for ln in np.delivery_plan(today, due_only=True) if not ln.delivered]
    rounds = []
    for i in range(0, min(len(todo), 1000), 200):
        batch = [DeliveryInput(sid, "mailbox") for sid in todo[i:i + 200]]
        t = time.perf_counter()
        np.deliver(today, batch)
        rounds.append((time.perf_counter() - t) * 1000)
    out["deliver_200_ms"] = {"median": round(statistics.median(rounds), 1), "max": round(max(rounds), 1)}
    out["register_30_days"] = _timed(lambda: sum(1 for _ in np.deliveries(today - timedelta(days=29), today)),
                                     repeat=3)
    out["register_30_days_rows"] = sum(1 for _ in np.deliveries(today - timedelta(days=29), today))

    from PySide6.QtWidgets import QApplication

    from ui.bus import DataBus
    from ui.newspapers.tab import NewspapersTab

    app = QApplication.instance() or QApplication([])
    tab = NewspapersTab(services, DataBus())
    tab.resize(1366, 700)
    tab.show()
    app.processEvents()
    out["tab_refresh"] = _timed(lambda: (tab.refresh(), app.processEvents()))
    print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
