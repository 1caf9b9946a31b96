"""Inline content (runs and footnote references) as the importer edits it.

The importer strips numbers and format marks from the start or end of a paragraph, joins halves
of a paragraph split by a page break and cuts text at footnote markers, all without losing the
bold/italic of the words or the footnotes attached to them. Positions are offsets into the
visible text; a footnote reference has no width and sits at the offset of the character after
its marker.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from desktop.model.document import FootnoteRef, Inline, Run

Content = tuple[Inline, ...]


def text_of(content: Sequence[Inline]) -> str:
    return "".join(item.text for item in content if isinstance(item, Run))


def merge(items: Iterable[Inline]) -> Content:
    """Join neighbouring runs of the same formatting and drop empty runs."""
    out: list[Inline] = []
    for item in items:
        if isinstance(item, Run):
            if not item.text:
                continue
            last = out[-1] if out else None
            if (
                isinstance(last, Run)
                and last.bold == item.bold
                and last.italic == item.italic
                and last.underline == item.underline
            ):
                out[-1] = Run(last.text + item.text, last.bold, last.italic, last.underline)
                continue
        out.append(item)
    return tuple(out)


def plain(text: str) -> Content:
    return (Run(text),) if text else ()


def slice_content(
    content: Sequence[Inline], start: int, end: int | None = None, *, own_start: bool = False
) -> Content:
    """The part of `content` between two text offsets.

    A footnote reference at offset p belongs to the slice when start < p <= end (it follows the
    character p - 1), so cutting at a marker keeps the note with the words before it. A note at
    offset 0 belongs to the slice starting at 0; `own_start` also claims a note at `start` (used
    after a line break, whose character belongs to no slice).
    """
    total = len(text_of(content))
    stop = total if end is None else max(start, min(end, total))
    out: list[Inline] = []
    pos = 0
    for item in content:
        if isinstance(item, FootnoteRef):
            if start < pos <= stop or (pos == start and (start == 0 or own_start)):
                out.append(item)
            continue
        length = len(item.text)
        lo = max(start, pos)
        hi = min(stop, pos + length)
        if lo < hi:
            out.append(Run(item.text[lo - pos : hi - pos], item.bold, item.italic, item.underline))
        pos += length
    return merge(out)


def footnotes_outside(content: Sequence[Inline], start: int, end: int) -> list[FootnoteRef]:
    """Footnote references that `slice_content(content, start, end)` would drop."""
    out: list[FootnoteRef] = []
    pos = 0
    for item in content:
        if isinstance(item, FootnoteRef):
            if not (start < pos <= end or pos == start == 0):
                out.append(item)
        else:
            pos += len(item.text)
    return out


def strip(content: Sequence[Inline]) -> Content:
    """Remove surrounding whitespace, keeping any footnote that sat in it at the nearest end."""
    text = text_of(content)
    left = len(text) - len(text.lstrip())
    right = len(text.rstrip())
    if left == 0 and right == len(text):
        return merge(content)
    return cut(content, left, right)


def cut(content: Sequence[Inline], start: int, end: int) -> Content:
    """`slice_content`, but footnotes outside the slice are kept at the end (never lost)."""
    kept = list(slice_content(content, start, end))
    lost = footnotes_outside(content, start, end)
    return merge([*kept, *lost])


def drop_prefix(content: Sequence[Inline], length: int) -> Content:
    """Remove the first `length` characters (a number, a list mark) and the spaces after them."""
    text = text_of(content)
    rest = text[length:]
    skip = length + (len(rest) - len(rest.lstrip()))
    return cut(content, skip, len(text))


def drop_suffix(content: Sequence[Inline], length: int) -> Content:
    """Remove the last `length` characters and the spaces before them."""
    text = text_of(content)
    head = text[: len(text) - length]
    return cut(content, 0, len(head.rstrip()))


def join(first: Sequence[Inline], second: Sequence[Inline], separator: str = " ") -> Content:
    """Join two pieces of a paragraph, with one separator between the words."""
    a = strip(first)
    b = strip(second)
    if not a:
        return b
    if not b:
        return a
    last = a[-1]
    sep_run: list[Inline] = []
    if separator:
        fmt = last if isinstance(last, Run) else Run("")
        sep_run = [Run(separator, fmt.bold, fmt.italic, fmt.underline)]
    return merge([*a, *sep_run, *b])


def with_format(content: Sequence[Inline], *, bold: bool | None = None,
                italic: bool | None = None) -> Content:  # fmt: skip
    """Set (or clear) bold/italic on every run."""
    out: list[Inline] = []
    for item in content:
        if isinstance(item, Run):
            out.append(
                Run(
                    item.text,
                    item.bold if bold is None else bold,
                    item.italic if italic is None else italic,
                    item.underline,
                )
            )
        else:
            out.append(item)
    return merge(out)


def all_bold(content: Sequence[Inline]) -> bool:
    runs = [i for i in content if isinstance(i, Run) and i.text.strip()]
    return bool(runs) and all(r.bold for r in runs)


def all_italic(content: Sequence[Inline]) -> bool:
    runs = [i for i in content if isinstance(i, Run) and i.text.strip()]
    return bool(runs) and all(r.italic for r in runs)


def insert_footnote(content: Sequence[Inline], offset: int, marker_length: int,
                    note: FootnoteRef) -> Content:  # fmt: skip
    """Replace the marker text at `offset` by a footnote reference."""
    before = slice_content(content, 0, offset)
    after = slice_content(content, offset + marker_length)
    # Footnotes already inside the removed marker (never in practice) are kept.
    return merge([*before, note, *after])


def split_lines(content: Sequence[Inline]) -> list[Content]:
    """Split content at newline characters (a paragraph with line breaks → lines)."""
    text = text_of(content)
    if "\n" not in text:
        return [merge(content)]
    out: list[Content] = []
    start = 0
    while True:
        nl = text.find("\n", start)
        if nl < 0:
            out.append(slice_content(content, start, own_start=start > 0))
            break
        out.append(slice_content(content, start, nl, own_start=start > 0))
        start = nl + 1
    return out
