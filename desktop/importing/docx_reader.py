"""A Word .docx file → source lines (plus its images), for the structure step.

Read with python-docx for the package (parts and relationships) and raw XML for everything it
has no API for: real footnotes (`word/footnotes.xml` + `w:footnoteReference`), automatic
numbering (`w:numPr` resolved against the numbering definitions), tracked changes, fields,
content controls, text boxes and the runs of old `.VnTime`/`VNI-Times` fonts (converted to
Unicode run by run). Tables are sorted by role: the header table (Quốc hiệu, agency, Số,
date) and the closing table (Nơi nhận, signer) become lines of their own region and column,
every other table becomes a `Table` of the body.

Refusals (encrypted, truncated, not a Word file) are decided before python-docx is asked to open
the file, so the user gets the right Vietnamese message instead of a parser error.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.importing.docx_numbering import Numbering
from desktop.importing.docx_styles import RunProps, Styles, qn, run_props
from desktop.importing.errors import CorruptDocxError, FileTooLargeError, UnsupportedFormatError
from desktop.importing.inline import Content, join, merge, split_lines, strip, text_of
from desktop.importing.legacy_encodings import (
    ENCODING_LABELS,
    LegacyEncoding,
    decode,
    encoding_of_font,
)
from desktop.importing.lines import fold
from desktop.importing.report import ReportBuilder
from desktop.importing.source import Region, SourceLine
from desktop.importing.text_source import detect_legacy_fragment
from desktop.jobs import CancelToken
from desktop.model.document import FootnoteRef, Inline, Run, Table, TableCell, new_block_id

if TYPE_CHECKING:
    from desktop.importing.service import ImportedImage

MAX_DOCX_BYTES = 200 * 1024 * 1024  # the file; images make up most of a large .docx
MAX_XML_BYTES = 400 * 1024 * 1024  # uncompressed XML: refuses zip bombs, fits 10,000 pages

_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
_WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_V_NS = "urn:schemas-microsoft-com:vml"

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _SDT, _R, _T = _W + "p", _W + "tbl", _W + "sdt", _W + "r", _W + "t"
_CONTAINERS = frozenset(
    _W + t
    for t in (
        "hyperlink",
        "ins",
        "smartTag",
        "fldSimple",
        "sdt",
        "sdtContent",
        "customXml",
        "moveTo",
        "dir",
        "bdo",
    )
)
_VAL = qn("w:val")


@dataclass
class DocxContent:
    lines: list[SourceLine]
    images: tuple[ImportedImage, ...]
    encoding_label: str
    properties: dict[str, str] = field(default_factory=dict)


def read_docx(path: Path, report: ReportBuilder, cancel: CancelToken) -> DocxContent:
    _check_package(path)
    try:
        import docx  # python-docx, imported here: the CLI and the window start without it

        document = docx.Document(str(path))
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, AttributeError, TypeError) as exc:
        raise CorruptDocxError(path.name) from exc
    except Exception as exc:  # lxml's XMLSyntaxError and python-docx's own package errors
        raise CorruptDocxError(path.name, type(exc).__name__) from exc
    reader = _Reader(document, report, cancel)
    lines = reader.read()
    return DocxContent(lines, tuple(reader.images), reader.encoding_label(), reader.properties())


def _check_package(path: Path) -> None:
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise CorruptDocxError(name, exc.strerror or "") from exc
    if size > MAX_DOCX_BYTES:
        raise FileTooLargeError(name, size, MAX_DOCX_BYTES, "tệp Word")
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            if "word/document.xml" not in names:
                kind = "tệp OpenDocument (.odt)" if "content.xml" in names else "tệp nén khác"
                raise UnsupportedFormatError(
                    name, f"đây không phải tệp Word .docx ({kind}) — hãy mở và lưu thành .docx"
                )
            xml_size = sum(i.file_size for i in package.infolist() if i.filename.endswith(".xml"))
            if xml_size > MAX_XML_BYTES:
                raise FileTooLargeError(name, xml_size, MAX_XML_BYTES, "nội dung Word")
            for info in package.infolist():
                if info.filename.endswith((".xml", ".rels")):
                    with package.open(info) as member:
                        while member.read(1 << 20):
                            pass
    except zipfile.BadZipFile as exc:
        raise CorruptDocxError(name, "tệp nén bị cắt cụt hoặc hỏng") from exc
    except (zipfile.LargeZipFile, EOFError, OSError) as exc:
        raise CorruptDocxError(name, "không đọc hết được tệp nén") from exc
    except RuntimeError as exc:  # an encrypted zip member
        raise CorruptDocxError(name, "tệp nén có mật khẩu") from exc


@dataclass
class _Paragraph:
    content: list[Inline] = field(default_factory=list)
    has_image: bool = False


class _Reader:
    def __init__(self, document: Any, report: ReportBuilder, cancel: CancelToken) -> None:
        self.document = document
        self.report = report
        self.cancel = cancel
        part = document.part
        self.styles = Styles.parse(_element(part, "styles"))
        self.numbering = Numbering(_element(part, "numbering"))
        self.footnotes = self._notes(part, "footnotes", "footnote")
        self.endnotes = self._notes(part, "endnotes", "endnote")
        self.images: list[ImportedImage] = []
        self.legacy_runs: dict[LegacyEncoding, int] = {}
        self.legacy_paragraphs = 0
        self.paragraph_number = 0
        self.lines: list[SourceLine] = []
        self.text_boxes: list[str] = []
        self.objects = 0
        self.page_breaks = 0
        self.merged_cells = 0
        self.started_body = False

    # -- document ------------------------------------------------------------------------

    def read(self) -> list[SourceLine]:
        body = self.document.element.body
        self._children(body)
        if self.text_boxes:
            sample = "; ".join(self.text_boxes[:3])
            self.report.not_imported(
                "body",
                f"Chữ trong {len(self.text_boxes)} khung văn bản (text box) không nhập: {sample}"[
                    :300
                ],
            )
        if self.objects:
            self.report.not_imported(
                "body", f"{self.objects} đối tượng nhúng (biểu đồ, SmartArt, OLE) không nhập được."
            )
        if self.images:
            self.report.adjusted(
                "evidence",
                f"{len(self.images)} hình ảnh trong văn bản sẽ được lưu làm tài liệu minh chứng "
                "gắn với đoạn chứa hình.",
            )
        if self.merged_cells:
            self.report.unsure(
                "body",
                f"{self.merged_cells} ô bảng gộp dọc được tách thành ô trống (mẫu chưa có ô gộp dọc).",
            )
        return self.lines

    def _children(self, parent: Any) -> None:
        for child in parent:
            tag = child.tag
            if tag == _P:
                self._paragraph_lines(child, Region.FLOW, 0)
            elif tag == _TBL:
                self._table(child)
            elif tag == _SDT:
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    self._children(content)
            if len(self.lines) % 500 == 0:
                self.cancel.raise_if_cancelled()

    # -- paragraphs ----------------------------------------------------------------------

    def _paragraph_lines(self, p: Any, region: Region, column: int) -> None:
        self.paragraph_number += 1
        ppr = p.find(qn("w:pPr"))
        style_id = None
        num_id = level = None
        centered = None
        if ppr is not None:
            style = ppr.find(qn("w:pStyle"))
            style_id = style.get(_VAL) if style is not None else None
            num = ppr.find(qn("w:numPr"))
            if num is not None:
                num_el, lvl_el = num.find(qn("w:numId")), num.find(qn("w:ilvl"))
                num_id = num_el.get(_VAL) if num_el is not None else None
                level = int(lvl_el.get(_VAL) or 0) if lvl_el is not None else 0
            jc = ppr.find(qn("w:jc"))
            if jc is not None:
                centered = jc.get(_VAL) == "center"
        if num_id is None:
            num_id, level = self.styles.paragraph_numbering(style_id)
        paragraph = self._paragraph_content(p, self.styles.paragraph_run(style_id))
        content = strip(merge(paragraph.content))
        if not text_of(content).strip():
            if paragraph.has_image:
                self._anchor_images_to_previous()
            return
        auto = self.numbering.label(num_id, level)
        anchor = new_block_id() if paragraph.has_image else None
        if anchor is not None:
            self._anchor_pending_images(anchor)
        parts = split_lines(content)
        for index, part in enumerate(parts):
            part = strip(part)
            if not text_of(part).strip():
                continue
            self.lines.append(
                SourceLine(
                    part,
                    self.paragraph_number,
                    blank_before=index == 0,
                    heading_depth=self.styles.heading_level(style_id)
                    if region is Region.FLOW
                    else 0,
                    auto_number=auto if index == 0 else None,
                    region=region,
                    column=column,
                    centered=centered if centered is not None else self.styles.centered(style_id),
                    anchor=anchor if index == 0 else None,
                )
            )

    def _paragraph_content(self, p: Any, base: RunProps) -> _Paragraph:
        out = _Paragraph()
        legacy_before = sum(self.legacy_runs.values())
        self._walk(p, base, out, [False])
        if sum(self.legacy_runs.values()) == legacy_before:
            self._convert_unmarked_legacy(out)
        return out

    def _walk(self, element: Any, base: RunProps, out: _Paragraph, in_field: list[bool]) -> None:
        for child in element:
            tag = child.tag
            if tag == _R:
                self._run(child, base, out, in_field)
            elif tag in _CONTAINERS:
                self._walk(child, base, out, in_field)

    def _run(self, r: Any, base: RunProps, out: _Paragraph, in_field: list[bool]) -> None:
        rpr = r.find(qn("w:rPr"))
        props = run_props(rpr)
        if rpr is not None:
            style = rpr.find(qn("w:rStyle"))
            if style is not None:
                props = props.over(self.styles.style_run(style.get(_VAL)))
        props = props.over(base)
        encoding, caps_font = encoding_of_font(props.font)
        pieces: list[str] = []

        def flush() -> None:
            if pieces:
                out.content.append(self._make_run("".join(pieces), props, encoding, caps_font))
                pieces.clear()

        for child in r:
            local = child.tag.rpartition("}")[2]
            if local == "t":
                if not in_field[0]:
                    pieces.append(child.text or "")
            elif local == "fldChar":
                kind = child.get(qn("w:fldCharType"))
                in_field[0] = kind == "begin"
            elif local == "tab":
                pieces.append("\t")
            elif local in ("br", "cr"):
                if child.get(qn("w:type")) == "page":
                    self.page_breaks += 1
                else:
                    pieces.append("\n")
            elif local == "noBreakHyphen":
                pieces.append("-")
            elif local == "sym":
                char = child.get(qn("w:char")) or ""
                pieces.append(_symbol(char))
            elif local in ("footnoteReference", "endnoteReference"):
                flush()
                notes = self.footnotes if local == "footnoteReference" else self.endnotes
                note = notes.get(child.get(qn("w:id")) or "")
                if note is not None:
                    out.content.append(note)
            elif local in ("drawing", "pict", "AlternateContent", "object"):
                flush()
                self._graphics(child, out)
        flush()

    def _make_run(self, text: str, props: RunProps, encoding: LegacyEncoding | None,
                  caps_font: bool) -> Run:  # fmt: skip
        if encoding is not None and text.strip():
            text = decode(text, encoding, caps_font=caps_font)
            self.legacy_runs[encoding] = self.legacy_runs.get(encoding, 0) + 1
        if props.caps:
            text = text.upper()
        return Run(text, bool(props.bold), bool(props.italic), bool(props.underline))

    def _convert_unmarked_legacy(self, out: _Paragraph) -> None:
        """TCVN3/VNI text whose font name was lost (pasted from an old document)."""
        text = text_of(out.content)
        encoding = detect_legacy_fragment(text)
        if encoding is None:
            return
        self.legacy_paragraphs += 1
        out.content = [
            Run(decode(i.text, encoding), i.bold, i.italic, i.underline)
            if isinstance(i, Run)
            else i
            for i in out.content
        ]

    # -- images, text boxes ----------------------------------------------------------------

    def _graphics(self, element: Any, out: _Paragraph) -> None:
        found = False
        for blip in element.iter(f"{{{_A_NS}}}blip", f"{{{_V_NS}}}imagedata"):
            rel_id = blip.get(f"{{{_R_NS}}}embed") or blip.get(f"{{{_R_NS}}}id")
            if not rel_id or found:
                continue
            found = self._image(rel_id, element, out)
        for box in element.iter(qn("w:txbxContent")):
            text = " ".join("".join(t.text or "" for t in p.iter(_T)) for p in box.iter(_P)).strip()
            if text:
                self.text_boxes.append(f"“{text[:60]}”")
            break
        if (
            not found
            and element.iter(f"{{{_A_NS}}}graphicData")
            and any(
                g.get("uri", "").endswith(("/chart", "/diagram"))
                for g in element.iter(f"{{{_A_NS}}}graphicData")
            )
        ):
            self.objects += 1
        if element.tag.endswith("object"):
            self.objects += 1

    def _image(self, rel_id: str, element: Any, out: _Paragraph) -> bool:
        from desktop.importing.service import ImportedImage

        try:
            part = self.document.part.related_parts[rel_id]
        except KeyError:
            return False
        blob = getattr(part, "blob", None)
        if not blob:
            return False
        description = ""
        for doc_pr in element.iter(f"{{{_WP_NS}}}docPr"):
            description = doc_pr.get("descr") or doc_pr.get("title") or ""
            break
        name = str(part.partname).rsplit("/", 1)[-1]
        self.images.append(ImportedImage(name, part.content_type, bytes(blob), None, description))
        out.has_image = True
        return True

    def _anchor_pending_images(self, anchor: str) -> None:
        from dataclasses import replace

        for index in range(len(self.images) - 1, -1, -1):
            if self.images[index].block_id is not None:
                break
            self.images[index] = replace(self.images[index], block_id=anchor)

    def _anchor_images_to_previous(self) -> None:
        """An image alone in its paragraph belongs to the paragraph before it."""
        from dataclasses import replace

        for index in range(len(self.lines) - 1, -1, -1):
            line = self.lines[index]
            if line.region is not Region.FLOW or line.table is not None:
                continue
            if line.anchor is None:
                line = replace(line, anchor=new_block_id())
                self.lines[index] = line
            assert line.anchor is not None
            self._anchor_pending_images(line.anchor)
            return

    # -- tables --------------------------------------------------------------------------

    def _table(self, tbl: Any) -> None:
        rows = self._rows(tbl)
        whole = fold(" ".join(line.text for row in rows for cell in row for line in cell))
        substantive = [line for line in self.lines if line.region is Region.FLOW]
        national = "CONG HOA XA HOI" in whole or "DOC LAP - TU DO" in whole
        if national or (not substantive and "SO:" in whole):
            self._table_lines(rows, Region.HEADER_TABLE)
            return
        if "NOI NHAN" in whole or (_signer_hint(rows) and len(rows) <= 3):
            self._table_lines(rows, Region.CLOSING_TABLE)
            return
        first = fold(text_of(rows[0][0][0].content)) if rows and rows[0] and rows[0][0] else ""
        if first.startswith("KINH GUI"):
            for row in rows:
                for cell in row:
                    self.lines.extend(cell)
            return
        self.lines.append(
            SourceLine((), self.paragraph_number, True, table=self._model_table(tbl, rows))
        )

    def _rows(self, tbl: Any) -> list[list[list[SourceLine]]]:
        """Each row's cells, each cell as the source lines of its paragraphs."""
        rows: list[list[list[SourceLine]]] = []
        for tr in tbl.iter(qn("w:tr")):
            if tr.getparent() is not tbl:
                continue
            cells: list[list[SourceLine]] = []
            for tc in tr.iter(qn("w:tc")):
                if tc.getparent() is not tr and tc.getparent().tag != _SDT:
                    continue
                saved = self.lines
                self.lines = []
                for child in tc:
                    if child.tag == _P:
                        self._paragraph_lines(child, Region.FLOW, 0)
                    elif child.tag == _TBL:  # a nested table: its text, row by row
                        for row in self._rows(child):
                            for cell in row:
                                self.lines.extend(cell)
                cells.append(self.lines)
                self.lines = saved
            rows.append(cells)
        return rows

    def _table_lines(self, rows: list[list[list[SourceLine]]], region: Region) -> None:
        from dataclasses import replace

        for row in rows:
            for column, cell in enumerate(row):
                for line in cell:
                    self.lines.append(replace(line, region=region, column=min(column, 1)))

    def _model_table(self, tbl: Any, rows: list[list[list[SourceLine]]]) -> Table:
        model_rows: list[tuple[TableCell, ...]] = []
        header_rows = 0
        counting_header = True
        trs = [tr for tr in tbl.iter(qn("w:tr")) if tr.getparent() is tbl]
        for tr, row in zip(trs, rows, strict=False):
            trpr = tr.find(qn("w:trPr"))
            is_header = trpr is not None and trpr.find(qn("w:tblHeader")) is not None
            if counting_header and is_header:
                header_rows += 1
            else:
                counting_header = False
            tcs = [
                tc
                for tc in tr.iter(qn("w:tc"))
                if tc.getparent() is tr or tc.getparent().tag == _SDT
            ]
            cells: list[TableCell] = []
            for tc, lines in zip(tcs, row, strict=False):
                tcpr = tc.find(qn("w:tcPr"))
                span = 1
                continued = False
                if tcpr is not None:
                    grid = tcpr.find(qn("w:gridSpan"))
                    if grid is not None and (grid.get(_VAL) or "").isdigit():
                        span = max(1, int(grid.get(_VAL) or 1))
                    merge_el = tcpr.find(qn("w:vMerge"))
                    continued = merge_el is not None and merge_el.get(_VAL) != "restart"
                content: Content = ()
                if continued:
                    self.merged_cells += 1
                else:
                    for line in lines:
                        content = join(content, _cell_text(line))
                cells.append(TableCell(content, span))
            model_rows.append(tuple(cells))
        width = max((sum(c.col_span for c in r) for r in model_rows), default=0)
        padded = tuple(
            r + tuple(TableCell(()) for _ in range(width - sum(c.col_span for c in r)))
            for r in model_rows
        )
        if (
            header_rows == 0
            and padded
            and all(_all_bold(c.content) for c in padded[0] if text_of(c.content).strip())
        ):
            header_rows = 1
        grid = [
            g.get(qn("w:w")) for g in tbl.iter(qn("w:gridCol")) if g.getparent().getparent() is tbl
        ]
        widths: tuple[float, ...] | None = None
        if len(grid) == width and all(g and g.isdigit() and int(g) > 0 for g in grid):
            widths = tuple(float(int(g or 0)) for g in grid)
        return Table(padded or ((TableCell(()),),), header_rows, widths)

    # -- notes ---------------------------------------------------------------------------

    def _notes(self, part: Any, kind: str, tag: str) -> dict[str, FootnoteRef]:
        root = _element(part, kind)
        if root is None:
            return {}
        out: dict[str, FootnoteRef] = {}
        base = self.styles.paragraph_run("FootnoteText")
        for note in root.iter(qn(f"w:{tag}")):
            if note.get(qn("w:type")) in (
                "separator",
                "continuationSeparator",
                "continuationNotice",
            ):
                continue
            content: Content = ()
            for p in note.iter(_P):
                paragraph = _Paragraph()
                self._walk(p, base, paragraph, [False])
                content = join(content, tuple(i for i in paragraph.content if isinstance(i, Run)))
            runs = tuple(i for i in strip(content) if isinstance(i, Run)) or (Run(""),)
            out[note.get(qn("w:id")) or ""] = FootnoteRef(runs)
        return out

    # -- summary -------------------------------------------------------------------------

    def encoding_label(self) -> str:
        if not self.legacy_runs and not self.legacy_paragraphs:
            return "Unicode"
        parts = [ENCODING_LABELS[e] for e in self.legacy_runs]
        label = "Unicode, có chữ " + ", ".join(parts) if parts else "Unicode, có chữ bảng mã cũ"
        runs = sum(self.legacy_runs.values())
        if runs:
            self.report.adjusted(
                "encoding",
                f"Đã chuyển {runs} đoạn chữ dùng phông cũ ({', '.join(parts)}) sang Unicode.",
            )
        if self.legacy_paragraphs:
            self.report.adjusted(
                "encoding",
                f"Đã chuyển {self.legacy_paragraphs} đoạn gõ bằng bảng mã cũ (TCVN3/VNI) sang Unicode.",
            )
        return label

    def properties(self) -> dict[str, str]:
        out: dict[str, str] = {}
        if self.page_breaks:
            self.report.adjusted(
                "body", f"Bỏ {self.page_breaks} dấu ngắt trang thủ công (khi xuất tự phân trang)."
            )
        try:
            core = self.document.core_properties
        except Exception:  # a broken docProps/core.xml must not stop the import
            return out
        for key, value in (("word.title", core.title), ("word.author", core.author),
                           ("word.last_modified_by", core.last_modified_by)):  # fmt: skip
            if value:
                out[key] = " ".join(str(value).split())[:200]
        if core.modified is not None:
            out["word.modified"] = core.modified.isoformat()
        return out


def _element(part: Any, kind: str) -> Any | None:
    """The root element of the document part related as `kind` (styles, numbering …)."""
    for rel in part.rels.values():
        if rel.is_external or not rel.reltype.endswith("/" + kind):
            continue
        target = rel.target_part
        element = getattr(target, "element", None)
        if element is not None:
            return element
        from lxml import etree

        try:
            return etree.fromstring(target.blob)
        except etree.XMLSyntaxError:
            return None
    return None


def _symbol(char: str) -> str:
    try:
        code = int(char, 16)
    except ValueError:
        return ""
    if 0xF000 <= code <= 0xF0FF:
        code -= 0xF000
        return {0xB7: "•", 0xA7: "▪", 0x2D: "-", 0xD8: "▪", 0xFC: "✓"}.get(
            code, chr(code) if code >= 0x20 else ""
        )
    return chr(code)


def _cell_text(line: SourceLine) -> Content:
    content = line.content
    if line.auto_number is not None and line.auto_number.label.strip():
        content = join((Run(line.auto_number.label.strip()),), content)
    return content


def _all_bold(content: Content) -> bool:
    runs = [i for i in content if isinstance(i, Run) and i.text.strip()]
    return bool(runs) and all(r.bold for r in runs)


def _signer_hint(rows: list[list[list[SourceLine]]]) -> bool:
    for row in rows:
        for cell in row:
            for line in cell:
                folded = fold(line.text)
                if folded.startswith(("TM.", "KT.", "TL.", "TUQ.", "Q. ")):
                    return True
    return False
