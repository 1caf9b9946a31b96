"""The version from pyproject.toml, as the Windows build needs it.

- `python installer/make_version_info.py --print-version` prints it, and `--print-numeric-version`
  its four-number Windows form (the Inno Setup build passes both on: `ISCC /DAppVersion=...
  /DAppNumericVersion=...`).
- `python installer/make_version_info.py OUT.txt` writes the PyInstaller version file, the
  "Details" tab of the .exe properties in Explorer (the spec calls `write_version_file`).

pyproject.toml is the only place the number is written; nothing here invents one.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = ROOT / "pyproject.toml"

COMPANY = "baocao"
PRODUCT = "Báo cáo NĐ30"
COPYRIGHT = "Phần mềm baocao; phông Liberation (SIL OFL 1.1); Qt (GNU LGPL v3)"
LANG_VIETNAMESE = 0x042A
CODEPAGE_UNICODE = 1200


def read_project(pyproject: Path = PYPROJECT) -> dict[str, Any]:
    with pyproject.open("rb") as f:
        project = tomllib.load(f)["project"]
    if not isinstance(project, dict):
        raise ValueError(f"{pyproject}: [project] is not a table")
    return project


def read_version(pyproject: Path = PYPROJECT) -> str:
    version = read_project(pyproject).get("version")
    if not isinstance(version, str) or not version:
        raise ValueError(f"{pyproject}: project.version is missing")
    return version


def windows_version_tuple(version: str) -> tuple[int, int, int, int]:
    """`1.2.3rc1` → (1, 2, 3, 0): Windows wants four 16-bit numbers; extra text is dropped."""
    match = re.match(r"^\s*v?(\d+(?:\.\d+)*)", version)
    if not match:
        raise ValueError(f"version {version!r} does not start with a number")
    parts = [int(p) for p in match.group(1).split(".")][:4]
    if any(p > 0xFFFF for p in parts):
        raise ValueError(f"version {version!r} has a part above 65535")
    parts += [0] * (4 - len(parts))
    return (parts[0], parts[1], parts[2], parts[3])


def version_info_text(version: str, exe_name: str, description: str) -> str:
    """The text form of a `VSVersionInfo` that PyInstaller's `EXE(version=...)` reads."""
    numbers = windows_version_tuple(version)
    table = f"{LANG_VIETNAMESE:04x}{CODEPAGE_UNICODE:04x}"
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": exe_name,
        "LegalCopyright": COPYRIGHT,
        "OriginalFilename": f"{exe_name}.exe",
        "ProductName": PRODUCT,
        "ProductVersion": version,
    }
    structs = ",\n".join(
        f"          StringStruct({key!r}, {value!r})" for key, value in strings.items()
    )
    return f"""# UTF-8
# Generated from pyproject.toml by installer/make_version_info.py; do not edit.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0),
  ),
  kids=[
    StringFileInfo([
      StringTable(
        {table!r},
        [
{structs},
        ],
      )
    ]),
    VarFileInfo([VarStruct('Translation', [{LANG_VIETNAMESE:#06x}, {CODEPAGE_UNICODE}])]),
  ],
)
"""


def write_version_file(
    out: Path, exe_name: str, description: str, version: str | None = None
) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    text = version_info_text(version or read_version(), exe_name, description)
    out.write_text(text, encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Phiên bản từ pyproject.toml cho bản dựng Windows")
    parser.add_argument("out", nargs="?", type=Path, help="tệp thông tin phiên bản cần ghi")
    parser.add_argument("--print-version", action="store_true", help="chỉ in số phiên bản")
    parser.add_argument(
        "--print-numeric-version",
        action="store_true",
        help="in phiên bản dạng a.b.c.d cho VersionInfoVersion của Inno Setup",
    )
    parser.add_argument("--exe-name", default="baocao-gui")
    parser.add_argument("--description", default=PRODUCT)
    args = parser.parse_args(argv)
    if args.print_numeric_version:
        print(".".join(str(n) for n in windows_version_tuple(read_version())))
        return 0
    if args.print_version or args.out is None:
        print(read_version())
        return 0
    write_version_file(args.out, args.exe_name, args.description)
    return 0


if __name__ == "__main__":
    sys.exit(main())
