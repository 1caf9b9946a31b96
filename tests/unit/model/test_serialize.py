"""The JSON form: exact round trips (also of generated documents), strict and Vietnamese errors."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.model.document import (
    Appendix,
    AuthorityLine,
    Document,
    DocumentStatus,
    FootnoteRef,
    Heading,
    HeadingLevel,
    ListItem,
    ListMarker,
    PageBreak,
    Paragraph,
    PeriodKind,
    ReportingPeriod,
    Run,
    Secrecy,
    SignerBlock,
    SignerPrefix,
    Table,
    TableCell,
    Urgency,
)
from desktop.model.kinds import DocumentKind
from desktop.model.serialize import (
    DocumentFormatError,
    document_from_json,
    document_to_json,
    dumps_document,
    loads_document,
    profile_from_json,
    profile_to_json,
)
from tests.helpers.stores import OFFICE, report

text = st.text(max_size=40)
block_ids = st.text(alphabet="0123456789abcdef", min_size=1, max_size=12)
run = st.builds(Run, text, st.booleans(), st.booleans(), st.booleans())
inline = st.one_of(run, st.builds(FootnoteRef, st.tuples(run) | st.tuples(run, run)))
content = st.lists(inline, max_size=4).map(tuple)
cell = st.builds(TableCell, content, col_span=st.integers(1, 3), bold=st.booleans())
rows = st.lists(st.lists(cell, min_size=1, max_size=3).map(tuple), min_size=1, max_size=3).map(
    tuple
)
widths = st.none() | st.lists(
    st.floats(0.1, 100, allow_nan=False, allow_infinity=False), min_size=1, max_size=4
).map(tuple)
block = st.one_of(
    st.builds(
        Heading, st.sampled_from(HeadingLevel), content, st.booleans(), block_ids, st.booleans()
    ),
    st.builds(Paragraph, content, block_ids),
    st.builds(ListItem, st.sampled_from(ListMarker), content, block_ids),
    st.builds(Table, rows, st.integers(0, 3), widths, text, block_ids),
    st.builds(PageBreak, block_ids),
)
blocks = st.lists(block, max_size=6).map(tuple)
dates = st.none() | st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))
signer = st.builds(
    SignerBlock,
    st.lists(
        st.builds(AuthorityLine, text, st.none() | st.sampled_from(SignerPrefix)), max_size=3
    ).map(tuple),
    text,
)
documents = st.builds(
    Document,
    kind=st.sampled_from(DocumentKind),
    title=text,
    authority=text,
    parent_agency=text,
    issuing_agency=text,
    agency_abbr=text,
    unit_abbr=text,
    number=st.none() | st.integers(1, 99999),
    place=text,
    date=dates,
    recipients=st.lists(text, max_size=3).map(tuple),
    legal_bases=st.lists(text, max_size=3).map(tuple),
    urgency=st.none() | st.sampled_from(Urgency),
    secrecy=st.none() | st.sampled_from(Secrecy),
    body=blocks,
    closing=text,
    signer=signer,
    distribution=st.lists(text, max_size=3).map(tuple),
    archive_note=text,
    drafter_initials=text,
    copies=st.none() | st.integers(1, 1000),
    footer_address=text,
    appendices=st.lists(st.builds(Appendix, text, blocks, text, block_ids), max_size=2).map(tuple),
    reporting_period=st.none()
    | st.builds(
        ReportingPeriod, st.sampled_from(PeriodKind), st.integers(1900, 2100), st.integers(1, 12)
    ),
    deadline=dates,
    status=st.sampled_from(DocumentStatus),
    source=st.dictionaries(text, text, max_size=3),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_generated_documents_round_trip_exactly(document):
    text_form = dumps_document(document)
    again = loads_document(text_form)
    assert again == document
    assert dumps_document(again) == text_form  # stable: same bytes every time


def test_realistic_report_round_trips_and_keeps_block_ids():
    doc = report()
    again = loads_document(dumps_document(doc))
    assert again == doc
    assert [b.id for b in again.body] == [b.id for b in doc.body]


def test_dump_is_readable_utf8_with_fixed_key_order():
    dumped = dumps_document(report())
    assert "Đắk Glei" in dumped  # not \\u escapes
    keys = list(json.loads(dumped))
    assert keys[:4] == ["format", "version", "kind", "status"]
    assert dumped.endswith("}\n")


def test_loading_nfd_text_stores_nfc():
    data = document_to_json(report())
    data["title"] = unicodedata.normalize("NFD", data["title"])
    assert document_from_json(data).title == unicodedata.normalize("NFC", data["title"])


def minimal(**fields):
    return {"format": "baocao.document", "version": 1, "kind": "bao-cao", **fields}


@pytest.mark.parametrize(
    ("data", "path", "words"),
    [
        (minimal(extra=1), "$", "trường không được hỗ trợ: extra"),
        ({"format": "x", "version": 1, "kind": "bao-cao"}, "$.format", "không phải tệp văn bản"),
        (minimal(version=2), "$.version", "mới hơn phiên bản ứng dụng hỗ trợ"),
        (minimal(kind="cv"), "$.kind", "giá trị không hợp lệ 'cv'"),
        (minimal(number=0), "$.number", "phải lớn hơn hoặc bằng 1"),
        (minimal(number="5"), "$.number", "phải là số nguyên"),
        (minimal(number=True), "$.number", "phải là số nguyên"),
        (minimal(date="2024-02-30"), "$.date", "ngày không tồn tại"),
        (minimal(title=5), "$.title", "phải là chuỗi"),
        (minimal(authority=["CHỦ TỊCH"]), "$.authority", "phải là chuỗi"),
        (minimal(body=[{"type": "para"}]), "$.body[0].type", "loại khối không hợp lệ"),
        (
            minimal(signer={"lines": [{"text": "GIÁM ĐỐC", "prefix": "PT."}]}),
            "$.signer.lines[0].prefix",
            "giá trị không hợp lệ 'PT.'",
        ),
        (minimal(body=[{"type": "paragraph"}]), "$.body[0]", "thiếu trường: content"),
    ],
)
def test_strict_parsing_names_the_field(data, path, words):
    with pytest.raises(DocumentFormatError) as info:
        document_from_json(data)
    assert info.value.path == path
    assert words in info.value.message


def test_authority_round_trips_and_older_files_without_it_still_load():
    doc = report().with_changes(
        kind=DocumentKind.QUYET_DINH, authority="Chủ tịch Ủy ban nhân dân huyện Đắk Glei"
    )
    data = document_to_json(doc)
    assert list(data)[list(data).index("title") + 1] == "authority"
    assert document_from_json(data).authority == doc.authority
    older = {k: v for k, v in document_to_json(report()).items() if k != "authority"}
    assert document_from_json(older).authority == ""
    nfd = unicodedata.normalize("NFD", "Chủ tịch")
    assert document_from_json({**data, "authority": nfd}).authority == "Chủ tịch"


def test_invalid_json_text_is_reported_with_position():
    with pytest.raises(DocumentFormatError) as info:
        loads_document('{"format": ')
    assert "JSON không hợp lệ" in info.value.message


def test_profile_round_trip():
    assert profile_from_json(profile_to_json(OFFICE)) == OFFICE
