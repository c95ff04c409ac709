"""One app-wide signal that data changed, so tabs refresh without poking each other."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class DataBus(QObject):
    sig_changed = Signal(str)
    """Emitted with a topic ("visits", "occupants", "operator", "settings") after a change."""

    sig_status = Signal(str)
    """A short message for the status bar."""
