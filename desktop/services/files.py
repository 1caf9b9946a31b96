"""Writing a user's file all or nothing: a temporary file beside it, fsync, then one rename.

A full disk, a USB stick pulled out, Ctrl+C or a crash therefore never leave a half-written file
under the name the user asked for, and never damage the previous file of that name. The
temporary name is hidden (`.~baocao-….tmp`) and is removed on every failure the process survives;
after a power cut at most that hidden file is left.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from desktop.services.oserrors import write_failure

TEMP_PREFIX = ".~baocao-"


def default_file_mode() -> int:
    """What `open(…, "w")` would give a new file: 0o666 less the umask (mkstemp gives 0o600)."""
    if os.name == "nt":
        return stat.S_IREAD | stat.S_IWRITE
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def temporary_beside(target: Path, suffix: str = ".tmp") -> Path:
    """Create an empty hidden file in `target`'s folder (same disk, so the rename is atomic)."""
    handle, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=suffix, dir=target.parent)
    os.close(handle)
    return Path(name)


def publish(temp: Path, target: Path) -> None:
    """Make `temp` durable, give it normal permissions and rename it to `target`."""
    with temp.open("rb+") as f:
        os.fsync(f.fileno())
    with contextlib.suppress(OSError):
        os.chmod(temp, default_file_mode())
    os.replace(temp, target)
    fsync_directory(target.parent)


def fsync_directory(directory: Path) -> None:
    """Make a rename durable on POSIX; Windows cannot open a folder and does not need it."""
    if os.name == "nt":
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(target: Path, data: bytes) -> None:
    """Write `data` to `target` all or nothing; raise a Vietnamese `UserError` on failure."""
    temp: Path | None = None
    try:
        if target.is_dir():
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(target))
        temp = temporary_beside(target)
        with temp.open("wb") as f:
            f.write(data)
        publish(temp, target)
        temp = None
    except (OSError, UnicodeError) as exc:
        raise write_failure(exc, target) from None
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                temp.unlink()
