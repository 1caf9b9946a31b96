"""Vietnamese for the words Qt itself puts on screen: OK/Cancel/Yes/No, the right-click menus of
text fields, the print preview toolbar, Qt's own file dialog.

Qt ships no `qtbase_vi.qm`, so without this a clerk meets "OK", "Cancel", "&Yes" and "Select All"
in the middle of a Vietnamese program. The table below covers what the window can show (the
strings were collected by logging every `QCoreApplication.translate` call while each dialog was
open); anything not in it falls through to Qt's English. Key names ("Ctrl", "Shift") are left
alone: they are printed on the keyboard in English too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTranslator

_COMMON_EDIT = {
    "&Undo": "&Hoàn tác",
    "&Redo": "&Làm lại",
    "Cu&t": "&Cắt",
    "&Copy": "C&hép",
    "&Paste": "&Dán",
    "Delete": "Xoá",
    "Select All": "Chọn tất cả",
    "Copy &Link Location": "Chép địa chỉ &liên kết",
}

TRANSLATIONS: dict[str, dict[str, str]] = {
    "QPlatformTheme": {
        "OK": "Đồng ý",
        "Save": "Lưu",
        "Save All": "Lưu tất cả",
        "Open": "Mở",
        "&Yes": "&Có",
        "Yes to &All": "Có với &tất cả",
        "&No": "&Không",
        "N&o to All": "Không với tất &cả",
        "Abort": "Dừng",
        "Retry": "Thử lại",
        "Ignore": "Bỏ qua",
        "Close": "Đóng",
        "Cancel": "Huỷ",
        "Discard": "Bỏ thay đổi",
        "Help": "Trợ giúp",
        "Apply": "Áp dụng",
        "Reset": "Đặt lại",
        "Restore Defaults": "Khôi phục mặc định",
    },
    "QLineEdit": _COMMON_EDIT,
    "QWidgetTextControl": _COMMON_EDIT,
    "QAbstractSpinBox": {"&Select All": "Chọn &tất cả", "&Step up": "&Tăng", "Step &down": "&Giảm"},
    "QMessageBox": {"Show Details...": "Xem chi tiết…", "Hide Details...": "Ẩn chi tiết…"},
    "QWizard": {
        "< &Back": "< &Quay lại",
        "&Next >": "&Tiếp >",
        "&Finish": "&Xong",
        "Cancel": "Huỷ",
        "Help": "Trợ giúp",
        "Commit": "Xác nhận",
    },
    "QScrollBar": {
        "Scroll here": "Cuộn tới đây",
        "Left edge": "Mép trái",
        "Top": "Đầu",
        "Right edge": "Mép phải",
        "Bottom": "Cuối",
        "Page left": "Sang trái một trang",
        "Page up": "Lên một trang",
        "Page right": "Sang phải một trang",
        "Page down": "Xuống một trang",
        "Scroll left": "Cuộn sang trái",
        "Scroll up": "Cuộn lên",
        "Scroll right": "Cuộn sang phải",
        "Scroll down": "Cuộn xuống",
    },
    "QPrintPreviewDialog": {
        "Print Preview": "Xem trước khi in",
        "Next page": "Trang sau",
        "Previous page": "Trang trước",
        "First page": "Trang đầu",
        "Last page": "Trang cuối",
        "Fit width": "Vừa chiều rộng",
        "Fit page": "Vừa trang",
        "Zoom in": "Phóng to",
        "Zoom out": "Thu nhỏ",
        "Portrait": "Khổ dọc",
        "Landscape": "Khổ ngang",
        "Show single page": "Hiện từng trang",
        "Show facing pages": "Hiện hai trang cạnh nhau",
        "Show overview of all pages": "Hiện tất cả các trang",
        "Print": "In",
        "Page setup": "Thiết lập trang",
        "Page Setup": "Thiết lập trang",
        "Close": "Đóng",
        "Export to PDF": "Xuất PDF",
    },
    # Qt's own file dialog (Windows shows its native, already translated, dialog instead).
    "QFileDialog": {
        "&Look in:": "&Tìm trong:",
        "Look in:": "Tìm trong:",
        "File &name:": "&Tên tệp:",
        "Files of &type:": "&Loại tệp:",
        "Files of type:": "Loại tệp:",
        "Directory:": "Thư mục:",
        "&Open": "&Mở",
        "&Save": "&Lưu",
        "&Choose": "&Chọn",
        "&Delete": "&Xoá",
        "&Rename": "Đổi &tên",
        "&New Folder": "Thư mục &mới",
        "New Folder": "Thư mục mới",
        "Create New Folder": "Tạo thư mục mới",
        "Create a New Folder": "Tạo thư mục mới",
        "All Files (*)": "Mọi tệp (*)",
        "Back": "Lùi",
        "Forward": "Tiến",
        "Go back": "Lùi lại",
        "Go forward": "Tiến tới",
        "Parent Directory": "Thư mục cha",
        "Go to the parent directory": "Lên thư mục cha",
        "List View": "Dạng danh sách",
        "Detail View": "Dạng chi tiết",
        "Change to list view mode": "Xem dạng danh sách",
        "Change to detail view mode": "Xem dạng chi tiết",
        "Show &hidden files": "Hiện tệp &ẩn",
        "Directories": "Thư mục",
        "Files": "Tệp",
        "Sidebar": "Thanh bên",
        "List of places and bookmarks": "Các nơi hay dùng",
    },
    "QFileSystemModel": {
        "Name": "Tên",
        "Size": "Dung lượng",
        "Type": "Loại",
        "Date Modified": "Ngày sửa",
        "Computer": "Máy tính",
        "My Computer": "Máy tính",
    },
    "QAbstractFileIconProvider": {"Drive": "Ổ đĩa", "Folder": "Thư mục", "Unknown": "Không rõ"},
}


class VietnameseQtTranslator(QTranslator):
    """Answers Qt's own `tr()` calls from `TRANSLATIONS`; None lets Qt keep its English."""

    def translate(  # type: ignore[override]
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        return TRANSLATIONS.get(context, {}).get(source_text)

    def isEmpty(self) -> bool:
        return False


def install(app: QCoreApplication) -> QTranslator:
    """Install the translator on `app` (kept alive as the app's child)."""
    translator = VietnameseQtTranslator(app if isinstance(app, QObject) else None)
    app.installTranslator(translator)
    return translator
