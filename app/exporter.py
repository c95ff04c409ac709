"""Exporting the visitor log (来访登记表) and the key cabinet's registers to CSV or XLSX for
the management office.

ID numbers leave the program masked only (``110105********1234``): an export is a copy of
personal data outside the program's access control, so it never holds a full number.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
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


def write_xlsx(rows: Iterable[list[object]], head: list[str], out: BinaryIO, title: str,
               widths: Sequence[int] | None = None) -> int:
    """Write an XLSX workbook (streamed, so a year of visits stays small in memory).

    ``widths``: the columns' widths (default: the visitor log's)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title=title[:31])
    for i, width in enumerate(widths if widths is not None else [c[3] for c in COLUMNS], start=1):
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

    return _deliver(out, write)


def _deliver(out: str | Path | BinaryIO | None, write) -> int:  # noqa: ANN001 - Callable[[BinaryIO], int]
    """Run ``write`` on standard output, a stream, or a file path written atomically."""
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


# -- the key cabinet ---------------------------------------------------------------------------

#: (key, Chinese header, English header, XLSX column width) of ``export keys``
KEY_COLUMNS: tuple[tuple[str, str, str, int], ...] = (
    ("tag", "钥匙牌号", "Tag", 9),
    ("hook", "挂钩", "Hook", 8),
    ("category", "类别", "Category", 12),
    ("key", "钥匙", "Key", 22),
    ("area", "区域", "Area", 10),
    ("owner", "委托业主", "Owner", 10),
    ("count", "数量", "Keys", 6),
    ("full_set", "整套数量", "Full set", 8),
    ("sealed", "封存备用", "Sealed spares", 8),
    ("status", "状态", "Status", 10),
    ("borrower", "借用人", "Borrower", 10),
    ("due", "应还时间", "Due", 17),
    ("lock_changes", "换锁次数", "Lock changes", 8),
    ("received", "接收时间", "Received", 17),
    ("note", "备注", "Note", 20),
)

#: (key, Chinese header, English header, XLSX column width) of ``export key-loans``
LOAN_COLUMNS: tuple[tuple[str, str, str, int], ...] = (
    ("out_at", "借出时间", "Out", 17),
    ("due_at", "应还时间", "Due", 17),
    ("returned_at", "归还时间", "Returned", 17),
    ("tag", "钥匙牌号", "Tag", 9),
    ("key", "钥匙", "Key", 20),
    ("category", "类别", "Category", 12),
    ("quantity", "数量", "Qty", 5),
    ("borrower_kind", "借用人类型", "Borrower type", 10),
    ("borrower", "借用人", "Borrower", 10),
    ("company", "单位", "Company", 18),
    ("phone", "电话", "Phone", 14),
    ("doc_type", "证件类型", "Document type", 14),
    ("doc_number", "证件号码", "Document number", 21),
    ("purpose", "事由", "Purpose", 16),
    ("consent", "同意人", "Agreed by", 10),
    ("manager", "经理批准", "Manager", 10),
    ("gm", "总经理批准", "General manager", 10),
    ("engineering", "工程维修", "Engineering repair", 8),
    ("emergency", "紧急情况", "Emergency", 8),
    ("signature", "签字", "Signature", 10),
    ("handled_by", "经办人", "Handled by", 10),
    ("returned_by", "归还人", "Returned by", 10),
    ("received_by", "收回人", "Received by", 10),
    ("remark", "备注", "Remark", 20),
)

KEY_LABELS = {
    "zh_CN": {
        "unit": "业主钥匙", "public": "公共区域", "equipment": "设备房", "store": "部门库房",
        "in": "在柜", "out": "借出", "lost": "丢失", "retired": "已废弃", "handed_over": "已移交",
        "staff": "员工", "contractor": "外包单位", "occupant": "业户",
        "yes": "是", "no": "", "on_screen": "屏幕签字", "on_slip": "借用单签字", "lost_loan": "借出后丢失",
        "overdue": "逾期未还",
    },
    "en": {
        "unit": "Owner's key", "public": "Public area", "equipment": "Equipment room", "store": "Store room",
        "in": "In the cabinet", "out": "Out", "lost": "Lost", "retired": "Retired", "handed_over": "Handed over",
        "staff": "Staff", "contractor": "Contractor", "occupant": "Occupant",
        "yes": "yes", "no": "", "on_screen": "on screen", "on_slip": "on the slip", "lost_loan": "lost while out",
        "overdue": "overdue",
    },
}


def _heads(columns: tuple[tuple[str, str, str, int], ...], lang: str) -> list[str]:
    return [zh if lang == "zh_CN" else en for _, zh, en, _ in columns]


def key_row_values(k, lang: str = "zh_CN") -> list[object]:  # noqa: ANN001 - app.services.keys.KeyView
    """One key set as export cells."""
    words = KEY_LABELS.get(lang, KEY_LABELS["en"])
    return [
        k.tag_code, k.hook, words.get(k.category, k.category), k.location, k.area, k.occupant_name,
        k.key_count, k.original_count, k.sealed_spares, words.get(k.status, k.status), k.borrower_name,
        k.due_at, k.lock_changes, k.created_at, k.note,
    ]


def loan_row_values(v, lang: str = "zh_CN") -> list[object]:  # noqa: ANN001 - app.services.keys.LoanView
    """One loan as export cells; the document number is masked whatever ``v`` holds."""
    words = KEY_LABELS.get(lang, KEY_LABELS["en"])
    docs = DOC_TYPE_LABELS.get(lang, DOC_TYPE_LABELS["en"])
    signature = words["on_screen"] if v.signed_on_screen else words["on_slip"] if v.signed_on_slip else ""
    remark = " ".join(p for p in (
        words["lost_loan"] if v.lost else "", words["overdue"] if v.overdue else "", v.note, v.return_note) if p)
    return [
        v.out_at, v.due_at, v.returned_at, v.tag_code, v.key_location, words.get(v.category, v.category),
        v.quantity, words.get(v.borrower_kind, v.borrower_kind), v.borrower_name, v.borrower_company,
        v.borrower_phone, docs.get(v.borrower_doc_type, v.borrower_doc_type),
        v.borrower_doc_number if "*" in v.borrower_doc_number else mask_document(v.borrower_doc_number),
        v.purpose, v.consent_by, v.manager_approver, v.gm_approver,
        words["yes"] if v.engineering_repair else words["no"], words["yes"] if v.emergency else words["no"],
        signature, v.handled_by, v.returned_by, v.received_by, remark,
    ]


def _export(rows: Iterator[list[object]], columns, fmt: str, out, title: str, lang: str) -> int:  # noqa: ANN001
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    head = _heads(columns, lang)

    def write(stream: BinaryIO) -> int:
        if fmt == "csv":
            return write_csv(rows, head, stream)
        return write_xlsx(rows, head, stream, title, [c[3] for c in columns])

    return _deliver(out, write)


def export_keys(
    services: Services, date_from: date | None, date_to: date | None, fmt: str,
    out: str | Path | BinaryIO | None, *, lang: str = "zh_CN",
) -> int:
    """Export the key register (all key sets, or those taken in between the dates), by tag.

    ``out`` as for ``export_visitors``. Returns the number of key sets written.
    """
    rows = (key_row_values(k, lang) for k in services.keys.export_keys(date_from, date_to))
    span = f" {date_from:%Y%m%d}-{date_to:%Y%m%d}" if date_from and date_to else ""
    title = f"钥匙登记{span}" if lang == "zh_CN" else f"Keys{span}"
    return _export(rows, KEY_COLUMNS, fmt, out, title, lang)


def export_key_loans(
    services: Services, date_from: date, date_to: date, fmt: str, out: str | Path | BinaryIO | None,
    *, lang: str = "zh_CN",
) -> int:
    """Export the loan register (钥匙借用登记表) for loans out in ``date_from``..``date_to``.

    ID numbers are masked. Returns the number of loans written.
    """
    rows = (loan_row_values(v, lang) for v in services.keys.export_loans(date_from, date_to))
    title = (f"钥匙借用登记 {date_from:%Y%m%d}-{date_to:%Y%m%d}" if lang == "zh_CN"
             else f"Key loans {date_from:%Y%m%d}-{date_to:%Y%m%d}")
    return _export(rows, LOAN_COLUMNS, fmt, out, title, lang)


#: (key, Chinese header, English header, XLSX column width) of the monthly key statistics
STATS_COLUMNS: tuple[tuple[str, str, str, int], ...] = (
    ("category", "类别", "Category", 14),
    ("at_start", "月初存留", "Held at start", 10),
    ("received", "接受", "Received", 8),
    ("handed_over", "移交", "Handed over", 10),
    ("lent", "签收(次)", "Loans", 8),
    ("keys_lent", "借出(把)", "Keys lent", 9),
    ("retired", "废弃", "Retired", 8),
    ("changed", "变更(换锁)", "Locks changed", 10),
    ("lost", "丢失", "Lost", 7),
    ("found", "找回", "Found", 7),
    ("kept", "月末存留", "Held at end", 10),
)
STATS_CATEGORY_LABELS = {
    "zh_CN": {**KEY_LABELS["zh_CN"], "total": "合计"},
    "en": {**KEY_LABELS["en"], "total": "Total"},
}


def export_key_statistics(services: Services, year: int, month: int, fmt: str,
                          out: str | Path | BinaryIO | None, *, lang: str = "zh_CN") -> int:
    """Export one month's key statistics (``KeyService.monthly_statistics``): a line per
    category and the total. Returns the number of lines written."""
    stats = services.keys.monthly_statistics(year, month)
    words = STATS_CATEGORY_LABELS.get(lang, STATS_CATEGORY_LABELS["en"])
    rows = ([words.get(r.category, r.category)] + [getattr(r, c[0]) for c in STATS_COLUMNS[1:]]
            for r in (*stats.rows, stats.total))
    title = f"钥匙月度统计 {year}-{month:02d}" if lang == "zh_CN" else f"Key statistics {year}-{month:02d}"
    return _export(rows, STATS_COLUMNS, fmt, out, title, lang)


# -- repairs and complaints --------------------------------------------------------------------

#: (key, Chinese header, English header, XLSX column width) of ``export repairs``
REPAIR_COLUMNS: tuple[tuple[str, str, str, int], ...] = (
    ("number", "单号", "Slip", 13),
    ("registered_at", "报修时间", "Registered", 17),
    ("source", "来源", "Source", 8),
    ("where", "地点", "Where", 18),
    ("phone", "电话", "Phone", 14),
    ("category", "类别", "Category", 10),
    ("description", "报修内容", "Fault", 28),
    ("grade", "等级", "Grade", 6),
    ("chargeable", "有偿", "Chargeable", 6),
    ("rate", "收费标准", "Rate", 9),
    ("due_at", "限时完成", "Due", 17),
    ("state", "状态", "State", 10),
    ("assignee", "维修人员", "Technician", 12),
    ("completed_at", "完工时间", "Completed", 17),
    ("on_time", "及时", "On time", 6),
    ("charge", "实收费用", "Charged", 9),
    ("receipt", "收据号", "Receipt", 14),
    ("follow_up", "回访结果", "Follow-up", 8),
    ("followed_up_at", "回访时间", "Followed up", 17),
    ("rework", "返工次数", "Rework", 6),
    ("registered_by", "接待", "Received by", 10),
)

#: (key, Chinese header, English header, XLSX column width) of ``export complaints``
COMPLAINT_COLUMNS: tuple[tuple[str, str, str, int], ...] = (
    ("number", "编号", "No.", 12),
    ("received_at", "时间", "Received", 17),
    ("kind", "类型", "Type", 8),
    ("channel", "方式", "Channel", 6),
    ("severity", "级别", "Severity", 6),
    ("name", "姓名", "Name", 10),
    ("phone", "电话", "Phone", 14),
    ("unit", "房号", "Unit", 10),
    ("content", "内容", "Content", 30),
    ("assignee", "责任人", "Responsible", 12),
    ("fix_due", "处理时限", "Fix by", 17),
    ("valid", "有效性", "Valid", 6),
    ("opinion", "处理意见", "Handling", 24),
    ("follow_up_due", "回访时限", "Follow up by", 17),
    ("follow_up", "回访结果", "Follow-up", 8),
    ("state", "状态", "State", 8),
)

REPAIR_WORDS = {
    "zh_CN": {
        "counter": "前台", "phone": "来电", "patrol": "巡查", "visit": "来访", "letter": "信函", "other": "其他",
        "urgent": "急修", "ordinary": "一般", "major": "重大",
        "registered": "已登记", "dispatched": "已派工", "in_progress": "维修中", "on_hold": "暂停",
        "completed": "已完工", "settled": "已结算", "followed_up": "已回访", "closed": "已关闭",
        "cancelled": "已注销", "to_developer": "转开发商", "assigned": "已分派", "handled": "已处理",
        "satisfied": "满意", "not_satisfied": "不满意", "yes": "是", "no": "否", "valid": "有效", "invalid": "无效",
        "complaint": "投诉", "inquiry": "咨询", "suggestion": "建议", "praise": "表扬",
    },
    "en": {
        "counter": "counter", "phone": "phone", "patrol": "patrol", "visit": "visit", "letter": "letter",
        "other": "other", "urgent": "urgent", "ordinary": "ordinary", "major": "major",
        "registered": "registered", "dispatched": "dispatched", "in_progress": "in progress", "on_hold": "on hold",
        "completed": "completed", "settled": "settled", "followed_up": "followed up", "closed": "closed",
        "cancelled": "cancelled", "to_developer": "passed to developer", "assigned": "assigned",
        "handled": "handled", "satisfied": "satisfied", "not_satisfied": "not satisfied", "yes": "yes", "no": "no",
        "valid": "valid", "invalid": "invalid", "complaint": "complaint", "inquiry": "inquiry",
        "suggestion": "suggestion", "praise": "praise",
    },
}


def repair_row_values(v, lang: str = "zh_CN", categories: dict[str, str] | None = None) -> list[object]:  # noqa: ANN001
    """One slip (``RepairView``) as export cells; money as Decimal (a number in XLSX)."""
    w = REPAIR_WORDS.get(lang, REPAIR_WORDS["en"])
    yes_no = {True: w["yes"], False: w["no"], None: ""}
    return [
        v.number, v.registered_at, w.get(v.source, v.source), v.where, v.phone,
        (categories or {}).get(v.category, v.category), v.description, w.get(v.grade, v.grade),
        yes_no[v.chargeable], v.rate, v.due_at, w.get(v.state, v.state), v.assignee, v.completed_at,
        yes_no[v.on_time], v.charge, v.receipt_ref, w.get(v.follow_up_result, v.follow_up_result),
        v.followed_up_at, v.rework_count, v.registered_by,
    ]


def complaint_row_values(c, lang: str = "zh_CN") -> list[object]:  # noqa: ANN001
    """One complaint or register line (``ComplaintView``) as export cells."""
    w = REPAIR_WORDS.get(lang, REPAIR_WORDS["en"])
    valid = "" if c.valid is None else (w["valid"] if c.valid else w["invalid"])
    return [
        c.number, c.received_at, w.get(c.kind, c.kind), w.get(c.channel, c.channel), w.get(c.severity, c.severity),
        c.name, c.phone, c.unit_code, c.content, c.assignee, c.fix_due_at, valid, c.opinion, c.follow_up_due_at,
        w.get(c.follow_up_result, c.follow_up_result), w.get(c.state, c.state),
    ]


def export_repairs(services: Services, date_from: date, date_to: date, fmt: str,
                   out: str | Path | BinaryIO | None, *, lang: str = "zh_CN") -> int:
    """Export the repair slips registered in ``date_from``..``date_to``. Returns the count."""
    cats = {c.code: (c.zh if lang == "zh_CN" else c.en) for c in services.repairs.categories()}
    rows = (repair_row_values(v, lang, cats) for v in services.repairs.export(date_from, date_to))
    title = (f"报修登记 {date_from:%Y%m%d}-{date_to:%Y%m%d}" if lang == "zh_CN"
             else f"Repairs {date_from:%Y%m%d}-{date_to:%Y%m%d}")
    return _export(rows, REPAIR_COLUMNS, fmt, out, title, lang)


def export_complaints(services: Services, date_from: date, date_to: date, fmt: str,
                      out: str | Path | BinaryIO | None, *, lang: str = "zh_CN") -> int:
    """Export complaints and the call/visit register received in the period. Returns the count."""
    rows = (complaint_row_values(c, lang) for c in services.complaints.export(date_from, date_to))
    title = (f"投诉及来电来访 {date_from:%Y%m%d}-{date_to:%Y%m%d}" if lang == "zh_CN"
             else f"Complaints and calls {date_from:%Y%m%d}-{date_to:%Y%m%d}")
    return _export(rows, COMPLAINT_COLUMNS, fmt, out, title, lang)


#: (key, Chinese header, English header, XLSX column width) of the weekly summary export
WEEKLY_COLUMNS: tuple[tuple[str, str, str, int], ...] = (
    ("category", "类别", "Category", 16),
    *((s, REPAIR_WORDS["zh_CN"][s], REPAIR_WORDS["en"][s], 9) for s in (
        "registered", "dispatched", "in_progress", "on_hold", "completed", "settled", "followed_up", "closed",
        "cancelled", "to_developer")),
    ("total", "合计", "Total", 8),
)


def export_repair_weekly(services: Services, week_start: date, fmt: str, out: str | Path | BinaryIO | None,
                         *, lang: str = "zh_CN") -> int:
    """Export the weekly summary: a line per category, the total, then the three rates."""
    from app.printing.repair_weekly import STATE_COLUMNS, percent

    summary = services.repairs.weekly_summary(week_start)
    cats = {c.code: (c.zh if lang == "zh_CN" else c.en) for c in services.repairs.categories()}
    counts: dict[str, dict[str, int]] = {}
    for c in summary.by_category_state:
        counts.setdefault(c.category, {})[c.state] = c.count
    lines: list[list[object]] = []
    for cat, by in sorted(counts.items()):
        lines.append([cats.get(cat, cat), *(by.get(s, 0) for s in STATE_COLUMNS), sum(by.values())])
    lines.append(["合计" if lang == "zh_CN" else "Total",
                  *(sum(r[i + 1] for r in lines) for i in range(len(STATE_COLUMNS))), summary.registered])
    names = (("及时率", "On time", summary.on_time_rate, "100%"), ("回访率", "Follow-up", summary.follow_up_rate, "≥ 85%"),
             ("返修率", "Rework", summary.rework_rate, "≤ 1%"))
    for zh, en, value, target in names:
        lines.append([zh if lang == "zh_CN" else en, percent(value), target])
    title = f"报修周统计 {week_start:%Y%m%d}" if lang == "zh_CN" else f"Repairs week {week_start:%Y%m%d}"
    return _export(iter(lines), WEEKLY_COLUMNS, fmt, out, title, lang)


# -- parcels and mail, newspapers ------------------------------------------------------------

#: (key, Chinese header, English header, XLSX column width) of ``export parcels`` (业户邮件收发记录)
PARCEL_COLUMNS: tuple[tuple[str, str, str, int], ...] = (
    ("received_at", "收件时间", "Received", 17),
    ("unit", "房号", "Unit", 9),
    ("recipient", "收件人", "Recipient", 10),
    ("item_type", "类别", "Item type", 12),
    ("carrier", "承运商", "Carrier", 10),
    ("code", "单号", "Number", 20),
    ("shelf", "货架", "Shelf", 7),
    ("received_by", "经收人", "Received by", 10),
    ("state", "状态", "State", 10),
    ("picked_up_by", "领取人", "Picked up by", 10),
    ("relation", "关系", "Relation", 8),
    ("picked_up_at", "领取时间", "Picked up at", 17),
    ("signed", "签收", "Signed", 6),
)

#: (key, Chinese header, English header, XLSX column width) of ``export newspapers`` (业户报刊收发记录)
NEWSPAPER_COLUMNS: tuple[tuple[str, str, str, int], ...] = (
    ("day", "日期", "Date", 11),
    ("title", "报刊", "Title", 16),
    ("unit", "房号/部室", "Unit / department", 12),
    ("subscriber", "订户", "Subscriber", 10),
    ("copies", "份数", "Copies", 6),
    ("method", "方式", "Method", 10),
    ("received_by", "签收人", "Signed by", 10),
    ("delivered_at", "送达时间", "Delivered", 17),
    ("staff", "经办人", "By", 10),
)

MAIL_LABELS = {
    "zh_CN": {"waiting": "待领", "picked_up": "已领", "returned": "退回邮局", "disposed": "已处置", "lost": "遗失",
              "escalated": "上报主管", "yes": "是", "no": "否", "signed": "签收", "mailbox": "投信箱"},
    "en": {"waiting": "waiting", "picked_up": "picked up", "returned": "returned to the post office",
           "disposed": "disposed of", "lost": "lost", "escalated": "with the supervisor", "yes": "yes", "no": "no",
           "signed": "signed for", "mailbox": "mail slot"},
}


def parcel_row_values(r, lang: str = "zh_CN") -> list[object]:  # noqa: ANN001 - app.services.mail_register.MailRow
    """One item of the mail register as export cells (no note: never what is inside)."""
    from app.notifications import ITEM_TYPE_LABELS_EN, ITEM_TYPE_LABELS_ZH

    words = MAIL_LABELS.get(lang, MAIL_LABELS["en"])
    types = ITEM_TYPE_LABELS_ZH if lang == "zh_CN" else ITEM_TYPE_LABELS_EN
    signed = "" if r.signed is None else words["yes"] if r.signed else words["no"]
    return [r.received_at, r.unit_code, r.recipient, types.get(r.item_type, r.item_type), r.carrier, r.code, r.shelf,
            r.received_by, words.get(r.state, r.state), r.picked_up_by, r.relation, r.picked_up_at, signed]


def newspaper_row_values(d, lang: str = "zh_CN") -> list[object]:  # noqa: ANN001 - newspapers.DeliveryView
    """One delivery of the newspaper register as export cells."""
    words = MAIL_LABELS.get(lang, MAIL_LABELS["en"])
    return [d.day, d.title_name, d.where, d.subscriber, d.copies, words.get(d.method, d.method), d.received_by,
            d.delivered_at, d.staff_name]


def export_parcels(services: Services, date_from: date, date_to: date, fmt: str,
                   out: str | Path | BinaryIO | None, *, lang: str = "zh_CN") -> int:
    """Export the mail register (业户邮件收发记录) for items received ``date_from``..``date_to``.

    Returns the number of items written."""
    rows = (parcel_row_values(r, lang) for r in services.mail_register.rows(date_from, date_to))
    title = (f"邮件收发 {date_from:%Y%m%d}-{date_to:%Y%m%d}" if lang == "zh_CN"
             else f"Mail {date_from:%Y%m%d}-{date_to:%Y%m%d}")
    return _export(rows, PARCEL_COLUMNS, fmt, out, title, lang)


def export_newspapers(services: Services, date_from: date, date_to: date, fmt: str,
                      out: str | Path | BinaryIO | None, *, lang: str = "zh_CN") -> int:
    """Export the newspaper register (业户报刊收发记录) for issues of ``date_from``..``date_to``.

    Returns the number of deliveries written."""
    rows = (newspaper_row_values(d, lang) for d in services.newspapers.deliveries(date_from, date_to))
    title = (f"报刊收发 {date_from:%Y%m%d}-{date_to:%Y%m%d}" if lang == "zh_CN"
             else f"Newspapers {date_from:%Y%m%d}-{date_to:%Y%m%d}")
    return _export(rows, NEWSPAPER_COLUMNS, fmt, out, title, lang)


# -- renovation permits and contractor passes ------------------------------------------------

#: (key, Chinese header, English header, XLSX column width) of ``export passes``
#: (装修施工人员出入证办理登记表)
PASS_COLUMNS: tuple[tuple[str, str, str, int], ...] = (
    ("number", "出入证号", "Pass", 10),
    ("issued_at", "办理时间", "Issued", 17),
    ("permit", "许可证号", "Permit", 13),
    ("unit", "房号", "Unit", 9),
    ("company", "施工单位", "Contractor", 20),
    ("worker", "姓名", "Worker", 10),
    ("doc_type", "证件类型", "Document type", 14),
    ("doc_number", "证件号码", "Document number", 21),
    ("trade", "工种", "Trade", 10),
    ("phone", "电话", "Phone", 14),
    ("valid_from", "有效期自", "Valid from", 11),
    ("valid_to", "有效期至", "Valid to", 11),
    ("signer", "签批人", "Signed for by", 16),
    ("fee", "工本费", "Card fee", 8),
    ("deposit", "押金", "Deposit", 8),
    ("receipt", "收据号", "Receipt", 14),
    ("status", "状态", "Status", 10),
    ("closed_at", "退证/注销时间", "Returned / closed", 17),
    ("issued_by", "经办人", "Issued by", 10),
)

#: (key, Chinese header, English header, XLSX column width) of ``export permits``
PERMIT_COLUMNS: tuple[tuple[str, str, str, int], ...] = (
    ("number", "许可证号", "Permit", 13),
    ("applied_at", "申请时间", "Applied", 17),
    ("unit", "房号", "Unit", 9),
    ("applicant_kind", "申请人类型", "Owner/tenant", 8),
    ("applicant", "申请人", "Applicant", 10),
    ("phone", "电话", "Phone", 14),
    ("company", "施工单位", "Contractor", 20),
    ("site_lead", "施工负责人", "Site lead", 10),
    ("site_lead_phone", "负责人电话", "Site lead's phone", 14),
    ("scope", "装修项目", "Works", 30),
    ("state", "状态", "Stage", 10),
    ("starts_on", "开工日期", "Starts", 11),
    ("ends_on", "完工期限", "Ends", 11),
    ("extensions", "延期次数", "Extensions", 8),
    ("receipt", "收据号", "Receipt", 14),
    ("deposit", "装修押金", "Deposit", 10),
    ("debris_fee", "垃圾清运费", "Debris removal", 10),
    ("water_fee", "临时用水费", "Temporary water", 10),
    ("approved_by", "审批人", "Approved by", 10),
    ("passes", "出入证(在外/共)", "Passes (out/issued)", 10),
    ("overdue", "逾期", "Overdue", 8),
)

PERMIT_LABELS = {
    "zh_CN": {
        "applied": "已申请", "fees_paid": "已缴费", "drawings_reviewed": "图纸已审", "checked": "客服已审",
        "approved": "经理已批", "issued": "已发证", "in_progress": "施工中", "extended": "已延期",
        "finished": "已完工", "rejected": "未批准", "cancelled": "已撤销",
        "owner": "业主", "tenant": "租户", "site_lead": "施工负责人",
        "active": "在用", "returned": "已退证", "lost": "已挂失", "revoked": "已注销",
        "decoration": "装修工", "carpentry": "木工", "electrical": "水电工", "plumbing": "水管工", "masonry": "泥瓦工",
        "painting": "油漆工", "tiling": "贴砖工", "welding": "电焊工", "helper": "杂工", "other": "其他",
        "overdue": "逾期超过3天", "expired": "已过期",
    },
    "en": {
        "applied": "applied", "fees_paid": "fees paid", "drawings_reviewed": "drawings reviewed",
        "checked": "checked by customer service", "approved": "approved", "issued": "permit issued",
        "in_progress": "in progress", "extended": "extended", "finished": "finished", "rejected": "rejected",
        "cancelled": "cancelled", "owner": "owner", "tenant": "tenant", "site_lead": "site lead",
        "active": "out", "returned": "returned", "lost": "lost", "revoked": "revoked",
        "decoration": "decorator", "carpentry": "carpenter", "electrical": "electrician", "plumbing": "plumber",
        "masonry": "mason", "painting": "painter", "tiling": "tiler", "welding": "welder", "helper": "helper",
        "other": "other", "overdue": "more than 3 days overdue", "expired": "expired",
    },
}


def pass_row_values(v, lang: str = "zh_CN") -> list[object]:  # noqa: ANN001 - app.services.permits.PassView
    """One line of the pass register as export cells; the ID number is masked whatever ``v`` holds."""
    words = PERMIT_LABELS.get(lang, PERMIT_LABELS["en"])
    docs = DOC_TYPE_LABELS.get(lang, DOC_TYPE_LABELS["en"])
    status = words.get(v.status, v.status)
    if v.overdue:
        status += f" ({words['overdue']})"
    elif v.status == "active" and v.validity == "expired":
        status += f" ({words['expired']})"
    return [
        v.number, v.issued_at, v.permit_number, v.unit_code, v.contractor_company, v.worker_name,
        docs.get(v.doc_type, v.doc_type), v.doc_number if "*" in v.doc_number else mask_document(v.doc_number),
        words.get(v.trade, v.trade), v.phone, v.valid_from, v.effective_to,
        f"{words.get(v.signer_kind, v.signer_kind)} {v.signer_name}", v.fee, v.deposit, v.receipt_no, status,
        v.closed_at, v.issued_by,
    ]


def permit_row_values(p, lang: str = "zh_CN") -> list[object]:  # noqa: ANN001 - app.services.permits.PermitView
    """One permit as export cells."""
    words = PERMIT_LABELS.get(lang, PERMIT_LABELS["en"])
    flag = words["overdue"] if p.overdue else words["expired"] if p.expired else ""
    return [
        p.number, p.applied_at, p.unit_code, words.get(p.applicant_kind, p.applicant_kind), p.applicant_name,
        p.applicant_phone, p.contractor_company, p.site_lead_name, p.site_lead_phone, p.scope,
        words.get(p.state, p.state), p.starts_on, p.ends_on, p.extensions, p.fee_receipt_no, p.deposit,
        p.debris_fee, p.water_fee, p.approved_by, f"{p.active_passes}/{p.passes_issued}", flag,
    ]


def _span(date_from: date | None, date_to: date | None) -> str:
    return f" {date_from:%Y%m%d}-{date_to:%Y%m%d}" if date_from and date_to else ""


def export_passes(services: Services, date_from: date | None, date_to: date | None, fmt: str,
                  out: str | Path | BinaryIO | None, *, lang: str = "zh_CN") -> int:
    """Export the pass register (装修施工人员出入证办理登记表): every pass, or those issued
    between the dates, in issue order. ID numbers are masked. Returns the number of passes."""
    rows = (pass_row_values(v, lang) for v in services.permits.export_passes(date_from, date_to))
    title = (f"出入证登记{_span(date_from, date_to)}" if lang == "zh_CN"
             else f"Passes{_span(date_from, date_to)}")
    return _export(rows, PASS_COLUMNS, fmt, out, title, lang)


def export_permits(services: Services, date_from: date | None, date_to: date | None, fmt: str,
                   out: str | Path | BinaryIO | None, *, lang: str = "zh_CN") -> int:
    """Export the renovation permits (every one, or those applied for between the dates),
    oldest first. Returns the number of permits."""
    rows = (permit_row_values(p, lang) for p in services.permits.export_permits(date_from, date_to))
    title = (f"装修许可{_span(date_from, date_to)}" if lang == "zh_CN"
             else f"Renovation permits{_span(date_from, date_to)}")
    return _export(rows, PERMIT_COLUMNS, fmt, out, title, lang)
