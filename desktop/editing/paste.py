"""Paste from Word or the web: keep bold, italic and underline, drop everything else.

Word puts rich HTML on the clipboard (styles, fonts, colours, `mso-` junk, conditional comments);
a web page adds links, spans and layout. A Nghị định 30 document allows none of that, so the paste
keeps the text, the three emphasis flags and the paragraph breaks, and turns leading "-" / "+"
(or Word's bullet characters) into list items.

Legacy Vietnamese encodings (TCVN3/ABC in `.VnTime`, VNI in `VNI-Times`) arrive as Latin-1
look-alike characters; each paragraph is converted to Unicode and the caller is told which
encoding was converted so the window can say so.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from desktop.model.document import Block, ListItem, ListMarker, Paragraph, Run
from desktop.model.text import nfc

# (text, font family hint or None) → (unicode text, name of the converted encoding or None)
LegacyConverter = Callable[[str, str | None], tuple[str, str | None]]

_BLOCK_TAGS = frozenset(
    {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "pre",
     "section", "article", "header", "footer", "dt", "dd", "table", "ul", "ol"}
)  # fmt: skip
_SKIP_TAGS = frozenset({"style", "script", "head", "title", "xml", "template"})
_CELL_TAGS = frozenset({"td", "th"})
_BOLD_TAGS = frozenset({"b", "strong"})
_ITALIC_TAGS = frozenset({"i", "em", "cite", "dfn"})
_UNDERLINE_TAGS = frozenset({"u", "ins"})
_BULLETS = {"-": ListMarker.DASH, "–": ListMarker.DASH, "•": ListMarker.DASH, "·": ListMarker.DASH,
            "": ListMarker.DASH, "o": ListMarker.PLUS, "+": ListMarker.PLUS}  # fmt: skip
_LIST_START = re.compile(r"^\s*([-–•·+]|o(?=\s))\s+")


@dataclass
class _Style:
    bold: bool | None = None
    italic: bool | None = None
    underline: bool | None = None
    font: str | None = None


def _style_from_css(css: str) -> _Style:
    style = _Style()
    for declaration in css.split(";"):
        if ":" not in declaration:
            continue
        name, value = (part.strip().lower() for part in declaration.split(":", 1))
        if name == "font-weight":
            style.bold = value in {"bold", "bolder"} or (value.isdigit() and int(value) >= 600)
        elif name == "font-style":
            style.italic = value in {"italic", "oblique"}
        elif name in {"text-decoration", "text-decoration-line"}:
            style.underline = "underline" in value
        elif name == "font-family":
            style.font = value.split(",")[0].strip().strip("'\"")
    return style


@dataclass
class PastedParagraph:
    runs: list[Run] = field(default_factory=list)
    font: str | None = None  # the first font family seen (a legacy-encoding hint)

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[PastedParagraph] = [PastedParagraph()]
        self._stack: list[tuple[str, _Style]] = []
        self._skip_depth = 0
        self._started = False  # Word's StartFragment marker: ignore text before it, if present

    # The effective formatting is the innermost explicit value of each flag.
    def _current(self) -> _Style:
        out = _Style(False, False, False, None)
        for _tag, style in self._stack:
            if style.bold is not None:
                out.bold = style.bold
            if style.italic is not None:
                out.italic = style.italic
            if style.underline is not None:
                out.underline = style.underline
            if style.font is not None:
                out.font = style.font
        return out

    def _break(self) -> None:
        if self.paragraphs[-1].runs:
            self.paragraphs.append(PastedParagraph())

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip_depth += 1
            return
        if tag == "br":
            self._break()
            return
        if tag in _BLOCK_TAGS:
            self._break()
        if tag in _CELL_TAGS and self.paragraphs[-1].runs:
            self._append(" ", self._current())
        attributes = dict(attrs)
        style = _style_from_css(attributes.get("style") or "")
        if tag in _BOLD_TAGS:
            style.bold = True if style.bold is None else style.bold
        if tag in _ITALIC_TAGS:
            style.italic = True if style.italic is None else style.italic
        if tag in _UNDERLINE_TAGS:
            style.underline = True if style.underline is None else style.underline
        if tag == "font" and attributes.get("face"):
            style.font = (attributes["face"] or "").split(",")[0].strip()
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"} and style.bold is None:
            style.bold = True
        self._stack.append((tag, style))

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
            return
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i][0] == tag:
                del self._stack[i:]
                break
        if tag in _BLOCK_TAGS:
            self._break()

    def handle_comment(self, data: str) -> None:
        if data.strip() == "StartFragment":
            self.paragraphs = [PastedParagraph()]

    def handle_data(self, data: str) -> None:
        if self._skip_depth:
            return
        text = " ".join(data.replace("\xa0", " ").split())
        if not text:
            if data and data[0].isspace() and self.paragraphs[-1].runs:
                self._append(" ", self._current())
            return
        if data[0].isspace() and self.paragraphs[-1].runs:
            text = " " + text
        if data[-1].isspace():
            text += " "
        self._append(text, self._current())

    def _append(self, text: str, style: _Style) -> None:
        paragraph = self.paragraphs[-1]
        if paragraph.font is None and style.font:
            paragraph.font = style.font
        run = Run(text, bold=bool(style.bold), italic=bool(style.italic),
                  underline=bool(style.underline))  # fmt: skip
        last = paragraph.runs[-1] if paragraph.runs else None
        if last and (last.bold, last.italic, last.underline) == (
            run.bold,
            run.italic,
            run.underline,
        ):
            paragraph.runs[-1] = Run(last.text + run.text, last.bold, last.italic, last.underline)
        else:
            paragraph.runs.append(run)


@dataclass(frozen=True)
class PasteResult:
    blocks: tuple[Block, ...]
    converted_from: str | None  # e.g. "TCVN3" when legacy text was converted


def _tidy(runs: list[Run]) -> list[Run]:
    """Trim the paragraph's outer spaces and drop empty runs."""
    out = [r for r in runs if r.text]
    if out:
        out[0] = Run(out[0].text.lstrip(), out[0].bold, out[0].italic, out[0].underline)
        out[-1] = Run(out[-1].text.rstrip(), out[-1].bold, out[-1].italic, out[-1].underline)
    return [r for r in out if r.text]


def _to_block(runs: list[Run]) -> Block | None:
    runs = _tidy(runs)
    if not runs:
        return None
    match = _LIST_START.match(runs[0].text)
    if match:
        marker = _BULLETS[match.group(1)]
        first = Run(runs[0].text[match.end() :], runs[0].bold, runs[0].italic, runs[0].underline)
        content = tuple(r for r in (first, *runs[1:]) if r.text)
        return ListItem(marker=marker, content=content) if content else None
    return Paragraph(content=tuple(runs))


def _convert(
    paragraphs: list[PastedParagraph], legacy: LegacyConverter | None
) -> tuple[list[list[Run]], str | None]:
    converted_from: str | None = None
    out: list[list[Run]] = []
    for paragraph in paragraphs:
        runs = paragraph.runs
        if legacy is not None and runs:
            new_runs = []
            for run in runs:
                text, encoding = legacy(run.text, paragraph.font)
                converted_from = converted_from or encoding
                new_runs.append(Run(nfc(text), run.bold, run.italic, run.underline))
            runs = new_runs
        out.append(runs)
    return out, converted_from


def paste_html(html: str, legacy: LegacyConverter | None = None) -> PasteResult:
    """Blocks from clipboard HTML, keeping only bold/italic/underline."""
    collector = _Collector()
    collector.feed(html)
    collector.close()
    paragraphs, converted_from = _convert(collector.paragraphs, legacy)
    blocks = [b for b in (_to_block(p) for p in paragraphs) if b is not None]
    return PasteResult(tuple(blocks), converted_from)


def paste_text(text: str, legacy: LegacyConverter | None = None) -> PasteResult:
    """Blocks from plain clipboard text: one paragraph per non-empty line."""
    paragraphs = [
        PastedParagraph([Run(" ".join(line.split()))]) for line in text.splitlines() if line.strip()
    ]
    converted, converted_from = _convert(paragraphs, legacy)
    blocks = [b for b in (_to_block(p) for p in converted) if b is not None]
    return PasteResult(tuple(blocks), converted_from)


_ENCODING_NAMES = {"tcvn3": "TCVN3", "vni": "VNI"}


def convert_legacy(text: str, font: str | None) -> tuple[str, str | None]:
    """The legacy converter used by the window: the font name decides when there is one (Word's
    HTML says `.VnTime` or `VNI-Times`); plain text is recognised by its letters."""
    from desktop.importing import legacy_encodings as legacy

    encoding, caps = legacy.encoding_of_font(font)
    if encoding is None:
        encoding = _detect(text)
        caps = False
    if encoding is None:
        return text, None
    return legacy.decode(text, encoding, caps_font=caps), _ENCODING_NAMES[encoding.value]


def _detect(text: str) -> Any:
    """The legacy encoding of a fragment with no font information (plain-text paste)."""
    from desktop.importing.text_source import detect_legacy_fragment

    return detect_legacy_fragment(text)
