"""The key cabinet (钥匙管理): key sets, intake, loans, events, emergencies, spot checks.

A *key set* is what hangs on one hook under one tag: one key or several copies of the same
lock. The tag shows only ``tag_code`` (``K00042``): which door it opens lives in this
database, never on the tag, so a lost tag does not lead anyone to a door.

The registers are append-only (database triggers, see migration 0003): the intake register
(钥匙交接验收统计表), loans (钥匙借用登记表) and what happened to them (returns, overnight
acknowledgements), the key events (lost, found, lock changed, retired, handed over, copy
refused), emergency uses and spot-check scans and results. ``KeySet`` holds the current
state (status, count, hook) for fast look-ups; every change to it is audited and leaves a
row in one of the registers.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class KeySet(Base):
    """One tag on one hook: the current state of a key or a set of copies of one lock."""

    __tablename__ = "key_set"
    __table_args__ = (
        Index("ix_key_set_status", "status", "category"),
        Index("ix_key_set_hook", "hook", "status"),
        Index("ix_key_set_unit", "unit_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: printed on the tag (Code 128): "K" + a gapless sequence, never a unit number
    tag_code: Mapped[str] = mapped_column(String(16), unique=True)
    #: cabinet hook/slot, e.g. "A-012"
    hook: Mapped[str] = mapped_column(String(16))
    #: unit (owner-entrusted) | public | equipment | store
    category: Mapped[str] = mapped_column(String(16))
    #: what it opens: "入户门", "A栋天台门", "1号配电房"
    label: Mapped[str] = mapped_column(String(128))
    #: the area the cabinet is sorted by: "A栋", "地下车库", "会所"
    area: Mapped[str] = mapped_column(String(64), default="")
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), nullable=True)
    #: the owner who entrusted an owner's spare key
    occupant_id: Mapped[int | None] = mapped_column(ForeignKey("occupant.id"), nullable=True)
    #: keys on the tag now
    key_count: Mapped[int] = mapped_column(Integer)
    #: keys the set should have (as supplied, or after the last lock change)
    original_count: Mapped[int] = mapped_column(Integer)
    #: public-area spares sealed with security (one key stays in the cabinet)
    sealed_spares: Mapped[int] = mapped_column(Integer, default=0)
    #: in | out | lost | retired | handed_over
    status: Mapped[str] = mapped_column(String(16))
    lock_changes: Mapped[int] = mapped_column(Integer, default=0)
    #: the open loan while status is "out" (no foreign key: key_loan refers to this table)
    current_loan_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))


class KeyOutstanding(Base):
    """One line of the outstanding-keys register (尚未移交钥匙统计表): keys still owed."""

    __tablename__ = "key_outstanding"

    id: Mapped[int] = mapped_column(primary_key=True)
    location: Mapped[str] = mapped_column(String(128))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), nullable=True)
    category: Mapped[str] = mapped_column(String(16))
    count_owed: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    closed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True, index=True)
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), nullable=True)
    close_note: Mapped[str] = mapped_column(Text, default="")


class KeyOutstandingNote(Base):
    """A follow-up note on an outstanding entry: time, author, text. Append-only."""

    __tablename__ = "key_outstanding_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    outstanding_id: Mapped[int] = mapped_column(ForeignKey("key_outstanding.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    note: Mapped[str] = mapped_column(Text)


class KeyIntake(Base):
    """One line of the handover register (钥匙交接验收统计表). Append-only."""

    __tablename__ = "key_intake"
    __table_args__ = (Index("ix_key_intake_at", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key_set_id: Mapped[int] = mapped_column(ForeignKey("key_set.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    #: developer | owner | engineering
    source: Mapped[str] = mapped_column(String(16))
    #: building/unit or place as written in the register
    location: Mapped[str] = mapped_column(String(128))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), nullable=True)
    key_count: Mapped[int] = mapped_column(Integer)
    condition: Mapped[str] = mapped_column(String(64))
    handed_over_by: Mapped[str] = mapped_column(String(64))
    received_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    outstanding_id: Mapped[int | None] = mapped_column(
        ForeignKey("key_outstanding.id"), nullable=True, index=True
    )
    note: Mapped[str] = mapped_column(Text, default="")


class KeyLoan(Base):
    """One line of the loan register (钥匙借用登记表), written once at check-out.

    The return, overnight acknowledgements and a loss while out are ``KeyLoanEvent`` rows;
    the loan itself is never changed (trigger).
    """

    __tablename__ = "key_loan"
    __table_args__ = (
        Index("ix_key_loan_key", "key_set_id", "id"),
        Index("ix_key_loan_out_at", "out_at", "id"),
        Index("ix_key_loan_borrower", "borrower_name", "out_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    key_set_id: Mapped[int] = mapped_column(ForeignKey("key_set.id"))
    out_at: Mapped[datetime] = mapped_column(DateTime)
    due_at: Mapped[datetime] = mapped_column(DateTime)
    quantity: Mapped[int] = mapped_column(Integer)
    purpose: Mapped[str] = mapped_column(String(128))
    #: staff | contractor | occupant
    borrower_kind: Mapped[str] = mapped_column(String(16))
    borrower_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), nullable=True)
    borrower_occupant_id: Mapped[int | None] = mapped_column(ForeignKey("occupant.id"), nullable=True)
    borrower_name: Mapped[str] = mapped_column(String(64))
    borrower_company: Mapped[str] = mapped_column(String(128), default="")
    borrower_phone: Mapped[str] = mapped_column(String(32), default="")
    borrower_doc_type: Mapped[str] = mapped_column(String(16), default="")
    #: stored in full; shown masked to receptionists, in exports, audit rows and on slips
    borrower_doc_number: Mapped[str] = mapped_column(String(32), default="")
    #: the staff member who agreed to lend a public-area key (需经管理人员同意)
    consent_by: Mapped[str] = mapped_column(String(64), default="")
    manager_approver_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), nullable=True)
    manager_approved_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    gm_approver_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), nullable=True)
    gm_approved_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    #: engineering repairs may keep a key overnight (recorded as such)
    engineering_repair: Mapped[bool] = mapped_column(Boolean, default=False)
    #: taken out under an emergency record (fire, flooding)
    emergency: Mapped[bool] = mapped_column(Boolean, default=False)
    #: the borrower signed on screen (key_loan_signature) or on the printed slip
    signed_on_screen: Mapped[bool] = mapped_column(Boolean, default=False)
    signed_on_slip: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    handled_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))


class KeyLoanSignature(Base):
    """The borrower's signature captured on screen (PNG), apart so loan rows stay small."""

    __tablename__ = "key_loan_signature"

    loan_id: Mapped[int] = mapped_column(ForeignKey("key_loan.id"), primary_key=True)
    png: Mapped[bytes] = mapped_column(LargeBinary)


class KeyLoanEvent(Base):
    """What happened to a loan after check-out. Append-only.

    ``kind``: ``return`` (signed back by ``staff_id``), ``lost`` (the borrower lost it; the
    loan ends) or ``overnight_ack`` (still out after the end of the day ``night``,
    acknowledged with a note when the shift closed).
    """

    __tablename__ = "key_loan_event"
    __table_args__ = (Index("ix_key_loan_event_loan", "loan_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    loan_id: Mapped[int] = mapped_column(ForeignKey("key_loan.id"))
    kind: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(DateTime)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    quantity: Mapped[int | None] = mapped_column(Integer, nullable=True)
    #: who brought the key back, if not the borrower
    returned_by: Mapped[str] = mapped_column(String(64), default="")
    night: Mapped[date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class KeyEvent(Base):
    """A change to a key set outside loans. Append-only.

    ``kind``: ``lost``, ``found``, ``lock_change``, ``retire``, ``hand_over``,
    ``copy_refused``, ``add_keys``. ``count_delta`` is the change in keys held in custody
    (monthly statistics add them up); ``count`` the keys concerned.
    """

    __tablename__ = "key_event"
    __table_args__ = (
        Index("ix_key_event_key", "key_set_id", "id"),
        Index("ix_key_event_kind_at", "kind", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    key_set_id: Mapped[int] = mapped_column(ForeignKey("key_set.id"))
    kind: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(DateTime)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    approver_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), nullable=True)
    count: Mapped[int] = mapped_column(Integer, default=0)
    count_delta: Mapped[int] = mapped_column(Integer, default=0)
    #: who lost it, who asked for a copy, who received it (owner, engineering)
    person: Mapped[str] = mapped_column(String(64), default="")
    #: retirement reason: lock_changed | incomplete
    reason: Mapped[str] = mapped_column(String(32), default="")
    loan_id: Mapped[int | None] = mapped_column(ForeignKey("key_loan.id"), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class KeyEmergency(Base):
    """An owner's spare key used in an emergency, and who was told first. Append-only."""

    __tablename__ = "key_emergency"

    id: Mapped[int] = mapped_column(primary_key=True)
    key_set_id: Mapped[int] = mapped_column(ForeignKey("key_set.id"), index=True)
    loan_id: Mapped[int] = mapped_column(ForeignKey("key_loan.id"))
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    #: fire | flooding | other
    emergency: Mapped[str] = mapped_column(String(16))
    description: Mapped[str] = mapped_column(Text)
    #: owner | emergency_contact
    contacted: Mapped[str] = mapped_column(String(24))
    contact_name: Mapped[str] = mapped_column(String(64))
    contact_phone: Mapped[str] = mapped_column(String(32), default="")
    #: phone | sms | wechat | in_person | other
    contact_method: Mapped[str] = mapped_column(String(16))
    contacted_at: Mapped[datetime] = mapped_column(DateTime)
    #: how the owner was tried before the emergency contact was called
    owner_attempt: Mapped[str] = mapped_column(Text, default="")
    staff_present_1: Mapped[str] = mapped_column(String(64))
    staff_present_2: Mapped[str] = mapped_column(String(64))
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))


class KeySpotCheck(Base):
    """A spot check of the cabinet: every tag scanned, compared with the register."""

    __tablename__ = "key_spot_check"

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    started_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    finished_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), nullable=True)
    matched: Mapped[int] = mapped_column(Integer, default=0)
    missing: Mapped[int] = mapped_column(Integer, default=0)
    unexpected: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")


class KeySpotScan(Base):
    """One tag read during a spot check (kept as scanned, duplicates too). Append-only."""

    __tablename__ = "key_spot_scan"

    id: Mapped[int] = mapped_column(primary_key=True)
    check_id: Mapped[int] = mapped_column(ForeignKey("key_spot_check.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    code: Mapped[str] = mapped_column(String(64))
    key_set_id: Mapped[int | None] = mapped_column(ForeignKey("key_set.id"), nullable=True)


class KeySpotItem(Base):
    """The result of a finished spot check, one row per key concerned. Append-only.

    ``result``: ``matched`` (in the cabinet and scanned), ``missing`` (should be in, not
    scanned) or ``unexpected`` (scanned, but recorded out/lost/retired/handed over, or an
    unknown code). ``status`` is the key's recorded status at the check.
    """

    __tablename__ = "key_spot_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    check_id: Mapped[int] = mapped_column(ForeignKey("key_spot_check.id"), index=True)
    key_set_id: Mapped[int | None] = mapped_column(ForeignKey("key_set.id"), nullable=True)
    code: Mapped[str] = mapped_column(String(64))
    result: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default="")
