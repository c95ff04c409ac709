"""The Parcels tab (邮件报刊收发): rapid intake from the scanner, hand-over with one signature,
the waiting list with its actions, courier batch checks, end of day and notices.

Two modes decide what a scan does (here or on any tab, through the scan router):

* **Intake** (F7): every number is registered at once with the type, shelf and flags shown
  (they stay between scans). A number already registered is refused with when it came and
  its state — a double scan during a delivery must not pop up a hand-over.
* **Pick-up** (F8, the default): an item waiting opens the hand-over for its unit with every
  item waiting for that unit; an item already picked up says when and to whom; a number
  not in the register says so (switch to Intake to register it).

Ctrl+K scan field · Ctrl+R recipient · Ctrl+F unit filter · Ctrl+Shift+H hand over ·
Ctrl+Shift+G assign · F5 refresh.
"""

from __future__ import annotations

from datetime import datetime, time

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.parcel_rules import ITEM_TYPES, SIGNED_TYPES, STATES
from app.services import Services
from app.services.parcels import IntakeInput, ParcelQuery, ParcelView
from ui.bus import DataBus
from ui.errors import run_action
from ui.messages import error_text, message, parcel_state_name, parcel_type_name
from ui.parcels.dialogs import ActionDialog, AssignDialog, EndOfDayDialog, ItemDetailDialog, PickupDialog
from ui.parcels.recipient import Recipient, RecipientEdit
from ui.parcels.table_model import ParcelTableModel, carrier_label
from ui.parcels.worker import DbWorker
from ui.widgets.retranslate import Retranslating
from ui.widgets.scan_field import ScanLineEdit
from ui.widgets.shortcuts import add_shortcuts, debounce, exec_and_free, focus_field
from ui.widgets.table_models import make_table_view

_OK_STYLE = "color: #1b5e20; font-weight: bold; font-size: 12pt;"
_WARN_STYLE = "color: #e65100; font-weight: bold; font-size: 12pt;"
_ERR_STYLE = "color: #b00020; font-weight: bold; font-size: 12pt;"


def _message_of(exc: Exception) -> str:
    fields = getattr(exc, "fields", None)
    if fields:
        return error_text(next(iter(fields.values())))
    return error_text(exc)


class ParcelsTab(Retranslating, QWidget):
    sig_registered = Signal(object)
    """Emitted with the ``ParcelView`` of every item registered."""

    def __init__(self, services: Services, bus: DataBus, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.bus = bus
        # Printing hooks (tests set them to None or to a recorder).
        self.label_printer = self._print_label
        self.notice_printer = self._print_notices
        self.mode = "pickup"
        self.last_item: ParcelView | None = None
        self.assign_target: ParcelView | None = None
        self._batch_dialog = None
        self._carriers: dict[str, tuple[str, str]] = {}

        # Mode and scan field.
        self.intake_mode = QPushButton(self)
        self.pickup_mode = QPushButton(self)
        for b in (self.intake_mode, self.pickup_mode):
            b.setCheckable(True)
            # Which mode a scan acts in must be obvious from across the counter.
            b.setStyleSheet("QPushButton:checked { background: #1565c0; color: white; font-weight: bold; }")
        self.mode_group = QButtonGroup(self)
        self.mode_group.setExclusive(True)
        self.mode_group.addButton(self.intake_mode)
        self.mode_group.addButton(self.pickup_mode)
        self.pickup_mode.setChecked(True)
        self.scan_label = QLabel(self)
        self.scan_field = ScanLineEdit(self)
        self.scan_field.setObjectName("parcel_scan")
        self.scan_label.setBuddy(self.scan_field)
        self.scan_button = QPushButton(self)
        self.no_barcode_button = QPushButton(self)
        self.batch_button = QPushButton(self)
        top = QHBoxLayout()
        top.addWidget(self.intake_mode)
        top.addWidget(self.pickup_mode)
        top.addSpacing(12)
        top.addWidget(self.scan_label)
        top.addWidget(self.scan_field, 2)
        top.addWidget(self.scan_button)
        top.addSpacing(12)
        top.addWidget(self.no_barcode_button)
        top.addWidget(self.batch_button)
        self.feedback = QLabel(self)
        self.feedback.setWordWrap(True)
        self.feedback.setObjectName("parcel_feedback")

        # What every scan in intake gets (kept between scans) and the recipient.
        self.options = QGroupBox(self)
        self.type_label = QLabel(self)
        self.item_type = QComboBox(self)
        for t in ITEM_TYPES:
            self.item_type.addItem("", t)
        self.item_type.setCurrentIndex(self.item_type.findData("parcel"))
        self.type_label.setBuddy(self.item_type)
        self.shelf_label = QLabel(self)
        self.shelf = QLineEdit(self)
        self.shelf.setMaxLength(16)
        self.shelf.setFixedWidth(90)
        self.shelf_label.setBuddy(self.shelf)
        self.perishable = QCheckBox(self)
        self.signature = QCheckBox(self)
        self.signature.setChecked(True)
        self.fragile = QCheckBox(self)
        self.suspicious = QCheckBox(self)
        self.recipient_label = QLabel(self)
        self.recipient = RecipientEdit(services, self)
        self.recipient.setObjectName("parcel_recipient")
        self.recipient_label.setBuddy(self.recipient)
        self.keep_recipient = QCheckBox(self)
        self.target_label = QLabel(self)
        self.target_label.setStyleSheet("color: #37474f;")
        self.next_item_button = QToolButton(self)
        o1 = QHBoxLayout()
        o1.addWidget(self.type_label)
        o1.addWidget(self.item_type)
        o1.addWidget(self.shelf_label)
        o1.addWidget(self.shelf)
        for w in (self.signature, self.perishable, self.fragile, self.suspicious):
            o1.addWidget(w)
        o1.addStretch(1)
        o2 = QHBoxLayout()
        o2.addWidget(self.recipient_label)
        o2.addWidget(self.recipient, 2)
        o2.addWidget(self.keep_recipient)
        o2.addWidget(self.target_label, 2)
        o2.addWidget(self.next_item_button)
        ol = QVBoxLayout(self.options)
        ol.addLayout(o1)
        ol.addLayout(o2)

        # Lists: waiting (with filters) and today's intake.
        self.model = ParcelTableModel(self)
        self.view = make_table_view(self, self.model, alternating=False)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.unit_filter = QLineEdit(self)
        self.unit_filter.setObjectName("parcel_unit_filter")
        self.unit_filter.setClearButtonEnabled(True)
        self.state_filter = QComboBox(self)
        for s in STATES:
            self.state_filter.addItem("", s)
        self.state_filter.addItem("", "")
        self.carrier_filter = QComboBox(self)
        self.carrier_filter.addItem("", "")
        self.days_filter = QSpinBox(self)
        self.days_filter.setRange(0, 365)
        self.unassigned_only = QCheckBox(self)
        filters = QHBoxLayout()
        filters.addWidget(self.unit_filter, 1)
        filters.addWidget(self.state_filter)
        filters.addWidget(self.carrier_filter)
        filters.addWidget(self.days_filter)
        filters.addWidget(self.unassigned_only)
        waiting = QWidget(self)
        wl = QVBoxLayout(waiting)
        wl.addLayout(filters)
        wl.addWidget(self.view, 1)
        self.today_model = ParcelTableModel(self)
        self.today_view = make_table_view(self, self.today_model, alternating=False)
        self.today_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.lists = QTabWidget(self)
        self.lists.addTab(waiting, "")
        self.lists.addTab(self.today_view, "")

        self.count_label = QLabel(self)
        self.pickup_button = QPushButton(self)
        self.pickup_button.setObjectName("hand_over_selected")
        self.assign_button = QPushButton(self)
        self.assign_button.setObjectName("assign_selected")
        self.detail_button = QPushButton(self)
        self.more_button = QToolButton(self)
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_menu = QMenu(self)
        self.more_button.setMenu(self.more_menu)
        self.act_return = self.more_menu.addAction("", lambda: self.act_on_selected("return"))
        self.act_escalate = self.more_menu.addAction("", lambda: self.act_on_selected("escalate"))
        self.act_resolve = self.more_menu.addAction("", lambda: self.act_on_selected("resolve"))
        self.more_menu.addSeparator()
        self.act_lost = self.more_menu.addAction("", lambda: self.act_on_selected("lost"))
        self.act_damaged = self.more_menu.addAction("", lambda: self.act_on_selected("damaged"))
        self.act_dispose = self.more_menu.addAction("", lambda: self.act_on_selected("dispose"))
        self.more_menu.addSeparator()
        self.act_label = self.more_menu.addAction("", self.print_label_selected)
        self.eod_button = QPushButton(self)
        self.notices_button = QPushButton(self)
        self.reminders_button = QPushButton(self)
        actions = QHBoxLayout()
        actions.addWidget(self.count_label, 1)
        for w in (self.pickup_button, self.assign_button, self.detail_button, self.more_button):
            actions.addWidget(w)
        actions.addSpacing(18)
        for w in (self.eod_button, self.notices_button, self.reminders_button):
            actions.addWidget(w)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.feedback)
        layout.addWidget(self.options)
        layout.addWidget(self.lists, 1)
        layout.addLayout(actions)

        self._filter_timer = debounce(self, 150, self.refresh)
        self._refresh_timer = debounce(self, 1500, self.refresh_in_background)
        self._coalesce = False
        # Scans and the reload after them write/read on a thread of their own (see worker.py).
        self.worker = DbWorker(self)
        self._generation = 0  # a reload's rows are shown only if no newer reload started

        self.mode_group.buttonClicked.connect(
            lambda b: self.set_mode("intake" if b is self.intake_mode else "pickup"))
        self.scan_field.returnPressed.connect(self.scan_entered)
        self.scan_button.clicked.connect(self.scan_entered)
        self.no_barcode_button.clicked.connect(self.intake_without_barcode)
        self.batch_button.clicked.connect(self.open_batch)
        self.item_type.currentIndexChanged.connect(
            lambda _i: self.signature.setChecked(self.item_type.currentData() in SIGNED_TYPES))
        self.recipient.sig_picked.connect(self.recipient_picked)
        self.next_item_button.clicked.connect(self.clear_target)
        for w in (self.unit_filter,):
            w.textChanged.connect(lambda _t: self._filter_timer.start())
        for c in (self.state_filter, self.carrier_filter):
            c.currentIndexChanged.connect(lambda _i: self._filter_timer.start())
        self.days_filter.valueChanged.connect(lambda _v: self._filter_timer.start())
        self.unassigned_only.toggled.connect(lambda _c: self._filter_timer.start())
        self.view.doubleClicked.connect(lambda _i: self.open_detail())
        self.today_view.doubleClicked.connect(lambda _i: self.open_detail())
        self.pickup_button.clicked.connect(self.hand_over_selected)
        self.assign_button.clicked.connect(self.assign_selected)
        self.detail_button.clicked.connect(self.open_detail)
        self.eod_button.clicked.connect(self.open_end_of_day)
        self.notices_button.clicked.connect(self.print_notices)
        self.reminders_button.clicked.connect(self.send_reminders)
        self.bus.sig_changed.connect(self._on_data_changed)
        self._shortcuts = add_shortcuts(self, [
            ("Ctrl+K", self.focus_scan),
            ("Ctrl+R", self.focus_recipient),
            ("Ctrl+F", self.focus_filter),
            ("F7", lambda: self.set_mode("intake")),
            ("F8", lambda: self.set_mode("pickup")),
            ("Ctrl+Shift+H", self.hand_over_selected),
            ("Ctrl+Shift+G", self.assign_selected),
            ("F5", self.refresh),
        ])
        self._load_carriers()
        self.retranslate()
        self.refresh()

    # -- plumbing ------------------------------------------------------------------------

    def exec_dialog(self, dialog: QDialog) -> int:
        """Show a modal dialog (tests replace this to drive the dialog); free it afterwards."""
        return exec_and_free(dialog)

    def _print_label(self, item: ParcelView) -> None:
        from ui.parcels.printing import print_parcel_label

        print_parcel_label(self, item, print_log=self.services.print_log)

    def _print_notices(self, notices) -> None:  # noqa: ANN001
        from ui.parcels.printing import print_notices

        print_notices(self, notices, print_log=self.services.print_log)

    def _say(self, text: str, style: str = _OK_STYLE) -> None:
        self.feedback.setText(text)
        self.feedback.setStyleSheet(style)
        self.bus.sig_status.emit(text)

    def _changed(self, *, coalesce: bool = False) -> None:
        self._coalesce = coalesce
        try:
            self.bus.sig_changed.emit("parcels")
        finally:
            self._coalesce = False

    def initial_focus(self) -> None:
        self.focus_scan()

    def focus_scan(self) -> None:
        focus_field(self.scan_field)

    def focus_recipient(self) -> None:
        focus_field(self.recipient)

    def focus_filter(self) -> None:
        self.lists.setCurrentIndex(0)
        focus_field(self.unit_filter)

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        (self.intake_mode if mode == "intake" else self.pickup_mode).setChecked(True)
        self.options.setEnabled(True)
        for w in (self.item_type, self.shelf, self.perishable, self.signature, self.fragile, self.suspicious,
                  self.keep_recipient, self.next_item_button):
            w.setEnabled(mode == "intake")
        self.clear_target()
        self.retranslate()
        self.focus_scan()

    def _load_carriers(self) -> None:
        try:
            rules = self.services.settings.get("parcels.carrier_rules")
        except Exception:  # noqa: BLE001 - names are a nicety
            rules = []
        self._carriers = {r["carrier"]: (r.get("name_zh", ""), r.get("name_en", "")) for r in rules}
        self.model.carrier_names = self._carriers
        self.today_model.carrier_names = self._carriers
        current = self.carrier_filter.currentData()
        self.carrier_filter.blockSignals(True)
        while self.carrier_filter.count() > 1:
            self.carrier_filter.removeItem(1)
        for code in [*dict.fromkeys(self._carriers), "other"]:
            self.carrier_filter.addItem("", code)
        self.carrier_filter.setCurrentIndex(max(0, self.carrier_filter.findData(current)))
        self.carrier_filter.blockSignals(False)

    # -- scanning ------------------------------------------------------------------------

    def scan_entered(self) -> None:
        code = self.scan_field.text().strip()
        self.scan_field.clear()
        if code:
            self.handle_scan(code)

    def handle_scan(self, text: str) -> bool:
        """A parcel number from any scanner: register it (intake) or hand it over (pick-up).

        While a courier batch check is open the number goes to the check. Returns whether
        the scan did what the mode is for.
        """
        code = (text or "").strip()
        if not code:
            return False
        if self._batch_dialog is not None and self._batch_dialog.batch is not None:
            return self._batch_dialog.scan(code)
        if self.mode == "intake":
            self.intake_scan(code)
            return True
        return self.pickup_scan(code)

    def _intake_input(self, code: str, batch_id: int | None, recipient: Recipient | None) -> IntakeInput:
        return IntakeInput(
            code=code, item_type=self.item_type.currentData(), shelf=self.shelf.text(),
            unit_code=recipient.unit_code if recipient else "",
            occupant_id=recipient.occupant_id if recipient else None,
            perishable=self.perishable.isChecked(), signature_required=self.signature.isChecked(),
            fragile=self.fragile.isChecked(), suspicious=self.suspicious.isChecked(), batch_id=batch_id)

    def intake_scan(self, code: str) -> None:
        """Register a scanned number without holding up the window: the write runs on the
        worker thread with the options and recipient shown *now*; the row appears when it
        committed (in scan order). Errors (a duplicate…) show in the feedback line."""
        recipient = self.recipient.recipient()
        data = self._intake_input(code, None, recipient)
        self.worker.submit(lambda: self.services.parcels.intake(data),
                           lambda item, exc: self._intake_done(item, exc, recipient))

    def _intake_done(self, item: ParcelView | None, exc: BaseException | None,
                     recipient: Recipient | None) -> tuple[ParcelView | None, str]:
        if isinstance(exc, DomainError):
            text = _message_of(exc)
            self._say(text, _ERR_STYLE)
            return None, text
        if exc is not None:
            def fail():  # noqa: ANN202 - shown like any failed action (storage errors…)
                raise exc
            run_action(self, fail)
            return None, ""
        self._registered(item)
        if recipient is not None and not self.keep_recipient.isChecked():
            if self.recipient.recipient() == recipient:  # not already typed for the next item
                self.recipient.clear()
                self.recipient.chosen = None
        text = self._registered_text(item)
        self._say(text, _WARN_STYLE if item.misread or item.suspicious else _OK_STYLE)
        return item, text

    def intake_code(self, code: str, *, batch_id: int | None = None) -> tuple[ParcelView | None, str]:
        """Register one item with the options shown, at once; says what happened. ``code``
        empty gives an internal number (its label is printed from the result)."""
        # Text in the recipient field at scan time is for this item (a pick with Enter while
        # the previous item waited for its recipient went to that item and cleared the field).
        recipient = self.recipient.recipient()
        try:
            item = self.services.parcels.intake(self._intake_input(code, batch_id, recipient))
        except DomainError as exc:
            text = _message_of(exc)
            self._say(text, _ERR_STYLE)
            return None, text
        self._registered(item)
        if recipient is not None and not self.keep_recipient.isChecked():
            self.recipient.clear()
            self.recipient.chosen = None
        text = self._registered_text(item)
        self._say(text, _WARN_STYLE if item.misread or item.suspicious else _OK_STYLE)
        return item, text

    def _registered_text(self, item: ParcelView) -> str:
        text = self.tr("Registered %1 · %2 · %3").replace("%1", item.code) \
            .replace("%2", parcel_type_name(item.item_type)).replace("%3", carrier_label(item.carrier, self._carriers))
        if item.unit_code:
            text += " → " + f"{item.unit_code} {item.recipient_name}".strip()
        else:
            text += " · " + self.tr("type the recipient now, or assign later")
        if item.misread:
            text += "\n" + self.tr("Check digit failed: probably a misread scan. Compare the number with the label.")
        if item.state == "escalated":
            text += "\n" + self.tr("Suspicious: kept apart for the supervisor.")
        return text

    def _registered(self, item: ParcelView) -> None:
        """Show the new item at once; the full reload waits for a pause in scanning."""
        self.last_item = item
        self.assign_target = item if item.unit_id is None else None
        self.today_model.put(item, first=True)
        if self.query() == ParcelQuery():
            self.model.put(item)
        self._update_counts()
        self._update_target()
        self.sig_registered.emit(item)
        self._changed(coalesce=True)

    def intake_without_barcode(self) -> ParcelView | None:
        """An item without a usable barcode: an internal M-number and its shelf label."""
        item, _text = self.intake_code("")
        if item is not None and self.label_printer is not None:
            self.label_printer(item)
        self.focus_recipient() if item is not None and item.unit_id is None else self.focus_scan()
        return item

    # -- the recipient -------------------------------------------------------------------

    def recipient_picked(self, r: Recipient) -> None:
        """Intake: assign the item just scanned (or keep it for the next); pick-up: hand over."""
        if self.mode == "pickup":
            self.recipient.clear()
            self.pickup_for_unit(r.unit_code)
            return
        target = self.assign_target
        if target is None:
            self._update_target()
            self.focus_scan()
            return
        done = run_action(self, lambda: self.services.parcels.assign_recipient(
            target.id, r.unit_code, r.occupant_id, recipient_name=r.name if r.occupant_id else ""))
        if done is None:
            return
        self.assign_target = None
        self.last_item = done
        self.recipient.clear()
        self.recipient.chosen = None
        self.today_model.put(done)
        if self.model.row_of(done.id) >= 0:
            self.model.put(done)
        self._say(self.tr("%1 assigned to %2").replace("%1", done.code)
                  .replace("%2", f"{done.unit_code} {done.recipient_name}".strip()))
        self._update_target()
        self._changed(coalesce=True)
        self.focus_scan()

    def clear_target(self) -> None:
        self.assign_target = None
        self._update_target()

    def _update_target(self) -> None:
        if self.mode != "intake":
            self.target_label.setText(self.tr("Find who collects: their items are listed to hand over."))
        elif self.assign_target is not None:
            self.target_label.setText(self.tr("Recipient goes to: %1 (just scanned)")
                                      .replace("%1", self.assign_target.code))
        else:
            self.target_label.setText(self.tr("Recipient goes to: the next item scanned"))
        self.next_item_button.setVisible(self.mode == "intake" and self.assign_target is not None)

    # -- pick-up -------------------------------------------------------------------------

    def pickup_scan(self, code: str) -> bool:
        found = self.services.parcels.find(code)
        if not found:
            self._say(message("parcel.not_registered", {"code": code.upper()}), _ERR_STYLE)
            return False
        p = found[0]
        if p.state == "picked_up":
            self._say(message("parcel.already_picked_up", {"code": p.code, "at": p.picked_up_at or p.state_at,
                                                           "name": p.picked_up_by}), _ERR_STYLE)
            return False
        if p.state != "waiting":
            self._say(message("parcel.not_waiting", {"code": p.code, "state": p.state}), _ERR_STYLE)
            return False
        if p.unit_id is None:
            self._say(message("parcel.no_recipient", {"code": p.code}), _ERR_STYLE)
            return False
        return self.open_pickup(p.unit_id) is not None

    def pickup_for_unit(self, unit_code: str) -> object | None:
        code = unit_code.strip().upper()
        items = [p for p in self.services.parcels.list_items(ParcelQuery(unit_code=code), limit=200)
                 if p.unit_code == code]
        if not items:
            self._say(self.tr("Nothing is waiting for %1.").replace("%1", code), _ERR_STYLE)
            return None
        return self.open_pickup(items[0].unit_id)

    def open_pickup(self, unit_id: int, tick: list[int] | None = None) -> object | None:
        dlg = PickupDialog(self.services, unit_id, tick=tick, parent=self)
        accepted = self.exec_dialog(dlg) == QDialog.DialogCode.Accepted
        pickup = dlg.result_value
        self.focus_scan()
        if not accepted or pickup is None:
            return None
        who = pickup.picked_up_by + (f" ({pickup.relation})" if pickup.relation else "")
        self._say(self.tr("Handed over %n item(s) for %1 to %2", "", len(pickup.items))
                  .replace("%1", pickup.unit_code).replace("%2", who))
        for p in pickup.items:
            if self.query().state == "waiting":
                self.model.remove(p.id)
            else:
                self.model.put(p)
            if self.today_model.row_of(p.id) >= 0:
                self.today_model.put(p)
        self._update_counts()
        self._changed(coalesce=True)
        return pickup

    # -- the lists and their actions ------------------------------------------------------

    def _active(self):  # noqa: ANN202
        return (self.today_view, self.today_model) if self.lists.currentIndex() == 1 else (self.view, self.model)

    def selected_items(self) -> list[ParcelView]:
        view, model = self._active()
        rows = sorted({i.row() for i in view.selectionModel().selectedRows()})
        return [model.item(r) for r in rows if model.item(r) is not None]

    def select_items(self, ids: list[int]) -> None:
        view, model = self._active()
        view.clearSelection()
        from PySide6.QtCore import QItemSelectionModel

        for i in ids:
            r = model.row_of(i)
            if r >= 0:
                view.selectionModel().select(model.index(r, 0), QItemSelectionModel.SelectionFlag.Select
                                             | QItemSelectionModel.SelectionFlag.Rows)

    def _need_selection(self) -> list[ParcelView]:
        items = self.selected_items()
        if not items:
            self._say(self.tr("Select one or more items in the list first."), _ERR_STYLE)
        return items

    def hand_over_selected(self) -> object | None:
        items = self._need_selection()
        if not items:
            return None
        units = {p.unit_id for p in items}
        if None in units or len(units) > 1 or any(p.state != "waiting" for p in items):
            key = "parcel.no_recipient" if None in units else (
                "parcel.units_differ" if len(units) > 1 else "parcel.not_waiting")
            bad = next((p for p in items if p.unit_id is None or p.state != "waiting"), items[0])
            self._say(message(key, {"code": bad.code, "state": bad.state}), _ERR_STYLE)
            return None
        return self.open_pickup(items[0].unit_id, tick=[p.id for p in items])

    def assign_selected(self) -> list[ParcelView] | None:
        items = self._need_selection()
        if not items:
            return None
        dlg = AssignDialog(self.services, items, self)
        if self.exec_dialog(dlg) != QDialog.DialogCode.Accepted or not dlg.result_value:
            return None
        done = dlg.result_value
        self._say(self.tr("%n item(s) assigned to %1", "", len(done)).replace("%1", done[0].unit_code))
        if self.assign_target is not None and any(p.id == self.assign_target.id for p in done):
            self.clear_target()
        self._changed()
        return done

    def open_detail(self) -> None:
        items = self.selected_items()
        if items:
            self.exec_dialog(ItemDetailDialog(self.services, items[0], self))

    def act_on_selected(self, action: str) -> object | None:
        items = self._need_selection()
        if not items:
            return None
        dlg = ActionDialog(self.services, action, items, self)
        if self.exec_dialog(dlg) != QDialog.DialogCode.Accepted:
            return None
        self._say(self.tr("Saved: %1").replace("%1", dlg.windowTitle()))
        self._changed()
        return dlg.result_value

    def print_label_selected(self) -> None:
        items = self.selected_items()
        if items and self.label_printer is not None:
            self.label_printer(items[0])

    # -- batches, end of day, notices ----------------------------------------------------

    def open_batch(self) -> None:
        from ui.parcels.batch import BatchDialog

        self._batch_dialog = BatchDialog(self.services, self, self)
        try:
            self.exec_dialog(self._batch_dialog)
        finally:
            self._batch_dialog = None
        self._changed()

    def open_end_of_day(self) -> bool:
        dlg = EndOfDayDialog(self.services, self)
        self.exec_dialog(dlg)
        self._changed()
        return dlg.ok

    def print_notices(self):  # noqa: ANN201
        """A pick-up notice for every unit with items waiting, for the mailboxes."""
        from app.notifications import PrintedNoticeNotifier

        printer = PrintedNoticeNotifier()
        result = run_action(self, lambda: self.services.parcels.notify_waiting([printer]))
        if result is None:
            return None
        notices = [n for n, _pdf in printer.documents]
        if not notices:
            self._say(self.tr("Nothing is waiting for anyone: no notices to print."), _WARN_STYLE)
            return result
        self._say(self.tr("%n pick-up notice(s) for the mailboxes", "", len(notices)))
        if self.notice_printer is not None:
            self.notice_printer(notices)
        self._changed()
        return result

    def send_reminders(self):  # noqa: ANN201
        """E-mail (or print) one reminder per unit with items waiting N days or more."""
        from app.notifications import PrintedNoticeNotifier, SmtpConfig, SmtpNotifier

        config = SmtpConfig.from_settings(self.services.settings.all())
        printer = PrintedNoticeNotifier()
        notifiers = ([SmtpNotifier(config)] if config.configured else []) + [printer]
        result = run_action(self, lambda: self.services.parcels.send_reminders(notifiers))
        if result is None:
            return None
        emailed = sum(1 for _u, ch, _n in result.sent if ch == "email")
        printed = sum(1 for _u, ch, _n in result.sent if ch == "print")
        text = self.tr("Reminders: %1 e-mailed, %2 to print").replace("%1", str(emailed)).replace("%2", str(printed))
        if result.failed:
            unit, key = result.failed[0]
            text += "\n" + self.tr("%n not sent", "", len(result.failed)) + f" ({unit}: {message(key, {'host': config.host, 'reason': ''})})"
        self._say(text, _ERR_STYLE if result.failed else _OK_STYLE)
        if printer.documents and self.notice_printer is not None:
            self.notice_printer([n for n, _pdf in printer.documents])
        self._changed()
        return result

    # -- data ----------------------------------------------------------------------------

    def query(self) -> ParcelQuery:
        return ParcelQuery(unit_code=self.unit_filter.text().strip(), state=self.state_filter.currentData() or "",
                           carrier=self.carrier_filter.currentData() or "", min_days=self.days_filter.value(),
                           unassigned_only=self.unassigned_only.isChecked())

    def _thresholds(self, values: dict | None = None) -> None:
        try:
            values = values if values is not None else self.services.settings.all()
            for m in (self.model, self.today_model):
                m.remind_days = int(values["parcels.reminder_days"])
                m.uncollected_days = int(values["parcels.uncollected_days"])
        except Exception:  # noqa: BLE001 - highlight thresholds keep their defaults
            pass

    def refresh(self) -> None:
        """Reload both lists now (after an action here, a filter change, F5)."""
        if self.services.ctx.operator is None:
            return
        self._generation += 1
        self._thresholds()
        at = datetime.now()
        rows = run_action(self, lambda: self.services.parcels.list_items(self.query(), limit=1000, at=at))
        start = datetime.combine(at.date(), time.min)
        today = run_action(self, lambda: self.services.parcels.list_items(
            ParcelQuery(state="", received_from=start), limit=1000))
        self._show_rows(rows or [], today or [], at)

    def refresh_in_background(self) -> None:
        """The coalesced reload after a burst of scans: read on the worker thread, shown here
        (two lists of up to 1,000 items on a big register take longer than a frame)."""
        if self.services.ctx.operator is None:
            return
        self._generation += 1
        generation, query, at = self._generation, self.query(), datetime.now()
        start = datetime.combine(at.date(), time.min)
        parcels, settings = self.services.parcels, self.services.settings

        def read():  # noqa: ANN202 - on the worker thread: service calls only
            return (parcels.list_items(query, limit=1000, at=at),
                    parcels.list_items(ParcelQuery(state="", received_from=start), limit=1000),
                    settings.all())

        def done(result, exc) -> None:  # noqa: ANN001
            if generation != self._generation:
                return  # a newer reload (or a filter change) replaced this one
            if exc is not None:
                self.refresh()  # shows the error the usual way
                return
            self._thresholds(result[2])
            self._show_rows(result[0], result[1], at)

        self.worker.submit(read, done)

    def _show_rows(self, rows: list[ParcelView], today: list[ParcelView], at: datetime) -> None:
        self.model.set_rows(rows, at=at)
        self.today_model.set_rows(today, at=at)
        for v in (self.view, self.today_view):
            # Sized once: measuring every cell of a thousand rows on each reload stalls the UI.
            if v.model().rowCount() and not v.property("sized"):
                v.resizeColumnsToContents()
                v.setProperty("sized", True)
        self._update_counts()

    def _update_counts(self) -> None:
        n = self.model.rowCount()
        self.count_label.setText(self.tr("%n item(s) listed", "", n))
        self.lists.setTabText(0, self.tr("Waiting (%1)").replace("%1", str(n)) if self.query().state == "waiting"
                              else self.tr("Items (%1)").replace("%1", str(n)))
        self.lists.setTabText(1, self.tr("Today's intake (%1)").replace("%1", str(self.today_model.rowCount())))

    def _on_data_changed(self, topic: str) -> None:
        if topic == "parcels" and self._coalesce:
            self._refresh_timer.start()  # one reload after a burst of scans, not one per scan
        elif topic == "settings":
            self._load_carriers()
            self.refresh()
        elif topic in ("parcels", "operator", "occupants"):
            self._refresh_timer.stop()
            self.refresh()

    # -- language ------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.intake_mode.setText(self.tr("&Intake (F7)"))
        self.intake_mode.setToolTip(self.tr("Every scan registers an item"))
        self.pickup_mode.setText(self.tr("&Pick-up (F8)"))
        self.pickup_mode.setToolTip(self.tr("A scan hands the items of that unit over"))
        self.scan_label.setText(self.tr("S&can:"))
        self.scan_field.setPlaceholderText(
            self.tr("Scan an item to register it (Ctrl+K)") if self.mode == "intake"
            else self.tr("Scan an item to hand over everything waiting for its unit (Ctrl+K)"))
        self.scan_button.setText(self.tr("Go"))
        self.no_barcode_button.setText(self.tr("No barcode → label"))
        self.no_barcode_button.setToolTip(self.tr("Give the item an internal number (M…) and print its shelf label"))
        self.batch_button.setText(self.tr("Courier batch…"))
        self.options.setTitle(self.tr("Intake: kept for every scan") if self.mode == "intake"
                              else self.tr("Pick-up"))
        self.type_label.setText(self.tr("&Type"))
        for i in range(self.item_type.count()):
            self.item_type.setItemText(i, parcel_type_name(self.item_type.itemData(i)))
        self.shelf_label.setText(self.tr("S&helf"))
        self.perishable.setText(self.tr("Perishable"))
        self.signature.setText(self.tr("Signature required"))
        self.fragile.setText(self.tr("Fragile"))
        self.suspicious.setText(self.tr("Suspicious"))
        self.recipient_label.setText(self.tr("&Recipient:") if self.mode == "intake" else self.tr("Find &recipient:"))
        self.recipient.setPlaceholderText(self.tr("Unit, name, pinyin initials or last 4 phone digits (Ctrl+R)"))
        self.keep_recipient.setText(self.tr("Same for following scans"))
        self.next_item_button.setText(self.tr("For the next item instead"))
        self._update_target()
        self.unit_filter.setPlaceholderText(self.tr("Unit (Ctrl+F)"))
        for i in range(self.state_filter.count()):
            s = self.state_filter.itemData(i)
            self.state_filter.setItemText(i, parcel_state_name(s) if s else self.tr("Any state"))
        for i in range(self.carrier_filter.count()):
            c = self.carrier_filter.itemData(i)
            self.carrier_filter.setItemText(i, carrier_label(c, self._carriers) if c else self.tr("Any carrier"))
        self.days_filter.setPrefix(self.tr("waiting ≥ "))
        self.days_filter.setSuffix(self.tr(" days"))
        self.unassigned_only.setText(self.tr("No recipient yet"))
        self.pickup_button.setText(self.tr("&Hand over… (Ctrl+Shift+H)"))
        self.assign_button.setText(self.tr("&Assign recipient… (Ctrl+Shift+G)"))
        self.detail_button.setText(self.tr("&Details…"))
        self.more_button.setText(self.tr("More"))
        self.act_return.setText(self.tr("Return to the post office…"))
        self.act_escalate.setText(self.tr("Send to the supervisor (suspicious)…"))
        self.act_resolve.setText(self.tr("Supervisor's decision…"))
        self.act_lost.setText(self.tr("Report lost…"))
        self.act_damaged.setText(self.tr("Report damaged…"))
        self.act_dispose.setText(self.tr("Dispose of uncollected items…"))
        self.act_label.setText(self.tr("Print shelf label"))
        self.eod_button.setText(self.tr("End of day…"))
        self.notices_button.setText(self.tr("Print pick-up notices"))
        self.reminders_button.setText(self.tr("Send reminders"))
        self.model.retranslate()
        self.today_model.retranslate()
        self._update_counts()
