"""What a document list shows: the short columns of a stored document, typed, without the body.

A summary wraps the storage row and converts on access: listing 5,000 documents builds 5,000
small objects and parses nothing until a column is actually shown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from db.documents import DocumentRow
from desktop.model.document import STATUS_LABELS, DocumentStatus
from desktop.model.grammar import format_document_number, symbol
from desktop.model.kinds import DocumentKind, kind_info
from desktop.services.clock import from_iso

_KINDS = {k.value: k for k in DocumentKind}
_STATUSES = {s.value: s for s in DocumentStatus}


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    row: DocumentRow

    @property
    def id(self) -> int:
        return self.row.id

    @property
    def kind(self) -> DocumentKind:
        return _KINDS[self.row.kind]

    @property
    def status(self) -> DocumentStatus:
        return _STATUSES[self.row.status]

    @property
    def number(self) -> int | None:
        return self.row.number

    @property
    def title(self) -> str:
        return self.row.title

    @property
    def agency_abbr(self) -> str:
        return self.row.agency_abbr

    @property
    def unit_abbr(self) -> str:
        return self.row.unit_abbr

    @property
    def date(self) -> dt.date | None:
        return _date(self.row.doc_date)

    @property
    def year(self) -> int:
        return self.row.year

    @property
    def deadline(self) -> dt.date | None:
        return _date(self.row.deadline)

    @property
    def created_at(self) -> dt.datetime:
        return from_iso(self.row.created_at)

    @property
    def updated_at(self) -> dt.datetime:
        return from_iso(self.row.updated_at)

    @property
    def deleted_at(self) -> dt.datetime | None:
        return from_iso(self.row.deleted_at) if self.row.deleted_at else None

    @property
    def revision(self) -> int:
        return self.row.revision

    @property
    def is_deleted(self) -> bool:
        return self.row.deleted_at is not None

    @property
    def kind_label(self) -> str:
        return kind_info(self.kind).label

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def number_symbol(self) -> str:
        """`05/BC-UBND`, or `…/BC-UBND` while the number is blank."""
        sym = symbol(self.kind, self.row.agency_abbr, self.row.unit_abbr)
        number = format_document_number(self.row.number) if self.row.number else "…"
        return f"{number}/{sym}"


def summary_from_row(row: DocumentRow) -> DocumentSummary:
    return DocumentSummary(row)
