"""Printing without a preview: straight to the remembered printer of the document's kind.

For the tabs' quick prints (a slip on registration, a label at intake): the same path as the
preview's Print button — a kept copy, the kind's printer and copies or the PDF folder, the
print log — and a message only when it failed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.printing.output import PrintOutcome, Recorder, already_printed, as_reprint, open_pdf, print_document
from ui.printing.printers import PrinterSettings


def print_direct(parent: QWidget | None, pdf_bytes: bytes, kind: str, ref: str | int, *,
                 settings: PrinterSettings | None = None, copies: int | None = None,
                 printer: QPrinter | None = None, print_log=None,  # noqa: ANN001 - PrintLogService
                 stamp_reprints: bool = True, recorder: Recorder | None = None,
                 monochrome: bool = True, quiet: bool = False) -> PrintOutcome:
    """Print ``pdf_bytes`` (a ``kind`` document about ``ref``) where this PC prints that kind.

    ``copies`` overrides the kind's copies; ``printer`` a configured ``QPrinter`` (tests, a
    caller that asked the user). With ``print_log`` the attempt is logged, and a document
    printed before goes out with the "补打 / REPRINT" stamp unless ``stamp_reprints`` is
    False (the document marks its reprints itself). On failure a warning names the reason
    and the kept copy, unless ``quiet``.
    """
    settings = settings if settings is not None else PrinterSettings()
    if stamp_reprints and already_printed(print_log, kind, ref):
        pdf_bytes = as_reprint(pdf_bytes) or pdf_bytes
    doc = open_pdf(pdf_bytes)
    try:
        size = None
        if doc.pageCount() > 0:
            pt = doc.pagePointSize(0)
            size = (pt.width(), pt.height())
        outcome = print_document(doc, pdf_bytes, settings.target(kind, size), ref, printer=printer,
                                 copies=copies, monochrome=monochrome, print_log=print_log,
                                 recorder=recorder)
    finally:
        doc.close()
        doc.deleteLater()
    if not outcome.ok and not quiet:
        from ui.printing.texts import outcome_text

        QMessageBox.warning(parent, QCoreApplication.translate("Printing", "Print"), outcome_text(outcome))
    return outcome
