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


def findings(doc) -> dict[str, tuple[Severity, str]]:
    return {f.rule: (f.severity, f.message) for f in check_document(doc, PROFILE, TODAY)}


def test_a_complete_decision_has_no_finding() -> None:
    from tests.unit.checker.docx_fixtures import quyet_dinh

    assert check_document(quyet_dinh(), PROFILE, TODAY) == []


def test_decision_without_authority_or_articles() -> None:
    from tests.unit.checker.docx_fixtures import quyet_dinh

    doc = quyet_dinh().with_changes(
        authority="  ", body=(Paragraph(runs("Thành lập Tổ công tác chuyển đổi số huyện.")),)
    )
    found = findings(doc)
    assert found["decision.authority"][0] is Severity.ERROR
    assert "thẩm quyền ban hành" in found["decision.authority"][1]
    assert found["decision.articles"][0] is Severity.ERROR
    # Without articles there is no "Điều 3" to send it to: no `- Như Điều` advice then.
    assert "distribution.nhu-dieu" not in found


def test_decision_in_articles_is_sent_to_those_who_carry_it_out() -> None:
    from tests.unit.checker.docx_fixtures import quyet_dinh

    found = findings(quyet_dinh().with_changes(distribution=("UBND tỉnh (b/c)",)))
    assert found["distribution.nhu-dieu"][0] is Severity.WARNING


def test_resolution_needs_its_authority_but_not_articles() -> None:
    from tests.unit.checker.docx_fixtures import quyet_dinh

    resolution = quyet_dinh().with_changes(
        kind=DocumentKind.NGHI_QUYET, authority="", body=(Paragraph(runs("Thông qua kế hoạch.")),)
    )
    found = findings(resolution)
    assert "decision.authority" in found
    assert "decision.articles" not in found and "distribution.nhu-dieu" not in found


def test_other_kinds_ignore_the_authority_field() -> None:
    doc = report().with_changes(authority="")
    assert not {r for r in findings(doc) if r.startswith("decision.")}


def test_theo_de_nghi_typed_in_the_body_belongs_in_the_legal_basis_field() -> None:
    doc = report().with_changes(
        body=(Paragraph(runs("Theo đề nghị của Trưởng phòng Nội vụ.")), *report().body)
    )
    assert "legal-basis.format" in errors(doc)


def test_bien_ban_says_it_uses_the_general_layout_and_prints_no_date_line() -> None:
    doc = report().with_changes(kind=DocumentKind.BIEN_BAN, recipients=(), place="")
    found = findings(doc)
    assert found["bien-ban.layout"][0] is Severity.WARNING
    assert "THƯ KÝ" in found["bien-ban.layout"][1]
    assert "date.missing" not in found  # Mẫu 1.9 has no place-and-date line
