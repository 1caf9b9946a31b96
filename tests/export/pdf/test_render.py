"""The PDF export read back: text, positions, fonts, page numbers, footnotes, signature fields,
PDF/A metadata. Each document is rendered once per module."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pytest

from desktop.checker.findings import Severity
from desktop.checker.pdf import check_pdf
from desktop.export.pdf import SEAL_FIELD, SIGNER_FIELD, PdfResult, render_pdf
from desktop.layout.build import MOTTO, NATIONAL_TITLE, build
from desktop.layout.content import Content
from desktop.model.document import Document
from desktop.model.profile import Margins
from tests.export.pdf import documents as docs
from tests.export.pdf.inspect_pdf import (
    MM,
    Char,
    body_text,
    chars,
    expected_body,
    expected_notes,
    find_text,
    in_header_band,
    note_text,
    repeated_headers,
    text_differences,
)


@dataclass
class Rendered:
    content: Content
    result: PdfResult
    data: bytes
    pages: list[list[Char]]
    sizes: list[tuple[float, float]]

    def page_with(self, text: str, start: int = 0) -> int:
        for i, page in enumerate(self.pages[start:], start=start):
            if find_text(page, text) is not None:
                return i + 1
        raise AssertionError(f"{text!r} not found")


def render(document: Document, *, margins: Margins | None = None, **options: object) -> Rendered:
    content = build(document, docs.profile(margins=margins), docs.TODAY)
    out = io.BytesIO()
    result = render_pdf(
        content,
        out,
        producer=docs.PRODUCER,
        created=docs.CREATED,
        **options,  # type: ignore[arg-type]
    )
    data = out.getvalue()
    pages, sizes = chars(data)
    return Rendered(content, result, data, pages, sizes)


@pytest.fixture(scope="module")
def report() -> Rendered:
    return render(docs.full_report())


@pytest.fixture(scope="module")
def cong_van() -> Rendered:
    return render(docs.cong_van())


@pytest.fixture(scope="module")
def draft() -> Rendered:
    return render(docs.draft_plan())


@pytest.mark.parametrize("name", ["report", "cong_van", "draft"])
def test_every_line_of_the_content_is_in_the_pdf_in_order(
    name: str, request: pytest.FixtureRequest
) -> None:
    rendered: Rendered = request.getfixturevalue(name)
    headers = repeated_headers(rendered.content)
    body = body_text(rendered.pages, rendered.sizes, rendered.content)
    assert text_differences(expected_body(rendered.content), body, headers) == []
    assert note_text(rendered.pages) == _note_text_with_numbers(rendered.content)


def _note_text_with_numbers(content: Content) -> str:
    # In the note area each note is drawn as its number (a small raised mark, excluded by size)
    # followed by its text.
    return expected_notes(content)


def test_pages_are_a4_and_every_font_is_an_embedded_subset(report: Rendered) -> None:
    with pikepdf.open(io.BytesIO(report.data)) as pdf:
        names = set()
        for page in pdf.pages:
            box = [float(v) for v in page.mediabox]
            assert box[2] - box[0] == pytest.approx(210 * MM, abs=0.1)
            assert box[3] - box[1] == pytest.approx(297 * MM, abs=0.1)
            for _, font in page.obj.Resources.Font.items():
                name = str(font.BaseFont)
                names.add(name.split("+")[-1])
                assert "+" in name, f"{name} is not subset"
                assert "/FontFile2" in font.FontDescriptor, f"{name} is not embedded"
    assert names == {
        "LiberationSerif",
        "LiberationSerif-Bold",
        "LiberationSerif-Italic",
        "LiberationSerif-BoldItalic",
    }
    assert b"Helvetica" not in report.data


def test_text_layer_is_nfc_vietnamese(report: Rendered) -> None:
    import unicodedata

    text = "".join(c.text for page in report.pages for c in page)
    assert unicodedata.is_normalized("NFC", text)
    assert "Ủy ban nhân dân huyện" in text.replace("\xa0", " ") or "Ủy" in text


def _page_number_chars(rendered: Rendered, page: int) -> list[Char]:
    return [c for c in rendered.pages[page - 1] if in_header_band(c, rendered.content)]


def test_page_numbers_centred_in_the_top_margin_from_page_2_restarting_per_appendix(
    report: Rendered,
) -> None:
    page_setup = report.content.styles.page
    centre = (page_setup.left_mm + page_setup.text_width_mm / 2) * MM
    sections = report.result.section_pages
    assert len(sections) == 3 and sum(sections) == report.result.pages
    assert sections[2] >= 2, "the second phụ lục should run over two pages"
    page = 1
    for count in sections:
        for number in range(1, count + 1):
            marks = _page_number_chars(report, page)
            if number == 1:
                assert marks == [], f"page {page} starts a section and must have no number"
            else:
                assert "".join(c.text for c in marks) == str(number)
                assert {c.size for c in marks} == {14.0}
                middle = (marks[0].x0 + marks[-1].x1) / 2
                assert middle == pytest.approx(centre, abs=0.5)
                # 10 mm header distance: the line box starts there, the baseline lies below.
                assert 10 * MM < marks[0].baseline < page_setup.top_mm * MM
            page += 1


def test_each_footnote_sits_at_the_bottom_of_the_page_of_its_reference(report: Rendered) -> None:
    content = report.content
    assert len(content.footnotes) == 3
    for note, page in zip(content.footnotes, report.result.footnote_pages, strict=True):
        found = report.page_with(note.text)
        assert found == page, f"footnote {note.number} drawn on page {found}, reference on {page}"
        note_chars = find_text(report.pages[found - 1], note.text)
        assert note_chars is not None
        top_of_notes = min(c.top for c in note_chars)
        body = [
            c for c in report.pages[found - 1]
            if c.size > 10.5 and c.top < report.sizes[found - 1][1] - 20 * MM
        ]  # fmt: skip
        assert max(c.bottom for c in body) < top_of_notes, "a note overlaps the text"


def test_footnote_marks_are_numbered_in_reading_order(report: Rendered) -> None:
    marks = [c.text for page in report.pages for c in page if c.size < 9.5 and c.text.isdigit()]
    # Each number appears twice: in the text (reference) and at the page bottom (note).
    numbers = [int(m) for m in marks]
    references = sorted(set(numbers))
    assert references == [1, 2, 3]
    assert all(numbers.count(n) == 2 for n in references)


def test_signature_fields_cover_the_gap_and_the_seal_overlaps_its_left_third(
    report: Rendered,
) -> None:
    fields = {f.name: f for f in report.result.signature_fields}
    assert set(fields) == {SIGNER_FIELD, SEAL_FIELD}
    signer, seal = fields[SIGNER_FIELD], fields[SEAL_FIELD]
    assert signer.page == seal.page == report.page_with("Nơi nhận:")
    page = report.pages[signer.page - 1]
    height = report.sizes[signer.page - 1][1]
    title = find_text(page, "PHÓ CHỦ TỊCH")
    name = find_text(page, "Trần Tuyết Minh")
    assert title is not None and name is not None
    x0, y0, x1, y1 = signer.rect
    assert max(c.bottom for c in title) <= height - y1 + 0.5
    assert height - y0 <= min(c.top for c in name) + 0.5
    assert y1 - y0 == pytest.approx(report.content.styles.signature_gap_mm * MM, abs=0.5)
    _sx0, sy0, sx1, sy1 = seal.rect
    assert sx1 == pytest.approx(x0 + (x1 - x0) / 3, abs=0.01)
    assert (sy0, sy1) == (y0, y1)
    with pikepdf.open(io.BytesIO(report.data)) as pdf:
        acro = pdf.Root.AcroForm
        assert int(acro.SigFlags) == 1
        by_name = {str(f.T): f for f in acro.Fields}
        assert set(by_name) == {SIGNER_FIELD, SEAL_FIELD}
        for field in by_name.values():
            assert pikepdf.Name.Sig == field.FT
            assert "/V" not in field, "a fresh export is unsigned"
            assert int(field.F) == 4, "print flag, never hidden"
            assert set(field.AP.keys()) == {"/N"}
            assert field.AP.N.read_bytes() == b"", "nothing is drawn: print equals the layout"
            assert field.P.objgen == pdf.pages[signer.page - 1].obj.objgen


def test_signer_block_stays_with_the_last_paragraph(report: Rendered) -> None:
    page = report.page_with("Nơi nhận:")
    closing = find_text(report.pages[page - 1], "Trên đây là báo cáo")
    assert closing is not None, "the closing line must be on the signature page"


def test_same_document_twice_gives_the_same_text_and_positions() -> None:
    first = render(docs.full_report())
    second = render(docs.full_report())
    assert first.pages == second.pages
    assert first.result == second.result


def test_metadata_pdfa_identification_and_dates_come_from_the_inputs(report: Rendered) -> None:
    with pikepdf.open(io.BytesIO(report.data)) as pdf:
        meta = pdf.open_metadata()
        assert meta["pdfaid:part"] == "2"
        assert meta["pdfaid:conformance"] == "B"
        assert meta["dc:title"] == report.content.metadata.title
        assert meta["pdf:Producer"] == docs.PRODUCER
        assert meta["xmp:CreateDate"] == "2024-06-20T09:15:30+07:00"
        info = pdf.trailer.Info
        assert str(info.Title) == report.content.metadata.title
        assert str(info.Author) == report.content.metadata.author
        assert str(info.Producer) == docs.PRODUCER
        assert str(info.CreationDate) == "D:20240620091530+07'00'"
        assert str(pdf.Root.Lang) == "vi-VN"
        assert not pdf.is_encrypted
        intent = pdf.Root.OutputIntents[0]
        assert intent.S == pikepdf.Name.GTS_PDFA1
        assert int(intent.DestOutputProfile.N) == 3


def test_pdfa_2b_validator_approves_the_export() -> None:
    pdfa = pytest.importorskip("pikepdf.pdfa", reason="pikepdf[pdfa] extras not installed")
    plain = render(docs.full_report(), signature_fields=False)
    report = pdfa.validate_written(io.BytesIO(plain.data), "2b")
    assert report.passed, report.findings
    # The validator does not cover forms yet: with the signature fields, the only findings
    # must be "unsupported" notes about the AcroForm, never a violation.
    signed = render(docs.full_report())
    findings = pdfa.validate_written(io.BytesIO(signed.data), "2b").findings
    assert findings and all(f.kind == "unsupported" and "AcroForm" in f.where for f in findings)


def test_check_finds_no_errors_in_exports(
    report: Rendered, cong_van: Rendered, draft: Rendered, tmp_path: Path
) -> None:
    for i, rendered in enumerate((report, cong_van, draft)):
        path = tmp_path / f"export-{i}.pdf"
        path.write_bytes(rendered.data)
        findings = check_pdf(path)
        errors = [f for f in findings if f.severity is Severity.ERROR]
        assert errors == []
        assert [f.rule for f in findings] == ["pdf.font-substitute"]


def test_draft_keeps_the_blank_number_and_date_for_the_clerk(draft: Rendered) -> None:
    page = draft.pages[0]
    so = find_text(page, "Số:")
    symbol = find_text(page, "/KH-UBND")
    assert so is not None and symbol is not None
    space = 14 * 0.25 * 13 / 14  # a 13 pt space is 3.25 pt wide
    assert symbol[0].x0 - so[-1].x1 == pytest.approx(6 * space, abs=0.6)
    date = find_text(page, "ngàythángnăm2024")
    assert date is not None
    assert date[4].x0 - date[3].x1 > 3 * space  # "ngày    tháng"


@pytest.mark.parametrize("margins", [Margins(), Margins(25, 20, 35, 20), Margins(20, 25, 35, 15)])
def test_national_title_stays_on_one_line_at_every_allowed_margin(margins: Margins) -> None:
    rendered = render(docs.cong_van(), margins=margins)
    title = find_text(rendered.pages[0], NATIONAL_TITLE)
    assert title is not None
    assert len({round(c.baseline, 1) for c in title}) == 1


def test_short_rules_are_measured_from_the_text(report: Rendered) -> None:
    import pdfplumber

    page = report.pages[0]
    motto = find_text(page, MOTTO)
    assert motto is not None
    with pdfplumber.open(io.BytesIO(report.data)) as pdf:
        lines = [(float(ln["x0"]), float(ln["x1"]), float(ln["top"])) for ln in pdf.pages[0].lines]
    motto_rule = min(
        (ln for ln in lines if ln[2] > motto[0].bottom), key=lambda ln: ln[2] - motto[0].bottom
    )
    assert motto_rule[1] - motto_rule[0] == pytest.approx(motto[-1].x1 - motto[0].x0, abs=1.0)
    gap = motto_rule[2] - motto[0].baseline
    # Right under the tiêu ngữ, but clear of its descenders ("p", "ạ" reach ≈3 pt below the
    # baseline at 14 pt), as Word and LibreOffice draw the DOCX's border.
    assert 4.0 < gap < 8.0, f"the rule sits {gap:.1f} pt under the tiêu ngữ's baseline"


def test_cong_van_prints_vv_under_the_number_and_boxes_the_urgency_mark(cong_van: Rendered) -> None:
    import pdfplumber

    page = cong_van.pages[0]
    number = find_text(page, "Số: 05/UBND-KT&HT")
    vv = find_text(page, "V/v triển khai")
    mark = find_text(page, "THƯỢNG KHẨN")
    assert number is not None and vv is not None and mark is not None
    assert vv[0].top > number[0].bottom
    assert vv[0].x1 < 105 * MM, "V/v stays in the left column"
    with pdfplumber.open(io.BytesIO(cong_van.data)) as pdf:
        edges = [(float(e["x0"]), float(e["x1"]), float(e["top"])) for e in pdf.pages[0].lines]
        edges += [(float(r["x0"]), float(r["x1"]), float(r["top"])) for r in pdf.pages[0].rects]
        edges += [(float(r["x0"]), float(r["x1"]), float(r["bottom"])) for r in pdf.pages[0].rects]
    spanning = [
        e for e in edges if e[0] <= mark[0].x0 and e[1] >= mark[-1].x1 and e[1] - e[0] < 60 * MM
    ]
    assert any(e[2] <= mark[0].top for e in spanning), "rule above the urgency mark"
    assert any(e[2] >= mark[0].bottom for e in spanning), "rule below the urgency mark"


def test_draft_reports_where_the_number_and_date_lines_are(draft: Rendered) -> None:
    areas = {a.name: a for a in draft.result.stamp_areas}
    assert set(areas) == {"SoKyHieu", "NgayThang"}
    height = draft.sizes[0][1]
    for name, text in (("SoKyHieu", "Số:"), ("NgayThang", "Bình Phước, ngày")):
        x0, y0, x1, y1 = areas[name].rect
        found = find_text(draft.pages[0], text)
        assert found is not None
        assert all(x0 - 0.5 <= c.x0 and c.x1 <= x1 + 0.5 for c in found)
        assert all(height - y1 - 0.5 <= c.baseline <= height - y0 + 0.5 for c in found)


def test_export_pdf_builds_and_writes_a_document(tmp_path: Path) -> None:
    from desktop.export.pdf import export_pdf

    target = tmp_path / "ke-hoach.pdf"
    result = export_pdf(
        docs.draft_plan(), docs.profile(), target, docs.TODAY,
        producer=docs.PRODUCER, created=docs.CREATED,
    )  # fmt: skip
    assert target.read_bytes().startswith(b"%PDF-")
    assert result.pages == 1 and result.pdfa
    assert [f.name for f in result.signature_fields] == [SIGNER_FIELD, SEAL_FIELD]
