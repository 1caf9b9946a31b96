"""The fidelity measure of the import README: the source's words against the exported words.

Text is compared as a sequence of words after removing markup, folding case (the export prints
`I.` headings in capitals, as Nghị định 30 wants) and normalising whitespace, with
`difflib.SequenceMatcher` (no auto-junk heuristic). The body is the stretch from its first
words to the closing sentence: header and signature block are generated parts, checked field by
field elsewhere.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from difflib import SequenceMatcher

from desktop.layout.build import build, iter_lines
from desktop.layout.styles import Role
from desktop.model.document import Document
from desktop.model.profile import OfficeProfile

TODAY = dt.date(2024, 6, 1)
BODY_ROLES = frozenset({
    Role.DECISION_AUTHORITY, Role.LEGAL_BASIS, Role.DECISION_LINE, Role.BODY, Role.ITEM, Role.SUBITEM, Role.HEADING_PART, Role.HEADING_ROMAN,
    Role.HEADING_ARTICLE, Role.HEADING_ARABIC, Role.HEADING_DECIMAL, Role.HEADING_LETTER,
    Role.TABLE, Role.TABLE_HEADER, Role.CLOSING,
})  # fmt: skip

_MARKS = re.compile(r"^\s{0,3}#{1,6}\s+|\*+", re.MULTILINE)


def words(text: str) -> list[str]:
    return text.casefold().split()


def source_body(source: str, first_words: str, end_marker: str = "Nơi nhận") -> list[str]:
    """The source's body words, markup removed: from `first_words` to the Nơi nhận label."""
    plain = _MARKS.sub("", source)
    start = plain.index(first_words)
    end = plain.index(end_marker, start)
    return words(plain[start:end])


def layout_body(document: Document) -> list[str]:
    """The body words as both renderers receive them (the layout build step)."""
    content = build(document, OfficeProfile(), TODAY)
    return words(" ".join(line.text for line in iter_lines(content) if line.role in BODY_ROLES))


def similarity(expected: list[str], actual: list[str]) -> float:
    return SequenceMatcher(None, expected, actual, autojunk=False).ratio()


def slice_between(all_words: list[str], first: list[str], end_word: str) -> list[str]:
    """The words of an exported file from the body's first words up to `end_word`."""
    for index in range(len(all_words) - len(first) + 1):
        if all_words[index : index + len(first)] == first:
            try:
                end = all_words.index(end_word, index)
            except ValueError:
                end = len(all_words)
            return all_words[index:end]
    return []


def docx_words(document: Document) -> list[str]:
    import docx

    from desktop.export.docx.render import render_docx

    out = io.BytesIO()
    render_docx(build(document, OfficeProfile(), TODAY), out, timestamp=dt.datetime(2024, 6, 1))
    out.seek(0)
    word_file = docx.Document(out)
    texts: list[str] = []
    body = word_file.element.body
    for paragraph in body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"):
        texts.append("".join(t.text or "" for t in paragraph.iter(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t")))  # fmt: skip
    return words(" ".join(texts))


def pdf_words(document: Document) -> list[str]:
    import pypdf

    from desktop.export.pdf import render_pdf

    out = io.BytesIO()
    render_pdf(
        build(document, OfficeProfile(), TODAY), out, producer="baocao tests",
        created=dt.datetime(2024, 6, 1, tzinfo=dt.UTC), pdfa=False, signature_fields=False,
    )  # fmt: skip
    out.seek(0)
    reader = pypdf.PdfReader(out)
    return words(" ".join(page.extract_text() or "" for page in reader.pages))
