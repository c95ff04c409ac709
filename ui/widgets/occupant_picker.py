"""Pick an occupant from the directory by typing a unit (``A-12``), a name, pinyin initials
(``zs``) or the last digits of a phone; Enter (or Down … Enter) takes the suggestion.

One widget for every place a resident is named: the visitor's host, the key cabinet's
hand-over recipient, the owner entrusting a spare key, whoever asked for a copy. Typing
stays allowed (a relative not in the directory, a unit without occupants): then
``occupant`` is None and the text is what was typed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from app.services import Services
from app.services.occupants import OccupantView
from ui.widgets.suggest import Suggester

#: what the field shows once an occupant is picked
FILL_LABEL = "label"  # "A-1203 张三"
FILL_NAME = "name"  # "张三"


class OccupantPicker(QLineEdit):
    sig_picked = Signal(object)
    """Emitted with the ``OccupantView`` the user picked."""
    sig_changed = Signal()
    """The picked occupant changed (picked, or typed over)."""

    def __init__(self, services: Services, parent: QWidget | None = None, *, fill: str = FILL_LABEL,
                 unit_filter: Callable[[], str] | None = None, limit: int = 12):
        super().__init__(parent)
        self._services = services
        self._fill = fill
        self._unit_filter = unit_filter
        self._limit = limit
        self.occupant: OccupantView | None = None
        self.occupant_id: int | None = None
        self._shown = ""  # the text shown for the picked occupant
        self.setMaxLength(64)
        self.suggester = Suggester(self, self._fetch)
        self.suggester.sig_picked.connect(self._picked)
        # textChanged, not textEdited: clear() or setText() by code also un-picks.
        self.textChanged.connect(self._edited)

    @staticmethod
    def suggestion_label(o: OccupantView) -> str:
        """``A-1203 张三  138****5678`` — the masked phone tells two 张伟 apart."""
        phone = o.phone_masked if o.phone else ""
        return f"{o.label}  {phone}".rstrip()

    def _fetch(self, text: str) -> list[tuple[str, OccupantView]]:
        try:
            found = self._services.occupants.search(text, limit=self._limit * 3 if self._unit_filter else self._limit)
        except Exception:  # noqa: BLE001 - suggestions are a convenience; typing still works
            return []
        unit = self._unit_filter() if self._unit_filter else ""
        if unit:
            found = [o for o in found if o.unit_code == unit]
        return [(self.suggestion_label(o), o) for o in found[:self._limit]]

    def _picked(self, occupant: OccupantView) -> None:
        self.show_occupant(occupant)
        self.sig_picked.emit(occupant)

    def _edited(self, text: str) -> None:
        if self.occupant_id is not None and text != self._shown:
            self.occupant = None
            self.occupant_id = None
            self.sig_changed.emit()

    def show_occupant(self, occupant: OccupantView | None, text: str | None = None) -> None:
        """Show ``occupant`` as picked (None: nobody picked, the field shows ``text``)."""
        if text is None and occupant is not None:
            text = occupant.name if self._fill == FILL_NAME else occupant.label
        self._shown = text or ""
        self.occupant = occupant
        self.occupant_id = occupant.id if occupant is not None else None
        self.setText(self._shown)
        self.sig_changed.emit()

    def keep_id(self, occupant_id: int | None, text: str) -> None:
        """Show ``text`` for an occupant known only by id (no view at hand)."""
        self._shown = text
        self.occupant = None
        self.occupant_id = occupant_id
        self.setText(text)

    def unit_code(self) -> str:
        """The picked occupant's unit, or what was typed taken as a unit number."""
        return self.occupant.unit_code if self.occupant is not None else self.text().strip()

    def person_name(self) -> str:
        """The picked occupant's name, or what was typed."""
        return self.occupant.name if self.occupant is not None else self.text().strip()
