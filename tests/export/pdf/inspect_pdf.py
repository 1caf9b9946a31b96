"""Reading rendered PDFs back for the tests: characters with positions (pdfplumber), the text of
the body and of the footnotes in drawing order, and the text the layout content says must be
there. No tests here."""

from __future__ import annotations

import difflib
import io
from dataclasses import dataclass
from pathlib import Path

import pdfplumber

from desktop.layout.build import iter_lines
from desktop.layout.content import Content, TableContent
from desktop.layout.styles import Role

MM = 72 / 25.4
MARK_MAX_SIZE = 9.5  # footnote reference marks are the only text below this size
NOTE_SIZE = (9.5, 10.5)  # footnote text is 10 pt


@dataclass(frozen=True)
class Char:
    page: int
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    baseline: float  # from the top of the page
    size: float
    font: str


def chars(pdf: bytes | Path) -> tuple[list[list[Char]], list[tuple[float, float]]]:
    """Characters per page in drawing order, and each page's (width, height)."""
    source = io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf
    pages: list[list[Char]] = []
    sizes: list[tuple[float, float]] = []
    with pdfplumber.open(source) as doc:
        for number, page in enumerate(doc.pages, start=1):
            height = float(page.height)
            sizes.append((float(page.width), height))
            pages.append(
                [
                    Char(
                        number,
                        c["text"],
                        float(c["x0"]),
                        float(c["x1"]),
                        float(c["top"]),
                        float(c["bottom"]),
                        height - float(c["matrix"][5]),
                        float(c["size"]),
                        str(c["fontname"]),
                    )
                    for c in page.chars
                ]
            )
    return pages, sizes


def squeeze(text: str) -> str:
    """Text without any whitespace: line breaks and justification do not matter."""
    return "".join(ch for ch in text if not ch.isspace())


def in_header_band(c: Char, content: Content) -> bool:
    return c.bottom < content.styles.page.top_mm * MM - 1


def in_footer_band(c: Char, page_height: float, content: Content) -> bool:
    return c.top > page_height - content.styles.page.bottom_mm * MM + 1


def body_text(pages: list[list[Char]], sizes: list[tuple[float, float]], content: Content) -> str:
    """Everything drawn as running text, in drawing order: no page numbers, no page-1 footer,
    no footnotes, no reference marks."""
    out = []
    for page, (_, height) in zip(pages, sizes, strict=True):
        for c in page:
            if c.size < MARK_MAX_SIZE or NOTE_SIZE[0] <= c.size <= NOTE_SIZE[1]:
                continue
            if in_header_band(c, content) or in_footer_band(c, height, content):
                continue
            out.append(c.text)
    return squeeze("".join(out))


def note_text(pages: list[list[Char]]) -> str:
    return squeeze(
        "".join(c.text for page in pages for c in page if NOTE_SIZE[0] <= c.size <= NOTE_SIZE[1])
    )


def expected_body(content: Content) -> str:
    lines = [line.text for line in iter_lines(content) if line.role is not Role.FOOTER_ADDRESS]
    return squeeze("".join(lines))


def expected_notes(content: Content) -> str:
    return squeeze("".join(n.text for n in content.footnotes))


def repeated_headers(content: Content) -> set[str]:
    """Header-row texts of the tables: a renderer repeats them on every page a table spans."""
    out = set()
    for section in content.sections:
        for element in section.elements:
            if isinstance(element, TableContent) and element.header_rows:
                rows = element.rows[: element.header_rows]
                out.add(
                    squeeze(
                        "".join(line.text for row in rows for cell in row for line in cell.lines)
                    )
                )
    return out


def text_differences(expected: str, actual: str, allowed_inserts: set[str]) -> list[str]:
    """What differs between the expected and the actual text, ignoring repeated table headers
    inserted at page breaks. Empty when the same text is there in the same order.

    A linear walk handles the normal case; only when it finds a difference does a (slow) diff
    explain it."""
    i = j = 0
    pieces = sorted((p for p in allowed_inserts if p), key=len, reverse=True)
    while i < len(expected) and j < len(actual):
        if expected[i] == actual[j]:
            i += 1
            j += 1
            continue
        piece = next((p for p in pieces if actual.startswith(p, j)), None)
        if piece is None:
            break
        j += len(piece)
    while j < len(actual):
        piece = next((p for p in pieces if actual.startswith(p, j)), None)
        if piece is None:
            break
        j += len(piece)
    if i == len(expected) and j == len(actual):
        return []
    return _explain(expected, actual, allowed_inserts)


def _explain(expected: str, actual: str, allowed_inserts: set[str]) -> list[str]:
    matcher = difflib.SequenceMatcher(None, expected, actual, autojunk=False)
    problems = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag == "insert" and _made_of(actual[j1:j2], allowed_inserts):
            continue
        problems.append(f"{tag}: expected {expected[i1:i2][:80]!r}, got {actual[j1:j2][:80]!r}")
    return problems or ["the texts differ"]


def _made_of(text: str, pieces: set[str]) -> bool:
    """`text` is one piece repeated (possibly rotated: the matcher may place an inserted copy a
    few characters off when the text around it ends like the piece does)."""
    return any(
        piece and len(text) % len(piece) == 0 and text in piece * (len(text) // len(piece) + 1)
        for piece in pieces
    )


def baseline_rows(page: list[Char]) -> dict[float, list[Char]]:
    rows: dict[float, list[Char]] = {}
    for c in page:
        rows.setdefault(round(c.baseline, 1), []).append(c)
    return rows


def find_text(page: list[Char], text: str) -> list[Char] | None:
    """The characters of the first occurrence of `text` (whitespace ignored) on a page."""
    wanted = squeeze(text)
    visible = [c for c in page if not c.text.isspace()]
    joined = "".join(c.text for c in visible)
    index = joined.find(wanted)
    if index < 0:
        return None
    return visible[index : index + len(wanted)]
