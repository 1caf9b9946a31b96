"""The body: căn cứ lines, headings, paragraphs, list items, tables, and the closing sentence.

Heading numbers are taken out of the text (the renderer computes them from the structure) after
checking that the source numbered consistently; where it did not (a skipped or repeated number),
the structure is kept and the report says which number the export will print instead.
Markdown heading marks only make a line a heading when it has no outline number of its own;
their depth is not trusted for the level (converters are inconsistent: `## 2.` under `#### I.`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from desktop.importing.inline import (
    Content,
    all_bold,
    drop_prefix,
    drop_suffix,
    join,
    plain,
    strip,
    text_of,
    with_format,
)
from desktop.importing.lines import LineKind, classify, fold, is_upper_line
from desktop.importing.report import ReportBuilder
from desktop.importing.source import SourceLine
from desktop.model.document import (
    HEADING_RANK,
    Block,
    FootnoteRef,
    Heading,
    HeadingLevel,
    ListItem,
    ListMarker,
    Paragraph,
    Table,
)
from desktop.model.kinds import DocumentKind, kind_info
from desktop.model.numbering import heading_label

_END_MARK = re.compile(r"\s*\./\.?\s*$")  # "./." or "./" closing the last sentence
_ORDINAL_PART = re.compile(r"^(?:Phần|PHẦN)\s+(?:thứ|THỨ)\s+\w+", re.UNICODE)
_LEGAL_OPENERS = ("CAN CU",)
# Levels whose numbered sentences are not titles (spec §3.1: "`1.` bold if titled, regular if not").
_SENTENCE_LEVELS = (HeadingLevel.ARABIC, HeadingLevel.DECIMAL, HeadingLevel.LETTER)
_MAX_TITLE = 160
_LEGAL_FOLLOWERS = ("CAN CU", "THEO DE NGHI", "XET DE NGHI", "THUC HIEN")
_MARKDOWN_LEVELS = {1: HeadingLevel.ROMAN, 2: HeadingLevel.ROMAN, 3: HeadingLevel.ARABIC,
                    4: HeadingLevel.DECIMAL}  # fmt: skip


@dataclass
class Body:
    legal_bases: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    closing: str = ""
    authority: str = ""  # a quyết định's / nghị quyết's "Thẩm quyền ban hành" line


def read_body(lines: Sequence[SourceLine], kind: DocumentKind, report: ReportBuilder,
              *, find_closing_sentence: bool = True, opening: bool = True) -> Body:  # fmt: skip
    """The body of the document, or of a phụ lục (`opening=False`: no authority line and
    `QUYẾT ĐỊNH:` there, even in a quyết định's attached regulation)."""
    body = Body()
    if opening and kind_info(kind).takes_authority:
        start = _decision_opening(lines, kind, body, report)
    else:
        start = _legal_bases(lines, kind, body, report)
    checker = _NumberingChecker(report)
    pending_part: Heading | None = None
    titled_part: Heading | None = None  # a part title that a narrow column may have wrapped
    for line in lines[start:]:
        if line.table is not None:
            body.blocks.append(line.table)
            continue
        if titled_part is not None and _continues_title(line):
            # `TÌNH HÌNH CHUNG VÀ KẾT` / `QUẢ TRIỂN KHAI …`: one title cut by the column.
            title = join(titled_part.content, with_format(strip(line.content), bold=False))
            titled_part = Heading(titled_part.level, title, id=titled_part.id)
            body.blocks[-1] = titled_part
            continue
        titled_part = None
        if pending_part is not None:
            # "Phần I" on its own line: the next upper-case line is its title.
            if is_upper_line(line.text) and classify(line.text).kind is LineKind.TEXT:
                titled_part = Heading(
                    pending_part.level, with_format(strip(line.content), bold=False),
                    id=pending_part.id,
                )  # fmt: skip
                body.blocks[-1] = titled_part
                pending_part = None
                continue
            pending_part = None
        block = _block(line, checker, report)
        if line.anchor is not None and not isinstance(block, Table):
            block = replace(block, id=line.anchor)
        body.blocks.append(block)
        if (
            isinstance(block, Heading)
            and block.level in (HeadingLevel.PART, HeadingLevel.CHAPTER, HeadingLevel.SECTION)
            and not block.text.strip()
        ):
            pending_part = block
    if find_closing_sentence:
        _closing_sentence(body, report)
    return body


def _continues_title(line: SourceLine) -> bool:
    text = line.text.strip()
    return (
        not line.blank_before
        and line.auto_number is None
        and is_upper_line(text)
        and classify(text).kind is LineKind.TEXT
        and not text.endswith((".", ";", ":"))
    )


def _decision_opening(lines: Sequence[SourceLine], kind: DocumentKind, body: Body,
                      report: ReportBuilder) -> int:  # fmt: skip
    """Mẫu 1.1–1.3: the authority line(s), the căn cứ block, `QUYẾT ĐỊNH:`; returns the lines used.

    The authority becomes `Document.authority`; every line between it and the decision line is a
    căn cứ ("Theo đề nghị …", "Xét Tờ trình …" included); the decision line is dropped because
    the renderer prints it. Without a decision line in reach, the căn cứ are read as usual.
    """
    start = 0
    authority: list[str] = []
    while start < min(len(lines), 2) and _is_authority(lines, start):
        authority.append(" ".join(lines[start].text.split()))
        start += 1
    if len(" ".join(authority)) > _MAX_AUTHORITY:
        start, authority = 0, []
    if authority:
        body.authority = " ".join(authority)
        report.recognized(
            "authority",
            f"Thẩm quyền ban hành: “{body.authority}” (khi xuất in hoa, đậm, căn giữa dưới "
            "trích yếu).",
            line=lines[0].number,
        )
    decision = _decision_line_index(lines, start)
    expected = kind_info(kind).decision_line
    if decision is None:
        used = start + _legal_bases(lines[start:], kind, body, report)
        if authority or body.legal_bases:
            report.adjusted(
                "body",
                f"Bản gốc không có dòng “{expected}” trước các điều; khi xuất được in theo mẫu.",
                line=lines[used].number if used < len(lines) else None,
            )
        return used
    bases = [" ".join(line.text.split()) for line in lines[start:decision]]
    body.legal_bases = [_without_final_mark(b) for b in bases]
    if bases:
        report.adjusted(
            "legal_bases",
            f"Nhận {len(bases)} dòng căn cứ (kể cả “Theo đề nghị …”, “Xét …”); đã bỏ dấu “;”/“.” "
            "cuối dòng (khi xuất được in lại, dòng cuối kết thúc bằng dấu chấm).",
            line=lines[start].number,
        )
    found = " ".join(lines[decision].text.split())
    if found == expected:
        report.recognized(
            "body", f"Dòng “{expected}” được in lại khi xuất.", line=lines[decision].number
        )
    else:
        report.adjusted(
            "body",
            f"Dòng “{found}” được in theo mẫu là “{expected}”.",
            line=lines[decision].number,
        )
    return decision + 1


_MAX_AUTHORITY = 200  # the model's limit for agency names (Phụ lục VI)
_DECISION_LINE = re.compile(r"^QUYET\s*(DINH|NGHI)\s*:?$")


def _is_decision_line(text: str) -> bool:
    """`QUYẾT ĐỊNH:`, `QUYẾT NGHỊ:` (also without the colon, or letter-spaced as PDFs give it)."""
    folded = fold(text)
    return bool(_DECISION_LINE.match(folded) or _DECISION_LINE.match(folded.replace(" ", "")))


def _is_authority(lines: Sequence[SourceLine], index: int) -> bool:
    """An upper-case line that opens a decision's body: followed (perhaps after a second
    authority line) by a căn cứ or by `QUYẾT ĐỊNH:`."""
    line = lines[index]
    text = " ".join(line.text.split())
    if (
        line.table is not None
        or not is_upper_line(text)
        or classify(text).kind is not LineKind.TEXT
        or _is_decision_line(text)
        or len(text) > 200
    ):
        return False
    following = lines[index + 1 : index + 3]
    for position, nxt in enumerate(following):
        folded = fold(nxt.text)
        if folded.startswith((*_LEGAL_FOLLOWERS, "XET ")) or _is_decision_line(nxt.text):
            return True
        if position == 0 and is_upper_line(nxt.text.strip()):
            continue  # "HỘI ĐỒNG NHÂN DÂN TỈNH …" / "KHÓA XVII, KỲ HỌP THỨ 10"
        return False
    return False


def _decision_line_index(lines: Sequence[SourceLine], start: int) -> int | None:
    """`QUYẾT ĐỊNH:` within the next lines, with only căn cứ-like lines before it."""
    for index in range(start, min(len(lines), start + 15)):
        line = lines[index]
        if _is_decision_line(line.text):
            return index
        text = " ".join(line.text.split())
        if (
            line.table is not None
            or line.auto_number is not None
            or classify(text).kind is not LineKind.TEXT
            or len(text) > 600
            or any(isinstance(i, FootnoteRef) for i in line.content)
        ):
            return None
    return None


def _without_final_mark(text: str) -> str:
    return text[:-1].rstrip() if text.endswith((";", ".", ",")) else text


def _legal_bases(lines: Sequence[SourceLine], kind: DocumentKind, body: Body,
                 report: ReportBuilder) -> int:  # fmt: skip
    """A run of short lines, the first starting "Căn cứ", each ending ";" (the last "." or ";").

    Báo cáo and công văn open with prose ("Thực hiện Công văn số …; UBND huyện báo cáo …"):
    there only "Căn cứ" lines count, and a long paragraph always stays a paragraph.
    """
    run: list[str] = []
    prose_kinds = (DocumentKind.BAO_CAO, DocumentKind.CONG_VAN)
    followers = _LEGAL_OPENERS if kind in prose_kinds else _LEGAL_FOLLOWERS
    for index, line in enumerate(lines):
        text = " ".join(line.text.split())
        folded = fold(text)
        opener = _LEGAL_OPENERS if index == 0 else followers
        if (
            line.table is not None
            or not folded.startswith(opener)
            or not text.endswith((";", "."))
            or len(text) > 600
            or any(isinstance(i, FootnoteRef) for i in line.content)
        ):
            break
        run.append(text)
        if text.endswith("."):
            break
    if not run:
        if (
            len(lines) > 1
            and is_upper_line(lines[0].text)
            and fold(lines[1].text).startswith("CAN CU")
        ):
            report.recognized(
                "legal_bases",
                f"Dòng thẩm quyền ban hành “{lines[0].text.strip()}” đứng trước các căn cứ: giữ "
                "dòng này và các căn cứ trong nội dung, đúng thứ tự của bản gốc.",
                line=lines[0].number,
            )
            return 0
        if lines and fold(lines[0].text).startswith(("THUC HIEN", "CAN CU")):
            report.recognized(
                "body",
                "Đoạn mở đầu “Thực hiện …/Căn cứ …” là văn xuôi; giữ là đoạn văn của nội dung, "
                "không tách thành căn cứ.",
                line=lines[0].number,
            )
        return 0
    body.legal_bases = [b[:-1].rstrip() for b in run]
    message = (
        f"Nhận {len(run)} dòng căn cứ; đã bỏ dấu “;”/“.” cuối dòng (khi xuất được in lại, "
        "dòng cuối kết thúc bằng dấu chấm)."
    )
    if not run[-1].endswith("."):
        message += " Dòng căn cứ cuối đang kết thúc bằng “;” sẽ được in với dấu “.”."
    report.adjusted("legal_bases", message, line=lines[0].number)
    return len(run)


def _block(line: SourceLine, checker: _NumberingChecker, report: ReportBuilder) -> Block:
    content = line.content
    if line.auto_number is not None:
        return _auto_numbered(line, checker, report)
    c = classify(line.text)
    if c.kind is LineKind.HEADING and c.heading_level is not None:
        heading_content = drop_prefix(content, c.prefix_length)
        if c.letter_with_dot:
            report.adjusted("body", "Điểm đánh “a.” được ghi theo thể thức “a)”.", line=line.number)
        if _ORDINAL_PART.match(line.text.strip()):
            report.adjusted(
                "body",
                f"“{line.text.strip()}”: số thứ tự của phần được in bằng chữ số La Mã theo thể thức "
                "(Phần I, Phần II …).",
                line=line.number,
            )
        return checker.heading(c.heading_level, c.numbers, _heading_content(heading_content), line,
                               titled=_titled(c.heading_level, heading_content))  # fmt: skip
    if c.kind is LineKind.ITEM and c.marker is not None:
        return ListItem(c.marker, drop_prefix(content, c.prefix_length))
    if c.kind is LineKind.DEEP_NUMBER:
        report.unsure(
            "body",
            "Đề mục nhiều cấp (như 1.1.1.) chưa có trong mẫu; giữ số trong nội dung đoạn văn.",
            line=line.number,
            excerpt=line.text,
        )
        return Paragraph(content)
    if line.heading_depth and len(line.text) <= 200:
        level = _MARKDOWN_LEVELS.get(line.heading_depth, HeadingLevel.LETTER)
        report.unsure(
            "body",
            "Đề mục không đánh số (đánh dấu markdown); đã để là đề mục không số — kiểm tra cấp.",
            line=line.number,
            excerpt=line.text,
        )
        return Heading(level, _heading_content(content), numbered=False)
    return Paragraph(content)


def _titled(level: HeadingLevel, content: Content) -> bool:
    """A khoản or điểm (`1.`, `1.1.`, `a)`) is a title only when it reads like one: set in bold by
    its author, or short and without the end punctuation of a sentence. `1. Ông Hoàng Văn Nghiệm,
    Phó Chủ tịch UBND tỉnh - Tổ trưởng.` is a numbered sentence and prints in body style."""
    if level not in _SENTENCE_LEVELS:
        return True
    if all_bold(content):
        return True
    text = text_of(content).strip()
    return not text.endswith((".", ";", "…")) and len(text) <= _MAX_TITLE


def _heading_content(content: Content) -> Content:
    """Headings are bold by style: bold marks of the whole heading are dropped, italics kept."""
    content = strip(content)
    return with_format(content, bold=False) if all_bold(content) else content


def _auto_numbered(line: SourceLine, checker: _NumberingChecker, report: ReportBuilder) -> Block:
    """A Word paragraph numbered by Word itself: its label says what it is."""
    auto = line.auto_number
    assert auto is not None
    label = auto.label.strip()
    if auto.format == "bullet" or label in ("-", "–", "+", "•", "", "o", "▪", "◦"):
        marker = (
            ListMarker.PLUS
            if label == "+" or (auto.level >= 1 and label != "-")
            else ListMarker.DASH
        )
        return ListItem(marker, strip(line.content))
    c = classify(f"{label} {line.text}")
    if (
        c.kind is LineKind.HEADING
        and c.heading_level is not None
        and c.prefix_length <= len(label) + 1
    ):
        return checker.heading(c.heading_level, c.numbers, _heading_content(line.content), line,
                               titled=_titled(c.heading_level, line.content))  # fmt: skip
    report.unsure(
        "body",
        f"Số tự động “{label}” của Word không thuộc các cấp đề mục; giữ số trong nội dung.",
        line=line.number,
        excerpt=line.text,
    )
    return Paragraph(join(plain(label), line.content))


class _NumberingChecker:
    """Compares the source's own numbers with the numbers the export will compute."""

    def __init__(self, report: ReportBuilder) -> None:
        self.counters: dict[HeadingLevel, int] = dict.fromkeys(HeadingLevel, 0)
        self.report = report

    def heading(self, level: HeadingLevel, numbers: tuple[int, ...], content: Content,
                line: SourceLine, *, titled: bool = True) -> Heading:  # fmt: skip
        self.counters[level] += 1
        rank = HEADING_RANK[level]
        for other, other_rank in HEADING_RANK.items():
            if other_rank > rank and not (
                other is HeadingLevel.ARTICLE
                and level in (HeadingLevel.PART, HeadingLevel.CHAPTER, HeadingLevel.SECTION)
            ):
                self.counters[other] = 0
        expected = self._expected(level)
        if numbers and numbers != expected:
            source = line.text.split()[0] if line.text.split() else ""
            printed = heading_label(level, self.counters)
            self.report.unsure(
                "body",
                f"Số đề mục “{source}” không liền mạch với đề mục trước; khi xuất sẽ đánh số "
                f"lại là “{printed}”.",
                line=line.number,
                excerpt=line.text,
            )
        return Heading(level, content, numbered=True, titled=titled)

    def _expected(self, level: HeadingLevel) -> tuple[int, ...]:
        if level is HeadingLevel.DECIMAL:
            return (self.counters[HeadingLevel.ARABIC], self.counters[level])
        return (self.counters[level],)


def _closing_sentence(body: Body, report: ReportBuilder) -> None:
    """The last paragraph ending with "./." is the closing sentence (the renderer adds "./.")."""
    if not body.blocks:
        return
    last = body.blocks[-1]
    text = last.text if isinstance(last, Paragraph | ListItem | Heading) else ""
    if not _END_MARK.search(text):
        report.unsure(
            "closing",
            "Đoạn cuối không kết thúc bằng “./.”; không tách câu kết (khi xuất kiểm tra lại dấu kết).",
        )
        return
    if not isinstance(last, Paragraph) or any(isinstance(i, FootnoteRef) for i in last.content):
        report.unsure(
            "closing",
            "Câu kết thúc bằng “./.” nằm trong gạch đầu dòng/đề mục hoặc có chú thích; giữ nguyên "
            "trong nội dung.",
        )
        return
    match = _END_MARK.search(text)
    assert match is not None
    closing = text_of(drop_suffix(last.content, len(text) - match.start()))
    body.closing = closing.strip()
    body.blocks.pop()
    mark = text[match.start() :].strip()
    report.adjusted(
        "closing",
        f"Câu kết: đã bỏ dấu “{mark}” cuối câu (khi xuất được in lại là “./.”).",
    )
