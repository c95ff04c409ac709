"""Base table models: rows held in memory, and keyset-paged rows loaded as the view scrolls.

``data()`` in subclasses reads only ``self._rows``; nothing here runs a query per cell. The
paged model asks its loader for the next page in ``fetchMore()`` — a million-row register
costs one page per scroll.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

_DISPLAY = Qt.ItemDataRole.DisplayRole


class RowTableModel(QAbstractTableModel):
    """Rows in a list, columns named in ``COLUMNS``, header texts from ``_headers()``."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self._rows: list = []
        self._bold = QFont()
        self._bold.setBold(True)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation, role=_DISPLAY):  # noqa: ANN001, N802
        if orientation != Qt.Orientation.Horizontal or role != _DISPLAY:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return self._headers()[section]

    def _headers(self) -> tuple[str, ...]:
        return self.COLUMNS

    def row(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def retranslate(self) -> None:
        """Headers and words follow the language; nothing translated is cached."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.COLUMNS) - 1))


class PagedTableModel(RowTableModel):
    """Rows loaded page by page from ``loader(after) -> page`` (``page.rows``, ``page.next_after``)."""

    def __init__(self, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self._loader: Callable[[Any], Any] | None = None
        self._next: Any = None
        self._more = False

    def set_loader(self, loader: Callable[[Any], Any]) -> None:
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

    def clear(self) -> None:
        self.beginResetModel()
        self._loader = None
        self._rows = []
        self._more = False
        self.endResetModel()

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


def make_table_view(parent: QWidget, model: QAbstractItemModel, *, alternating: bool = True) -> QTableView:
    """A read-only, row-selecting table with compact rows, as every register shows."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(alternating)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    return view
