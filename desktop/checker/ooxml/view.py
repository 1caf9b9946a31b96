"""A flat, resolved view of a DOCX: paragraphs with their effective formatting, tables with
their cell widths, sections with their page setup and header/footer parts.

Rules read this view instead of XML, so each rule is a few lines about the format, not about
WordprocessingML inheritance.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from lxml import etree

from desktop.checker.ooxml.package import DocxPackage
from desktop.checker.ooxml.styles import (
    FONT_SLOTS,
    Props,
    StyleSheet,
    apply_paragraph,
    cell_margins,
    w,
)

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
MM_PER_TWIP = 25.4 / 1440
DEFAULT_CELL_MARGIN = 108  # twips, Word's Normal Table
_CONTAINERS = frozenset(
    {
        "hyperlink",
        "ins",
        "smartTag",
        "customXml",
        "fldSimple",
        "sdt",
        "sdtContent",
        "moveTo",
        "dir",
        "bdo",
    }
)


@dataclass
class RunView:
    text: str
    fonts: dict[str, str]
    bold: bool
    italic: bool
    size_pt: float | None
    color: tuple[str, str | None] | None
    superscript: bool
    footnote_reference: bool = False
    instruction: str = ""  # field instruction text carried by this run


@dataclass
class ParaView:
    index: int  # 1-based, in document order (body and table cells)
    element: etree._Element
    runs: list[RunView]
    props: Props
    section: int = 0
    cell: CellView | None = None

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs if not r.footnote_reference)

    @property
    def stripped(self) -> str:
        return " ".join(self.text.replace("\u00a0", " ").split())

    def split_lines(self) -> list[ParaView]:
        """The paragraph cut at its manual line breaks (Shift+Enter), one view per line with
        the runs of that line, so "UBND TỈNH X⏎SỞ Y" is read as two lines with their own
        weight. A paragraph without breaks is returned as is."""
        if not any("\n" in r.text for r in self.runs):
            return [self]
        lines: list[list[RunView]] = [[]]
        for run in self.runs:
            pieces = run.text.split("\n")
            for i, piece in enumerate(pieces):
                if i:
                    lines.append([])
                if piece or run.footnote_reference or run.instruction:
                    lines[-1].append(replace(run, text=piece))
        return [ParaView(self.index, self.element, runs, self.props, self.section, self.cell)
                for runs in lines]  # fmt: skip

    def text_runs(self) -> list[RunView]:
        return [r for r in self.runs if r.text.strip() and not r.footnote_reference]

    @property
    def bold(self) -> bool:
        runs = self.text_runs()
        return bool(runs) and all(r.bold for r in runs)

    @property
    def any_bold(self) -> bool:
        return any(r.bold for r in self.text_runs())

    @property
    def italic(self) -> bool:
        runs = self.text_runs()
        return bool(runs) and all(r.italic for r in runs)

    @property
    def size_pt(self) -> float | None:
        """The size most of the text is set in."""
        sizes: Counter[float] = Counter()
        for r in self.text_runs():
            if r.size_pt is not None:
                sizes[r.size_pt] += len(r.text)
        return sizes.most_common(1)[0][0] if sizes else None

    @property
    def jc(self) -> str:
        return str(self.props.get("jc") or "left")

    @property
    def centred(self) -> bool:
        return self.jc == "center"

    @property
    def border_bottom(self) -> bool:
        return bool(self.props.get("border_bottom"))

    def first_line(self) -> int:
        """First-line indent in twips; negative for a hanging indent."""
        if "hanging" in self.props:
            return -int(self.props["hanging"])
        return int(self.props.get("firstLine", 0))

    @property
    def left(self) -> int:
        return int(self.props.get("left", 0))

    @property
    def right(self) -> int:
        return int(self.props.get("right", 0))


@dataclass
class CellView:
    table: TableView
    row: int
    column: int
    width_mm: float | None
    inner_mm: float | None
    paragraphs: list[ParaView] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(p.stripped for p in self.paragraphs if p.stripped)


@dataclass
class TableView:
    index: int
    element: etree._Element
    top_level: bool
    section: int = 0
    rows: list[list[CellView]] = field(default_factory=list)
    header_rows: int = 0
    cant_split_rows: list[bool] = field(default_factory=list)

    def cells(self) -> list[CellView]:
        return [c for row in self.rows for c in row]

    @property
    def text(self) -> str:
        return "\n".join(c.text for c in self.cells())

    def paragraphs(self) -> list[ParaView]:
        return [p for c in self.cells() for p in c.paragraphs]


@dataclass
class SectionView:
    index: int
    element: etree._Element | None
    width: int | None
    height: int | None
    landscape: bool
    margins: dict[str, int]
    title_page: bool
    headers: dict[str, str]  # type → rId (inherited from the previous section when absent)
    footers: dict[str, str]
    page_number_start: int | None
    footnote_format: str | None
    items: list[ParaView | TableView] = field(default_factory=list)


@dataclass
class DocxView:
    package: DocxPackage
    styles: StyleSheet
    items: list[ParaView | TableView]  # top-level body order
    paragraphs: list[ParaView]  # every body paragraph, tables included, in order
    tables: list[TableView]
    sections: list[SectionView]
    header_paragraphs: dict[str, list[ParaView]]  # rId → paragraphs of that header part
    footer_paragraphs: dict[str, list[ParaView]]
    footnote_paragraphs: list[ParaView]
    settings_footnote_format: str | None
    pages: int | None  # from docProps/app.xml, when the writing application recorded it


class _Builder:
    def __init__(self, package: DocxPackage) -> None:
        self.package = package
        self.styles = StyleSheet(package.styles, package.theme)
        self.paragraphs: list[ParaView] = []
        self.tables: list[TableView] = []
        self.counter = 0

    # ------------------------------------------------------------------ runs

    def runs(self, p: etree._Element, para_props: Props, table_run: Props) -> list[RunView]:
        base = dict(self.styles.run_defaults)
        base.update(table_run)
        base = {**base, **self.styles.style_run(para_props.get("pStyle"))}
        out: list[RunView] = []
        self._collect(p, base, out)
        return out

    def _collect(self, parent: etree._Element, base: Props, out: list[RunView]) -> None:
        for child in parent:
            if not isinstance(child.tag, str):
                continue
            local = etree.QName(child).localname
            if local == "r":
                out.append(self._run(child, base))
            elif local in _CONTAINERS:
                if local == "fldSimple":
                    out.append(
                        RunView("", {}, False, False, None, None, False,
                                instruction=child.get(w("instr"), ""))
                    )  # fmt: skip
                self._collect(child, base, out)

    def _run(self, r: etree._Element, base: Props) -> RunView:
        rpr = r.find(w("rPr"))
        props = base
        if rpr is not None:
            style = rpr.find(w("rStyle"))
            if style is not None:
                props = {**props, **self.styles.style_run(style.get(w("val")))}
            props = self.styles.apply_run(props, rpr)
        parts: list[str] = []
        instruction = []
        footnote = False
        for child in r:
            if not isinstance(child.tag, str):
                continue
            local = etree.QName(child).localname
            if local == "t":
                parts.append(child.text or "")
            elif local == "tab":
                parts.append("\t")
            elif local in ("br", "cr"):
                parts.append("\n")
            elif local == "noBreakHyphen":
                parts.append("-")
            elif local == "instrText":
                instruction.append(child.text or "")
            elif local == "footnoteReference":
                footnote = True
        size = props.get("sz")
        text = "".join(parts)
        if props.get("caps"):
            text = text.upper()
        return RunView(
            text=text,
            fonts=dict(props.get("fonts", {})),
            bold=bool(props.get("b")),
            italic=bool(props.get("i")),
            size_pt=size / 2 if size else None,
            color=props.get("color"),
            superscript=props.get("vertAlign") == "superscript",
            footnote_reference=footnote,
            instruction="".join(instruction),
        )

    # ------------------------------------------------------------------ paragraphs & tables

    def paragraph(
        self, p: etree._Element, *, table_para: Props | None = None, table_run: Props | None = None,
        cell: CellView | None = None, counted: bool = True,
    ) -> ParaView:  # fmt: skip
        ppr = p.find(w("pPr"))
        style_el = ppr.find(w("pStyle")) if ppr is not None else None
        style_id = style_el.get(w("val")) if style_el is not None else self.styles.default_paragraph
        props = dict(self.styles.paragraph_defaults)
        props.update(table_para or {})
        props.update(self.styles.style_paragraph(style_id))
        props = apply_paragraph(props, ppr)
        props["pStyle"] = style_id
        if counted:
            self.counter += 1
        view = ParaView(
            self.counter if counted else 0,
            p,
            self.runs(p, props, table_run or {}),
            props,
            cell=cell,
        )
        if counted:
            self.paragraphs.append(view)
        return view

    def table(self, tbl: etree._Element, *, top_level: bool) -> TableView:
        view = TableView(len(self.tables) + 1, tbl, top_level)
        self.tables.append(view)
        tbl_pr = tbl.find(w("tblPr"))
        style_el = tbl_pr.find(w("tblStyle")) if tbl_pr is not None else None
        style_id = style_el.get(w("val")) if style_el is not None else self.styles.default_table
        table_para = self.styles.style_paragraph(style_id)
        table_run = self.styles.style_run(style_id)
        margins = table_para.get("cell_margins", (None, None))
        own_margins = tbl_pr.find(w("tblCellMar")) if tbl_pr is not None else None
        if own_margins is not None:
            margins = _merge_margins(cell_margins(own_margins), margins)
        grid = [int(g.get(w("w"), "0") or 0) for g in tbl.iter(w("gridCol"))]
        para_defaults = {k: v for k, v in table_para.items() if k != "cell_margins"}
        for r, tr in enumerate(tbl.findall(w("tr"))):
            tr_pr = tr.find(w("trPr"))
            header = tr_pr is not None and tr_pr.find(w("tblHeader")) is not None
            if header and r == view.header_rows:
                view.header_rows += 1
            view.cant_split_rows.append(
                tr_pr is not None and tr_pr.find(w("cantSplit")) is not None
            )
            row: list[CellView] = []
            col = 0
            for tc in tr.findall(w("tc")):
                tc_pr = tc.find(w("tcPr"))
                span = 1
                width: int | None = None
                cell_pad = margins
                if tc_pr is not None:
                    gs = tc_pr.find(w("gridSpan"))
                    span = int(gs.get(w("val"), "1")) if gs is not None else 1
                    tcw = tc_pr.find(w("tcW"))
                    if tcw is not None and tcw.get(w("type"), "dxa") == "dxa":
                        width = int(float(tcw.get(w("w"), "0") or 0)) or None
                    mar = tc_pr.find(w("tcMar"))
                    if mar is not None:
                        cell_pad = _merge_margins(cell_margins(mar), margins)
                if width is None and col + span <= len(grid):
                    width = sum(grid[col : col + span]) or None
                left = cell_pad[0] if cell_pad[0] is not None else DEFAULT_CELL_MARGIN
                right = cell_pad[1] if cell_pad[1] is not None else DEFAULT_CELL_MARGIN
                cell = CellView(
                    view, r, col,
                    width * MM_PER_TWIP if width else None,
                    (width - left - right) * MM_PER_TWIP if width else None,
                )  # fmt: skip
                for child in tc:
                    local = etree.QName(child).localname if isinstance(child.tag, str) else ""
                    if local == "p":
                        cell.paragraphs.append(
                            self.paragraph(
                                child, table_para=para_defaults, table_run=table_run, cell=cell
                            )
                        )
                    elif local == "tbl":
                        nested = self.table(child, top_level=False)
                        cell.paragraphs.extend(nested.paragraphs())
                    elif local in ("sdt", "customXml"):
                        for p in child.iter(w("p")):
                            cell.paragraphs.append(
                                self.paragraph(
                                    p, table_para=para_defaults, table_run=table_run, cell=cell
                                )
                            )
                row.append(cell)
                col += span
            view.rows.append(row)
        return view

    def part_paragraphs(self, root: etree._Element) -> list[ParaView]:
        return [self.paragraph(p, counted=False) for p in root.iter(w("p"))]


Margins = tuple[int | None, int | None]


def _merge_margins(own: Margins, inherited: Margins) -> Margins:
    return (
        own[0] if own[0] is not None else inherited[0],
        own[1] if own[1] is not None else inherited[1],
    )


def _section(index: int, sect: etree._Element | None, previous: SectionView | None) -> SectionView:
    headers = dict(previous.headers) if previous else {}
    footers = dict(previous.footers) if previous else {}
    width = height = None
    landscape = False
    margins: dict[str, int] = {}
    title_page = False
    start = None
    footnote_format = None
    if sect is not None:
        for ref in sect.findall(w("headerReference")):
            headers[ref.get(w("type"), "default")] = ref.get(f"{{{R_NS}}}id", "")
        for ref in sect.findall(w("footerReference")):
            footers[ref.get(w("type"), "default")] = ref.get(f"{{{R_NS}}}id", "")
        size = sect.find(w("pgSz"))
        if size is not None:
            width = int(float(size.get(w("w"), "0") or 0)) or None
            height = int(float(size.get(w("h"), "0") or 0)) or None
            landscape = size.get(w("orient")) == "landscape" or bool(
                width and height and width > height
            )
        mar = sect.find(w("pgMar"))
        if mar is not None:
            for key in ("top", "bottom", "left", "right", "header", "footer", "gutter"):
                value = mar.get(w(key))
                if value is not None:
                    margins[key] = abs(int(float(value)))
        title = sect.find(w("titlePg"))
        title_page = title is not None and title.get(w("val"), "1").lower() not in (
            "0",
            "false",
            "off",
        )
        num = sect.find(w("pgNumType"))
        if num is not None and num.get(w("start")) is not None:
            start = int(num.get(w("start"), "1"))
        fmt = sect.find(f"{w('footnotePr')}/{w('numFmt')}")
        footnote_format = fmt.get(w("val")) if fmt is not None else None
    return SectionView(
        index,
        sect,
        width,
        height,
        landscape,
        margins,
        title_page,
        headers,
        footers,
        start,
        footnote_format,
    )


def build_view(package: DocxPackage) -> DocxView:
    builder = _Builder(package)
    body = package.document.find(w("body"))
    items: list[ParaView | TableView] = []
    sections: list[SectionView] = []
    current: list[ParaView | TableView] = []

    def close(sect: etree._Element | None) -> None:
        nonlocal current
        view = _section(len(sections), sect, sections[-1] if sections else None)
        view.items = current
        for item in current:
            item.section = view.index
            if isinstance(item, TableView):
                for p in item.paragraphs():
                    p.section = view.index
        sections.append(view)
        current = []

    def walk(parent: etree._Element) -> None:
        for child in parent:
            if not isinstance(child.tag, str):
                continue
            local = etree.QName(child).localname
            if local == "p":
                view = builder.paragraph(child)
                items.append(view)
                current.append(view)
                ppr = child.find(w("pPr"))
                if ppr is not None and ppr.find(w("sectPr")) is not None:
                    close(ppr.find(w("sectPr")))
            elif local == "tbl":
                table = builder.table(child, top_level=True)
                items.append(table)
                current.append(table)
            elif local in ("sdt", "sdtContent", "customXml"):
                walk(child)
            elif local == "sectPr":
                close(child)

    if body is not None:
        walk(body)
    if current or not sections:
        close(None)
    headers = {rid: builder.part_paragraphs(root) for rid, root in package.headers.items()}
    footers = {rid: builder.part_paragraphs(root) for rid, root in package.footers.items()}
    notes: list[ParaView] = []
    if package.footnotes is not None:
        for note in package.footnotes.findall(w("footnote")):
            if note.get(w("type"), "normal") in ("normal", ""):
                notes.extend(builder.part_paragraphs(note))
    settings_format = None
    if package.settings is not None:
        fmt = package.settings.find(f"{w('footnotePr')}/{w('numFmt')}")
        settings_format = fmt.get(w("val")) if fmt is not None else None
    return DocxView(
        package=package,
        styles=builder.styles,
        items=items,
        paragraphs=builder.paragraphs,
        tables=builder.tables,
        sections=sections,
        header_paragraphs=headers,
        footer_paragraphs=footers,
        footnote_paragraphs=notes,
        settings_footnote_format=settings_format,
        pages=_pages(package.app),
    )


def _pages(app: etree._Element | None) -> int | None:
    if app is None:
        return None
    for el in app:
        if isinstance(el.tag, str) and etree.QName(el).localname == "Pages":
            try:
                return int((el.text or "").strip())
            except ValueError:
                return None
    return None


def font_slots_of(run: RunView) -> dict[str, str | None]:
    return {slot: run.fonts.get(slot) for slot in FONT_SLOTS}
