"""Export one realistic document of every kind to DOCX and PDF; print the median times.

    PYTHONPATH=. python benchmarks/kinds_bench.py [--runs 5] [--out DIR] [--png]

`--out DIR` keeps the files (`<kind>.docx`, `<kind>.pdf`). `--png` also renders them for looking
at: the DOCX through `libreoffice --headless --convert-to pdf`, both PDFs through
`pdftoppm -png -r 70` (`<kind>-docx-1.png`, `<kind>-pdf-1.png`, …), to compare with the matching
Mẫu of Phụ lục III rendered the same way. Without LibreOffice/poppler the PNG step is skipped.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.export.docx import render_docx
from desktop.export.pdf import render_pdf
from desktop.layout.build import build
from tests.export.kinds_fixtures import KIND_DOCUMENTS, TODAY, profile

MOMENT = dt.datetime(2025, 9, 15, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def _render_png(out: Path, kind: str) -> None:
    office = shutil.which("libreoffice") or shutil.which("soffice")
    pdftoppm = shutil.which("pdftoppm")
    if office is None or pdftoppm is None:
        print("  (libreoffice/pdftoppm not found: PNG step skipped)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [office, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(out / f"{kind}.docx")],
            check=True, capture_output=True,
        )  # fmt: skip
        converted = Path(tmp) / f"{kind}.pdf"
        subprocess.run(
            [pdftoppm, "-png", "-r", "70", str(converted), str(out / f"{kind}-docx")], check=True
        )
    subprocess.run(
        [pdftoppm, "-png", "-r", "70", str(out / f"{kind}.pdf"), str(out / f"{kind}-pdf")],
        check=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--png", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("BAOCAO_PDF_FONT", "liberation")
    out = args.out or Path(tempfile.mkdtemp(prefix="baocao-kinds-"))
    out.mkdir(parents=True, exist_ok=True)
    office = profile()
    print(f"{'kind':<14} {'DOCX ms':>8} {'PDF ms':>8}")
    for kind, make in KIND_DOCUMENTS.items():
        document = make()
        docx_times, pdf_times = [], []
        for _ in range(args.runs):
            start = time.perf_counter()
            render_docx(
                build(document, office, TODAY), out / f"{kind.value}.docx", timestamp=MOMENT
            )
            docx_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            render_pdf(
                build(document, office, TODAY), out / f"{kind.value}.pdf",
                producer="baocao kinds_bench", created=MOMENT,
            )  # fmt: skip
            pdf_times.append(time.perf_counter() - start)
        print(
            f"{kind.value:<14} {statistics.median(docx_times) * 1000:8.0f} "
            f"{statistics.median(pdf_times) * 1000:8.0f}"
        )
        if args.png:
            _render_png(out, kind.value)
    print(f"files in {out}")


if __name__ == "__main__":
    main()
