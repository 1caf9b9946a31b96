"""Stream one bag (one part of a package) into a zip, hashing as it goes.

- The zip is written to a non-seekable sink, so `zipfile` puts sizes and CRCs in data
  descriptors after each entry instead of seeking back: the byte stream is written once, in
  order, and described as CRC-32-checked regions for the read-back check (stored entries reuse
  the CRC zipfile computes anyway, so no byte is checksummed twice).
- Payload files are copied in 4 MiB chunks through `ZipFile.open(info, "w")` (`ZipFile.write`
  copies in 8 KiB chunks, about 5× slower). Each chunk is also hashed (SHA-256, on a second
  thread) and compared at the end with the hash recorded at attach time: a damaged file in the
  evidence store stops the package. That is the only SHA-256 pass over the payload.
- Already-compressed files (JPEG, PNG, DOCX, scans in PDF …) are stored, text is deflated.
- Layout inside the zip: `<bag name>/bagit.txt`, `bag-info.txt`, `manifest-sha256.txt`,
  `tagmanifest-sha256.txt`, `phieu-gui.pdf`, then `data/…` (tag files first, so a reader that
  streams the zip learns what to expect before the payload).
"""

from __future__ import annotations

import functools
import hashlib
import stat
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from desktop.errors import UserError
from desktop.evidence.ioerrors import read_error
from desktop.jobs import CancelToken
from desktop.packaging import bagformat
from desktop.packaging.hashing import CHUNK_SIZE, HashWorker, Region, RegionRecorder, Writable
from desktop.packaging.plan import COVER_NAME, PackagePlan, Part, PayloadFile

BIG_FILE = 16 << 20  # deflate bigger text files at level 1: ten times faster, a little larger
_FILE_MODE = (stat.S_IFREG | 0o644) << 16

Tick = Callable[[int, str], None]  # (bytes just copied, label)


class _Sink:
    """A write-only, non-seekable file object: writes through and records checksummed regions."""

    def __init__(self, target: Writable) -> None:
        self._target = target
        self.recorder = RegionRecorder()

    def write(self, data: bytes) -> int:
        data = bytes(data) if not isinstance(data, bytes) else data
        self._target.write(data)
        self.recorder.wrote(data)
        return len(data)

    def flush(self) -> None:
        self._target.flush()

    def close(self) -> None:
        """The target belongs to the caller (it fsyncs and closes it)."""


@dataclass(frozen=True)
class WrittenZip:
    regions: list[Region]  # CRC-32 of every byte, for the read-back check
    size: int


def tag_files(plan: PackagePlan, part: Part, cover: bytes) -> list[tuple[str, bytes]]:
    """The tag files of one part, in writing order, tag manifest included."""
    files = [
        ("bagit.txt", bagformat.BAGIT_TXT),
        ("bag-info.txt", plan.bag_info(part)),
        ("manifest-sha256.txt", part.manifest),
        (COVER_NAME, cover),
    ]
    tagmanifest = "".join(
        f"{bagformat.sha256_hex(data)}  {name}\n" for name, data in files
    ).encode()
    return [*files[:3], ("tagmanifest-sha256.txt", tagmanifest), files[3]]


def _info(name: str, plan: PackagePlan, size: int, compress: bool) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=plan.created.timetuple()[:6])
    info.create_system = 3  # Unix: the permission bits below mean what they say
    info.external_attr = _FILE_MODE
    info.file_size = size  # lets zipfile decide on ZIP64 before writing
    if compress:
        info.compress_type = zipfile.ZIP_DEFLATED
        level = 6 if size < BIG_FILE else 1
        # Python 3.13 renamed the attribute; 3.11/3.12 only know the private one.
        setattr(
            info, "compress_level" if hasattr(info, "compress_level") else "_compresslevel", level
        )
    else:
        info.compress_type = zipfile.ZIP_STORED
    return info


def write_part(
    target: Writable,
    plan: PackagePlan,
    part: Part,
    cover: bytes,
    *,
    tick: Tick,
    cancel: CancelToken,
) -> WrittenZip:
    """Write `part` as a zip to `target`; return its size and checksummed regions.

    Raises `UserError` if a payload file no longer matches its recorded hash, `OSError` from
    `target` as is (the caller knows the destination and explains it), `Cancelled`.
    """
    root = f"{part.bag_name}/"
    with HashWorker() as worker:
        sink = _Sink(target)
        payload_hashes: list[tuple[PayloadFile, hashlib._Hash]] = []
        with zipfile.ZipFile(sink, "w", allowZip64=True) as zf:
            for name, data in tag_files(plan, part, cover):
                compress = name != COVER_NAME
                with zf.open(_info(root + name, plan, len(data), compress), "w") as dst:
                    dst.write(data)
            for payload in part.files:
                cancel.raise_if_cancelled()
                digest = hashlib.sha256()
                payload_hashes.append((payload, digest))
                info = _info(root + payload.path, plan, payload.size, payload.compress)
                with zf.open(info, "w") as dst:
                    if not payload.compress:
                        # Stored: the bytes written are the data zipfile CRCs; reuse its CRC.
                        sink.recorder.begin_trusted()
                    _copy(payload, dst, digest, worker, tick, cancel)
                    if not payload.compress:
                        sink.recorder.end_trusted(functools.partial(getattr, info, "CRC"))
        worker.wait()
    for payload, digest in payload_hashes:
        if digest.hexdigest() != payload.sha256:
            raise _damaged(payload)
    return WrittenZip(sink.recorder.regions(), sink.recorder.offset)


def _copy(
    payload: PayloadFile,
    dst: IO[bytes],
    digest: hashlib._Hash,
    worker: HashWorker,
    tick: Tick,
    cancel: CancelToken,
) -> None:
    source = payload.source
    if isinstance(source, bytes):
        worker.submit(digest, source)
        dst.write(source)
        tick(len(source), payload.name)
        return
    copied = 0
    try:
        src = source.open("rb")
    except OSError as exc:
        raise _missing(payload, source, exc) from None
    with src:
        while True:
            cancel.raise_if_cancelled()
            try:
                chunk = src.read(CHUNK_SIZE)
            except OSError as exc:
                raise read_error(exc, source) from None
            if not chunk:
                break
            worker.submit(digest, chunk)
            dst.write(chunk)
            copied += len(chunk)
            tick(len(chunk), payload.name)
    if copied != payload.size:
        raise _damaged(payload)


def _what(payload: PayloadFile) -> str:
    return f"Tài liệu minh chứng số {payload.number}" if payload.number else f"Tệp {payload.name}"


def _damaged(payload: PayloadFile) -> UserError:
    return UserError(
        f"{_what(payload)} trong kho dữ liệu đã bị thay đổi hoặc hỏng (mã băm không còn khớp "
        "với lúc đính kèm): hãy gỡ và đính kèm lại từ tệp gốc; gói chưa được tạo."
    )


def _missing(payload: PayloadFile, source: Path, exc: OSError) -> UserError:
    if isinstance(exc, FileNotFoundError):
        return UserError(
            f"{_what(payload)} không còn trong kho dữ liệu ({source}): hãy gỡ và đính kèm lại "
            "từ tệp gốc; gói chưa được tạo."
        )
    return read_error(exc, source)
