"""Scan to screen: from the last byte on the serial line to the record committed and shown.

A pseudo-terminal pair (``os.openpty()``) is the serial scanner. The program's own
``SerialScanner`` reads the slave end, configured like a real scanner in ``scanners.json``
(9600 baud, 8N1, CR after each code); a separate *writer process* writes the codes to the
master end, byte by byte at the pace of 9600 baud 8N1 (1.04 ms a byte, as the scanner's
UART sends them), and notes the time (``time.monotonic()``, one clock for all processes)
just after the last byte, the CR, was written. Separate, so the writer does not compete for
the program's GIL as a real scanner would not.

Each measured mode runs in its own process (``QT_QPA_PLATFORM=offscreen``, ``RECEPTION_HOME``
a temporary folder, a fresh copy of the key cabinet database):

``window``  The real thing. ``ui.main_window.MainWindow`` on the copy, signed in as the
            receptionist ``reception1`` (``StaffService.sign_in``), shown; its
            ``ScannerBridge`` starts the scanner from ``scanners.json`` when the window is
            shown; ``ScanRouter`` sends each key tag to ``KeysTab.handle_scan``, which
            calls ``KeyService.scan(code)``. A tag that is out is checked in at once. For a
            key in the cabinet the tab builds its ``CheckOutDialog`` and would show it; the
            benchmark replaces only the modal ``exec`` (``KeysTab.exec_dialog``, the hook the
            UI tests use) by a call of ``KeyService.check_out(key_id, LoanInput(…))`` with what
            the receptionist would have typed (no human time, no slip printing). The tab then
            refreshes its tables as after any scan. A slot connected to ``sig_scan`` after the
            router's notes the time and checks the tables' models: the key's row in the
            cabinet list (when it is among the rows listed), the newest rows of the loan
            register and the "keys still out" panel must show the new state.
``minimal`` Baseline: the real ``ScannerBridge`` and reader, a slot that calls
            ``KeyService.scan`` (and ``check_out`` for a key in the cabinet) and sets the
            key's status in a ``QStandardItemModel`` shown in a ``QTableView``: what the
            service and the Qt hop cost without the Keys tab's refresh.
``serial``  Baseline: ``SerialScanner`` alone (no Qt, no database), its ``on_scan``
            callback noting the time on the reader thread: the floor set by the pty, the
            reader's loop and the parser.

The scans alternate check-outs and check-ins of many different keys (every key is scanned
twice, out then in, ~4 s apart, far beyond the 1 s double-read filter): 40 keys are lent
before the burst, then each check-out of a fresh key is followed by the check-in of the
key that has been out longest. Six warm-up scans, 0.2 s apart, come first (not in the
statistics, but counted as written and received); then ``rate`` scans a second for
``seconds`` seconds.

Counted: codes written, scans received by the slot, scans whose record was visible, and
at the end the loans and returns actually committed in the database (new ``key_loan`` and
``key_loan_event`` rows) against those planned. A QTimer ticking every 10 ms on the UI
thread during the burst gives the longest event-loop stall (largest gap between ticks).
A paint watcher on the tables' viewports gives the time to the first repaint after the
record became visible.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict, deque
from itertools import pairwise
from pathlib import Path

from bench.dataset import PASSWORD, log
from bench.stats import percentile

ROOT = Path(__file__).resolve().parent.parent
TARGET_P50_MS = 30.0
TARGET_P99_MS = 100.0
BYTE_TIME = 10 / 9600  # 8N1: start + 8 data + stop bits at 9600 baud
PRE_OUT = 40  # keys lent before the burst: the check-ins of its first seconds
WARMUP = 6
TICK_MS = 10
#: After the last code is written, how long queued scans are still waited for and measured
#: (the rest is reported as backlog: read by the program but not handled yet).
DRAIN_S = 20.0


# -- the orchestrator (runs in the ``python -m bench`` process) ----------------------------------


def run(db: Path, *, seconds: float = 60, rate: float = 20, baseline_seconds: float = 20) -> dict:
    """Run the three modes, each in its own process on its own copy of ``db``."""
    out: dict = {"rate_per_s": rate, "burst_s": seconds, "byte_time_ms": round(BYTE_TIME * 1000, 3)}
    for mode, secs in (("window", seconds), ("minimal", baseline_seconds), ("serial", min(10, baseline_seconds))):
        log(f"scan to screen: {mode}, {secs:g} s at {rate:g} scans/s …")
        out[mode] = _run_child(db, mode, secs, rate)
    w = out["window"]
    out["target"] = {"p50_ms": TARGET_P50_MS, "p99_ms": TARGET_P99_MS, "lost": 0}
    out["meets_target"] = bool(w.get("visible_ms", {}).get("p50", 1e9) <= TARGET_P50_MS
                               and w.get("visible_ms", {}).get("p99", 1e9) <= TARGET_P99_MS
                               and w.get("counts", {}).get("lost", 1) == 0)
    return out


def _run_child(db: Path, mode: str, seconds: float, rate: float) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-scan-") as tmp:
        work = Path(tmp) / "cabinet.sqlite"
        if mode != "serial":
            shutil.copyfile(db, work)
        env = dict(os.environ)
        env["QT_QPA_PLATFORM"] = "offscreen"
        env["RECEPTION_HOME"] = str(Path(tmp) / "home")
        cmd = [sys.executable, "-m", "bench.scan_screen", "--mode", mode, "--db", str(work),
               "--seconds", str(seconds), "--rate", str(rate)]
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=seconds + 180, check=False)
        line = next((ln for ln in reversed(proc.stdout.splitlines()) if ln.startswith("{")), "")
        if proc.returncode != 0 or not line:
            raise RuntimeError(f"scan_screen {mode} failed ({proc.returncode}): {proc.stderr.strip()[-1500:]}")
        return json.loads(line)


# -- the writer process: the scanner ------------------------------------------------------------


def writer_main() -> int:
    """Read {"fd", "codes", "times"} on stdin; write each code + CR at its time, byte by byte
    at 9600 baud 8N1; print the monotonic time of each code's last byte and how late it
    started (ms)."""
    spec = json.loads(sys.stdin.read())
    fd = spec["fd"]
    last, late = [], []
    for code, at in zip(spec["codes"], spec["times"]):
        data = code.encode("ascii") + b"\r"
        now = time.monotonic()
        if at > now:
            time.sleep(at - now)
        start = time.monotonic()
        late.append((start - at) * 1000)
        for j, b in enumerate(data):
            if j:
                wait = start + j * BYTE_TIME - time.monotonic()
                if wait > 0:
                    time.sleep(wait)
            os.write(fd, bytes((b,)))
        last.append(time.monotonic())
    sys.stdout.write(json.dumps({"last": last, "late_ms": late}) + "\n")
    return 0


def _start_writer(master: int, codes: list[str], times: list[float]) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "bench.scan_screen", "--writer"], cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, pass_fds=(master,))
    proc.stdin.write(json.dumps({"fd": master, "codes": codes, "times": times}))
    proc.stdin.close()
    return proc


def _writer_result(proc: subprocess.Popen) -> dict:
    out = proc.stdout.read()
    proc.wait(timeout=30)
    return json.loads(out)


def _schedule(n: int, rate: float, t0: float) -> list[float]:
    """Warm-up scans 0.2 s apart, a second's pause, then ``rate`` a second."""
    times = [t0 + 0.2 * i for i in range(min(WARMUP, n))]
    burst0 = t0 + 0.2 * WARMUP + 1.0
    times += [burst0 + (i - WARMUP) / rate for i in range(WARMUP, n)]
    return times


# -- the measured process -----------------------------------------------------------------------


class _Plan:
    """Which key each scan is and what it should do (``out``: check-out, ``in``: check-in)."""

    def __init__(self, services, n: int, seed: int = 5):
        from bench.keys_service import candidate_keys, loan_input

        rng = random.Random(seed)
        fresh_needed = (n + 1) // 2
        keys = candidate_keys(services, rng, PRE_OUT + fresh_needed)
        if len(keys) < PRE_OUT + fresh_needed:
            raise RuntimeError("not enough keys in the cabinet for this burst")
        pre, fresh = keys[:PRE_OUT], keys[PRE_OUT:]
        for k in pre:  # already out when the burst starts (not measured)
            services.keys.check_out(k.id, loan_input(k))
        self.pre_ids = {k.id for k in pre}
        queue = deque(pre)
        self.entries: list[tuple] = []  # (code, key_id, expected status)
        fi = 0
        for i in range(n):
            if i % 2 == 0:
                k = fresh[fi]
                fi += 1
                queue.append(k)
                self.entries.append((k.tag_code, k.id, "out"))
            else:
                k = queue.popleft()
                self.entries.append((k.tag_code, k.id, "in"))
        self.keys = {k.id: k for k in keys}
        self._expect: dict[str, deque] = defaultdict(deque)
        for i, (code, key_id, status) in enumerate(self.entries):
            self._expect[code].append((i, key_id, status))

    @property
    def codes(self) -> list[str]:
        return [e[0] for e in self.entries]

    def next_for(self, code: str) -> tuple[int, int, str] | None:
        q = self._expect.get(code)
        return q.popleft() if q else None


def _db_counts(services) -> tuple[int, int]:
    from sqlalchemy import func, select

    from db.models import KeyLoan, KeyLoanEvent

    with services.ctx.db.read() as s:
        return (s.execute(select(func.coalesce(func.max(KeyLoan.id), 0))).scalar_one(),
                s.execute(select(func.coalesce(func.max(KeyLoanEvent.id), 0))).scalar_one())


def _db_new(services, loans_before: int, events_before: int) -> tuple[int, int]:
    from sqlalchemy import func, select

    from db.models import KeyLoan, KeyLoanEvent

    with services.ctx.db.read() as s:
        return (s.execute(select(func.count()).select_from(KeyLoan).where(KeyLoan.id > loans_before)).scalar_one(),
                s.execute(select(func.count()).select_from(KeyLoanEvent).where(
                    KeyLoanEvent.id > events_before, KeyLoanEvent.kind == "return")).scalar_one())


def _ms(values: list[float]) -> dict:
    if not values:
        return {"n": 0}
    import statistics

    return {"n": len(values), "p50": round(statistics.median(values), 2), "p95": round(percentile(values, 95), 2),
            "p99": round(percentile(values, 99), 2), "max": round(max(values), 2)}


def child_main(mode: str, db: Path, seconds: float, rate: float) -> dict:
    master, slave = os.openpty()
    port = os.ttyname(slave)
    os.close(slave)  # the reader opens its own, as it would open /dev/ttyUSB0
    n = WARMUP + round(seconds * rate)
    if mode == "serial":
        result = _child_serial(master, port, n, rate)
    else:
        result = _child_qt(mode, master, port, db, n, rate)
    os.close(master)
    result["mode"] = mode
    return result


def _config(port: str):
    from app.devices.scanner_config import ScannerConfig

    return ScannerConfig("bench", port, baudrate=9600, bytesize=8, parity="N", stopbits=1, terminator="CR")


def _child_serial(master: int, port: str, n: int, rate: float) -> dict:
    import threading

    from app.devices.serial_reader import SerialScanner

    got: list[tuple[str, float, float]] = []
    errors: list[str] = []
    lock = threading.Lock()

    def on_scan(event) -> None:
        t = time.monotonic()
        with lock:
            got.append((event.text, event.at, t))

    scanner = SerialScanner(_config(port), on_scan=on_scan, on_error=lambda e: errors.append(e.key))
    scanner.start()
    deadline = time.monotonic() + 5
    while scanner.state != "connected" and time.monotonic() < deadline:
        time.sleep(0.01)
    if scanner.state != "connected":
        raise RuntimeError(f"scanner not connected: {scanner.state}")
    codes = [f"K{90000 + i:05d}" for i in range(n)]
    times = _schedule(n, rate, time.monotonic() + 0.5)
    writer = _start_writer(master, codes, times)
    written = _writer_result(writer)
    deadline = time.monotonic() + 2
    while len(got) < n and time.monotonic() < deadline:
        time.sleep(0.01)
    scanner.stop()
    by_code = {text: (at, t) for text, at, t in got}
    lat, parse = [], []
    for i, (code, t_last) in enumerate(zip(codes, written["last"])):
        if i < WARMUP or code not in by_code:
            continue
        at, t = by_code[code]
        lat.append((t - t_last) * 1000)
        parse.append((at - t_last) * 1000)
    return {"counts": {"written": n, "received": len(got), "lost": n - len(got), "errors": errors},
            "callback_ms": _ms(lat), "parsed_ms": _ms(parse),
            "writer_late_ms": _ms(written["late_ms"][WARMUP:])}


def _child_qt(mode: str, master: int, port: str, db: Path, n: int, rate: float) -> dict:
    drain_s = DRAIN_S if mode == "window" else 5.0
    from PySide6.QtCore import QEvent, QObject, Qt, QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    from app.context import AppContext
    from app.devices.scanner_config import save_scanners
    from app.services import Services
    from app.startup import open_database
    from bench.keys_service import loan_input
    from ui.app import ui_settings
    from ui.bus import DataBus
    from ui.fonts import install_fonts
    from ui.i18n import Translations

    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_fonts(app)
    translations = Translations()
    translations.set_language("en")
    opened = open_database(f"sqlite:///{db}")
    services = Services(AppContext(opened.db))
    services.staff.sign_in("reception1", PASSWORD)  # the real sign-in (argon2, audited)
    plan = _Plan(services, n)
    loans_before, events_before = _db_counts(services)
    save_scanners([_config(port)])  # scanners.json in RECEPTION_HOME, as the settings page saves it
    bus = DataBus()

    slot_start: dict[int, float] = {}
    records: list[dict] = []  # one per scan received
    errors: list[str] = []
    paints: list[float] = []
    info: dict = {}

    class PaintWatch(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                paints.append(time.monotonic())
            return False

    watch = PaintWatch()

    if mode == "window":
        from ui.main_window import MainWindow

        window = MainWindow(services, bus, ui_settings(), translations)
        tab = window.pages["keys"]
        info["keys_tab"] = f"{type(tab).__module__}.{type(tab).__qualname__}"
        if not hasattr(tab, "handle_scan") or not hasattr(tab, "exec_dialog"):
            raise RuntimeError(f"the Keys tab is not usable yet: {info['keys_tab']}")
        tab.slip_printer = None

        def exec_dialog(dlg) -> int:
            dlg.result_loan = services.keys.check_out(dlg.key.id, loan_input(dlg.key))
            return QDialog.DialogCode.Accepted

        tab.exec_dialog = exec_dialog
        bridge = window.scanners
        router = window.scan_router
        bridge.sig_scan.disconnect(router.route)
        views = (tab.key_view, tab.out_view, tab.loan_view)

        def visible(key_id: int, status: str, loan_rows: int = 200) -> tuple[bool, dict]:
            checks = {}
            row = tab.key_model.row_of(key_id)
            if row >= 0:
                checks["cabinet_list"] = tab.key_model.key(row).status == status
            out_ids = {tab.out_model.item(r).loan.key_id for r in range(tab.out_model.rowCount())}
            checks["still_out_panel"] = (key_id in out_ids) == (status == "out")
            newest = None
            for r in range(min(loan_rows, tab.loan_model.rowCount())):
                v = tab.loan_model.loan(r)
                if v is not None and v.key_id == key_id:
                    newest = v
                    break
            if status == "out":
                checks["loan_register"] = newest is not None and newest.returned_at is None and \
                    tab.loan_model.loan(0).key_id == key_id
            else:
                checks["loan_register"] = newest is not None and newest.returned_at is not None
            return all(checks.values()), checks
    else:
        from PySide6.QtGui import QStandardItem, QStandardItemModel
        from PySide6.QtWidgets import QTableView

        from ui.scanner.bridge import ScannerBridge

        bridge = ScannerBridge(services=services, bus=bus)
        model = QStandardItemModel(0, 3)
        rows: dict[int, int] = {}
        for key_id, k in plan.keys.items():
            rows[key_id] = model.rowCount()
            status = "out" if key_id in plan.pre_ids else k.status
            model.appendRow([QStandardItem(k.tag_code), QStandardItem(status), QStandardItem(k.location)])
        window = QTableView()
        window.setModel(model)
        window.resize(900, 600)
        views = (window,)

        def minimal_slot(event) -> None:
            try:
                r = services.keys.scan(event.text)
                status = "in"
                if r.action == "needs_checkout":
                    services.keys.check_out(r.key.id, loan_input(r.key))
                    status = "out"
                model.item(rows[r.key.id], 1).setText(status)
            except Exception as exc:  # noqa: BLE001
                errors.append(getattr(exc, "key", repr(exc)))

        router = None

        def visible(key_id: int, status: str) -> tuple[bool, dict]:
            ok = model.item(rows[key_id], 1).text() == status
            return ok, {"table": ok}

    for v in views:
        v.viewport().installEventFilter(watch)

    state: dict = {"writer": None, "times": None, "phase": "connecting", "deadline": time.monotonic() + 10,
                   "stop_at": float("inf"), "read": 0, "received_at_stop": None}
    handler = router.route if router is not None else minimal_slot

    def stop_measuring() -> None:
        """Past the drain time: scans still queued are left unhandled (counted as backlog)."""
        if state["received_at_stop"] is None:
            state["received_at_stop"] = len(records)
            for slot in (before, handler, after):
                bridge.sig_scan.disconnect(slot)

    def before(event) -> None:
        slot_start[id(event)] = time.monotonic()

    def after(event) -> None:
        t_done = time.monotonic()
        expected = plan.next_for(event.text)
        rec = {"code": event.text, "at": event.at, "start": slot_start.pop(id(event), t_done), "done": t_done,
               "index": None, "ok": False, "checks": {}}
        if expected is not None:
            idx, key_id, status = expected
            ok, checks = visible(key_id, status)
            rec.update(index=idx, ok=ok, checks=checks, status=status)
        records.append(rec)
        if time.monotonic() > state["stop_at"]:  # timers may be starved while scans queue up
            stop_measuring()

    def on_relay(what: str, _name: str, _payload: object) -> None:  # on the reader thread
        if what == "scan":
            state["read"] += 1

    # The reader's hand-over to the bridge, counted where it happens (reader thread).
    bridge._relay.connect(on_relay, Qt.ConnectionType.DirectConnection)
    bridge.sig_scan.connect(before)
    bridge.sig_scan.connect(handler)
    bridge.sig_scan.connect(after)
    bridge.sig_error.connect(lambda e: errors.append(getattr(e, "key", str(e))))

    ticks: list[float] = []
    ticker = QTimer()
    ticker.setTimerType(Qt.TimerType.PreciseTimer)
    ticker.setInterval(TICK_MS)
    ticker.timeout.connect(lambda: ticks.append(time.monotonic()))

    def poll() -> None:
        now = time.monotonic()
        if state["phase"] == "connecting":
            if "connected" in bridge.states().values():
                t0 = now + 0.5
                state["times"] = _schedule(n, rate, t0)
                state["stop_at"] = state["times"][-1] + drain_s
                state["writer"] = _start_writer(master, plan.codes, state["times"])
                state["phase"] = "burst"
            elif now > state["deadline"]:
                state["phase"] = "failed"
                app.quit()
        elif state["phase"] == "burst":
            burst0 = state["times"][min(WARMUP, n - 1)]
            if not ticker.isActive() and now >= burst0 - 0.05:
                ticker.start()
            if state["writer"].poll() is not None and (len(records) >= n or now > state["stop_at"]):
                ticker.stop()
                stop_measuring()
                state["phase"] = "done"
                app.quit()

    poller = QTimer()
    poller.setInterval(20)
    poller.timeout.connect(poll)
    poller.start()
    if mode == "minimal":
        bridge.start()  # reads scanners.json like the window does when shown
    window.show()
    app.exec()
    poller.stop()
    bridge.stop()
    if state["phase"] != "done":
        raise RuntimeError(f"scan to screen {mode}: stopped while {state['phase']}; states {bridge.states()}")
    written = _writer_result(state["writer"])
    loans_new, returns_new = _db_new(services, loans_before, events_before)
    opened.db.dispose()

    # Match each received scan to its write (same code: first written, first received).
    last_by_code: dict[str, deque] = defaultdict(deque)
    for code, t_last in zip(plan.codes, written["last"]):
        last_by_code[code].append(t_last)
    visible_ms, serial_ms, hop_ms, handler_ms, paint_ms = [], [], [], [], []
    by_kind: dict[str, list[float]] = {"out": [], "in": []}
    halves: list[list[float]] = [[], []]
    paints.sort()
    import bisect

    not_visible: dict[str, int] = defaultdict(int)
    for rec in records:
        q = last_by_code.get(rec["code"])
        if not q:
            continue
        t_last = q.popleft()
        if rec["index"] is None or rec["index"] < WARMUP:
            continue
        if not rec["ok"]:
            for name, good in rec["checks"].items():
                if not good:
                    not_visible[name] += 1
            continue
        total = (rec["done"] - t_last) * 1000
        visible_ms.append(total)
        by_kind[rec["status"]].append(total)
        halves[0 if rec["index"] < WARMUP + (n - WARMUP) // 2 else 1].append(total)
        serial_ms.append((rec["at"] - t_last) * 1000)
        hop_ms.append((rec["start"] - rec["at"]) * 1000)
        handler_ms.append((rec["done"] - rec["start"]) * 1000)
        k = bisect.bisect_left(paints, rec["done"])
        if k < len(paints):
            paint_ms.append((paints[k] - t_last) * 1000)
    gaps = [(b - a) * 1000 for a, b in pairwise(ticks)]
    planned_out = sum(1 for e in plan.entries if e[2] == "out")
    planned_in = len(plan.entries) - planned_out
    received = sum(1 for r in records if r["index"] is not None)
    shown = sum(1 for r in records if r["ok"])
    backlog = max(0, state["read"] - len(records))
    result = {
        **info,
        "counts": {
            # written on the master; read = parsed by the program's reader and handed to the
            # bridge; received = reached the UI slot (in time); visible = record seen in the tables
            "written": n, "read": state["read"], "received": received, "visible": shown,
            "committed_check_outs": loans_new, "planned_check_outs": planned_out,
            "committed_check_ins": returns_new, "planned_check_ins": planned_in,
            # read but still queued for the UI thread when measuring stopped (drain_s after the last write)
            "backlog_unhandled": backlog, "drain_s": drain_s,
            # never read, or handled without the record showing / being committed
            "lost": (n - state["read"]) + (received - shown),
            "errors": errors, "not_visible_by_table": dict(not_visible),
        },
        "visible_ms": _ms(visible_ms),
        "check_out_ms": _ms(by_kind["out"]),
        "check_in_ms": _ms(by_kind["in"]),
        "first_half_ms": _ms(halves[0]),
        "second_half_ms": _ms(halves[1]),
        "painted_ms": _ms(paint_ms),
        "parts_ms": {"serial_to_parsed": _ms(serial_ms), "parsed_to_ui_slot": _ms(hop_ms),
                     "ui_slot_to_visible": _ms(handler_ms)},
        "event_loop": {"tick_ms": TICK_MS, "ticks": len(ticks), "max_gap_ms": round(max(gaps), 1) if gaps else None,
                       "p99_gap_ms": round(percentile(gaps, 99), 1) if gaps else None},
        "writer_late_ms": _ms(written["late_ms"][WARMUP:]),
    }
    return result


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.scan_screen")
    p.add_argument("--writer", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--mode", choices=("window", "minimal", "serial"), default="window")
    p.add_argument("--db", type=Path, help="a key cabinet database (modified: use a copy)")
    p.add_argument("--seconds", type=float, default=60)
    p.add_argument("--rate", type=float, default=20)
    args = p.parse_args(argv)
    if args.writer:
        return writer_main()
    if args.mode != "serial" and args.db is None:
        p.error("--db is required")
    result = child_main(args.mode, args.db, args.seconds, args.rate)
    sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)  # skip interpreter teardown: PySide6 objects freed at exit can crash it


if __name__ == "__main__":
    sys.exit(main())
