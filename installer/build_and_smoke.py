"""Build the one-folder bundle and prove it works frozen: the CI smoke test of issue 8.

    python installer/build_and_smoke.py [--keep DIR] [--skip-build DIST] [--no-faults]
                                        [--startup-runs N] [--report FILE.json]

1. `pyinstaller installer/baocao.spec` into a temporary folder (timed);
2. the bundle's size on disk and file count;
3. `baocao --self-check` from the bundle, offscreen (timed);
4. the faults of the issue, each on a copy of the bundle:
   - a path with Vietnamese letters and spaces (`…/Thư mục thử/baocao`),
   - a read-only program folder (as an unprivileged user when run as root, since root ignores
     permissions), including portable mode on read-only media, which must refuse clearly,
   - no system fonts at all (fontconfig pointed at an empty configuration),
   - portable mode: the data folder appears next to the executable,
   - a second start of the window while one runs hands over to it and exits;
5. the time from launching `baocao-gui` to an interactive main window (offscreen; the window
   prints READY when shown with its document and idle, see ui/app.py), median of N runs.

Prints one line per check and a summary with the figures; exits non-zero if anything failed.
Runs on Linux (CI) and, except the read-only-as-another-user part, on Windows too.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from make_portable import extract, make_portable_zip  # noqa: E402
from make_version_info import read_version  # noqa: E402

from desktop.appinfo import PORTABLE_DATA_DIRNAME  # noqa: E402

SPEC = HERE / "baocao.spec"
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""
# ui.app prints READY once the main window is shown with its document and idle, then quits.
READY_ENV = "BAOCAO_EXIT_WHEN_READY"
READY_MARK = "READY"
STARTUP_TIMEOUT_S = 120
EMPTY_FONTCONFIG = (
    '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig></fontconfig>\n'
)
RUN_TIMEOUT_S = 300


@dataclass
class Report:
    checks: list[dict[str, object]] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)
    figures: dict[str, object] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return all(c["ok"] for c in self.checks)

    def check(self, name: str, ok: bool, detail: str) -> bool:
        self.checks.append({"name": name, "ok": ok, "detail": detail})
        print(f"{'ĐẠT ' if ok else 'LỖI '} {name}: {detail}", flush=True)
        return ok

    def skip(self, name: str, why: str) -> None:
        """A check this platform cannot make; said out loud, never counted as passed."""
        self.skipped.append({"name": name, "why": why})
        print(f"BỎ QUA {name}: {why}", flush=True)


def exe(bundle: Path, name: str) -> Path:
    return bundle / f"{name}{EXE_SUFFIX}"


def folder_size(path: Path) -> tuple[int, int]:
    """(bytes, files) of a folder, symlinks not followed."""
    total = files = 0
    for p in path.rglob("*"):
        if p.is_file() and not p.is_symlink():
            total += p.stat().st_size
            files += 1
    return total, files


def base_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BAOCAO_", "PYTHON"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(extra)
    return env


def run(
    cmd: list[str],
    env: dict[str, str],
    *,
    cwd: Path | None = None,
    user: str | None = None,
    timeout: float = RUN_TIMEOUT_S,
) -> subprocess.CompletedProcess[str]:
    if user is not None:
        cmd = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", "--", *cmd]
    return subprocess.run(
        cmd, env=env, cwd=cwd, capture_output=True, text=True, encoding="utf-8",
        errors="replace", timeout=timeout, check=False,
    )  # fmt: skip


def build(dist: Path, work: Path, report: Report) -> Path | None:
    cmd = [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm", "--log-level", "WARN",
           "--distpath", str(dist), "--workpath", str(work)]  # fmt: skip
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    report.figures["build_seconds"] = round(seconds, 1)
    bundle = dist / "baocao"
    if not report.check(
        "dựng bản đóng gói (PyInstaller)", done.returncode == 0, f"{seconds:.1f} s"
    ):
        print(done.stdout[-4000:], done.stderr[-8000:], sep="\n")
        return None
    return bundle


def self_check(
    bundle: Path, report: Report, name: str, env: dict[str, str], *, user: str | None = None
) -> bool:
    start = time.perf_counter()
    done = run([str(exe(bundle, "baocao")), "--self-check"], env, cwd=bundle.parent, user=user)
    seconds = time.perf_counter() - start
    verdict = next((line for line in done.stdout.splitlines() if line.startswith("Kết quả")), "")
    ok = done.returncode == 0
    if not ok:
        print(done.stdout, done.stderr, sep="\n")
    report.check(
        name,
        ok,
        f"mã thoát {done.returncode}, {seconds:.1f} s; {verdict or done.stderr.strip()[-300:]}",
    )
    return ok


def copy_bundle(bundle: Path, parent: Path) -> Path:
    target = parent / "baocao"
    shutil.copytree(bundle, target, symlinks=True)
    return target


def make_traversable(path: Path, stop: Path) -> None:
    """Let another user reach `path`: mkdtemp folders are private (0700)."""
    for p in [path, *path.parents]:
        p.chmod(p.stat().st_mode | 0o055)
        if p == stop:
            break


def read_only(tree: Path) -> None:
    for p in [tree, *tree.rglob("*")]:
        if not p.is_symlink():
            p.chmod(p.stat().st_mode & ~0o222)


def writable_again(tree: Path) -> None:
    for p in [tree, *tree.rglob("*")]:
        if not p.is_symlink():
            p.chmod(p.stat().st_mode | 0o200)


def faults(bundle: Path, scratch: Path, report: Report) -> None:
    # 1. Vietnamese letters and spaces in the program's path.
    odd = copy_bundle(bundle, scratch / "Thư mục thử" / "Bản sao có dấu")
    self_check(odd, report, "chạy từ đường dẫn có dấu và dấu cách", base_env())

    # 2. No fonts on the system: only the bundled ones can make the PDF.
    fonts_conf = scratch / "fonts-empty.conf"
    fonts_conf.write_text(EMPTY_FONTCONFIG, encoding="utf-8")
    no_fonts = base_env(FONTCONFIG_FILE=str(fonts_conf), FONTCONFIG_PATH=str(scratch))
    self_check(bundle, report, "chạy khi máy không có phông nào", no_fonts)
    # The window too, from the odd path with no fonts: Qt must find its plugins and the
    # bundled fonts by itself.
    seconds, why = window_ready(
        odd, {**no_fonts, "BAOCAO_DATA_DIR": str(scratch / "dữ liệu cửa sổ")}
    )
    report.check(
        "cửa sổ mở được từ đường dẫn có dấu, không có phông",
        seconds is not None,
        f"sẵn sàng sau {seconds:.2f} s" if seconds is not None else why,
    )

    # 3. Portable mode, from the portable zip as shipped: data next to the executable.
    portable_zip = make_portable_zip(bundle, scratch / "zip", read_version())
    portable = extract(portable_zip, scratch / "USB" / "ổ di động")
    done = run([str(exe(portable, "baocao")), "list"], base_env(), cwd=scratch)
    data = portable / PORTABLE_DATA_DIRNAME / "baocao.db"
    report.figures["portable_zip_bytes"] = portable_zip.stat().st_size
    report.check(
        "chế độ di động: dữ liệu nằm cạnh chương trình",
        done.returncode == 0 and data.is_file(),
        f"{portable_zip.name} {portable_zip.stat().st_size / 2**20:.0f} MB; mã thoát "
        f"{done.returncode}, {data.relative_to(scratch)} {'có' if data.is_file() else 'KHÔNG có'}"
        + (f"; {done.stderr.strip()}" if done.returncode else ""),
    )

    # 4. Read-only program folder (and read-only portable media).
    if sys.platform == "win32":
        # The read-only attribute on a Windows folder does not stop files being created in it,
        # so this cannot be simulated here: try a write-protected USB stick by hand.
        report.skip("thư mục chương trình chỉ đọc", "Windows không mô phỏng được bằng thuộc tính")
        return
    user = None
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            report.check(
                "thư mục chương trình chỉ đọc", False, "chạy bằng root nhưng thiếu setpriv"
            )
            return
        user = "65534"  # nobody: root would ignore the read-only bits
    ro_parent = scratch / "Chỉ đọc"
    ro = copy_bundle(bundle, ro_parent)
    ro_portable = extract(portable_zip, scratch / "USB chỉ đọc")
    for tree in (ro, ro_portable):
        make_traversable(tree, scratch)
        read_only(tree)
    env = base_env(HOME=str(scratch / "home-không-ghi-được"), TMPDIR=tempfile.gettempdir())
    try:
        self_check(ro, report, "chạy từ thư mục chỉ đọc", env, user=user)
        done = run([str(exe(ro_portable, "baocao")), "list"], env, cwd=scratch, user=user)
        said = done.stderr.strip()
        report.check(
            "USB chỉ đọc ở chế độ di động: từ chối rõ ràng",
            done.returncode == 1 and "chế độ di động" in said and "không ghi" in said,
            f"mã thoát {done.returncode}; {said[-400:]}",
        )
    finally:
        writable_again(ro)
        writable_again(ro_portable)


def _first_line_with(proc: subprocess.Popen[str], mark: str, timeout: float) -> str | None:
    """The first stdout line starting with `mark`, or None if the process ends or time runs out."""
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        assert proc.stdout is not None
        for raw in proc.stdout:
            lines.put(raw)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    deadline = time.monotonic() + timeout
    while (left := deadline - time.monotonic()) > 0:
        try:
            line = lines.get(timeout=left)
        except queue.Empty:
            break
        if line is None:
            return None
        if line.startswith(mark):
            return line.strip()
    return None


def second_start(bundle: Path, scratch: Path, report: Report) -> None:
    """A second `baocao-gui` on the same data hands over to the running one and exits 0."""
    gui = exe(bundle, "baocao-gui")
    data = scratch / "mở hai lần"
    env = base_env(BAOCAO_DATA_DIR=str(data))
    first = subprocess.Popen([str(gui)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             text=True, encoding="utf-8", errors="replace")  # fmt: skip
    try:
        # The window claims the data folder right after opening the database.
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while not (data / "baocao.db").exists() and first.poll() is None:
            if time.monotonic() > deadline:
                break
            time.sleep(0.1)
        time.sleep(2.0)
        if first.poll() is not None:
            err = first.stderr.read() if first.stderr else ""
            report.check("mở lần hai khi đang chạy", False,
                         f"cửa sổ thứ nhất đã thoát (mã {first.returncode}); {err.strip()[-400:]}")  # fmt: skip
            return
        start = time.perf_counter()
        try:
            second = run([str(gui)], env, cwd=scratch, timeout=30)
            ok = second.returncode == 0 and first.poll() is None
            detail = (f"lần mở thứ hai chuyển cho cửa sổ đang chạy và thoát (mã {second.returncode}) "
                      f"sau {time.perf_counter() - start:.1f} s; cửa sổ thứ nhất vẫn chạy")  # fmt: skip
        except subprocess.TimeoutExpired:
            ok, detail = False, "lần mở thứ hai không thoát sau 30 s (đã mở cửa sổ riêng?)"
        report.check("mở lần hai khi đang chạy", ok, detail)
    finally:
        first.terminate()
        try:
            first.wait(timeout=15)
        except subprocess.TimeoutExpired:
            first.kill()
            first.wait()


def window_ready(bundle: Path, env: dict[str, str]) -> tuple[float | None, str]:
    """Launch `baocao-gui` with the READY hook: (seconds to an interactive window, or None; why)."""
    start = time.perf_counter()
    proc = subprocess.Popen([str(exe(bundle, "baocao-gui"))], env={**env, READY_ENV: "1"},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            encoding="utf-8", errors="replace")  # fmt: skip
    line = _first_line_with(proc, READY_MARK, STARTUP_TIMEOUT_S)
    elapsed = time.perf_counter() - start
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    if line is None:
        err = proc.stderr.read() if proc.stderr else ""
        return None, (
            f"không thấy cửa sổ chính sẵn sàng trong {STARTUP_TIMEOUT_S} s "
            f"(mã thoát {proc.returncode}); {err.strip()[-600:]}"
        )
    return elapsed, ""


def startup_time(bundle: Path, scratch: Path, runs: int, report: Report) -> None:
    """Launch → main window shown with its document and idle (ui.app's READY hook), N times."""
    samples: list[float] = []
    for i in range(runs):
        seconds, why = window_ready(
            bundle, base_env(BAOCAO_DATA_DIR=str(scratch / f"khởi động {i}"))
        )
        if seconds is None:
            report.check("thời gian mở cửa sổ", False, why)
            return
        samples.append(seconds)
    median = statistics.median(samples)
    report.figures["startup_seconds_median"] = round(median, 2)
    report.figures["startup_seconds_all"] = [round(s, 2) for s in samples]
    report.check(
        "thời gian mở cửa sổ (offscreen)",
        True,
        f"trung vị {median:.2f} s từ lúc chạy baocao-gui đến khi cửa sổ chính sẵn sàng "
        f"({runs} lần: {', '.join(f'{s:.2f}' for s in samples)} s)",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="dựng vào thư mục này và giữ lại")
    parser.add_argument("--skip-build", type=Path, metavar="DIST",
                        help="không dựng, kiểm tra DIST/baocao có sẵn")  # fmt: skip
    parser.add_argument("--no-faults", action="store_true", help="bỏ qua các phép thử lỗi")
    parser.add_argument(
        "--startup-runs", type=int, default=3, help="số lần đo mở cửa sổ (0: không đo)"
    )
    parser.add_argument("--report", type=Path, help="ghi số liệu ra tệp JSON")
    args = parser.parse_args(argv)

    report = Report()
    scratch_root = Path(tempfile.mkdtemp(prefix="baocao-smoke-"))
    try:
        if args.skip_build:
            bundle = args.skip_build / "baocao"
        else:
            out = args.keep or scratch_root
            bundle = build(out / "dist", out / "work", report)
        if bundle is not None and exe(bundle, "baocao").exists():
            size, files = folder_size(bundle)
            report.figures["bundle_bytes"] = size
            report.figures["bundle_files"] = files
            report.check("kích thước bản đóng gói", True, f"{size / 2**20:.0f} MB, {files} tệp")
            self_check(bundle, report, "tự kiểm tra bản đóng gói (--self-check)", base_env())
            if not args.no_faults:
                faults(bundle, scratch_root, report)
                second_start(bundle, scratch_root, report)
            if args.startup_runs > 0:
                startup_time(bundle, scratch_root, args.startup_runs, report)
        elif bundle is not None:
            report.check("bản đóng gói", False, f"không có {exe(bundle, 'baocao')}")
    finally:
        writable_again(scratch_root)
        shutil.rmtree(scratch_root, ignore_errors=True)

    print(json.dumps(report.figures, ensure_ascii=False))
    if args.report:
        args.report.write_text(
            json.dumps(
                {"figures": report.figures, "checks": report.checks, "skipped": report.skipped},
                ensure_ascii=False,
                indent=2,
            ),
            encoding="utf-8",
        )
    failed = [c["name"] for c in report.checks if not c["ok"]]
    print("Kết quả: " + ("ĐẠT" if not failed else f"KHÔNG ĐẠT ({'; '.join(map(str, failed))})"))
    return 0 if not failed else 1


if __name__ == "__main__":
    sys.exit(main())
