from __future__ import annotations

import json
import os

import pytest

from desktop.cli.main import command_modules

ENGLISH = ("usage:", "options:", "show this help", "positional arguments", "error:", "invalid ")


def one_vietnamese_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines, "nothing on stderr"
    last = lines[-1]
    assert not any(word in last for word in ENGLISH), last
    return last


def test_no_arguments_prints_vietnamese_help(baocao):
    result = baocao(data=False)
    assert result.code == 0
    assert result.out.startswith("Cách dùng: baocao")
    for command in ("new", "list", "show", "search", "history", "restore", "profile", "dump",
                    "load", "restore-backup"):  # fmt: skip
        assert f"    {command} " in result.out
    assert not any(word in result.out for word in ENGLISH)


def test_version(baocao):
    result = baocao("--version", data=False)
    assert result.code == 0 and result.out.startswith("baocao ") and result.out.strip()[7:]


def all_commands() -> list[list[str]]:
    return [
        ["new"], ["list"], ["show"], ["search"], ["history"], ["restore"], ["dump"], ["load"],
        ["profile"], ["profile", "show"], ["profile", "set"], ["restore-backup"], ["backup"],
        ["delete"], ["undelete"], ["duplicate"], ["finalize"],
    ]  # fmt: skip


@pytest.mark.parametrize("command", all_commands(), ids=" ".join)
def test_every_command_has_vietnamese_help_and_does_not_open_the_store(baocao, data_dir, command):
    result = baocao(*command, "--help")
    assert result.code == 0
    assert result.out.startswith("Cách dùng: baocao")
    assert "tùy chọn:" in result.out
    assert not any(word in result.out for word in ENGLISH), result.out
    assert not data_dir.exists()


def test_command_modules_are_discovered():
    names = {m.__name__.rsplit(".", 1)[-1] for m in command_modules()}
    assert {"documents", "search", "interchange", "history", "profile", "backups"} <= names


def test_new_prints_only_the_id(baocao):
    first = baocao("new", "--kind", "bao-cao", "--title", "Kết quả quý I")
    second = baocao("new", "--kind", "cong-van", "--title", "Xin ý kiến",
                    "--number", "5", "--date", "2026-02-03")  # fmt: skip
    assert (first.code, first.out, first.err) == (0, "1\n", "")
    assert (second.code, second.out) == (0, "2\n")


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["--number", "0"], 2, "đối số --number: số văn bản phải là số nguyên dương"),
        (["--number", "abc"], 2, "số văn bản phải là số nguyên dương, không phải 'abc'"),
        (["--number", "-3"], 2, "--number"),
        (["--date", "2024-02-30"], 2, "ngày ban hành: ngày 2024-02-30 không tồn tại"),
        (["--date", "05/03/2026"], 2, "ngày ban hành phải có dạng NĂM-THÁNG-NGÀY"),
        (["--deadline", "2026-13-01"], 2, "hạn gửi: ngày 2026-13-01 không tồn tại"),
        (["--title", "Báo cáo\x07"], 1, "trích yếu: chứa ký tự điều khiển U+0007"),
        (["--bogus"], 2, "không hiểu đối số: --bogus"),
    ],
)
def test_bad_values_are_refused_naming_the_field_and_nothing_is_written(baocao, args, code, words):
    result = baocao("new", "--kind", "bao-cao", *args)
    assert result.code == code
    assert result.out == ""
    assert words in one_vietnamese_line(result.err)
    listing = baocao("list", "--json")
    assert json.loads(listing.out) == []


def test_unknown_kind_and_missing_kind(baocao):
    result = baocao("new", "--kind", "cv")
    assert result.code == 2
    assert "loại văn bản không hợp lệ: 'cv'" in one_vietnamese_line(result.err)
    result = baocao("new")
    assert result.code == 2
    assert "thiếu đối số bắt buộc: --kind" in one_vietnamese_line(result.err)


def test_unknown_command(baocao):
    result = baocao("frobnicate")
    assert result.code == 2
    assert "giá trị không hợp lệ: 'frobnicate'" in one_vietnamese_line(result.err)


def test_missing_document_is_a_one_line_error(baocao):
    result = baocao("show", "99")
    assert result.code == 1
    assert one_vietnamese_line(result.err) == (
        "Lỗi: Không có văn bản mã 99; xem danh sách bằng: baocao list"
    )


def test_profile_set_show_and_defaults_of_new_documents(baocao):
    result = baocao(
        "profile", "set", "--parent", "UBND TỈNH KON TUM", "--agency",
        "ỦY BAN NHÂN DÂN HUYỆN ĐẮK GLEI", "--abbr", "UBND", "--unit", "VP", "--place",
        "Đắk Glei", "--signer", "TM. Ủy ban nhân dân|KT. CHỦ TỊCH|PHÓ CHỦ TỊCH|Nguyễn Văn An",
        "--distribution", "Như trên", "--distribution", "Sở Nội vụ", "--size", "b",
        "--margin-left", "35", "--indent", "1,27",
    )  # fmt: skip
    assert result.code == 0, result.err
    shown = baocao("profile", "show")
    assert "ỦY BAN NHÂN DÂN HUYỆN ĐẮK GLEI" in shown.out
    assert "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH — Nguyễn Văn An" in shown.out
    assert "20/20/35/15 mm" in shown.out and "1,27 cm" in shown.out
    assert any(
        line.startswith("Bộ cỡ chữ:") and line.endswith(" B") for line in shown.out.splitlines()
    )
    profile = json.loads(baocao("profile", "show", "--json").out)
    assert profile["margins"]["left"] == 35 and profile["first_line_indent_cm"] == 1.27
    doc_id = baocao("new", "--kind", "bao-cao", "--title", "Báo cáo").out.strip()
    doc = json.loads(baocao("dump", doc_id).out)
    assert doc["issuing_agency"] == "ỦY BAN NHÂN DÂN HUYỆN ĐẮK GLEI"
    assert doc["signer"]["lines"][0] == {"text": "ỦY BAN NHÂN DÂN", "prefix": "TM."}
    assert doc["distribution"] == ["Như trên", "Sở Nội vụ"] and doc["archive_note"] == "VP"
    text = baocao("show", doc_id).out
    assert "Số:      /BC-UBND" in text and "- Lưu: VT, VP." in text


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["--signer", "PT. GIÁM ĐỐC|Nguyễn Văn A"], 2, "tiền tố quyền hạn không hợp lệ 'PT.'"),
        (["--signer", "GIÁM ĐỐC"], 2, "người ký phải có dạng"),
        (["--signer", "KT. GIÁM ĐỐC|A"], 1, "dòng cuối của khối chữ ký phải là chức vụ"),
        (["--margin-left", "40"], 1, "lề trái 40 mm ngoài khoảng 30–35 mm"),
        (["--margin-top", "hai"], 2, "lề trên (mm) phải là một số"),
        (["--size", "C"], 2, "bộ cỡ chữ phải là A hoặc B"),
        (["--agency", "UBND\x1b"], 2, "cơ quan ban hành chứa ký tự điều khiển U+001B"),
        (["--abbr", "UB ND"], 1, "ký hiệu cơ quan: không được chứa dấu cách"),
    ],
)
def test_bad_profile_values(baocao, args, code, words):
    baocao("profile", "set", "--agency", "SỞ NỘI VỤ")
    result = baocao("profile", "set", *args)
    assert result.code == code
    assert words in one_vietnamese_line(result.err)
    assert json.loads(baocao("profile", "show", "--json").out)["issuing_agency"] == "SỞ NỘI VỤ"


def test_round_trip_new_dump_load_replace_dump_is_unchanged(baocao, tmp_path):
    doc_id = baocao("new", "--kind", "ke-hoach", "--title", "Kế hoạch chuyển đổi số").out.strip()
    first = baocao("dump", doc_id).out
    path = tmp_path / "doc.json"
    path.write_text(first, encoding="utf-8")
    result = baocao("load", str(path), "--replace", doc_id)
    assert (result.code, result.out) == (0, f"{doc_id}\n")
    assert baocao("dump", doc_id).out == first
    # an edit made in the file comes back through load --replace
    data = json.loads(first)
    data["body"] = [{"type": "paragraph", "content": [{"text": "Nội dung mới, Đắk Glei."}]}]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert baocao("load", str(path), "--replace", doc_id).code == 0
    edited = json.loads(baocao("dump", doc_id).out)
    assert edited["body"][0]["content"] == [{"text": "Nội dung mới, Đắk Glei."}]
    assert edited["body"][0]["id"]  # a block id was given to the new block
    history = json.loads(baocao("history", doc_id, "--json").out)
    assert history[0]["reason"] == "before-replace"
    # and load without --replace makes a copy
    copy_id = baocao("load", str(path)).out.strip()
    assert copy_id != doc_id
    assert (
        json.loads(baocao("dump", copy_id).out)["body"][0]["content"] == data["body"][0]["content"]
    )


def test_dump_to_a_file(baocao, tmp_path):
    doc_id = baocao("new", "--kind", "bao-cao", "--title", "Tệp").out.strip()
    target = tmp_path / "x.json"
    assert baocao("dump", doc_id, "-o", str(target)).code == 0
    assert target.read_text(encoding="utf-8") == baocao("dump", doc_id).out


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (None, "Không đọc được tệp"),
        (b"\xff\xfe{}", "không phải UTF-8"),
        (b'{"format": "baocao.document"', "JSON không hợp lệ"),
        (
            b'{"format": "baocao.document", "version": 1, "kind": "bao-cao", "number": 0}',
            "ở trường number: phải lớn hơn hoặc bằng 1",
        ),
    ],
)
def test_load_refuses_bad_files(baocao, tmp_path, content, words):
    path = tmp_path / "in.json"
    if content is not None:
        path.write_bytes(content)
    result = baocao("load", str(path))
    assert result.code == 1
    assert words in one_vietnamese_line(result.err)
    assert json.loads(baocao("list", "--json").out) == []


def test_list_show_search_delete_undelete(baocao):
    a = baocao("new", "--kind", "bao-cao", "--title", "Kết quả tại Đắk Glei").out.strip()
    b = baocao("new", "--kind", "ke-hoach", "--title", "Kế hoạch năm",
               "--number", "12", "--date", "2025-12-01").out.strip()  # fmt: skip
    listing = baocao("list").out
    assert listing.splitlines()[0].split() == ["Mã", "Loại", "Số,", "ký", "hiệu", "Ngày",
                                               "Trạng", "thái", "Trích", "yếu"]  # fmt: skip
    assert "12/KH-…" in listing and "01/12/2025" in listing
    rows = json.loads(baocao("list", "--json", "--kind", "ke-hoach").out)
    assert [r["id"] for r in rows] == [int(b)] and rows[0]["number_symbol"] == "12/KH-…"
    assert json.loads(baocao("list", "--json", "--year", "2025").out)[0]["id"] == int(b)
    assert baocao("list", "--status", "sent").out.strip() == "Chưa có văn bản nào."
    assert baocao("list", "--status", "gui").code == 2
    shown = json.loads(baocao("show", a, "--json").out)
    assert shown["document"]["title"] == "Kết quả tại Đắk Glei" and shown["revision"] == 1
    assert f"{a}   Báo cáo" in baocao("search", "dak", "glei").out
    assert json.loads(baocao("search", "dak glei", "--json").out)[0]["id"] == int(a)
    assert "Không tìm thấy" in baocao("search", "khong co dau").out
    assert baocao("delete", a).code == 0
    assert "Không tìm thấy" in baocao("search", "dak glei").out
    assert json.loads(baocao("list", "--deleted", "--json").out)[0]["id"] == int(a)
    assert "ĐANG Ở THÙNG RÁC" in baocao("show", a).out
    assert baocao("undelete", a).code == 0
    assert baocao("list", "--deleted").out.strip() == "Thùng rác trống."


def test_history_finalize_restore(baocao, tmp_path):
    doc_id = baocao("new", "--kind", "bao-cao", "--title", "Bản hoàn thiện").out.strip()
    assert "chưa có bản lưu lịch sử" in baocao("history", doc_id).out
    assert baocao("finalize", doc_id).code == 0
    snapshots = json.loads(baocao("history", doc_id, "--json").out)
    assert [s["reason"] for s in snapshots] == ["finalize"]
    data = json.loads(baocao("dump", doc_id).out)
    data["title"] = "Sửa sau khi hoàn thiện"
    path = tmp_path / "e.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    baocao("load", str(path), "--replace", doc_id)
    result = baocao("restore", doc_id, str(snapshots[0]["id"]))
    assert result.code == 0 and "Đã khôi phục" in result.out
    assert json.loads(baocao("dump", doc_id).out)["title"] == "Bản hoàn thiện"
    table = baocao("history", doc_id).out
    assert "Trước khi khôi phục" in table and "Hoàn thiện" in table
    bad = baocao("restore", doc_id, "999")
    assert bad.code == 1 and "không có bản lưu lịch sử mã 999" in one_vietnamese_line(bad.err)


def test_duplicate(baocao):
    doc_id = baocao("new", "--kind", "bao-cao", "--title", "Quý I", "--number", "3",
                    "--date", "2026-03-31").out.strip()  # fmt: skip
    copy_id = baocao("duplicate", doc_id).out.strip()
    copy = json.loads(baocao("dump", copy_id).out)
    assert copy["number"] is None and copy["date"] is None and copy["title"] == "Quý I"


def test_corrupt_database_then_restore_backup(baocao, data_dir):
    baocao("new", "--kind", "bao-cao", "--title", "Giữ lại")
    assert baocao("backup").code == 0
    listed = baocao("restore-backup", "--list")
    assert listed.code == 0 and "backups" in listed.out
    path = data_dir / "baocao.db"
    path.write_bytes(path.read_bytes()[:3000])
    damaged = path.read_bytes()
    result = baocao("list")
    assert result.code == 1
    line = one_vietnamese_line(result.err)
    assert "bị hỏng" in line and "restore-backup" in line and "backups" in line
    assert path.read_bytes() == damaged
    restored = baocao("restore-backup")
    assert restored.code == 0 and "Tệp dữ liệu cũ được giữ lại" in restored.out
    assert "Giữ lại" in baocao("list").out
    kept = [p for p in data_dir.iterdir() if p.name.startswith("baocao.db.hong-")]
    assert any(p.read_bytes() == damaged for p in kept)


def test_finalize_says_at_once_when_the_package_will_not_fit_an_email(baocao, tmp_path):
    assert baocao("profile", "set", "--email-limit", "1").code == 0
    doc_id = baocao("new", "--kind", "bao-cao", "--title", "Có minh chứng lớn").out.strip()
    scan = tmp_path / "scan.bin"
    scan.write_bytes(os.urandom(3 * 1024 * 1024))  # incompressible, 3 MB > the 1 MB limit
    assert baocao("attach", doc_id, str(scan)).code == 0
    result = baocao("finalize", doc_id)
    assert result.code == 0
    assert "vượt giới hạn gửi thư điện tử" in result.err
    small = baocao("new", "--kind", "bao-cao", "--title", "Không minh chứng").out.strip()
    assert "vượt giới hạn" not in baocao("finalize", small).err
