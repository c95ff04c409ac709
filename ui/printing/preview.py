"""A print preview of PDF bytes, printed on this PC's printer for the document's kind.

The Print button prints on the remembered printer of the kind's group (receipt, card or
A4 printer; Settings → Printing) with the kind's copies, or writes into the PDF folder when
that is the choice; "Print to…" picks another printer once. Pages are rasterised by
``QPdfDocument.render`` at the printer's own dots per inch and drawn 1:1 (see
:mod:`ui.printing.output`), so a 203 dpi thermal printer gets barcode bars already on its
dot grid.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.printing.output import (
    PrintOutcome,
    Recorder,
    already_printed,
    as_reprint,
    open_pdf,
    print_document,
    print_pdf_document,
    use_document_page_size,
)
from ui.printing.printers import MAX_COPIES, PrinterSettings, PrintTarget
from ui.printing.texts import outcome_text, printer_choice_name, printer_group_name

log = logging.getLogger(__name__)

__all__ = ["PdfPreviewDialog", "print_pdf_document", "use_document_page_size"]


class PdfPreviewDialog(QDialog):
    """Shows PDF bytes; Print, Print to…, Save as PDF…, Close.

    ``kind`` is the document's kind (a :data:`app.printing.samples.PRINT_KINDS` name), which
    picks the printer and the default copies; ``ref`` names the record. Each print attempt
    keeps a copy through :func:`app.printing.store.save_print` before the printer is asked
    and emits ``printAttempted`` with that path, then ``printed`` with the
    :class:`~ui.printing.output.PrintOutcome`.

    With a ``print_log`` (``services.print_log``) every attempt is logged, and a document
    printed before is shown and printed with the "补打 / REPRINT" stamp (unless
    ``stamp_reprints`` is False because the document marks reprints itself). ``recorder``
    gets every outcome too.
    """

    printAttempted = Signal(object)  # pathlib.Path of the kept copy
    printed = Signal(object)  # PrintOutcome

    def __init__(self, pdf_bytes: bytes, parent: QWidget | None = None, *, title: str = "",
                 kind: str = "print", ref: str | int = "", file_name: str = "",
                 monochrome: bool = True, settings: PrinterSettings | None = None,
                 print_log=None, stamp_reprints: bool = True,  # noqa: ANN001 - PrintLogService
                 recorder: Recorder | None = None):
        super().__init__(parent)
        self._print_log = print_log
        # False when the document draws its own reprint mark (the visitor slip's banner).
        self._stamp_reprints = stamp_reprints
        self._original = bytes(pdf_bytes)
        self._stamped = False
        self._pdf_bytes = bytes(pdf_bytes)
        self._title = title  # already translated by the caller
        self._kind = kind
        self._ref = ref
        self._file_name = file_name or f"{kind}.pdf"
        self._monochrome = monochrome
        self._settings = settings if settings is not None else PrinterSettings()
        self._recorder = recorder
        self.last_outcome: PrintOutcome | None = None

        self._doc = open_pdf(self._pdf_bytes, self)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self._doc)

        # Zoom: a sheet shown to the dialog's width is small print; the receptionist checks a
        # name or an amount at 100 % or more.
        self.zoom_out_button = QToolButton(self)
        self.zoom_out_button.setShortcut(QKeySequence.StandardKey.ZoomOut)
        self.zoom_out_button.clicked.connect(lambda: self.zoom_by(1 / 1.25))
        self.zoom_in_button = QToolButton(self)
        self.zoom_in_button.setShortcut(QKeySequence.StandardKey.ZoomIn)
        self.zoom_in_button.clicked.connect(lambda: self.zoom_by(1.25))
        self.fit_button = QToolButton(self)
        self.fit_button.clicked.connect(self.fit_width)
        self.pages_label = QLabel(self)

        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)

        self.target_label = QLabel(self)
        self.target_label.setWordWrap(True)
        # what the last Print did: a file in the PDF folder is named, so it can be found
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label.setVisible(False)
        self.copies_label = QLabel(self)
        self.copies = QSpinBox(self)
        self.copies.setRange(1, MAX_COPIES)
        self.copies.setValue(self.target().copies)
        self.copies_label.setBuddy(self.copies)

        self.print_button = QPushButton(self)
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_to_button = QPushButton(self)
        self.save_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_default)
        self.print_to_button.clicked.connect(self.print_with_dialog)
        self.save_button.clicked.connect(self.save_with_dialog)
        self.close_button.clicked.connect(self.reject)

        zoom_row = QHBoxLayout()
        zoom_row.addWidget(self.pages_label, 1)
        for b in (self.zoom_out_button, self.fit_button, self.zoom_in_button):
            zoom_row.addWidget(b)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target_label, 1)
        target_row.addWidget(self.copies_label)
        target_row.addWidget(self.copies)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.print_button, self.print_to_button, self.save_button, self.close_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.error_label)
        layout.addLayout(zoom_row)
        layout.addWidget(self.view, 1)
        layout.addLayout(target_row)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)
        self.resize(*self._initial_size())

        ready = self._doc.status() == QPdfDocument.Status.Ready
        self.print_button.setEnabled(ready)
        self.print_to_button.setEnabled(ready)
        self.error_label.setVisible(not ready)
        self.retranslate()
        if ready and already_printed(self._print_log, self._kind, self._ref):
            self._stamp_as_reprint()

    def _initial_size(self) -> tuple[int, int]:
        """Tall and narrow for a roll, wide for a card, large for a sheet; within the screen."""
        width, height = 460, 760
        if self._doc.pageCount() > 0:
            pt = self._doc.pagePointSize(0)
            mm_w = pt.width() * 25.4 / 72
            if mm_w > 100:  # A5/A4 sheets
                width, height = 760, 940
            elif pt.width() > pt.height():  # a card or a landscape label
                width, height = 600, 520
        screen = self.screen() or QApplication.primaryScreen()
        if screen is not None:
            avail = screen.availableGeometry()
            width, height = min(width, avail.width() - 40), min(height, avail.height() - 60)
        return width, height

    def zoom_by(self, factor: float) -> None:
        """Zoom in (factor > 1) or out from what is shown now, between 25 % and 400 %."""
        current = self.view.zoomFactor()
        if self.view.zoomMode() == QPdfView.ZoomMode.FitToWidth and self._doc.pageCount() > 0:
            # the factor that fits: viewport width over the page width at 1:1 (96 dpi screen)
            page_px = self._doc.pagePointSize(0).width() * self.logicalDpiX() / 72
            if page_px > 0:
                current = max(0.25, (self.view.viewport().width() - 12) / page_px)
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(4.0, max(0.25, current * factor)))

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def _stamp_as_reprint(self) -> None:
        if self._stamped or not self._stamp_reprints:
            return
        stamped = as_reprint(self._original)
        if stamped is None:
            return
        old = self._doc
        self._pdf_bytes = stamped
        self._doc = open_pdf(stamped, self)
        self.view.setDocument(self._doc)
        old.close()
        old.deleteLater()
        self._stamped = True

    def is_reprint(self) -> bool:
        """Whether what is shown (and will print) carries the reprint stamp."""
        return self._stamped

    # --- state ---------------------------------------------------------------------------

    def document(self) -> QPdfDocument:
        return self._doc

    def page_count(self) -> int:
        return self._doc.pageCount()

    def pdf_bytes(self) -> bytes:
        return self._pdf_bytes

    def target(self) -> PrintTarget:
        """Where Print sends this document on this PC."""
        size = None
        if self._doc.pageCount() > 0:
            pt = self._doc.pagePointSize(0)
            size = (pt.width(), pt.height())
        return self._settings.target(self._kind, size)

    # --- i18n ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self._title or self.tr("Print preview"))
        self.print_button.setText(self.tr("&Print"))
        self.print_to_button.setText(self.tr("Print &to…"))
        self.save_button.setText(self.tr("&Save as PDF…"))
        self.close_button.setText(self.tr("Close"))
        self.copies_label.setText(self.tr("&Copies"))
        self.zoom_out_button.setText("−")
        self.zoom_in_button.setText("+")
        self.zoom_out_button.setToolTip(self.tr("Zoom out"))
        self.zoom_in_button.setToolTip(self.tr("Zoom in"))
        self.fit_button.setText(self.tr("Fit width"))
        self.pages_label.setText(self.tr("Pages: %1").replace("%1", str(self._doc.pageCount())))
        self.error_label.setText(self.tr("This document could not be opened."))
        target = self.target()
        self.target_label.setText(self.tr("%1: %2").replace("%1", printer_group_name(target.group))
                                  .replace("%2", printer_choice_name(target.printer, target.folder)))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- actions -------------------------------------------------------------------------

    def print_default(self) -> PrintOutcome | None:
        """Print on the remembered printer (or into the PDF folder) with the copies shown.

        With no printer chosen and none installed as the system default, the print dialog
        opens instead (it can still print to a file).
        """
        target = self.target()
        if not target.to_pdf_folder and not target.printer_name():
            return self.print_with_dialog()
        self._check_reprint()
        return self._finish(print_document(self._doc, self._pdf_bytes, target, self._ref,
                                           copies=self.copies.value(), monochrome=self._monochrome,
                                           print_log=self._print_log, recorder=self._recorder))

    def _check_reprint(self) -> None:
        # Printed here or at another counter since the preview opened: stamp it now.
        if already_printed(self._print_log, self._kind, self._ref):
            self._stamp_as_reprint()

    def print_with_dialog(self) -> PrintOutcome | None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        use_document_page_size(printer, self._doc)
        printer.setCopyCount(self.copies.value())
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        self.copies.setValue(max(1, min(printer.copyCount(), MAX_COPIES)))
        return self._print_on(printer)

    def print_on(self, printer: QPrinter) -> bool:
        """Keep a copy, then print on a configured ``printer`` with the copies shown."""
        return self._print_on(printer).ok

    def _print_on(self, printer: QPrinter) -> PrintOutcome:
        self._check_reprint()
        return self._finish(print_document(self._doc, self._pdf_bytes, self.target(), self._ref,
                                           printer=printer, copies=self.copies.value(),
                                           monochrome=self._monochrome, print_log=self._print_log,
                                           recorder=self._recorder))

    def _finish(self, outcome: PrintOutcome) -> PrintOutcome:
        self.last_outcome = outcome
        if outcome.kept is not None:
            self.printAttempted.emit(outcome.kept)
        self.printed.emit(outcome)
        if not outcome.ok:
            self.status_label.setVisible(False)
            QMessageBox.warning(self, self.tr("Print"), outcome_text(outcome))
        elif outcome.file is not None:
            # Stays open: the receptionist sees where the file went (and may print it again).
            self.status_label.setText(self.tr("Saved in the PDF folder as %1").replace("%1", str(outcome.file)))
            self.status_label.setVisible(True)
            self.close_button.setFocus()
        else:
            # Sent to the printer: nothing left to do here.
            self.accept()
        return outcome

    def save_with_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), str(Path.home() / self._file_name),
            self.tr("PDF files (*.pdf)"),
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        """Write the PDF to ``path`` (``.pdf`` added when missing)."""
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            path.write_bytes(self._pdf_bytes)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Save as PDF"),
                                self.tr("Could not save the file:\n%1").replace("%1", str(exc)))
            return False
        return True
