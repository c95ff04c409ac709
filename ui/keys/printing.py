"""Printing the key loan slip and the monthly key statistics: PDF from app/, then the preview."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.errors import DomainError, StorageError
from app.printing.key_loan_slip import key_loan_slip_data_from, render_key_loan_slip
from app.printing.key_report import key_report_data_from, render_key_monthly_report
from app.services import Services
from app.services.keys import LoanView
from ui.messages import borrower_kind_name, key_category_name

log = logging.getLogger(__name__)


def key_loan_slip_pdf(services: Services, loan: LoanView, *, reprint: bool = False) -> bytes:
    signature = services.keys.signature(loan.id) if loan.signed_on_screen else None
    data = key_loan_slip_data_from(loan, services.property.profile(), signature_png=signature,
                                   category_label=key_category_name(loan.category),
                                   borrower_kind_label=borrower_kind_name(loan.borrower_kind), reprint=reprint)
    from ui.printing.printers import paper_for

    return render_key_loan_slip(data, paper=paper_for("key_loan_slip"))


def print_key_loan_slip(parent: QWidget, services: Services, loan: LoanView, *, reprint: bool = False) -> None:
    """Render the slip and open the preview; its Print button keeps a copy of what was printed."""
    from ui.printing.preview import PdfPreviewDialog

    try:
        reprint = reprint or services.print_log.is_reprint("key_loan_slip", loan.id)
    except (DomainError, StorageError):
        log.exception("could not read the print log")
    pdf = key_loan_slip_pdf(services, loan, reprint=reprint)
    log.info("key loan slip for loan %s %s", loan.id, "reprint" if reprint else "first print")
    title = QCoreApplication.translate("KeySlip", "Key loan slip")
    PdfPreviewDialog(pdf, parent, title=title, kind="key_loan_slip", ref=str(loan.id),
                     print_log=services.print_log, stamp_reprints=False).exec()


def key_monthly_report_pdf(services: Services, year: int, month: int) -> bytes:
    stats = services.keys.monthly_statistics(year, month)
    events = services.keys.month_events(year, month)
    names: dict[int, str] = {}
    for e in events:
        if e.key_id not in names:
            try:
                names[e.key_id] = services.keys.get(e.key_id).location
            except Exception:  # noqa: BLE001 - a name is a nicety on the report
                names[e.key_id] = ""
    op = services.ctx.operator
    data = key_report_data_from(stats, services.property.profile(), events, key_names=names,
                                printed_by=op.display_name if op else "")
    return render_key_monthly_report(data)


def print_key_monthly_report(parent: QWidget, services: Services, year: int, month: int) -> None:
    from ui.printing.preview import PdfPreviewDialog

    pdf = key_monthly_report_pdf(services, year, month)
    title = QCoreApplication.translate("KeySlip", "Monthly key statistics")
    PdfPreviewDialog(pdf, parent, title=title, kind="key_monthly_report", ref=f"{year}{month:02d}",
                     file_name=f"key-statistics-{year}-{month:02d}.pdf",
                     print_log=services.print_log, stamp_reprints=False).exec()
