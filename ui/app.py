"""Start the window: `run_gui(argv)` is what `baocao` (no arguments) and `baocao-gui` call.

Start-up does only what the first frame needs: Qt, the bundled fonts, the store, the profile and
the list. The PDF and DOCX exporters, pyHanko and the importer load on first use, in the job that
needs them.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.errors import UserError

log = logging.getLogger(__name__)

# Set by benchmarks/ui_bench.py: print READY when the window is interactive, then quit.
EXIT_WHEN_READY_ENV = "BAOCAO_EXIT_WHEN_READY"

# The office screen: the window opens at this size (or smaller on a smaller screen).
DEFAULT_SIZE = (1366, 740)


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="baocao-gui", description="Mở cửa sổ soạn văn bản.")
    parser.add_argument("--data-dir", help="thư mục dữ liệu (mặc định: thư mục của người dùng)")
    parser.add_argument("--mo", dest="open_id", type=int, help="mở ngay văn bản có mã này")
    parser.add_argument(
        "files", nargs="*", help="tệp .docx, .txt, .json cần nhập hoặc gói .zip cần kiểm tra"
    )
    args, _unknown = parser.parse_known_args(list(argv))  # Qt's own options (-platform …) pass
    return args


def create_application(argv: Sequence[str] = ()) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    QCoreApplication.setOrganizationName("baocao")
    QCoreApplication.setApplicationName("baocao")
    app = QApplication([sys.argv[0] if sys.argv else "baocao", *argv])
    app.setApplicationDisplayName("Báo cáo NĐ30")
    from ui import qt_vietnamese
    from ui.fonts import ensure_ui_font, load_bundled_fonts

    qt_vietnamese.install(app)
    load_bundled_fonts()
    ensure_ui_font(app)
    icon = Path(__file__).resolve().parents[1] / "resources" / "icons" / "baocao.png"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def data_dir_from(args: argparse.Namespace) -> Path:
    """`--data-dir`, else `BAOCAO_DATA_DIR`, else portable mode, else the per-user folder: the
    one precedence rule of `desktop.services.paths`, shared with the command line."""
    from desktop.services.paths import resolve_data_dir

    return resolve_data_dir(args.data_dir)


def fit_to_screen(window: QApplication | object) -> None:
    from PySide6.QtWidgets import QWidget

    assert isinstance(window, QWidget)
    screen = QGuiApplication.primaryScreen()
    width, height = DEFAULT_SIZE
    if screen is not None:
        available = screen.availableGeometry()
        width = min(width, available.width())
        height = min(height, available.height())
    window.resize(width, height)


def run_gui(argv: list[str] | None = None) -> int:
    """Open the main window; return the process exit code."""
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    app = create_application()
    try:
        data_dir = data_dir_from(args)
        from desktop.services.store import open_store

        store = open_store(data_dir)
    except UserError as exc:
        QMessageBox.critical(None, "Không mở được dữ liệu", exc.message)
        return 1

    from ui.single_instance import SingleInstance, bring_to_front

    guard = SingleInstance(store.data_dir)
    if not guard.claim() and guard.send(list(argv or [])):
        store.close()
        return 0

    from desktop import appinfo
    from desktop.services import profile as profile_service
    from ui.main_window import MainWindow

    profile = profile_service.get_profile(store)
    first_start = not profile.is_configured and not os.environ.get(EXIT_WHEN_READY_ENV)
    wizard_done = False
    if first_start:
        from ui.wizard import ProfileWizard

        wizard_done = bool(ProfileWizard(store, profile, first_start=True).exec())
    window = MainWindow(store, producer=f"{appinfo.DISPLAY_NAME} {appinfo.version()}")
    fit_to_screen(window)
    window.show()
    if first_start:
        window.welcome(wizard_done)
    if store.backup_warning:
        window.show_notice(store.backup_warning, "warning")

    def handle(paths: Sequence[Path], open_id: int | None = None) -> None:
        if open_id is not None:
            window.open_document(open_id)
        for path in paths:
            if path.suffix.lower() == ".zip":
                window.output.verify_package(path)
            else:
                window.output.import_from(path, None)

    def activated(activation: Any) -> None:
        bring_to_front(window)
        handle(activation.paths())

    guard.activated.connect(activated)
    files = [Path(f).absolute() for f in args.files]
    QTimer.singleShot(0, lambda: handle(files, args.open_id))
    if os.environ.get(EXIT_WHEN_READY_ENV):
        # Start-up benchmark: report once the window is up with its document, then leave.
        def ready() -> None:
            window.session.flush()
            print("READY", flush=True)
            app.quit()

        QTimer.singleShot(0, lambda: QTimer.singleShot(0, ready))
    code = app.exec()
    guard.release()
    store.close()
    return int(code)


if __name__ == "__main__":
    sys.exit(run_gui())
