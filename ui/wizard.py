"""The first-start profile wizard (also "Hồ sơ cơ quan…" later): agency, signer, Nơi nhận, page.

Validation is the profile service's: a problem is shown on the page and the wizard stays there.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.editing.fields import (
    format_authority_lines,
    join_lines,
    parse_authority_lines,
    split_lines,
)
from desktop.errors import UserError
from desktop.model.document import SignerBlock
from desktop.model.profile import Margins, OfficeProfile, SignerPreset, SizeProfile
from desktop.services import profile as profile_service
from desktop.services.store import Store


def _spin(value: float, low: float, high: float, suffix: str, step: float = 0.5) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(low, high)
    box.setSingleStep(step)
    box.setDecimals(1)
    box.setSuffix(suffix)
    box.setValue(value)
    # Wide enough for "1000,0 MB" in any locale: a clipped "20.0 mı" reads as a bug.
    box.setMinimumWidth(box.fontMetrics().horizontalAdvance(f"{high:.1f}{suffix}") + 40)
    box.setMaximumWidth(box.minimumWidth() + 40)
    return box


class ProfileWizard(QWizard):
    def __init__(self, store: Store, profile: OfficeProfile, parent: QWidget | None = None, *,
                 first_start: bool = True) -> None:  # fmt: skip
        super().__init__(parent)
        self.store = store
        self.first_start = first_start
        self.saved_profile: OfficeProfile | None = None
        self.setWindowTitle("Thiết lập hồ sơ cơ quan" if first_start else "Hồ sơ cơ quan")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setButtonText(QWizard.WizardButton.NextButton, "&Tiếp >")
        self.setButtonText(QWizard.WizardButton.BackButton, "< &Quay lại")
        self.setButtonText(QWizard.WizardButton.FinishButton, "&Xong")
        self.setButtonText(QWizard.WizardButton.CancelButton, "Để sau" if first_start else "Huỷ")
        self.setMinimumSize(640, 480)

        # Page 1: the agency.
        agency = QWizardPage()
        agency.setTitle("Cơ quan của bạn")
        agency.setSubTitle(
            "Chào mừng bạn! Ba bước ngắn để chương trình điền sẵn phần đầu, người ký và Nơi nhận "
            "cho mọi văn bản mới (sửa lại bất cứ lúc nào ở Tệp → Hồ sơ cơ quan)."
            if first_start
            else "Các thông tin này điền sẵn vào mọi văn bản mới; có thể sửa từng văn bản."
        )
        form = QFormLayout(agency)
        self.parent_agency = QLineEdit(profile.parent_agency)
        self.parent_agency.setPlaceholderText("Ví dụ: UBND TỈNH HÀ TĨNH (có thể để trống)")
        self.issuing_agency = QLineEdit(profile.issuing_agency)
        self.issuing_agency.setPlaceholderText("Ví dụ: ỦY BAN NHÂN DÂN HUYỆN NGHI XUÂN")
        self.agency_abbr = QLineEdit(profile.agency_abbr)
        self.agency_abbr.setPlaceholderText("UBND")
        self.unit_abbr = QLineEdit(profile.unit_abbr)
        self.unit_abbr.setPlaceholderText("VP")
        self.place = QLineEdit(profile.place)
        self.place.setPlaceholderText("Ví dụ: Nghi Xuân")
        self.footer = QLineEdit(profile.footer_address)
        self.footer.setPlaceholderText("Địa chỉ, điện thoại, thư điện tử (in ở chân công văn)")
        form.addRow("Cơ quan chủ quản:", self.parent_agency)
        form.addRow("Cơ quan ban hành:", self.issuing_agency)
        form.addRow("Ký hiệu cơ quan:", self.agency_abbr)
        form.addRow("Ký hiệu đơn vị soạn thảo:", self.unit_abbr)
        form.addRow("Địa danh:", self.place)
        form.addRow("Địa chỉ chân trang:", self.footer)
        self.agency_error = QLabel()
        self.agency_error.setStyleSheet("color:#b91c1c;")
        self.agency_error.setWordWrap(True)
        form.addRow(self.agency_error)
        self.addPage(agency)

        # Page 2: signer and Nơi nhận.
        signer = QWizardPage()
        signer.setTitle("Người ký và Nơi nhận mặc định")
        signer.setSubTitle(
            "Mỗi dòng một chức danh. Người ký khác (ví dụ Phó Chủ tịch ký thay) lưu thêm bằng nút "
            "“Lưu làm mẫu” ở thẻ Ký và Nơi nhận của văn bản."
        )
        form2 = QFormLayout(signer)
        first = profile.signers[0].signer if profile.signers else SignerBlock()
        self.signer_lines = QPlainTextEdit(format_authority_lines(first.lines))
        self.signer_lines.setPlaceholderText("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH")
        self.signer_lines.setTabChangesFocus(True)
        self.signer_name = QLineEdit(first.name)
        self.signer_name.setPlaceholderText("Họ và tên (có thể để trống)")
        self.distribution = QPlainTextEdit(join_lines(profile.distribution))
        self.distribution.setPlaceholderText("Như trên\nThường trực Huyện ủy\nLãnh đạo UBND huyện")
        self.distribution.setTabChangesFocus(True)
        form2.addRow("Quyền hạn, chức vụ:", self.signer_lines)
        form2.addRow("Họ tên người ký:", self.signer_name)
        form2.addRow("Nơi nhận:", self.distribution)
        self.signer_error = QLabel()
        self.signer_error.setStyleSheet("color:#b91c1c;")
        self.signer_error.setWordWrap(True)
        form2.addRow(self.signer_error)
        self.addPage(signer)

        # Page 3: page setup.
        page = QWizardPage()
        page.setTitle("Trang in")
        page.setSubTitle("Mặc định theo Nghị định 30; chỉ đổi khi cơ quan có quy định riêng.")
        form3 = QFormLayout(page)
        self.size_profile = QComboBox()
        self.size_profile.addItem(
            "A — theo văn bản của Chính phủ (khuyên dùng)", SizeProfile.A.value
        )
        self.size_profile.addItem("B — theo cột mẫu của Nghị định", SizeProfile.B.value)
        self.size_profile.setCurrentIndex(0 if profile.size_profile is SizeProfile.A else 1)
        m = profile.margins
        self.margin_top = _spin(m.top, 20, 25, " mm")
        self.margin_bottom = _spin(m.bottom, 20, 25, " mm")
        self.margin_left = _spin(m.left, 30, 35, " mm")
        self.margin_right = _spin(m.right, 15, 20, " mm")
        margins = QGridLayout()  # two by two: four boxes in one row do not fit the page
        for i, (label, box) in enumerate((("Trên:", self.margin_top), ("Dưới:", self.margin_bottom),
                                          ("Trái:", self.margin_left), ("Phải:", self.margin_right))):  # fmt: skip
            margins.addWidget(QLabel(label), i // 2, 2 * (i % 2))
            margins.addWidget(box, i // 2, 2 * (i % 2) + 1)
        margins.setColumnStretch(4, 1)
        self.email_limit = _spin(profile.email_limit_mb, 1, 1000, " MB", 1)
        form3.addRow("Cỡ chữ:", self.size_profile)
        form3.addRow("Lề:", margins)
        form3.addRow("Giới hạn tệp gửi thư điện tử:", self.email_limit)
        self.sample = QCheckBox("Tạo một báo cáo mẫu để tập soạn")
        self.sample.setChecked(first_start)
        self.sample.setVisible(first_start)
        form3.addRow(self.sample)
        self.page_error = QLabel()
        self.page_error.setStyleSheet("color:#b91c1c;")
        self.page_error.setWordWrap(True)
        form3.addRow(self.page_error)
        self.addPage(page)
        self.base = profile

    def profile(self) -> OfficeProfile:
        lines = parse_authority_lines(self.signer_lines.toPlainText())
        name = " ".join(self.signer_name.text().split())
        signers = self.base.signers
        if lines or name:
            label = lines[-1].text if lines else name
            first = SignerPreset(label=label, signer=SignerBlock(lines=lines, name=name))
            signers = (first, *signers[1:])
        return self.base.with_changes(
            parent_agency=" ".join(self.parent_agency.text().split()),
            issuing_agency=" ".join(self.issuing_agency.text().split()),
            agency_abbr=self.agency_abbr.text().strip(),
            unit_abbr=self.unit_abbr.text().strip(),
            place=" ".join(self.place.text().split()),
            footer_address=" ".join(self.footer.text().split()),
            signers=signers,
            distribution=split_lines(self.distribution.toPlainText()),
            size_profile=SizeProfile(self.size_profile.currentData()),
            margins=Margins(
                self.margin_top.value(),
                self.margin_bottom.value(),
                self.margin_left.value(),
                self.margin_right.value(),
            ),
            email_limit_mb=self.email_limit.value(),
        )

    def validateCurrentPage(self) -> bool:
        labels = {0: self.agency_error, 1: self.signer_error, 2: self.page_error}
        error = labels.get(self.currentId())
        if error is None:
            return True
        error.clear()
        if self.currentId() == 0 and not self.issuing_agency.text().strip():
            error.setText("Hãy nhập tên cơ quan ban hành (ví dụ: ỦY BAN NHÂN DÂN XÃ …).")
            return False
        problems = profile_service.profile_problems(self.profile())
        if problems:
            error.setText("Chưa hợp lệ: " + "; ".join(problems))
            return False
        return True

    def accept(self) -> None:
        try:
            self.saved_profile = profile_service.set_profile(self.store, self.profile())
        except UserError as exc:
            self.page_error.setText(exc.message)
            return
        if self.first_start and self.sample.isChecked():
            from desktop.services.sample import ensure_sample_document

            ensure_sample_document(self.store)
        super().accept()
