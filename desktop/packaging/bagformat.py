"""The BagIt text formats (RFC 8493), written exactly as the Library of Congress `bagit` library
writes and reads them, so that `bagit.py --validate` accepts our bags and we accept theirs.

- `bagit.txt`: `BagIt-Version: 0.97` and `Tag-File-Character-Encoding: UTF-8` (the version
  bagit-python writes; it validates 0.97 and 1.0 bags alike);
- `bag-info.txt`: `Label: value` lines, values on one line (CR/LF removed, as bagit does);
- `manifest-<alg>.txt` / `tagmanifest-<alg>.txt`: `<hex digest>  <path>` lines, `/` separators,
  with CR, LF and `%` percent-encoded as RFC 8493 §2.1.3 requires (our own names never contain
  them; foreign bags may);
- `Payload-Oxum: <bytes>.<files>`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

BAGIT_VERSION = "0.97"
BAGIT_TXT = f"BagIt-Version: {BAGIT_VERSION}\nTag-File-Character-Encoding: UTF-8\n".encode()
SUPPORTED_ALGORITHMS = ("md5", "sha1", "sha224", "sha256", "sha384", "sha512")
_MANIFEST_NAME = re.compile(r"^(tag)?manifest-([a-z0-9]+)\.txt$")


def encode_path(path: str) -> str:
    """Percent-encode what a manifest line cannot hold (RFC 8493 §2.1.3)."""
    return path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def decode_path(text: str) -> str:
    return re.sub(
        r"%(0[dDaA]|25)", lambda m: {"0d": "\r", "0a": "\n", "25": "%"}[m.group(1).lower()], text
    )


def manifest_text(entries: Iterable[tuple[str, str]]) -> bytes:
    """`<digest>  <path>` lines sorted by path; `entries` are (path, digest)."""
    lines = [f"{digest}  {encode_path(path)}\n" for path, digest in sorted(entries)]
    return "".join(lines).encode("utf-8")


def bag_info_text(fields: Sequence[tuple[str, str]]) -> bytes:
    """`Label: value` lines in the given order; line breaks inside values are dropped."""
    out = []
    for label, value in fields:
        clean = re.sub(r"[\r\n]+", " ", value).strip()
        out.append(f"{label}: {clean}\n")
    return "".join(out).encode("utf-8")


def payload_oxum(total_bytes: int, file_count: int) -> str:
    return f"{total_bytes}.{file_count}"


def manifest_algorithm(name: str) -> tuple[bool, str] | None:
    """`manifest-sha256.txt` → (False, "sha256"); `tagmanifest-md5.txt` → (True, "md5")."""
    match = _MANIFEST_NAME.match(name)
    if not match:
        return None
    return bool(match.group(1)), match.group(2)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class BagFormatError(ValueError):
    """A tag file is malformed; the message is Vietnamese and names the file."""


def parse_tag_file(data: bytes, name: str) -> list[tuple[str, str]]:
    """Parse `bagit.txt` / `bag-info.txt`; continuation lines (leading space) are joined."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise BagFormatError(f"{name} không phải văn bản UTF-8.") from None
    if text.startswith("\ufeff"):
        raise BagFormatError(f"{name} bắt đầu bằng dấu BOM, trái với chuẩn BagIt.")
    fields: list[tuple[str, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        if line[0] in " \t":
            if not fields:
                raise BagFormatError(f"{name}, dòng {number}: dòng tiếp nối không có nhãn.")
            label, value = fields[-1]
            fields[-1] = (label, f"{value} {line.strip()}")
            continue
        label, colon, value = line.partition(":")
        if not colon or not label.strip():
            raise BagFormatError(f"{name}, dòng {number}: thiếu dấu “:” giữa nhãn và giá trị.")
        fields.append((label.strip(), value.strip()))
    return fields


def parse_manifest(data: bytes, name: str) -> dict[str, str]:
    """Parse a manifest into {path: digest}; raise on malformed or duplicated lines."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise BagFormatError(f"{name} không phải văn bản UTF-8.") from None
    out: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split(None, 1)
        if len(parts) != 2 or not re.fullmatch(r"[0-9a-fA-F]+", parts[0]):
            raise BagFormatError(f"{name}, dòng {number}: dòng không đúng dạng “mã băm  tên tệp”.")
        path = decode_path(parts[1].lstrip("*"))
        if path in out and out[path] != parts[0].lower():
            raise BagFormatError(f"{name}: tệp {path} được ghi hai lần với hai mã băm khác nhau.")
        out[path] = parts[0].lower()
    return out


@dataclass(frozen=True)
class BagInfo:
    fields: tuple[tuple[str, str], ...]

    def get(self, label: str, default: str = "") -> str:
        wanted = label.lower()
        for key, value in self.fields:
            if key.lower() == wanted:
                return value
        return default

    def as_dict(self) -> Mapping[str, str]:
        return {k: v for k, v in self.fields}


def parse_bag_count(value: str) -> tuple[int, int] | None:
    """`2 of 3` → (2, 3); `2 of ?` and junk → None."""
    match = re.fullmatch(r"\s*(\d+)\s+of\s+(\d+)\s*", value)
    if not match:
        return None
    k, n = int(match.group(1)), int(match.group(2))
    return (k, n) if 1 <= k <= n else None
