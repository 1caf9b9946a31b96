from desktop.editing.paste import paste_html, paste_text
from desktop.model.document import ListItem, ListMarker, Paragraph, Run

WORD_HTML = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<style>p.MsoNormal {font-family:"Times New Roman"; color:red}</style></head><body>
<!--StartFragment-->
<p class=MsoNormal style='text-align:justify;mso-line-height-rule:exactly'>
<span style='font-size:14.0pt;color:#FF0000'>Kết quả <b>nổi bật</b> năm
<i>2024</i><o:p></o:p></span></p>
<p class=MsoListParagraph><span style='font-family:Symbol'>-</span> <span
style='font-weight:700'>Xây dựng</span> kế hoạch</p>
<p><span style="text-decoration: underline">Gạch chân</span> và <a href="http://x">liên kết</a></p>
<!--EndFragment--></body></html>"""


def test_word_html_keeps_only_bold_italic_underline():
    result = paste_html(WORD_HTML)
    assert result.converted_from is None
    first, item, third = result.blocks
    assert isinstance(first, Paragraph)
    assert first.content == (
        Run("Kết quả "),
        Run("nổi bật", bold=True),
        Run(" năm "),
        Run("2024", italic=True),
    )
    assert isinstance(item, ListItem) and item.marker is ListMarker.DASH
    assert item.content == (Run("Xây dựng", bold=True), Run(" kế hoạch"))
    assert third.content == (Run("Gạch chân", underline=True), Run(" và liên kết"))


def test_br_and_nested_plus_items():
    result = paste_html("<div>+ Mục con<br>Dòng hai</div><ul><li>• Chấm</li></ul>")
    assert [type(b).__name__ for b in result.blocks] == ["ListItem", "Paragraph", "ListItem"]
    assert result.blocks[0].marker is ListMarker.PLUS
    assert result.blocks[2].marker is ListMarker.DASH


def test_scripts_and_styles_are_dropped():
    result = paste_html("<style>x{}</style><script>alert(1)</script><p>Chỉ chữ</p>")
    assert [b.text for b in result.blocks] == ["Chỉ chữ"]


def test_legacy_converter_is_applied_and_reported():
    def fake(text, font):
        if font and font.lower().startswith(".vn"):
            return text.replace("B¸o c¸o", "Báo cáo"), "TCVN3"
        return text, None

    html = "<p><span style=\"font-family:'.VnTime'\">B¸o c¸o</span></p><p>Unicode</p>"
    result = paste_html(html, fake)
    assert [b.text for b in result.blocks] == ["Báo cáo", "Unicode"]
    assert result.converted_from == "TCVN3"


def test_plain_text_lines():
    result = paste_text("Đoạn một\n\n- Gạch đầu dòng\n+ Cộng\n")
    assert [type(b).__name__ for b in result.blocks] == ["Paragraph", "ListItem", "ListItem"]
    assert result.blocks[2].text == "Cộng"


def test_real_converter_detects_tcvn3_and_vni_in_plain_text():
    from desktop.editing.paste import convert_legacy
    from desktop.importing.legacy_encodings import encode_tcvn3, encode_vni

    tcvn3 = encode_tcvn3("Báo cáo tổng kết công tác năm")
    assert convert_legacy(tcvn3, None) == ("Báo cáo tổng kết công tác năm", "TCVN3")
    vni = encode_vni("Kế hoạch triển khai nhiệm vụ")
    assert convert_legacy(vni, None) == ("Kế hoạch triển khai nhiệm vụ", "VNI")
    assert convert_legacy("Đã là Unicode rồi", None) == ("Đã là Unicode rồi", None)
    assert convert_legacy(tcvn3, ".VnTime")[1] == "TCVN3"
    result = paste_text(tcvn3 + "\nDòng Unicode", convert_legacy)
    assert [b.text for b in result.blocks] == ["Báo cáo tổng kết công tác năm", "Dòng Unicode"]
    assert result.converted_from == "TCVN3"
