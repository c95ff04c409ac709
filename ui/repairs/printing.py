"""Printing the dispatch slip and the weekly repair summary: PDF from app/, then the preview."""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.printing.dispatch_slip import dispatch_slip_data_from, render_dispatch_slip
from app.printing.repair_weekly import STATE_COLUMNS, render_repair_weekly, repair_weekly_data_from
from app.errors import DomainError, StorageError
from app.services import Services
from ui.repairs.texts import category_name, term

log = logging.getLogger(__name__)
#: the dispatch slip's name in the print log (its ref is the slip number)
DISPATCH_SLIP_KIND = "dispatch-slip"


def dispatch_slip_pdf(services: Services, view, categories, *, reprint: bool = False,  # noqa: ANN001
                      copies: int | None = None) -> bytes:
    """The slip of ``view`` with the configured number of copies (one for a reprint)."""
    copies = copies if copies is not None else (1 if reprint else max(1, services.repairs.dispatch_copies()))
    data = dispatch_slip_data_from(view, services.property.profile(), grade_label=term(view.grade),
                                   category_label=category_name(categories, view.category),
                                   source_label=term(view.source), reprint=reprint)
    from ui.printing.printers import paper_for

    return render_dispatch_slip(data, copies=copies, paper=paper_for("dispatch_slip"))


def print_dispatch_slip(parent: QWidget, services: Services, view, *, reprint: bool = False,  # noqa: ANN001
                        categories=()) -> None:  # noqa: ANN001
    """Render the slip (all copies on saving, one marked 补打 when printed before), record it on
    the slip's history, open the preview; its Print button writes the print log."""
    from ui.printing.preview import PdfPreviewDialog

    try:
        reprint = reprint or services.print_log.is_reprint(DISPATCH_SLIP_KIND, view.number)
    except (DomainError, StorageError):
        log.exception("could not read the print log")
    copies = 1 if reprint else max(1, services.repairs.dispatch_copies())
    pdf = dispatch_slip_pdf(services, view, categories, reprint=reprint, copies=copies)
    services.repairs.mark_printed(view.id, copies, reprint=reprint)
    log.info("dispatch slip %s %s", view.number, "reprint" if reprint else "first print")
    title = QCoreApplication.translate("RepairPrinting", "Dispatch slip %1").replace("%1", view.number)
    PdfPreviewDialog(pdf, parent, title=title, kind=DISPATCH_SLIP_KIND, ref=view.number,
                     print_log=services.print_log, stamp_reprints=False).exec()


def print_receipt(parent: QWidget, services: Services, receipt) -> None:  # noqa: ANN001 - ReceiptView
    """Open the receipt just issued in the Receipts module's own preview (the print log, 补打)."""
    from ui.receipts.printing import receipt_preview

    receipt_preview(parent, services, receipt).exec()


def weekly_summary_pdf(services: Services, week: date, categories) -> bytes:  # noqa: ANN001
    summary = services.repairs.weekly_summary(week)
    op = services.ctx.operator
    data = repair_weekly_data_from(
        summary, services.property.profile(),
        category_labels={c.code: category_name(categories, c.code) for c in categories},
        state_labels={s: term(s) for s in STATE_COLUMNS},
        rate_labels={"on_time": QCoreApplication.translate("RepairPrinting", "On time"),
                     "follow_up": QCoreApplication.translate("RepairPrinting", "Follow-up"),
                     "rework": QCoreApplication.translate("RepairPrinting", "Rework")},
        total_label=QCoreApplication.translate("RepairPrinting", "Total"), printed_by=op.display_name if op else "")
    return render_repair_weekly(data)


def print_weekly_summary(parent: QWidget, services: Services, week: date, categories) -> None:  # noqa: ANN001
    from ui.printing.preview import PdfPreviewDialog

    pdf = weekly_summary_pdf(services, week, categories)
    title = QCoreApplication.translate("RepairPrinting", "Weekly repair summary")
    PdfPreviewDialog(pdf, parent, title=title, kind="repair-weekly", ref=f"{week:%Y%m%d}",
                     file_name=f"repairs-week-{week:%Y-%m-%d}.pdf", print_log=services.print_log).exec()
