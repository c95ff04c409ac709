"""The A4 registers as real PDFs from real records: the mail register, the daily parcel log, the
newspaper register and the delivery list — text, embedded font, A4, repeated headers, page
numbers, and never an item's contents."""

from __future__ import annotations

import io
import re
from datetime import date, datetime, timedelta

import pytest
from pypdf import PdfReader

from app.printing.mail_register import render_mail_register, render_parcel_daily_log
from app.printing.newspaper_register import render_newspaper_delivery_list, render_newspaper_register
from app.printing.samples import PRINT_KINDS
from app.services.newspapers import DeliveryInput, SubscriptionInput

A4_PT = (595.28, 841.89)
DAY = date(2026, 3, 2)
AT = datetime(2026, 3, 2, 9, 0)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
SECRET = "内有苹果手机一部"  # what an item holds: never printed


def text_of(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_a4_with_embedded_font(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    for page in reader.pages:
        box = page.mediabox
        assert (float(box.width), float(box.height)) == pytest.approx(A4_PT, abs=0.1)
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            assert re.fullmatch(r"/[A-Z]{6}\+WenQuanYiMicroHei(-\d+)?", str(font["/BaseFont"]))
            stream = font["/FontDescriptor"].get_object()["/FontFile2"].get_object()
            assert len(stream.get_data()) > 1000


@pytest.fixture
def mail(svc):
    """Three items on 2 March: one picked up by proxy with a signature, one waiting with a
    reason, one returned to the post office; a fourth on 3 March."""
    zhang = svc.occupants.search("张三")[0]
    a = svc.parcels.intake("SF1234567890123", unit_code="A-1203", occupant_id=zhang.id, shelf="B-03", note=SECRET,
                           at=AT)
    b = svc.parcels.intake("EE123456785CN", item_type="registered", unit_code="B-0302", note=SECRET,
                           at=AT + timedelta(hours=1))
    c = svc.parcels.intake("", item_type="letter", unit_code="A-0501", at=AT + timedelta(hours=2))
    svc.parcels.intake("YT1234567890123", unit_code="A-1204", at=AT + timedelta(days=1))
    svc.parcels.pick_up([a.id], picked_up_by="李梅", relation="配偶", id_checked=True, signature_png=PNG,
                        at=AT + timedelta(hours=8))
    svc.parcels.record_reasons({b.id: "业户出差，已电话通知"}, at=AT + timedelta(hours=9))
    svc.parcels.return_to_post_office([c.id], reason="查无此人", handed_to="邮局 李师傅", at=AT + timedelta(hours=5))
    return svc


def test_mail_register_lists_unit_and_item_never_contents(mail):
    rows = list(mail.mail_register.rows(DAY, DAY))
    assert [r.unit_code for r in rows] == ["A-1203", "B-0302", "A-0501"]
    assert (rows[0].signed, rows[0].picked_up_by, rows[1].signed) == (True, "李梅", None)
    pdf = render_mail_register(rows, date_from=DAY, date_to=DAY, property_name="阳光花园物业服务中心",
                               printed_by="王芳", printed_at=AT)
    assert_a4_with_embedded_font(pdf)
    text = flat(text_of(pdf))
    for expected in ("业户邮件收发记录", "A-1203", "张三", "SF1234567890123", "EE123456785CN", "挂号信", "李梅(配偶)",
                     "2026-03-0217:00", "是Yes", "待领Waiting", "退回邮局", "M000001", "第1/1页"):
        assert expected in text, expected
    assert "苹果" not in text and "手机" not in text
    assert "YT1234567890123" not in text  # received on 3 March


def test_daily_log_has_intake_pickups_and_outstanding_with_reasons(mail):
    log = mail.mail_register.daily_log(DAY)
    assert [r.code for r in log.intake] == ["SF1234567890123", "EE123456785CN", "M000001"]
    assert [(p.unit_code, p.picked_up_by, p.signed, len(p.items)) for p in log.pickups] == [("A-1203", "李梅", True, 1)]
    assert [(o.item.code, o.reason) for o in log.outstanding] == [("EE123456785CN", "业户出差，已电话通知")]
    pdf = render_parcel_daily_log(log, property_name="阳光花园物业服务中心", printed_by="王芳", printed_at=AT)
    assert_a4_with_embedded_font(pdf)
    text = flat(text_of(pdf))
    for expected in ("邮件包裹日志", "2026-03-02", "收件3件", "领取1件", "未领1件", "业户出差，已电话通知",
                     "当班接待", "客服主管"):
        assert expected in text, expected
    assert "苹果" not in text and "手机" not in text


def test_a_long_register_repeats_its_header_and_numbers_its_pages(svc):
    for n in range(90):
        svc.parcels.intake(f"SF{1000000000000 + n}", unit_code="A-1203", note=SECRET, at=AT + timedelta(minutes=n))
    rows = list(svc.mail_register.rows(DAY, DAY))
    assert len(rows) == 90
    pdf = render_mail_register(rows, date_from=DAY, date_to=DAY, printed_at=AT)
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) >= 3
    for i, page in enumerate(pages, 1):
        t = flat(page.extract_text())
        assert "收件时间" in t and "承运/单号" in t  # the header row on every page
        assert f"第{i}/{len(pages)}页" in t
    assert "SF1000000000089" in flat(text_of(pdf)) and "手机" not in text_of(pdf)


@pytest.fixture
def papers(svc):
    t = svc.newspapers.add_title("深圳特区报", "newspaper", "深圳报业集团", "daily")
    subs = [svc.newspapers.subscribe(SubscriptionInput(t.id, u, subscriber=n, copies=c, starts_on=date(2026, 1, 1)))
            for u, n, c in (("A-1203", "张三", 2), ("B-0302", "周杰", 1), ("A-1204", "欧阳娜娜", 1))]
    office = svc.newspapers.subscribe(SubscriptionInput(t.id, department="客服部", starts_on=date(2026, 1, 1)))
    svc.newspapers.record_receipt(t.id, DAY, 4, at=AT)
    svc.newspapers.deliver(DAY, [DeliveryInput(subs[0].id, "signed", "李梅"), DeliveryInput(subs[1].id, "mailbox")],
                           at=AT)
    return svc, t, subs, office


def test_newspaper_register(papers):
    svc, *_ = papers
    pdf = render_newspaper_register(list(svc.newspapers.deliveries(DAY, DAY)), date_from=DAY, date_to=DAY,
                                    property_name="阳光花园物业服务中心", printed_by="王芳", printed_at=AT)
    assert_a4_with_embedded_font(pdf)
    text = flat(text_of(pdf))
    for expected in ("业户报刊收发记录", "深圳特区报", "A-1203", "李梅", "B-0302", "投信箱", "3份copies", "管理员"):
        assert expected in text, expected


def test_delivery_list_by_building_unit_and_title_only(papers):
    svc, *_ = papers
    plan = svc.newspapers.delivery_plan(DAY)
    pdf = render_newspaper_delivery_list(plan, day=DAY, property_name="阳光花园物业服务中心", printed_at=AT)
    assert_a4_with_embedded_font(pdf)
    text = flat(text_of(pdf))
    assert text.index("A栋BuildingA") < text.index("A-1203") < text.index("A-1204") < text.index("B栋BuildingB")
    assert text.index("B-0302") < text.index("部室Officedepartments") < text.index("客服部")
    assert "待补Short" in text and "已送Done" in text  # 4 copies came: the office waits
    for name in ("张三", "周杰", "欧阳娜娜", "李梅"):  # no names on a list carried round the building
        assert name not in text


def test_the_new_print_kinds_render_on_a4():
    for kind in ("parcel_daily_log", "mail_register", "newspaper_register", "newspaper_delivery_list"):
        assert PRINT_KINDS[kind].paper == "a4"
        assert_a4_with_embedded_font(PRINT_KINDS[kind].sample())
