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
"""

from __future__ import annotations

from desktop.importing.inline import all_bold, join
from desktop.importing.lines import LineKind, classify, starts_lowercase
from desktop.importing.report import ReportBuilder
from desktop.importing.source import Region, SourceLine

_TERMINAL = (".", "!", "?", "…", ":", ";")
_NO_END_MARK = (",",)  # a comma does not end a paragraph, but the next capital may start one
# A cut inside a sentence leaves at least this much text before it (shorter: probably a title).
_MIN_RUNNING_TEXT = 50


def join_split_paragraphs(lines: list[SourceLine], report: ReportBuilder) -> list[SourceLine]:
    wrapped = _looks_hard_wrapped(lines)
    width = _wrap_width(lines) if wrapped else 0
    out: list[SourceLine] = []
    joined_breaks = 0
    first_join_line = None
    for line in lines:
        if out and _continues(out[-1], line, wrapped, width):
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


def _continues(previous: SourceLine, line: SourceLine, wrapped: bool, width: int) -> bool:
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
    is_heading = before.kind is LineKind.HEADING or previous.heading_depth > 0
    lower = starts_lowercase(line.text)
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
