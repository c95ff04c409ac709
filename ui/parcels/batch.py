"""Checking a courier's delivery on the spot: the count they say (or their CSV list) against
what was scanned, differences listed. Items scanned here are registered as they come."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.services import Services
from app.services.parcels import BatchView
from ui.errors import run_action
from ui.widgets.field_form import FieldForm
from ui.widgets.retranslate import Retranslating
from ui.widgets.scan_field import ScanLineEdit


class BatchDialog(Retranslating, QDialog):
    def __init__(self, services: Services, tab, parent: QWidget | None = None):  # noqa: ANN001 - ParcelsTab
        super().__init__(parent)
        self._services = services
        self._tab = tab
        self.batch: BatchView | None = None
        self.manifest: bytes | None = None
        self.manifest_name = ""
        self.courier = QLineEdit(self)
        self.courier.setMaxLength(64)
        self.expected = QSpinBox(self)
        self.expected.setRange(-1, 5000)
        self.expected.setValue(-1)  # -1: no count typed (shown as the special text)
        self.import_button = QPushButton(self)
        self.import_button.clicked.connect(self.choose_manifest)
        self.manifest_label = QLabel(self)
        mrow = QHBoxLayout()
        mrow.addWidget(self.import_button)
        mrow.addWidget(self.manifest_label, 1)
        manifest_box = QWidget(self)
        manifest_box.setLayout(mrow)
        mrow.setContentsMargins(0, 0, 0, 0)
        self.start_button = QPushButton(self)
        self.start_button.clicked.connect(self.start)
        self.form = FieldForm(self)
        self.form.add_row("courier", self.courier)
        self.form.add_row("expected_count", self.expected)
        self.form.add_row("manifest", manifest_box)

        self.scan_label = QLabel(self)
        self.scan_field = ScanLineEdit(self)
        self.scan_field.setObjectName("batch_scan")
        self.scan_field.returnPressed.connect(self._scan_entered)
        self.feedback = QLabel(self)
        self.feedback.setWordWrap(True)
        self.counts = QLabel(self)
        self.counts.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.missing_label = QLabel(self)
        self.missing = QListWidget(self)
        self.unexpected_label = QLabel(self)
        self.unexpected = QListWidget(self)
        diff = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self.missing_label)
        left.addWidget(self.missing)
        right.addWidget(self.unexpected_label)
        right.addWidget(self.unexpected)
        diff.addLayout(left)
        diff.addLayout(right)
        self.buttons = QDialogButtonBox(self)
        self.close_batch_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.close_batch_button.clicked.connect(self.close_batch)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scan_label)
        scan_row.addWidget(self.scan_field, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.start_button)
        layout.addLayout(scan_row)
        layout.addWidget(self.feedback)
        layout.addWidget(self.counts)
        layout.addLayout(diff, 1)
        layout.addWidget(self.buttons)
        self.resize(720, 560)
        self._enable()
        self.retranslate()

    # -- setting up -----------------------------------------------------------------------

    def choose_manifest(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Courier's list"), "", self.tr("CSV files (*.csv *.txt)"))
        if path:
            self.load_manifest(Path(path))

    def load_manifest(self, path: Path) -> None:
        self.manifest = path.read_bytes()
        self.manifest_name = path.name
        self.retranslate()

    def start(self) -> BatchView | None:
        count = self.expected.value()
        batch = run_action(self, lambda: self._services.parcels.open_batch(
            courier=self.courier.text(), expected_count=None if count < 0 else count, manifest=self.manifest),
            form=self.form)
        if batch is not None:
            self.batch = batch
            self._enable()
            self.show_comparison()
            self.scan_field.setFocus()
        return batch

    def _enable(self) -> None:
        started = self.batch is not None
        for w in (self.courier, self.expected, self.import_button, self.start_button):
            w.setEnabled(not started)
        self.scan_field.setEnabled(started and self.batch.open)
        self.close_batch_button.setEnabled(started and self.batch.open)

    # -- scanning -------------------------------------------------------------------------

    def _scan_entered(self) -> None:
        code = self.scan_field.text().strip()
        self.scan_field.clear()
        if code:
            self.scan(code)

    def scan(self, code: str) -> bool:
        """Register the item as part of this delivery (the tab's type and flags apply).

        The courier's bag is scanned as fast as the scanner reads: the write and the new
        comparison run on the tab's worker thread (in scan order) and show when committed.
        """
        if self.batch is None or not self.batch.open:
            return False
        tab, parcels, batch_id = self._tab, self._services.parcels, self.batch.id
        recipient = tab.recipient.recipient()
        data = tab._intake_input(code, batch_id, recipient)  # noqa: SLF001 - the tab's options, now

        def work():  # noqa: ANN202 - on the worker thread: service calls only
            try:
                item, error = parcels.intake(data), None
            except DomainError as exc:
                item, error = None, exc
            return item, error, parcels.batch(batch_id)

        def done(result, exc) -> None:  # noqa: ANN001
            if exc is not None:
                tab._intake_done(None, exc, recipient)  # noqa: SLF001 - shown like any failed scan
                return
            item, error, batch = result
            item, text = tab._intake_done(item, error, recipient)  # noqa: SLF001
            self.feedback.setText(text)
            self.feedback.setStyleSheet("color: #1b5e20;" if item is not None
                                        else "color: #b00020; font-weight: bold;")
            if self.batch is not None and self.batch.open:
                self.batch = batch
                self.show_comparison()

        tab.worker.submit(work, done)
        return True

    def close_batch(self) -> BatchView | None:
        if self.batch is None:
            return None
        self._tab.worker.wait_idle()  # every scan made before "Finish" is counted
        batch = run_action(self, lambda: self._services.parcels.close_batch(self.batch.id))
        if batch is not None:
            self.batch = batch
            self._enable()
            self.show_comparison()
        return batch

    def show_comparison(self) -> None:
        self.missing.clear()
        self.unexpected.clear()
        if self.batch is None:
            self.counts.clear()
            return
        c = self.batch.comparison
        self.missing.addItems(list(c.missing))
        self.unexpected.addItems(list(c.unexpected) if self.batch.manifest_count else [])
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Courier batch check"))
        self.form.label("courier").setText(self.tr("Courier"))
        self.courier.setPlaceholderText(self.tr("Name or company of the courier"))
        self.form.label("expected_count").setText(self.tr("Items they hand over"))
        self.expected.setSpecialValueText(self.tr("(not typed)"))
        self.form.label("manifest").setText(self.tr("Their list (CSV)"))
        self.import_button.setText(self.tr("Import CSV…"))
        self.manifest_label.setText(self.manifest_name or self.tr("none"))
        self.start_button.setText(self.tr("Start checking"))
        self.scan_label.setText(self.tr("Scan each item:"))
        self.close_batch_button.setText(self.tr("Finish the check"))
        b = self.batch
        if b is not None:
            c = b.comparison
            text = self.tr("Expected %1 · scanned %2").replace("%1", str(c.expected)).replace("%2", str(c.scanned))
            if c.ok:
                text += " · " + self.tr("all there")
                self.counts.setStyleSheet("font-size: 13pt; font-weight: bold; color: #1b5e20;")
            else:
                text += " · " + self.tr("%1 missing, %2 not on their list").replace(
                    "%1", str(c.missing_count)).replace("%2", str(c.unexpected_count))
                self.counts.setStyleSheet("font-size: 13pt; font-weight: bold; color: #b00020;")
            if not b.open:
                text += " · " + self.tr("check finished")
            self.counts.setText(text)
        self.missing_label.setText(self.tr("On their list, not scanned"))
        self.unexpected_label.setText(self.tr("Scanned, not on their list"))
