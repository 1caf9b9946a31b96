"""The store: one open database of one office, the way the CLI and the window both use it.

`open_store()` resolves the data folder, refuses a damaged file without touching it, applies
migrations, and makes the rotating backup. Every user command runs in one `store.write()` (or
`store.read()`) block: one transaction, committed at the end of the command, so there is no Save
button and a failing command leaves nothing half-written.

Threads: a `Store` and its connection belong to the thread that opened it (sqlite3 enforces it).
A background job opens its own `Store` on the same folder (WAL lets readers and one writer work
side by side) or works on immutable values it was handed (`Document`s are frozen).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from db import backup as db_backup
from db.connection import Database, open_database, read_transaction, write_transaction
from db.errors import (
    DatabaseBusy,
    DatabaseCorrupt,
    DatabaseForeign,
    DatabaseFull,
    DatabaseIOError,
    DatabaseReadOnly,
    DatabaseTooNew,
    RevisionConflict,
    StorageError,
)
from db.schema import migrate
from desktop.errors import (
    ConflictError,
    CorruptDatabaseError,
    DataInUseError,
    UserError,
)
from desktop.services.clock import Clock, local_display, parse_file_stamp, system_clock, to_iso
from desktop.services.paths import database_path, resolve_data_dir


@dataclass(frozen=True)
class StoreSettings:
    busy_timeout_ms: int = 5000
    backup_on_open: bool = True
    backup_keep: int = 10  # rotating backups kept in backups/
    # A new backup on open only if the data changed and the newest backup is at least this old,
    # so a batch of CLI commands does not copy the whole database each time.
    backup_min_interval: dt.timedelta = field(default_factory=lambda: dt.timedelta(hours=1))
    # At most one automatic history snapshot per document per interval of editing.
    auto_snapshot_interval: dt.timedelta = field(default_factory=lambda: dt.timedelta(minutes=10))
    auto_snapshot_keep: int = 50  # automatic snapshots kept per document (finalize/export: all)


class Store:
    """An open office database. Use as a context manager or call `close()`."""

    def __init__(
        self,
        data_dir: Path,
        db: Database,
        *,
        clock: Clock,
        settings: StoreSettings,
        created: bool,
    ) -> None:
        self.data_dir = data_dir
        self.db = db
        self.clock = clock
        self.settings = settings
        self.created = created  # True when this open made a brand-new database
        self.backup_warning: str | None = None  # set when the backup on open failed

    @property
    def path(self) -> Path:
        return self.db.path

    def now(self) -> dt.datetime:
        return self.clock()

    def now_iso(self) -> str:
        return to_iso(self.clock())

    @contextlib.contextmanager
    def write(self) -> Iterator[Database]:
        """One write transaction (nested blocks become savepoints of the outer one)."""
        with storage_errors(self.data_dir), write_transaction(self.db) as db:
            yield db

    @contextlib.contextmanager
    def read(self) -> Iterator[Database]:
        """A consistent read of several queries."""
        with storage_errors(self.data_dir), read_transaction(self.db) as db:
            yield db

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def open_store(
    data_dir: str | os.PathLike[str] | None = None,
    *,
    clock: Clock = system_clock,
    settings: StoreSettings | None = None,
) -> Store:
    """Open (creating on first use) the store in `data_dir` (see `desktop.services.paths`)."""
    settings = settings or StoreSettings()
    folder = resolve_data_dir(data_dir)
    _prepare_folder(folder)
    path = database_path(folder)
    if path.is_dir():
        raise UserError(
            f"{path} là một thư mục, không phải tệp dữ liệu; hãy đổi tên hoặc chuyển thư mục đó "
            "đi (không có gì bị xóa) rồi chạy lại"
        )
    created = not path.exists() or path.stat().st_size == 0
    if created and path.exists() and db_backup.list_backups(path):
        # An empty file where backups exist was cut to nothing, not freshly created.
        raise corrupt_database_error(folder, "tệp rỗng")
    with storage_errors(folder):
        db = open_database(path, busy_timeout_ms=settings.busy_timeout_ms)
        try:
            migrate(db)
        except BaseException:
            db.close()
            raise
    store = Store(folder, db, clock=clock, settings=settings, created=created)
    if settings.backup_on_open:
        try:
            from desktop.services.backups import backup_if_due

            backup_if_due(store)
        except CorruptDatabaseError:
            store.close()
            raise
        except (OSError, StorageError, UserError) as exc:
            # Not being able to back up (a full disk, a busy folder) must not stop the work.
            store.backup_warning = f"Không sao lưu được dữ liệu: {_backup_failure(exc)}"
    return store


def _backup_failure(exc: BaseException) -> str:
    from desktop.services.oserrors import reason

    if isinstance(exc, UserError):
        return exc.message
    if isinstance(exc, DatabaseFull):
        return "ổ đĩa đã đầy"
    if isinstance(exc, DatabaseBusy):
        return "dữ liệu đang được ghi ở nơi khác"
    if isinstance(exc, StorageError):
        return "không tạo được bản sao (lỗi đọc ghi ổ đĩa)"
    return reason(exc)


def _prepare_folder(folder: Path) -> None:
    """Create the data folder; refuse, before SQLite does it cryptically, one that is a file or
    cannot be written (a write-protected USB stick, a CD, a folder of another user)."""
    from desktop.services.oserrors import reason

    if folder.exists() and not folder.is_dir():
        raise UserError(
            f"Thư mục dữ liệu {folder} thực ra là một tệp; hãy chọn thư mục khác bằng --data-dir"
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (OSError, UnicodeError) as exc:
        raise UserError(
            f"Không tạo được thư mục dữ liệu {folder}: {reason(exc)}; "
            "hãy chọn thư mục khác bằng --data-dir"
        ) from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise read_only_error(folder)


def read_only_error(data_dir: Path) -> UserError:
    return UserError(
        f"Không ghi được vào thư mục dữ liệu {data_dir}: thư mục hoặc tệp baocao.db chỉ cho đọc "
        "(ổ chống ghi, đĩa CD, thiếu quyền); không có gì bị thay đổi; hãy chép cả thư mục sang ổ "
        "ghi được rồi dùng --data-dir, hoặc nhờ bộ phận CNTT cấp quyền ghi"
    )


@contextlib.contextmanager
def storage_errors(data_dir: Path) -> Iterator[None]:
    """Translate storage failures into the Vietnamese `UserError`s the user sees."""
    try:
        yield
    except DatabaseCorrupt:
        raise corrupt_database_error(data_dir) from None
    except DatabaseBusy:
        raise DataInUseError(
            f"Dữ liệu trong {data_dir} đang được một cửa sổ hoặc lệnh baocao khác ghi; "
            "hãy đợi giây lát rồi thử lại"
        ) from None
    except DatabaseReadOnly:
        raise read_only_error(data_dir) from None
    except DatabaseFull:
        raise UserError(
            f"Ổ đĩa chứa dữ liệu {data_dir} đã đầy nên lệnh chưa được lưu (không có gì bị ghi "
            "dở); hãy giải phóng chỗ trống rồi chạy lại"
        ) from None
    except DatabaseIOError:
        raise UserError(
            f"Lỗi đọc ghi ổ đĩa chứa dữ liệu {data_dir} (ổ USB bị rút ra hoặc hỏng?); lệnh chưa "
            "được lưu; hãy kiểm tra ổ đĩa rồi chạy lại"
        ) from None
    except DatabaseForeign:
        raise UserError(
            f"Tệp {database_path(data_dir)} không phải dữ liệu của baocao (có thể của chương "
            "trình khác); tệp được giữ nguyên; hãy chọn thư mục dữ liệu khác bằng --data-dir"
        ) from None
    except DatabaseTooNew:
        raise UserError(
            f"Dữ liệu trong {data_dir} do một phiên bản baocao mới hơn tạo ra; "
            "hãy cập nhật ứng dụng lên phiên bản mới nhất"
        ) from None
    except RevisionConflict as exc:
        raise ConflictError(
            f"Văn bản mã {exc.document_id} vừa được sửa ở nơi khác; "
            "hãy mở lại văn bản để xem bản mới nhất rồi sửa tiếp"
        ) from None


def corrupt_database_error(data_dir: Path, detail: str = "") -> CorruptDatabaseError:
    """The one-line message for a damaged file: what happened, the newest backup, the command."""
    path = database_path(data_dir)
    what = f"Tệp dữ liệu {path} bị hỏng{f' ({detail})' if detail else ''}, không mở được"
    backups = db_backup.list_backups(path)
    if not backups:
        return CorruptDatabaseError(
            f"{what}; tệp được giữ nguyên; không có bản sao lưu nào trong "
            f"{db_backup.backup_dir(path)}, hãy nhờ bộ phận CNTT khôi phục"
        )
    latest = backups[0]
    when = local_display(parse_file_stamp(latest.stamp))
    return CorruptDatabaseError(
        f"{what}; tệp được giữ nguyên; bản sao lưu gần nhất: {latest.path} ({when}); "
        f'để khôi phục, chạy: baocao --data-dir "{data_dir}" restore-backup'
    )
