"""Who is acting and on which database: the state every service call needs."""

from __future__ import annotations

from dataclasses import dataclass

from app.errors import AuthenticationError, PermissionDeniedError
from app.security import role_at_least, sees_full_documents
from db.engine import Database


@dataclass(frozen=True)
class Operator:
    """The staff member signed in at the counter (a shared PC switches between them)."""

    id: int
    username: str
    display_name: str
    role: str

    @property
    def sees_full_documents(self) -> bool:
        return sees_full_documents(self.role)


class AppContext:
    """The open database and the current operator, shared by all services of one counter."""

    def __init__(self, db: Database, operator: Operator | None = None):
        self.db = db
        self.operator = operator

    def require_operator(self, minimum_role: str = "receptionist") -> Operator:
        """The signed-in operator, or an error when nobody is signed in or the role is too low."""
        if self.operator is None:
            raise AuthenticationError("auth.not_signed_in")
        if not role_at_least(self.operator.role, minimum_role):
            raise PermissionDeniedError("auth.role_required", role=minimum_role)
        return self.operator
