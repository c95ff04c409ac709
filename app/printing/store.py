"""A copy of every printout, kept as PDF in the print folder.

Spoolers report success with the printer unplugged, so the file is the only proof of what
was sent and the source for a reprint. Files are never overwritten.
"""

from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path

from app.paths import print_dir

_UNSAFE = re.compile(r"[^0-9A-Za-z_-]+")


def _part(text: str, fallback: str) -> str:
    # Windows forbids <>:"/\|?* and trailing dots; ASCII keeps names portable to any share.
    cleaned = _UNSAFE.sub("_", str(text)).strip("_")[:40]
    return cleaned or fallback


def save_print(pdf_bytes: bytes, kind: str, ref: str | int, *, now: datetime | None = None) -> Path:
    """Write ``pdf_bytes`` to ``print_dir()`` as ``YYYYmmdd-HHMMSS-ffffff_<kind>_<ref>.pdf``.

    ``kind`` names the form (``visitor_slip``), ``ref`` the record (visit id, badge). Call
    it for every print attempt, before the printer is asked. A clash adds ``-2``, ``-3`` …,
    so nothing is overwritten. Returns the new file's path.
    """
    if not pdf_bytes.startswith(b"%PDF"):
        raise ValueError("not a PDF document")
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    base = f"{stamp}_{_part(kind, 'print')}_{_part(str(ref), 'none')}"
    return _write_new(print_dir(), base, pdf_bytes)


def write_to_folder(pdf_bytes: bytes, folder: str | Path, kind: str, ref: str | int, *,
                    now: datetime | None = None) -> Path:
    """The "PDF folder" printer: write ``<folder>/<kind>-<ref>-<YYYYmmdd-HHMMSS>.pdf``.

    The folder is created if missing (a share may hold one per counter); a file of the same
    second gets ``-2``, ``-3`` …, so nothing is overwritten. Returns the new file's path.
    """
    if not pdf_bytes.startswith(b"%PDF"):
        raise ValueError("not a PDF document")
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return _write_new(target, f"{_part(kind, 'print')}-{_part(str(ref), 'none')}-{stamp}", pdf_bytes)


def _write_new(folder: Path, base: str, pdf_bytes: bytes) -> Path:
    n = 1
    while True:
        path = folder / (f"{base}.pdf" if n == 1 else f"{base}-{n}.pdf")
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0))
        except FileExistsError:
            n += 1
            continue
        with os.fdopen(fd, "wb") as fh:
            fh.write(pdf_bytes)
            fh.flush()
            os.fsync(fh.fileno())
        return path
