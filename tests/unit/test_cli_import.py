"""``reception import occupants FILE``: CSV in UTF-8/BOM/GBK and XLSX, all-or-nothing."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from app.cli import main
from app.context import AppContext
from app.services import Services
from app.services.occupant_import import ImportRow, derive_building, derive_floor
from app.services.occupants import OccupantInput
from db.engine import Database
from db.models import AuditEntry, Building, Occupant, Staff, Unit

HEADER_ZH = ["房号", "姓名", "电话", "类型", "入住日期", "紧急联系人", "紧急联系电话", "备注"]
GOOD_ROWS = [
    ["A-1203", "张伟", "13812345678", "业主", "2019-05-01", "李娜", "13900001111", "有宠物犬"],
    ["A-1204", "欧阳娜娜", "13900002222", "租户", "2023-03-15", "", "", ""],
    ["B-0302", "周杰", "+86 137 0000 3333", "业主", "", "", "", ""],
    ["C-2501", "王秀英", "0755-86001234", "tenant", "2024/7/8", "王强", "13600004444", "独居老人"],
]


def csv_bytes(rows: list[list[str]], encoding: str = "utf-8", header: list[str] = HEADER_ZH) -> bytes:
    lines = [",".join(header)] + [",".join(r) for r in rows]
    return "\r\n".join(lines).encode(encoding) + b"\r\n"


def count(url: str, model) -> int:
    database = Database.open(url)
    try:
        with database.read() as s:
            return s.execute(select(func.count()).select_from(model)).scalar_one()
    finally:
        database.dispose()


def occupants(url: str) -> dict[str, tuple]:
    database = Database.open(url)
    try:
        with database.read() as s:
            rows = s.execute(select(Occupant, Unit.code).join(Unit, Unit.id == Occupant.unit_id)).all()
            return {o.name: (code, o.phone, o.kind, o.move_in_date, o.emergency_name, o.note) for o, code in rows}
    finally:
        database.dispose()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_in_every_encoding_excel_writes(tmp_path, db_url, capsys, encoding):
    f = tmp_path / "业户.csv"
    f.write_bytes(csv_bytes(GOOD_ROWS, encoding))
    assert main(["import", "occupants", str(f), "--db", db_url]) == 0
    out = capsys.readouterr().out
    assert "Imported 4 of 4 occupants" in out
    assert "Created 3 buildings (A, B, C) and 4 units" in out
    got = occupants(db_url)
    assert got["张伟"] == ("A-1203", "13812345678", "owner", date(2019, 5, 1), "李娜", "有宠物犬")
    assert got["欧阳娜娜"][2] == "tenant"
    assert got["周杰"][1] == "13700003333"  # +86 and spaces normalised
    assert got["王秀英"][1:4] == ("075586001234", "tenant", date(2024, 7, 8))


def test_xlsx_with_english_headers_numbers_and_dates(tmp_path, db_url, capsys):
    wb = Workbook()
    ws = wb.active
    ws.append(["Unit", "Name", "Phone", "Kind", "Move_in_date", "Emergency_name", "Emergency_phone",
               "Note", "Building", "Gender"])
    ws.append(["A-1203", "张伟", 13812345678, "owner", datetime(2019, 5, 1), None, None, None, "A栋", "男"])
    ws.append([None, None, None, None, None, None, None, None, None, None])  # blank rows are skipped
    ws.append(["1502", "李明", 13912345678, "tenant", "2022-01-31", "李雷", 13512345678, "", "D座", ""])
    path = tmp_path / "occupants.xlsx"
    wb.save(path)
    assert main(["import", "occupants", str(path), "--db", db_url]) == 0
    captured = capsys.readouterr()
    assert "ignoring columns Gender" in captured.err
    got = occupants(db_url)
    assert got["张伟"][:4] == ("A-1203", "13812345678", "owner", date(2019, 5, 1))
    assert got["李明"][:4] == ("1502", "13912345678", "tenant", date(2022, 1, 31))
    database = Database.open(db_url)
    with database.read() as s:
        buildings = {b.code: b.name for b in s.execute(select(Building)).scalars()}
        floor = s.execute(select(Unit.floor).where(Unit.code == "1502")).scalar_one()
    database.dispose()
    # A unit without a prefix goes into the building its row names.
    assert buildings == {"A": "A栋", "D座": "D座"}
    assert floor == 15


BAD_ROWS = [
    GOOD_ROWS[0],
    ["A-1204", "欧阳娜娜", "1390000222", "租户", "2023-03-15", "", "", ""],  # row 3: 10-digit mobile
    GOOD_ROWS[2],
    ["C-2501", "王秀英", "13600005555", "房东", "2024-02-30", "", "", ""],  # row 5: kind and date
]


def test_one_bad_row_imports_nothing_and_names_row_and_field(tmp_path, db_url, capsys):
    f = tmp_path / "bad.csv"
    f.write_bytes(csv_bytes(BAD_ROWS, "utf-8-sig"))
    assert main(["import", "occupants", str(f), "--db", db_url]) == 1
    err = capsys.readouterr().err
    assert "row 3: phone: a mobile number has 11 digits, not 10 [phone.mobile_length]" in err
    assert "row 5: move_in_date:" in err and "[date.format]" in err
    assert "row 5: kind:" in err and "[occupant.kind_unknown]" in err
    assert "nothing imported: 2 of 4 rows are invalid" in err
    assert "Traceback" not in err
    assert count(db_url, Occupant) == 0
    assert count(db_url, Unit) == 0
    assert count(db_url, AuditEntry) == 1  # only the system account's creation


def test_skip_invalid_imports_the_rest_in_one_audited_transaction(tmp_path, db_url, capsys):
    f = tmp_path / "bad.csv"
    f.write_bytes(csv_bytes(BAD_ROWS, "gbk"))
    assert main(["import", "occupants", str(f), "--skip-invalid", "--db", db_url]) == 0
    captured = capsys.readouterr()
    assert "row 3: phone:" in captured.err
    assert "Imported 2 of 4 occupants" in captured.out and "skipped 2 invalid rows (3, 5)" in captured.out
    assert set(occupants(db_url)) == {"张伟", "周杰"}
    # No unit for the skipped rows' A-1204 / C-2501; buildings only where a valid row lives.
    database = Database.open(db_url)
    with database.read() as s:
        assert {u for (u,) in s.execute(select(Unit.code))} == {"A-1203", "B-0302"}
        actions = [a for (a,) in s.execute(select(AuditEntry.action).order_by(AuditEntry.id))]
        system_id, system_active = s.execute(
            select(Staff.id, Staff.active).where(Staff.username == "system")).one()
        authors = {a for (a,) in s.execute(select(AuditEntry.staff_id))}
        assert system_active is False
    svc = Services(AppContext(database))
    # The CLI's system account does not count as the first administrator.
    assert svc.staff.has_any() is False
    assert svc.audit.verify_chain() is None
    database.dispose()
    assert actions.count("occupant.create") == 2
    assert actions.count("unit.create") == 2 and actions.count("building.create") == 2
    assert actions[-1] == "occupant.import"
    assert authors == {system_id}


def test_importing_the_same_file_twice_is_caught(tmp_path, db_url, capsys):
    f = tmp_path / "ok.csv"
    f.write_bytes(csv_bytes(GOOD_ROWS))
    assert main(["import", "occupants", str(f), "--db", db_url]) == 0
    assert main(["import", "occupants", str(f), "--db", db_url]) == 1
    err = capsys.readouterr().err
    assert "row 2: name: 张伟 of A-1203 is already in the directory [import.duplicate_existing]" in err
    assert count(db_url, Occupant) == 4


def test_existing_directory_units_and_building_checks(services, db_url, tmp_path, capsys):
    """Into the fixture's property: existing units are used, a wrong building is reported."""
    rows = [
        ["A-0501", "刘洋", "13811112222", "业主", "", "", "", "", "A栋"],
        ["B-0302", "陈静", "13811113333", "租户", "", "", "", "", "A"],  # B-0302 is in B栋
        ["B-0302", "陈静", "13811113333", "租户", "", "", "", "", ""],  # fine, but see row 5
        ["B-0302", "陈静", "13811114444", "租户", "", "", "", "", ""],  # same person twice
        ["X9", "赵云", "13811115555", "业主", "", "", "", "", ""],  # no building derivable
    ]
    f = tmp_path / "more.csv"
    f.write_bytes(csv_bytes(rows, header=HEADER_ZH + ["楼栋"]))
    assert main(["import", "occupants", str(f), "--db", db_url]) == 1
    err = capsys.readouterr().err
    assert "row 3: building: unit B-0302 does not belong to building A [import.building_mismatch]" in err
    assert "row 5: name:" in err and "already on row 4 [import.duplicate_in_file]" in err
    assert "row 6: unit: cannot tell the building of unit X9" in err
    assert "row 2:" not in err and "row 4:" not in err

    assert main(["import", "occupants", str(f), "--skip-invalid", "--db", db_url]) == 0
    names = {o.name for o in services.occupants.search("", limit=100)}
    assert {"刘洋", "陈静"} <= names and "赵云" not in names


def test_service_without_create_units_and_role_rules(services):
    from app.errors import PermissionDeniedError
    from tests.conftest import sign_in_as

    rows = [OccupantInput("A-1203", "新住户", "13700009999"), OccupantInput("Z-0101", "某人", "13700008888")]
    report = services.occupants.import_records(rows, skip_invalid=True, create_units=False)
    assert report.committed and report.imported == 1
    assert [(e.row, e.field, e.key) for e in report.errors] == [(2, "unit", "unit.not_found")]
    # A supervisor keeps occupant files but may not add units.
    sign_in_as(services, "super")
    with pytest.raises(PermissionDeniedError):
        services.occupants.import_records([ImportRow(7, OccupantInput("Z-0101", "某人", "13700008888"))],
                                          skip_invalid=False)
    sign_in_as(services, "reception")
    with pytest.raises(PermissionDeniedError):
        services.occupants.import_records(rows, skip_invalid=True, create_units=False)


def test_unit_code_helpers():
    assert derive_building("A-1203") == ("A", "A栋")
    assert derive_building("3栋2单元501") == ("3", "3栋")
    assert derive_building("B座1203") == ("B", "B座")
    assert derive_building("1203") is None
    assert derive_floor("A-1203") == 12 and derive_floor("3栋2单元501") == 5 and derive_floor("A-12") is None


def test_unreadable_and_malformed_files(tmp_path, db_url, capsys):
    missing = tmp_path / "nope.csv"
    assert main(["import", "occupants", str(missing), "--db", db_url]) == 1
    err = capsys.readouterr().err
    assert "cannot read" in err and "Traceback" not in err
    assert not (tmp_path / "reception.sqlite").exists()  # a bad file never touches the database

    no_header = tmp_path / "no_header.csv"
    no_header.write_bytes(csv_bytes(GOOD_ROWS, header=["unit", "电话", "类型", "x", "y", "z", "w", "v"]))
    assert main(["import", "occupants", str(no_header), "--db", db_url]) == 1
    assert "lacks the column(s) name" in capsys.readouterr().err

    fake_xlsx = tmp_path / "broken.xlsx"
    fake_xlsx.write_bytes(b"PK\x03\x04 definitely not a workbook")
    assert main(["import", "occupants", str(fake_xlsx), "--db", db_url]) == 1
    assert "not a valid XLSX workbook" in capsys.readouterr().err

    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    assert main(["import", "occupants", str(old), "--db", db_url]) == 1
    assert ".xls workbooks are not supported" in capsys.readouterr().err

    binary = tmp_path / "binary.csv"
    binary.write_bytes(bytes(range(128, 256)) * 4)
    assert main(["import", "occupants", str(binary), "--db", db_url]) == 1
    assert "Traceback" not in capsys.readouterr().err


def test_bad_database_url_is_a_message_not_a_traceback(tmp_path, capsys):
    f = tmp_path / "ok.csv"
    f.write_bytes(csv_bytes(GOOD_ROWS))
    assert main(["import", "occupants", str(f), "--db", "nosuchdialect://x"]) == 1
    err = capsys.readouterr().err
    assert "cannot open the database" in err and "Traceback" not in err
