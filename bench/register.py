"""``services.visitors.register`` as the counter calls it: one new visit per call, committed.

Each call validates, writes the visit and its audit row in one transaction (SQLite with
``synchronous=FULL``, so every call waits for the disk) and returns the view of the new
visit. Registrations go into a copy of the cached database, so the cache stays as built.
"""

from __future__ import annotations

import random
import shutil
import time
from pathlib import Path

from bench.dataset import People, log
from bench.stats import summary

TARGET_MS = 20.0


def _copy(src: Path, dst: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{dst}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(src, dst)
    wal = Path(f"{src}-wal")
    if wal.exists():
        shutil.copyfile(wal, f"{dst}-wal")


def run_on(path: Path, *, calls: int, seed: int = 7) -> dict:
    """Register ``calls`` visits in a copy of the database at ``path``."""
    from sqlalchemy import select

    from app.context import AppContext, Operator
    from app.services import Services
    from app.services.visitors import VisitInput
    from app.startup import open_database
    from db.models import Occupant, Staff

    work = path.with_name(path.stem + ".register-copy.sqlite")
    _copy(path, work)
    opened = open_database(f"sqlite:///{work}")
    try:
        services = Services(AppContext(opened.db))
        with opened.db.read() as s:
            staff = s.execute(select(Staff).where(Staff.username == "reception1")).scalar_one()
            services.ctx.operator = Operator(staff.id, staff.username, staff.display_name, staff.role)
            occupants = [o for (o,) in s.execute(select(Occupant.id).where(Occupant.active.is_(True)))]
        rng = random.Random(seed)
        people = People(rng)

        def one(i: int) -> float:
            p = people.person()
            data = VisitInput(
                visitor_name=p.name, doc_type=p.doc_type, doc_number=p.doc_number, purpose="拜访",
                phone=p.phone, company=p.company, host_occupant_id=rng.choice(occupants),
                party_size=1, vehicle_plate="", badge_number=f"R{seed}-{i:04d}",
            )
            t0 = time.perf_counter()
            services.visitors.register(data)
            return (time.perf_counter() - t0) * 1000

        for i in range(3):  # warm-up: imports, statement cache, pinyin dictionary
            one(i)
        times = [one(i) for i in range(3, calls + 3)]
    finally:
        opened.db.dispose()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{work}{suffix}").unlink(missing_ok=True)
    return summary(times, 2)


def run(big: Path, empty: Path, *, calls: int = 60) -> dict:
    log(f"register: {calls} calls on the empty database …")
    on_empty = run_on(empty, calls=calls)
    log(f"register: {calls} calls on {big.name} …")
    on_big = run_on(big, calls=calls)
    return {
        "calls": calls,
        "empty_db_ms": on_empty,
        "large_db_ms": on_big,
        "target_ms": TARGET_MS,
        "meets_target": on_big["p95"] <= TARGET_MS and on_empty["p95"] <= TARGET_MS,
    }
