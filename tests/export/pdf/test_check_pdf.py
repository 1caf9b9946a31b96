"""`baocao check FILE.pdf` rules on PDFs from elsewhere, broken PDFs and signed PDFs."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from pathlib import Path

import pikepdf
import pytest
from reportlab.lib.pagesizes import A4, letter
from reportlab.pdfgen.canvas import Canvas

from desktop.checker.findings import Severity
from desktop.checker.pdf import check_pdf, pdf_signatures
from desktop.errors import UserError
from desktop.export.pdf import SEAL_FIELD, SIGNER_FIELD, render_pdf
from desktop.export.pdf.fonts import default_font_set
from desktop.layout.build import build
from tests.export.pdf import documents as docs

LINE = "Ủy ban nhân dân huyện báo cáo kết quả thực hiện nhiệm vụ trong năm như sau."


def _rules(path: Path) -> dict[str, Severity]:
    return {f.rule: f.severity for f in check_pdf(path)}


def _export(path: Path) -> Path:
    content = build(docs.full_report(), docs.profile(), docs.TODAY)
    render_pdf(content, path, producer=docs.PRODUCER, created=docs.CREATED)
    return path


def _foreign_pdf(path: Path, *, pagesize: tuple[float, float] = letter) -> Path:
    """What an old template produces: Letter paper, unembedded Helvetica, a number on every
    page at the bottom right (the TT 01/2011 habit)."""
    canvas = Canvas(str(path), pagesize=pagesize)
    width, height = pagesize
    for number in (1, 2, 3):
        canvas.setFont("Helvetica", 12)
        for row in range(30):
            canvas.drawString(85, height - 80 - row * 18, f"Line {row} of the report body text.")
        canvas.drawRightString(width - 60, 40, str(number))
        canvas.showPage()
    canvas.save()
    return path


def test_an_export_passes(tmp_path: Path) -> None:
    rules = _rules(_export(tmp_path / "a.pdf"))
    assert rules == {"pdf.font-substitute": Severity.WARNING}


def test_foreign_pdf_gets_the_old_template_mistakes(tmp_path: Path) -> None:
    rules = _rules(_foreign_pdf(tmp_path / "old.pdf"))
    assert rules["page.size"] is Severity.ERROR
    assert rules["pdf.font-embedded"] is Severity.ERROR
    assert rules["font.family"] is Severity.ERROR
    assert rules["page-number.footer"] is Severity.ERROR
    assert rules["pdf.pdfa"] is Severity.WARNING
    assert rules["pdf.signature-fields"] is Severity.WARNING


def test_page_number_on_page_one_and_off_centre(tmp_path: Path) -> None:
    fonts = default_font_set()
    path = tmp_path / "numbers.pdf"
    canvas = Canvas(str(path), pagesize=A4, initialFontName=fonts.regular)
    _width, height = A4
    for number in (1, 2):
        canvas.setFont(fonts.regular, 14)
        for row in range(30):
            canvas.drawString(85, height - 90 - row * 18, LINE)
        x = 520 if number == 2 else 300  # page 2: at the right edge, not centred
        canvas.drawString(x, height - 40, str(number))
        canvas.showPage()
    canvas.save()
    findings = {f.rule: f for f in check_pdf(path)}
    assert findings["page-number.first-page"].location.page == 1
    assert findings["page-number.format"].location.page == 2
    assert "lệch" in findings["page-number.format"].message


def test_decomposed_text_layer_is_reported(tmp_path: Path) -> None:
    fonts = default_font_set()
    path = tmp_path / "nfd.pdf"
    canvas = Canvas(str(path), pagesize=A4, initialFontName=fonts.regular)
    canvas.setFont(fonts.regular, 14)
    canvas.drawString(85, 700, unicodedata.normalize("NFD", LINE))
    canvas.save()
    findings = {f.rule: f for f in check_pdf(path)}
    assert "text.nfc" in findings
    assert "Ủy ban" in findings["text.nfc"].message


def test_encrypted_pdf(tmp_path: Path) -> None:
    source = _export(tmp_path / "a.pdf")
    locked = tmp_path / "locked.pdf"
    with pikepdf.open(source) as pdf:
        pdf.save(locked, encryption=pikepdf.Encryption(owner="chu", user="", R=6))
    assert _rules(locked)["pdf.encrypted"] is Severity.ERROR
    secret = tmp_path / "secret.pdf"
    with pikepdf.open(source) as pdf:
        pdf.save(secret, encryption=pikepdf.Encryption(owner="chu", user="mat-khau", R=6))
    findings = check_pdf(secret)
    assert [f.rule for f in findings] == ["pdf.encrypted"]


def test_metadata_changed_by_another_tool_no_longer_matches(tmp_path: Path) -> None:
    source = _export(tmp_path / "a.pdf")
    edited = tmp_path / "edited.pdf"
    with pikepdf.open(source) as pdf:
        pdf.trailer.Info.Title = pikepdf.String("Tiêu đề khác")
        pdf.save(edited)
    finding = next(f for f in check_pdf(edited) if f.rule == "pdf.pdfa-metadata")
    assert "tiêu đề" in finding.message


def test_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "x.pdf"
    path.write_bytes(b"not a pdf at all")
    with pytest.raises(UserError, match=r"[Kk]hông đọc được"):
        check_pdf(path)
    with pytest.raises(UserError, match="Không tìm thấy"):
        check_pdf(tmp_path / "missing.pdf")


# ------------------------------------------------------------------------------------------
# Signed files


def _signer(tmp_path: Path, common_name: str):  # type: ignore[no-untyped-def]
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID
    from pyhanko.sign import signers

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    start = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=3650))
        .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True)
        .sign(key, hashes.SHA256())
    )  # fmt: skip
    key_file = tmp_path / f"{common_name}.key.pem"
    cert_file = tmp_path / f"{common_name}.crt.pem"
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return signers.SimpleSigner.load(str(key_file), str(cert_file))


def _sign(source: Path, target: Path, field: str, signer) -> Path:  # type: ignore[no-untyped-def]
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    with source.open("rb") as handle:
        writer = IncrementalPdfFileWriter(handle, strict=False)
        out = signers.sign_pdf(
            writer, signers.PdfSignatureMetadata(field_name=field), signer=signer
        )
        target.write_bytes(out.getvalue())
    return target


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("pyhanko")
    folder = tmp_path_factory.mktemp("signed")
    source = _export(folder / "export.pdf")
    return _sign(source, folder / "signed.pdf", SIGNER_FIELD, _signer(folder, "Trần Tuyết Minh"))


def test_signed_export_reports_who_signed_and_that_it_is_intact(signed: Path) -> None:
    statuses = {s.field: s for s in pdf_signatures(signed)}
    person = statuses[SIGNER_FIELD]
    assert person.signed and person.intact and person.covers_document
    assert person.signer == "Trần Tuyết Minh"
    assert "còn nguyên vẹn" in person.describe()
    assert not statuses[SEAL_FIELD].signed
    rules = _rules(signed)
    assert rules.get("pdf.signature-count") is Severity.WARNING, "the agency has not signed yet"
    assert "pdf.signature-invalid" not in rules


def test_both_signatures_in_the_documented_fields(signed: Path, tmp_path: Path) -> None:
    both = _sign(
        signed, tmp_path / "both.pdf", SEAL_FIELD, _signer(tmp_path, "UBND huyện Nghi Xuân")
    )
    statuses = {s.field: s for s in pdf_signatures(both)}
    assert statuses[SEAL_FIELD].signer == "UBND huyện Nghi Xuân" and statuses[SEAL_FIELD].intact
    assert statuses[SIGNER_FIELD].intact and not statuses[SIGNER_FIELD].covers_document
    assert "pdf.signature-count" not in _rules(both)


def test_tampered_signed_file_is_an_error(signed: Path, tmp_path: Path) -> None:
    data = signed.read_bytes()
    producer = docs.PRODUCER.encode("latin-1", "ignore")[:6]
    index = data.find(b"Nghi Xu")  # text inside the signed bytes (the Info dictionary)
    if index < 0:
        index = data.find(producer)
    assert index > 0
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(data[:index] + b"X" + data[index + 1 :])
    statuses = {s.field: s for s in pdf_signatures(tampered)}
    assert statuses[SIGNER_FIELD].signed and not statuses[SIGNER_FIELD].intact
    finding = next(f for f in check_pdf(tampered) if f.rule == "pdf.signature-invalid")
    assert finding.severity is Severity.ERROR and "Trần Tuyết Minh" in finding.message


def test_signing_leaves_the_printed_page_unchanged(signed: Path, tmp_path: Path) -> None:
    """The field's empty appearance is replaced by the signing tool's; before signing nothing
    is printed, so the unsigned export prints exactly the layout."""
    source = signed.parent / "export.pdf"
    with pikepdf.open(source) as pdf:
        for page in pdf.pages:
            for annot in page.obj.get("/Annots", []):
                assert annot.AP.N.read_bytes() == b""
    assert io.BytesIO(source.read_bytes()).read(5) == b"%PDF-"
