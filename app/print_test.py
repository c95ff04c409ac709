"""``reception print-test``: one sample PDF of every registered document kind.

For whoever sets up a counter: print each file on the printer that will take that kind and
check the paper, the Chinese text and that the barcodes scan. The command iterates over
:data:`app.printing.samples.PRINT_KINDS`, so a new kind is in the test as soon as it is
registered. No database and no Qt.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from app.printing.paper import PAPERS, ROLL_WIDTHS


def add_parser(sub: Any) -> argparse.ArgumentParser:
    """The ``print-test`` subcommand's options (called from ``app.cli``)."""
    p = sub.add_parser("print-test", help="write one sample PDF of every kind of printout")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the PDFs (created if missing)")
    p.add_argument("--paper", choices=ROLL_WIDTHS, default=None,
                   help="render roll documents on this roll width (default: each kind's own paper)")
    p.add_argument("--kind", action="append", default=None, metavar="KIND",
                   help="only this kind (repeatable; default: every kind)")
    return p


def write_samples(out: Path, paper: str | None = None, kinds: list[str] | None = None) -> list[dict]:
    """Write ``<out>/<kind>-<paper>.pdf`` for each kind; one summary dict per file.

    ``ValueError`` for an unknown kind name. A kind whose sample fails to render is reported
    with ``"error"`` and the others are still written.
    """
    from app.printing.samples import PRINT_KINDS

    names = kinds or list(PRINT_KINDS)
    unknown = [k for k in names if k not in PRINT_KINDS]
    if unknown:
        raise ValueError(f"unknown kind(s): {', '.join(unknown)}; known: {', '.join(PRINT_KINDS)}")
    out.mkdir(parents=True, exist_ok=True)
    rows: list[dict] = []
    for name in names:
        kind = PRINT_KINDS[name]
        row: dict[str, Any] = {"kind": name, "printer": kind.group}
        try:
            used, pdf = kind.render_sample(paper)
        except Exception as exc:  # noqa: BLE001 - one broken kind must not hide the others
            row.update(paper=kind.paper, error=f"{type(exc).__name__}: {exc}")
            rows.append(row)
            continue
        path = out / f"{name}-{used}.pdf"
        path.write_bytes(pdf)
        row.update(paper=used, file=str(path), bytes=len(pdf), **_page_info(pdf))
        p = PAPERS.get(used)
        row["paper_mm"] = [round(p.width_mm, 1), round(p.height_mm, 1) if p.height else None] if p else None
        rows.append(row)
    return rows


def _page_info(pdf: bytes) -> dict:
    """Pages and first-page size in mm."""
    import io

    from pypdf import PdfReader

    pages = PdfReader(io.BytesIO(pdf)).pages
    if not pages:
        return {"pages": 0}
    box = pages[0].mediabox
    return {"pages": len(pages), "width_mm": round(float(box.width) * 25.4 / 72, 1),
            "height_mm": round(float(box.height) * 25.4 / 72, 1)}


def run_print_test(args: argparse.Namespace) -> int:
    """Write the samples; one JSON line per file on stdout; exit 1 if any kind failed."""
    try:
        rows = write_samples(Path(args.out), args.paper, args.kind)
    except ValueError as exc:
        sys.stderr.write(f"reception print-test: {exc}\n")
        return 2
    for row in rows:
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    sys.stdout.flush()
    failed = [r["kind"] for r in rows if "error" in r]
    sys.stderr.write(f"{len(rows) - len(failed)} sample(s) written to {args.out}"
                     + (f"; failed: {', '.join(failed)}\n" if failed else "\n"))
    return 1 if failed else 0
