"""What a receptionist's typed search text can mean.

One search box serves names (张三), pinyin initials (zs), phone numbers (prefix or last four
digits), units (A-1203, 3栋2单元501), document tails and badge numbers. This module turns the
text into the indexed prefix terms the repositories understand.
"""

from __future__ import annotations

import re
import unicodedata

from app.text import reverse_digits
from db.repositories.common import TextTerms

_UNIT_HINT = re.compile(r"[栋幢座单元室层号\-]|^[A-Za-z]\d|^\d+[A-Za-z]")
_DIGITS = re.compile(r"^\d+$")
_INITIALS = re.compile(r"^[A-Za-z]+$")


def terms_for(text: str) -> TextTerms:
    """The search terms for ``text``; empty terms for empty text.

    Digits: 3+ digits match a phone prefix, 4+ the last digits of a phone, 1–4 digits the
    tail of a document number, any digits a badge. Latin letters: pinyin initials and Latin
    names. Anything with unit punctuation (``-``, 栋, 单元…) also matches unit codes.
    """
    # Full-width letters and digits from a Chinese input method (ｚｓ, ５６７８) mean the same.
    t = unicodedata.normalize("NFKC", text or "").strip()
    if not t:
        return TextTerms()
    if _DIGITS.match(t):
        return TextTerms(
            phone_prefix=t if len(t) >= 3 else "",
            phone_tail_rev=reverse_digits(t) if len(t) >= 4 else "",
            doc_tail=t if len(t) <= 4 else "",
            badge=t,
            unit=t if len(t) >= 3 else "",
        )
    if _INITIALS.match(t):
        return TextTerms(initials=t.lower(), name=t, unit=t.upper() if len(t) <= 2 else "")
    unit = t.upper() if _UNIT_HINT.search(t) else ""
    upper = t.upper()
    doc_tail = upper if len(upper) <= 4 and upper[:-1].isdigit() and upper[-1:] in "0123456789X" else ""
    return TextTerms(name=t, unit=unit, badge=upper if re.match(r"^[A-Z0-9\-]+$", upper) else "",
                     doc_tail=doc_tail)
