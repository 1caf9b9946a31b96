"""A document as plain text for `baocao show`: the printed strings of every element, in order.

Uses the model's grammar (number line, date line, signer lines, Nơi nhận) and computed numbering,
so what the terminal shows is what the exporters print, without the layout.
"""

from __future__ import annotations

from collections.abc import Iterator

from desktop.model.document import (
    Block,
    Document,
    FootnoteRef,
    Heading,
    HeadingLevel,
    Inline,
    ListItem,
    PageBreak,
    Paragraph,
    Table,
)
from desktop.model.grammar import (
    distribution_lines,
    ensure_end_mark,
    kinh_gui_lines,
    legal_basis_lines,
    number_line,
    place_date_line,
    signer_lines,
    title_line_for_cong_van,
)
from desktop.model.kinds import kind_info
from desktop.model.numbering import number_headings, roman


def _inline(content: tuple[Inline, ...], notes: list[str]) -> str:
    out = []
    for item in content:
        if isinstance(item, FootnoteRef):
            notes.append(item.plain_text)
            out.append(f"[{len(notes)}]")
        else:
            out.append(item.text)
    return "".join(out)


def _blocks(blocks: tuple[Block, ...], notes: list[str]) -> Iterator[str]:
    labels = number_headings(blocks)
    for block in blocks:
        if isinstance(block, Heading):
            text = _inline(block.content, notes)
            if block.level in (HeadingLevel.ROMAN, HeadingLevel.PART, HeadingLevel.CHAPTER):
                text = text.upper()
            label = labels.get(block.id, "")
            yield f"{label} {text}".strip()
        elif isinstance(block, Paragraph):
            yield _inline(block.content, notes)
        elif isinstance(block, ListItem):
            yield f"{block.marker.value} {_inline(block.content, notes)}"
        elif isinstance(block, Table):
            if block.caption:
                yield block.caption
            for row in block.rows:
                yield "| " + " | ".join(_inline(c.content, notes) for c in row) + " |"
        elif isinstance(block, PageBreak):
            yield "---- (sang trang) ----"


def document_text(doc: Document, *, blank_year: int | None = None) -> str:
    """The document as text; `blank_year` fills the year of a draft's blank date line."""
    info = kind_info(doc.kind)
    year = doc.reporting_period.year if doc.reporting_period else blank_year
    lines: list[str] = []
    lines += [a.upper() for a in (doc.parent_agency, doc.issuing_agency) if a.strip()]
    lines.append(number_line(doc.kind, doc.number, doc.agency_abbr, doc.unit_abbr))
    lines.append(place_date_line(doc.place, doc.date, None if doc.date else year))
    for mark in (doc.secrecy, doc.urgency):
        if mark is not None:
            lines.append(mark.value)
    lines.append("")
    if info.has_title_line:
        lines += [info.title, doc.title]
    elif doc.title:
        lines.append(title_line_for_cong_van(doc.title))
    recipients = kinh_gui_lines(doc.recipients)
    if recipients:
        lines += ["", *recipients]
    bases = legal_basis_lines(doc.legal_bases)
    if bases:
        lines += ["", *bases]
    notes: list[str] = []
    lines += ["", *_blocks(doc.body, notes)]
    if doc.closing.strip():
        closing = ensure_end_mark(doc.closing) if info.ends_with_mark else doc.closing
        lines += [closing]
    lines += ["", "Nơi nhận:"]
    lines += distribution_lines(
        doc.distribution, doc.archive_note, doc.drafter_initials, doc.copies
    )
    lines += ["", *signer_lines(doc.signer), "", doc.signer.name]
    for i, appendix in enumerate(doc.appendices, start=1):
        heading = f"Phụ lục {roman(i)}" if len(doc.appendices) > 1 else "Phụ lục"
        lines += ["", heading, appendix.title.upper()]
        if appendix.reference:
            lines.append(f"({appendix.reference})")
        lines += list(_blocks(appendix.body, notes))
    if notes:
        lines += ["", "Chú thích:"] + [f"[{i}] {note}" for i, note in enumerate(notes, start=1)]
    return "\n".join(lines).rstrip() + "\n"
