"""The office profile: each install's own agency data, defaults for new documents and page setup."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from desktop.model.document import SignerBlock, _normalize_text_fields


class SizeProfile(StrEnum):
    """Spec §3.2: A = Government practice (recommended), B = the decree's sample column."""

    A = "A"
    B = "B"


# The decree's ranges (spec §1), in millimetres.
MARGIN_RANGES: dict[str, tuple[float, float]] = {
    "top": (20.0, 25.0),
    "bottom": (20.0, 25.0),
    "left": (30.0, 35.0),
    "right": (15.0, 20.0),
}
FIRST_LINE_INDENTS_CM: tuple[float, ...] = (1.0, 1.27)


@dataclass(frozen=True)
class Margins:
    top: float = 20.0
    bottom: float = 20.0
    left: float = 30.0
    right: float = 15.0

    def problems(self) -> list[str]:
        out = []
        for name, (low, high) in MARGIN_RANGES.items():
            value = getattr(self, name)
            if not low <= value <= high:
                out.append(
                    f"lề {_MARGIN_NAMES[name]} {value:g} mm ngoài khoảng {low:g}–{high:g} mm"
                )
        return out


_MARGIN_NAMES = {"top": "trên", "bottom": "dưới", "left": "trái", "right": "phải"}


@dataclass(frozen=True)
class SignerPreset:
    label: str
    signer: SignerBlock

    def __post_init__(self) -> None:
        _normalize_text_fields(self)


@dataclass(frozen=True)
class OfficeProfile:
    parent_agency: str = ""
    issuing_agency: str = ""
    agency_abbr: str = ""
    unit_abbr: str = ""
    place: str = ""
    signers: tuple[SignerPreset, ...] = ()
    distribution: tuple[str, ...] = ()
    footer_address: str = ""
    size_profile: SizeProfile = SizeProfile.A
    margins: Margins = field(default_factory=Margins)
    first_line_indent_cm: float = 1.27
    line_spacing: float = 1.15  # multiple of single spacing, 1.0–1.5
    paragraph_spacing_pt: float = 6.0  # space before each body paragraph, ≥ 6 pt
    email_limit_mb: float = 25.0

    def __post_init__(self) -> None:
        _normalize_text_fields(self)

    @property
    def default_signer(self) -> SignerBlock:
        return self.signers[0].signer if self.signers else SignerBlock()

    @property
    def is_configured(self) -> bool:
        return bool(self.issuing_agency.strip())

    def problems(self) -> list[str]:
        out = self.margins.problems()
        if self.first_line_indent_cm not in FIRST_LINE_INDENTS_CM:
            out.append("thụt đầu dòng phải là 1 cm hoặc 1,27 cm")
        if not 1.0 <= self.line_spacing <= 1.5:
            out.append("giãn dòng phải từ 1,0 đến 1,5 dòng")
        if self.paragraph_spacing_pt < 6:
            out.append("khoảng cách giữa các đoạn phải từ 6 pt trở lên")
        if self.email_limit_mb <= 0:
            out.append("giới hạn dung lượng thư điện tử phải lớn hơn 0")
        return out

    def with_changes(self, **changes: Any) -> OfficeProfile:
        return replace(self, **changes)
