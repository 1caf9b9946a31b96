"""File names that survive every place a package goes: Windows (NTFS), exFAT and FAT32 sticks,
mail gateways and the BagIt manifest format.

Rules, all applied to NFC text:
- characters Windows forbids (`< > : " / \\ | ? *`), control characters, and `%` (BagIt
  percent-encodes it and some tools do not decode it) become `_`;
- no leading dots or spaces (hidden files), no trailing dots or spaces (Windows drops them);
- the reserved device names (CON, PRN, AUX, NUL, COM1–9, LPT1–9, also with an extension and
  with superscript digits) get a `_` prefix;
- a component is at most `MAX_STEM` characters before its extension, cut between grapheme
  clusters (never between a letter and its combining mark), so that the whole path — unzipped
  under a long Windows folder — stays far from the 260-character limit;
- Vietnamese letters are kept (NFC, one code unit each in UTF-16, as NTFS and exFAT count).

Bag and zip names are ASCII (`bao-cao_12-BC-UBND_2024-05-01`): some mail clients still mangle
non-ASCII attachment names.
"""

from __future__ import annotations

import re
import unicodedata

from desktop.model.text import nfc

MAX_STEM = 80
MAX_EXTENSION = 10
_FORBIDDEN = re.compile(r'[<>:"/\\|?*%\x00-\x1f\x7f-\x9f\ud800-\udfff]')
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$", re.I)
_SPACES = re.compile(r"\s+")


def _graphemes(text: str) -> list[str]:
    """Split into base characters with their combining marks attached."""
    clusters: list[str] = []
    for ch in text:
        if clusters and unicodedata.combining(ch):
            clusters[-1] += ch
        else:
            clusters.append(ch)
    return clusters


def _truncate(text: str, limit: int) -> str:
    clusters = _graphemes(text)
    if len(text) <= limit:
        return text
    out = ""
    for cluster in clusters:
        if len(out) + len(cluster) > limit:
            break
        out += cluster
    # Prefer to cut at a word boundary when one is near the end.
    cut = max(out.rfind(" "), out.rfind("-"), out.rfind("_"))
    if cut >= limit * 0.6:
        out = out[:cut]
    return out.rstrip(" ._-")


def clean_component(text: str) -> str:
    """Make one name component safe (no extension handling)."""
    text = nfc(text)
    text = _FORBIDDEN.sub("_", text)
    text = _SPACES.sub(" ", text).strip()
    text = text.lstrip(". ").rstrip(". ")
    return text


def safe_file_name(name: str, *, extension: str | None = None, prefix: str = "") -> str:
    """A safe file name for `name`; `extension` (without dot) replaces or adds the extension.

    `prefix` (such as `03-`) is put in front and counts toward the length limit.
    """
    name = clean_component(name)
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem or len(ext) > MAX_EXTENSION or " " in ext:
        stem, ext = name, ""
    if extension is not None:
        ext = extension
    ext = clean_component(ext).lower()
    stem = clean_component(stem) or "tep"
    stem = _truncate(stem, max(8, MAX_STEM - len(prefix))) or "tep"
    candidate = f"{prefix}{stem}"
    if _RESERVED.match(candidate.split(".")[0]):
        candidate = f"_{candidate}"
    return f"{candidate}.{ext}" if ext else candidate


def evidence_file_name(
    number: int, width: int, original_name: str, extensions: tuple[str, ...]
) -> str:
    """`03-Bien ban kiem tra.pdf`: numbered, safe, with an extension matching the content.

    The user's extension is kept when it fits the content type (`.JPG` → `.jpg`); a missing or
    wrong one is replaced by the type's canonical extension.
    """
    prefix = f"{number:0{width}d}-"
    base = clean_component(original_name)
    _stem, dot, ext = base.rpartition(".")
    ext = ext.lower() if dot else ""
    if extensions and ext not in extensions:
        if dot and ext and len(ext) <= MAX_EXTENSION and not any(c.isspace() for c in ext):
            base = base[: -(len(ext) + 1)]
        return safe_file_name(base, extension=extensions[0], prefix=prefix)
    return safe_file_name(base, prefix=prefix)


_ASCII_FOLD = {"đ": "d", "Đ": "D"}


def ascii_fold(text: str) -> str:
    """Drop diacritics (đ → d too) and anything else outside ASCII."""
    folded = "".join(_ASCII_FOLD.get(ch, ch) for ch in nfc(text))
    decomposed = unicodedata.normalize("NFKD", folded)
    ascii_text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return ascii_text.encode("ascii", "ignore").decode("ascii")


def ascii_name(text: str, *, limit: int = 80) -> str:
    """A folder name from any bag name: ASCII letters, digits, `_ . -` only."""
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", ascii_fold(text)).strip("-.")
    return name[:limit].rstrip("-.")


def ascii_slug(text: str, *, limit: int = 60, keep_case: bool = False) -> str:
    """`Báo cáo 12/BC-UBND` → `bao-cao-12-bc-ubnd` (or with case kept)."""
    ascii_text = ascii_fold(text)
    if not keep_case:
        ascii_text = ascii_text.lower()
    slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")
    return slug[:limit].rstrip("-")


def casefold_key(path: str) -> str:
    """The key under which two names clash on Windows/exFAT/FAT32 (case-insensitive, NFC)."""
    return unicodedata.normalize("NFC", path).casefold()
