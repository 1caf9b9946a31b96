"""Source lines → a `Document`: the zones of the page in order, then the document's fields.

    signing-tool text out → page numbers out → footnotes home (text) → header → closing
    (Nơi nhận + signer) → body (paragraphs re-joined, căn cứ, outline, closing sentence) →
    phụ lục

Every decision that is a guess goes to the report; every word of the source ends up in the
document (or, for the signing tool's text, in its source facts).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace

from desktop.importing.body import Body, read_body
from desktop.importing.closing import Closing, find_closing, is_appendix_start
from desktop.importing.footnotes import attach_text_footnotes
from desktop.importing.header import Header, kind_for_abbreviation, read_header, symbol_parts
from desktop.importing.header_repair import repair_wrapped_header
from desktop.importing.inline import Content, merge, strip
from desktop.importing.lines import LineKind, classify, is_upper_line
from desktop.importing.page_artifacts import remove_page_numbers, remove_rules
from desktop.importing.paragraphs import join_split_paragraphs
from desktop.importing.report import ReportBuilder
from desktop.importing.signing_meta import extract_signing_text
from desktop.importing.source import SourceLine
from desktop.importing.tab_tables import group_tab_tables
from desktop.jobs import CancelToken
from desktop.model.document import (
    Appendix,
    Block,
    Document,
    FootnoteRef,
    Heading,
    Inline,
    ListItem,
    Paragraph,
    Run,
    SignerBlock,
    Table,
    TableCell,
)
from desktop.model.grammar import number_line
from desktop.model.kinds import DocumentKind, kind_info
from desktop.model.validate import MAX_AGENCY, MAX_SIGNER_TITLE, MAX_TITLE

_SPACES = re.compile(r"[ \t\u00a0]+")


@dataclass(frozen=True)
class Structured:
    document: Document
    counts: Counter[str]


def build_document(
    lines: list[SourceLine],
    *,
    from_text: bool,
    kind_hint: DocumentKind | None,
    source: Mapping[str, str],
    report: ReportBuilder,
    cancel: CancelToken,
) -> Structured:
    facts = dict(source)
    if from_text:
        lines = remove_page_numbers(lines, report)
    lines, signing = extract_signing_text(lines, report)
    facts.update(signing.fields)
    if from_text:
        lines, _ = attach_text_footnotes(lines, report)
        lines = repair_wrapped_header(lines, report)
    cancel.raise_if_cancelled()

    header, rest = read_header(lines, report)
    kind = _decide_kind(header, kind_hint, report)
    closing = find_closing(rest, report)
    body_lines = rest[: closing.body_end]
    if from_text:
        body_lines = group_tab_tables(remove_rules(body_lines, report), report)
        body_lines = join_split_paragraphs(body_lines, report)
    cancel.raise_if_cancelled()
    body = read_body(body_lines, kind, report)
    appendices = _read_appendices(rest[closing.tail_start :], kind, report, from_text=from_text)
    cancel.raise_if_cancelled()

    document = _assemble(header, kind, body, closing, appendices, facts, report)
    return Structured(document, _counts(document))


def _decide_kind(header: Header, hint: DocumentKind | None, report: ReportBuilder) -> DocumentKind:
    type_abbr, _, _ = symbol_parts(header.symbol)
    from_symbol = kind_for_abbreviation(type_abbr) if type_abbr else None
    if header.symbol and type_abbr is None:
        from_symbol = DocumentKind.CONG_VAN
    found = header.kind_from_title or from_symbol
    if header.kind_from_title is None and header.subject_is_vv and found is None:
        found = DocumentKind.CONG_VAN
    if hint is not None:
        if found is not None and found is not hint:
            report.unsure(
                "kind",
                f"Văn bản có dạng {kind_info(found).label.lower()} nhưng được nhập là "
                f"{kind_info(hint).label.lower()} theo lựa chọn.",
            )
        return hint
    if (
        header.kind_from_title is not None
        and from_symbol is not None
        and from_symbol is not header.kind_from_title
    ):
        report.unsure(
            "kind",
            f"Tên loại “{kind_info(header.kind_from_title).title}” không khớp ký hiệu "
            f"“{header.symbol}”; lấy theo tên loại.",
        )
    if found is None:
        report.unsure(
            "kind",
            "Không nhận ra loại văn bản; tạm để là Báo cáo — hãy chọn lại loại văn bản.",
        )
        return DocumentKind.BAO_CAO
    return found


def _assemble(header: Header, kind: DocumentKind, body: Body, closing: Closing,
              appendices: list[Appendix], facts: dict[str, str],
              report: ReportBuilder) -> Document:  # fmt: skip
    type_abbr, agency_abbr, unit_abbr = symbol_parts(header.symbol)
    blocks = [_clean_block(b) for b in body.blocks]
    title = _clean(header.title)
    if kind is DocumentKind.CONG_VAN:
        title = _strip_vv(title, report)
    if len(title) > MAX_TITLE:
        report.unsure("title", "Dòng sau tên loại quá dài để là trích yếu; đã đưa vào nội dung.")
        blocks.insert(0, Paragraph((Run(title),)))
        title = ""
    parent, issuing = _clean(header.parent_agency), _clean(header.issuing_agency)
    if len(parent) > MAX_AGENCY:
        report.not_imported("parent_agency", f"Tên cơ quan chủ quản quá dài, bỏ: “{parent}”.")
        parent = ""
    authority = tuple(a for a in closing.authority if len(a.text) <= MAX_SIGNER_TITLE)
    if header.date is None and header.date_seen and header.date_year:
        facts["header.date_year"] = str(header.date_year)
    document = Document(
        kind=kind,
        title=title,
        parent_agency=parent,
        issuing_agency=issuing,
        agency_abbr=agency_abbr,
        unit_abbr=unit_abbr,
        number=header.number,
        place=_clean(header.place),
        date=header.date,
        recipients=tuple(_clean(r) for r in header.recipients),
        legal_bases=tuple(_clean(b) for b in body.legal_bases),
        authority=_clean(body.authority),
        urgency=header.urgency,
        secrecy=header.secrecy,
        body=tuple(blocks),
        closing=_clean(body.closing),
        signer=SignerBlock(authority, _clean(closing.name)),
        distribution=tuple(_clean(d) for d in closing.distribution),
        archive_note=_clean(closing.archive_note),
        drafter_initials=closing.drafter_initials,
        copies=closing.copies,
        appendices=tuple(appendices),
        source=facts,
    )
    _report_fields(document, header, closing, type_abbr, report)
    return document


def _report_fields(doc: Document, header: Header, closing: Closing, type_abbr: str | None,
                   report: ReportBuilder) -> None:  # fmt: skip
    info = kind_info(doc.kind)
    report.recognized("kind", f"Loại văn bản: {info.label}.")
    if header.number_seen:
        shown = number_line(doc.kind, doc.number, doc.agency_abbr, doc.unit_abbr)
        state = "để trống số (dự thảo)" if doc.number is None else "đã có số"
        report.recognized("number", f"Số, ký hiệu: “{shown.strip()}” — {state}.")
        if type_abbr is not None and doc.unit_abbr:
            report.unsure(
                "unit_abbr",
                f"Ký hiệu “{header.symbol}” có thêm nhóm đơn vị “{doc.unit_abbr}”; khi xuất "
                f"in theo thể thức “{info.abbreviation}-{doc.agency_abbr}”.",
            )
    else:
        report.unsure("number", "Không thấy dòng “Số: …/…”; để trống số và ký hiệu.")
    if doc.issuing_agency:
        agencies = (
            f"{doc.parent_agency} / {doc.issuing_agency}"
            if doc.parent_agency
            else doc.issuing_agency
        )
        report.recognized("issuing_agency", f"Cơ quan: {agencies}.")
    else:
        report.unsure("issuing_agency", "Không thấy tên cơ quan ban hành; hãy nhập tên cơ quan.")
    if header.date_seen:
        when = doc.date.strftime("%d/%m/%Y") if doc.date else "để trống (dự thảo)"
        report.recognized("date", f"Địa danh: {doc.place}; ngày ban hành: {when}.")
    else:
        report.unsure("date", "Không thấy dòng địa danh, ngày tháng.")
    if doc.title:
        report.recognized("title", f"Trích yếu: {doc.title}")
    elif info.has_title_line or doc.kind is DocumentKind.CONG_VAN:
        report.unsure("title", "Không thấy trích yếu.")
    if doc.recipients:
        report.recognized("recipients", f"Kính gửi: {len(doc.recipients)} nơi.")
    if doc.distribution or closing.archive_seen:
        report.recognized("distribution", f"Nơi nhận: {len(doc.distribution)} dòng và dòng Lưu.")
        if not closing.archive_seen:
            report.unsure(
                "archive_note", "Nơi nhận không có dòng “Lưu”; khi xuất sẽ in “- Lưu: VT.”"
            )
    elif not closing.found_label:
        report.unsure("distribution", "Không thấy “Nơi nhận:”.")
    if doc.signer.lines:
        lines = " / ".join(
            f"{a.prefix.value} {a.text}" if a.prefix else a.text for a in doc.signer.lines
        )
        report.recognized(
            "signer", f"Người ký: {lines}" + (f" — {doc.signer.name}." if doc.signer.name else ".")
        )
    if not doc.signer.name:
        report.unsure("signer.name", "Chưa có họ tên người ký.")
    if doc.closing:
        report.recognized("closing", "Câu kết thúc văn bản đã nhận.")


def _strip_vv(title: str, report: ReportBuilder) -> str:
    """The model keeps a công văn's trích yếu without "V/v" (the renderer prints it)."""
    match = re.match(r"^(V/v|V/V|v/v|Về\s+việc)\s*:?\s*", title)
    if not match:
        return title
    if not match.group(1).lower().startswith("v/"):
        report.adjusted("title", "Trích yếu công văn “Về việc …” được in theo thể thức là “V/v …”.")
    return title[match.end() :].strip()


def _read_appendices(lines: list[SourceLine], kind: DocumentKind, report: ReportBuilder, *,
                     from_text: bool) -> list[Appendix]:  # fmt: skip
    """Lines after the signer block: phụ lục (or, if not, kept in a phụ lục and reported)."""
    lines = [line for line in lines if line.text.strip() or line.table is not None]
    if not lines:
        return []
    groups: list[list[SourceLine]] = []
    for line in lines:
        if is_appendix_start(line.text) or not groups:
            groups.append([line])
        else:
            groups[-1].append(line)

    def prepared(part: list[SourceLine]) -> list[SourceLine]:
        # A phụ lục of a text file has the same page-split paragraphs as the body.
        if not from_text:
            return part
        return join_split_paragraphs(group_tab_tables(remove_rules(part, report), report), report)

    out: list[Appendix] = []
    for group in groups:
        first = group[0]
        rest = group[1:]
        attached = _attached_text(group)
        if not is_appendix_start(first.text) and attached is not None:
            title, reference, used = attached
            body = read_body(
                prepared(group[used:]), kind, report, find_closing_sentence=False, opening=False
            )
            out.append(Appendix(title, tuple(_clean_block(b) for b in body.blocks), reference))
            report.unsure(
                "appendices",
                f"Văn bản ban hành kèm theo “{title}” được nhập như một phụ lục (khi xuất có dòng "
                "“Phụ lục” phía trên tên văn bản).",
                line=first.number,
            )
            continue
        if not is_appendix_start(first.text):
            report.unsure(
                "appendices",
                "Có nội dung sau khối chữ ký không phải phụ lục; đã giữ trong một phụ lục.",
                line=first.number,
                excerpt=first.text,
            )
            body = read_body(
                prepared(group), kind, report, find_closing_sentence=False, opening=False
            )
            out.append(Appendix(title="", body=tuple(_clean_block(b) for b in body.blocks)))
            continue
        title = _appendix_title(first.text)
        reference = ""
        while (
            rest
            and not title
            and is_upper_line(rest[0].text)
            and classify(rest[0].text).kind is LineKind.TEXT
        ):
            title = _clean(rest[0].text)
            rest = rest[1:]
        if rest and rest[0].text.strip().startswith("(") and "kèm theo" in rest[0].text.lower():
            reference = _clean(rest[0].text.strip()[1:].rstrip(")").strip())
            rest = rest[1:]
        body = read_body(prepared(rest), kind, report, find_closing_sentence=False, opening=False)
        out.append(Appendix(title, tuple(_clean_block(b) for b in body.blocks), reference))
        report.recognized(
            "appendices", f"Phụ lục: {title or first.text.strip()}.", line=first.number
        )
    return out


def _attached_text(group: list[SourceLine]) -> tuple[str, str, int] | None:
    """`QUY CHẾ` / `QUẢN LÝ …` / `(Ban hành kèm theo Quyết định số … của …)`: a text issued with
    the decision. Returns its title, the reference without brackets and the lines they use."""
    titles: list[str] = []
    index = 0
    while (
        index < min(len(group), 5)
        and is_upper_line(group[index].text)
        and classify(group[index].text).kind is LineKind.TEXT
    ):
        titles.append(_clean(group[index].text))
        index += 1
    if not titles or index >= len(group):
        return None
    opening = group[index].text.strip()
    if not (opening.startswith("(") and "kèm theo" in opening.lower()):
        return None
    parts = [opening]
    index += 1
    while not parts[-1].rstrip().endswith(")") and index < len(group) and len(parts) < 4:
        parts.append(group[index].text.strip())
        index += 1
    reference = _clean(" ".join(parts)).removeprefix("(").removesuffix(")").strip()
    return " ".join(titles), reference, index


def _appendix_title(text: str) -> str:
    """`PHỤ LỤC I: DANH MỤC …` → `DANH MỤC …` (the label is printed by the renderer)."""
    match = re.match(
        r"^(?:PHỤ\s+LỤC|Phụ\s+lục)(?:\s+(?:số\s+)?[IVXLC\d]+)?\s*[.:\-–]?\s*", text.strip()
    )
    return _clean(text.strip()[match.end() :]) if match else ""


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _clean_content(content: Content) -> Content:
    out: list[Inline] = []
    for item in content:
        if isinstance(item, Run):
            out.append(Run(_SPACES.sub(" ", item.text), item.bold, item.italic, item.underline))
        else:
            out.append(FootnoteRef(tuple(
                Run(_SPACES.sub(" ", r.text), r.bold, r.italic, r.underline) for r in item.runs
            )))  # fmt: skip
    return strip(merge(out))


def _clean_block(block: Block) -> Block:
    match block:
        case Heading():
            return replace(block, content=_clean_content(block.content))
        case Paragraph():
            return Paragraph(_clean_content(block.content), block.id)
        case ListItem():
            return ListItem(block.marker, _clean_content(block.content), block.id)
        case Table():
            rows = tuple(
                tuple(TableCell(_clean_content(c.content), c.col_span, c.bold) for c in row)
                for row in block.rows
            )
            return Table(rows, block.header_rows, block.column_widths, block.caption, block.id)
    return block


def _counts(doc: Document) -> Counter[str]:
    counts: Counter[str] = Counter()
    blocks: list[Block] = list(doc.body)
    for appendix in doc.appendices:
        blocks.extend(appendix.body)
    for block in blocks:
        match block:
            case Heading():
                counts["headings"] += 1
            case Paragraph():
                counts["paragraphs"] += 1
            case ListItem():
                counts["list_items"] += 1
            case Table():
                counts["tables"] += 1
        content: tuple[Inline, ...] = getattr(block, "content", ())
        if isinstance(block, Table):
            content = tuple(i for row in block.rows for c in row for i in c.content)
        counts["footnotes"] += sum(1 for i in content if isinstance(i, FootnoteRef))
    counts["legal_bases"] = len(doc.legal_bases)
    counts["recipients"] = len(doc.recipients)
    counts["distribution"] = len(doc.distribution)
    counts["appendices"] = len(doc.appendices)
    return counts
