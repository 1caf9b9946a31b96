"""Golden file: every paragraph of a fixed report as text with its formatting, one per line.

Text, not bytes (zip timestamps vary): a change in what the renderer prints or how it formats
it shows up as a readable diff. Regenerate after an intended change with
`BAOCAO_UPDATE_GOLDEN=1 pytest tests/export/docx/test_golden.py` and review the diff.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

from lxml import etree

from desktop.export.docx import render_docx
from desktop.layout.build import build
from tests.unit.checker.docx_fixtures import MOMENT, PROFILE, TODAY, report

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
GOLDEN = Path(__file__).parent / "golden" / "report.txt"


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


def describe(p: etree._Element) -> str:
    ppr = p.find(_w("pPr"))
    fields = []
    if ppr is not None:
        for child in ppr:
            tag = etree.QName(child).localname
            if tag in ("rPr", "sectPr"):
                continue
            attrs = ",".join(
                f"{etree.QName(k).localname}={v}" for k, v in sorted(child.attrib.items())
            )
            fields.append(f"{tag}({attrs})" if attrs else tag)
    runs = []
    for r in p.iter(_w("r")):
        rpr = r.find(_w("rPr"))
        flags = ""
        if rpr is not None:
            size = rpr.find(_w("sz"))
            flags = f"{int(size.get(_w('val'))) / 2:g}" if size is not None else ""
            flags += "".join(
                f
                for f, tag in (("B", "b"), ("I", "i"), ("U", "u"), ("^", "vertAlign"))
                if rpr.find(_w(tag)) is not None
            )
        body = "".join(
            (t.text or "")
            if etree.QName(t).localname == "t"
            else "⏎"
            if etree.QName(t).localname == "br"
            else f"[{etree.QName(t).localname}]"
            for t in r
            if etree.QName(t).localname not in ("rPr",)
        )
        runs.append(f"<{flags}>{body}")
    return f"{' '.join(fields)} | {''.join(runs)}"


def rendering() -> str:
    buffer = io.BytesIO()
    render_docx(build(report(), PROFILE, TODAY), buffer, timestamp=MOMENT)
    lines = []
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as zf:
        for part in ("word/document.xml", "word/footnotes.xml"):
            root = etree.fromstring(zf.read(part))
            lines.append(f"== {part}")
            lines.extend(describe(p) for p in root.iter(_w("p")))
    return "\n".join(lines) + "\n"


def test_report_matches_the_golden_file() -> None:
    actual = rendering()
    if os.environ.get("BAOCAO_UPDATE_GOLDEN") or not GOLDEN.exists():
        GOLDEN.write_text(actual, encoding="utf-8")
    assert actual == GOLDEN.read_text(encoding="utf-8")
