"""A parcel register with a long history for the parcel benchmarks: 1,000,000 items.

Built once and cached under ``bench/out/`` (git-ignored), named by size, generator version
and schema. The staff, property, ~300 units and their occupants come from the visitor
benchmark's empty database (``bench.dataset.ensure(0)``: made through the services); the
``parcel`` rows are bulk-inserted with SQLAlchemy Core ``executemany`` after the real
migrations, the table's indexes dropped and re-created with their exact DDL from
``sqlite_master``.

What is inserted: items over three years of business days (08:00–20:00), 85 % parcels, the
rest letters, registered mail, magazines…; a carrier and a tracking number of its format
(unique, ``SF`` + 13 digits, ``YT`` + 13, 15-digit all-digit numbers, ``M`` internal numbers
for a few letters); each assigned to a unit (the few unassigned ones are recent). Every item
older than two weeks is picked up (``state = 'picked_up'``) or, rarely, returned or disposed
of; of the last two weeks 5 % are still waiting — some
six hundred items waiting across the property, as at a real counter. The pick-up, event and
audit rows of the history are not generated: "waiting for this unit", the duplicate check
and the lists read only ``parcel`` (and ``unit``/``staff`` for their names).
"""

from __future__ import annotations

import random
import shutil
import time as _time
from datetime import datetime, timedelta
from pathlib import Path

from bench.dataset import OUT_DIR, log, schema_tag

GENERATOR_VERSION = 1
ITEMS = 1_000_000
YEARS = 3

_TYPES = (("parcel", 85), ("letter", 6), ("registered", 4), ("magazine", 3), ("money_order", 1), ("parcel_notice", 1))
_CARRIERS = (("sf", "SF", 13, 30), ("yto", "YT", 13, 20), ("zto", "", 15, 20), ("sto", "77", 13, 10),
             ("jd", "JD", 13, 10), ("ems", "E", 0, 5), ("other", "X", 12, 5))


def db_path(items: int = ITEMS) -> Path:
    return OUT_DIR / f"parcels-{items}-g{GENERATOR_VERSION}-{schema_tag()}.sqlite"


def ensure(items: int = ITEMS, *, rebuild: bool = False) -> tuple[Path, dict | None]:
    """The cached database with ``items`` parcels, built when missing."""
    path = db_path(items)
    if path.exists() and not rebuild:
        return path, None
    log(f"building {path.name} ({items:,} parcels) …")
    return path, build(path, items)


def _weighted(rng: random.Random, table):  # noqa: ANN001, ANN202
    return rng.choices(table, weights=[t[-1] for t in table])[0]


def build(path: Path, items: int = ITEMS, seed: int = 2026) -> dict:
    from sqlalchemy import create_engine, func, select, text

    from bench.dataset import ensure as ensure_visits
    from db.models import Parcel, Staff, Unit

    t0 = _time.perf_counter()
    base, _ = ensure_visits(0)
    tmp = path.with_name(path.stem + ".building.sqlite")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    shutil.copyfile(base, tmp)
    engine = create_engine(f"sqlite:///{tmp}")
    rng = random.Random(seed)
    with engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA journal_mode=OFF")
        conn.exec_driver_sql("PRAGMA synchronous=OFF")
    with engine.begin() as conn:
        units = list(conn.execute(select(Unit.id)).scalars())
        staff = list(conn.execute(select(Staff.id).where(Staff.username.like("reception%"))).scalars())
        indexes = conn.execute(text(
            "SELECT name, sql FROM sqlite_master WHERE type='index' AND tbl_name='parcel' AND sql IS NOT NULL")).all()
        for name, _sql in indexes:
            conn.exec_driver_sql(f'DROP INDEX "{name}"')
        assert conn.execute(select(func.count(Parcel.id))).scalar_one() == 0
    end = datetime.now().replace(microsecond=0)
    start = end - timedelta(days=365 * YEARS)
    span = (end - start).total_seconds()
    recent = end - timedelta(days=14)
    insert = Parcel.__table__.insert()
    batch: list[dict] = []
    done = waiting = 0
    serial = 0
    t1 = _time.perf_counter()
    conn = engine.connect()
    try:
        conn.exec_driver_sql("PRAGMA cache_size=-400000")
        conn.commit()
        trans = conn.begin()
        # Arrival times in order, so ids grow with time as they do at the counter.
        times = sorted(rng.random() for _ in range(items))
        for frac in times:
            at = start + timedelta(seconds=int(frac * span))
            at = at.replace(hour=8 + (at.hour % 12))
            serial += 1
            carrier, prefix, digits, _w = _weighted(rng, _CARRIERS)
            item_type = _weighted(rng, _TYPES)[0]
            if item_type == "letter" and rng.random() < 0.5:
                code, internal, carrier = f"M{serial:07d}", True, "other"
            elif carrier == "ems":
                code, internal = f"E{rng.choice('ABCEL')}{serial:08d}{rng.randrange(10)}CN", False
            else:
                code, internal = f"{prefix}{serial:0{digits or 12}d}", False
            unit = rng.choice(units)
            state, state_at = "picked_up", at + timedelta(hours=rng.randint(1, 72))
            if at >= recent:
                if rng.random() < 0.05:
                    state, state_at = "waiting", at
                    waiting += 1
                if rng.random() < 0.01:
                    unit = None
            elif rng.random() < 0.004:
                state = rng.choice(("returned", "disposed"))
            batch.append({
                "code": code, "internal": internal, "carrier": carrier, "check_digit": "none",
                "item_type": item_type, "unit_id": unit, "occupant_id": None, "recipient_name": "",
                "shelf": f"{rng.choice('ABCD')}-{rng.randint(1, 12):02d}", "perishable": False,
                "signature_required": item_type in ("parcel", "registered", "money_order"), "fragile": False,
                "suspicious": False, "damaged": False, "received_at": at, "received_by_id": rng.choice(staff),
                "courier": "", "batch_id": None, "state": state, "state_at": min(state_at, end),
                "pickup_id": None, "notified_at": None, "note": ""})
            if len(batch) >= 50_000:
                conn.execute(insert, batch)
                done += len(batch)
                batch.clear()
                if done % 200_000 == 0:
                    log(f"inserted {done:,} parcels ({_time.perf_counter() - t1:.0f} s)")
        if batch:
            conn.execute(insert, batch)
            done += len(batch)
        # the internal-number counter continues after the generated M-numbers
        conn.exec_driver_sql("INSERT OR REPLACE INTO counter (name, value) VALUES ('parcel_internal', ?)",
                             (serial + 1,))
        trans.commit()
        t_insert = _time.perf_counter() - t1
        t2 = _time.perf_counter()
        with conn.begin():
            for _name, sql in indexes:
                conn.exec_driver_sql(sql)
        t_index = _time.perf_counter() - t2
    finally:
        conn.close()
    with engine.connect() as c:
        c.exec_driver_sql("PRAGMA journal_mode=WAL")
    engine.dispose()
    tmp.replace(path)
    stats = {"items": done, "waiting": waiting, "units": len(units), "insert_s": round(t_insert, 1),
             "index_s": round(t_index, 1), "total_s": round(_time.perf_counter() - t0, 1),
             "size_mb": round(path.stat().st_size / 1e6, 1)}
    log(f"built {path.name}: {stats}")
    return stats
