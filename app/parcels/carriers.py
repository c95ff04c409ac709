"""Which carrier a tracking number belongs to — decided by rules kept as data.

The rules are an ordered list of ``{"carrier", "name_zh", "name_en", "pattern", "check"}``
stored in the shared setting ``parcels.carrier_rules`` (an administrator may edit them, say
when a courier changes its numbering). ``pattern`` is a regular expression that must match
the *whole* number (upper-cased, spaces and dashes removed); ``check`` names a check-digit
algorithm from :data:`CHECKS` (``"none"`` when the format has none). Several rules may
share a carrier code (SF has two formats).

How a number is decided (:func:`recognize_carrier`):

1. every rule is tried in order; the matching ones are the candidates;
2. the winner is the first candidate whose check digit is not wrong (``ok`` or ``none``);
   when every candidate's check digit fails, the first candidate wins with
   ``check_digit: "failed"`` — a probable misread (a UPS ``1Z…`` or an S10 ``EA…CN`` number
   whose check digit is wrong is almost always a misread or a typing error);
3. the other candidates' carriers whose check digit did not fail are listed in
   ``ambiguous_with`` (best guess first, then the alternatives, in table order);
4. nothing matches → carrier ``"other"``: a real parcel is never refused for its number.

Honest limits. Chinese couriers publish no format specification; the default patterns
follow the numbers seen at counters (and the public courier-lookup services' rules) and
**pure-digit numbers overlap**: a 12-digit number may be SF (old format), ZTO, STO or
FedEx Express; a 15-digit one Yunda, STO or FedEx Ground; 13-digit numbers starting with
3/4/5 are also what many European product EAN-13 barcodes look like. The table order is
the priority — letter-prefixed formats first (they are unambiguous), then the pure-digit
ones with the most specific prefix first, the broad ``12 digits → SF`` last — and the
result always says which other carriers the number could belong to. The check-digit
formats (UPS, S10, FedEx, DHL) are the only ones a misread can be detected in.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from app.errors import DomainError

OTHER = "other"
RULES_MAX = 100
PATTERN_MAX = 200
NAME_MAX = 40
CARRIER_CODE = re.compile(r"^[a-z][a-z0-9_]{0,31}$")

# -- check digits ------------------------------------------------------------------------------

S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)


def s10_check_digit(serial: str) -> int:
    """The check digit of a UPU S10 item number (``EA 12345678 9 CN``) from its 8-digit serial.

    Weights 8, 6, 4, 2, 3, 5, 9, 7; ``11 − (sum mod 11)``, where 10 becomes 0 and 11
    becomes 5 (UPU standard S10). ``s10_check_digit("12345678") == 5`` (``RA123456785CN``).

    Every single-digit error changes the remainder (11 is prime), but remainders 0 and 6 both
    give 5, so an error moving the remainder between those two is not detected.
    """
    if len(serial) != 8 or not serial.isdigit():
        raise ValueError("an S10 serial number has 8 digits")
    check = 11 - sum(int(d) * w for d, w in zip(serial, S10_WEIGHTS)) % 11
    return {10: 0, 11: 5}.get(check, check)


def _ups_value(char: str) -> int:
    """UPS maps a letter to a digit by ``(ord(c) − 63) mod 10`` (A→2 … H→9, I→0, J→1 …)."""
    return int(char) if char.isdigit() else (ord(char) - 63) % 10


def ups_check_digit(body: str) -> int:
    """The check digit of a UPS ``1Z`` number from the 15 characters between ``1Z`` and it.

    Letters become digits (:func:`_ups_value`); the characters in even positions (2nd, 4th…)
    are doubled; the check digit brings the sum up to a multiple of 10.
    ``ups_check_digit("999AA1012345678") == 4`` (``1Z999AA10123456784``).
    """
    if len(body) != 15 or not body.isalnum() or not body.isascii():
        raise ValueError("a UPS number has 15 characters between 1Z and the check digit")
    body = body.upper()
    total = sum(_ups_value(c) * (2 if i % 2 else 1) for i, c in enumerate(body))
    return (10 - total % 10) % 10


FEDEX12_WEIGHTS = (3, 1, 7)


def fedex12_check_digit(serial: str) -> int:
    """FedEx Express 12-digit number: the check digit of its first 11 digits.

    Weights 1, 3, 7 repeating from the right (3, 1, 7, 3, 1, 7… from the left of the 11
    digits), ``(sum mod 11) mod 10``. ``fedex12_check_digit("98657878885") == 5``.
    """
    if len(serial) != 11 or not serial.isdigit():
        raise ValueError("a FedEx Express serial number has 11 digits")
    total = sum(int(d) * FEDEX12_WEIGHTS[i % 3] for i, d in enumerate(serial))
    return total % 11 % 10


def mod10_check_digit(body: str, odd_weight: int = 3, even_weight: int = 1) -> int:
    """A weighted mod-10 check digit (GS1 style when counted from the right).

    Counting positions from the *left* from 1, odd positions weigh ``odd_weight`` and even
    ones ``even_weight``; the check digit brings the sum up to a multiple of 10. FedEx
    Ground 15-digit numbers use 1, 3 (``"56828361001200"`` → 0).
    """
    if not body.isdigit():
        raise ValueError("digits only")
    total = sum(int(d) * (odd_weight if i % 2 == 0 else even_weight) for i, d in enumerate(body))
    return (10 - total % 10) % 10


def fedex15_check_digit(serial: str) -> int:
    """FedEx Ground 15-digit number: the check digit of its first 14 digits (mod 10, weights 1, 3)."""
    if len(serial) != 14 or not serial.isdigit():
        raise ValueError("a FedEx Ground serial number has 14 digits")
    return mod10_check_digit(serial, odd_weight=1, even_weight=3)


def dhl_mod7_check_digit(serial: str) -> int:
    """DHL Express air waybill (10 digits): the check digit is the first 9 digits mod 7."""
    if not serial.isdigit() or not 9 <= len(serial) <= 10:
        raise ValueError("a DHL Express serial number has 9 or 10 digits")
    return int(serial) % 7


def _verify_s10(code: str) -> bool:
    return s10_check_digit(code[2:10]) == int(code[10])


def _verify_ups(code: str) -> bool:
    return code[-1].isdigit() and ups_check_digit(code[2:17]) == int(code[17])


def _verify_fedex12(code: str) -> bool:
    return fedex12_check_digit(code[:11]) == int(code[11])


def _verify_fedex15(code: str) -> bool:
    return fedex15_check_digit(code[:14]) == int(code[14])


def _verify_dhl_mod7(code: str) -> bool:
    return dhl_mod7_check_digit(code[:-1]) == int(code[-1])


#: Check-digit algorithms a rule may name. Each takes the whole (normalised) number, which
#: its rule's pattern has already matched; a number of another shape counts as failed.
CHECKS: dict[str, Callable[[str], bool] | None] = {
    "none": None,
    "s10": _verify_s10,
    "ups": _verify_ups,
    "fedex12": _verify_fedex12,
    "fedex15": _verify_fedex15,
    "dhl_mod7": _verify_dhl_mod7,
}

# -- the rules ---------------------------------------------------------------------------------


def _rule(carrier: str, zh: str, en: str, pattern: str, check: str = "none") -> dict[str, str]:
    return {"carrier": carrier, "name_zh": zh, "name_en": en, "pattern": pattern, "check": check}


#: The default table, in priority order (see the module documentation).
DEFAULT_CARRIER_RULES: tuple[dict[str, str], ...] = (
    # Letter-prefixed formats: unambiguous.
    _rule("ups", "UPS", "UPS", r"1Z[0-9A-Z]{16}", "ups"),  # 1Z + shipper 6 + service 2 + package 7 + check
    _rule("ems", "EMS / 中国邮政", "EMS / China Post", r"[A-Z]{2}\d{9}[A-Z]{2}", "s10"),  # UPU S10: EA123456785CN
    _rule("sf", "顺丰速运", "SF Express", r"SF\d{12,13}"),  # SF1234567890123
    _rule("dhl", "DHL", "DHL", r"J?JD\d{16,20}"),  # DHL Express piece ID: JD014600003828462145
    _rule("jd", "京东物流", "JD Logistics", r"JD(?:\d{11,15}|[A-Z][0-9A-Z]{10,16})"),  # JD0012345678901, JDVA…, JDX…
    _rule("yto", "圆通速递", "YTO Express", r"YT\d{10,18}"),  # YT + 13 digits today
    _rule("jt", "极兔速递", "J&T Express", r"JT\d{13}"),
    _rule("deppon", "德邦快递", "Deppon", r"DPK\d{9,15}"),
    _rule("cainiao", "菜鸟", "Cainiao", r"(?:LP|CN)\d{12,18}"),  # LP00123456789012; CN… of 14+ chars (S10 has 13)
    # Pure digits: overlapping, the most specific prefix first.
    _rule("sto", "申通快递", "STO Express", r"(?:77|66|88)\d{10,13}"),  # 12–15 digits
    _rule("zto", "中通快递", "ZTO Express", r"(?:7\d{11,13}|[35]\d{11})"),  # 12–14 digits from 7, 12 from 3/5
    _rule("yunda", "韵达快递", "Yunda Express", r"[345]\d{12,14}"),  # 13–15 digits
    _rule("ems", "EMS / 中国邮政", "EMS / China Post", r"(?:1\d{12}|9(?!7[789])\d{12})"),  # domestic EMS 1…, 邮政快递包裹 9… (not ISBN/ISSN 977–979)
    _rule("fedex", "联邦快递", "FedEx", r"\d{12}", "fedex12"),  # FedEx Express: wins only with a valid check digit
    _rule("fedex", "联邦快递", "FedEx", r"\d{15}", "fedex15"),  # FedEx Ground
    _rule("fedex", "联邦快递", "FedEx", r"(?:96\d{20}|92\d{20}|\d{20})"),  # Ground 96…, SmartPost
    _rule("sf", "顺丰速运", "SF Express", r"\d{12}"),  # SF's older all-digit numbers
    _rule("dhl", "DHL", "DHL", r"\d{10}", "dhl_mod7"),  # DHL Express air waybill
)


def default_carrier_rules() -> list[dict[str, str]]:
    """A fresh copy of the default table as stored in the setting ``parcels.carrier_rules``."""
    return [dict(r) for r in DEFAULT_CARRIER_RULES]


@dataclass(frozen=True)
class CarrierRule:
    """One rule with its regular expression compiled once."""

    carrier: str
    name_zh: str
    name_en: str
    pattern: str
    check: str = "none"
    regex: re.Pattern[str] = field(compare=False, repr=False, default=None)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if self.regex is None:
            object.__setattr__(self, "regex", re.compile(self.pattern))

    def to_json(self) -> dict[str, str]:
        return {"carrier": self.carrier, "name_zh": self.name_zh, "name_en": self.name_en,
                "pattern": self.pattern, "check": self.check}


@dataclass(frozen=True)
class CarrierMatch:
    """What :func:`recognize_carrier` makes of a number.

    ``carrier``: a carrier code (``"sf"``, ``"ems"``…) or ``"other"``; ``check_digit``:
    ``"ok"``, ``"failed"`` (a probable misread) or ``"none"`` (the format has none);
    ``ambiguous_with``: other carriers whose format the number also fits; ``pattern``: the
    winning rule's pattern (``None`` for ``other``).
    """

    carrier: str
    name_zh: str
    name_en: str
    check_digit: str = "none"
    ambiguous_with: tuple[str, ...] = ()
    pattern: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"carrier": self.carrier, "name_zh": self.name_zh, "name_en": self.name_en,
                "check_digit": self.check_digit, "ambiguous_with": list(self.ambiguous_with)}


UNRECOGNISED = CarrierMatch(OTHER, "其他", "Other")


def validate_carrier_rules(data: Any) -> list[dict[str, str]]:
    """Check a table as stored (a list of dicts); return it normalised.

    Raises ``DomainError`` (message keys ``carrier.*``) naming the 1-based ``row`` of the
    first bad rule: a carrier code that is not lower-case letters/digits/underscore, a
    missing or over-long name, a pattern that is missing, too long or does not compile, an
    unknown check-digit algorithm.
    """
    if not isinstance(data, list) or len(data) > RULES_MAX:
        raise DomainError("carrier.rules_format", max=RULES_MAX)
    out = []
    for row, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise DomainError("carrier.rules_format", max=RULES_MAX)
        carrier = item.get("carrier")
        if not isinstance(carrier, str) or not CARRIER_CODE.match(carrier) or carrier == OTHER:
            raise DomainError("carrier.code_invalid", row=row)
        names = {}
        for key in ("name_zh", "name_en"):
            name = item.get(key)
            if not isinstance(name, str) or not name.strip():
                raise DomainError("carrier.name_required", row=row)
            if len(name) > NAME_MAX:
                raise DomainError("carrier.name_too_long", row=row, max=NAME_MAX)
            names[key] = name.strip()
        pattern = item.get("pattern")
        if not isinstance(pattern, str) or not pattern.strip():
            raise DomainError("carrier.pattern_required", row=row)
        if len(pattern) > PATTERN_MAX:
            raise DomainError("carrier.pattern_too_long", row=row, max=PATTERN_MAX)
        try:
            re.compile(pattern)
        except re.error as exc:
            raise DomainError("carrier.pattern_invalid", row=row, reason=str(exc)) from None
        check = item.get("check") or "none"
        if check not in CHECKS:
            raise DomainError("carrier.check_unknown", row=row, check=str(check))
        out.append({"carrier": carrier, **names, "pattern": pattern, "check": check})
    return out


def carrier_rules_from_data(data: Any) -> list[CarrierRule]:
    """Compiled rules from the stored setting; invalid data gives the defaults (a scan never fails)."""
    return list(_compiled(json.dumps(data, sort_keys=True, ensure_ascii=False)))


@lru_cache(maxsize=16)
def _compiled(key: str) -> tuple[CarrierRule, ...]:
    try:
        data = validate_carrier_rules(json.loads(key))
    except DomainError:
        data = default_carrier_rules()
    return tuple(CarrierRule(**d) for d in data)


def _default_compiled() -> tuple[CarrierRule, ...]:
    return _compiled(_DEFAULT_KEY)


_DEFAULT_KEY = json.dumps(default_carrier_rules(), sort_keys=True, ensure_ascii=False)


def normalise(code: str) -> str:
    """What the rules see: upper case, without spaces and dashes (``sf 1234-5678…`` typed by hand)."""
    return re.sub(r"[\s\-]", "", code).upper()


def _check(rule: CarrierRule, code: str) -> str:
    verify = CHECKS.get(rule.check)
    if verify is None:
        return "none"
    try:
        return "ok" if verify(code) else "failed"
    except (ValueError, IndexError):  # an admin's pattern let through a number of another shape
        return "failed"


def recognize_carrier(code: str, rules: Sequence[CarrierRule] | Iterable[dict[str, Any]] | None = None) -> CarrierMatch:
    """The carrier of a tracking number: best guess, check-digit verdict and the alternatives.

    ``rules``: compiled :class:`CarrierRule` objects, the stored data (a list of dicts), or
    ``None`` for the defaults. See the module documentation for how a winner is chosen.
    Never raises for any text: an unknown format is ``carrier == "other"``.
    """
    if rules is None:
        compiled: Sequence[CarrierRule] = _default_compiled()
    else:
        rules = list(rules)
        compiled = rules if all(isinstance(r, CarrierRule) for r in rules) else carrier_rules_from_data(rules)
    text = normalise(code) if isinstance(code, str) else ""
    if not text:
        return UNRECOGNISED
    candidates = [(rule, _check(rule, text)) for rule in compiled if rule.regex.fullmatch(text)]
    if not candidates:
        return UNRECOGNISED
    best = next(((r, c) for r, c in candidates if c != "failed"), candidates[0])
    others: list[str] = []
    for rule, verdict in candidates:
        if verdict != "failed" and rule.carrier != best[0].carrier and rule.carrier not in others:
            others.append(rule.carrier)
    rule, verdict = best
    return CarrierMatch(rule.carrier, rule.name_zh, rule.name_en, verdict, tuple(others), rule.pattern)
