"""`baocao …`: the command line over the same services the window uses.

Command modules live in `desktop.cli.commands` and are discovered with pkgutil (see that
package's docstring). Exit codes: 0 success; 1 refused or failed (a `UserError`, message on
stderr); 2 usage error; 3 data in use; 70 internal error; 130 interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any, TextIO, cast

from desktop.cli.vietnamese import VietnameseArgumentParser, vietnamese_messages

if TYPE_CHECKING:
    from desktop.cli.context import CliContext

EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130

DESCRIPTION = (
    "Soạn báo cáo, kế hoạch, công văn, tờ trình đúng thể thức Nghị định 30/2020/NĐ-CP. "
    "Chạy không có đối số để mở cửa sổ chương trình."
)
EPILOG = (
    "Thư mục dữ liệu: --data-dir, nếu không có thì biến môi trường BAOCAO_DATA_DIR, nếu không "
    "có nữa thì thư mục dữ liệu của người dùng. Xem hướng dẫn từng lệnh: baocao LỆNH --help"
)


def command_modules() -> list[ModuleType]:
    """Every module of `desktop.cli.commands`, ordered by its `ORDER` (default 100), then name."""
    from desktop.cli import commands

    modules = [
        importlib.import_module(f"{commands.__name__}.{info.name}")
        for info in pkgutil.iter_modules(commands.__path__)
        if not info.name.startswith("_")
    ]
    return sorted(modules, key=lambda m: (getattr(m, "ORDER", 100), m.__name__))


def app_version() -> str:
    from desktop import appinfo

    return appinfo.version()


def build_parser() -> argparse.ArgumentParser:
    parser = VietnameseArgumentParser(
        prog="baocao",
        description=DESCRIPTION,
        epilog=EPILOG,
    )
    parser.add_argument(
        "--data-dir",
        metavar="THƯ_MỤC",
        help="thư mục dữ liệu của cơ quan (chứa baocao.db và backups/)",
    )
    parser.add_argument(
        "--version", action="version", version=f"baocao {app_version()}",
        help="hiện phiên bản rồi thoát",
    )  # fmt: skip
    parser.add_argument(
        "--self-check", action="store_true",
        help="tự kiểm tra bản cài đặt (phông, mẫu, cơ sở dữ liệu, xuất DOCX và PDF, đóng gói) "
        "trong thư mục tạm, không đụng đến dữ liệu; mã thoát 0 là đạt",
    )  # fmt: skip
    subparsers = parser.add_subparsers(title="lệnh", metavar="LỆNH", dest="command")
    for module in command_modules():
        module.register(subparsers)
    return parser


def _usable_streams() -> None:
    """Started with a closed stdout or stderr (`baocao list >&-`), Python sets it to None and
    `print` would silently send error messages to stdout instead: point it at the null device."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


def _utf8_streams() -> None:
    """Vietnamese must survive a Windows console and `> file` redirection: force UTF-8.

    Undecodable bytes of file names (lone surrogates) are written back as the bytes they were
    on stdout, and escaped on stderr, rather than crash the command that reports them.
    """
    for stream, errors in ((sys.stdout, "surrogateescape"), (sys.stderr, "backslashreplace")):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        encoding = str(getattr(stream, "encoding", "") or "").lower().replace("-", "")
        with contextlib.suppress(ValueError, OSError):
            if encoding != "utf8":
                reconfigure(encoding="utf-8", errors=errors)
            elif getattr(stream, "errors", errors) == "strict":
                reconfigure(errors=errors)


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


class OutputError(Exception):
    """Writing the command's output failed (stdout redirected to a full disk, a closed pipe)."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


class _GuardedOutput:
    """Standard output for the command, so a failing write is told apart from the command's own
    file errors: `baocao dump 1 > E:\\x.json` on a full USB stick is a failed output, not a bug."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(exc) from exc

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(exc) from exc

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at the null device so the flush at exit cannot fail
    again and print "Exception ignored … BrokenPipeError" (the Python documentation's recipe)."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _environment_failure(exc: BaseException) -> str | None:
    """The message for an error of the computer rather than of the program, or None."""
    from desktop.services import oserrors

    if isinstance(exc, MemoryError):
        return "Máy không đủ bộ nhớ để làm việc này; hãy đóng bớt chương trình rồi thử lại"
    if isinstance(exc, UnicodeEncodeError) and "surrogates" in str(exc):
        return (
            "Có tên tệp hoặc chữ không đọc được theo bảng mã của cửa sổ lệnh; hãy dùng bảng mã "
            "UTF-8 (ví dụ LANG=C.UTF-8, hoặc chcp 65001 trên Windows) rồi chạy lại"
        )
    if isinstance(exc, OSError) and exc.errno in (
        oserrors.FULL | oserrors.GONE | oserrors.READ_ONLY | oserrors.DENIED | {errno.ENAMETOOLONG}
    ):
        where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
        return f"Không đọc, ghi được tệp{where}: {oserrors.reason(exc)}; không có gì bị ghi dở"
    return None


def _internal_error(exc: BaseException, ctx: CliContext, arguments: Sequence[str]) -> None:
    from desktop.services.crashlog import write_crash_report

    report = write_crash_report(exc, data_dir=ctx.known_data_dir, argv=arguments)
    where = (
        f"chi tiết đã được ghi vào {report}; hãy gửi tệp này cho bộ phận CNTT"
        if report is not None
        else "hãy chạy lại với BAOCAO_DEBUG=1 và gửi kết quả cho bộ phận CNTT"
    )
    print(
        f"Lỗi nội bộ của chương trình ({type(exc).__name__}); dữ liệu đã lưu không bị ảnh "
        f"hưởng; {where}",
        file=sys.stderr,
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit code (never raises SystemExit)."""
    from desktop.cli.context import CliContext
    from desktop.errors import Cancelled, UserError

    _usable_streams()
    _utf8_streams()
    arguments = list(sys.argv[1:] if argv is None else argv)
    with vietnamese_messages():
        parser = build_parser()
        try:
            args = parser.parse_args(arguments)
        except SystemExit as exc:
            return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
        if args.self_check:
            from desktop.selfcheck import cli_self_check

            args.func = cli_self_check
        if getattr(args, "func", None) is None:
            parser.print_help()
            return 0
    ctx = CliContext(args.data_dir, stdout=cast(TextIO, _GuardedOutput(sys.stdout)))
    try:
        code = int(args.func(args, ctx) or 0)
        ctx.stdout.flush()  # a full disk behind `> file` must fail here, not silently at exit
        return code
    except UserError as exc:
        print(f"Lỗi: {_one_line(exc.message)}", file=sys.stderr)
        return exc.exit_code
    except (KeyboardInterrupt, Cancelled):
        print("Đã dừng theo yêu cầu; không có gì bị ghi dở.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # `baocao list | head`: the reader left; nothing to report.
        _silence_stdout()
        return 0
    except OutputError as exc:
        from desktop.services.oserrors import reason

        _silence_stdout()
        print(f"Lỗi: Không ghi được kết quả ra đầu ra chuẩn: {reason(exc.error)}", file=sys.stderr)
        return 1
    except Exception as exc:
        if os.environ.get("BAOCAO_DEBUG"):
            raise
        message = _environment_failure(exc)
        if message is not None:
            print(f"Lỗi: {message}", file=sys.stderr)
            return 1
        _internal_error(exc, ctx, arguments)
        return EXIT_INTERNAL
    finally:
        ctx.close()


if __name__ == "__main__":
    sys.exit(main())
