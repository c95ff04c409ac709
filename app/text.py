"""Small text helpers used for search keys: pinyin initials, reversed phones, masking."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=4096)
def pinyin_initials(name: str) -> str:
    """Lower-case pinyin initials of a name: 张三 → ``zs``; Latin letters are kept."""
    # Imported on first use: loading pypinyin's dictionaries takes ~0.25 s, which start-up
    # would otherwise pay before the window shows (docs/PERFORMANCE.md).
    from pypinyin import Style, lazy_pinyin

    parts = lazy_pinyin(name or "", style=Style.FIRST_LETTER)
    return "".join(c for p in parts for c in p if c.isascii() and c.isalnum()).lower()[:64]


def reverse_digits(phone: str) -> str:
    """The phone reversed, so a search by its last digits is an index prefix search."""
    return (phone or "")[::-1]


def mask_document(number: str) -> str:
    """Hide the middle of an ID number: ``110105********1234``.

    Keeps the first 6 and last 4 characters of an 18-character mainland ID; shorter
    documents keep less so that at least half is always hidden.
    """
    text = number or ""
    n = len(text)
    if n == 0:
        return ""
    if n >= 15:
        head, tail = 6, 4
    elif n >= 8:
        head, tail = 2, 2
    elif n >= 4:
        head, tail = 1, 1
    else:
        return "*" * n
    return text[:head] + "*" * (n - head - tail) + text[n - tail :]


def mask_phone(phone: str) -> str:
    """``13812345678`` → ``138****5678`` for lists that leave the counter."""
    if len(phone) < 7:
        return "*" * len(phone)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]
