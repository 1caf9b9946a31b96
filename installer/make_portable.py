"""Zip the one-folder build as the portable edition (USB stick): baocao-<version>-di-dong.zip.

    python installer/make_portable.py [--dist dist] [--out dist/installer]

The zip holds the folder `baocao/` exactly as PyInstaller made it, plus the portable marker
`baocao/baocao-portable.txt`, whose presence makes the program keep its data in `baocao/du-lieu/`
(see desktop/appinfo.py). The marker's text tells the user what it does, in Vietnamese.
"""

from __future__ import annotations

import argparse
import os
import shutil
import stat
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from make_version_info import read_version  # noqa: E402

from desktop.appinfo import PORTABLE_DATA_DIRNAME, PORTABLE_MARKER  # noqa: E402

MARKER_TEXT = f"""Chế độ di động của baocao
==========================

Vì có tệp này ({PORTABLE_MARKER}) nằm cạnh baocao-gui.exe, chương trình lưu mọi dữ liệu
(văn bản, hồ sơ cơ quan, tệp minh chứng, bản sao lưu) trong thư mục "{PORTABLE_DATA_DIRNAME}" ngay
bên cạnh, không ghi gì vào máy tính đang dùng. Mang cả thư mục baocao sang máy khác là mang theo
toàn bộ dữ liệu.

- USB phải ghi được. Nếu USB bị gạt khóa ghi hoặc là ổ chỉ đọc, chương trình báo rõ
  "không ghi được vào thư mục dữ liệu" và không mở dữ liệu, để không mất gì.
- Rút USB khi chương trình đang mở có thể làm hỏng dữ liệu: hãy đóng chương trình trước.
- Xóa tệp này thì chương trình dùng thư mục dữ liệu thường của người dùng trên máy
  (%LOCALAPPDATA%\\baocao); thư mục {PORTABLE_DATA_DIRNAME} vẫn còn nguyên.
"""


def make_portable_zip(bundle: Path, out_dir: Path, version: str) -> Path:
    """Write `baocao-<version>-di-dong.zip` from the folder `bundle` (…/dist/baocao)."""
    if not (bundle / "_internal").is_dir():
        raise SystemExit(f"{bundle} không phải thư mục bản dựng PyInstaller (thiếu _internal)")
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"baocao-{version}-di-dong.zip"
    partial = target.with_suffix(".zip.tmp")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for path in sorted(bundle.rglob("*")):
            name = Path("baocao", path.relative_to(bundle)).as_posix()
            if path.is_symlink():
                # Linux builds link libQt6*.so.6 to the copy under PySide6/: keep the link (as
                # `unzip` does) rather than storing the library twice.
                info = zipfile.ZipInfo(name)
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
                zf.writestr(info, os.readlink(path))
            elif path.is_file():
                zf.write(path, name)
        zf.writestr(f"baocao/{PORTABLE_MARKER}", MARKER_TEXT.replace("\n", "\r\n"))
    shutil.move(partial, target)
    return target


def extract(zip_path: Path, dest: Path) -> Path:
    """Unpack a portable zip keeping executable bits and symlinks (zipfile alone drops both)."""
    with zipfile.ZipFile(zip_path) as zf:
        for info in zf.infolist():
            target = dest / info.filename
            mode = info.external_attr >> 16
            target.parent.mkdir(parents=True, exist_ok=True)
            if stat.S_ISLNK(mode):
                os.symlink(zf.read(info).decode("utf-8"), target)
                continue
            with zf.open(info) as src, target.open("wb") as out:
                shutil.copyfileobj(src, out, 1 << 20)
            if mode & 0o777:
                target.chmod(mode & 0o777)
    return dest / "baocao"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Tạo bản di động (zip) từ bản dựng PyInstaller")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="thư mục chứa baocao/")
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / "installer")
    args = parser.parse_args(argv)
    target = make_portable_zip(args.dist / "baocao", args.out, read_version())
    print(f"đã tạo {target} ({target.stat().st_size / 2**20:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
