"""The three real documents of ../shared/samples: recognised fields and export fidelity.

Skipped when the shared folder is absent. The expected headings and Nơi nhận lines are read
from the source with plain regular expressions (a different path from the importer's), the
other fields are written out.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.importing.service import ImportResult, import_file
from desktop.model.document import Heading, HeadingLevel, SignerPrefix
from desktop.model.kinds import DocumentKind
from tests.services.importing import fidelity

SAMPLES = Path(__file__).resolve().parents[3] / ".." / "shared" / "samples"

pytestmark = pytest.mark.skipif(not SAMPLES.is_dir(), reason="../shared/samples is not available")

# name, kind, title, place, date, signer lines, name, first body words, number/symbol
EXPECTED = {
    "bao-cao-3-nam-binh-son-2023.txt": dict(
        kind=DocumentKind.BAO_CAO,
        title="Kết quả 03 năm thực hiện Chiến lược quốc gia về nghiên cứu, phát triển và ứng "
        "dụng Trí tuệ nhân tạo đến năm 2030 trên địa bàn huyện Bình Sơn",
        place="", date=None, number=None, agency_abbr="", recipients=(),
        signer=[(SignerPrefix.TM, "ỦY BAN NHÂN DÂN"), (SignerPrefix.KT, "CHỦ TỊCH"),
                (None, "PHÓ CHỦ TỊCH")],
        name="Ngô Văn Dũng", archive_note="",
        first="Thực hiện Kế hoạch số 83/KH-UBND",
        closing="UBND huyện Bình Sơn kính báo cáo và đề nghị",
    ),
    "bao-cao-nghi-xuan-2021.txt": dict(
        kind=DocumentKind.BAO_CAO,
        title="Kết quả thực hiện Chiến lược Quốc gia về nghiên cứu, phát triển và ứng dụng Trí "
        "tuệ nhân tạo đến năm 2030",
        place="", date=None, number=None, agency_abbr="",
        recipients=("Sở Khoa học & Công nghệ Hà Tĩnh",),
        signer=[(SignerPrefix.TM, "ỦY BAN NHÂN DÂN"), (SignerPrefix.KT, "CHỦ TỊCH"),
                (None, "PHÓ CHỦ TỊCH")],
        name="Bùi Việt Hùng", archive_note="KT&HT",
        first="Thực hiện Công văn số 1791/KH-SKHCN",
        closing="Trên đây là báo cáo kết quả triển khai thực hiện Chiến lược Quốc gia về nghiên "
        "cứu, phát triển và ứng dụng Trí tuệ nhân tạo đến năm 2030 trong năm 2021, UBND huyện "
        "Nghi Xuân báo cáo để Sở Khoa học và Công nghệ tổng hợp báo cáo UBND tỉnh theo quy định",
    ),
    "ke-hoach-binh-phuoc-2024.txt": dict(
        kind=DocumentKind.KE_HOACH,
        title="Thực hiện Chiến lược quốc gia về nghiên cứu, phát triển và ứng dụng Trí tuệ nhân "
        "tạo đến năm 2030 trên địa bàn tỉnh Bình Phước",
        place="Bình Phước", date=None, number=None, agency_abbr="UBND", recipients=(),
        signer=[(SignerPrefix.KT, "CHỦ TỊCH"), (None, "PHÓ CHỦ TỊCH")],
        name="Trần Tuyết Minh", archive_note="PVX_(Nga.376/24)",
        first="Thực hiện Quyết định số 127/QĐ-TTg",
        closing="Các cơ quan, đơn vị, địa phương có trách nhiệm tổ chức thực hiện Kế hoạch hiệu "
        "quả. Trong quá trình thực hiện, nếu có vấn đề khó khăn, vướng mắc, các đơn vị kịp thời "
        "phản ánh về Sở Khoa học và Công nghệ để tổng hợp, báo cáo, tham mưu UBND tỉnh cụ thể",
    ),
}  # fmt: skip

_CACHE: dict[str, ImportResult] = {}


def _import(name: str) -> ImportResult:
    if name not in _CACHE:
        _CACHE[name] = import_file(SAMPLES / name)
    return _CACHE[name]


def _source(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


def _plain_lines(name: str) -> list[str]:
    return [fidelity._MARKS.sub("", line).strip() for line in _source(name).splitlines()]


def _expected_headings(name: str) -> list[tuple[HeadingLevel, str]]:
    """Outline lines of the source, read with plain regular expressions."""
    out = []
    for line in _plain_lines(name):
        if re.match(r"^(Kính gửi|Nơi nhận)", line):
            continue
        if m := re.match(r"^[IVX]+\.\s+(.+)$", line):
            out.append((HeadingLevel.ROMAN, m.group(1)))
        elif m := re.match(r"^\d+\.\d+\.\s+(.+)$", line):
            out.append((HeadingLevel.DECIMAL, m.group(1)))
        elif m := re.match(r"^\d+\.\s+(.+)$", line):
            out.append((HeadingLevel.ARABIC, m.group(1)))
        elif m := re.match(r"^[a-zđ]\)\s+(.+)$", line):
            out.append((HeadingLevel.LETTER, m.group(1)))
    return out


def _expected_distribution(name: str) -> list[str]:
    lines = _plain_lines(name)
    start = next(i for i, line in enumerate(lines) if line.startswith("Nơi nhận"))
    out = []
    for line in lines[start + 1 :]:
        if line.startswith("- Lưu"):
            break
        if line.startswith("- "):
            out.append(line[2:].rstrip(";"))
    return out


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_recognised_fields(name: str) -> None:
    expected = EXPECTED[name]
    doc = _import(name).document
    assert doc.kind is expected["kind"]
    assert doc.title == expected["title"]
    assert doc.place == expected["place"]
    assert doc.date == expected["date"]
    assert doc.number == expected["number"]
    assert doc.agency_abbr == expected["agency_abbr"]
    assert doc.recipients == expected["recipients"]
    assert [(a.prefix, a.text) for a in doc.signer.lines] == expected["signer"]
    assert doc.signer.name == expected["name"]
    assert doc.archive_note == expected["archive_note"]
    assert doc.closing == expected["closing"]
    assert list(doc.distribution) == _expected_distribution(name)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_heading_with_its_level(name: str) -> None:
    doc = _import(name).document
    headings = [(b.level, b.text) for b in doc.body if isinstance(b, Heading)]
    assert headings == _expected_headings(name)
    assert all(b.numbered for b in doc.body if isinstance(b, Heading))


def test_the_draft_plan_keeps_its_blanks() -> None:
    result = _import("ke-hoach-binh-phuoc-2024.txt")
    assert result.document.number is None and result.document.date is None
    assert result.document.source["header.date_year"] == "2024"
    assert "để trống số" in "\n".join(e.message for e in result.report.entries)


def test_typos_of_the_originals_stay() -> None:
    doc = _import("ke-hoach-binh-phuoc-2024.txt").document
    assert "TTTU, TT HỖND, BTT UBMTTQVN tỉnh" in doc.distribution


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_layout_carries_every_word_in_order(name: str) -> None:
    expected = fidelity.source_body(_source(name), EXPECTED[name]["first"])
    ratio = fidelity.similarity(expected, fidelity.layout_body(_import(name).document))
    assert ratio >= 0.99, ratio


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_docx_export_carries_every_word_in_order(name: str) -> None:
    expected = fidelity.source_body(_source(name), EXPECTED[name]["first"])
    exported = fidelity.slice_between(
        fidelity.docx_words(_import(name).document), expected[:5], "nơi"
    )
    assert fidelity.similarity(expected, exported) >= 0.99


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_pdf_export_carries_every_word_in_order(name: str) -> None:
    expected = fidelity.source_body(_source(name), EXPECTED[name]["first"])
    exported = fidelity.slice_between(
        fidelity.pdf_words(_import(name).document), expected[:5], "nơi"
    )
    assert fidelity.similarity(expected, exported) >= 0.99
