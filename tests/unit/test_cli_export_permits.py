"""``reception export passes`` and ``reception export permits``: CSV and XLSX read back, ID numbers
masked whoever exports, cells that Excel would run as formulas neutralised."""

from __future__ import annotations

import csv
import io
from datetime import datetime

import pytest
from openpyxl import load_workbook

from app.cli import main
from app.exporter import PASS_COLUMNS
from tests.unit._permits import (
    MASKED_WORKER_ID,
    WORKER_ID,
    WORKER_ID_2,
    as_user,
    permit_in,
    worker,
)
from tests.unit._seeded import clone_services


@pytest.fixture(scope="module")
def counter(seeded_template, tmp_path_factory) -> str:
    """Two permits (one in progress with two passes, one just applied for); read-only."""
    path = tmp_path_factory.mktemp("export-permits") / "work.sqlite"
    svc = clone_services(seeded_template, path)
    p = permit_in(svc, "in_progress", contractor_company="=HYPERLINK(\"http://x\")")
    permit_in(svc, "applied", unit_code="B-0302", at=datetime(2026, 3, 5, 10))
    as_user(svc, "reception")
    at = datetime(2026, 3, 10, 8)
    a = svc.permits.issue_pass(p.id, worker(), at=at)
    svc.permits.issue_pass(p.id, worker(worker_name="+李工", doc_number=WORKER_ID_2, trade="plumbing",
                                        signer_kind="owner", signer_name="张三"), at=at)
    svc.permits.return_pass(a.id, at=datetime(2026, 3, 12, 17))
    svc.ctx.db.dispose()
    return f"sqlite:///{path}"


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_passes_csv_is_the_pass_register(counter, tmp_path, capsys):
    out = tmp_path / "passes.csv"
    assert main(["export", "passes", "--db", counter, "--out", str(out)]) == 0
    assert "exported 2 passes, ID numbers masked" in capsys.readouterr().err
    data = out.read_bytes()
    rows = read_csv(data)
    assert rows[0][:8] == ["出入证号", "办理时间", "许可证号", "房号", "施工单位", "姓名", "证件类型", "证件号码"]
    first, second = (dict(zip(rows[0], r)) for r in rows[1:])
    assert (first["出入证号"], first["办理时间"], first["房号"], first["姓名"], first["工种"]) == (
        "PC000001", "2026-03-10 08:00", "A-1203", "陈师傅", "水电工")
    assert (first["证件号码"], first["有效期自"], first["有效期至"]) == (MASKED_WORKER_ID, "2026-03-10", "2026-04-22")
    assert (first["签批人"], first["工本费"], first["收据号"], first["状态"]) == (
        "施工负责人 刘伟", "5.00", "R2026-000101", "已退证")
    assert first["退证/注销时间"] == "2026-03-12 17:00"
    # exported long after the permit ended (2026-04-22): still out, so flagged
    assert (second["状态"], second["签批人"]) == ("在用 (逾期超过3天)", "业主 张三")
    assert second["姓名"] == "'+李工" and first["施工单位"].startswith("'=")  # never a formula in Excel
    assert WORKER_ID.encode() not in data and WORKER_ID_2.encode() not in data


def test_passes_by_issue_date_and_in_english_xlsx(counter, tmp_path):
    out = tmp_path / "passes.xlsx"
    assert main(["--lang", "en", "export", "passes", "--from", "2026-03-11", "--to", "2026-03-31",
                 "--format", "xlsx", "--out", str(out), "--db", counter]) == 0
    # nothing issued then: the headers only
    assert list(load_workbook(out).active.iter_rows(values_only=True)) == [tuple(c[2] for c in PASS_COLUMNS)]
    assert main(["--lang", "en", "export", "passes", "--from", "2026-03-10", "--to", "2026-03-10",
                 "--format", "xlsx", "--out", str(out), "--db", counter]) == 0
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("Pass", "Issued", "Permit") and len(rows) == 3
    assert rows[1][1] == datetime(2026, 3, 10, 8, 0) and rows[1][7] == MASKED_WORKER_ID
    assert (rows[1][8], rows[1][16], rows[2][16]) == ("electrician", "returned", "out (more than 3 days overdue)")
    assert rows[2][5] == "+李工"  # a string cell: XLSX runs only cells typed as formulas
    assert rows[1][4].startswith("=") and load_workbook(out).active["E2"].data_type == "s"
    text = " ".join(str(c) for r in rows for c in r)
    assert WORKER_ID not in text and WORKER_ID_2 not in text


def test_permits_csv(counter, tmp_path, capsys):
    out = tmp_path / "permits.csv"
    assert main(["export", "permits", "--db", counter, "--out", str(out)]) == 0
    assert "exported 2 renovation permits" in capsys.readouterr().err
    rows = read_csv(out.read_bytes())
    assert rows[0][:4] == ["许可证号", "申请时间", "房号", "申请人类型"]
    first, second = (dict(zip(rows[0], r)) for r in rows[1:])
    assert (first["许可证号"], first["状态"], first["开工日期"], first["完工期限"]) == (
        "RP2026-0001", "施工中", "2026-03-09", "2026-04-22")
    assert (first["装修押金"], first["垃圾清运费"], first["出入证(在外/共)"]) == ("2000.00", "300.00", "1/2")
    assert first["施工单位"].startswith("'=")
    assert (second["许可证号"], second["房号"], second["状态"], second["开工日期"]) == (
        "RP2026-0002", "B-0302", "已申请", "")
    assert main(["export", "permits", "--from", "2026-03-04", "--to", "2026-03-06", "--db", counter,
                 "--out", str(out)]) == 0
    assert [r[0] for r in read_csv(out.read_bytes())[1:]] == ["RP2026-0002"]


def test_bad_arguments(counter, tmp_path, capsys):
    assert main(["export", "passes", "--from", "2026-03-10", "--to", "2026-03-01", "--db", counter]) == 2
    assert "before" in capsys.readouterr().err
    assert main(["export", "permits", "--from", "10/03/2026", "--db", counter]) == 2
    assert main(["export", "passes", "--db", counter, "--out", str(tmp_path / "no" / "x.csv")]) == 2
    assert main(["export", "passes", "--db", f"sqlite:///{tmp_path / 'missing.sqlite'}"]) == 1
