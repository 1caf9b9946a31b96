"""Window benchmarks (issue 7): start-up, GUI-thread stalls during long jobs, section switching.

    PYTHONPATH=. python benchmarks/ui_bench.py [--runs 5] [--package-mb 500]

1. Start-up: from process start to an interactive window with a 30-page document open (the
   real `ui.app.run_gui`, offscreen, which prints READY once the window is up with the document).
2. Stalls: a QTimer ticking every 10 ms records the gaps of the GUI event loop while a 30-page
   PDF export, then a package of `--package-mb` MB of evidence, run as jobs.
3. Section switching: `BodyEditor.select_section` over every section of the 30-page document.
Prints medians (and maxima for stalls). Data goes to a temporary folder that is removed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from desktop.model.document import (  # noqa: E402
    Document,
    FootnoteRef,
    Heading,
    HeadingLevel,
    ListItem,
    ListMarker,
    Paragraph,
    Run,
    Table,
    TableCell,
    runs,
)
from desktop.model.kinds import DocumentKind  # noqa: E402
from desktop.model.profile import OfficeProfile  # noqa: E402

PROFILE = OfficeProfile(
    parent_agency="UBND TỈNH HÀ TĨNH",
    issuing_agency="ỦY BAN NHÂN DÂN HUYỆN NGHI XUÂN",
    agency_abbr="UBND",
    unit_abbr="VP",
    place="Nghi Xuân",
)

SENTENCE = (
    "Ủy ban nhân dân huyện đã chỉ đạo các cơ quan, đơn vị và Ủy ban nhân dân các xã, thị trấn "
    "triển khai đồng bộ các nhiệm vụ chuyển đổi số, bảo đảm đúng tiến độ và hiệu quả thiết thực. "
)


def long_document() -> Document:
    """About 30 printed pages: 6 parts × 5 sections × 4 paragraphs, items, and tables."""
    body: list = [Paragraph(runs("Thực hiện Kế hoạch số 05/KH-UBND, UBND huyện báo cáo như sau:"))]
    for i in range(6):
        body.append(Heading(HeadingLevel.ROMAN, runs(f"Nhóm nhiệm vụ thứ {i + 1}")))
        for j in range(5):
            body.append(Heading(HeadingLevel.ARABIC, runs(f"Nội dung {j + 1} của nhóm {i + 1}")))
            for k in range(4):
                content = (Run(SENTENCE * 3), Run("Kết quả nổi bật", bold=True), Run(". "))
                if k == 0:
                    content += (FootnoteRef((Run(f"Văn bản số {i * 10 + j}/UBND"),)),)
                body.append(Paragraph(content))
            body.append(ListItem(ListMarker.DASH, runs("Hoàn thành kế hoạch đề ra đúng hạn;")))
            body.append(ListItem(ListMarker.PLUS, runs("Tỷ lệ hồ sơ trực tuyến đạt 85%;")))
            if j == 2:
                body.append(
                    Table(
                        rows=(
                            (TableCell(runs("Chỉ tiêu")), TableCell(runs("Kế hoạch")),
                             TableCell(runs("Thực hiện"))),
                            *(
                                (TableCell(runs(f"Chỉ tiêu {n}")), TableCell(runs("100")),
                                 TableCell(runs(str(90 + n))))
                                for n in range(6)
                            ),
                        )
                    )
                )  # fmt: skip
    return Document(
        kind=DocumentKind.BAO_CAO,
        title="Kết quả thực hiện chuyển đổi số năm 2025",
        parent_agency=PROFILE.parent_agency,
        issuing_agency=PROFILE.issuing_agency,
        agency_abbr="UBND",
        unit_abbr="VP",
        place="Nghi Xuân",
        recipients=("Sở Khoa học và Công nghệ tỉnh Hà Tĩnh",),
        body=tuple(body),
        closing="Trên đây là báo cáo kết quả chuyển đổi số năm 2025",
    )


def make_store(folder: Path) -> int:
    from desktop.services import documents, profile
    from desktop.services.store import StoreSettings, open_store

    with open_store(folder, settings=StoreSettings(backup_on_open=False)) as store:
        profile.set_profile(store, PROFILE)
        return documents.add(store, long_document())


def bench_startup(folder: Path, document_id: int, runs_count: int) -> list[float]:
    times = []
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen",
           "BAOCAO_EXIT_WHEN_READY": "1"}  # fmt: skip
    code = "import sys; from ui.app import run_gui; sys.exit(run_gui(sys.argv[1:]))"
    for _ in range(runs_count):
        start = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-c", code, "--data-dir", str(folder), "--mo", str(document_id)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=REPO,
        )  # fmt: skip
        assert child.stdout is not None
        line = child.stdout.readline()
        elapsed = time.perf_counter() - start
        code_ = child.wait(30)
        if line.strip() != "READY" or code_ != 0:
            raise SystemExit(
                f"the window did not start: {child.stderr.read() if child.stderr else ''}"
            )
        times.append(elapsed)
    return times


class GapMeter:
    """Ticks every 10 ms on the GUI thread and records how late each tick came."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.gaps: list[float] = []
        self.last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self.tick)

    def tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self.last)
        self.last = now

    def start(self) -> None:
        self.gaps.clear()
        self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> list[float]:
        self.timer.stop()
        return list(self.gaps)


def wait_for_jobs(app, window) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    while window.runner.active(include_quiet=True):
        app.processEvents()
        time.sleep(0.001)
    return time.perf_counter() - start


def make_evidence(folder: Path, total_mb: int) -> list[Path]:
    """Incompressible files (scans and photos do not compress), 100 MB each at most."""
    files = []
    remaining = total_mb
    n = 0
    chunk = os.urandom(1 << 20)
    while remaining > 0:
        size = min(100, remaining)
        path = folder / f"minh-chung-{n + 1}.bin"
        with path.open("wb") as f:
            for i in range(size):
                f.write(chunk[i % 7 :] + chunk[: i % 7])
        files.append(path)
        remaining -= size
        n += 1
    return files


def bench_in_process(
    folder: Path, document_id: int, package_mb: int, work: Path
) -> dict[str, object]:
    from desktop.services.store import StoreSettings, open_store
    from ui.app import create_application
    from ui.main_window import MainWindow

    app = create_application()
    store = open_store(folder, settings=StoreSettings(backup_on_open=False))
    window = MainWindow(store, producer="baocao (đo)")
    window.resize(1366, 768)
    window.show()
    window.open_document(document_id)
    app.processEvents()
    wait_for_jobs(app, window)
    results: dict[str, object] = {}

    # Section switching.
    body = window.editor_page.body
    sections = [None, *body.model.outline.nodes]
    switch_times = []
    for _round in range(3):
        for section in sections:
            start = time.perf_counter()
            body.select_section(section)
            app.processEvents()
            switch_times.append(time.perf_counter() - start)
    results["section_switch_ms"] = (statistics.median(switch_times) * 1000, max(switch_times) * 1000,
                                    len(sections))  # fmt: skip

    meter = GapMeter()
    # PDF export of the 30-page document.
    pdf = work / "bao-cao.pdf"
    meter.start()
    window.output.export_pdf(pdf)
    took = wait_for_jobs(app, window)
    gaps = meter.stop()
    from PySide6.QtPdf import QPdfDocument

    check = QPdfDocument()
    check.load(str(pdf))
    results["pdf_export"] = (
        took,
        max(gaps) * 1000,
        statistics.median(gaps) * 1000,
        check.pageCount(),
    )
    check.close()

    # Attach the evidence (a job), then package it.
    evidence_dir = work / "minh-chung"
    evidence_dir.mkdir()
    files = make_evidence(evidence_dir, package_mb)
    meter.start()
    window.evidence.attach(files)
    took = wait_for_jobs(app, window)
    gaps = meter.stop()
    results["attach"] = (took, max(gaps) * 1000, statistics.median(gaps) * 1000)
    out = work / "goi"
    out.mkdir()
    meter.start()
    window.output.package_to(out, split_mb=None)
    took = wait_for_jobs(app, window)
    gaps = meter.stop()
    size = sum(p.stat().st_size for p in out.glob("*.zip")) / 1e6
    results["package"] = (took, max(gaps) * 1000, statistics.median(gaps) * 1000, size,
                          window.notice.label.text())  # fmt: skip
    window.close()
    store.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--package-mb", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="baocao-bench-") as tmp:
        work = Path(tmp)
        folder = work / "du-lieu"
        document_id = make_store(folder)
        startup = bench_startup(folder, document_id, args.runs)
        print(f"start-up to interactive window with a 30-page document: median "
              f"{statistics.median(startup):.3f} s (runs: {', '.join(f'{t:.3f}' for t in startup)})")  # fmt: skip
        r = bench_in_process(folder, document_id, args.package_mb, work)
        median, worst, count = r["section_switch_ms"]  # type: ignore[misc]
        print(f"section switch ({count} sections × 3): median {median:.1f} ms, max {worst:.1f} ms")
        took, worst, median, pages = r["pdf_export"]  # type: ignore[misc]
        print(
            f"PDF export job ({pages} pages): {took:.2f} s; GUI gaps max {worst:.1f} ms, median {median:.1f} ms"
        )
        took, worst, median = r["attach"]  # type: ignore[misc]
        print(
            f"attach {args.package_mb} MB evidence job: {took:.2f} s; GUI gaps max {worst:.1f} ms, median {median:.1f} ms"
        )
        took, worst, median, size, notice = r["package"]  # type: ignore[misc]
        print(
            f"package job ({size:.0f} MB written): {took:.2f} s; GUI gaps max {worst:.1f} ms, median {median:.1f} ms"
        )
        print(f"  notice: {notice}")
    sys.stdout.flush()
    # PySide6 6.12 can crash while the interpreter tears down Qt objects at exit; the results
    # are printed, so leave without the teardown.
    os._exit(0)


if __name__ == "__main__":
    main()
