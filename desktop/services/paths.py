"""Where the data lives: one folder per office profile, holding `baocao.db` and `backups/`.

Precedence: an explicit folder (`--data-dir`, a window setting), then the `BAOCAO_DATA_DIR`
environment variable, then portable mode (`du-lieu/` beside the executable when
`baocao-portable.txt` sits there, see `desktop.appinfo`), then the per-user data folder of the
platform (platformdirs): `%LOCALAPPDATA%\\baocao` on Windows, `~/.local/share/baocao` on Linux.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

APP_NAME = "baocao"
DATA_DIR_ENV = "BAOCAO_DATA_DIR"
DATABASE_FILE_NAME = "baocao.db"


def default_data_dir() -> Path:
    import platformdirs  # lazy: only needed when no folder was given

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def resolve_data_dir(
    explicit: str | os.PathLike[str] | None = None, environ: Mapping[str, str] | None = None
) -> Path:
    environ = os.environ if environ is None else environ
    if explicit is not None and str(explicit).strip():
        return Path(explicit).expanduser().absolute()
    from_env = environ.get(DATA_DIR_ENV, "").strip()
    if from_env:
        return Path(from_env).expanduser().absolute()
    from desktop import appinfo

    portable = appinfo.portable_data_dir()
    if portable is not None:
        return appinfo.require_writable_portable_dir(portable)
    return default_data_dir()


def database_path(data_dir: Path) -> Path:
    return data_dir / DATABASE_FILE_NAME
