"""Markdown marks left by converters: `#` heading marks, `**bold**`, `*italic*`, `***both***`.

The marks become formatting and structure; they are never kept as text. Only asterisks count as
emphasis: underscores occur in real text (`PVX_(Nga.376/24)`). An asterisk emphasises only when it
is shaped like markdown emphasis (it touches a word on the inside and a space or punctuation on
the outside), so `(*)` notes and `3 * 4` stay as they are. Emphasis may span lines of one block
(`**KT. CHỦ TỊCH⏎PHÓ CHỦ TỊCH**`), so the parser works on a whole block of lines at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.importing.inline import Content, merge
from desktop.model.document import Run

_HEADING_MARK = re.compile(r"^\s{0,3}(#{1,6})\s+")
_TRAILING_HASHES = re.compile(r"\s+#+\s*$")
_DELIMITER = re.compile(r"\*{1,3}")
# A backslash before ASCII punctuation is a markdown escape (pandoc writes `1\\.` for a number
# it does not want read as a list).
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def heading_depth(line: str) -> tuple[int, str]:
    """`## **BÁO CÁO**` → (2, `**BÁO CÁO**`); a line without marks → (0, line)."""
    match = _HEADING_MARK.match(line)
    if not match:
        return 0, line
    rest = _TRAILING_HASHES.sub("", line[match.end() :])
    return len(match.group(1)), rest


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "\"“‘'([«"


def _is_closing_char(ch: str) -> bool:
    return ch.isalnum() or ch in ".,:;!?)]”’\"'»…%"


@dataclass
class _Token:
    text: str
    delimiter: bool
    can_open: bool = False
    can_close: bool = False
    bold: int = 0  # +1 opens, -1 closes (set when paired)
    italic: int = 0


def _tokens(text: str) -> list[_Token]:
    out: list[_Token] = []
    pos = 0
    for match in _DELIMITER.finditer(text):
        if match.start() > pos:
            out.append(_Token(text[pos : match.start()], False))
        before = text[match.start() - 1] if match.start() > 0 else " "
        after = text[match.end()] if match.end() < len(text) else " "
        out.append(
            _Token(
                match.group(0),
                True,
                can_open=_is_word_char(after) and not before.isalnum(),
                can_close=_is_closing_char(before) and not after.isalnum(),
            )
        )
        pos = match.end()
    if pos < len(text):
        out.append(_Token(text[pos:], False))
    return out


def parse_emphasis(text: str) -> Content:
    """Runs of `text` with its asterisk emphasis applied and the asterisks removed."""
    if "\\" in text:
        # Escaped characters are hidden from the parser and restored in the runs.
        text = _ESCAPE.sub(lambda m: chr(_ESCAPED_BASE + ord(m.group(1))), text)
    if "*" not in text:
        return (Run(_unescape(text)),) if text else ()
    tokens = _tokens(text)
    openers: list[int] = []
    paired: set[int] = set()
    for i, token in enumerate(tokens):
        if not token.delimiter:
            continue
        if token.can_close:
            match = next(
                (j for j in reversed(openers) if len(tokens[j].text) == len(token.text)), None
            )
            if match is not None:
                openers = openers[: openers.index(match)]
                paired.update((match, i))
                _mark(tokens[match], tokens[i])
                continue
        if token.can_open:
            openers.append(i)
    runs: list[Run] = []
    bold = italic = 0
    for i, token in enumerate(tokens):
        if token.delimiter and i in paired:
            bold += token.bold
            italic += token.italic
            continue
        runs.append(Run(_unescape(token.text), bold=bold > 0, italic=italic > 0))
    return merge(runs)


def _mark(opener: _Token, closer: _Token) -> None:
    width = len(opener.text)
    if width >= 2:
        opener.bold, closer.bold = 1, -1
    if width != 2:
        opener.italic, closer.italic = 1, -1


_ESCAPED_BASE = 0xE000  # private-use code points stand in for escaped ASCII punctuation
_RESTORE = {_ESCAPED_BASE + code: chr(code) for code in range(128)}


def _unescape(text: str) -> str:
    return text.translate(_RESTORE)


def has_markdown(text: str) -> bool:
    """Whether a text shows markdown marks at all (for the import report)."""
    return bool(re.search(r"^\s{0,3}#{1,6}\s|\*\*\S|\S\*\*", text, re.MULTILINE))
