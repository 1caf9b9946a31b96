"""Facts about the application itself: name, version, portable mode, licence notices.

The version has one source, `pyproject.toml`. A source checkout reads it from there; an installed
package or the frozen (PyInstaller) build reads the package metadata, which the build copies into
the bundle, so the About box, `baocao --version`, the installer and the Windows file properties
all show the same number.

Portable mode: a file `baocao-portable.txt` next to the executable makes the program keep its data
in `du-lieu/` beside it (a USB stick), instead of the per-user data folder. `--data-dir` and
`BAOCAO_DATA_DIR` still win over it (see `desktop.services.paths.resolve_data_dir`).
"""

from __future__ import annotations

import functools
import importlib.metadata
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from desktop.errors import UserError

DIST_NAME = "baocao"
DISPLAY_NAME = "Báo cáo NĐ30"
DESCRIPTION = (
    "Soạn báo cáo, kế hoạch, công văn, tờ trình đúng thể thức Nghị định 30/2020/NĐ-CP — "
    "không cần mạng"
)
UNKNOWN_VERSION = "0+unknown"

PORTABLE_MARKER = "baocao-portable.txt"
PORTABLE_DATA_DIRNAME = "du-lieu"

_PACKAGE_ROOT = Path(__file__).resolve().parents[1]  # the checkout, or the bundle's _internal


# --------------------------------------------------------------------------------------------
# Where the program runs from


def is_frozen() -> bool:
    """True inside the PyInstaller build."""
    return bool(getattr(sys, "frozen", False))


def bundle_dir() -> Path:
    """The folder holding `desktop/`, `resources/` (and in the frozen build, the libraries)."""
    return Path(getattr(sys, "_MEIPASS", _PACKAGE_ROOT))


def executable_dir() -> Path | None:
    """The folder of `baocao.exe` in the frozen build; None when running from source."""
    if not is_frozen():
        return None
    return Path(sys.executable).resolve().parent


def resources_dir() -> Path:
    return bundle_dir() / "resources"


def licences_dir() -> Path | None:
    """The folder of full licence texts shipped with the frozen build (None from source)."""
    folder = bundle_dir() / "licenses"
    return folder if folder.is_dir() else None


# --------------------------------------------------------------------------------------------
# Version


def _source_tree_version(root: Path) -> str | None:
    """The version in `pyproject.toml` when running from a checkout of this project."""
    pyproject = root / "pyproject.toml"
    if not pyproject.is_file():
        return None
    import tomllib

    try:
        project = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {})
    except (OSError, tomllib.TOMLDecodeError):
        return None
    if project.get("name") != DIST_NAME or not isinstance(project.get("version"), str):
        return None
    return str(project["version"])


@functools.cache
def version() -> str:
    """The application version; the checkout's pyproject wins over possibly stale metadata."""
    from_source = None if is_frozen() else _source_tree_version(_PACKAGE_ROOT)
    if from_source:
        return from_source
    try:
        return importlib.metadata.version(DIST_NAME)
    except importlib.metadata.PackageNotFoundError:
        return UNKNOWN_VERSION


# --------------------------------------------------------------------------------------------
# Portable mode


def portable_data_dir(exe_dir: Path | None = None) -> Path | None:
    """`<exe dir>/du-lieu` when the portable marker sits next to the executable, else None.

    `exe_dir` defaults to the frozen executable's folder; from source there is no portable mode
    unless a folder is passed (tests do).
    """
    folder = exe_dir if exe_dir is not None else executable_dir()
    if folder is None or not (folder / PORTABLE_MARKER).is_file():
        return None
    return folder / PORTABLE_DATA_DIRNAME


def require_writable_portable_dir(data_dir: Path) -> Path:
    """Create the portable data folder and prove a file can be written there.

    A write-protected USB stick or a read-only copy cannot hold the database (SQLite needs its
    journal files even to read a WAL database), so say that plainly instead of failing later.
    """
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=data_dir):
            pass
    except OSError as exc:
        raise UserError(
            f"Chương trình đang chạy ở chế độ di động (có tệp {PORTABLE_MARKER}) nhưng không ghi "
            f"được vào thư mục dữ liệu {data_dir} ({exc.strerror or exc}), nên không thể lưu dữ "
            "liệu; hãy mở khóa ghi của USB hoặc chép cả thư mục chương trình sang ổ ghi được"
        ) from None
    return data_dir


def is_portable_data_dir(data_dir: Path) -> bool:
    portable = portable_data_dir()
    return portable is not None and _same_path(portable, data_dir)


def _same_path(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return a.absolute() == b.absolute()


# --------------------------------------------------------------------------------------------
# About


@dataclass(frozen=True)
class LicenceNotice:
    component: str
    licence: str
    note: str  # one Vietnamese sentence: what it is and where its terms or sources are


LICENCE_NOTICES: tuple[LicenceNotice, ...] = (
    LicenceNotice(
        "Phông chữ Liberation Serif",
        "SIL Open Font License 1.1",
        "Bản quyền © 2012 Red Hat, Inc.; phông được nhúng vào tệp PDF và dùng để hiển thị khi "
        "máy không có Times New Roman; toàn văn giấy phép: tệp LICENSE-Liberation.txt.",
    ),
    LicenceNotice(
        "Qt 6 và PySide6",
        "GNU LGPL phiên bản 3",
        "Bản quyền © The Qt Company Ltd.; thư viện Qt được liên kết động (các tệp Qt6*.dll/.so "
        "nằm riêng trong thư mục chương trình) nên có thể thay bằng bản Qt khác; mã nguồn tại "
        "https://code.qt.io; toàn văn giấy phép: tệp LGPL-3.0.txt và GPL-3.0.txt.",
    ),
    LicenceNotice(
        "Python",
        "Python Software Foundation License",
        "Bản quyền © Python Software Foundation; toàn văn: tệp Python-LICENSE.txt.",
    ),
    LicenceNotice(
        "Các thư viện khác",
        "MIT, BSD, Apache 2.0, MPL 2.0, MIT-CMU",
        "python-docx, reportlab, sqlite-utils, pikepdf (qpdf), pyHanko, bagit, Pillow, qrcode, "
        "platformdirs, lxml, cryptography và các thư viện phụ thuộc; giấy phép của từng thư viện "
        "có trong thư mục giấy phép của chương trình (tệp THIRD-PARTY-NOTICES.txt liệt kê đủ).",
    ),
)


@dataclass(frozen=True)
class AboutInfo:
    """Everything the About box shows; the window lays it out, `about_text()` prints it."""

    display_name: str
    version: str
    description: str
    data_dir: Path
    data_dir_note: str  # why this folder: portable mode or the usual per-user folder
    notices: tuple[LicenceNotice, ...]
    licences_dir: Path | None
    python_version: str
    qt_version: str | None


def about_info(data_dir: Path, *, qt_version: str | None = None) -> AboutInfo:
    """About-box data for the store open in `data_dir` (`qt_version` comes from the window)."""
    if is_portable_data_dir(data_dir):
        note = f"Chế độ di động: dữ liệu nằm cạnh chương trình (vì có tệp {PORTABLE_MARKER})."
    else:
        note = "Thư mục dữ liệu của người dùng trên máy này."
    return AboutInfo(
        display_name=DISPLAY_NAME,
        version=version(),
        description=DESCRIPTION,
        data_dir=data_dir,
        data_dir_note=note,
        notices=LICENCE_NOTICES,
        licences_dir=licences_dir(),
        python_version=".".join(str(p) for p in sys.version_info[:3]),
        qt_version=qt_version,
    )


def about_text(data_dir: Path, *, qt_version: str | None = None) -> str:
    """The About box as plain text (also what `baocao --version` style output can show)."""
    info = about_info(data_dir, qt_version=qt_version)
    runtime = f"Python {info.python_version}" + (
        f", Qt {info.qt_version}" if info.qt_version else ""
    )
    lines = [
        f"{info.display_name} — phiên bản {info.version}",
        info.description,
        "",
        f"Thư mục dữ liệu: {info.data_dir}",
        info.data_dir_note,
        "",
        f"Chạy trên: {runtime}",
        "",
        "Giấy phép của các thành phần đi kèm:",
    ]
    for notice in info.notices:
        lines.append(f"• {notice.component} — {notice.licence}. {notice.note}")
    if info.licences_dir is not None:
        lines += ["", f"Toàn văn các giấy phép: {info.licences_dir}"]
    return "\n".join(lines)
