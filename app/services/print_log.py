"""The print log: every attempt to print a document, and whether it is a reprint.

A document is named by its ``kind`` (``receipt``, ``visitor_slip``…) and ``ref`` (its
number or id). The first successful print is the original; any later print of the same
document is a reprint and must carry the "补打 / REPRINT" stamp
(:func:`app.printing.stamp.stamp_pdf`). Failed attempts are logged too but do not make the
next print a reprint: nothing left the printer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from app.context import AppContext
from app.errors import FieldError, ValidationError
from app.services import audit
from db.models import PrintJob, now

#: Outcomes of an attempt; the first two mean the document left the counter.
OUTCOMES = ("printed", "saved", "failed")
_DONE = ("printed", "saved")


@dataclass(frozen=True)
class PrintJobView:
    id: int
    at: datetime
    kind: str
    ref: str
    printer: str
    copies: int
    outcome: str
    reprint: bool
    file_path: str
    error: str
    operator_id: int | None


def _view(j: PrintJob) -> PrintJobView:
    return PrintJobView(j.id, j.at, j.kind, j.ref, j.printer, j.copies, j.outcome, j.reprint,
                        j.file_path, j.error, j.created_by_id)


class PrintLogService:
    """Recording print attempts and answering "was this printed before?"."""

    def __init__(self, ctx: AppContext):
        self.ctx = ctx

    def is_reprint(self, kind: str, ref: str | int) -> bool:
        """Whether ``kind``/``ref`` has already been printed (or saved to the PDF folder)."""
        with self.ctx.db.read() as s:
            return s.execute(
                select(PrintJob.id).where(PrintJob.kind == kind, PrintJob.ref == str(ref),
                                          PrintJob.outcome.in_(_DONE)).limit(1)
            ).first() is not None

    def record(self, kind: str, ref: str | int, *, printer: str, copies: int = 1,
               outcome: str = "printed", file_path: str = "", error: str = "") -> PrintJobView:
        """Log one attempt (one unit of work, audited); ``reprint`` is decided here.

        Call it after the printer accepted or refused the job. The reprint flag is computed
        in the same transaction as the insert, so two counters printing the same document at
        once still yield exactly one original.
        """
        op = self.ctx.require_operator()
        errors: dict[str, FieldError] = {}
        if not kind or len(kind) > 40:
            errors["kind"] = FieldError("print.kind_invalid")
        if len(str(ref)) > 80:
            errors["ref"] = FieldError("print.ref_too_long")
        if outcome not in OUTCOMES:
            errors["outcome"] = FieldError("print.outcome_invalid")
        if not 1 <= copies <= 99:
            errors["copies"] = FieldError("print.copies_range", {"min": 1, "max": 99})
        if errors:
            raise ValidationError(errors)
        with self.ctx.db.write() as s:
            earlier = s.execute(
                select(PrintJob.id).where(PrintJob.kind == kind, PrintJob.ref == str(ref),
                                          PrintJob.outcome.in_(_DONE)).limit(1)
            ).first() is not None
            job = PrintJob(at=now(), kind=kind, ref=str(ref), printer=printer[:200] or "?",
                           copies=copies, outcome=outcome, reprint=earlier,
                           file_path=file_path, error=error[:2000], created_by_id=op.id)
            s.add(job)
            s.flush()
            audit.record(s, op.id, "print.job", "print_job", job.id, after={
                "kind": kind, "ref": str(ref), "printer": job.printer, "copies": copies,
                "outcome": outcome, "reprint": earlier,
            })
            return _view(job)

    def jobs(self, *, kind: str | None = None, ref: str | int | None = None,
             since: datetime | None = None, until: datetime | None = None,
             reprints_only: bool = False, limit: int = 1000) -> list[PrintJobView]:
        """Print attempts, oldest first, filtered (e.g. the reprints of one shift)."""
        q = select(PrintJob).order_by(PrintJob.id)
        if kind is not None:
            q = q.where(PrintJob.kind == kind)
        if ref is not None:
            q = q.where(PrintJob.ref == str(ref))
        if since is not None:
            q = q.where(PrintJob.at >= since)
        if until is not None:
            q = q.where(PrintJob.at < until)
        if reprints_only:
            q = q.where(PrintJob.reprint.is_(True), PrintJob.outcome.in_(_DONE))
        with self.ctx.db.read() as s:
            return [_view(j) for j in s.execute(q.limit(limit)).scalars()]
