"""Staff accounts: the first administrator, signing in, switching operator."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sqlalchemy import func, select

from app.context import AppContext, Operator
from app.errors import (
    AuthenticationError,
    ConflictError,
    FieldError,
    FieldErrors,
    NotFoundError,
    ValidationError,
)
from app.security import ROLES, hash_password, needs_rehash, verify_password
from app.services.audit import record
from app.validation import normalize_name
from db.models import Staff

MIN_PASSWORD_LENGTH = 6
#: The account the command-line tools act as: role admin, disabled, no known password.
SYSTEM_USERNAME = "system"


@dataclass(frozen=True)
class StaffView:
    id: int
    username: str
    display_name: str
    role: str
    active: bool


def _operator(s: Staff) -> Operator:
    return Operator(id=s.id, username=s.username, display_name=s.display_name, role=s.role)


def _view(s: Staff) -> StaffView:
    return StaffView(s.id, s.username, s.display_name, s.role, s.active)


class StaffService:
    """Accounts of the people who work the counter and their sign-in."""

    def __init__(self, ctx: AppContext):
        self.ctx = ctx

    def has_any(self, *, include_system: bool = False) -> bool:
        """Whether any account exists (if not, the first-run dialog creates the administrator).

        The disabled ``system`` account of the command-line tools does not count unless
        ``include_system``: an ``import`` run on a new database must not skip the first run.
        """
        q = select(func.count(Staff.id))
        if not include_system:
            q = q.where(Staff.username != SYSTEM_USERNAME)
        with self.ctx.db.read() as s:
            return bool(s.execute(q).scalar_one())

    def system_operator(self) -> Operator:
        """The ``system`` account the command-line tools act as, created on first use.

        It is an administrator so the tools may do set-up work, but disabled and with the
        hash of a random, forgotten password, so nobody can sign in with it. Its creation is
        audited once; later calls only look it up.
        """
        with self.ctx.db.write() as s:
            staff = s.execute(select(Staff).where(Staff.username == SYSTEM_USERNAME)).scalar_one_or_none()
            if staff is None:
                staff = Staff(username=SYSTEM_USERNAME, display_name="系统", role="admin", active=False,
                              password_hash=hash_password(secrets.token_urlsafe(32)))
                s.add(staff)
                s.flush()
                record(s, staff.id, "staff.create", "staff", staff.id,
                       after={"username": SYSTEM_USERNAME, "display_name": staff.display_name,
                              "role": "admin", "active": False})
            return _operator(staff)

    def _validate(self, username: str, display_name: str, role: str, password: str) -> tuple[str, str]:
        errors = FieldErrors()
        user = (username or "").strip().lower()
        if not user:
            errors.add("username", "username.required")
        elif not all(c.isalnum() or c in "._-" for c in user) or len(user) > 64:
            errors.add("username", "username.format")
        elif user == SYSTEM_USERNAME:
            errors.add("username", "username.reserved")
        name = errors.check("display_name", normalize_name, display_name)
        if role not in ROLES:
            errors.add("role", "role.unknown")
        if len(password or "") < MIN_PASSWORD_LENGTH:
            errors.add("password", "password.too_short", min=MIN_PASSWORD_LENGTH)
        errors.raise_if_any()
        return user, name

    def _insert(self, username: str, display_name: str, role: str, password: str, by: int | None) -> StaffView:
        user, name = self._validate(username, display_name, role, password)
        with self.ctx.db.write() as s:
            if s.execute(select(Staff.id).where(Staff.username == user)).first():
                raise ValidationError({"username": FieldError("username.taken")})
            staff = Staff(username=user, display_name=name, role=role, password_hash=hash_password(password))
            s.add(staff)
            s.flush()
            record(s, by if by is not None else staff.id, "staff.create", "staff", staff.id,
                   after={"username": user, "display_name": name, "role": role})
            return _view(staff)

    def create_first_admin(self, username: str, display_name: str, password: str) -> StaffView:
        """Create the administrator of a new database; refused once any account exists."""
        if self.has_any():
            raise ConflictError("staff.already_initialised")
        return self._insert(username, display_name, "admin", password, None)

    def create(self, username: str, display_name: str, role: str, password: str) -> StaffView:
        """Create an account (administrators only)."""
        op = self.ctx.require_operator("admin")
        return self._insert(username, display_name, role, password, op.id)

    def list(self) -> list[StaffView]:
        """All accounts, by user name."""
        with self.ctx.db.read() as s:
            return [_view(x) for x in s.execute(select(Staff).order_by(Staff.username)).scalars()]

    def authenticate(self, username: str, password: str) -> Operator:
        """Check a user name and password without changing who is signed in."""
        user = (username or "").strip().lower()
        with self.ctx.db.read() as s:
            staff = s.execute(select(Staff).where(Staff.username == user)).scalar_one_or_none()
            if staff is None or not staff.active or not verify_password(staff.password_hash, password or ""):
                raise AuthenticationError("auth.bad_credentials")
            return _operator(staff)

    def sign_in(self, username: str, password: str) -> Operator:
        """Sign ``username`` in at this counter (replacing whoever was signed in); audited."""
        op = self.authenticate(username, password)
        with self.ctx.db.write() as s:
            staff = s.get(Staff, op.id)
            if needs_rehash(staff.password_hash):
                staff.password_hash = hash_password(password)
            previous = self.ctx.operator
            record(s, op.id, "staff.sign_in", "staff", op.id,
                   before={"operator": previous.username} if previous else None,
                   after={"operator": op.username})
        self.ctx.operator = op
        return op

    def sign_out(self) -> None:
        """Leave the counter signed out; audited."""
        op = self.ctx.operator
        if op is None:
            return
        with self.ctx.db.write() as s:
            record(s, op.id, "staff.sign_out", "staff", op.id)
        self.ctx.operator = None

    def change_password(self, staff_id: int, new_password: str) -> None:
        """Set a new password: one's own, or anyone's for an administrator."""
        op = self.ctx.require_operator()
        if op.id != staff_id:
            self.ctx.require_operator("admin")
        if len(new_password or "") < MIN_PASSWORD_LENGTH:
            raise ValidationError({"password": FieldError("password.too_short", {"min": MIN_PASSWORD_LENGTH})})
        with self.ctx.db.write() as s:
            staff = s.get(Staff, staff_id)
            if staff is None:
                raise NotFoundError("staff.not_found")
            if staff.username == SYSTEM_USERNAME:
                raise ConflictError("staff.system_account")  # must stay impossible to sign in as
            staff.password_hash = hash_password(new_password)
            record(s, op.id, "staff.password", "staff", staff_id)

    def set_active(self, staff_id: int, active: bool) -> StaffView:
        """Enable or disable an account (accounts are never deleted: records point at them)."""
        op = self.ctx.require_operator("admin")
        with self.ctx.db.write() as s:
            staff = s.get(Staff, staff_id)
            if staff is None:
                raise NotFoundError("staff.not_found")
            if staff.username == SYSTEM_USERNAME:
                raise ConflictError("staff.system_account")  # must stay impossible to sign in as
            before = staff.active
            staff.active = active
            record(s, op.id, "staff.set_active", "staff", staff_id, {"active": before}, {"active": active})
            return _view(staff)
