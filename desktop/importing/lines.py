"""What one line of a document is, judged from its text alone.

`classify` recognises the fixed forms of Nghị định 30 (Quốc hiệu, `Số: …/…`, the place-and-date
line, the kind line, `Kính gửi:`, `Nơi nhận:`, `Lưu: VT, …`), outline numbering (`Phần I`, `I.`,
`1.`, `3.1.`, `a)`), list marks (`-`, `+`, `- +`), the signing tool's text and page numbers. It
does not decide what a line means in its place (a `1.` line may be a heading or a Nơi nhận
entry): the zone builders do that with the context.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from desktop.model.document import HeadingLevel, ListMarker, Secrecy, Urgency
from desktop.model.kinds import DocumentKind, kind_from_title
from desktop.model.numbering import VIETNAMESE_LETTERS, from_roman


class LineKind(StrEnum):
    NATIONAL_TITLE = "national-title"  # CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM (also the Party's)
    MOTTO = "motto"  # Độc lập - Tự do - Hạnh phúc
    RULE = "rule"  # ______ or ------ drawn under a header line
    NUMBER = "number"  # Số: 169/BC-SNV
    PLACE_DATE = "place-date"  # Bình Phước, ngày 05 tháng 02 năm 2024
    KIND_TITLE = "kind-title"  # BÁO CÁO
    SUBJECT_VV = "subject-vv"  # V/v … (công văn)
    KINH_GUI = "kinh-gui"  # Kính gửi: …
    URGENCY = "urgency"  # KHẨN, HỎA TỐC …
    SECRECY = "secrecy"  # MẬT, TỐI MẬT …
    DRAFT_MARK = "draft-mark"  # DỰ THẢO
    DISTRIBUTION_LABEL = "distribution-label"  # Nơi nhận:
    ARCHIVE = "archive"  # - Lưu: VT, …
    SIGNATURE_PLACEHOLDER = "signature-placeholder"  # (Đã ký)
    SIGNING_META = "signing-meta"  # Ký bởi: … / Thời gian ký: …
    PAGE_NUMBER = "page-number"  # 2, - 2 -, Trang 2
    HEADING = "heading"  # Phần I, I., 1., 1.1., a)
    DEEP_NUMBER = "deep-number"  # 1.1.1. — deeper than the model's outline
    ITEM = "item"  # -, +, - +
    TEXT = "text"


@dataclass(frozen=True)
class Classified:
    kind: LineKind
    # Characters of the line taken by a number or mark (to strip from the content).
    prefix_length: int = 0
    heading_level: HeadingLevel | None = None
    numbers: tuple[int, ...] = ()  # the source's own numbers: (2,) for II., (3, 1) for 3.1.
    letter_with_dot: bool = False  # `a.` written for `a)`
    marker: ListMarker | None = None
    document_number: int | None = None
    symbol: str = ""
    symbol_year: int | None = None
    rest: str = ""  # text after a label (Kính gửi: X, Nơi nhận: X, V/v X, a number line's tail)
    rest_offset: int = 0
    place: str = ""
    date: dt.date | None = None
    date_year: int | None = None
    date_invalid: bool = False
    document_kind: DocumentKind | None = None
    urgency: Urgency | None = None
    secrecy: Secrecy | None = None
    meta_key: str = ""
    meta_strong: bool = False


def fold(text: str) -> str:
    """Upper case, no diacritics, đ → D, single spaces: for comparing fixed phrases."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.upper().split())


def is_upper_line(text: str) -> bool:
    """All letters are capitals (and there are some letters)."""
    return text == text.upper() and text != text.lower() and len(text.strip()) >= 2


def starts_lowercase(text: str) -> bool:
    stripped = text.lstrip(" \"“‘'(")
    return bool(stripped) and stripped[0].islower()


_NAME_WORD = re.compile(r"^[A-ZĐÀ-Ỹ][a-zđà-ỹ]*\.?$|^[A-ZĐ]\.$")


def looks_like_name(text: str) -> bool:
    """`Ngô Văn Dũng`: 2–6 capitalised words, nothing else (a signer's name)."""
    words = text.split()
    if not 2 <= len(words) <= 6:
        return False
    return all(_NAME_WORD.match(w) and (len(w) > 1) for w in words)


def looks_like_upper_name(text: str) -> bool:
    """`NGÔ VĂN DŨNG`: a name written in capitals (no word of an official title in it)."""
    words = text.split()
    if not (2 <= len(words) <= 5 and is_upper_line(text) and all(w.isalpha() for w in words)):
        return False
    folded = f" {fold(text)} "
    return not any(f" {phrase} " in folded for phrase in _TITLE_PHRASES)


# Phrases of official titles and bodies. Single words are not enough: Văn, Vũ, Trương, Phương
# are names as well as parts of titles.
_TITLE_PHRASES = (
    "CHU TICH", "GIAM DOC", "UY BAN", "NHAN DAN", "UBND", "HOI DONG", "THU KY", "VAN PHONG",
    "TRUONG PHONG", "TRUONG BAN", "PHO CHU", "PHO GIAM", "BI THU", "THU TRUONG", "CUC TRUONG",
    "VU TRUONG", "HIEU TRUONG", "CHANH VAN", "TRUNG TAM", "CONG AN", "BO TRUONG", "TONG CUC",
    "KE TOAN", "CHU TOA", "TM.", "KT.", "TL.", "TUQ.",
)  # fmt: skip

# --------------------------------------------------------------------------------------------
# Patterns

_RULE = re.compile(r"^[\s_\-–—=~.*·•]{3,}$")
_NUMBER = re.compile(
    r"^Số\s*:?\s*(?P<num>\d{1,6})?[\s._…]*(?:/\s*(?P<year>(?:19|20)\d\d)\s*)?/\s*"
    r"(?P<sym>[^\W_][\w&]*(?:\s*-\s*[^\W_][\w&]*)*)(?P<rest>.*)$",
    re.IGNORECASE,
)
_BLANK = r"[\s._…]*"
_PLACE_DATE = re.compile(
    r"^(?P<place>[^\d,;:()]{2,60}?)\s*,?\s*ngày\s*(?P<d>\d{1,2})?" + _BLANK
    + r"tháng\s*(?P<m>\d{1,2})?" + _BLANK + r"năm\s*(?P<y>\d{4})?\s*\.?$",
    re.IGNORECASE,
)  # fmt: skip
_PLACE_NUMERIC_DATE = re.compile(
    r"^(?P<place>[^\d,;:()]{2,60}?)\s*,\s*ngày\s*(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})"
    r"\s*[/.-]\s*(?P<y>\d{4})\s*\.?$",
    re.IGNORECASE,
)
_SUBJECT_VV = re.compile(r"^(?:V/v|V/V|v/v|Về\s+việc)\s*:?\s*(?P<rest>.*)$")
_KINH_GUI = re.compile(r"^Kính\s+gửi\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
_DISTRIBUTION = re.compile(r"^Nơi\s+nhận\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
_ARCHIVE = re.compile(r"^[-–•+]?\s*Lưu\s*(?::\s*|\s+(?=VT\b))(?P<rest>.*)$", re.IGNORECASE)
_PLACEHOLDER = re.compile(
    r"^\(\s*(?:đã\s+ký|ký|chữ\s+ký|đóng\s+dấu)[^()]{0,120}\)$|^(?:đã\s+ký|ĐÃ\s+KÝ)\.?$",
    re.IGNORECASE,
)
_META_STRONG = re.compile(
    # The Vietnamese labels need their colon: "Người ký văn bản …", "Ngày ký hợp đồng …" are prose.
    r"^(?:(?P<key>Ký\s+bởi|Ký\s+số\s+bởi|Được\s+ký\s+bởi|Người\s+ký|Thời\s+gian\s+ký|Ngày\s+ký|"
    r"Ngày\s+giờ\s+ký|Signing\s+time|Signature\s+valid|Signature\s+not\s+verified)\s*:"
    r"|(?P<free_key>Signed\s+by|Digitally\s+signed\s+by)\s*:?)\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_META_WEAK = re.compile(
    r"^(?P<key>Email|E-mail|Cơ\s+quan|Tổ\s+chức|Chức\s+vụ|Đơn\s+vị|Reason|Location|Date)\s*:"
    r"\s*(?P<value>.+)$",
    re.IGNORECASE,
)
_PAGE_NUMBER = re.compile(r"^(?:-\s*)?\d{1,3}(?:\s*-)?$|^Trang\s+\d{1,3}(?:\s*/\s*\d{1,3})?$")
_DRAFT = re.compile(r"^(?:DỰ\s+THẢO|Dự\s+thảo)(?:\s*(?:lần\s*)?\d+)?\s*[:.]?$")

_PART = re.compile(r"^(?:Phần|PHẦN)\s+(?P<n>[IVXLC]+|\d{1,2}|thứ\s+\w+|THỨ\s+\w+)\b\s*[.:\-–]?\s*")
_CHAPTER = re.compile(r"^(?:Chương|CHƯƠNG)\s+(?P<n>[IVXLC]+|\d{1,2})\b\s*[.:\-–]?\s*")
_SECTION = re.compile(r"^(?:Mục|MỤC)\s+(?P<n>\d{1,2})(?:\s*[.:\-–]\s*|\s*$|\s+(?=[A-ZĐÀ-Ỹ]))")
_ARTICLE = re.compile(r"^Điều\s+(?P<n>\d{1,3})\s*[.:]\s*")
_ROMAN = re.compile(r"^(?P<n>[IVX]{1,6})\s*(?:[.:)]|\s[-–])\s*(?=\S)")
_DEEP = re.compile(r"^(?P<n>\d{1,2}(?:\.\d{1,2}){2,})\.?\s+(?=\S)")
_DECIMAL = re.compile(r"^(?P<a>\d{1,2})\.(?P<b>\d{1,2})\.?\s+(?=\S)")
_ARABIC = re.compile(r"^(?P<n>\d{1,3})\s*[.)]\s*(?=\S)(?!\d)")
_LETTER = re.compile(r"^(?P<l>[a-yđ])\s*(?P<mark>[).])\s+(?=\S)")
_ITEM = re.compile(
    r"^(?P<mark>-\s*\+|\+|-|–|—|•|·|▪|◦|\*|[\uf0a7\uf0b7\uf0d8\uf0fc\uf076§Ø])\s+(?=\S)"
    # Word's "Save as Plain Text" writes a level-2 bullet as the letter o and a tab.
    r"|^(?P<word_sub>o)\t+(?=\S)"
)

_URGENCY = {"KHẨN": Urgency.KHAN, "THƯỢNG KHẨN": Urgency.THUONG_KHAN,
            "HỎA TỐC": Urgency.HOA_TOC, "HOẢ TỐC": Urgency.HOA_TOC}  # fmt: skip
_SECRECY = {"MẬT": Secrecy.MAT, "TỐI MẬT": Secrecy.TOI_MAT, "TUYỆT MẬT": Secrecy.TUYET_MAT}

_ORDINALS = {"NHAT": 1, "HAI": 2, "BA": 3, "TU": 4, "NAM": 5, "SAU": 6, "BAY": 7, "TAM": 8}


@lru_cache(maxsize=16384)
def classify(text: str) -> Classified:
    """Classify one line of text (already stripped of markdown marks).

    Cached: every zone builder asks about the same lines, and `Classified` is immutable.
    """
    stripped = text.strip()
    if not stripped:
        return Classified(LineKind.TEXT)
    folded = fold(stripped[:64])
    if folded.startswith("CONG HOA XA HOI CHU NGHIA VIET NAM") or folded.startswith(
        "DANG CONG SAN VIET NAM"
    ):
        return Classified(LineKind.NATIONAL_TITLE, rest=_after(folded, stripped, 34))
    if len(stripped) < 64 and "DOC LAP" in folded and "TU DO" in folded and "HANH PHUC" in folded:
        return Classified(LineKind.MOTTO)
    if _RULE.match(stripped) and not stripped.replace(" ", "").isdigit():
        return Classified(LineKind.RULE)
    for parse in (_number, _place_date, _header_words, _closing_words, _meta, _outline, _item):
        result = parse(stripped)
        if result is not None:
            return result
    return Classified(LineKind.TEXT)


def _after(folded: str, original: str, length: int) -> str:
    return original[length:].strip() if len(original) > length + 2 else ""


def _number(text: str) -> Classified | None:
    match = _NUMBER.match(text)
    if not match:
        return None
    symbol = re.sub(r"\s*-\s*", "-", match.group("sym"))
    year = match.group("year")
    return Classified(
        LineKind.NUMBER,
        document_number=int(match.group("num")) if match.group("num") else None,
        symbol=symbol,
        symbol_year=int(year) if year else None,
        rest=match.group("rest").strip(),
        rest_offset=match.start("rest"),
    )


def _place_date(text: str) -> Classified | None:
    match = _PLACE_DATE.match(text) or _PLACE_NUMERIC_DATE.match(text)
    if not match:
        return None
    place = match.group("place").strip().rstrip(",").strip()
    if not place or place[0].islower() or len(place.split()) > 8:
        return None
    day, month, year = (match.group(g) for g in ("d", "m", "y"))
    date: dt.date | None = None
    invalid = False
    if day and month and year:
        try:
            date = dt.date(int(year), int(month), int(day))
        except ValueError:
            invalid = True
    return Classified(
        LineKind.PLACE_DATE,
        place=place,
        date=date,
        date_year=int(year) if year else None,
        date_invalid=invalid,
    )


def _header_words(text: str) -> Classified | None:
    collapsed = " ".join(text.split())
    if len(collapsed) <= 40 and is_upper_line(collapsed):
        kind = kind_from_title(collapsed) or _letter_spaced_kind(collapsed)
        if kind is not None:
            return Classified(LineKind.KIND_TITLE, document_kind=kind)
        if collapsed in _URGENCY:
            return Classified(LineKind.URGENCY, urgency=_URGENCY[collapsed])
        if collapsed in _SECRECY:
            return Classified(LineKind.SECRECY, secrecy=_SECRECY[collapsed])
    if _DRAFT.match(collapsed):
        return Classified(LineKind.DRAFT_MARK)
    match = _SUBJECT_VV.match(text)
    if match:
        return Classified(
            LineKind.SUBJECT_VV, rest=match.group("rest").strip(), rest_offset=match.start("rest")
        )
    match = _KINH_GUI.match(text)
    if match:
        return Classified(
            LineKind.KINH_GUI, rest=match.group("rest").strip(), rest_offset=match.start("rest")
        )
    return None


def _letter_spaced_kind(text: str) -> DocumentKind | None:
    """`B Á O  C Á O` (a letter-spaced title as a PDF gives it back)."""
    letters = text.split()
    if len(letters) < 4 or any(len(w) > 1 for w in letters):
        return None
    squeezed = "".join(letters)
    for kind_title in ("BÁO CÁO", "KẾ HOẠCH", "TỜ TRÌNH", "THÔNG BÁO", "QUYẾT ĐỊNH",
                       "GIẤY MỜI", "CHƯƠNG TRÌNH", "HƯỚNG DẪN", "PHƯƠNG ÁN", "ĐỀ ÁN",
                       "CHỈ THỊ", "BIÊN BẢN", "NGHỊ QUYẾT"):  # fmt: skip
        if squeezed == kind_title.replace(" ", ""):
            return kind_from_title(kind_title)
    return None


def _closing_words(text: str) -> Classified | None:
    match = _DISTRIBUTION.match(text)
    if match:
        return Classified(
            LineKind.DISTRIBUTION_LABEL,
            rest=match.group("rest").strip(),
            rest_offset=match.start("rest"),
        )
    match = _ARCHIVE.match(text)
    if match:
        return Classified(
            LineKind.ARCHIVE, rest=match.group("rest").strip(), rest_offset=match.start("rest")
        )
    if _PLACEHOLDER.match(text):
        return Classified(LineKind.SIGNATURE_PLACEHOLDER)
    if _PAGE_NUMBER.match(text):
        return Classified(LineKind.PAGE_NUMBER)
    return None


def _meta(text: str) -> Classified | None:
    match = _META_STRONG.match(text)
    if match:
        return Classified(
            LineKind.SIGNING_META,
            meta_key=" ".join((match.group("key") or match.group("free_key")).split()),
            rest=match.group("value").strip(),
            meta_strong=True,
        )
    match = _META_WEAK.match(text)
    if match and len(text) < 160:
        return Classified(
            LineKind.SIGNING_META,
            meta_key=" ".join(match.group("key").split()),
            rest=match.group("value").strip(),
        )
    return None


def _outline(text: str) -> Classified | None:
    for pattern, level in (
        (_PART, HeadingLevel.PART),
        (_CHAPTER, HeadingLevel.CHAPTER),
        (_SECTION, HeadingLevel.SECTION),
        (_ARTICLE, HeadingLevel.ARTICLE),
    ):
        match = pattern.match(text)
        if match:
            number = _number_value(match.group("n"))
            if number is None:
                continue
            return Classified(LineKind.HEADING, match.end(), heading_level=level, numbers=(number,))
    match = _ROMAN.match(text)
    if match:
        value = from_roman(match.group("n"))
        if value is not None and value <= 39:
            return Classified(
                LineKind.HEADING, match.end(), heading_level=HeadingLevel.ROMAN, numbers=(value,)
            )
    match = _DEEP.match(text)
    if match:
        numbers = tuple(int(p) for p in match.group("n").split("."))
        return Classified(LineKind.DEEP_NUMBER, match.end(), numbers=numbers)
    match = _DECIMAL.match(text)
    if match:
        return Classified(
            LineKind.HEADING,
            match.end(),
            heading_level=HeadingLevel.DECIMAL,
            numbers=(int(match.group("a")), int(match.group("b"))),
        )
    match = _ARABIC.match(text)
    if match:
        return Classified(
            LineKind.HEADING,
            match.end(),
            heading_level=HeadingLevel.ARABIC,
            numbers=(int(match.group("n")),),
        )
    match = _LETTER.match(text)
    if match and match.group("l") in VIETNAMESE_LETTERS:
        return Classified(
            LineKind.HEADING,
            match.end(),
            heading_level=HeadingLevel.LETTER,
            numbers=(VIETNAMESE_LETTERS.index(match.group("l")) + 1,),
            letter_with_dot=match.group("mark") == ".",
        )
    return None


def _number_value(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    roman = from_roman(token)
    if roman is not None:
        return roman
    ordinal = fold(token).split()
    if len(ordinal) == 2 and ordinal[0] == "THU":
        return _ORDINALS.get(ordinal[1])
    return None


def _item(text: str) -> Classified | None:
    match = _ITEM.match(text)
    if not match:
        return None
    mark = match.group("mark") or ""
    marker = ListMarker.PLUS if "+" in mark or match.group("word_sub") else ListMarker.DASH
    return Classified(LineKind.ITEM, match.end(), marker=marker)


# Column gaps between two cells of a header or signature table: a tab, a run of spaces, the
# ` | ` of a web page's table copied as text, or the rule under an agency name squeezed onto the
# line (`TỈNH LẠNG SƠN ------------- Số: 52/…`).
COLUMN_GAP = re.compile(r"\t+|\s{3,}|\s+\|\s+|\s+[-_=–—~]{3,}(?:\s+|$)")
