"""`attach`, `evidence`, `detach`, `reduce`: the evidence files of a document."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli import values
from desktop.cli.context import CliContext
from desktop.cli.vietnamese import ArgumentTypeError

ORDER = 60


def _number(text: str) -> int:
    return values.positive_int("số thứ tự tài liệu minh chứng")(text)


def _pixels(text: str) -> int:
    return values.positive_int("số điểm ảnh")(text)


def _dpi(text: str) -> int:
    return values.positive_int("độ phân giải (dpi)")(text)


def _quality(text: str) -> int:
    value = values.positive_int("chất lượng JPEG")(text)
    if not 30 <= value <= 95:
        raise ArgumentTypeError(f"chất lượng JPEG phải từ 30 đến 95, không phải {text!r}")
    return value


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    p = subparsers.add_parser(
        "attach",
        help="đính kèm tệp minh chứng vào văn bản",
        description="Chép tệp vào kho minh chứng của chương trình (tệp gốc giữ nguyên; một tệp "
        "đính kèm hai lần chỉ lưu một bản) và thêm vào cuối danh sách minh chứng của văn bản. "
        "Loại tệp được nhận biết theo nội dung, không theo đuôi tên.",
    )
    p.add_argument("id", type=values.document_id, metavar="MÃ", help="mã văn bản")
    p.add_argument("files", nargs="+", type=Path, metavar="TỆP", help="các tệp cần đính kèm")
    p.add_argument(
        "--to", type=values.text("mục"), metavar="MỤC",
        help="mục của văn bản mà tài liệu minh chứng cho: số mục như II.1 hoặc mã khối",
    )  # fmt: skip
    p.add_argument(
        "--caption", type=values.text("chú thích"), metavar="CHÚ_THÍCH",
        help="chú thích (mặc định: tên tệp); áp dụng cho mọi tệp của lệnh",
    )  # fmt: skip
    p.set_defaults(func=attach)

    p = subparsers.add_parser(
        "evidence",
        help="liệt kê (hoặc sửa chú thích) tài liệu minh chứng của văn bản",
        description="Liệt kê tài liệu minh chứng của văn bản theo số thứ tự. Với SỐ và "
        "--caption/--to/--no-section: sửa chú thích hoặc mục liên quan của một tài liệu.",
    )
    p.add_argument("id", type=values.document_id, metavar="MÃ", help="mã văn bản")
    p.add_argument("number", type=_number, nargs="?", metavar="SỐ", help="số thứ tự cần sửa")
    p.add_argument("--caption", type=values.text("chú thích"), metavar="CHÚ_THÍCH",
                   help="chú thích mới")  # fmt: skip
    p.add_argument("--to", type=values.text("mục"), metavar="MỤC",
                   help="mục mới mà tài liệu minh chứng cho")  # fmt: skip
    p.add_argument("--no-section", action="store_true", help="bỏ liên kết với mục")
    p.add_argument(
        "--listing", action="store_true",
        help="in phần “Tài liệu kèm theo” như sẽ in trong văn bản",
    )  # fmt: skip
    p.add_argument("--json", action="store_true", help="in dạng JSON")
    p.set_defaults(func=evidence)

    p = subparsers.add_parser(
        "detach",
        help="gỡ một tài liệu minh chứng khỏi văn bản",
        description="Gỡ tài liệu minh chứng số SỐ; các tài liệu sau nó được đánh số lại để số "
        "thứ tự luôn liên tục (1, 2, 3 …). Tệp trong kho vẫn được giữ.",
    )
    p.add_argument("id", type=values.document_id, metavar="MÃ", help="mã văn bản")
    p.add_argument("number", type=_number, metavar="SỐ", help="số thứ tự tài liệu cần gỡ")
    p.set_defaults(func=detach)

    p = subparsers.add_parser(
        "reduce",
        help="thu nhỏ ảnh chụp và bản quét (giữ bản gốc)",
        description="Tạo bản thu nhỏ của ảnh chụp (cạnh dài tối đa --long-side điểm ảnh) và bản "
        "quét (về --dpi, giữ nguyên khổ giấy) để gói nhỏ hơn; bản gốc được giữ trong kho và "
        "khôi phục được bằng --undo. Không bao giờ phóng to ảnh.",
    )
    p.add_argument("id", type=values.document_id, metavar="MÃ", help="mã văn bản")
    p.add_argument(
        "numbers", type=_number, nargs="*", metavar="SỐ",
        help="số thứ tự các tài liệu (mặc định: mọi ảnh và bản quét)",
    )  # fmt: skip
    p.add_argument("--long-side", type=_pixels, default=2000, metavar="ĐIỂM_ẢNH",
                   help="cạnh dài tối đa của ảnh chụp (mặc định 2000)")  # fmt: skip
    p.add_argument("--dpi", type=_dpi, default=200, metavar="DPI",
                   help="độ phân giải của bản quét (mặc định 200)")  # fmt: skip
    p.add_argument("--quality", type=_quality, default=80, metavar="Q",
                   help="chất lượng JPEG 30–95 (mặc định 80)")  # fmt: skip
    p.add_argument("--undo", action="store_true", help="dùng lại bản gốc thay cho bản thu nhỏ")
    p.set_defaults(func=reduce)


def _progress(ctx: CliContext) -> Any:
    from desktop.cli.commands._progress import ConsoleProgress

    return ConsoleProgress(ctx.stderr)


def attach(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop.evidence.service import attach as attach_files
    from desktop.evidence.sizes import format_size

    with _progress(ctx) as progress:
        items = attach_files(
            ctx.store, args.id, args.files, caption=args.caption, block=args.to, progress=progress
        )
    for item in items:
        ctx.out(
            f"Đã đính kèm số {item.number}: {item.caption} ({item.file_type.label}, "
            f"{format_size(item.size)})"
        )
    return 0


def evidence(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop.cli.output import table, to_json, truncate
    from desktop.errors import UserError
    from desktop.evidence.blocks import describe_block
    from desktop.evidence.listing import attachment_lines
    from desktop.evidence.service import list_evidence, set_caption
    from desktop.evidence.sizes import format_size
    from desktop.services import documents

    editing = args.caption is not None or args.to is not None or args.no_section
    if editing and args.number is None:
        raise UserError(
            "Hãy ghi số thứ tự tài liệu cần sửa, ví dụ: baocao evidence 12 3 --caption …"
        )
    if args.number is not None and not editing:
        raise UserError("Hãy ghi điều cần sửa: --caption, --to hoặc --no-section.")
    if args.to is not None and args.no_section:
        raise UserError("Không dùng --to cùng với --no-section.")
    if editing:
        item = set_caption(
            ctx.store, args.id, args.number,
            caption=args.caption, block=args.to, unlink_block=args.no_section,
        )  # fmt: skip
        ctx.out(f"Đã sửa tài liệu minh chứng số {item.number}: {item.caption}")
        return 0

    items = list_evidence(ctx.store, args.id)
    document = documents.get(ctx.store, args.id).document
    if args.json:
        ctx.out(to_json([
            {"number": i.number, "caption": i.caption, "block_id": i.block_id,
             "section": describe_block(document, i.block_id), "original_name": i.original_name,
             "mime": i.mime, "type": i.file_type.label, "size": i.size, "sha256": i.sha256,
             "reduced_from": ({"sha256": i.original_sha256, "size": i.original_size}
                              if i.reduced else None),
             "added_at": i.added_at}
            for i in items
        ]))  # fmt: skip
        return 0
    if not items:
        ctx.out(f"Văn bản mã {args.id} chưa có tài liệu minh chứng; thêm bằng: baocao attach "
                f"{args.id} TỆP…")  # fmt: skip
        return 0
    if args.listing:
        for line in attachment_lines(items, document):
            ctx.out(line)
        return 0
    rows = []
    for i in items:
        size = format_size(i.size)
        if i.reduced:
            size += f" (thu nhỏ, tiết kiệm {format_size(i.saved_bytes)})"
        rows.append([
            str(i.number), truncate(i.caption, 50), truncate(describe_block(document, i.block_id), 40),
            i.file_type.label, size, truncate(i.original_name, 40),
        ])  # fmt: skip
    ctx.out(table(["Số", "Chú thích", "Minh chứng cho", "Loại", "Dung lượng", "Tệp gốc"], rows))
    total = sum(i.size for i in items)
    ctx.out(f"\nTổng: {len(items)} tài liệu, {format_size(total)}.")
    return 0


def detach(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop.evidence.service import detach as detach_item

    item = detach_item(ctx.store, args.id, args.number)
    ctx.out(
        f"Đã gỡ tài liệu minh chứng số {item.number}: {item.caption}; các tài liệu sau đã được "
        "đánh số lại."
    )
    return 0


def reduce(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop.errors import UserError
    from desktop.evidence.reduce import ReduceOptions
    from desktop.evidence.service import reduce_evidence, restore_original
    from desktop.evidence.sizes import format_size

    if args.undo:
        if not args.numbers:
            raise UserError("Hãy ghi số thứ tự tài liệu cần dùng lại bản gốc.")
        for number in args.numbers:
            item = restore_original(ctx.store, args.id, number)
            ctx.out(f"Số {item.number}: đã dùng lại bản gốc ({format_size(item.size)}).")
        return 0
    options = ReduceOptions(long_side=args.long_side, dpi=args.dpi, quality=args.quality)
    with _progress(ctx) as progress:
        results = reduce_evidence(
            ctx.store, args.id, args.numbers or None, options, progress=progress
        )
    saved = 0
    for r in results:
        if r.skipped:
            ctx.out(f"Số {r.number}: giữ nguyên — {r.skipped}.")
        else:
            saved += r.saved
            ctx.out(
                f"Số {r.number}: {format_size(r.before)} → {format_size(r.after)} "
                f"(tiết kiệm {format_size(r.saved)})."
            )
    reduced = sum(1 for r in results if not r.skipped)
    ctx.out(f"Đã thu nhỏ {reduced} tệp, tiết kiệm tổng cộng {format_size(saved)}; bản gốc vẫn "
            "được giữ (dùng lại bằng --undo).")  # fmt: skip
    return 0
