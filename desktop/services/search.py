"""Diacritic-insensitive full-text search over every document.

The store indexes two shadow columns per document, both folded here: the title, and all visible
text (number line, agencies, body, tables, footnotes, signer, Nơi nhận, appendices). FTS5's
`remove_diacritics 2` makes "bao cao" find "báo cáo"; đ/Đ are folded to d/D before indexing and
before querying, so "dak glei" finds "Đắk Glei". Queries are quoted term by term
(`db.fts.match_expression`), so "123/BC-SNV" is a phrase, not FTS syntax.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from db import documents as db_documents
from db.fts import match_expression
from desktop.model.document import Block, Document, Heading, Inline, ListItem, Paragraph, Table
from desktop.model.document import FootnoteRef as _Footnote
from desktop.model.grammar import format_document_number, signer_lines, symbol
from desktop.model.kinds import kind_info
from desktop.model.text import fold_for_search, nfc
from desktop.services.store import Store
from desktop.services.summaries import DocumentSummary, summary_from_row

DEFAULT_LIMIT = 50


def fold(text: str) -> str:
    """The one folding applied to indexed text and to queries: NFC, then đ→d."""
    return fold_for_search(nfc(text))


def _inline_text(content: tuple[Inline, ...]) -> str:
    """Runs joined as written (a bold part may be half a word); footnotes set apart."""
    parts = []
    for item in content:
        if isinstance(item, _Footnote):
            parts.append(" " + "".join(r.text for r in item.runs) + " ")
        else:
            parts.append(item.text)
    return "".join(parts)


def _block_texts(blocks: tuple[Block, ...]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Heading | Paragraph | ListItem):
            yield _inline_text(block.content)
        elif isinstance(block, Table):
            if block.caption:
                yield block.caption
            for row in block.rows:
                yield " | ".join(_inline_text(c.content) for c in row)


def _number_texts(doc: Document) -> Iterator[str]:
    sym = symbol(doc.kind, doc.agency_abbr, doc.unit_abbr)
    yield sym
    if doc.number is not None:
        yield f"{format_document_number(doc.number)}/{sym}"
        if doc.number < 10:  # people type 5/BC-UBND as often as 05/BC-UBND
            yield f"{doc.number}/{sym}"


def _texts(doc: Document) -> Iterator[str]:
    yield kind_info(doc.kind).label
    yield from _number_texts(doc)
    yield from (doc.parent_agency, doc.issuing_agency, doc.place)
    yield from doc.recipients
    yield from doc.legal_bases
    yield from _block_texts(doc.body)
    yield doc.closing
    yield from signer_lines(doc.signer)
    yield doc.signer.name
    yield from doc.distribution
    yield doc.archive_note
    for appendix in doc.appendices:
        yield appendix.title
        yield appendix.reference
        yield from _block_texts(appendix.body)
    yield from doc.source.values()


def search_columns(doc: Document) -> tuple[str, str]:
    """The folded (title, text) pair the index stores for a document."""
    return fold(doc.title), fold("\n".join(t for t in _texts(doc) if t))


@dataclass(frozen=True)
class SearchResult:
    summary: DocumentSummary
    in_title: bool  # every term is in the title (these come first)


def search(
    store: Store, query: str, *, limit: int = DEFAULT_LIMIT, include_deleted: bool = False
) -> list[SearchResult]:
    """Documents matching every term of `query`: title matches first, then newest-edited first.

    [] when the query has no word to search for.
    """
    expression = match_expression(fold(query))
    if not expression:
        return []
    with store.read() as db:
        hits = db_documents.search_documents(
            db, expression, limit=limit, include_deleted=include_deleted
        )
    return [SearchResult(summary_from_row(h.row), h.in_title) for h in hits]
