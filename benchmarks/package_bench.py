"""Packaging and verifying ~1 GB of evidence, against a plain copy-and-hash of the same files.

    python benchmarks/package_bench.py [--size-mb 1000] [--runs 3] [--dir /tmp]

Generates mixed evidence in a temporary folder (a few 150–200 MB incompressible "scans" and many
2–5 MB JPEG-like photos), stores it in an evidence store, then measures, each in a fresh child
process (so peak memory is the phase's own):

- copy+hash: read each stored file in 4 MiB chunks, SHA-256 it, write it to the output folder,
  fsync it — what any careful "copy to USB" does;
- package: `build_package` to the same folder — stream into a zip while hashing, fsync, drop the
  page cache, read back and compare the hash, rename;
- verify: `verify_package` on the written zip (warm cache: the file was just read back).

Prints the median of `--runs` runs for each, throughput in MB/s, the package/copy ratio and the
peak resident memory of each phase. Everything is deleted at the end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHUNK = 4 << 20


def generate(folder: Path, total_mb: int) -> list[Path]:
    """~30 % in three to four big scans, the rest in 2–5 MB photos; random bytes throughout."""
    import random

    rng = random.Random(20260305)
    folder.mkdir(parents=True)
    files: list[Path] = []
    budget = total_mb * 1_000_000
    scans = budget * 0.3
    while scans > 0:
        size = min(int(scans), rng.randint(150, 200) * 1_000_000)
        files.append(
            _random_file(folder / f"ban-quet-{len(files) + 1:02d}.pdf", size, b"%PDF-1.5\n")
        )
        scans -= size
        budget -= size
    while budget > 0:
        size = min(budget, rng.randint(2_000_000, 5_000_000))
        files.append(
            _random_file(folder / f"anh-{len(files) + 1:03d}.jpg", size, b"\xff\xd8\xff\xe0")
        )
        budget -= size
    return files


def _random_file(path: Path, size: int, header: bytes) -> Path:
    with path.open("wb") as f:
        f.write(header)
        left = size - len(header)
        while left > 0:
            n = min(left, CHUNK)
            f.write(os.urandom(n))
            left -= n
    return path


def setup(work: Path, size_mb: int) -> dict:
    from desktop.evidence import filetype
    from desktop.evidence.store import EvidenceStore

    files = generate(work / "source", size_mb)
    store = EvidenceStore(work / "evidence", max_file_size=1 << 40)
    items = []
    started = time.perf_counter()
    for number, path in enumerate(files, start=1):
        blob = store.put_file(path)
        items.append({
            "number": number, "caption": path.stem, "name": path.name, "size": blob.size,
            "sha256": blob.sha256, "mime": filetype.detect(blob.path).mime,
        })  # fmt: skip
    attach_seconds = time.perf_counter() - started
    shutil.rmtree(work / "source")
    state = {"items": items, "attach_seconds": attach_seconds}
    (work / "state.json").write_text(json.dumps(state))
    return state


def _items(work: Path):
    from desktop.evidence.items import EvidenceItem

    state = json.loads((work / "state.json").read_text())
    return [
        EvidenceItem(
            i["number"], i["caption"], None, i["name"], i["size"], i["sha256"], i["mime"], ""
        )
        for i in state["items"]
    ]


def phase_copy(work: Path, out: Path) -> float:
    from desktop.evidence.store import EvidenceStore

    store = EvidenceStore(work / "evidence")
    out.mkdir()
    started = time.perf_counter()
    for item in _items(work):
        digest = hashlib.sha256()
        with (
            store.blob_path(item.sha256).open("rb") as src,
            (out / item.original_name).open("wb") as dst,
        ):
            while chunk := src.read(CHUNK):
                digest.update(chunk)
                dst.write(chunk)
            dst.flush()
            os.fsync(dst.fileno())
        assert digest.hexdigest() == item.sha256
    return time.perf_counter() - started


def phase_package(work: Path, out: Path) -> float:
    from desktop.evidence.store import EvidenceStore
    from desktop.model.document import Document
    from desktop.model.kinds import DocumentKind
    from desktop.packaging.builder import PackageRequest, build_package

    store = EvidenceStore(work / "evidence")
    document = Document(kind=DocumentKind.BAO_CAO, title="Benchmark", issuing_agency="UBND XÃ A",
                        agency_abbr="UBND", number=1, date=dt.date(2026, 3, 5))  # fmt: skip

    def render(doc):
        return {"docx": b"PK\x05\x06" + bytes(18), "pdf": b"%PDF-1.7\n" + b"x" * 100_000}

    request = PackageRequest(
        document, 1, 1, _items(work), store.blob_path, render, out,
        dt.datetime(2026, 3, 5, 1, 0, tzinfo=dt.UTC), "baocao-bench",
    )  # fmt: skip
    started = time.perf_counter()
    result = build_package(request)
    elapsed = time.perf_counter() - started
    (work / "last_zip.txt").write_text(str(result.zips[0].path))
    return elapsed


def phase_verify(work: Path, out: Path) -> float:
    from desktop.packaging.verify import verify_package

    path = Path((work / "last_zip.txt").read_text())
    started = time.perf_counter()
    report = verify_package(path)
    elapsed = time.perf_counter() - started
    assert report.ok, report.problems
    return elapsed


PHASES = {"copy": phase_copy, "package": phase_package, "verify": phase_verify}


def child(phase: str, work: Path, out: Path) -> None:
    seconds = PHASES[phase](work, out)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(json.dumps({"seconds": seconds, "peak_mb": peak_kb / 1024}))


def run_phase(phase: str, work: Path, out: Path) -> dict:
    result = subprocess.run(
        [sys.executable, __file__, "--child", phase, "--work", str(work), "--out", str(out)],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )  # fmt: skip
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir", default=tempfile.gettempdir())
    parser.add_argument("--child")
    parser.add_argument("--work")
    parser.add_argument("--out")
    args = parser.parse_args()
    if args.child:
        child(args.child, Path(args.work), Path(args.out))
        return

    work = Path(tempfile.mkdtemp(prefix="baocao-bench-", dir=args.dir))
    try:
        print(f"Generating {args.size_mb} MB of evidence in {work} …", flush=True)
        state = setup(work, args.size_mb)
        total = sum(i["size"] for i in state["items"])
        print(
            f"{len(state['items'])} files, {total / 1e6:.0f} MB; attach (copy into the store "
            f"while hashing): {total / 1e6 / state['attach_seconds']:.0f} MB/s",
            flush=True,
        )
        results: dict[str, list[dict]] = {p: [] for p in PHASES}
        for run in range(args.runs):
            for phase in ("copy", "package", "verify"):
                out = work / f"out-{phase}-{run}"
                results[phase].append(
                    run_phase(phase, work, out if phase != "verify" else work / "unused")
                )
                if phase == "copy":
                    shutil.rmtree(out)
            shutil.rmtree(work / f"out-package-{run}")
        print()
        print(f"{'phase':<10}{'median s':>10}{'MB/s':>10}{'peak RSS MB':>14}   runs (s)")
        medians = {}
        for phase, runs in results.items():
            seconds = statistics.median(r["seconds"] for r in runs)
            medians[phase] = seconds
            peak = max(r["peak_mb"] for r in runs)
            listed = ", ".join(f"{r['seconds']:.2f}" for r in runs)
            print(
                f"{phase:<10}{seconds:>10.2f}{total / 1e6 / seconds:>10.0f}{peak:>14.0f}   {listed}"
            )
        print()
        print(
            f"package throughput / copy+hash throughput: {medians['copy'] / medians['package']:.0%}"
        )
        print(f"verify: {total / 1e9 / medians['verify']:.2f} GB/s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
