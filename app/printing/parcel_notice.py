"""The pick-up notice (领取通知单) put in a mailbox: unit and items waiting, on the 80 mm roll.

A mailbox is not private, so the notice shows the unit and each item's type, number and
date — never the recipient's name and never what is inside.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.notifications import ITEM_TYPE_LABELS_ZH, PickupNotice
from app.printing.layout import MM, Paragraph, RollDocument, Rule, Spacer, format_datetime


def render_pickup_notice(notice: PickupNotice, *, paper: str = "roll80") -> bytes:
    """The notice as a one-page PDF on the ``paper`` roll (pure: the same notice gives the same bytes)."""
    doc = RollDocument.on(paper, title=_title(notice))
    _add_notice(doc, notice)
    return doc.render()


def render_pickup_notices(notices: Sequence[PickupNotice], *, paper: str = "roll80") -> bytes:
    """Several notices on one length of the ``paper`` roll, a dashed cut line between them
    (one print job for every mailbox instead of one preview per unit)."""
    if not notices:
        raise ValueError("no notices")
    doc = RollDocument.on(paper, title=_title(notices[0]))
    for i, notice in enumerate(notices):
        if i:
            doc.add(Spacer(4 * MM))
            doc.add(Paragraph("✂ - - - - - - - - - - - - - - - - - - - - - - -", size=8, align="center"))
            doc.add(Spacer(4 * MM))
        _add_notice(doc, notice)
    return doc.render()


def _title(notice: PickupNotice) -> str:
    return "邮件待领取提醒 REMINDER" if notice.kind == "reminder" else "邮件领取通知 PICK-UP NOTICE"


def _add_notice(doc: RollDocument, notice: PickupNotice) -> None:
    title = _title(notice)
    if notice.property_name:
        doc.add(Paragraph(notice.property_name, size=11, align="center", bold=True))
    doc.add(Paragraph(title, size=13, align="center", bold=True))
    doc.add(Rule())
    doc.add(Paragraph(notice.unit_code, size=20, align="center", bold=True))
    doc.add(Spacer(1.5 * MM))
    for i, item in enumerate(notice.items, 1):
        kind = ITEM_TYPE_LABELS_ZH.get(item.item_type, item.item_type)
        doc.add(Paragraph(f"{i}. {kind}  {item.code}", size=9))
        doc.add(Paragraph(f"    {format_datetime(item.received_at)}", size=8))
    doc.add(Rule(dashed=True))
    doc.add(Paragraph(f"共 {len(notice.items)} 件 · {len(notice.items)} item(s)", size=10, bold=True))
    doc.add(Paragraph("请携带证件到前台签收 Please collect at the reception desk with ID", size=8))
    if notice.property_phone:
        doc.add(Paragraph(f"电话 Tel {notice.property_phone}", size=8))
    doc.add(Paragraph(format_datetime(notice.created_at), size=8, align="right"))


def sample_pickup_notice(paper: str = "roll80") -> bytes:
    from datetime import datetime

    from app.notifications import NoticeItem

    return render_pickup_notice(PickupNotice(
        unit_id=1, unit_code="A-1203", kind="reminder", property_name="阳光花园物业服务中心",
        property_phone="0755-12345678", created_at=datetime(2026, 11, 26, 9, 0),
        items=(NoticeItem("SF1234567890123", "parcel", datetime(2026, 11, 23, 9, 5), "B-03"),
               NoticeItem("M000042", "registered", datetime(2026, 11, 23, 10, 1), "A-01")),
    ), paper=paper)
