"""Receipts at the counter: issuing, the tab's list and the cash-up on a year of receipts.

``python -m bench.receipts_counter [--receipts N] [--ops N]`` prints JSON. Not a test.

The register is filled directly (one transaction, the same rows and counter the service
writes: ``N`` receipts with one or two lines over ``N/40`` closed shifts), then, as the
receptionist with a shift open, it times:

* ``issue`` — ``services.receipts.issue()`` of a two-line receipt for an occupant: validate,
  take the next number under the write lock, insert receipt, lines and audit row, commit
  (``synchronous=FULL``), return the view;
* ``shift_list`` — ``shift_receipts()`` of the open shift (what the tab shows) once it holds
  ``ops`` receipts;
* ``find`` — ``find(number)`` of a random old receipt (a scan);
* ``cashup`` — the X report of the open shift;
* ``dates_30_days`` — ``search()`` of the last 30 days (the tab's "Dates" list, at most 500 rows).

Baseline in the same run: the same ``issue`` on an empty register.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

from bench.stats import summary


def _services(path: Path):  # noqa: ANN202
    from app.context import AppContext
    from app.services import Services
    from db.engine import Database
    from db.migrate import upgrade

    db = Database.open(f"sqlite:///{path}")
    upgrade(db.engine)
    svc = Services(AppContext(db))
    return svc


def _setup(svc) -> None:  # noqa: ANN001
    from app.services.occupants import OccupantInput

    svc.staff.create_first_admin("admin", "管理员", "admin-pass")
    svc.staff.sign_in("admin", "admin-pass")
    svc.property.save_profile("基准物业", "", "")
    b = svc.property.add_building("A", "A栋")
    for i in range(1, 41):
        code = f"A-{i:02d}01"
        svc.property.add_unit(b.id, code, i)
        svc.occupants.create(OccupantInput(code, f"业主{i}", f"138{i:08d}", "owner"))
    svc.staff.create("cashier", "王芳", "receptionist", "cashier-pass")


def _fill(svc, n: int, rng: random.Random) -> list[str]:  # noqa: ANN001
    """``n`` receipts in closed shifts of 40, written as the service writes them (bulk, one
    commit, numbers gapless per year, counters set); returns the numbers."""
    from sqlalchemy import insert, select

    from app.services.audit import lock_counter
    from db.models import CashShift, Occupant, Receipt, ReceiptLine, Staff

    with svc.ctx.db.write() as s:
        staff = s.execute(select(Staff.id).where(Staff.username == "cashier")).scalar_one()
        occ = list(s.execute(select(Occupant.id, Occupant.unit_id, Occupant.name)).all())
        days = n // 40 + 1
        start = datetime.now().replace(hour=8, minute=0, second=0, microsecond=0) - timedelta(days=days)
        shifts = [{"id": d + 1, "staff_id": staff, "opened_at": start + timedelta(days=d),
                   "opening_float": Decimal("500.00"), "closed_at": start + timedelta(days=d, hours=9),
                   "closed_by_id": staff, "close_seq": d + 1, "variance_note": ""} for d in range(days)]
        receipts, lines, seq = [], [], {}
        for i in range(n):
            d = i // 40
            at = start + timedelta(days=d, minutes=10 * (i % 40))
            seq[at.year] = seq.get(at.year, 0) + 1
            o = rng.choice(occ)
            total = Decimal(rng.randint(500, 300000)) / 100
            receipts.append({"id": i + 1, "number": f"R{at.year}-{seq[at.year]:06d}", "series": "R", "year": at.year,
                             "seq": seq[at.year], "shift_id": d + 1, "issued_at": at, "issued_by_id": staff,
                             "payer_kind": "occupant", "payer_name": o.name, "occupant_id": o.id,
                             "unit_id": o.unit_id, "method": rng.choice(("cash", "wechat", "alipay")),
                             "total": total, "reference": "", "note": ""})
            lines.append({"receipt_id": i + 1, "position": 1, "fee_item_id": None, "description": "维修费",
                          "quantity": 1, "unit_price": total, "amount": total, "refundable": False})
        s.execute(insert(CashShift), shifts)
        s.execute(insert(Receipt), receipts)
        s.execute(insert(ReceiptLine), lines)
        for year, value in seq.items():
            lock_counter(s, f"receipt:R:{year:04d}").value = value
        lock_counter(s, "cash_shift_close").value = days
        return [r["number"] for r in receipts]


def _measure(svc, ops: int, rng: random.Random, *, old: list[str]) -> dict:  # noqa: ANN001
    from app.services.receipts import LineInput, Payer, ReceiptInput

    svc.staff.sign_in("cashier", "cashier-pass")
    svc.receipts.open_shift("500.00")
    occ = [o.id for o in svc.occupants.search("", limit=100)]
    fees = {f.code: f.id for f in svc.fees.list()}
    issue, find, lst, cash = [], [], [], []
    for i in range(ops + 5):
        data = ReceiptInput(Payer("occupant", rng.choice(occ)),
                            (LineInput(fees["pass_card"], quantity=rng.randint(1, 5)),
                             LineInput(fees["repair"], description="更换水龙头", unit_price=f"{rng.randint(10, 300)}.50")),
                            rng.choice(("cash", "wechat")))
        t = time.perf_counter()
        svc.receipts.issue(data)
        if i >= 5:
            issue.append((time.perf_counter() - t) * 1000)
    for number in rng.sample(old, min(50, len(old))):
        t = time.perf_counter()
        svc.receipts.find(number)
        find.append((time.perf_counter() - t) * 1000)
    for _ in range(20):
        t = time.perf_counter()
        svc.receipts.shift_receipts()
        lst.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        svc.receipts.cashup()
        cash.append((time.perf_counter() - t) * 1000)
    month = []
    for _ in range(10):
        t = time.perf_counter()
        svc.receipts.search(datetime.now().date() - timedelta(days=30), datetime.now().date(), "")
        month.append((time.perf_counter() - t) * 1000)
    out = {"issue_ms": summary(issue), "shift_list_ms": summary(lst), "cashup_ms": summary(cash),
           "dates_30_days_ms": summary(month)}
    if find:
        out["find_ms"] = summary(find)
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.receipts_counter")
    p.add_argument("--receipts", type=int, default=20_000)
    p.add_argument("--ops", type=int, default=100)
    a = p.parse_args(argv)
    rng = random.Random(2026)
    tmp = Path(tempfile.mkdtemp(prefix="bench-receipts-"))
    try:
        base = _services(tmp / "base.sqlite")
        _setup(base)
        baseline = _measure(base, a.ops, rng, old=[])
        big = _services(tmp / "big.sqlite")
        _setup(big)
        t = time.perf_counter()
        numbers = _fill(big, a.receipts, rng)
        fill_s = time.perf_counter() - t
        measured = _measure(big, a.ops, rng, old=numbers)
        print(json.dumps({"receipts": a.receipts, "ops": a.ops, "fill_s": round(fill_s, 1),
                          "baseline_empty_register": baseline, "on_register": measured}, indent=1))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
