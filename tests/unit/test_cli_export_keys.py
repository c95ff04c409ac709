"""``reception export keys`` and ``reception export key-loans``: CSV and XLSX, IDs masked."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta

import pytest
from openpyxl import load_workbook

from app.cli import main
from app.services.keys import PastLoan
from tests.unit._keys import (
    CONTRACTOR_ID,
    MANAGER,
    MASKED_CONTRACTOR_ID,
    MONDAY,
    as_user,
    build_keys_template,
    contractor,
    engineer,
    key_id,
)
from tests.unit._seeded import clone_services


@pytest.fixture(scope="module")
def cabinet(seeded_template, tmp_path_factory) -> str:
    """A cabinet with three loans on 2–4 March 2026 (read-only for the tests)."""
    path = tmp_path_factory.mktemp("export-keys") / "keys.sqlite"
    build_keys_template(seeded_template, path)
    svc = clone_services(path, path.with_name("work.sqlite"))
    as_user(svc, "reception")
    svc.keys.register_past_loans([
        PastLoan(key_id(svc, "K00002"), contractor(consent_by="工程部 黄工", borrower_company="=HYPERLINK(\"x\")"),
                 MONDAY, MONDAY + timedelta(hours=3), manager_approval=MANAGER),
        PastLoan(key_id(svc, "K00003"), engineer(), MONDAY + timedelta(days=1), MONDAY + timedelta(days=1, hours=1)),
        PastLoan(key_id(svc, "K00004"), engineer(), MONDAY + timedelta(days=2)),  # still out
    ])
    svc.ctx.db.dispose()
    return f"sqlite:///{path.with_name('work.sqlite')}"


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_key_loans_csv_masks_ids(cabinet, tmp_path, capsys):
    out = tmp_path / "loans.csv"
    assert main(["export", "key-loans", "--from", "2026-03-02", "--to", "2026-03-03", "--db", cabinet,
                 "--out", str(out)]) == 0
    assert "exported 2 key loans" in capsys.readouterr().err
    data = out.read_bytes()
    rows = read_csv(data)
    assert rows[0][:6] == ["借出时间", "应还时间", "归还时间", "钥匙牌号", "钥匙", "类别"]
    first = dict(zip(rows[0], rows[1]))
    assert (first["借出时间"], first["应还时间"], first["归还时间"]) == (
        "2026-03-02 09:00", "2026-03-02 18:00", "2026-03-02 12:00")
    assert (first["钥匙牌号"], first["钥匙"], first["类别"], first["借用人类型"]) == (
        "K00002", "A栋天台门", "公共区域", "外包单位")
    assert (first["证件号码"], first["经理批准"], first["同意人"], first["签字"]) == (
        MASKED_CONTRACTOR_ID, "赵敏", "工程部 黄工", "借用单签字")
    assert first["单位"].startswith("'=")  # no formula injection into Excel
    assert rows[2][3] == "K00003"
    assert CONTRACTOR_ID.encode() not in data


def test_key_loans_xlsx_in_english(cabinet, tmp_path):
    out = tmp_path / "loans.xlsx"
    assert main(["--lang", "en", "export", "key-loans", "--from", "2026-03-01", "--to", "2026-03-31",
                 "--format", "xlsx", "--out", str(out), "--db", cabinet]) == 0
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][:4] == ("Out", "Due", "Returned", "Tag")
    assert [r[3] for r in rows[1:]] == ["K00002", "K00003", "K00004"]
    assert rows[1][0] == datetime(2026, 3, 2, 9, 0) and rows[3][2] is None  # K00004 still out
    assert rows[1][12] == MASKED_CONTRACTOR_ID
    assert CONTRACTOR_ID not in " ".join(str(c) for r in rows for c in r)


def test_keys_register_all_or_by_intake_date(cabinet, tmp_path, capsys):
    out = tmp_path / "keys.csv"
    assert main(["export", "keys", "--db", cabinet, "--out", str(out)]) == 0
    assert "exported 5 key sets" in capsys.readouterr().err
    rows = read_csv(out.read_bytes())
    assert rows[0][:4] == ["钥匙牌号", "挂钩", "类别", "钥匙"]
    assert [r[0] for r in rows[1:]] == ["K00001", "K00002", "K00003", "K00004", "K00005"]
    k4 = dict(zip(rows[0], rows[4]))
    assert (k4["状态"], k4["借用人"], k4["钥匙"]) == ("借出", "刘建军", "客服部库房")
    k1 = dict(zip(rows[0], rows[1]))
    assert (k1["钥匙"], k1["委托业主"], k1["数量"]) == ("A-1203 入户门", "张三", "2")
    assert main(["export", "keys", "--from", "2026-02-01", "--to", "2026-02-28", "--db", cabinet]) == 0
    captured = capsys.readouterr()
    assert "exported 0 key sets" in captured.err
    assert len(list(csv.reader(io.StringIO(captured.out.lstrip("\ufeff"))))) == 1  # the header only


def test_export_arguments_are_checked(cabinet, capsys, tmp_path):
    assert main(["export", "key-loans", "--from", "2026-03-05", "--to", "2026-03-01", "--db", cabinet]) == 2
    assert "before --from" in capsys.readouterr().err
    assert main(["export", "keys", "--from", "2026-3-5", "--db", cabinet]) == 2
    with pytest.raises(SystemExit):
        main(["export", "key-loans", "--to", "2026-03-01", "--db", cabinet])  # --from is required
    assert main(["export", "keys", "--db", f"sqlite:///{tmp_path / 'none.sqlite'}"]) == 1
    assert "no database" in capsys.readouterr().err


def test_monthly_statistics_export(cabinet, tmp_path):
    from app.context import AppContext
    from app.exporter import export_key_statistics
    from app.services import Services
    from db.engine import Database

    database = Database.open(cabinet)
    try:
        svc = Services(AppContext(database))
        buf = io.BytesIO()
        assert export_key_statistics(svc, 2026, 3, "csv", buf) == 5
        rows = read_csv(buf.getvalue())
        assert rows[0] == ["类别", "月初存留", "接受", "移交", "签收(次)", "借出(把)", "废弃", "变更(换锁)", "丢失",
                           "找回", "月末存留"]
        assert rows[2][:6] == ["公共区域", "1", "0", "0", "1", "1"]
        assert rows[-1][0] == "合计" and rows[-1][-1] == "7"
        out = tmp_path / "stats.xlsx"
        assert export_key_statistics(svc, 2026, 3, "xlsx", str(out), lang="en") == 5
        ws = load_workbook(out).active
        assert ws["A1"].value == "Category" and ws["A6"].value == "Total" and ws["K6"].value == 7
    finally:
        database.dispose()
