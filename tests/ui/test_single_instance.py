"""The single-instance guard: first start claims the data folder, a later one hands over and exits."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from ui.single_instance import Activation, SingleInstance, bring_to_front, instance_key

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def guards(qapp):
    made: list[SingleInstance] = []

    def make(data_dir: Path) -> SingleInstance:
        guard = SingleInstance(data_dir)
        made.append(guard)
        return guard

    yield make
    for guard in made:
        guard.release()


def _start(code: str, *args: str) -> subprocess.Popen[str]:
    """Run `code` as a later start in its own process: Qt's blocking socket calls hold the GIL,
    so the second instance cannot share this process with the first one's event loop."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    prelude = (
        "import sys, os, pathlib\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from ui.single_instance import SingleInstance\n"
        "app = QCoreApplication([])\n"
    )
    return subprocess.Popen(
        [sys.executable, "-c", prelude + code, *args], env=env, text=True, stdout=subprocess.PIPE
    )


SECOND_START = (
    "guard = SingleInstance(pathlib.Path(sys.argv[1]))\n"
    "if guard.claim():\n"
    "    sys.exit(3)  # should have found the first instance\n"
    "sys.exit(0 if guard.send(sys.argv[2:]) else 1)\n"
)


def _wait(qtbot, proc: subprocess.Popen[str]) -> int:
    """Keep this (first) instance's event loop running until the other process ends."""
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=30000)
    return proc.returncode


def test_first_start_claims_and_a_second_on_the_same_folder_cannot(guards, tmp_path):
    first = guards(tmp_path / "data")
    assert first.claim()
    assert first.is_primary and first.listening
    assert not guards(tmp_path / "data").claim()


def test_another_data_folder_is_another_instance(guards, tmp_path):
    assert guards(tmp_path / "a").claim()
    assert guards(tmp_path / "b").claim()
    assert instance_key(tmp_path / "a") != instance_key(tmp_path / "b")


def test_same_folder_spelled_differently_is_the_same_instance(tmp_path):
    (tmp_path / "data").mkdir()
    assert instance_key(tmp_path / "data") == instance_key(tmp_path / "x" / ".." / "data")


def test_second_start_hands_its_arguments_to_the_first(guards, tmp_path, qtbot):
    first = guards(tmp_path / "dữ liệu")
    assert first.claim()
    received: list[Activation] = []
    first.activated.connect(received.append)
    proc = _start(SECOND_START, str(tmp_path / "dữ liệu"), "Báo cáo tháng 5.json", "--mo")
    assert _wait(qtbot, proc) == 0
    qtbot.waitUntil(lambda: len(received) == 1, timeout=5000)
    activation = received[0]
    assert isinstance(activation, Activation)
    assert activation.arguments == ("Báo cáo tháng 5.json", "--mo")
    assert activation.paths() == [Path(os.getcwd(), "Báo cáo tháng 5.json")]


def test_send_without_a_running_first_instance_fails_fast(guards, tmp_path):
    lonely = guards(tmp_path / "data")
    assert not lonely.send(["x"], timeout_ms=500)


def test_a_released_folder_can_be_claimed_again(guards, tmp_path):
    first = guards(tmp_path / "data")
    assert first.claim()
    first.release()
    again = guards(tmp_path / "data")
    assert again.claim() and again.listening


def test_a_crashed_first_instance_does_not_block_the_next_start(guards, tmp_path):
    data = tmp_path / "data"
    crash = _start(
        "guard = SingleInstance(pathlib.Path(sys.argv[1]))\n"
        "assert guard.claim() and guard.listening\n"
        "os._exit(9)  # no cleanup: the lock file and the socket file stay behind\n",
        str(data),
    )
    assert crash.wait(timeout=60) == 9
    survivor = guards(data)
    assert survivor.claim() and survivor.listening


def test_garbage_on_the_socket_is_ignored_and_a_real_message_still_works(guards, tmp_path, qtbot):
    first = guards(tmp_path / "data")
    assert first.claim()
    received: list[Activation] = []
    first.activated.connect(received.append)

    garbage = _start(
        "from PySide6.QtNetwork import QLocalSocket\n"
        "sock = QLocalSocket()\n"
        "sock.connectToServer(sys.argv[1])\n"
        "assert sock.waitForConnected(5000)\n"
        "sock.write(b'\\xff\\xfenot json\\n')\n"
        "sock.waitForBytesWritten(5000)\n"
        "sys.exit(0 if sock.waitForDisconnected(5000) else 1)  # the first one hangs up\n",
        first.key,
    )
    assert _wait(qtbot, garbage) == 0
    assert received == []

    proc = _start(SECOND_START, str(tmp_path / "data"))
    assert _wait(qtbot, proc) == 0
    qtbot.waitUntil(lambda: len(received) == 1, timeout=5000)
    assert received[0].arguments == ()


def test_bring_to_front_restores_a_minimised_window(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized, timeout=2000)
    bring_to_front(window)
    assert window.isVisible()
    assert not window.isMinimized()
