"""Typed errors raised by services. Each carries a message key; the UI translates it.

Keys look like ``visit.badge_in_use``; ``params`` fill the placeholders of the translated
text. Nothing in ``app/`` formats user-facing sentences.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from db.errors import StorageError  # re-exported: the UI catches it next to DomainError

__all__ = [
    "AuthenticationError", "ConflictError", "DomainError", "FieldError", "FieldErrors",
    "NotFoundError", "PermissionDeniedError", "StorageError", "ValidationError",
]


@dataclass(frozen=True)
class FieldError:
    """What is wrong with one field of a form."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)


class DomainError(Exception):
    """Base of every error a user may see. ``key`` selects the translated message."""

    def __init__(self, key: str, /, **params: Any):
        super().__init__(key if not params else f"{key} {params}")
        self.key = key
        self.params = params


class ValidationError(DomainError):
    """One or more fields are invalid; ``fields`` maps field name to its error."""

    def __init__(self, fields: dict[str, FieldError]):
        super().__init__("validation.failed", count=len(fields))
        self.fields = dict(fields)

    def __str__(self) -> str:
        return "; ".join(f"{name}: {err.key}" for name, err in self.fields.items())


class NotFoundError(DomainError):
    """The record asked for does not exist."""


class ConflictError(DomainError):
    """The action contradicts the current state (already signed out, badge in use…)."""


class PermissionDeniedError(DomainError):
    """The signed-in operator's role may not do this."""


class AuthenticationError(DomainError):
    """Wrong user name or password, or no one is signed in."""


class FieldErrors:
    """Collects field errors while a form is validated, then raises them all at once."""

    def __init__(self) -> None:
        self._errors: dict[str, FieldError] = {}

    def add(self, field_name: str, key: str, /, **params: Any) -> None:
        self._errors.setdefault(field_name, FieldError(key, params))

    def check(self, name: str, fn, value):  # noqa: ANN001 - validator callable
        """Run ``fn(value)``; on ``DomainError`` record it for ``name`` and return None."""
        try:
            return fn(value)
        except ValidationError as exc:
            for err in exc.fields.values():
                self._errors.setdefault(name, err)
        except DomainError as exc:
            self._errors.setdefault(name, FieldError(exc.key, exc.params))
        return None

    def __bool__(self) -> bool:
        return bool(self._errors)

    def raise_if_any(self) -> None:
        if self._errors:
            raise ValidationError(self._errors)
