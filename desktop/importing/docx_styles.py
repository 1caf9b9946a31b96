"""What Word's styles say about a run or paragraph: bold, italic, underline, caps, font, numbering.

Formatting in a .docx is layered: document defaults → paragraph style (and the styles it is based
on) → character style → the run's own properties. Only the few properties the importer needs are
resolved, each by walking that chain from the most specific layer down.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def qn(tag: str) -> str:
    """`w:b` → Clark notation."""
    prefix, _, local = tag.partition(":")
    if prefix != "w":
        raise ValueError(tag)
    return f"{{{W}}}{local}"


_VAL = qn("w:val")


def on_off(element: Any) -> bool | None:
    """A toggle property: `<w:b/>` is on, `<w:b w:val="0"/>` off, absent None."""
    if element is None:
        return None
    value = element.get(_VAL)
    return value not in ("0", "false", "off", "none")


@dataclass
class RunProps:
    bold: bool | None = None
    italic: bool | None = None
    underline: bool | None = None
    caps: bool | None = None
    font: str | None = None
    superscript: bool | None = None

    def over(self, base: RunProps) -> RunProps:
        """These properties where set, `base` elsewhere."""
        return RunProps(
            self.bold if self.bold is not None else base.bold,
            self.italic if self.italic is not None else base.italic,
            self.underline if self.underline is not None else base.underline,
            self.caps if self.caps is not None else base.caps,
            self.font if self.font is not None else base.font,
            self.superscript if self.superscript is not None else base.superscript,
        )


def run_props(rpr: Any) -> RunProps:
    if rpr is None:
        return RunProps()
    props = RunProps(
        bold=on_off(rpr.find(qn("w:b"))),
        italic=on_off(rpr.find(qn("w:i"))),
        caps=on_off(rpr.find(qn("w:caps"))),
    )
    underline = rpr.find(qn("w:u"))
    if underline is not None:
        props.underline = (underline.get(_VAL) or "single") not in ("none", "0", "false")
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        props.font = fonts.get(qn("w:ascii")) or fonts.get(qn("w:hAnsi"))
    vert = rpr.find(qn("w:vertAlign"))
    if vert is not None:
        props.superscript = vert.get(_VAL) == "superscript"
    return props


@dataclass
class _Style:
    style_id: str
    kind: str
    name: str
    based_on: str | None
    run: RunProps
    num_id: str | None = None
    num_level: int | None = None
    outline_level: int | None = None
    centered: bool | None = None


@dataclass
class Styles:
    """The resolved style sheet of one document."""

    styles: dict[str, _Style] = field(default_factory=dict)
    defaults: RunProps = field(default_factory=RunProps)
    default_paragraph: str | None = None
    default_character: str | None = None
    _run_cache: dict[str, RunProps] = field(default_factory=dict)

    @classmethod
    def parse(cls, root: Any | None) -> Styles:
        sheet = cls()
        if root is None:
            return sheet
        defaults = root.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        sheet.defaults = run_props(defaults)
        for element in root.iter(qn("w:style")):
            style_id = element.get(qn("w:styleId")) or ""
            kind = element.get(qn("w:type")) or "paragraph"
            name_el = element.find(qn("w:name"))
            based = element.find(qn("w:basedOn"))
            style = _Style(
                style_id,
                kind,
                (name_el.get(_VAL) or "") if name_el is not None else "",
                based.get(_VAL) if based is not None else None,
                run_props(element.find(qn("w:rPr"))),
            )
            ppr = element.find(qn("w:pPr"))
            if ppr is not None:
                num = ppr.find(qn("w:numPr"))
                if num is not None:
                    num_id = num.find(qn("w:numId"))
                    level = num.find(qn("w:ilvl"))
                    style.num_id = num_id.get(_VAL) if num_id is not None else None
                    style.num_level = int(level.get(_VAL) or 0) if level is not None else 0
                outline = ppr.find(qn("w:outlineLvl"))
                if outline is not None and (outline.get(_VAL) or "").isdigit():
                    style.outline_level = int(outline.get(_VAL) or 0)
                jc = ppr.find(qn("w:jc"))
                if jc is not None:
                    style.centered = jc.get(_VAL) == "center"
            sheet.styles[style_id] = style
            if element.get(qn("w:default")) in ("1", "true"):
                if kind == "paragraph":
                    sheet.default_paragraph = style_id
                elif kind == "character":
                    sheet.default_character = style_id
        return sheet

    def _chain(self, style_id: str | None) -> list[_Style]:
        out: list[_Style] = []
        seen: set[str] = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            style = self.styles[style_id]
            out.append(style)
            style_id = style.based_on
        return out

    def style_run(self, style_id: str | None) -> RunProps:
        """Run properties a style gives (with the styles it is based on)."""
        key = style_id or ""
        cached = self._run_cache.get(key)
        if cached is not None:
            return cached
        props = RunProps()
        for style in self._chain(style_id):
            props = props.over(style.run)
        self._run_cache[key] = props
        return props

    def paragraph_run(self, style_id: str | None) -> RunProps:
        """Run properties of a paragraph style over the document defaults."""
        return self.style_run(style_id or self.default_paragraph).over(self.defaults)

    def paragraph_numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        for style in self._chain(style_id or self.default_paragraph):
            if style.num_id is not None:
                return style.num_id, style.num_level
        return None, None

    def heading_level(self, style_id: str | None) -> int:
        """1–9 for Word's Heading styles (by name or outline level), 0 otherwise."""
        for style in self._chain(style_id):
            name = style.name.lower().replace(" ", "")
            if name.startswith("heading") and name[7:].isdigit():
                return int(name[7:])
            if style.outline_level is not None and style.outline_level < 9:
                return style.outline_level + 1
        return 0

    def centered(self, style_id: str | None) -> bool:
        for style in self._chain(style_id or self.default_paragraph):
            if style.centered is not None:
                return style.centered
        return False
