"""Table models of the Repairs tab: rows in memory, no query per cell; overdue rows in red."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ui.format import fmt_date, fmt_datetime, fmt_money
from ui.repairs.texts import category_name, countdown, term
from ui.widgets.table_models import RowTableModel

_DISPLAY = Qt.ItemDataRole.DisplayRole
_RED = QColor("#b00020")
_RED_BG = QColor("#fde7e9")
_ROLES = frozenset((_DISPLAY, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole,
                    Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ToolTipRole))


def _t(text: str) -> str:
    return QCoreApplication.translate("RepairTables", text)


class SlipTableModel(RowTableModel):
    """Open slips (or any list of ``RepairView``) with the countdown to their due time."""

    COLUMNS = ("number", "due", "left", "grade", "where", "category", "state", "assignee")

    def __init__(self, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self.categories: list = []
        self.at = datetime.now()

    def _headers(self) -> tuple[str, ...]:
        return (QCoreApplication.translate("RepairTables", "Slip"), QCoreApplication.translate("RepairTables", "Due"), QCoreApplication.translate("RepairTables", "Time left"), QCoreApplication.translate("RepairTables", "Grade"), QCoreApplication.translate("RepairTables", "Where"), QCoreApplication.translate("RepairTables", "Category"), QCoreApplication.translate("RepairTables", "State"),
                QCoreApplication.translate("RepairTables", "Technician"))

    def set_rows(self, rows: list, categories: list, at: datetime) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.categories = categories
        self.at = at
        self.endResetModel()

    def tick(self, at: datetime) -> None:
        """The countdown moves on: repaint the time-left column only (no query)."""
        self.at = at
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.COLUMNS) - 1))

    def row_of(self, repair_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == repair_id), -1)

    def data(self, index: QModelIndex, role=_DISPLAY):  # noqa: ANN001
        if role not in _ROLES:  # the view asks for a dozen roles per cell: answer the rest at once
            return None
        v = self.row(index.row())
        if v is None:
            return None
        col = self.COLUMNS[index.column()]
        if role == _DISPLAY:
            if col == "number":
                return v.number + (f" ↻{v.rework_count}" if v.rework_count else "")
            if col == "due":
                return fmt_datetime(v.due_at)
            if col == "left":
                if v.state in ("registered", "dispatched", "in_progress", "on_hold"):
                    return countdown(v.remaining(self.at))
                if v.state in ("completed", "settled"):
                    return QCoreApplication.translate("RepairTables", "follow up by %1").replace("%1", fmt_date(v.follow_up_due))
                return ""
            if col == "grade":
                return term(v.grade)
            if col == "where":
                return v.where
            if col == "category":
                return category_name(self.categories, v.category)
            if col == "state":
                text = term(v.state)
                if v.needs_settlement:
                    text += " · " + QCoreApplication.translate("RepairTables", "to settle %1").replace("%1", fmt_money(v.charge))
                return text
            if col == "assignee":
                return v.assignee
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return v.description
        overdue = v.overdue(self.at)
        if role == Qt.ItemDataRole.ForegroundRole and overdue:
            return QBrush(_RED)
        if role == Qt.ItemDataRole.BackgroundRole and overdue:
            return QBrush(_RED_BG)
        if role == Qt.ItemDataRole.FontRole and (overdue or (col == "grade" and v.grade == "urgent")):
            return self._bold
        return None


class ComplaintTableModel(RowTableModel):
    COLUMNS = ("number", "received", "kind", "severity", "name", "unit", "content", "assignee", "due", "state")

    def __init__(self, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self.at = datetime.now()

    def _headers(self) -> tuple[str, ...]:
        return (QCoreApplication.translate("RepairTables", "No."), QCoreApplication.translate("RepairTables", "Received"), QCoreApplication.translate("RepairTables", "Type"), QCoreApplication.translate("RepairTables", "Severity"), QCoreApplication.translate("RepairTables", "Name"), QCoreApplication.translate("RepairTables", "Unit"), QCoreApplication.translate("RepairTables", "Content"),
                QCoreApplication.translate("RepairTables", "Responsible"), QCoreApplication.translate("RepairTables", "Deadline"), QCoreApplication.translate("RepairTables", "State"))

    def set_rows(self, rows: list, at: datetime) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.at = at
        self.endResetModel()

    def row_of(self, complaint_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == complaint_id), -1)

    def data(self, index: QModelIndex, role=_DISPLAY):  # noqa: ANN001
        c = self.row(index.row())
        if c is None:
            return None
        col = self.COLUMNS[index.column()]
        late = c.fix_overdue(self.at) or c.follow_up_overdue(self.at)
        if role == _DISPLAY:
            if col == "due":
                if c.state in ("registered", "assigned") and c.needs_action:
                    return fmt_datetime(c.fix_due_at)
                if c.state == "handled":
                    return QCoreApplication.translate("RepairTables", "follow up by %1").replace("%1", fmt_datetime(c.follow_up_due_at))
                return ""
            return {
                "number": c.number, "received": fmt_datetime(c.received_at), "kind": term(c.kind),
                "severity": term(c.severity), "name": c.name, "unit": c.unit_code, "content": c.content,
                "assignee": c.assignee, "state": term(c.state),
            }[col]
        if role == Qt.ItemDataRole.ForegroundRole and late:
            return QBrush(_RED)
        if role == Qt.ItemDataRole.ToolTipRole:
            return c.content
        return None


class UnfinishedTableModel(RowTableModel):
    """The day's unfinished slips (stub not back though due) with the reason recorded today."""

    COLUMNS = ("number", "due", "where", "state", "assignee", "reason")

    def _headers(self) -> tuple[str, ...]:
        return (QCoreApplication.translate("RepairTables", "Slip"), QCoreApplication.translate("RepairTables", "Due"), QCoreApplication.translate("RepairTables", "Where"), QCoreApplication.translate("RepairTables", "State"), QCoreApplication.translate("RepairTables", "Technician"), QCoreApplication.translate("RepairTables", "Reason (today)"))

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def data(self, index: QModelIndex, role=_DISPLAY):  # noqa: ANN001
        u = self.row(index.row())
        if u is None:
            return None
        v = u.repair
        col = self.COLUMNS[index.column()]
        if role == _DISPLAY:
            return {"number": v.number, "due": fmt_datetime(v.due_at), "where": v.where, "state": term(v.state),
                    "assignee": v.assignee, "reason": u.reason or QCoreApplication.translate("RepairTables", "— no reason yet —")}[col]
        if role == Qt.ItemDataRole.ForegroundRole and not u.reason:
            return QBrush(_RED)
        return None
