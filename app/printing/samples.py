"""Every kind of printout, each with a function that renders a sample (for ``print-test``).

``PRINT_KINDS`` maps a kind name to its paper and a function returning PDF bytes of a
document filled with made-up data, so a counter can check its printers without real records.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from app.printing.paper import ROLL_WIDTHS, printer_group


@dataclass(frozen=True)
class PrintKind:
    """One kind of document: its name, default paper and a sample renderer.

    ``paper`` is a name from :data:`app.printing.paper.PAPERS` ("roll80", "roll58",
    "label60", "a4", "a5", "cr80"); it decides which of the counter's printers takes the
    kind. ``papers`` lists every paper the renderer can make (``sample(paper=…)`` is then
    called with one of them); empty means ``paper`` only. ``copies`` is the default number
    of copies (a document whose copies go to different people; a receipt is printed once and
    its A5 form carries its three named copies as pages).
    """

    name: str
    paper: str
    sample: Callable[..., bytes]
    papers: tuple[str, ...] = ()
    #: copies printed by default (a counter may change it per PC)
    copies: int = 1

    @property
    def group(self) -> str:
        """The printer group (``receipt``, ``card``, ``a4``) of the default paper."""
        return printer_group(self.paper)

    @property
    def all_papers(self) -> tuple[str, ...]:
        return self.papers or (self.paper,)

    @property
    def roll_choice(self) -> bool:
        """Whether the receipt printer's roll width (80/58 mm) applies to this kind."""
        return set(ROLL_WIDTHS) <= set(self.all_papers)

    def render_sample(self, paper: str | None = None) -> tuple[str, bytes]:
        """``(paper used, PDF)``: on ``paper`` if the kind can be made on it, else its own."""
        if paper and paper != self.paper and paper in self.all_papers:
            return paper, self.sample(paper=paper)
        return self.paper, self.sample()


def sample_visitor_slip(paper: str = "roll80") -> bytes:
    from app.printing.visitor_slip import VisitorSlipData, render_visitor_slip

    return render_visitor_slip(VisitorSlipData(
        property_name="阳光花园物业服务中心", property_address="深圳市南山区科技路1号",
        property_phone="0755-12345678", visitor_name="李四", doc_type_label="居民身份证",
        doc_number="440305199001011234", company="顺丰速运", host_label="A-1203 张三", purpose="送货上门",
        party_size=1, badge_number="V-0042", time_in=datetime(2026, 11, 23, 9, 5), receptionist="王芳",
        printed_at=datetime(2026, 11, 23, 9, 6),
    ), paper=paper)


def _key_loan_slip(paper: str = "roll80") -> bytes:
    from app.printing.key_loan_slip import sample_key_loan_slip

    return sample_key_loan_slip(paper)


def _key_monthly_report() -> bytes:
    from app.printing.key_report import sample_key_monthly_report

    return sample_key_monthly_report()


def _parcel_label(paper: str = "label60") -> bytes:
    from app.printing.parcel_label import sample_parcel_label

    return sample_parcel_label(paper)


def _parcel_notice(paper: str = "roll80") -> bytes:
    from app.printing.parcel_notice import sample_pickup_notice

    return sample_pickup_notice(paper)


def _dispatch_slip(paper: str = "roll80") -> bytes:
    from app.printing.dispatch_slip import sample_dispatch_slip

    return sample_dispatch_slip(paper)


def _repair_weekly_summary() -> bytes:
    from app.printing.repair_weekly import sample_repair_weekly

    return sample_repair_weekly()


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


def _receipt_sample(name: str) -> Callable[..., bytes]:
    """Receipts, refund slips and cash-ups (app/printing/receipt_slip.py, refund_slip.py, cashup_report.py).

    The roll ones (``receipt_80mm``, ``cashup_roll``) take the roll's ``paper``."""

    def render(**paper: str) -> bytes:
        from app.printing import cashup_report, receipt_slip, refund_slip

        return {
            "receipt_80mm": receipt_slip.sample_receipt_80mm, "receipt_a5": receipt_slip.sample_receipt_a5,
            "refund_slip": refund_slip.sample_refund_slip, "cashup_roll": cashup_report.sample_cashup_roll,
            "cashup_a4": cashup_report.sample_cashup_a4,
        }[name](**paper)

    return render


def _renovation_permit() -> bytes:
    from app.printing.renovation_permit import sample_renovation_permit

    return sample_renovation_permit()


def _pass_card() -> bytes:
    from app.printing.pass_card import sample_pass_card

    return sample_pass_card()


PRINT_KINDS: dict[str, PrintKind] = {
    k.name: k for k in (
        PrintKind("visitor_slip", "roll80", sample_visitor_slip, ROLL_WIDTHS),
        PrintKind("key_loan_slip", "roll80", _key_loan_slip, ROLL_WIDTHS),
        PrintKind("key_monthly_report", "a4", _key_monthly_report),
        PrintKind("parcel_label", "label60", _parcel_label, ("label60", *ROLL_WIDTHS)),
        PrintKind("parcel_notice", "roll80", _parcel_notice, ROLL_WIDTHS),
        PrintKind("dispatch_slip", "roll80", _dispatch_slip, ROLL_WIDTHS),
        PrintKind("repair_weekly_summary", "a4", _repair_weekly_summary),
        PrintKind("parcel_daily_log", "a4", _parcel_daily_log),
        PrintKind("mail_register", "a4", _mail_register),
        PrintKind("newspaper_register", "a4", _newspaper_register),
        PrintKind("newspaper_delivery_list", "a4", _newspaper_delivery_list),
        # one copy on a roll: two identical unmarked receipts would be two originals
        PrintKind("receipt_80mm", "roll80", _receipt_sample("receipt_80mm"), ROLL_WIDTHS),
        PrintKind("receipt_a5", "a5", _receipt_sample("receipt_a5")),
        PrintKind("refund_slip", "a5", _receipt_sample("refund_slip")),
        PrintKind("cashup_roll", "roll80", _receipt_sample("cashup_roll"), ROLL_WIDTHS),
        PrintKind("cashup_a4", "a4", _receipt_sample("cashup_a4")),
        PrintKind("renovation_permit", "a4", _renovation_permit),
        PrintKind("pass_card", "cr80", _pass_card),
    )
}
