"""The print log: every attempt to print a document, kept for good."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class PrintJob(Base):
    """One print attempt of one document (``kind`` + ``ref``), successful or not.

    Append-only (the migration adds triggers): a reprint is recognised by an earlier
    successful row for the same document, and cash-up lists reprints from here.
    """

    __tablename__ = "print_job"
    __table_args__ = (Index("ix_print_job_kind_ref", "kind", "ref"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    kind: Mapped[str] = mapped_column(String(40))
    ref: Mapped[str] = mapped_column(String(80))
    printer: Mapped[str] = mapped_column(String(200))
    copies: Mapped[int] = mapped_column(Integer)
    outcome: Mapped[str] = mapped_column(String(16))  # printed | saved | failed
    reprint: Mapped[bool] = mapped_column()
    file_path: Mapped[str] = mapped_column(Text, default="")
    error: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), nullable=True)
