"""Benchmark of the store with thousands of realistic documents.

Builds N documents (default 5,000) of about 30 KB of Vietnamese text each in a temporary store,
then measures the median of: opening the store, listing every document, searching, and saving one
edit (the window's automatic save). Prints a table; nothing here is asserted.

    PYTHONPATH=. python benchmarks/store_bench.py [--documents 5000] [--runs 21] [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.model.document import (
    AuthorityLine,
    Document,
    DocumentStatus,
    Heading,
    HeadingLevel,
    ListItem,
    ListMarker,
    Paragraph,
    PeriodKind,
    ReportingPeriod,
    SignerBlock,
    SignerPrefix,
    Table,
    TableCell,
    runs,
)
from desktop.model.kinds import DocumentKind
from desktop.services import documents
from desktop.services.search import search
from desktop.services.store import StoreSettings, open_store

SUBJECTS = [
    "Ủy ban nhân dân huyện",
    "Phòng Nội vụ",
    "Sở Thông tin và Truyền thông",
    "các xã, thị trấn",
    "Trung tâm Phục vụ hành chính công",
    "Phòng Tài chính - Kế hoạch",
    "Ban Chỉ đạo chuyển đổi số",
    "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân",
    "Phòng Giáo dục và Đào tạo",
    "Phòng Tài nguyên và Môi trường",
    "Công an huyện",
    "Trạm Y tế các xã",
]
VERBS = [
    "đã triển khai",
    "tiếp tục thực hiện",
    "tập trung chỉ đạo",
    "đã hoàn thành",
    "chủ động phối hợp",
    "tổ chức kiểm tra",
    "đẩy mạnh",
    "rà soát, đánh giá",
    "hướng dẫn thực hiện",
    "bảo đảm tiến độ",
]
OBJECTS = [
    "kế hoạch chuyển đổi số năm {y}",
    "việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
    "dịch vụ công trực tuyến toàn trình",
    "công tác cải cách hành chính",
    "chương trình mục tiêu quốc gia xây dựng nông thôn mới",
    "việc ứng dụng chữ ký số trong gửi, nhận văn bản điện tử",
    "công tác phòng, chống thiên tai và tìm kiếm cứu nạn",
    "kế hoạch phát triển kinh tế - xã hội",
    "việc cấp tài khoản định danh điện tử mức độ 2",
    "hạ tầng mạng truyền số liệu chuyên dùng",
    "công tác bồi dưỡng kỹ năng số cho cán bộ, công chức",
    "đề án 06 về dữ liệu dân cư",
]
TAILS = [
    "theo đúng chỉ đạo của Ủy ban nhân dân tỉnh",
    "đạt {p}% so với kế hoạch năm",
    "góp phần nâng cao chất lượng phục vụ người dân và doanh nghiệp",
    "trong {m} tháng đầu năm {y}",
    "tại các xã vùng sâu, vùng xa",
    "theo Kế hoạch số {n}/KH-UBND ngày {d} tháng {mo} năm {y}",
    "với tổng kinh phí {k} triệu đồng",
    "bảo đảm an toàn, an ninh thông tin",
    "trên địa bàn huyện Đắk Glei",
    "trên địa bàn thị xã Nghi Xuân",
    "ở huyện Bình Sơn",
]
PLACES = ["Đắk Glei", "Nghi Xuân", "Bình Sơn", "Đồng Xoài", "Tân Hòa", "Quảng Điền", "Krông Pắc"]


class Topic:
    """What one document is about: a few of the subjects, objects and places, not all of them."""

    def __init__(self, rng: random.Random) -> None:
        self.subjects = rng.sample(SUBJECTS, 4)
        self.objects = rng.sample(OBJECTS, 3)
        self.tails = [*rng.sample(TAILS[:8], 5), rng.choice(TAILS[8:])]


def sentence(rng: random.Random, year: int, topic: Topic) -> str:
    tail = rng.choice(topic.tails).format(
        y=year,
        p=rng.randint(60, 120),
        m=rng.choice([3, 6, 9]),
        n=rng.randint(1, 300),
        d=rng.randint(1, 28),
        mo=rng.randint(1, 12),
        k=rng.randint(50, 9000),
    )
    return (
        f"{rng.choice(topic.subjects)} {rng.choice(VERBS)} "
        f"{rng.choice(topic.objects).format(y=year)}, {tail}."
    )


def paragraph(rng: random.Random, year: int, topic: Topic) -> str:
    return " ".join(sentence(rng, year, topic) for _ in range(rng.randint(3, 6)))


def make_document(rng: random.Random, index: int, target_chars: int = 30_000) -> Document:
    year = 2019 + index % 8
    kind = rng.choice(
        [DocumentKind.BAO_CAO] * 4
        + [DocumentKind.KE_HOACH, DocumentKind.CONG_VAN, DocumentKind.TO_TRINH]
    )
    place = rng.choice(PLACES)
    topic = Topic(rng)
    body: list[object] = []
    size = 0
    section = 0
    while size < target_chars:
        section += 1
        body.append(Heading(HeadingLevel.ROMAN, runs(f"Nội dung phần thứ {section}")))
        for _ in range(rng.randint(2, 4)):
            heading = rng.choice(topic.objects).format(y=year)
            body.append(Heading(HeadingLevel.ARABIC, runs(heading)))
            for _ in range(rng.randint(2, 4)):
                text = paragraph(rng, year, topic)
                size += len(text)
                body.append(Paragraph(runs(text)))
            body.append(ListItem(ListMarker.DASH, runs(sentence(rng, year, topic))))
        if section % 3 == 0:
            rows = tuple(
                tuple(TableCell(runs(str(rng.randint(1, 999)))) for _ in range(4)) for _ in range(6)
            )
            body.append(Table(rows=rows))
    number = index + 1 if index % 3 else None
    return Document(
        kind=kind,
        title=f"Kết quả thực hiện {topic.objects[0].format(y=year)} tại {place}",
        parent_agency=f"UBND TỈNH {rng.choice(['KON TUM', 'HÀ TĨNH', 'QUẢNG NGÃI'])}",
        issuing_agency=f"ỦY BAN NHÂN DÂN HUYỆN {place.upper()}",
        agency_abbr="UBND" if index % 5 else "SNV",
        unit_abbr="VP",
        number=number,
        place=place,
        date=dt.date(year, 1 + index % 12, 1 + index % 28) if number else None,
        recipients=("Ủy ban nhân dân tỉnh", "Sở Nội vụ"),
        legal_bases=(
            (f"Căn cứ Báo cáo số 123/BC-SNV ngày 05 tháng 3 năm {year} của Sở Nội vụ",)
            if index % 50 == 0
            else ()
        ),
        body=tuple(body),  # type: ignore[arg-type]
        closing="Trên đây là báo cáo kết quả thực hiện, kính báo cáo Ủy ban nhân dân tỉnh",
        signer=SignerBlock(
            (AuthorityLine("ỦY BAN NHÂN DÂN", SignerPrefix.TM), AuthorityLine("CHỦ TỊCH")),
            "Nguyễn Văn An",
        ),
        distribution=("Như trên", "Sở Nội vụ", "Lưu trữ"),
        archive_note="VP",
        reporting_period=ReportingPeriod(PeriodKind.QUARTERLY, year, 1 + index % 4),
        status=DocumentStatus.FINALIZED if index % 4 == 0 else DocumentStatus.DRAFT,
    )


def median_ms(fn: Callable[[], object], runs_: int) -> tuple[float, float]:
    times = []
    for _ in range(runs_):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--keep", type=Path, help="build/reuse the store in this folder")
    args = parser.parse_args()

    folder = args.keep or Path(tempfile.mkdtemp(prefix="baocao-bench-"))
    no_backup = StoreSettings(backup_on_open=False)
    rng = random.Random(20240305)
    store = open_store(folder, settings=no_backup)
    existing = len(documents.list_documents(store))
    if existing < args.documents:
        start = time.perf_counter()
        text_chars = 0
        with store.write():
            for i in range(existing, args.documents):
                doc = make_document(rng, i)
                text_chars += sum(len(b.text) for b in doc.body if isinstance(b, Paragraph))
                documents.add(store, doc)
        built = time.perf_counter() - start
        print(
            f"built {args.documents - existing} documents in {built:.1f} s "
            f"(~{text_chars / max(1, args.documents - existing) / 1000:.0f} k characters "
            "of paragraph text each)"
        )
    store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    db_file = folder / "baocao.db"
    print(f"database: {db_file.stat().st_size / 1_048_576:.0f} MB, {args.documents} documents")

    results: list[tuple[str, float, float, str]] = []

    def open_close() -> None:
        open_store(folder, settings=no_backup).close()

    results.append(("open the store", *median_ms(open_close, args.runs), "≤ 100"))

    store = open_store(folder, settings=no_backup)
    listed = documents.list_documents(store)
    assert len(listed) == args.documents
    results.append(
        (
            "list all documents",
            *median_ms(lambda: documents.list_documents(store), args.runs),
            "≤ 50",
        )
    )
    for query in ("dak glei", "bao cao", "123/BC-SNV", "chữ ký số văn bản điện tử", "krông pắc"):
        found = len(search(store, query))
        results.append(
            (
                f"search “{query}” ({found} hits)",
                *median_ms(lambda q=query: search(store, q), args.runs),
                "≤ 30",
            )  # type: ignore[misc]
        )

    target = listed[len(listed) // 2].id
    stored = documents.get(store, target)
    state = {"doc": stored.document, "revision": stored.revision, "n": 0}

    def edit() -> None:
        doc = state["doc"]
        assert isinstance(doc, Document)
        state["n"] = int(state["n"]) + 1  # type: ignore[call-overload]
        body = list(doc.body)
        first = next(i for i, b in enumerate(body) if isinstance(b, Paragraph))
        body[first] = Paragraph(
            runs(f"Sửa lần {state['n']}: " + body[first].text), id=body[first].id
        )  # type: ignore[union-attr]
        new = doc.with_changes(body=tuple(body))
        state["revision"] = documents.save(
            store,
            target,
            new,
            expected_revision=state["revision"],  # type: ignore[arg-type]
        )
        state["doc"] = new

    results.append(("one saved edit (30 KB document)", *median_ms(edit, args.runs), "≤ 10"))

    def get() -> None:
        documents.get(store, target)

    results.append(("open one document (get)", *median_ms(get, args.runs), ""))
    store.close()

    from desktop.services.backups import backup_now

    store = open_store(folder, settings=no_backup)
    backup_ms, _ = median_ms(lambda: backup_now(store), 3)
    store.close()
    results.append(("backup (copy + quick_check)", backup_ms, backup_ms, "on open, ≤ 1/hour"))

    width = max(len(r[0]) for r in results)
    print(f"\n{'operation':<{width}}  median ms   max ms   target ms")
    for name, med, worst, target_ms in results:
        print(f"{name:<{width}}  {med:9.2f}  {worst:7.2f}   {target_ms}")
    if args.keep is None:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
