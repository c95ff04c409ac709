"""Cold start to main-window-ready, against a bare PySide6 window measured the same way.

Both are whole processes (``QT_QPA_PLATFORM=offscreen``), timed from spawn to exit:
``python -m app --smoke --db <demo database>`` prints one JSON line once the main window is
ready and quits; ``bench/bare_window.py`` does the same for a QMainWindow with five empty
tabs. Both also write ``shown`` to stderr when their window is first painted (the program
with ``RECEPTION_REPORT_SHOWN=1``: its shell appears before the database is opened), and the
time from spawn to that line is the "window on screen" figure. One warm-up run each (fills the OS file cache, compiles translations), then ``runs``
measured runs, alternating between the two so drift affects both alike.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.dataset import OUT_DIR, log, schema_tag

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 1.5
SHOWN = "shown"


def demo_db(*, rebuild: bool = False, attempts: int = 3) -> Path:
    """The demo database (``python -m app demo``), built once per schema under bench/out
    (an older one would be migrated, with a backup, by the first measured start)."""
    path = OUT_DIR / f"demo-{schema_tag()}.sqlite"
    if path.exists() and not rebuild:
        return path
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    last = ""
    for attempt in range(attempts):
        for p in OUT_DIR.glob(f"{path.name}*"):
            p.unlink()
        tmp = OUT_DIR / "demo.building.sqlite"
        for p in OUT_DIR.glob("demo.building.sqlite*"):
            p.unlink()
        proc = subprocess.run(
            [sys.executable, "-m", "app", "demo", "--db", f"sqlite:///{tmp}"],
            cwd=ROOT, capture_output=True, text=True, env=_env(), timeout=600, check=False,
        )
        if proc.returncode == 0:
            tmp.replace(path)
            for suffix in ("-wal", "-shm"):
                Path(f"{tmp}{suffix}").unlink(missing_ok=True)
            return path
        last = (proc.stderr or proc.stdout).strip()[-500:]
        log(f"demo failed (attempt {attempt + 1}): {last}")
    raise RuntimeError(f"python -m app demo failed: {last}")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    # Keep the program's per-user files (ui.ini, logs, compiled translations) out of $HOME.
    env["RECEPTION_HOME"] = str(OUT_DIR / "home")
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    env["RECEPTION_REPORT_SHOWN"] = "1"
    return env


def _timed(cmd: list[str], *, reports: bool = True) -> tuple[float, str, tuple[float, float] | None]:
    """(seconds to exit, the JSON line, (seconds to the ``shown`` line on stderr, CPU seconds
    the process had used then) or None)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env())
    shown = None
    err_lines = []
    for ln in proc.stderr:  # the stdout pipe holds one short line: no dead-lock
        if ln.split()[:1] == [SHOWN]:
            shown = (time.perf_counter() - t0, float(ln.split()[1]))
            break
        err_lines.append(ln)
    out, err = proc.communicate(timeout=120)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: {(''.join(err_lines) + err).strip()[-500:]}")
    line = next((ln for ln in out.splitlines() if ln.startswith("{")), "{}")
    if reports and line == "{}":
        raise RuntimeError(f"{' '.join(cmd)} printed no JSON line: {out[-300:]!r}")
    json.loads(line)  # it really reached "ready"
    return elapsed, line, shown


def _stats(values: list[float]) -> dict:
    return {
        "runs": len(values),
        "median_s": round(statistics.median(values), 3),
        "min_s": round(min(values), 3),
        "max_s": round(max(values), 3),
    }


def run(*, runs: int = 7, rebuild_demo: bool = False) -> dict:
    db = demo_db(rebuild=rebuild_demo)
    py = sys.executable
    commands = {
        "app": [py, "-m", "app", "--smoke", "--db", f"sqlite:///{db}"],
        "app_zh_CN": [py, "-m", "app", "--smoke", "--lang", "zh_CN", "--db", f"sqlite:///{db}"],
        "bare_window": [py, str(ROOT / "bench" / "bare_window.py")],
        "python_only": [py, "-c", "pass"],
    }
    times: dict[str, list[float]] = {k: [] for k in commands}
    shown: dict[str, list[float]] = {k: [] for k in commands}
    shown_cpu: dict[str, list[float]] = {k: [] for k in commands}
    reports: dict[str, str] = {}
    for name, cmd in commands.items():  # warm-up
        _, reports[name], _ = _timed(cmd, reports=name != "python_only")
    for _ in range(runs):
        for name, cmd in commands.items():
            elapsed, _, at = _timed(cmd, reports=name != "python_only")
            times[name].append(elapsed)
            if at is not None:
                shown[name].append(at[0])
                shown_cpu[name].append(at[1])
    out = {k: _stats(v) for k, v in times.items()}
    # Window on screen: spawn → first paint (the program's shell, before its database opens).
    out["shown"] = {k: _stats(v) for k, v in shown.items() if v}
    # The same in CPU seconds of the process (user + system): steadier on a shared machine.
    out["shown_cpu"] = {k: _stats(v) for k, v in shown_cpu.items() if v}
    shown_ratio = out["shown"]["app"]["median_s"] / out["shown"]["bare_window"]["median_s"]
    ratio = out["app"]["median_s"] / out["bare_window"]["median_s"]
    ratio_min = out["app"]["min_s"] / out["bare_window"]["min_s"]
    return {
        "demo_db": str(db.relative_to(ROOT)),
        "smoke_report": json.loads(reports["app"]),
        **out,
        "ratio_median": round(ratio, 2),
        "ratio_min": round(ratio_min, 2),
        "ratio_zh_CN_median": round(out["app_zh_CN"]["median_s"] / out["bare_window"]["median_s"], 2),
        "shown_ratio_median": round(shown_ratio, 2),
        "shown_cpu_ratio_median": round(out["shown_cpu"]["app"]["median_s"]
                                        / out["shown_cpu"]["bare_window"]["median_s"], 2),
        "shown_meets_target": shown_ratio <= TARGET_RATIO,
        "target_ratio": TARGET_RATIO,
        "meets_target": ratio <= TARGET_RATIO,
    }
