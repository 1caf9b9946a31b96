"""The JSON form of a document as a file: `baocao dump` and `baocao load`.

The format (`desktop.model.serialize`, schema in `resources/schema/document.schema.json`) is the
interchange and template format. Loading a file either adds a new document or, with `replace_id`,
overwrites one (after keeping its current state as a `before-replace` snapshot): an edit made
outside the program.
"""

from __future__ import annotations

import json
from typing import Any

from desktop.errors import UserError
from desktop.model.document import Document
from desktop.model.serialize import DocumentFormatError, document_from_json, dumps_document
from desktop.services.records import (
    SnapshotReason,
    insert_document,
    load_record,
    stored_from_record,
    write_document,
)
from desktop.services.store import Store


def dump(store: Store, document_id: int) -> str:
    """The document's JSON text (UTF-8, indented, keys in a fixed order, ending with a newline)."""
    with store.read() as db:
        return dumps_document(stored_from_record(load_record(db, document_id)).document)


def parse(text: str, source_name: str = "") -> Document:
    """Parse a document file, turning format errors into one Vietnamese line naming the field."""
    where = f"Tệp {source_name}" if source_name else "Dữ liệu JSON"
    if text.startswith("\ufeff"):  # Notepad on Windows saves UTF-8 with a BOM
        text = text[1:]
    value = _json_value(text, where)
    try:
        return document_from_json(value)
    except RecursionError:
        raise UserError(f"{where} không hợp lệ: cấu trúc lồng nhau quá sâu") from None
    except DocumentFormatError as exc:
        field = "" if exc.path == "$" else f" ở trường {exc.path.removeprefix('$.')}"
        raise UserError(f"{where} không hợp lệ{field}: {exc.message}") from None
    except ValueError as exc:  # a value the model itself refuses
        raise UserError(f"{where} không hợp lệ: {exc}") from None


def _json_value(text: str, where: str) -> Any:
    """`json.loads`, with every way a hostile or damaged file can fail it in Vietnamese."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(
            f"{where} không hợp lệ: JSON không hợp lệ (dòng {exc.lineno}, cột {exc.colno})"
        ) from None
    except RecursionError:
        # `[[[[…]]]]` nested a hundred thousand deep exhausts the parser's stack.
        raise UserError(f"{where} không hợp lệ: cấu trúc JSON lồng nhau quá sâu") from None
    except ValueError:
        # Python refuses integers of more than 4,300 digits (a denial-of-service guard).
        raise UserError(f"{where} không hợp lệ: có số quá dài") from None


def load(store: Store, text: str, *, replace_id: int | None = None, source_name: str = "") -> int:
    """Add the document in `text`, or overwrite document `replace_id` with it; return the id."""
    doc = parse(text, source_name)
    with store.write() as db:
        if replace_id is None:
            return insert_document(store, db, doc)
        write_document(store, db, replace_id, doc, snapshot_reason=SnapshotReason.BEFORE_REPLACE)
        return replace_id
