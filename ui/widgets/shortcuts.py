"""Keyboard helpers shared by the tabs: shortcuts that work anywhere inside one tab, the cursor
put in a field, modal dialogs, search fields that reload when typing pauses."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QWidget


def add_shortcuts(widget: QWidget, pairs: Sequence[tuple[str, Callable[[], object]]]) -> list[QShortcut]:
    """One ``QShortcut`` per (key sequence, slot), active while focus is in ``widget``."""
    made = []
    for keys, slot in pairs:
        sc = QShortcut(QKeySequence(keys), widget)
        sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        sc.activated.connect(slot)
        made.append(sc)
    return made


def focus_field(field: QWidget) -> None:
    """Put the cursor in ``field`` with its text selected, so typing (or a scan) replaces it."""
    field.setFocus()
    field.selectAll()


def exec_and_free(dialog: QDialog) -> int:
    """Show a modal dialog and free it afterwards (the tabs' ``exec_dialog``, which tests replace)."""
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()


def debounce(parent: QObject, msec: int, slot: Callable[[], object]) -> QTimer:
    """A single-shot timer that calls ``slot`` ``msec`` after its last ``start()`` (typing in
    a search field reloads once, when the typing pauses)."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(msec)
    timer.timeout.connect(slot)
    return timer
