"""A progress line on the terminal for long commands (copying, packaging, verifying).

Shown only when stderr is a terminal (never in pipes, logs or tests), at most ten times a second,
and erased at the end so the command's real output stays clean.
"""

from __future__ import annotations

import time
from typing import TextIO


class ConsoleProgress:
    def __init__(self, stream: TextIO, *, interval: float = 0.1) -> None:
        self._stream = stream
        self._enabled = bool(getattr(stream, "isatty", lambda: False)())
        self._interval = interval
        self._last = 0.0
        self._shown = False

    def __call__(self, done: int, total: int, label: str) -> None:
        if not self._enabled:
            return
        now = time.monotonic()
        if now - self._last < self._interval and done < total:
            return
        self._last = now
        percent = 100 * done // total if total > 0 else 0
        text = f"{percent:3d}%  {label}"[:78]
        self._stream.write("\r" + text.ljust(78))
        self._stream.flush()
        self._shown = True

    def __enter__(self) -> ConsoleProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._shown:
            self._stream.write("\r" + " " * 78 + "\r")
            self._stream.flush()
