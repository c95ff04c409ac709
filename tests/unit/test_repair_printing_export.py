"""Repair printouts as real PDFs (dispatch slip: 80 mm, copies, Code 128 that scans; weekly
summary: A4, figures, chart) and ``reception export repairs|complaints|repair-weekly``."""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app.cli import main
from app.printing.dispatch_slip import dispatch_slip_data_from, render_dispatch_slip
from app.printing.layout import MM
from app.printing.repair_weekly import render_repair_weekly, repair_weekly_data_from
from app.printing.samples import PRINT_KINDS
from app.services.complaints import ComplaintInput
from app.services.repairs import CompletionInput, RepairInput
from tests.unit._keys import as_user
from tests.unit._seeded import clone_services
from tests.unit.test_visitor_slip import render_gray

MONDAY = datetime(2026, 3, 2, 9, 0)


def text_of(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def fonts_of(pdf: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for ref in page["/Resources"]["/Font"].values():
            names.add(str(ref.get_object()["/BaseFont"]))
    return names


def register(svc, **kw):
    base = dict(category="water", description="厨房水龙头漏水", grade="urgent", unit_code="A-1203",
                phone="13812345678", preferred_time="今天下午")
    base.update(kw)
    return svc.repairs.register(RepairInput(**base), at=MONDAY)


def test_dispatch_slip_text_copies_and_barcode(svc, qapp):
    import zxingcpp

    as_user(svc, "reception")
    r = svc.repairs.dispatch(register(svc).id, "维修班 李师傅", at=MONDAY)
    pdf = render_dispatch_slip(dispatch_slip_data_from(r, svc.property.profile(), grade_label="急修",
                                                       category_label="水路", printed_at=MONDAY), copies=2)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 2
    for page in reader.pages:
        assert float(page.mediabox.width) / MM == pytest.approx(80, abs=0.1)
        # page length is a whole number of 203-dpi dots
        dots = float(page.mediabox.height) / (72 / 203)
        assert dots == pytest.approx(round(dots), abs=1e-3)
    text = flat(text_of(pdf))
    for expected in ("派工单", "DISPATCHSLIP", "W2026-000001", "URGENT", "A-1203", "13812345678", "厨房水龙头漏水",
                     "今天下午", "2026-03-0209:00", "2026-03-0309:00", "¥30.00", "维修班李师傅", "王芳", "第1/2联",
                     "第2/2联", "合格", "不合格", "质量不佳", "维修主管"):
        assert expected in text, expected
    assert all(re.fullmatch(r"/[A-Z]{6}\+WenQuanYiMicroHei(-\d+)?", f) for f in fonts_of(pdf))
    mono = render_gray(pdf, dpi=203).point(lambda v: 0 if v < 128 else 255)
    codes = [(c.text, c.format) for c in zxingcpp.read_barcodes(mono)]
    assert ("W2026-000001", zxingcpp.BarcodeFormat.Code128) in codes
    ordinary = render_dispatch_slip(dispatch_slip_data_from(
        register(svc, grade="ordinary", category="lifts"), svc.property.profile(), printed_at=MONDAY))
    assert "URGENT" not in text_of(ordinary) and "无偿" in text_of(ordinary)
    assert len(PdfReader(io.BytesIO(ordinary)).pages) == 1


def test_weekly_summary_pdf_shows_rates_targets_and_chart(svc):
    as_user(svc, "reception")
    a = register(svc)
    svc.repairs.dispatch(a.id, "李师傅", at=MONDAY)
    svc.repairs.complete(a.id, CompletionInput("ok"), at=MONDAY + timedelta(days=2))  # late for urgent
    register(svc, category="lifts", grade="ordinary")
    summary = svc.repairs.weekly_summary(MONDAY.date())
    pdf = render_repair_weekly(repair_weekly_data_from(summary, svc.property.profile(),
                                                       category_labels={"water": "水路", "lifts": "电梯"},
                                                       printed_at=MONDAY))
    reader = PdfReader(io.BytesIO(pdf))
    w, h = (float(x) for x in reader.pages[0].mediabox.upper_right)
    assert (round(w), round(h)) == (595, 842)
    text = flat(text_of(pdf))
    for expected in ("报修周统计表", "2026-03-02–2026-03-08", "及时率", "0.0%", "100%", "≥85%", "≤1%", "未达标",
                     "水路", "电梯", "各类别报修单数", "管理处主任"):
        assert expected in text, expected
    assert all("WenQuanYiMicroHei" in f for f in fonts_of(pdf))
    # the chart's stacked bars: open (red) and done (green) are filled in the page content
    content = reader.pages[0].get_contents().get_data()
    assert b".85 .35 .3 rg" in content and b".3 .55 .3 rg" in content


def test_print_kinds_include_repairs():
    for kind in ("dispatch_slip", "repair_weekly_summary"):
        pdf = PRINT_KINDS[kind].sample()
        assert pdf.startswith(b"%PDF") and "W2026" in text_of(pdf) or "Weekly" in text_of(pdf)
    assert PRINT_KINDS["dispatch_slip"].paper == "roll80" and PRINT_KINDS["repair_weekly_summary"].paper == "a4"


@pytest.fixture
def repair_db(seeded_template, tmp_path) -> str:
    path = tmp_path / "repairs.sqlite"
    svc = clone_services(seeded_template, path)
    as_user(svc, "reception")
    a = register(svc, description="=cmd|' /C calc'!A0")
    svc.repairs.dispatch(a.id, "李师傅", at=MONDAY)
    svc.repairs.complete(a.id, CompletionInput("换阀芯", charge=Decimal("30")), at=MONDAY + timedelta(hours=3))
    svc.repairs.settle(a.id, "R2026-000007", at=MONDAY + timedelta(hours=4))
    register(svc, category="lifts", grade="ordinary")
    svc.complaints.register(ComplaintInput("complaint", "张三", "噪音", severity="major", unit_code="A-1203",
                                           received_at=MONDAY))
    svc.complaints.register(ComplaintInput("praise", "周杰", "表扬保安", needs_action=False,
                                           received_at=MONDAY + timedelta(days=1)))
    svc.ctx.db.dispose()
    return f"sqlite:///{path}"


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_export_repairs_csv_and_xlsx(repair_db, tmp_path, capsys):
    out = tmp_path / "r.csv"
    assert main(["export", "repairs", "--from", "2026-03-01", "--to", "2026-03-07", "--db", repair_db,
                 "--out", str(out)]) == 0
    assert "exported 2 repair slips" in capsys.readouterr().err
    rows = read_csv(out.read_bytes())
    first = dict(zip(rows[0], rows[1]))
    assert (first["单号"], first["状态"], first["实收费用"], first["收据号"], first["类别"]) == (
        "W2026-000001", "已结算", "30.00", "R2026-000007", "水路")
    assert first["报修内容"].startswith("'=")  # a formula typed at the counter stays text
    xlsx = tmp_path / "r.xlsx"
    assert main(["export", "repairs", "--from", "2026-03-01", "--to", "2026-03-07", "--format", "xlsx",
                 "--db", repair_db, "--out", str(xlsx)]) == 0
    ws = load_workbook(xlsx).active
    values = list(ws.values)
    assert values[0][0] == "单号" and len(values) == 3 and values[1][15] == 30


def test_export_complaints_and_weekly(repair_db, tmp_path, capsys):
    out = tmp_path / "c.csv"
    assert main(["export", "complaints", "--from", "2026-03-01", "--to", "2026-03-31", "--db", repair_db,
                 "--out", str(out)]) == 0
    rows = read_csv(out.read_bytes())
    assert [r[2] for r in rows[1:]] == ["投诉", "表扬"] and rows[1][4] == "重大"
    assert rows[1][10] == "2026-03-03 09:00"  # fixed within one working day
    week = tmp_path / "w.csv"
    assert main(["export", "repair-weekly", "--week", "2026-03-04", "--db", repair_db, "--out", str(week)]) == 0
    rows = read_csv(week.read_bytes())
    assert rows[-3][:3] == ["及时率", "100.0%", "100%"] and rows[-4][0] == "合计" and rows[-4][-1] == "2"
    assert main(["export", "repairs", "--from", "2026-03-07", "--to", "2026-03-01", "--db", repair_db]) == 2
