"""CPU time the Keys tab spends on one scan, in-process (a companion to ``scan_screen``).

Wall-clock latency on a machine shared with other work measures the machine; the CPU time the
program itself uses per scan (``time.process_time()``: user + system of this process) does
not depend much on the others. The real ``MainWindow`` on a copy of the cabinet, signed in
as ``reception1``; each scan calls ``KeysTab.handle_scan(tag)`` directly (no serial line, no
queue), a check-out's modal form replaced by ``KeyService.check_out`` as in ``scan_screen``;
the same plan of alternating check-outs and check-ins; 20 warm-up scans.

    QT_QPA_PLATFORM=offscreen python -m bench.keys_tab_cpu bench/out/keys-….sqlite [SCANS]
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench.dataset import PASSWORD
from bench.stats import percentile

WARMUP = 20


def main(argv: list[str]) -> int:
    src = Path(argv[0])
    n = int(argv[1]) if len(argv) > 1 else 300
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="bench-keys-cpu-") as tmp:
        os.environ["RECEPTION_HOME"] = str(Path(tmp) / "home")
        db = Path(tmp) / "cabinet.sqlite"
        shutil.copyfile(src, db)
        print(json.dumps(_measure(db, n)), flush=True)
    # PySide6 6.12 may abort while the interpreter tears down this many Qt-owned Python objects
    # (seen before and after the changes measured); the figures are out, skip the teardown.
    os._exit(0)


def _measure(db: Path, n: int) -> dict:
    from PySide6.QtWidgets import QApplication, QDialog

    from app.context import AppContext
    from app.services import Services
    from app.startup import open_database
    from bench.keys_service import loan_input
    from bench.scan_screen import _Plan
    from ui.app import ui_settings
    from ui.bus import DataBus
    from ui.fonts import install_fonts
    from ui.i18n import Translations
    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_fonts(app)
    translations = Translations()
    translations.set_language("en")
    opened = open_database(f"sqlite:///{db}")
    services = Services(AppContext(opened.db))
    services.staff.sign_in("reception1", PASSWORD)
    plan = _Plan(services, n + WARMUP)
    window = MainWindow(services, DataBus(), ui_settings(), translations)
    window.show()
    app.processEvents()
    tab = window.pages["keys"]
    tab.slip_printer = None

    def exec_dialog(dlg) -> int:  # noqa: ANN001
        dlg.result_loan = services.keys.check_out(dlg.key.id, loan_input(dlg.key))
        return QDialog.DialogCode.Accepted

    tab.exec_dialog = exec_dialog
    cpu: dict[str, list[float]] = {"out": [], "in": []}
    wall: list[float] = []
    for i, (code, _key_id, status) in enumerate(plan.entries):
        c0, w0 = time.process_time(), time.perf_counter()
        tab.handle_scan(code)
        c1, w1 = time.process_time(), time.perf_counter()
        app.processEvents()  # the repaint, outside the figure (as the queue would run it)
        if i >= WARMUP:
            cpu[status].append((c1 - c0) * 1000)
            wall.append((w1 - w0) * 1000)
    window.close()
    opened.db.dispose()
    every = cpu["out"] + cpu["in"]

    def stats(v: list[float]) -> dict:
        return {"n": len(v), "p50": round(percentile(v, 50), 2), "p95": round(percentile(v, 95), 2),
                "p99": round(percentile(v, 99), 2), "max": round(max(v), 2)}

    return {"cpu_ms": stats(every), "cpu_check_out_ms": stats(cpu["out"]), "cpu_check_in_ms": stats(cpu["in"]),
            "wall_ms": stats(wall)}


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
