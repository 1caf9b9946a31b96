"""The app's own export passes its own checker: for random documents (hypothesis), every error
the DOCX checker finds in the export is one the document checker already reports before export,
so a document with no errors before export exports with zero errors."""

from __future__ import annotations

import datetime as dt
import io
import os

from hypothesis import HealthCheck, given, settings

from desktop.checker.document import check_document
from desktop.checker.findings import Severity
from desktop.checker.ooxml import check_docx
from desktop.export.docx import render_docx
from desktop.layout.build import build
from tests.unit.checker.strategies import documents, profiles

TODAY = dt.date(2026, 3, 5)
MOMENT = dt.datetime(2026, 3, 5, 8, 0, tzinfo=dt.UTC)


@settings(
    max_examples=int(os.environ.get("BAOCAO_PROPERTY_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(doc=documents(), profile=profiles())
def test_export_never_has_an_error_the_document_check_does_not_report(doc, profile) -> None:
    content = build(doc, profile, TODAY)
    before = {
        f.rule for f in check_document(doc, profile, TODAY, content) if f.severity is Severity.ERROR
    }
    buffer = io.BytesIO()
    render_docx(content, buffer, timestamp=MOMENT)
    after = [f for f in check_docx(buffer.getvalue()) if f.severity is Severity.ERROR]
    unexpected = [
        f"{f.rule}: {f.message} ({f.location.describe()})" for f in after if f.rule not in before
    ]
    assert not unexpected, unexpected
