"""Fill what the source did not say from the office profile, and say so in the import report.

Text copied from a PDF often starts at "Số:" or even at the kind line: the agency names, their
abbreviations and the place were in a header the extraction lost. A user importing last year's
report of their own office expects their office there — not a blank the checker then flags —
so every field the source left empty takes the profile's value, each one reported as a guess to
check. Fields the source did give are never overwritten: the words stay the source's.
"""

from __future__ import annotations

from dataclasses import replace

from desktop.importing.report import Certainty, ReportEntry
from desktop.importing.service import ImportResult
from desktop.model.document import Document
from desktop.model.profile import OfficeProfile

# (document field, profile field, Vietnamese label) in the order they appear on page 1.
_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("parent_agency", "parent_agency", "cơ quan chủ quản"),
    ("issuing_agency", "issuing_agency", "cơ quan ban hành"),
    ("agency_abbr", "agency_abbr", "ký hiệu cơ quan"),
    ("unit_abbr", "unit_abbr", "ký hiệu đơn vị soạn thảo"),
    ("place", "place", "địa danh"),
)


def with_office_defaults(result: ImportResult, profile: OfficeProfile) -> ImportResult:
    """`result` with empty header fields (and an absent signer) taken from `profile`."""
    doc = result.document
    changes: dict[str, object] = {}
    entries: list[ReportEntry] = []
    # The parent agency belongs with the issuing agency: only borrow it when both are missing,
    # or a source that names its own issuing agency would get this office's parent above it.
    borrow_agency = not doc.issuing_agency.strip()
    for doc_field, profile_field, label in _FIELDS:
        if doc_field == "parent_agency" and not borrow_agency:
            continue
        value = str(getattr(profile, profile_field)).strip()
        if value and not str(getattr(doc, doc_field)).strip():
            changes[doc_field] = value
            entries.append(
                _entry(
                    doc_field, f"Không thấy {label} trong tệp; đã lấy “{value}” từ hồ sơ cơ quan."
                )
            )
    if not doc.archive_note.strip() and profile.unit_abbr.strip() and not doc.distribution:
        changes["archive_note"] = profile.unit_abbr.strip()
    if _signer_missing(doc) and profile.signers:
        preset = profile.signers[0]
        changes["signer"] = preset.signer
        entries.append(
            _entry(
                "signer",
                f"Không thấy khối chữ ký; đã lấy người ký mặc định “{preset.label}” từ hồ sơ cơ quan.",
            )
        )
    if not changes:
        return result
    report = replace(result.report, entries=(*result.report.entries, *entries))
    return replace(result, document=doc.with_changes(**changes), report=report)


def _signer_missing(doc: Document) -> bool:
    return not doc.signer.name.strip() and not any(line.text.strip() for line in doc.signer.lines)


def _entry(field: str, message: str) -> ReportEntry:
    return ReportEntry(Certainty.UNSURE, field, message)


__all__ = ["with_office_defaults"]
