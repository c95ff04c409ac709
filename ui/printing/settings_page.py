"""Settings → Printing: this PC's printer per group, and copies and roll width per document.

Printers are local to the PC, so everything here goes to the PC's ``ui.ini`` and needs no
role. The printer lists are the printers installed now plus "PDF folder"; a remembered
printer that is no longer installed stays selectable, marked as missing, so a printer that
is only switched off is not forgotten.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.printing.paper import PRINTER_GROUPS, RECEIPT_PRINTER, ROLL_WIDTHS
from app.printing.samples import PRINT_KINDS
from ui.printing.printers import (
    MAX_COPIES,
    PDF_FOLDER,
    SYSTEM_DEFAULT,
    PrinterSettings,
    installed_printers,
)
from ui.printing.texts import kind_name, paper_name, printer_group_hint, printer_group_name
from ui.widgets.retranslate import Retranslating

COL_KIND, COL_PRINTER, COL_PAPER, COL_COPIES = range(4)
VISIBLE_ROWS = 7


class PrintingSettingsPage(Retranslating, QWidget):
    """Embeddable page (``SettingsDialog`` shows it as its "Printing" tab)."""

    def __init__(self, settings: PrinterSettings | None = None, parent: QWidget | None = None, *,
                 printers: list[str] | None = None, bus=None):  # noqa: ANN001 - ui.bus.DataBus
        super().__init__(parent)
        self._settings = settings if settings is not None else PrinterSettings()
        self._bus = bus
        self._installed = list(printers) if printers is not None else installed_printers()

        self.printers_box = QGroupBox(self)
        grid = QGridLayout(self.printers_box)
        self.group_labels: dict[str, QLabel] = {}
        self.group_hints: dict[str, QLabel] = {}
        self.printer_combos: dict[str, QComboBox] = {}
        self.folder_edits: dict[str, QLineEdit] = {}
        self.browse_buttons: dict[str, QPushButton] = {}
        for row, group in enumerate(PRINTER_GROUPS):
            label = QLabel(self.printers_box)
            hint = QLabel(self.printers_box)
            hint.setEnabled(False)  # greyed: a description, not a value
            combo = QComboBox(self.printers_box)
            combo.setMinimumContentsLength(24)
            folder = QLineEdit(str(self._settings.folder(group)), self.printers_box)
            browse = QPushButton(self.printers_box)
            browse.clicked.connect(lambda _=False, g=group: self.browse_folder(g))
            label.setBuddy(combo)
            combo.currentIndexChanged.connect(lambda _=0, g=group: self._update_folder_state(g))
            folder_row = QHBoxLayout()
            if group == RECEIPT_PRINTER:
                # the roll in the printer: every roll document follows it
                self.roll_label = QLabel(self.printers_box)
                self.roll_combo = QComboBox(self.printers_box)
                for paper in ROLL_WIDTHS:
                    self.roll_combo.addItem("", paper)
                self.roll_combo.setCurrentIndex(max(0, self.roll_combo.findData(self._settings.roll_width())))
                self.roll_combo.currentIndexChanged.connect(self._roll_changed)
                self.roll_label.setBuddy(self.roll_combo)
                folder_row.addWidget(self.roll_label)
                folder_row.addWidget(self.roll_combo)
            folder_row.addWidget(folder, 1)
            folder_row.addWidget(browse)
            folder_row.addStretch(0)  # takes the room only while the folder field is hidden
            grid.addWidget(label, 2 * row, 0)
            grid.addWidget(combo, 2 * row, 1)
            grid.addLayout(folder_row, 2 * row, 2)
            grid.addWidget(hint, 2 * row + 1, 1, 1, 2)
            self.group_labels[group] = label
            self.group_hints[group] = hint
            self.printer_combos[group] = combo
            self.folder_edits[group] = folder
            self.browse_buttons[group] = browse
        grid.setColumnStretch(2, 1)

        self.documents_box = QGroupBox(self)
        self.kinds = list(PRINT_KINDS)
        self.table = QTableWidget(len(self.kinds), 4, self.documents_box)
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_KIND, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_PRINTER, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(COL_PAPER, 130)
        self.table.setColumnWidth(COL_COPIES, 70)
        self.paper_combos: dict[str, QComboBox] = {}
        self.copies_spins: dict[str, QSpinBox] = {}
        for row, kind in enumerate(self.kinds):
            self.table.setItem(row, COL_KIND, QTableWidgetItem())
            self.table.setItem(row, COL_PRINTER, QTableWidgetItem())
            if len(PRINT_KINDS[kind].all_papers) > 1:
                combo = QComboBox(self.table)
                for paper in PRINT_KINDS[kind].all_papers:
                    combo.addItem("", paper)
                combo.setCurrentIndex(max(0, combo.findData(self._settings.paper(kind))))
                self.table.setCellWidget(row, COL_PAPER, combo)
                self.paper_combos[kind] = combo
            else:
                self.table.setItem(row, COL_PAPER, QTableWidgetItem())
            spin = QSpinBox(self.table)
            spin.setRange(1, MAX_COPIES)
            spin.setValue(self._settings.copies(kind))
            self.table.setCellWidget(row, COL_COPIES, spin)
            self.copies_spins[kind] = spin
        doc_layout = QVBoxLayout(self.documents_box)
        doc_layout.addWidget(self.table)
        # At least seven documents in view: the Settings dialog grows to show them rather
        # than leaving two rows and a scroll bar (there are over a dozen kinds).
        rows = min(VISIBLE_ROWS, len(self.kinds))
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height()
                                    + rows * self.table.verticalHeader().defaultSectionSize()
                                    + 2 * self.table.frameWidth())

        self.saved_label = QLabel(self)
        self.save_button = QPushButton(self)
        self.save_button.clicked.connect(self.save)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh_printers)
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved_label, 1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.printers_box)
        layout.addWidget(self.documents_box, 1)
        layout.addLayout(buttons)
        self.retranslate()
        self._fill_printer_combos()

    # -- printers --------------------------------------------------------------------------------

    def _fill_printer_combos(self) -> None:
        for group, combo in self.printer_combos.items():
            current = combo.currentData() if combo.count() else self._settings.printer(group)
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("System default printer"), SYSTEM_DEFAULT)
            for name in self._installed:
                combo.addItem(name, name)
            if current not in (SYSTEM_DEFAULT, PDF_FOLDER) and current not in self._installed:
                combo.addItem(self.tr("%1 (not installed)").replace("%1", current), current)
            combo.addItem(self.tr("PDF folder"), PDF_FOLDER)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
            self._update_folder_state(group)

    def refresh_printers(self, printers: list[str] | None = None) -> None:
        """Read the installed printers again (one was just added)."""
        self._installed = list(printers) if printers is not None else installed_printers()
        self._fill_printer_combos()

    def _update_folder_state(self, group: str) -> None:
        to_folder = self.printer_combos[group].currentData() == PDF_FOLDER
        self.folder_edits[group].setVisible(to_folder)
        self.browse_buttons[group].setVisible(to_folder)

    def browse_folder(self, group: str) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("PDF folder"), self.folder_edits[group].text())
        if folder:
            self.folder_edits[group].setText(folder)

    def set_printer_choice(self, group: str, value: str) -> None:
        """Select ``value`` (a printer name, "" for the default, ``PDF_FOLDER``) for ``group``."""
        combo = self.printer_combos[group]
        index = combo.findData(value)
        if index < 0:
            raise ValueError(f"{value!r} is not offered for {group}")
        combo.setCurrentIndex(index)

    def set_roll_width(self, paper: str) -> None:
        """Select the receipt printer's roll (``roll80``/``roll58``)."""
        index = self.roll_combo.findData(paper)
        if index < 0:
            raise ValueError(f"{paper!r} is not a roll width")
        self.roll_combo.setCurrentIndex(index)

    def _roll_changed(self) -> None:
        # Documents on a roll move to the new width; a label stays a label.
        width = self.roll_combo.currentData()
        for combo in self.paper_combos.values():
            if combo.currentData() in ROLL_WIDTHS:
                combo.setCurrentIndex(combo.findData(width))

    # -- saving ------------------------------------------------------------------------------------

    def save(self) -> bool:
        """Remember every choice on this PC. False (and the folder field marked) if a PDF
        folder is chosen without a folder."""
        for group in PRINTER_GROUPS:
            if self.printer_combos[group].currentData() == PDF_FOLDER and not self.folder_edits[group].text().strip():
                self.saved_label.setText(self.tr("Choose a folder for the PDF folder printer."))
                self.folder_edits[group].setFocus()
                return False
        self._settings.set_roll_width(self.roll_combo.currentData())
        for group in PRINTER_GROUPS:
            self._settings.set_printer(group, self.printer_combos[group].currentData())
            folder = self.folder_edits[group].text().strip()
            if folder:
                self._settings.set_folder(group, Path(folder))
        for kind in self.kinds:
            self._settings.set_copies(kind, self.copies_spins[kind].value())
            if kind in self.paper_combos:
                self._settings.set_paper(kind, self.paper_combos[kind].currentData())
        self._settings.sync()
        self.saved_label.setText(self.tr("Printing settings saved on this PC."))
        if self._bus is not None:
            self._bus.sig_changed.emit("printing")
        return True

    # -- i18n --------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.printers_box.setTitle(self.tr("Printers on this PC"))
        self.documents_box.setTitle(self.tr("Documents"))
        for group in PRINTER_GROUPS:
            self.group_labels[group].setText(printer_group_name(group))
            self.group_hints[group].setText(printer_group_hint(group))
            self.browse_buttons[group].setText(self.tr("Browse…"))
            self.folder_edits[group].setPlaceholderText(self.tr("Folder for the PDF files"))
        self.roll_label.setText(self.tr("Roll &width"))
        for i in range(self.roll_combo.count()):
            self.roll_combo.setItemText(i, paper_name(self.roll_combo.itemData(i)))
        self.table.setHorizontalHeaderLabels([self.tr("Document"), self.tr("Printer"), self.tr("Paper"),
                                              self.tr("Copies")])
        for row, kind in enumerate(self.kinds):
            pk = PRINT_KINDS[kind]
            self.table.item(row, COL_KIND).setText(kind_name(kind))
            self.table.item(row, COL_PRINTER).setText(printer_group_name(pk.group))
            if kind in self.paper_combos:
                combo = self.paper_combos[kind]
                for i in range(combo.count()):
                    combo.setItemText(i, paper_name(combo.itemData(i)))
            else:
                self.table.item(row, COL_PAPER).setText(paper_name(pk.paper))
        self.save_button.setText(self.tr("Save printing settings"))
        self.refresh_button.setText(self.tr("Find printers again"))
        if self.printer_combos[PRINTER_GROUPS[0]].count():
            self._fill_printer_combos()
