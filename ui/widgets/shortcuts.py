"""Keyboard shortcuts that work anywhere inside one tab."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


def add_shortcuts(widget: QWidget, pairs: Sequence[tuple[str, Callable[[], object]]]) -> list[QShortcut]:
    """One ``QShortcut`` per (key sequence, slot), active while focus is in ``widget``."""
    made = []
    for keys, slot in pairs:
        sc = QShortcut(QKeySequence(keys), widget)
        sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        sc.activated.connect(slot)
        made.append(sc)
    return made
