"""`baocao verify`: is a package complete and unchanged?

Checks, collecting every problem instead of stopping at the first (the receiver wants the whole
list): `bagit.txt`; every manifest (any algorithm bagit supports, sha256 for ours); missing,
extra and changed payload files by name; `Payload-Oxum`; every tag file the tag manifests list;
and, for our packages, that `metadata.json` agrees with the manifests and that the package hash
matches the one written in `bag-info.txt` (and printed on the cover sheet).

A split package is checked from its first part: the other parts are found next to it (by the
names part 1 records, else by their `Bag-Group-Identifier`), each is checked as a bag of its own,
and together they must hold exactly the files `metadata.json` lists, no file twice.

Hashing runs on a second thread while the main one reads and decompresses, so a warm-cache check
is limited by SHA-256 itself.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.errors import UserError
from desktop.jobs import NEVER_CANCELLED, CancelToken, Progress, no_progress
from desktop.packaging import bagformat
from desktop.packaging.bagformat import BagFormatError, BagInfo
from desktop.packaging.bagreader import ZIP_DAMAGE, BagReader, DirBag, ZipBag, open_bag
from desktop.packaging.hashing import CHUNK_SIZE, HashWorker
from desktop.packaging.plan import FORMAT, METADATA_PATH, PACKAGE_ID_TAG
from desktop.packaging.zipsafety import DEFAULT_LIMITS, Limits
from desktop.services.oserrors import reason

MISSING = "missing"
EXTRA = "extra"
CHANGED = "changed"
INVALID = "invalid"
UNSAFE = "unsafe"
PART_MISSING = "part-missing"


@dataclass(frozen=True)
class Problem:
    kind: str
    path: str
    message: str  # Vietnamese, one line


@dataclass
class BagReport:
    source: Path
    bag_name: str
    info: BagInfo = field(default_factory=lambda: BagInfo(()))
    version: str = ""
    manifests: dict[str, dict[str, str]] = field(default_factory=dict)  # alg → {path: digest}
    manifest_sha256_bytes: bytes | None = None
    sizes: dict[str, int] = field(default_factory=dict)  # payload path → size
    problems: list[Problem] = field(default_factory=list)
    metadata: dict[str, Any] | None = None

    @property
    def bag_count(self) -> tuple[int, int] | None:
        value = self.info.get("Bag-Count")
        return bagformat.parse_bag_count(value) if value else None

    @property
    def payload_bytes(self) -> int:
        return sum(self.sizes.values())


@dataclass
class VerifyReport:
    path: Path
    parts: list[BagReport]
    problems: list[Problem]
    package_id: str | None
    declared_package_id: str | None
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def first(self) -> BagReport:
        return self.parts[0]

    @property
    def file_count(self) -> int:
        return sum(len(p.sizes) for p in self.parts)

    @property
    def payload_bytes(self) -> int:
        return sum(p.payload_bytes for p in self.parts)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _unsafe_manifest_path(path: str) -> bool:
    parts = path.split("/")
    return path.startswith("/") or ".." in parts or "\\" in path or ":" in parts[0]


def _hash_file(
    reader: BagReader,
    path: str,
    algorithms: Iterable[str],
    worker: HashWorker,
    tick: Callable[[int], None],
    cancel: CancelToken,
) -> dict[str, str]:
    hashers = {alg: hashlib.new(alg) for alg in algorithms}
    with reader.open(path) as f:
        while True:
            cancel.raise_if_cancelled()
            chunk = f.read(CHUNK_SIZE)
            if not chunk:
                break
            for hasher in hashers.values():
                worker.submit(hasher, chunk)
            tick(len(chunk))
    worker.wait()
    return {alg: h.hexdigest() for alg, h in hashers.items()}


def verify_bag(
    reader: BagReader,
    *,
    tick: Callable[[int], None] = lambda n: None,
    cancel: CancelToken = NEVER_CANCELLED,
) -> BagReport:
    """Check one bag; problems are collected in the report."""
    report = BagReport(reader.source, reader.name)
    problems = report.problems
    for what in reader.unsafe:
        problems.append(Problem(UNSAFE, what, f"Bỏ qua mục không an toàn: {what}."))
    files = reader.files()

    if "bagit.txt" not in files:
        problems.append(
            Problem(INVALID, "bagit.txt", "Thiếu tệp bagit.txt: đây không phải túi BagIt.")
        )
        return report
    try:
        declaration = BagInfo(
            tuple(bagformat.parse_tag_file(reader.read_small("bagit.txt"), "bagit.txt"))
        )
        report.version = declaration.get("BagIt-Version")
        if not report.version:
            raise BagFormatError("bagit.txt thiếu dòng BagIt-Version.")
        encoding = declaration.get("Tag-File-Character-Encoding")
        if encoding.upper().replace("-", "") != "UTF8":
            raise BagFormatError(f"bagit.txt khai báo mã ký tự {encoding!r}, chỉ hỗ trợ UTF-8.")
        if "bag-info.txt" in files:
            report.info = BagInfo(
                tuple(bagformat.parse_tag_file(reader.read_small("bag-info.txt"), "bag-info.txt"))
            )
    except (BagFormatError, UserError) as exc:
        problems.append(Problem(INVALID, "bagit.txt", str(exc)))
        return report

    tag_manifests: dict[str, dict[str, str]] = {}
    for name in sorted(files):
        kind = bagformat.manifest_algorithm(name)
        if kind is None:
            continue
        is_tag, alg = kind
        if alg not in bagformat.SUPPORTED_ALGORITHMS:
            problems.append(
                Problem(INVALID, name, f"{name}: thuật toán băm “{alg}” không được hỗ trợ.")
            )
            continue
        try:
            data = reader.read_small(name)
            entries = {_nfc(p): d for p, d in bagformat.parse_manifest(data, name).items()}
        except (BagFormatError, UserError) as exc:
            problems.append(Problem(INVALID, name, str(exc)))
            continue
        for path in entries:
            if _unsafe_manifest_path(path):
                problems.append(
                    Problem(UNSAFE, path, f"{name} chứa đường dẫn không an toàn: {path}.")
                )
        (tag_manifests if is_tag else report.manifests)[alg] = entries
        if not is_tag and alg == "sha256":
            report.manifest_sha256_bytes = data
    if not report.manifests:
        problems.append(
            Problem(INVALID, "manifest", "Không có tệp manifest nào: không kiểm tra được nội dung.")
        )
        return report

    payload = {p: s for p, s in files.items() if p.startswith("data/")}
    report.sizes = dict(payload)
    listed: set[str] = set()
    for entries in report.manifests.values():
        listed.update(p for p in entries if not _unsafe_manifest_path(p))
    for path in sorted(listed - payload.keys()):
        problems.append(Problem(MISSING, path, f"Thiếu tệp: {path}"))
    for path in sorted(payload.keys() - listed):
        problems.append(Problem(EXTRA, path, f"Tệp thừa (không có trong danh sách): {path}"))

    with HashWorker() as worker:
        for path in sorted(listed & payload.keys()):
            algorithms = [alg for alg, entries in report.manifests.items() if path in entries]
            try:
                actual = _hash_file(reader, path, algorithms, worker, tick, cancel)
            except ZIP_DAMAGE:
                problems.append(Problem(CHANGED, path, f"Tệp bị hỏng, không giải nén được: {path}"))
                continue
            except OSError as exc:
                problems.append(Problem(CHANGED, path, f"Không đọc được tệp {path}: {reason(exc)}"))
                continue
            if any(actual[alg] != report.manifests[alg][path] for alg in algorithms):
                problems.append(
                    Problem(CHANGED, path, f"Tệp bị thay đổi (mã băm không khớp): {path}")
                )
        for alg, entries in tag_manifests.items():
            for path, digest in sorted(entries.items()):
                if _unsafe_manifest_path(path):
                    continue
                if path not in files:
                    problems.append(Problem(MISSING, path, f"Thiếu tệp thẻ: {path}"))
                    continue
                try:
                    actual = _hash_file(reader, path, [alg], worker, lambda n: None, cancel)
                except ZIP_DAMAGE:
                    problems.append(
                        Problem(CHANGED, path, f"Tệp thẻ bị hỏng, không giải nén được: {path}")
                    )
                    continue
                except OSError as exc:
                    problems.append(
                        Problem(CHANGED, path, f"Không đọc được tệp thẻ {path}: {reason(exc)}")
                    )
                    continue
                if actual[alg] != digest:
                    problems.append(
                        Problem(CHANGED, path, f"Tệp thẻ bị thay đổi (mã băm không khớp): {path}")
                    )

    oxum = report.info.get("Payload-Oxum")
    if oxum:
        expected = f"{sum(payload.values())}.{len(payload)}"
        if oxum.strip() != expected:
            problems.append(
                Problem(
                    INVALID,
                    "bag-info.txt",
                    f"Payload-Oxum ghi {oxum}, thực tế {expected} (số byte.số tệp): gói bị thiếu "
                    "hoặc thừa tệp.",
                )
            )
    if METADATA_PATH in payload and not any(p.path == METADATA_PATH for p in problems):
        try:
            metadata = json.loads(reader.read_small(METADATA_PATH).decode("utf-8"))
            if isinstance(metadata, dict) and metadata.get("format") == FORMAT:
                report.metadata = metadata
        except (ValueError, UserError):
            problems.append(Problem(INVALID, METADATA_PATH, "metadata.json không đọc được."))
    return report


def _expected_files(metadata: dict[str, Any]) -> dict[str, str]:
    """Every payload file metadata.json lists (documents and evidence) → sha256."""
    out: dict[str, str] = {}
    document = metadata.get("document") or {}
    for f in document.get("files") or []:
        if isinstance(f, dict) and "path" in f:
            out[_nfc(str(f["path"]))] = str(f.get("sha256", ""))
    for e in metadata.get("evidence") or []:
        if isinstance(e, dict) and "path" in e:
            out[_nfc(str(e["path"]))] = str(e.get("sha256", ""))
    return out


def locate_parts(first: Path, report: BagReport) -> tuple[list[Path | None], list[str]]:
    """Where the other parts of a split package are: [part 1, part 2 …] (None if not found)."""
    count = report.bag_count
    assert count is not None
    total = count[1]
    group = report.info.get("Bag-Group-Identifier")
    found: list[Path | None] = [None] * total
    found[0] = first
    notes: list[str] = []
    folder = first.parent
    names = ((report.metadata or {}).get("parts") or {}).get("zip_names") or []
    is_zip = first.is_file()
    for index, name in enumerate(names[:total], start=1):
        if index == 1 or not isinstance(name, str) or "/" in name or "\\" in name:
            continue
        candidate = folder / (name if is_zip else name.removesuffix(".zip"))
        if candidate.exists():
            found[index - 1] = candidate
    if any(p is None for p in found) and group:
        # Renamed on the way (a mail client adding " (1)"): match by group and part number.
        pattern = "*.zip" if is_zip else "*"
        for candidate in sorted(folder.glob(pattern))[:500]:
            if candidate in found or candidate == first:
                continue
            part = _peek_part(candidate)
            if part and part[0] == group and 1 <= part[1] <= total and found[part[1] - 1] is None:
                found[part[1] - 1] = candidate
                notes.append(f"Phần {part[1]} được tìm thấy với tên khác: {candidate.name}")
    return found, notes


def _peek_part(path: Path) -> tuple[str, int] | None:
    """(Bag-Group-Identifier, part number) of a bag, reading only its bag-info.txt."""
    try:
        reader = open_bag(path)
    except UserError:
        return None
    try:
        if "bag-info.txt" not in reader.files():
            return None
        info = BagInfo(
            tuple(bagformat.parse_tag_file(reader.read_small("bag-info.txt"), "bag-info.txt"))
        )
    except (BagFormatError, UserError):
        return None
    finally:
        reader.close()
    count = bagformat.parse_bag_count(info.get("Bag-Count"))
    group = info.get("Bag-Group-Identifier")
    return (group, count[0]) if count and group else None


def merged_manifest(parts: Iterable[BagReport]) -> bytes:
    entries: dict[str, str] = {}
    for part in parts:
        entries.update(part.manifests.get("sha256", {}))
    return bagformat.manifest_text(entries.items())


def verify_package(
    path: Path,
    *,
    limits: Limits = DEFAULT_LIMITS,
    progress: Progress = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> VerifyReport:
    """Verify a package (zip, folder, or the first part of a split package)."""
    reader = open_bag(path, limits)
    try:
        total = sum(reader.files().values())
        done = 0

        def tick(n: int) -> None:
            nonlocal done
            done += n
            progress(done, max(total, done), "Đang kiểm tra mã băm…")

        first = verify_bag(reader, tick=tick, cancel=cancel)
    finally:
        reader.close()
    report = VerifyReport(path, [first], list(first.problems), None, None)
    report.declared_package_id = first.info.get(PACKAGE_ID_TAG) or None
    count = first.bag_count
    if count is not None and count[1] > 1:
        if count[0] != 1:
            report.notes.append(
                f"Đây là phần {count[0]}/{count[1]} của một gói: phần này đã được kiểm tra riêng; "
                "để kiểm tra cả gói, hãy chỉ định phần 1."
            )
        else:
            _verify_other_parts(report, limits, tick, cancel)
    split = count is not None and count[1] > 1
    whole = count is None or count[0] == 1
    parts_complete = not any(p.kind == PART_MISSING for p in report.problems)
    if first.manifest_sha256_bytes is not None and whole and parts_complete:
        report.package_id = bagformat.sha256_hex(
            merged_manifest(report.parts) if split else first.manifest_sha256_bytes
        )
    if report.package_id and report.declared_package_id not in (None, report.package_id):
        report.problems.append(
            Problem(
                CHANGED,
                "manifest-sha256.txt",
                "Mã kiểm tra của gói không khớp với mã ghi trong bag-info.txt (và trên phiếu "
                "gửi): danh sách tệp đã bị sửa.",
            )
        )
    if whole and first.metadata is not None:
        _check_metadata(report, first.metadata)
    return report


def _verify_other_parts(
    report: VerifyReport, limits: Limits, tick: Callable[[int], None], cancel: CancelToken
) -> None:
    first = report.first
    found, notes = locate_parts(report.path, first)
    report.notes.extend(notes)
    group = first.info.get("Bag-Group-Identifier")
    names = ((first.metadata or {}).get("parts") or {}).get("zip_names") or []
    for index, where in enumerate(found[1:], start=2):
        if where is None:
            name = names[index - 1] if index - 1 < len(names) else f"phần {index}"
            report.problems.append(
                Problem(PART_MISSING, str(name), f"Thiếu phần {index}/{len(found)}: {name}")
            )
            continue
        reader: BagReader
        try:
            reader = ZipBag(where, limits) if where.is_file() else DirBag(where)
        except UserError as exc:
            report.problems.append(Problem(INVALID, where.name, f"Phần {index}: {exc.message}"))
            continue
        try:
            part = verify_bag(reader, tick=tick, cancel=cancel)
        finally:
            reader.close()
        report.parts.append(part)
        report.problems.extend(
            Problem(p.kind, p.path, f"Phần {index}: {p.message}") for p in part.problems
        )
        if part.info.get("Bag-Group-Identifier") != group or part.bag_count != (index, len(found)):
            report.problems.append(
                Problem(INVALID, where.name, f"{where.name} không phải phần {index} của gói này.")
            )
    seen: dict[str, int] = {}
    for index, part in enumerate(report.parts, start=1):
        for path in part.sizes:
            if path in seen:
                report.problems.append(
                    Problem(
                        INVALID, path, f"Tệp {path} có mặt ở cả phần {seen[path]} và phần {index}."
                    )
                )
            seen[path] = index


def _check_metadata(report: VerifyReport, metadata: dict[str, Any]) -> None:
    """Our packages: metadata.json and the manifests must describe the same files."""
    expected = _expected_files(metadata)
    manifest: dict[str, str] = {}
    for part in report.parts:
        manifest.update(part.manifests.get("sha256", {}))
    reported = {p.path for p in report.problems}
    missing_part = any(p.kind == PART_MISSING for p in report.problems)
    for path, digest in sorted(expected.items()):
        if path not in manifest:
            if path not in reported:
                why = " (nằm trong phần bị thiếu)" if missing_part else ""
                report.problems.append(Problem(MISSING, path, f"Thiếu tệp: {path}{why}"))
        elif digest and manifest[path] != digest and path not in reported:
            report.problems.append(
                Problem(CHANGED, path, f"Mã băm của {path} trong danh sách khác với metadata.json.")
            )
