"""`package`, `verify`, `receive`, `exports`: report packages (BagIt zip) and the export log."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli import values
from desktop.cli.context import CliContext
from desktop.cli.vietnamese import ArgumentTypeError

ORDER = 62


def _size(text: str) -> int:
    from desktop.evidence.sizes import parse_size

    try:
        return parse_size(text)
    except ValueError as exc:
        raise ArgumentTypeError(str(exc)) from None


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    p = subparsers.add_parser(
        "package",
        help="đóng gói văn bản và minh chứng để gửi (USB hoặc thư điện tử)",
        description="Tạo gói gửi đi: một túi BagIt (RFC 8493) nén thành tệp .zip, gồm văn bản "
        "(DOCX và PDF xuất mới từ cùng một bản), các tài liệu minh chứng đánh số, "
        "metadata.json và phiếu gửi phieu-gui.pdf có mã kiểm tra SHA-256 và mã QR. Tệp được "
        "ghi dưới tên tạm, đọc lại để kiểm tra rồi mới đổi tên, nên USB bị rút ra hay đầy "
        "không để lại tệp trông như hoàn chỉnh. Mỗi lần đóng gói được ghi vào nhật ký xuất.",
    )
    p.add_argument("id", type=values.document_id, metavar="MÃ", help="mã văn bản")
    p.add_argument("--out", type=Path, metavar="THƯ_MỤC", help="thư mục ghi gói (ví dụ USB)")
    p.add_argument(
        "--max-part-size", type=_size, metavar="DUNG_LƯỢNG",
        help="chia gói thành nhiều phần, mỗi phần không quá dung lượng này (ví dụ 25MB) để gửi "
        "qua thư điện tử; mỗi phần là một túi kiểm tra được",
    )  # fmt: skip
    p.add_argument("--overwrite", action="store_true", help="ghi đè gói cùng tên đã có")
    p.add_argument(
        "--check", action="store_true",
        help="chỉ ước tính dung lượng so với giới hạn thư điện tử, không ghi gì",
    )  # fmt: skip
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(func=package)

    p = subparsers.add_parser(
        "verify",
        help="kiểm tra một gói nhận được: đủ tệp, không bị sửa",
        description="Kiểm tra gói (tệp .zip, thư mục đã giải nén, hoặc phần 1 của gói chia "
        "phần — các phần khác để cùng thư mục): đủ tệp và mọi mã băm SHA-256 khớp; báo tên các "
        "tệp thiếu, thừa, bị thay đổi. Mã thoát 1 khi gói không hợp lệ.",
    )
    p.add_argument("package", type=Path, metavar="GÓI", help="tệp .zip hoặc thư mục của gói")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(func=verify)

    p = subparsers.add_parser(
        "receive",
        help="nhận gói của đơn vị khác vào khu “đã nhận” (chỉ đọc)",
        description="Kiểm tra và nhận một gói hợp lệ vào khu lưu gói đã nhận (văn bản và minh "
        "chứng chỉ đọc). Gói không bao giờ được tin cậy: đường dẫn ra ngoài thư mục, liên kết "
        "tượng trưng, tệp thiết bị, tên trùng, “bom zip”, tệp bị sửa đều bị từ chối và không có "
        "gì được ghi.",
    )
    p.add_argument("package", type=Path, nargs="?", metavar="GÓI", help="tệp .zip hoặc thư mục")
    p.add_argument("--list", action="store_true", help="liệt kê các gói đã nhận")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.set_defaults(func=receive)

    p = subparsers.add_parser(
        "exports",
        help="nhật ký các tệp và gói đã xuất/gửi",
        description="Liệt kê các tệp đã xuất và gói đã tạo (lúc nào, ở đâu, mã SHA-256) để "
        "chứng minh đã gửi gì. Với --hash: tìm lần xuất có mã băm (hoặc mã gói) đó.",
    )
    p.add_argument("id", type=values.document_id, nargs="?", metavar="MÃ",
                   help="mã văn bản (bỏ trống: mọi văn bản)")  # fmt: skip
    p.add_argument(
        "--hash", nargs="+", type=values.text("mã SHA-256"), metavar="SHA256",
        help="mã SHA-256 của tệp hoặc mã kiểm tra gói (chép từ phiếu gửi, có thể có dấu cách; "
        "đủ 8 ký tự đầu trở lên)",
    )  # fmt: skip
    p.add_argument("--json", action="store_true", help="in dạng JSON")
    p.set_defaults(func=exports)


def _progress(ctx: CliContext) -> Any:
    from desktop.cli.commands._progress import ConsoleProgress

    return ConsoleProgress(ctx.stderr)


def package(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop.cli.output import to_json
    from desktop.errors import UserError
    from desktop.evidence.sizes import format_size
    from desktop.packaging.cover import grouped_hash
    from desktop.packaging.service import budget_for_document, package_document

    if args.check:
        verdict = budget_for_document(ctx.store, args.id)
        if args.json:
            ctx.out(to_json({
                "estimated_bytes": verdict.estimated_bytes, "limit": verdict.limit,
                "fits": verdict.fits, "reducible": list(verdict.reducible),
                "estimated_after_reduction": verdict.estimated_after_reduction,
                "parts_needed": verdict.parts_needed,
                "too_big": [{"number": n, "size": s} for n, s in verdict.too_big],
            }))  # fmt: skip
        else:
            ctx.out(verdict.message)
        return 0
    if args.out is None:
        raise UserError("Hãy chọn thư mục ghi gói bằng --out THƯ_MỤC (ví dụ ổ USB).")

    if args.max_part_size is None:
        verdict = budget_for_document(ctx.store, args.id)
        if not verdict.fits:
            # Said before writing, not after: a USB copy is fine, email needs parts.
            ctx.warn(" ".join(verdict.message.split("\n")))
    with _progress(ctx) as progress:
        outcome = package_document(
            ctx.store, args.id, args.out,
            max_part_size=args.max_part_size, overwrite=args.overwrite, progress=progress,
        )  # fmt: skip
    result = outcome.result
    if args.json:
        ctx.out(to_json({
            "package_id": result.package_id,
            "files": [{"path": str(f.path), "kind": f.kind, "part": f.part,
                       "part_count": f.part_count, "size": f.size, "sha256": f.sha256}
                      for f in result.files],
            "payload_bytes": result.plan.payload_bytes,
            "payload_files": len(result.plan.files),
            "fits_email": outcome.budget.fits,
            "findings": len(outcome.findings),
        }))  # fmt: skip
        return 0
    for f in result.zips:
        what = f"Phần {f.part}/{f.part_count}" if f.part else "Gói"
        ctx.out(f"{what}: {f.path} ({format_size(f.size)}, đã đọc lại và kiểm tra)")
    ctx.out(f"Phiếu gửi (để in): {result.cover.path}")
    ctx.out(
        f"Gồm {len(result.plan.files)} tệp, {format_size(result.plan.payload_bytes)}; "
        f"mã kiểm tra gói: {grouped_hash(result.package_id)}"
    )
    limit = outcome.budget.limit
    too_big = [f for f in result.zips if f.size > limit]
    if too_big:
        ctx.warn(
            f"{len(too_big)} tệp lớn hơn giới hạn thư điện tử {format_size(limit)}: hãy chép vào "
            "USB, hoặc đóng gói lại với --max-part-size."
        )
    if outcome.findings:
        ctx.warn(
            f"Văn bản có {len(outcome.findings)} điểm cần xem về thể thức (baocao check {args.id})."
        )
    return 0


def _problem_kind(kind: str) -> str:
    return {
        "missing": "thiếu", "extra": "thừa", "changed": "bị thay đổi", "invalid": "không hợp lệ",
        "unsafe": "không an toàn", "part-missing": "thiếu phần",
    }.get(kind, kind)  # fmt: skip


def verify(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop.cli.output import to_json
    from desktop.evidence.sizes import format_size
    from desktop.packaging.cover import grouped_hash
    from desktop.packaging.service import verify as verify_package

    with _progress(ctx) as progress:
        report = verify_package(args.package, progress=progress)
    first = report.first
    if args.json:
        ctx.out(to_json({
            "valid": report.ok,
            "package_id": report.package_id,
            "declared_package_id": report.declared_package_id,
            "parts": len(report.parts),
            "files": report.file_count,
            "bytes": report.payload_bytes,
            "bag_info": dict(first.info.fields),
            "problems": [{"kind": p.kind, "path": p.path, "message": p.message}
                         for p in report.problems],
            "notes": report.notes,
        }))  # fmt: skip
        return 0 if report.ok else 1
    info = first.info
    ctx.out(f"Gói: {args.package}")
    described = info.get("External-Description") or info.get("External-Identifier")
    if described:
        ctx.out(f"Văn bản: {described} — {info.get('Internal-Sender-Description')}")
    if info.get("Source-Organization"):
        ctx.out(
            f"Đơn vị gửi: {info.get('Source-Organization')}; đóng gói ngày {info.get('Bagging-Date')}"
        )
    parts = f"; {len(report.parts)} phần" if len(report.parts) > 1 else ""
    ctx.out(f"Số tệp: {report.file_count} ({format_size(report.payload_bytes)}){parts}")
    if report.package_id:
        match = ""
        if report.declared_package_id:
            match = (" — khớp với mã ghi trong gói" if report.declared_package_id == report.package_id
                     else " — KHÔNG khớp với mã ghi trong gói")  # fmt: skip
        ctx.out(f"Mã kiểm tra gói (SHA-256): {grouped_hash(report.package_id)}{match}")
    for note in report.notes:
        ctx.out(f"Ghi chú: {note}")
    if report.ok:
        ctx.out("KẾT QUẢ: HỢP LỆ — đủ tệp, mọi mã băm đều khớp.")
        return 0
    for problem in report.problems:
        ctx.out(f"- [{_problem_kind(problem.kind)}] {problem.message}")
    ctx.out(f"KẾT QUẢ: KHÔNG HỢP LỆ ({len(report.problems)} lỗi).")
    return 1


def receive(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop.cli.output import table, to_json, truncate
    from desktop.errors import UserError
    from desktop.evidence.sizes import format_size
    from desktop.packaging.service import list_received, received_root
    from desktop.packaging.service import receive as receive_package
    from desktop.services.clock import from_iso, local_display

    if args.list:
        rows = list_received(ctx.store)
        if args.json:
            ctx.out(to_json([
                {"id": r.id, "package_id": r.package_id, "folder": str(received_root(ctx.store) / r.folder),
                 "source_organization": r.source_organization,
                 "external_identifier": r.external_identifier, "description": r.description,
                 "bagging_date": r.bagging_date, "files": r.payload_files, "bytes": r.payload_bytes,
                 "received_at": r.received_at}
                for r in rows
            ]))  # fmt: skip
            return 0
        if not rows:
            ctx.out("Chưa nhận gói nào.")
            return 0
        ctx.out(table(
            ["Mã", "Nhận lúc", "Đơn vị gửi", "Số, ký hiệu", "Trích yếu", "Tệp", "Dung lượng"],
            [[str(r.id), local_display(from_iso(r.received_at)), truncate(r.source_organization, 30),
              r.external_identifier, truncate(r.description, 40), str(r.payload_files),
              format_size(r.payload_bytes)] for r in rows],
        ))  # fmt: skip
        return 0
    if args.package is None:
        raise UserError("Hãy chỉ định gói cần nhận (tệp .zip hoặc thư mục), hoặc dùng --list.")
    with _progress(ctx) as progress:
        row_id, package = receive_package(ctx.store, args.package, progress=progress)
    if args.json:
        ctx.out(to_json({"id": row_id, "package_id": package.package_id,
                         "folder": str(package.folder), "files": len(package.files),
                         "parts": package.part_count}))  # fmt: skip
        return 0
    info = package.info
    ctx.out(f"Đã nhận gói hợp lệ (mã {row_id}): {info.get('External-Description')} — "
            f"{info.get('Internal-Sender-Description')}")  # fmt: skip
    ctx.out(f"Đơn vị gửi: {info.get('Source-Organization')}; {len(package.files)} tệp "
            f"({format_size(sum(s for _, s, _ in package.files))}); lưu tại {package.folder}")  # fmt: skip
    return 0


def _hash_argument(parts: list[str]) -> str:
    """`5f268714 68a1…` as printed in groups on the cover sheet → `5f26871468a1…`."""
    from desktop.errors import UserError

    text = "".join("".join(parts).split()).lower()
    if not text or any(ch not in "0123456789abcdef" for ch in text):
        raise UserError(
            "Mã SHA-256 chỉ gồm chữ số 0–9 và chữ a–f (64 ký tự, có thể chỉ ghi 8 ký tự đầu trở "
            "lên), ví dụ: baocao exports --hash 5f26871468a1b2c3"
        )
    if len(text) < 8 or len(text) > 64:
        raise UserError(
            f"Mã SHA-256 có {len(text)} ký tự; hãy ghi từ 8 đến 64 ký tự (ví dụ một nhóm "
            "16 ký tự trên phiếu gửi)"
        )
    return text


def exports(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop.cli.output import table, to_json, truncate
    from desktop.evidence.sizes import format_size
    from desktop.packaging.exportlog import find_by_hash, list_exports
    from desktop.services.clock import local_display

    wanted = _hash_argument(args.hash) if args.hash is not None else None
    entries = find_by_hash(ctx.store, wanted) if wanted else list_exports(ctx.store, args.id)
    if args.json:
        ctx.out(to_json([
            {"id": e.id, "document_id": e.document_id, "document": e.document_label,
             "revision": e.revision, "kind": e.kind, "path": e.path, "size": e.size,
             "sha256": e.sha256, "package_id": e.package_id, "part": e.part,
             "part_count": e.part_count, "created_at": e.created_at.isoformat()}
            for e in entries
        ]))  # fmt: skip
        return 0
    if not entries:
        ctx.out("Không có lần xuất nào khớp." if args.hash else "Chưa có lần xuất nào được ghi.")
        return 0

    def identity(e: Any) -> str:
        if e.sha256:
            return f"tệp {e.sha256[:16]}…"
        return f"gói {e.package_id[:16]}…" if e.package_id else ""

    ctx.out(table(
        ["Lúc", "Văn bản", "Loại", "Dung lượng", "Mã SHA-256", "Nơi ghi"],
        [[local_display(e.created_at), truncate(e.document_label, 30), e.kind_label,
          format_size(e.size), identity(e), e.path] for e in entries],
    ))  # fmt: skip
    return 0
