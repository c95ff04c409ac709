"""Rendering printouts (issue 5): a receipt on the 80 mm roll, a pass card, 100 pass cards.

Each figure is the time of the pure function that turns a document's data into PDF bytes
(what the counter waits for before the preview opens or the job is sent), measured in this
process after one warm-up render (the font file is parsed once per process; that first
render is reported apart as ``cold_ms``). Next to it, in the same run, a minimal reportlab
page (one line of Helvetica) and the same page in the embedded WenQuanYi font, so a figure
can be read against what reportlab itself costs on this machine at this moment.

    python -m bench --only printing
    python -m bench.printing            # the same, alone
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta

from bench.stats import summary

TARGETS = {"receipt_80mm_ms": 30.0, "pass_card_ms": 50.0, "pass_cards_100_s": 3.0}


def _times_ms(fn: Callable[[], bytes], runs: int, cpu: list[float] | None = None) -> tuple[list[float], int]:
    """Wall-clock milliseconds of ``runs`` calls (and, into ``cpu``, this process's CPU time
    of each: on a shared machine the difference is time spent waiting for a core)."""
    fn()  # warm-up: fonts registered, modules imported
    out: list[float] = []
    size = 0
    for _ in range(runs):
        c0, t0 = time.process_time(), time.perf_counter()
        size = len(fn())
        out.append((time.perf_counter() - t0) * 1000)
        if cpu is not None:
            cpu.append((time.process_time() - c0) * 1000)
    return out, size


def minimal_page() -> bytes:
    """The baseline: one A6 page with one line of Helvetica (nothing embedded)."""
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(80 * 72 / 25.4, 100 * 72 / 25.4), invariant=1)
    c.setFont("Helvetica", 10)
    c.drawString(10, 200, "Receipt No. 2026-000042  123.45")
    c.showPage()
    c.save()
    return buf.getvalue()


def minimal_page_cjk() -> bytes:
    """The baseline with the embedded font: one Chinese line, so one subset is made and embedded."""
    from reportlab.pdfgen.canvas import Canvas

    from app.printing.fonts import register_fonts

    font = register_fonts()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(80 * 72 / 25.4, 100 * 72 / 25.4), invariant=1)
    c.setFont(font, 10)
    c.drawString(10, 200, "收款收据 No. 2026-000042 ¥123.45")
    c.showPage()
    c.save()
    return buf.getvalue()


def _receipt() -> Callable[[], bytes]:
    """Each call a new receipt (its own number, so its own QR code: nothing cached helps)."""
    from dataclasses import replace

    from app.printing.receipt_slip import render_receipt_80mm, sample_receipt

    base = sample_receipt()
    counter = iter(range(1, 1_000_000))

    def one() -> bytes:
        return render_receipt_80mm(replace(base, number=f"R2026-{next(counter):06d}"))

    return one


def _pass_cards(n: int) -> list:
    """``n`` different cards (names, numbers, tokens), as a batch for one permit would be."""
    from app.printing.pass_card import PassCardData

    names = "陈建国 王小明 李卫东 张海波 刘志强 赵德胜 孙立新 周建华 吴国平 郑永军".split()
    trades = ("水电工 Electrician", "泥瓦工 Mason", "木工 Carpenter", "油漆工 Painter")
    return [PassCardData(
        property_name="阳光花园物业服务中心", number=f"PC{42 + i:06d}", qr_payload=f"PC{42 + i:06d}-7K3F9Q{i:03d}",
        worker_name=names[i % len(names)], unit_code=f"A-{1201 + i % 8}", trade_label=trades[i % len(trades)],
        contractor_company="安居装饰工程有限公司", valid_from=date(2026, 3, 10),
        valid_to=date(2026, 3, 10) + timedelta(days=44), permit_number=f"RP2026-{1 + i // 10:04d}",
    ) for i in range(n)]


def run(*, runs: int = 100, batches: int = 5) -> dict:
    """Every figure of this benchmark, with the baselines measured in between."""
    from bench.dataset import log

    t0 = time.perf_counter()
    from app.printing.fonts import register_fonts

    register_fonts()
    font_ms = (time.perf_counter() - t0) * 1000
    import os

    result: dict = {"runs": runs, "font_load_ms": round(font_ms, 1),
                    "load_avg_before": [round(v, 2) for v in os.getloadavg()]}
    try:
        import _rl_accel  # noqa: F401 - only to report whether reportlab's C helpers are there
        result["rl_accel"] = True
    except ImportError:
        result["rl_accel"] = False

    log(f"printing: baselines, receipt 80 mm and pass card, {runs} renders each …")
    base_cpu: list[float] = []
    cjk_cpu: list[float] = []
    base, base_size = _times_ms(minimal_page, runs, base_cpu)
    base_cjk, cjk_size = _times_ms(minimal_page_cjk, runs, cjk_cpu)
    result["baseline_ms"] = summary(base, 2) | {"cpu_p50": round(statistics.median(base_cpu), 2), "bytes": base_size}
    result["baseline_embedded_font_ms"] = summary(base_cjk, 2) | {"cpu_p50": round(statistics.median(cjk_cpu), 2),
                                                                  "bytes": cjk_size}

    def figure(name: str, make: Callable[[], Callable[[], bytes]]) -> None:
        try:
            fn = make()
        except ImportError as exc:  # the module is not in this build yet
            result[name] = {"skipped": str(exc)}
            return
        t = time.perf_counter()
        fn()
        cold = (time.perf_counter() - t) * 1000
        cpu: list[float] = []
        values, size = _times_ms(fn, runs, cpu)
        result[name] = summary(values, 1) | {"cpu_p50": round(statistics.median(cpu), 1), "bytes": size,
                                             "cold_ms": round(cold, 1),
                                             "x_baseline": round(statistics.median(values) / statistics.median(base), 1)}

    figure("receipt_80mm_ms", _receipt)

    def one_card() -> Callable[[], bytes]:
        from app.printing.pass_card import render_pass_card

        cards = iter(_pass_cards(1000))
        return lambda: render_pass_card(next(cards))

    figure("pass_card_ms", one_card)

    log(f"printing: {batches} batches of 100 pass cards …")
    try:
        from app.printing.pass_card import render_pass_card

        totals, cpu_totals = [], []
        for b in range(batches):
            cards = _pass_cards(100 * (b + 1))[100 * b:]  # new cards each batch
            c, t = time.process_time(), time.perf_counter()
            for card in cards:
                render_pass_card(card)
            totals.append(time.perf_counter() - t)
            cpu_totals.append(time.process_time() - c)
        result["pass_cards_100_s"] = summary(totals, 2) | {"cpu_p50": round(statistics.median(cpu_totals), 2)}
    except ImportError as exc:
        result["pass_cards_100_s"] = {"skipped": str(exc)}
    # and the baseline once more: the machine's load moves during the run
    after, _ = _times_ms(minimal_page, runs)
    result["baseline_after_ms"] = summary(after, 2)

    result["load_avg_after"] = [round(v, 2) for v in os.getloadavg()]
    result["verdict"] = {
        name: ("met" if result[name]["p50"] <= target else "missed") if "p50" in result[name] else "not measured"
        for name, target in TARGETS.items()
    }
    result["targets"] = TARGETS
    return result


def main() -> int:
    import json

    from bench.__main__ import machine

    out = {"machine": machine(), "printing": run()}
    print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
