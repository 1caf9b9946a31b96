"""The import report: what the importer recognised, what it adjusted, what it was unsure of.

The CLI prints it (or its JSON form); the window shows the same data next to the new draft so
the user can check the doubtful points first. Messages are Vietnamese sentences; `field` names
the part of the document concerned in the model's terms (`number`, `body[12]`, `signer` …) so a
window can jump to it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Certainty(StrEnum):
    RECOGNIZED = "recognized"  # found and taken over as it was
    ADJUSTED = "adjusted"  # a format mark removed or normalised; the words are unchanged
    UNSURE = "unsure"  # a guess: check it
    NOT_IMPORTED = "not-imported"  # present in the source, not in the draft


CERTAINTY_LABELS: dict[Certainty, str] = {
    Certainty.RECOGNIZED: "Đã nhận ra",
    Certainty.ADJUSTED: "Đã chuẩn hóa",
    Certainty.UNSURE: "Cần kiểm tra",
    Certainty.NOT_IMPORTED: "Không nhập",
}


@dataclass(frozen=True)
class ReportEntry:
    certainty: Certainty
    field: str
    message: str
    line: int | None = None  # line (text) or paragraph (Word) number in the source
    excerpt: str = ""

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "certainty": self.certainty.value,
            "field": self.field,
            "message": self.message,
        }
        if self.line is not None:
            out["line"] = self.line
        if self.excerpt:
            out["excerpt"] = self.excerpt
        return out


@dataclass(frozen=True)
class ImportReport:
    source_name: str
    source_format: str  # "txt", "md", "docx", "paste"
    encoding: str
    entries: tuple[ReportEntry, ...]
    counts: Mapping[str, int] = field(default_factory=dict)

    def by_certainty(self, certainty: Certainty) -> tuple[ReportEntry, ...]:
        return tuple(e for e in self.entries if e.certainty is certainty)

    @property
    def unsure(self) -> tuple[ReportEntry, ...]:
        return self.by_certainty(Certainty.UNSURE)

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source_name,
            "format": self.source_format,
            "encoding": self.encoding,
            "counts": dict(self.counts),
            "entries": [e.to_json() for e in self.entries],
        }

    def to_text(self) -> str:
        """The report as the CLI prints it: a summary, then the entries grouped by certainty."""
        lines = [f"Báo cáo nhập “{self.source_name}” (bảng mã: {self.encoding})"]
        if self.counts:
            parts = [f"{_COUNT_LABELS.get(k, k)}: {v}" for k, v in self.counts.items() if v]
            lines.append("  " + "; ".join(parts))
        for certainty in (Certainty.UNSURE, Certainty.NOT_IMPORTED, Certainty.ADJUSTED,
                          Certainty.RECOGNIZED):  # fmt: skip
            group = self.by_certainty(certainty)
            if not group:
                continue
            lines.append(f"{CERTAINTY_LABELS[certainty]} ({len(group)}):")
            for entry in group:
                where = f" [dòng {entry.line}]" if entry.line is not None else ""
                lines.append(f"  - {entry.message}{where}")
        return "\n".join(lines)


_COUNT_LABELS = {
    "headings": "đề mục",
    "paragraphs": "đoạn văn",
    "list_items": "gạch đầu dòng",
    "tables": "bảng",
    "footnotes": "chú thích",
    "legal_bases": "căn cứ",
    "recipients": "nơi gửi",
    "distribution": "nơi nhận",
    "images": "hình ảnh",
    "appendices": "phụ lục",
}


class ReportBuilder:
    """Collects entries while the importer works."""

    def __init__(self) -> None:
        self._entries: list[ReportEntry] = []

    def add(self, certainty: Certainty, field: str, message: str, *, line: int | None = None,
            excerpt: str = "") -> None:  # fmt: skip
        if len(excerpt) > 80:
            excerpt = excerpt[:77] + "…"
        self._entries.append(ReportEntry(certainty, field, message, line, excerpt))

    def recognized(self, field: str, message: str, *, line: int | None = None) -> None:
        self.add(Certainty.RECOGNIZED, field, message, line=line)

    def adjusted(self, field: str, message: str, *, line: int | None = None) -> None:
        self.add(Certainty.ADJUSTED, field, message, line=line)

    def unsure(self, field: str, message: str, *, line: int | None = None,
               excerpt: str = "") -> None:  # fmt: skip
        self.add(Certainty.UNSURE, field, message, line=line, excerpt=excerpt)

    def not_imported(self, field: str, message: str, *, line: int | None = None) -> None:
        self.add(Certainty.NOT_IMPORTED, field, message, line=line)

    @property
    def entries(self) -> tuple[ReportEntry, ...]:
        return tuple(self._entries)

    def build(self, source_name: str, source_format: str, encoding: str,
              counts: Counter[str] | Mapping[str, int]) -> ImportReport:  # fmt: skip
        return ImportReport(source_name, source_format, encoding, self.entries, dict(counts))
