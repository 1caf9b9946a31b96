"""Helpers for tests that need a store: a controllable clock, a store in a temp folder, and a few
realistic documents built with the model."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop.model.document import (
    Appendix,
    AuthorityLine,
    Document,
    FootnoteRef,
    Heading,
    HeadingLevel,
    ListItem,
    ListMarker,
    Paragraph,
    PeriodKind,
    ReportingPeriod,
    Run,
    SignerBlock,
    SignerPrefix,
    Table,
    TableCell,
    runs,
)
from desktop.model.kinds import DocumentKind
from desktop.model.profile import Margins, OfficeProfile, SignerPreset, SizeProfile
from desktop.services.store import Store, StoreSettings, open_store

START = dt.datetime(2026, 3, 5, 8, 0, tzinfo=dt.UTC)


class FakeClock:
    """Starts at `start` and moves only when told: history and backup tests never sleep."""

    def __init__(self, start: dt.datetime = START) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> dt.datetime:
        self.now += dt.timedelta(**delta)
        return self.now


def make_store(folder: Path, clock: FakeClock | None = None, **settings: object) -> Store:
    return open_store(folder, clock=clock or FakeClock(), settings=StoreSettings(**settings))  # type: ignore[arg-type]


OFFICE = OfficeProfile(
    parent_agency="UBND TỈNH KON TUM",
    issuing_agency="ỦY BAN NHÂN DÂN HUYỆN ĐẮK GLEI",
    agency_abbr="UBND",
    unit_abbr="VP",
    place="Đắk Glei",
    signers=(
        SignerPreset(
            "Phó Chủ tịch",
            SignerBlock(
                (
                    AuthorityLine("ỦY BAN NHÂN DÂN", SignerPrefix.TM),
                    AuthorityLine("CHỦ TỊCH", SignerPrefix.KT),
                    AuthorityLine("PHÓ CHỦ TỊCH"),
                ),
                "Nguyễn Văn An",
            ),
        ),
    ),
    distribution=("Như trên", "Sở Nội vụ", "TT Huyện ủy, TT HĐND huyện"),
    footer_address="Số 1 Hùng Vương, thị trấn Đắk Glei; ĐT: 0260 3838 000",
    size_profile=SizeProfile.A,
    margins=Margins(20, 20, 30, 15),
)


def report(title: str = "Kết quả chuyển đổi số quý I năm 2026 tại huyện Đắk Glei") -> Document:
    """A báo cáo with every kind of block, a footnote, a table and an appendix."""
    return Document(
        kind=DocumentKind.BAO_CAO,
        title=title,
        parent_agency=OFFICE.parent_agency,
        issuing_agency=OFFICE.issuing_agency,
        agency_abbr="UBND",
        unit_abbr="VP",
        number=123,
        place="Đắk Glei",
        date=dt.date(2026, 3, 5),
        recipients=("Ủy ban nhân dân tỉnh Kon Tum",),
        legal_bases=("Căn cứ Kế hoạch số 15/KH-UBND ngày 10 tháng 01 năm 2026",),
        body=(
            Heading(HeadingLevel.ROMAN, runs("Kết quả thực hiện")),
            Heading(HeadingLevel.ARABIC, runs("Hạ tầng số")),
            Paragraph(
                (
                    Run("Toàn huyện đã có "),
                    Run("100%", bold=True),
                    Run(" xã kết nối mạng truyền số liệu chuyên dùng"),
                    FootnoteRef((Run("Theo số liệu của Viễn thông Kon Tum."),)),
                    Run("."),
                )
            ),
            ListItem(ListMarker.DASH, runs("Số hóa hồ sơ đạt 87%;")),
            ListItem(ListMarker.PLUS, runs("xã Đắk Pék đạt 95%.")),
            Table(
                rows=(
                    (TableCell(runs("Chỉ tiêu"), bold=True), TableCell(runs("Kết quả"), bold=True)),
                    (TableCell(runs("Hồ sơ trực tuyến")), TableCell(runs("964"))),
                ),
                column_widths=(3.0, 1.0),
                caption="Bảng 1",
            ),
            Heading(HeadingLevel.LETTER, runs("Khó khăn")),
        ),
        closing="Ủy ban nhân dân huyện Đắk Glei kính báo cáo",
        signer=OFFICE.default_signer,
        distribution=OFFICE.distribution,
        archive_note="VP",
        drafter_initials="NVA",
        copies=5,
        appendices=(Appendix("Số liệu chi tiết", (Paragraph(runs("Xem bảng kèm theo.")),)),),
        reporting_period=ReportingPeriod(PeriodKind.QUARTERLY, 2026, 1),
        deadline=dt.date(2026, 3, 15),
        source={"tệp gốc": "bao-cao-quy-1.docx"},
    )
