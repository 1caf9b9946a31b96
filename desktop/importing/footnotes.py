"""Footnotes in text copied from a PDF (and markdown footnotes).

In copied PDF text a footnote's mark stays in the sentence (`…năm 2030¹`, `…[2]`) while its text
lands where the page ended — in the middle of the body, after a blank line: `¹ Quyết định số …`.
A line that starts with a footnote number right after a page break (or right after another
footnote), whose number matches a mark not yet resolved earlier in the text, is such a footnote:
it is removed from the body and becomes a `FootnoteRef` at the place of its mark (the mark
character itself is dropped: footnote numbers are computed at export). A footnote text may wrap
onto following lines. Markdown `[^1]` marks and `[^1]: text` lines are resolved the same way.

Marks without a text are left in place and reported; `m²`/`m³` are units, not marks.
"""

from __future__ import annotations

import re
from collections import defaultdict, deque
from dataclasses import dataclass

from desktop.importing.inline import Content, drop_prefix, insert_footnote, join, text_of
from desktop.importing.report import ReportBuilder
from desktop.importing.source import SourceLine
from desktop.model.document import FootnoteRef, Run

_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT_VALUE = {c: str(i) for i, c in enumerate(_SUPERSCRIPTS)}

_MARK = re.compile(
    r"(?<=\S)(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})|\[(?P<num>\d{1,3})\](?!:)|\[\^(?P<label>[\w-]{1,20})\](?!:)"
)
_NOTE_START = re.compile(
    r"^(?:(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})|\[(?P<num>\d{1,3})\]|\[\^(?P<label>[\w-]{1,20})\]:"
    r"|(?P<plain>\d{1,3})(?=\s))\s*[.)]?\s*(?=\S)"
)
_UNIT_BEFORE = re.compile(r"(?:^|[\d\s(])(?:k|c|d|m|h)?m$")

Key = str  # "1", "12" for numbered marks; "^label" for markdown marks


@dataclass(frozen=True)
class _Mark:
    line: int  # index into the output lines
    offset: int
    length: int
    key: Key


def _sup_value(text: str) -> str:
    return "".join(_SUPERSCRIPT_VALUE[c] for c in text)


def _marks(text: str) -> list[tuple[int, int, Key]]:
    out: list[tuple[int, int, Key]] = []
    for match in _MARK.finditer(text):
        if match.group("sup"):
            if match.group("sup") in "²³" and _UNIT_BEFORE.search(text[: match.start()]):
                continue
            key = str(int(_sup_value(match.group("sup"))))
        elif match.group("num"):
            key = str(int(match.group("num")))
        else:
            key = "^" + match.group("label")
        out.append((match.start(), match.end() - match.start(), key))
    return out


def _note_start(text: str, *, after_break: bool) -> tuple[Key, int, bool] | None:
    """The key of a footnote text starting this line, its prefix length, and whether the
    number was written plainly (weak evidence)."""
    match = _NOTE_START.match(text)
    if not match:
        return None
    if match.group("sup"):
        return str(int(_sup_value(match.group("sup")))), match.end(), False
    if match.group("num"):
        return str(int(match.group("num"))), match.end(), False
    if match.group("label"):
        return "^" + match.group("label"), match.end(), False
    if after_break:
        return str(int(match.group("plain"))), match.end(), True
    return None


def attach_text_footnotes(
    lines: list[SourceLine], report: ReportBuilder
) -> tuple[list[SourceLine], int]:
    """Move footnote texts to their marks; return the remaining lines and the count attached."""
    out: list[SourceLine] = []
    pending: dict[Key, deque[_Mark]] = defaultdict(deque)
    resolved: dict[int, list[tuple[_Mark, FootnoteRef]]] = defaultdict(list)
    previous_was_note = False
    index = 0
    attached = 0
    while index < len(lines):
        line = lines[index]
        start = None
        if line.table is None:
            start = _note_start(line.text, after_break=line.blank_before or previous_was_note)
        if start is not None and pending.get(start[0]):
            key, prefix, _weak = start
            content = drop_prefix(line.content, prefix)
            index += 1
            while index < len(lines) and _continues_note(lines[index]):
                content = join(content, lines[index].content)
                index += 1
            mark = pending[key].popleft()
            resolved[mark.line].append((mark, FootnoteRef(_note_runs(content))))
            attached += 1
            previous_was_note = True
            continue
        previous_was_note = False
        position = len(out)
        for offset, length, key in _marks(line.text):
            pending[key].append(_Mark(position, offset, length, key))
        out.append(line)
        index += 1
    for position, notes in resolved.items():
        content = out[position].content
        for mark, note in sorted(notes, key=lambda n: n[0].offset, reverse=True):
            content = insert_footnote(content, mark.offset, mark.length, note)
        out[position] = out[position].with_content(content)
    unresolved = [m for queue in pending.values() for m in queue]
    if attached:
        report.recognized(
            "body",
            f"Đã nhận {attached} chú thích cuối trang, chuyển về đúng vị trí dấu chú thích và "
            "bỏ khỏi nội dung.",
        )
    for mark in unresolved:
        if mark.key.startswith("^") or attached:
            report.unsure(
                "body",
                f"Dấu chú thích “{mark.key.lstrip('^')}” không tìm thấy nội dung; giữ nguyên "
                "trong văn bản.",
                line=out[mark.line].number,
            )
    return out, attached


def _continues_note(line: SourceLine) -> bool:
    if line.blank_before or line.table is not None:
        return False
    return _note_start(line.text, after_break=True) is None


def _note_runs(content: Content) -> tuple[Run, ...]:
    runs = tuple(item for item in content if isinstance(item, Run))
    return runs if text_of(runs).strip() else (Run(""),)
