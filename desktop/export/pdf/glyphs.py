"""Characters the PDF font cannot draw, found before anything is drawn.

reportlab draws a character missing from a TrueType font as the font's empty box (.notdef) and
says nothing; an official document must never carry one. Every printed span is checked against
the face it will be set in (the role's weight and slant combined with the span's own), so a
character present in the regular face but missing in the italic one is still caught.
"""

from __future__ import annotations

from collections.abc import Iterator

from desktop.export.pdf.fonts import FontSet, default_font_set
from desktop.layout.build import iter_lines
from desktop.layout.content import Content, Line
from desktop.layout.styles import Role
from desktop.model.text import nfc

SNIPPET_RADIUS = 20


def _printed_lines(content: Content) -> Iterator[Line]:
    yield from iter_lines(content)
    for note in content.footnotes:
        yield Line(Role.FOOTNOTE, note.spans)


def snippet(text: str, index: int, radius: int = SNIPPET_RADIUS) -> str:
    """The text around `index`, with "…" where it was cut, on one line."""
    start = max(0, index - radius)
    end = min(len(text), index + radius + 1)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return f"{prefix}{text[start:end]}{suffix}".replace("\n", " ")


def find_missing_glyphs(content: Content, fonts: FontSet | None = None) -> list[tuple[str, str]]:
    """(snippet, character) for each distinct character that has no glyph, in reading order."""
    fonts = fonts or default_font_set()
    lines = list(_printed_lines(content))
    # Fast path: the characters used in each face, checked once against its cmap.
    used: dict[tuple[bool, bool], set[str]] = {}
    for line in lines:
        style = content.styles.style(line.role)
        for span in line.spans:
            key = (style.bold or span.bold, style.italic or span.italic)
            used.setdefault(key, set()).update(nfc(span.text))
    suspects = {
        (ch, key)
        for key, chars in used.items()
        for ch in chars
        if not ch.isspace() and not fonts.covers(ch, *key)
    }
    if not suspects:
        return []
    # Slow path, only when something is missing: find each one's first place for the message.
    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    for line in lines:
        style = content.styles.style(line.role)
        line_text = nfc("".join(s.text for s in line.spans))
        offset = 0
        for span in line.spans:
            text = nfc(span.text)
            key = (style.bold or span.bold, style.italic or span.italic)
            for i, ch in enumerate(text):
                if ch not in seen and (ch, key) in suspects:
                    seen.add(ch)
                    out.append((snippet(line_text, offset + i), ch))
            offset += len(text)
    return out
