"""`check`: the format checker on a stored document or on any .docx/.pdf file."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.checker.findings import Finding, Severity
from desktop.cli import values
from desktop.cli.context import CliContext
from desktop.errors import UserError

if TYPE_CHECKING:
    from desktop.checker.pdf import SignatureStatus

ORDER = 55


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    p = subparsers.add_parser(
        "check",
        help="kiểm tra thể thức một văn bản đã lưu hoặc một tệp .docx/.pdf",
        description="Kiểm tra thể thức theo Nghị định 30/2020/NĐ-CP: khổ giấy, lề, phông chữ, "
        "Quốc hiệu và Tiêu ngữ, số và ký hiệu, ngày tháng, tên loại, trích yếu, nội dung, "
        "khối chữ ký, Nơi nhận, số trang, chú thích. Dùng được với tệp Word của người khác. "
        "Mỗi lỗi ghi rõ vị trí, quy định và cách sửa. Mã thoát 1 khi có lỗi.",
    )
    p.add_argument(
        "target", metavar="MÃ_HOẶC_TỆP",
        help="mã văn bản đã lưu, hoặc đường dẫn tệp .docx/.pdf",
    )  # fmt: skip
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(func=check)


def check(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop.checker import check_file, has_errors, sort_findings
    from desktop.cli.output import to_json

    target: str = args.target
    path = Path(target)
    if target.isascii() and target.isdigit() and not path.exists():
        from desktop.cli.vietnamese import ArgumentTypeError

        try:
            document_id = values.document_id(target)
        except ArgumentTypeError as exc:
            raise UserError(str(exc)) from None
        findings, label = _check_stored(ctx, document_id)
    else:
        findings, label = check_file(path), path.name
    findings = sort_findings(findings)
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    signatures = _signatures(path) if path.suffix.lower() == ".pdf" and path.is_file() else []
    if args.json:
        ctx.out(to_json({
            "source": label,
            "errors": errors,
            "warnings": len(findings) - errors,
            "findings": [f.to_json() for f in findings],
            "signatures": [asdict(s) for s in signatures],
        }))  # fmt: skip
    else:
        ctx.out(_report(label, findings, errors))
        if signatures:
            # Who signed and whether each signature is intact, also when nothing is wrong.
            ctx.out("Chữ ký số:\n" + "\n".join(f"  {s.describe()}" for s in signatures))
    return 1 if has_errors(findings) else 0


def _signatures(path: Path) -> list[SignatureStatus]:
    from desktop.checker.pdf import pdf_signatures
    from desktop.errors import UserError

    try:
        return pdf_signatures(path)
    except UserError:
        return []  # an unreadable PDF is already a finding of check_file


def _check_stored(ctx: CliContext, document_id: int) -> tuple[list[Finding], str]:
    from desktop.checker.document import check_document
    from desktop.services import documents
    from desktop.services.profile import get_profile

    stored = documents.get(ctx.store, document_id)
    today = ctx.store.now().astimezone().date()
    findings = check_document(stored.document, get_profile(ctx.store), today)
    return findings, f"văn bản mã {document_id}"


def _report(label: str, findings: list[Finding], errors: int) -> str:
    lines = [f"Kiểm tra thể thức: {label}"]
    if not findings:
        lines.append("Không phát hiện lỗi thể thức.")
        return "\n".join(lines)
    for f in findings:
        lines.append("")
        lines.append(f"[{f.severity.value.upper()}] {f.location.describe()} ({f.spec})")
        lines.append(f"  {f.message}")
        lines.append(f"  Cách sửa: {f.fix}")
    lines.append("")
    lines.append(f"Kết quả: {errors} lỗi, {len(findings) - errors} cảnh báo.")
    return "\n".join(lines)
