"""The newspaper register (业户报刊收发记录) and the day's delivery list, as A4 PDFs.

The delivery list goes round the building with whoever fills the mail slots: per building,
unit and title only (and the copies, a box to tick) — no names. The office's departments
come last, as they are served after the residents (先发业户后发部室).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from app.printing.a4_register import Column, RegisterDocument, Section, render_register
from app.printing.layout import format_datetime

METHOD_LABELS = {"signed": "签收 Signed", "mailbox": "投信箱 Mail slot"}


def render_newspaper_register(deliveries: Sequence, *, date_from: date, date_to: date,  # noqa: ANN001
                              property_name: str = "", printed_by: str = "",
                              printed_at: datetime | None = None) -> bytes:
    """业户报刊收发记录 for ``deliveries`` (``NewspaperService.deliveries``): A4 portrait."""
    cols = (Column("日期 Date", 0.9), Column("报刊 Title", 1.5), Column("房号 Unit", 1.0),
            Column("份数 Copies", 0.5, "center"), Column("签收人/信箱 Signed by / slot", 1.5),
            Column("送达时间 Delivered", 1.1), Column("经办 By", 0.7))
    rows = tuple((f"{d.day:%Y-%m-%d}", d.title_name, d.where, str(d.copies),
                  d.received_by if d.method == "signed" else METHOD_LABELS["mailbox"],
                  format_datetime(d.delivered_at), d.staff_name) for d in deliveries)
    copies = sum(d.copies for d in deliveries)
    span = f"{date_from:%Y-%m-%d}" if date_from == date_to else f"{date_from:%Y-%m-%d} – {date_to:%Y-%m-%d}"
    return render_register(RegisterDocument(
        property_name=property_name, title="业户报刊收发记录 Newspaper register",
        subtitle=f"{span} · {len(rows)} 次送达 deliveries · {copies} 份 copies",
        sections=(Section("", cols, rows, "本期无送达 No deliveries in this period"),),
        printed_by=printed_by, printed_at=printed_at or datetime.now().replace(microsecond=0)))


def render_newspaper_delivery_list(lines: Sequence, *, day: date, property_name: str = "",  # noqa: ANN001
                                   printed_by: str = "", printed_at: datetime | None = None) -> bytes:
    """The day's delivery list from ``NewspaperService.delivery_plan``: a section per building,
    the office's departments last; unit, title, copies and a box to tick."""
    cols = (Column("房号 Unit", 1.0), Column("报刊 Title", 2.2), Column("份数 Copies", 0.6, "center"),
            Column("状态 Status", 1.0, "center"), Column("✓", 0.5, "center"))
    groups: dict[str, list] = {}
    for ln in lines:
        sub = ln.subscription
        key = "" if sub.office else (sub.building_code or "?")
        groups.setdefault(key, []).append(ln)
    sections = []
    for key in sorted(groups, key=lambda k: (k == "", k)):
        rows, muted = [], set()
        for i, ln in enumerate(groups[key]):
            sub = ln.subscription
            if ln.delivered:
                status = "已送 Done"
                muted.add(i)
            elif not ln.received:
                status = "未到 Not in"
            elif ln.short:
                status = "待补 Short"
            else:
                status = ""
            rows.append((sub.where, sub.title_name, str(sub.copies), status, ""))
        heading = f"{key}栋 Building {key}" if key else "部室 Office departments"
        sections.append(Section(heading, cols, tuple(rows), muted=frozenset(muted)))
    total = sum(ln.subscription.copies for ln in lines)
    return render_register(RegisterDocument(
        property_name=property_name, title="报刊分发清单 Newspaper delivery list",
        subtitle=f"{day:%Y-%m-%d} · {len(lines)} 户次 lines · {total} 份 copies",
        sections=tuple(sections) or (Section("", cols, (), "今日无订阅 Nothing to deliver today"),),
        footnote="先发业户，后发部室；少送的报刊已向邮局追补。 Residents first, office departments after; "
                 "missing copies are claimed from the post office.",
        printed_by=printed_by, printed_at=printed_at or datetime.now().replace(microsecond=0)))


def _sample_subscription(i: int, unit: str, building: str, title: str, copies: int, department: str = ""):  # noqa: ANN202
    from app.services.newspapers import SubscriptionView

    return SubscriptionView(i, 1, title, "newspaper", None if department else i, unit, building, department, None,
                            "", copies, date(2026, 1, 1), None, "", datetime(2026, 1, 1), None, "", "")


def sample_newspaper_delivery_list() -> bytes:
    """A delivery list with made-up lines, for ``print-test``."""
    from app.services.newspapers import DeliveryLine

    day = date(2026, 11, 23)
    subs = (_sample_subscription(1, "A-1203", "A", "深圳特区报", 2), _sample_subscription(2, "A-1204", "A", "读者", 1),
            _sample_subscription(3, "B-0302", "B", "南方日报", 1),
            _sample_subscription(4, "", "", "深圳特区报", 1, department="客服部"))
    lines = [DeliveryLine(s, day, s.copies if s.id != 4 else 0, True, None) for s in subs]
    return render_newspaper_delivery_list(lines, day=day, property_name="阳光花园物业服务中心", printed_by="王芳",
                                          printed_at=datetime(2026, 11, 23, 8, 10))


def sample_newspaper_register() -> bytes:
    """A register with made-up deliveries, for ``print-test``."""
    from app.services.newspapers import DeliveryView

    day = date(2026, 11, 23)
    rows = (DeliveryView(1, day, 1, "深圳特区报", 1, "A-1203", "A", "", "张三", 2, "signed", "李梅",
                         datetime(2026, 11, 23, 8, 40), "王芳"),
            DeliveryView(2, day, 2, "读者", 2, "A-1204", "A", "", "欧阳娜娜", 1, "mailbox", "",
                         datetime(2026, 11, 23, 8, 45), "王芳"))
    return render_newspaper_register(rows, date_from=day, date_to=day, property_name="阳光花园物业服务中心",
                                     printed_by="王芳", printed_at=datetime(2026, 11, 24, 8, 0))
