"""Rules for each element of the văn bản in a DOCX: header block, tên loại and trích yếu,
Kính gửi, căn cứ, body paragraphs, headings, signer block and Nơi nhận (spec §3–§5, §9)."""

from __future__ import annotations

from collections.abc import Iterator

from desktop.checker import text_rules
from desktop.checker.catalog import finding
from desktop.checker.findings import Finding, Location
from desktop.checker.ooxml.structure import RuleMark, Structure, text_width_mm
from desktop.checker.ooxml.view import DocxView, ParaView
from desktop.layout import measure
from desktop.model.kinds import kind_info

RULE_TOLERANCE = 0.05  # ±5 % of the measured text width (spec §9)
RULE_SLACK_MM = 1.0  # plus 1 mm for rules drawn with underscores or shapes
FIRST_LINE_INDENTS = (567, 720)  # 1 cm, 1.27 cm
INDENT_TOLERANCE = 15  # twips


def loc(element: str, p: ParaView | None = None) -> Location:
    return Location(element, paragraph=p.index if p is not None and p.index else None)


def _size_text(size: float | None) -> str:
    return f"cỡ {size:g}" if size is not None else "cỡ không xác định"


def _in_range(size: float | None, low: float, high: float) -> bool:
    return size is None or low <= size <= high


def _width(p: ParaView, container_mm: float | None) -> float:
    """Width of the widest line of `p` when wrapped in its container."""
    size = p.size_pt or 13.0
    widths = []
    for line in p.text.split("\n"):  # explicit line breaks first, then the word processor's wrap
        text = " ".join(line.replace("\u00a0", " ").split())
        if container_mm is None:
            widths.append(measure.text_width_mm(text, size, bold=p.bold, italic=p.italic))
        else:
            widths.append(
                measure.widest_line_mm(text, container_mm, size, bold=p.bold, italic=p.italic)
            )
    return max(widths, default=0.0)


# ------------------------------------------------------------------------------- header block


def header(view: DocxView, s: Structure) -> Iterator[Finding]:
    yield from _national_title(s)
    yield from _motto(s)
    yield from _agency(s)
    yield from _number(s)
    yield from _date(s)


def _national_title(s: Structure) -> Iterator[Finding]:
    p = s.national_title
    if p is None:
        yield finding(
            "national-title.text", loc("Quốc hiệu"),
            "Không tìm thấy Quốc hiệu “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM”.",
            "Trình bày Quốc hiệu và Tiêu ngữ ở góc trên bên phải trang 1.",
        )  # fmt: skip
        return
    for problem in text_rules.national_title_problems(p.text):
        yield finding(problem.rule, loc("Quốc hiệu", p), problem.message, problem.fix)
    size = p.size_pt
    if not p.bold or not _in_range(size, 12, 13):
        yield finding(
            "national-title.format", loc("Quốc hiệu", p),
            f"Quốc hiệu {'không in đậm' if not p.bold else _size_text(size)}.",
            "Quốc hiệu chữ in hoa, đứng, đậm, cỡ 12–13.",
        )  # fmt: skip
    container = s.national_title_container_mm
    if container is not None:
        width = measure.text_width_mm(p.stripped, size or 13, bold=p.bold)
        if width > container + 0.2:
            yield finding(
                "national-title.one-line", loc("Quốc hiệu", p),
                f"Quốc hiệu dài {width:.0f} mm nhưng ô chỉ rộng {container:.0f} mm nên bị "
                "xuống dòng.",
                f"Mở rộng cột bên phải của bảng tiêu đề lên ít nhất {width + 4:.0f} mm "
                "(có thể lấn sang lề phải) để Quốc hiệu trên một dòng.",
            )  # fmt: skip
    if s.rule_under_national_title is not None:
        yield finding(
            "national-title.rule", loc("Quốc hiệu", p),
            "Có đường kẻ ngay dưới Quốc hiệu.",
            "Bỏ đường kẻ dưới Quốc hiệu; chỉ kẻ dưới Tiêu ngữ.",
        )  # fmt: skip


def _motto(s: Structure) -> Iterator[Finding]:
    p = s.motto
    if s.national_title is None:
        return
    if p is None:
        yield finding(
            "motto.text", loc("Tiêu ngữ", s.national_title),
            "Không tìm thấy Tiêu ngữ ngay dưới Quốc hiệu.",
            "Ghi “Độc lập - Tự do - Hạnh phúc” ngay dưới Quốc hiệu.",
        )  # fmt: skip
        return
    for problem in text_rules.motto_problems(p.text):
        yield finding(problem.rule, loc("Tiêu ngữ", p), problem.message, problem.fix)
    if not p.bold or not _in_range(p.size_pt, 13, 14):
        yield finding(
            "motto.format", loc("Tiêu ngữ", p),
            f"Tiêu ngữ {'không in đậm' if not p.bold else _size_text(p.size_pt)}.",
            "Tiêu ngữ chữ thường, đứng, đậm, cỡ 13–14.",
        )  # fmt: skip
    target = measure.text_width_mm(p.stripped, p.size_pt or 13, bold=p.bold)
    yield from _rule_length(
        "motto.rule", "Tiêu ngữ", p, s.motto_rule, target, target, "bằng độ dài dòng Tiêu ngữ"
    )


def _rule_length(
    rule_id: str, element: str, p: ParaView, mark: RuleMark | None,
    low: float, high: float, expected: str,
) -> Iterator[Finding]:  # fmt: skip
    if mark is None:
        yield finding(
            rule_id, loc(element, p),
            f"Thiếu đường kẻ ngang dưới {element.lower() if element != 'Tiêu ngữ' else 'Tiêu ngữ'}.",
            f"Kẻ một đường liền, {expected}, căn giữa dưới dòng chữ.",
        )  # fmt: skip
        return
    if mark.length_mm is None:
        return
    slack = RULE_SLACK_MM if mark.method != "border" else 0.3
    if (
        not low * (1 - RULE_TOLERANCE) - slack
        <= mark.length_mm
        <= high * (1 + RULE_TOLERANCE) + slack
    ):
        yield finding(
            rule_id, loc(element, mark.paragraph),
            f"Đường kẻ dưới {element if element == 'Tiêu ngữ' else element.lower()} dài "
            f"{mark.length_mm:.1f} mm; cần {expected} ({low:.1f}"
            + (f"–{high:.1f}" if high - low > 0.05 else "")
            + " mm).",
            f"Sửa độ dài đường kẻ {expected}.",
        )  # fmt: skip


def _agency(s: Structure) -> Iterator[Finding]:
    if s.national_title is None and not s.issuing_agency:
        return
    if not any(c.isalpha() for p in s.issuing_agency for c in p.stripped):
        yield finding(
            "agency.missing", loc("Tên cơ quan ban hành"),
            "Không tìm thấy tên cơ quan ban hành ở góc trên bên trái.",
            "Ghi tên cơ quan ban hành (in hoa, đậm) ở cột trái bảng tiêu đề, ngang Quốc hiệu.",
        )  # fmt: skip
        return
    for p in s.parent_agency:
        if p.any_bold or not _in_range(p.size_pt, 12, 13):
            yield finding(
                "agency.parent-format", loc("Tên cơ quan chủ quản", p),
                f"Tên cơ quan chủ quản “{p.stripped}” "
                + ("in đậm." if p.any_bold else f"{_size_text(p.size_pt)}."),
                "Tên cơ quan chủ quản in hoa, chữ đứng, không đậm, cỡ 12–13.",
            )  # fmt: skip
            break
    name = " ".join(p.stripped for p in s.issuing_agency)
    for p in s.issuing_agency:
        upper = p.stripped == p.stripped.upper()
        if not p.bold or not upper or not _in_range(p.size_pt, 12, 13):
            what = (
                "không in đậm"
                if not p.bold
                else ("không in hoa" if not upper else _size_text(p.size_pt))
            )
            yield finding(
                "agency.issuing-format", loc("Tên cơ quan ban hành", p),
                f"Tên cơ quan ban hành “{name}” {what}.",
                "Tên cơ quan ban hành in hoa, đứng, đậm, cỡ 12–13.",
            )  # fmt: skip
            break
    for problem in text_rules.issuing_agency_problems(name):
        yield finding(
            problem.rule,
            loc("Tên cơ quan ban hành", s.issuing_agency[0]),
            problem.message,
            problem.fix,
        )
    widest = max(_width(p, s.agency_container_mm) for p in s.issuing_agency)
    last = s.issuing_agency[-1]
    yield from _rule_length(
        "agency.rule", "Tên cơ quan", last, s.agency_rule, widest / 3, widest / 2,
        "từ 1/3 đến 1/2 độ dài dòng tên cơ quan",
    )  # fmt: skip


def _number(s: Structure) -> Iterator[Finding]:
    p = s.number
    if p is None:
        yield finding(
            "number.missing", loc("Số, ký hiệu"),
            "Không tìm thấy dòng “Số:” dưới tên cơ quan ban hành.",
            "Ghi “Số:      /…” dưới tên cơ quan (để trống số khi là dự thảo).",
        )  # fmt: skip
        return
    for problem in text_rules.number_problems(p.text, s.kind, s.is_cong_van):
        yield finding(problem.rule, loc("Số, ký hiệu", p), problem.message, problem.fix)
    if p.any_bold or p.italic or not _in_range(p.size_pt, 13, 13):
        yield finding(
            "number.format", loc("Số, ký hiệu", p),
            "Số, ký hiệu " + ("in đậm." if p.any_bold else "in nghiêng." if p.italic else f"{_size_text(p.size_pt)}."),
            "Số, ký hiệu chữ đứng, không đậm, cỡ 13.",
        )  # fmt: skip


def _date(s: Structure) -> Iterator[Finding]:
    p = s.place_date
    if p is None:
        if s.kind is not None and s.kind.value == "bien-ban":
            return  # Mẫu 1.9: a biên bản has no date line in the header
        yield finding(
            "date.missing", loc("Địa danh, ngày tháng năm"),
            "Không tìm thấy dòng địa danh, ngày tháng năm dưới Tiêu ngữ.",
            "Ghi “<Địa danh>, ngày … tháng … năm …” in nghiêng, ngang dòng Số.",
        )  # fmt: skip
        return
    for problem in text_rules.date_problems(p.text):
        yield finding(
            problem.rule, loc("Địa danh, ngày tháng năm", p), problem.message, problem.fix
        )
    place = p.stripped.split(",", 1)[0]
    for problem in text_rules.place_problems(place):
        yield finding(
            problem.rule, loc("Địa danh, ngày tháng năm", p), problem.message, problem.fix
        )
    if not p.italic or p.any_bold or not _in_range(p.size_pt, 13, 14):
        what = (
            "không in nghiêng"
            if not p.italic
            else ("in đậm" if p.any_bold else _size_text(p.size_pt))
        )
        yield finding(
            "date.format", loc("Địa danh, ngày tháng năm", p),
            f"Dòng địa danh, ngày tháng năm {what}.",
            "Địa danh, ngày tháng năm chữ thường, nghiêng, không đậm, cỡ 13–14.",
        )  # fmt: skip


# ------------------------------------------------------------------------------- title block


def title(view: DocxView, s: Structure) -> Iterator[Finding]:
    if s.kind_title is not None:
        p = s.kind_title
        if not p.bold or not _in_range(p.size_pt, 13, 14):
            yield finding(
                "title.kind-format", loc("Tên loại", p),
                f"Tên loại “{p.stripped}” {'không in đậm' if not p.bold else _size_text(p.size_pt)}.",
                "Tên loại in hoa, đứng, đậm, cỡ 13–14, căn giữa.",
            )  # fmt: skip
        if not s.subject:
            yield finding(
                "title.missing", loc("Trích yếu", p),
                "Không có trích yếu dưới tên loại văn bản.",
                "Ghi trích yếu nội dung (in đậm, căn giữa) ngay dưới tên loại.",
            )  # fmt: skip
            return
        text = " ".join(q.stripped for q in s.subject)
        for problem in text_rules.subject_problems(text):
            yield finding(
                problem.rule, loc("Trích yếu", s.subject[0]), problem.message, problem.fix
            )
        for q in s.subject:
            if not q.bold or not _in_range(q.size_pt, 13, 14):
                yield finding(
                    "title.subject-format", loc("Trích yếu", q),
                    f"Trích yếu {'không in đậm' if not q.bold else _size_text(q.size_pt)}.",
                    "Trích yếu chữ thường, đứng, đậm, cỡ 13–14, căn giữa.",
                )  # fmt: skip
                break
        width = text_width_mm(view, s.subject[-1].section)
        widest = max(_width(q, width) for q in s.subject)
        yield from _rule_length(
            "title.rule", "Trích yếu", s.subject[-1], s.subject_rule, widest / 3, widest / 2,
            "từ 1/3 đến 1/2 độ dài dòng trích yếu",
        )  # fmt: skip
    elif s.cong_van_subject is not None:
        p = s.cong_van_subject
        if not p.stripped.startswith("V/v ") or p.any_bold or not _in_range(p.size_pt, 12, 13):
            what = (
                "không bắt đầu bằng “V/v ”" if not p.stripped.startswith("V/v ")
                else "in đậm" if p.any_bold else _size_text(p.size_pt)
            )  # fmt: skip
            yield finding(
                "cong-van.subject", loc("Trích yếu công văn", p),
                f"Trích yếu công văn {what}.",
                "Ghi “V/v …” chữ thường, đứng, không đậm, cỡ 12–13, dưới dòng Số.",
            )  # fmt: skip
        for problem in text_rules.subject_problems(p.stripped.removeprefix("V/v ")):
            yield finding(problem.rule, loc("Trích yếu công văn", p), problem.message, problem.fix)
    elif s.national_title is not None:
        yield finding(
            "title.missing", loc("Tên loại, trích yếu"),
            "Không tìm thấy tên loại và trích yếu (hoặc “V/v …” của công văn).",
            "Ghi tên loại văn bản và trích yếu căn giữa dưới phần tiêu đề; công văn ghi "
            "“V/v …” dưới dòng Số.",
        )  # fmt: skip


def recipients(s: Structure) -> Iterator[Finding]:
    if s.recipient_items:
        for problem in text_rules.recipient_list_problems([p.text for p in s.recipient_items]):
            yield finding(
                problem.rule, loc("Kính gửi", s.recipient_items[0]), problem.message, problem.fix
            )
            break
    if s.recipients_label is not None and ":" not in s.recipients_label.stripped:
        yield finding(
            "recipients.grammar", loc("Kính gửi", s.recipients_label),
            "Thiếu dấu hai chấm sau “Kính gửi”.",
            "Viết “Kính gửi:”.",
        )  # fmt: skip


def legal_basis(s: Structure) -> Iterator[Finding]:
    for p in s.legal_basis:
        text = p.stripped
        if not p.italic:
            yield finding(
                "legal-basis.format", loc("Căn cứ", p),
                "Dòng căn cứ không in nghiêng.",
                "Trình bày các căn cứ ban hành bằng chữ nghiêng.",
            )  # fmt: skip
            return
        if not text.endswith((";", ".", ",")):
            yield finding(
                "legal-basis.format", loc("Căn cứ", p),
                f"Dòng căn cứ “…{text[-20:]}” không kết thúc bằng “;” hoặc “.”.",
                "Mỗi căn cứ kết thúc bằng dấu chấm phẩy; căn cứ cuối cùng kết thúc bằng dấu chấm "
                "(hoặc dấu phẩy trước “Theo đề nghị của …”).",
            )  # fmt: skip
            return


def decision(s: Structure) -> Iterator[Finding]:
    """Quyết định, nghị quyết (Mẫu 1.1–1.3): the authority line under the trích yếu, the
    `QUYẾT ĐỊNH:` line before the articles, both upper case, bold, 13–14, centred; the articles
    and `- Như Điều …;` of a quyết định."""
    if s.kind is None or not text_rules.takes_authority(s.kind):
        return
    kind = s.kind
    anchor = s.subject[-1] if s.subject else s.kind_title
    if not s.decision_authority:
        problem = text_rules.authority_missing_problem(kind)
        yield finding(
            problem.rule, loc("Thẩm quyền ban hành", anchor), problem.message, problem.fix
        )
    for p in s.decision_authority:
        if not p.bold or not _in_range(p.size_pt, 13, 14) or not p.centred:
            what = (
                "không in đậm" if not p.bold
                else "không căn giữa" if not p.centred
                else _size_text(p.size_pt)
            )  # fmt: skip
            yield finding(
                "decision.authority-format", loc("Thẩm quyền ban hành", p),
                f"Dòng thẩm quyền ban hành “{p.stripped}” {what}.",
                "Thẩm quyền ban hành in hoa, đứng, đậm, cỡ 13–14, căn giữa.",
            )  # fmt: skip
            break
    line = s.decision_line
    if line is None:
        if s.body:
            problem = text_rules.decision_line_missing_problem(kind)
            yield finding(problem.rule, loc("Nội dung", s.body[0]), problem.message, problem.fix)
    else:
        for problem in text_rules.decision_line_problems(line.text, kind):
            yield finding(problem.rule, loc("Nội dung", line), problem.message, problem.fix)
        upper = line.stripped == line.stripped.upper()
        if not line.bold or not upper or not line.centred or not _in_range(line.size_pt, 13, 14):
            what = (
                "không in đậm" if not line.bold
                else "không in hoa" if not upper
                else "không căn giữa" if not line.centred
                else _size_text(line.size_pt)
            )  # fmt: skip
            expected = kind_info(kind).decision_line
            yield finding(
                "decision.line-format", loc("Nội dung", line),
                f"Dòng “{line.stripped}” {what}.",
                f"Ghi “{expected}” in hoa, đứng, đậm, cỡ 13–14, căn giữa.",
            )  # fmt: skip
    texts = [p.text for p in s.body]
    articles = text_rules.articles_problem(kind, texts)
    if articles is not None:
        where = loc("Nội dung", s.decision_line or (s.body[0] if s.body else None))
        yield finding(articles.rule, where, articles.message, articles.fix)
    nhu_dieu = text_rules.nhu_dieu_problem(kind, [p.text for p in s.distribution], texts)
    if nhu_dieu is not None:
        where = loc("Nơi nhận", s.distribution[0] if s.distribution else s.distribution_label)
        yield finding(nhu_dieu.rule, where, nhu_dieu.message, nhu_dieu.fix)


# ------------------------------------------------------------------------------- body


def body(view: DocxView, s: Structure) -> Iterator[Finding]:
    skip = {id(p) for p in (*s.recipient_items, *s.marks, *s.decision_authority)}
    if s.decision_line is not None:
        skip.add(id(s.decision_line))
    if s.recipients_label is not None:
        skip.add(id(s.recipients_label))
    running = [
        p for p in (*s.body, *s.appendix_body)
        if id(p) not in skip and p.jc not in ("center", "right", "end") and p.cell is None
    ]  # fmt: skip
    skip.update(id(p) for p in s.legal_basis)
    main = [p for p in s.body if id(p) not in skip]
    if s.national_title is not None and not main and not s.body_tables:
        yield finding(
            "document.body-empty", loc("Nội dung"),
            "Văn bản không có nội dung.",
            "Soạn nội dung văn bản giữa phần tiêu đề và khối chữ ký.",
        )  # fmt: skip
    yield from _body_format(running)
    yield from _headings([*s.body, *s.appendix_body])
    if s.paragraph_before_signature is not None:
        last = s.paragraph_before_signature
        if not last.stripped.endswith("./."):
            yield finding(
                "closing.end-mark", loc("Nội dung", last),
                "Đoạn cuối cùng của nội dung không kết thúc bằng “./.”.",
                "Kết thúc nội dung văn bản bằng dấu “./.”.",
            )  # fmt: skip


def _body_format(paragraphs: list[ParaView]) -> Iterator[Finding]:
    buckets: dict[str, list[ParaView]] = {}

    def flag(rule: str, p: ParaView) -> None:
        buckets.setdefault(rule, []).append(p)

    for p in paragraphs:
        if p.jc not in (
            "both",
            "distribute",
            "thaiDistribute",
            "lowKashida",
            "mediumKashida",
            "highKashida",
        ):
            flag("body.alignment", p)
        first = p.first_line()
        if not any(abs(first - v) <= INDENT_TOLERANCE for v in FIRST_LINE_INDENTS):
            flag("body.indent", p)
        before = 280 if p.props.get("beforeAutospacing") else int(p.props.get("before", 0))
        after = 280 if p.props.get("afterAutospacing") else int(p.props.get("after", 0))
        if before + after < 118:
            flag("body.spacing", p)
        if not _line_spacing_ok(p):
            flag("body.line-spacing", p)
        if not _in_range(p.size_pt, 13, 14):
            flag("body.size", p)
    messages = {
        "body.alignment": (
            "không căn đều hai bên",
            "Căn đều hai bên (Ctrl+J) cho các đoạn nội dung.",
        ),
        "body.indent": (
            "không thụt đầu dòng 1 cm hoặc 1,27 cm",
            "Đặt thụt đầu dòng (First line) 1 cm hoặc 1,27 cm.",
        ),
        "body.spacing": (
            "có khoảng cách đoạn dưới 6 pt",
            "Đặt khoảng cách trước (hoặc sau) mỗi đoạn ít nhất 6 pt.",
        ),
        "body.line-spacing": (
            "có giãn dòng ngoài khoảng 1–1,5 dòng",
            "Đặt giãn dòng từ Single (1 dòng) đến 1,5 dòng.",
        ),
        "body.size": ("có cỡ chữ ngoài 13–14", "Đặt cỡ chữ nội dung 13 hoặc 14."),
    }
    for rule, items in buckets.items():
        what, fix = messages[rule]
        head = items[0]
        count = f"{len(items)} đoạn" if len(items) > 1 else "Đoạn"
        sample = head.stripped[:40] + ("…" if len(head.stripped) > 40 else "")
        yield finding(
            rule, loc("Nội dung", head), f"{count} nội dung {what} (đầu tiên: “{sample}”).", fix
        )


def _line_spacing_ok(p: ParaView) -> bool:
    rule = p.props.get("lineRule", "auto")
    line = p.props.get("line")
    if line is None:
        return True
    if rule == "auto":
        return 238 <= int(line) <= 362
    size = p.size_pt or 14.0
    ratio = int(line) / 20 / size
    if rule == "atLeast":
        return ratio <= 1.75
    return 1.0 <= ratio <= 1.75


def _headings(paragraphs: list[ParaView]) -> Iterator[Finding]:
    for problem, p in text_rules.heading_problems(
        (q.text, q) for q in paragraphs if q.cell is None
    ):
        yield finding(problem.rule, loc("Nội dung", p), problem.message, problem.fix)


# ------------------------------------------------------------------------------- closing


def signer(s: Structure) -> Iterator[Finding]:
    if s.national_title is None and s.signer_name is None and not s.authority:
        return
    if s.signer_name is None and not s.authority:
        yield finding(
            "signer.missing", loc("Khối chữ ký"),
            "Không tìm thấy khối chữ ký (chức vụ, họ tên người ký) bên phải Nơi nhận.",
            "Trình bày Nơi nhận và khối chữ ký trong một bảng hai cột không viền ở cuối văn bản.",
        )  # fmt: skip
        return
    name = s.signer_name
    anchor = name or s.authority[-1]
    authority = [p.text for p in s.authority]
    for problem in text_rules.signer_problems(authority, name.text if name else ""):
        yield finding(problem.rule, loc("Khối chữ ký", anchor), problem.message, problem.fix)
    for p in s.authority:
        upper = p.stripped == p.stripped.upper()
        if not p.bold or not upper or not _in_range(p.size_pt, 13, 14):
            what = (
                "không in đậm"
                if not p.bold
                else "không in hoa"
                if not upper
                else _size_text(p.size_pt)
            )
            yield finding(
                "signer.format", loc("Khối chữ ký", p),
                f"Dòng chức vụ “{p.stripped}” {what}.",
                "Quyền hạn, chức vụ người ký in hoa, đứng, đậm, cỡ 13–14.",
            )  # fmt: skip
            break
    if name is not None and (not name.bold or not _in_range(name.size_pt, 13, 14)):
        yield finding(
            "signer.format", loc("Khối chữ ký", name),
            f"Họ tên người ký “{name.stripped}” "
            f"{'không in đậm' if not name.bold else _size_text(name.size_pt)}.",
            "Họ tên người ký chữ thường, đứng, đậm, cỡ 13–14.",
        )  # fmt: skip
    table = s.signature_table
    if table is not None:
        row = next(
            (
                i
                for i, r in enumerate(table.rows)
                if any(anchor.element is p.element for c in r for p in c.paragraphs)
            ),
            0,
        )
        can_split = not table.cant_split_rows[row] if row < len(table.cant_split_rows) else True
        before = s.paragraph_before_signature
        unkept = before is not None and not before.props.get("keepNext")
        if can_split or unkept:
            yield finding(
                "signer.keep-together", loc("Khối chữ ký", anchor),
                "Khối chữ ký có thể bị tách khỏi nội dung hoặc bị chia sang hai trang.",
                "Bật “Keep with next” cho đoạn cuối của nội dung và tắt “Allow row to break "
                "across pages” cho hàng của bảng chữ ký.",
            )  # fmt: skip


def distribution(s: Structure) -> Iterator[Finding]:
    if s.national_title is None and s.distribution_label is None:
        return
    label = s.distribution_label
    if label is None:
        yield finding(
            "distribution.missing", loc("Nơi nhận"),
            "Không tìm thấy phần “Nơi nhận:”.",
            "Ghi “Nơi nhận:” và danh sách nơi nhận ở góc dưới bên trái, ngang khối chữ ký.",
        )  # fmt: skip
        return
    if (
        label.stripped != "Nơi nhận:"
        or not label.bold
        or not label.italic
        or not _in_range(label.size_pt, 12, 12)
    ):
        what = (
            f"ghi “{label.stripped}”" if label.stripped != "Nơi nhận:"
            else "không in đậm nghiêng" if not (label.bold and label.italic)
            else _size_text(label.size_pt)
        )  # fmt: skip
        yield finding(
            "distribution.label", loc("Nơi nhận", label),
            f"Chữ “Nơi nhận:” {what}.",
            "Ghi “Nơi nhận:” chữ đậm nghiêng, cỡ 12.",
        )  # fmt: skip
    for p in s.distribution:
        if not _in_range(p.size_pt, 11, 11) or p.any_bold:
            yield finding(
                "distribution.list-format", loc("Nơi nhận", p),
                f"Danh sách nơi nhận {'in đậm' if p.any_bold else _size_text(p.size_pt)}.",
                "Danh sách nơi nhận chữ đứng, không đậm, cỡ 11.",
            )  # fmt: skip
            break
    has_kinh_gui = s.recipients_label is not None
    lines = [p.text for p in s.distribution]
    first = s.distribution[0] if s.distribution else label
    for problem in text_rules.distribution_problems(lines, has_kinh_gui=has_kinh_gui):
        yield finding(problem.rule, loc("Nơi nhận", first), problem.message, problem.fix)
