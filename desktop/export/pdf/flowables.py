"""Small flowables the PDF layout needs and reportlab does not have."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.colors import black
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table

from desktop.export.pdf.pstyles import WordParagraph

RULE_THICKNESS = 0.75  # pt: the DOCX rule is a ¾ pt paragraph border (w:sz=6)
RULE_BOX = 4.0  # pt: the rule sits at the bottom of this box, clear of the descenders above it
# (the DOCX draws it as the bottom border of a 2 pt paragraph, which Word and LibreOffice place
# about 4 pt below the text line; 2 pt here let the rule touch "p", "g" and "ạ")


@dataclass
class LayoutRecord:
    """Where things landed while drawing: what the signature fields, the result and the tests
    need to know about the finished pages."""

    section_starts: list[int] = field(default_factory=list)  # first page of each section
    signature_gap: tuple[int, float, float, float, float] | None = None  # page, x, y, w, h
    signature_column: tuple[float, float] | None = None  # x0, x1 of the signer's column
    stamp_lines: dict[str, tuple[int, float, float, float, float]] = field(default_factory=dict)

    def section_of(self, page: int) -> tuple[int, int]:
        """(section index, 1-based page number within the section) of a page."""
        index = 0
        for i, start in enumerate(self.section_starts):
            if start <= page:
                index = i
        start = self.section_starts[index] if self.section_starts else 1
        return index, page - start + 1


def absolute(canv: Any, x: float, y: float) -> tuple[float, float]:
    ax, ay = canv.absolutePosition(x, y)
    return float(ax), float(ay)


class CentredRule(Flowable):  # type: ignore[misc]
    """A short horizontal rule centred in the available width, `length` points long."""

    def __init__(self, length: float, *, thickness: float = RULE_THICKNESS) -> None:
        super().__init__()
        self.length = length
        self.thickness = thickness
        self.width = 0.0
        self.height = RULE_BOX

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.height

    def draw(self) -> None:
        length = min(self.length, self.width)
        x0 = (self.width - length) / 2
        canv = self.canv
        canv.setStrokeColor(black)
        canv.setLineWidth(self.thickness)
        canv.line(x0, 0, x0 + length, 0)


class SignatureGap(Flowable):  # type: ignore[misc]
    """The empty space between the signer's title lines (7a) and name (7b); records where it was
    drawn so the signature fields can be put exactly over it."""

    def __init__(self, height: float, record: LayoutRecord) -> None:
        super().__init__()
        self.height = height
        self.width = 0.0
        self.record = record

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.height

    def draw(self) -> None:
        x0, y0 = absolute(self.canv, 0, 0)
        page = self.canv.getPageNumber()
        self.record.signature_gap = (page, x0, y0, self.width, self.height)


class StampLine(WordParagraph):
    """A paragraph whose drawn box is recorded under a name (the number and date lines, which a
    clerk's issuing tool fills in on a draft)."""

    def __init__(
        self, *args: Any, record: LayoutRecord | None = None, key: str = "", **kw: Any
    ) -> None:
        super().__init__(*args, **kw)
        self.record = record
        self.key = key

    def draw(self) -> None:
        super().draw()
        if self.record is not None and self.key:
            x0, y0 = absolute(self.canv, 0, 0)
            page = self.canv.getPageNumber()
            self.record.stamp_lines[self.key] = (page, x0, y0, self.width, self.height)


class SectionStart(Flowable):  # type: ignore[misc]
    """Zero-size marker at the top of each section (main document, each phụ lục)."""

    _ZEROSIZE = 1

    def __init__(self, index: int, record: LayoutRecord) -> None:
        super().__init__()
        self.index = index
        self.record = record
        self.width = self.height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        page = self.canv.getPageNumber()
        while len(self.record.section_starts) <= self.index:
            self.record.section_starts.append(page)
        self.record.section_starts[self.index] = page


class Shifted(Flowable):  # type: ignore[misc]
    """Draw a flowable `dx` points right of the frame's left edge (negative: into the margin),
    as the header table does when it needs more than the text width."""

    def __init__(self, inner: Flowable, dx: float) -> None:
        super().__init__()
        self.inner = inner
        self.dx = dx
        self.width = self.height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        _, self.height = self.inner.wrapOn(self.canv, availWidth, availHeight)
        self.width = availWidth
        return availWidth, self.height

    def draw(self) -> None:
        self.inner.drawOn(self.canv, self.dx, 0)


class _Stack(Flowable):  # type: ignore[misc]
    """Flowables drawn one under the other as one unit when they fit together on the page.

    The height includes the room for the footnotes its paragraphs reference on this page (their
    `_fn_extra`); drawing leaves that room under the last item, where the frame gives it back
    (see `footnotes.NoteFrame`)."""

    def __init__(self) -> None:
        super().__init__()
        self.width = self.height = 0.0

    def _content(self) -> list[Flowable]:
        raise NotImplementedError

    def _heights(self, availWidth: float, availHeight: float) -> float:
        total = 0.0
        extra = 0.0
        for i, item in enumerate(self._content()):
            _, h = item.wrapOn(self.canv, availWidth, availHeight)
            total += h + (item.getSpaceBefore() if i else 0.0)
            extra += getattr(item, "_fn_extra", 0.0)
        self._fn_extra = extra
        return total

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = availWidth, self._heights(availWidth, availHeight)
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        return float(self._content()[0].getSpaceBefore())

    def _at_top(self) -> bool:
        return bool(getattr(getattr(self, "_frame", None), "_atTop", False))

    def draw(self) -> None:  # drawn only when everything fits
        y = self.height
        canv = self.canv
        for i, item in enumerate(self._content()):
            _, h = item.wrapOn(canv, self.width, self.height)
            extra = getattr(item, "_fn_extra", 0.0)
            if i:
                y -= item.getSpaceBefore()
            y -= h - extra
            item.drawOn(canv, 0, y - extra)  # a noted paragraph lifts itself by `extra`


class KeepWithNext(_Stack):
    """Word's keep-with-next: the `heads` (a heading, a chain of headings, a caption) stay on
    the page where `follower` begins. The follower may still split — its first lines go with
    the heads — so a heading never ends a page and a long paragraph after it does not leave the
    previous page half empty (reportlab's own KeepTogether would move the whole paragraph)."""

    def __init__(self, heads: list[Flowable], follower: Flowable) -> None:
        super().__init__()
        self.heads = heads
        self.follower = follower

    def _content(self) -> list[Flowable]:
        return [*self.heads, self.follower]

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        canv = getattr(self, "canv", None)
        used = 0.0
        for i, head in enumerate(self.heads):
            _, h = head.wrapOn(canv, availWidth, availHeight)
            used += h + (head.getSpaceBefore() if i else 0.0)
        room = availHeight - used - self.follower.getSpaceBefore()
        parts = list(self.follower.splitOn(canv, availWidth, room)) if room > 0 else []
        if parts:
            return [*self.heads, *parts]
        if self._at_top():  # too big for any page together: let them go their own ways
            return [*self.heads, self.follower]
        return []


class KeepTailWith(_Stack):
    """The last body paragraph (or table) kept with the signature block, as Word's keep-with-next
    does: if both do not fit, only the paragraph's last lines move to the next page with the
    block — never the block alone, never the whole paragraph when its head fits here."""

    MIN_TAIL_LINES = 2

    def __init__(self, last: Flowable, block: list[Flowable]) -> None:
        super().__init__()
        self.last = last
        self.block = block

    def _content(self) -> list[Flowable]:
        return [self.last, *self.block]

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        canv = getattr(self, "canv", None)
        _, last_h = self.last.wrapOn(canv, availWidth, availHeight)
        last_h -= getattr(self.last, "_fn_extra", 0.0)  # the text alone, without its notes
        tail = self._tail_height()
        parts: list[Flowable] = []
        if tail is not None and last_h > tail:
            parts = list(self.last.splitOn(canv, availWidth, min(availHeight, last_h - tail)))
        if len(parts) >= 2:
            return [parts[0], KeepTogether([*parts[1:], *self.block])]
        if self._at_top():  # nothing fits together even on a fresh page
            return [self.last, *self.block]
        return []

    def _tail_height(self) -> float | None:
        last = self.last
        if isinstance(last, Paragraph):
            return float(last.style.leading) * self.MIN_TAIL_LINES
        if isinstance(last, Table):
            heights = getattr(last, "_rowHeights", None)
            return float(heights[-1]) if heights else None
        return None
