"""Recognise the elements of a văn bản in any DOCX, by position and text.

Works on the app's exports and on documents typed in Word: the header block is the first table
holding the Quốc hiệu (or loose paragraphs when there is no table), `Số:` and the place-and-date
are found by their grammar, the tên loại is the first centred upper-case line after the header,
the signer block is the table holding "Nơi nhận". Whatever is not found stays None and the rules
report it as missing instead of guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from desktop.checker import text_rules
from desktop.checker.ooxml.view import CellView, DocxView, ParaView, TableView
from desktop.layout import measure
from desktop.model.document import Secrecy, Urgency
from desktop.model.kinds import DocumentKind, kind_from_title

WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
V_NS = "urn:schemas-microsoft-com:vml"
EMU_PER_MM = 36000
MARKS = frozenset({m.value for m in Urgency} | {m.value for m in Secrecy})
_UNDERSCORES = re.compile(r"^[\s_]{3,}$")
# Words an agency name opens with (Phụ lục III headers), to tell a new name from a wrapped one.
_AGENCY_START = re.compile(
    r"^(UBND|HĐND|ỦY BAN|UỶ BAN|HỘI ĐỒNG|BỘ|SỞ|PHÒNG|BAN|TRUNG TÂM|VĂN PHÒNG|TỔNG CỤC|CỤC|"
    r"CHI CỤC|VỤ|TRƯỜNG|BỆNH VIỆN|THANH TRA|KHO BẠC|CÔNG AN|ĐẢNG ỦY|ĐẢNG BỘ|TỈNH ỦY|HUYỆN ỦY|"
    r"THÀNH ỦY|ĐOÀN|HỘI|LIÊN|VIỆN|HỌC VIỆN|ĐẠI HỌC|TẬP ĐOÀN|TỔNG CÔNG TY|CÔNG TY|BỘ CHỈ HUY|"
    r"BAN CHỈ HUY|CHÍNH PHỦ|THỦ TƯỚNG|QUỐC HỘI|MẶT TRẬN|TÒA ÁN|VIỆN KIỂM SÁT|KIỂM TOÁN|NGÂN HÀNG|"
    r"BẢO HIỂM|ĐÀI|BÁO)\b"
)
_CONNECTOR_END = re.compile(r"(\bVÀ|\bCỦA|\bTHUỘC|\bVỀ|,|&|-)$")


@dataclass(frozen=True)
class RuleMark:
    """A short rule found under a line: how it is drawn and how long it is (None if unknown)."""

    paragraph: ParaView
    method: str  # "border" | "underscores" | "drawing" | "vml"
    length_mm: float | None


@dataclass
class Structure:
    header_table: TableView | None = None
    national_title: ParaView | None = None
    national_title_container_mm: float | None = None
    rule_under_national_title: RuleMark | None = None
    motto: ParaView | None = None
    motto_rule: RuleMark | None = None
    parent_agency: list[ParaView] = field(default_factory=list)
    issuing_agency: list[ParaView] = field(default_factory=list)
    agency_container_mm: float | None = None
    agency_rule: RuleMark | None = None
    number: ParaView | None = None
    place_date: ParaView | None = None
    cong_van_subject: ParaView | None = None
    marks: list[ParaView] = field(default_factory=list)
    kind_title: ParaView | None = None
    kind: DocumentKind | None = None
    subject: list[ParaView] = field(default_factory=list)
    subject_rule: RuleMark | None = None
    recipients_label: ParaView | None = None
    recipient_items: list[ParaView] = field(default_factory=list)
    # Quyết định / nghị quyết: the authority line(s) under the trích yếu, `QUYẾT ĐỊNH:`.
    decision_authority: list[ParaView] = field(default_factory=list)
    decision_line: ParaView | None = None
    legal_basis: list[ParaView] = field(default_factory=list)
    body: list[ParaView] = field(default_factory=list)  # main body, in order
    body_tables: int = 0  # tables between the title region and the signer block
    appendix_body: list[ParaView] = field(default_factory=list)
    signature_table: TableView | None = None
    distribution_label: ParaView | None = None
    distribution: list[ParaView] = field(default_factory=list)
    authority: list[ParaView] = field(default_factory=list)
    signer_name: ParaView | None = None
    paragraph_before_signature: ParaView | None = None

    @property
    def is_cong_van(self) -> bool:
        return self.kind_title is None and self.cong_van_subject is not None


def text_width_mm(view: DocxView, section: int) -> float:
    sec = view.sections[min(section, len(view.sections) - 1)]
    width = sec.width or 11906
    margins = sec.margins
    return (width - margins.get("left", 1701) - margins.get("right", 850)) * 25.4 / 1440


def rule_under(
    paragraphs: list[ParaView], index: int, container_mm: float | None
) -> RuleMark | None:
    """The rule drawn under `paragraphs[index]`: a bottom border on it or on the next paragraph,
    a line of underscores, or a drawn line anchored there."""
    own = paragraphs[index]
    if own.border_bottom and container_mm is not None:
        return RuleMark(own, "border", _border_length(own, container_mm))
    found = _drawn_line(own)
    if found is not None:
        return found
    for candidate in paragraphs[index + 1 : index + 3]:
        text = candidate.text
        if candidate.border_bottom and not text.strip():
            length = _border_length(candidate, container_mm) if container_mm else None
            return RuleMark(candidate, "border", length)
        if text.strip() and _UNDERSCORES.match(text):
            return RuleMark(candidate, "underscores", _underscore_length(candidate))
        drawn = _drawn_line(candidate)
        if drawn is not None:
            return drawn
        if text.strip():
            return None
    return None


def _border_length(p: ParaView, container_mm: float) -> float:
    return container_mm - (p.left + p.right) * 25.4 / 1440


def _underscore_length(p: ParaView) -> float:
    total = 0.0
    for run in p.runs:
        size = (run.size_pt or 14.0) * (0.65 if run.superscript else 1.0)
        total += measure.text_width_mm(run.text.strip(), size, bold=run.bold)
    return total


def _drawn_line(p: ParaView) -> RuleMark | None:
    for geom in p.element.iter(f"{{{A_NS}}}prstGeom"):
        if geom.get("prst") in ("line", "straightConnector1"):
            drawing = next(
                (
                    a
                    for a in geom.iterancestors()
                    if etree.QName(a).localname in ("anchor", "inline")
                ),
                None,
            )
            extent = drawing.find(f"{{{WP_NS}}}extent") if drawing is not None else None
            length = int(extent.get("cx", "0")) / EMU_PER_MM if extent is not None else None
            return RuleMark(p, "drawing", length)
    for line in p.element.iter(f"{{{V_NS}}}line"):
        return RuleMark(p, "vml", _vml_length(line))
    return None


def _vml_length(line: etree._Element) -> float | None:
    def points(value: str | None) -> tuple[float, float] | None:
        if not value:
            return None
        try:
            x, y = (float(re.sub(r"[a-z]+$", "", v.strip()) or 0) for v in value.split(",")[:2])
        except ValueError:
            return None
        return x, y

    start, end = points(line.get("from")), points(line.get("to"))
    if start is None or end is None:
        return None
    return abs(end[0] - start[0]) * 25.4 / 72  # VML "from/to" are in points by default


def _non_empty(paragraphs: list[ParaView]) -> list[ParaView]:
    return [p for p in paragraphs if p.stripped and not _UNDERSCORES.match(p.text)]


def recognise(view: DocxView) -> Structure:
    s = Structure()
    position = _header(view, s)
    position = _title_region(view, s, position)
    _signature(view, s, position)
    return s


def _header(view: DocxView, s: Structure) -> int:
    """Fill the header block fields; return the index in `view.items` where the rest begins."""
    for i, item in enumerate(view.items[:8]):
        if isinstance(item, TableView) and any(
            text_rules.is_national_title(p.text) for p in item.paragraphs()
        ):
            s.header_table = item
            _header_from_table(s, item)
            return i + 1
    # No table: the header typed as loose paragraphs (or missing).
    paragraphs = [p for p in view.items[:20] if isinstance(p, ParaView)]
    width = text_width_mm(view, 0)
    for i, p in enumerate(paragraphs):
        if text_rules.is_national_title(p.text):
            s.national_title = p
            s.national_title_container_mm = width
            _motto_after(s, paragraphs, i, width)
        elif s.number is None and text_rules.is_number_line(p.text):
            s.number = p
        elif s.place_date is None and text_rules.is_date_line(p.text):
            s.place_date = p
    last = max(
        (view.items.index(p) for p in (s.national_title, s.motto, s.number, s.place_date) if p),
        default=-1,
    )
    return last + 1


def _motto_after(s: Structure, paragraphs: list[ParaView], i: int, width: float | None) -> None:
    """The tiêu ngữ under the Quốc hiệu at `paragraphs[i]`, its rule, and any rule wrongly drawn
    between the two (a border or underscores; shapes anchored there are taken as the motto's)."""
    national = paragraphs[i]
    j = i + 1
    between: list[ParaView] = []
    while j < min(len(paragraphs), i + 4) and (
        not paragraphs[j].stripped or _UNDERSCORES.match(paragraphs[j].text)
    ):
        between.append(paragraphs[j])
        j += 1
    if national.border_bottom:
        s.rule_under_national_title = RuleMark(national, "border", None)
    for p in between:
        if p.border_bottom or _UNDERSCORES.match(p.text):
            s.rule_under_national_title = RuleMark(p, "border", None)
    if j < len(paragraphs) and text_rules.looks_like_motto(paragraphs[j].text):
        s.motto = paragraphs[j]
        s.motto_rule = rule_under(paragraphs, j, width) or _drawn_line(national)


def _header_from_table(s: Structure, table: TableView) -> None:
    qh_cell: CellView | None = None
    for cell in table.cells():
        for i, p in enumerate(cell.paragraphs):
            if text_rules.is_national_title(p.text):
                qh_cell = cell
                s.national_title = p
                s.national_title_container_mm = cell.inner_mm
                _motto_after(s, cell.paragraphs, i, cell.inner_mm)
                break
        if qh_cell is not None:
            break
    for cell in table.cells():
        for p in cell.paragraphs:
            text = p.stripped
            if s.number is None and text_rules.is_number_line(text):
                s.number = p
            elif s.place_date is None and text_rules.is_date_line(text):
                s.place_date = p
            elif s.cong_van_subject is None and re.match(r"^V/v\b", text, re.IGNORECASE):
                s.cong_van_subject = p
    if qh_cell is None:
        return
    # The agency block: the other cell of the Quốc hiệu's row (left column in every template).
    row = table.rows[qh_cell.row]
    agency_cell = next((c for c in row if c is not qh_cell), None)
    if agency_cell is None:
        return
    s.agency_container_mm = agency_cell.inner_mm
    lines: list[ParaView] = []
    for i, p in enumerate(agency_cell.paragraphs):
        if p is s.number or p is s.cong_van_subject or text_rules.is_number_line(p.text):
            break
        if not p.stripped or _UNDERSCORES.match(p.text):
            if lines and s.agency_rule is None:
                s.agency_rule = rule_under(agency_cell.paragraphs, i - 1, agency_cell.inner_mm)
            if lines:
                break
            continue
        lines.extend(line for line in p.split_lines() if line.stripped)
        if p.border_bottom or _drawn_line(p) is not None:
            s.agency_rule = rule_under(agency_cell.paragraphs, i, agency_cell.inner_mm)
            break
    _split_agency(s, lines)


def _split_agency(s: Structure, lines: list[ParaView]) -> None:
    """Chủ quản (regular) above the issuing agency (bold), from the lines of the agency cell.

    A line continues the name above it when it has the same weight and either comes from the
    same paragraph (a break the writer or the app put in), or does not open with the kind of
    body a name starts with ("TỈNH BÌNH PHƯỚC", "VÀ CÔNG NGHỆ"), or follows a line ending in a
    connector ("… VÀ"). Otherwise it starts a new name."""
    groups: list[list[ParaView]] = []
    for line in lines:
        previous = groups[-1][-1] if groups else None
        continues = (
            previous is not None
            and previous.bold == line.bold
            and (
                previous.element is line.element
                or not _AGENCY_START.match(line.stripped.upper())
                or bool(_CONNECTOR_END.search(previous.stripped.upper()))
            )
        )
        if continues:
            groups[-1].append(line)
        else:
            groups.append([line])
    if not groups:
        return
    if len(groups) == 1:
        s.issuing_agency = groups[0]
        return
    # With several names the last bold group is the issuing agency; everything above it is the
    # chủ quản (checked to be regular). When none is bold, the last one is taken.
    last_bold = max(
        (i for i, g in enumerate(groups) if all(p.bold for p in g)), default=len(groups) - 1
    )
    if last_bold == 0:
        last_bold = len(groups) - 1
    s.parent_agency = [p for g in groups[:last_bold] for p in g]
    s.issuing_agency = [p for g in groups[last_bold:] for p in g]


class _Cursor:
    """Walks the top-level paragraphs after the header block, skipping empty ones."""

    def __init__(self, items: list[ParaView | TableView], position: int) -> None:
        self.items = items
        self.position = position

    def peek(self) -> ParaView | None:
        while self.position < len(self.items):
            item = self.items[self.position]
            if not isinstance(item, ParaView):
                return None
            if item.stripped:
                return item
            self.position += 1
        return None

    def take(self) -> ParaView:
        p = self.peek()
        assert p is not None
        self.position += 1
        return p


def _title_region(view: DocxView, s: Structure, start: int) -> int:
    """Marks, tên loại, trích yếu with its rule, and Kính gửi; returns where the body begins."""
    cursor = _Cursor(view.items, start)
    while (p := cursor.peek()) is not None and p.stripped.upper() in MARKS:
        s.marks.append(cursor.take())
    p = cursor.peek()
    if p is not None and _is_kind_title(p, view.items, cursor.position):
        s.kind_title = cursor.take()
        s.kind = kind_from_title(p.stripped)
        while cursor.position < len(view.items):
            q = view.items[cursor.position]
            if not isinstance(q, ParaView) or (q.border_bottom and not q.stripped):
                break  # the rule under the trích yếu ends it
            if not q.stripped:
                cursor.position += 1
                continue
            if not q.centred or _UNDERSCORES.match(q.text):
                break
            if q.stripped.startswith(("Kính gửi", "Căn cứ")):
                break
            if (
                text_rules.takes_authority(s.kind)
                and s.subject
                and s.subject[-1].stripped != s.subject[-1].stripped.upper()
                and _is_authority_line(q)
            ):
                break  # a quyết định's authority line under a trích yếu without its rule
            s.subject.append(cursor.take())
            if q.border_bottom or _drawn_line(q) is not None:
                break
        if s.subject:
            paragraphs = [x for x in view.items if isinstance(x, ParaView)]
            last = s.subject[-1]
            width = text_width_mm(view, last.section)
            s.subject_rule = rule_under(paragraphs, paragraphs.index(last), width)
            if s.subject_rule is not None and s.subject_rule.paragraph is not last:
                cursor.position = view.items.index(s.subject_rule.paragraph) + 1
    p = cursor.peek()
    if p is not None and p.stripped.startswith("Kính gửi"):
        s.recipients_label = cursor.take()
        rest = p.stripped.split(":", 1)[1].strip() if ":" in p.stripped else ""
        if not rest or rest.startswith("-"):
            while (item := cursor.peek()) is not None and item.stripped.startswith(("-", "–", "+")):
                s.recipient_items.append(cursor.take())
                if item.stripped.endswith("."):
                    break
    if text_rules.takes_authority(s.kind):
        # The authority (one or two centred upper-case lines: "HỘI ĐỒNG NHÂN DÂN TỈNH …" /
        # "KHÓA XVII, KỲ HỌP THỨ 10") before the căn cứ and `QUYẾT ĐỊNH:`.
        while (p := cursor.peek()) is not None and _is_authority_line(p):
            s.decision_authority.append(cursor.take())
            if len(s.decision_authority) == 2:
                break
    return cursor.position


def _is_authority_line(p: ParaView) -> bool:
    text = p.stripped
    return (
        p.centred
        and any(c.isalpha() for c in text)
        and text == text.upper()
        and not text_rules.is_decision_line(text)
        and not text_rules.is_article_line(text)
        and not re.match(r"^(PHẦN|CHƯƠNG|MỤC)\b", text)
    )


def _is_kind_title(p: ParaView, items: list[ParaView | TableView], position: int) -> bool:
    """A centred upper-case line after the header: a known tên loại, or any short upper-case
    line followed by a centred sentence-case trích yếu."""
    text = p.stripped
    if not (p.centred and any(c.isalpha() for c in text) and text == text.upper()):
        return False
    if kind_from_title(text) is not None:
        return True
    following = next(
        (q for q in items[position + 1 : position + 4] if isinstance(q, ParaView) and q.stripped),
        None,
    )
    return (
        len(text) <= 40
        and following is not None
        and following.centred
        and following.stripped != following.stripped.upper()
    )


def _signature(view: DocxView, s: Structure, start: int) -> None:
    items = view.items
    sig_index: int | None = None
    for j in range(len(items) - 1, start - 1, -1):
        item = items[j]
        if isinstance(item, TableView) and re.search(r"N[ơo]i nh[ậa]n", item.text):
            sig_index = j
            break
    if sig_index is None:
        for j in range(start, len(items)):
            item = items[j]
            if isinstance(item, ParaView) and item.stripped.startswith("Nơi nhận"):
                sig_index = j
                s.distribution_label = item
                for q in items[j + 1 :]:
                    if not isinstance(q, ParaView) or (
                        q.stripped and not q.stripped.startswith("-")
                    ):
                        break
                    if q.stripped:
                        s.distribution.append(q)
                break
    else:
        table = items[sig_index]
        assert isinstance(table, TableView)
        s.signature_table = table
        _signature_from_table(s, table)
    end = sig_index if sig_index is not None else len(items)
    s.body = [p for p in items[start:end] if isinstance(p, ParaView) and p.stripped]
    s.body_tables = sum(1 for t in items[start:end] if isinstance(t, TableView))
    if sig_index is not None:
        before = [
            item for item in items[start:sig_index] if isinstance(item, TableView) or item.stripped
        ]
        last = before[-1] if before else None
        if isinstance(last, TableView):
            last_row = last.rows[-1] if last.rows else []
            cells = [p for c in last_row for p in c.paragraphs]
            s.paragraph_before_signature = cells[-1] if cells else None
        else:
            s.paragraph_before_signature = last
        s.appendix_body = [
            p
            for p in items[sig_index + 1 :]
            if isinstance(p, ParaView) and p.stripped and p not in s.distribution
        ]
    # Căn cứ lines open the body; a "Căn cứ …" sentence further down is ordinary text. In a
    # quyết định everything between the authority and `QUYẾT ĐỊNH:` is the căn cứ block
    # ("Xét Tờ trình …" included).
    decision = _decision_line_index(s) if text_rules.takes_authority(s.kind) else None
    if decision is not None:
        s.decision_line = s.body[decision]
        s.legal_basis = s.body[:decision]
    else:
        s.legal_basis = s.body[: text_rules.legal_basis_run(p.text for p in s.body)]


def _decision_line_index(s: Structure) -> int | None:
    """Where `QUYẾT ĐỊNH:` stands among the first paragraphs of the body (before any article)."""
    for i, p in enumerate(s.body[:20]):
        if text_rules.is_article_line(p.text):
            return None
        if text_rules.is_decision_line(p.text):
            return i
    return None


def _signature_from_table(s: Structure, table: TableView) -> None:
    for row in table.rows:
        label_cell = next(
            (
                c
                for c in row
                for p in c.paragraphs
                if p.stripped.startswith(("Nơi nhận", "Noi nhan"))
            ),
            None,
        )
        if label_cell is None:
            continue
        paragraphs = _non_empty(_lines(label_cell.paragraphs))
        label = next(p for p in paragraphs if p.stripped.startswith(("Nơi nhận", "Noi nhan")))
        s.distribution_label = label
        s.distribution = paragraphs[paragraphs.index(label) + 1 :]
        others = [c for c in row if c is not label_cell]
        signer_cell = max(
            others,
            key=lambda c: sum(len(p.stripped) for p in c.paragraphs if p.any_bold),
            default=None,
        )
        if signer_cell is None:
            return
        cell_lines = _lines(signer_cell.paragraphs)
        lines = [
            p for p in _non_empty(cell_lines)
            if not (p.stripped.startswith("(") and p.stripped.endswith(")"))
            and not p.stripped.startswith(("Ký bởi", "Thời gian ký", "Ngày ký"))
            and "Đã ký" not in p.stripped
        ]  # fmt: skip
        if lines and _after_signature_gap(cell_lines, lines[-1]):
            s.signer_name = lines[-1]
            s.authority = lines[:-1]
        else:
            s.authority = lines
        return


def _lines(paragraphs: list[ParaView]) -> list[ParaView]:
    return [line for p in paragraphs for line in p.split_lines()]


def _after_signature_gap(paragraphs: list[ParaView], name: ParaView) -> bool:
    """The name (7b) sits below the space left for signature and seal: an empty paragraph, a
    tall exact-height spacer or large space before it. Without one, the last line is taken as a
    title line and the name as missing."""
    index = paragraphs.index(name)
    if index == 0:
        return False
    if int(name.props.get("before", 0)) >= 480:
        return True
    previous = paragraphs[index - 1]
    return not previous.stripped
