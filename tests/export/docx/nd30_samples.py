"""The three real documents of ../shared/samples/ as the app's JSON, written by script.

The text files are extractions of published documents; this script turns each into the
interchange JSON (`baocao load` input): header facts the text does not carry (agency names, the
number and date of the Bình Sơn report, which its extraction lost) are given per sample below,
everything else is read from the text — headings by their labels (I., 1.), "-" and "+" items,
**bold** and *italic* runs, paragraphs split at page ends joined again, Nơi nhận and the signer.
It is test tooling, not the importer.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.model.document import (
    AuthorityLine,
    Block,
    Document,
    Heading,
    HeadingLevel,
    Inline,
    ListItem,
    ListMarker,
    Paragraph,
    Run,
    SignerBlock,
    SignerPrefix,
)
from desktop.model.kinds import DocumentKind
from desktop.model.serialize import document_to_json

SAMPLES_DIR = Path(__file__).resolve().parents[3] / ".." / "shared" / "samples"


@dataclass(frozen=True)
class SampleFacts:
    file: str
    kind: DocumentKind
    parent_agency: str
    issuing_agency: str
    agency_abbr: str
    place: str
    number: int | None = None
    date: dt.date | None = None
    unit_abbr: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


SAMPLES: tuple[SampleFacts, ...] = (
    SampleFacts(
        "bao-cao-3-nam-binh-son-2023.txt", DocumentKind.BAO_CAO,
        "UBND TỈNH QUẢNG NGÃI", "ỦY BAN NHÂN DÂN HUYỆN BÌNH SƠN", "UBND", "Bình Sơn",
        number=5, date=dt.date(2023, 12, 5), unit_abbr="KTHT",
    ),  # test values: the extraction lost the real number and date
    SampleFacts(
        "bao-cao-nghi-xuan-2021.txt", DocumentKind.BAO_CAO,
        "UBND TỈNH HÀ TĨNH", "ỦY BAN NHÂN DÂN HUYỆN NGHI XUÂN", "UBND", "Nghi Xuân",
    ),
    SampleFacts(
        "ke-hoach-binh-phuoc-2024.txt", DocumentKind.KE_HOACH,
        "", "ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC", "UBND", "Bình Phước",
    ),
)  # fmt: skip

_ROMAN = re.compile(r"^([IVX]+)\.\s+(.+)$")
_ARABIC = re.compile(r"^(\d{1,2})\.\s+(.+)$")
_PREFIX = re.compile(r"^(TM|KT|Q|TL|TUQ)\.\s+(.+)$")
_END = tuple('.;:!?)"”')


def available() -> bool:
    return SAMPLES_DIR.is_dir()


def _strip_markup(line: str) -> str:
    line = re.sub(r"^#+\s*", "", line.strip())
    return line


def _inline(text: str) -> tuple[Inline, ...]:
    """`**bold**` and `*italic*` → runs; the markers themselves are dropped."""
    out: list[Inline] = []
    for part in re.split(r"(\*\*[^*]+\*\*|\*[^*]+\*)", text):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**"):
            out.append(Run(part[2:-2], bold=True))
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            out.append(Run(part[1:-1], italic=True))
        else:
            out.append(Run(part))
    return tuple(out)


def _plain(text: str) -> str:
    return text.replace("**", "").replace("*", "").strip()


def _joined_lines(lines: list[str]) -> list[str]:
    """Join paragraphs that a page end split in two (no final punctuation, next line lower)."""
    out: list[str] = []
    for line in lines:
        plain = _plain(line)
        continues = plain[:1].islower() or (plain[:1].isdigit() and not _ARABIC.match(plain))
        if out and len(_plain(out[-1])) > 80 and not _plain(out[-1]).endswith(_END) and continues:
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _block(line: str) -> Block:
    plain = _plain(line)
    if m := _ROMAN.match(plain):
        return Heading(HeadingLevel.ROMAN, (Run(m.group(2)),))
    if (m := _ARABIC.match(plain)) and len(plain) <= 120 and not plain.endswith("."):
        return Heading(HeadingLevel.ARABIC, (Run(m.group(2)),))
    if plain.startswith("- +") or plain.startswith("+ "):
        return ListItem(ListMarker.PLUS, _inline(re.sub(r"^(- )?\+\s*", "", line.strip())))
    if plain.startswith("- "):
        return ListItem(ListMarker.DASH, _inline(line.strip()[2:]))
    return Paragraph(_inline(line.strip()))


def sample_document(facts: SampleFacts) -> Document:
    raw = (SAMPLES_DIR / facts.file).read_text(encoding="utf-8")
    lines = [_strip_markup(line) for line in raw.splitlines()]
    lines = [line for line in lines if line]
    title_index = next(i for i, line in enumerate(lines) if _plain(line) in ("BÁO CÁO", "KẾ HOẠCH"))
    title = _plain(lines[title_index + 1])
    rest = lines[title_index + 2 :]
    recipients: tuple[str, ...] = ()
    if rest and _plain(rest[0]).startswith("Kính gửi:"):
        recipients = (_plain(rest[0]).removeprefix("Kính gửi:").strip().rstrip("."),)
        rest = rest[1:]
    end = next(i for i, line in enumerate(rest) if _plain(line).startswith("Nơi nhận"))
    body_lines = _joined_lines(rest[:end])
    closing = ""
    if body_lines and re.search(r"\./\.?$", _plain(body_lines[-1])):
        closing = re.sub(r"\./\.?$", "", _plain(body_lines.pop()))
    tail = [_plain(line) for line in rest[end + 1 :]]
    distribution = [t for t in tail if t.startswith("- ")]
    signer_lines = [t for t in tail if not t.startswith("- ")]
    archive = next(t for t in distribution if t.startswith("- Lưu"))
    entries = tuple(t[2:].rstrip(";").strip() for t in distribution if t is not archive)
    archive_note = (
        archive.removeprefix("- Lưu:").strip().rstrip(".").removeprefix("VT").lstrip(", ")
    )
    authority = []
    for text in signer_lines[:-1]:
        if m := _PREFIX.match(text):
            authority.append(AuthorityLine(m.group(2), SignerPrefix(f"{m.group(1)}.")))
        else:
            authority.append(AuthorityLine(text))
    return Document(
        kind=facts.kind,
        title=title,
        parent_agency=facts.parent_agency,
        issuing_agency=facts.issuing_agency,
        agency_abbr=facts.agency_abbr,
        unit_abbr=facts.unit_abbr,
        number=facts.number,
        place=facts.place,
        date=facts.date,
        recipients=recipients,
        body=tuple(_block(line) for line in body_lines),
        closing=closing,
        signer=SignerBlock(tuple(authority), signer_lines[-1]),
        distribution=entries,
        archive_note=archive_note,
        source={"file": facts.file},
    )


def sample_json(facts: SampleFacts) -> dict[str, Any]:
    return document_to_json(sample_document(facts))
