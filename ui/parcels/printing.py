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
    # The label is read at the shelf by anyone at the counter: unit, shelf and type, never a name.
    return render_parcel_label(ParcelLabelData(code=item.code, unit_code=item.unit_code, shelf=item.shelf,
                                               item_type_label=ITEM_TYPE_LABELS_ZH.get(item.item_type, ""),
                                               received_at=item.received_at))


def print_parcel_label(parent: QWidget, item: ParcelView) -> None:
    from ui.printing.preview import PdfPreviewDialog

    log.info("shelf label for %s", item.code)
    PdfPreviewDialog(parcel_label_pdf(item), parent, title=QCoreApplication.translate("ParcelPrint", "Shelf label"),
                     kind="parcel-label", ref=item.code, file_name=f"label-{item.code}.pdf").exec()


def print_notices(parent: QWidget, notices: list[PickupNotice]) -> None:
    """Every notice on one length of roll, cut lines between them."""
    from ui.printing.preview import PdfPreviewDialog

    if not notices:
        return
    title = QCoreApplication.translate("ParcelPrint", "Pick-up notices")
    PdfPreviewDialog(render_pickup_notices(notices), parent, title=title, kind="parcel-notices",
                     ref=str(len(notices)), file_name="pickup-notices.pdf").exec()
