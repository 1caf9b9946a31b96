"""Effective formatting of a run or paragraph, as Word resolves it.

Order of precedence (ECMA-376 §17.7.2): document defaults → table style → paragraph style (with
its `basedOn` chain) → character style → direct formatting. Theme font references
(`asciiTheme="minorHAnsi"`) are resolved through the theme's font scheme, so a document typed in
a stock Word template reports "Calibri", not "no font".
"""

from __future__ import annotations

from typing import Any

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
_THEME_ATTRS = {
    "ascii": "asciiTheme",
    "hAnsi": "hAnsiTheme",
    "eastAsia": "eastAsiaTheme",
    "cs": "cstheme",
}
_FALSE = {"0", "false", "off", "none"}

Props = dict[str, Any]


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def _on(el: etree._Element) -> bool:
    return el.get(w("val"), "1").lower() not in _FALSE


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(float(value))
    except ValueError:
        return None


class StyleSheet:
    def __init__(self, styles: etree._Element | None, theme: etree._Element | None) -> None:
        self._styles: dict[str, etree._Element] = {}
        self.default_paragraph: str | None = None
        self.default_character: str | None = None
        self.default_table: str | None = None
        self._theme_fonts = _theme_fonts(theme)
        self.run_defaults: Props = {}
        self.paragraph_defaults: Props = {}
        if styles is not None:
            defaults = styles.find(w("docDefaults"))
            if defaults is not None:
                rpr = defaults.find(f"{w('rPrDefault')}/{w('rPr')}")
                ppr = defaults.find(f"{w('pPrDefault')}/{w('pPr')}")
                self.run_defaults = self.apply_run({}, rpr)
                self.paragraph_defaults = apply_paragraph({}, ppr)
            for style in styles.iter(w("style")):
                sid = style.get(w("styleId"))
                if sid is None:
                    continue
                self._styles[sid] = style
                if _on_default(style):
                    kind = style.get(w("type"))
                    if kind == "paragraph":
                        self.default_paragraph = sid
                    elif kind == "character":
                        self.default_character = sid
                    elif kind == "table":
                        self.default_table = sid
        self._run_cache: dict[str, Props] = {}
        self._para_cache: dict[str, Props] = {}

    # ------------------------------------------------------------------ run properties

    def apply_run(self, base: Props, rpr: etree._Element | None) -> Props:
        if rpr is None:
            return base
        out = dict(base)
        for child in rpr:
            tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
            if tag == "rFonts":
                fonts = dict(out.get("fonts", {}))
                for slot in FONT_SLOTS:
                    theme = child.get(w(_THEME_ATTRS[slot]))
                    value = self._theme_fonts.get(theme) if theme else child.get(w(slot))
                    if value:
                        fonts[slot] = value
                out["fonts"] = fonts
            elif tag in ("b", "i", "caps", "vanish", "strike"):
                out[tag] = _on(child)
            elif tag == "sz":
                size = _int(child.get(w("val")))
                if size:
                    out["sz"] = size
            elif tag == "color":
                out["color"] = (child.get(w("val")) or "auto", child.get(w("themeColor")))
            elif tag == "vertAlign":
                out["vertAlign"] = child.get(w("val"))
            elif tag == "rStyle":
                out["rStyle"] = child.get(w("val"))
        return out

    def style_run(self, style_id: str | None) -> Props:
        """Run properties a style contributes, its `basedOn` chain included."""
        if not style_id or style_id not in self._styles:
            return {}
        if style_id not in self._run_cache:
            self._run_cache[style_id] = {}  # guards against basedOn cycles
            style = self._styles[style_id]
            based = style.find(w("basedOn"))
            base = self.style_run(based.get(w("val")) if based is not None else None)
            self._run_cache[style_id] = self.apply_run(base, style.find(w("rPr")))
        return self._run_cache[style_id]

    def style_paragraph(self, style_id: str | None) -> Props:
        if not style_id or style_id not in self._styles:
            return {}
        if style_id not in self._para_cache:
            self._para_cache[style_id] = {}
            style = self._styles[style_id]
            based = style.find(w("basedOn"))
            base = self.style_paragraph(based.get(w("val")) if based is not None else None)
            table_pr = style.find(w("tblPr"))
            props = apply_paragraph(base, style.find(w("pPr")))
            if table_pr is not None:
                margins = table_pr.find(w("tblCellMar"))
                if margins is not None:
                    props["cell_margins"] = cell_margins(margins)
            self._para_cache[style_id] = props
        return self._para_cache[style_id]

    def name_of(self, style_id: str | None) -> str:
        style = self._styles.get(style_id or "")
        if style is None:
            return ""
        name = style.find(w("name"))
        return (name.get(w("val")) if name is not None else None) or style_id or ""


def _on_default(style: etree._Element) -> bool:
    return style.get(w("default"), "0").lower() in ("1", "true", "on")


def _theme_fonts(theme: etree._Element | None) -> dict[str, str]:
    if theme is None:
        return {}
    out: dict[str, str] = {}
    for scheme, prefix in (("majorFont", "major"), ("minorFont", "minor")):
        font = theme.find(f".//{{{A_NS}}}{scheme}")
        if font is None:
            continue
        for script, names in (
            ("latin", ("HAnsi", "Ascii")),
            ("ea", ("EastAsia",)),
            ("cs", ("Bidi",)),
        ):
            el = font.find(f"{{{A_NS}}}{script}")
            face = el.get("typeface") if el is not None else None
            if face:
                for name in names:
                    out[f"{prefix}{name}"] = face
    return out


def cell_margins(el: etree._Element) -> tuple[int | None, int | None]:
    left = el.find(w("left")) if el.find(w("left")) is not None else el.find(w("start"))
    right = el.find(w("right")) if el.find(w("right")) is not None else el.find(w("end"))
    return (
        _int(left.get(w("w"))) if left is not None else None,
        _int(right.get(w("w"))) if right is not None else None,
    )


def apply_paragraph(base: Props, ppr: etree._Element | None) -> Props:
    if ppr is None:
        return base
    out = dict(base)
    for child in ppr:
        if not isinstance(child.tag, str):
            continue
        tag = etree.QName(child).localname
        if tag == "jc":
            out["jc"] = child.get(w("val"))
        elif tag == "ind":
            for attr, key in (
                ("left", "left"), ("start", "left"), ("right", "right"), ("end", "right"),
                ("firstLine", "firstLine"), ("hanging", "hanging"),
            ):  # fmt: skip
                value = _int(child.get(w(attr)))
                if value is not None:
                    out[key] = value
                    if key == "firstLine":
                        out.pop("hanging", None)
                    elif key == "hanging":
                        out.pop("firstLine", None)
        elif tag == "spacing":
            for attr in ("before", "after", "line"):
                value = _int(child.get(w(attr)))
                if value is not None:
                    out[attr] = value
            if child.get(w("lineRule")):
                out["lineRule"] = child.get(w("lineRule"))
            for attr in ("beforeAutospacing", "afterAutospacing"):
                if child.get(w(attr)) is not None:
                    out[attr] = child.get(w(attr), "0").lower() in ("1", "true", "on")
        elif tag in ("keepNext", "keepLines", "pageBreakBefore", "contextualSpacing"):
            out[tag] = _on(child)
        elif tag == "pBdr":
            for side in ("top", "bottom", "left", "right"):
                el = child.find(w(side))
                if el is not None:
                    out[f"border_{side}"] = el.get(w("val"), "nil") not in ("nil", "none")
        elif tag == "pStyle":
            out["pStyle"] = child.get(w("val"))
        elif tag == "numPr":
            out["numPr"] = True
    return out
