"""Import speed: a 100-page .docx and a 100-page text file (medians of several runs).

    python benchmarks/import_bench.py [--runs 7]

A page of a report in 14 pt Times New Roman holds about 30 lines: one heading and eight
paragraphs or items of three to four lines. The generated documents have that density, a
header and a signer block, a footnote every other page, a table every tenth page, Word's
automatic numbering (.docx) and page-split paragraphs and page numbers (text). Targets from
the issue: .docx ≤ 2 s, text ≤ 1 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.importing.lines import classify  # noqa: E402
from desktop.importing.service import import_file  # noqa: E402
from tests.services.importing.docx_builder import DocxBuilder  # noqa: E402

PAGES = 100
SENTENCE = (
    "Ủy ban nhân dân huyện đã chỉ đạo các cơ quan chuyên môn, Ủy ban nhân dân các xã, thị trấn "
    "tập trung triển khai đồng bộ các giải pháp ứng dụng công nghệ thông tin, chuyển đổi số "
    "trong hoạt động quản lý nhà nước, nâng cao chất lượng phục vụ người dân và doanh nghiệp"
)


def paragraph_text(page: int, index: int) -> str:
    return f"{SENTENCE} (trang {page}, đoạn {index}); kết quả đạt {page * 7 + index}% kế hoạch năm."


def make_docx(path: Path) -> Path:
    b = DocxBuilder()
    b.two_column_table([
        (["UBND TỈNH QUẢNG NGÃI", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"],
         ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]),
        (["Số: 2288/BC-SKHCN"], ["Quảng Ngãi, ngày 29 tháng 11 năm 2023"]),
    ])  # fmt: skip
    b.paragraph("BÁO CÁO", bold=True, center=True)
    b.paragraph("Kết quả thực hiện nhiệm vụ khoa học và công nghệ năm 2023", bold=True, center=True)
    outline = b.outline_numbering(
        [("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)")]
    )
    for page in range(1, PAGES + 1):
        if page % 10 == 1:
            b.paragraph(f"NỘI DUNG PHẦN {page // 10 + 1}", bold=True, numbering=(outline, 0))
        b.paragraph(f"Nhiệm vụ trọng tâm số {page}", bold=True, numbering=(outline, 1))
        for index in range(8):
            if index % 3 == 2:
                p = b.paragraph("- " + paragraph_text(page, index))
            else:
                p = b.paragraph(paragraph_text(page, index))
            if index == 4 and page % 2 == 0:
                b.footnote(
                    p, f"Quyết định số {page}/QĐ-UBND ngày 15/01/2023 của Ủy ban nhân dân tỉnh."
                )
        if page % 10 == 5:
            b.table(
                [["STT", "Chỉ tiêu", "Kết quả"]]
                + [[str(i), f"Chỉ tiêu {i}", f"{i * 9}%"] for i in range(1, 6)]
            )
    b.paragraph("Trên đây là báo cáo kết quả thực hiện nhiệm vụ năm 2023./.")
    b.two_column_table([(["Nơi nhận:", "- UBND tỉnh;", "- Lưu: VT, KHTC."],
                         ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "Lê Văn Hùng"])], center=False)  # fmt: skip
    return b.save(path)


def make_text(path: Path) -> Path:
    lines = [
        "UBND TỈNH QUẢNG NGÃI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
        "Độc lập - Tự do - Hạnh phúc", "Số: 2288/BC-SKHCN", "Quảng Ngãi, ngày 29 tháng 11 năm 2023",
        "", "BÁO CÁO", "", "Kết quả thực hiện nhiệm vụ khoa học và công nghệ năm 2023", "",
    ]  # fmt: skip
    roman = 0
    for page in range(1, PAGES + 1):
        if page % 10 == 1:
            roman += 1
            lines += [f"{_roman(roman)}. NỘI DUNG PHẦN {roman}", ""]
        lines += [f"{(page - 1) % 10 + 1}. Nhiệm vụ trọng tâm số {page}", ""]
        for index in range(8):
            text = paragraph_text(page, index)
            if index == 7:  # the page ends mid-sentence: footnote, page number, then the rest
                cut = text.index("thị trấn")
                marker = "¹" if page % 2 == 0 else ""
                lines += [text[:cut] + marker, ""]
                if marker:
                    lines += [f"¹ Quyết định số {page}/QĐ-UBND ngày 15/01/2023.", ""]
                lines += [str(page + 1), "", text[cut:], ""]
            else:
                lines += [("- " if index % 3 == 2 else "") + text, ""]
    lines += ["Trên đây là báo cáo kết quả thực hiện nhiệm vụ năm 2023./.", "", "Nơi nhận:",
              "- UBND tỉnh;", "- Lưu: VT, KHTC.", "", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "",
              "Lê Văn Hùng"]  # fmt: skip
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _roman(n: int) -> str:
    from desktop.model.numbering import roman

    return roman(n)


def median_seconds(path: Path, runs: int) -> tuple[float, int]:
    import_file(path)  # warm-up: imports of modules, python-docx templates
    times = []
    blocks = 0
    for _ in range(runs):
        classify.cache_clear()  # each run classifies its lines afresh, like a first import
        start = time.perf_counter()
        result = import_file(path)
        times.append(time.perf_counter() - start)
        blocks = len(result.document.body)
    return statistics.median(times), blocks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        docx_path = make_docx(Path(folder) / "bao-cao-100-trang.docx")
        text_path = make_text(Path(folder) / "bao-cao-100-trang.txt")
        docx_time, docx_blocks = median_seconds(docx_path, args.runs)
        text_time, text_blocks = median_seconds(text_path, args.runs)
        print(f"100-page .docx ({docx_path.stat().st_size // 1024} KB, {docx_blocks} blocks): "
              f"median {docx_time:.3f} s over {args.runs} runs (target ≤ 2 s)")  # fmt: skip
        print(f"100-page text  ({text_path.stat().st_size // 1024} KB, {text_blocks} blocks): "
              f"median {text_time:.3f} s over {args.runs} runs (target ≤ 1 s)")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
