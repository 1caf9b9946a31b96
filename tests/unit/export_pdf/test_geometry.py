"""Signature field rectangles and PDF/A metadata values: pure functions of their inputs."""

from __future__ import annotations

import datetime as dt

from desktop.export.pdf.pdfa import document_uuid, pdf_date, xmp_date, xmp_packet
from desktop.export.pdf.signature_fields import field_rects
from desktop.layout.content import Metadata

VN = dt.timezone(dt.timedelta(hours=7))


def test_signer_field_is_centred_in_the_gap_and_the_seal_covers_its_left_third() -> None:
    signer, seal = field_rects((300.0, 200.0, 250.0, 85.0))
    assert signer == (340.0, 200.0, 510.0, 285.0)  # 2 × gap height wide, centred
    width = signer[2] - signer[0]
    assert seal[2] == signer[0] + width / 3  # overlaps the signature's left third
    assert seal[2] - seal[0] == seal[3] - seal[1] == 85.0  # a square as high as the gap


def test_narrow_column_limits_the_signer_field() -> None:
    signer, _ = field_rects((300.0, 200.0, 120.0, 85.0))
    assert (signer[0], signer[2]) == (300.0, 420.0)


def test_dates_keep_the_offset() -> None:
    moment = dt.datetime(2024, 1, 5, 8, 30, 0, 123, tzinfo=VN)
    assert pdf_date(moment) == "D:20240105083000+07'00'"
    assert xmp_date(moment) == "2024-01-05T08:30:00+07:00"
    assert pdf_date(moment.astimezone(dt.UTC)) == "D:20240105013000+00'00'"


def test_document_id_depends_only_on_the_fingerprint() -> None:
    assert document_uuid(b"a") == document_uuid(b"a") != document_uuid(b"b")


def test_xmp_identifies_pdfa_2b_and_escapes_text() -> None:
    meta = Metadata(
        "Báo cáo <tổng hợp> & kiến nghị", "UBND huyện", "Báo cáo số 05/BC-UBND", ("Báo cáo",)
    )
    packet = xmp_packet(
        meta, producer="baocao 1.0", creator_tool="baocao 1.0",
        created=dt.datetime(2024, 1, 5, tzinfo=VN), document_id="x",
    ).decode("utf-8")  # fmt: skip
    assert "<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>" in packet
    assert "Báo cáo &lt;tổng hợp&gt; &amp; kiến nghị" in packet
    assert "<xmp:CreateDate>2024-01-05T00:00:00+07:00</xmp:CreateDate>" in packet
    assert packet.startswith('<?xpacket begin="\ufeff"') and packet.endswith('<?xpacket end="w"?>')
