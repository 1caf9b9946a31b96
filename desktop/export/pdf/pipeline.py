"""The export pipeline: glyph check → reportlab → pikepdf (PDF/A-2b, signature fields) → file.

The file is written to a temporary sibling and renamed over the destination only when complete,
so a full disk, a read-only folder or a crash never leaves a half-written PDF behind (and never
destroys the previous export under the same name).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import io
import os
import tempfile
from pathlib import Path
from typing import BinaryIO

import pikepdf

from desktop.errors import UserError
from desktop.export.pdf import (
    DATE_AREA,
    NUMBER_AREA,
    SEAL_FIELD,
    SIGNER_FIELD,
    FieldBox,
    MissingGlyphsError,
    PdfResult,
)
from desktop.export.pdf.fonts import default_font_set
from desktop.export.pdf.glyphs import find_missing_glyphs
from desktop.export.pdf.pdfa import apply_pdfa
from desktop.export.pdf.renderer import RenderedPdf, render_story
from desktop.export.pdf.signature_fields import add_signature_fields, field_rects
from desktop.export.pdf.story import STAMP_DATE, STAMP_NUMBER
from desktop.layout.build import iter_lines
from desktop.layout.content import Content


def fingerprint(content: Content) -> bytes:
    """What identifies the document for its ID: metadata and every printed text, in order."""
    digest = hashlib.sha256()
    meta = content.metadata
    for part in (meta.title, meta.author, meta.subject, "; ".join(meta.keywords)):
        digest.update(part.encode("utf-8") + b"\0")
    for line in iter_lines(content):
        digest.update(line.role.value.encode() + b"\1" + line.text.encode("utf-8") + b"\0")
    for note in content.footnotes:
        digest.update(note.text.encode("utf-8") + b"\0")
    return digest.digest()


def signature_boxes(rendered: RenderedPdf) -> tuple[FieldBox, ...]:
    gap = rendered.record.signature_gap
    if gap is None:
        return ()
    page, x, y, width, height = gap
    signer, seal = field_rects((x, y, width, height))
    return (FieldBox(SIGNER_FIELD, page, signer), FieldBox(SEAL_FIELD, page, seal))


def render(
    content: Content,
    out: BinaryIO | Path,
    *,
    producer: str,
    created: dt.datetime,
    pdfa: bool = True,
    signature_fields: bool = True,
) -> PdfResult:
    fonts = default_font_set()
    missing = find_missing_glyphs(content, fonts)
    if missing:
        raise MissingGlyphsError(missing)
    rendered = render_story(content, fonts)
    boxes = signature_boxes(rendered) if signature_fields else ()
    data = rendered.data
    if pdfa or boxes:
        data = _post_process(
            content, rendered, boxes, producer=producer, created=created, pdfa=pdfa
        )
    if isinstance(out, Path):
        write_atomically(out, data)
    else:
        out.write(data)
    return PdfResult(
        pages=rendered.pages,
        section_pages=_section_pages(rendered),
        font_family=fonts.family,
        signature_fields=boxes,
        footnote_pages=tuple(
            rendered.notes.reference_page.get(n.number, 0) for n in content.footnotes
        ),
        layout_passes=1,
        pdfa=pdfa,
        stamp_areas=stamp_areas(rendered),
    )


def stamp_areas(rendered: RenderedPdf) -> tuple[FieldBox, ...]:
    names = {STAMP_NUMBER: NUMBER_AREA, STAMP_DATE: DATE_AREA}
    out = []
    for key, name in names.items():
        box = rendered.record.stamp_lines.get(key)
        if box is not None:
            page, x, y, width, height = box
            out.append(FieldBox(name, page, (x, y, x + width, y + height)))
    return tuple(out)


def _section_pages(rendered: RenderedPdf) -> tuple[int, ...]:
    starts = rendered.record.section_starts or [1]
    ends = [*starts[1:], rendered.pages + 1]
    return tuple(end - start for start, end in zip(starts, ends, strict=True))


def _post_process(
    content: Content,
    rendered: RenderedPdf,
    boxes: tuple[FieldBox, ...],
    *,
    producer: str,
    created: dt.datetime,
    pdfa: bool,
) -> bytes:
    with pikepdf.open(io.BytesIO(rendered.data)) as pdf:
        if pdfa:
            apply_pdfa(
                pdf, content.metadata, producer=producer, created=created,
                fingerprint=fingerprint(content),
            )  # fmt: skip
        if boxes:
            add_signature_fields(pdf, [(b.name, b.page, b.rect) for b in boxes])
        buffer = io.BytesIO()
        pdf.save(
            buffer,
            deterministic_id=True,
            compress_streams=True,
            object_stream_mode=pikepdf.ObjectStreamMode.preserve,
            min_version="1.7",
        )
        return buffer.getvalue()


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` via a temporary file in the same folder; clear Vietnamese errors."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UserError(f"Thư mục {folder} không tồn tại; hãy chọn nơi lưu khác.")
    tmp_name: str | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as exc:
        raise UserError(_write_error_message(path, exc)) from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def _write_error_message(path: Path, exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"Không đủ chỗ trống trên ổ đĩa để lưu {path.name}; hãy giải phóng dung lượng hoặc chọn ổ khác. Chưa có tệp nào được ghi."
    if exc.errno == errno.EROFS:
        return (
            f"Ổ đĩa chứa {path.parent} chỉ cho đọc (ví dụ USB bị khóa ghi); hãy chọn nơi lưu khác."
        )
    if isinstance(exc, PermissionError):
        if path.exists():
            return (
                f"Không ghi đè được tệp {path.name}: tệp đang mở trong chương trình khác hoặc "
                "bị khóa; hãy đóng tệp rồi xuất lại, hoặc lưu với tên khác."
            )
        return f"Không có quyền ghi vào thư mục {path.parent}; hãy chọn nơi lưu khác."
    if isinstance(exc, IsADirectoryError) or path.is_dir():
        return f"{path} là một thư mục, không phải tệp; hãy đặt tên tệp PDF."
    return f"Không ghi được tệp {path.name} ({exc.strerror or exc}); hãy chọn nơi lưu khác."
