"""UI fixtures: real widgets on the offscreen platform, real services on a temp database."""

from __future__ import annotations

import pytest

from ui.bus import DataBus
from ui.fonts import install_fonts
from ui.i18n import Translations


@pytest.fixture
def bus(qapp) -> DataBus:
    return DataBus()


@pytest.fixture
def translations(qapp):
    install_fonts(qapp)
    t = Translations()
    t.set_language("en")
    yield t
    t.set_language("en")


def type_text(qtbot, widget, text: str) -> None:
    """Type like a person: ASCII through QTest, other characters (Chinese) as key events with text.

    QTest's keyClicks only knows ASCII keys; an IME commits Chinese as text-carrying events.
    """
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
