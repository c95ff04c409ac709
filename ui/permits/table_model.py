"""The renovation tables: permits, a permit's passes, its steps. ``data()`` reads rows in memory only."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.services.permits import PassView, PermitEventView, PermitView
from ui.format import fmt_date, fmt_datetime
from ui.permits.texts import (
    event_name,
    pass_status_name,
    signer_name,
    state_name,
    trade_name,
)
from ui.widgets.table_models import RowTableModel

WORKING_BRUSH = QBrush(QColor("#e8f5e9"))
DUE_BRUSH = QBrush(QColor("#ffe0b2"))
EXPIRED_BRUSH = QBrush(QColor("#ffcdd2"))
INACTIVE_TEXT = QBrush(QColor("#757575"))

_HEADERS = {
    "number": QT_TRANSLATE_NOOP("PermitTables", "Permit"),
    "unit": QT_TRANSLATE_NOOP("PermitTables", "Unit"),
    "applicant": QT_TRANSLATE_NOOP("PermitTables", "Owner/tenant"),
    "contractor": QT_TRANSLATE_NOOP("PermitTables", "Contractor"),
    "state": QT_TRANSLATE_NOOP("PermitTables", "Stage"),
    "period": QT_TRANSLATE_NOOP("PermitTables", "Period"),
    "days_left": QT_TRANSLATE_NOOP("PermitTables", "Days left"),
    "passes": QT_TRANSLATE_NOOP("PermitTables", "Passes out"),
}
_PASS_HEADERS = {
    "number": QT_TRANSLATE_NOOP("PermitTables", "Pass"),
    "permit": QT_TRANSLATE_NOOP("PermitTables", "Permit"),
    "unit": QT_TRANSLATE_NOOP("PermitTables", "Unit"),
    "company": QT_TRANSLATE_NOOP("PermitTables", "Contractor"),
    "worker": QT_TRANSLATE_NOOP("PermitTables", "Worker"),
    "doc": QT_TRANSLATE_NOOP("PermitTables", "ID number"),
    "trade": QT_TRANSLATE_NOOP("PermitTables", "Trade"),
    "phone": QT_TRANSLATE_NOOP("PermitTables", "Phone"),
    "validity": QT_TRANSLATE_NOOP("PermitTables", "Valid"),
    "signed": QT_TRANSLATE_NOOP("PermitTables", "Signed by"),
    "status": QT_TRANSLATE_NOOP("PermitTables", "Status"),
}
_STEP_HEADERS = {
    "at": QT_TRANSLATE_NOOP("PermitTables", "Time"),
    "what": QT_TRANSLATE_NOOP("PermitTables", "Step"),
    "by": QT_TRANSLATE_NOOP("PermitTables", "By"),
    "detail": QT_TRANSLATE_NOOP("PermitTables", "Details"),
}

_DISPLAY = Qt.ItemDataRole.DisplayRole
_BG = Qt.ItemDataRole.BackgroundRole
_FG = Qt.ItemDataRole.ForegroundRole


def _t(source: str) -> str:
    return QCoreApplication.translate("PermitTables", source)



class PermitTableModel(RowTableModel):
    """Permits as ``PermitService.search`` returns them; working permits tinted by their end."""

    COLUMNS = ("number", "unit", "applicant", "contractor", "state", "period", "days_left", "passes")

    def __init__(self, parent=None, due_days: int = 7):  # noqa: ANN001
        super().__init__(parent)
        self.due_days = due_days

    def set_rows(self, rows: list[PermitView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def permit(self, row: int) -> PermitView | None:
        return self.row(row)

    def row_of(self, permit_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == permit_id), -1)

    def _headers(self) -> tuple[str, ...]:
        return tuple(_t(_HEADERS[c]) for c in self.COLUMNS)

    def data(self, index: QModelIndex, role=_DISPLAY):  # noqa: ANN001
        p = self.row(index.row()) if index.isValid() else None
        if p is None:
            return None
        col = self.COLUMNS[index.column()]
        if role == _DISPLAY:
            if col == "number":
                return p.number
            if col == "unit":
                return p.unit_code
            if col == "applicant":
                return p.applicant_name
            if col == "contractor":
                return p.contractor_company
            if col == "state":
                return state_name(p.state)
            if col == "period":
                return f"{fmt_date(p.starts_on)} – {fmt_date(p.ends_on)}" if p.starts_on else ""
            if col == "days_left":
                return "" if p.days_left is None else str(p.days_left)
            if col == "passes":
                return str(p.active_passes) if p.passes_issued else ""
        if role == _BG and p.working:
            if p.expired:
                return EXPIRED_BRUSH
            if p.days_left is not None and p.days_left <= self.due_days:
                return DUE_BRUSH
            return WORKING_BRUSH
        if role == _FG and p.state in ("finished", "rejected", "cancelled"):
            return INACTIVE_TEXT
        return None


class PassTableModel(RowTableModel):
    """Passes: a permit's, or a list across permits (``with_permit``: its number, unit and company).

    Returned, lost and revoked passes are greyed; a pass in its last three days is tinted
    amber, one past its end red."""

    BASE = ("number", "worker", "doc", "trade", "validity", "signed", "status")
    WITH_PERMIT = ("number", "permit", "unit", "company", "worker", "doc", "trade", "phone", "validity", "signed",
                   "status")

    def __init__(self, parent=None, *, with_permit: bool = False):  # noqa: ANN001
        super().__init__(parent)
        self.COLUMNS = self.WITH_PERMIT if with_permit else self.BASE

    def set_rows(self, rows: list[PassView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def pass_(self, row: int) -> PassView | None:
        return self.row(row)

    def row_of(self, pass_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == pass_id), -1)

    def _headers(self) -> tuple[str, ...]:
        return tuple(_t(_PASS_HEADERS[c]) for c in self.COLUMNS)

    @staticmethod
    def status_text(v: PassView) -> str:
        if v.status == "active":
            if v.overdue:
                return _t(QT_TRANSLATE_NOOP("PermitTables", "%1 day(s) overdue: take the card back")).replace(
                    "%1", str(v.days_overdue))
            if v.validity == "expired":
                return _t(QT_TRANSLATE_NOOP("PermitTables", "Expired: return or renew"))
            if v.validity == "expiring":
                return _t(QT_TRANSLATE_NOOP("PermitTables", "Expiring"))
        return pass_status_name(v.status)

    def data(self, index: QModelIndex, role=_DISPLAY):  # noqa: ANN001
        v = self.row(index.row()) if index.isValid() else None
        if v is None:
            return None
        col = self.COLUMNS[index.column()]
        if role == _DISPLAY:
            if col == "number":
                return v.number
            if col == "permit":
                return v.permit_number
            if col == "unit":
                return v.unit_code
            if col == "company":
                return v.contractor_company
            if col == "worker":
                return v.worker_name
            if col == "doc":
                return v.doc_number
            if col == "trade":
                return trade_name(v.trade)
            if col == "phone":
                return v.phone
            if col == "validity":
                return f"{fmt_date(v.valid_from)} – {fmt_date(v.effective_to)}"
            if col == "signed":
                return f"{signer_name(v.signer_kind)} {v.signer_name}"
            if col == "status":
                return self.status_text(v)
        if role == _FG and v.status != "active":
            return INACTIVE_TEXT
        if role == _BG and v.status == "active":
            if v.validity == "expired":
                return EXPIRED_BRUSH
            if v.validity == "expiring":
                return DUE_BRUSH
        return None


class StepTableModel(RowTableModel):
    """A permit's steps, oldest first."""

    COLUMNS = ("at", "what", "by", "detail")

    def set_rows(self, rows: list[PermitEventView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def _headers(self) -> tuple[str, ...]:
        return tuple(_t(_STEP_HEADERS[c]) for c in self.COLUMNS)

    def data(self, index: QModelIndex, role=_DISPLAY):  # noqa: ANN001
        e = self.row(index.row()) if index.isValid() else None
        if e is None or role != _DISPLAY:
            return None
        col = self.COLUMNS[index.column()]
        if col == "at":
            return fmt_datetime(e.at)
        if col == "what":
            return event_name(e.kind)
        if col == "by":
            return e.by if not e.approver or e.approver == e.by else f"{e.by} / {e.approver}"
        parts = [e.person if e.kind != "approved" else "", e.receipt_no, e.detail]
        if e.new_end is not None:
            parts.append(f"→ {fmt_date(e.new_end)}")
        return "  ".join(p for p in parts if p)
