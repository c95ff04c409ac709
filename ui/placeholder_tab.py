"""A tab whose module arrives in a later version: it says so plainly, with no fake data."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from ui.widgets.retranslate import Retranslating


class PlaceholderTab(Retranslating, QWidget):
    def __init__(self, describe: Callable[[], str], parent: QWidget | None = None):
        super().__init__(parent)
        self._describe = describe
        self.label = QLabel(self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        QVBoxLayout(self).addWidget(self.label)
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(self.tr("%1\n\nThis module is coming in a later version of Reception Desk.")
                           .replace("%1", self._describe()))
