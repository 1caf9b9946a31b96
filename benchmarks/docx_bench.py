"""DOCX export and checker speed on a 30-page report with 20 footnotes and 5 tables.

Run: `python benchmarks/docx_bench.py` (from the repository root). Prints the median of several
runs of each step; with `--pages` it also renders the file with LibreOffice to count its pages.
Targets (issue 3): export ≤ 0.3 s median, checker ≤ 0.5 s median on the same file.
"""

from __future__ import annotations

import datetime as dt
import io
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.checker.document import check_document
from desktop.checker.ooxml import check_docx
from desktop.export.docx import render_docx
from desktop.layout.build import build
from desktop.model.document import (
    AuthorityLine,
    Block,
    Document,
    FootnoteRef,
    Heading,
    HeadingLevel,
    ListItem,
    ListMarker,
    Paragraph,
    Run,
    SignerBlock,
    SignerPrefix,
    Table,
    TableCell,
    runs,
)
from desktop.model.kinds import DocumentKind
from desktop.model.profile import OfficeProfile

TODAY = dt.date(2026, 3, 5)
MOMENT = dt.datetime(2026, 3, 5, 8, 0, tzinfo=dt.UTC)
SENTENCE = (
    "UBND huyện đã chỉ đạo các cơ quan, đơn vị, địa phương tổ chức tuyên truyền và triển khai kịp "
    "thời, có hiệu quả quan điểm chỉ đạo, mục tiêu, định hướng chiến lược được xác định trong "
    "Quyết định số 127/QĐ-TTg ngày 26/01/2021 của Thủ tướng Chính phủ về nghiên cứu, phát triển "
    "và ứng dụng trí tuệ nhân tạo đến năm 2030 trên địa bàn huyện"
)


def thirty_page_report() -> Document:
    body: list[Block] = []
    notes = 0
    for part in range(5):
        body.append(Heading(HeadingLevel.ROMAN, runs(f"Nội dung phần thứ {part + 1}")))
        for section in range(6):
            body.append(Heading(HeadingLevel.ARABIC, runs(f"Nhiệm vụ trọng tâm số {section + 1}")))
            for item in range(6):
                content: list[Run | FootnoteRef] = [Run(f"{SENTENCE} (mục {item + 1})")]
                if notes < 20 and item == 2:
                    notes += 1
                    content.append(
                        FootnoteRef((Run(f"Kế hoạch số {notes:02d}/KH-UBND ngày 04/6/2021."),))
                    )
                content.append(Run(f", với kết quả {item * 7 + section}%."))
                if item % 2:
                    body.append(ListItem(ListMarker.DASH, tuple(content)))
                else:
                    body.append(Paragraph(tuple(content)))
        rows = [(TableCell(runs("STT")), TableCell(runs("Chỉ tiêu")), TableCell(runs("Kế hoạch")),
                 TableCell(runs("Thực hiện")))]  # fmt: skip
        rows += [
            (TableCell(runs(str(r))), TableCell(runs(f"Số hóa hồ sơ thủ tục hành chính nhóm {r}")),
             TableCell(runs("100%")), TableCell(runs(f"{80 + r}%")))
            for r in range(1, 26)
        ]  # fmt: skip
        body.append(
            Table(
                tuple(rows), header_rows=1, column_widths=(1, 6, 2, 2), caption=f"Bảng {part + 1}"
            )
        )
    return Document(
        kind=DocumentKind.BAO_CAO,
        title="Kết quả 03 năm thực hiện Chiến lược quốc gia về trí tuệ nhân tạo trên địa bàn huyện",
        parent_agency="UBND tỉnh Quảng Ngãi",
        issuing_agency="Ủy ban nhân dân huyện Bình Sơn",
        agency_abbr="UBND",
        number=349,
        place="Bình Sơn",
        date=dt.date(2023, 12, 15),
        recipients=("Sở Khoa học và Công nghệ",),
        body=tuple(body),
        closing="UBND huyện Bình Sơn kính báo cáo",
        signer=SignerBlock(
            (
                AuthorityLine("Ủy ban nhân dân", SignerPrefix.TM),
                AuthorityLine("Chủ tịch", SignerPrefix.KT),
                AuthorityLine("Phó Chủ tịch"),
            ),
            "Ngô Văn Dũng",
        ),
        distribution=("Như trên", "TT. Huyện ủy", "TT. HĐND huyện"),
        archive_note="KTHT",
    )


def median_seconds(step: Callable[[], object], runs_: int = 15) -> float:
    step()  # warm caches (font metrics, python-docx imports)
    times = []
    for _ in range(runs_):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    doc = thirty_page_report()
    profile = OfficeProfile()
    content = build(doc, profile, TODAY)
    buffer = io.BytesIO()
    render_docx(content, buffer, timestamp=MOMENT)
    data = buffer.getvalue()

    def export() -> None:
        render_docx(build(doc, profile, TODAY), io.BytesIO(), timestamp=MOMENT)

    results = {
        "build (model → content)": median_seconds(lambda: build(doc, profile, TODAY)),
        "export DOCX (build + render + zip)": median_seconds(export),
        "check_document (before export)": median_seconds(
            lambda: check_document(doc, profile, TODAY, content)
        ),
        "check_docx (the exported file)": median_seconds(lambda: check_docx(data)),
    }
    notes = len(content.footnotes)
    tables = sum(1 for e in content.sections[0].elements if type(e).__name__ == "TableContent")
    print(f"Document: {notes} footnotes, {tables} tables, {len(data) // 1024} KB DOCX")
    for label, seconds in results.items():
        print(f"  {label:<38} median {seconds * 1000:7.1f} ms")
    if "--pages" in sys.argv:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "bench.docx"
            path.write_bytes(data)
            subprocess.run(
                ["libreoffice", "--headless", "--convert-to", "pdf", "--outdir", folder, str(path)],
                check=True, capture_output=True, timeout=300,
            )  # fmt: skip
            info = subprocess.run(
                ["pdfinfo", str(path.with_suffix(".pdf"))], capture_output=True, text=True
            )
            pages = next(
                line.split()[-1] for line in info.stdout.splitlines() if line.startswith("Pages")
            )
            print(f"  pages when rendered by LibreOffice: {pages}")


if __name__ == "__main__":
    main()
