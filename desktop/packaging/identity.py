"""How a document is named outside the program: number and symbol, labels, bag names, dates."""

from __future__ import annotations

import datetime as dt

from desktop.model.document import Document
from desktop.model.grammar import format_document_number, symbol
from desktop.model.kinds import kind_info
from desktop.packaging.names import ascii_slug

# Vietnam has one time zone and no daylight saving: dates printed in a package are office dates.
VIETNAM_TZ = dt.timezone(dt.timedelta(hours=7), "+07:00")


def office_time(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        raise ValueError("naive datetime: pass an aware one")
    return moment.astimezone(VIETNAM_TZ)


def number_symbol(document: Document) -> str:
    """`12/BC-UBND`; a draft without a number gives `…/BC-UBND`."""
    sym = symbol(document.kind, document.agency_abbr, document.unit_abbr)
    number = format_document_number(document.number) if document.number else "…"
    return f"{number}/{sym}"


def document_label(document: Document) -> str:
    """`Báo cáo số 12/BC-UBND` / `Báo cáo (dự thảo, chưa có số)`."""
    label = kind_info(document.kind).label
    if document.number is None:
        return f"{label} (dự thảo, chưa có số)"
    return f"{label} số {number_symbol(document)}"


def subject(document: Document) -> str:
    """The trích yếu on one line (what `Internal-Sender-Description` carries)."""
    return " ".join(document.title.split()) or kind_info(document.kind).label


def base_name(document: Document, document_id: int, when: dt.datetime) -> str:
    """ASCII bag/zip name: `bao-cao_12-BC-UBND_2024-05-01` or `bao-cao_du-thao-7_2024-05-01`."""
    day = (document.date or office_time(when).date()).isoformat()
    if document.number is None:
        middle = f"du-thao-{document_id}"
    else:
        middle = ascii_slug(number_symbol(document), keep_case=True) or f"van-ban-{document_id}"
    return f"{document.kind.value}_{middle}_{day}"
