"""A print preview of PDF bytes, and printing them through Qt PDF at the printer's resolution.

Every page is rasterised by ``QPdfDocument.render`` at the printer's own dots per inch and
drawn 1:1, so a 203 dpi thermal printer gets barcode bars already on its dot grid; the render
is transparent, hence the white page under it. Thresholding (no dithering) keeps text and
bars crisp on a printer that only knows black and white.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPoint, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError, StorageError
from app.printing.stamp import stamp_pdf
from app.printing.store import save_print

log = logging.getLogger(__name__)


def _page_image(doc: QPdfDocument, page: int, size: QSize, monochrome: bool) -> QImage:
    rendered = doc.render(page, size)
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.drawImage(0, 0, rendered)
    painter.end()
    if monochrome:
        image = image.convertToFormat(
            QImage.Format.Format_Mono,
            Qt.ImageConversionFlag.MonoOnly | Qt.ImageConversionFlag.ThresholdDither,
        )
    return image


def use_document_page_size(printer: QPrinter, doc: QPdfDocument) -> None:
    """Ask the printer for the first page's paper size, without margins.

    A roll printer's driver then cuts the slip at its real length; a driver that refuses
    the size keeps its own paper and :func:`print_pdf_document` scales down to fit.
    """
    if doc.pageCount() < 1:
        return
    size = doc.pagePointSize(0)
    page_size = QPageSize(QSizeF(size.width(), size.height()), QPageSize.Unit.Point, "",
                          QPageSize.SizeMatchPolicy.ExactMatch)
    orientation = (QPageLayout.Orientation.Landscape if size.width() > size.height()
                   else QPageLayout.Orientation.Portrait)
    printer.setPageSize(page_size)
    printer.setPageOrientation(orientation)
    printer.setFullPage(True)


def print_pdf_document(doc: QPdfDocument, printer: QPrinter, *, monochrome: bool = True) -> bool:
    """Print every page of ``doc`` on ``printer``; False if the printer could not start.

    Pages are drawn at their real size from the paper's top-left corner (the PDF carries
    its own margins) and only scaled down when the paper is smaller.
    """
    if doc.status() != QPdfDocument.Status.Ready or doc.pageCount() < 1:
        return False
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        dpi = printer.resolution()
        paper = printer.paperRect(QPrinter.Unit.DevicePixel)
        for page in range(doc.pageCount()):
            if page and not printer.newPage():
                return False
            pt = doc.pagePointSize(page)
            w, h = pt.width() * dpi / 72.0, pt.height() * dpi / 72.0
            scale = min(1.0, paper.width() / w if w else 1.0, paper.height() / h if h else 1.0)
            size = QSize(max(1, round(w * scale)), max(1, round(h * scale)))
            painter.drawImage(QPoint(0, 0), _page_image(doc, page, size, monochrome))
    finally:
        painter.end()
    return True


class PdfPreviewDialog(QDialog):
    """Shows PDF bytes; Print…, Save as PDF…, Close.

    Each confirmed Print keeps a copy through :func:`app.printing.store.save_print`
    (``kind``/``ref`` name the file) before the printer is asked, and emits
    ``printAttempted`` with that path — spoolers report success with the printer
    unplugged, so the copy is the record and the source of a reprint.

    With a ``print_log`` (``services.print_log``) every attempt is logged, and a document
    printed before is shown and printed with the "补打 / REPRINT" stamp (unless
    ``stamp_reprints`` is False because the document marks reprints itself).
    """

    printAttempted = Signal(object)  # pathlib.Path of the kept copy

    def __init__(self, pdf_bytes: bytes, parent: QWidget | None = None, *, title: str = "",
                 kind: str = "print", ref: str | int = "", file_name: str = "",
                 monochrome: bool = True, print_log=None,  # noqa: ANN001 - PrintLogService
                 stamp_reprints: bool = True):
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

        self._doc = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self._load(self._pdf_bytes)

        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self._doc)

        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)

        self.print_button = QPushButton(self)
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.save_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_with_dialog)
        self.save_button.clicked.connect(self.save_with_dialog)
        self.close_button.clicked.connect(self.reject)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.print_button, self.save_button, self.close_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.error_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.resize(460, 720)

        ready = self._doc.status() == QPdfDocument.Status.Ready
        self.print_button.setEnabled(ready)
        self.error_label.setVisible(not ready)
        self.retranslate()
        if ready and self._already_printed():
            self._stamp_as_reprint()

    def _load(self, pdf: bytes) -> None:
        # The buffer must outlive the document: QPdfDocument reads from it lazily.
        old = self._buffer
        self._data = QByteArray(pdf)
        self._buffer = QBuffer(self._data, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._doc.load(self._buffer)
        if old is not None:
            old.close()
            old.deleteLater()

    def _already_printed(self) -> bool:
        if self._print_log is None:
            return False
        try:
            return self._print_log.is_reprint(self._kind, self._ref)
        except (DomainError, StorageError):
            log.exception("could not read the print log")
            return False

    def _stamp_as_reprint(self) -> None:
        if self._stamped or not self._stamp_reprints:
            return
        try:
            self._pdf_bytes = stamp_pdf(self._original, "reprint")
        except Exception:  # noqa: BLE001 - a damaged PDF must not stop the counter printing
            log.exception("could not stamp the reprint")
            return
        self._stamped = True
        self._load(self._pdf_bytes)

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

    # --- i18n ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self._title or self.tr("Print preview"))
        self.print_button.setText(self.tr("&Print…"))
        self.save_button.setText(self.tr("&Save as PDF…"))
        self.close_button.setText(self.tr("Close"))
        self.error_label.setText(self.tr("This document could not be opened."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- actions -------------------------------------------------------------------------

    def print_with_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        use_document_page_size(printer, self._doc)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_on(printer)

    def print_on(self, printer: QPrinter) -> bool:
        """Keep a copy, then print on a configured ``printer``; tell the user if it fails.

        The attempt goes to the print log either way; a document printed before (here or at
        another counter since this preview opened) is stamped first.
        """
        if self._already_printed():
            self._stamp_as_reprint()
        kept: Path | None = None
        try:
            kept = save_print(self._pdf_bytes, self._kind, self._ref)
            self.printAttempted.emit(kept)
        except OSError:
            log.exception("could not keep a copy of the printout")
        ok = print_pdf_document(self._doc, printer, monochrome=self._monochrome)
        self._log_attempt(printer.printerName() or printer.outputFileName(), max(1, printer.copyCount()),
                          "printed" if ok else "failed", str(kept or ""))
        if not ok:
            log.error("printing %s %s failed on %s", self._kind, self._ref, printer.printerName())
            text = self.tr("The printer could not be started.")
            if kept is not None:
                text += "\n" + self.tr("A copy was kept in %1.").replace("%1", str(kept))
            QMessageBox.warning(self, self.tr("Print"), text)
        return ok

    def _log_attempt(self, printer: str, copies: int, outcome: str, kept: str) -> None:
        if self._print_log is None:
            return
        try:
            self._print_log.record(self._kind, self._ref, printer=printer or "?", copies=copies,
                                   outcome=outcome, file_path=kept)
        except (DomainError, StorageError):
            # The paper already left (or failed); a log hiccup must not lose the printout.
            log.exception("could not log the print of %s %s", self._kind, self._ref)

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
