"""``reception export receipts``: CSV and XLSX, voids included and marked, numbers in order."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

from openpyxl import load_workbook

from app.cli import main
from app.services.receipts import Approval
from tests.unit._receipts import act_as, simple_receipt


def _fill(svc) -> str:
    act_as(svc, "reception")
    svc.receipts.open_shift("0")
    svc.receipts.issue(simple_receipt("12.30", "cash", name="=cmd()"))
    bad = svc.receipts.issue(simple_receipt("99.00", "wechat"))
    svc.receipts.void(bad.id, "重复", Approval("super", "super-pass"))
    svc.receipts.issue(simple_receipt("5.00", "alipay", quantity=2))
    url = str(svc.ctx.db.engine.url)
    svc.ctx.db.dispose()
    return url


def test_export_receipts_csv(svc, tmp_path, capsys):
    url = _fill(svc)
    today = date.today().isoformat()
    out = tmp_path / "r.csv"
    assert main(["export", "receipts", "--from", today, "--to", today, "--db", url, "--out", str(out)]) == 0
    assert "exported 3 receipts" in capsys.readouterr().err
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")))
    assert rows[0][:3] == ["收据编号", "日期", "房号"]
    body = [dict(zip(rows[0], r)) for r in rows[1:]]
    assert [r["收据编号"][-6:] for r in body] == ["000001", "000002", "000003"]
    assert body[0]["交款人"] == "'=cmd()" and body[0]["金额"] == "12.30" and body[0]["大写"] == "壹拾贰元叁角整"
    assert body[1]["状态"] == "作废" and body[1]["作废原因"] == "重复" and body[1]["作废确认"] == "李强"
    assert body[2]["收费项目"] == "测试×2 10.00" and body[2]["付款方式"] == "支付宝"


def test_export_receipts_xlsx_english(svc, tmp_path):
    url = _fill(svc)
    today = date.today().isoformat()
    out = tmp_path / "r.xlsx"
    assert main(["--lang", "en", "export", "receipts", "--from", today, "--to", today, "--format", "xlsx",
                 "--db", url, "--out", str(out)]) == 0
    ws = load_workbook(out).active
    rows = list(ws.values)
    assert rows[0][0] == "Number" and len(rows) == 4
    assert Decimal(str(rows[1][5])) == Decimal("12.30") and rows[2][10] == "void"


def test_export_receipts_dates_checked(capsys):
    assert main(["export", "receipts", "--from", "2026-02-01", "--to", "2026-01-01"]) == 2
