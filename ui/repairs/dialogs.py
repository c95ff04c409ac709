"""Dialogs of the Repairs tab: one per step that needs input, and the slip's detail with history.

Each dialog only collects values (``values()``); the tab calls the service through
``run_action`` so a refused step shows its message next to the field and nothing is saved.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.printing.receipt_parts import method_label
from app.receipt_rules import PAYMENT_METHODS
from app.repair_rules import FOLLOW_UP_METHODS, MATERIAL_CHECKS
from app.services.repairs import CompletionInput
from ui.format import fmt_date, fmt_datetime, fmt_money
from ui.repairs.texts import action_name, term
from ui.widgets.field_form import FieldForm


def _t(text: str) -> str:
    return QCoreApplication.translate("RepairDialogs", text)


class _Dialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = FieldForm(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addWidget(self.form)
        lay.addWidget(self.buttons)


class TextStepDialog(_Dialog):
    """Dispatch (technician), hold / cancel / developer / rework (reason), close (note)."""

    FIELDS = {
        "dispatch": ("assignee", QT_TRANSLATE_NOOP("RepairDialogs", "Technician or team")),
        "hold": ("reason", QT_TRANSLATE_NOOP("RepairDialogs", "Reason")),
        "cancel": ("reason", QT_TRANSLATE_NOOP("RepairDialogs", "Why the occupant disputes it")),
        "to_developer": ("note", QT_TRANSLATE_NOOP("RepairDialogs", "Warranty note")),
        "reopen": ("reason", QT_TRANSLATE_NOOP("RepairDialogs", "What has to be redone")),
        "close": ("note", QT_TRANSLATE_NOOP("RepairDialogs", "Note")),
        "assign": ("assignee", QT_TRANSLATE_NOOP("RepairDialogs", "Responsible person")),
        "unfinished": ("reason", QT_TRANSLATE_NOOP("RepairDialogs", "Why the stub has not come back")),
    }

    def __init__(self, action: str, parent: QWidget | None = None, *, intro: str = "", value: str = ""):
        super().__init__(action_name(action).rstrip("…"), parent)
        self.action = action
        self.field_name, label = self.FIELDS[action]
        self.edit = QLineEdit(self)
        self.edit.setObjectName(f"step_{self.field_name}")
        self.edit.setText(value)
        self.form.add_row(self.field_name, self.edit)
        self.form.label(self.field_name).setText(_t(label))
        self.intro.setText(intro)
        self.intro.setVisible(bool(intro))

    def values(self) -> dict[str, str]:
        return {self.field_name: self.edit.text()}


class CompletionDialog(_Dialog):
    """The returned dispatch slip: work done, materials, the occupant's materials and their check,
    labour and the charge (the rate told at registration is suggested)."""

    def __init__(self, repair, parent: QWidget | None = None):  # noqa: ANN001 - RepairView
        super().__init__(QCoreApplication.translate("RepairDialogs", "Complete %1").replace("%1", repair.number), parent)
        self.repair = repair
        self.work_done = QPlainTextEdit(self)
        self.work_done.setFixedHeight(60)
        self.materials = QLineEdit(self)
        self.occupant_materials = QLineEdit(self)
        self.material_check = QComboBox(self)
        for code in MATERIAL_CHECKS:
            self.material_check.addItem(term(code) if code else "—", code)
        self.labour = QLineEdit(self)
        self.charge = QLineEdit(self)
        self.charge.setText(str(repair.rate) if repair.chargeable and repair.rate else "0.00")
        self.technician = QLineEdit(self)
        self.technician.setText(repair.assignee)
        for name, widget, label in (
                ("work_done", self.work_done, QT_TRANSLATE_NOOP("RepairDialogs", "Work done")),
                ("materials", self.materials, QT_TRANSLATE_NOOP("RepairDialogs", "Materials used")),
                ("occupant_materials", self.occupant_materials,
                 QT_TRANSLATE_NOOP("RepairDialogs", "Materials the occupant supplied")),
                ("material_check", self.material_check, QT_TRANSLATE_NOOP("RepairDialogs", "Their check")),
                ("labour", self.labour, QT_TRANSLATE_NOOP("RepairDialogs", "Labour")),
                ("charge", self.charge, QT_TRANSLATE_NOOP("RepairDialogs", "Charge (¥)")),
                ("technician", self.technician, QT_TRANSLATE_NOOP("RepairDialogs", "Technician"))):
            widget.setObjectName(f"complete_{name}")
            self.form.add_row(name, widget)
            self.form.label(name).setText(_t(label))
        self.intro.setText(f"{repair.where} · {repair.description}")

    def values(self) -> CompletionInput:
        try:
            charge = Decimal(self.charge.text().strip() or "0")
        except InvalidOperation:
            charge = None  # the service says what is wrong, under the field
        return CompletionInput(
            work_done=self.work_done.toPlainText(), materials=self.materials.text(),
            occupant_materials=self.occupant_materials.text(), material_check=self.material_check.currentData(),
            labour=self.labour.text(), charge=charge, technician=self.technician.text())


class SettleDialog(_Dialog):
    """Settled at the counter: how the occupant pays and who; OK issues the receipt."""

    def __init__(self, repair, parent: QWidget | None = None):  # noqa: ANN001 - RepairView
        super().__init__(QCoreApplication.translate("RepairDialogs", "Settle %1").replace("%1", repair.number), parent)
        self.method = QComboBox(self)
        self.method.setObjectName("settle_method")
        for code in PAYMENT_METHODS:
            self.method.addItem(method_label(code), code)
        self.payer = QLineEdit(self)
        self.payer.setObjectName("settle_payer")
        self.payer.setPlaceholderText(repair.occupant_name or repair.requester_name or repair.location)
        for name, widget, label in (("method", self.method, QT_TRANSLATE_NOOP("RepairDialogs", "Paid by")),
                                    ("payer", self.payer, QT_TRANSLATE_NOOP("RepairDialogs", "Payer (if not the occupant)"))):
            self.form.add_row(name, widget)
            self.form.label(name).setText(_t(label))
        self.intro.setText(QCoreApplication.translate("RepairDialogs", "Charge %1 for %2: OK issues the receipt in your shift and settles the slip.")
                           .replace("%1", fmt_money(repair.charge)).replace("%2", repair.where))

    def values(self) -> dict:
        return {"method": self.method.currentData(), "payer_name": self.payer.text()}


class FollowUpDialog(_Dialog):
    """The follow-up call: satisfied or not, comment, who called, how."""

    def __init__(self, title: str, parent: QWidget | None = None, *, caller: str = ""):
        super().__init__(title, parent)
        self.satisfied = QCheckBox(self)
        self.satisfied.setChecked(True)
        self.comment = QLineEdit(self)
        self.by = QLineEdit(self)
        self.by.setText(caller)
        self.method = QComboBox(self)
        for code in FOLLOW_UP_METHODS:
            self.method.addItem(term(code), code)
        for name, widget, label in (("satisfied", self.satisfied, QT_TRANSLATE_NOOP("RepairDialogs", "Satisfied")), ("comment", self.comment, QT_TRANSLATE_NOOP("RepairDialogs", "Comment")),
                                    ("by", self.by, QT_TRANSLATE_NOOP("RepairDialogs", "Called by")), ("method", self.method, QT_TRANSLATE_NOOP("RepairDialogs", "How"))):
            widget.setObjectName(f"follow_{name}")
            self.form.add_row(name, widget)
            self.form.label(name).setText(_t(label))

    def values(self) -> dict:
        return {"satisfied": self.satisfied.isChecked(), "comment": self.comment.text(), "by": self.by.text(),
                "method": self.method.currentData()}


class HandleDialog(_Dialog):
    """A complaint investigated: valid or not, and the handling opinion."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(QCoreApplication.translate("RepairDialogs", "Handling"), parent)
        self.valid = QCheckBox(self)
        self.valid.setChecked(True)
        self.opinion = QPlainTextEdit(self)
        self.opinion.setFixedHeight(70)
        self.form.add_row("valid", self.valid)
        self.form.label("valid").setText(QCoreApplication.translate("RepairDialogs", "Complaint is valid"))
        self.form.add_row("opinion", self.opinion)
        self.form.label("opinion").setText(QCoreApplication.translate("RepairDialogs", "Handling opinion"))

    def values(self) -> dict:
        return {"valid": self.valid.isChecked(), "opinion": self.opinion.toPlainText()}


class SlipDetailDialog(QDialog):
    """One slip: its fields, a button per possible step, and every step taken so far."""

    def __init__(self, tab, repair, parent: QWidget | None = None):  # noqa: ANN001 - RepairsTab, RepairView
        super().__init__(parent)
        self.tab = tab
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("slip_summary")
        self.history = QTableWidget(0, 4, self)
        self.history.setObjectName("slip_history")
        self.history.setHorizontalHeaderLabels([QCoreApplication.translate("RepairDialogs", "When"), QCoreApplication.translate("RepairDialogs", "Who"), QCoreApplication.translate("RepairDialogs", "Step"), QCoreApplication.translate("RepairDialogs", "Details")])
        self.history.horizontalHeader().setStretchLastSection(True)
        self.buttons_row = QHBoxLayout()
        self.action_buttons: dict[str, QPushButton] = {}
        self.reprint = QPushButton(QCoreApplication.translate("RepairDialogs", "Reprint slip"), self)
        self.reprint.clicked.connect(lambda: tab.print_slip(self.repair, reprint=True))
        close = QPushButton(QCoreApplication.translate("RepairDialogs", "Close window"), self)
        close.clicked.connect(self.accept)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addLayout(self.buttons_row)
        lay.addWidget(self.history, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.reprint)
        bottom.addStretch(1)
        bottom.addWidget(close)
        lay.addLayout(bottom)
        self.resize(760, 520)
        self.show_repair(repair)

    def show_repair(self, repair) -> None:  # noqa: ANN001
        self.repair = repair
        self.setWindowTitle(QCoreApplication.translate("RepairDialogs", "Repair slip %1").replace("%1", repair.number))
        lines = [
            f"<b>{repair.number}</b> · {term(repair.grade)} · {term(repair.state)}"
            + (" · " + QCoreApplication.translate("RepairDialogs", "rework %1").replace("%1", str(repair.rework_count))
               if repair.rework_count else ""),
            f"{repair.where} · {repair.phone} · {repair.description}",
            QCoreApplication.translate("RepairDialogs", "Registered %1 by %2, due %3").replace("%1", fmt_datetime(repair.registered_at))
            .replace("%2", repair.registered_by).replace("%3", fmt_datetime(repair.due_at)),
            (QCoreApplication.translate("RepairDialogs", "Chargeable, rate %1").replace("%1", fmt_money(repair.rate)) if repair.chargeable else QCoreApplication.translate("RepairDialogs", "Free of charge")),
        ]
        if repair.assignee:
            lines.append(QCoreApplication.translate("RepairDialogs", "Technician: %1").replace("%1", repair.assignee))
        if repair.charge is not None:
            lines.append(QCoreApplication.translate("RepairDialogs", "Charge %1, receipt %2").replace("%1", fmt_money(repair.charge))
                         .replace("%2", repair.receipt_ref or "—"))
        if repair.follow_up_due:
            lines.append(QCoreApplication.translate("RepairDialogs", "Follow-up call due %1").replace("%1", fmt_date(repair.follow_up_due)))
        self.summary.setText("<br>".join(lines))
        while self.buttons_row.count():
            item = self.buttons_row.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.action_buttons = {}
        for action in repair.actions:
            b = QPushButton(action_name(action), self)
            b.setObjectName(f"action_{action}")
            b.clicked.connect(lambda _c=False, a=action: self._act(a))
            self.buttons_row.addWidget(b)
            self.action_buttons[action] = b
        self.buttons_row.addStretch(1)
        events = self.tab.services.repairs.history(repair.id)
        self.history.setRowCount(len(events))
        for i, e in enumerate(events):
            detail = "; ".join(f"{k}: {v}" for k, v in e.detail.items())
            for j, text in enumerate((fmt_datetime(e.at), e.staff_name, term(e.kind), detail)):
                self.history.setItem(i, j, QTableWidgetItem(text))
        self.history.resizeColumnsToContents()

    def _act(self, action: str) -> None:
        done = self.tab.step(self.repair, action, parent=self)
        if done is not None:
            self.show_repair(done)
