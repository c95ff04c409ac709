"""Chinese capital numerals (大写) on receipts: the zero rules, table-driven."""

from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from app.errors import DomainError
from app.receipt_rules import amount_in_words, format_money, format_number, parse_number, to_money

CASES = [
    ("0", "零元整"),
    ("0.00", "零元整"),
    ("0.01", "壹分"),
    ("0.05", "伍分"),
    ("0.10", "壹角整"),
    ("0.45", "肆角伍分"),
    ("1", "壹元整"),
    ("5.00", "伍元整"),
    ("10", "壹拾元整"),
    ("16", "壹拾陆元整"),
    ("20", "贰拾元整"),
    ("100", "壹佰元整"),
    ("101", "壹佰零壹元整"),
    ("110", "壹佰壹拾元整"),
    ("123.45", "壹佰贰拾叁元肆角伍分"),
    ("123.40", "壹佰贰拾叁元肆角整"),
    ("123.05", "壹佰贰拾叁元零伍分"),
    ("325.04", "叁佰贰拾伍元零肆分"),
    ("1000", "壹仟元整"),
    ("1005", "壹仟零伍元整"),
    ("1010", "壹仟零壹拾元整"),
    ("1100", "壹仟壹佰元整"),
    ("1409.50", "壹仟肆佰零玖元伍角整"),
    ("1680.32", "壹仟陆佰捌拾元叁角贰分"),
    ("6007.14", "陆仟零柒元壹角肆分"),
    ("10000", "壹万元整"),
    ("10001", "壹万零壹元整"),
    ("10010", "壹万零壹拾元整"),
    ("10100", "壹万零壹佰元整"),
    ("11000", "壹万壹仟元整"),
    ("100000", "壹拾万元整"),
    ("100500", "壹拾万零伍佰元整"),
    ("107000.53", "壹拾万柒仟元伍角叁分"),
    ("1000500", "壹佰万零伍佰元整"),
    ("10010000", "壹仟零壹万元整"),
    ("12345678.90", "壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元玖角整"),
    ("100000000", "壹亿元整"),
    ("100001000", "壹亿零壹仟元整"),
    ("100010000", "壹亿零壹万元整"),
    ("110000000", "壹亿壹仟万元整"),
    ("1000000001", "壹拾亿零壹元整"),
    ("999999999999.99", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
    ("5.05", "伍元零伍分"),
    ("5.50", "伍元伍角整"),
    ("30.20", "叁拾元贰角整"),
]


@pytest.mark.parametrize(("amount", "words"), CASES)
def test_amount_in_words(amount: str, words: str) -> None:
    assert amount_in_words(Decimal(amount)) == words


@pytest.mark.parametrize("bad", ["-1", "1000000000000", "1.005"])
def test_amount_out_of_range_or_too_precise(bad: str) -> None:
    with pytest.raises(DomainError):
        amount_in_words(Decimal(bad))


def test_float_refused() -> None:
    with pytest.raises(DomainError):
        to_money(1.1)


_VALUE = {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
_UNIT = {"拾": 10, "佰": 100, "仟": 1000}


def _parse_words(words: str) -> Decimal:
    """An independent reader of the words, to check every amount round-trips."""
    assert words.endswith("整") != words.endswith("分")
    body = words.rstrip("整")
    fen = 0
    if "元" in body:
        yuan_part, _, small = body.partition("元")
    else:
        yuan_part, small = "", body
    total = 0
    section = 0
    digit = 0
    for ch in yuan_part:
        if ch in _VALUE:
            digit = _VALUE[ch]
        elif ch in _UNIT:
            assert digit, f"{ch} without a digit in {words}"  # 壹拾, never bare 拾
            section += digit * _UNIT[ch]
            digit = 0
        elif ch == "万":
            section += digit
            total += section * 10000
            section = digit = 0
        elif ch == "亿":
            section += digit
            total = (total + section) * 100000000
            section = digit = 0
    total += section + digit
    small = small.lstrip("零")
    if "角" in small:
        j, _, small = small.partition("角")
        fen += _VALUE[j] * 10
    if "分" in small:
        fen += _VALUE[small[0]]
    return Decimal(total) + Decimal(fen) / 100


@given(st.integers(min_value=0, max_value=99999999999999))
def test_words_round_trip(fen: int) -> None:
    amount = (Decimal(fen) / 100).quantize(Decimal("0.01"))
    words = amount_in_words(amount)
    assert "零零" not in words
    assert not words.startswith("零") or words == "零元整"
    assert "零元" not in words or words == "零元整"
    assert "零整" not in words and "零万" not in words and "零亿" not in words
    assert _parse_words(words) == amount


def test_number_format() -> None:
    assert format_number("R", 2026, 123) == "R2026-000123"
    assert parse_number(" r2026-000123 ") == ("R", 2026, 123)
    assert parse_number("RT2026-000007") == ("RT", 2026, 7)
    assert parse_number("K2026-000123") is None
    assert format_money(Decimal("1234.5")) == "¥1,234.50"
