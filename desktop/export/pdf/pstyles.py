"""reportlab paragraph styles from the shared style profile, one per role.

Line spacing follows Word's "auto" rule that the DOCX uses (`w:line` in 240ths): single spacing is
the font's own line height (ascender + descender + line gap = 1.15 em for TNR and Liberation
Serif), and running text takes the profile's multiple of it. Widow/orphan control is on, as it is
in Word's defaults, so a paragraph never leaves one line alone at the top or bottom of a page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.colors import black
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from desktop.export.pdf import linebreak
from desktop.export.pdf.fonts import FontSet
from desktop.export.pdf.linebreak import hyphen_breaks
from desktop.layout.styles import Align, Role, StyleProfile, TextStyle

_ALIGN = {
    Align.LEFT: TA_LEFT,
    Align.CENTER: TA_CENTER,
    Align.RIGHT: TA_RIGHT,
    Align.JUSTIFY: TA_JUSTIFY,
}


class WordParagraph(Paragraph):  # type: ignore[misc]
    """A paragraph whose lines sit in their line boxes as a word processor sets them: the
    baseline `baselineEm` × size below the top of the line (reportlab puts it a full size
    below), the rest of the box under the text."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # Line breaking does not depend on the height offered, and the frame, keep-together
        # groups and splitting ask the same paragraph again and again at one width: break its
        # lines once per width.
        cached = self.__dict__.get("_wrapped")
        if cached is not None and cached[0] == availWidth:
            self.width, self.height, self.blPara = availWidth, cached[1], cached[2]
            return availWidth, cached[1]
        width, height = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, height, self.blPara)
        return width, height

    def draw(self) -> None:
        shift = self.style.fontSize * (1.0 - getattr(self.style, "baselineEm", 1.0))
        if shift:
            self.canv.translate(0, shift)
        super().draw()


@dataclass
class ParagraphStyles:
    """Styles per role, built once per export."""

    profile: StyleProfile
    fonts: FontSet
    _cache: dict[Role, ParagraphStyle] = field(default_factory=dict)

    def leading(self, style: TextStyle) -> float:
        spacing = 1.0 if style.single_spacing else self.profile.line_spacing
        return style.size_pt * self.fonts.line_height_em * spacing

    def font_name(self, style: TextStyle) -> str:
        return self.fonts.name(style.bold, style.italic)

    def get(self, role: Role) -> ParagraphStyle:
        """The role's style. Keep-with-next is not a style here: the story groups kept
        paragraphs itself (see `flowables.KeepWithNext`), as Word does."""
        key = role
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        style = self.profile.style(role)
        indent = self.profile.first_line_indent_cm * 10 * mm if style.first_line_indent else 0.0
        made = ParagraphStyle(
            name=role.value,
            fontName=self.font_name(style),
            fontSize=style.size_pt,
            leading=self.leading(style),
            alignment=_ALIGN[style.align],
            firstLineIndent=indent,
            spaceBefore=style.space_before_pt,
            spaceAfter=style.space_after_pt,
            textColor=black,
            allowWidows=0,
            allowOrphans=0,
            splitLongWords=1,
            # Breaks after the hyphens of number symbols, as Word makes them; never a
            # dictionary hyphenation (Vietnamese words are single syllables anyway).
            hyphenationLang=hyphen_breaks if linebreak.enable() else "",
            embeddedHyphenation=0,
            # Word never squeezes spaces to fit one more word (reportlab's default allows 5 %).
            spaceShrinkage=0,
            uriWasteReduce=0,
            baselineEm=self.fonts.baseline_em,
        )
        self._cache[key] = made
        return made
