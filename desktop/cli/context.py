"""What a command handler gets besides its arguments: the data folder and, on first use, the store.

The store is opened lazily, so `--help`, `--version` and commands that must not open the
database (`restore-backup` on a damaged file) never touch it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from desktop.services.clock import Clock, system_clock

if TYPE_CHECKING:
    from desktop.services.store import Store


class CliContext:
    def __init__(
        self,
        data_dir: str | None = None,
        *,
        clock: Clock = system_clock,
        stdout: TextIO | None = None,
        stderr: TextIO | None = None,
    ) -> None:
        self._data_dir_option = data_dir
        self._data_dir: Path | None = None
        self._store: Store | None = None
        self.clock = clock
        self.stdout: TextIO = stdout or sys.stdout
        self.stderr: TextIO = stderr or sys.stderr

    @property
    def data_dir(self) -> Path:
        """The resolved data folder (`--data-dir`, else BAOCAO_DATA_DIR, else the default)."""
        if self._data_dir is None:
            from desktop.services.paths import resolve_data_dir

            self._data_dir = resolve_data_dir(self._data_dir_option)
        return self._data_dir

    @property
    def known_data_dir(self) -> Path | None:
        """The data folder if it can be resolved, else None (for error reports: never raises)."""
        try:
            return self.data_dir
        except Exception:
            return None

    @property
    def store(self) -> Store:
        """The open store; opened (and backed up if due) on first use."""
        if self._store is None:
            from desktop.services.store import open_store

            self._store = open_store(self.data_dir, clock=self.clock)
            if self._store.backup_warning:
                self.warn(self._store.backup_warning)
        return self._store

    def out(self, text: str = "") -> None:
        print(text, file=self.stdout)

    def warn(self, text: str) -> None:
        print(f"Cảnh báo: {text}", file=self.stderr)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
