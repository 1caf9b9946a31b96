"""`baocao` as a real process: exit codes, stderr, the entry point, and no network at all."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def env() -> dict[str, str]:
    e = {k: v for k, v in os.environ.items() if k not in ("BAOCAO_DATA_DIR", "BAOCAO_DEBUG")}
    e["PYTHONPATH"] = str(ROOT)
    e["PYTHONIOENCODING"] = "ascii"  # a hostile console: the CLI must still write UTF-8
    return e


def baocao(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli.main", *args],
        input=stdin, capture_output=True, env=env(), cwd=ROOT, timeout=60,
    )  # fmt: skip


def test_exit_codes_and_one_line_vietnamese_stderr(tmp_path):
    ok = baocao("--data-dir", str(tmp_path), "new", "--kind", "bao-cao", "--title", "Đắk Glei")
    assert (ok.returncode, ok.stdout, ok.stderr) == (0, b"1\n", b"")
    missing = baocao("--data-dir", str(tmp_path), "show", "7")
    assert missing.returncode == 1 and missing.stdout == b""
    assert missing.stderr.decode("utf-8") == (
        "Lỗi: Không có văn bản mã 7; xem danh sách bằng: baocao list\n"
    )
    usage = baocao("--data-dir", str(tmp_path), "new", "--kind", "bao-cao", "--number", "x")
    assert usage.returncode == 2
    assert usage.stderr.decode("utf-8").splitlines()[-1] == (
        "baocao new: lỗi: đối số --number: số văn bản phải là số nguyên dương, không phải 'x'"
    )


def test_dump_to_stdout_and_load_from_stdin_are_utf8(tmp_path):
    data = str(tmp_path)
    baocao("--data-dir", data, "new", "--kind", "to-trinh", "--title", "Tờ trình Đắk Glei")
    dumped = baocao("--data-dir", data, "dump", "1")
    assert dumped.returncode == 0 and "Tờ trình Đắk Glei" in dumped.stdout.decode("utf-8")
    loaded = baocao("--data-dir", data, "load", "-", stdin=dumped.stdout)
    assert loaded.stdout == b"2\n"
    assert baocao("--data-dir", data, "dump", "2").stdout == dumped.stdout


def test_data_dir_from_the_environment(tmp_path):
    e = env() | {"BAOCAO_DATA_DIR": str(tmp_path / "env")}
    run = subprocess.run(
        [sys.executable, "-m", "desktop.cli.main", "new", "--kind", "bao-cao"],
        capture_output=True, env=e, cwd=ROOT, timeout=60,
    )  # fmt: skip
    assert run.returncode == 0
    assert (tmp_path / "env" / "baocao.db").exists()


NO_NETWORK = r"""
import json, socket, sys

events = []

def audit(event, args):
    if event.startswith("socket."):
        events.append(event)
        raise OSError("network use is forbidden in this test: " + event)

sys.addaudithook(audit)

def refuse(*args, **kwargs):
    raise OSError("network use is forbidden in this test")

class NoSocket(socket.socket):
    def __init__(self, *args, **kwargs):
        refuse()

socket.socket = NoSocket
socket.create_connection = refuse
socket.getaddrinfo = refuse
socket.gethostbyname = refuse
socket.socketpair = refuse

from desktop.cli.main import main
codes = [main(argv) for argv in json.loads(sys.argv[1])]
print("RESULT", json.dumps({"codes": codes, "events": events}))
"""


def test_the_cli_never_opens_a_network_connection(tmp_path):
    data = str(tmp_path / "d")
    doc = tmp_path / "doc.json"
    commands = [
        ["--version"],
        ["--data-dir", data, "profile", "set", "--agency", "SỞ NỘI VỤ", "--abbr", "SNV"],
        ["--data-dir", data, "new", "--kind", "bao-cao", "--title", "Báo cáo Đắk Glei"],
        ["--data-dir", data, "list"],
        ["--data-dir", data, "search", "dak glei"],
        ["--data-dir", data, "show", "1"],
        ["--data-dir", data, "dump", "1", "-o", str(doc)],
        ["--data-dir", data, "load", str(doc), "--replace", "1"],
        ["--data-dir", data, "finalize", "1"],
        ["--data-dir", data, "history", "1"],
        ["--data-dir", data, "duplicate", "1"],
        ["--data-dir", data, "backup"],
        ["--data-dir", data, "restore-backup", "--list"],
    ]
    run = subprocess.run(
        [sys.executable, "-c", NO_NETWORK, json.dumps(commands)],
        capture_output=True, env=env(), cwd=ROOT, timeout=120,
    )  # fmt: skip
    out = run.stdout.decode("utf-8")
    assert run.returncode == 0, run.stderr.decode("utf-8", "replace")
    result = json.loads(out.split("RESULT ", 1)[1])
    assert result == {"codes": [0] * len(commands), "events": []}, run.stderr.decode("utf-8")


def test_entry_point_starts_without_qt_and_runs_the_cli(tmp_path):
    code = (
        "import sys, ui.launcher as l; "
        "assert 'PySide6' not in sys.modules, 'PySide6 loaded by import'; "
        f"rc = l.main(['--data-dir', {str(tmp_path)!r}, 'new', '--kind', 'bao-cao']); "
        "assert 'PySide6' not in sys.modules, 'PySide6 loaded by a CLI command'; "
        "sys.exit(rc)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env(), cwd=ROOT,
                         timeout=60)  # fmt: skip
    assert run.returncode == 0, run.stderr.decode("utf-8", "replace")
    assert run.stdout == b"1\n"


def test_launcher_without_arguments(monkeypatch, capsys):
    import ui.launcher as launcher

    monkeypatch.setattr(launcher, "_gui_available", lambda: False)
    assert launcher.main([]) == 0
    assert capsys.readouterr().out.startswith("Cách dùng: baocao")
    started: list[list[str]] = []
    monkeypatch.setattr(launcher, "_gui_available", lambda: True)
    monkeypatch.setattr(launcher, "_run_gui", lambda argv: started.append(list(argv)) or 0)
    assert launcher.main([]) == 0 and started == [[]]
    assert launcher.main_gui(["--data-dir", "x"]) == 0 and started[-1] == ["--data-dir", "x"]


@pytest.mark.parametrize("argv", [["--help"], ["list", "--help"]])
def test_help_does_not_import_the_store(argv):
    code = (
        "import sys; from desktop.cli.main import main; "
        f"main({argv!r}); "
        "assert 'sqlite_utils' not in sys.modules and 'db.connection' not in sys.modules"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env(), cwd=ROOT,
                         timeout=60)  # fmt: skip
    assert run.returncode == 0, run.stderr.decode("utf-8", "replace")
