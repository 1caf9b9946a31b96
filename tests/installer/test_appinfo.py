"""desktop.appinfo: one version from pyproject, portable mode, the data-folder precedence, About."""

from __future__ import annotations

import importlib.metadata
import sys
import tomllib
import types
from pathlib import Path

import pytest

from desktop import appinfo
from desktop.errors import UserError
from desktop.services import paths

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "installer"))

import bundle_support  # noqa: E402
import make_version_info  # noqa: E402


def _pyproject_version() -> str:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"
    ]


@pytest.fixture(autouse=True)
def _fresh_version_cache():
    appinfo.version.cache_clear()
    yield
    appinfo.version.cache_clear()


@pytest.fixture
def frozen(monkeypatch, tmp_path):
    """Pretend to be the PyInstaller build running from tmp_path/app/baocao(.exe)."""
    exe_dir = tmp_path / "app"
    exe_dir.mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe_dir / "baocao"))
    return exe_dir


# --------------------------------------------------------------------------------------------
# Version: pyproject.toml is the only place it is written


def test_version_from_a_checkout_is_the_pyproject_version():
    assert appinfo.version() == _pyproject_version()
    assert make_version_info.read_version() == _pyproject_version()


def test_frozen_build_reads_the_metadata_the_spec_generates(frozen, tmp_path, monkeypatch):
    project = make_version_info.read_project()
    metadata_root = tmp_path / "bundle"
    bundle_support.write_dist_info(metadata_root, project)
    monkeypatch.syspath_prepend(str(metadata_root))
    assert importlib.metadata.version("baocao") == _pyproject_version()
    assert appinfo.version() == _pyproject_version()


def test_frozen_build_without_metadata_says_unknown_rather_than_guess(frozen, monkeypatch):
    def missing(name: str) -> str:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", missing)
    assert appinfo.version() == appinfo.UNKNOWN_VERSION


def test_a_foreign_pyproject_is_not_taken_for_ours(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "khac"\nversion = "9.9"\n')
    assert appinfo._source_tree_version(tmp_path) is None
    (tmp_path / "pyproject.toml").write_text("not toml [")
    assert appinfo._source_tree_version(tmp_path) is None


def test_windows_file_version_is_four_numbers_from_the_same_version():
    assert make_version_info.windows_version_tuple("0.1.0") == (0, 1, 0, 0)
    assert make_version_info.windows_version_tuple("2.10.3rc1") == (2, 10, 3, 0)
    assert make_version_info.windows_version_tuple("1.2.3.4.5") == (1, 2, 3, 4)
    with pytest.raises(ValueError):
        make_version_info.windows_version_tuple("phiên bản mới")
    with pytest.raises(ValueError):
        make_version_info.windows_version_tuple("70000.1")


def test_version_file_is_what_pyinstaller_embeds_in_the_exe(tmp_path, monkeypatch):
    compat = pytest.importorskip("PyInstaller.compat")
    # The parser is pure Python; pefile and win32api (Windows-only) are needed only to patch an
    # .exe, which this test does not do.
    monkeypatch.setitem(
        sys.modules, "pefile", sys.modules.get("pefile") or types.ModuleType("pefile")
    )
    monkeypatch.setattr(compat, "win32api", getattr(compat, "win32api", None), raising=False)
    from PyInstaller.utils.win32 import versioninfo

    path = make_version_info.write_version_file(tmp_path / "v.txt", "baocao-gui", "Báo cáo NĐ30")
    info = versioninfo.load_version_info_from_text_file(str(path))
    raw = info.toRaw()  # the bytes of the VS_VERSION_INFO resource written into the .exe
    for text in (_pyproject_version(), "Báo cáo NĐ30", "baocao-gui.exe", "042a04b0"):
        assert text.encode("utf-16-le") in raw
    numbers = make_version_info.windows_version_tuple(_pyproject_version())
    assert info.ffi.fileVersionMS == (numbers[0] << 16) | numbers[1]
    assert info.ffi.fileVersionLS == (numbers[2] << 16) | numbers[3]
    assert info.ffi.productVersionMS == info.ffi.fileVersionMS


# --------------------------------------------------------------------------------------------
# Portable mode and the data folder


def test_no_marker_no_portable_mode(frozen):
    assert appinfo.portable_data_dir() is None


def test_marker_next_to_the_exe_puts_data_beside_it(frozen):
    (frozen / appinfo.PORTABLE_MARKER).write_text("", encoding="utf-8")
    assert appinfo.portable_data_dir() == frozen / "du-lieu"


def test_a_folder_named_like_the_marker_is_not_the_marker(frozen):
    (frozen / appinfo.PORTABLE_MARKER).mkdir()
    assert appinfo.portable_data_dir() is None


def test_running_from_source_has_no_portable_mode():
    assert not appinfo.is_frozen()
    assert appinfo.executable_dir() is None
    assert appinfo.portable_data_dir() is None


def test_portable_folder_is_created_when_writable(tmp_path):
    target = tmp_path / "USB có dấu" / "du-lieu"
    assert appinfo.require_writable_portable_dir(target) == target
    assert target.is_dir()


def test_unwritable_portable_folder_is_refused_in_vietnamese(tmp_path):
    blocker = tmp_path / "không phải thư mục"
    blocker.write_text("", encoding="utf-8")  # a file where the folder should go: mkdir fails
    with pytest.raises(UserError) as caught:
        appinfo.require_writable_portable_dir(blocker / "du-lieu")
    message = caught.value.message
    assert "chế độ di động" in message and "không ghi" in message
    assert str(blocker / "du-lieu") in message


def test_data_folder_precedence_option_env_portable_default(frozen, tmp_path, monkeypatch):
    (frozen / appinfo.PORTABLE_MARKER).write_text("", encoding="utf-8")
    monkeypatch.setattr(paths, "default_data_dir", lambda: tmp_path / "mặc định")
    option, env = tmp_path / "tùy chọn", tmp_path / "biến môi trường"
    environ = {paths.DATA_DIR_ENV: str(env)}
    assert paths.resolve_data_dir(option, environ) == option
    assert paths.resolve_data_dir(None, environ) == env
    assert paths.resolve_data_dir(None, {}) == frozen / "du-lieu"
    (frozen / appinfo.PORTABLE_MARKER).unlink()
    assert paths.resolve_data_dir(None, {}) == tmp_path / "mặc định"


# --------------------------------------------------------------------------------------------
# About box


def test_about_names_version_data_folder_and_licences(tmp_path):
    text = appinfo.about_text(tmp_path / "dữ liệu", qt_version="6.12.0")
    assert f"phiên bản {_pyproject_version()}" in text
    assert str(tmp_path / "dữ liệu") in text
    assert "Qt 6.12.0" in text
    assert "SIL Open Font License" in text and "Liberation" in text
    assert "LGPL" in text and "Qt" in text
    assert "Thư mục dữ liệu của người dùng" in text


def test_about_says_when_the_data_is_on_the_stick(frozen):
    (frozen / appinfo.PORTABLE_MARKER).write_text("", encoding="utf-8")
    data = appinfo.require_writable_portable_dir(frozen / "du-lieu")
    info = appinfo.about_info(data)
    assert "Chế độ di động" in info.data_dir_note
    assert info.data_dir == data
