"""``reception export visitors``: CSV (UTF-8 with BOM) and XLSX, ID numbers always masked."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli import main
from app.context import AppContext
from app.services import Services
from app.services.occupants import OccupantInput
from app.services.visitors import VisitInput
from app.validation import id_check_char
from db.engine import Database
from db.migrate import upgrade

ROOT = Path(__file__).resolve().parents[2]


def mainland_id(first17: str) -> str:
    return first17 + id_check_char(first17)


ID_1 = mainland_id("11010519880305123")
ID_2 = mainland_id("44030519920718456")
PERMIT = "H12345678"


@pytest.fixture(scope="module")
def register(tmp_path_factory) -> str:
    """A database with five visits on 1–4 March 2025 (read-only for the tests)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('export') / 'visits.sqlite'}"
    database = Database.open(url)
    upgrade(database.engine)
    svc = Services(AppContext(database))
    svc.ctx.operator = svc.staff.system_operator()
    svc.occupants.import_records([OccupantInput("A-1203", "张三", "13812345678")], skip_invalid=False)
    host = svc.occupants.search("张三")[0]
    v = svc.visitors
    first = v.register(VisitInput("李四", "mainland_id", ID_1, "拜访", phone="13900001111", company="腾讯",
                                  host_occupant_id=host.id, party_size=2, vehicle_plate="粤B12345",
                                  badge_number="V001"), at=datetime(2025, 3, 1, 9, 15))
    v.sign_out(first.id)
    v.register(VisitInput("王五", "mainland_id", ID_2, "送货", host_note="管理处",
                          company="=HYPERLINK(\"http://x\")"), at=datetime(2025, 3, 2, 10, 0))
    v.register(VisitInput("Mary Lee", "hkmt_permit", PERMIT, "面试", host_note="管理处"),
               at=datetime(2025, 3, 3, 14, 30))
    v.register(VisitInput("赵六", "mainland_id", ID_1, "维修", host_unit_code="A-1203"),
               at=datetime(2025, 3, 4, 23, 59, 59))
    v.register(VisitInput("钱七", "passport", "E12345678", "拜访", host_unit_code="A-1203"),
               at=datetime(2025, 3, 5, 0, 0))
    v.amend(first.id, {"phone": "13900002222"}, "电话登记错误")
    database.dispose()
    return url


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM makes Excel read UTF-8
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_file_columns_masking_and_date_filter(register, tmp_path, capsys):
    out = tmp_path / "visits.csv"
    rc = main(["export", "visitors", "--from", "2025-03-01", "--to", "2025-03-04", "--db", register,
               "--out", str(out)])
    assert rc == 0
    assert "exported 4 visits" in capsys.readouterr().err
    data = out.read_bytes()
    rows = read_csv(data)
    assert rows[0] == ["进入时间", "离开时间", "来访人", "证件类型", "证件号码", "电话", "单位", "被访房号",
                       "被访人", "事由", "人数", "车牌", "证卡号", "登记人", "更正次数"]
    assert [r[2] for r in rows[1:]] == ["李四", "王五", "Mary Lee", "赵六"]  # oldest first; 5 March excluded
    first = rows[1]
    assert first[0] == "2025-03-01 09:15" and first[1]  # signed out
    assert first[3:] == ["居民身份证", "110105********" + ID_1[-4:], "13900002222", "腾讯", "A-1203", "张三",
                         "拜访", "2", "粤B12345", "V001", "系统", "1"]
    assert rows[2][1] == ""  # still on site: no time out
    assert rows[2][6].startswith("'=")  # a formula typed as a company name stays text in Excel
    assert rows[2][8] == "管理处"
    assert rows[3][3:5] == ["港澳台通行证", "H1*****78"]
    assert rows[4][0] == "2025-03-04 23:59"  # the whole of the last day is included
    # Never a full document number anywhere in the file.
    for number in (ID_1, ID_2, PERMIT):
        assert number.encode() not in data


def test_xlsx_file(register, tmp_path):
    out = tmp_path / "visits.xlsx"
    rc = main(["--lang", "en", "export", "visitors", "--from", "2025-03-02", "--to", "2025-03-05",
               "--format", "xlsx", "--out", str(out), "--db", register])
    assert rc == 0
    wb = load_workbook(out)
    ws = wb.active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:5] == ("Time in", "Time out", "Visitor", "Document type", "Document number")
    assert [r[2] for r in rows[1:]] == ["王五", "Mary Lee", "赵六", "钱七"]
    assert rows[1][0] == datetime(2025, 3, 2, 10, 0) and rows[1][1] is None
    assert rows[1][3:5] == ("Mainland ID", "440305********" + ID_2[-4:])
    assert rows[4][3:5] == ("Passport", "E1*****78")
    assert ws["G2"].value == '=HYPERLINK("http://x")' and ws["G2"].data_type == "s"
    flat = " ".join(str(c) for r in rows for c in r)
    for number in (ID_1, ID_2, PERMIT, "E12345678"):
        assert number not in flat


def test_csv_to_stdout(register, capsys):
    assert main(["export", "visitors", "--from", "2025-03-03", "--to", "2025-03-03", "--db", register]) == 0
    captured = capsys.readouterr()
    rows = list(csv.reader(io.StringIO(captured.out.lstrip("\ufeff"))))
    assert len(rows) == 2 and rows[1][2] == "Mary Lee"
    assert "exported 1 visits" in captured.err  # the summary stays off the data stream


def test_xlsx_to_stdout_is_binary(register, capsysbinary):
    rc = main(["export", "visitors", "--from", "2025-03-01", "--to", "2025-03-31", "--format", "xlsx",
               "--db", register])
    assert rc == 0
    data = capsysbinary.readouterr().out
    assert data.startswith(b"PK")
    rows = list(load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))
    assert len(rows) == 6


def test_empty_range_gives_just_the_header(register, tmp_path):
    out = tmp_path / "none.csv"
    assert main(["export", "visitors", "--from", "2024-01-01", "--to", "2024-01-31", "--out", str(out),
                 "--db", register]) == 0
    assert len(read_csv(out.read_bytes())) == 1


@pytest.mark.parametrize("args, text", [
    (["--from", "2025-3-1", "--to", "2025-03-02"], "--from '2025-3-1' is not a date"),
    (["--from", "2025-02-30", "--to", "2025-03-02"], "is not a valid date"),
    (["--from", "2025-03-05", "--to", "2025-03-01"], "is before --from"),
    (["--from", "2025-03-01", "--to", "2025-03-02", "--out", "/no/such/folder/x.csv"], "does not exist"),
])
def test_bad_arguments_exit_2_with_a_message(register, capsys, args, text):
    assert main(["export", "visitors", *args, "--db", register]) == 2
    err = capsys.readouterr().err
    assert text in err and "Traceback" not in err


def test_a_missing_database_is_not_created(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'typo.sqlite'}"
    assert main(["export", "visitors", "--from", "2025-03-01", "--to", "2025-03-05", "--db", url]) == 1
    assert "no database at" in capsys.readouterr().err
    assert not (tmp_path / "typo.sqlite").exists()


def test_a_failed_write_leaves_no_half_file(register, tmp_path, capsys):
    target = tmp_path / "sub"
    target.mkdir()
    out = target / "x.csv"
    out.mkdir()  # a folder where the file should go: the final rename fails
    assert main(["export", "visitors", "--from", "2025-03-01", "--to", "2025-03-05", "--out", str(out),
                 "--db", register]) == 1
    assert "Traceback" not in capsys.readouterr().err
    assert [p.name for p in target.iterdir()] == ["x.csv"]


def test_export_as_a_subprocess(register, tmp_path):
    """``python -m app export visitors`` as the operator would type it."""
    env = {**os.environ, "RECEPTION_HOME": str(tmp_path / "home"), "PYTHONIOENCODING": "ascii"}
    proc = subprocess.run(
        [sys.executable, "-m", "app", "export", "visitors", "--from", "2025-03-01", "--to", "2025-03-01",
         "--db", register],
        cwd=ROOT, env=env, capture_output=True, timeout=120, check=False,
    )
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")
    rows = read_csv(proc.stdout)  # UTF-8 bytes even when the console's encoding is not
    assert rows[1][2] == "李四" and rows[1][4] == "110105********" + ID_1[-4:]
    assert b"exported 1 visits" in proc.stderr

    bad = subprocess.run(
        [sys.executable, "-m", "app", "export", "visitors", "--from", "tomorrow", "--to", "2025-03-01",
         "--db", register],
        cwd=ROOT, env=env, capture_output=True, timeout=120, check=False,
    )
    assert bad.returncode == 2
    assert b"Traceback" not in bad.stderr and b"is not a date" in bad.stderr
