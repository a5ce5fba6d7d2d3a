"""Failure classes found on the fourteenth first-contact batch (scored blind:
`bench/extraction/firstcontact-2026-12-07i.md`).

1. A text-size menu and a counter button printed as lines (`文本设置` / `小号` / `默认` / `大号`
   / `Plus(7条)`) are page controls.
2. A translated story's page that prints the original after the Chinese text (`翻译：X`, then
   `<div class="word-en"><p>All Raise started as…</p>`) ends at the Chinese text.
3. A standfirst that repeats the lead is the summary also over a one-paragraph text (dzwww).
4. A short labelled summary over the text (`摘要：拳赛性别检测罗生门`) is the summary.
5. An edition's brand in bold over the lead (`<p><strong>iWeekly</strong></p>`) is a label,
   not a writer (nor is an acronym such as `BBC`).
6. A list of the sources a roundup drew on under its text (`新闻来源：BBC、美联社、…，部分图片来源
   网络`) is a source credit, not text.
7. A stamp with a two-digit year before a clock time (`10-07-16 00:36`) dates the story.
8. An editor's label alone in its element, no colon (`<span class="hf_label">责编</span>杨文钊`),
   names the editor.
"""

from __future__ import annotations

from pathlib import Path

from synthetic import STORY, only_article, page, text_of, writers
from zhnews.decode import decode_bytes
from zhnews.parse import parse_document
from zhnews.parse.content import widget_reason

DOCS = Path(__file__).resolve().parents[1] / "bench/extraction/docs"
MODERNWEEKLY = DOCS / "modernweekly/webpagearchive-modernweekly-41069.html"
CQCB = DOCS / "cqcb/webpagearchive-cqcb-1551852.html"


def _parsed(path: Path):
    text, _ = decode_bytes(path.read_bytes())
    return parse_document(text, str(path)).articles[0]


HEAD = "<title>防暑补贴全部发放到位</title>"
H1 = "<h1>防暑补贴全部发放到位</h1>"


def test_a_text_size_menu_and_a_counter_button_are_controls():
    assert widget_reason("文本设置") == "font_size"
    assert widget_reason("Plus(7条)") == "comment_count"
    menu = "<div><span>文本设置</span><div>小号</div><div>默认</div><div>大号</div></div>"
    article = only_article(page(HEAD, f"{H1}{menu}<div>Plus(7条)</div>{STORY}"))
    assert text_of(article) == [t for t in text_of(article) if t.startswith("第")]
    assert len(text_of(article)) == 4


ENGLISH = (
    "<div class='word-en'><p>All Raise started as a group of female venture capitalists who got "
    "together once a month for breakfast.</p><p>That was back in 2017. Today the organization "
    "has chapters in several U.S. cities.</p></div>"
)


def test_the_original_after_a_translation_is_not_the_text():
    html = page(
        HEAD, f"{H1}<p>作者：乐文澜</p>{STORY}<p>翻译：刘进龙</p><p>审校：汪皓</p>{ENGLISH}"
    )
    article = only_article(html)
    assert len(text_of(article)) == 4
    assert not any("All Raise" in t for t in text_of(article))


def test_english_paragraphs_of_an_untranslated_story_stay():
    html = page(HEAD, f"{H1}<p>作者：乐文澜</p>{STORY}{ENGLISH}")
    assert any("All Raise" in t for t in text_of(only_article(html)))


def test_a_standfirst_over_a_one_paragraph_text_is_the_summary():
    lead = (
        "揭秘泰国人妖皇后变性辛酸路：吃激素打针并进行昂贵的变性手术。因电影一炮而红的她近日被爆来华发展。"
        "据悉，她将参加多档综艺节目的录制，并与国内多家经纪公司接洽，相关合作仍在洽谈之中。"
    )
    html = page(
        HEAD,
        f"{H1}<div>揭秘泰国人妖皇后变性辛酸路：吃激素打针并进行昂贵的变性手术。因电影一炮而红的她近日被爆来华发展。"
        f"</div><p>{lead}</p>",
    )
    article = only_article(html)
    assert text_of(article) == [lead]
    assert article.summary is not None


def test_a_short_labelled_summary_is_the_summary():
    html = page(HEAD, f"{H1}<div class='article-description'>摘要：拳赛性别检测罗生门</div>{STORY}")
    article = only_article(html)
    assert article.summary == "摘要：拳赛性别检测罗生门"
    assert len(text_of(article)) == 4


def test_a_brand_in_bold_over_the_lead_is_no_writer():
    article = _parsed(MODERNWEEKLY)
    assert writers(article) == []
    assert "iWeekly" not in text_of(article)


def test_a_name_in_bold_over_the_lead_is_still_the_writer():
    html = page(HEAD, f"{H1}<p><img src='a.jpg'></p><p><strong>王小明</strong></p>{STORY}")
    assert writers(only_article(html)) == ["王小明"]


def test_a_list_of_sources_under_the_text_is_no_text():
    line = (
        "新闻来源：BBC、美联社、英国《卫报》、意大利《体育报》、IOC网站、IBA官网，部分图片来源网络"
    )
    article = only_article(page(HEAD, f"{H1}{STORY}<p><strong>{line}</strong></p>"))
    assert line not in text_of(article)
    assert len(text_of(article)) == 4


def test_a_two_digit_year_before_a_clock_time_dates_the_story():
    html = page(
        "<title>德女运动变性成真汉子</title>",
        "<h1>德女运动变性成真汉子</h1><div>内蒙古新闻网 10-07-16 00:36 【打印本页】 来源：腾讯体育</div>"
        + STORY,
    )
    assert str(only_article(html).published_at.date()) == "2010-07-16"


def test_an_editor_label_alone_in_its_element_names_the_editor():
    assert _parsed(CQCB).editor == "杨文钊"
