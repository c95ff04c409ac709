"""Printing the renovation permit (A4) and a pass card (CR80): PDF from app/, then the preview.

Every print attempt goes to the print log (``services.print_log``); printing the same permit or
card again shows and prints it stamped 补打 / REPRINT, so a second card in circulation is
recognisable."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.printing.pass_card import pass_card_data_from, render_pass_card
from app.printing.renovation_permit import permit_data_from, render_renovation_permit
from app.services import Services
from app.services.permits import PassView, PermitView
from ui.permits.texts import TRADE_CARD_LABELS


def permit_pdf(services: Services, permit: PermitView) -> bytes:
    data = permit_data_from(permit, services.permits.history(permit.id), services.property.profile())
    return render_renovation_permit(data)


def pass_card_pdf(services: Services, pass_: PassView) -> bytes:
    photo = services.permits.photo(pass_.id) if pass_.has_photo else None
    data = pass_card_data_from(pass_, services.property.profile(),
                               trade_label=TRADE_CARD_LABELS.get(pass_.trade, pass_.trade), photo=photo)
    return render_pass_card(data)


def permit_dialog(parent: QWidget | None, services: Services, permit: PermitView):  # noqa: ANN201
    """The preview of the permit (A4), logged when printed; not shown yet."""
    from ui.printing.preview import PdfPreviewDialog

    title = QCoreApplication.translate("PermitPrinting", "Renovation permit")
    return PdfPreviewDialog(permit_pdf(services, permit), parent, title=title, kind="renovation-permit",
                            ref=permit.number, file_name=f"renovation-permit-{permit.number}.pdf",
                            print_log=services.print_log)


def pass_card_dialog(parent: QWidget | None, services: Services, pass_: PassView):  # noqa: ANN201
    """The preview of a pass card (CR80), logged when printed; not shown yet."""
    from ui.printing.preview import PdfPreviewDialog

    title = QCoreApplication.translate("PermitPrinting", "Contractor pass")
    return PdfPreviewDialog(pass_card_pdf(services, pass_), parent, title=title, kind="pass-card", ref=pass_.number,
                            file_name=f"pass-{pass_.number}.pdf", print_log=services.print_log)


def print_permit(parent: QWidget, services: Services, permit: PermitView) -> None:
    permit_dialog(parent, services, permit).exec()


def print_pass_card(parent: QWidget, services: Services, pass_: PassView) -> None:
    pass_card_dialog(parent, services, pass_).exec()
