"""The checker on the app's own documents, before export: what the user wrote or left out."""

from __future__ import annotations

import datetime as dt

from desktop.checker import check_document as check_with_default_day
from desktop.checker.document import check_document
from desktop.checker.findings import Severity
from desktop.model.document import (
    AuthorityLine,
    DocumentStatus,
    Heading,
    HeadingLevel,
    Paragraph,
    SignerBlock,
    SignerPrefix,
    runs,
)
from desktop.model.kinds import DocumentKind
from desktop.model.profile import Margins, OfficeProfile
from tests.unit.checker.docx_fixtures import PROFILE, TODAY, cong_van, report


def errors(doc, profile: OfficeProfile = PROFILE) -> dict[str, str]:
    return {
        f.rule: f.message
        for f in check_document(doc, profile, TODAY)
        if f.severity is Severity.ERROR
    }


def test_a_complete_report_has_no_finding() -> None:
    assert check_document(report(), PROFILE, TODAY) == []
    assert check_with_default_day(report(), PROFILE) == []


def test_missing_parts_are_named() -> None:
    doc = report().with_changes(
        title="", issuing_agency="", place="", signer=SignerBlock(), distribution=(), body=(),
        closing="",
    )  # fmt: skip
    found = errors(doc)
    for rule in ("title.missing", "agency.missing", "date.missing", "signer.missing",
                 "distribution.nhu-tren", "document.body-empty"):  # fmt: skip
        assert rule in found, rule
    warnings = {f.rule for f in check_document(doc, PROFILE, TODAY)} - set(found)
    assert "distribution.missing" in found or "distribution.missing" in warnings


def test_nhu_tren_is_required_when_there_is_a_kinh_gui() -> None:
    assert "distribution.nhu-tren" in errors(report().with_changes(distribution=("Sở Nội vụ",)))
    assert "distribution.nhu-tren" not in errors(
        report().with_changes(distribution=("Sở Nội vụ",), recipients=())
    )


def test_finalized_document_needs_number_and_date() -> None:
    draft = report().with_changes(number=None, date=None)
    assert "document.status" not in errors(draft)
    found = errors(draft.with_changes(status=DocumentStatus.FINALIZED))
    assert "số và ngày ban hành" in found["document.status"]


def test_signer_grammar_from_the_model_rules() -> None:
    signer = SignerBlock(
        (
            AuthorityLine("Chủ tịch", SignerPrefix.KT),
            AuthorityLine("Phó Chủ tịch", SignerPrefix.KT),
        ),
        "Lê Văn A",
    )
    assert (
        "KT. chỉ được dùng một lần"
        in errors(report().with_changes(signer=signer))["signer.grammar"]
    )


def test_number_grammar_of_the_profile_abbreviation() -> None:
    found = errors(cong_van().with_changes(agency_abbr="CV"))
    assert "number.cv" in found


def test_typed_labels_and_letter_order_point_at_the_block() -> None:
    bad = Paragraph(runs("a. Nội dung gõ tay"))
    doubled = Heading(HeadingLevel.ARABIC, runs("1. Hạ tầng"))
    doc = report().with_changes(body=(*report().body, bad, doubled))
    findings = {f.rule: f for f in check_document(doc, PROFILE, TODAY)}
    assert findings["heading.letter-dot"].location.block_id == bad.id
    assert findings["heading.sequence"].location.block_id == doubled.id


def test_characters_outside_times_new_roman_are_reported_with_their_block() -> None:
    odd = Paragraph(runs("Đạt chỉ tiêu ✓ 😀"))
    doc = report().with_changes(body=(*report().body, odd))
    (finding,) = [f for f in check_document(doc, PROFILE, TODAY) if f.rule == "text.coverage"]
    assert finding.severity is Severity.ERROR
    assert finding.location.block_id == odd.id
    assert "U+2713" in finding.message and "U+1F600" in finding.message


def test_cang_cu_typed_in_the_body_belongs_in_the_legal_basis_field() -> None:
    doc = report().with_changes(
        legal_bases=(), body=(Paragraph(runs("Căn cứ Luật Tổ chức")), *report().body)
    )
    assert "legal-basis.format" in errors(doc)


def test_profile_outside_the_decree_ranges() -> None:
    profile = OfficeProfile(
        margins=Margins(20, 20, 25, 15), line_spacing=2.0, paragraph_spacing_pt=3
    )
    found = errors(report(), profile)
    assert {"page.margins", "body.line-spacing", "body.spacing"} <= set(found)
    assert "lề trái 25 mm" in found["page.margins"]


def test_appendix_not_mentioned_in_the_body_is_a_warning() -> None:
    doc = report().with_changes(body=report().body[:-1])
    (finding,) = [f for f in check_document(doc, PROFILE, TODAY) if f.rule == "appendix.reference"]
    assert finding.severity is Severity.WARNING


def test_kinds_without_abbreviation_mismatch() -> None:
    doc = report().with_changes(kind=DocumentKind.TO_TRINH)
    assert errors(doc) == {}
    assert check_document(doc, PROFILE, dt.date(2026, 3, 5)) == []
