"""The commands end to end, with the real DOCX and PDF exporters: attach, evidence, detach,
reduce, package, verify (exit codes), receive, exports."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from desktop.cli.main import main

SAMPLE = Path(__file__).resolve().parents[3] / "resources" / "samples" / "bao-cao-mau.json"


@pytest.fixture
def run(tmp_path, capsys):
    def run_command(*args: str, data: str = "sender") -> tuple[int, str, str]:
        code = main(["--data-dir", str(tmp_path / data), *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run_command


@pytest.fixture
def doc(run):
    if not SAMPLE.is_file():
        pytest.skip("sample document missing")
    code, out, err = run("load", str(SAMPLE))
    assert code == 0, err
    return out.strip()


@pytest.fixture
def files(tmp_path):
    folder = tmp_path / "files"
    folder.mkdir()
    Image.effect_noise((2400, 1800), 60).convert("RGB").save(folder / "anh lop.jpg", quality=95)
    (folder / "so-lieu.csv").write_text("Chỉ tiêu;Số\nA;1\n" * 100, encoding="utf-8")
    (folder / "qd.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\n" + b"0" * 5000)
    return folder


def test_evidence_commands(run, doc, files):
    code, out, _ = run("attach", doc, str(files / "anh lop.jpg"), "--to", "I.2",
                       "--caption", "Ảnh lớp bồi dưỡng")  # fmt: skip
    assert code == 0 and "Đã đính kèm số 1: Ảnh lớp bồi dưỡng (Ảnh JPEG" in out
    code, out, _ = run("attach", doc, str(files / "so-lieu.csv"), str(files / "qd.pdf"))
    assert code == 0 and "số 3: qd" in out
    code, out, _ = run("evidence", doc)
    assert code == 0 and "mục I.2" in out and "Tổng: 3 tài liệu" in out
    code, out, _ = run("evidence", doc, "--listing")
    assert out.splitlines()[0] == "Tài liệu kèm theo:" and out.splitlines()[-1].endswith(".")
    code, out, _ = run("evidence", doc, "2", "--caption", "Số liệu chi tiết")
    assert code == 0
    code, out, _ = run("reduce", doc, "1", "--long-side", "1200")
    assert code == 0 and "tiết kiệm" in out
    code, out, _ = run("detach", doc, "2")
    assert code == 0
    code, out, _ = run("evidence", doc, "--json")
    items = json.loads(out)
    assert [i["number"] for i in items] == [1, 2] and items[1]["caption"] == "qd"
    assert items[0]["reduced_from"] is not None
    code, _, err = run("attach", doc, str(files / "khong-co.pdf"))
    assert code == 1 and err.startswith("Lỗi: Không tìm thấy tệp")
    code, _, err = run("detach", doc, "9")
    assert code == 1 and "văn bản có các số từ 1 đến 2" in err


def test_package_verify_receive_round_trip(run, doc, files, tmp_path):
    run("attach", doc, str(files / "anh lop.jpg"), str(files / "so-lieu.csv"))
    code, out, _ = run("package", doc, "--check")
    assert code == 0 and "trong giới hạn" in out
    usb = tmp_path / "usb"
    code, out, err = run("package", doc, "--out", str(usb))
    assert code == 0, err
    assert "mã kiểm tra gói" in out
    zips = sorted(usb.glob("*.zip"))
    assert len(zips) == 1 and (usb / zips[0].name.replace(".zip", ".phieu-gui.pdf")).is_file()
    with zipfile.ZipFile(zips[0]) as zf:
        names = zf.namelist()
    assert any(n.endswith(".docx") for n in names) and any("/van-ban/" in n and n.endswith(".pdf")
                                                           for n in names)  # fmt: skip

    code, out, _ = run("verify", str(zips[0]))
    assert code == 0 and "KẾT QUẢ: HỢP LỆ" in out and "khớp với mã ghi trong gói" in out

    code, out, _ = run("exports", doc, "--json")
    log = json.loads(out)
    assert [e["kind"] for e in log] == ["package", "cover"]
    assert log[0]["path"] == str(zips[0]) and log[0]["package_id"]
    code, out, _ = run("exports", "--hash", log[0]["package_id"], "--json")
    assert len(json.loads(out)) == 2

    code, out, err = run("receive", str(zips[0]), data="receiver")
    assert code == 0, err
    assert "Đã nhận gói hợp lệ" in out
    code, out, _ = run("receive", "--list", "--json", data="receiver")
    assert json.loads(out)[0]["package_id"] == log[0]["package_id"]

    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(zips[0]) as src, zipfile.ZipFile(tampered, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info.filename, data + b" " if info.filename.endswith(".csv") else data)
    code, out, _ = run("verify", str(tampered))
    assert code == 1 and "KẾT QUẢ: KHÔNG HỢP LỆ" in out and "so-lieu.csv" in out
    code, _, err = run("receive", str(tampered), data="receiver2")
    assert code == 1 and "không có gì được ghi" in err


def test_split_from_the_command_line(run, doc, files, tmp_path):
    for n in range(3):
        Image.effect_noise((1600, 1200), 40 + n).convert("RGB").save(
            files / f"p{n}.jpg", quality=95
        )
        run("attach", doc, str(files / f"p{n}.jpg"))
    mail = tmp_path / "mail"
    code, out, err = run("package", doc, "--out", str(mail), "--max-part-size", "2,5MB")
    assert code == 0, err
    parts = sorted(mail.glob("*.zip"))
    assert len(parts) >= 2 and all(p.stat().st_size <= 2_500_000 for p in parts)
    assert out.count("Phần ") == len(parts)
    code, out, _ = run("verify", str(parts[0]), "--json")
    report = json.loads(out)
    assert code == 0 and report["valid"] and report["parts"] == len(parts)
    code, _, err = run("package", doc, "--out", str(mail), "--max-part-size", "abc")
    assert code == 2 and "dung lượng không hợp lệ" in err
