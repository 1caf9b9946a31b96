"""The "Ký & Nơi nhận" tab: closing sentence, signer block (with the profile's presets), Nơi nhận,
the Lưu line, drafter initials and copies, and the footer address of a công văn."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.editing.fields import (
    format_authority_lines,
    join_lines,
    parse_authority_lines,
    parse_positive_int,
    split_lines,
)
from desktop.errors import UserError
from desktop.model.document import Document, SignerBlock
from desktop.model.profile import OfficeProfile
from desktop.services import profile as profile_service
from ui.editor.binder import FormBinder, field_getter, field_setter
from ui.session import DocumentSession, ViewState


def _signer_lines_set(doc: Document, lines: object) -> Document:
    return doc.with_changes(signer=SignerBlock(lines=lines, name=doc.signer.name))  # type: ignore[arg-type]


def _signer_name_set(doc: Document, name: object) -> Document:
    return doc.with_changes(signer=SignerBlock(lines=doc.signer.lines, name=str(name)))


def _buddy(text: str, widget: QWidget) -> QLabel:
    """A row label whose &-letter focuses `widget`."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label


class ClosingForm(QScrollArea):
    profileChanged = Signal(object)  # the office profile after "Lưu làm mẫu"
    message = Signal(str)

    def __init__(self, session: DocumentSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.profile = OfficeProfile()
        self.setWidgetResizable(True)
        self.binder = FormBinder(session, "closing", self)
        inner = QWidget()
        outer = QVBoxLayout(inner)

        top = QFormLayout()
        # Two lines: the closing sentence of a báo cáo is long and must be read whole.
        self.closing = QPlainTextEdit()
        self.closing.setPlaceholderText(
            "Câu kết, ví dụ: Trên đây là báo cáo … (dấu ./. được thêm khi in)"
        )
        self.closing.setTabChangesFocus(True)
        self.closing.setFixedHeight(self.closing.fontMetrics().lineSpacing() * 2 + 14)
        top.addRow(_buddy("Câu &kết:", self.closing), self.closing)
        self.binder.text(self.closing, "câu kết", field_getter("closing"),
                         field_setter("closing"), to_text=str,
                         parse=lambda t: " ".join(t.split()))  # fmt: skip
        outer.addLayout(top)

        signer_box = QGroupBox("Người ký")
        signer_form = QFormLayout(signer_box)
        presets = QHBoxLayout()
        self.signer_presets = QComboBox()
        self.signer_presets.setToolTip("Người ký đã lưu trong hồ sơ cơ quan")
        self.apply_signer = QPushButton("Dùng người ký này")
        self.apply_signer.setToolTip("Điền quyền hạn, chức vụ và họ tên từ mẫu đã chọn")
        self.apply_signer.clicked.connect(self._apply_signer_preset)
        self.save_signer = QPushButton("Lưu làm mẫu")
        self.save_signer.setToolTip(
            "Lưu người ký dưới đây vào hồ sơ cơ quan để chọn lại cho văn bản khác"
        )
        self.save_signer.clicked.connect(self.save_signer_preset)
        presets.addWidget(self.signer_presets, 1)
        presets.addWidget(self.apply_signer)
        presets.addWidget(self.save_signer)
        signer_form.addRow(_buddy("&Mẫu đã lưu:", self.signer_presets), presets)
        self.signer_lines = QPlainTextEdit()
        self.signer_lines.setPlaceholderText(
            "Mỗi dòng một chức danh, ví dụ:\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
        )
        self.signer_lines.setTabChangesFocus(True)
        self.signer_lines.setFixedHeight(self.signer_lines.fontMetrics().lineSpacing() * 4 + 14)
        signer_form.addRow("&Quyền hạn, chức vụ:", self.signer_lines)
        self.binder.text(self.signer_lines, "chức vụ người ký", lambda d: d.signer.lines,
                         _signer_lines_set, to_text=format_authority_lines,
                         parse=parse_authority_lines)  # fmt: skip
        self.signer_name = QLineEdit()
        self.signer_name.setPlaceholderText("Họ và tên, không ghi học hàm, học vị")
        signer_form.addRow("&Họ tên:", self.signer_name)
        self.binder.line(self.signer_name, "họ tên người ký", lambda d: d.signer.name,
                         _signer_name_set)  # fmt: skip
        outer.addWidget(signer_box)

        dist_box = QGroupBox("Nơi nhận")
        dist_form = QFormLayout(dist_box)
        self.distribution = QPlainTextEdit()
        self.distribution.setPlaceholderText("Mỗi nơi một dòng; “- ” và “;” được thêm khi in")
        self.distribution.setTabChangesFocus(True)
        self.distribution.setFixedHeight(self.distribution.fontMetrics().lineSpacing() * 5 + 14)
        dist_form.addRow("&Nơi nhận:", self.distribution)
        self.binder.text(self.distribution, "Nơi nhận", field_getter("distribution"),
                         field_setter("distribution"), to_text=join_lines, parse=split_lines)  # fmt: skip
        self.default_distribution = QPushButton("Dùng Nơi nhận mặc định")
        self.default_distribution.clicked.connect(self._apply_default_distribution)
        default_row = QHBoxLayout()
        default_row.addWidget(self.default_distribution)
        default_row.addStretch(1)
        dist_form.addRow("", default_row)
        self.archive_note = QLineEdit()
        self.archive_note.setPlaceholderText("đơn vị lưu sau “Lưu: VT,”, ví dụ VP")
        dist_form.addRow("&Lưu: VT,", self.archive_note)
        self.binder.line(self.archive_note, "dòng Lưu", field_getter("archive_note"),
                         field_setter("archive_note"))  # fmt: skip
        marks = QHBoxLayout()
        self.drafter = QLineEdit()
        self.drafter.setPlaceholderText("ví dụ PL")
        self.copies = QLineEdit()
        self.copies.setPlaceholderText("số bản")
        marks.addWidget(self.drafter)
        marks.addWidget(QLabel("Số lượng bản:"))
        marks.addWidget(self.copies)
        dist_form.addRow(_buddy("Người s&oạn thảo:", self.drafter), marks)
        self.binder.line(self.drafter, "ký hiệu người soạn thảo", field_getter("drafter_initials"),
                         field_setter("drafter_initials"))  # fmt: skip
        self.binder.line(self.copies, "số lượng bản", field_getter("copies"), field_setter("copies"),
                         parse=lambda t: parse_positive_int(t, "Số lượng bản"))  # fmt: skip
        outer.addWidget(dist_box)

        footer = QFormLayout()
        self.footer_address = QLineEdit()
        self.footer_address.setPlaceholderText(
            "Địa chỉ, điện thoại, thư điện tử (công văn, chân trang 1)"
        )
        footer.addRow(_buddy("Địa chỉ chân tr&ang:", self.footer_address), self.footer_address)
        self.binder.line(self.footer_address, "địa chỉ chân trang", field_getter("footer_address"),
                         field_setter("footer_address"))  # fmt: skip
        outer.addLayout(footer)

        self.error = QLabel()
        self.error.setStyleSheet("color: #b91c1c;")
        self.error.setWordWrap(True)
        outer.addWidget(self.error)
        outer.addStretch(1)
        self.binder.errorChanged.connect(self.error.setText)
        self.setWidget(inner)

    def set_profile(self, profile: OfficeProfile) -> None:
        self.profile = profile
        self.signer_presets.clear()
        for preset in profile.signers:
            label = preset.label or " / ".join(line.text for line in preset.signer.lines)
            self.signer_presets.addItem(label)
        has = bool(profile.signers)
        self.signer_presets.setEnabled(has)
        self.apply_signer.setEnabled(has)
        self.default_distribution.setEnabled(bool(profile.distribution))
        self.default_distribution.setToolTip(
            "Thay danh sách trên bằng Nơi nhận của hồ sơ cơ quan"
            if profile.distribution
            else "Hồ sơ cơ quan chưa có Nơi nhận mặc định (Tệp → Hồ sơ cơ quan…)"
        )
        self.signer_presets.setToolTip(
            "Người ký đã lưu trong hồ sơ cơ quan"
            if has
            else "Chưa lưu người ký nào: điền bên dưới rồi bấm “Lưu làm mẫu”"
        )

    def _apply_signer_preset(self) -> None:
        doc = self.session.document
        index = self.signer_presets.currentIndex()
        if doc is None or not 0 <= index < len(self.profile.signers):
            return
        preset = self.profile.signers[index].signer
        name = preset.name or doc.signer.name
        new = doc.with_changes(signer=SignerBlock(lines=preset.lines, name=name))
        self.session.apply(new, "Chọn người ký", origin="preset",
                           view_before=ViewState(area="closing"))  # fmt: skip

    def save_signer_preset(self) -> None:
        """Keep the signer typed below as a preset of the office profile."""
        self.binder.commit_pending()
        doc = self.session.document
        if doc is None:
            return
        try:
            profile, added = profile_service.save_signer_preset(self.session.store, doc.signer)
        except UserError as exc:
            self.error.setText(exc.message)
            return
        self.error.setText("")
        self.set_profile(profile)
        label = profile_service.signer_preset_label(doc.signer)
        self.signer_presets.setCurrentIndex(max(self.signer_presets.findText(label), 0))
        self.profileChanged.emit(profile)
        verb = "Đã lưu" if added else "Đã cập nhật"
        self.message.emit(f"{verb} mẫu người ký “{label}” trong hồ sơ cơ quan.")

    def _apply_default_distribution(self) -> None:
        doc = self.session.document
        if doc is None:
            return
        new = doc.with_changes(distribution=self.profile.distribution)
        self.session.apply(new, "Dùng Nơi nhận mặc định", origin="preset",
                           view_before=ViewState(area="closing"))  # fmt: skip
