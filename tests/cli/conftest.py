"""Run `baocao` in-process (fast) with a fresh data folder per test."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from desktop.cli.main import main


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def baocao(data_dir, capsys, monkeypatch):
    monkeypatch.delenv("BAOCAO_DATA_DIR", raising=False)

    def run(*args: str, data: bool = True) -> Result:
        argv = ["--data-dir", str(data_dir), *args] if data else list(args)
        code = main(argv)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run
