"""The first-start sample: a short, correct báo cáo so a new user has something to learn from.

It is inserted once per database (remembered in `meta`), only while the store has no documents,
and takes the office's header, signer and Nơi nhận from the profile when one is configured. The
text lives in `resources/samples/bao-cao-mau.json` with `{nam}` (year) and `{quy}` (quarter, in
Roman numerals) filled in from the store's clock.
"""

from __future__ import annotations

from db import documents as db_documents
from db import settings as db_settings
from desktop.model.document import Document, PeriodKind, ReportingPeriod
from desktop.model.numbering import roman
from desktop.model.profile import OfficeProfile
from desktop.services.interchange import parse
from desktop.services.profile import apply_profile_defaults, get_profile
from desktop.services.records import insert_document
from desktop.services.store import Store

SAMPLE_FILE = ("samples", "bao-cao-mau.json")
_META_KEY = "sample_document_offered"


def sample_document(year: int, quarter: int) -> Document:
    from resources import read_text

    text = read_text(*SAMPLE_FILE).replace("{nam}", str(year)).replace("{quy}", roman(quarter))
    doc = parse(text, SAMPLE_FILE[-1])
    return doc.with_changes(reporting_period=ReportingPeriod(PeriodKind.QUARTERLY, year, quarter))


def ensure_sample_document(store: Store) -> int | None:
    """Insert the sample into a brand-new store; return its id, or None when not applicable."""
    with store.write() as db:
        if db_settings.get_meta(db, _META_KEY) is not None:
            return None
        db_settings.set_meta(db, _META_KEY, store.now_iso())
        empty = db_documents.count_documents(db) + db_documents.count_documents(db, deleted=True)
        if empty:
            return None
        today = store.now().date()
        doc = sample_document(today.year, (today.month - 1) // 3 + 1)
        profile = get_profile(store)
        if profile.is_configured:
            doc = _with_profile(doc, profile)
        return insert_document(store, db, doc)


def _with_profile(doc: Document, profile: OfficeProfile) -> Document:
    """The office's header; its signer and Nơi nhận when it has them, else the sample's."""
    distribution = doc.distribution
    if profile.distribution:
        first = profile.distribution[0].strip().lower()
        distribution = (
            profile.distribution if first == "như trên" else ("Như trên", *profile.distribution)
        )
    return apply_profile_defaults(doc, profile).with_changes(
        signer=profile.default_signer if profile.signers else doc.signer,
        distribution=distribution,
        archive_note=profile.unit_abbr or doc.archive_note,
    )
