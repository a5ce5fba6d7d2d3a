import codecs

import pytest
from zhnews.decode import decode_bytes
from zhnews.model import RejectedDocument

TEXT = "聊城市城市管理局召开党组扩大会议，部署新一年城市管理工作。会议强调要提升精细化水平。\n"


def test_utf8_and_crlf():
    text, enc = decode_bytes(TEXT.replace("\n", "\r\n").encode("utf-8") + "末行\r旧Mac".encode())
    assert enc == "utf-8"
    assert "\r" not in text and text.endswith("末行\n旧Mac")


def test_utf8_bom():
    text, enc = decode_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    assert (text, enc) == (TEXT, "utf-8-sig")


def test_utf16_bom():
    text, enc = decode_bytes(TEXT.encode("utf-16"))
    assert (text, enc) == (TEXT, "utf-16")


def test_gbk_decodes_as_gb18030():
    assert decode_bytes(TEXT.encode("gbk")) == (TEXT, "gb18030")


def test_big5():
    traditional = "臺灣半導體產業今年持續成長，出口金額創下歷史新高。經濟部表示將持續關注國際情勢。"
    assert decode_bytes(traditional.encode("big5")) == (traditional, "big5hkscs")


def test_declared_big5_with_hkscs_characters_decodes_as_browsers_do():
    # Hong Kong pages declare big5 and use HKSCS characters that Python's strict big5 rejects
    text = "佢哋話要攞返啲錢㗎，吓？記者今日喺灣仔採訪。"
    html = '<html><head><meta charset="big5"></head><body><p>' + text + "</p></body></html>"
    decoded, enc = decode_bytes(html.encode("big5hkscs"))
    assert enc == "big5hkscs" and text in decoded


def test_declared_big5_saved_as_cp950_falls_back():
    text = "臺灣今年出口金額創新高，票價€30元。"
    html = '<html><head><meta charset="big5"></head><body><p>' + text + "</p></body></html>"
    decoded, enc = decode_bytes(html.encode("cp950"))
    assert enc == "cp950" and text in decoded


def test_declared_charset_wins_over_detection():
    html = '<html><head><meta charset="gbk"></head><body><p>' + TEXT + "</p></body></html>"
    text, enc = decode_bytes(html.encode("gbk"))
    assert enc == "gb18030" and TEXT in text


@pytest.mark.parametrize("data", [b"", b"   \n\t "])
def test_empty_rejected(data):
    with pytest.raises(RejectedDocument) as info:
        decode_bytes(data)
    assert info.value.stage == "decode" and "empty" in info.value.reason


def test_binary_rejected():
    with pytest.raises(RejectedDocument) as info:
        decode_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    assert info.value.stage == "decode"
