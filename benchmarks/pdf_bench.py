"""PDF export speed: the app's reportlab export of a 30-page report versus LibreOffice converting
the app's own DOCX of the same report (what a user would otherwise do), side by side.

    PYTHONPATH=. python benchmarks/pdf_bench.py [--runs 7] [--no-libreoffice]

Prints medians. The LibreOffice column is skipped when `soffice`/`libreoffice` is not installed
(or the DOCX exporter is missing). Target: app ≤ 0.6 s median and ≥ 5× faster than LibreOffice.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.export.pdf import render_pdf  # noqa: E402
from desktop.layout.build import build  # noqa: E402
from tests.export.pdf import documents as docs  # noqa: E402


def _median(times: list[float]) -> float:
    return statistics.median(times)


def bench_app(content, runs: int, folder: Path) -> tuple[list[float], int]:  # type: ignore[no-untyped-def]
    times = []
    pages = 0
    for i in range(runs):
        target = folder / f"app-{i}.pdf"
        start = time.perf_counter()
        result = render_pdf(content, target, producer="baocao bench", created=docs.CREATED)
        times.append(time.perf_counter() - start)
        pages = result.pages
    return times, pages


def bench_build(document, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        build(document, docs.profile(), docs.TODAY)
        times.append(time.perf_counter() - start)
    return times


def bench_libreoffice(content, runs: int, folder: Path) -> tuple[list[float], int] | None:  # type: ignore[no-untyped-def]
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice not installed: skipping its column")
        return None
    try:
        from desktop.export.docx import render_docx
    except ImportError:
        print("DOCX exporter not present: skipping the LibreOffice column")
        return None
    docx = folder / "report.docx"
    render_docx(content, docx, timestamp=dt.datetime(2024, 6, 20, 9, 15))
    profile = folder / "lo-profile"
    env = dict(os.environ, HOME=str(folder))
    command = [
        soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
        "--convert-to", "pdf", "--outdir", str(folder / "lo"), str(docx),
    ]  # fmt: skip
    # First start creates the LibreOffice profile; not counted (a user's is already there).
    subprocess.run(command, check=True, capture_output=True, env=env, timeout=300)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env, timeout=300)
        times.append(time.perf_counter() - start)
    import pikepdf

    with pikepdf.open(folder / "lo" / "report.pdf") as pdf:
        pages = len(pdf.pages)
    return times, pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-libreoffice", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("BAOCAO_PDF_FONT", "liberation")

    document = docs.thirty_page_report()
    content = build(document, docs.profile(), docs.TODAY)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # Warm-up: fonts are parsed and registered once per process, as in the app.
        first_start = time.perf_counter()
        render_pdf(content, io.BytesIO(), producer="baocao bench", created=docs.CREATED)
        first = time.perf_counter() - first_start
        app, pages = bench_app(content, args.runs, folder)
        build_times = bench_build(document, args.runs)
        lo = (
            None
            if args.no_libreoffice
            else bench_libreoffice(content, max(3, args.runs // 2), folder)
        )

    print(f"Report: {pages} pages, {len(content.footnotes)} footnotes (app PDF)")
    print(f"{'':34} {'median':>8} {'min':>8} {'max':>8}")
    print(
        f"{'build() (model → content)':34} {_median(build_times):8.3f} {min(build_times):8.3f} {max(build_times):8.3f}"
    )
    print(f"{'app PDF export (render_pdf)':34} {_median(app):8.3f} {min(app):8.3f} {max(app):8.3f}")
    print(f"{'  first export in a process':34} {first:8.3f}")
    if lo is not None:
        lo_times, lo_pages = lo
        print(
            f"{'LibreOffice DOCX → PDF':34} {_median(lo_times):8.3f} {min(lo_times):8.3f} {max(lo_times):8.3f}   ({lo_pages} pages)"
        )
        print(f"speed-up: {_median(lo_times) / _median(app):.1f}× (target ≥ 5×)")
    verdict = "OK" if _median(app) <= 0.6 else "SLOWER THAN TARGET"
    print(f"target ≤ 0.600 s median: {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
