"""Word's automatic numbering, resolved to the label Word displays (`II.`, `3.1.`, `a)`, `-`).

A numbered paragraph stores no number, only `numId` + level; the label comes from the numbering
definitions (`numFmt`, `lvlText` such as `%1.%2.`, `start`) and from counting the paragraphs of the
same list before it. The importer needs the label to know the heading level (`upperRoman` +
`%1.` is an `I.` heading) and to keep the number when it is not an outline number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop.importing.docx_styles import qn
from desktop.importing.source import AutoNumber
from desktop.model.numbering import roman

_VAL = qn("w:val")
# Private-use characters of the Symbol/Wingdings fonts that Word uses as bullets.
_SYMBOL_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "▪", "\uf0fc": "•", "\uf076": "•",
                   "\uf02d": "-", "\uf0a8": "•", "o": "◦", "§": "▪", "–": "-", "—": "-"}  # fmt: skip


@dataclass(frozen=True)
class _Level:
    fmt: str
    text: str
    start: int
    legal: bool


@dataclass
class _Num:
    abstract: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, _Level] = field(default_factory=dict)
    used: bool = False


class Numbering:
    """Counts list paragraphs in document order and gives each its label."""

    def __init__(self, root: Any | None) -> None:
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._nums: dict[str, _Num] = {}
        self._counters: dict[str, list[int]] = {}
        if root is None:
            return
        for abstract in root.iter(qn("w:abstractNum")):
            levels: dict[int, _Level] = {}
            for lvl in abstract.iter(qn("w:lvl")):
                levels[int(lvl.get(qn("w:ilvl")) or 0)] = _level(lvl)
            self._abstract[abstract.get(qn("w:abstractNumId")) or ""] = levels
        for num in root.iter(qn("w:num")):
            abstract_id = num.find(qn("w:abstractNumId"))
            entry = _Num(abstract_id.get(_VAL) or "" if abstract_id is not None else "")
            for override in num.iter(qn("w:lvlOverride")):
                level = int(override.get(qn("w:ilvl")) or 0)
                start = override.find(qn("w:startOverride"))
                if start is not None:
                    entry.start_overrides[level] = int(start.get(_VAL) or 1)
                lvl = override.find(qn("w:lvl"))
                if lvl is not None:
                    entry.level_overrides[level] = _level(lvl)
            self._nums[num.get(qn("w:numId")) or ""] = entry

    def label(self, num_id: str | None, level: int | None) -> AutoNumber | None:
        """The next label of list `num_id` at `level` (advancing the count)."""
        if not num_id or num_id == "0" or num_id not in self._nums:
            return None
        level = level or 0
        num = self._nums[num_id]
        levels = dict(self._abstract.get(num.abstract, {}))
        levels.update(num.level_overrides)
        if level not in levels:
            return None
        counters = self._counters.setdefault(num.abstract, [0] * 9)
        if not num.used:
            num.used = True
            for lvl, start in num.start_overrides.items():
                if 0 <= lvl < 9:
                    counters[lvl] = start - 1
        definition = levels[level]
        if definition.fmt == "bullet":
            bullet = definition.text.strip()
            return AutoNumber(_SYMBOL_BULLETS.get(bullet, bullet or "•"), "bullet", level)
        counters[level] = max(counters[level], definition.start - 1) + 1
        for deeper in range(level + 1, 9):
            counters[deeper] = 0
        text = definition.text
        for index in range(9):
            placeholder = f"%{index + 1}"
            if placeholder not in text:
                continue
            lvl_def = levels.get(index, definition)
            value = counters[index] if counters[index] else lvl_def.start
            fmt = "decimal" if definition.legal else lvl_def.fmt
            text = text.replace(placeholder, _format(value, fmt))
        return AutoNumber(text, definition.fmt, level)


def _level(lvl: Any) -> _Level:
    fmt_el = lvl.find(qn("w:numFmt"))
    text_el = lvl.find(qn("w:lvlText"))
    start_el = lvl.find(qn("w:start"))
    return _Level(
        (fmt_el.get(_VAL) or "decimal") if fmt_el is not None else "decimal",
        (text_el.get(_VAL) or "") if text_el is not None else "",
        int(start_el.get(_VAL) or 1) if start_el is not None else 1,
        lvl.find(qn("w:isLgl")) is not None,
    )


def _format(value: int, fmt: str) -> str:
    match fmt:
        case "upperRoman":
            return roman(max(value, 1))
        case "lowerRoman":
            return roman(max(value, 1)).lower()
        case "upperLetter":
            return _letters(value).upper()
        case "lowerLetter":
            return _letters(value)
        case "decimalZero":
            return f"{value:02d}"
        case "none":
            return ""
    return str(value)


def _letters(value: int) -> str:
    """Word's letter numbering: a … z, then aa, bb … (the Latin alphabet, with f, j, w, z)."""
    value = max(value, 1)
    letter = chr(ord("a") + (value - 1) % 26)
    return letter * ((value - 1) // 26 + 1)
