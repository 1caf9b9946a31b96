"""What the checker reports: one `Finding` per broken rule, with a plain Vietnamese fix."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "lỗi"
    WARNING = "cảnh báo"


@dataclass(frozen=True)
class Location:
    """Where a finding is: a model element/block (app documents) or a paragraph/page (files)."""

    element: str  # e.g. "Quốc hiệu", "Số, ký hiệu", "Nội dung", "Trang 2"
    block_id: str | None = None  # model block id, for a click-through in the window
    paragraph: int | None = None  # 1-based paragraph index in a DOCX body
    page: int | None = None  # 1-based page number in a PDF

    def describe(self) -> str:
        parts = [self.element]
        if self.paragraph is not None:
            parts.append(f"đoạn {self.paragraph}")
        if self.page is not None:
            parts.append(f"trang {self.page}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Finding:
    rule: str  # stable rule id, e.g. "date.leading-zero"
    severity: Severity
    location: Location
    message: str  # what is wrong, in Vietnamese
    fix: str  # how to fix it, in Vietnamese
    spec: str  # section of nd30-format.md, e.g. "§3.1 ô 4"

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "where": self.location.describe(),
            "block_id": self.location.block_id,
            "paragraph": self.location.paragraph,
            "page": self.location.page,
            "message": self.message,
            "fix": self.fix,
            "spec": self.spec,
        }


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)
