"""Suggestions under a line edit while the user types; Enter takes the first one.

Used for returning visitors and for picking a host from the occupant directory: one
keystroke (Enter, or Down … Enter) fills the form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit

from ui.widgets.shortcuts import debounce

Fetch = Callable[[str], list[tuple[str, Any]]]

_PAYLOAD = Qt.ItemDataRole.UserRole + 1


class Suggester(QObject):
    sig_picked = Signal(object)
    """Emitted with the payload of the suggestion the user took."""

    def __init__(self, line_edit: QLineEdit, fetch: Fetch, *, min_chars: int = 1, delay_ms: int = 120):
        super().__init__(line_edit)
        self._edit = line_edit
        self._fetch = fetch
        self._min = min_chars
        self._model = QStandardItemModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setWidget(line_edit)
        self._completer.activated[QModelIndex].connect(self._on_activated)
        self._timer = debounce(self, delay_ms, self.refresh)
        line_edit.textEdited.connect(lambda _t: self._timer.start())
        self.enabled = True

    def refresh(self) -> None:
        """Fetch suggestions for the current text and show them with the first one selected."""
        text = self._edit.text().strip()
        self._model.clear()
        if not self.enabled or len(text) < self._min:
            self._completer.popup().hide()
            return
        for label, payload in self._fetch(text):
            item = QStandardItem(label)
            item.setData(payload, _PAYLOAD)
            item.setEditable(False)
            self._model.appendRow(item)
        if self._model.rowCount() == 0:
            self._completer.popup().hide()
            return
        self._completer.complete()
        popup = self._completer.popup()
        popup.setCurrentIndex(self._model.index(0, 0))

    def count(self) -> int:
        return self._model.rowCount()

    def pick(self, row: int = 0) -> None:
        """Take suggestion ``row`` as if the user had chosen it."""
        index = self._model.index(row, 0)
        if index.isValid():
            self._on_activated(index)

    def _on_activated(self, index: QModelIndex) -> None:
        payload = self._model.data(self._model.index(index.row(), 0), _PAYLOAD)
        self._completer.popup().hide()
        self.sig_picked.emit(payload)
