"""The one print path: keep a copy, then the remembered printer (with copies) or the PDF folder.

Both the preview dialog's Print button and the tabs' "print without preview" end in
:func:`print_document`, so every attempt is kept, logged and reported the same way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QPoint, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from app.errors import DomainError, StorageError
from app.printing.stamp import stamp_pdf
from app.printing.store import save_print, write_to_folder
from ui.printing.printers import PrintTarget

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PrintOutcome:
    """What happened to one print attempt.

    ``printer`` is the printer's name or ``"PDF folder"``; ``file`` the PDF written to the
    folder; ``kept`` the copy in the data folder's ``prints/``; ``error`` a short reason
    (``no_printer``, ``printer_failed``, ``folder_failed``) when ``ok`` is False;
    ``reprint`` what the print log decided (False without a print log).
    """

    ok: bool
    kind: str
    ref: str
    printer: str
    copies: int
    file: Path | None = None
    kept: Path | None = None
    error: str = ""
    detail: str = ""
    reprint: bool = False

    @property
    def log_outcome(self) -> str:
        """The print log's word for it: ``printed``, ``saved`` (PDF folder) or ``failed``."""
        if not self.ok:
            return "failed"
        return "saved" if self.file is not None else "printed"


#: called with every outcome (the print log, tests)
Recorder = Callable[[PrintOutcome], None]


def already_printed(print_log, kind: str, ref: str | int) -> bool:  # noqa: ANN001 - PrintLogService
    """Whether the print log knows ``kind``/``ref`` as printed; False without a log or on error."""
    if print_log is None:
        return False
    try:
        return print_log.is_reprint(kind, ref)
    except (DomainError, StorageError):
        log.exception("could not read the print log")
        return False


def as_reprint(pdf_bytes: bytes) -> bytes | None:
    """``pdf_bytes`` with the "补打 / REPRINT" stamp on every page; None if it cannot be stamped."""
    try:
        return stamp_pdf(pdf_bytes, "reprint")
    except Exception:  # noqa: BLE001 - a damaged PDF must not stop the counter printing
        log.exception("could not stamp the reprint")
        return None


def record_outcome(print_log, outcome: PrintOutcome) -> PrintOutcome:  # noqa: ANN001 - PrintLogService
    """Log ``outcome`` in the print log; the outcome with the log's reprint decision.

    A log that cannot be written is logged and ignored: the paper already left (or did not).
    """
    if print_log is None:
        return outcome
    path = outcome.file or outcome.kept
    try:
        job = print_log.record(outcome.kind, outcome.ref, printer=outcome.printer or "?",
                               copies=min(max(outcome.copies, 1), 99), outcome=outcome.log_outcome,
                               file_path=str(path or ""), error=outcome.error + (
                                   f": {outcome.detail}" if outcome.detail else ""))
    except (DomainError, StorageError):
        log.exception("could not log the print of %s %s", outcome.kind, outcome.ref)
        return outcome
    return replace(outcome, reprint=job.reprint)


def open_pdf(pdf_bytes: bytes, parent: QObject | None = None) -> QPdfDocument:
    """A ``QPdfDocument`` over ``pdf_bytes`` (status ``Ready`` unless they are no PDF)."""
    doc = QPdfDocument(parent)
    data = QByteArray(bytes(pdf_bytes))
    buffer = QBuffer(data, doc)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    # QPdfDocument reads lazily: the bytes must live as long as the document.
    doc._keep_alive = (data, buffer)  # noqa: SLF001 - Python-side owner of the buffer
    doc.load(buffer)
    return doc


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


def print_pdf_document(doc: QPdfDocument, printer: QPrinter, *, monochrome: bool = True,
                       copies: int = 1) -> bool:
    """Print every page of ``doc`` ``copies`` times (collated) on ``printer``.

    False if the printer could not start. Pages are rendered at the printer's resolution and
    drawn at their real size from the paper's top-left corner (the PDF carries its own
    margins), only scaled down when the paper is smaller. The copies are pages of one job,
    not the driver's copy count, which many receipt drivers ignore; a roll printer cuts
    after each page.
    """
    if doc.status() != QPdfDocument.Status.Ready or doc.pageCount() < 1:
        return False
    printer.setFullPage(True)
    printer.setCopyCount(1)
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        dpi = printer.resolution()
        paper = printer.paperRect(QPrinter.Unit.DevicePixel)
        images: dict[int, QImage] = {}
        first = True
        for _copy in range(max(1, copies)):
            for page in range(doc.pageCount()):
                if not first and not printer.newPage():
                    return False
                first = False
                if page not in images:
                    pt = doc.pagePointSize(page)
                    w, h = pt.width() * dpi / 72.0, pt.height() * dpi / 72.0
                    scale = min(1.0, paper.width() / w if w else 1.0, paper.height() / h if h else 1.0)
                    size = QSize(max(1, round(w * scale)), max(1, round(h * scale)))
                    images[page] = _page_image(doc, page, size, monochrome)
                painter.drawImage(QPoint(0, 0), images[page])
    finally:
        painter.end()
    return True


def printer_for(name: str) -> QPrinter | None:
    """A high-resolution ``QPrinter`` on the installed printer ``name``; None if it is not there."""
    if not name:
        return None
    info = QPrinterInfo.printerInfo(name)
    if info.isNull():
        return None
    return QPrinter(info, QPrinter.PrinterMode.HighResolution)


def print_document(doc: QPdfDocument, pdf_bytes: bytes, target: PrintTarget, ref: str | int, *,
                   printer: QPrinter | None = None, copies: int | None = None, monochrome: bool = True,
                   print_log=None, recorder: Recorder | None = None) -> PrintOutcome:  # noqa: ANN001
    """Keep a copy, then print ``doc`` where ``target`` says, ``copies`` times (default the target's).

    ``doc`` shows ``pdf_bytes`` (already stamped if it is a reprint). ``printer`` overrides
    the target's printer (a one-off choice in the print dialog, or a PDF-format ``QPrinter``
    in tests). A "PDF folder" target writes the file and asks no printer; it is one file
    whatever the copies (copies are for paper). The attempt goes to ``print_log``
    (``services.print_log``) whatever happened, then to ``recorder``.
    """
    ref = str(ref)
    n = max(1, int(copies if copies is not None else target.copies))
    kept: Path | None = None
    try:
        kept = save_print(pdf_bytes, target.kind, ref)
    except OSError:
        log.exception("could not keep a copy of the printout")
    if printer is None and target.to_pdf_folder:
        try:
            path = write_to_folder(pdf_bytes, target.folder, target.kind, ref)
            outcome = PrintOutcome(True, target.kind, ref, "PDF folder", n, file=path, kept=kept)
        except OSError as exc:
            outcome = PrintOutcome(False, target.kind, ref, "PDF folder", n, kept=kept,
                                   error="folder_failed", detail=str(exc))
    else:
        if printer is None:
            printer = printer_for(target.printer_name())
            if printer is not None:
                use_document_page_size(printer, doc)
        if printer is None:
            outcome = PrintOutcome(False, target.kind, ref, target.printer_name(), n, kept=kept,
                                   error="no_printer")
        else:
            ok = print_pdf_document(doc, printer, monochrome=monochrome, copies=n)
            name = printer.printerName() or printer.outputFileName()
            outcome = PrintOutcome(ok, target.kind, ref, name, n, kept=kept,
                                   error="" if ok else "printer_failed")
    (log.info if outcome.ok else log.error)(
        "print %s %s on %s x%d: %s", outcome.kind, outcome.ref, outcome.printer or "-", outcome.copies,
        "ok" if outcome.ok else outcome.error)
    outcome = record_outcome(print_log, outcome)
    if recorder is not None:
        try:
            recorder(outcome)
        except Exception:  # noqa: BLE001 - a failing log must not hide the printout's outcome
            log.exception("could not record the print attempt")
    return outcome
