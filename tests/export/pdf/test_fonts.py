"""Which font the PDF embeds: system Times New Roman when all four styles exist, else the bundled
Liberation Serif; never a family with a style missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.errors import UserError
from desktop.export.pdf.fonts import (
    LIBERATION_FAMILY,
    TNR_FAMILY,
    bundled_liberation,
    choose_font_files,
    find_system_tnr,
    register,
)


def _fake_fonts(folder: Path, names: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_bytes(b"")
    return folder


def test_windows_names_found_in_any_case(tmp_path: Path) -> None:
    folder = _fake_fonts(
        tmp_path / "Fonts", ["TIMES.TTF", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"]
    )
    found = find_system_tnr([tmp_path / "nowhere", folder])
    assert found is not None and found.family == TNR_FAMILY
    assert found.paths[(True, True)].name == "timesbi.ttf"


def test_a_missing_style_means_no_system_font(tmp_path: Path) -> None:
    folder = _fake_fonts(tmp_path / "Fonts", ["times.ttf", "timesbd.ttf", "timesi.ttf"])
    assert find_system_tnr([folder]) is None


def test_msttcorefonts_names(tmp_path: Path) -> None:
    names = ["Times_New_Roman.ttf", "Times_New_Roman_Bold.ttf", "Times_New_Roman_Italic.ttf",
             "Times_New_Roman_Bold_Italic.ttf"]  # fmt: skip
    found = find_system_tnr([_fake_fonts(tmp_path / "ms", names)])
    assert found is not None and found.paths[(False, False)].name == "Times_New_Roman.ttf"


def test_environment_forces_the_bundled_font() -> None:
    assert choose_font_files({"BAOCAO_PDF_FONT": "liberation"}).family == LIBERATION_FAMILY


def test_requiring_system_font_that_is_absent_is_a_clear_error(tmp_path: Path) -> None:
    env = {"BAOCAO_PDF_FONT": "system", "WINDIR": str(tmp_path)}
    if find_system_tnr([Path("/usr/share/fonts/truetype/msttcorefonts")]) is not None:
        pytest.skip("this machine has Times New Roman")
    with pytest.raises(UserError, match="Times New Roman"):
        choose_font_files(env)


def test_bundled_fonts_register_with_word_metrics() -> None:
    fonts = register(bundled_liberation())
    assert fonts.family == LIBERATION_FAMILY
    assert fonts.line_height_em == pytest.approx(2355 / 2048)
    assert fonts.baseline_em == pytest.approx(1912 / 2048)
    assert fonts.covers("ữ", bold=True, italic=True) and not fonts.covers("中")
    # Metric compatibility with Times New Roman: the tiêu ngữ is 56.1 mm wide at 13 pt bold.
    assert fonts.width("Độc lập - Tự do - Hạnh phúc", 13, bold=True) * 25.4 / 72 == pytest.approx(
        56.1, abs=0.2
    )


def test_missing_bundled_files_are_reported(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="cài lại"):
        bundled_liberation(tmp_path)
