"""Rules of the counter's receipts (收款收据, DOMAIN §5) as pure functions: no database, no Qt.

- Money is ``Decimal`` with two decimals (fen), never a float.
- The amount in words follows the rules for Chinese capital numerals on receipts and
  vouchers (《正确填写票据和结算凭证的基本规定》): 壹…玖 with 拾佰仟万亿; ``整`` after 元 or
  角 when nothing follows; ``壹拾`` even at the start; one ``零`` for a run of zeros inside
  the number (壹仟零伍元整, 壹拾万零伍佰元整, 壹亿零壹仟元整); no ``零`` for zeros at the
  end (壹万元整); ``元零X分`` when 角 is zero and 分 is not (叁佰贰拾伍元零肆分); less than one
  yuan starts at 角 or 分 (伍角整, 伍分); nothing at all is 零元整. When the 元 digit is zero
  and 角 is not, the rules allow either way: we write no ``零`` (壹仟陆佰捌拾元叁角贰分).
- Numbers are ``<series><year>-<6 digits>`` (``R2026-000123``), gapless per series and year.
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from app.errors import DomainError

CENT = Decimal("0.01")
#: the largest amount one receipt may carry (and the words can spell): under 1 000 000 000 000
MAX_AMOUNT = Decimal("999999999999.99")
#: what one line may cost / how many of it one line may carry
MAX_LINE_PRICE = Decimal("9999999.99")
MAX_QUANTITY = 9999

PAYMENT_METHODS = ("cash", "wechat", "alipay", "card", "transfer")
PAYER_KINDS = ("occupant", "company", "other")

RECEIPT_SERIES = "R"
REFUND_SERIES = "RT"
_NUMBER = re.compile(r"^(R[A-Z]{0,2})(\d{4})-(\d{6})$")
_SERIES = re.compile(r"^R[A-Z]{0,2}$")

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_BIG_UNITS = ("", "万", "亿")


def to_money(value: object) -> Decimal:
    """``value`` as money (two decimals); refuses floats and more than two decimals."""
    if isinstance(value, float):
        raise DomainError("receipt.money_float")
    try:
        d = Decimal(str(value).strip().replace(",", "").lstrip("¥￥")) if not isinstance(value, Decimal) else value
    except (InvalidOperation, ValueError):
        raise DomainError("receipt.money_invalid") from None
    if not d.is_finite():
        raise DomainError("receipt.money_invalid")
    if d != d.quantize(CENT, rounding=ROUND_HALF_UP):
        raise DomainError("receipt.money_decimals")
    return d.quantize(CENT)


def format_money(value: Decimal) -> str:
    """``¥1,234.50``: yuan sign, thousands separators, always two decimals."""
    d = Decimal(value).quantize(CENT)
    sign = "-" if d < 0 else ""
    return f"{sign}¥{abs(d):,.2f}"


def _four(group: int) -> str:
    """0 < group < 10000 in words, with one 零 for zeros inside it and none at its end."""
    out = ""
    zero = False
    for pos in range(3, -1, -1):
        digit = group // 10 ** pos % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += _DIGITS[digit] + _SMALL_UNITS[pos]
    return out


def _yuan_words(n: int) -> str:
    groups = []
    while n:
        groups.append(n % 10000)
        n //= 10000
    out = ""
    need_zero = False
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if g == 0:
            need_zero = bool(out)
            continue
        # a zero between groups: 壹万零伍佰 (the lower group has no thousands) or a group skipped
        if out and (need_zero or g < 1000):
            out += "零"
        out += _four(g) + _BIG_UNITS[i]
        need_zero = False
    return out


def amount_in_words(amount: Decimal) -> str:
    """The amount in Chinese capital numerals (大写), e.g. ``壹佰贰拾叁元肆角伍分``.

    Refunds and totals are never negative; a negative amount or one of a trillion or more
    is refused.
    """
    d = to_money(amount)
    if d < 0 or d > MAX_AMOUNT:
        raise DomainError("receipt.amount_range")
    fen_total = int(d * 100)
    yuan, rest = divmod(fen_total, 100)
    jiao, fen = divmod(rest, 10)
    out = _yuan_words(yuan) + "元" if yuan else ""
    if jiao == 0 and fen == 0:
        return (out or "零元") + "整"
    if jiao:
        out += _DIGITS[jiao] + "角"
        return out + (_DIGITS[fen] + "分" if fen else "整")
    if yuan:
        out += "零"
    return out + _DIGITS[fen] + "分"


def format_number(series: str, year: int, seq: int) -> str:
    """``R2026-000123``."""
    return f"{series}{year:04d}-{seq:06d}"


def parse_number(text: str) -> tuple[str, int, int] | None:
    """``(series, year, seq)`` of a receipt or refund-slip number as printed, else None."""
    m = _NUMBER.match((text or "").strip().upper())
    if m is None:
        return None
    return m.group(1), int(m.group(2)), int(m.group(3))


def valid_series(series: str) -> bool:
    """A series is R and up to two more capital letters (so the scanner rule knows it)."""
    return bool(_SERIES.match(series or ""))


def counter_name(series: str, year: int) -> str:
    """The ``counter`` row that numbers one series in one year."""
    return f"receipt:{series}:{year:04d}"


def line_amount(unit_price: Decimal, quantity: int) -> Decimal:
    """What one line costs: price × quantity, exact in fen."""
    return (to_money(unit_price) * quantity).quantize(CENT)


_VERIFY = re.compile(r"^(R[A-Z]{0,2}\d{4}-\d{6})\|(\d+\.\d{2})\|(\d{4}-\d{2}-\d{2})\|([0-9A-F]{8})$")


def verification_check(number: str, total: Decimal, issued_at: datetime, payer: str) -> str:
    """Eight hex digits binding a receipt's number, total, time and payer together.

    Not a secret signature: it catches a printed amount or payer altered by hand, and the
    counter compares the QR's figures with the register, which is what proves a receipt.
    """
    payload = f"{number}|{to_money(total)}|{issued_at:%Y-%m-%d %H:%M}|{payer}"
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:8].upper()


def verification_text(number: str, total: Decimal, issued_at: datetime, payer: str) -> str:
    """What the receipt's QR code holds: ``R2026-000123|2038.45|2026-11-23|1A2B3C4D``."""
    return (f"{number}|{to_money(total)}|{issued_at:%Y-%m-%d}|"
            f"{verification_check(number, total, issued_at, payer)}")


def parse_verification(text: str) -> tuple[str, Decimal, str, str] | None:
    """``(number, total, date, check)`` of a scanned receipt QR code, else None."""
    m = _VERIFY.match((text or "").strip())
    if m is None:
        return None
    return m.group(1), Decimal(m.group(2)), m.group(3), m.group(4)


def receipt_number_of(text: str) -> str | None:
    """The receipt or refund-slip number in a scanned code: the bare number or the QR text."""
    v = parse_verification(text)
    if v is not None:
        return v[0]
    parsed = parse_number(text)
    return format_number(*parsed) if parsed else None
