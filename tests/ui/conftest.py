"""pytest-qt, offscreen: the platform is chosen before anything imports Qt."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.model.document import (
    AuthorityLine,
    Document,
    FootnoteRef,
    Heading,
    HeadingLevel,
    ListItem,
    ListMarker,
    Paragraph,
    Run,
    SignerBlock,
    SignerPrefix,
    Table,
    TableCell,
    runs,
)
from desktop.model.kinds import DocumentKind
from desktop.model.profile import OfficeProfile, SignerPreset
from desktop.services import documents as documents_service
from desktop.services import profile as profile_service
from desktop.services.store import Store, StoreSettings, open_store

SHOTS = Path(os.environ.get("BAOCAO_SHOTS", "/tmp/baocao-shots"))

PROFILE = OfficeProfile(
    parent_agency="UBND TỈNH HÀ TĨNH",
    issuing_agency="ỦY BAN NHÂN DÂN HUYỆN NGHI XUÂN",
    agency_abbr="UBND",
    unit_abbr="VP",
    place="Nghi Xuân",
    signers=(
        SignerPreset(
            "Chủ tịch",
            SignerBlock(
                (AuthorityLine("ỦY BAN NHÂN DÂN", SignerPrefix.TM), AuthorityLine("CHỦ TỊCH")),
                "Nguyễn Văn An",
            ),
        ),
        SignerPreset(
            "Phó Chủ tịch",
            SignerBlock(
                (
                    AuthorityLine("ỦY BAN NHÂN DÂN", SignerPrefix.TM),
                    AuthorityLine("CHỦ TỊCH", SignerPrefix.KT),
                    AuthorityLine("PHÓ CHỦ TỊCH"),
                ),
                "Trần Thị Bình",
            ),
        ),
    ),
    distribution=("Như trên", "Thường trực Huyện ủy", "Lãnh đạo UBND huyện"),
)


def report_document() -> Document:
    """A small báo cáo with every kind of block."""
    return Document(
        kind=DocumentKind.BAO_CAO,
        title="Kết quả thực hiện chuyển đổi số năm 2025",
        parent_agency=PROFILE.parent_agency,
        issuing_agency=PROFILE.issuing_agency,
        agency_abbr="UBND",
        unit_abbr="VP",
        place="Nghi Xuân",
        recipients=("Sở Khoa học và Công nghệ tỉnh Hà Tĩnh",),
        body=(
            Paragraph(
                runs("Thực hiện Công văn số 1791/SKHCN, UBND huyện báo cáo như sau:"), id="pre"
            ),
            Heading(HeadingLevel.ROMAN, runs("Kết quả đạt được"), id="h1"),
            Heading(HeadingLevel.ARABIC, runs("Công tác chỉ đạo"), id="h11"),
            Paragraph(
                (
                    Run("Ban hành "),
                    Run("03 kế hoạch", bold=True),
                    Run(" triển khai"),
                    FootnoteRef((Run("Kế hoạch số 12/KH-UBND ngày 05/02/2025"),)),
                    Run("."),
                ),
                id="p11",
            ),
            ListItem(ListMarker.DASH, runs("Tuyên truyền trên Cổng thông tin"), id="li1"),
            ListItem(ListMarker.PLUS, runs("Đăng 25 tin bài"), id="li2"),
            Heading(HeadingLevel.ARABIC, runs("Hạ tầng số"), id="h12"),
            Table(
                rows=(
                    (TableCell(runs("Chỉ tiêu")), TableCell(runs("Kết quả"))),
                    (TableCell(runs("Hồ sơ trực tuyến")), TableCell(runs("964"))),
                ),
                id="t1",
            ),
            Heading(HeadingLevel.ROMAN, runs("Khó khăn, vướng mắc"), id="h2"),
            Paragraph(runs("Kinh phí còn hạn chế."), id="p2"),
            Heading(HeadingLevel.ROMAN, runs("Kiến nghị"), id="h3"),
            Paragraph(runs("Đề nghị tỉnh hỗ trợ kinh phí."), id="p3"),
        ),
        closing="Trên đây là báo cáo kết quả thực hiện chuyển đổi số năm 2025",
        signer=PROFILE.signers[0].signer,
        distribution=PROFILE.distribution,
        archive_note="VP",
    )


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "du-lieu"


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    s = open_store(data_dir, settings=StoreSettings(backup_on_open=False))
    profile_service.set_profile(s, PROFILE)
    yield s
    s.close()


@pytest.fixture
def document_id(store: Store) -> int:
    return documents_service.add(store, report_document())


@pytest.fixture
def window(qtbot, store, document_id):  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    w = MainWindow(store, producer="baocao (kiểm thử)")
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    yield w
    w.session.flush()
    w.runner.shutdown(10000)
    w.preview.shutdown()


def type_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type Vietnamese text as key events carrying the text (QTest.keyClicks aborts on non-ASCII)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        key = Qt.Key.Key_Space if ch == " " else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))


def press(widget, key, modifiers=None) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    mods = modifiers if modifiers is not None else Qt.KeyboardModifier.NoModifier
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, mods))
