"""The visitor register as a Qt table model that loads page by page ("fetch more").

``data()`` reads only rows already in memory; the next page is asked for when the view
scrolls near the end, so a million-row register costs one page per scroll.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.services.visitors import Page, VisitView
from ui.format import fmt_datetime

Loader = Callable[[tuple[datetime, int] | None], Page]

COLUMNS = (
    "time_in", "time_out", "visitor_name", "doc_number", "phone", "company", "host",
    "purpose", "party_size", "vehicle_plate", "badge_number", "created_by", "amendments",
)

_OVERSTAY = QBrush(QColor("#ffe0b2"))
_AMENDED = QBrush(QColor("#6a1b9a"))


class VisitorTableModel(QAbstractTableModel):
    def __init__(self, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self._rows: list[VisitView] = []
        self._loader: Loader | None = None
        self._next: tuple[datetime, int] | None = None
        self._more = False
        self._bold = QFont()
        self._bold.setBold(True)

    # -- loading ---------------------------------------------------------------------

    def set_loader(self, loader: Loader) -> None:
        """Start over with a new query: load its first page."""
        self.beginResetModel()
        self._loader = loader
        page = loader(None)
        self._rows = list(page.rows)
        self._next = page.next_after
        self._more = page.next_after is not None
        self.endResetModel()

    def reload(self) -> None:
        if self._loader is not None:
            self.set_loader(self._loader)

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self._more and self._loader is not None

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: B008, N802
        if not self.canFetchMore(parent):
            return
        page = self._loader(self._next)
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()
        self._next = page.next_after
        self._more = page.next_after is not None

    def visit(self, row: int) -> VisitView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, visit_id: int) -> int:
        for i, v in enumerate(self._rows):
            if v.id == visit_id:
                return i
        return -1

    # -- Qt model --------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(COLUMNS):
            return None
        return self._headers()[section]

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

    def retranslate(self) -> None:
        """Header and "on site" texts follow the language; nothing translated is cached."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))
