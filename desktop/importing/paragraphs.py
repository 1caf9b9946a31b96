"""Put back together paragraphs that text extraction cut apart.

Two kinds of cut occur in text copied from a PDF:

* a page break: the sentence stops, a blank line (and whatever the page bottom held), and it
  goes on — `…về một số chính` / `sách phát triển…`;
* hard line wrapping: every printed line is a line of the text, with no blank line between
  paragraphs at all.

A line continues the previous paragraph when nothing marks it as a new one: it is not a
heading, list item or other structural line, and either it starts in lower case (a paragraph
never does) or the previous line stops without any end punctuation in the middle of running
text. A heading (`1. Mục đích`, which has no final punctuation) never swallows the next line, a
`…huyện;` line is never joined to the `- ` item after it, and a short line without punctuation
(a title) is not joined to a capitalised line. Word documents are never joined: their paragraph
boundaries are real.

Two layouts say more than punctuation does:

* `pdftotext -layout` keeps Word's first-line indent: a paragraph's first line is indented and
  its wrapped lines start at the margin. In such a text a line at the margin always continues,
  and an indented line always starts a paragraph.
* A narrow column (web pages of legal texts) cuts `Điều 1.` or `2.` from its sentence; a number
  alone on its line takes the next line as its text.
"""

from __future__ import annotations

import re

from desktop.importing.inline import all_bold, join
from desktop.importing.lines import Classified, LineKind, classify, starts_lowercase
from desktop.importing.report import ReportBuilder
from desktop.importing.source import Region, SourceLine
from desktop.model.document import HeadingLevel

_TERMINAL = (".", "!", "?", "…", ":", ";")
_NO_END_MARK = (",",)  # a comma does not end a paragraph, but the next capital may start one
# A cut inside a sentence leaves at least this much text before it (shorter: probably a title).
_MIN_RUNNING_TEXT = 50
_INDENT = 2  # leading spaces from which a line counts as indented
_BARE_LABEL = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})?|[IVX]{1,5}|[a-zđ])[.)]$")
_TITLED_BELOW = (HeadingLevel.PART, HeadingLevel.CHAPTER, HeadingLevel.SECTION)


def join_split_paragraphs(lines: list[SourceLine], report: ReportBuilder) -> list[SourceLine]:
    wrapped = _looks_hard_wrapped(lines)
    width = _wrap_width(lines) if wrapped else 0
    indented = _indent_structured(lines)
    out: list[SourceLine] = []
    joined_breaks = 0
    first_join_line = None
    for line in lines:
        if out and _continues(out[-1], line, wrapped, width, indented):
            if line.blank_before:
                joined_breaks += 1
                first_join_line = first_join_line or line.number
            out[-1] = out[-1].with_content(join(out[-1].content, line.content))
            continue
        out.append(line)
    if joined_breaks:
        report.adjusted(
            "body",
            f"Đã nối lại {joined_breaks} đoạn văn bị ngắt ở chỗ sang trang.",
            line=first_join_line,
        )
    if wrapped:
        report.unsure(
            "body",
            "Văn bản bị xuống dòng cứng theo từng dòng in; đã ghép các dòng thành đoạn văn — "
            "hãy kiểm tra chỗ chia đoạn.",
        )
    return out


def _continues(previous: SourceLine, line: SourceLine, wrapped: bool, width: int,
               indented: bool) -> bool:  # fmt: skip
    if previous.table is not None or line.table is not None:
        return False
    if previous.region is not Region.FLOW or line.region is not Region.FLOW:
        return False
    if line.heading_depth or line.auto_number is not None:
        return False
    current = classify(line.text)
    if current.kind is not LineKind.TEXT:
        return False
    before = classify(previous.text)
    if before.kind not in (LineKind.TEXT, LineKind.ITEM, LineKind.HEADING, LineKind.DEEP_NUMBER):
        return False
    text = previous.text.rstrip()
    if not text:
        return False
    if _label_only(previous.text, before) and not line.blank_before:
        return True  # `Điều 1.` / `Ban hành kèm theo …`
    if indented:
        return line.indent < _INDENT
    is_heading = before.kind is LineKind.HEADING or previous.heading_depth > 0
    lower = starts_lowercase(line.text)
    if lower and text.endswith(";"):
        return True  # `…tại địa phương;` / `báo cáo kết quả …`: a list item wrapped
    if text.endswith(_TERMINAL):
        # Even in hard-wrapped text a line ending a sentence is taken as a paragraph end: joining
        # "Căn cứ …;" lines or list entries would be worse than splitting one paragraph.
        return False
    if lower:
        return True
    if is_heading or all_bold(previous.content):
        return False
    if wrapped and not line.blank_before:
        return len(text) >= width
    if text.endswith(_NO_END_MARK):
        return False
    return len(text) >= _MIN_RUNNING_TEXT


def _label_only(text: str, classified: Classified) -> bool:
    """A heading number alone on its line (`Điều 1.`, `2.`, `a)`), not `Phần I`/`Chương II`,
    whose title is printed on the next line anyway."""
    if _BARE_LABEL.match(text.strip()):
        return True
    return (
        classified.kind is LineKind.HEADING
        and classified.heading_level not in _TITLED_BELOW
        and classified.prefix_length >= len(text.strip())
    )


def _indent_structured(lines: list[SourceLine]) -> bool:
    """Paragraph starts are indented and wrapped lines are not (`pdftotext -layout`)."""
    flow = [line for line in lines if line.region is Region.FLOW and line.table is None]
    if len(flow) < 6:
        return False
    indented = sum(1 for line in flow if line.indent >= _INDENT)
    flush = [i for i, line in enumerate(flow) if line.indent == 0 and i > 0]
    if indented < 0.2 * len(flow) or len(flush) < 0.2 * len(flow):
        return False
    # Lines at the margin must read as wrapped lines: most follow a line cut mid-sentence (a
    # text whose flush lines are titles after finished paragraphs is not of this layout).
    cut = sum(1 for i in flush if not flow[i - 1].text.rstrip().endswith(_TERMINAL))
    return cut >= 0.7 * len(flush)


def _looks_hard_wrapped(lines: list[SourceLine]) -> bool:
    """Most lines follow another line directly, and they are of similar, printed-line length."""
    flow = [line for line in lines if line.region is Region.FLOW and line.table is None]
    if len(flow) < 12:
        return False
    consecutive = sum(1 for line in flow if not line.blank_before)
    if consecutive < 0.6 * len(flow):
        return False
    lengths = sorted(len(line.text) for line in flow)
    median = lengths[len(lengths) // 2]
    return 40 <= median <= 130


def _wrap_width(lines: list[SourceLine]) -> int:
    """The length from which a line is "full" (it reached the right margin)."""
    lengths = sorted(len(line.text) for line in lines if line.table is None)
    p80 = lengths[int(0.8 * (len(lengths) - 1))]
    return int(0.8 * p80)
