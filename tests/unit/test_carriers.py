"""Carrier recognition from tracking numbers: the rules table, check digits, the setting, scan-test."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.devices.recognition import default_rules, recognize
from app.errors import DomainError, PermissionDeniedError
from app.parcels.carriers import (
    CHECKS,
    DEFAULT_CARRIER_RULES,
    OTHER,
    carrier_rules_from_data,
    default_carrier_rules,
    dhl_mod7_check_digit,
    fedex12_check_digit,
    fedex15_check_digit,
    recognize_carrier,
    s10_check_digit,
    ups_check_digit,
    validate_carrier_rules,
)
from tests.conftest import sign_in_as

ROOT = Path(__file__).resolve().parents[2]

# -- recognition of real-looking numbers -------------------------------------------------------


@pytest.mark.parametrize("code, carrier, check", [
    ("SF1234567890123", "sf", "none"),
    ("SF123456789012", "sf", "none"),
    ("JD0012345678901", "jd", "none"),
    ("JDVA01234567890", "jd", "none"),
    ("JDX012345678901", "jd", "none"),
    ("RA123456785CN", "ems", "ok"),
    ("EA123456789CN", "ems", "failed"),  # the example: its check digit would be 5
    ("EA123456785CN", "ems", "ok"),
    ("RR473124829GB", "ems", "ok"),
    ("1012345678901", "ems", "none"),  # domestic EMS
    ("YT7512345678901", "yto", "none"),
    ("73100123456789", "zto", "none"),
    ("773012345678901", "sto", "none"),
    ("4312345678901", "yunda", "none"),
    ("JT1234567890123", "jt", "none"),
    ("DPK123456789012", "deppon", "none"),
    ("LP00123456789012", "cainiao", "none"),
    ("1Z999AA10123456784", "ups", "ok"),
    ("1Z5R89390357567127", "ups", "ok"),
    ("1Z879E930346834440", "ups", "ok"),
    ("1Z410E7W0392751591", "ups", "ok"),
    ("1Z999AA10123456785", "ups", "failed"),
    ("986578788855", "fedex", "ok"),  # FedEx Express, valid check digit
    ("041441760228964", "fedex", "ok"),  # FedEx Ground
    ("9611020987654312345672", "fedex", "none"),
    ("3318810025", "dhl", "ok"),
    ("8487135506", "dhl", "ok"),
    ("3318810010", "dhl", "failed"),
    ("JD014600003828462145", "dhl", "none"),  # DHL Express piece ID, not JD Logistics
])
def test_known_formats(code, carrier, check):
    match = recognize_carrier(code)
    assert (match.carrier, match.check_digit) == (carrier, check)
    assert match.name_zh and match.name_en and match.pattern


def test_typed_numbers_are_normalised():
    assert recognize_carrier(" sf 1234-5678-90123 ").carrier == "sf"
    assert recognize_carrier("ra123456785cn").check_digit == "ok"


@pytest.mark.parametrize("code", ["", "hello", "6901234567892", "9787111234567", "K1234", "ABC1234567890", "中文"])
def test_unknown_formats_are_other_never_refused(code):
    match = recognize_carrier(code)
    assert match.carrier == OTHER and match.check_digit == "none" and match.ambiguous_with == ()


def test_pure_digit_overlaps_are_reported():
    # 12 digits from 7: ZTO first, but FedEx Express (check digit valid) and SF (old format) fit too
    match = recognize_carrier("799531274483")
    assert match.carrier == "zto" and match.ambiguous_with == ("fedex", "sf")
    # a FedEx 12-digit number with a valid check digit beats SF's broad 12-digit rule…
    assert (recognize_carrier("986578788855").carrier, recognize_carrier("986578788855").ambiguous_with) == ("fedex", ("sf",))
    # …and with a wrong one it is SF, FedEx ruled out
    assert (recognize_carrier("996578788855").carrier, recognize_carrier("996578788855").ambiguous_with) == ("sf", ())
    # 15 digits from 5: Yunda, or FedEx Ground whose check digit fits
    assert recognize_carrier("568283610012000").carrier == "yunda"
    assert recognize_carrier("568283610012000").ambiguous_with == ("fedex",)
    # STO 77… 14 digits is also ZTO's shape
    assert recognize_carrier("77301234567890").ambiguous_with == ("zto",)


# -- check digits ------------------------------------------------------------------------------


def test_s10_published_examples():
    assert s10_check_digit("12345678") == 5  # RA123456785CN
    assert s10_check_digit("47312482") == 9  # RR473124829GB (UPU S10 / Wikipedia example): sum 200, 11 − 2
    assert s10_check_digit("00000000") == 5  # sum 0 → 11 → 5
    with pytest.raises(ValueError):
        s10_check_digit("1234567")


def test_s10_blind_spot():
    assert s10_check_digit("00000000") == s10_check_digit("90000000") == 5  # remainders 0 and 6


def test_s10_remainder_rules():
    # 11 − (sum mod 11) = 10 → 0, = 11 → 5
    serial_for_10 = next(f"{n:08d}" for n in range(10**6)
                         if sum(int(d) * w for d, w in zip(f"{n:08d}", (8, 6, 4, 2, 3, 5, 9, 7))) % 11 == 1)
    assert s10_check_digit(serial_for_10) == 0


@given(st.text(alphabet="0123456789", min_size=8, max_size=8),
       st.sampled_from(["EA", "EE", "RA", "RR", "CP", "LX"]), st.sampled_from(["CN", "HK", "GB", "US"]))
def test_s10_any_serial_with_its_check_digit_passes_and_any_single_change_fails(serial, service, country):
    """Every single-digit change is caught, except the one blind spot of S10 itself: remainders 0
    and 6 both give check digit 5 (11 → 5 and 11 − 6 = 5), so a change moving the weighted sum's
    remainder between 0 and 6 goes unnoticed (the standard's choice, not ours)."""
    code = f"{service}{serial}{s10_check_digit(serial)}{country}"
    assert recognize_carrier(code).check_digit == "ok"

    def remainder(digits: str) -> int:
        return sum(int(x) * w for x, w in zip(digits, (8, 6, 4, 2, 3, 5, 9, 7))) % 11

    for i in range(2, 11):  # every digit of serial and check digit
        for d in "0123456789":
            if d != code[i]:
                changed = code[:i] + d + code[i + 1:]
                blind = i < 10 and {remainder(serial), remainder(changed[2:10])} == {0, 6}
                assert recognize_carrier(changed).check_digit == ("ok" if blind else "failed"), changed


def test_ups_published_example():
    assert ups_check_digit("999AA1012345678") == 4
    with pytest.raises(ValueError):
        ups_check_digit("999AA101234567")


UPS_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@given(st.text(alphabet=UPS_CHARS, min_size=15, max_size=15), st.integers(0, 14), st.sampled_from("0123456789"))
def test_ups_any_body_with_its_check_digit_passes_and_a_changed_digit_fails(body, i, digit):
    code = f"1Z{body}{ups_check_digit(body)}"
    assert recognize_carrier(code).carrier == "ups" and recognize_carrier(code).check_digit == "ok"
    # a single changed digit (a misread) moves the sum by a non-multiple of 10, doubled or not
    old = body[i]
    if old.isdigit() and digit != old and not (i % 2 and (int(digit) - int(old)) % 5 == 0):
        changed = f"1Z{body[:i]}{digit}{body[i + 1:]}{ups_check_digit(body)}"
        assert recognize_carrier(changed).check_digit == "failed"


def test_ups_a_changed_check_digit_fails():
    for d in "012356789":
        assert recognize_carrier(f"1Z999AA1012345678{d}").check_digit == "failed"


def test_fedex_and_dhl_check_digits():
    for code in ("986578788855", "477179081230", "799531274483", "790535312317", "974367662710"):
        assert fedex12_check_digit(code[:11]) == int(code[11])
    assert fedex12_check_digit("99657878885") != 5  # the published invalid one
    for code in ("041441760228964", "568283610012000", "568283610012734"):
        assert fedex15_check_digit(code[:14]) == int(code[14])
    assert fedex15_check_digit("56828361001273") != 2
    for code in ("3318810025", "8487135506", "1099255990", "3821724944", "3318810036", "3318810014"):
        assert dhl_mod7_check_digit(code[:-1]) == int(code[-1])


@given(st.text(alphabet="0123456789", min_size=11, max_size=11))
def test_fedex12_check_digit_is_a_digit(serial):
    assert 0 <= fedex12_check_digit(serial) <= 9


# -- rules as data -----------------------------------------------------------------------------


def test_default_table_validates_and_names_known_checks():
    data = default_carrier_rules()
    assert validate_carrier_rules(data) == data and data is not DEFAULT_CARRIER_RULES
    assert {r["check"] for r in data} <= set(CHECKS)
    carriers = {r["carrier"] for r in data}
    assert carriers >= {"sf", "jd", "ems", "yto", "zto", "sto", "yunda", "jt", "deppon", "cainiao",
                        "ups", "fedex", "dhl"}


@pytest.mark.parametrize("bad, key", [
    ("not a list", "carrier.rules_format"),
    ([1], "carrier.rules_format"),
    ([{"carrier": "Bad Code", "name_zh": "x", "name_en": "x", "pattern": "x"}], "carrier.code_invalid"),
    ([{"carrier": "other", "name_zh": "x", "name_en": "x", "pattern": "x"}], "carrier.code_invalid"),
    ([{"carrier": "x", "name_zh": "", "name_en": "x", "pattern": "x"}], "carrier.name_required"),
    ([{"carrier": "x", "name_zh": "x" * 41, "name_en": "x", "pattern": "x"}], "carrier.name_too_long"),
    ([{"carrier": "x", "name_zh": "x", "name_en": "x", "pattern": " "}], "carrier.pattern_required"),
    ([{"carrier": "x", "name_zh": "x", "name_en": "x", "pattern": "x" * 201}], "carrier.pattern_too_long"),
    ([{"carrier": "x", "name_zh": "x", "name_en": "x", "pattern": "SF(\\d+"}], "carrier.pattern_invalid"),
    ([{"carrier": "x", "name_zh": "x", "name_en": "x", "pattern": "x", "check": "luhn"}], "carrier.check_unknown"),
])
def test_bad_tables_are_refused_with_a_message_key(bad, key):
    with pytest.raises(DomainError) as e:
        validate_carrier_rules(bad)
    assert e.value.key == key


def test_every_error_key_has_a_message():
    pytest.importorskip("PySide6")
    from ui.messages import MESSAGES

    keys = {"carrier.rules_format", "carrier.code_invalid", "carrier.name_required", "carrier.name_too_long",
            "carrier.pattern_required", "carrier.pattern_too_long", "carrier.pattern_invalid", "carrier.check_unknown"}
    assert keys <= set(MESSAGES)


def test_bad_stored_data_gives_the_defaults_and_check_none_is_optional():
    assert [r.to_json() for r in carrier_rules_from_data({"x": 1})] == default_carrier_rules()
    rules = carrier_rules_from_data([{"carrier": "sf", "name_zh": "顺丰", "name_en": "SF", "pattern": "SF\\d+"}])
    assert rules[0].check == "none" and recognize_carrier("SF1", rules).carrier == "sf"
    assert recognize_carrier("SF1", [r.to_json() for r in rules]).carrier == "sf"  # data works too


NEW_RULE = {"carrier": "zjs", "name_zh": "宅急送", "name_en": "ZJS Express", "pattern": r"ZJS\d{5}X\d{5}", "check": "none"}


def test_rules_round_trip_through_the_setting_and_an_admin_edit_changes_recognition(svc):
    assert svc.settings.get("parcels.carrier_rules") == default_carrier_rules()
    assert recognize_carrier("ZJS12345X12345", carrier_rules_from_data(svc.settings.get("parcels.carrier_rules"))).carrier == OTHER
    sign_in_as(svc, "admin")
    svc.settings.set("parcels.carrier_rules", [NEW_RULE, *default_carrier_rules()])
    stored = svc.settings.get("parcels.carrier_rules")
    assert stored[0] == NEW_RULE and stored[1:] == default_carrier_rules()
    rules = carrier_rules_from_data(stored)
    assert recognize_carrier("ZJS12345X12345", rules).carrier == "zjs"
    # the scanner's recognition follows: a code only the carrier table knows is a parcel
    assert recognize("ZJS12345X12345", default_rules()).kind == "unknown"
    rec = recognize("ZJS12345X12345", default_rules(), rules)
    assert rec.kind == "parcel" and rec.carrier.carrier == "zjs" and rec.rule.pattern == r"^(?:ZJS\d{5}X\d{5})$"
    # set_many too; a bad table names its key and changes nothing
    from app.errors import ValidationError

    with pytest.raises(ValidationError) as e:
        svc.settings.set_many({"parcels.carrier_rules": [{**NEW_RULE, "pattern": "("}]})
    assert e.value.fields["parcels.carrier_rules"].key == "carrier.pattern_invalid"
    assert svc.settings.get("parcels.carrier_rules")[0] == NEW_RULE


@pytest.mark.parametrize("user", ["reception", "super", "manager"])
def test_only_an_administrator_changes_the_carrier_rules(svc, user):
    sign_in_as(svc, user)
    with pytest.raises(PermissionDeniedError) as e:
        svc.settings.set("parcels.carrier_rules", [NEW_RULE])
    assert e.value.params == {"role": "admin"}
    with pytest.raises(PermissionDeniedError):
        svc.settings.set_many({"visitor.overstay_hours": 5, "parcels.carrier_rules": [NEW_RULE]})
    assert svc.settings.get("parcels.carrier_rules") == default_carrier_rules()


def test_other_settings_still_need_only_a_supervisor(svc):
    from app.services.settings import required_role

    assert required_role(["visitor.overstay_hours"]) == "supervisor"
    assert required_role(["visitor.overstay_hours", "parcels.carrier_rules"]) == "admin"
    sign_in_as(svc, "super")
    svc.settings.set_many({"visitor.overstay_hours": 5})
    assert svc.settings.get("visitor.overstay_hours") == 5


# -- the scanner's kinds -----------------------------------------------------------------------


@pytest.mark.parametrize("code, kind, carrier", [
    ("RA123456785CN", "parcel", "ems"),
    ("1Z999AA10123456784", "parcel", "ups"),
    ("SF1234567890123", "parcel", "sf"),
    ("ABC1234567890", "parcel", OTHER),  # tracking-like, no carrier known: still a parcel
    ("6901234567892", "unknown", None),  # a Chinese product EAN-13 is not a parcel
    ("9787111234567", "unknown", None),  # nor a book's ISBN
    ("K1234", "key_tag", None),
])
def test_scanner_recognition_carries_the_carrier(code, kind, carrier):
    rec = recognize(code, default_rules())
    assert rec.kind == kind
    assert (rec.carrier.carrier if rec.carrier else None) == carrier


# -- reception scan-test -----------------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_scan_test_prints_the_carrier_of_a_parcel(tmp_path, svc):
    from tests.unit.scanner_helpers import PtyScanner

    sign_in_as(svc, "admin")
    svc.settings.set("parcels.carrier_rules", [NEW_RULE, *default_carrier_rules()])
    device = PtyScanner(tmp_path)
    env = {**os.environ, "RECEPTION_HOME": str(tmp_path / "home"), "PYTHONUNBUFFERED": "1"}
    env.pop("RECEPTION_DB", None)
    proc = subprocess.Popen([sys.executable, "-m", "app", "scan-test", "--port", str(device.port), "--count", "5",
                             "--db", str(svc.ctx.db.engine.url)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            encoding="utf-8")
    try:
        line = proc.stderr.readline()
        assert "reading" in line, line + proc.communicate(timeout=20)[1]
        device.write(b"RA123456785CN\rEA123456789CN\r]C01Z999AA10123456784\rZJS12345X12345\rK1234\r")
        out, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
        device.close()
    assert proc.returncode == 0, err
    ra, ea, ups, zjs, key = (json.loads(line) for line in out.splitlines())
    assert {k: ra[k] for k in ("text", "kind", "carrier", "carrier_name", "carrier_name_zh", "check_digit",
                                "ambiguous_with")} == {
        "text": "RA123456785CN", "kind": "parcel", "carrier": "ems", "carrier_name": "EMS / China Post",
        "carrier_name_zh": "EMS / 中国邮政", "check_digit": "ok", "ambiguous_with": []}
    assert {"raw", "symbology", "aim_id", "encoding", "scanner", "time", "rule"} <= set(ra)
    assert (ea["carrier"], ea["check_digit"]) == ("ems", "failed")
    assert (ups["text"], ups["carrier"], ups["check_digit"], ups["aim_id"]) == ("1Z999AA10123456784", "ups", "ok", "]C0")
    # the administrator's rule from the database: a parcel though no scanner rule matches
    assert (zjs["kind"], zjs["carrier"], zjs["carrier_name"], zjs["rule"]) == (
        "parcel", "zjs", "ZJS Express", r"^(?:ZJS\d{5}X\d{5})$")
    assert key["kind"] == "key_tag" and "carrier" not in key
    assert "Traceback" not in err
