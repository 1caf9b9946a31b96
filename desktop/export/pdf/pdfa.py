"""PDF/A-2b identification, added with pikepdf after reportlab has drawn the pages.

What is added: an XMP packet (`pdfaid:part=2`, `pdfaid:conformance=B`; title, author, subject,
keywords, producer, creator tool and dates mirrored exactly from the Info dictionary, which is
written from the same values), an sRGB output intent (reportlab draws in DeviceRGB/DeviceGray),
and the document language. The document ID (XMP `xmpMM:DocumentID`, and the trailer /ID when
saving with `deterministic_id`) is derived from the content, never from the clock, so the same
document exported twice carries the same ID. The XMP packet is written uncompressed, as PDF/A
readers expect.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import struct
import uuid
from functools import lru_cache
from xml.sax.saxutils import escape

import pikepdf

from desktop.layout.content import Metadata

PDFA_PART = 2
PDFA_CONFORMANCE = "B"
SRGB_IDENTIFIER = "sRGB IEC61966-2.1"


def aware(moment: dt.datetime) -> dt.datetime:
    """A naive datetime is taken as local wall-clock time."""
    return moment if moment.tzinfo is not None else moment.astimezone()


def pdf_date(moment: dt.datetime) -> str:
    """`D:20240105083000+07'00'` (PDF date string with the UTC offset)."""
    moment = aware(moment)
    offset = moment.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"D:{moment:%Y%m%d%H%M%S}{sign}{hours:02d}'{mins:02d}'"


def xmp_date(moment: dt.datetime) -> str:
    """`2024-01-05T08:30:00+07:00` (XMP / ISO 8601)."""
    return aware(moment).replace(microsecond=0).isoformat()


@lru_cache(maxsize=1)
def srgb_profile() -> bytes:
    """An sRGB ICC profile made by LittleCMS through Pillow, with its creation date fixed so the
    output is reproducible (the header date is informative; the profile has no ID to break)."""
    from PIL import ImageCms

    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    data[24:36] = struct.pack(">6H", 2020, 1, 1, 0, 0, 0)
    data[84:100] = bytes(16)  # profile ID: "not computed"
    return bytes(data)


def document_uuid(fingerprint: bytes) -> str:
    return str(uuid.UUID(bytes=hashlib.sha256(fingerprint).digest()[:16], version=4))


def _alt(value: str) -> str:
    return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(value)}</rdf:li></rdf:Alt>'


def xmp_packet(
    meta: Metadata, *, producer: str, creator_tool: str, created: dt.datetime, document_id: str
) -> bytes:
    stamp = xmp_date(created)
    dc = ["<dc:format>application/pdf</dc:format>", f"<dc:title>{_alt(meta.title)}</dc:title>"]
    if meta.author:
        dc.append(
            f"<dc:creator><rdf:Seq><rdf:li>{escape(meta.author)}</rdf:li></rdf:Seq></dc:creator>"
        )
    if meta.subject:
        dc.append(f"<dc:description>{_alt(meta.subject)}</dc:description>")
    if meta.language:
        dc.append(
            f"<dc:language><rdf:Bag><rdf:li>{escape(meta.language)}</rdf:li></rdf:Bag></dc:language>"
        )
    pdf_props = [f"<pdf:Producer>{escape(producer)}</pdf:Producer>"]
    if meta.keywords:
        pdf_props.append(f"<pdf:Keywords>{escape('; '.join(meta.keywords))}</pdf:Keywords>")
    text = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">'
        f"<pdfaid:part>{PDFA_PART}</pdfaid:part>"
        f"<pdfaid:conformance>{PDFA_CONFORMANCE}</pdfaid:conformance></rdf:Description>\n"
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"{''.join(dc)}</rdf:Description>\n"
        '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">'
        f"{''.join(pdf_props)}</rdf:Description>\n"
        '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">'
        f"<xmp:CreateDate>{stamp}</xmp:CreateDate><xmp:ModifyDate>{stamp}</xmp:ModifyDate>"
        f"<xmp:MetadataDate>{stamp}</xmp:MetadataDate>"
        f"<xmp:CreatorTool>{escape(creator_tool)}</xmp:CreatorTool></rdf:Description>\n"
        '<rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">'
        f"<xmpMM:DocumentID>uuid:{document_id}</xmpMM:DocumentID>"
        f"<xmpMM:InstanceID>uuid:{document_id}</xmpMM:InstanceID></rdf:Description>\n"
        "</rdf:RDF>\n</x:xmpmeta>\n"
        + " " * 2000  # padding lets a later tool update the packet in place
        + '\n<?xpacket end="w"?>'
    )
    return text.encode("utf-8")


def apply_pdfa(
    pdf: pikepdf.Pdf,
    meta: Metadata,
    *,
    producer: str,
    created: dt.datetime,
    fingerprint: bytes,
) -> str:
    """Make `pdf` a PDF/A-2b candidate in place; returns the document ID (a UUID)."""
    document_id = document_uuid(fingerprint)
    creator_tool = producer
    for page in pdf.pages:
        # reportlab writes an empty page transition (/Trans) on every page: a presentation
        # effect that no archive format needs and that PDF/A validators cannot vouch for.
        if "/Trans" in page.obj:
            del page.obj.Trans
    info = pikepdf.Dictionary(
        Title=pikepdf.String(meta.title),
        Producer=pikepdf.String(producer),
        Creator=pikepdf.String(creator_tool),
        CreationDate=pikepdf.String(pdf_date(created)),
        ModDate=pikepdf.String(pdf_date(created)),
    )
    if meta.author:
        info.Author = pikepdf.String(meta.author)
    if meta.subject:
        info.Subject = pikepdf.String(meta.subject)
    if meta.keywords:
        info.Keywords = pikepdf.String("; ".join(meta.keywords))
    pdf.trailer.Info = pdf.make_indirect(info)

    packet = xmp_packet(
        meta, producer=producer, creator_tool=creator_tool, created=created, document_id=document_id
    )
    metadata = pikepdf.Stream(pdf, packet)
    metadata.Type = pikepdf.Name.Metadata
    metadata.Subtype = pikepdf.Name.XML
    pdf.Root.Metadata = pdf.make_indirect(metadata)

    profile = pikepdf.Stream(pdf, srgb_profile())
    profile.N = 3
    intent = pikepdf.Dictionary(
        Type=pikepdf.Name.OutputIntent,
        S=pikepdf.Name.GTS_PDFA1,
        OutputConditionIdentifier=pikepdf.String(SRGB_IDENTIFIER),
        Info=pikepdf.String(SRGB_IDENTIFIER),
        RegistryName=pikepdf.String("http://www.color.org"),
        DestOutputProfile=pdf.make_indirect(profile),
    )
    pdf.Root.OutputIntents = pikepdf.Array([pdf.make_indirect(intent)])
    if meta.language:
        pdf.Root.Lang = pikepdf.String(meta.language)
    return document_id
