"""Whole-document rules of a DOCX: page setup, page numbers, fonts and colour, Unicode form,
glyph coverage, footnote form (spec §1, §8, §9.1)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from desktop.checker import text_rules
from desktop.checker.catalog import finding, where
from desktop.checker.findings import Finding, Location
from desktop.checker.ooxml.view import DocxView, ParaView, RunView
from desktop.model.profile import MARGIN_RANGES

MM_PER_TWIP = 25.4 / 1440
A4 = (11906, 16838)
SIZE_TOLERANCE = 20  # twips: the decree's own file uses 11907 × 16840
MARGIN_TOLERANCE_MM = 0.3
_PAGE_FIELD = re.compile(r"^\s*PAGE\b", re.IGNORECASE)
_SUPERSCRIPT_DIGITS = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
_MARGIN_NAMES = {"top": "trên", "bottom": "dưới", "left": "trái", "right": "phải"}
# Roughly one A4 page of 14 pt text; used only when the file does not say how many pages it has.
CHARACTERS_PER_PAGE = 2600


def page_setup(view: DocxView) -> Iterator[Finding]:
    for section in view.sections:
        label = "Trang" if len(view.sections) == 1 else f"Phần trang (section) {section.index + 1}"
        w, h = section.width, section.height
        if w is not None and h is not None:
            short, long = sorted((w, h))
            if abs(short - A4[0]) > SIZE_TOLERANCE or abs(long - A4[1]) > SIZE_TOLERANCE:
                yield finding(
                    "page.size", where(label),
                    f"Khổ giấy {short * MM_PER_TWIP:.0f} × {long * MM_PER_TWIP:.0f} mm, không phải A4.",
                    "Chọn khổ giấy A4 (210 × 297 mm) trong Bố trí > Kích thước.",
                )  # fmt: skip
            if section.landscape and not any(
                not isinstance(item, ParaView) for item in section.items
            ):
                yield finding(
                    "page.orientation", where(label),
                    "Trang nằm ngang nhưng không có bảng biểu.",
                    "Để trang dọc; chỉ được trình bày trang ngang khi có bảng biểu rộng.",
                )  # fmt: skip
        for side, (low, high) in MARGIN_RANGES.items():
            value = section.margins.get(side)
            if value is None:
                continue
            mm = value * MM_PER_TWIP
            if section.landscape:
                continue  # a landscape page turns the margins; the decree fixes portrait ones
            if not low - MARGIN_TOLERANCE_MM <= mm <= high + MARGIN_TOLERANCE_MM:
                yield finding(
                    "page.margins", where(label),
                    f"Lề {_MARGIN_NAMES[side]} {mm:.1f} mm, ngoài khoảng {low:g}–{high:g} mm.",
                    f"Đặt lề {_MARGIN_NAMES[side]} trong khoảng {low:g}–{high:g} mm "
                    "(lề trên, dưới 20–25; trái 30–35; phải 15–20).",
                )  # fmt: skip


def _has_page_field(paragraphs: list[ParaView]) -> ParaView | None:
    for p in paragraphs:
        if any(_PAGE_FIELD.match(r.instruction) for r in p.runs):
            return p
    return None


def page_numbers(view: DocxView) -> Iterator[Finding]:
    headers, footers = view.header_paragraphs, view.footer_paragraphs
    for paragraphs in footers.values():
        if _has_page_field(paragraphs) is not None:
            yield finding(
                "page-number.footer", where("Số trang"),
                "Số trang đặt ở chân trang (theo quy định cũ của Thông tư 01/2011).",
                "Xóa số trang ở chân trang; đặt số trang ở giữa phần đầu trang, từ trang 2.",
            )  # fmt: skip
            break
    body_chars = sum(len(p.text) for p in view.paragraphs)
    pages = view.pages
    multi_page = (
        (pages or 0) > 1
        or len(view.sections) > 1
        or (pages is None and body_chars > CHARACTERS_PER_PAGE)
    )
    for section in view.sections:
        default = headers.get(section.headers.get("default", ""), [])
        first = headers.get(section.headers.get("first", ""), [])
        numbered = _has_page_field(default)
        label = "Số trang" if section.index == 0 else f"Số trang (phần {section.index + 1})"
        if section.index == 0 and numbered is None and multi_page:
            yield finding(
                "page-number.missing", where(label),
                "Văn bản nhiều trang nhưng không đánh số trang ở đầu trang.",
                "Chèn số trang (Chèn > Số trang > Đầu trang, căn giữa), cỡ chữ 13–14.",
            )  # fmt: skip
        on_first = (numbered is not None and not section.title_page) or (
            section.title_page and _has_page_field(first) is not None
        )
        if on_first:
            yield finding(
                "page-number.first-page", where(label),
                "Số trang hiện ở trang đầu tiên.",
                "Bật “Trang đầu khác” (Different First Page) để trang 1 không có số trang.",
            )  # fmt: skip
        if numbered is not None:
            size = numbered.size_pt or _field_size(numbered)
            if numbered.jc != "center" or (size is not None and not 13 <= size <= 14):
                yield finding(
                    "page-number.format", where(label),
                    f"Số trang căn {_ALIGN.get(numbered.jc, numbered.jc)}"
                    + (f", cỡ {size:g}" if size else "")
                    + ".",
                    "Số trang căn giữa phần đầu trang, chữ đứng, cỡ 13 hoặc 14.",
                )  # fmt: skip
        if section.index > 0:
            first_text = next(
                (p.stripped for p in section.items if isinstance(p, ParaView) and p.stripped), ""
            )
            if first_text.startswith("Phụ lục") and section.page_number_start != 1:
                yield finding(
                    "page-number.appendix", where(label),
                    f"“{first_text}” không đánh số trang riêng.",
                    "Đặt phụ lục thành phần trang riêng và đánh số trang bắt đầu từ 1.",
                )  # fmt: skip
    for section in view.sections[:1]:
        default_footer = footers.get(section.footers.get("default", ""), [])
        if section.title_page and any(
            p.stripped and not _has_page_field([p]) for p in default_footer
        ):
            yield finding(
                "footer.address-repeated", where("Chân trang"),
                "Nội dung chân trang lặp lại ở mọi trang.",
                "Chỉ ghi địa chỉ, điện thoại, thư điện tử ở chân trang của trang 1 (Trang đầu khác).",
            )  # fmt: skip


_ALIGN = {
    "left": "trái",
    "right": "phải",
    "center": "giữa",
    "both": "đều",
    "start": "trái",
    "end": "phải",
}


def _field_size(p: ParaView) -> float | None:
    return next((r.size_pt for r in p.runs if r.size_pt), None)


@dataclass
class _Tally:
    first: ParaView
    count: int = 0
    names: set[str] = field(default_factory=set)


def _all_paragraphs(view: DocxView) -> Iterator[tuple[ParaView, str]]:
    for p in view.paragraphs:
        yield p, "Nội dung"
    for paragraphs in view.header_paragraphs.values():
        for p in paragraphs:
            yield p, "Đầu trang"
    for paragraphs in view.footer_paragraphs.values():
        for p in paragraphs:
            yield p, "Chân trang"
    for p in view.footnote_paragraphs:
        yield p, "Chú thích"


def fonts_and_text(view: DocxView) -> Iterator[Finding]:
    family: dict[str, _Tally] = {}
    slots: dict[str, _Tally] = {}
    legacy: dict[str, _Tally] = {}
    colour: dict[str, _Tally] = {}
    texts: list[str] = []
    first_nfd: tuple[ParaView, str] | None = None
    first_missing: tuple[ParaView, str] | None = None
    for p, part in _all_paragraphs(view):
        text = p.text
        texts.append(text)
        if first_nfd is None and text_rules.nfc_problem(text) is not None:
            first_nfd = (p, part)
        if first_missing is None and text_rules.coverage_problem(text) is not None:
            first_missing = (p, part)
        for run in p.runs:
            if not run.text.strip():
                continue
            _tally_run(run, p, family, slots, legacy, colour)
    for name, tally in legacy.items():
        yield finding(
            "font.legacy", _loc(tally.first),
            f"Dùng phông chữ cũ “{name}” ({tally.count} đoạn chữ); chữ tiếng Việt sẽ hiển thị sai "
            "trên máy khác.",
            "Chuyển mã văn bản sang Unicode (Unikey: Chuyển mã TCVN3/VNI → Unicode) rồi đặt "
            "phông Times New Roman.",
        )  # fmt: skip
    for name, tally in family.items():
        yield finding(
            "font.family", _loc(tally.first),
            f"Có chữ dùng phông “{name}” ({tally.count} đoạn chữ).",
            "Chọn toàn bộ văn bản (Ctrl+A) và đặt phông Times New Roman.",
        )  # fmt: skip
    for name, tally in slots.items():
        yield finding(
            "font.slots", _loc(tally.first),
            f"Phông chữ châu Á hoặc chữ phức hợp là “{name}” ({tally.count} đoạn chữ); "
            "một số máy có thể hiển thị chữ bằng phông này.",
            "Đặt Times New Roman cho cả phông “Asian text” trong hộp thoại Phông chữ.",
        )  # fmt: skip
    for value, tally in colour.items():
        yield finding(
            "font.color", _loc(tally.first),
            f"Có chữ màu {value} ({tally.count} đoạn chữ).",
            "Đặt màu chữ đen (Automatic hoặc Black) cho toàn văn bản.",
        )  # fmt: skip
    if first_nfd is not None:
        problem = text_rules.nfc_problem(first_nfd[0].text)
        assert problem is not None
        yield finding(problem.rule, _loc(first_nfd[0], first_nfd[1]), problem.message, problem.fix)
    if first_missing is not None:
        problem = text_rules.coverage_problem("\n".join(texts))
        if problem is not None:
            yield finding(
                problem.rule, _loc(first_missing[0], first_missing[1]), problem.message, problem.fix
            )


def _tally_run(
    run: RunView,
    p: ParaView,
    family: dict[str, _Tally],
    slots: dict[str, _Tally],
    legacy: dict[str, _Tally],
    colour: dict[str, _Tally],
) -> None:
    def add(bucket: dict[str, _Tally], key: str) -> None:
        tally = bucket.setdefault(key, _Tally(p))
        tally.count += 1

    seen_legacy = False
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        name = run.fonts.get(slot)
        if not name:
            continue
        if text_rules.is_legacy_font(name):
            if not seen_legacy:
                add(legacy, name)
                seen_legacy = True
        elif not text_rules.is_times_new_roman(name):
            add(family if slot in ("ascii", "hAnsi") else slots, name)
    if run.color is not None:
        value, theme = run.color
        if value.lower() not in ("auto", "000000") or (theme and theme not in ("text1", "dark1")):
            add(colour, f"#{value}" if value.lower() != "auto" else str(theme))


def _loc(p: ParaView, part: str = "Nội dung") -> Location:
    return Location(part, paragraph=p.index or None)


def footnote_form(view: DocxView) -> Iterator[Finding]:
    for p in view.paragraphs:
        fake = [
            r for r in p.runs
            if not r.footnote_reference and r.superscript and r.text.strip().isdigit()
        ]  # fmt: skip
        if fake or _SUPERSCRIPT_DIGITS.search(p.text):
            yield finding(
                "footnote.form", _loc(p),
                "Chú thích được gõ bằng số nhỏ (chỉ số trên) thay cho chú thích của Word.",
                "Dùng Tham chiếu > Chèn chú thích cuối trang để Word tự đánh số và đặt chú thích "
                "ở cuối trang.",
            )  # fmt: skip
            return
    formats = {view.settings_footnote_format, *(s.footnote_format for s in view.sections)}
    formats.discard(None)
    formats.discard("decimal")
    if formats:
        yield finding(
            "footnote.form", where("Chú thích"),
            f"Chú thích đánh số kiểu “{', '.join(sorted(f for f in formats if f))}”.",
            "Đánh số chú thích bằng chữ số Ả Rập 1, 2, 3 …",
        )  # fmt: skip
