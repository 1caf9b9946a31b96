"""`build(document, profile, today)` → layout-neutral `Content` for both renderers.

This is where every format rule that is about *what* is printed lives: numbering, the number and
date lines, upper-casing of header parts, punctuation of Kính gửi, căn cứ and Nơi nhận, the end
mark, footnote numbers, phụ lục labels. Renderers only draw. `today` is an input (the year printed
in a draft's blank date) so output never depends on the clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from desktop.layout import geometry, measure
from desktop.layout.content import (
    Cell,
    Content,
    Element,
    FootnoteContent,
    HeaderBlock,
    Line,
    Marks,
    Metadata,
    PageBreakContent,
    Recipients,
    Rule,
    SectionContent,
    SignatureBlock,
    Span,
    TableContent,
    TitleBlock,
)
from desktop.layout.styles import Role, StyleProfile, style_profile
from desktop.model import grammar
from desktop.model.document import (
    Appendix,
    Block,
    Document,
    FootnoteRef,
    Heading,
    HeadingLevel,
    Inline,
    ListItem,
    ListMarker,
    PageBreak,
    Paragraph,
    Table,
)
from desktop.model.kinds import DocumentKind, kind_info
from desktop.model.numbering import number_headings, roman
from desktop.model.profile import OfficeProfile

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
AGENCY_RULE_FRACTION = 0.4  # spec: 1/3–1/2 of the agency name / trích yếu line
MIN_COLUMN_SLACK_MM = 0.5  # beyond the longest word and the cell padding: rounding in renderers
SUBJECT_RULE_FRACTION = 0.4

_HEADING_ROLES: dict[HeadingLevel, Role] = {
    HeadingLevel.PART: Role.HEADING_PART,
    HeadingLevel.CHAPTER: Role.HEADING_PART,
    HeadingLevel.SECTION: Role.HEADING_PART,
    HeadingLevel.ROMAN: Role.HEADING_ROMAN,
    HeadingLevel.ARTICLE: Role.HEADING_ARTICLE,
    HeadingLevel.ARABIC: Role.HEADING_ARABIC,
    HeadingLevel.DECIMAL: Role.HEADING_DECIMAL,
    HeadingLevel.LETTER: Role.HEADING_LETTER,
}
_CENTRED_LEVELS = frozenset({HeadingLevel.PART, HeadingLevel.CHAPTER, HeadingLevel.SECTION})


class _Footnotes:
    """Numbers footnotes in reading order across the whole document."""

    def __init__(self) -> None:
        self.items: list[FootnoteContent] = []

    def add(self, note: FootnoteRef) -> Span:
        number = len(self.items) + 1
        spans = tuple(
            Span(r.text, bold=r.bold, italic=r.italic, underline=r.underline) for r in note.runs
        )
        self.items.append(FootnoteContent(number, spans))
        return Span(str(number), footnote=number)


def _spans(content: tuple[Inline, ...], notes: _Footnotes, *, upper: bool = False) -> list[Span]:
    out: list[Span] = []
    for item in content:
        if isinstance(item, FootnoteRef):
            out.append(notes.add(item))
        else:
            text = item.text.upper() if upper else item.text
            out.append(Span(text, bold=item.bold, italic=item.italic, underline=item.underline))
    return out


def _line(role: Role, text: str, **kwargs: object) -> Line:
    return Line(role, (Span(text),), **kwargs)  # type: ignore[arg-type]


def _heading_lines(block: Heading, label: str | None, notes: _Footnotes) -> list[Line]:
    role = _HEADING_ROLES[block.level]
    if block.level in _CENTRED_LEVELS:
        # "Phần I" on its own line, the title in upper case on the next (spec §3.1).
        lines = []
        if label:
            lines.append(Line(role, (Span(label),), block.id, keep_with_next=True))
        title = _spans(block.content, notes, upper=True)
        if title:
            lines.append(Line(role, tuple(title), block.id, keep_with_next=True))
        return lines
    if not block.titled:
        # A khoản/điểm without a title is a numbered sentence: body style, free to break pages.
        # An untitled Điều keeps its label bold ("**Điều 3.** Quyết định này có hiệu lực …"),
        # as in the templates (Mẫu 1.2: "Điều" bold, spec §3.1).
        spans = _spans(block.content, notes)
        if label:
            spans.insert(0, Span(f"{label} ", bold=block.level is HeadingLevel.ARTICLE))
        return [Line(Role.BODY, tuple(spans), block.id)]
    upper = block.level is HeadingLevel.ROMAN
    spans = _spans(block.content, notes, upper=upper)
    if label:
        spans.insert(0, Span(f"{label} "))
    return [Line(role, tuple(spans), block.id, keep_with_next=True)]


def _table(block: Table, styles: StyleProfile, notes: _Footnotes) -> TableContent:
    columns = max(block.column_count, 1)
    weights = list(block.column_widths) if block.column_widths else [1.0] * columns
    widths = _column_widths(block, weights, styles)
    rows = []
    for r, row in enumerate(block.rows):
        header = r < block.header_rows
        role = Role.TABLE_HEADER if header else Role.TABLE
        cells = []
        for cell in row:
            spans = _spans(cell.content, notes)
            if cell.bold:
                spans = [Span(s.text, True, s.italic, s.underline, s.footnote) for s in spans]
            cells.append(Cell((Line(role, tuple(spans), block.id),), cell.col_span))
        rows.append(tuple(cells))
    caption = _line(Role.BODY, block.caption, block_id=block.id) if block.caption else None
    return TableContent(tuple(rows), block.header_rows, widths, block.id, caption)


def _column_widths(block: Table, weights: list[float], styles: StyleProfile) -> tuple[float, ...]:
    """Column widths in mm from the relative `weights`, widened where a column is too narrow
    for its longest word ("STT" must not break into "ST/T"); the widening is taken from the
    other columns in proportion. When the words cannot all fit, the weights are kept."""
    width = styles.page.text_width_mm
    minimum = [0.0] * len(weights)
    for r, row in enumerate(block.rows):
        style = styles.style(Role.TABLE_HEADER if r < block.header_rows else Role.TABLE)
        col = 0
        for cell in row:
            if cell.col_span == 1 and col < len(weights):
                bold = style.bold or cell.bold
                for word in cell.text.split():
                    need = measure.text_width_mm(word, style.size_pt, bold=bold)
                    need += 2 * geometry.CELL_PADDING_MM + MIN_COLUMN_SLACK_MM
                    minimum[col] = max(minimum[col], need)
            col += cell.col_span
    total = sum(weights) or 1.0
    widths = [width * w / total for w in weights]
    if sum(minimum) <= width:
        fixed: set[int] = set()
        while True:
            narrow = {i for i, w in enumerate(widths) if i not in fixed and w < minimum[i] - 1e-6}
            if not narrow:
                break
            fixed |= narrow
            free = [i for i in range(len(widths)) if i not in fixed]
            room = width - sum(minimum[i] for i in fixed)
            free_weight = sum(weights[i] for i in free) or 1.0
            for i in fixed:
                widths[i] = minimum[i]
            for i in free:
                widths[i] = room * weights[i] / free_weight
    return tuple(round(w, 2) for w in widths)


def _body(blocks: tuple[Block, ...], styles: StyleProfile, notes: _Footnotes) -> list[Element]:
    labels = number_headings(blocks)
    out: list[Element] = []
    for block in blocks:
        match block:
            case Heading():
                out.extend(_heading_lines(block, labels.get(block.id), notes))
            case Paragraph():
                out.append(Line(Role.BODY, tuple(_spans(block.content, notes)), block.id))
            case ListItem():
                role = Role.ITEM if block.marker is ListMarker.DASH else Role.SUBITEM
                spans = [Span(f"{block.marker.value} "), *_spans(block.content, notes)]
                out.append(Line(role, tuple(spans), block.id))
            case Table():
                out.append(_table(block, styles, notes))
            case PageBreak():
                out.append(PageBreakContent())
    return out


def _with_end_mark(elements: list[Element]) -> bool:
    """Append "./." to the last body paragraph or item; False when there is none."""
    for i in range(len(elements) - 1, -1, -1):
        element = elements[i]
        if isinstance(element, Line) and element.role in (Role.BODY, Role.ITEM, Role.SUBITEM):
            spans = list(element.spans)
            for j in range(len(spans) - 1, -1, -1):
                if spans[j].footnote is None and spans[j].text.strip():
                    s = spans[j]
                    spans[j] = Span(grammar.ensure_end_mark(s.text), s.bold, s.italic, s.underline)
                    break
            elements[i] = Line(element.role, tuple(spans), element.block_id)
            return True
        if isinstance(element, Line) and element.role.value.startswith("heading"):
            return False
    return False


def _header(doc: Document, styles: StyleProfile, today: dt.date) -> HeaderBlock:
    left: list[Line] = []
    if doc.parent_agency.strip():
        left.append(_line(Role.PARENT_AGENCY, doc.parent_agency.strip().upper()))
    issuing = doc.issuing_agency.strip().upper()
    left.append(_line(Role.ISSUING_AGENCY, issuing or "…"))
    left_rule = Rule(issuing, Role.ISSUING_AGENCY, AGENCY_RULE_FRACTION) if issuing else None
    right = (_line(Role.NATIONAL_TITLE, NATIONAL_TITLE), _line(Role.MOTTO, MOTTO))
    number = _line(
        Role.NUMBER, grammar.number_line(doc.kind, doc.number, doc.agency_abbr, doc.unit_abbr)
    )
    # Mẫu 1.9: a biên bản has no place-and-date line in the header (its time and place open the
    # body: "Thời gian bắt đầu: …", "Địa điểm: …"); the row keeps an empty line.
    place_date = _line(
        Role.PLACE_DATE,
        ""
        if doc.kind is DocumentKind.BIEN_BAN
        else grammar.place_date_line(doc.place, doc.date, blank_year=today.year),
    )
    subject: tuple[Line, ...] = ()
    if not kind_info(doc.kind).has_title_line and doc.title.strip():
        subject = (_line(Role.SUBJECT_CONG_VAN, grammar.title_line_for_cong_van(doc.title)),)
    return HeaderBlock(
        left=tuple(left),
        left_rule=left_rule,
        right=right,
        right_rule=Rule(MOTTO, Role.MOTTO, 1.0),
        number=number,
        place_date=place_date,
        subject_cong_van=subject,
        left_fraction=styles.header_left_fraction,
    )


def _signature(doc: Document, styles: StyleProfile) -> SignatureBlock:
    distribution = grammar.distribution_lines(
        doc.distribution, doc.archive_note, doc.drafter_initials, doc.copies
    )
    authority = tuple(_line(Role.SIGNER_AUTHORITY, t) for t in grammar.signer_lines(doc.signer))
    return SignatureBlock(
        distribution_label=_line(Role.DISTRIBUTION_LABEL, "Nơi nhận:"),
        distribution=tuple(_line(Role.DISTRIBUTION, t) for t in distribution),
        authority=authority,
        name=_line(Role.SIGNER_NAME, doc.signer.name.strip()),
        gap_mm=styles.signature_gap_mm,
        left_fraction=styles.signer_left_fraction,
    )


def _decision_opening(doc: Document) -> list[Line]:
    """The căn cứ lines; for a quyết định / nghị quyết (Mẫu 1.1–1.3) framed by the issuing
    authority's line above them and `QUYẾT ĐỊNH:` / `QUYẾT NGHỊ:` below.

    An empty authority prints nothing (never a placeholder that could reach a signed copy):
    the checker reports it as missing before export.
    """
    info = kind_info(doc.kind)
    bases = [_line(Role.LEGAL_BASIS, t) for t in grammar.legal_basis_lines(doc.legal_bases)]
    if not info.takes_authority:
        return bases
    lines: list[Line] = []
    authority = " ".join(doc.authority.split()).upper()
    if authority:
        lines.append(_line(Role.DECISION_AUTHORITY, authority, keep_with_next=True))
    lines.extend(bases)
    lines.append(_line(Role.DECISION_LINE, info.decision_line, keep_with_next=True))
    return lines


def appendix_label(index: int, count: int) -> str:
    """`Phụ lục` when there is one; `Phụ lục I`, `Phụ lục II` … when there are several."""
    return "Phụ lục" if count == 1 else f"Phụ lục {roman(index + 1)}"


def appendix_reference(doc: Document, appendix: Appendix, today: dt.date) -> str:
    """`(Kèm theo Báo cáo số 05/BC-UBND ngày … của …)`; blanks while the document is a draft."""
    if appendix.reference.strip():
        text = appendix.reference.strip()
        return text if text.startswith("(") else f"({text})"
    info = kind_info(doc.kind)
    kind_name = "Văn bản" if doc.kind is DocumentKind.CONG_VAN else info.label
    sym = grammar.symbol(doc.kind, doc.agency_abbr, doc.unit_abbr)
    number = (
        f"số {grammar.format_document_number(doc.number)}/{sym}"
        if doc.number is not None
        else f"số{grammar.NUMBER_BLANK}/{sym}"
    )
    date = grammar.date_phrase(doc.date, blank_year=today.year)
    agency = doc.issuing_agency.strip() or "…"
    return f"(Kèm theo {kind_name} {number} {date} của {agency})"


def _appendix_section(
    doc: Document, index: int, appendix: Appendix, styles: StyleProfile, notes: _Footnotes,
    today: dt.date,
) -> SectionContent:  # fmt: skip
    elements: list[Element] = [
        _line(Role.APPENDIX_LABEL, appendix_label(index, len(doc.appendices)), keep_with_next=True),
    ]
    if appendix.title.strip():
        elements.append(
            _line(Role.APPENDIX_TITLE, appendix.title.strip().upper(), keep_with_next=True)
        )
    reference = appendix_reference(doc, appendix, today)
    elements.append(_line(Role.APPENDIX_REFERENCE, reference, keep_with_next=True))
    elements.append(Rule(reference, Role.APPENDIX_REFERENCE, 0.3))
    elements.extend(_body(appendix.body, styles, notes))
    return SectionContent(tuple(elements), appendix_id=appendix.id)


def build(
    doc: Document,
    profile: OfficeProfile,
    today: dt.date,
    *,
    attachments: tuple[str, ...] = (),
) -> Content:
    """Lay out `doc` for printing. `attachments` are the "Tài liệu kèm theo" lines, if any."""
    styles = style_profile(profile)
    notes = _Footnotes()
    info = kind_info(doc.kind)
    elements: list[Element] = [_header(doc, styles, today)]

    if doc.secrecy or doc.urgency:
        marks = [m.value for m in (doc.secrecy, doc.urgency) if m is not None]
        elements.append(Marks(tuple(_line(Role.MARK, m) for m in marks)))
    if info.has_title_line:
        subject = (_line(Role.SUBJECT, doc.title.strip()),) if doc.title.strip() else ()
        rule = (
            Rule(doc.title.strip(), Role.SUBJECT, SUBJECT_RULE_FRACTION)
            if doc.title.strip()
            else Rule(info.title, Role.KIND_TITLE, SUBJECT_RULE_FRACTION)
        )
        elements.append(
            TitleBlock(_line(Role.KIND_TITLE, info.title, keep_with_next=True), subject, rule)
        )
    kinh_gui = grammar.kinh_gui_lines(doc.recipients)
    if kinh_gui:
        single = len(kinh_gui) == 1
        items = (kinh_gui[0].removeprefix("Kính gửi: "),) if single else tuple(kinh_gui[1:])
        elements.append(Recipients("Kính gửi:", items, single))
    elements.extend(_decision_opening(doc))

    body = _body(doc.body, styles, notes)
    if attachments:
        body.append(_line(Role.BODY, "Tài liệu kèm theo:", keep_with_next=True))
        body.extend(_line(Role.ITEM, f"- {a}") for a in attachments)
    closing = doc.closing.strip()
    if closing:
        text = grammar.ensure_end_mark(closing) if info.ends_with_mark else closing
        body.append(_line(Role.CLOSING, text))
    elif info.ends_with_mark:
        _with_end_mark(body)
    elements.extend(body)
    elements.append(_signature(doc, styles))

    footer = (
        _line(Role.FOOTER_ADDRESS, doc.footer_address.strip())
        if doc.footer_address.strip()
        else None
    )
    sections = [SectionContent(tuple(elements), footer_first_page=footer)]
    for i, appendix in enumerate(doc.appendices):
        sections.append(_appendix_section(doc, i, appendix, styles, notes, today))

    number_text = (
        grammar.number_line(doc.kind, doc.number, doc.agency_abbr, doc.unit_abbr)
        .removeprefix("Số:")
        .strip()
    )
    metadata = Metadata(
        title=doc.title.strip() or info.label,
        author=doc.issuing_agency.strip(),
        subject=f"{info.label} số {number_text}" if doc.number else info.label,
        keywords=tuple(k for k in (info.label, doc.agency_abbr.strip(), doc.place.strip()) if k),
    )
    return Content(
        styles=styles,
        sections=tuple(sections),
        footnotes=tuple(notes.items),
        metadata=metadata,
        draft=doc.is_draft,
        kind_ends_with_mark=info.ends_with_mark,
    )


def iter_lines(content: Content) -> Iterator[Line]:
    """Every printed line in reading order (header row by row, left cell before right).

    Parity tests use it as the reference text both renderers must carry, in this order.
    """
    for section in content.sections:
        for element in section.elements:
            yield from _element_lines(element)
        if section.footer_first_page is not None:
            yield section.footer_first_page


def _element_lines(element: Element) -> Iterator[Line]:
    match element:
        case HeaderBlock():
            yield from element.left
            yield from element.right
            yield element.number
            yield from element.subject_cong_van
            yield element.place_date
        case TitleBlock():
            yield element.kind_title
            yield from element.subject
        case Marks():
            yield from element.lines
        case Recipients():
            if element.single:
                yield _line(Role.RECIPIENTS, f"{element.label} {element.items[0]}")
            else:
                yield _line(Role.RECIPIENTS, element.label)
                yield from (_line(Role.RECIPIENTS, item) for item in element.items)
        case Line():
            yield element
        case TableContent():
            if element.caption is not None:
                yield element.caption
            for row in element.rows:
                for cell in row:
                    yield from cell.lines
        case SignatureBlock():
            if element.distribution_label is not None:
                yield element.distribution_label
            yield from element.distribution
            yield from element.authority
            yield element.name
        case PageBreakContent() | Rule():
            return
