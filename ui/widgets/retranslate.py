"""Widgets that re-apply their texts when the language changes at run time."""

from __future__ import annotations

from PySide6.QtCore import QEvent


class Retranslating:
    """Mix in before the Qt base class; the widget defines ``retranslate()``.

    Qt sends ``LanguageChange`` to every widget when a translator is installed or removed;
    texts are set only in ``retranslate()`` so nothing translated is ever cached.
    """

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

