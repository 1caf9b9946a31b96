"""Data files shipped with the program: fonts, JSON schemas, sample documents, templates.

`resource_path("schema", "document.schema.json")` finds a file the same way from a source
checkout, an installed wheel, and a PyInstaller bundle (where data files are unpacked under
`sys._MEIPASS`; the spec must collect `resources/` as data to the same relative folder).
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        candidate = Path(bundle) / "resources"
        if candidate.is_dir():
            return candidate
    return Path(__file__).resolve().parent


def resource_path(*parts: str) -> Path:
    """The path of a shipped file; raises FileNotFoundError naming it when it is missing."""
    path = resources_root().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"resource not found: {'/'.join(parts)} (looked in {path})")
    return path


def read_text(*parts: str) -> str:
    return resource_path(*parts).read_text(encoding="utf-8")
