from __future__ import annotations

import pytest

from desktop.errors import UserError
from desktop.model.document import AuthorityLine, SignerBlock, SignerPrefix
from desktop.model.profile import Margins, OfficeProfile, SignerPreset
from desktop.services.profile import get_profile, set_profile, update_profile
from tests.helpers.stores import OFFICE


def test_a_new_store_has_an_empty_profile(store):
    profile = get_profile(store)
    assert profile == OfficeProfile() and not profile.is_configured


def test_profile_is_stored_and_updated(store):
    set_profile(store, OFFICE)
    assert get_profile(store) == OFFICE
    update_profile(store, place="Kon Tum", margins=Margins(25, 20, 35, 20))
    again = get_profile(store)
    assert again.place == "Kon Tum" and again.margins.left == 35
    assert again.issuing_agency == OFFICE.issuing_agency


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"margins": Margins(left=40)}, "lề trái 40 mm ngoài khoảng 30–35 mm"),
        ({"margins": Margins(top=10)}, "lề trên 10 mm"),
        ({"first_line_indent_cm": 2.0}, "thụt đầu dòng"),
        ({"line_spacing": 2.0}, "giãn dòng"),
        ({"paragraph_spacing_pt": 3.0}, "khoảng cách giữa các đoạn"),
        ({"issuing_agency": "UBND\x07"}, "cơ quan ban hành: chứa ký tự điều khiển U+0007"),
        ({"agency_abbr": "UB ND"}, "ký hiệu cơ quan: không được chứa dấu cách"),
        (
            {
                "signers": (
                    SignerPreset("x", SignerBlock((AuthorityLine("A", SignerPrefix.KT),), "")),
                )
            },
            "người ký mặc định 1: dòng cuối của khối chữ ký phải là chức vụ",
        ),
    ],
)
def test_invalid_profiles_are_refused_and_nothing_changes(store, changes, words):
    set_profile(store, OFFICE)
    with pytest.raises(UserError) as info:
        update_profile(store, **changes)
    assert words in info.value.message
    assert get_profile(store) == OFFICE


def test_a_preset_may_leave_the_name_to_each_document(store):
    preset = SignerPreset("Giám đốc", SignerBlock((AuthorityLine("GIÁM ĐỐC"),), ""))
    set_profile(store, OFFICE.with_changes(signers=(preset,)))
    assert get_profile(store).signers == (preset,)
