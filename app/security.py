"""Roles, what each may do, and password hashing (argon2id)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

#: Ranked lowest first. ``general_manager`` (总经理) approves key loans longer than a day
#: (DOMAIN §2); it ranks above the management-office manager and below ``admin``, which
#: stays the all-powers account a new installation starts with.
ROLES = ("receptionist", "supervisor", "manager", "general_manager", "admin")
_RANK = {role: i for i, role in enumerate(ROLES)}

_hasher = PasswordHasher()


def role_at_least(role: str, minimum: str) -> bool:
    """True when ``role`` ranks at or above ``minimum`` (receptionist < … < general_manager < admin)."""
    return _RANK.get(role, -1) >= _RANK[minimum]


def sees_full_documents(role: str) -> bool:
    """Supervisors and above see full ID numbers; receptionists see them masked."""
    return role_at_least(role, "supervisor")


def hash_password(password: str) -> str:
    """An argon2id hash of ``password`` (no length limit, unlike bcrypt's 72 bytes)."""
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """Whether ``password`` matches ``password_hash``; never raises for a bad password."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)
