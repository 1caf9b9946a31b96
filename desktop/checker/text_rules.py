"""Text grammar rules shared by both front ends: number and symbol, date, Quốc hiệu, tiêu ngữ,
heading labels, Kính gửi, Nơi nhận, signer lines, fonts named in a file, NFC and glyph coverage.

Each function takes printed text and returns `Problem`s (rule id, what is wrong, how to fix it);
the front end adds where it is. The app's own documents are checked on the text `build()` prints,
any DOCX on the text of its paragraphs, so "Số: 5/BC-UBND" is judged by one function everywhere.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from desktop.layout import measure
from desktop.model import grammar
from desktop.model.document import AuthorityLine, SignerBlock, SignerPrefix
from desktop.model.kinds import ALL_TYPE_ABBREVIATIONS, COPY_ABBREVIATIONS, DocumentKind, kind_info
from desktop.model.numbering import VIETNAMESE_LETTERS, from_roman

T = TypeVar("T")

NATIONAL_TITLES = frozenset(
    {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"}
)
MOTTO = "Độc lập - Tự do - Hạnh phúc"
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"


@dataclass(frozen=True)
class Problem:
    rule: str
    message: str
    fix: str


def clean(text: str) -> str:
    """Collapse runs of white space (including no-break spaces) to one space and trim."""
    return " ".join(text.replace("\u00a0", " ").split())


def _fold(text: str) -> str:
    """Upper case without diacritics (đ → D), for recognising text typed carelessly."""
    decomposed = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).upper()


# ------------------------------------------------------------------------------- Quốc hiệu


def is_national_title(text: str) -> bool:
    return clean(text).upper() in NATIONAL_TITLES


def national_title_problems(text: str) -> list[Problem]:
    t = clean(text)
    if t in NATIONAL_TITLES:
        return []
    if t.upper() in NATIONAL_TITLES:
        return [
            Problem(
                "national-title.format",
                f"Quốc hiệu “{t}” không viết in hoa toàn bộ.",
                "Gõ Quốc hiệu bằng chữ in hoa: CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM.",
            )
        ]
    return [
        Problem(
            "national-title.text",
            f"Quốc hiệu ghi “{t}”, không đúng chữ quy định.",
            "Ghi đúng: CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM.",
        )
    ]


# ------------------------------------------------------------------------------- tiêu ngữ


def looks_like_motto(text: str) -> bool:
    t = _fold(clean(text))
    return "DOC LAP" in t and "TU DO" in t and "HANH PHUC" in t


def motto_problems(text: str) -> list[Problem]:
    t = clean(text)
    if t == MOTTO:
        return []
    if any(d in t for d in DASHES):
        return [
            Problem(
                "motto.text",
                "Tiêu ngữ dùng dấu gạch dài (–, —) thay cho gạch nối.",
                "Dùng gạch nối “-” (phím trừ) có một dấu cách mỗi bên: Độc lập - Tự do - Hạnh phúc.",
            )
        ]
    if re.search(r"\S-|-\S", t):
        return [
            Problem(
                "motto.text",
                "Tiêu ngữ thiếu dấu cách hai bên gạch nối.",
                "Viết “Độc lập - Tự do - Hạnh phúc”, có một dấu cách trước và sau mỗi gạch nối.",
            )
        ]
    if t.lower() == MOTTO.lower():
        return [
            Problem(
                "motto.text",
                f"Tiêu ngữ viết hoa sai: “{t}”.",
                "Chỉ viết hoa chữ đầu mỗi cụm: Độc lập - Tự do - Hạnh phúc.",
            )
        ]
    return [
        Problem(
            "motto.text",
            f"Tiêu ngữ ghi “{t}”, không đúng chữ quy định.",
            "Ghi đúng: Độc lập - Tự do - Hạnh phúc.",
        )
    ]


# ------------------------------------------------------------------------------- Số, ký hiệu

NUMBER_LINE = re.compile(r"^\s*S[ốỐ]\s*[:.]?", re.IGNORECASE)
_BLANK_NUMBER = re.compile(r"^[\s._…]*$")


def is_number_line(text: str) -> bool:
    t = clean(text)
    return bool(re.match(r"^S[ốỐ]\s*:?\s*[\d\s._…]*/", t)) or bool(re.match(r"^Số\s*:", t))


def number_problems(text: str, kind: DocumentKind | None, is_cong_van: bool) -> list[Problem]:
    """Grammar of `Số: 05/BC-UBND` (spec §4.2). `kind` is the kind named by the tên loại line
    (None when unknown); `is_cong_van` when the document is a công văn (no tên loại, V/v)."""
    raw = text.replace("\u00a0", " ").strip()
    out: list[Problem] = []
    m = re.match(r"^(S[ốỐ])(\s*)(:?)(.*)$", raw)
    if m is None:
        return [_number_grammar(raw, "Dòng số, ký hiệu phải bắt đầu bằng “Số:”.")]
    if m.group(1) != "Số" or not m.group(3):
        out.append(_number_grammar(raw, "Viết “Số:” (chữ S hoa, có dấu hai chấm)."))
    rest = m.group(4)
    if "/" not in rest:
        return [*out, _number_grammar(raw, "Giữa số và ký hiệu phải có dấu “/”.")]
    number_part, symbol = rest.split("/", 1)
    number = number_part.strip()
    if number.isdigit() and number_part != number_part.rstrip():
        out.append(_number_grammar(raw, f"Viết liền số và dấu “/”: {number}/…"))
    if symbol[:1].isspace():
        out.append(_number_grammar(raw, "Viết liền dấu “/” và ký hiệu, không có dấu cách."))
    if not _BLANK_NUMBER.match(number):
        if not number.isdigit():
            out.append(_number_grammar(raw, "Số văn bản chỉ gồm chữ số Ả Rập."))
        elif len(number) == 1:
            out.append(
                Problem(
                    "number.leading-zero",
                    f"Số “{number}” thiếu số 0 phía trước.",
                    f"Số nhỏ hơn 10 ghi hai chữ số: 0{number}.",
                )
            )
        elif number.startswith("0") and (len(number) > 2 or number == "00"):
            value = int(number) if int(number) else 1
            out.append(
                Problem(
                    "number.padding",
                    f"Số “{number}” có số 0 thừa.",
                    f"Ghi {grammar.format_document_number(value)}: chỉ số nhỏ hơn 10 mới có "
                    "một số 0 phía trước.",
                )
            )
    symbol = symbol.rstrip()
    if symbol.endswith("."):
        out.append(_number_grammar(raw, "Không đặt dấu chấm sau ký hiệu văn bản."))
        symbol = symbol.rstrip(".")
    if re.search(r"\s-|-\s", symbol):
        out.append(
            Problem(
                "number.hyphen-spaces",
                f"Ký hiệu “{symbol.strip()}” có dấu cách quanh gạch nối.",
                "Viết liền, không cách: ví dụ QĐ-UBND.",
            )
        )
    groups = re.split(r"\s*-\s*", symbol.strip())
    if not symbol.strip() or any(not g for g in groups):
        out.append(_number_grammar(raw, "Ký hiệu văn bản bị thiếu hoặc có nhóm chữ rỗng."))
        return out
    first = groups[0].replace(" ", "")
    if _fold(first) == "CV":
        out.append(
            Problem(
                "number.cv",
                "Ký hiệu dùng “CV” cho công văn.",
                "Công văn không có chữ viết tắt tên loại: ghi Số: 05/UBND-VP "
                "(viết tắt cơ quan - đơn vị soạn thảo).",
            )
        )
        return out
    known = ALL_TYPE_ABBREVIATIONS | COPY_ABBREVIATIONS
    if first not in known:
        similar = [a for a in known if _fold(a) == _fold(first)]
        if similar:
            out.append(
                Problem(
                    "number.abbreviation-case",
                    f"Chữ viết tắt “{first}” viết sai chữ hoa, thường hoặc chữ Đ.",
                    f"Viết đúng như Phụ lục III: {similar[0]}.",
                )
            )
            first = similar[0]
    if first in ALL_TYPE_ABBREVIATIONS:
        if is_cong_van:
            out.append(
                Problem(
                    "number.kind-mismatch",
                    f"Công văn lại có chữ viết tắt tên loại “{first}”.",
                    "Ký hiệu công văn gồm viết tắt cơ quan và đơn vị soạn thảo, ví dụ UBND-VP.",
                )
            )
        elif kind is not None:
            expected = kind_info(kind).abbreviation
            if expected and first != expected:
                out.append(
                    Problem(
                        "number.kind-mismatch",
                        f"Văn bản là {kind_info(kind).label.lower()} nhưng ký hiệu dùng “{first}”.",
                        f"Dùng chữ viết tắt {expected} cho {kind_info(kind).label.lower()}.",
                    )
                )
    elif kind is not None and not is_cong_van and first not in COPY_ABBREVIATIONS:
        expected = kind_info(kind).abbreviation
        out.append(
            Problem(
                "number.kind-mismatch",
                f"Ký hiệu “{symbol.strip()}” không bắt đầu bằng chữ viết tắt tên loại.",
                f"Ghi chữ viết tắt tên loại trước: {expected}-{first}.",
            )
        )
    if is_cong_van and len(groups) < 2:
        out.append(
            _number_grammar(raw, "Ký hiệu công văn gồm viết tắt cơ quan và đơn vị: UBND-VP.")
        )
    return out


def _number_grammar(text: str, fix: str) -> Problem:
    return Problem("number.grammar", f"Số, ký hiệu “{clean(text)}” ghi sai quy cách.", fix)


# ------------------------------------------------------------------------------- date

_DATE = re.compile(
    r"^(?P<place>[^,]*?)(?P<comma>,?)\s*ngày\s*(?P<d>\S*)\s*tháng\s*(?P<m>\S*)\s*năm\s*(?P<y>\S*)$"
)
_NUMERIC_DATE = re.compile(r"\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}\b")
_BLANK = re.compile(r"^[._…]*$")


def is_date_line(text: str) -> bool:
    t = clean(text)
    return bool(_DATE.match(t)) or ("," in t and bool(_NUMERIC_DATE.search(t)) and len(t) < 60)


def date_problems(text: str) -> list[Problem]:
    """Grammar of `Hà Nội, ngày 05 tháng 01 năm 2020` (spec §3.1 ô 4, §4.2); draft blanks pass."""
    t = clean(text)
    if _NUMERIC_DATE.search(t) and "ngày" not in t:
        return [
            Problem(
                "date.grammar",
                f"Ngày tháng ghi bằng số “{t}”.",
                "Ghi đầy đủ: <Địa danh>, ngày 05 tháng 01 năm 2024.",
            )
        ]
    m = _DATE.match(t)
    if m is None:
        return [
            Problem(
                "date.grammar",
                f"Dòng địa danh, ngày tháng “{t}” không đúng mẫu.",
                "Ghi: <Địa danh>, ngày … tháng … năm ….",
            )
        ]
    out: list[Problem] = []
    if not m.group("place").strip():
        out.append(
            Problem(
                "date.grammar",
                "Thiếu địa danh trước ngày tháng.",
                "Ghi địa danh trước: Hà Nội, ngày …",
            )
        )
    elif not m.group("comma"):
        out.append(
            Problem(
                "date.grammar",
                "Thiếu dấu phẩy sau địa danh.",
                f"Viết “{m.group('place').strip()}, ngày …”.",
            )
        )
    day, month, year = m.group("d"), m.group("m"), m.group("y")
    for value, name in ((day, "ngày"), (month, "tháng"), (year, "năm")):
        if not _BLANK.match(value) and not value.isdigit():
            out.append(
                Problem(
                    "date.grammar",
                    f"Phần {name} “{value}” không phải số.",
                    f"Ghi {name} bằng chữ số Ả Rập.",
                )
            )
            return out
    if day.isdigit():
        if not 1 <= int(day) <= 31:
            out.append(
                Problem("date.grammar", f"Ngày {day} không tồn tại.", "Sửa lại ngày ban hành.")
            )
        elif len(day) == 1:
            out.append(
                Problem(
                    "date.leading-zero",
                    f"Ngày “{day}” thiếu số 0 phía trước.",
                    f"Ghi: ngày 0{day}.",
                )
            )
    if month.isdigit():
        value = int(month)
        if not 1 <= value <= 12:
            out.append(
                Problem("date.grammar", f"Tháng {month} không tồn tại.", "Sửa lại tháng ban hành.")
            )
        elif value <= 2 and len(month) == 1:
            out.append(
                Problem(
                    "date.leading-zero",
                    f"Tháng “{month}” thiếu số 0 phía trước.",
                    f"Tháng 1 và 2 ghi hai chữ số: tháng 0{month}.",
                )
            )
        elif value >= 3 and month.startswith("0"):
            out.append(
                Problem(
                    "date.month-zero",
                    f"Tháng “{month}” không cần số 0 phía trước.",
                    f"Chỉ tháng 1 và 2 có số 0: ghi tháng {value}.",
                )
            )
    if year.isdigit() and len(year) != 4:
        out.append(
            Problem(
                "date.grammar",
                f"Năm “{year}” không đủ bốn chữ số.",
                "Ghi năm đủ bốn chữ số, ví dụ 2024.",
            )
        )
    return out


_PLACE_ABBREVIATIONS = re.compile(r"\b(TP\.?|Tp\.?|T\.P\.|HCM|TX\.|Q\.)\s*")


def place_problems(place: str) -> list[Problem]:
    if _PLACE_ABBREVIATIONS.search(place):
        return [
            Problem(
                "place.format",
                f"Địa danh “{place.strip()}” viết tắt.",
                "Ghi địa danh đầy đủ, ví dụ Thành phố Hồ Chí Minh.",
            )
        ]
    return []


# ------------------------------------------------------------------------------- trích yếu


def subject_problems(text: str) -> list[Problem]:
    t = clean(text)
    out = []
    if t.endswith(".") and not t.endswith("..."):
        out.append(
            Problem(
                "title.subject-text",
                "Trích yếu kết thúc bằng dấu chấm.",
                "Bỏ dấu chấm ở cuối trích yếu.",
            )
        )
    letters = [c for c in t if c.isalpha()]
    if len(letters) >= 12 and all(c.isupper() for c in letters):
        out.append(
            Problem(
                "title.subject-format",
                "Trích yếu viết in hoa toàn bộ.",
                "Viết trích yếu theo kiểu câu: chỉ viết hoa chữ đầu và danh từ riêng.",
            )
        )
    return out


_ABBREVIATED_AGENCY = re.compile(r"\b(UBND|HĐND|UB|TW|TƯ|SKHCN|STTTT)\b")


def issuing_agency_problems(name: str) -> list[Problem]:
    if _ABBREVIATED_AGENCY.search(name.upper()):
        return [
            Problem(
                "agency.abbreviated",
                f"Tên cơ quan ban hành “{clean(name)}” có chữ viết tắt.",
                "Ghi tên cơ quan ban hành đầy đủ (chỉ tên cơ quan chủ quản được viết tắt), "
                "ví dụ ỦY BAN NHÂN DÂN HUYỆN BÌNH SƠN.",
            )
        ]
    return []


# ------------------------------------------------------------------------------- headings

_ARTICLE_COLON = re.compile(r"^Điều\s+\d+\s*[:–—-]")
_LETTER_DOT = re.compile(r"^([a-zđ])\.\s+\S")
_LETTER_ITEM = re.compile(r"^([a-zđ]{1,2})\)\s*\S")
_ROMAN_ITEM = re.compile(r"^([IVXLC]+)\.\s+\S")
_ARABIC_ITEM = re.compile(r"^(\d{1,3})\.\s+\S")
_LETTER_ORDER = {letter: i for i, letter in enumerate(VIETNAMESE_LETTERS)}


def heading_problems(items: Iterable[tuple[str, T]]) -> Iterator[tuple[Problem, T]]:
    """Label rules over paragraphs in reading order: `Điều 1.`, `a)`, the Vietnamese letter
    order (đ after d; no f, j, w, z) and consecutive I./1. numbers. Each problem comes with the
    caller's location object for the paragraph."""
    expected_letter: int | None = None
    last_roman = 0
    last_arabic = 0
    for raw, where in items:
        text = clean(raw)
        if _ARTICLE_COLON.match(text):
            yield (
                Problem(
                    "heading.article-colon",
                    f"Điều khoản ghi “{text[:20]}…” với dấu hai chấm hoặc gạch.",
                    "Ghi “Điều 1.” (số, dấu chấm) rồi đến tên điều.",
                ),
                where,
            )
        if m := _LETTER_DOT.match(text):
            yield (
                Problem(
                    "heading.letter-dot",
                    f"Điểm ghi “{m.group(1)}.” thay cho “{m.group(1)})”.",
                    f"Ghi chữ cái với dấu ngoặc đơn: {m.group(1)}).",
                ),
                where,
            )
        if m := _ROMAN_ITEM.match(text):
            value = from_roman(m.group(1))
            if value is not None:
                if value not in (1, last_roman + 1):
                    yield (
                        Problem(
                            "heading.sequence",
                            f"Mục “{m.group(1)}.” không liền sau mục số {last_roman}.",
                            "Đánh số mục La Mã liên tiếp: I, II, III …",
                        ),
                        where,
                    )
                last_roman, last_arabic, expected_letter = value, 0, None
                continue
        if m := _ARABIC_ITEM.match(text):
            value = int(m.group(1))
            if value not in (1, last_arabic + 1) and last_arabic:
                yield (
                    Problem(
                        "heading.sequence",
                        f"Mục “{value}.” không liền sau mục “{last_arabic}.”.",
                        "Đánh số mục liên tiếp: 1, 2, 3 …",
                    ),
                    where,
                )
            last_arabic, expected_letter = value, None
            continue
        m = _LETTER_ITEM.match(text) or _LETTER_DOT.match(text)
        if m is None:
            continue
        letter = m.group(1)
        if letter in ("f", "j", "w", "z"):
            yield (
                Problem(
                    "heading.letter-sequence",
                    f"Điểm “{letter})” dùng chữ cái không có trong bảng chữ cái tiếng Việt.",
                    "Dùng thứ tự a, b, c, d, đ, e, g, h, i, k …; không dùng f, j, w, z.",
                ),
                where,
            )
            expected_letter = None
            continue
        index = _LETTER_ORDER.get(letter)
        if index is None:
            continue
        if letter == "a":
            expected_letter = 1
            continue
        if expected_letter is not None and index != expected_letter:
            wanted = VIETNAMESE_LETTERS[expected_letter]
            yield (
                Problem(
                    "heading.letter-sequence",
                    f"Điểm “{letter})” đứng sau “{VIETNAMESE_LETTERS[expected_letter - 1]})”, "
                    f"thiếu “{wanted})”.",
                    "Dùng thứ tự a, b, c, d, đ, e, g, h, i, k …"
                    + ("; đ đứng sau d." if wanted == "đ" else "."),
                ),
                where,
            )
        expected_letter = index + 1


# ------------------------------------------------------------------------------- lists


def recipient_list_problems(items: list[str]) -> list[Problem]:
    """The list under `Kính gửi:` (several recipients): `- X;` … `- Y.`"""
    out = []
    for i, raw in enumerate(items):
        text = clean(raw)
        last = i == len(items) - 1
        end = "." if last else ";"
        if not text.startswith("- ") or not text.endswith(end):
            out.append(
                Problem(
                    "recipients.grammar",
                    f"Dòng Kính gửi “{text}” không đúng mẫu “- …{end}”.",
                    "Mỗi nơi nhận một dòng, bắt đầu “- ”, kết thúc “;”; dòng cuối kết thúc “.”.",
                )
            )
    return out


# "- Lưu: VT, TCCB." optionally followed by ô 12, the drafter's initials and copies: " PL.(300)".
_LAST_LINE = re.compile(r"^- Lưu: VT(, [^;]+?)?\.( \S+)?$")
_NHU_TREN = re.compile(r"^- Như (trên|Điều|khoản)")


def distribution_problems(lines: list[str], *, has_kinh_gui: bool) -> list[Problem]:
    """Nơi nhận list grammar (spec §3.1 ô 9b): `- X;` each, last `- Lưu: VT, X.`"""
    texts: list[str] = []
    for raw in lines:
        text = clean(raw)
        if not text:
            continue
        if texts and not text.startswith(("-", "–", "+")):
            texts[-1] = f"{texts[-1]} {text}"  # an entry wrapped by hand onto a second line
        else:
            texts.append(text)
    if not texts:
        return [
            Problem(
                "distribution.missing",
                "Nơi nhận không có dòng nào.",
                "Ghi các nơi nhận, mỗi nơi một dòng “- …;”, dòng cuối “- Lưu: VT, ….”.",
            )
        ]
    out = []
    for text in texts[:-1]:
        if not text.startswith("- ") or not text.endswith(";"):
            out.append(
                Problem(
                    "distribution.grammar",
                    f"Dòng nơi nhận “{text}” không đúng mẫu “- …;”.",
                    "Bắt đầu bằng gạch nối và dấu cách “- ”, kết thúc bằng dấu chấm phẩy “;”.",
                )
            )
    if not _LAST_LINE.match(texts[-1]):
        out.append(
            Problem(
                "distribution.last-line",
                f"Dòng cuối nơi nhận là “{texts[-1]}”.",
                "Dòng cuối phải là “- Lưu: VT, <viết tắt đơn vị soạn thảo>.” và kết thúc dấu chấm.",
            )
        )
    if has_kinh_gui and not any(_NHU_TREN.match(t) for t in texts):
        out.append(
            Problem(
                "distribution.nhu-tren",
                "Văn bản có “Kính gửi” nhưng Nơi nhận thiếu dòng “- Như trên;”.",
                "Thêm “- Như trên;” làm dòng đầu của Nơi nhận.",
            )
        )
    return out


# ------------------------------------------------------------------------------- căn cứ

# A căn cứ block opens with "Căn cứ"; "Theo đề nghị của …" and "Xét đề nghị …" close it and are
# part of it (spec §3.1 ô 6: italic, `;` … `.`).
_LEGAL_FOLLOWERS = ("Căn cứ", "Theo đề nghị", "Xét đề nghị")


def legal_basis_run(texts: Iterable[str]) -> int:
    """How many of the leading `texts` form the căn cứ block: a "Căn cứ …" line and the "Căn cứ",
    "Theo đề nghị …", "Xét đề nghị …" lines right after it."""
    count = 0
    for raw in texts:
        text = clean(raw)
        if not text.startswith("Căn cứ" if count == 0 else _LEGAL_FOLLOWERS):
            break
        count += 1
    return count


# ------------------------------------------------------------ quyết định, nghị quyết (Mẫu 1.1–1.3)

_DECISION_LINE = re.compile(r"^QUYẾT\s+(ĐỊNH|NGHỊ)\s*(:?)$")
_ARTICLE_LINE = re.compile(r"^Điều\s+\d+\s*[.:]")
_NHU_DIEU = re.compile(r"^- Như Điều\b")


def takes_authority(kind: DocumentKind | None) -> bool:
    """Quyết định and nghị quyết carry the authority line and `QUYẾT ĐỊNH:` / `QUYẾT NGHỊ:`."""
    return kind is not None and kind_info(kind).takes_authority


def is_decision_line(text: str) -> bool:
    """`QUYẾT ĐỊNH:` / `QUYẾT NGHỊ:` on its own line (also without the colon, in any case)."""
    return bool(_DECISION_LINE.match(clean(text).upper()))


def is_article_line(text: str) -> bool:
    return bool(_ARTICLE_LINE.match(clean(text)))


def authority_missing_problem(kind: DocumentKind) -> Problem:
    label = kind_info(kind).label.lower()
    return Problem(
        "decision.authority",
        f"{kind_info(kind).label} chưa có dòng thẩm quyền ban hành giữa trích yếu và căn cứ.",
        f"Ghi thẩm quyền ban hành {label} (in hoa, đậm, căn giữa): chức vụ người đứng đầu khi "
        "người đó có thẩm quyền (“CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …”), nếu không thì tên tập thể "
        "hoặc cơ quan (“ỦY BAN NHÂN DÂN TỈNH …”).",
    )


def decision_line_problems(text: str, kind: DocumentKind) -> list[Problem]:
    """`QUYẾT ĐỊNH:` written as the kind expects it: the right word, upper case, with its colon."""
    expected = kind_info(kind).decision_line
    t = clean(text)
    if t == expected:
        return []
    if t.upper().replace(" :", ":") == expected:
        return []  # case and spacing are format matters (decision.line-format)
    return [
        Problem(
            "decision.line",
            f"Dòng “{t}” trước các điều không đúng mẫu “{expected}”.",
            f"Ghi “{expected}” (in hoa, đậm, có dấu hai chấm) ngay sau các căn cứ.",
        )
    ]


def decision_line_missing_problem(kind: DocumentKind) -> Problem:
    expected = kind_info(kind).decision_line
    return Problem(
        "decision.line",
        f"Không có dòng “{expected}” giữa các căn cứ và nội dung.",
        f"Ghi “{expected}” (in hoa, đậm, căn giữa) ngay sau các căn cứ, trước Điều 1.",
    )


def articles_problem(kind: DocumentKind, texts: Iterable[str]) -> Problem | None:
    """A quyết định sets its content out in articles (Mẫu 1.2, 1.3: `Điều 1.` …). A nghị quyết
    cá biệt may not (Mẫu 1.1 shows free text), so it is not held to this."""
    if kind is not DocumentKind.QUYET_DINH or any(is_article_line(t) for t in texts):
        return None
    return Problem(
        "decision.articles",
        "Nội dung quyết định không có điều nào (“Điều 1. …”).",
        "Trình bày nội dung quyết định thành các điều: Điều 1, Điều 2 …; điều cuối nêu hiệu lực "
        "và trách nhiệm thi hành.",
    )


def nhu_dieu_problem(
    kind: DocumentKind, distribution: Iterable[str], texts: Iterable[str]
) -> Problem | None:
    """Mẫu 1.2/1.3: a quyết định in articles sends itself `- Như Điều …;` (those who carry it
    out, named in its last article) as the first Nơi nhận entry."""
    if kind is not DocumentKind.QUYET_DINH or not any(is_article_line(t) for t in texts):
        return None
    if any(_NHU_DIEU.match(clean(line)) for line in distribution):
        return None
    return Problem(
        "distribution.nhu-dieu",
        "Nơi nhận của quyết định không có dòng “- Như Điều …;”.",
        "Thêm dòng đầu Nơi nhận “- Như Điều <điều giao trách nhiệm thi hành>;”, ví dụ "
        "“- Như Điều 3;”.",
    )


# ------------------------------------------------------------------------------- signer

_PREFIX = re.compile(r"^(TM|KT|Q|TL|TUQ)\.\s*(.+)$")
_PREFIX_NO_DOT = re.compile(r"^(TM|KT|TL|TUQ|Tm|Kt|Tl|Tuq|tm|kt|tl|tuq)\s+\S")
_PREFIX_WRONG_CASE = re.compile(r"^(Tm|Kt|Tl|Tuq|tm|kt|tl|tuq|q)\.\s")


def signer_problems(authority: list[str], name: str) -> list[Problem]:
    """Grammar of the 7a lines and the name, reusing the model's rules (spec §5)."""
    lines: list[AuthorityLine] = []
    out: list[Problem] = []
    for raw in authority:
        text = clean(raw)
        if _PREFIX_NO_DOT.match(text) or _PREFIX_WRONG_CASE.match(text):
            word = text.split()[0].rstrip(".")
            out.append(
                Problem(
                    "signer.grammar",
                    f"Quyền hạn ký “{text}” ghi sai: “{word}”.",
                    f"Viết hoa và có dấu chấm: {word.upper()}.",
                )
            )
            text = f"{word.upper()}. {text.split(None, 1)[1] if ' ' in text else ''}".strip()
        m = _PREFIX.match(text)
        if m:
            lines.append(AuthorityLine(m.group(2), SignerPrefix(f"{m.group(1)}.")))
        else:
            lines.append(AuthorityLine(text))
    for message in grammar.signer_problems(SignerBlock(tuple(lines), clean(name))):
        out.append(
            Problem(
                "signer.grammar",
                f"Khối chữ ký: {message.rstrip('.')}.",
                "Trình bày theo Điều 13: TM./KT./Q./TL./TUQ. ở dòng trên, chức vụ ở dòng dưới, "
                "họ tên không kèm học hàm, học vị.",
            )
        )
    return out


# ------------------------------------------------------------------------------- text


LEGACY_FONT = re.compile(r"^(\.Vn|VNI[- ]|VNtime|VN-|Vni )", re.IGNORECASE)


def is_legacy_font(name: str) -> bool:
    return bool(LEGACY_FONT.match(name.strip()))


def is_times_new_roman(name: str) -> bool:
    return name.strip().lower() == "times new roman"


def coverage_problem(text: str) -> Problem | None:
    missing = measure.missing_characters(text)
    return missing_characters_problem(missing) if missing else None


def missing_characters_problem(missing: list[str]) -> Problem:
    shown = ", ".join(f"“{c}” (U+{ord(c):04X})" for c in missing[:5])
    more = f" và {len(missing) - 5} ký tự khác" if len(missing) > 5 else ""
    return Problem(
        "text.coverage",
        f"Có ký tự phông Times New Roman không hiển thị được: {shown}{more}.",
        "Thay bằng ký tự thông thường (chữ, số, dấu câu tiếng Việt) hoặc bỏ đi; "
        "khi in, các ký tự này thành ô trống.",
    )


_TYPED_LABEL = re.compile(
    r"^((Phần|Chương|Mục)\s+[IVXLC\d]+\b|Điều\s+\d+\s*[.:]|[IVXLC]+\.|\d+(\.\d+)*\.|[a-zđ]\))\s*"
)


def typed_label(text: str) -> str | None:
    """A numbering label typed by hand at the start of a heading (`I.`, `1.2.`, `a)`, `Điều 3.`),
    which the app would print twice since it numbers headings itself."""
    m = _TYPED_LABEL.match(clean(text))
    return m.group(1) if m else None


def nfc_problem(text: str) -> Problem | None:
    if unicodedata.is_normalized("NFC", text):
        return None
    return Problem(
        "text.nfc",
        "Văn bản có chữ tiếng Việt ở dạng tổ hợp (Unicode NFD).",
        "Chuyển sang Unicode dựng sẵn (ví dụ bằng Unikey: Chuyển mã, Unicode → Unicode dựng sẵn).",
    )
