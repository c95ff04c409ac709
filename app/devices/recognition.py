"""What a scanned code is — key tag, visitor badge, parcel… — decided by rules kept as data.

The rules are an ordered list of ``{"kind", "pattern", "description"}``; the first whose
regular expression matches wins, nothing matching means ``unknown`` (the UI asks). They are
stored in the shared database (setting ``scanner.rules``) so every counter routes a code the
same way, and a supervisor can change a pattern (say the key tags of a new cabinet) without
a new release.

Default kinds:

- ``key_tag``: ``K`` + 4–8 digits. The tag carries a number only, never the unit: the
  number maps to the key in the database (KeyTrak's advice; DOMAIN §2).
- ``visitor_badge``: ``V`` + 1–6 digits, optionally ``V-12``.
- ``pass``: ``P`` + at least 6 digits (resident passes, later), and contractor passes
  (``app/permit_rules.py``): ``PC`` + 6 digits on the card's Code 128, the same with ``-`` and
  an 8-character token in its QR code. Both go to the Renovation tab's pass check.
- ``receipt``: ``R2026-000123`` — year, dash, six-digit number; ``RT2026-000007`` for a
  refund slip; or the receipt's verification QR code (``R2026-000123|2038.45|2026-11-23|1A2B3C4D``,
  app/receipt_rules.py), which the Receipts tab compares with the register.
- ``repair_slip``: ``W2026-000042`` — a dispatch slip coming back; it opens for completion.
- ``parcel``: a permissive rule kept *last* for tracking numbers of couriers the carrier
  table does not know (letters and 9–20 digits, or 10–20 digits), which is more useful at
  the counter than asking "what is this?" for every parcel; being last, it never takes a
  code from the kinds above. It leaves out 13-digit codes starting with 69 (Chinese product
  EAN-13) or 977/978/979 (magazines' ISSN and books' ISBN), so a product barcode scanned
  by mistake is not taken for a parcel. Product EAN-13s of other countries (30–37 France,
  40–44 Germany, 45/49 Japan…) still look like Yunda numbers: unavoidable from the digits.

Carriers: anything the carrier table (``parcels.carrier_rules``, app/parcels/carriers.py)
recognises is a parcel even when no rule above matches, and every parcel's recognition
carries its :class:`~app.parcels.carriers.CarrierMatch` (carrier, check digit). The rules
above come first: a code one of them matches keeps that kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from app.errors import DomainError
from app.parcels.carriers import CarrierMatch, CarrierRule, recognize_carrier

KINDS = ("key_tag", "visitor_badge", "parcel", "pass", "receipt", "repair_slip")
UNKNOWN = "unknown"
PATTERN_MAX = 200
DESCRIPTION_MAX = 200
RULES_MAX = 50

DEFAULT_RULES: tuple[dict[str, str], ...] = (
    {"kind": "key_tag", "pattern": r"^K\d{4,8}$",
     "description": "Key tag: K and 4–8 digits (no unit number on the tag)"},
    {"kind": "visitor_badge", "pattern": r"^V-?\d{1,6}$",
     "description": "Visitor badge: V and up to 6 digits"},
    {"kind": "pass", "pattern": r"^P\d{6,}$",
     "description": "Pass: P and at least 6 digits"},
    {"kind": "pass", "pattern": r"^PC\d{6}(?:-[0-9A-Z]{8})?$",
     "description": "Contractor pass: PC and 6 digits (Code 128), or with -token (its QR code)"},
    {"kind": "receipt", "pattern": r"^RT?\d{4}-\d{6}(?:\|\d+\.\d{2}\|\d{4}-\d{2}-\d{2}\|[0-9A-F]{8})?$",
     "description": "Receipt or refund slip: R or RT, year, dash, 6-digit number (or the receipt's QR code)"},
    {"kind": "repair_slip", "pattern": r"^W\d{4}-\d{6}$",
     "description": "Repair dispatch slip: W, year, dash, 6-digit number"},
    {"kind": "parcel", "pattern": r"^M\d{6,8}$",
     "description": "Parcel without a barcode: internal number M and 6–8 digits (shelf label)"},
    {"kind": "parcel", "pattern": r"^(?!(?:69\d|97[789])\d{10}$)(?:[A-Z]{1,4}\d{9,20}[A-Z]{0,2}|\d{10,20})$",
     "description": "Parcel: other tracking numbers (letters and 9–20 digits, or 10–20 digits; "
                    "not product EAN-13 69…, ISBN/ISSN 977–979…)"},
)


@dataclass(frozen=True)
class Rule:
    """One recognition rule. ``regex`` is compiled once (``pattern`` is kept for display)."""

    kind: str
    pattern: str
    description: str = ""
    regex: re.Pattern[str] = field(compare=False, repr=False, default=None)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if self.regex is None:
            object.__setattr__(self, "regex", re.compile(self.pattern))

    def matches(self, text: str) -> bool:
        return self.regex.search(text) is not None

    def to_json(self) -> dict[str, str]:
        return {"kind": self.kind, "pattern": self.pattern, "description": self.description}


@dataclass(frozen=True)
class Recognition:
    """The result: ``kind`` (``unknown`` when no rule matched) and the rule that matched.

    For a parcel, ``carrier`` says whose number it is (carrier ``other`` when the carrier
    table does not know the format); ``rule`` is then the scanner rule that matched or, when
    only the carrier table did, a ``parcel`` rule holding the carrier rule's pattern.
    """

    kind: str
    rule: Rule | None = None
    carrier: CarrierMatch | None = None


def validate_rules_data(value: Any) -> list[dict[str, str]]:
    """Check rules as stored (a list of dicts); return them normalised.

    Raises ``DomainError`` with the 1-based ``row`` of the first bad rule: a pattern that
    does not compile, an unknown kind, a missing or over-long field.
    """
    if not isinstance(value, list) or len(value) > RULES_MAX:
        raise DomainError("scanner.rules_format", max=RULES_MAX)
    out = []
    for row, item in enumerate(value, start=1):
        if not isinstance(item, dict):
            raise DomainError("scanner.rules_format", max=RULES_MAX)
        kind = item.get("kind")
        pattern = item.get("pattern")
        description = item.get("description", "") or ""
        if kind not in KINDS:
            raise DomainError("scanner.rule_kind_unknown", row=row, kind=str(kind))
        if not isinstance(pattern, str) or not pattern.strip():
            raise DomainError("scanner.rule_pattern_required", row=row)
        if len(pattern) > PATTERN_MAX:
            raise DomainError("scanner.rule_pattern_too_long", row=row, max=PATTERN_MAX)
        if not isinstance(description, str) or len(description) > DESCRIPTION_MAX:
            raise DomainError("scanner.rule_description_too_long", row=row, max=DESCRIPTION_MAX)
        try:
            re.compile(pattern)
        except re.error as exc:
            raise DomainError("scanner.rule_pattern_invalid", row=row, reason=str(exc)) from None
        out.append({"kind": kind, "pattern": pattern, "description": description})
    return out


def default_rules_data() -> list[dict[str, str]]:
    """A fresh copy of the default rules as stored in the settings."""
    return [dict(r) for r in DEFAULT_RULES]


def rules_from_data(value: Any) -> list[Rule]:
    """Rules from the stored setting; invalid data gives the defaults (never a crash at a scan)."""
    try:
        data = validate_rules_data(value)
    except DomainError:
        data = default_rules_data()
    return [Rule(d["kind"], d["pattern"], d["description"]) for d in data]


def default_rules() -> list[Rule]:
    return rules_from_data(default_rules_data())


def recognize(text: str, rules: list[Rule] | tuple[Rule, ...],
              carriers: list[CarrierRule] | None = None) -> Recognition:
    """The first rule matching ``text`` decides; then the carrier table; none → ``unknown``.

    ``carriers``: the compiled carrier table (``None``: the defaults). A parcel's
    recognition carries its carrier.
    """
    for rule in rules:
        if rule.matches(text):
            if rule.kind == "parcel":
                return Recognition(rule.kind, rule, recognize_carrier(text, carriers))
            return Recognition(rule.kind, rule)
    match = recognize_carrier(text, carriers)
    if match.carrier != "other":
        return Recognition("parcel", Rule("parcel", f"^(?:{match.pattern})$", f"Carrier: {match.name_en}"), match)
    return Recognition(UNKNOWN, None)
