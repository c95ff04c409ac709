"""The recipient field: unit, name, pinyin initials or the last four digits of a phone.

Suggestions come from the occupant directory (the same search the visitor tab uses for
hosts); Enter takes the first one. A unit typed with no occupant on file is taken as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from app.services import Services
from ui.widgets.suggest import Suggester


@dataclass(frozen=True)
class Recipient:
    unit_code: str
    occupant_id: int | None = None
    name: str = ""

    @property
    def label(self) -> str:
        return f"{self.unit_code} {self.name}".strip()


class RecipientEdit(QLineEdit):
    sig_picked = Signal(object)
    """Emitted with a ``Recipient`` when one is chosen (suggestion or a unit typed + Enter)."""

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.setMaxLength(64)
        self.setClearButtonEnabled(True)
        self.suggester = Suggester(self, self._fetch)
        self.suggester.sig_picked.connect(self._picked)
        self.returnPressed.connect(self._typed)
        self.chosen: Recipient | None = None
        self.textEdited.connect(lambda _t: setattr(self, "chosen", None))

    def _fetch(self, text: str):
        try:
            people = self._services.parcels.find_recipients(text, limit=12)
        except Exception:  # noqa: BLE001 - suggestions are a convenience
            return []
        return [(f"{o.label}  ·{o.phone[-4:]}" if o.phone else o.label,
                 Recipient(o.unit_code, o.id, o.name)) for o in people]

    def _picked(self, r: Recipient) -> None:
        self.chosen = r
        self.setText(r.label)
        self.sig_picked.emit(r)

    def _typed(self) -> None:
        text = self.text().strip()
        if not text:
            return
        if self.chosen is not None and self.text() == self.chosen.label:
            self.sig_picked.emit(self.chosen)
            return
        # Enter before the suggestions showed: the first match if any, else the unit as typed.
        found = self._fetch(text)
        r = found[0][1] if found else Recipient(text.upper())
        self._picked(r)

    def recipient(self) -> Recipient | None:
        """What the field holds now: the chosen recipient, or a unit typed."""
        text = self.text().strip()
        if not text:
            return None
        if self.chosen is not None and text == self.chosen.label:
            return self.chosen
        return Recipient(text.upper())
