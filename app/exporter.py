"""Exporting the visitor log (来访登记表) to CSV or XLSX for the management office.

ID numbers leave the program masked only (``110105********1234``): an export is a copy of
personal data outside the program's access control, so it never holds a full number.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from app.services import Services
from app.services.visitors import VisitView
from app.text import mask_document

FORMATS = ("csv", "xlsx")

#: (key, Chinese header, English header, XLSX column width)
COLUMNS: tuple[tuple[str, str, str, int], ...] = (
    ("time_in", "进入时间", "Time in", 17),
    ("time_out", "离开时间", "Time out", 17),
    ("visitor", "来访人", "Visitor", 12),
    ("doc_type", "证件类型", "Document type", 14),
    ("doc_number", "证件号码", "Document number", 21),
    ("phone", "电话", "Phone", 14),
    ("company", "单位", "Company", 18),
    ("host_unit", "被访房号", "Host unit", 10),
    ("host", "被访人", "Host", 14),
    ("purpose", "事由", "Purpose", 12),
    ("people", "人数", "People", 6),
    ("plate", "车牌", "Plate", 10),
    ("badge", "证卡号", "Badge", 8),
    ("receptionist", "登记人", "Receptionist", 10),
    ("amendments", "更正次数", "Amendments", 8),
)

DOC_TYPE_LABELS = {
    "zh_CN": {"mainland_id": "居民身份证", "hkmt_permit": "港澳台通行证", "passport": "护照", "other": "其他"},
    "en": {"mainland_id": "Mainland ID", "hkmt_permit": "HK/Macau/Taiwan permit", "passport": "Passport",
           "other": "Other"},
}

_TIME_FORMAT = "%Y-%m-%d %H:%M"
# A cell starting with one of these is run as a formula by Excel (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def headers(lang: str = "zh_CN") -> list[str]:
    """The column titles in ``lang`` (``zh_CN`` or ``en``)."""
    return [zh if lang == "zh_CN" else en for _, zh, en, _ in COLUMNS]


def row_values(v: VisitView, lang: str = "zh_CN") -> list[object]:
    """One visit as export cells; the document number is masked whatever ``v`` holds."""
    host = " ".join(p for p in (v.host_name, v.host_note) if p)
    return [
        v.time_in, v.time_out, v.visitor_name,
        DOC_TYPE_LABELS.get(lang, DOC_TYPE_LABELS["en"]).get(v.doc_type, v.doc_type),
        # export_rows already masks; masking again is harmless and guards a future caller.
        v.doc_number if "*" in v.doc_number else mask_document(v.doc_number),
        v.phone, v.company, v.host_unit_code, host, v.purpose, v.party_size, v.vehicle_plate,
        v.badge_number, v.created_by, v.amendment_count,
    ]


def _csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime(_TIME_FORMAT)
    text = str(value)
    if isinstance(value, str) and text.startswith(_FORMULA_START):
        text = "'" + text
    return text


def write_csv(rows: Iterable[list[object]], head: list[str], out: BinaryIO) -> int:
    """Write UTF-8 CSV with a BOM (so Excel reads the Chinese correctly); return the row count."""
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="", write_through=True)
    try:
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow(head)
        n = 0
        for r in rows:
            writer.writerow([_csv_cell(c) for c in r])
            n += 1
        text.flush()
        return n
    finally:
        # Leave ``out`` open for the caller (it may be stdout).
        text.detach()


def write_xlsx(rows: Iterable[list[object]], head: list[str], out: BinaryIO, title: str) -> int:
    """Write an XLSX workbook (streamed, so a year of visits stays small in memory)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title=title[:31])
    for i, (_, _, _, width) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    header_cells = []
    for h in head:
        c = WriteOnlyCell(ws, value=h)
        c.font = bold
        header_cells.append(c)
    ws.append(header_cells)
    n = 0
    for r in rows:
        cells = []
        for value in r:
            c = WriteOnlyCell(ws, value=value)
            if isinstance(value, datetime):
                c.number_format = "yyyy-mm-dd hh:mm"
            elif isinstance(value, str) and value.startswith("="):
                c.data_type = "s"  # text typed by a person is never a formula
            cells.append(c)
        ws.append(cells)
        n += 1
    wb.save(out)
    return n


def _visit_rows(services: Services, date_from: date, date_to: date, lang: str) -> Iterator[list[object]]:
    for v in services.visitors.export_rows(date_from, date_to):
        yield row_values(v, lang)


def export_visitors(
    services: Services, date_from: date, date_to: date, fmt: str, out: str | Path | BinaryIO | None,
    *, lang: str = "zh_CN",
) -> int:
    """Export the visits whose time in falls in ``date_from``..``date_to`` (inclusive).

    ``out`` is a file path (written to a temporary file first and moved into place, so a
    failed export never leaves half a file), a binary stream, or None for standard output.
    Returns the number of visits written. Raises ``ValidationError`` for a reversed range.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    head = headers(lang)
    title = f"来访登记 {date_from:%Y%m%d}-{date_to:%Y%m%d}" if lang == "zh_CN" else \
        f"Visitors {date_from:%Y%m%d}-{date_to:%Y%m%d}"
    rows = _visit_rows(services, date_from, date_to, lang)

    def write(stream: BinaryIO) -> int:
        if fmt == "csv":
            return write_csv(rows, head, stream)
        return write_xlsx(rows, head, stream, title)

    if out is None:
        import sys

        sys.stdout.flush()  # what was printed as text must come before our bytes
        stream = sys.stdout.buffer
        n = write(stream)
        stream.flush()
        return n
    if not isinstance(out, (str, Path)):
        return write(out)
    target = Path(out)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent or Path("."))
    try:
        with os.fdopen(fd, "wb") as f:
            n = write(f)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return n
