"""The pick-up notice put in a mailbox: unit and items, never the recipient's name, on the 80 mm
roll with the embedded font; one print job for every mailbox, built from the real service."""

from __future__ import annotations

import io
import re
from datetime import datetime

import pytest
from pypdf import PdfReader

from app.notifications import NoticeItem, PickupNotice
from app.printing.layout import MM
from app.printing.parcel_notice import render_pickup_notice, render_pickup_notices
from tests.unit.test_key_printing import fonts_of, text_of


def test_notices_from_the_register_show_unit_items_and_count_but_no_names(svc):
    svc.parcels.intake("SF1234567890123", unit_code="A-1203", at=datetime(2026, 11, 23, 9, 5))
    svc.parcels.intake("", item_type="registered", unit_code="A-1203", at=datetime(2026, 11, 23, 10, 1))
    svc.parcels.intake("YT1234567890123", unit_code="A-1204", at=datetime(2026, 11, 23, 11, 0))
    notices = svc.parcels.notices()
    assert [(n.unit_code, len(n.items)) for n in notices] == [("A-1203", 2), ("A-1204", 1)]
    pdf = render_pickup_notices(notices)
    text = re.sub(r"\s+", "", text_of(pdf))
    for expected in ("邮件领取通知", "A-1203", "A-1204", "SF1234567890123", "M000001", "YT1234567890123",
                     "包裹", "挂号信", "2026-11-2309:05", "共2件", "请携带证件到前台签收"):
        assert expected in text, expected
    names = [o.name for o in svc.parcels.find_recipients("A-12")]
    assert names and not any(name in text for name in names)  # a mailbox is not private
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1  # one length of roll, cut lines between the units
    assert float(reader.pages[0].mediabox.width) / MM == pytest.approx(80, abs=0.1)
    assert all(re.fullmatch(r"/[A-Z]{6}\+WenQuanYiMicroHei(-\d+)?", f) for f in fonts_of(pdf))


def test_a_reminder_says_so_and_the_same_notice_gives_the_same_bytes():
    notice = PickupNotice(7, "B-0302", (NoticeItem("EA123456785CN", "parcel", datetime(2026, 11, 20, 8, 0)),),
                          kind="reminder", created_at=datetime(2026, 11, 26, 9, 0))
    pdf = render_pickup_notice(notice)
    assert "邮件待领取提醒" in text_of(pdf) and "REMINDER" in text_of(pdf)
    assert pdf == render_pickup_notice(notice)
    with pytest.raises(ValueError):
        render_pickup_notices([])
