"""Field rules of the counter's forms: ID documents, phones, plates.

Each ``normalize_*`` returns the cleaned value or raises ``DomainError`` with a key such as
``id.checksum``. They are pure functions, shared by services, importers and tests.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from app.errors import DomainError

# GB 11643-1999: weights 2^(17-i) mod 11 and the check-character table.
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"

DOC_TYPES = ("mainland_id", "hkmt_permit", "passport", "other")


def _halfwidth(value: str | None) -> str:
    """Full-width forms a Chinese input method types (１３８, Ｘ, －, ＋) as plain ASCII."""
    return unicodedata.normalize("NFKC", value or "")


def id_check_char(first17: str) -> str:
    """The GB 11643 check character for the first 17 digits of a mainland ID number."""
    if len(first17) != 17 or not first17.isdigit():
        raise ValueError("need 17 digits")
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS))
    return _ID_CHECK[total % 11]


def normalize_mainland_id(value: str, *, today: date | None = None) -> str:
    """Validate an 18-character resident ID number (GB 11643) and return it upper-cased."""
    text = re.sub(r"\s", "", _halfwidth(value)).upper()
    if not text:
        raise DomainError("id.required")
    if len(text) != 18:
        raise DomainError("id.length", length=len(text))
    if not (text.isascii() and text[:17].isdigit() and (text[17].isdigit() or text[17] == "X")):
        raise DomainError("id.format")
    if text[:2] in ("00",) or text[0] not in "1234568":
        raise DomainError("id.region")
    try:
        born = date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        raise DomainError("id.birthdate") from None
    today = today or date.today()
    if born > today or born.year < 1900:
        raise DomainError("id.birthdate")
    if id_check_char(text[:17]) != text[17]:
        raise DomainError("id.checksum")
    return text


_HKM_PERMIT = re.compile(r"^[HM]\d{8}(\d{2})?$", re.ASCII)  # 港澳居民来往内地通行证
_TW_PERMIT = re.compile(r"^\d{8}(\d{2})?$", re.ASCII)  # 台湾居民来往大陆通行证
_PASSPORT = re.compile(r"^[A-Z0-9]{5,20}$")


def normalize_document(doc_type: str, number: str) -> str:
    """Validate a document number for its type and return its canonical form."""
    if doc_type not in DOC_TYPES:
        raise DomainError("doc.type_unknown")
    text = re.sub(r"\s", "", _halfwidth(number)).upper()
    if doc_type == "mainland_id":
        return normalize_mainland_id(text)
    if not text:
        raise DomainError("doc.required")
    if doc_type == "hkmt_permit":
        if not (_HKM_PERMIT.match(text) or _TW_PERMIT.match(text)):
            raise DomainError("doc.permit_format")
    elif doc_type == "passport":
        if not _PASSPORT.match(text):
            raise DomainError("doc.passport_format")
    elif len(text) > 32 or any(ord(c) < 32 for c in text):
        raise DomainError("doc.other_format")
    return text


_MOBILE = re.compile(r"^1[3-9]\d{9}$", re.ASCII)
_LANDLINE = re.compile(r"^0\d{2,3}\d{7,8}$", re.ASCII)
_INTERNATIONAL = re.compile(r"^\+\d{7,15}$", re.ASCII)


def normalize_phone(value: str, *, required: bool = False) -> str:
    """A mainland mobile (checked strictly), a landline with area code, or +international.

    Spaces and dashes are removed; a mainland mobile written with +86 loses the prefix, a
    landline written with +86 gets its trunk 0 back (+86 755… → 0755…).
    """
    text = re.sub(r"[\s\-()]", "", _halfwidth(value))
    if not text:
        if required:
            raise DomainError("phone.required")
        return ""
    country = text.startswith(("+86", "0086"))
    if text.startswith("+86"):
        text = text[3:]
    elif text.startswith("0086"):
        text = text[4:]
    # Area codes are 10, 2x and 3xx–9xx; mobiles start 13–19, so the two never collide.
    if country and text.startswith(("10", "2", "3", "4", "5", "6", "7", "8", "9")):
        text = "0" + text
    if text.startswith("1"):
        if not (text.isascii() and text.isdigit()):
            raise DomainError("phone.format")
        if len(text) != 11:
            raise DomainError("phone.mobile_length", length=len(text))
        if not _MOBILE.match(text):
            raise DomainError("phone.mobile_prefix")
        return text
    if _LANDLINE.match(text) or _INTERNATIONAL.match(text):
        return text
    raise DomainError("phone.format")


_PLATE = re.compile(
    r"^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领]"
    r"[A-HJ-NP-Z][A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂学警港澳]$"
)


def normalize_plate(value: str) -> str:
    """A mainland vehicle plate (ordinary or new-energy), upper-cased; empty is allowed."""
    text = re.sub(r"[\s·•\-]", "", _halfwidth(value)).upper()
    if not text:
        return ""
    if not _PLATE.match(text):
        raise DomainError("plate.format")
    return text


_BADGE = re.compile(r"^[A-Za-z0-9\-]{1,32}$")


def normalize_badge(value: str) -> str:
    """A visitor badge number: letters, digits and dashes; empty means no badge handed out."""
    text = _halfwidth(value).strip().upper()
    if not text:
        return ""
    if not _BADGE.match(text):
        raise DomainError("badge.format")
    return text


def normalize_name(value: str, *, max_length: int = 64) -> str:
    """A person's name: trimmed, inner runs of spaces collapsed, no control characters."""
    text = re.sub(r"\s+", " ", (value or "").strip())
    if not text:
        raise DomainError("name.required")
    if len(text) > max_length:
        raise DomainError("text.too_long", max=max_length)
    if any(ord(c) < 32 for c in text):
        raise DomainError("text.control_chars")
    return text


def normalize_text(value: str, *, max_length: int, required: bool = False) -> str:
    """Free text of a form field: trimmed and length-checked."""
    text = (value or "").strip()
    if not text and required:
        raise DomainError("text.required")
    if len(text) > max_length:
        raise DomainError("text.too_long", max=max_length)
    if any(ord(c) < 32 and c not in "\n\t" for c in text):
        raise DomainError("text.control_chars")
    return text
