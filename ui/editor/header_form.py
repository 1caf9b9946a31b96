"""The "Thông tin chung" tab: kind, agencies, number, place and date, trích yếu, Kính gửi, căn cứ,
urgency and secrecy, deadline. Blank number and date are allowed: the document is a draft."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.editing.fields import (
    format_date_input,
    join_lines,
    parse_date,
    parse_positive_int,
    split_lines,
)
from desktop.model.document import Document, Secrecy, Urgency
from desktop.model.kinds import KIND_INFO, DocumentKind
from ui.editor.binder import FormBinder, field_getter, field_setter
from ui.session import DocumentSession


def _lines_box(placeholder: str, rows: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * rows + 14)
    return box


def _buddy(text: str, widget: QWidget) -> QLabel:
    """A row label whose &-mnemonic focuses `widget` (addRow does this only for one widget)."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label


class HeaderForm(QScrollArea):
    def __init__(self, session: DocumentSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.binder = FormBinder(session, "header", self)
        inner = QWidget()
        outer = QVBoxLayout(inner)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addLayout(form)

        self.kind = QComboBox()
        for kind, info in KIND_INFO.items():
            self.kind.addItem(info.label, kind.value)
        form.addRow("&Loại văn bản:", self.kind)
        self.binder.combo(self.kind, "loại văn bản", field_getter("kind"), field_setter("kind"),
                          enum=DocumentKind)  # fmt: skip

        self.parent_agency = QLineEdit()
        self.parent_agency.setPlaceholderText("Ví dụ: UBND TỈNH HÀ TĨNH (có thể để trống)")
        form.addRow("Cơ quan &chủ quản:", self.parent_agency)
        self.binder.line(self.parent_agency, "cơ quan chủ quản",
                         field_getter("parent_agency"), field_setter("parent_agency"))  # fmt: skip

        self.issuing_agency = QLineEdit()
        self.issuing_agency.setPlaceholderText("Ví dụ: ỦY BAN NHÂN DÂN HUYỆN NGHI XUÂN")
        form.addRow("Cơ quan &ban hành:", self.issuing_agency)
        self.binder.line(self.issuing_agency, "cơ quan ban hành",
                         field_getter("issuing_agency"), field_setter("issuing_agency"))  # fmt: skip

        abbrs = QHBoxLayout()
        self.agency_abbr = QLineEdit()
        self.agency_abbr.setPlaceholderText("UBND")
        self.unit_abbr = QLineEdit()
        self.unit_abbr.setPlaceholderText("VP")
        abbrs.addWidget(self.agency_abbr)
        abbrs.addWidget(QLabel("Đơn vị soạn thảo:"))
        abbrs.addWidget(self.unit_abbr)
        form.addRow(_buddy("&Ký hiệu cơ quan:", self.agency_abbr), abbrs)
        self.binder.line(self.agency_abbr, "ký hiệu cơ quan",
                         field_getter("agency_abbr"), field_setter("agency_abbr"))  # fmt: skip
        self.binder.line(self.unit_abbr, "ký hiệu đơn vị",
                         field_getter("unit_abbr"), field_setter("unit_abbr"))  # fmt: skip

        number_row = QHBoxLayout()
        self.number = QLineEdit()
        self.number.setPlaceholderText("để trống khi là dự thảo")
        self.number.setMaximumWidth(170)
        self.date = QLineEdit()
        self.date.setPlaceholderText("ngày/tháng/năm, để trống khi là dự thảo")
        number_row.addWidget(self.number)
        number_row.addWidget(QLabel("Ngày ban hành:"))
        number_row.addWidget(self.date)
        form.addRow(_buddy("&Số văn bản:", self.number), number_row)
        self.binder.line(self.number, "số văn bản", field_getter("number"), field_setter("number"),
                         parse=lambda t: parse_positive_int(t, "Số văn bản"))  # fmt: skip
        self.binder.line(self.date, "ngày ban hành", field_getter("date"), field_setter("date"),
                         to_text=format_date_input,
                         parse=lambda t: parse_date(t, "Ngày ban hành"))  # fmt: skip

        self.place = QLineEdit()
        self.place.setPlaceholderText("Ví dụ: Nghi Xuân")
        form.addRow("Địa &danh:", self.place)
        self.binder.line(self.place, "địa danh", field_getter("place"), field_setter("place"))

        self.title = QLineEdit()
        self.title.setPlaceholderText("Ví dụ: Kết quả thực hiện nhiệm vụ năm 2024")
        form.addRow("&Trích yếu:", self.title)
        self.binder.line(self.title, "trích yếu", field_getter("title"), field_setter("title"))

        # Quyết định / nghị quyết only (Mẫu 1.1–1.3): the row is shown for those kinds.
        self.authority = QLineEdit()
        self.authority.setPlaceholderText(
            "Ví dụ: CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC (in hoa, đậm dưới trích yếu)"
        )
        self.authority.setToolTip(
            "Chức vụ người đứng đầu khi người đó có thẩm quyền ban hành; nếu không, tên tập thể "
            "lãnh đạo hoặc cơ quan (ví dụ ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC)."
        )
        self.authority_label = _buddy("Thẩm &quyền ban hành (quyết định):", self.authority)
        form.addRow(self.authority_label, self.authority)
        self.binder.line(self.authority, "thẩm quyền ban hành", field_getter("authority"),
                         field_setter("authority"))  # fmt: skip
        self._form = form
        session.documentChanged.connect(self._show_kind_rows)
        if session.document is not None:
            self._show_kind_rows(session.document)

        self.recipients = _lines_box("Mỗi nơi một dòng, ví dụ: Sở Nội vụ tỉnh Hà Tĩnh")
        form.addRow("Kính &gửi:", self.recipients)
        self.binder.text(self.recipients, "Kính gửi", field_getter("recipients"),
                         field_setter("recipients"), to_text=join_lines, parse=split_lines)  # fmt: skip

        self.legal_bases = _lines_box("Mỗi căn cứ một dòng; dấu ; và . được thêm khi in", 4)
        form.addRow("Că&n cứ:", self.legal_bases)
        self.binder.text(self.legal_bases, "căn cứ", field_getter("legal_bases"),
                         field_setter("legal_bases"), to_text=join_lines, parse=split_lines)  # fmt: skip

        marks = QHBoxLayout()
        self.urgency = QComboBox()
        self.urgency.addItem("Không", None)
        for u in Urgency:
            self.urgency.addItem(u.value, u.value)
        self.secrecy = QComboBox()
        self.secrecy.addItem("Không", None)
        for s in Secrecy:
            self.secrecy.addItem(s.value, s.value)
        marks.addWidget(self.urgency)
        marks.addWidget(QLabel("Độ mật:"))
        marks.addWidget(self.secrecy)
        marks.addStretch(1)
        form.addRow(_buddy("Độ &khẩn:", self.urgency), marks)
        self.binder.combo(self.urgency, "độ khẩn", field_getter("urgency"),
                          field_setter("urgency"), enum=Urgency)  # fmt: skip
        self.binder.combo(self.secrecy, "độ mật", field_getter("secrecy"),
                          field_setter("secrecy"), enum=Secrecy)  # fmt: skip

        self.deadline = QLineEdit()
        self.deadline.setPlaceholderText("ngày/tháng/năm phải gửi (nếu có)")
        self.deadline.setMaximumWidth(260)
        form.addRow("&Hạn gửi:", self.deadline)
        self.binder.line(self.deadline, "hạn gửi", field_getter("deadline"),
                         field_setter("deadline"), to_text=format_date_input,
                         parse=lambda t: parse_date(t, "Hạn gửi"))  # fmt: skip

        self.error = QLabel()
        self.error.setStyleSheet("color: #b91c1c;")
        self.error.setWordWrap(True)
        outer.addWidget(self.error)
        outer.addStretch(1)
        self.binder.errorChanged.connect(self.error.setText)
        self.setWidget(inner)

    def _show_kind_rows(self, doc: Document, *_rest: object) -> None:
        """The authority row belongs to quyết định and nghị quyết; a value typed before the kind
        changed is kept (and printed again if the kind comes back)."""
        self._form.setRowVisible(self.authority, KIND_INFO[doc.kind].takes_authority)
