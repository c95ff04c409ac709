"""The mail register (业户邮件收发记录) and the daily parcel log as A4 PDFs.

Both name each item by its type and number and the unit it is for — never what is inside
(an item's note is not even read: ``MailRow`` does not carry it).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime

from app.notifications import ITEM_TYPE_LABELS_EN, ITEM_TYPE_LABELS_ZH
from app.printing.a4_register import Column, RegisterDocument, Section, render_register
from app.printing.layout import format_datetime

STATE_LABELS = {
    "waiting": "待领 Waiting", "picked_up": "已领 Picked up", "returned": "退回邮局 Returned",
    "disposed": "已处置 Disposed", "lost": "遗失 Lost", "escalated": "上报主管 Escalated",
}
YES, NO = "是 Yes", "否 No"


def item_type_label(item_type: str) -> str:
    """``包裹/快递`` over ``Parcel`` (two lines in a table cell)."""
    zh = ITEM_TYPE_LABELS_ZH.get(item_type, item_type)
    en = ITEM_TYPE_LABELS_EN.get(item_type, "")
    return f"{zh}\n{en}" if en else zh


def carrier_names() -> dict[str, str]:
    """Carrier code → Chinese name, from the bundled recognition rules."""
    try:
        from app.parcels.carriers import default_carrier_rules
    except ImportError:  # pragma: no cover - the carriers module ships with the parcels
        return {}
    return {r["carrier"]: r["name_zh"] for r in default_carrier_rules()}


def _carrier(row, names: Mapping[str, str]) -> str:  # noqa: ANN001 - MailRow
    who = names.get(row.carrier, "") if row.carrier != "other" else ""
    return "\n".join(p for p in (who or row.courier, row.code) if p)


def _time(value: datetime | None) -> str:
    return value.strftime("%H:%M") if value else ""


def render_mail_register(rows: Sequence, *, date_from: date, date_to: date, property_name: str = "",  # noqa: ANN001
                         printed_by: str = "", printed_at: datetime | None = None,
                         carriers: Mapping[str, str] | None = None) -> bytes:
    """业户邮件收发记录 for ``rows`` (``MailRegisterService.rows``): A4 portrait."""
    names = carrier_names() if carriers is None else carriers
    cols = (Column("收件时间 Received", 1.1), Column("房号 Unit", 0.75), Column("收件人 Recipient", 0.75),
            Column("类别 Type", 0.95), Column("承运/单号 Carrier / No.", 1.6), Column("经收人 Received by", 0.7),
            Column("领取人/时间 Picked up by / at", 1.25), Column("签收 Signed", 0.5, "center"))
    lines: list[tuple[str, ...]] = []
    for r in rows:
        if r.pickup_id is not None:
            who = r.picked_up_by + (f" ({r.relation})" if r.relation else "")
            picked = f"{who}\n{format_datetime(r.picked_up_at)}"
            signed = YES if r.signed else NO
        else:
            state = STATE_LABELS.get(r.state, r.state)
            picked = state if r.state == "waiting" else f"{state}\n{format_datetime(r.state_at)}"
            signed = ""
        lines.append((format_datetime(r.received_at), r.unit_code, r.recipient, item_type_label(r.item_type),
                      _carrier(r, names), r.received_by, picked, signed))
    span = f"{date_from:%Y-%m-%d}" if date_from == date_to else f"{date_from:%Y-%m-%d} – {date_to:%Y-%m-%d}"
    return render_register(RegisterDocument(
        property_name=property_name, title="业户邮件收发记录 Mail register",
        subtitle=f"{span} · 共 {len(lines)} 件 {len(lines)} item(s)",
        sections=(Section("", cols, tuple(lines), "本期无邮件 No mail in this period"),),
        footnote="本表只记录邮件类别与单号，不记录内件。 Items are listed by type and number only, never by content.",
        printed_by=printed_by, printed_at=printed_at or datetime.now().replace(microsecond=0)))


def render_parcel_daily_log(log, *, property_name: str = "", printed_by: str = "",  # noqa: ANN001 - DailyParcelLog
                            printed_at: datetime | None = None, carriers: Mapping[str, str] | None = None) -> bytes:
    """One day at the counter (``MailRegisterService.daily_log``): intake, pick-ups, and what is
    still here at the end of the day with the reason recorded for it. A4 portrait."""
    names = carrier_names() if carriers is None else carriers
    intake = tuple((_time(r.received_at), _carrier(r, names), item_type_label(r.item_type), r.unit_code or "—",
                    r.shelf, r.received_by) for r in log.intake)
    pickups = tuple((_time(p.at), p.unit_code, "\n".join(f"{ITEM_TYPE_LABELS_ZH.get(i.item_type, i.item_type)} {i.code}" for i in p.items),
                     p.picked_up_by + (f" ({p.relation})" if p.relation else ""), YES if p.id_checked else "",
                     YES if p.signed else NO, p.staff_name) for p in log.pickups)
    out = tuple((format_datetime(o.item.received_at), _carrier(o.item, names), item_type_label(o.item.item_type),
                 o.item.unit_code or "—", str(o.days_waiting), o.reason or "未记录原因 No reason recorded")
                for o in log.outstanding)
    no_reason = frozenset(i for i, o in enumerate(log.outstanding) if not o.reason)
    items_out = sum(len(p.items) for p in log.pickups)
    return render_register(RegisterDocument(
        property_name=property_name, title="邮件包裹日志 Daily parcel log",
        subtitle=(f"{log.day:%Y-%m-%d} · 收件 {len(intake)} 件 received · 领取 {items_out} 件 picked up · "
                  f"未领 {len(out)} 件 outstanding"),
        sections=(
            Section("一、收件 Received", (Column("时间 Time", 0.6), Column("承运/单号 Carrier / No.", 2.2),
                                         Column("类别 Type", 1.2), Column("房号 Unit", 0.8), Column("货架 Shelf", 0.6),
                                         Column("经收人 Received by", 0.9)), intake, "今日无收件 Nothing received"),
            Section("二、领取 Picked up", (Column("时间 Time", 0.6), Column("房号 Unit", 0.8),
                                          Column("邮件 Items", 2.4), Column("领取人 Picked up by", 1.1),
                                          Column("验证 ID checked", 0.6, "center"), Column("签收 Signed", 0.6, "center"),
                                          Column("经办 By", 0.7)), pickups, "今日无领取 Nothing picked up"),
            Section("三、日终未领 Still here at the end of the day",
                    (Column("收件时间 Received", 1.2), Column("承运/单号 Carrier / No.", 2.0), Column("类别 Type", 1.1),
                     Column("房号 Unit", 0.8), Column("天数 Days", 0.5, "center"), Column("原因 Reason", 2.0)),
                    out, "全部已领 Nothing outstanding", muted=frozenset()),
        ),
        footnote=("不列内件。未记录原因的邮件须在交班前补记。 Contents are never listed. "
                  "Items without a reason need one before the shift closes." if no_reason else
                  "不列内件。 Contents are never listed."),
        signatures=("当班接待 Receptionist", "客服主管 Supervisor"),
        printed_by=printed_by, printed_at=printed_at or datetime.now().replace(microsecond=0)))


def sample_mail_register() -> bytes:
    """A register with made-up items, for ``print-test``."""
    from app.services.mail_register import MailRow

    rows = (
        MailRow(1, datetime(2026, 11, 23, 9, 5), "A-1203", "张三", "parcel", "sf", "SF1234567890123", "", "B-03", "王芳",
                "picked_up", datetime(2026, 11, 23, 18, 2), datetime(2026, 11, 23, 18, 2), "李梅", "配偶", True, 7),
        MailRow(2, datetime(2026, 11, 23, 10, 1), "B-0302", "周杰", "registered", "ems", "EE123456785CN", "", "A-01",
                "王芳", "waiting", datetime(2026, 11, 23, 10, 1), None, "", "", None, None),
        MailRow(3, datetime(2026, 11, 23, 11, 40), "A-0501", "", "letter", "other", "M000042", "邮局", "", "陈静",
                "returned", datetime(2026, 11, 23, 15, 0), None, "", "", None, None),
    )
    return render_mail_register(rows, date_from=date(2026, 11, 23), date_to=date(2026, 11, 23),
                                property_name="阳光花园物业服务中心", printed_by="王芳",
                                printed_at=datetime(2026, 11, 24, 8, 0))


def sample_parcel_daily_log() -> bytes:
    """A day's log with made-up items, for ``print-test``."""
    from app.services.mail_register import DailyParcelLog, MailRow, OutstandingLine, PickupLine

    a = MailRow(1, datetime(2026, 11, 23, 9, 5), "A-1203", "张三", "parcel", "sf", "SF1234567890123", "", "B-03", "王芳",
                "picked_up", datetime(2026, 11, 23, 18, 2), datetime(2026, 11, 23, 18, 2), "李梅", "配偶", True, 7)
    b = MailRow(2, datetime(2026, 11, 20, 10, 1), "B-0302", "周杰", "registered", "ems", "EE123456785CN", "", "A-01",
                "陈静", "waiting", datetime(2026, 11, 20, 10, 1), None, "", "", None, None)
    log = DailyParcelLog(date(2026, 11, 23), (a,), (PickupLine(7, a.picked_up_at, "A-1203", "李梅", "配偶", True, True,
                                                               "王芳", (a,)),),
                         (OutstandingLine(b, 3, "业户出差，电话已通知"),))
    return render_parcel_daily_log(log, property_name="阳光花园物业服务中心", printed_by="王芳",
                                   printed_at=datetime(2026, 11, 23, 20, 0))
