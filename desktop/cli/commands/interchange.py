"""`dump` and `load`: a document as a versioned JSON file (the interchange and template format)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.cli import values
from desktop.cli.context import CliContext
from desktop.errors import UserError

ORDER = 30


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    p = subparsers.add_parser(
        "dump",
        help="xuất văn bản ra JSON (baocao dump MÃ > vanban.json)",
        description="In văn bản dưới dạng JSON có phiên bản (định dạng trao đổi và mẫu; lược đồ "
        "trong resources/schema/document.schema.json). Mã hóa UTF-8.",
    )
    p.add_argument("id", type=values.document_id, metavar="MÃ", help="mã văn bản")
    p.add_argument("-o", "--output", metavar="TỆP", help="ghi vào tệp thay vì in ra màn hình")
    p.set_defaults(func=dump)

    p = subparsers.add_parser(
        "load",
        help="nạp văn bản từ tệp JSON; in ra mã văn bản",
        description="Nạp văn bản từ tệp JSON (do baocao dump tạo ra hoặc viết theo lược đồ). "
        "Mặc định tạo văn bản mới; với --replace MÃ thì ghi đè văn bản đó (bản cũ được lưu vào "
        "lịch sử). Dùng - để đọc từ đầu vào chuẩn. Chỉ in ra mã văn bản.",
    )
    p.add_argument("file", metavar="TỆP", help="tệp JSON, hoặc - để đọc từ đầu vào chuẩn")
    p.add_argument("--replace", type=values.document_id, metavar="MÃ",
                   help="ghi đè văn bản có mã này thay vì tạo mới")  # fmt: skip
    p.set_defaults(func=load)


def dump(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop.services import interchange

    text = interchange.dump(ctx.store, args.id)
    if args.output:
        from desktop.services.files import write_atomically

        # All or nothing: a full disk never leaves a cut JSON file under the asked name.
        write_atomically(Path(args.output), text.encode("utf-8"))
    else:
        ctx.stdout.write(text)
    return 0


def _read_input(name: str) -> str:
    if name == "-":
        data = sys.stdin.buffer.read()
        label = "đầu vào chuẩn"
    else:
        data = read_user_file(Path(name))
        label = name
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UserError(
            f"Tệp {label} không phải UTF-8 (byte lỗi ở vị trí {exc.start}); "
            "hãy lưu lại tệp với mã hóa UTF-8"
        ) from None


def read_user_file(path: Path) -> bytes:
    """The bytes of a file the user named; a folder, a pipe or a device is refused, not read
    (reading a FIFO would wait forever)."""
    import stat

    from desktop.services.oserrors import read_failure

    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise UserError(f"{path} là một thư mục, không phải tệp JSON")
        if not stat.S_ISREG(mode):
            raise UserError(f"{path} không phải là một tệp thông thường (thiết bị, ống dẫn…)")
        return path.read_bytes()
    except (OSError, UnicodeError) as exc:
        raise read_failure(exc, path) from None


def load(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop.services import interchange

    text = _read_input(args.file)
    name = "đầu vào chuẩn" if args.file == "-" else args.file
    document_id = interchange.load(ctx.store, text, replace_id=args.replace, source_name=name)
    ctx.out(str(document_id))
    return 0
