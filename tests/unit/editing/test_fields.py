import datetime as dt

import pytest

from desktop.editing.fields import (
    format_date_input,
    join_lines,
    parse_date,
    parse_positive_int,
    split_lines,
)
from desktop.errors import UserError


@pytest.mark.parametrize(
    "text",
    [
        "05/02/2024",
        "5/2/2024",
        "05-02-2024",
        "05.02.2024",
        "2024-02-05",
        "ngày 05 tháng 02 năm 2024",
        " 5 / 2 / 2024 ",
    ],
)
def test_parse_date_accepts_common_forms(text):
    assert parse_date(text) == dt.date(2024, 2, 5)


def test_blank_date_is_a_draft():
    assert parse_date("  ") is None
    assert format_date_input(None) == ""
    assert format_date_input(dt.date(2024, 2, 5)) == "05/02/2024"


def test_bad_dates_explain_in_vietnamese():
    with pytest.raises(UserError, match="không đúng dạng"):
        parse_date("mai")
    with pytest.raises(UserError, match="không có trên lịch"):
        parse_date("31/02/2024", "Hạn báo cáo")


def test_positive_int():
    assert parse_positive_int(" 15 ", "Số") == 15
    assert parse_positive_int("", "Số") is None
    for bad in ("0", "-3", "5a", "1,5"):
        with pytest.raises(UserError, match="số nguyên dương"):
            parse_positive_int(bad, "Số văn bản")


def test_split_lines_strips_bullets_and_punctuation():
    text = "- UBND tỉnh;\n\n  - Sở Nội vụ ;\nLưu VT.\n"
    assert split_lines(text) == ("UBND tỉnh", "Sở Nội vụ", "Lưu VT")
    assert join_lines(("a", "b")) == "a\nb"


def test_authority_lines_parse_prefixes():
    from desktop.editing.fields import format_authority_lines, parse_authority_lines
    from desktop.model.document import SignerPrefix

    lines = parse_authority_lines("tm. Ủy ban nhân dân\nKT CHỦ TỊCH\n\nPHÓ CHỦ TỊCH\nTUQ.")
    assert [(a.prefix, a.text) for a in lines] == [
        (SignerPrefix.TM, "Ủy ban nhân dân"),
        (SignerPrefix.KT, "CHỦ TỊCH"),
        (None, "PHÓ CHỦ TỊCH"),
        (None, "TUQ."),  # a bare prefix is text, the grammar check will flag it
    ]
    assert format_authority_lines(lines[:2]) == "TM. Ủy ban nhân dân\nKT. CHỦ TỊCH"
