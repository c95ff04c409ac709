"""Field rules of the counter's forms (app.validation): pure functions, no database."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.errors import DomainError
from app.validation import (
    id_check_char,
    normalize_badge,
    normalize_document,
    normalize_mainland_id,
    normalize_phone,
    normalize_plate,
)

TODAY = date(2026, 6, 1)


def key_of(fn, *args, **kwargs) -> str:
    """The message key a validator raises (fails the test if it accepts the value)."""
    with pytest.raises(DomainError) as info:
        fn(*args, **kwargs)
    return info.value.key


def with_check(first17: str) -> str:
    return first17 + id_check_char(first17)


# -- GB 11643 resident ID numbers -------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    [
        "11010519491231002X",  # the example printed in GB 11643-1999, check character X
        with_check("44030619900307123"),
        with_check("51010720000229456"),  # born on a leap day
        with_check("81000019850615001"),  # Hong Kong resident (8x region)
    ],
)
def test_known_good_ids_accepted(number):
    assert normalize_mainland_id(number, today=TODAY) == number


def test_check_char_of_standard_example_is_x():
    assert id_check_char("11010519491231002") == "X"


def test_lower_case_x_and_spaces_are_normalised():
    assert normalize_mainland_id(" 110105 19491231 002x ", today=TODAY) == "11010519491231002X"


def test_wrong_check_digit_refused():
    assert key_of(normalize_mainland_id, "110105194912310021", today=TODAY) == "id.checksum"
    assert key_of(normalize_mainland_id, "110105194912310020", today=TODAY) == "id.checksum"


def test_x_where_a_digit_belongs_refused():
    good = with_check("44030619900307123")
    assert good[-1] != "X"
    assert key_of(normalize_mainland_id, good[:17] + "X", today=TODAY) == "id.checksum"


@pytest.mark.parametrize(
    "first17",
    [
        "11010519490230002",  # 30 February
        "11010519491301002",  # month 13
        "11010519491200002",  # day 0
        "11010518991231002",  # before 1900
        "11010520260602002",  # after "today"
    ],
)
def test_bad_birth_date_refused_even_with_a_correct_check_char(first17):
    assert key_of(normalize_mainland_id, with_check(first17), today=TODAY) == "id.birthdate"


def test_birth_date_today_is_accepted():
    number = with_check("110105" + TODAY.strftime("%Y%m%d") + "002")
    assert normalize_mainland_id(number, today=TODAY) == number


@pytest.mark.parametrize("number", ["11010519491231002", "11010519491231002X1", "1234", "1" * 15])
def test_wrong_length_refused(number):
    assert key_of(normalize_mainland_id, number, today=TODAY) == "id.length"


@pytest.mark.parametrize("number", ["", "   ", None])
def test_empty_id_is_required(number):
    assert key_of(normalize_mainland_id, number, today=TODAY) == "id.required"


@pytest.mark.parametrize("number", ["1101051949123100AX", "X10105194912310029", "11010519491231002Y"])
def test_letters_in_the_digits_refused(number):
    assert key_of(normalize_mainland_id, number, today=TODAY) == "id.format"


@pytest.mark.parametrize("first17", ["00010519491231002", "71010519491231002", "91010519491231002"])
def test_impossible_region_refused(first17):
    assert key_of(normalize_mainland_id, with_check(first17), today=TODAY) == "id.region"


@st.composite
def valid_first17(draw) -> str:
    region = draw(st.sampled_from("1234568")) + draw(st.text("0123456789", min_size=5, max_size=5))
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=TODAY))
    seq = draw(st.text("0123456789", min_size=3, max_size=3))
    return region + born.strftime("%Y%m%d") + seq


@settings(max_examples=300)
@given(valid_first17())
def test_any_valid_first17_with_its_check_char_is_accepted(first17):
    number = first17 + id_check_char(first17)
    assert normalize_mainland_id(number, today=TODAY) == number
    assert normalize_document("mainland_id", number.lower()) == number


@settings(max_examples=300)
@given(valid_first17(), st.integers(0, 17), st.integers(1, 10))
def test_changing_any_single_character_makes_the_id_fail(first17, pos, shift):
    number = first17 + id_check_char(first17)
    alphabet = "0123456789" if pos < 17 else "0123456789X"
    old = number[pos]
    new = alphabet[(alphabet.index(old) + shift) % len(alphabet)]
    if new == old:  # shift == len(alphabet) for the digits: move one further
        new = alphabet[(alphabet.index(old) + shift + 1) % len(alphabet)]
    changed = number[:pos] + new + number[pos + 1 :]
    assert changed != number
    with pytest.raises(DomainError):
        normalize_mainland_id(changed, today=TODAY)


# -- phones --------------------------------------------------------------------------


mobiles = st.builds(
    lambda second, rest: "1" + second + rest,
    st.sampled_from("3456789"),
    st.text("0123456789", min_size=9, max_size=9),
)


@settings(max_examples=200)
@given(mobiles, st.sampled_from(["", "+86", "+86 ", "0086", "0086-", "+86-"]),
       st.sampled_from(["plain", "spaces", "dashes", "344"]))
def test_every_valid_mobile_is_accepted_in_any_usual_writing(mobile, prefix, style):
    if style == "plain":
        body = mobile
    elif style == "spaces":
        body = " ".join(mobile)
    elif style == "dashes":
        body = f"{mobile[:3]}-{mobile[3:7]}-{mobile[7:]}"
    else:
        body = f"{mobile[:3]} {mobile[3:7]} {mobile[7:]}"
    assert normalize_phone(prefix + body) == mobile


@settings(max_examples=100)
@given(st.integers(1, 20).filter(lambda n: n != 11), st.data())
def test_mobile_of_wrong_length_refused(length, data):
    number = ("13" + data.draw(st.text("0123456789", min_size=18, max_size=18)))[:length]
    assert key_of(normalize_phone, number) == "phone.mobile_length"
    assert key_of(normalize_phone, "+86" + number) == "phone.mobile_length"


@pytest.mark.parametrize("number", ["10012345678", "11012345678", "12012345678", "+8612012345678"])
def test_mobile_with_an_unused_prefix_refused(number):
    assert key_of(normalize_phone, number) == "phone.mobile_prefix"


@pytest.mark.parametrize("number", ["1381234567a", "138.1234.5678"])
def test_mobile_with_other_characters_refused(number):
    assert key_of(normalize_phone, number) == "phone.format"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0755-12345678", "075512345678"),
        ("010 8888 6666", "01088886666"),
        ("(021) 6666-7777", "02166667777"),
        ("0571-8765432", "05718765432"),  # 7-digit local number
        ("+86 755 1234 5678", "075512345678"),  # landline in international form
        ("+86 10 8888 6666", "01088886666"),
        ("+86 0755 1234 5678", "075512345678"),
        ("+44 20 7946 0958", "+442079460958"),
        ("+1 (415) 555-2671", "+14155552671"),
        ("+852 2345 6789", "+85223456789"),
    ],
)
def test_landlines_and_international_numbers_accepted(typed, stored):
    assert normalize_phone(typed) == stored


@pytest.mark.parametrize("number", ["12345", "0755-123", "+12", "abc", "075512345678901"])
def test_nonsense_numbers_refused(number):
    with pytest.raises(DomainError):
        normalize_phone(number)


def test_empty_phone_is_allowed_unless_required():
    assert normalize_phone("") == ""
    assert normalize_phone("  ") == ""
    assert key_of(normalize_phone, "", required=True) == "phone.required"


# -- plates, badges, documents ----------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("粤B12345", "粤B12345"),
        ("粤b·12345", "粤B12345"),
        ("京A-8888X", "京A8888X"),
        ("粤BD12345", "粤BD12345"),  # new-energy plate, 8 characters
        ("沪AF 12345", "沪AF12345"),
        ("粤B1234学", "粤B1234学"),
        ("粤B1234挂", "粤B1234挂"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_plates_accepted_and_normalised(typed, stored):
    assert normalize_plate(typed) == stored


@pytest.mark.parametrize(
    "plate",
    ["粤I12345", "粤O12345", "AB12345", "粤B1234", "粤B1234567", "粤12345", "台B12345", "粤B1234I"],
)
def test_bad_plates_refused(plate):
    assert key_of(normalize_plate, plate) == "plate.format"


@pytest.mark.parametrize(("typed", "stored"), [(" v-01 ", "V-01"), ("a7", "A7"), ("", ""), ("X" * 32, "X" * 32)])
def test_badges_accepted(typed, stored):
    assert normalize_badge(typed) == stored


@pytest.mark.parametrize("badge", ["V 01", "V_01", "访客1", "X" * 33, "V/01"])
def test_bad_badges_refused(badge):
    assert key_of(normalize_badge, badge) == "badge.format"


@pytest.mark.parametrize(
    ("doc_type", "typed", "stored"),
    [
        ("hkmt_permit", "h12345678", "H12345678"),
        ("hkmt_permit", "M1234567801", "M1234567801"),
        ("hkmt_permit", "12345678", "12345678"),  # Taiwan residents' permit
        ("hkmt_permit", "1234 5678 90", "1234567890"),
        ("passport", "e1234 5678", "E12345678"),
        ("passport", "G12345", "G12345"),
        ("passport", "P" + "1" * 19, "P" + "1" * 19),
        ("other", "军官证 123", "军官证123"),
        ("mainland_id", "11010519491231002x", "11010519491231002X"),
    ],
)
def test_documents_accepted(doc_type, typed, stored):
    assert normalize_document(doc_type, typed) == stored


@pytest.mark.parametrize(
    ("doc_type", "number", "key"),
    [
        ("hkmt_permit", "X12345678", "doc.permit_format"),
        ("hkmt_permit", "H1234567", "doc.permit_format"),
        ("hkmt_permit", "H123456789", "doc.permit_format"),
        ("hkmt_permit", "1234567", "doc.permit_format"),
        ("passport", "E12", "doc.passport_format"),
        ("passport", "E123-4567", "doc.passport_format"),
        ("passport", "P" * 21, "doc.passport_format"),
        ("other", "A" * 33, "doc.other_format"),
        ("other", "", "doc.required"),
        ("passport", "  ", "doc.required"),
        ("driving_licence", "123456", "doc.type_unknown"),
        ("mainland_id", "110105194912310021", "id.checksum"),
    ],
)
def test_bad_documents_refused(doc_type, number, key):
    assert key_of(normalize_document, doc_type, number) == key


# -- full-width input from a Chinese input method --------------------------------------------


@pytest.mark.parametrize(
    ("fn", "typed", "stored"),
    [
        (normalize_phone, "１３８１２３４５６７８", "13812345678"),
        (normalize_phone, "＋８６ １３８－１２３４－５６７８", "13812345678"),
        (normalize_phone, "０７５５－１２３４５６７８", "075512345678"),
        (normalize_phone, "0755１２３４５６７８", "075512345678"),
        (lambda v: normalize_mainland_id(v, today=TODAY), "１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X"),
        (lambda v: normalize_mainland_id(v, today=TODAY), "１１０１０５１９４９１２３１００２ｘ", "11010519491231002X"),
        (lambda v: normalize_document("passport", v), "Ｅ１２３４５６７８", "E12345678"),
        (lambda v: normalize_document("hkmt_permit", v), "Ｈ１２３４５６７８", "H12345678"),
        (normalize_badge, "Ｖ－０１", "V-01"),
        (normalize_plate, "粤Ｂ１２３４５", "粤B12345"),
    ],
)
def test_full_width_characters_are_read_as_ascii(fn, typed, stored):
    assert fn(typed) == stored


@pytest.mark.parametrize("number", ["1٣٨12345678", "0755١٢٣٤٥٦٧٨", "+٤٤2079460958"])
def test_digits_of_other_scripts_are_refused(number):
    with pytest.raises(DomainError):
        normalize_phone(number)


def test_other_script_digits_in_an_id_are_refused():
    with pytest.raises(DomainError):
        normalize_mainland_id("1١0105194912310029", today=TODAY)


@settings(max_examples=300)
@given(st.text(alphabet="0123456789１２３４５６７８９０٣+＋-－ ()", max_size=20))
def test_an_accepted_phone_is_always_plain_ascii(typed):
    try:
        phone = normalize_phone(typed)
    except DomainError:
        return
    assert phone == "" or re.fullmatch(r"\+?[0-9]+", phone), phone
