"""`baocao …`: the command line over the same services the window uses.

Command modules live in `desktop.cli.commands` and are discovered with pkgutil (see that
package's docstring). Exit codes: 0 success; 1 refused or failed (a `UserError`, message on
stderr); 2 usage error; 3 data in use; 70 internal error; 130 interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence
from types import ModuleType

from desktop.cli.vietnamese import VietnameseArgumentParser, vietnamese_messages

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


def _utf8_streams() -> None:
    """Vietnamese must survive a Windows console and `> file` redirection: force UTF-8."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        encoding = str(getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if reconfigure is not None and encoding != "utf8":
            with contextlib.suppress(ValueError, OSError):
                reconfigure(encoding="utf-8")


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit code (never raises SystemExit)."""
    from desktop.cli.context import CliContext
    from desktop.errors import Cancelled, UserError

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
    ctx = CliContext(args.data_dir)
    try:
        return int(args.func(args, ctx) or 0)
    except UserError as exc:
        print(f"Lỗi: {_one_line(exc.message)}", file=sys.stderr)
        return exc.exit_code
    except (KeyboardInterrupt, Cancelled):
        print("Đã dừng theo yêu cầu; không có gì bị ghi dở.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # `baocao list | head`: the reader left; nothing to report.
        sys.stderr.close()
        return 0
    except Exception as exc:
        if os.environ.get("BAOCAO_DEBUG"):
            raise
        print(
            f"Lỗi nội bộ của chương trình ({type(exc).__name__}: {_one_line(str(exc))}); "
            "hãy chạy lại với BAOCAO_DEBUG=1 và gửi kết quả cho bộ phận CNTT",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
    finally:
        ctx.close()


if __name__ == "__main__":
    sys.exit(main())
