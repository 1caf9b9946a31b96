"""The words a reader sees in a copied-text fixture: what the exported body must carry.

The fixtures of `real_like/` hold, besides the document's words, what text extraction adds to
them. These are removed here, each by its own plain rule (a different path from the importer's):

* lines that are only extraction artefacts — a lone `|` (web table cell), a rule `-----`, a page
  number (`2`, `- 2 -`, `Trang 2`), a markdown table separator `|---|`;
* the signing tool's lines (`Ký bởi: …`, `Email: …`, `Cơ quan: …`, `Thời gian ký: …`);
* footnote texts (given per fixture, exactly as they stand in the source) and footnote marks
  (`¹`, `[1]`, `[^1]`): the footnotes are checked one by one elsewhere;
* markup: `#`, `*`, `|`, `<br>`.

Three format normalisations of Nghị định 30 are applied as the export applies them, and only
those: `ƣ`/`Ƣ` drawn for `ư`/`Ư` by the PDF's font, Word's plain-text bullet `o⇥` (printed `+`),
and the ordinal `PHẦN THỨ NHẤT` (printed `Phần I`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from desktop.layout.build import build, iter_lines
from desktop.model.document import Document
from desktop.model.profile import OfficeProfile
from tests.services.importing.fidelity import BODY_ROLES

_ARTIFACT_LINE = re.compile(
    r"^\s*(?:\|[\s|]*|[-_=–—]{3,}|\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?"
    r"|(?:-\s*)?\d{1,3}(?:\s*-)?|Trang\s+\d+(?:/\d+)?"
    r"|(?:Ký bởi|Người ký|Email|Cơ quan|Thời gian ký)\s*:.*)\s*$"
)
_NOTE_MARK = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\^?\w+\](?!:)")
_MARKUP = re.compile(r"<br\s*/?>|\||^\s{0,3}#{1,6}\s", re.MULTILINE)
_ORDINALS = {"THỨ NHẤT": "I", "THỨ HAI": "II", "THỨ BA": "III", "THỨ TƯ": "IV"}


def source_words(source: str, first: str, end: str, notes: tuple[str, ...] = ()) -> list[str]:
    """The source's body words from `first` up to (not including) `end`."""
    text = source.replace("ƣ", "ư").replace("Ƣ", "Ư").replace("\f", "\n")
    for note in notes:
        assert note in text, note
        text = text.replace(note, "\n")
    text = "\n".join(line for line in text.split("\n") if not _ARTIFACT_LINE.match(line))
    text = _NOTE_MARK.sub("", text).replace("*", "")
    text = re.sub(r"^o\t", "+ ", text, flags=re.MULTILINE)
    for ordinal, roman in _ORDINALS.items():
        text = text.replace(f"PHẦN {ordinal}", f"PHẦN {roman}")
    words = _MARKUP.sub(" ", text).casefold().split()
    return _between(words, first.casefold().split(), end.casefold().split())


def layout_words(document: Document, section: int = 0) -> list[str]:
    """The words both renderers print for one section's body (0: the document, 1…: phụ lục)."""
    content = build(document, OfficeProfile(), dt.date(2024, 6, 1))
    content = replace(content, sections=content.sections[section : section + 1])
    text = " ".join(line.text for line in iter_lines(content) if line.role in BODY_ROLES)
    return text.casefold().split()


def _between(words: list[str], first: list[str], end: list[str]) -> list[str]:
    start = next(i for i in range(len(words)) if words[i : i + len(first)] == first)
    stop = next((i for i in range(start, len(words)) if words[i : i + len(end)] == end), len(words))
    return words[start:stop]
