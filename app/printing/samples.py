"""Every kind of printout, each with a function that renders a sample (for ``print-test``).

``PRINT_KINDS`` maps a kind name to its paper and a function returning PDF bytes of a
document filled with made-up data, so a counter can check its printers without real records.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class PrintKind:
    name: str
    paper: str  # "roll80" (80 mm thermal roll), "label60" (60 mm label), "cr80" (85.6 × 54 mm card), "a5" or "a4"
    sample: Callable[[], bytes]


def sample_visitor_slip() -> bytes:
    from app.printing.visitor_slip import VisitorSlipData, render_visitor_slip

    return render_visitor_slip(VisitorSlipData(
        property_name="阳光花园物业服务中心", property_address="深圳市南山区科技路1号",
        property_phone="0755-12345678", visitor_name="李四", doc_type_label="居民身份证",
        doc_number="440305199001011234", company="顺丰速运", host_label="A-1203 张三", purpose="送货上门",
        party_size=1, badge_number="V-0042", time_in=datetime(2026, 11, 23, 9, 5), receptionist="王芳",
        printed_at=datetime(2026, 11, 23, 9, 6),
    ))


def _key_loan_slip() -> bytes:
    from app.printing.key_loan_slip import sample_key_loan_slip

    return sample_key_loan_slip()


def _key_monthly_report() -> bytes:
    from app.printing.key_report import sample_key_monthly_report

    return sample_key_monthly_report()


def _parcel_label() -> bytes:
    from app.printing.parcel_label import sample_parcel_label

    return sample_parcel_label()


def _parcel_notice() -> bytes:
    from app.printing.parcel_notice import sample_pickup_notice

    return sample_pickup_notice()


def _parcel_daily_log() -> bytes:
    from app.printing.mail_register import sample_parcel_daily_log

    return sample_parcel_daily_log()


def _mail_register() -> bytes:
    from app.printing.mail_register import sample_mail_register

    return sample_mail_register()


def _newspaper_register() -> bytes:
    from app.printing.newspaper_register import sample_newspaper_register

    return sample_newspaper_register()


def _newspaper_delivery_list() -> bytes:
    from app.printing.newspaper_register import sample_newspaper_delivery_list

    return sample_newspaper_delivery_list()


def _receipt_sample(name: str) -> Callable[[], bytes]:
    """Receipts, refund slips and cash-ups (app/printing/receipt_slip.py, refund_slip.py, cashup_report.py)."""

    def render() -> bytes:
        from app.printing import cashup_report, receipt_slip, refund_slip

        return {
            "receipt_80mm": receipt_slip.sample_receipt_80mm, "receipt_a5": receipt_slip.sample_receipt_a5,
            "refund_slip": refund_slip.sample_refund_slip, "cashup_roll": cashup_report.sample_cashup_roll,
            "cashup_a4": cashup_report.sample_cashup_a4,
        }[name]()

    return render


def _renovation_permit() -> bytes:
    from app.printing.renovation_permit import sample_renovation_permit

    return sample_renovation_permit()


def _pass_card() -> bytes:
    from app.printing.pass_card import sample_pass_card

    return sample_pass_card()


PRINT_KINDS: dict[str, PrintKind] = {
    k.name: k for k in (
        PrintKind("visitor_slip", "roll80", sample_visitor_slip),
        PrintKind("key_loan_slip", "roll80", _key_loan_slip),
        PrintKind("key_monthly_report", "a4", _key_monthly_report),
        PrintKind("parcel_label", "label60", _parcel_label),
        PrintKind("parcel_notice", "roll80", _parcel_notice),
        PrintKind("parcel_daily_log", "a4", _parcel_daily_log),
        PrintKind("mail_register", "a4", _mail_register),
        PrintKind("newspaper_register", "a4", _newspaper_register),
        PrintKind("newspaper_delivery_list", "a4", _newspaper_delivery_list),
        PrintKind("receipt_80mm", "roll80", _receipt_sample("receipt_80mm")),
        PrintKind("receipt_a5", "a5", _receipt_sample("receipt_a5")),
        PrintKind("refund_slip", "a5", _receipt_sample("refund_slip")),
        PrintKind("cashup_roll", "roll80", _receipt_sample("cashup_roll")),
        PrintKind("cashup_a4", "a4", _receipt_sample("cashup_a4")),
        PrintKind("renovation_permit", "a4", _renovation_permit),
        PrintKind("pass_card", "cr80", _pass_card),
    )
}
