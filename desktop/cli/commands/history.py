"""`history` and `restore`: the snapshots of a document and bringing one back."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli import values
from desktop.cli.context import CliContext

ORDER = 40


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    p = subparsers.add_parser(
        "history",
        help="xem các bản lưu lịch sử của văn bản",
        description="Liệt kê các bản lưu lịch sử của văn bản (khi hoàn thiện, khi xuất tệp, và "
        "định kỳ trong lúc sửa), mới nhất ở trên.",
    )
    p.add_argument("id", type=values.document_id, metavar="MÃ", help="mã văn bản")
    p.add_argument("--json", action="store_true", help="in dạng JSON")
    p.set_defaults(func=history)

    p = subparsers.add_parser(
        "restore",
        help="khôi phục văn bản về một bản lưu lịch sử",
        description="Đưa văn bản về đúng nội dung của một bản lưu lịch sử. Nội dung hiện tại "
        "được lưu thành một bản lịch sử trước, nên có thể quay lại.",
    )
    p.add_argument("id", type=values.document_id, metavar="MÃ", help="mã văn bản")
    p.add_argument("snapshot", type=values.snapshot_id, metavar="MÃ_BẢN_LƯU",
                   help="mã bản lưu (xem bằng baocao history MÃ)")  # fmt: skip
    p.set_defaults(func=restore)


def history(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop.cli.output import table, to_json, truncate
    from desktop.services.clock import local_display
    from desktop.services.history import list_history

    snapshots = list_history(ctx.store, args.id)
    if args.json:
        ctx.out(to_json([
            {"id": s.id, "taken_at": s.taken_at.isoformat(), "reason": s.reason.value,
             "note": s.note, "status": s.status.value, "title": s.title, "revision": s.revision}
            for s in snapshots
        ]))  # fmt: skip
        return 0
    if not snapshots:
        ctx.out(f"Văn bản mã {args.id} chưa có bản lưu lịch sử nào.")
        return 0
    rows = [
        [str(s.id), local_display(s.taken_at), s.reason_label, s.status_label,
         truncate(s.title, 60)]
        for s in snapshots
    ]  # fmt: skip
    ctx.out(table(["Mã bản lưu", "Thời điểm", "Lý do", "Trạng thái", "Trích yếu"], rows))
    return 0


def restore(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop.services.history import restore as restore_snapshot

    restore_snapshot(ctx.store, args.id, args.snapshot)
    ctx.out(
        f"Đã khôi phục văn bản mã {args.id} về bản lưu {args.snapshot}; nội dung trước đó "
        f"đã được lưu vào lịch sử (baocao history {args.id})."
    )
    return 0
