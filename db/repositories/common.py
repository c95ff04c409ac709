"""Query helpers shared by repositories."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_
from sqlalchemy.sql.elements import ColumnElement

# Sorts after every real character, so [text, text+HIGH) is "starts with text".
_HIGH = "\U0010ffff"


def starts_with(column, text: str) -> ColumnElement[bool]:  # noqa: ANN001
    """``column`` starts with ``text``, written as a range so a plain B-tree index serves it.

    ``LIKE 'x%'`` only uses an index under special collations on both SQLite and PostgreSQL;
    a range comparison uses it everywhere.
    """
    return and_(column >= text, column < text + _HIGH)


@dataclass(frozen=True)
class TextTerms:
    """What a typed search text may mean; each non-empty term is one indexed prefix match.

    Built by ``app.search.terms_for`` from what the user typed; repositories OR the terms.
    """

    name: str = ""
    initials: str = ""
    phone_prefix: str = ""
    phone_tail_rev: str = ""
    unit: str = ""
    doc_tail: str = ""
    badge: str = ""

    def is_empty(self) -> bool:
        return not any(
            (self.name, self.initials, self.phone_prefix, self.phone_tail_rev, self.unit,
             self.doc_tail, self.badge)
        )
