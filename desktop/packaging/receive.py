"""`baocao receive`: import a package from another office into the "received" area.

Nothing in the archive is trusted:
1. every part is checked from its central directory (`zipsafety`: paths, links, devices,
   duplicates after NFC/case folding, entry count, total size, compression ratio), and the total
   must fit the free space, before anything is extracted;
2. entries are extracted one by one into a hidden temporary folder inside the received area
   (same filesystem, so the final step is a rename), never writing more bytes than the entry
   declared, never through a path that was not checked;
3. the extracted copy is verified as a bag (every hash), parts are merged into one bag whose
   package hash must match the one the sender wrote, and `metadata.json` must describe it;
4. only then is the folder renamed to its final name and its files made read-only.
Any refusal removes the temporary folder: nothing is written. The caller records the package in
the database and removes the folder again if that fails.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import secrets
import shutil
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from desktop.errors import UserError
from desktop.evidence.sizes import format_size
from desktop.jobs import NEVER_CANCELLED, CancelToken, Progress, no_progress
from desktop.packaging import bagformat
from desktop.packaging.bagformat import BagInfo
from desktop.packaging.bagreader import ZIP_DAMAGE, DirBag, ZipBag, find_bag_folder, open_bag
from desktop.packaging.hashing import CHUNK_SIZE
from desktop.packaging.names import ascii_name
from desktop.packaging.plan import COVER_NAME, FORMAT, PACKAGE_ID_TAG
from desktop.packaging.verify import BagReport, locate_parts, verify_bag
from desktop.packaging.zipsafety import DEFAULT_LIMITS, Limits, UnsafeArchive
from desktop.services.oserrors import reason

_PART_TAGS = ("bag-count", "payload-oxum", "bag-size")


@dataclass(frozen=True)
class ReceivedPackage:
    folder: Path  # the bag folder in the received area
    package_id: str
    info: BagInfo
    metadata: dict[str, Any]
    files: tuple[tuple[str, int, str], ...]  # (data/… path, size, sha256)
    part_count: int
    bag_name: str


def _refused(problems: list[str]) -> UserError:
    shown = "; ".join(problems[:5]) + (
        f"; và {len(problems) - 5} lỗi khác" if len(problems) > 5 else ""
    )
    return UserError(f"Gói không hợp lệ nên không được nhận ({shown}); không có gì được ghi.")


def receive_package(
    path: Path,
    received_root: Path,
    *,
    already_received: Callable[[str], str | None] = lambda package_id: None,
    limits: Limits = DEFAULT_LIMITS,
    progress: Progress = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> ReceivedPackage:
    """Check, extract, verify and publish a package; return what was received.

    `already_received(package_id)` returns a description when this package was received
    before (then it is refused, and nothing is written).
    """
    sources = _sources(path, limits)
    declared_total = sum(size for _, size in sources)
    try:
        received_root.mkdir(parents=True, exist_ok=True)
        free = shutil.disk_usage(received_root).free
    except OSError as exc:
        raise UserError(
            f"Không ghi được vào thư mục nhận {received_root}: {reason(exc)}."
        ) from None
    if declared_total > free:
        raise UserError(
            f"Gói cần {format_size(declared_total)} nhưng ổ chứa dữ liệu chỉ còn trống "
            f"{format_size(free)}: hãy giải phóng chỗ trống; không có gì được ghi."
        )
    tmp = received_root / f".dang-nhan-{secrets.token_hex(6)}"
    tmp.mkdir()
    try:
        done = 0

        def tick(n: int) -> None:
            nonlocal done
            done += n
            progress(done, 2 * declared_total + 1, "Đang giải nén và kiểm tra…")

        extracted: list[tuple[Path, BagReport]] = []
        for index, (source, _size) in enumerate(sources, start=1):
            cancel.raise_if_cancelled()
            target = tmp / f"phan-{index}"
            bag_name = _extract(source, target, limits, tick, cancel)
            reader = DirBag(target, name=bag_name)
            report = verify_bag(reader, tick=tick, cancel=cancel)
            problems = [p.message for p in report.problems]
            if problems:
                raise _refused([f"phần {index}: {m}" if len(sources) > 1 else m for m in problems])
            extracted.append((target, report))

        first_dir, first = extracted[0]
        bag_dir = _merge(tmp / "goi", extracted) if len(extracted) > 1 else first_dir
        manifest = (bag_dir / "manifest-sha256.txt").read_bytes()
        package_id = bagformat.sha256_hex(manifest)
        declared = first.info.get(PACKAGE_ID_TAG)
        if declared and declared != package_id:
            raise _refused(
                ["mã kiểm tra của gói không khớp với mã người gửi ghi trong bag-info.txt"]
            )
        metadata = first.metadata
        if metadata is None or metadata.get("format") != FORMAT:
            raise UserError(
                "Gói hợp lệ theo chuẩn BagIt nhưng không phải gói báo cáo của baocao (thiếu "
                "data/metadata.json): không nhận được; hãy dùng lệnh verify để kiểm tra."
            )
        _check_listing(metadata, bag_dir)
        previous = already_received(package_id)
        if previous:
            raise UserError(f"Gói này đã được nhận trước đây ({previous}); không nhận lại.")

        info = BagInfo(
            tuple(bagformat.parse_tag_file((bag_dir / "bag-info.txt").read_bytes(), "bag-info.txt"))
        )
        final = _final_folder(received_root, first.bag_name, package_id)
        files = tuple(
            (path, size, digest)
            for path, digest in sorted(
                bagformat.parse_manifest(manifest, "manifest-sha256.txt").items()
            )
            for size in [(bag_dir / path).stat().st_size]
        )
        cancel.raise_if_cancelled()
        os.replace(bag_dir, final)
        _make_read_only(final)
        return ReceivedPackage(
            folder=final,
            package_id=package_id,
            info=info,
            metadata=metadata,
            files=files,
            part_count=len(extracted),
            bag_name=final.name,
        )
    finally:
        remove_tree(tmp)


def _sources(path: Path, limits: Limits) -> list[tuple[Path, int]]:
    """The package's parts (just one unless split) with their declared unpacked sizes.

    Every part is opened and checked here, before anything is written.
    """
    reader = open_bag(path, limits)
    try:
        files = reader.files()
        info = BagInfo(())
        if "bag-info.txt" in files:
            info = BagInfo(
                tuple(bagformat.parse_tag_file(reader.read_small("bag-info.txt"), "bag-info.txt"))
            )
        metadata: dict[str, Any] | None = None
        if "data/metadata.json" in files:
            with contextlib.suppress(ValueError, UserError):
                loaded = json.loads(reader.read_small("data/metadata.json").decode("utf-8"))
                metadata = loaded if isinstance(loaded, dict) else None
        first_size = sum(files.values())
    finally:
        reader.close()
    source = path if path.is_file() else find_bag_folder(path)
    count = bagformat.parse_bag_count(info.get("Bag-Count"))
    if count is None or count[1] == 1:
        return [(source, first_size)]
    if count[0] != 1:
        raise UserError(
            f"Đây là phần {count[0]}/{count[1]} của một gói: hãy nhận từ phần 1 (các phần khác "
            "để cùng thư mục)."
        )
    report = BagReport(source, source.name, info=info, metadata=metadata)
    found, _notes = locate_parts(source, report)
    missing = [str(i) for i, p in enumerate(found, start=1) if p is None]
    if missing:
        raise UserError(
            f"Thiếu phần {', '.join(missing)}/{count[1]} của gói (cần để cùng thư mục với phần 1): "
            "không nhận được gói chưa đủ phần; không có gì được ghi."
        )
    out = [(source, first_size)]
    for part in found[1:]:
        assert part is not None
        other = open_bag(part, limits)
        try:
            out.append((part, sum(other.files().values())))
        finally:
            other.close()
    total = sum(size for _, size in out)
    if total > limits.max_total_bytes:
        raise UnsafeArchive(
            f"Gói bị từ chối vì giải nén ra {format_size(total)}, vượt giới hạn "
            f"{format_size(limits.max_total_bytes)}; không có gì được giải nén."
        )
    return out


def _extract(
    source: Path, target: Path, limits: Limits, tick: Callable[[int], None], cancel: CancelToken
) -> str:
    """Copy one bag (zip or folder) into `target`; return the bag's name."""
    target.mkdir()
    if source.is_dir():
        folder = DirBag(source)
        if folder.unsafe:
            raise UnsafeArchive(
                f"Gói bị từ chối vì chứa mục không an toàn: {folder.unsafe[0]}; không có gì được "
                "ghi."
            )
        files = folder.files()
        if len(files) > limits.max_files:
            raise UnsafeArchive(
                f"Gói bị từ chối vì có {len(files)} tệp, vượt giới hạn {limits.max_files} tệp; "
                "không có gì được ghi."
            )
        for rel, size in files.items():
            cancel.raise_if_cancelled()
            _copy_entry(functools.partial(folder.open, rel), target, rel, size, tick)
        return folder.name
    archive = ZipBag(source, limits)
    try:
        for rel, entry in archive.entries():
            cancel.raise_if_cancelled()
            _copy_entry(
                functools.partial(archive.open, rel), target, rel, entry.info.file_size, tick
            )
    except ZIP_DAMAGE:
        raise UserError(
            f"Tệp nén {source.name} bị hỏng (dữ liệu nén không giải được); không có gì được ghi."
        ) from None
    finally:
        archive.close()
    return archive.name


def _copy_entry(
    opener: Callable[[], IO[bytes]],
    target: Path,
    rel: str,
    size: int,
    tick: Callable[[int], None],
) -> None:
    """Write one checked entry under `target`, never more bytes than it declared."""
    destination = target.joinpath(*rel.split("/"))
    # Belt and braces: the name was checked already, but never write outside `target`.
    if not destination.resolve().is_relative_to(target.resolve()):
        raise UnsafeArchive(f"Gói bị từ chối vì tệp “{rel}” trỏ ra ngoài thư mục.")
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        written = 0
        with opener() as src, destination.open("xb") as dst:
            while chunk := src.read(CHUNK_SIZE):
                written += len(chunk)
                if written > size:
                    raise UnsafeArchive(
                        f"Gói bị từ chối vì tệp “{rel}” giải nén ra nhiều hơn kích thước khai "
                        "báo (dấu hiệu “bom zip”); không có gì được ghi."
                    )
                dst.write(chunk)
                tick(len(chunk))
    except OSError as exc:
        raise UserError(
            f"Không giải nén được {rel}: {reason(exc)}; không có gì được ghi."
        ) from None


def _merge(bag_dir: Path, parts: list[tuple[Path, BagReport]]) -> Path:
    """Rebuild the whole bag from verified parts: payloads moved together, tag files rewritten."""
    bag_dir.mkdir()
    entries: dict[str, str] = {}
    for part_dir, report in parts:
        for path, digest in report.manifests["sha256"].items():
            if path in entries:
                raise _refused([f"tệp {path} có mặt ở nhiều phần"])
            entries[path] = digest
            destination = bag_dir.joinpath(*path.split("/"))
            destination.parent.mkdir(parents=True, exist_ok=True)
            os.replace(part_dir.joinpath(*path.split("/")), destination)
    first_dir, first = parts[0]
    total = sum((bag_dir / p).stat().st_size for p in entries)
    fields = [(k, v) for k, v in first.info.fields if k.lower() not in _PART_TAGS]
    fields.append(("Payload-Oxum", bagformat.payload_oxum(total, len(entries))))
    fields.append(("Bag-Size", format_size(total)))
    tag_files = {
        "bagit.txt": bagformat.BAGIT_TXT,
        "bag-info.txt": bagformat.bag_info_text(fields),
        "manifest-sha256.txt": bagformat.manifest_text(entries.items()),
    }
    if (first_dir / COVER_NAME).is_file():
        tag_files[COVER_NAME] = (first_dir / COVER_NAME).read_bytes()
    for name, data in tag_files.items():
        (bag_dir / name).write_bytes(data)
    tagmanifest = "".join(f"{bagformat.sha256_hex(d)}  {n}\n" for n, d in tag_files.items())
    (bag_dir / "tagmanifest-sha256.txt").write_bytes(tagmanifest.encode())
    return bag_dir


def _check_listing(metadata: dict[str, Any], bag_dir: Path) -> None:
    """metadata.json must describe exactly the payload (verify already compared the hashes)."""
    manifest = bagformat.parse_manifest((bag_dir / "manifest-sha256.txt").read_bytes(), "manifest")
    listed: list[str] = []
    document = metadata.get("document") or {}
    listed += [str(f.get("path")) for f in document.get("files") or [] if isinstance(f, dict)]
    listed += [str(e.get("path")) for e in metadata.get("evidence") or [] if isinstance(e, dict)]
    missing = [p for p in listed if p not in manifest]
    if missing:
        raise _refused([f"thiếu tệp {p} (có trong metadata.json)" for p in missing])


def _final_folder(root: Path, bag_name: str, package_id: str) -> Path:
    """`<bag name without the part suffix>_<first 8 hex of the package hash>`, ASCII."""
    base = ascii_name(re.sub(r"_phan-\d+-cua-\d+$", "", bag_name)) or "goi"
    name = f"{base}_{package_id[:8]}"
    candidate = root / name
    counter = 2
    while candidate.exists():  # a folder left from a package removed from the list
        candidate = root / f"{name}-{counter}"
        counter += 1
    return candidate


def _make_read_only(folder: Path) -> None:
    """Received documents are records: make every file read-only (folders stay writable so the
    office can still delete a package it no longer needs)."""
    for dirpath, _dirnames, filenames in os.walk(folder):
        for filename in filenames:
            with contextlib.suppress(OSError):
                os.chmod(
                    os.path.join(dirpath, filename), stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH
                )


def remove_tree(folder: Path) -> None:
    """Remove a folder, read-only files included (Windows refuses otherwise)."""
    if not folder.exists():
        return

    def retry_writable(func: Callable[..., Any], path: str, _exc: object) -> None:
        with contextlib.suppress(OSError):
            os.chmod(path, stat.S_IWUSR | stat.S_IRUSR | stat.S_IXUSR)
            func(path)

    if sys.version_info >= (3, 12):
        shutil.rmtree(folder, onexc=retry_writable)
    else:
        shutil.rmtree(folder, onerror=retry_writable)
