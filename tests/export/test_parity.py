"""DOCX and PDF are two renderings of one `build()` result: they must carry the same text in the
same order — body, footnotes and the page-1 address footer — so they cannot drift apart.

Text is compared without whitespace (line breaks, justification and the no-break spaces that keep
a draft's blanks differ by nature); a table header row that the PDF repeats on every page it
spans counts once.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from collections.abc import Iterator

import pytest
from lxml import etree

from desktop.export.pdf import render_pdf
from desktop.export.pdf.fonts import FONT_ENV
from desktop.layout.build import build
from desktop.layout.content import Content
from desktop.model.document import Document
from tests.export.pdf import documents as docs
from tests.export.pdf.inspect_pdf import (
    MM,
    body_text,
    chars,
    note_text,
    repeated_headers,
    squeeze,
    text_differences,
)

docx_render = pytest.importorskip("desktop.export.docx", reason="DOCX renderer not present")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(autouse=True)
def _bundled_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(FONT_ENV, "liberation")


def _texts(root: etree._Element) -> str:
    return squeeze("".join(t.text or "" for t in root.iter(f"{W}t")))


def _docx_parts(data: bytes) -> tuple[str, list[str], str]:
    """(body text, footnote texts in id order, first-page footer text) of a DOCX."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = etree.fromstring(archive.read("word/document.xml")).find(f"{W}body")
        assert body is not None
        notes: list[str] = []
        if "word/footnotes.xml" in archive.namelist():
            root = etree.fromstring(archive.read("word/footnotes.xml"))
            for note in root.iter(f"{W}footnote"):
                if int(note.get(f"{W}id", "0")) >= 1:
                    notes.append(_texts(note))
        footers = "".join(
            _texts(etree.fromstring(archive.read(name)))
            for name in archive.namelist()
            if name.startswith("word/footer")
        )
    return _texts(body), notes, footers


def _documents() -> Iterator[tuple[str, Document]]:
    yield "report", docs.full_report()
    yield "cong-van", docs.cong_van()
    yield "draft", docs.draft_plan()
    yield "stress", docs.stress_document()


@pytest.mark.parametrize(
    ("name", "document"), list(_documents()), ids=lambda v: v if isinstance(v, str) else ""
)
def test_docx_and_pdf_carry_the_same_text_in_the_same_order(name: str, document: Document) -> None:
    content: Content = build(document, docs.profile(), docs.TODAY)
    docx_out = io.BytesIO()
    docx_render.render_docx(content, docx_out, timestamp=dt.datetime(2024, 6, 20, 9, 15))
    pdf_out = io.BytesIO()
    render_pdf(content, pdf_out, producer=docs.PRODUCER, created=docs.CREATED)

    docx_body, docx_notes, docx_footer = _docx_parts(docx_out.getvalue())
    pages, sizes = chars(pdf_out.getvalue())
    pdf_body = body_text(pages, sizes, content)
    assert text_differences(docx_body, pdf_body, repeated_headers(content)) == []

    assert note_text(pages) == "".join(docx_notes)
    assert len(docx_notes) == len(content.footnotes)

    footer_line = content.sections[0].footer_first_page
    page_one_footer = squeeze(
        "".join(
            c.text for c in pages[0] if c.top > sizes[0][1] - content.styles.page.bottom_mm * MM
        )
    )
    expected_footer = squeeze(footer_line.text) if footer_line is not None else ""
    assert page_one_footer == expected_footer
    assert expected_footer in docx_footer


def test_parity_holds_for_the_real_samples() -> None:
    """The three real documents of the shared samples, through the importer, both ways."""
    importing = pytest.importorskip("desktop.importing.service")
    from pathlib import Path

    samples = Path(__file__).resolve().parents[2] / ".." / "shared" / "samples"
    files = sorted(samples.glob("*.txt")) if samples.is_dir() else []
    if not files:
        pytest.skip("shared samples not available")
    os.environ.setdefault(FONT_ENV, "liberation")
    for path in files:
        document = importing.import_file(path).document
        content = build(document, docs.profile(), docs.TODAY)
        docx_out = io.BytesIO()
        docx_render.render_docx(content, docx_out, timestamp=dt.datetime(2024, 6, 20, 9, 15))
        pdf_out = io.BytesIO()
        render_pdf(content, pdf_out, producer=docs.PRODUCER, created=docs.CREATED)
        docx_body, docx_notes, _ = _docx_parts(docx_out.getvalue())
        pages, sizes = chars(pdf_out.getvalue())
        pdf_body = body_text(pages, sizes, content)
        assert text_differences(docx_body, pdf_body, repeated_headers(content)) == [], path.name
        assert note_text(pages) == "".join(docx_notes), path.name
