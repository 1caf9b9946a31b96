"""Grab every main screen at 1366×768 to PNG (BAOCAO_SHOTS, default /tmp/baocao-shots) so a
person can look at them; the test checks each grab is a full, drawn window."""

from __future__ import annotations

from PySide6.QtGui import QImage

from .conftest import SHOTS


def save(widget, name: str) -> QImage:
    SHOTS.mkdir(parents=True, exist_ok=True)
    image = widget.grab().toImage()
    image.save(str(SHOTS / f"{name}.png"))
    return image


def drawn(image: QImage) -> bool:
    colours = {
        image.pixel(x, y) for y in range(0, image.height(), 16) for x in range(0, image.width(), 16)
    }
    return len(colours) > 8


def test_main_screens(qtbot, window, document_id):
    def wait_jobs():
        qtbot.waitUntil(lambda: not window.runner.active(include_quiet=True), timeout=60000)

    window.resize(1366, 768)
    window.list_page.refresh()
    shots = {"01-danh-sach": save(window, "01-danh-sach")}
    window.open_document(document_id)
    window.editor_page.body.select_section("h11")
    window.side.setCurrentWidget(window.checker)
    window.checker.check_now()
    wait_jobs()
    shots["02-soan-thao-kiem-tra"] = save(window, "02-soan-thao-kiem-tra")
    window.side.setCurrentWidget(window.preview)
    window.preview.render_now()
    wait_jobs()
    qtbot.waitUntil(lambda: window.preview.pdf is not None, timeout=30000)
    qtbot.wait(200)
    shots["03-xem-truoc"] = save(window, "03-xem-truoc")
    window.side.setCurrentWidget(window.evidence)
    shots["04-minh-chung"] = save(window, "04-minh-chung")
    window.history.keep_now()
    window.side.setCurrentWidget(window.history)
    shots["05-lich-su"] = save(window, "05-lich-su")
    window.editor_page.tabs.setCurrentWidget(window.editor_page.header)
    shots["06-thong-tin-chung"] = save(window, "06-thong-tin-chung")
    window.editor_page.tabs.setCurrentWidget(window.editor_page.closing)
    shots["07-ky-noi-nhan"] = save(window, "07-ky-noi-nhan")
    window.editor_page.appendices.add()
    window.editor_page.tabs.setCurrentWidget(window.editor_page.appendices)
    shots["08-phu-luc"] = save(window, "08-phu-luc")

    from ui.wizard import ProfileWizard

    wizard = ProfileWizard(window.store, window.profile, window, first_start=True)
    qtbot.addWidget(wizard)
    wizard.show()
    shots["09-thiet-lap"] = save(wizard, "09-thiet-lap")
    wizard.reject()

    for name, image in shots.items():
        assert not image.isNull(), name
        assert drawn(image), name
    assert shots["01-danh-sach"].width() == 1366
