"""Reading occupant lists from the spreadsheets a property office actually has.

CSV in UTF-8 (with or without the BOM Excel adds), in GBK/GB18030 (what Excel on a Chinese
Windows writes by default), or UTF-16 ("Unicode text"); or XLSX. The first non-empty row is
the header; Chinese and English column names are both understood. The result is a list of
``ImportRow`` for ``OccupantService.import_records``, which does the validating.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.errors import DomainError
from app.services.occupant_import import ImportRow, RowError
from app.services.occupants import OccupantInput

#: Column → the names a header cell may use (compared case-, space- and underscore-blind).
COLUMNS: dict[str, tuple[str, ...]] = {
    "unit": ("房号", "房间号", "房屋", "单元号", "unit", "unit_code", "unitcode", "room"),
    "name": ("姓名", "业户姓名", "业主姓名", "name"),
    "phone": ("电话", "手机", "手机号", "手机号码", "联系电话", "phone", "mobile", "tel"),
    "kind": ("类型", "业户类型", "身份", "kind", "type"),
    "move_in_date": ("入住日期", "入住时间", "入伙日期", "move_in_date", "movein", "moveindate", "move_in"),
    "emergency_name": ("紧急联系人", "emergency_name", "emergencyname", "emergency_contact"),
    "emergency_phone": ("紧急联系电话", "紧急联系人电话", "emergency_phone", "emergencyphone"),
    "note": ("备注", "note", "notes", "remark", "remarks"),
    "building": ("楼栋", "楼宇", "楼号", "building"),
}
REQUIRED = ("unit", "name")

_KINDS = {
    "业主": "owner", "产权人": "owner", "owner": "owner",
    "租户": "tenant", "租客": "tenant", "承租人": "tenant", "tenant": "tenant",
}
_DATE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")


class ImportFileError(DomainError):
    """The file as a whole cannot be imported (unreadable, wrong format, no header)."""


@dataclass(frozen=True)
class ParsedFile:
    """The data rows of a file and the header cells nobody understood (reported, ignored)."""

    rows: list[ImportRow]
    ignored_columns: tuple[str, ...] = ()


def _header_key(text: str) -> str:
    return re.sub(r"[\s_\-]", "", str(text or "").strip().lstrip("\ufeff")).lower()


_LOOKUP = {_header_key(alias): col for col, aliases in COLUMNS.items() for alias in aliases}


def _cell_text(value: Any) -> str:
    """A cell as text: numbers without a trailing ``.0`` (phones and room numbers in XLSX)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(sep=" ")
    return str(value).strip()


def parse_date(value: Any) -> date | None:
    """``2021-03-05`` (also ``2021/3/5``, ``2021.3.5``, ``2021年3月5日``, or a spreadsheet date).

    Empty gives None; anything else raises ``DomainError("date.format")``.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    m = _DATE.match(text)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            pass
    raise DomainError("date.format", value=text[:40])


def _kind(text: str) -> str:
    """业主/租户 or owner/tenant → the stored value; empty means owner; unknown passes through.

    An unknown word is passed on unchanged so validation reports it as ``occupant.kind_unknown``.
    """
    t = text.strip()
    if not t:
        return "owner"
    return _KINDS.get(t.lower(), t)


def _rows_from_table(table: list[tuple[int, list[Any]]]) -> ParsedFile:
    """Turn ``(row number, cells)`` pairs, header first, into ``ImportRow``s."""
    table = [(n, cells) for n, cells in table if any(_cell_text(c) for c in cells)]
    if not table:
        raise ImportFileError("import.empty")
    _, header = table[0]
    columns: dict[str, int] = {}
    ignored: list[str] = []
    for i, cell in enumerate(header):
        col = _LOOKUP.get(_header_key(_cell_text(cell)))
        if col is None:
            if _cell_text(cell):
                ignored.append(_cell_text(cell))
        elif col not in columns:
            columns[col] = i
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise ImportFileError("import.missing_columns", columns=", ".join(missing))

    rows: list[ImportRow] = []
    for number, cells in table[1:]:
        def get(col: str, cells: list[Any] = cells) -> Any:
            i = columns.get(col)
            return cells[i] if i is not None and i < len(cells) else None

        errors: list[RowError] = []
        try:
            move_in = parse_date(get("move_in_date"))
        except DomainError as exc:
            errors.append(RowError(number, "move_in_date", exc.key, dict(exc.params)))
            move_in = None
        data = OccupantInput(
            unit_code=_cell_text(get("unit")),
            name=_cell_text(get("name")),
            phone=_cell_text(get("phone")),
            kind=_kind(_cell_text(get("kind"))),
            move_in_date=move_in,
            emergency_name=_cell_text(get("emergency_name")),
            emergency_phone=_cell_text(get("emergency_phone")),
            note=_cell_text(get("note")),
        )
        rows.append(ImportRow(number, data, _cell_text(get("building")), tuple(errors)))
    return ParsedFile(rows, tuple(ignored))


def decode_csv(raw: bytes) -> str:
    """The text of a CSV file: UTF-8 (BOM or not), UTF-16 with BOM, else GB18030 (⊇ GBK)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        # Excel on a Chinese Windows saves "CSV" in the ANSI code page, i.e. GBK.
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        raise ImportFileError("import.encoding") from None


def read_csv(raw: bytes) -> ParsedFile:
    """Parse CSV bytes; the delimiter (comma, semicolon or tab) is taken from the header line."""
    text = decode_csv(raw)
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(",;\t", key=first.count) if first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    # Row numbers count records (header = 1), as a spreadsheet program shows them.
    try:
        table = [(n, cells) for n, cells in enumerate(reader, start=1)]
    except csv.Error as exc:
        raise ImportFileError("import.csv_invalid", reason=str(exc)) from None
    return _rows_from_table(table)


def read_xlsx(raw: bytes) -> ParsedFile:
    """Parse the first worksheet of an XLSX workbook (read-only mode: large files stay cheap)."""
    from openpyxl import load_workbook  # imported here: CSV imports need not pay for it

    try:
        wb = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ImportFileError("import.xlsx_invalid", reason=str(exc)[:200]) from None
    try:
        ws = wb.worksheets[0]
        table = [(n, list(cells)) for n, cells in enumerate(ws.iter_rows(values_only=True), start=1)]
    finally:
        wb.close()
    return _rows_from_table(table)


def read_occupant_file(path: str | Path) -> ParsedFile:
    """Read an occupant list from a ``.csv`` or ``.xlsx`` file (the content decides if unsure)."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise ImportFileError("import.file_unreadable", path=str(p), reason=exc.strerror or str(exc)) from None
    suffix = p.suffix.lower()
    if suffix == ".xls":
        raise ImportFileError("import.xls_unsupported")
    if suffix in (".xlsx", ".xlsm") or raw.startswith(b"PK\x03\x04"):
        return read_xlsx(raw)
    return read_csv(raw)
