"""`baocao --self-check`: prove that this copy of the program has everything it needs.

Run on a fresh install (and by CI on the frozen build) it walks the whole path a user takes, in a
temporary folder that is deleted afterwards, never touching the user's data:

1. the shipped resources are there and readable (fonts, their licence, icons, the sample);
2. the package metadata that libraries read at import time was bundled (bagit, baocao);
3. a new database opens and migrates to the current schema, and reopens with nothing pending;
4. a document with every element (resources/samples/tu-kiem-tra.json) is stored and read back
   unchanged;
5. it exports to DOCX, 6. to PDF with embedded fonts, 7. and is packed and the package verified.

Each step prints one Vietnamese line with its name; a failing step says which one and why (a
missing module in the bundle, a missing file, a wrong version), and the steps that depend on it
are reported as skipped, so a broken build is diagnosable from the log alone. Exit code 0 only
when every step passed.
"""

from __future__ import annotations

import importlib.metadata
import os
import struct
import sys
import tempfile
import time
import traceback
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from desktop import appinfo

if TYPE_CHECKING:
    from desktop.cli.context import CliContext
    from desktop.model.document import Document
    from desktop.services.store import Store

SAMPLE = ("samples", "tu-kiem-tra.json")
FONT_FILES = (
    "LiberationSerif-Regular.ttf",
    "LiberationSerif-Bold.ttf",
    "LiberationSerif-Italic.ttf",
    "LiberationSerif-BoldItalic.ttf",
)
ICON_FILES = ("baocao.ico", "baocao.png")
# Distributions whose metadata a library reads while being imported (bagit: its version).
IMPORT_TIME_METADATA = ("bagit",)


class SelfCheckFailure(Exception):
    """A step found a problem; `message` is one Vietnamese sentence saying what is missing."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Outcome(StrEnum):
    PASSED = "đạt"
    FAILED = "LỖI"
    SKIPPED = "bỏ qua"


@dataclass
class CheckContext:
    """What the steps hand on to each other, all inside one temporary folder."""

    workdir: Path
    document: Document | None = None
    store: Store | None = None
    document_id: int | None = None

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None


@dataclass(frozen=True)
class Step:
    key: str  # stable, ASCII: what CI logs and tests look for
    title: str  # Vietnamese, what a person reads
    run: Callable[[CheckContext], str]  # returns a short detail for the log line
    needs: tuple[str, ...] = ()


@dataclass(frozen=True)
class StepResult:
    step: Step
    outcome: Outcome
    detail: str
    seconds: float


# --------------------------------------------------------------------------------------------
# Steps


def _resource(*parts: str) -> Path:
    from resources import resource_path

    try:
        return resource_path(*parts)
    except FileNotFoundError:
        from resources import resources_root

        raise SelfCheckFailure(
            f"thiếu tệp tài nguyên {'/'.join(parts)} trong {resources_root()}; bản cài đặt "
            "thiếu thư mục resources, hãy cài lại chương trình"
        ) from None


def _check_truetype(path: Path) -> None:
    """A real TrueType file: the sfnt header and the tables a renderer needs."""
    data = path.read_bytes()
    if len(data) < 12 or data[:4] not in (b"\x00\x01\x00\x00", b"true"):
        raise SelfCheckFailure(f"tệp phông {path.name} không phải phông TrueType (tệp hỏng?)")
    (count,) = struct.unpack(">H", data[4:6])
    tags = {data[12 + 16 * i : 16 + 16 * i] for i in range(count) if 16 + 16 * i <= len(data)}
    missing = {b"cmap", b"glyf", b"head", b"hmtx", b"name"} - tags
    if missing:
        names = ", ".join(sorted(t.decode() for t in missing))
        raise SelfCheckFailure(f"tệp phông {path.name} thiếu bảng {names} (tệp hỏng?)")


def missing_elements(doc: Document) -> list[str]:
    """The elements of a Nghị định 30 document that `doc` lacks (the self-check needs them all)."""
    from desktop.model.document import (
        FootnoteRef,
        Heading,
        HeadingLevel,
        ListItem,
        ListMarker,
        PageBreak,
        Paragraph,
        Table,
    )

    blocks = list(doc.body) + [b for a in doc.appendices for b in a.body]
    present = {type(b) for b in blocks}
    levels = {b.level for b in blocks if isinstance(b, Heading)}
    markers = {b.marker for b in blocks if isinstance(b, ListItem)}
    footnotes = any(
        isinstance(i, FootnoteRef) for b in blocks if isinstance(b, Paragraph) for i in b.content
    )
    checks = {
        "cơ quan chủ quản": bool(doc.parent_agency),
        "cơ quan ban hành": bool(doc.issuing_agency),
        "số văn bản": doc.number is not None,
        "ký hiệu": bool(doc.agency_abbr and doc.unit_abbr),
        "địa danh, ngày tháng": bool(doc.place) and doc.date is not None,
        "trích yếu": bool(doc.title),
        "Kính gửi (nhiều nơi)": len(doc.recipients) >= 2,
        "căn cứ": bool(doc.legal_bases),
        "độ khẩn": doc.urgency is not None,
        "độ mật": doc.secrecy is not None,
        "mục, dấu đầu dòng - và +": markers == set(ListMarker),
        "bảng": Table in present,
        "ngắt trang": PageBreak in present,
        "chú thích cuối trang": footnotes,
        "câu kết": bool(doc.closing),
        "quyền hạn người ký (TM./KT.)": sum(1 for line in doc.signer.lines if line.prefix) >= 2,
        "họ tên người ký": bool(doc.signer.name),
        "Nơi nhận": bool(doc.distribution),
        "ký hiệu người soạn thảo, số bản": bool(doc.drafter_initials) and doc.copies is not None,
        "địa chỉ chân trang": bool(doc.footer_address),
        "phụ lục": len(doc.appendices) >= 2,
        "kỳ báo cáo": doc.reporting_period is not None,
    }
    missing = [name for name, ok in checks.items() if not ok]
    missing += [f"đề mục cấp {level.value}" for level in HeadingLevel if level not in levels]
    return missing


def check_resources(ctx: CheckContext) -> str:
    from desktop.model.serialize import DocumentFormatError, loads_document

    for name in FONT_FILES:
        _check_truetype(_resource("fonts", name))
    _resource("fonts", "LICENSE-Liberation.txt")
    for name in ICON_FILES:
        if _resource("icons", name).stat().st_size == 0:
            raise SelfCheckFailure(f"tệp biểu tượng {name} rỗng")
    sample = _resource(*SAMPLE)
    try:
        doc = loads_document(sample.read_text(encoding="utf-8"))
    except DocumentFormatError as exc:
        raise SelfCheckFailure(f"văn bản mẫu {sample.name} không đọc được: {exc}") from None
    missing = missing_elements(doc)
    if missing:
        raise SelfCheckFailure(f"văn bản mẫu {sample.name} thiếu: {', '.join(missing)}")
    ctx.document = doc
    return f"{len(FONT_FILES)} phông Liberation Serif, biểu tượng, văn bản mẫu đủ mọi thành phần"


def check_metadata(ctx: CheckContext) -> str:
    found = []
    for dist in IMPORT_TIME_METADATA:
        try:
            found.append(f"{dist} {importlib.metadata.version(dist)}")
        except importlib.metadata.PackageNotFoundError:
            raise SelfCheckFailure(
                f"thiếu siêu dữ liệu gói {dist} (bản đóng gói cần --copy-metadata {dist})"
            ) from None
    try:
        import bagit  # reads its own version from the metadata while importing
    except Exception as exc:  # the import itself is what is being checked
        raise SelfCheckFailure(f"không nạp được thư viện bagit: {exc}") from None
    del bagit
    version = appinfo.version()
    try:
        bundled = importlib.metadata.version(appinfo.DIST_NAME)
    except importlib.metadata.PackageNotFoundError:
        if appinfo.is_frozen():
            raise SelfCheckFailure(
                "bản đóng gói thiếu siêu dữ liệu của baocao (baocao-*.dist-info), nên không "
                "biết số phiên bản"
            ) from None
        bundled = None  # from a checkout: the version comes from pyproject.toml
    if bundled is not None and bundled != version:
        raise SelfCheckFailure(
            f"phiên bản không khớp: siêu dữ liệu {bundled}, chương trình {version}"
        )
    if version == appinfo.UNKNOWN_VERSION:
        raise SelfCheckFailure("không xác định được phiên bản chương trình")
    return f"baocao {version}, " + ", ".join(found)


def check_database(ctx: CheckContext) -> str:
    from db.schema import pending_migrations
    from desktop.services.store import StoreSettings, open_store

    folder = ctx.workdir / "dữ liệu thử"
    settings = StoreSettings(backup_on_open=False)
    with open_store(folder, settings=settings) as store:
        if not store.created:
            raise SelfCheckFailure(f"thư mục tạm {folder} đã có dữ liệu từ trước")
    # Reopen: the migrations recorded the first time must leave nothing to do.
    ctx.store = open_store(folder, settings=settings)
    pending = pending_migrations(ctx.store.db)
    if pending:
        raise SelfCheckFailure(
            f"cơ sở dữ liệu còn bước chuyển đổi chưa áp dụng: {', '.join(pending)}"
        )
    tables = len(ctx.store.db.table_names())
    return f"tạo mới và nâng cấp lược đồ xong ({tables} bảng), mở lại không còn bước nào"


def check_document(ctx: CheckContext) -> str:
    from desktop.model.serialize import dumps_document
    from desktop.services import documents

    assert ctx.store is not None and ctx.document is not None
    ctx.document_id = documents.add(ctx.store, ctx.document)
    stored = documents.get(ctx.store, ctx.document_id).document
    if dumps_document(stored) != dumps_document(ctx.document):
        raise SelfCheckFailure("văn bản đọc lại từ cơ sở dữ liệu khác văn bản đã lưu")
    blocks = len(ctx.document.body) + sum(len(a.body) for a in ctx.document.appendices)
    return f"lưu và đọc lại đúng văn bản mã {ctx.document_id} ({blocks} khối nội dung)"


def _docx_text(path: Path) -> str:
    """All the text of the main part and the footnotes part, tags removed."""
    import re

    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        for part in ("word/document.xml", "word/footnotes.xml"):
            if part not in names:
                raise SelfCheckFailure(f"tệp DOCX thiếu phần {part}")
        xml = zf.read("word/document.xml").decode("utf-8") + zf.read("word/footnotes.xml").decode(
            "utf-8"
        )
    return re.sub(r"<[^>]+>", "", xml)


def _expected_snippets(doc: Document) -> list[str]:
    """Texts that must reach every export: one from each corner of the document."""
    from desktop.model.document import FootnoteRef, Paragraph

    footnote = next(
        i.plain_text
        for b in doc.body
        if isinstance(b, Paragraph)
        for i in b.content
        if isinstance(i, FootnoteRef)
    )
    return [doc.title, doc.recipients[-1], doc.signer.name, doc.appendices[-1].title, footnote]


def _lost_snippets(doc: Document, text: str) -> list[str]:
    """Expected snippets absent from `text` (case and spacing aside: titles print in capitals)."""

    def norm(value: str) -> str:
        return " ".join(value.split()).casefold()

    haystack = norm(text)
    return [s for s in _expected_snippets(doc) if norm(s) not in haystack]


def _export(ctx: CheckContext, fmt: str) -> tuple[Path, int, int | None]:
    """Export the stored document the way the window does; (file, findings, PDF pages)."""
    from desktop.services.export import export_document

    assert ctx.store is not None and ctx.document_id is not None
    path = ctx.workdir / f"Báo cáo tự kiểm tra.{fmt}"
    result = export_document(
        ctx.store, ctx.document_id, fmt, path, producer=f"baocao {appinfo.version()}"
    )
    if not path.is_file() or path.stat().st_size == 0:
        raise SelfCheckFailure(f"xuất xong nhưng không thấy tệp {path.name}")
    return path, len(result.findings), result.pdf_pages


def check_docx(ctx: CheckContext) -> str:
    assert ctx.document is not None
    path, findings, _ = _export(ctx, "docx")
    lost = _lost_snippets(ctx.document, _docx_text(path))
    if lost:
        raise SelfCheckFailure(f"tệp DOCX thiếu nội dung: {'; '.join(lost)}")
    return f"{path.name}, {path.stat().st_size // 1024} KB, kiểm tra thể thức: {findings} nhận xét"


def _pdf_fonts(path: Path) -> list[tuple[str, bool]]:
    """(base font name, embedded?) of every font the PDF uses."""
    import pikepdf

    out: dict[str, bool] = {}
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            fonts: Any = page.resources.get("/Font", {})
            for key in fonts:
                font = fonts[key]
                descendants = font.get("/DescendantFonts")
                target = descendants[0] if descendants is not None else font
                descriptor = target.get("/FontDescriptor")
                embedded = descriptor is not None and any(
                    k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")
                )
                out[str(font.get("/BaseFont", key))] = embedded
    return sorted(out.items())


def check_pdf(ctx: CheckContext) -> str:
    path, _, pages = _export(ctx, "pdf")
    fonts = _pdf_fonts(path)
    not_embedded = [name for name, embedded in fonts if not embedded]
    if not fonts or not_embedded:
        raise SelfCheckFailure(
            f"tệp PDF có phông không được nhúng: {', '.join(not_embedded) or 'không có phông nào'}"
        )
    # "/ABCDEF+LiberationSerif-Bold" → "LiberationSerif": which family the PDF really carries.
    families = sorted({name.lstrip("/").split("+")[-1].split("-")[0] for name, _ in fonts})
    return (
        f"{path.name}, {pages} trang, phông nhúng: {', '.join(families)}, "
        f"{path.stat().st_size // 1024} KB"
    )


def check_package(ctx: CheckContext) -> str:
    from desktop.evidence.service import attach
    from desktop.model.document import Table
    from desktop.packaging.service import package_document, verify

    assert ctx.store is not None and ctx.document is not None and ctx.document_id is not None
    # One piece of evidence, linked to the table it supports: a picture, as staff attach.
    evidence = ctx.workdir / "Ảnh bộ phận một cửa.png"
    evidence.write_bytes(_resource("icons", "baocao.png").read_bytes())
    table = next(b for b in ctx.document.body if isinstance(b, Table))
    attach(ctx.store, ctx.document_id, [evidence], caption="Ảnh bộ phận một cửa", block=table.id)
    outcome = package_document(ctx.store, ctx.document_id, ctx.workdir / "gói")
    zips = outcome.result.zips
    if not zips:
        raise SelfCheckFailure("đóng gói xong nhưng không có tệp .zip nào")
    report = verify(zips[0].path)
    if not report.ok:
        problems = "; ".join(p.message for p in report.problems[:3])
        raise SelfCheckFailure(f"gói vừa tạo không qua kiểm tra: {problems}")
    return (
        f"{zips[0].path.name}: {report.file_count} tệp, mã băm khớp, "
        f"mã gói {(report.package_id or '')[:12]}…"
    )


STEPS: tuple[Step, ...] = (
    Step("resources", "Tài nguyên đi kèm", check_resources),
    Step("metadata", "Siêu dữ liệu gói", check_metadata),
    Step("database", "Cơ sở dữ liệu", check_database),
    Step("document", "Lưu văn bản đủ thành phần", check_document, ("resources", "database")),
    Step("docx", "Xuất DOCX", check_docx, ("document",)),
    Step("pdf", "Xuất PDF", check_pdf, ("document",)),
    Step("package", "Đóng gói và kiểm tra gói", check_package, ("document", "docx", "pdf")),
)


# --------------------------------------------------------------------------------------------
# Running


def _explain(exc: BaseException) -> str:
    if isinstance(exc, SelfCheckFailure):
        return exc.message
    if isinstance(exc, ModuleNotFoundError):
        where = "bản đóng gói" if appinfo.is_frozen() else "mã nguồn"
        return f"thiếu mô-đun {exc.name} trong {where}"
    from desktop.errors import UserError

    if isinstance(exc, UserError):
        return exc.message
    return f"lỗi không lường trước ({type(exc).__name__}: {' '.join(str(exc).split())})"


def run_steps(steps: tuple[Step, ...], out: TextIO) -> list[StepResult]:
    results: list[StepResult] = []
    failed: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="baocao-tu-kiem-tra-") as tmp:
        ctx = CheckContext(workdir=Path(tmp))
        try:
            for number, step in enumerate(steps, 1):
                head = f"[{number}/{len(steps)}] {step.title} ({step.key})"
                blocked = [n for n in step.needs if n in failed]
                if blocked:
                    failed.add(step.key)
                    detail = f"vì bước {', '.join(blocked)} không đạt"
                    results.append(StepResult(step, Outcome.SKIPPED, detail, 0.0))
                    print(f"{head}: {Outcome.SKIPPED} — {detail}", file=out, flush=True)
                    continue
                start = time.perf_counter()
                try:
                    detail = step.run(ctx)
                    outcome = Outcome.PASSED
                except Exception as exc:  # every failure becomes a report line, never a crash
                    detail = _explain(exc)
                    outcome = Outcome.FAILED
                    failed.add(step.key)
                    if os.environ.get("BAOCAO_DEBUG"):
                        traceback.print_exc(file=out)
                seconds = time.perf_counter() - start
                results.append(StepResult(step, outcome, detail, seconds))
                print(f"{head}: {outcome} — {detail} ({seconds:.2f} s)", file=out, flush=True)
        finally:
            ctx.close()
    return results


def run_self_check(out: TextIO | None = None, *, steps: tuple[Step, ...] = STEPS) -> int:
    """Run every step, print one line each and a verdict; return the process exit code."""
    out = out or sys.stdout
    build = "bản đóng gói" if appinfo.is_frozen() else "chạy từ mã nguồn"
    utf8 = ", chế độ UTF-8" if sys.flags.utf8_mode else ""
    print(
        f"Tự kiểm tra baocao {appinfo.version()} ({build}, Python "
        f"{'.'.join(map(str, sys.version_info[:3]))}, {sys.platform}{utf8})",
        file=out,
    )
    start = time.perf_counter()
    results = run_steps(steps, out)
    total = time.perf_counter() - start
    bad = [r for r in results if r.outcome is not Outcome.PASSED]
    if not bad:
        print(f"Kết quả: ĐẠT — {len(results)}/{len(results)} bước ({total:.1f} s)", file=out)
        return 0
    first = next(r for r in bad if r.outcome is Outcome.FAILED)
    print(
        f"Kết quả: KHÔNG ĐẠT — {len(bad)}/{len(results)} bước không đạt; bước hỏng đầu tiên: "
        f"{first.step.title} ({first.step.key}): {first.detail}",
        file=out,
    )
    return 1


def cli_self_check(args: object, ctx: CliContext) -> int:
    """`baocao --self-check` as a command handler (main's error handling applies); it never
    touches `ctx.store`, so the user's data folder is not even opened."""
    return run_self_check(ctx.stdout)
