"""`export`: a stored document to DOCX and/or PDF, in the exact ND30 format."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli import values
from desktop.cli.context import CliContext

ORDER = 50


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    p = subparsers.add_parser(
        "export",
        help="xuất văn bản ra DOCX và/hoặc PDF đúng thể thức",
        description="Xuất văn bản ra tệp Word (.docx) và/hoặc PDF đúng thể thức Nghị định "
        "30/2020/NĐ-CP. Tệp chỉ được ghi khi đã tạo xong (không để lại tệp dở); văn bản được "
        "lưu một bản lịch sử và chuyển sang trạng thái “Đã xuất”. Trước khi xuất, chương trình "
        "kiểm tra thể thức và báo số lỗi, cảnh báo (xem chi tiết bằng baocao check MÃ).",
    )
    p.add_argument("id", type=values.document_id, metavar="MÃ", help="mã văn bản")
    p.add_argument("--docx", metavar="TỆP", type=Path, help="tệp .docx cần ghi")
    p.add_argument("--pdf", metavar="TỆP", type=Path, help="tệp .pdf cần ghi")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(func=export)


def export(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop.appinfo import DISPLAY_NAME, version
    from desktop.checker import sort_findings
    from desktop.cli.output import to_json
    from desktop.errors import UserError
    from desktop.services.export import FORMAT_LABELS, ExportFormat, export_files

    targets = {
        fmt: path
        for fmt, path in ((ExportFormat.DOCX, args.docx), (ExportFormat.PDF, args.pdf))
        if path is not None
    }
    if not targets:
        raise UserError("Chưa chọn tệp xuất: hãy ghi --docx TỆP và/hoặc --pdf TỆP")
    result = export_files(ctx.store, args.id, targets, producer=f"{DISPLAY_NAME} {version()}")
    errors = sum(1 for f in result.findings if f.severity.value == "lỗi")
    warnings = len(result.findings) - errors
    if args.json:
        ctx.out(to_json({
            "id": result.document_id,
            "files": {fmt.value: str(path) for fmt, path in result.files.items()},
            "pdf_pages": result.pdf_pages,
            "snapshot": result.snapshot_id,
            "errors": errors,
            "warnings": warnings,
            "findings": [f.to_json() for f in sort_findings(result.findings)],
        }))  # fmt: skip
        return 0
    for fmt, path in result.files.items():
        pages = (
            f" ({result.pdf_pages} trang)" if fmt is ExportFormat.PDF and result.pdf_pages else ""
        )
        ctx.out(f"Đã xuất {FORMAT_LABELS[fmt]}: {path}{pages}")
    if result.findings:
        ctx.out(
            f"Kiểm tra thể thức: {errors} lỗi, {warnings} cảnh báo; xem chi tiết bằng "
            f"baocao check {result.document_id}"
        )
    else:
        ctx.out("Kiểm tra thể thức: không có lỗi.")
    return 0
