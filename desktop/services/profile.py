"""The office profile: read it, change it (validated), and the defaults new documents take."""

from __future__ import annotations

import json
from typing import Any

from db import settings as db_settings
from desktop.errors import UserError
from desktop.model.document import Document, SignerBlock
from desktop.model.grammar import signer_problems
from desktop.model.kinds import DocumentKind
from desktop.model.profile import OfficeProfile, SignerPreset
from desktop.model.serialize import DocumentFormatError, profile_from_json, profile_to_json
from desktop.model.text import describe_character, find_control_character
from desktop.services.store import Store

PROFILE_FIELD_LABELS: dict[str, str] = {
    "parent_agency": "cơ quan chủ quản",
    "issuing_agency": "cơ quan ban hành",
    "agency_abbr": "ký hiệu cơ quan",
    "unit_abbr": "ký hiệu đơn vị soạn thảo",
    "place": "địa danh",
    "footer_address": "địa chỉ chân trang",
    "distribution": "Nơi nhận mặc định",
    "signers": "người ký mặc định",
}

_MISSING_NAME = "thiếu họ tên người ký"


def get_profile(store: Store) -> OfficeProfile:
    """The stored profile, or an empty one on a new install."""
    with store.read() as db:
        text = db_settings.get_profile_json(db)
    if text is None:
        return OfficeProfile()
    try:
        return profile_from_json(json.loads(text))
    except (ValueError, DocumentFormatError) as exc:
        raise UserError(f"Không đọc được hồ sơ cơ quan đã lưu: {exc}") from None


def profile_problems(profile: OfficeProfile) -> list[str]:
    """Everything that makes a profile unfit to save, as Vietnamese phrases naming the field."""
    problems: list[str] = []
    texts: list[tuple[str, str]] = [
        (name, getattr(profile, name))
        for name in ("parent_agency", "issuing_agency", "agency_abbr", "unit_abbr", "place",
                     "footer_address")
    ]  # fmt: skip
    texts += [("distribution", line) for line in profile.distribution]
    for preset in profile.signers:
        texts += [("signers", preset.label), ("signers", preset.signer.name)]
        texts += [("signers", line.text) for line in preset.signer.lines]
    for name, text in texts:
        bad = find_control_character(text)
        if bad is not None:
            problems.append(
                f"{PROFILE_FIELD_LABELS[name]}: chứa ký tự điều khiển {describe_character(bad)}"
            )
    for abbr_field in ("agency_abbr", "unit_abbr"):
        value = getattr(profile, abbr_field)
        if any(ch.isspace() or ch in "/" for ch in value):
            problems.append(
                f"{PROFILE_FIELD_LABELS[abbr_field]}: không được chứa dấu cách hoặc dấu /"
            )
    for i, preset in enumerate(profile.signers, start=1):
        for problem in signer_problems(preset.signer):
            if problem != _MISSING_NAME:  # a preset may leave the name to each document
                problems.append(f"người ký mặc định {i}: {problem}")
    problems.extend(profile.problems())
    return problems


def set_profile(store: Store, profile: OfficeProfile) -> OfficeProfile:
    problems = profile_problems(profile)
    if problems:
        raise UserError("Hồ sơ cơ quan không hợp lệ: " + "; ".join(problems))
    text = json.dumps(profile_to_json(profile), ensure_ascii=False, separators=(",", ":"))
    with store.write() as db:
        db_settings.set_profile_json(db, text, store.now_iso())
    return profile


def update_profile(store: Store, **changes: Any) -> OfficeProfile:
    """Change some fields of the stored profile in one transaction."""
    with store.write():
        return set_profile(store, get_profile(store).with_changes(**changes))


def apply_profile_defaults(doc: Document, profile: OfficeProfile) -> Document:
    """Fill the office fields of a document from the profile (what a new document starts with)."""
    return doc.with_changes(
        parent_agency=profile.parent_agency,
        issuing_agency=profile.issuing_agency,
        agency_abbr=profile.agency_abbr,
        unit_abbr=profile.unit_abbr,
        place=profile.place,
        signer=profile.default_signer,
        distribution=profile.distribution,
        archive_note=profile.unit_abbr,
        # Ô 13 (address line) belongs to công văn (Mẫu 1.5); other kinds leave it out.
        footer_address=profile.footer_address if doc.kind is DocumentKind.CONG_VAN else "",
    )


def signer_preset_label(signer: SignerBlock) -> str:
    """How a saved signer is listed: the title line and the name (“PHÓ CHỦ TỊCH — Trần Thị B”)."""
    title = signer.lines[-1].text if signer.lines else ""
    return " — ".join(part for part in (title, signer.name) if part) or "Người ký"


def save_signer_preset(store: Store, signer: SignerBlock) -> tuple[OfficeProfile, bool]:
    """Keep `signer` among the profile's saved signers, so other documents can pick it.

    A saved signer with the same authority lines is replaced (the name changed); otherwise the
    signer is added after the others. Returns the stored profile and whether it was added new.
    """
    if not signer.lines:
        raise UserError("Hãy nhập quyền hạn, chức vụ người ký trước khi lưu làm mẫu.")
    preset = SignerPreset(signer_preset_label(signer), signer)
    with store.write():
        profile = get_profile(store)
        presets = list(profile.signers)
        same = next((i for i, p in enumerate(presets) if p.signer.lines == signer.lines), None)
        if same is None:
            presets.append(preset)
        else:
            presets[same] = preset
        return set_profile(store, profile.with_changes(signers=tuple(presets))), same is None
