"""Each rule of the DOCX checker fires on a file broken in exactly that way (spec §9).

The files are clean exports of the app with one thing changed in their XML, the way a clerk's
colleague would get it wrong in Word. The clean exports themselves must have no finding at all.
"""

from __future__ import annotations

import unicodedata

import pytest

from desktop.checker.catalog import RULES
from desktop.checker.findings import Severity
from desktop.checker.ooxml import check_docx
from tests.unit.checker.docx_fixtures import (
    EditableDocx,
    Mutation,
    cong_van,
    export,
    ppr,
    quyet_dinh,
    remove,
    report,
    set_flag,
    set_para_attr,
    set_run_attr,
    set_text,
    text_of,
    w,
)

_CACHE: dict[str, bytes] = {}


def clean(name: str) -> bytes:
    if name not in _CACHE:
        makers = {"report": report, "cong_van": cong_van, "quyet_dinh": quyet_dinh}
        _CACHE[name] = export(makers[name]())
    return _CACHE[name]


@pytest.mark.parametrize("name", ["report", "cong_van", "quyet_dinh"])
def test_clean_exports_have_no_findings(name: str) -> None:
    assert check_docx(clean(name)) == []


# ------------------------------------------------------------------------------ mutations


def replace_text(starts: str, new: str, part: str = "word/document.xml") -> Mutation:
    def apply(d: EditableDocx) -> None:
        set_text(d.paragraph(starts, part), new)

    return apply


def flag(starts: str, tag: str, on: bool) -> Mutation:
    return lambda d: set_flag(d.paragraph(starts), tag, on)


def run_attr(starts: str, tag: str, **attrs: str) -> Mutation:
    return lambda d: set_run_attr(d.paragraph(starts), tag, **attrs)


def para_attr(starts: str, tag: str, **attrs: str) -> Mutation:
    return lambda d: set_para_attr(d.paragraph(starts), tag, **attrs)


def section_attr(index: int, tag: str, **attrs: str) -> Mutation:
    def apply(d: EditableDocx) -> None:
        el = d.sections()[index].find(w(tag))
        for key, value in attrs.items():
            el.set(w(key), value)

    return apply


def border_under(starts: str) -> Mutation:
    def apply(d: EditableDocx) -> None:
        borders = ppr(d.paragraph(starts)).makeelement(w("pBdr"), {})
        bottom = borders.makeelement(w("bottom"), {w("val"): "single", w("sz"): "6"})
        borders.append(bottom)
        ppr(d.paragraph(starts)).insert(0, borders)

    return apply


def drop_in_section(index: int, tag: str) -> Mutation:
    return lambda d: remove(d.sections()[index].find(w(tag)))


def rule_paragraph_after(starts: str) -> Mutation:
    """Remove the border of the rule paragraph that follows the paragraph starting `starts`."""

    def apply(d: EditableDocx) -> None:
        p = d.paragraph(starts)
        rule = p.getnext()
        remove(ppr(rule).find(w("pBdr")))

    return apply


def shorten_rule_after(starts: str, twips: int) -> Mutation:
    def apply(d: EditableDocx) -> None:
        rule = d.paragraph(starts).getnext()
        ind = ppr(rule).find(w("ind"))
        ind.set(w("left"), str(int(ind.get(w("left"))) + twips))
        ind.set(w("right"), str(int(ind.get(w("right"))) + twips))

    return apply


def page_field_to_footer(d: EditableDocx) -> None:
    header = d.root(d.header_part("default"))
    footer = d.root(d.footer_part("default"))
    for p in list(footer):
        footer.remove(p)
    for p in header.findall(w("p")):
        footer.append(p)


def header_page_field_removed(d: EditableDocx) -> None:
    header = d.root(d.header_part("default"))
    for r in list(header.iter(w("r"))):
        remove(r)


def footer_text_everywhere(d: EditableDocx) -> None:
    footer = d.root(d.footer_part("default"))
    address = d.root(d.footer_part("first")).find(w("p"))
    from copy import deepcopy

    footer.append(deepcopy(address))


def narrow_right_column(d: EditableDocx) -> None:
    header_table = d.tables()[0]
    for tc_w in header_table.iter(w("tcW")):
        if int(tc_w.get(w("w"))) > 4000:
            tc_w.set(w("w"), "4535")  # 80 mm
    cols = header_table.find(w("tblGrid")).findall(w("gridCol"))
    cols[1].set(w("w"), "4535")


def decompose(starts: str) -> Mutation:
    def apply(d: EditableDocx) -> None:
        p = d.paragraph(starts)
        t = next(p.iter(w("t")))
        t.text = unicodedata.normalize("NFD", t.text)

    return apply


def fake_footnote(d: EditableDocx) -> None:
    p = d.paragraph("Toàn huyện")
    ref = next(r for r in p.iter(w("r")) if r.find(w("footnoteReference")) is not None)
    ref.remove(ref.find(w("footnoteReference")))
    t = ref.makeelement(w("t"), {})
    t.text = "1"
    ref.append(t)


def drop_paragraph(starts: str) -> Mutation:
    return lambda d: remove(d.paragraph(starts))


def empty_body(d: EditableDocx) -> None:
    body = d.root().find(w("body"))
    children = list(body)
    start = children.index(d.paragraph("Căn cứ"))
    end = next(
        i
        for i, el in enumerate(children)
        if el.tag == w("tbl") and "Nơi nhận" in "".join(t.text or "" for t in el.iter(w("t")))
    )
    for el in children[start:end]:
        body.remove(el)


def clear_signer(d: EditableDocx) -> None:
    for starts in ("TM. ỦY BAN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"):
        set_text(d.paragraph(starts), "")


def drop_cant_split(d: EditableDocx) -> None:
    table = d.tables()[-1]
    for el in table.iter(w("cantSplit")):
        remove(el)


def landscape_appendix(d: EditableDocx) -> None:
    size = d.sections()[-1].find(w("pgSz"))
    size.set(w("w"), "16838")
    size.set(w("h"), "11906")
    size.set(w("orient"), "landscape")


def articles_as_plain_paragraphs(d: EditableDocx) -> None:
    """A quyết định typed without articles: the `Điều N.` labels removed."""
    for p in d.paragraphs():
        text = text_of(p)
        if text.startswith("Điều "):
            set_text(p, text.split(". ", 1)[1])


CASES: list[tuple[str, str, Mutation]] = [
    # page
    ("page.size", "report", section_attr(0, "pgSz", w="12240", h="15840")),
    ("page.orientation", "report", landscape_appendix),
    ("page.margins", "report", section_attr(0, "pgMar", left="1417")),
    ("font.family", "report", run_attr("Toàn huyện", "rFonts", ascii="Arial", hAnsi="Arial")),
    ("font.slots", "report", run_attr("Toàn huyện", "rFonts", eastAsia="MS Mincho")),
    ("font.legacy", "report", run_attr("Toàn huyện", "rFonts", ascii=".VnTime", hAnsi=".VnTime")),
    ("font.color", "report", run_attr("Toàn huyện", "color", val="FF0000")),
    ("text.nfc", "report", decompose("Toàn huyện")),
    ("text.coverage", "report", replace_text("Toàn huyện", "Toàn huyện đã có ✓ kết quả tốt.")),
    ("page-number.missing", "report", header_page_field_removed),
    ("page-number.first-page", "report", drop_in_section(0, "titlePg")),
    ("page-number.footer", "report", page_field_to_footer),
    (
        "page-number.format",
        "report",
        lambda d: set_para_attr(d.paragraphs(d.header_part("default"))[0], "jc", val="right"),
    ),
    ("page-number.appendix", "report", drop_in_section(1, "pgNumType")),
    ("footer.address-repeated", "report", footer_text_everywhere),
    # Quốc hiệu, tiêu ngữ
    (
        "national-title.text",
        "report",
        replace_text("CỘNG HÒA", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM DÂN CHỦ"),
    ),
    ("national-title.format", "report", flag("CỘNG HÒA", "b", False)),
    ("national-title.one-line", "report", narrow_right_column),
    ("national-title.rule", "report", border_under("CỘNG HÒA")),
    ("motto.text", "report", replace_text("Độc lập", "Độc lập – Tự do – Hạnh phúc")),
    ("motto.format", "report", flag("Độc lập", "b", False)),
    ("motto.rule", "report", rule_paragraph_after("Độc lập")),
    ("motto.rule", "report", shorten_rule_after("Độc lập", 400)),
    # agency
    ("agency.missing", "report", replace_text("ỦY BAN NHÂN DÂN", "…")),
    ("agency.parent-format", "report", flag("UBND TỈNH", "b", True)),
    ("agency.issuing-format", "report", flag("ỦY BAN NHÂN DÂN", "b", False)),
    ("agency.rule", "report", rule_paragraph_after("ỦY BAN NHÂN DÂN")),
    ("agency.rule", "report", shorten_rule_after("ỦY BAN NHÂN DÂN", -300)),
    ("agency.abbreviated", "report", replace_text("ỦY BAN NHÂN DÂN", "UBND HUYỆN ĐẮK GLEI")),
    # number and date
    ("number.missing", "report", replace_text("Số:", "")),
    ("number.grammar", "report", replace_text("Số:", "Số 05/BC-UBND")),
    ("number.grammar", "report", replace_text("Số:", "Số: 05/BC-UBND.")),
    ("number.leading-zero", "report", replace_text("Số:", "Số: 5/BC-UBND")),
    ("number.padding", "report", replace_text("Số:", "Số: 005/BC-UBND")),
    ("number.hyphen-spaces", "report", replace_text("Số:", "Số: 05/BC - UBND")),
    ("number.cv", "cong_van", replace_text("Số:", "Số: 05/CV-UBND")),
    ("number.abbreviation-case", "report", replace_text("Số:", "Số: 05/Bc-UBND")),
    ("number.kind-mismatch", "report", replace_text("Số:", "Số: 05/TTr-UBND")),
    ("number.kind-mismatch", "cong_van", replace_text("Số:", "Số: 05/BC-UBND")),
    ("number.format", "report", flag("Số:", "b", True)),
    ("date.missing", "report", replace_text("Đắk Glei, ngày", "")),
    ("date.grammar", "report", replace_text("Đắk Glei, ngày", "Đắk Glei, 05/3/2026")),
    ("date.grammar", "report", replace_text("Đắk Glei, ngày", "Đắk Glei ngày 05 tháng 3 năm 2026")),
    (
        "date.leading-zero",
        "report",
        replace_text("Đắk Glei, ngày", "Đắk Glei, ngày 5 tháng 3 năm 2026"),
    ),
    (
        "date.leading-zero",
        "report",
        replace_text("Đắk Glei, ngày", "Đắk Glei, ngày 05 tháng 1 năm 2026"),
    ),
    (
        "date.month-zero",
        "report",
        replace_text("Đắk Glei, ngày", "Đắk Glei, ngày 05 tháng 03 năm 2026"),
    ),
    ("date.format", "report", flag("Đắk Glei, ngày", "i", False)),
    ("place.format", "report", replace_text("Đắk Glei, ngày", "TP. HCM, ngày 05 tháng 3 năm 2026")),
    # tên loại, trích yếu, Kính gửi, căn cứ
    ("title.kind-format", "report", flag("BÁO CÁO", "b", False)),
    ("title.missing", "report", drop_paragraph("Kết quả chuyển đổi")),
    ("title.subject-format", "report", flag("Kết quả chuyển đổi", "b", False)),
    (
        "title.subject-format",
        "report",
        replace_text("Kết quả chuyển đổi", "KẾT QUẢ CHUYỂN ĐỔI SỐ QUÝ I NĂM 2026"),
    ),
    (
        "title.subject-text",
        "report",
        replace_text("Kết quả chuyển đổi", "Kết quả chuyển đổi số quý I năm 2026."),
    ),
    ("title.rule", "report", rule_paragraph_after("Kết quả chuyển đổi")),
    ("cong-van.subject", "cong_van", flag("V/v", "b", True)),
    ("cong-van.subject", "cong_van", run_attr("V/v", "sz", val="28")),
    (
        "recipients.grammar",
        "report",
        replace_text("- Ủy ban nhân dân tỉnh", "- Ủy ban nhân dân tỉnh Kon Tum"),
    ),
    ("legal-basis.format", "report", flag("Căn cứ", "i", False)),
    ("legal-basis.format", "report", replace_text("Căn cứ", "Căn cứ Kế hoạch số 15/KH-UBND")),
    # body
    ("document.body-empty", "report", empty_body),
    ("body.alignment", "report", para_attr("Toàn huyện", "jc", val="left")),
    ("body.indent", "report", para_attr("Toàn huyện", "ind", firstLine="0")),
    ("body.spacing", "report", para_attr("Toàn huyện", "spacing", before="0", after="0")),
    ("body.line-spacing", "report", para_attr("Toàn huyện", "spacing", line="480")),
    ("body.size", "report", run_attr("Toàn huyện", "sz", val="24")),
    ("heading.article-colon", "report", replace_text("Toàn huyện", "Điều 1: Phạm vi điều chỉnh")),
    ("heading.letter-dot", "report", replace_text("a) Về", "a. Về hạ tầng")),
    ("heading.letter-sequence", "report", replace_text("b) Về", "f) Về dữ liệu")),
    ("heading.letter-sequence", "report", replace_text("b) Về", "c) Về dữ liệu")),
    ("heading.sequence", "report", replace_text("II. PHƯƠNG", "IV. PHƯƠNG HƯỚNG")),
    (
        "closing.end-mark",
        "report",
        replace_text(
            "Ủy ban nhân dân huyện Đắk Glei kính", "Ủy ban nhân dân huyện Đắk Glei kính báo cáo."
        ),
    ),
    ("footnote.form", "report", fake_footnote),
    # signer and Nơi nhận
    ("signer.missing", "report", clear_signer),
    ("signer.grammar", "report", replace_text("KT. CHỦ TỊCH", "KT CHỦ TỊCH")),
    ("signer.grammar", "report", replace_text("Nguyễn Văn An", "TS. Nguyễn Văn An")),
    ("signer.format", "report", flag("Nguyễn Văn An", "b", False)),
    ("signer.format", "report", flag("KT. CHỦ TỊCH", "b", False)),
    ("signer.keep-together", "report", drop_cant_split),
    ("distribution.missing", "report", replace_text("Nơi nhận:", "Gửi:")),
    ("distribution.label", "report", flag("Nơi nhận:", "i", False)),
    ("distribution.label", "report", run_attr("Nơi nhận:", "sz", val="28")),
    ("distribution.list-format", "report", run_attr("- TT Huyện ủy", "sz", val="28")),
    (
        "distribution.grammar",
        "report",
        replace_text("- TT Huyện ủy", "- TT Huyện ủy, TT HĐND huyện"),
    ),
    ("distribution.last-line", "report", replace_text("- Lưu:", "- Lưu VT")),
    ("distribution.nhu-tren", "report", drop_paragraph("- Như trên;")),
    # quyết định (Mẫu 1.2)
    ("decision.authority", "quyet_dinh", drop_paragraph("CHỦ TỊCH ỦY BAN")),
    ("decision.authority-format", "quyet_dinh", flag("CHỦ TỊCH ỦY BAN", "b", False)),
    ("decision.authority-format", "quyet_dinh", run_attr("CHỦ TỊCH ỦY BAN", "sz", val="24")),
    ("decision.line", "quyet_dinh", replace_text("QUYẾT ĐỊNH:", "QUYẾT ĐỊNH")),
    ("decision.line", "quyet_dinh", replace_text("QUYẾT ĐỊNH:", "QUYẾT NGHỊ:")),
    ("decision.line", "quyet_dinh", drop_paragraph("QUYẾT ĐỊNH:")),
    ("decision.line-format", "quyet_dinh", flag("QUYẾT ĐỊNH:", "b", False)),
    ("decision.line-format", "quyet_dinh", replace_text("QUYẾT ĐỊNH:", "Quyết định:")),
    ("decision.articles", "quyet_dinh", articles_as_plain_paragraphs),
    ("distribution.nhu-dieu", "quyet_dinh", drop_paragraph("- Như Điều 3;")),
]


@pytest.mark.parametrize(
    ("rule", "source", "mutate"), CASES, ids=[f"{r}-{i}" for i, (r, _s, _m) in enumerate(CASES)]
)
def test_each_rule_fires_on_a_file_broken_that_way(
    rule: str, source: str, mutate: Mutation
) -> None:
    docx = EditableDocx(clean(source))
    mutate(docx)
    findings = check_docx(docx.to_bytes())
    fired = [f for f in findings if f.rule == rule]
    assert fired, f"{rule} did not fire; got {[f.rule for f in findings]}"
    finding = fired[0]
    assert finding.severity is RULES[rule].severity
    assert finding.message and finding.fix and finding.spec == RULES[rule].spec
    assert finding.location.element


def test_every_docx_rule_has_a_broken_file() -> None:
    model_only = {"document.status", "appendix.reference", "bien-ban.layout"}
    covered = {rule for rule, _s, _m in CASES}
    assert set(RULES) - model_only - covered == set()


def test_errors_and_warnings_are_what_the_catalogue_says() -> None:
    docx = EditableDocx(clean("report"))
    replace_text("Số:", "Số: 5/BC-UBND")(docx)
    replace_text("Đắk Glei, ngày", "Đắk Glei, ngày 05 tháng 03 năm 2026")(docx)
    by_rule = {f.rule: f.severity for f in check_docx(docx.to_bytes())}
    assert by_rule == {"number.leading-zero": Severity.ERROR, "date.month-zero": Severity.WARNING}


def test_a_finding_names_the_paragraph() -> None:
    docx = EditableDocx(clean("report"))
    replace_text("Số:", "Số: 5/BC-UBND")(docx)
    (finding,) = check_docx(docx.to_bytes())
    index = [text_of(p) for p in docx.paragraphs()].index("Số: 5/BC-UBND") + 1
    assert finding.location.paragraph == index
    assert finding.location.describe() == f"Số, ký hiệu, đoạn {index}"


def _typed_in_word() -> bytes:
    """A draft as a colleague types it in Word's default template: Letter paper, theme fonts,
    header parts separated by Shift+Enter, the old habits clerks reject."""
    import io

    import docx

    d = docx.Document()
    header = d.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "UBND TỈNH QUẢNG NGÃI\nSỞ NỘI VỤ"
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    header.cell(0, 1).add_paragraph("Độc lập – Tự do – Hạnh phúc")
    header.cell(1, 0).text = "Số: 5/BC-SNV"
    header.cell(1, 1).text = "Quảng Ngãi, ngày 5 tháng 1 năm 2024"
    d.add_paragraph("BÁO CÁO").alignment = 1
    d.add_paragraph("Về việc tổng kết năm 2024").alignment = 1
    d.add_paragraph("Kính gửi: Ủy ban nhân dân tỉnh")
    d.add_paragraph("Điều 1: Phạm vi")
    d.add_paragraph("a. một")
    d.add_paragraph("Nội dung có chú thích gõ tay¹.")
    closing = d.add_table(rows=1, cols=2)
    closing.cell(0, 0).text = "Nơi nhận:\n- Như trên\n- Lưu VT"
    closing.cell(0, 1).text = "KT GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\n\nNguyễn Văn A"
    buffer = io.BytesIO()
    d.save(buffer)
    return buffer.getvalue()


def test_a_draft_typed_in_word() -> None:
    findings = check_docx(_typed_in_word())
    rules = {f.rule for f in findings}
    assert {
        "page.size", "page.margins", "font.family", "motto.text", "motto.rule",
        "agency.issuing-format", "number.leading-zero", "date.leading-zero", "date.format",
        "title.kind-format", "title.rule", "body.alignment", "heading.article-colon",
        "heading.letter-dot", "footnote.form", "signer.grammar", "signer.format",
        "distribution.label", "distribution.grammar", "distribution.last-line",
    } <= rules  # fmt: skip
    # Both names in one regular paragraph cannot be told apart by weight: the checker reads them
    # as one issuing name and reports that it is not bold.
    issuing = next(f for f in findings if f.rule == "agency.issuing-format")
    assert "SỞ NỘI VỤ” không in đậm" in issuing.message
    signer = [f.message for f in findings if f.rule == "signer.grammar"]
    assert any("“KT”" in m for m in signer)
    assert not any("thiếu họ tên" in m for m in signer)  # the name under the gap is found


REFERENCE = (
    __import__("pathlib").Path(__file__).resolve().parents[3] / ".." / "shared" / "reference"
)


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="../shared/reference is not beside the checkout")
def test_the_decrees_own_file_shows_the_flaws_the_spec_describes() -> None:
    findings = check_docx(REFERENCE / "nd30-2020-nghi-dinh.docx")
    by_rule = {f.rule: f for f in findings}
    assert "Times New Roman Bold" in by_rule["font.family"].message
    assert "text.nfc" in by_rule
    for rule in ("national-title.text", "motto.text", "number.missing", "page-number.missing"):
        assert rule not in by_rule
