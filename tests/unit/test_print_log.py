"""The print log: every attempt recorded, reprints recognised, stamps laid over real PDFs."""

from __future__ import annotations

import io
import threading

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from app.errors import AuthenticationError, ValidationError
from app.printing.samples import PRINT_KINDS
from app.printing.stamp import stamp_pdf
from app.services import Services
from app.context import AppContext
from db.engine import Database, make_engine


def test_first_print_is_the_original_and_later_ones_are_reprints(svc):
    assert not svc.print_log.is_reprint("receipt", "R2026-000001")
    first = svc.print_log.record("receipt", "R2026-000001", printer="EPSON TM-T82", copies=2)
    assert not first.reprint and first.outcome == "printed" and first.copies == 2
    assert svc.print_log.is_reprint("receipt", "R2026-000001")
    again = svc.print_log.record("receipt", "R2026-000001", printer="EPSON TM-T82")
    assert again.reprint
    # another document is unaffected
    assert not svc.print_log.is_reprint("receipt", "R2026-000002")
    assert [j.id for j in svc.print_log.jobs(reprints_only=True)] == [again.id]


def test_a_failed_attempt_is_logged_but_does_not_make_a_reprint(svc):
    failed = svc.print_log.record("visitor-slip", 7, printer="Offline", outcome="failed", error="paper out")
    assert failed.outcome == "failed" and not failed.reprint
    assert not svc.print_log.is_reprint("visitor-slip", 7)
    saved = svc.print_log.record("visitor-slip", 7, printer="PDF folder", outcome="saved", file_path="/x.pdf")
    assert not saved.reprint
    assert svc.print_log.is_reprint("visitor-slip", "7")
    assert [j.outcome for j in svc.print_log.jobs(kind="visitor-slip", ref=7)] == ["failed", "saved"]


def test_every_attempt_is_audited_with_its_operator(svc):
    job = svc.print_log.record("key-loan-slip", 3, printer="P1")
    rows = svc.audit.for_entity("print_job", job.id)
    assert [r.action for r in rows] == ["print.job"]
    assert rows[0].staff_id == svc.ctx.operator.id and rows[0].after["reprint"] is False
    assert job.operator_id == svc.ctx.operator.id


def test_bad_input_changes_nothing(svc):
    with pytest.raises(ValidationError) as err:
        svc.print_log.record("", "x" * 81, printer="P", copies=0, outcome="maybe")
    assert set(err.value.fields) == {"kind", "ref", "copies", "outcome"}
    assert svc.print_log.jobs() == []


def test_nobody_signed_in_cannot_print(svc):
    svc.ctx.operator = None
    with pytest.raises(AuthenticationError):
        svc.print_log.record("receipt", "1", printer="P")


def test_the_log_is_append_only(svc):
    svc.print_log.record("receipt", "1", printer="P")
    with svc.ctx.db.engine.connect() as conn:
        for sql in ("UPDATE print_job SET reprint = 1", "DELETE FROM print_job"):
            with pytest.raises(Exception, match="append-only|never deleted"):
                conn.execute(text(sql))
            conn.rollback()
    assert len(svc.print_log.jobs()) == 1


def test_two_counters_printing_at_once_yield_one_original(svc, tmp_path):
    url = svc.ctx.db.url
    results = []

    def counter() -> None:
        other = Services(AppContext(Database(make_engine(url))))
        other.ctx.operator = svc.ctx.operator
        try:
            for _ in range(5):
                results.append(other.print_log.record("receipt", "R-9", printer="P").reprint)
        finally:
            other.ctx.db.dispose()

    threads = [threading.Thread(target=counter) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [False] + [True] * 9


@pytest.mark.parametrize("stamp,words", [("reprint", ("补打", "REPRINT")), ("void", ("作废", "VOID"))])
@pytest.mark.parametrize("kind", ["visitor_slip", "key_monthly_report"])
def test_stamp_keeps_the_document_and_adds_the_words(kind, stamp, words):
    original = PRINT_KINDS[kind].sample()
    stamped = stamp_pdf(original, stamp)
    before, after = PdfReader(io.BytesIO(original)), PdfReader(io.BytesIO(stamped))
    assert len(after.pages) == len(before.pages)
    for b, a in zip(before.pages, after.pages):
        assert (a.mediabox.width, a.mediabox.height) == (b.mediabox.width, b.mediabox.height)
        old_text, new_text = b.extract_text(), a.extract_text()
        for line in old_text.split():
            assert line in new_text
        for word in words:
            assert word in new_text and word not in old_text
        fonts = {str(f.get_object().get("/BaseFont")) for f in a["/Resources"]["/Font"].values()}
        assert any("WenQuanYi" in f for f in fonts)
        for f in a["/Resources"]["/Font"].values():
            desc = f.get_object().get("/DescendantFonts")
            if desc:  # a CID font: its glyphs are embedded, not looked up on the printer's PC
                assert "/FontFile2" in desc[0].get_object()["/FontDescriptor"]


def test_unknown_stamp_is_refused():
    with pytest.raises(ValueError):
        stamp_pdf(PRINT_KINDS["visitor_slip"].sample(), "paid")
