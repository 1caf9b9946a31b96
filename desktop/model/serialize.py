"""The documented, versioned JSON form of a document and of the office profile.

This is the interchange and template format (`baocao dump` / `baocao load`) and the form the store
keeps. `resources/schema/document.schema.json` describes it; `FORMAT` and `VERSION` identify it.
Parsing is strict: an unknown field or a wrong type raises `DocumentFormatError` naming the field.
"""

from __future__ import annotations

import builtins
import datetime as dt
import json
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from desktop.model.document import (
    Appendix,
    AuthorityLine,
    Block,
    Document,
    DocumentStatus,
    FootnoteRef,
    Heading,
    HeadingLevel,
    Inline,
    ListItem,
    ListMarker,
    PageBreak,
    Paragraph,
    PeriodKind,
    ReportingPeriod,
    Run,
    Secrecy,
    SignerBlock,
    SignerPrefix,
    Table,
    TableCell,
    Urgency,
)
from desktop.model.kinds import DocumentKind
from desktop.model.profile import Margins, OfficeProfile, SignerPreset, SizeProfile

FORMAT = "baocao.document"
VERSION = 1
PROFILE_FORMAT = "baocao.profile"


class DocumentFormatError(ValueError):
    """The JSON does not describe a valid document; `path` names the offending field."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


# --------------------------------------------------------------------------------------------
# Writing


def inline_to_json(item: Inline) -> dict[str, Any]:
    if isinstance(item, FootnoteRef):
        return {"footnote": [inline_to_json(r) for r in item.runs]}
    out: dict[str, Any] = {"text": item.text}
    for flag in ("bold", "italic", "underline"):
        if getattr(item, flag):
            out[flag] = True
    return out


def _content(content: tuple[Inline, ...]) -> list[dict[str, Any]]:
    return [inline_to_json(i) for i in content]


def block_to_json(block: Block) -> dict[str, Any]:
    match block:
        case Heading():
            out: dict[str, Any] = {
                "type": "heading",
                "id": block.id,
                "level": block.level.value,
                "content": _content(block.content),
            }
            if not block.numbered:
                out["numbered"] = False
            if not block.titled:
                out["titled"] = False
            return out
        case Paragraph():
            return {"type": "paragraph", "id": block.id, "content": _content(block.content)}
        case ListItem():
            return {
                "type": "item",
                "id": block.id,
                "marker": block.marker.value,
                "content": _content(block.content),
            }
        case Table():
            table: dict[str, Any] = {
                "type": "table",
                "id": block.id,
                "header_rows": block.header_rows,
                "rows": [
                    [
                        {
                            "content": _content(c.content),
                            **({"col_span": c.col_span} if c.col_span != 1 else {}),
                            **({"bold": True} if c.bold else {}),
                        }
                        for c in row
                    ]
                    for row in block.rows
                ],
            }
            if block.column_widths is not None:
                table["column_widths"] = list(block.column_widths)
            if block.caption:
                table["caption"] = block.caption
            return table
        case PageBreak():
            return {"type": "page-break", "id": block.id}
    raise TypeError(f"unknown block {block!r}")


def signer_to_json(signer: SignerBlock) -> dict[str, Any]:
    return {
        "lines": [
            {"text": line.text, **({"prefix": line.prefix.value} if line.prefix else {})}
            for line in signer.lines
        ],
        "name": signer.name,
    }


def document_to_json(doc: Document) -> dict[str, Any]:
    """The JSON-ready dict of a document (keys in a fixed order, so dumps are stable)."""
    out: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "kind": doc.kind.value,
        "status": doc.status.value,
        "title": doc.title,
        "authority": doc.authority,
        "parent_agency": doc.parent_agency,
        "issuing_agency": doc.issuing_agency,
        "agency_abbr": doc.agency_abbr,
        "unit_abbr": doc.unit_abbr,
        "number": doc.number,
        "place": doc.place,
        "date": doc.date.isoformat() if doc.date else None,
        "recipients": list(doc.recipients),
        "legal_bases": list(doc.legal_bases),
        "urgency": doc.urgency.value if doc.urgency else None,
        "secrecy": doc.secrecy.value if doc.secrecy else None,
        "body": [block_to_json(b) for b in doc.body],
        "closing": doc.closing,
        "signer": signer_to_json(doc.signer),
        "distribution": list(doc.distribution),
        "archive_note": doc.archive_note,
        "drafter_initials": doc.drafter_initials,
        "copies": doc.copies,
        "footer_address": doc.footer_address,
        "appendices": [
            {
                "id": a.id,
                "title": a.title,
                "reference": a.reference,
                "body": [block_to_json(b) for b in a.body],
            }
            for a in doc.appendices
        ],
        "reporting_period": (
            {
                "kind": doc.reporting_period.kind.value,
                "year": doc.reporting_period.year,
                "index": doc.reporting_period.index,
            }
            if doc.reporting_period
            else None
        ),
        "deadline": doc.deadline.isoformat() if doc.deadline else None,
        "source": dict(sorted(doc.source.items())),
    }
    return out


def dumps_document(doc: Document) -> str:
    return json.dumps(document_to_json(doc), ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------------------------
# Reading

E = TypeVar("E")


class _Reader:
    """Walks a JSON value and keeps the path for error messages."""

    def __init__(self, value: Any, path: str) -> None:
        self.value = value
        self.path = path

    def fail(self, message: builtins.str) -> DocumentFormatError:
        return DocumentFormatError(self.path, message)

    def obj(self, allowed: set[builtins.str], required: set[builtins.str] = frozenset()) -> dict[builtins.str, Any]:  # type: ignore[assignment]
        if not isinstance(self.value, dict):
            raise self.fail("phải là một đối tượng JSON")
        unknown = set(self.value) - allowed
        if unknown:
            raise self.fail(f"trường không được hỗ trợ: {', '.join(sorted(unknown))}")
        missing = required - set(self.value)
        if missing:
            raise self.fail(f"thiếu trường: {', '.join(sorted(missing))}")
        return self.value

    def at(self, key: builtins.str | builtins.int) -> _Reader:
        container = self.value
        sub = container[key] if isinstance(key, int) else container.get(key)
        path = f"{self.path}[{key}]" if isinstance(key, int) else f"{self.path}.{key}"
        return _Reader(sub, path)

    def str(self, default: builtins.str | None = None) -> builtins.str:
        if self.value is None and default is not None:
            return default
        if not isinstance(self.value, str):
            raise self.fail("phải là chuỗi")
        return self.value

    def bool(self, default: builtins.bool = False) -> builtins.bool:
        if self.value is None:
            return default
        if not isinstance(self.value, bool):
            raise self.fail("phải là true hoặc false")
        return self.value

    def int(self, *, optional: builtins.bool = False, minimum: builtins.int | None = None) -> builtins.int | None:
        if self.value is None and optional:
            return None
        if not isinstance(self.value, int) or isinstance(self.value, bool):
            raise self.fail("phải là số nguyên")
        if minimum is not None and self.value < minimum:
            raise self.fail(f"phải lớn hơn hoặc bằng {minimum}")
        return self.value

    def float(self, default: builtins.float | None = None) -> builtins.float:
        if self.value is None and default is not None:
            return default
        if not isinstance(self.value, int | float) or isinstance(self.value, bool):
            raise self.fail("phải là số")
        return float(self.value)

    def date(self) -> dt.date | None:
        if self.value is None:
            return None
        if not isinstance(self.value, str):
            raise self.fail("phải là ngày dạng YYYY-MM-DD")
        try:
            return dt.date.fromisoformat(self.value)
        except ValueError:
            raise self.fail(
                f"ngày không tồn tại hoặc sai dạng YYYY-MM-DD: {self.value!r}"
            ) from None

    def list(self, item: Callable[[_Reader], E]) -> tuple[E, ...]:
        if self.value is None:
            return ()
        if not isinstance(self.value, list):
            raise self.fail("phải là một danh sách")
        return tuple(item(self.at(i)) for i in range(len(self.value)))

    def enum(self, enum: type[Any], *, optional: builtins.bool = False) -> Any:
        if self.value is None and optional:
            return None
        try:
            return enum(self.value)
        except ValueError:
            accepted = ", ".join(str(m.value) for m in enum)
            raise self.fail(
                f"giá trị không hợp lệ {self.value!r} (chấp nhận: {accepted})"
            ) from None


def _inline(r: _Reader) -> Inline:
    if isinstance(r.value, dict) and "footnote" in r.value:
        r.obj({"footnote"})
        return FootnoteRef(r.at("footnote").list(_run))
    return _run(r)


def _run(r: _Reader) -> Run:
    r.obj({"text", "bold", "italic", "underline"}, {"text"})
    return Run(
        r.at("text").str(),
        bold=r.at("bold").bool(),
        italic=r.at("italic").bool(),
        underline=r.at("underline").bool(),
    )


def _block_id(r: _Reader) -> dict[str, str]:
    value = r.at("id").value
    if value is None:
        return {}
    return {"id": r.at("id").str()}


def _block(r: _Reader) -> Block:
    if not isinstance(r.value, dict):
        raise r.fail("phải là một đối tượng JSON")
    kind = r.value.get("type")
    if kind == "heading":
        r.obj({"type", "id", "level", "content", "numbered", "titled"}, {"level", "content"})
        return Heading(
            level=r.at("level").enum(HeadingLevel),
            content=r.at("content").list(_inline),
            numbered=r.at("numbered").bool(default=True),
            titled=r.at("titled").bool(default=True),
            **_block_id(r),
        )
    if kind == "paragraph":
        r.obj({"type", "id", "content"}, {"content"})
        return Paragraph(content=r.at("content").list(_inline), **_block_id(r))
    if kind == "item":
        r.obj({"type", "id", "marker", "content"}, {"marker", "content"})
        return ListItem(
            marker=r.at("marker").enum(ListMarker),
            content=r.at("content").list(_inline),
            **_block_id(r),
        )
    if kind == "table":
        r.obj({"type", "id", "rows", "header_rows", "column_widths", "caption"}, {"rows"})
        widths_r = r.at("column_widths")
        widths = None if widths_r.value is None else widths_r.list(lambda w: w.float())
        return Table(
            rows=r.at("rows").list(lambda row: row.list(_cell)),
            header_rows=_header_rows(r.at("header_rows")),
            column_widths=widths,
            caption=r.at("caption").str(default=""),
            **_block_id(r),
        )
    if kind == "page-break":
        r.obj({"type", "id"})
        return PageBreak(**_block_id(r))
    raise r.at("type").fail(
        f"loại khối không hợp lệ {kind!r} (chấp nhận: heading, paragraph, item, table, page-break)"
    )


def _header_rows(r: _Reader) -> int:
    if r.value is None:
        return 1
    value = r.int(minimum=0)
    assert value is not None
    return value


def _cell(r: _Reader) -> TableCell:
    r.obj({"content", "col_span", "bold"}, {"content"})
    span = r.at("col_span").int(optional=True, minimum=1)
    return TableCell(
        content=r.at("content").list(_inline), col_span=span or 1, bold=r.at("bold").bool()
    )


def _authority_line(r: _Reader) -> AuthorityLine:
    r.obj({"text", "prefix"}, {"text"})
    return AuthorityLine(
        text=r.at("text").str(), prefix=r.at("prefix").enum(SignerPrefix, optional=True)
    )


def _signer(r: _Reader) -> SignerBlock:
    if r.value is None:
        return SignerBlock()
    r.obj({"lines", "name"})
    return SignerBlock(lines=r.at("lines").list(_authority_line), name=r.at("name").str(""))


def _appendix(r: _Reader) -> Appendix:
    r.obj({"id", "title", "reference", "body"}, {"title"})
    return Appendix(
        title=r.at("title").str(),
        reference=r.at("reference").str(""),
        body=r.at("body").list(_block),
        **_block_id(r),
    )


def _period(r: _Reader) -> ReportingPeriod | None:
    if r.value is None:
        return None
    r.obj({"kind", "year", "index"}, {"kind", "year"})
    year = r.at("year").int(minimum=1900)
    assert year is not None
    return ReportingPeriod(
        kind=r.at("kind").enum(PeriodKind),
        year=year,
        index=r.at("index").int(optional=True, minimum=1) or 1,
    )


_DOCUMENT_FIELDS = {
    "format", "version", "kind", "status", "title", "authority", "parent_agency",
    "issuing_agency", "agency_abbr", "unit_abbr", "number", "place", "date", "recipients",
    "legal_bases", "urgency", "secrecy", "body", "closing", "signer", "distribution",
    "archive_note", "drafter_initials", "copies", "footer_address", "appendices",
    "reporting_period", "deadline", "source",
}  # fmt: skip


def document_from_json(value: Any) -> Document:
    """Parse the JSON form (already decoded) into a `Document`; strict about fields and types."""
    r = _Reader(value, "$")
    r.obj(_DOCUMENT_FIELDS, {"format", "version", "kind"})
    if r.value["format"] != FORMAT:
        raise r.at("format").fail(f"không phải tệp văn bản baocao (cần {FORMAT!r})")
    version = r.at("version").int()
    if version is None or version > VERSION:
        raise r.at("version").fail(
            f"phiên bản {version} mới hơn phiên bản ứng dụng hỗ trợ ({VERSION}); hãy cập nhật ứng dụng"
        )
    source_r = r.at("source")
    source: dict[str, str] = {}
    if source_r.value is not None:
        if not isinstance(source_r.value, dict):
            raise source_r.fail("phải là một đối tượng JSON")
        source = {str(k): source_r.at(str(k)).str() for k in source_r.value}
    return Document(
        kind=r.at("kind").enum(DocumentKind),
        status=r.at("status").enum(DocumentStatus, optional=True) or DocumentStatus.DRAFT,
        title=r.at("title").str(""),
        authority=r.at("authority").str(""),
        parent_agency=r.at("parent_agency").str(""),
        issuing_agency=r.at("issuing_agency").str(""),
        agency_abbr=r.at("agency_abbr").str(""),
        unit_abbr=r.at("unit_abbr").str(""),
        number=r.at("number").int(optional=True, minimum=1),
        place=r.at("place").str(""),
        date=r.at("date").date(),
        recipients=r.at("recipients").list(lambda x: x.str()),
        legal_bases=r.at("legal_bases").list(lambda x: x.str()),
        urgency=r.at("urgency").enum(Urgency, optional=True),
        secrecy=r.at("secrecy").enum(Secrecy, optional=True),
        body=r.at("body").list(_block),
        closing=r.at("closing").str(""),
        signer=_signer(r.at("signer")),
        distribution=r.at("distribution").list(lambda x: x.str()),
        archive_note=r.at("archive_note").str(""),
        drafter_initials=r.at("drafter_initials").str(""),
        copies=r.at("copies").int(optional=True, minimum=1),
        footer_address=r.at("footer_address").str(""),
        appendices=r.at("appendices").list(_appendix),
        reporting_period=_period(r.at("reporting_period")),
        deadline=r.at("deadline").date(),
        source=source,
    )


def loads_document(text: str) -> Document:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DocumentFormatError(
            "$", f"JSON không hợp lệ (dòng {exc.lineno}, cột {exc.colno})"
        ) from None
    return document_from_json(value)


# --------------------------------------------------------------------------------------------
# Office profile


def profile_to_json(profile: OfficeProfile) -> dict[str, Any]:
    return {
        "format": PROFILE_FORMAT,
        "version": VERSION,
        "parent_agency": profile.parent_agency,
        "issuing_agency": profile.issuing_agency,
        "agency_abbr": profile.agency_abbr,
        "unit_abbr": profile.unit_abbr,
        "place": profile.place,
        "signers": [{"label": p.label, **signer_to_json(p.signer)} for p in profile.signers],
        "distribution": list(profile.distribution),
        "footer_address": profile.footer_address,
        "size_profile": profile.size_profile.value,
        "margins": {
            "top": profile.margins.top,
            "bottom": profile.margins.bottom,
            "left": profile.margins.left,
            "right": profile.margins.right,
        },
        "first_line_indent_cm": profile.first_line_indent_cm,
        "line_spacing": profile.line_spacing,
        "paragraph_spacing_pt": profile.paragraph_spacing_pt,
        "email_limit_mb": profile.email_limit_mb,
    }


def profile_from_json(value: Mapping[str, Any]) -> OfficeProfile:
    r = _Reader(dict(value), "$")
    r.obj(
        {
            "format", "version", "parent_agency", "issuing_agency", "agency_abbr", "unit_abbr",
            "place", "signers", "distribution", "footer_address", "size_profile", "margins",
            "first_line_indent_cm", "line_spacing", "paragraph_spacing_pt", "email_limit_mb",
        }
    )  # fmt: skip

    def preset(p: _Reader) -> SignerPreset:
        p.obj({"label", "lines", "name"})
        return SignerPreset(
            label=p.at("label").str(""),
            signer=_signer(_Reader({k: v for k, v in p.value.items() if k != "label"}, p.path)),
        )

    m = r.at("margins")
    margins = Margins()
    if m.value is not None:
        m.obj({"top", "bottom", "left", "right"})
        margins = Margins(
            top=m.at("top").float(margins.top),
            bottom=m.at("bottom").float(margins.bottom),
            left=m.at("left").float(margins.left),
            right=m.at("right").float(margins.right),
        )
    defaults = OfficeProfile()
    return OfficeProfile(
        parent_agency=r.at("parent_agency").str(""),
        issuing_agency=r.at("issuing_agency").str(""),
        agency_abbr=r.at("agency_abbr").str(""),
        unit_abbr=r.at("unit_abbr").str(""),
        place=r.at("place").str(""),
        signers=r.at("signers").list(preset),
        distribution=r.at("distribution").list(lambda x: x.str()),
        footer_address=r.at("footer_address").str(""),
        size_profile=r.at("size_profile").enum(SizeProfile, optional=True) or SizeProfile.A,
        margins=margins,
        first_line_indent_cm=r.at("first_line_indent_cm").float(defaults.first_line_indent_cm),
        line_spacing=r.at("line_spacing").float(defaults.line_spacing),
        paragraph_spacing_pt=r.at("paragraph_spacing_pt").float(defaults.paragraph_spacing_pt),
        email_limit_mb=r.at("email_limit_mb").float(defaults.email_limit_mb),
    )
