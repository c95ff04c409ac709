"""Renovation permits (装修施工许可证) and contractor passes (施工人员临时出入证), DOMAIN §6.

``RenovationPermit`` holds an application's current state (its step in the flow, the
permitted period, the fees' receipt reference) so the lists — in progress, extension due —
are indexed reads; it is changed only by ``PermitService`` (audited) and never deleted. Each
step is a row of the append-only ``RenovationPermitEvent`` register (database triggers,
migration 0008): who did it, when, who approved, the period before and after an extension.

``ContractorPass`` is one line of the pass register (装修施工人员出入证办理登记表): one card
per worker, its validity (never past the permit's end), who signed for it, the card fee and
deposit with their receipt reference, and whether it came back or was lost. What happened to
a pass (issued, renewed, returned, lost) is in the append-only ``ContractorPassEvent``.
Workers' ID numbers are stored in full and shown masked to receptionists, as for visitors.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, Money


class RenovationPermit(Base):
    """One renovation application and, once issued, its permit: the current state."""

    __tablename__ = "renovation_permit"
    __table_args__ = (
        Index("ix_renovation_permit_state_end", "state", "ends_on"),
        Index("ix_renovation_permit_unit", "unit_id", "id"),
        Index("ix_renovation_permit_applied", "applied_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: "RP2026-0001": year and a gapless yearly sequence, given when the application is taken
    number: Mapped[str] = mapped_column(String(16), unique=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"))
    occupant_id: Mapped[int | None] = mapped_column(ForeignKey("occupant.id"), nullable=True)
    #: owner | tenant
    applicant_kind: Mapped[str] = mapped_column(String(16))
    applicant_name: Mapped[str] = mapped_column(String(64))
    applicant_phone: Mapped[str] = mapped_column(String(32), default="")
    #: the signed application form (装修申请表, signed by the owner) was handed in
    form_signed: Mapped[bool] = mapped_column(Boolean, default=False)
    contractor_company: Mapped[str] = mapped_column(String(128))
    site_lead_name: Mapped[str] = mapped_column(String(64))
    site_lead_phone: Mapped[str] = mapped_column(String(32), default="")
    scope: Mapped[str] = mapped_column(Text)
    #: applied | fees_paid | drawings_reviewed | checked | approved | issued | in_progress |
    #: extended | finished | rejected | cancelled
    state: Mapped[str] = mapped_column(String(20))
    state_at: Mapped[datetime] = mapped_column(DateTime)
    #: the renovation period in days (45 by default; larger projects as agreed)
    period_days: Mapped[int] = mapped_column(Integer)
    planned_start: Mapped[date] = mapped_column(Date)
    #: the permitted period, inclusive, set when the permit is issued and moved by extensions
    starts_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    ends_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    extensions: Mapped[int] = mapped_column(Integer, default=0)
    #: the fees-paid step: the receipt number typed or scanned (linking to receipts comes later)
    fee_receipt_no: Mapped[str] = mapped_column(String(32), default="")
    deposit: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    debris_fee: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    water_fee: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), nullable=True)
    applied_at: Mapped[datetime] = mapped_column(DateTime)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    note: Mapped[str] = mapped_column(Text, default="")


class RenovationPermitEvent(Base):
    """One step of a permit's flow, as it happened. Append-only."""

    __tablename__ = "renovation_permit_event"
    __table_args__ = (
        Index("ix_renovation_permit_event_permit", "permit_id", "id"),
        Index("ix_renovation_permit_event_kind_at", "kind", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    permit_id: Mapped[int] = mapped_column(ForeignKey("renovation_permit.id"))
    #: applied | fees_paid | drawings_reviewed | drawings_returned | checked | check_failed |
    #: approved | rejected | issued | started | extended | finished | cancelled
    kind: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(DateTime)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    #: a manager who approved at the counter with their own password (else the operator)
    approver_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), nullable=True)
    from_state: Mapped[str] = mapped_column(String(20))
    to_state: Mapped[str] = mapped_column(String(20))
    #: the engineering reviewer, whoever asked for an extension…
    person: Mapped[str] = mapped_column(String(64), default="")
    detail: Mapped[str] = mapped_column(Text, default="")
    receipt_no: Mapped[str] = mapped_column(String(32), default="")
    old_end: Mapped[date | None] = mapped_column(Date, nullable=True)
    new_end: Mapped[date | None] = mapped_column(Date, nullable=True)


class ContractorPass(Base):
    """One worker's temporary pass (施工人员临时出入证): a line of the pass register."""

    __tablename__ = "contractor_pass"
    __table_args__ = (
        Index("ix_contractor_pass_permit", "permit_id", "id"),
        Index("ix_contractor_pass_status_to", "status", "valid_to"),
        Index("ix_contractor_pass_issued", "issued_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: "PC000042": printed as Code 128 on the card; a gapless sequence
    number: Mapped[str] = mapped_column(String(16), unique=True)
    #: random characters in the card's QR code: a copied Code 128 alone does not verify
    token: Mapped[str] = mapped_column(String(16))
    permit_id: Mapped[int] = mapped_column(ForeignKey("renovation_permit.id"))
    worker_name: Mapped[str] = mapped_column(String(64))
    doc_type: Mapped[str] = mapped_column(String(16))
    #: stored in full; shown masked to receptionists, in exports, audit rows and on the card
    doc_number: Mapped[str] = mapped_column(String(32))
    trade: Mapped[str] = mapped_column(String(32))
    phone: Mapped[str] = mapped_column(String(32), default="")
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date] = mapped_column(Date)
    #: owner | tenant | site_lead: who signed for the pass (须有业主/租户或施工负责人签名)
    signer_kind: Mapped[str] = mapped_column(String(16))
    signer_name: Mapped[str] = mapped_column(String(64))
    fee: Mapped[Decimal] = mapped_column(Money)
    deposit: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    receipt_no: Mapped[str] = mapped_column(String(32), default="")
    #: active | returned | lost (expiry is by date, never a stored state)
    status: Mapped[str] = mapped_column(String(16))
    has_photo: Mapped[bool] = mapped_column(Boolean, default=False)
    #: the pass this one replaces (a lost card)
    replaces_id: Mapped[int | None] = mapped_column(ForeignKey("contractor_pass.id"), nullable=True)
    issued_at: Mapped[datetime] = mapped_column(DateTime)
    issued_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    closed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), nullable=True)


class ContractorPassPhoto(Base):
    """The worker's photo printed on the card (optional). Append-only."""

    __tablename__ = "contractor_pass_photo"

    pass_id: Mapped[int] = mapped_column(ForeignKey("contractor_pass.id"), primary_key=True)
    image: Mapped[bytes] = mapped_column(LargeBinary)


class ContractorPassEvent(Base):
    """What happened to a pass: issued, renewed, returned, lost. Append-only."""

    __tablename__ = "contractor_pass_event"
    __table_args__ = (Index("ix_contractor_pass_event_pass", "pass_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pass_id: Mapped[int] = mapped_column(ForeignKey("contractor_pass.id"))
    kind: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(DateTime)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    old_valid_to: Mapped[date | None] = mapped_column(Date, nullable=True)
    new_valid_to: Mapped[date | None] = mapped_column(Date, nullable=True)
    detail: Mapped[str] = mapped_column(Text, default="")
