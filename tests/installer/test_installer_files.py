"""The Windows installer inputs agree with the program: names, data folder, encodings, icon.

Inno Setup cannot run here, so these check what would otherwise only fail on a Windows build
machine (or worse, on a user's PC): the .iss launching an exe the spec does not make, the
uninstaller offering to delete a folder the program does not use, a file Inno reads as ANSI.
"""

from __future__ import annotations

import ast
import ntpath
import re
import sys
import tomllib
from pathlib import Path

import pytest
from PIL import Image

from desktop.services import paths

REPO = Path(__file__).resolve().parents[2]
INSTALLER = REPO / "installer"
sys.path.insert(0, str(INSTALLER))

import bundle_support  # noqa: E402

BOM = b"\xef\xbb\xbf"


def _project() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _iss() -> str:
    raw = (INSTALLER / "baocao.iss").read_bytes()
    assert raw.startswith(BOM), "baocao.iss phải là UTF-8 có BOM để Inno Setup đọc đúng tiếng Việt"
    return raw[len(BOM) :].decode("utf-8")


def _define(name: str) -> str:
    match = re.search(rf'^#define {name} "([^"]*)"', _iss(), re.M)
    assert match, name
    return match.group(1)


def test_iss_starts_the_windowed_exe_the_spec_builds():
    gui_scripts = _project()["gui-scripts"]
    assert _define("AppExe") == f"{next(iter(gui_scripts))}.exe"
    entries = bundle_support.entry_points(_project())
    assert entries["baocao-gui"][1] is True  # windowed: no console behind the window
    assert entries["baocao"][1] is False


def test_uninstaller_offers_to_delete_exactly_the_folder_the_program_uses(monkeypatch):
    windows = pytest.importorskip("platformdirs.windows")
    local = r"C:\Users\Cán bộ\AppData\Local"
    monkeypatch.setattr(windows, "get_win_folder", lambda csidl: local)
    # What platformdirs answers on Windows for the arguments the program passes.
    monkeypatch.setattr(
        "platformdirs.user_data_dir", lambda *a, **k: windows.Windows(*a, **k).user_data_dir
    )
    used = ntpath.normpath(str(paths.default_data_dir()))  # joined with "/" on this Linux host
    assert used == ntpath.join(local, "baocao")
    assert _define("DataDir") == r"{localappdata}\baocao"


def test_install_is_per_user_and_data_is_kept_by_default():
    iss = _iss()
    assert re.search(r"^PrivilegesRequired=lowest$", iss, re.M)
    assert re.search(r"^DefaultDirName=\{autopf\}\\baocao$", iss, re.M)
    assert "MB_DEFBUTTON2" in iss  # the "delete data?" question defaults to No
    assert re.search(r'MessagesFile: "compiler:Default\.isl,Vietnamese\.isl"', iss)


def test_files_the_iss_refers_to_exist():
    iss = _iss()
    icon = re.search(r"^SetupIconFile=(.+)$", iss, re.M).group(1)
    assert (INSTALLER / icon.replace("\\", "/")).is_file()
    assert (INSTALLER / "Vietnamese.isl").is_file()


def test_vietnamese_messages_file_is_well_formed():
    raw = (INSTALLER / "Vietnamese.isl").read_bytes()
    assert raw.startswith(BOM)
    text = raw[len(BOM) :].decode("utf-8")
    assert "LanguageID=$042A" in text and "LanguageCodePage=0" in text
    section, seen = None, {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith(";"):
            continue
        if line.startswith("["):
            section = line.strip()
            continue
        key, sep, value = line.partition("=")
        assert sep and re.fullmatch(r"[A-Za-z0-9]+", key), f"dòng {number}: {line!r}"
        assert (section, key) not in seen, (
            f"dòng {number}: {key} lặp lại (dòng {seen.get((section, key))})"
        )
        seen[(section, key)] = number
        if section == "[Messages]" and key.startswith("Button"):
            assert value.count("&") <= 1, f"dòng {number}: nhiều phím tắt"
    assert seen[("[Messages]", "ConfirmUninstall")]
    assert seen[("[CustomMessages]", "CreateDesktopIcon")]


def test_generated_entry_scripts_call_the_pyproject_entry_points(tmp_path):
    for exe, (target, windowed) in bundle_support.entry_points(_project()).items():
        script = bundle_support.write_entry_script(tmp_path, exe, target, windowed)
        tree = ast.parse(script.read_text(encoding="utf-8"))
        module, function = target.split(":")
        imports = [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        assert any(n.module == module and n.names[0].name == function for n in imports)
        assert script.stem.isidentifier()
        assert ("sys.stdout is None" in script.read_text(encoding="utf-8")) == windowed


def test_licence_files_cover_qt_fonts_and_python(tmp_path):
    datas = bundle_support.licence_files(_project(), tmp_path, {"PySide6", "bagit", "docx"})
    names = {Path(src).name for src, _ in datas}
    assert {
        "LGPL-3.0.txt",
        "GPL-3.0.txt",
        "LICENSE-Liberation.txt",
        "THIRD-PARTY-NOTICES.txt",
    } <= names
    notices = (tmp_path / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8")
    assert "python-docx" in notices and "bagit" in notices
    assert "pip " not in notices  # not in the bundle: not listed


def test_icon_has_every_windows_size():
    with Image.open(REPO / "resources" / "icons" / "baocao.ico") as ico:
        assert ico.info["sizes"] >= {(s, s) for s in (16, 24, 32, 48, 64, 128, 256)}
    with Image.open(REPO / "resources" / "icons" / "baocao.png") as png:
        assert png.size == (512, 512) and png.mode == "RGBA"


def test_portable_zip_carries_the_marker_and_survives_a_round_trip(tmp_path):
    import os
    import stat

    from make_portable import extract, make_portable_zip

    from desktop import appinfo

    bundle = tmp_path / "dist" / "baocao"
    (bundle / "_internal" / "thư viện").mkdir(parents=True)
    (bundle / "baocao-gui").write_bytes(b"\x7fELF fake")
    (bundle / "baocao-gui").chmod(0o755)
    (bundle / "_internal" / "thư viện" / "libQt6Core.so.6").write_bytes(b"qt")
    if hasattr(os, "symlink"):
        os.symlink("thư viện/libQt6Core.so.6", bundle / "_internal" / "libQt6Core.so.6")
    zip_path = make_portable_zip(bundle, tmp_path / "out", "1.2.3")
    assert zip_path.name == "baocao-1.2.3-di-dong.zip"

    unpacked = extract(zip_path, tmp_path / "USB có dấu")
    marker = unpacked / appinfo.PORTABLE_MARKER
    assert "chế độ di động" in marker.read_text(encoding="utf-8").lower()
    assert appinfo.portable_data_dir(unpacked) == unpacked / "du-lieu"
    assert (unpacked / "baocao-gui").stat().st_mode & stat.S_IXUSR
    if hasattr(os, "symlink"):
        link = unpacked / "_internal" / "libQt6Core.so.6"
        assert link.is_symlink() and link.read_bytes() == b"qt"


def test_portable_zip_refuses_a_folder_that_is_not_a_build(tmp_path):
    from make_portable import make_portable_zip

    with pytest.raises(SystemExit, match="_internal"):
        make_portable_zip(tmp_path, tmp_path / "out", "1.0")
