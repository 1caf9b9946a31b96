"""The signing tool's text (`Ký bởi: …`, `Email: …`, `Cơ quan: …`, `Thời gian ký: …`).

Digitally signed PDFs carry the appearance text of each signature in their text layer, so it
comes along when the text is copied: at the top of page 1 for the agency signature, by the
signer block for the personal one. It is a fact about the source, not part of the document:
it goes to `Document.source` (`signature.1.signer`, `signature.1.time` …) and leaves the body.
A line such as `Email: …` counts only next to a line that names the signing (`Ký bởi`,
`Thời gian ký` …), so an ordinary `Cơ quan: …` sentence of the body stays where it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.importing.lines import LineKind, classify
from desktop.importing.report import ReportBuilder
from desktop.importing.source import SourceLine

_FIELDS = {
    "ky boi": "signer", "nguoi ky": "signer", "signed by": "signer", "ky so boi": "signer",
    "duoc ky boi": "signer", "digitally signed by": "signer",
    "thoi gian ky": "time", "ngay ky": "time", "ngay gio ky": "time", "signing time": "time",
    "date": "time", "email": "email", "e-mail": "email", "co quan": "organization",
    "to chuc": "organization", "don vi": "organization", "chuc vu": "position",
    "signature valid": "status", "signature not verified": "status", "reason": "reason",
    "location": "location",
}  # fmt: skip

# Keys that may follow one another on a single line (the stamp text squeezed onto one line).
_INLINE_KEYS = re.compile(
    r"(Ký\s+bởi|Người\s+ký|Email|E-mail|Cơ\s+quan|Tổ\s+chức|Chức\s+vụ|Thời\s+gian\s+ký|"
    r"Ngày\s+ký)\s*:",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SigningText:
    fields: dict[str, str]  # "signature.1.signer" → "Ủy ban nhân dân tỉnh Bình Phước"
    removed_lines: int


def _field_name(key: str) -> str:
    from desktop.importing.lines import fold

    return _FIELDS.get(fold(key).lower(), "note")


def extract_signing_text(
    lines: list[SourceLine], report: ReportBuilder
) -> tuple[list[SourceLine], SigningText]:
    """Remove the signing tool's blocks from `lines`; return the rest and what they said."""
    kinds = [classify(line.text) for line in lines]
    keep: list[SourceLine] = []
    fields: dict[str, str] = {}
    removed = 0
    signature = 0
    index = 0
    while index < len(lines):
        if kinds[index].kind is not LineKind.SIGNING_META:
            keep.append(lines[index])
            index += 1
            continue
        end = index
        while end < len(lines) and kinds[end].kind is LineKind.SIGNING_META:
            end += 1
        block = range(index, end)
        if not any(kinds[i].meta_strong for i in block):
            keep.extend(lines[i] for i in block)
            index = end
            continue
        signature += 1
        for i in block:
            for key, value in _pairs(lines[i].text):
                name = f"signature.{signature}.{_field_name(key)}"
                fields[name] = f"{fields[name]}; {value}" if name in fields else value
        removed += len(block)
        report.adjusted(
            "source",
            f"Chữ ký số thứ {signature}: đã chuyển thông tin “Ký bởi / Thời gian ký” vào "
            "thông tin nguồn, không để trong nội dung.",
            line=lines[index].number,
        )
        index = end
    return keep, SigningText(fields, removed)


def _pairs(text: str) -> list[tuple[str, str]]:
    """`Ký bởi: A Email: b Thời gian ký: c` → [("Ký bởi", "A"), ("Email", "b"), …]."""
    matches = list(_INLINE_KEYS.finditer(text))
    if not matches or matches[0].start() != 0:
        c = classify(text)
        return [(c.meta_key or "note", c.rest)]
    out: list[tuple[str, str]] = []
    for position, match in enumerate(matches):
        end = matches[position + 1].start() if position + 1 < len(matches) else len(text)
        out.append((" ".join(match.group(1).split()), text[match.end() : end].strip()))
    return out
