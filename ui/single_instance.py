"""One window per data folder: a second start hands its arguments to the first one and exits.

Staff double-click the icon again when the window is hidden behind others. Two windows on one
database would be safe (WAL, one transaction per command, revision checks), but confusing; so the
second start asks the first to come to the front (and to open any file it was given) instead.

Two mechanisms, because each alone has a hole:
- a `QLockFile` in the temp folder decides who is first. It is atomic, and a lock left by a
  crashed process is recognised by its dead PID, so a crash never blocks the next start;
- a `QLocalServer` (a named pipe on Windows, a socket file on Unix) carries the message. On
  Windows several servers may listen on one pipe name, so the server alone cannot decide.

If the first instance does not answer (it is still starting, or hangs), `send` returns False and
the caller opens a window anyway: the data stays safe, only the "bring to front" is lost.

Usage in run_gui, after the QApplication exists and the data folder is known:

    guard = SingleInstance(data_dir)
    if not guard.claim() and guard.send(sys.argv[1:]):
        return 0
    ...create the main window...
    guard.activated.connect(lambda act: (bring_to_front(window), window.open_paths(act.paths())))
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QDir, QLockFile, QObject, Qt, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

_ACK = b"ok\n"
_MAX_MESSAGE = 64 * 1024  # a path list, never more; a bigger message is not from us
_CLIENT_DEADLINE_MS = 5000  # drop a connection that does not finish its message in time


@dataclass(frozen=True)
class Activation:
    """What a later start asked for: its command-line arguments and its working folder."""

    arguments: tuple[str, ...]
    cwd: str

    def paths(self) -> list[Path]:
        """The non-option arguments as absolute paths (relative ones resolved against `cwd`)."""
        return [Path(self.cwd, a) for a in self.arguments if a and not a.startswith("-")]


def instance_key(data_dir: Path) -> str:
    """A name shared by every start of this user on this data folder, and by nobody else.

    Pipe names on Windows are machine-wide and /tmp is shared on Unix, so the user is part of it.
    """
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        user = str(os.getuid()) if hasattr(os, "getuid") else "?"
    folder = os.path.normcase(os.path.realpath(data_dir))
    digest = hashlib.sha256(f"{user}\0{folder}".encode()).hexdigest()[:20]
    return f"baocao-{digest}"


def _allow_foreground_switch() -> None:
    """Windows only lets the foreground process give focus away; we are it, the first is not."""
    if sys.platform == "win32":
        import ctypes

        asfw_any = -1
        ctypes.windll.user32.AllowSetForegroundWindow(asfw_any)  # type: ignore[attr-defined]


def bring_to_front(window: QWidget) -> None:
    """Show `window` un-minimised, on top, with keyboard focus."""
    if window.isMinimized():
        window.setWindowState(
            (window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive
        )
    window.show()
    window.raise_()
    window.activateWindow()


class SingleInstance(QObject):
    """The guard of one data folder; keep a reference for the life of the application."""

    activated = Signal(object)  # Activation

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = instance_key(data_dir)
        self._lock = QLockFile(QDir(QDir.tempPath()).filePath(f"{self.key}.lock"))
        # Age must never make a live lock "stale" (the app runs for days); a dead PID still does.
        self._lock.setStaleLockTime(0)
        self._server: QLocalServer | None = None
        self._clients: dict[int, _Client] = {}

    @property
    def is_primary(self) -> bool:
        return self._lock.isLocked()

    @property
    def listening(self) -> bool:
        return self._server is not None and self._server.isListening()

    def claim(self) -> bool:
        """Become the first instance of this data folder; False when another one already is."""
        if self._lock.isLocked():
            return True
        if not self._lock.tryLock(0):
            return False
        # We hold the lock, so any socket file left under this name is a crashed instance's.
        QLocalServer.removeServer(self.key)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._accept)
        if server.listen(self.key):
            self._server = server
        # If listening failed we still are the first instance; later starts then simply open a
        # second window on the same (safely shared) data.
        return True

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()

    def send(self, arguments: list[str], timeout_ms: int = 3000) -> bool:
        """Ask the first instance to come to the front and take `arguments`; True if it did."""
        _allow_foreground_switch()
        socket = QLocalSocket()
        socket.connectToServer(self.key)
        if not socket.waitForConnected(timeout_ms):
            return False
        message = json.dumps({"args": list(arguments), "cwd": os.getcwd()}, ensure_ascii=False)
        socket.write(QByteArray(message.encode("utf-8") + b"\n"))
        if not socket.waitForBytesWritten(timeout_ms):
            socket.abort()
            return False
        reply = b""
        while len(reply) < len(_ACK):
            # The answer may already sit in the buffer (read while writing): take that first.
            if not socket.bytesAvailable() and not socket.waitForReadyRead(timeout_ms):
                break
            reply += bytes(socket.readAll().data())
        socket.disconnectFromServer()
        return reply.startswith(_ACK)

    # ----------------------------------------------------------------------------------------
    # The first instance's side

    def _accept(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            client = _Client(socket)
            key = id(client)
            self._clients[key] = client
            # The usual Qt idiom: the socket deletes itself once the peer is gone.
            socket.disconnected.connect(socket.deleteLater)
            socket.destroyed.connect(lambda _=None, key=key: self._clients.pop(key, None))
            socket.readyRead.connect(lambda client=client: self._read(client))
            QTimer.singleShot(_CLIENT_DEADLINE_MS, socket, socket.abort)
            self._read(client)

    def _read(self, client: _Client) -> None:
        if client.done:
            return
        socket = client.socket
        client.buffer += bytes(socket.readAll().data())
        if len(client.buffer) > _MAX_MESSAGE:
            client.done = True
            socket.abort()
            return
        if b"\n" not in client.buffer:
            return
        client.done = True
        activation = _parse(bytes(client.buffer.split(b"\n", 1)[0]))
        if activation is None:
            socket.abort()
            return
        socket.write(QByteArray(_ACK))
        socket.flush()
        socket.disconnectFromServer()
        self.activated.emit(activation)


class _Client:
    """One connection of a later start, while its message arrives."""

    def __init__(self, socket: QLocalSocket) -> None:
        self.socket = socket
        self.buffer = bytearray()
        self.done = False


def _parse(line: bytes) -> Activation | None:
    """The message of a later start, or None for anything that is not one."""
    try:
        value = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(value, dict):
        return None
    args, cwd = value.get("args"), value.get("cwd")
    if not isinstance(args, list) or not all(isinstance(a, str) for a in args):
        return None
    if not isinstance(cwd, str):
        return None
    return Activation(tuple(args), cwd)
