"""argparse in Vietnamese: the parser class of every `baocao` command and its translations.

argparse builds its fixed strings ("usage: ", "options", "the following arguments are required")
through `gettext`. `vietnamese_messages()` swaps argparse's `_`/`ngettext` for a Vietnamese table
while the parser is built and run; strings missing from the table stay in English rather than
fail. The swap is process-wide, so it is only held for the duration of `desktop.cli.main.main`.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

_MESSAGES: dict[str, str] = {
    "usage: ": "Cách dùng: ",
    "positional arguments": "đối số",
    "options": "tùy chọn",
    "optional arguments": "tùy chọn",
    "subcommands": "lệnh",
    "show this help message and exit": "hiện hướng dẫn này rồi thoát",
    "show program's version number and exit": "hiện phiên bản rồi thoát",
    "argument %(argument_name)s: %(message)s": "đối số %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "thiếu đối số bắt buộc: %s",
    "unrecognized arguments: %s": "không hiểu đối số: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "giá trị không hợp lệ: %(value)r (chọn một trong: %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "giá trị không hợp lệ: %(value)r",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "not allowed with argument %s": "không dùng chung được với %s",
    "ambiguous option: %(option)s could match %(matches)s": (
        "tùy chọn %(option)s không rõ, có thể là: %(matches)s"
    ),
    "one of the arguments %s is required": "cần một trong các đối số %s",
    "ignored explicit argument %r": "tùy chọn này không nhận giá trị (%r)",
    "unexpected option string: %s": "tùy chọn không đúng chỗ: %s",
    "can't open '%(filename)s': %(error)s": "không mở được '%(filename)s': %(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "không có lệnh %(parser_name)r (các lệnh: %(choices)s)"
    ),
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
}


def translate(message: str) -> str:
    return _MESSAGES.get(message, message)


def translate_plural(singular: str, plural: str, n: int) -> str:
    if singular == "expected %s argument":
        return "cần %s giá trị"
    return singular if n == 1 else plural


@contextlib.contextmanager
def vietnamese_messages() -> Iterator[None]:
    module = argparse
    saved = (module._, module.ngettext)  # type: ignore[attr-defined]
    module._ = translate  # type: ignore[attr-defined]
    module.ngettext = translate_plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        module._, module.ngettext = saved  # type: ignore[attr-defined]


class VietnameseArgumentParser(argparse.ArgumentParser):
    """Usage errors: the usage line, then `baocao: lỗi: …` on one line, exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        one_line = " ".join(message.split())
        self.exit(2, f"{self.prog}: lỗi: {one_line}\n")

    def print_help(self, file: SupportsWrite[str] | None = None) -> None:
        with vietnamese_messages():
            super().print_help(file)


class ArgumentTypeError(argparse.ArgumentTypeError):
    """Raised by the value parsers in `desktop.cli.values`; argparse shows the message as is."""
