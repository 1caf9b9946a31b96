"""`new`, `list`, `show`, `duplicate`, `finalize`, `delete`, `undelete`: documents in the store."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli import values
from desktop.cli.context import CliContext
from desktop.model.kinds import DocumentKind

ORDER = 10

KIND_HELP = "loại văn bản: " + ", ".join(k.value for k in DocumentKind)


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    p = subparsers.add_parser(
        "new",
        help="tạo văn bản mới (dự thảo) theo hồ sơ cơ quan; in ra mã văn bản",
        description="Tạo văn bản mới ở trạng thái dự thảo. Tên cơ quan, ký hiệu, địa danh, "
        "người ký và Nơi nhận lấy từ hồ sơ cơ quan (baocao profile). Chỉ in ra mã văn bản mới.",
    )
    p.add_argument("--kind", required=True, type=values.kind, metavar="LOẠI", help=KIND_HELP)
    p.add_argument("--title", default="", type=values.text("trích yếu"), metavar="TRÍCH_YẾU",
                   help="trích yếu (với công văn: không ghi “V/v”)")  # fmt: skip
    p.add_argument("--number", type=values.positive_int("số văn bản"), metavar="SỐ",
                   help="số văn bản (để trống khi còn là dự thảo)")  # fmt: skip
    p.add_argument("--date", type=values.iso_date("ngày ban hành"), metavar="NĂM-THÁNG-NGÀY",
                   help="ngày ban hành, ví dụ 2026-03-05")  # fmt: skip
    p.add_argument("--deadline", type=values.iso_date("hạn gửi"), metavar="NĂM-THÁNG-NGÀY",
                   help="hạn gửi báo cáo")  # fmt: skip
    p.set_defaults(func=new)

    p = subparsers.add_parser(
        "list",
        help="liệt kê văn bản (mới sửa trước)",
        description="Liệt kê văn bản, văn bản sửa gần nhất ở trên.",
    )
    p.add_argument("--kind", type=values.kind, metavar="LOẠI", help="chỉ " + KIND_HELP)
    p.add_argument("--status", type=values.status, metavar="TRẠNG_THÁI",
                   help="chỉ trạng thái này: " + values.STATUS_NAMES)  # fmt: skip
    p.add_argument("--year", type=values.year, metavar="NĂM", help="chỉ văn bản của năm này")
    p.add_argument("--deleted", action="store_true", help="liệt kê thùng rác")
    p.add_argument("--json", action="store_true", help="in dạng JSON")
    p.set_defaults(func=list_)

    p = subparsers.add_parser(
        "show", help="xem một văn bản", description="In văn bản dưới dạng chữ, hoặc JSON."
    )
    p.add_argument("id", type=values.document_id, metavar="MÃ", help="mã văn bản")
    p.add_argument("--json", action="store_true",
                   help="in thông tin lưu trữ và nội dung dạng JSON")  # fmt: skip
    p.set_defaults(func=show)

    p = subparsers.add_parser(
        "duplicate",
        help="tạo dự thảo mới từ một văn bản (báo cáo kỳ trước); in ra mã mới",
        description="Sao chép văn bản thành dự thảo mới: xóa số, ngày, hạn gửi; kỳ báo cáo "
        "chuyển sang kỳ kế tiếp. Chỉ in ra mã văn bản mới.",
    )
    p.add_argument("id", type=values.document_id, metavar="MÃ", help="mã văn bản gốc")
    p.set_defaults(func=duplicate)

    p = subparsers.add_parser(
        "finalize",
        help="đánh dấu văn bản đã hoàn thiện (lưu một bản vào lịch sử)",
        description="Chuyển văn bản sang trạng thái “Đã hoàn thiện” và lưu bản này vào lịch sử.",
    )
    p.add_argument("id", type=values.document_id, metavar="MÃ", help="mã văn bản")
    p.set_defaults(func=finalize)

    p = subparsers.add_parser(
        "delete",
        help="chuyển văn bản vào thùng rác",
        description="Chuyển văn bản vào thùng rác; lấy lại bằng: baocao undelete MÃ.",
    )
    p.add_argument("id", type=values.document_id, metavar="MÃ", help="mã văn bản")
    p.set_defaults(func=delete)

    p = subparsers.add_parser(
        "undelete",
        help="lấy văn bản ra khỏi thùng rác",
        description="Lấy văn bản ra khỏi thùng rác (xem thùng rác: baocao list --deleted).",
    )
    p.add_argument("id", type=values.document_id, metavar="MÃ", help="mã văn bản")
    p.set_defaults(func=undelete)


def new(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop.services import documents

    document_id = documents.create(
        ctx.store, args.kind, args.title,
        number=args.number, date=args.date, deadline=args.deadline,
    )  # fmt: skip
    ctx.out(str(document_id))
    return 0


def _summary_json(s: Any) -> dict[str, Any]:
    return {
        "id": s.id,
        "kind": s.kind.value,
        "status": s.status.value,
        "number": s.number,
        "number_symbol": s.number_symbol,
        "title": s.title,
        "date": s.date.isoformat() if s.date else None,
        "year": s.year,
        "deadline": s.deadline.isoformat() if s.deadline else None,
        "created_at": s.created_at.isoformat(),
        "updated_at": s.updated_at.isoformat(),
        "deleted_at": s.deleted_at.isoformat() if s.deleted_at else None,
        "revision": s.revision,
    }


def list_(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop.cli.output import date_vn, table, to_json, truncate
    from desktop.services import documents

    found = documents.list_documents(
        ctx.store, kind=args.kind, status=args.status, year=args.year, deleted=args.deleted
    )
    if args.json:
        ctx.out(to_json([_summary_json(s) for s in found]))
        return 0
    if not found:
        ctx.out("Thùng rác trống." if args.deleted else "Chưa có văn bản nào.")
        return 0
    rows = [
        [str(s.id), s.kind_label, s.number_symbol, date_vn(s.date), s.status_label,
         truncate(s.title, 70)]
        for s in found
    ]  # fmt: skip
    ctx.out(table(["Mã", "Loại", "Số, ký hiệu", "Ngày", "Trạng thái", "Trích yếu"], rows))
    return 0


def show(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop.cli.output import to_json
    from desktop.cli.textview import document_text
    from desktop.model.serialize import document_to_json
    from desktop.services import documents

    stored = documents.get(ctx.store, args.id)
    if args.json:
        ctx.out(to_json({**_summary_json(stored.summary),
                         "document": document_to_json(stored.document)}))  # fmt: skip
        return 0
    s = stored.summary
    ctx.out(f"Mã {s.id} · {s.kind_label} · {s.status_label}"
            + (" · ĐANG Ở THÙNG RÁC" if s.is_deleted else ""))  # fmt: skip
    ctx.out("=" * 72)
    ctx.stdout.write(document_text(stored.document, blank_year=s.year))
    return 0


def duplicate(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop.services import documents

    ctx.out(str(documents.duplicate(ctx.store, args.id)))
    return 0


def finalize(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop.packaging.service import budget_for_document
    from desktop.services import documents

    documents.finalize(ctx.store, args.id)
    ctx.out(f"Văn bản mã {args.id} đã hoàn thiện; một bản đã được lưu vào lịch sử.")
    # Say now, not after packaging, when the package would not fit in an e-mail.
    verdict = budget_for_document(ctx.store, args.id)
    if not verdict.fits:
        ctx.warn(verdict.message)
    return 0


def delete(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop.services import documents

    documents.delete(ctx.store, args.id)
    ctx.out(f"Đã chuyển văn bản mã {args.id} vào thùng rác (lấy lại: baocao undelete {args.id}).")
    return 0


def undelete(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop.services import documents

    documents.undelete(ctx.store, args.id)
    ctx.out(f"Đã lấy văn bản mã {args.id} ra khỏi thùng rác.")
    return 0
