"""Section numbers computed from structure (never stored): I, II… / 1, 2… / 1.1… / a, b… đ…"""

from __future__ import annotations

from collections.abc import Iterable

from desktop.model.document import HEADING_RANK, Block, Heading, HeadingLevel

# The Vietnamese alphabet used for điểm: no f, j, w, z; đ comes after d (spec §3.1).
VIETNAMESE_LETTERS: tuple[str, ...] = tuple(
    [
        "a",
        "b",
        "c",
        "d",
        "đ",
        "e",
        "g",
        "h",
        "i",
        "k",
        "l",
        "m",
        "n",
        "o",
        "p",
        "q",
        "r",
        "s",
        "t",
        "u",
        "v",
        "x",
        "y",
    ]
)

_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def roman(n: int) -> str:
    """Upper-case Roman numeral for n ≥ 1."""
    if n < 1:
        raise ValueError("Roman numerals start at 1")
    out = []
    for value, symbol in _ROMAN:
        while n >= value:
            out.append(symbol)
            n -= value
    return "".join(out)


def from_roman(text: str) -> int | None:
    """Parse an upper-case Roman numeral; None if it is not one in canonical form."""
    text = text.strip().upper()
    if not text or any(c not in "IVXLCDM" for c in text):
        return None
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, c in enumerate(text):
        v = values[c]
        if i + 1 < len(text) and values[text[i + 1]] > v:
            total -= v
        else:
            total += v
    return total if total > 0 and roman(total) == text else None


def vietnamese_letter(n: int) -> str:
    """The n-th letter (1-based) of the điểm sequence; past y it continues aa, ab … like Word."""
    if n < 1:
        raise ValueError("letters start at 1")
    count = len(VIETNAMESE_LETTERS)
    if n <= count:
        return VIETNAMESE_LETTERS[n - 1]
    return vietnamese_letter((n - 1) // count) + VIETNAMESE_LETTERS[(n - 1) % count]


def heading_label(level: HeadingLevel, counters: dict[HeadingLevel, int]) -> str:
    """The printed label of a heading given the current counters (its own already advanced)."""
    n = counters[level]
    match level:
        case HeadingLevel.PART:
            return f"Phần {roman(n)}"
        case HeadingLevel.CHAPTER:
            return f"Chương {roman(n)}"
        case HeadingLevel.SECTION:
            return f"Mục {n}"
        case HeadingLevel.ROMAN:
            return f"{roman(n)}."
        case HeadingLevel.ARTICLE:
            return f"Điều {n}."
        case HeadingLevel.ARABIC:
            return f"{n}."
        case HeadingLevel.DECIMAL:
            parent = counters.get(HeadingLevel.ARABIC, 0)
            return f"{parent}.{n}." if parent else f"{n}."
        case HeadingLevel.LETTER:
            return f"{vietnamese_letter(n)})"
    raise AssertionError(level)


def number_headings(blocks: Iterable[Block]) -> dict[str, str]:
    """Map each numbered heading's id to its label, walking the blocks in order.

    A heading resets the counters of every level ranked below it; Điều numbers run through the
    whole document (as in a decision), so chapters and sections do not reset them.
    """
    counters: dict[HeadingLevel, int] = dict.fromkeys(HeadingLevel, 0)
    labels: dict[str, str] = {}
    for block in blocks:
        if not isinstance(block, Heading) or not block.numbered:
            continue
        counters[block.level] += 1
        rank = HEADING_RANK[block.level]
        for other, other_rank in HEADING_RANK.items():
            if other_rank > rank and not (
                other is HeadingLevel.ARTICLE and block.level in _ARTICLE_CONTAINERS
            ):
                counters[other] = 0
        labels[block.id] = heading_label(block.level, counters)
    return labels


_ARTICLE_CONTAINERS = frozenset({HeadingLevel.PART, HeadingLevel.CHAPTER, HeadingLevel.SECTION})
