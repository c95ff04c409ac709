"""``reception export receipts``: the receipt register as CSV or XLSX, one row per receipt.

Voided receipts stay in the export (marked, with the reason and the supervisor), so the
numbers run without gaps; refunds are shown against the receipt they paid back. Amounts are
numbers (two decimals), the total also in capitals as printed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import BinaryIO

from app.exporter import _export
from app.services import Services

#: (key, Chinese header, English header, XLSX column width)
RECEIPT_COLUMNS: tuple[tuple[str, str, str, int], ...] = (
    ("number", "收据编号", "Number", 14),
    ("issued_at", "日期", "Issued", 17),
    ("unit", "房号", "Unit", 9),
    ("payer", "交款人", "Payer", 18),
    ("items", "收费项目", "Items", 36),
    ("total", "金额", "Total", 11),
    ("words", "大写", "In words", 24),
    ("method", "付款方式", "Paid by", 10),
    ("cashier", "收款人", "Cashier", 10),
    ("shift", "班次", "Shift", 6),
    ("status", "状态", "Status", 8),
    ("void_reason", "作废原因", "Void reason", 18),
    ("void_by", "作废确认", "Void confirmed by", 10),
    ("refunded", "已退款", "Refunded", 11),
    ("note", "备注", "Note", 20),
)

WORDS = {
    "zh_CN": {"cash": "现金", "wechat": "微信支付", "alipay": "支付宝", "card": "银行卡", "transfer": "转账",
              "void": "作废", "valid": "有效"},
    "en": {"cash": "Cash", "wechat": "WeChat Pay", "alipay": "Alipay", "card": "Bank card", "transfer": "Transfer",
           "void": "void", "valid": "valid"},
}


def receipt_row_values(r, lang: str = "zh_CN") -> list[object]:  # noqa: ANN001 - ReceiptView
    """One receipt as export cells."""
    words = WORDS.get(lang, WORDS["en"])
    items = "; ".join(f"{ln.description}×{ln.quantity} {ln.amount}" for ln in r.lines)
    return [
        r.number, r.issued_at, r.unit_code, r.payer_name, items, r.total, r.total_words,
        words.get(r.method, r.method), r.issued_by, r.shift_id, words["void" if r.voided else "valid"],
        r.void_reason, r.void_approved_by, r.refunded, " ".join(p for p in (r.note, r.reference) if p),
    ]


def export_receipts(services: Services, date_from: date, date_to: date, fmt: str,
                    out: str | Path | BinaryIO | None, *, lang: str = "zh_CN") -> int:
    """Export receipts issued from ``date_from`` to ``date_to`` in number order; returns the count."""
    rows = (receipt_row_values(r, lang) for r in services.receipts.export(date_from, date_to))
    title = (f"收款收据 {date_from:%Y%m%d}-{date_to:%Y%m%d}" if lang == "zh_CN"
             else f"Receipts {date_from:%Y%m%d}-{date_to:%Y%m%d}")
    return _export(rows, RECEIPT_COLUMNS, fmt, out, title, lang)
