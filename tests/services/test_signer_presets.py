"""Saving a document's signer as a preset of the office profile ("Lưu làm mẫu" in the window)."""

from __future__ import annotations

import pytest

from desktop.errors import UserError
from desktop.model.document import AuthorityLine, SignerBlock, SignerPrefix
from desktop.model.profile import OfficeProfile, SignerPreset
from desktop.services.profile import get_profile, save_signer_preset, set_profile
from desktop.services.store import StoreSettings, open_store

CHU_TICH = SignerBlock(
    (AuthorityLine("ỦY BAN NHÂN DÂN", SignerPrefix.TM), AuthorityLine("CHỦ TỊCH")), "Nguyễn Văn A"
)
PHO_CHU_TICH = SignerBlock(
    (
        AuthorityLine("ỦY BAN NHÂN DÂN", SignerPrefix.TM),
        AuthorityLine("CHỦ TỊCH", SignerPrefix.KT),
        AuthorityLine("PHÓ CHỦ TỊCH"),
    ),
    "Trần Thị B",
)


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path, settings=StoreSettings(backup_on_open=False)) as s:
        set_profile(
            s,
            OfficeProfile(issuing_agency="ỦY BAN NHÂN DÂN XÃ A", agency_abbr="UBND",
                          signers=(SignerPreset("CHỦ TỊCH", CHU_TICH),)),
        )  # fmt: skip
        yield s


def test_a_new_signer_is_added_after_the_others(store):
    profile, added = save_signer_preset(store, PHO_CHU_TICH)
    assert added
    assert [p.signer for p in profile.signers] == [CHU_TICH, PHO_CHU_TICH]
    assert profile.signers[1].label == "PHÓ CHỦ TỊCH — Trần Thị B"
    assert get_profile(store) == profile


def test_same_lines_replace_the_saved_name(store):
    renamed = SignerBlock(CHU_TICH.lines, "Lê Văn C")
    profile, added = save_signer_preset(store, renamed)
    assert not added
    assert [p.signer for p in profile.signers] == [renamed]


def test_a_signer_without_lines_is_refused(store):
    with pytest.raises(UserError, match="quyền hạn, chức vụ"):
        save_signer_preset(store, SignerBlock((), "Nguyễn Văn A"))
    assert [p.signer for p in get_profile(store).signers] == [CHU_TICH]
