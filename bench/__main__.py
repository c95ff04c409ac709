"""``python -m bench``: the performance figures of docs/PERFORMANCE.md, printed as JSON.

Benchmarks, not tests: nothing here fails because something is slow; each figure is printed
next to its target. Progress goes to standard error, the JSON document to standard output.

    python -m bench                    # everything, 1,000,000 visits (~40 s, ~3.5 min with the key
                                       # benchmarks; longer the first time, building the databases
                                       # under bench/out/)
    python -m bench --quick            # 50,000 visits, fewer runs (~15 s)
    python -m bench --only search      # one benchmark (repeatable: --only startup --only register)
    python -m bench --rows 200000      # another register size (cached per size under bench/out/)
    python -m bench --only printing    # receipt 80 mm, pass card, 100 pass cards vs a bare page (~30 s)
    python -m bench --only keys --only scan   # the key cabinet: service time, scan to screen (~2.5 min;
                                       # --quick: ~1 min; +30 s the first time, building the cabinet)
    python -m bench --only parcels     # parcels: 500 scans at 10/s through a pty into the main window,
                                       # queries on 1,000,000 items (~2 min; the first time +~1 min
                                       # building the register; --quick: 50,000 items, 100 scans)
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from datetime import datetime

BENCHMARKS = ("startup", "search", "register", "keys", "scan", "parcels", "printing")


def machine() -> dict:
    import sqlite3

    import PySide6
    import sqlalchemy

    cpu = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next((ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name")), "")
    except OSError:
        cpu = platform.processor()
    ram_gb = None
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            kb = int(next(ln for ln in f if ln.startswith("MemTotal")).split()[1])
            ram_gb = round(kb / 1024 / 1024, 1)
    except (OSError, StopIteration):
        pass
    import os

    return {
        "cpu": cpu, "cores": os.cpu_count(), "ram_gb": ram_gb, "os": platform.platform(),
        "python": platform.python_version(), "pyside6": PySide6.__version__,
        "sqlalchemy": sqlalchemy.__version__, "sqlite": sqlite3.sqlite_version,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes and fewer runs")
    parser.add_argument("--only", action="append", choices=BENCHMARKS, help="run only this benchmark")
    parser.add_argument("--rows", type=int, help="visits in the search/register database (default 1,000,000; "
                        "--quick: 50,000)")
    parser.add_argument("--runs", type=int, help="measured start-up runs of each kind (default 7; --quick: 5)")
    parser.add_argument("--repeats", type=int, help="passes over every search keystroke (default 3; --quick: 1)")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached databases")
    parser.add_argument("--out", metavar="FILE", help="also write the JSON to FILE")
    args = parser.parse_args(argv)

    from bench.dataset import ensure, log

    only = args.only or list(BENCHMARKS)
    rows = args.rows or (50_000 if args.quick else 1_000_000)
    result: dict = {
        "date": datetime.now().strftime("%Y-%m-%d %H:%M"),
        "machine": machine(),
        "quick": args.quick,
    }
    t_all = time.perf_counter()

    if "startup" in only:
        from bench import startup

        log("startup: cold start vs a bare window …")
        result["startup"] = startup.run(runs=args.runs or (5 if args.quick else 7), rebuild_demo=args.rebuild)

    if "search" in only or "register" in only:
        path, built = ensure(rows, rebuild=args.rebuild)
        result["database"] = {"visits": rows, "file": path.name, "build": built}

    if "search" in only:
        from app.context import AppContext, Operator
        from app.services import Services
        from app.startup import open_database
        from bench import search
        from db.models import Staff

        log(f"search: per-keystroke searches on {rows:,} visits …")
        opened = open_database(f"sqlite:///{path}")
        try:
            services = Services(AppContext(opened.db))
            with opened.db.read() as s:
                st = s.query(Staff).filter(Staff.username == "reception1").one()
                services.ctx.operator = Operator(st.id, st.username, st.display_name, st.role)
            result["search"] = search.run(services, repeats=args.repeats or (1 if args.quick else 3))
        finally:
            opened.db.dispose()

    if "register" in only:
        from bench import register

        empty, _ = ensure(0, rebuild=args.rebuild)
        result["register"] = register.run(path, empty, calls=30 if args.quick else 100)

    if "keys" in only or "scan" in only:
        from bench import keys_dataset

        cabinet, built = keys_dataset.ensure(rebuild=args.rebuild)
        result["key_cabinet"] = {"keys": keys_dataset.KEYS, "loans": keys_dataset.LOANS, "file": cabinet.name,
                                 "build": built}

    if "keys" in only:
        from bench import keys_service

        small, _ = keys_dataset.ensure(keys_service.BASE_KEYS, keys_service.BASE_LOANS, rebuild=args.rebuild)
        result["keys"] = keys_service.run(cabinet, small, ops=200 if args.quick else 300)

    if "scan" in only:
        from bench import scan_screen

        result["scan"] = scan_screen.run(cabinet, seconds=10 if args.quick else 60, rate=20,
                                         baseline_seconds=5 if args.quick else 20)

    if "parcels" in only:
        from bench import parcels, parcels_dataset

        items = 50_000 if args.quick else parcels_dataset.ITEMS
        register, built = parcels_dataset.ensure(items, rebuild=args.rebuild)
        result["parcel_register"] = {"items": items, "file": register.name, "build": built}
        result["parcels"] = parcels.run(register, n=100 if args.quick else 500, rate=10,
                                        repeats=50 if args.quick else 200)

    if "printing" in only:
        from bench import printing

        result["printing"] = printing.run(runs=30 if args.quick else 100, batches=2 if args.quick else 5)

    result["elapsed_s"] = round(time.perf_counter() - t_all, 1)
    text = json.dumps(result, ensure_ascii=False, indent=2, default=str)
    print(text)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
