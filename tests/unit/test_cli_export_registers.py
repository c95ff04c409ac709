"""``reception export parcels`` and ``reception export newspapers``: CSV and XLSX read back."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta

import pytest
from openpyxl import load_workbook

from app.cli import main
from app.services.newspapers import DeliveryInput, SubscriptionInput
from tests.unit._seeded import clone_services

AT = datetime(2026, 3, 2, 9, 0)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
SECRET = "内有苹果手机一部"


@pytest.fixture(scope="module")
def counter(seeded_template, tmp_path_factory) -> str:
    """Mail on 2 and 3 March, newspapers delivered on 2 March (read-only for the tests)."""
    path = tmp_path_factory.mktemp("export-registers") / "work.sqlite"
    svc = clone_services(seeded_template, path)
    a = svc.parcels.intake("SF1234567890123", unit_code="A-1203", recipient_name="=cmd|' /C calc'!A0",
                           note=SECRET, at=AT)
    svc.parcels.intake("EE123456785CN", item_type="registered", unit_code="B-0302", at=AT + timedelta(hours=1))
    svc.parcels.intake("YT1234567890123", unit_code="A-1204", at=AT + timedelta(days=1))
    svc.parcels.pick_up([a.id], picked_up_by="李梅", relation="配偶", id_checked=True, signature_png=PNG,
                        at=AT + timedelta(hours=8))
    t = svc.newspapers.add_title("深圳特区报", "newspaper", "深圳报业集团", "daily")
    s1 = svc.newspapers.subscribe(SubscriptionInput(t.id, "A-1203", subscriber="张三", copies=2,
                                                    starts_on=date(2026, 1, 1)))
    s2 = svc.newspapers.subscribe(SubscriptionInput(t.id, department="客服部", starts_on=date(2026, 1, 1)))
    svc.newspapers.record_receipt(t.id, date(2026, 3, 2), 3, at=AT)
    svc.newspapers.deliver(date(2026, 3, 2), [DeliveryInput(s1.id, "signed", "李梅"),
                                              DeliveryInput(s2.id, "signed", "刘")], at=AT)
    svc.ctx.db.dispose()
    return f"sqlite:///{path}"


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_parcels_csv_is_the_mail_register_without_contents(counter, tmp_path, capsys):
    out = tmp_path / "mail.csv"
    assert main(["export", "parcels", "--from", "2026-03-02", "--to", "2026-03-02", "--db", counter,
                 "--out", str(out)]) == 0
    assert "exported 2 items of mail" in capsys.readouterr().err
    data = out.read_bytes()
    rows = read_csv(data)
    assert rows[0] == ["收件时间", "房号", "收件人", "类别", "承运商", "单号", "货架", "经收人", "状态", "领取人", "关系",
                       "领取时间", "签收"]
    first = dict(zip(rows[0], rows[1]))
    assert (first["收件时间"], first["房号"], first["单号"], first["类别"]) == (
        "2026-03-02 09:00", "A-1203", "SF1234567890123", "包裹/快递")
    assert (first["状态"], first["领取人"], first["领取时间"], first["签收"]) == ("已领", "李梅", "2026-03-02 17:00", "是")
    assert first["收件人"].startswith("'=")  # no formula injection into Excel
    second = dict(zip(rows[0], rows[2]))
    assert (second["房号"], second["状态"], second["签收"], second["类别"]) == ("B-0302", "待领", "", "挂号信")
    assert SECRET.encode() not in data


def test_parcels_xlsx_in_english(counter, tmp_path):
    out = tmp_path / "mail.xlsx"
    assert main(["--lang", "en", "export", "parcels", "--from", "2026-03-01", "--to", "2026-03-31",
                 "--format", "xlsx", "--out", str(out), "--db", counter]) == 0
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][:6] == ("Received", "Unit", "Recipient", "Item type", "Carrier", "Number")
    assert [r[5] for r in rows[1:]] == ["SF1234567890123", "EE123456785CN", "YT1234567890123"]
    assert rows[1][0] == datetime(2026, 3, 2, 9, 0) and rows[1][11] == datetime(2026, 3, 2, 17, 0)
    assert (rows[1][8], rows[1][12], rows[2][8]) == ("picked up", "yes", "waiting")
    assert SECRET not in " ".join(str(c) for r in rows for c in r)


def test_newspapers_csv_and_xlsx(counter, tmp_path, capsys):
    assert main(["export", "newspapers", "--from", "2026-03-02", "--to", "2026-03-02", "--db", counter]) == 0
    captured = capsys.readouterr()
    assert "exported 2 newspaper deliveries" in captured.err
    rows = list(csv.reader(io.StringIO(captured.out.lstrip("\ufeff"))))
    assert rows[0] == ["日期", "报刊", "房号/部室", "订户", "份数", "方式", "签收人", "送达时间", "经办人"]
    assert rows[1] == ["2026-03-02", "深圳特区报", "A-1203", "张三", "2", "签收", "李梅", "2026-03-02 09:00", "管理员"]
    assert rows[2][2] == "客服部"
    out = tmp_path / "papers.xlsx"
    assert main(["--lang", "en", "export", "newspapers", "--from", "2026-03-01", "--to", "2026-03-31",
                 "--format", "xlsx", "--out", str(out), "--db", counter]) == 0
    ws = load_workbook(out).active
    assert ws["A1"].value == "Date" and ws["C2"].value == "A-1203" and ws["E2"].value == 2
    assert ws["F2"].value == "signed for" and ws.max_row == 3
    assert main(["export", "newspapers", "--from", "2026-03-03", "--to", "2026-03-31", "--db", counter]) == 0
    captured = capsys.readouterr()
    assert "exported 0 newspaper deliveries" in captured.err
    assert len(list(csv.reader(io.StringIO(captured.out.lstrip("\ufeff"))))) == 1  # the header only


def test_register_export_arguments_are_checked(counter, capsys, tmp_path):
    assert main(["export", "parcels", "--from", "2026-03-05", "--to", "2026-03-01", "--db", counter]) == 2
    assert "before --from" in capsys.readouterr().err
    assert main(["export", "newspapers", "--from", "2026-3-5", "--to", "2026-03-06", "--db", counter]) == 2
    with pytest.raises(SystemExit):
        main(["export", "parcels", "--to", "2026-03-01", "--db", counter])  # --from is required
    assert main(["export", "parcels", "--from", "2026-03-01", "--to", "2026-03-02", "--out",
                 str(tmp_path / "no" / "such" / "x.csv"), "--db", counter]) == 2
    assert main(["export", "newspapers", "--from", "2026-03-01", "--to", "2026-03-02",
                 "--db", f"sqlite:///{tmp_path / 'none.sqlite'}"]) == 1
    assert "no database" in capsys.readouterr().err
