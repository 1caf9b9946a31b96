"""Building FTS5 match expressions from what a person typed, safely.

Every term is wrapped in double quotes, so FTS5 syntax in user input (AND, NEAR, `-`, `:`, `*`,
parentheses) is taken literally and can never raise a syntax error. Inside one quoted term the
tokenizer splits on punctuation and FTS5 treats the pieces as a phrase: `"123/BC-SNV"` matches the
tokens 123, bc, snv in that order. Terms are ANDed; text the user put in double quotes stays one
phrase (`"dak glei" 2024` = the phrase dak glei and the term 2024).
"""

from __future__ import annotations


def quote_term(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def match_expression(query: str) -> str:
    """The FTS5 expression for a query; empty when nothing searchable is left.

    The caller folds the query the same way the indexed text was folded (NFC, đ→d).
    Terms with no letter or digit (a lone `-` or `/`) would be empty phrases and are dropped.
    """
    terms: list[str] = []
    for i, part in enumerate(query.split('"')):
        # Odd parts were inside quotes (an unbalanced last quote runs to the end).
        terms.extend([part.strip()] if i % 2 else part.split())
    terms = [t for t in terms if any(ch.isalnum() for ch in t)]
    return " ".join(quote_term(t) for t in terms)
