"""Dialogs of the Parcels tab: hand over, assign recipients, item detail, reasons for actions."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.parcel_rules import ESCALATION_OUTCOMES
from app.services import Services
from app.services.parcels import Assignment, ParcelView, PickupView
from ui.errors import run_action
from ui.format import fmt_datetime
from ui.keys.signature import SignaturePad
from ui.messages import parcel_event_name, parcel_state_name, parcel_type_name
from ui.parcels.recipient import RecipientEdit
from ui.parcels.table_model import flag_text
from ui.widgets.field_form import FieldForm
from ui.widgets.retranslate import Retranslating


def item_line(p: ParcelView) -> str:
    parts = [p.code, parcel_type_name(p.item_type)]
    if p.shelf:
        parts.append(p.shelf)
    parts.append(fmt_datetime(p.received_at))
    flags = flag_text(p)
    if flags:
        parts.append(f"({flags})")
    return "  ".join(parts)


class RecipientSignaturePad(SignaturePad):
    def retranslate(self) -> None:
        super().retranslate()
        self.hint.setText(self.tr("The person collecting signs here (mouse, pen or finger)"))


class PickupDialog(Retranslating, QDialog):
    """Everything waiting for one unit, ticked; who takes it; one signature for all."""

    def __init__(self, services: Services, unit_id: int, *, tick: Sequence[int] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.unit_id = unit_id
        self.items = services.parcels.waiting_for_unit(unit_id)
        self.result_value: PickupView | None = None
        self.unit_code = self.items[0].unit_code if self.items else ""
        occupants = [o for o in services.occupants.search(self.unit_code, limit=20) if o.unit_id == unit_id] \
            if self.unit_code else []
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.list = QListWidget(self)
        ticked = set(tick) if tick else None
        for p in self.items:
            row = QListWidgetItem(item_line(p), self.list)
            row.setData(Qt.ItemDataRole.UserRole, p.id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked if ticked is None or p.id in ticked else Qt.CheckState.Unchecked)
        self.tick_all = QCheckBox(self)
        self.tick_all.setChecked(ticked is None)
        self.tick_all.toggled.connect(self._tick_all)
        self.name = QComboBox(self)
        self.name.setEditable(True)
        names = [o.name for o in occupants]
        for p in self.items:
            if p.recipient_name and p.recipient_name not in names:
                names.append(p.recipient_name)
        self.name.addItems(names)
        self.someone_else = QCheckBox(self)
        self.relation = QLineEdit(self)
        self.relation.setMaxLength(32)
        self.relation.setEnabled(False)
        self.id_checked = QCheckBox(self)
        self.someone_else.toggled.connect(self._someone_else)
        self.pad = RecipientSignaturePad(self)
        self.on_paper = QCheckBox(self)
        self.form = FieldForm(self)
        self.form.add_row("items", self.list)
        self.form.add_row("picked_up_by", self.name)
        self.form.add_row("relation", self.relation)
        self.form.add_row("id_checked", self.id_checked)
        self.form.add_row("signature", self.pad)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.hand_over)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tick_all)
        layout.addWidget(self.someone_else)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.on_paper)
        layout.addWidget(self.buttons)
        self.resize(620, 560)
        self.retranslate()

    def _tick_all(self, on: bool) -> None:
        for i in range(self.list.count()):
            self.list.item(i).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _someone_else(self, on: bool) -> None:
        self.relation.setEnabled(on)
        if on:
            self.name.setCurrentText("")
            self.name.setFocus()
        else:
            self.relation.clear()

    def ticked_ids(self) -> list[int]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def hand_over(self) -> None:
        png = None if self.on_paper.isChecked() else self.pad.png()
        relation = self.relation.text() if self.someone_else.isChecked() else ""
        if self.someone_else.isChecked() and not relation.strip():
            from app.errors import FieldError

            self.form.show_errors({"relation": FieldError("parcel.relation_required", {})})
            return
        result = run_action(self, lambda: self._services.parcels.pick_up(
            self.ticked_ids(), picked_up_by=self.name.currentText(), relation=relation,
            id_checked=self.id_checked.isChecked(), signature_png=png, signed_on_paper=self.on_paper.isChecked()),
            form=self.form)
        if result is not None:
            self.result_value = result
            self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Hand over"))
        self.heading.setText(self.tr("%1 — %n item(s) waiting", "", len(self.items)).replace("%1", self.unit_code))
        self.tick_all.setText(self.tr("Tick every item"))
        self.someone_else.setText(self.tr("Someone else picks up for the recipient"))
        self.form.label("items").setText(self.tr("Items"))
        self.form.label("picked_up_by").setText(self.tr("Picked up by"))
        self.form.label("relation").setText(self.tr("Relation to the recipient"))
        self.relation.setPlaceholderText(self.tr("e.g. spouse, nanny, colleague"))
        self.form.label("id_checked").setText(self.tr("ID"))
        self.id_checked.setText(self.tr("ID checked"))
        self.form.label("signature").setText(self.tr("Signature"))
        self.on_paper.setText(self.tr("Signed on the paper register instead"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Hand over"))


class AssignDialog(Retranslating, QDialog):
    """Give several items their recipient (and shelf) at once."""

    def __init__(self, services: Services, items: Sequence[ParcelView], parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.items = list(items)
        self.result_value: list[ParcelView] | None = None
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.recipient = RecipientEdit(services, self)
        self.shelf = QLineEdit(self)
        self.shelf.setMaxLength(16)
        self.form = FieldForm(self)
        self.form.add_row("unit_code", self.recipient, aliases=("occupant_id", "recipient_name", "items"))
        self.form.add_row("shelf", self.shelf)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.assign)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.resize(520, 220)
        self.retranslate()

    def assign(self) -> None:
        r = self.recipient.recipient()
        shelf = self.shelf.text().strip() or None
        lines = [Assignment(p.id, r.unit_code if r else "", r.occupant_id if r else None,
                            r.name if r and r.occupant_id else "", shelf) for p in self.items]
        result = run_action(self, lambda: self._services.parcels.assign_recipients(lines), form=self.form)
        if result is not None:
            self.result_value = result
            self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Assign recipient"))
        self.summary.setText(self.tr("%n item(s): ", "", len(self.items)) + ", ".join(p.code for p in self.items[:8])
                             + ("…" if len(self.items) > 8 else ""))
        self.form.label("unit_code").setText(self.tr("Recipient"))
        self.recipient.setPlaceholderText(self.tr("Unit, name, pinyin initials or last 4 phone digits"))
        self.form.label("shelf").setText(self.tr("Shelf (unchanged if empty)"))


class ItemDetailDialog(Retranslating, QDialog):
    """One item: what it is, where it is, and everything that happened to it."""

    def __init__(self, services: Services, item: ParcelView, parent: QWidget | None = None):
        super().__init__(parent)
        self.item = item
        self.events = services.parcels.history(item.id)
        self.facts = QLabel(self)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(len(self.events), 5, self)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.facts)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 440)
        self.retranslate()

    def retranslate(self) -> None:
        p = self.item
        self.setWindowTitle(self.tr("Item %1").replace("%1", p.code))
        rows = [
            (self.tr("Number"), p.code + (" " + self.tr("(internal)") if p.internal else "")),
            (self.tr("Type"), parcel_type_name(p.item_type)),
            (self.tr("Unit"), p.unit_code or self.tr("(not assigned)")),
            (self.tr("Recipient"), p.recipient_name),
            (self.tr("Shelf"), p.shelf),
            (self.tr("Received"), f"{fmt_datetime(p.received_at)} · {p.received_by}"),
            (self.tr("State"), parcel_state_name(p.state)),
            (self.tr("Flags"), flag_text(p)),
        ]
        if p.picked_up_at:
            rows.append((self.tr("Picked up"), f"{fmt_datetime(p.picked_up_at)} · {p.picked_up_by}"))
        self.facts.setText("<table>" + "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{_esc(v)}</td></tr>"
                                               for k, v in rows) + "</table>")
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("What"), self.tr("Staff"),
                                              self.tr("Reason / note"), self.tr("Person")])
        for r, e in enumerate(self.events):
            for c, text in enumerate((fmt_datetime(e.at), parcel_event_name(e.kind), e.staff_name,
                                      e.reason or e.detail, e.person)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()


def _esc(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


#: action → (needs "handed to", needs an outcome choice)
ACTIONS = {
    "return": (True, False),
    "escalate": (False, False),
    "lost": (False, False),
    "damaged": (False, False),
    "dispose": (False, False),
    "resolve": (True, True),
}


class ActionDialog(Retranslating, QDialog):
    """A reason (and who took it) for returning, escalating, reporting, disposing, resolving."""

    def __init__(self, services: Services, action: str, items: Sequence[ParcelView], parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.action = action
        self.items = list(items)
        self.result_value = None
        needs_person, needs_outcome = ACTIONS[action]
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.outcome = QComboBox(self)
        for o in ESCALATION_OUTCOMES:
            self.outcome.addItem("", o)
        self.reason = QPlainTextEdit(self)
        self.reason.setFixedHeight(70)
        self.person = QLineEdit(self)
        self.person.setMaxLength(64)
        self.form = FieldForm(self)
        if needs_outcome:
            self.form.add_row("outcome", self.outcome)
            self.outcome.currentIndexChanged.connect(
                lambda _i: self.person.setEnabled(self.outcome.currentData() == "return"))
        self.form.add_row("reason", self.reason, aliases=("note",))
        if needs_person:
            self.form.add_row("handed_to", self.person)
            self.person.setEnabled(action == "return" or self.outcome.currentData() == "return")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.resize(520, 260)
        self.retranslate()

    def _call(self):  # noqa: ANN202
        svc = self._services.parcels
        ids = [p.id for p in self.items]
        why = self.reason.toPlainText()
        if self.action == "return":
            return lambda: svc.return_to_post_office(ids, reason=why, handed_to=self.person.text())
        if self.action == "dispose":
            return lambda: svc.dispose(ids, reason=why)
        if self.action == "escalate":
            return lambda: svc.escalate_items(ids, why)
        if self.action in ("lost", "damaged"):
            return lambda: svc.report_items(ids, self.action, why)
        return lambda: svc.resolve_escalations(ids, self.outcome.currentData(), why, handed_to=self.person.text())

    def save(self) -> None:
        result = run_action(self, self._call(), form=self.form)
        if result is not None:
            self.result_value = result
            self.accept()

    def retranslate(self) -> None:
        titles = {
            "return": self.tr("Return to the post office"),
            "escalate": self.tr("Send to the supervisor (suspicious)"),
            "lost": self.tr("Report lost"),
            "damaged": self.tr("Report damaged"),
            "dispose": self.tr("Dispose of uncollected items"),
            "resolve": self.tr("Supervisor's decision"),
        }
        self.setWindowTitle(titles[self.action])
        self.summary.setText(titles[self.action] + ": " + ", ".join(p.code for p in self.items[:8])
                             + ("…" if len(self.items) > 8 else ""))
        names = {"release": self.tr("Release: back to waiting"), "return": self.tr("Return to the post office"),
                 "dispose": self.tr("Dispose of")}
        for i in range(self.outcome.count()):
            self.outcome.setItemText(i, names.get(self.outcome.itemData(i), self.outcome.itemData(i)))
        if "outcome" in self.form._labels:  # noqa: SLF001
            self.form.label("outcome").setText(self.tr("Decision"))
        self.form.label("reason").setText(self.tr("Reason"))
        if "handed_to" in self.form._labels:  # noqa: SLF001
            self.form.label("handed_to").setText(self.tr("Handed to (postman's name)"))


class EndOfDayDialog(Retranslating, QDialog):
    """Mail not handed over today, a reason for each (same-day delivery: special cases recorded)."""

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 5, self)
        self.table.verticalHeader().hide()
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.check_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        self.check_button.clicked.connect(self.check)
        self.ok = False
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 480)
        self.held = []
        self.load()
        self.retranslate()

    def load(self) -> None:
        self.held = self._services.parcels.end_of_day()
        self.table.setRowCount(len(self.held))
        for r, h in enumerate(self.held):
            p = h.item
            for c, text in enumerate((p.code, parcel_type_name(p.item_type), p.unit_code,
                                      fmt_datetime(p.received_at))):
                cell = QTableWidgetItem(text)
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(r, c, cell)
            self.table.setItem(r, 4, QTableWidgetItem(h.reason))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)

    def set_reason(self, row: int, text: str) -> None:
        self.table.item(row, 4).setText(text)

    def save(self) -> bool:
        reasons = {}
        for r, h in enumerate(self.held):
            text = self.table.item(r, 4).text().strip()
            if text and text != h.reason:
                reasons[h.item.id] = text
        if not reasons:
            return True
        if run_action(self, lambda: self._services.parcels.record_reasons(reasons)) is None:
            return False
        self.load()
        self.retranslate()
        return True

    def check(self) -> bool:
        if not self.save():
            return False
        self.ok = run_action(self, lambda: self._services.parcels.check_day_close() or True) is not None
        self.retranslate()
        return self.ok

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("End of day: mail not handed over"))
        missing = sum(1 for h in self.held if not h.reason)
        text = self.tr("%n item(s) still at the counter. ", "", len(self.held))
        if missing:
            text += self.tr("%n without a reason: mail is delivered the same day, so write why for each.", "",
                            missing)
        elif self.held:
            text += self.tr("Every item has a reason: the day can close.")
        if self.ok:
            text += " " + self.tr("Day closed.")
        self.summary.setText(text)
        self.table.setHorizontalHeaderLabels([self.tr("Number"), self.tr("Type"), self.tr("Unit"),
                                              self.tr("Received"), self.tr("Reason not handed over")])
        self.save_button.setText(self.tr("Save reasons"))
        self.check_button.setText(self.tr("Close the day"))
