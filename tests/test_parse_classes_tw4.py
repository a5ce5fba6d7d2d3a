"""Failure classes found on news pages read in Taiwan in 2023 (dev set sources nytimescn,
pts, tvbs, ettoday, setn): a Latin-script picture credit closing a long caption, an
<address> byline, a reporter／place line glued to its time stamps, font-size buttons, a
promotion box heading after the text, a machine-written box before the byline line.
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


def _parse(header: str, body: str = _STORY):
    doc = page(f"<title>{_TITLE}</title>", f"<article><h1>{_TITLE}</h1>{header}{body}</article>")
    return parse_document(doc, "page.html").articles[0]


# --- 1. a long caption in a figure box, closed by a Latin-script credit -----------------


def test_a_figure_caption_closed_by_a_latin_photo_credit_is_not_text():
    caption = (
        "<figure><img src='a.jpg'><figcaption><span>週三，工務處人員在市區路段勘查坑洞情形，"
        "並說明分段封閉施工的安排，預計年底前完成全部整修工程，屆時路面將全面更新。</span> "
        "<cite>Jane Doe/Associated Press</cite></figcaption></figure>"
    )
    article = _parse('<div class="meta"><time>2024-05-02 10:30</time></div>' + caption)
    assert text_of(article) == _LINES


# --- 2. an <address> under the headline names the writer ---------------------------------


def test_an_address_element_under_the_headline_is_the_byline():
    header = '<div class="meta"><address>JANE DOE</address><time>2024年5月2日</time></div>'
    article = _parse(header)
    assert writers(article) == ["JANE DOE"]
    assert text_of(article) == _LINES
    assert not article.summary


# --- 3. the font-size buttons, unlabelled, above the text --------------------------------


def test_bare_font_size_buttons_above_the_text_are_not_a_paragraph():
    header = (
        '<div class="author">記者 陳小華 報導<br>發佈時間：2024/05/02 10:30</div>'
        '<div class="font"><p>小</p><p>中</p><p>大</p></div>'
    )
    article = _parse(header)
    assert text_of(article) == _LINES


# --- 4. a job title, the name, then 報導: the writer ------------------------------------


def test_a_job_title_name_and_report_verb_names_the_writer_not_the_editor():
    header = (
        '<div class="author">編輯 <a href="/author/1">陳小華</a> 報導<br>'
        "發佈時間：2024/05/02 10:30</div>"
    )
    article = _parse(header)
    assert writers(article) == ["陳小華"]
    assert article.editor is None
    assert text_of(article) == _LINES


# --- 5. the reporter's line glued to the labelled time stamps ---------------------------


def test_a_reporter_line_glued_to_its_time_stamps_is_the_byline_not_text():
    header = (
        '<div class="meta"><span class="reporter">陳小華／台中報導</span>'
        "<span>發布時間：</span><time>2024-05-02 10:30</time> "
        "<span>更新時間：</span><time>2024-05-02 12:00</time></div>"
    )
    article = _parse(header)
    assert writers(article) == ["陳小華"]
    assert text_of(article) == _LINES
    assert article.published_at is not None and article.published_at.day == 2


# --- 6. a bold heading after the text over a box of promoted links ----------------------


def test_a_bold_heading_over_promoted_links_after_the_text_is_not_a_subhead():
    box = (
        "<p><strong>本週好康！優惠等你拿</strong></p>"
        '<p><strong><a href="/p/1">限時特價►多功能保溫杯組合</a></strong></p>'
        '<p><strong><a href="/p/2">買一送一►天然洗衣精超值組</a></strong></p>'
    )
    article = _parse('<div class="meta"><time>2024-05-02 10:30</time></div>', _STORY + box)
    assert text_of(article) == _LINES
