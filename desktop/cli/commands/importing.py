"""`import`: an existing document (.txt, .md, .docx) becomes a new structured draft."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.cli import values
from desktop.cli.context import CliContext
from desktop.model.kinds import DocumentKind

ORDER = 25

KIND_HELP = "loại văn bản, nếu không muốn để chương trình tự nhận ra: " + ", ".join(
    k.value for k in DocumentKind
)


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    p = subparsers.add_parser(
        "import",
        help="nhập văn bản có sẵn (.txt, .md, .docx) thành dự thảo mới; in ra mã văn bản",
        description="Nhập văn bản có sẵn — tệp Word .docx, văn bản thuần .txt/.md (kể cả chữ "
        "sao chép từ PDF, bảng mã TCVN3/VNI) — thành dự thảo có cấu trúc: phần đầu, đề mục, "
        "chú thích, Nơi nhận, người ký. Không sửa chữ của văn bản gốc. In mã văn bản mới ra "
        "đầu ra chuẩn và báo cáo nhập (những gì đã nhận ra, những chỗ cần kiểm tra) ra đầu ra "
        "lỗi; với --json thì in cả hai dạng JSON ra đầu ra chuẩn. Dùng - để đọc văn bản từ đầu "
        "vào chuẩn.",
    )
    p.add_argument("file", metavar="TỆP", help="tệp cần nhập, hoặc - để đọc từ đầu vào chuẩn")
    p.add_argument("--kind", type=values.kind, metavar="LOẠI", help=KIND_HELP)
    p.add_argument("--json", action="store_true", help="in mã văn bản và báo cáo nhập dạng JSON")
    p.add_argument(
        "--dry-run",
        action="store_true",
        help="chỉ nhận dạng và in báo cáo nhập, không lưu văn bản",
    )
    p.set_defaults(func=import_command)


def _refuse_special_file(path: Path) -> None:
    """A pipe or a device would make the importer wait forever for data: refuse it up front."""
    import stat

    from desktop.errors import UserError

    try:
        mode = path.stat().st_mode
    except OSError:
        return  # missing or unreadable: the importer says so in its own words
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        raise UserError(f"{path} không phải là một tệp thông thường (thiết bị, ống dẫn…)")


def import_command(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop.cli.output import to_json
    from desktop.importing.office_defaults import with_office_defaults
    from desktop.importing.service import import_bytes, import_file, store_import
    from desktop.services.profile import get_profile

    if args.file == "-":
        result = import_bytes(sys.stdin.buffer.read(), "đầu vào chuẩn", args.kind)
    else:
        path = Path(args.file)
        _refuse_special_file(path)
        result = import_file(path, args.kind)
    result = with_office_defaults(result, get_profile(ctx.store))
    document_id = None if args.dry_run else store_import(ctx.store, result)
    if args.json:
        ctx.out(to_json({"id": document_id, "report": result.report.to_json()}))
        return 0
    if document_id is not None:
        ctx.out(str(document_id))
    print(result.report.to_text(), file=ctx.stderr)
    return 0
