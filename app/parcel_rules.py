"""The parcel and mail rules as pure functions (DOMAIN §3): codes, types, states, batches.

No database and no Qt: ``app/services/parcels.py`` applies these in units of work.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.errors import DomainError

ITEM_TYPES = ("letter", "registered", "parcel", "parcel_notice", "magazine", "newspaper", "money_order")
#: items the recipient signs for (registered mail, parcels, money orders: 003 (8) 刷码、签收)
SIGNED_TYPES = frozenset({"registered", "parcel", "parcel_notice", "money_order"})
STATES = ("waiting", "picked_up", "returned", "disposed", "lost", "escalated")
#: states an item leaves the counter's shelf in: nothing more happens to it
FINAL_STATES = frozenset({"picked_up", "returned", "disposed", "lost"})
REPORT_KINDS = ("lost", "damaged")
ESCALATION_OUTCOMES = ("release", "return", "dispose")
BATCH_RESULTS = ("matched", "missing", "unexpected")

INTERNAL_PREFIX = "M"
MAX_CODE_LENGTH = 40
MAX_MANIFEST_LINES = 5000
_CODE = re.compile(r"[A-Z0-9][A-Z0-9\-]{4,39}")
_INTERNAL = re.compile(r"M\d{6,8}")


def normalize_code(value: str | None) -> str:
    """A tracking number as stored: half-width, upper case, no spaces.

    Raises ``DomainError("parcel.code_invalid")`` for something no barcode would carry (too
    short, control characters, Chinese…): such an item gets an internal number instead.
    """
    text = unicodedata.normalize("NFKC", value or "").strip().upper().replace(" ", "")
    if not _CODE.fullmatch(text):
        raise DomainError("parcel.code_invalid")
    return text


def format_internal(n: int) -> str:
    """The internal number printed on a label for an item without a usable barcode."""
    return f"{INTERNAL_PREFIX}{n:06d}"


def is_internal(code: str) -> bool:
    return bool(_INTERNAL.fullmatch(code or ""))


def is_signed_type(item_type: str) -> bool:
    return item_type in SIGNED_TYPES


def parse_manifest(data: str | bytes) -> list[str]:
    """The tracking numbers of a courier's CSV manifest, in order, duplicates dropped.

    The first column whose header mentions a tracking number (运单号, 单号, 快递单号,
    tracking, waybill, code) is used; without such a header, the first column. Blank lines
    are skipped; a line whose code is not a usable barcode raises
    ``DomainError("parcel.manifest_invalid", line=n)`` (1-based, as a spreadsheet counts).
    """
    if isinstance(data, bytes):
        for enc in ("utf-8-sig", "gb18030"):
            try:
                data = data.decode(enc)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise DomainError("parcel.manifest_encoding")
    rows = list(csv.reader(io.StringIO(data.lstrip("\ufeff"))))
    if not rows:
        return []
    column, start = 0, 0
    header = [c.strip().lower() for c in rows[0]]
    for i, name in enumerate(header):
        if any(word in name for word in ("运单", "单号", "tracking", "waybill", "code", "number")):
            column, start = i, 1
            break
    codes: list[str] = []
    seen: set[str] = set()
    for n, row in enumerate(rows[start:], start=start + 1):
        if not row or all(not c.strip() for c in row):
            continue
        raw = row[column] if column < len(row) else ""
        try:
            code = normalize_code(raw)
        except DomainError:
            raise DomainError("parcel.manifest_invalid", line=n) from None
        if code not in seen:
            seen.add(code)
            codes.append(code)
        if len(codes) > MAX_MANIFEST_LINES:
            raise DomainError("parcel.manifest_too_long", max=MAX_MANIFEST_LINES)
    return codes


@dataclass(frozen=True)
class BatchComparison:
    """Courier's list against what was scanned: codes matched, missing, unexpected.

    With only a typed count, ``missing_count`` / ``unexpected_count`` are the shortfall or
    excess and the code lists are empty.
    """

    expected: int
    scanned: int
    matched: tuple[str, ...]
    missing: tuple[str, ...]
    unexpected: tuple[str, ...]
    missing_count: int
    unexpected_count: int

    @property
    def ok(self) -> bool:
        return self.missing_count == 0 and self.unexpected_count == 0


def compare_batch(scanned: Sequence[str], *, manifest: Iterable[str] | None = None,
                  expected_count: int | None = None) -> BatchComparison:
    """Compare the scanned codes with the manifest (by code) or the typed count."""
    scanned_unique = list(dict.fromkeys(scanned))
    if manifest is not None:
        listed = list(dict.fromkeys(manifest))
        listed_set, scanned_set = set(listed), set(scanned_unique)
        matched = tuple(c for c in listed if c in scanned_set)
        missing = tuple(c for c in listed if c not in scanned_set)
        unexpected = tuple(c for c in scanned_unique if c not in listed_set)
        return BatchComparison(len(listed), len(scanned_unique), matched, missing, unexpected,
                               len(missing), len(unexpected))
    expected = expected_count or 0
    n = len(scanned_unique)
    return BatchComparison(expected, n, tuple(scanned_unique[:expected]), (), tuple(scanned_unique[expected:]),
                           max(expected - n, 0), max(n - expected, 0))
