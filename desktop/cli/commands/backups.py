"""`backup` and `restore-backup`: copies of the database and putting one back."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.context import CliContext

ORDER = 60


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    p = subparsers.add_parser(
        "backup",
        help="sao lưu dữ liệu ngay",
        description="Sao lưu cơ sở dữ liệu vào thư mục backups/ cạnh tệp dữ liệu (chương trình "
        "cũng tự sao lưu khi mở, giữ các bản mới nhất).",
    )
    p.add_argument("--list", action="store_true", help="chỉ liệt kê các bản sao lưu")
    p.set_defaults(func=backup)

    p = subparsers.add_parser(
        "restore-backup",
        help="khôi phục dữ liệu từ bản sao lưu (khi tệp dữ liệu bị hỏng)",
        description="Thay tệp dữ liệu bằng một bản sao lưu (mặc định: bản mới nhất). Tệp cũ "
        "không bị xóa mà được đổi tên thành baocao.db.hong-THỜI_ĐIỂM. Hãy đóng mọi cửa sổ "
        "baocao đang dùng thư mục dữ liệu này trước khi chạy.",
    )
    p.add_argument("backup", nargs="?", metavar="TỆP",
                   help="tệp sao lưu cần dùng (mặc định: bản mới nhất)")  # fmt: skip
    p.add_argument("--list", action="store_true", help="chỉ liệt kê các bản sao lưu")
    p.set_defaults(func=restore_backup)


def _list(ctx: CliContext) -> int:
    from desktop.cli.output import table
    from desktop.services.backups import list_backups
    from desktop.services.clock import local_display

    found = list_backups(ctx.data_dir)
    if not found:
        ctx.out(f"Chưa có bản sao lưu nào trong {ctx.data_dir / 'backups'}.")
        return 0
    from desktop.evidence.sizes import format_size

    rows = [[local_display(b.taken_at), format_size(b.size), str(b.path)] for b in found]
    ctx.out(table(["Thời điểm", "Dung lượng", "Tệp"], rows))
    return 0


def backup(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.list:
        return _list(ctx)
    from desktop.services.backups import backup_now
    from desktop.services.store import StoreSettings, open_store

    # Opened without the automatic on-open backup, so this makes exactly one.
    with open_store(
        ctx.data_dir, clock=ctx.clock, settings=StoreSettings(backup_on_open=False)
    ) as s:
        made = backup_now(s)
    ctx.out(f"Đã sao lưu vào {made.path}")
    return 0


def restore_backup(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.list:
        return _list(ctx)
    from desktop.services.backups import restore_backup as restore

    result = restore(ctx.data_dir, args.backup, clock=ctx.clock)
    ctx.out(f"Đã khôi phục dữ liệu từ {result.restored_from}.")
    if result.moved_aside is not None:
        ctx.out(f"Tệp dữ liệu cũ được giữ lại tại {result.moved_aside}.")
    return 0
