"""Printing a visitor slip from the UI: build the PDF in app/, keep a copy, preview, print."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.errors import DomainError, StorageError
from app.printing.visitor_slip import render_visitor_slip, slip_data_from
from app.services import Services
from app.services.visitors import VisitView
from ui.messages import doc_type_name

log = logging.getLogger(__name__)


def visitor_slip_pdf(services: Services, visit: VisitView, *, reprint: bool) -> bytes:
    op = services.ctx.operator
    data = slip_data_from(visit, services.property.profile(), op.display_name if op else "",
                          doc_type_name(visit.doc_type), reprint)
    from ui.printing.printers import paper_for

    return render_visitor_slip(data, paper=paper_for("visitor_slip"))


def print_visitor_slip(parent: QWidget, services: Services, visit: VisitView, *, reprint: bool) -> None:
    """Render the slip and open the preview; its Print button keeps a copy of what was printed."""
    from ui.printing.preview import PdfPreviewDialog

    try:
        reprint = reprint or services.print_log.is_reprint("visitor_slip", visit.id)
    except (DomainError, StorageError):
        log.exception("could not read the print log")
    pdf = visitor_slip_pdf(services, visit, reprint=reprint)
    log.info("visitor slip for visit %s %s", visit.id, "reprint" if reprint else "first print")
    title = QCoreApplication.translate("VisitorSlip", "Visitor slip")
    dlg = PdfPreviewDialog(pdf, parent, title=title, kind="visitor_slip", ref=str(visit.id),
                           print_log=services.print_log, stamp_reprints=False)
    dlg.exec()
