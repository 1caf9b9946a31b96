"""`profile show` and `profile set`: the office's own data, defaults of every new document."""

from __future__ import annotations

import argparse
import re
from typing import Any

from desktop.cli import values
from desktop.cli.context import CliContext
from desktop.cli.vietnamese import ArgumentTypeError
from desktop.model.document import AuthorityLine, SignerBlock, SignerPrefix
from desktop.model.profile import SignerPreset

ORDER = 50

_PREFIX_LIKE = re.compile(r"^(\w{1,6})\.(?=\s|$)")
PREFIX_NAMES = ", ".join(p.value for p in SignerPrefix)


def signer_preset(text: str) -> SignerPreset:
    """`TM. ỦY BAN NHÂN DÂN|KT. CHỦ TỊCH|PHÓ CHỦ TỊCH|Nguyễn Văn A`: title lines, then the name."""
    parts = [values.text_field("người ký")(p) for p in text.split("|")]
    if len(parts) < 2:
        raise ArgumentTypeError(
            "người ký phải có dạng “DÒNG CHỨC VỤ|…|Họ tên”, ví dụ "
            "“TM. ỦY BAN NHÂN DÂN|CHỦ TỊCH|Nguyễn Văn A” (để trống họ tên: kết thúc bằng |)"
        )
    *title_parts, name = parts
    lines = []
    for part in title_parts:
        prefix = None
        match = _PREFIX_LIKE.match(part)
        if match:
            try:
                prefix = SignerPrefix(match.group(0))
            except ValueError:
                raise ArgumentTypeError(
                    f"người ký: tiền tố quyền hạn không hợp lệ {match.group(0)!r} "
                    f"(chấp nhận: {PREFIX_NAMES})"
                ) from None
            part = part[match.end() :].strip()
        if not part:
            raise ArgumentTypeError("người ký: có dòng chức vụ để trống")
        lines.append(AuthorityLine(part.upper(), prefix))
    signer = SignerBlock(tuple(lines), name)
    label = f"{name} ({lines[-1].text})" if name else lines[-1].text
    return SignerPreset(label, signer)


def decimal(field: str, *, upper: float | None = None) -> Any:
    def parse(text: str) -> float:
        try:
            value = float(text.strip().replace(",", "."))
        except ValueError:
            raise ArgumentTypeError(f"{field} phải là một số, không phải {text!r}") from None
        if value != value or value in (float("inf"), float("-inf")):
            raise ArgumentTypeError(f"{field} phải là một số, không phải {text!r}")
        if upper is not None and value > upper:
            raise ArgumentTypeError(f"{field} tối đa {_number(upper)}, không phải {text!r}")
        return value

    return parse


def size_profile(text: str) -> str:
    value = text.strip().upper()
    if value not in ("A", "B"):
        raise ArgumentTypeError(f"bộ cỡ chữ phải là A hoặc B, không phải {text!r}")
    return value


_TEXT_OPTIONS = (
    # option, profile field, label, max length
    ("--parent", "parent_agency", "cơ quan chủ quản", 200),
    ("--agency", "issuing_agency", "cơ quan ban hành", 200),
    ("--abbr", "agency_abbr", "ký hiệu cơ quan", 30),
    ("--unit", "unit_abbr", "ký hiệu đơn vị soạn thảo", 30),
    ("--place", "place", "địa danh", 100),
    ("--footer", "footer_address", "địa chỉ chân trang", 500),
)

_NUMBER_OPTIONS = (
    ("--margin-top", "top", "lề trên (mm)"),
    ("--margin-bottom", "bottom", "lề dưới (mm)"),
    ("--margin-left", "left", "lề trái (mm)"),
    ("--margin-right", "right", "lề phải (mm)"),
    ("--indent", "first_line_indent_cm", "thụt đầu dòng (cm): 1 hoặc 1,27"),
    ("--line-spacing", "line_spacing", "giãn dòng (lần): 1,0–1,5"),
    ("--paragraph-spacing", "paragraph_spacing_pt", "khoảng cách đoạn (pt), từ 6"),
    ("--email-limit", "email_limit_mb", "giới hạn dung lượng thư điện tử (MB)"),
)


# Values past these are typing slips (1e30 MB); the model checks the decree's own ranges.
_UPPER_LIMITS = {"--email-limit": 100_000.0}


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    group = subparsers.add_parser(
        "profile",
        help="xem, sửa hồ sơ cơ quan (giá trị mặc định của văn bản mới)",
        description="Hồ sơ cơ quan: tên cơ quan, ký hiệu, địa danh, người ký, Nơi nhận, cỡ chữ "
        "và lề trang. Văn bản mới lấy các giá trị này làm mặc định.",
    )
    sub = group.add_subparsers(title="lệnh", metavar="LỆNH", dest="profile_command")
    group.set_defaults(func=lambda args, ctx: _help(group))

    p = sub.add_parser("show", help="xem hồ sơ cơ quan", description="In hồ sơ cơ quan.")
    p.add_argument("--json", action="store_true", help="in dạng JSON")
    p.set_defaults(func=show)

    p = sub.add_parser(
        "set",
        help="sửa hồ sơ cơ quan",
        description="Sửa các mục được nêu; mục không nêu giữ nguyên. Người ký viết dạng "
        "“DÒNG CHỨC VỤ|…|Họ tên”, mỗi --signer một người, người đầu tiên là mặc định; ví dụ "
        '--signer "TM. ỦY BAN NHÂN DÂN|KT. CHỦ TỊCH|PHÓ CHỦ TỊCH|Nguyễn Văn A".',
    )
    for option, _field, label, limit in _TEXT_OPTIONS:
        p.add_argument(option, type=values.text_field(label, max_length=limit), metavar="CHỮ",
                       help=label)  # fmt: skip
    p.add_argument("--signer", action="append", type=signer_preset, metavar="NGƯỜI_KÝ",
                   help="người ký (lặp lại cho nhiều người); thay cả danh sách")  # fmt: skip
    p.add_argument("--clear-signers", action="store_true", help="xóa danh sách người ký")
    p.add_argument("--distribution", action="append", metavar="NƠI_NHẬN",
                   type=values.text_field("Nơi nhận", max_length=300),
                   help="một dòng Nơi nhận mặc định, không ghi “- ” và “;” (lặp lại cho "
                   "nhiều dòng); thay cả danh sách")  # fmt: skip
    p.add_argument("--clear-distribution", action="store_true", help="xóa Nơi nhận mặc định")
    p.add_argument("--size", type=size_profile, metavar="A|B",
                   help="bộ cỡ chữ: A (thực tế Chính phủ, khuyên dùng) hoặc B (cột mẫu của "
                   "Nghị định)")  # fmt: skip
    for option, _field, label in _NUMBER_OPTIONS:
        upper = _UPPER_LIMITS.get(option)
        p.add_argument(option, type=decimal(label, upper=upper), metavar="SỐ", help=label)
    p.set_defaults(func=set_)


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 0


def _number(value: float) -> str:
    """`1.27` → `1,27`: Vietnamese writes the decimal comma."""
    return f"{value:g}".replace(".", ",")


def _profile_text(profile: Any, data_dir: object) -> str:
    from desktop.model.grammar import signer_lines

    def value(text: str) -> str:
        return text if text.strip() else "(chưa có)"

    m = profile.margins
    rows = [
        ("Thư mục dữ liệu", str(data_dir)),
        ("Cơ quan chủ quản", value(profile.parent_agency)),
        ("Cơ quan ban hành", value(profile.issuing_agency)),
        ("Ký hiệu cơ quan", value(profile.agency_abbr)),
        ("Ký hiệu đơn vị soạn thảo", value(profile.unit_abbr)),
        ("Địa danh", value(profile.place)),
        ("Địa chỉ chân trang", value(profile.footer_address)),
        ("Bộ cỡ chữ", profile.size_profile.value),
        (
            "Lề trên/dưới/trái/phải",
            "/".join(_number(v) for v in (m.top, m.bottom, m.left, m.right)) + " mm",
        ),
        ("Thụt đầu dòng", f"{_number(profile.first_line_indent_cm)} cm"),
        ("Giãn dòng", f"{_number(profile.line_spacing)} dòng"),
        ("Khoảng cách đoạn", f"{_number(profile.paragraph_spacing_pt)} pt"),
        ("Giới hạn thư điện tử", f"{_number(profile.email_limit_mb)} MB"),
        ("Người ký", "" if profile.signers else "(chưa có)"),
    ]
    width = max(len(label) for label, _ in rows) + 1
    lines = [f"{label + ':':<{width}} {text}".rstrip() for label, text in rows]
    for i, preset in enumerate(profile.signers, start=1):
        default = " (mặc định)" if i == 1 else ""
        lines.append(
            f"  {i}. {' / '.join(signer_lines(preset.signer))} — "
            f"{value(preset.signer.name)}{default}"
        )
    label = "Nơi nhận mặc định:"
    lines.append(f"{label:<{width}} (chưa có)" if not profile.distribution else label)
    lines += [f"  - {d};" for d in profile.distribution]
    return "\n".join(lines)


def show(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop.cli.output import to_json
    from desktop.model.serialize import profile_to_json
    from desktop.services.profile import get_profile

    profile = get_profile(ctx.store)
    if args.json:
        ctx.out(to_json(profile_to_json(profile)))
        return 0
    ctx.out(_profile_text(profile, ctx.data_dir))
    return 0


def set_(args: argparse.Namespace, ctx: CliContext) -> int:
    from dataclasses import replace

    from desktop.model.profile import SizeProfile
    from desktop.services.profile import get_profile, set_profile

    store = ctx.store
    with store.write():
        profile = get_profile(store)
        changes: dict[str, Any] = {}
        for option, field, _label, _limit in _TEXT_OPTIONS:
            given = getattr(args, option.removeprefix("--").replace("-", "_"))
            if given is not None:
                changes[field] = given
        if args.clear_signers:
            changes["signers"] = ()
        if args.signer:
            changes["signers"] = tuple(args.signer)
        if args.clear_distribution:
            changes["distribution"] = ()
        if args.distribution:
            changes["distribution"] = tuple(args.distribution)
        if args.size:
            changes["size_profile"] = SizeProfile(args.size)
        margins = {}
        for option, field, _label in _NUMBER_OPTIONS:
            given = getattr(args, option.removeprefix("--").replace("-", "_"))
            if given is None:
                continue
            if option.startswith("--margin-"):
                margins[field] = given
            else:
                changes[field] = given
        if margins:
            changes["margins"] = replace(profile.margins, **margins)
        if not changes:
            ctx.out("Không có gì thay đổi (xem các mục sửa được: baocao profile set --help).")
            return 0
        set_profile(store, profile.with_changes(**changes))
    ctx.out("Đã lưu hồ sơ cơ quan.")
    return 0
