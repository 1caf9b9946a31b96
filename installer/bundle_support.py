"""Build-time helpers for installer/baocao.spec: package metadata and licence texts.

- `write_dist_info` writes `baocao-<version>.dist-info/METADATA` from pyproject.toml, so
  `importlib.metadata.version("baocao")` works inside the bundle even though the project is run
  from a checkout (not pip-installed) when it is built.
- `licence_files` gathers the licence texts of every distribution the app depends on (walking the
  requirements from pyproject.toml), plus Python's and the LGPL/GPL texts Qt needs, and writes
  THIRD-PARTY-NOTICES.txt listing them. The About box points at that folder.

Only the standard library and `packaging` (a PyInstaller dependency) are used.
"""

from __future__ import annotations

import importlib.metadata
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

_LICENCE_NAME = re.compile(r"(^|/)(licen[cs]e|copying|notice|authors)[^/]*$", re.IGNORECASE)


def write_dist_info(out_dir: Path, project: Mapping[str, Any]) -> Path:
    """Write a minimal, valid dist-info for the project; return the folder."""
    name, version = str(project["name"]), str(project["version"])
    dist_info = out_dir / f"{name}-{version}.dist-info"
    dist_info.mkdir(parents=True, exist_ok=True)
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {name}",
        f"Version: {version}",
        f"Summary: {project.get('description', '')}",
        f"Requires-Python: {project.get('requires-python', '')}",
    ]
    lines += [f"Requires-Dist: {dep}" for dep in project.get("dependencies", [])]
    (dist_info / "METADATA").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (dist_info / "INSTALLER").write_text("pyinstaller\n", encoding="utf-8")
    return dist_info


def runtime_distributions(requirements: list[str]) -> list[importlib.metadata.Distribution]:
    """Every installed distribution reachable from `requirements` (markers evaluated, no extras)."""
    seen: dict[str, importlib.metadata.Distribution] = {}
    pending = list(requirements)
    while pending:
        req = Requirement(pending.pop())
        if req.marker is not None and not req.marker.evaluate({"extra": ""}):
            continue
        key = canonicalize_name(req.name)
        if key in seen:
            continue
        try:
            dist = importlib.metadata.distribution(req.name)
        except importlib.metadata.PackageNotFoundError:
            continue  # an optional platform dependency that is not installed here
        seen[key] = dist
        pending.extend(dist.requires or [])
    return sorted(seen.values(), key=lambda d: canonicalize_name(d.metadata["Name"]))


def _field(dist: importlib.metadata.Distribution, name: str) -> str:
    values = dist.metadata.get_all(name) or []
    return str(values[0]).strip() if values else ""


def licence_name(dist: importlib.metadata.Distribution) -> str:
    expression = _field(dist, "License-Expression")
    if expression:
        return expression
    classifiers = [
        c.split("::")[-1].strip()
        for c in dist.metadata.get_all("Classifier") or []
        if c.startswith("License ::")
    ]
    if classifiers:
        return ", ".join(classifiers)
    text = _field(dist, "License")
    return text.splitlines()[0][:80] if text else "không ghi"


def _dist_licence_paths(dist: importlib.metadata.Distribution) -> list[tuple[Path, str]]:
    """Licence files in the distribution's .dist-info folder, with their path inside it.

    Only the dist-info copy counts: wheels put every licence there (vendored ones included,
    under `licenses/<subpath>`), and files of the same name elsewhere would collide.
    """
    out = []
    for file in dist.files or []:
        parts = Path(str(file)).parts
        if not parts or not parts[0].endswith(".dist-info") or not _LICENCE_NAME.search(str(file)):
            continue
        path = Path(str(dist.locate_file(file)))
        if path.is_file():
            inner = parts[1:-1]
            if inner[:1] == ("licenses",):  # PEP 639 layout: .dist-info/licenses/…
                inner = inner[1:]
            out.append((path, "/".join(inner)))
    return out


def _top_level_names(dist: importlib.metadata.Distribution) -> set[str]:
    text = dist.read_text("top_level.txt")
    if text:
        return {line.strip() for line in text.splitlines() if line.strip()}
    names = set()
    for file in dist.files or []:
        first = Path(str(file)).parts[0] if Path(str(file)).parts else ""
        if first and not first.endswith((".dist-info", ".data")) and first != "..":
            names.add(first.removesuffix(".py").split(".", 1)[0])
    return names


def python_licence() -> Path | None:
    base = Path(sys.base_prefix)
    major_minor = f"python{sys.version_info[0]}.{sys.version_info[1]}"
    for candidate in (base / "LICENSE.txt", base / "lib" / major_minor / "LICENSE.txt"):
        if candidate.is_file():
            return candidate
    return None


def licence_files(
    project: Mapping[str, Any], work_dir: Path, bundled_top_levels: set[str] | None = None
) -> list[tuple[str, str]]:
    """(source, bundle folder) pairs for PyInstaller `datas`, all under `licenses/`.

    `bundled_top_levels`: the top-level modules the analysis collected; distributions with none
    of them in the bundle are left out. None: every runtime dependency.
    """
    datas: list[tuple[str, str]] = [
        (str(HERE / "licenses" / "LGPL-3.0.txt"), "licenses"),
        (str(HERE / "licenses" / "GPL-3.0.txt"), "licenses"),
        (str(ROOT / "resources" / "fonts" / "LICENSE-Liberation.txt"), "licenses"),
    ]
    notices = [
        "Giấy phép của các thành phần đi kèm baocao / Third-party notices",
        "",
        "Liberation Serif fonts — SIL Open Font License 1.1 — LICENSE-Liberation.txt",
        "Qt 6 / PySide6 / shiboken6 — LGPL-3.0-only — LGPL-3.0.txt, GPL-3.0.txt",
    ]
    py_licence = python_licence()
    if py_licence is not None:
        renamed = work_dir / "Python-LICENSE.txt"
        renamed.write_bytes(py_licence.read_bytes())
        datas.append((str(renamed), "licenses"))
        notices.append(f"Python {sys.version.split()[0]} — PSF-2.0 — Python-LICENSE.txt")
    requirements = [str(r) for r in project.get("dependencies", [])]
    for dist in runtime_distributions(requirements):
        if bundled_top_levels is not None and not _top_level_names(dist) & bundled_top_levels:
            continue  # a dependency PyInstaller found no use for (e.g. pip, needed by sqlite-utils' CLI)
        name = canonicalize_name(dist.metadata["Name"])
        files = _dist_licence_paths(dist)
        for path, subdir in files:
            datas.append((str(path), "/".join(filter(None, ["licenses", name, subdir]))))
        listed = ", ".join(f"{name}/{p.name}" for p, _ in files) or "(không kèm tệp giấy phép)"
        notices.append(f"{dist.metadata['Name']} {dist.version} — {licence_name(dist)} — {listed}")
    notice_file = work_dir / "THIRD-PARTY-NOTICES.txt"
    notice_file.write_text("\n".join(notices) + "\n", encoding="utf-8")
    datas.append((str(notice_file), "licenses"))
    return datas


# --------------------------------------------------------------------------------------------
# Entry scripts

_ENTRY_TEMPLATE = '''\
"""Frozen entry point of `{exe}`, generated from pyproject.toml ({group}: {target}); do not edit."""

import sys

{preamble}from {module} import {function}

sys.exit({function}())
'''

# A windowed Windows exe has no console: sys.stdout/sys.stderr are None and the first print() or
# traceback would itself crash. Send them to a log file in the temp folder instead, so a crash
# at start-up leaves something to read.
_WINDOWED_PREAMBLE = """\
if sys.stdout is None or sys.stderr is None:
    import os
    import tempfile

    try:
        _log = open(
            os.path.join(tempfile.gettempdir(), "baocao-gui.log"), "w", encoding="utf-8", buffering=1
        )
    except OSError:
        _log = open(os.devnull, "w", encoding="utf-8")
    sys.stdout = sys.stdout or _log
    sys.stderr = sys.stderr or _log

"""


def entry_points(project: Mapping[str, Any]) -> dict[str, tuple[str, bool]]:
    """{exe name: ("module:function", windowed)} from [project.scripts] and [project.gui-scripts]."""
    out: dict[str, tuple[str, bool]] = {}
    for group, windowed in (("scripts", False), ("gui-scripts", True)):
        table = project.get(group) or {}
        assert isinstance(table, dict)
        for name, target in table.items():
            out[str(name)] = (str(target), windowed)
    return out


def write_entry_script(out_dir: Path, exe: str, target: str, windowed: bool) -> Path:
    module, _, function = target.partition(":")
    if not module or not function.isidentifier():
        raise ValueError(f"entry point {exe} = {target!r} is not 'module:function'")
    text = _ENTRY_TEMPLATE.format(
        exe=exe,
        group="gui-scripts" if windowed else "scripts",
        target=target,
        preamble=_WINDOWED_PREAMBLE if windowed else "",
        module=module,
        function=function,
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    # The script's file name becomes its name in the Analysis; keep it a valid identifier.
    path = out_dir / f"entry_{exe.replace('-', '_')}.py"
    path.write_text(text, encoding="utf-8")
    return path
