"""Is this a Vietnamese syllable? The yardstick for telling a right decoding from a wrong one.

A text decoded with the wrong table is full of "words" such as `Ch­¬ng`, `tr×nh` or `Vieät`
that no Vietnamese syllable looks like; decoded right, nearly every word containing a diacritic
is a syllable. Checking the shape of the syllable (onset + rhyme, at most one tone mark) is
enough: no dictionary is needed, and names and loan words without diacritics are not counted.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")

_ONSETS = [
    "ngh",
    "ng",
    "gh",
    "gi",
    "kh",
    "nh",
    "ph",
    "qu",
    "th",
    "tr",
    "ch",
    "b",
    "c",
    "d",
    "đ",
    "g",
    "h",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "x",
]

# Rhymes (vần) without tone, grouped by nucleus. Generous on purpose: a rare but real rhyme
# missing here would only lower the score of correct text a little; the wrong decodings fail
# on characters, not on rare rhymes.
_RHYMES = [
    "a",
    "ac",
    "ach",
    "ai",
    "am",
    "an",
    "ang",
    "anh",
    "ao",
    "ap",
    "at",
    "au",
    "ay",
    "ă",
    "ăc",
    "ăm",
    "ăn",
    "ăng",
    "ăp",
    "ăt",
    "â",
    "âc",
    "âm",
    "ân",
    "âng",
    "âp",
    "ât",
    "âu",
    "ây",
    "e",
    "ec",
    "em",
    "en",
    "eng",
    "eo",
    "ep",
    "et",
    "ê",
    "êch",
    "êm",
    "ên",
    "ênh",
    "êp",
    "êt",
    "êu",
    "i",
    "ia",
    "ich",
    "im",
    "in",
    "inh",
    "ip",
    "it",
    "iu",
    "iêc",
    "iêm",
    "iên",
    "iêng",
    "iêp",
    "iêt",
    "iêu",
    "o",
    "oa",
    "oac",
    "oach",
    "oai",
    "oam",
    "oan",
    "oang",
    "oanh",
    "oao",
    "oap",
    "oat",
    "oay",
    "oăc",
    "oăm",
    "oăn",
    "oăng",
    "oăp",
    "oăt",
    "oc",
    "oe",
    "oen",
    "oeo",
    "oet",
    "oi",
    "om",
    "on",
    "ong",
    "ooc",
    "oong",
    "op",
    "ot",
    "ô",
    "ôc",
    "ôi",
    "ôm",
    "ôn",
    "ông",
    "ôp",
    "ôt",
    "ơ",
    "ơi",
    "ơm",
    "ơn",
    "ơp",
    "ơt",
    "u",
    "ua",
    "uân",
    "uâng",
    "uât",
    "uây",
    "uc",
    "uê",
    "uêch",
    "uênh",
    "ui",
    "um",
    "un",
    "ung",
    "uơ",
    "uôc",
    "uôi",
    "uôm",
    "uôn",
    "uông",
    "uôt",
    "up",
    "ut",
    "uy",
    "uya",
    "uych",
    "uyên",
    "uyêt",
    "uynh",
    "uyp",
    "uyt",
    "uyu",
    "uê",
    "uơi",
    "ư",
    "ưa",
    "ưc",
    "ưi",
    "ưm",
    "ưn",
    "ưng",
    "ươc",
    "ươi",
    "ươm",
    "ươn",
    "ương",
    "ươp",
    "ươt",
    "ươu",
    "ưt",
    "ưu",
    "y",
    "yêm",
    "yên",
    "yêng",
    "yêt",
    "yêu",
]

_SYLLABLE = re.compile(
    "^(?:" + "|".join(sorted(_ONSETS, key=len, reverse=True)) + ")?"
    "(?:" + "|".join(sorted(set(_RHYMES), key=len, reverse=True)) + ")$"
)

# Characters stripped from the ends of a whitespace-separated token before checking it.
# Separators inside a token that join two words ("Kinh tế-xã hội", "127/QĐ", "HĐND&UBND").
_INNER_SEPARATORS = re.compile(r"[-/&]|\.{2,}|…")
_EDGE_PUNCTUATION = "\"'()[]{}<>.,;:!?…“”‘’«»-–—/\\*#_+=%&|"


def _strip_tones(syllable: str) -> tuple[str, int]:
    decomposed = unicodedata.normalize("NFD", syllable)
    bare = [c for c in decomposed if c not in _TONE_MARKS]
    tones = len(decomposed) - len(bare)
    return unicodedata.normalize("NFC", "".join(bare)), tones


def is_syllable(word: str) -> bool:
    """True if `word` (one syllable, any case) has the shape of a Vietnamese syllable."""
    bare, tones = _strip_tones(word.lower())
    return tones <= 1 and bool(_SYLLABLE.match(bare))


def candidate_words(text: str, limit: int = 4000) -> list[str]:
    """Words that say something about the encoding: those with a character beyond ASCII."""
    out: list[str] = []
    for token in text.split():
        word = token.strip(_EDGE_PUNCTUATION)
        if word and not word.isascii():
            parts = _INNER_SEPARATORS.split(word)
            out.extend(part for part in parts if part and not part.isascii())
            if len(out) >= limit:
                break
    return out


def syllable_score(words: Iterable[str]) -> tuple[float, int]:
    """The share of `words` that are Vietnamese syllables, and how many words were judged."""
    total = 0
    good = 0
    for word in words:
        total += 1
        if is_syllable(word):
            good += 1
    return (good / total if total else 0.0), total


def text_score(text: str, limit: int = 4000) -> tuple[float, int]:
    """`syllable_score` over the informative words of `text` (at most `limit` of them)."""
    return syllable_score(candidate_words(text, limit))
