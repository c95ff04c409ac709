"""``reception print-test``: one valid PDF per registered kind, on its paper, font embedded."""

from __future__ import annotations

import io
import json
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


def run(args: list[str], home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "RECEPTION_HOME": str(home)}
    env.pop("RECEPTION_DB", None)
    return subprocess.run([sys.executable, "-m", "app", "print-test", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def check_pdf(path: Path, paper_name: str) -> None:
    pdf = path.read_bytes()
    assert pdf.startswith(b"%PDF") and pdf.rstrip().endswith(b"%%EOF")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 1
    p = paper(paper_name)
    for page in reader.pages:
        box = page.mediabox
        assert float(box.width) / MM == pytest.approx(p.width_mm, abs=0.1), path.name
        if not p.is_roll:
            assert float(box.height) / MM == pytest.approx(p.height_mm, abs=0.1), path.name
        fonts = page["/Resources"]["/Font"]
        assert fonts, path.name
        for ref in fonts.values():
            font = ref.get_object()
            assert "WenQuanYiMicroHei" in str(font["/BaseFont"]), path.name
            assert "/FontFile2" in font["/FontDescriptor"].get_object(), path.name
    assert reader.pages[0].extract_text().strip(), path.name


@pytest.mark.parametrize("roll", [None, "roll58"])
def test_print_test_writes_every_kind(tmp_path, roll):
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
        assert row["pages"] >= 1 and row["width_mm"] == pytest.approx(paper(expected).width_mm, abs=0.1)
        check_pdf(path, expected)
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
