"""Page furniture of Taiwanese pages written from how sites print it (no dev-set or held-out
page shows these lines): a members-only reprint notice, a `請繼續往下閱讀...` ad slot
between paragraphs, source labels in traditional characters, a view counter with its
number, a LINE promotion, and a `更多X新聞` link label. Inputs are small synthetic pages
written for these tests."""

from __future__ import annotations

from synthetic import page, text_of
from zhnews.parse import parse_document

_LINES = [
    "縣府今日公布今年度道路改善計畫，將優先整修市區內多條老舊路段，預計年底前全部完工。",
    "工務處表示，施工期間將採分段封閉方式進行，並於現場設置告示牌，提醒用路人提早改道。",
    "有里長指出，部分路段坑洞問題已存在多年，希望這次能一次修好，不要再反覆挖補造成不便。",
]
_TITLE = "縣府公布道路改善計畫"


def _text(before: str = "", middle: str = "", after: str = "") -> list[str]:
    body = f"{before}<p>{_LINES[0]}</p>{middle}<p>{_LINES[1]}</p><p>{_LINES[2]}</p>{after}"
    doc = page(
        f"<title>{_TITLE}</title>",
        f"<div class='news'><h1>{_TITLE}</h1><div>2014/05/02 10:30</div>{body}</div>",
    )
    return text_of(parse_document(doc, "page.html").articles[0])


def test_a_members_only_reprint_notice_is_not_text():
    notice = "本新聞文字、照片、影片專供某某週刊會員閱覽，未經授權請勿轉載。"
    assert _text(after=f"<p>{notice}</p>") == _LINES
    assert _text(after="<p>本文版權所有，非經授權，不得轉載。</p>") == _LINES
    # reporting on a reprint ban is a sentence of the story
    said = "他說，這些照片未經授權就被轉載，已委請律師處理，將向對方求償。"
    assert _text(after=f"<p>{said}</p>") == [*_LINES, said]


def test_a_continue_reading_slot_between_paragraphs_is_not_text():
    assert _text(middle="<p>請繼續往下閱讀...</p>") == _LINES
    assert _text(middle="<p>繼續閱讀</p>") == _LINES


def test_a_source_label_in_traditional_characters_is_metadata():
    assert _text(after="<p>新聞來源：中央社</p>") == _LINES
    assert _text(after="<p>文章來源：某某新聞網</p>") == _LINES


def test_a_view_counter_with_its_number_is_not_text():
    assert _text(before="<p>瀏覽次數：1,234</p>") == _LINES
    assert _text(before="<p>人氣：1234</p>") == _LINES


def test_a_line_promotion_promising_news_never_missed_is_not_text():
    assert _text(after="<p>★加入某某新聞LINE好友，新聞訊息不漏接★</p>") == _LINES


def test_a_more_stories_from_the_newsroom_label_is_not_text():
    assert _text(after="<p>更多某某新聞報導</p>") == _LINES
    # a sentence that opens with 更多 stays
    said = "更多民眾新聞報導指出，施工路段的交通管制將延長至下月底。"
    assert _text(after=f"<p>{said}</p>") == [*_LINES, said]


def test_paging_and_subscribe_buttons_printed_as_lines_are_not_text():
    assert _text(middle="<p>下一篇</p>") == _LINES
    assert _text(after="<p>上一則</p><p>下一則</p>") == _LINES
    assert _text(after="<p>免費訂閱</p>") == _LINES
    # a sentence that opens with the same words stays
    said = "下一篇報告將在年底公布，工務處表示屆時會說明各路段的施工進度與經費。"
    assert _text(after=f"<p>{said}</p>") == [*_LINES, said]
