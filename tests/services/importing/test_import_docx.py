"""Word files as Word and other people make them, and Word files that cannot be imported."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from desktop.errors import Cancelled
from desktop.importing.errors import (
    CorruptDocxError,
    EncryptedDocxError,
    FileTooLargeError,
    UnsupportedFormatError,
)
from desktop.importing.legacy_encodings import encode_tcvn3, encode_vni
from desktop.importing.report import Certainty
from desktop.importing.service import ImportResult, import_file
from desktop.jobs import CancelToken
from desktop.model.document import (
    FootnoteRef,
    Heading,
    HeadingLevel,
    ListItem,
    ListMarker,
    Paragraph,
    SignerPrefix,
    Table,
)
from desktop.model.kinds import DocumentKind
from tests.services.importing.docx_builder import DocxBuilder


def build_report(path: Path) -> Path:
    """A báo cáo of a Sở: header table, Word numbering, footnotes, a table, an image, old fonts."""
    b = DocxBuilder()
    b.two_column_table([
        (["UBND TỈNH BÌNH PHƯỚC", [("SỞ NỘI VỤ", {"bold": True})]],
         [[("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", {"bold": True})],
          [("Độc lập - Tự do - Hạnh phúc", {"bold": True})]]),
        (["Số: 169 /BC-SNV"], [[("Bình Phước, ngày 05 tháng 02 năm 2024", {"italic": True})]]),
    ])  # fmt: skip
    b.paragraph("BÁO CÁO", bold=True, center=True)
    b.paragraph("Kết quả thực hiện công tác cải cách hành chính", bold=True, center=True)
    b.paragraph("năm 2023", bold=True, center=True)
    b.paragraph("Kính gửi: Ủy ban nhân dân tỉnh Bình Phước.", center=True)
    opening = b.paragraph(
        "Thực hiện Công văn số 12/UBND-NC ngày 03/01/2024 của Ủy ban nhân dân tỉnh về việc báo "
        "cáo kết quả cải cách hành chính; Sở Nội vụ báo cáo như sau:"
    )
    b.footnote(opening, "Công văn số 12/UBND-NC ngày 03/01/2024 của UBND tỉnh Bình Phước.")
    outline = b.outline_numbering(
        [("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)")]
    )
    bullets = b.outline_numbering([("bullet", "-"), ("bullet", "+")])
    b.paragraph("KẾT QUẢ ĐẠT ĐƯỢC", bold=True, numbering=(outline, 0))
    b.paragraph("Công tác chỉ đạo, điều hành", bold=True, numbering=(outline, 1))
    b.paragraph(
        "Ban hành kế hoạch cải cách hành chính năm 2023 đúng thời hạn.", numbering=(bullets, 0)
    )
    b.paragraph("Kiểm tra 12 cơ quan, đơn vị.", numbering=(bullets, 1))
    b.paragraph(
        [
            ("- ", {}),
            (encode_tcvn3("tổ chức tập huấn cho 250 lượt công chức."), {"font": ".VnTime"}),
        ]
    )
    b.paragraph([(encode_tcvn3("ghi chú quan trọng"), {"font": ".VnTimeH", "bold": True})])
    b.paragraph(
        [("- ", {}), (encode_vni("Hoàn thành số hóa hồ sơ lưu trữ."), {"font": "VNI-Times"})]
    )
    b.paragraph("Cải cách thể chế", bold=True, numbering=(outline, 1))
    b.paragraph([("Rà soát ", {}), ("45", {"bold": True}), (" văn bản quy phạm pháp luật.", {})],
                numbering=(outline, 2))  # fmt: skip
    b.table([["STT", "Nội dung", "Kết quả"], ["1", "Rà soát văn bản", "45 văn bản"],
             ["2", "Kiểm tra", "12 đơn vị"]])  # fmt: skip
    picture = b.paragraph("Hình ảnh hội nghị tổng kết năm 2023:")
    b.image(picture, "Hội nghị tổng kết")
    b.paragraph("NHIỆM VỤ NĂM 2024", bold=True, numbering=(outline, 0))
    b.paragraph([("Tiếp tục thực hiện ", {}), ("các nhiệm vụ", {"italic": True}),
                 (" cải cách hành chính theo kế hoạch./.", {})])  # fmt: skip
    b.two_column_table(
        [([[("Nơi nhận:", {"bold": True, "italic": True})], "- Như trên;", "- Giám đốc Sở;",
           "- Lưu: VT, CCHC."],
          [[("KT. GIÁM ĐỐC", {"bold": True})], [("PHÓ GIÁM ĐỐC", {"bold": True})], "",
           [("Nguyễn Văn An", {"bold": True})]])],
        center=False,
    )  # fmt: skip
    return b.save(path)


@pytest.fixture(scope="module")
def report_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_report(tmp_path_factory.mktemp("docx") / "bao-cao.docx")


@pytest.fixture(scope="module")
def imported(report_docx: Path) -> ImportResult:
    return import_file(report_docx)


def test_header_table(imported: ImportResult) -> None:
    doc = imported.document
    assert doc.kind is DocumentKind.BAO_CAO
    assert (doc.parent_agency, doc.issuing_agency) == ("UBND TỈNH BÌNH PHƯỚC", "SỞ NỘI VỤ")
    assert (doc.number, doc.agency_abbr) == (169, "SNV")
    assert (doc.place, doc.date) == ("Bình Phước", dt.date(2024, 2, 5))
    assert doc.title == "Kết quả thực hiện công tác cải cách hành chính năm 2023"
    assert doc.recipients == ("Ủy ban nhân dân tỉnh Bình Phước",)


def test_word_numbering_gives_levels_and_bullets(imported: ImportResult) -> None:
    body = imported.document.body
    headings = [(b.level, b.text) for b in body if isinstance(b, Heading)]
    assert headings == [
        (HeadingLevel.ROMAN, "KẾT QUẢ ĐẠT ĐƯỢC"),
        (HeadingLevel.ARABIC, "Công tác chỉ đạo, điều hành"),
        (HeadingLevel.ARABIC, "Cải cách thể chế"),
        (HeadingLevel.LETTER, "Rà soát 45 văn bản quy phạm pháp luật."),
        (HeadingLevel.ROMAN, "NHIỆM VỤ NĂM 2024"),
    ]
    items = [(b.marker, b.text) for b in body if isinstance(b, ListItem)]
    assert items[:2] == [
        (ListMarker.DASH, "Ban hành kế hoạch cải cách hành chính năm 2023 đúng thời hạn."),
        (ListMarker.PLUS, "Kiểm tra 12 cơ quan, đơn vị."),
    ]
    letter = next(b for b in body if isinstance(b, Heading) and b.level is HeadingLevel.LETTER)
    assert [r.text for r in letter.content if getattr(r, "bold", False)] == ["45"]


def test_legacy_font_runs_are_converted(imported: ImportResult) -> None:
    texts = [b.text for b in imported.document.body if not isinstance(b, Table)]
    assert "tổ chức tập huấn cho 250 lượt công chức." in texts
    assert "Hoàn thành số hóa hồ sơ lưu trữ." in texts
    assert "GHI CHÚ QUAN TRỌNG" in texts  # .VnTimeH draws capitals
    assert "TCVN3" in imported.report.encoding and "VNI" in imported.report.encoding


def test_real_footnotes_are_attached(imported: ImportResult) -> None:
    opening = imported.document.body[0]
    assert isinstance(opening, Paragraph)
    notes = [i for i in opening.content if isinstance(i, FootnoteRef)]
    assert [n.plain_text for n in notes] == [
        "Công văn số 12/UBND-NC ngày 03/01/2024 của UBND tỉnh Bình Phước."
    ]


def test_table_with_header_row(imported: ImportResult) -> None:
    table = next(b for b in imported.document.body if isinstance(b, Table))
    assert table.header_rows == 1
    assert [[c.text for c in row] for row in table.rows] == [
        ["STT", "Nội dung", "Kết quả"], ["1", "Rà soát văn bản", "45 văn bản"],
        ["2", "Kiểm tra", "12 đơn vị"],
    ]  # fmt: skip
    assert table.column_widths is not None and len(table.column_widths) == 3


def test_image_is_kept_for_evidence(imported: ImportResult) -> None:
    (image,) = imported.images
    assert image.content_type == "image/png"
    assert image.data.startswith(b"\x89PNG")
    assert image.description == "Hội nghị tổng kết"
    anchor = next(b for b in imported.document.body if b.id == image.block_id)
    assert isinstance(anchor, Paragraph) and anchor.text.startswith("Hình ảnh hội nghị")


def test_closing_table(imported: ImportResult) -> None:
    doc = imported.document
    assert doc.closing == "Tiếp tục thực hiện các nhiệm vụ cải cách hành chính theo kế hoạch"
    assert doc.distribution == ("Như trên", "Giám đốc Sở")
    assert doc.archive_note == "CCHC"
    assert [(a.prefix, a.text) for a in doc.signer.lines] == [
        (SignerPrefix.KT, "GIÁM ĐỐC"),
        (None, "PHÓ GIÁM ĐỐC"),
    ]
    assert doc.signer.name == "Nguyễn Văn An"
    assert doc.source["format"] == "docx"


def test_import_reports_progress_and_can_be_cancelled(report_docx: Path) -> None:
    steps: list[tuple[int, int, str]] = []
    import_file(report_docx, progress=lambda d, t, label: steps.append((d, t, label)))
    assert steps[0][0] == 0 and steps[-1][0] == steps[-1][1]
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        import_file(report_docx, cancel=token)


# --------------------------------------------------------------------------------------------
# Refusals


def test_truncated_docx(report_docx: Path, tmp_path: Path) -> None:
    data = report_docx.read_bytes()
    broken = tmp_path / "cut.docx"
    broken.write_bytes(data[: len(data) // 2])
    with pytest.raises(CorruptDocxError) as info:
        import_file(broken)
    assert "bị hỏng hoặc không trọn vẹn" in info.value.message


def test_corrupt_xml_inside(report_docx: Path, tmp_path: Path) -> None:
    broken = tmp_path / "xml.docx"
    with zipfile.ZipFile(report_docx) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 3]
            dst.writestr(item, data)
    with pytest.raises(CorruptDocxError):
        import_file(broken)


def test_password_protected_docx(tmp_path: Path) -> None:
    # What Word writes for an encrypted document: an OLE compound file, not a zip.
    ole = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)
    ole += "EncryptionInfo".encode("utf-16-le") + b"\x00" * 64
    ole += "EncryptedPackage".encode("utf-16-le") + b"\x00" * 2048
    path = tmp_path / "mat-khau.docx"
    path.write_bytes(bytes(ole))
    with pytest.raises(EncryptedDocxError) as info:
        import_file(path)
    assert "mật khẩu" in info.value.message


def test_old_binary_doc(tmp_path: Path) -> None:
    path = tmp_path / "cu.doc"
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096 + "WordDocument".encode("utf-16-le")
    )
    with pytest.raises(UnsupportedFormatError) as info:
        import_file(path)
    assert ".doc" in info.value.message


def test_zip_that_is_not_word(tmp_path: Path) -> None:
    path = tmp_path / "bang.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        package.writestr("content.xml", "<office:document-content/>")
    with pytest.raises(UnsupportedFormatError) as info:
        import_file(path)
    assert "OpenDocument" in info.value.message


def test_docx_name_on_a_text_file(tmp_path: Path) -> None:
    path = tmp_path / "gia.docx"
    path.write_text("BÁO CÁO\n\nNội dung", encoding="utf-8")
    with pytest.raises(CorruptDocxError):
        import_file(path)


def test_oversized_docx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.importing import docx_reader

    path = build_report(tmp_path / "lon.docx")
    monkeypatch.setattr(docx_reader, "MAX_DOCX_BYTES", 1000)
    with pytest.raises(FileTooLargeError):
        import_file(path)


def test_a_report_of_unsure_points_is_data(imported: ImportResult) -> None:
    data = imported.report.to_json()
    assert data["format"] == "docx"
    assert data["counts"]["images"] == 1
    assert {e["certainty"] for e in data["entries"]} <= {c.value for c in Certainty}
    assert "Nguyễn Văn An" in imported.report.to_text()
