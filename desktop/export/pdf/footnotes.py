"""Footnotes at the bottom of the page where their reference falls — built for reportlab, which
has none.

The layout is exact in a single pass. A flowable that carries references (`NotedParagraph`, or a
`NotedTable` whose cells do) adds to the height it asks for the room its not-yet-placed footnotes
need on the current page, so the frame splits or moves it exactly as if that room were already
gone. When the flowable is drawn, its footnotes are placed on that page and the frame's bottom
rises by the same amount (`NoteFrame`); the notes themselves are drawn under a short separator
when the page ends. When a paragraph has to be split, it is split so that the first part *and*
the footnotes referenced in that part fit: a reference never lands on a page without its note.

A note area never takes more than half of the text height. A footnote that would not fit in
that is split and continued on the next page under a full-width separator, as word processors
do, so even a very long footnote lays out without overflowing or losing text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, Paragraph, Table

from desktop.export.pdf.markup import FOOTNOTE_CALLBACK
from desktop.export.pdf.pstyles import WordParagraph

MAX_AREA_FRACTION = 0.5
_EPS = 1e-6


def footnote_numbers_in_frags(frags: Iterable[Any]) -> list[int]:
    """Numbers of the reference marks inside a paragraph's fragments, in order. Fragments are
    either parser fragments or, once reportlab has broken the lines, "words" — lists of a width
    and (fragment, text) pairs — so nested lists are searched too."""
    out: list[int] = []
    stack: list[Any] = list(reversed(list(frags)))
    while stack:
        item = stack.pop()
        definition = getattr(item, "cbDefn", None)
        if definition is not None:
            if getattr(definition, "name", None) == FOOTNOTE_CALLBACK:
                out.append(int(definition.label))
        elif isinstance(item, (list, tuple)):
            stack.extend(reversed(item))
    return out


@dataclass
class _Piece:
    number: int
    paragraph: Paragraph
    height: float
    continued: bool  # this piece continues a note begun on an earlier page


@dataclass
class FootnoteArea:
    """All footnotes of one export and where each has been placed."""

    width: float
    text_height: float
    separator_height: float
    markup: dict[int, str]  # footnote number → paragraph markup (number mark + text)
    style: ParagraphStyle
    pages: dict[int, list[_Piece]] = field(default_factory=dict)
    note_page: dict[int, int] = field(default_factory=dict)  # number → page of its first piece
    reference_page: dict[int, int] = field(default_factory=dict)  # number → page of the mark
    _heights: dict[int, float] = field(default_factory=dict)
    _page: int = 0
    _used: float = 0.0
    _carry: list[_Piece] = field(default_factory=list)

    @property
    def cap(self) -> float:
        return self.text_height * MAX_AREA_FRACTION

    def used(self, page: int) -> float:
        """Height of the note area reserved on `page`, while that page is the current one."""
        return self._used if page == self._page else 0.0

    def _paragraph(self, number: int) -> Paragraph:
        return WordParagraph(self.markup[number], self.style)

    def height(self, number: int) -> float:
        cached = self._heights.get(number)
        if cached is None:
            _, cached = self._paragraph(number).wrap(self.width, 1e9)
            self._heights[number] = cached
        return cached

    def _pending(self, numbers: Iterable[int]) -> list[int]:
        return [n for n in numbers if n not in self.note_page and n in self.markup]

    def extra_for(self, numbers: Iterable[int]) -> float:
        """Room that placing these footnotes on the current page would take now."""
        pending = self._pending(numbers)
        if not pending:
            return 0.0
        need = sum(self.height(n) for n in pending)
        if self._used == 0:
            need += self.separator_height
        return max(0.0, min(need, self.cap - self._used))

    def start_page(self, page: int) -> float:
        """Begin `page`: place the continuation of any note carried over; return its height."""
        self._page = page
        self._used = 0.0
        carry, self._carry = self._carry, []
        for piece in carry:
            self._add_piece(piece.number, piece.paragraph, continued=True)
        return self._used

    def place(self, numbers: Iterable[int]) -> float:
        """Place the notes of these references on the current page; returns the room taken,
        which equals what `extra_for` promised just before."""
        pending = self._pending(numbers)
        if not pending:
            return 0.0
        promised = self.extra_for(pending)
        before = self._used
        for number in pending:
            self.note_page[number] = self._page
            self._add_piece(number, self._paragraph(number), continued=False)
        self._used = before + promised
        return promised

    def _add_piece(self, number: int, paragraph: Paragraph, *, continued: bool) -> None:
        if self._carry:  # an earlier note already overflows: everything after it follows it
            self._carry.append(_Piece(number, paragraph, 0.0, continued))
            return
        separator = self.separator_height if self._used == 0 else 0.0
        room = self.cap - self._used - separator
        _, height = paragraph.wrap(self.width, 1e9)
        if height <= room + _EPS:
            self.pages.setdefault(self._page, []).append(
                _Piece(number, paragraph, height, continued)
            )
            self._used += separator + height
            return
        parts = paragraph.split(self.width, room) if room > 0 else []
        if len(parts) == 2:
            first, rest = parts
            _, first_height = first.wrap(self.width, room)
            self.pages.setdefault(self._page, []).append(
                _Piece(number, first, first_height, continued)
            )
            self._used += separator + first_height
            self._carry.append(_Piece(number, rest, 0.0, True))
        else:
            self._carry.append(_Piece(number, paragraph, 0.0, continued))

    def pieces(self, page: int) -> list[_Piece]:
        return self.pages.get(page, [])

    def finish(self) -> list[int]:
        """Numbers still carried after the last page (none unless the document ended inside a
        continued note, which the renderer then prints on an extra page)."""
        return [p.number for p in self._carry]

    @property
    def carrying(self) -> bool:
        return bool(self._carry)


class _CarriesNotes:
    """Mixin: a flowable whose height includes the room for its footnotes on this page."""

    notes: FootnoteArea | None = None
    _fn_extra: float = 0.0

    def note_numbers(self) -> list[int]:
        raise NotImplementedError

    def _with_notes(self, height: float) -> float:
        area = self.notes
        self._fn_extra = area.extra_for(self.note_numbers()) if area is not None else 0.0
        return height + self._fn_extra

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        if self.notes is not None:
            self.notes.place(self.note_numbers())
        super().drawOn(canvas, x, y + self._fn_extra, _sW)  # type: ignore[misc]

    def _raw_height(self, part: Any, aW: float, aH: float) -> float:
        saved = part.notes
        part.notes = None
        try:
            return float(part.wrap(aW, aH)[1])
        finally:
            part.notes = saved

    def _split_with_notes(self, split: Any, leading: float, aW: float, aH: float) -> list[Any]:
        """Split so that the first part plus the notes it references fits in `aH`."""
        if self.notes is None:
            return list(split(aW, aH))
        budget = aH
        for _ in range(200):
            parts = list(split(aW, budget))
            if not parts:
                return []
            first = parts[0]
            first_height = self._raw_height(first, aW, budget)
            extra = self.notes.extra_for(_numbers_of(first))
            if first_height + extra <= aH + _EPS:
                for part in parts:
                    part.notes = self.notes
                return parts
            next_budget = min(aH - extra, budget - max(leading, 1.0))
            if next_budget <= 0:
                return []
            budget = next_budget
        return []


def _numbers_of(flowable: Any) -> list[int]:
    getter = getattr(flowable, "note_numbers", None)
    return list(getter()) if getter is not None else []


class NotedParagraph(_CarriesNotes, WordParagraph):
    """A body paragraph that may hold footnote references."""

    def note_numbers(self) -> list[int]:
        # The numbers never change for one paragraph (its fragments are only re-grouped into
        # lines), so they are read once.
        cached = self.__dict__.get("_note_numbers")
        if cached is None:
            cached = footnote_numbers_in_frags(self.frags)
            self._note_numbers = cached
        return list(cached)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        width, height = super().wrap(availWidth, availHeight)
        return width, self._with_notes(height)

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        return self._split_with_notes(
            lambda w, h: Paragraph.split(self, w, h), self.style.leading, availWidth, availHeight
        )


class NotedTable(_CarriesNotes, Table):  # type: ignore[misc]
    """A table whose cells may hold footnote references; the rows on a page take their notes."""

    def note_numbers(self) -> list[int]:
        cached = self.__dict__.get("_note_numbers")
        if cached is None:
            cached = []
            for row in self._cellvalues:
                for cell in row:
                    for item in cell if isinstance(cell, (list, tuple)) else (cell,):
                        if isinstance(item, Paragraph):
                            cached.extend(footnote_numbers_in_frags(item.frags))
            self._note_numbers = cached
        return list(cached)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        width, height = super().wrap(availWidth, availHeight)
        return width, self._with_notes(height)

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        row = min(self._rowHeights) if getattr(self, "_rowHeights", None) else 12.0
        return self._split_with_notes(
            lambda w, h: Table.split(self, w, h), row, availWidth, availHeight
        )


class NoteFrame(Frame):  # type: ignore[misc]
    """A frame whose bottom rises as footnotes are placed on its page."""

    def _reset(self) -> None:
        self._geom()  # undo the previous page's raised bottom
        super()._reset()

    def raise_bottom(self, amount: float) -> None:
        if amount:
            self.__dict__["_y1p"] = self._y1p + amount
            self.__dict__["_aH"] = self._aH - amount

    @property
    def bottom(self) -> float:
        return float(self._y1p)

    def add(self, flowable: Any, canv: Canvas, trySplit: int = 0) -> int:
        placed = Frame._add(self, flowable, canv, trySplit)
        if placed:
            extra = flowable.__dict__.pop("_fn_extra", 0.0)
            if extra:
                self._y += extra
                self.raise_bottom(extra)
        return int(placed)
