"""The visitor register as a Qt table model that loads page by page ("fetch more").

``data()`` reads only rows already in memory; the next page is asked for when the view
scrolls near the end, so a million-row register costs one page per scroll.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.services.visitors import Page, VisitView
from ui.format import fmt_datetime
from ui.widgets.table_models import PagedTableModel

Loader = Callable[[tuple[datetime, int] | None], Page]

COLUMNS = (
    "time_in", "time_out", "visitor_name", "doc_number", "phone", "company", "host",
    "purpose", "party_size", "vehicle_plate", "badge_number", "created_by", "amendments",
)

_OVERSTAY = QBrush(QColor("#ffe0b2"))
_AMENDED = QBrush(QColor("#6a1b9a"))


class VisitorTableModel(PagedTableModel):
    COLUMNS = COLUMNS

    def visit(self, row: int) -> VisitView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, visit_id: int) -> int:
        for i, v in enumerate(self._rows):
            if v.id == visit_id:
                return i
        return -1

    # -- Qt model --------------------------------------------------------------------

    def _headers(self) -> tuple[str, ...]:
        return (
            self.tr("Time in"), self.tr("Time out"), self.tr("Visitor"), self.tr("Document no."),
            self.tr("Phone"), self.tr("Company"), self.tr("Host"), self.tr("Purpose"),
            self.tr("People"), self.tr("Plate"), self.tr("Badge"), self.tr("Receptionist"),
            self.tr("Amended"),
        )

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):  # noqa: ANN001
        if not index.isValid():
            return None
        v = self._rows[index.row()]
        col = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(v, col)
        if role == Qt.ItemDataRole.BackgroundRole and v.overstay:
            return _OVERSTAY
        if role == Qt.ItemDataRole.FontRole and v.on_site and col == "visitor_name":
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and col == "amendments" and v.amendment_count:
            return _AMENDED
        if role == Qt.ItemDataRole.ToolTipRole:
            if v.overstay:
                return self.tr("Overstay: still on site since %1").replace("%1", fmt_datetime(v.time_in))
            if col == "amendments" and v.amendment_count:
                return self.tr("Corrected after saving: open the entry to see its history")
        if role == Qt.ItemDataRole.UserRole:
            return v.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col in ("party_size", "amendments"):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, v: VisitView, col: str) -> str:
        if col == "time_in":
            return fmt_datetime(v.time_in)
        if col == "time_out":
            return fmt_datetime(v.time_out) if v.time_out else self.tr("on site")
        if col == "host":
            return v.host_label
        if col == "amendments":
            return str(v.amendment_count) if v.amendment_count else ""
        value = getattr(v, col)
        return str(value) if value is not None else ""
