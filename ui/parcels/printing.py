"""Printing for the Parcels tab: the shelf label and the mailbox notices (PDF from app/, then the
preview, whose Print button keeps a copy of what was printed)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.notifications import ITEM_TYPE_LABELS_ZH, PickupNotice
from app.printing.parcel_label import ParcelLabelData, render_parcel_label
from app.printing.parcel_notice import render_pickup_notices
from app.services.parcels import ParcelView

log = logging.getLogger(__name__)


def parcel_label_pdf(item: ParcelView) -> bytes:
    """The shelf label on the paper this PC prints labels on (60 mm label, or the receipt roll)."""
    from ui.printing.printers import paper_for

    # The label is read at the shelf by anyone at the counter: unit, shelf and type, never a name.
    return render_parcel_label(ParcelLabelData(code=item.code, unit_code=item.unit_code, shelf=item.shelf,
                                               item_type_label=ITEM_TYPE_LABELS_ZH.get(item.item_type, ""),
                                               received_at=item.received_at), paper=paper_for("parcel_label"))


def print_parcel_label(parent: QWidget, item: ParcelView, *, print_log=None) -> None:  # noqa: ANN001
    """The label in the preview; with ``print_log`` (``services.print_log``) every print is logged."""
    from ui.printing.preview import PdfPreviewDialog

    log.info("shelf label for %s", item.code)
    PdfPreviewDialog(parcel_label_pdf(item), parent, title=QCoreApplication.translate("ParcelPrint", "Shelf label"),
                     kind="parcel_label", ref=item.code, file_name=f"label-{item.code}.pdf",
                     print_log=print_log).exec()


def print_notices(parent: QWidget, notices: list[PickupNotice], *, print_log=None) -> None:  # noqa: ANN001
    """Every notice on one length of the receipt printer's roll, cut lines between them."""
    from ui.printing.preview import PdfPreviewDialog
    from ui.printing.printers import paper_for

    if not notices:
        return
    title = QCoreApplication.translate("ParcelPrint", "Pick-up notices")
    pdf = render_pickup_notices(notices, paper=paper_for("parcel_notice"))
    # One job for several units: named by when the first notice was made, its unit and how many
    # more, so the same batch printed again is a reprint and tomorrow's is not.
    first = notices[0]
    ref = f"{first.created_at:%Y%m%d-%H%M%S}-{first.unit_code}" + (f"+{len(notices) - 1}" if len(notices) > 1 else "")
    PdfPreviewDialog(pdf, parent, title=title, kind="parcel_notice", ref=ref, file_name="pickup-notices.pdf",
                     print_log=print_log).exec()
