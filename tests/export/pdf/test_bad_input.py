"""Bad input and hostile conditions: characters the font lacks, huge tables, many footnotes,
unbreakable words, a footnote longer than half a page, and destinations that cannot be written."""

from __future__ import annotations

import errno
import io
import os
from pathlib import Path

import pytest

from desktop.errors import UserError
from desktop.export.pdf import MissingGlyphsError, missing_glyphs, render_pdf
from desktop.layout.build import build
from desktop.model.document import FootnoteRef, Run
from tests.export.pdf import documents as docs
from tests.export.pdf.inspect_pdf import (
    MM,
    body_text,
    chars,
    expected_body,
    expected_notes,
    find_text,
    note_text,
    repeated_headers,
    text_differences,
)


def _content(document):  # type: ignore[no-untyped-def]
    return build(document, docs.profile(), docs.TODAY)


def _render(content) -> tuple[bytes, object]:  # type: ignore[no-untyped-def]
    out = io.BytesIO()
    result = render_pdf(content, out, producer=docs.PRODUCER, created=docs.CREATED)
    return out.getvalue(), result


def _with_strange_characters():  # type: ignore[no-untyped-def]
    doc = docs.full_report()
    body = (
        docs.paragraph("Theo hướng dẫn của đối tác 中国 tại buổi làm việc ", Run("ngày 5/3", italic=True), "."),
        docs.paragraph("Kết quả tốt ", FootnoteRef((Run("Đánh giá 👍 của người dân."),)), "."),
        *doc.body,
    )  # fmt: skip
    return doc.with_changes(body=body)


def test_characters_the_font_lacks_are_reported_before_export() -> None:
    content = _content(_with_strange_characters())
    missing = missing_glyphs(content)
    assert [ch for _, ch in missing] == ["中", "国", "👍"]
    snippet, ch = missing[0]
    assert ch in snippet and "đối tác" in snippet
    assert "Đánh giá" in missing[2][0]


def test_export_refuses_missing_glyphs_and_writes_nothing(tmp_path: Path) -> None:
    content = _content(_with_strange_characters())
    target = tmp_path / "bao-cao.pdf"
    with pytest.raises(MissingGlyphsError) as caught:
        render_pdf(content, target, producer=docs.PRODUCER, created=docs.CREATED)
    assert "U+4E2D" in caught.value.message and "Phông chữ không có ký tự" in caught.value.message
    assert list(tmp_path.iterdir()) == []


def test_vietnamese_text_has_no_missing_glyphs() -> None:
    assert missing_glyphs(_content(docs.full_report())) == []


@pytest.fixture(scope="module")
def stress():  # type: ignore[no-untyped-def]
    content = _content(docs.stress_document())
    data, result = _render(content)
    pages, sizes = chars(data)
    return content, data, result, pages, sizes


def test_stress_document_loses_no_text(stress) -> None:  # type: ignore[no-untyped-def]
    content, _, result, pages, sizes = stress
    assert len(content.footnotes) == 60
    assert result.pages > 12
    body = body_text(pages, sizes, content)
    headers = repeated_headers(content)
    assert text_differences(expected_body(content), body, headers) == []
    assert body.count("STTNhiệmvụKếtquả") > 3, "the 300-row table repeats its header row"
    assert note_text(pages) == expected_notes(content)


def test_stress_document_stays_inside_the_margins(stress) -> None:  # type: ignore[no-untyped-def]
    content, _, _, pages, sizes = stress
    setup = content.styles.page
    left, right = setup.left_mm * MM, (setup.width_mm - setup.right_mm) * MM
    for page, (_, height) in zip(pages, sizes, strict=True):
        for c in page:
            if c.text.isspace():
                continue
            assert left - 0.5 <= c.x0 and c.x1 <= right + 0.5, f"{c} outside the margins"
            assert c.top > 0 and c.bottom < height - 5 * MM


def test_stress_footnotes_land_on_their_reference_pages(stress) -> None:  # type: ignore[no-untyped-def]
    content, _, result, pages, _ = stress
    for note, page in zip(content.footnotes, result.footnote_pages, strict=True):
        found = find_text(pages[page - 1], note.text[:40])
        assert found is not None, f"footnote {note.number} is not on page {page}"


def test_footnote_longer_than_half_a_page_continues_on_the_next_page() -> None:
    long_note = "Nội dung chú thích rất dài về số liệu tổng hợp của các xã. " * 90
    doc = docs.full_report()
    body = (docs.paragraph(docs.SENTENCE, FootnoteRef((Run(long_note),)), "."), *doc.body)
    content = _content(doc.with_changes(body=body, appendices=()))
    data, _result = _render(content)
    pages, _sizes = chars(data)
    assert note_text(pages) == expected_notes(content)
    note_pages = {c.page for page in pages for c in page if 9.5 <= c.size <= 10.5}
    assert {1, 2} <= note_pages, "the long note is split over two pages"
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        widths = [
            float(ln["x1"]) - float(ln["x0"]) for ln in pdf.pages[1].lines if ln["top"] > 400
        ] + [float(r["width"]) for r in pdf.pages[1].rects if r["top"] > 400]
    text_width = content.styles.page.text_width_mm * MM
    assert any(w == pytest.approx(text_width, abs=1) for w in widths), (
        "a continued note sits under a full-width separator"
    )


def _write(target: Path) -> None:
    render_pdf(_content(docs.draft_plan()), target, producer=docs.PRODUCER, created=docs.CREATED)


def test_destination_folder_missing(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="không tồn tại"):
        _write(tmp_path / "khong-co" / "a.pdf")


def test_destination_is_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "x.pdf"
    folder.mkdir()
    with pytest.raises(UserError, match="thư mục"):
        _write(folder)
    assert [p.name for p in tmp_path.iterdir()] == ["x.pdf"]


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root ignores permissions")
def test_destination_not_writable(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(UserError, match="quyền ghi"):
            _write(folder / "a.pdf")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_full_disk_leaves_no_partial_file_and_keeps_the_previous_export(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "bao-cao.pdf"
    target.write_bytes(b"previous export")

    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(UserError, match="Không đủ chỗ trống"):
        _write(target)
    assert target.read_bytes() == b"previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["bao-cao.pdf"]


def test_write_to_a_path_is_complete_and_replaces_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "bao-cao.pdf"
    target.write_bytes(b"old")
    _write(target)
    assert target.read_bytes().startswith(b"%PDF-1.7")
    assert [p.name for p in tmp_path.iterdir()] == ["bao-cao.pdf"]
