"""`search`: full-text search, insensitive to diacritics and case."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli import values
from desktop.cli.context import CliContext

ORDER = 20


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    p = subparsers.add_parser(
        "search",
        help="tìm văn bản theo nội dung (không phân biệt dấu, hoa thường)",
        description="Tìm văn bản chứa mọi từ của câu tìm, không phân biệt dấu và chữ hoa: "
        "“dak glei” tìm được “Đắk Glei”. Đặt cụm từ trong dấu ngoặc kép để tìm đúng cụm; "
        "số, ký hiệu như 123/BC-SNV được tìm nguyên cụm.",
    )
    p.add_argument("query", nargs="+", type=values.text("từ cần tìm"), metavar="TỪ",
                   help="các từ cần tìm")  # fmt: skip
    p.add_argument("--limit", type=values.positive_int("số kết quả"), default=50, metavar="N",
                   help="số kết quả tối đa (mặc định 50)")  # fmt: skip
    p.add_argument("--deleted", action="store_true", help="tìm cả trong thùng rác")
    p.add_argument("--json", action="store_true", help="in dạng JSON")
    p.set_defaults(func=search)


def search(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop.cli.output import date_vn, table, to_json, truncate
    from desktop.services.search import search as run_search

    query = " ".join(args.query)
    results = run_search(ctx.store, query, limit=args.limit, include_deleted=args.deleted)
    if args.json:
        ctx.out(to_json([
            {"id": r.summary.id, "kind": r.summary.kind.value, "title": r.summary.title,
             "number_symbol": r.summary.number_symbol, "status": r.summary.status.value,
             "deleted": r.summary.is_deleted, "in_title": r.in_title}
            for r in results
        ]))  # fmt: skip
        return 0
    if not results:
        ctx.out(f"Không tìm thấy văn bản nào chứa “{query}”.")
        return 0
    rows = [
        [str(r.summary.id), r.summary.kind_label, r.summary.number_symbol,
         date_vn(r.summary.date), truncate(r.summary.title, 70)]
        for r in results
    ]  # fmt: skip
    ctx.out(table(["Mã", "Loại", "Số, ký hiệu", "Ngày", "Trích yếu"], rows))
    return 0
