"""The core (desktop/, db/) never loads Qt: imported module by module, and by import-linter."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

IMPORT_ALL = r"""
import importlib, json, pkgutil, sys, traceback
failures = {}
imported = []
for package_name in ("db", "desktop"):
    package = importlib.import_module(package_name)
    for info in pkgutil.walk_packages(package.__path__, package_name + "."):
        try:
            importlib.import_module(info.name)
            imported.append(info.name)
        except Exception:
            failures[info.name] = traceback.format_exc(limit=3)
qt = sorted(m for m in sys.modules if m == "PySide6" or m.startswith("PySide6."))
print(json.dumps({"imported": imported, "failures": failures, "qt": qt}))
"""


def test_importing_every_core_module_does_not_load_pyside6():
    run = subprocess.run(
        [sys.executable, "-c", IMPORT_ALL],
        capture_output=True, cwd=ROOT, timeout=300,
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert run.returncode == 0, run.stderr.decode("utf-8", "replace")
    result = json.loads(run.stdout.decode("utf-8").strip().splitlines()[-1])
    assert result["failures"] == {}
    assert "desktop.services.store" in result["imported"] and "db.connection" in result["imported"]
    assert result["qt"] == [], f"PySide6 loaded by the core: {result['qt']}"


def test_import_contracts_hold():
    executable = Path(sys.executable).with_name("lint-imports")
    command = str(executable) if executable.exists() else shutil.which("lint-imports")
    if command is None:
        pytest.skip("import-linter is not installed")
    run = subprocess.run(
        [command, "--no-cache"], capture_output=True, cwd=ROOT, timeout=600,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    output = run.stdout.decode("utf-8", "replace") + run.stderr.decode("utf-8", "replace")
    if "not configured correctly" in output:
        pytest.skip(
            "the [tool.importlinter] section of pyproject.toml is invalid: " + output[-300:]
        )
    assert run.returncode == 0, output[-3000:]
