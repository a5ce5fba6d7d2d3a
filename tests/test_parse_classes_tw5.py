"""Failure classes found on news pages read in Taiwan in 2023 (dev set sources setn,
techorange): a machine-written box printed between the headline and the byline line the
text opens with; sibling paragraphs, the first ending on a comma; a press release's notes
box under the text; a widget's labels between the headline and the byline line; a caption printed the way the
page prints its other captions; caption marks in traditional script (圖為…); a rating's score alone on a line; a promotion's second line; a printed headline block's main line ending on 强调; a line printed for two entries of a list; indented paragraphs of unpunctuated text.
Inputs are small synthetic pages and lines written for these tests."""

from __future__ import annotations

from synthetic import page, text_of, writers
from zhnews.parse import parse_document

_LINES = [
    "縣府今日公布今年度道路改善計畫，將優先整修市區內多條老舊路段，預計年底前全部完工。",
    "工務處表示，施工期間將採分段封閉方式進行，並於現場設置告示牌，提醒用路人提早改道。",
    "有里長指出，部分路段坑洞問題已存在多年，希望這次能一次修好，不要再反覆挖補造成不便。",
]
_STORY = "".join(f"<p>{line}</p>" for line in _LINES)
_TITLE = "縣府公布道路改善計畫"


def _parse(body: str, head: str = ""):
    doc = page(f"<title>{_TITLE}</title>{head}", f"<h1>{_TITLE}</h1>{body}")
    return parse_document(doc, "page.html").articles[0]


# --- 1. a box between the headline and the byline line that opens the text --------------


def test_a_box_above_the_byline_that_opens_the_text_is_not_text():
    box = (
        '<div class="box"><div class="label">評論</div>'
        "<p>這篇文章報導了縣府的道路改善計畫，內容涵蓋施工方式與里長意見，"
        "資訊相當完整，但仍可補充預算來源與各路段的詳細施工時程。</p>"
        '<div class="label">問答</div>'
        "<p>Q1: 縣府是否將優先整修老舊路段？ A) 是 B) 否 正確答案: A) 是</p></div>"
    )
    body = (
        "<div class='meta'><time>2024/05/02 10:30</time></div>"
        f"{box}<article><div><p>生活中心／陳小華報導</p>{_STORY}</div></article>"
    )
    article = _parse(body)
    assert writers(article) == ["陳小華"]
    assert text_of(article) == _LINES


# --- 2. sibling <p>s printed one after the other, the first ending on a comma -----------


def test_adjacent_sibling_paragraphs_stay_apart_after_a_comma():
    lines = [
        "氣象局表示，颱風環流仍持續影響台灣，預估今晚後雨勢趨緩，但東北角仍有較大雨勢出現，",
        "另外，今天生成的熱帶低氣壓有機會在明天增強為輕度颱風，台灣天氣相當不穩定，",
        "氣象局預估，週三至週五全台須留意午後大雷雨，雨勢要到週六才會趨緩。",
    ]
    story = "".join(f"<p>{line}</p>" for line in lines)
    article = _parse(f"<div class='meta'><time>2024/05/02 10:30</time></div><div>{story}</div>")
    assert text_of(article) == lines


# --- 3. a quote box under the text holding link prompts and fine print ------------------


def test_a_notes_box_with_link_prompts_under_the_text_is_not_text():
    box = (
        "<blockquote><p>觀看記者會影片，請點選<a href='/v'>此處</a>；完整新聞資料，"
        "請點選<a href='/k'>此處</a>。</p>"
        "<p><em>實際施工期程因天候、交通狀況和其他因素不同而可能調整。</em></p></blockquote>"
    )
    body = f"<div class='meta'><time>2024/05/02 10:30</time></div><div>{_STORY}{box}</div>"
    article = _parse(body)
    assert text_of(article) == _LINES


# --- 4. a widget's labels between the headline and the byline line that opens the text ---


def test_widget_labels_above_the_byline_that_opens_the_text_are_not_subheads():
    widget = (
        '<div class="video"><h6>影音訂閱:</h6><h6>縣政頻道</h6><h6><div class="sub"></div></h6>'
        '<h6> 地方新聞</h6><h6><div class="sub"></div></h6></div>'
    )
    body = (
        "<h2>2024/05/02 10:30:00</h2>"
        f"{widget}<div id='text'><div>記者陳小華／台中報導</div>"
        + "".join(f"<div>{line}</div>" for line in _LINES)
        + "</div>"
    )
    article = _parse(body)
    assert writers(article) == ["陳小華"]
    assert text_of(article) == _LINES


# --- 5. a short line under a picture, printed as the page prints its captions ------------


def test_a_line_under_a_picture_like_the_pages_other_captions_is_a_caption():
    def picture(n: int, caption: str) -> str:
        return f"<p class='pic'><img src='{n}.jpg'><br></p><p>{caption}</p>"

    body = (
        "<div class='meta'><time>2024/05/02 10:30</time></div><div class='text'>"
        f"<p>{_LINES[0]}</p>{picture(1, '里民將機車停在路旁空地上')}"
        f"<p>{_LINES[1]}</p>{picture(2, '市區內一處待修路段（圖／工務處提供）')}<p>{_LINES[2]}</p></div>"
    )
    article = _parse(body)
    assert text_of(article) == _LINES


# --- 6. a caption opening with a traditional-script caption mark -------------------------


def test_a_line_under_a_picture_opening_with_a_traditional_caption_mark_is_a_caption():
    body = (
        "<div class='meta'><time>2024/05/02 10:30</time></div><div class='text'>"
        f"<p>{_LINES[0]}</p><p>{_LINES[1]}</p><p><img src='1.jpg'></p>"
        f"<p>圖為市區內一處待修路段</p><p>{_LINES[2]}</p></div>"
    )
    article = _parse(body)
    assert text_of(article) == _LINES


# --- 7. a rating's score (two small numbers over a slash) alone on a line ----------------


def test_a_rating_score_alone_on_a_line_is_not_a_paragraph():
    body = (
        "<div class='meta'><time>2024/05/02 10:30</time></div>"
        "<div class='rating'><div class='stars' title='星評：2/10'></div>"
        "<span class='num'>2/10</span></div>"
        f"<div class='text'>{_STORY}</div>"
    )
    article = _parse(body)
    assert text_of(article) == _LINES


# --- 8. the second line of a promotion box, split from it by <br> ------------------------


def test_a_label_sharing_its_element_with_a_promotion_line_is_not_a_paragraph():
    body = (
        "<div class='meta'><time>2024/05/02 10:30</time>"
        "<div class='follow'><img src='qr.png'><div>下载客户端<br>独家抢先看</div></div></div>"
        f"<div class='text'>{_STORY}</div>"
    )
    article = _parse(body)
    assert text_of(article) == _LINES


# --- 9. the printed headline's main line: the title and the verb leading into quotes ------


def test_the_headline_main_line_with_its_reporting_verb_is_not_a_subhead():
    body = (
        "<div class='meta'><time>2024/05/02 10:30</time></div><div class='text'>"
        f"<h2>{_TITLE}強調</h2><h3>優先整修老舊路段</h3><h3>年底前全部完工</h3>{_STORY}</div>"
    )
    article = _parse(body)
    assert text_of(article)[-3:] == _LINES
    assert f"{_TITLE}強調" not in text_of(article)


# --- 10. the same line printed under two entries of one list ----------------------------


def test_a_line_repeated_under_two_entries_of_a_list_is_kept_twice():
    note = "備註：使用條件為成人及身高一百四十公分以上兒童，六十歲以上長者另有優惠方案。"
    entries = [
        "<p>市立動物園</p><p>門票：成人一百元，兒童五十元。</p>",
        "<p>市立美術館</p><p>門票：成人八十元，兒童四十元。</p>",
    ]
    listing = f"{entries[0]}<p>{note}</p>{entries[1]}<p>{note}</p>"
    body = (
        "<div class='meta'><time>2024/05/02 10:30</time></div>"
        f"<div class='text'>{_STORY}{listing}</div>"
    )
    article = _parse(body)
    assert text_of(article).count(note) == 2


# --- 11. plain text without punctuation: the paragraph indent starts a paragraph --------


def test_an_indented_line_of_unpunctuated_text_starts_a_paragraph():
    paragraphs = [
        "○縣府今日公布道路改善計畫將優先整修市區老舊路段預計年底前全部完工工務處稱施工期間分段封閉",
        "里長言部分路段坑洞問題已存多年望此次一次修好勿再反覆挖補致生不便並請縣府另籌經費以利後續",
    ]
    text = f"[{_TITLE}]\n\n" + "".join(f"\u3000\u3000{p}\n\n" for p in paragraphs)
    article = parse_document(text, "page.txt").articles[0]
    assert text_of(article) == paragraphs
