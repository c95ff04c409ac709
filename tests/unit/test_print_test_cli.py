"""``reception print-test``: one valid PDF per registered kind, on its paper, only embedded
fonts, and every barcode on it read back by zxing-cpp from a 203-dpi render (a thermal head's
resolution, the coarsest printer a counter has)."""

from __future__ import annotations

import io
import json
import re
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.print_test import write_samples
from app.printing import samples
from app.printing.paper import MM, paper
from app.printing.samples import PRINT_KINDS, PrintKind

ROOT = Path(__file__).resolve().parents[2]

#: What a barcode reader must find in each kind's sample (the union over its pages), as
#: ``(format, text)``; a text given as a compiled pattern must match the whole payload (a QR
#: carrying a signed token). Exactly these, no more: a kind registered without an entry here,
#: a code that no longer scans, or a code nobody declared fails the test.
EXPECTED_CODES: dict[str, set[tuple[str, str | re.Pattern]]] = {
    "visitor_slip": {("Code128", "V-0042")},
    "key_loan_slip": {("Code128", "K00042")},
    "key_monthly_report": set(),
    "parcel_label": {("Code128", "M000042")},
    "parcel_notice": set(),
    "parcel_daily_log": set(),
    "mail_register": set(),
    "newspaper_register": set(),
    "newspaper_delivery_list": set(),
    "receipt_80mm": {("Code128", "R2026-000123"), ("QRCode", re.compile(r"R2026-000123\|2315\.00\|2026-11-23\|[0-9A-F]{8}"))},
    "receipt_a5": {("Code128", "R2026-000123"), ("QRCode", re.compile(r"R2026-000123\|2315\.00\|2026-11-23\|[0-9A-F]{8}"))},
    "refund_slip": {("Code128", "RT2026-000007")},
    "cashup_roll": set(),
    "cashup_a4": set(),
    "renovation_permit": {("Code128", "RP2026-0001")},
    "pass_card": {("Code128", "PC000042"), ("QRCode", "PC000042-7K3F9Q2A")},
    "dispatch_slip": {("Code128", "W2026-000042")},
    "repair_weekly_summary": set(),
}


def run(args: list[str], home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "RECEPTION_HOME": str(home)}
    env.pop("RECEPTION_DB", None)
    return subprocess.run([sys.executable, "-m", "app", "print-test", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def fonts_of(resources, seen: set | None = None) -> list:
    """Every font a page can use: its own and those of the forms (XObjects) it draws."""
    seen = set() if seen is None else seen
    found = []
    if resources is None or id(resources) in seen:
        return found
    seen.add(id(resources))
    resources = resources.get_object()
    for ref in (resources.get("/Font") or {}).values():
        found.append(ref.get_object())
    for ref in (resources.get("/XObject") or {}).values():
        xobj = ref.get_object()
        if xobj.get("/Subtype") == "/Form":
            found += fonts_of(xobj.get("/Resources"), seen)
    return found


def check_font_embedded(font, name: str) -> None:
    """The font's glyphs are in the file: WenQuanYi, subset into a FontFile; never a base-14
    font or a name a printer would have to substitute."""
    if font.get("/Subtype") == "/Type0":
        font = font["/DescendantFonts"][0].get_object()
    assert "WenQuanYiMicroHei" in str(font["/BaseFont"]), (name, font["/BaseFont"])
    descriptor = font["/FontDescriptor"].get_object()
    assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), (name, font["/BaseFont"])


def check_pdf(path: Path, paper_name: str) -> None:
    pdf = path.read_bytes()
    assert pdf.startswith(b"%PDF") and pdf.rstrip().endswith(b"%%EOF")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 1
    p = paper(paper_name)
    for page in reader.pages:
        box = page.mediabox
        size = (float(box.width) / MM, float(box.height) / MM)
        if p.is_roll:
            assert size[0] == pytest.approx(p.width_mm, abs=0.1), path.name
        else:  # a sheet either way up (a receipt on A5 is landscape, like a receipt book)
            assert sorted(size) == pytest.approx(sorted((p.width_mm, p.height_mm)), abs=0.1), path.name
        fonts = fonts_of(page.get("/Resources"))
        assert fonts, path.name
        for font in fonts:
            check_font_embedded(font, path.name)
    assert reader.pages[0].extract_text().strip(), path.name


def render_pages(pdf: bytes, dpi: int):
    """Every page rendered by Qt PDF onto white, as Pillow grey images."""
    from PIL import Image
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtPdf import QPdfDocument

    data = QByteArray(pdf)  # kept alive: the buffer does not own it
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.ReadOnly)
    doc = QPdfDocument()
    doc.load(buf)
    assert doc.status() == QPdfDocument.Status.Ready, doc.error()
    for i in range(doc.pageCount()):
        pt = doc.pagePointSize(i)
        size = QSize(round(pt.width() * dpi / 72), round(pt.height() * dpi / 72))
        page = QImage(size, QImage.Format.Format_RGB32)
        page.fill(0xFFFFFFFF)
        painter = QPainter(page)
        painter.drawImage(0, 0, doc.render(i, size))
        painter.end()
        gray = page.convertToFormat(QImage.Format.Format_Grayscale8)
        raw = bytes(gray.constBits())[: gray.bytesPerLine() * gray.height()]
        yield Image.frombuffer("L", (gray.width(), gray.height()), raw, "raw", "L",
                               gray.bytesPerLine(), 1).copy()
    doc.close()


def check_codes(path: Path, kind: str) -> None:
    """The declared codes, and only those, scan off a black-and-white 203-dpi render."""
    import zxingcpp

    from app.printing.barcode import THERMAL_DPI

    found: set[tuple[str, str]] = set()
    for img in render_pages(path.read_bytes(), THERMAL_DPI):
        mono = img.point(lambda v: 0 if v < 128 else 255)  # a thermal head prints no grey
        found |= {(r.format.name, r.text) for r in zxingcpp.read_barcodes(mono)}
    expected = EXPECTED_CODES[kind]
    unmatched = set(found)
    for fmt, text in expected:
        hits = {f for f in found if f[0] == fmt and (
            text.fullmatch(f[1]) if isinstance(text, re.Pattern) else f[1] == text)}
        assert hits, f"{path.name}: {fmt} {text!r} not read; read {sorted(found)}"
        unmatched -= hits
    assert not unmatched, f"{path.name}: undeclared codes {sorted(unmatched)}"


def test_every_kind_declares_its_codes():
    assert set(EXPECTED_CODES) == set(PRINT_KINDS)


@pytest.mark.parametrize("roll", [None, "roll58"])
def test_print_test_writes_every_kind(qapp, tmp_path, roll):
    out = tmp_path / "samples"
    proc = run(["--out", str(out)] + (["--paper", roll] if roll else []), tmp_path)
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["kind"] for r in rows] == list(PRINT_KINDS)
    assert f"{len(rows)} sample(s) written" in proc.stderr
    for row in rows:
        kind = PRINT_KINDS[row["kind"]]
        expected = roll if roll in kind.all_papers else kind.paper
        assert row["paper"] == expected and row["printer"] == kind.group
        path = Path(row["file"])
        assert path.parent == out and path.name == f"{kind.name}-{expected}.pdf"
        assert row["pages"] >= 1
        assert paper(expected).width_mm in (pytest.approx(row["width_mm"], abs=0.1),
                                            pytest.approx(row["height_mm"], abs=0.1))
        check_pdf(path, expected)
        check_codes(path, kind.name)
    assert sorted(p.name for p in out.iterdir()) == sorted(Path(r["file"]).name for r in rows)


def test_unknown_kind_is_refused(tmp_path):
    proc = run(["--out", str(tmp_path), "--kind", "no_such_kind"], tmp_path)
    assert proc.returncode == 2 and "no_such_kind" in proc.stderr


def test_a_newly_registered_kind_is_included_and_a_broken_one_reported(tmp_path, monkeypatch):
    from app.printing.parcel_label import sample_parcel_label

    def broken() -> bytes:
        raise RuntimeError("no data")

    kinds = dict(PRINT_KINDS)
    kinds["shelf_on_roll"] = PrintKind("shelf_on_roll", "roll80", lambda: sample_parcel_label("roll80"))
    kinds["broken"] = PrintKind("broken", "a5", broken)
    monkeypatch.setattr(samples, "PRINT_KINDS", kinds)
    rows = write_samples(tmp_path, "roll58")
    by_kind = {r["kind"]: r for r in rows}
    assert set(by_kind) == set(kinds)
    # only kinds that declare roll58 are moved to it
    assert by_kind["shelf_on_roll"]["paper"] == "roll80"
    check_pdf(Path(by_kind["shelf_on_roll"]["file"]), "roll80")
    assert "RuntimeError: no data" in by_kind["broken"]["error"]
    assert not (tmp_path / "broken-a5.pdf").exists()
