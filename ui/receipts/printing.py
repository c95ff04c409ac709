"""Receipt, refund slip and cash-up printouts: PDF from app/printing, shown in the preview.

The preview logs every print (``services.print_log``, kinds ``receipt`` / ``refund-slip`` by
number, ``cashup`` by Z number). A receipt or refund slip printed before is rendered with its
own 补打 / REPRINT mark; one printed for the first time gets the preview's stamp if it is
printed again from the same preview. Voided receipts carry 作废 / VOID from the renderer.
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.errors import DomainError, StorageError
from app.printing.cashup_report import cashup_print_data_from, render_cashup_a4, render_cashup_roll
from app.printing.receipt_slip import receipt_print_data_from, render_receipt_80mm, render_receipt_a5
from app.printing.refund_slip import refund_print_data_from, render_refund_slip
from app.services import Services
from app.services.receipts import PRINT_KIND_CASHUP, PRINT_KIND_RECEIPT, PRINT_KIND_REFUND, CashupView, RefundView
from app.services.receipts import ReceiptView

log = logging.getLogger(__name__)

PAPERS = ("roll", "a5")


def _printed_before(services: Services, kind: str, ref: str) -> bool:
    try:
        return services.print_log.is_reprint(kind, ref)
    except (DomainError, StorageError):
        log.exception("could not read the print log")
        return False


def receipt_pdf(services: Services, view: ReceiptView, paper: str = "roll", *, reprint: bool = False) -> bytes:
    """The receipt on the receipt printer's roll (``roll``: 80 or 58 mm, Settings → Printing)
    or in its three A5 copies (``a5``)."""
    from ui.printing.printers import paper_for

    data = receipt_print_data_from(view, services.property.profile(), reprint=reprint)
    return render_receipt_a5(data) if paper == "a5" else render_receipt_80mm(data, paper_for("receipt_80mm"))


def refund_pdf(services: Services, view: RefundView, *, reprint: bool = False) -> bytes:
    return render_refund_slip(refund_print_data_from(view, services.property.profile(), reprint=reprint))


def cashup_pdf(services: Services, view: CashupView, paper: str = "roll") -> bytes:
    """The Z report (or the X preview of an open shift) on the receipt printer's roll or on
    A4 (``a4``)."""
    from ui.printing.printers import paper_for

    data = cashup_print_data_from(view, services.property.profile())
    return render_cashup_a4(data) if paper == "a4" else render_cashup_roll(data, paper_for("cashup_roll"))


def receipt_preview(parent: QWidget, services: Services, view: ReceiptView, paper: str = "roll"):  # noqa: ANN201
    """A ``PdfPreviewDialog`` of the receipt, not yet shown."""
    from ui.printing.preview import PdfPreviewDialog

    reprint = _printed_before(services, PRINT_KIND_RECEIPT, view.number)
    pdf = receipt_pdf(services, view, paper, reprint=reprint)
    title = QCoreApplication.translate("ReceiptPrint", "Receipt %1").replace("%1", view.number)
    return PdfPreviewDialog(pdf, parent, title=title, kind=PRINT_KIND_RECEIPT, ref=view.number,
                            file_name=f"{view.number}.pdf", print_log=services.print_log,
                            stamp_reprints=not reprint)


def refund_preview(parent: QWidget, services: Services, view: RefundView):  # noqa: ANN201
    from ui.printing.preview import PdfPreviewDialog

    reprint = _printed_before(services, PRINT_KIND_REFUND, view.number)
    pdf = refund_pdf(services, view, reprint=reprint)
    title = QCoreApplication.translate("ReceiptPrint", "Refund slip %1").replace("%1", view.number)
    return PdfPreviewDialog(pdf, parent, title=title, kind=PRINT_KIND_REFUND, ref=view.number,
                            file_name=f"{view.number}.pdf", print_log=services.print_log,
                            stamp_reprints=not reprint)


def cashup_ref(view: CashupView) -> str:
    """The print log's name of a cash-up: ``Z000012`` once closed; an open shift's X report is
    named by the shift and the minute, as each is a different snapshot, never a reprint."""
    sh = view.shift
    if sh.close_seq is not None:
        return f"Z{sh.close_seq:06d}"
    return f"X{sh.id}-{datetime.now():%Y%m%d%H%M%S}"


def cashup_preview(parent: QWidget, services: Services, view: CashupView, paper: str = "roll"):  # noqa: ANN201
    from ui.printing.preview import PdfPreviewDialog

    pdf = cashup_pdf(services, view, paper)
    ref = cashup_ref(view)
    title = QCoreApplication.translate("ReceiptPrint", "Cash-up %1").replace("%1", ref) if view.shift.close_seq else QCoreApplication.translate("ReceiptPrint", "Cash-up preview (shift open)")
    return PdfPreviewDialog(pdf, parent, title=title, kind=PRINT_KIND_CASHUP, ref=f"{ref}-{paper}",
                            file_name=f"cashup-{ref}-{paper}.pdf", print_log=services.print_log)
