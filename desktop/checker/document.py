"""The checker's front end for the app's own documents, run before export.

The renderers guarantee the formatting (fonts, sizes, rules, spacing), so what is left to check
is what the user wrote: missing parts, the number and symbol the profile produces, signer
grammar, Nơi nhận, hand-typed heading labels, characters the font lacks. The printed text comes
from `build()`, so the checker judges exactly what will be exported; findings carry the model
block id so the window can jump to the place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from desktop.checker import text_rules
from desktop.checker.catalog import finding
from desktop.checker.findings import Finding, Location
from desktop.layout import measure
from desktop.layout.build import build, iter_lines
from desktop.layout.content import (
    Content,
    Element,
    HeaderBlock,
    Line,
    SignatureBlock,
    TableContent,
)
from desktop.layout.styles import Role
from desktop.model import grammar
from desktop.model.document import STATUS_LABELS, Document, DocumentStatus, Heading, Paragraph
from desktop.model.kinds import DocumentKind, kind_info
from desktop.model.profile import OfficeProfile


def check_document(
    document: Document,
    profile: OfficeProfile,
    today: dt.date,
    content: Content | None = None,
) -> list[Finding]:
    """Every finding for a stored document, in the order of its parts. `content` may be passed
    when the caller already built it (export does), to avoid building twice."""
    content = content if content is not None else build(document, profile, today)
    out: list[Finding] = []
    out.extend(_profile(profile))
    out.extend(_required(document))
    out.extend(_header_text(document, content))
    out.extend(_body(document, content))
    out.extend(_decision(document, content))
    out.extend(_closing(document, content))
    out.extend(_coverage(content))
    return out


# Lines before the body proper: căn cứ and, in a quyết định, its authority and decision lines.
_OPENING_ROLES = frozenset({Role.LEGAL_BASIS, Role.DECISION_AUTHORITY, Role.DECISION_LINE})


def _at(element: str, block_id: str | None = None) -> Location:
    return Location(element, block_id=block_id)


def _profile(profile: OfficeProfile) -> Iterator[Finding]:
    for problem in profile.margins.problems():
        yield finding(
            "page.margins", _at("Hồ sơ cơ quan"),
            f"Hồ sơ cơ quan đặt {problem}.",
            "Sửa lề trong Hồ sơ cơ quan: trên, dưới 20–25 mm; trái 30–35 mm; phải 15–20 mm.",
        )  # fmt: skip
    if profile.first_line_indent_cm not in (1.0, 1.27):
        yield finding(
            "body.indent", _at("Hồ sơ cơ quan"),
            f"Hồ sơ cơ quan đặt thụt đầu dòng {profile.first_line_indent_cm:g} cm.",
            "Chọn thụt đầu dòng 1 cm hoặc 1,27 cm trong Hồ sơ cơ quan.",
        )  # fmt: skip
    if not 1.0 <= profile.line_spacing <= 1.5:
        yield finding(
            "body.line-spacing", _at("Hồ sơ cơ quan"),
            f"Hồ sơ cơ quan đặt giãn dòng {profile.line_spacing:g}.",
            "Chọn giãn dòng từ 1 đến 1,5 dòng trong Hồ sơ cơ quan.",
        )  # fmt: skip
    if profile.paragraph_spacing_pt < 6:
        yield finding(
            "body.spacing", _at("Hồ sơ cơ quan"),
            f"Hồ sơ cơ quan đặt khoảng cách đoạn {profile.paragraph_spacing_pt:g} pt.",
            "Đặt khoảng cách giữa các đoạn từ 6 pt trở lên trong Hồ sơ cơ quan.",
        )  # fmt: skip


def _required(doc: Document) -> Iterator[Finding]:
    info = kind_info(doc.kind)
    if not doc.issuing_agency.strip():
        yield finding(
            "agency.missing", _at("Tên cơ quan ban hành"),
            "Chưa có tên cơ quan ban hành.",
            "Nhập tên cơ quan ban hành (hoặc điền Hồ sơ cơ quan).",
        )  # fmt: skip
    if not doc.agency_abbr.strip():
        yield finding(
            "number.grammar", _at("Số, ký hiệu"),
            "Chưa có chữ viết tắt tên cơ quan nên ký hiệu văn bản còn trống.",
            "Nhập chữ viết tắt tên cơ quan (ví dụ UBND, SNV) trong Hồ sơ cơ quan.",
        )  # fmt: skip
    if doc.kind is DocumentKind.CONG_VAN and not doc.unit_abbr.strip():
        yield finding(
            "number.grammar", _at("Số, ký hiệu"),
            "Công văn chưa có chữ viết tắt đơn vị soạn thảo.",
            "Nhập chữ viết tắt đơn vị soạn thảo (ví dụ VP, KTHT).",
        )  # fmt: skip
    if not doc.place.strip() and doc.kind is not DocumentKind.BIEN_BAN:
        yield finding(
            "date.missing", _at("Địa danh, ngày tháng năm"),
            "Chưa có địa danh.",
            "Nhập địa danh nơi cơ quan đóng trụ sở (ví dụ Bình Sơn).",
        )  # fmt: skip
    if not doc.title.strip():
        yield finding(
            "title.missing", _at("Trích yếu"),
            "Chưa có trích yếu nội dung.",
            "Nhập trích yếu: một câu ngắn nêu nội dung chính của văn bản.",
        )  # fmt: skip
    if doc.status in (DocumentStatus.FINALIZED, DocumentStatus.SENT) and doc.is_draft:
        missing = " và ".join(
            name
            for name, value in (("số", doc.number), ("ngày ban hành", doc.date))
            if value is None
        )
        yield finding(
            "document.status", _at("Số, ký hiệu"),
            f"Văn bản ở trạng thái “{STATUS_LABELS[doc.status]}” nhưng chưa có {missing}.",
            "Nhập số và ngày ban hành do Văn thư cấp, hoặc chuyển văn bản về dự thảo.",
        )  # fmt: skip
    if info.has_title_line and doc.title.strip():
        for problem in text_rules.subject_problems(doc.title):
            yield finding(problem.rule, _at("Trích yếu"), problem.message, problem.fix)


def _header_text(doc: Document, content: Content) -> Iterator[Finding]:
    """The number and date lines as printed, judged by the same rules as any DOCX."""
    header = content.sections[0].elements[0]
    assert isinstance(header, HeaderBlock)
    is_cong_van = doc.kind is DocumentKind.CONG_VAN
    if doc.agency_abbr.strip():
        for problem in text_rules.number_problems(
            header.number.text, None if is_cong_van else doc.kind, is_cong_van
        ):
            yield finding(problem.rule, _at("Số, ký hiệu"), problem.message, problem.fix)
    if doc.place.strip() and header.place_date.text:  # a biên bản prints no date line
        for problem in text_rules.date_problems(header.place_date.text):
            yield finding(
                problem.rule, _at("Địa danh, ngày tháng năm"), problem.message, problem.fix
            )
        for problem in text_rules.place_problems(doc.place):
            yield finding(
                problem.rule, _at("Địa danh, ngày tháng năm"), problem.message, problem.fix
            )
    for problem in text_rules.issuing_agency_problems(doc.issuing_agency):
        yield finding(problem.rule, _at("Tên cơ quan ban hành"), problem.message, problem.fix)


def _top_level_lines(elements: tuple[Element, ...]) -> Iterator[Line]:
    """The paragraphs printed at the top level of the body, in order (table captions included,
    cells not): what the DOCX checker reads as running text."""
    for element in elements:
        if isinstance(element, Line):
            yield element
        elif isinstance(element, TableContent) and element.caption is not None:
            yield element.caption


def _body(doc: Document, content: Content) -> Iterator[Finding]:
    main = content.sections[0].elements
    if not any(
        line.text.strip() and line.role not in _OPENING_ROLES for line in _top_level_lines(main)
    ) and not any(isinstance(e, TableContent) for e in main):
        yield finding(
            "document.body-empty", _at("Nội dung"),
            "Văn bản chưa có nội dung.",
            "Soạn nội dung văn bản.",
        )  # fmt: skip
    lines = [line for section in content.sections for line in _top_level_lines(section.elements)]
    yield from _legal_basis_lines(lines)
    for problem, line in text_rules.heading_problems((line.text, line) for line in lines):
        yield finding(problem.rule, _at("Nội dung", line.block_id), problem.message, problem.fix)
    for block in doc.body:
        if isinstance(block, Heading) and block.numbered:
            typed = text_rules.typed_label(block.text)
            if typed:
                yield finding(
                    "heading.sequence", _at("Nội dung", block.id),
                    f"Đề mục “{block.text[:30]}” tự gõ số thứ tự “{typed}” trong khi số thứ tự "
                    "được đánh tự động.",
                    "Xóa số thứ tự gõ tay ở đầu đề mục; chương trình tự đánh số.",
                )  # fmt: skip
    if doc.appendices:
        mentioned = (
            any(
                "phụ lục" in block.text.lower()
                for block in doc.body
                if isinstance(block, Heading | Paragraph)
            )
            or "phụ lục" in doc.closing.lower()
        )
        if not mentioned:
            yield finding(
                "appendix.reference", _at("Phụ lục", doc.appendices[0].id),
                "Văn bản có phụ lục nhưng nội dung không nhắc đến phụ lục.",
                "Nêu phụ lục trong nội dung, ví dụ “(chi tiết tại Phụ lục kèm theo)”.",
            )  # fmt: skip


def _legal_basis_lines(lines: list[Line]) -> Iterator[Finding]:
    """A body paragraph typed as "Căn cứ …" (or "Theo đề nghị …") right after the căn cứ lines
    reads like a căn cứ but prints upright: it belongs in the Căn cứ field. The block is found
    as the DOCX checker finds it (`text_rules.legal_basis_run`)."""
    lines = [line for line in lines if line.role is not Role.DECISION_AUTHORITY]
    run = text_rules.legal_basis_run(line.text for line in lines)
    for line in lines[:run]:
        if line.role is not Role.LEGAL_BASIS:
            yield finding(
                "legal-basis.format", _at("Căn cứ", line.block_id),
                "Đoạn “Căn cứ …” được soạn trong nội dung nên không in nghiêng như căn cứ.",
                "Chuyển các dòng căn cứ vào mục Căn cứ của văn bản (chương trình tự in nghiêng "
                "và đặt dấu ; và .).",
            )  # fmt: skip
            return


def _decision(doc: Document, content: Content) -> Iterator[Finding]:
    """Quyết định and nghị quyết (Mẫu 1.1–1.3): the authority line, the articles, `- Như Điều`.
    The decision line itself is always printed by `build()`."""
    if not text_rules.takes_authority(doc.kind):
        return
    if not doc.authority.strip():
        problem = text_rules.authority_missing_problem(doc.kind)
        yield finding(problem.rule, _at("Thẩm quyền ban hành"), problem.message, problem.fix)
    texts = [line.text for line in _top_level_lines(content.sections[0].elements)]
    articles = text_rules.articles_problem(doc.kind, texts)
    if articles is not None:
        yield finding(articles.rule, _at("Nội dung"), articles.message, articles.fix)
    block = next((e for e in content.sections[0].elements if isinstance(e, SignatureBlock)), None)
    if block is not None:
        nhu_dieu = text_rules.nhu_dieu_problem(
            doc.kind, [line.text for line in block.distribution], texts
        )
        if nhu_dieu is not None:
            yield finding(nhu_dieu.rule, _at("Nơi nhận"), nhu_dieu.message, nhu_dieu.fix)


def _closing(doc: Document, content: Content) -> Iterator[Finding]:
    if doc.kind is DocumentKind.BIEN_BAN:
        yield finding(
            "bien-ban.layout", _at("Khối chữ ký"),
            "Biên bản được xuất theo bố cục chung: một khối chữ ký bên phải, Nơi nhận bên trái. "
            "Mẫu 1.9 có hai người ký — THƯ KÝ bên trái, CHỦ TỌA bên phải — và Nơi nhận ở dưới.",
            "Ghi chức danh người ký là “CHỦ TỌA”. Nếu cần đúng Mẫu 1.9, thêm khối “THƯ KÝ” (chữ "
            "ký, họ tên) bên trái trên bản in hoặc trong Word sau khi xuất.",
        )  # fmt: skip
    block = next((e for e in content.sections[0].elements if isinstance(e, SignatureBlock)), None)
    if block is None:
        return
    if not block.authority and not block.name.text.strip():
        yield finding(
            "signer.missing", _at("Khối chữ ký"),
            "Chưa có khối chữ ký (quyền hạn, chức vụ, họ tên người ký).",
            "Chọn người ký hoặc nhập chức vụ và họ tên người ký.",
        )  # fmt: skip
    else:
        authority = [line.text for line in block.authority]
        for problem in text_rules.signer_problems(authority, block.name.text):
            yield finding(problem.rule, _at("Khối chữ ký"), problem.message, problem.fix)
    if not doc.distribution:
        yield finding(
            "distribution.missing", _at("Nơi nhận"),
            "Nơi nhận chỉ có dòng “Lưu”, chưa có nơi nhận văn bản.",
            "Thêm các nơi nhận, mỗi nơi một dòng (khi có Kính gửi, dòng đầu là “Như trên”).",
        )  # fmt: skip
    for problem in text_rules.distribution_problems(
        [line.text for line in block.distribution],
        has_kinh_gui=bool(grammar.kinh_gui_lines(doc.recipients)),
    ):
        yield finding(problem.rule, _at("Nơi nhận"), problem.message, problem.fix)


def _coverage(content: Content) -> Iterator[Finding]:
    """Characters the printed font lacks, per face (a glyph in regular may be missing in bold)."""
    first: dict[str, str | None] = {}
    for line in _printed_lines(content):
        style = content.styles.style(line.role)
        for span in line.spans:
            bold, italic = style.bold or span.bold, style.italic or span.italic
            face = measure.metrics(measure.FontStyle.of(bold, italic))
            for ch in span.text:
                if ch not in first and not ch.isspace() and not face.covers(ch):
                    first[ch] = line.block_id
    if first:
        chars = list(first)
        problem = text_rules.missing_characters_problem(chars)
        yield finding(problem.rule, _at("Nội dung", first[chars[0]]), problem.message, problem.fix)


def _printed_lines(content: Content) -> Iterator[Line]:
    yield from iter_lines(content)
    for note in content.footnotes:
        yield Line(Role.FOOTNOTE, note.spans)
