"""The DOCX front end of the checker: any .docx (the app's exports, or a draft typed in Word)."""

from __future__ import annotations

from desktop.checker.findings import Finding
from desktop.checker.ooxml import element_rules, page_rules
from desktop.checker.ooxml.package import Source, UnreadableDocxError, open_docx
from desktop.checker.ooxml.structure import recognise
from desktop.checker.ooxml.view import build_view


def check_docx(source: Source) -> list[Finding]:
    """Every finding for a DOCX given as a path, bytes or a binary stream.

    Raises `UnreadableDocxError` (a `UserError`) when the file is not a readable .docx.
    """
    view = build_view(open_docx(source))
    structure = recognise(view)
    findings: list[Finding] = []
    findings.extend(page_rules.page_setup(view))
    findings.extend(page_rules.page_numbers(view))
    findings.extend(element_rules.header(view, structure))
    findings.extend(element_rules.title(view, structure))
    findings.extend(element_rules.recipients(structure))
    findings.extend(element_rules.legal_basis(structure))
    findings.extend(element_rules.decision(structure))
    findings.extend(element_rules.body(view, structure))
    findings.extend(element_rules.signer(structure))
    findings.extend(element_rules.distribution(structure))
    findings.extend(page_rules.fonts_and_text(view))
    findings.extend(page_rules.footnote_form(view))
    return findings


__all__ = ["UnreadableDocxError", "check_docx"]
