"""Failure classes found on the thirty-second first-contact batch (scored blind:
`bench/extraction/firstcontact-2026-12-07aa.md`): whole newspaper issues as full-text RSS
feeds, one entry per story (新华每日电讯, 学习时报).

1. A feed writer's labels around an entry's headline are not the headline: the page it ran
   on before it (`[01版：要闻] 标题`, `【第04版：综合报道】`) and its word count after it
   (`标题 (4649字)`).
2. A headline joined to its subtitle by the feed's writer (`爱拼会赢立潮头 —— 福建一张蓝图…`),
   which the entry's text prints as two lines of its own (the second with or without its
   dash), is the first line; the second is the subtitle, and neither is text. A headline the
   text prints whole on one line (`向阳而生 不负韶华——追寻黄文秀的大学时光`) stays whole.
3. A dispatch's dateline printed after the text (`…的明天。　　新华社北京5月2日电`, or on a line
   of its own) is not text; one opening the lead stays.
4. The article's information row that ends with its word count (`彬礼 字数: 1451字`,
   `宁夏回族自治区党委书记 李邑飞 字数: 4649字`, `字数 293字`) is no paragraph: the names before
   the count, or the holder of the office printed before one name, are the writers.
5. A closing line wholly in brackets that names the body that wrote the piece
   (`（华电湖北发电有限公司党委）`) is its byline.
6. A kicker over the headline printed again as the text's second line is the headline's even
   when set as a heading, and even with a comma in it
   (`“五一”假期各地“城超”很忙，赛场内外的劳动者们尽情享受节日` / `“今天，他们就该站C位”`).
7. Two lines of one element that both open with printed blanks, the first leading into the
   second with a dash or a colon (`　　在这本书里，有这样一段话——<br/>　　“这些…”`), are two
   paragraphs; an indented line under one ending in a comma goes on as before.
"""

from __future__ import annotations

import html as htmllib

import pytest
from synthetic import PARAGRAPH, text_of, writers
from zhnews.parse import parse_document
from zhnews.parse.assemble import strip_media_label

LINES = [PARAGRAPH.format(i=i)[3:-4] for i in range(1, 4)]
STORY = "".join(PARAGRAPH.format(i=i) for i in range(1, 4))


def _feed(title: str, description: str) -> list:
    item = (
        f"<item><title>{htmllib.escape(title)}</title><link>http://example.com/a.htm</link>"
        f"<pubDate>Sat, 02 May 2026 23:24:33 +0000</pubDate>"
        f"<description>{htmllib.escape(description)}</description></item>"
    )
    rss = (
        "<?xml version='1.0' encoding='UTF-8'?><rss version='2.0'><channel><title>某报</title>"
        f"<link>http://example.com/</link><description>x</description>{item}</channel></rss>"
    )
    return parse_document(rss, "paper-2026-05-03.xml").articles


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("[01版：要闻] 新就业群体的奋进之路", "新就业群体的奋进之路"),
        ("【第04版：综合报道】努力做排头兵", "努力做排头兵"),
        ("[01版：国内大局] 领导干部要涵养“接力意识” (1451字)", "领导干部要涵养“接力意识”"),
        ("[视频]标题", "标题"),
        ("三十字（节选）", "三十字（节选）"),
    ],
)
def test_page_labels_and_word_counts_are_not_the_headline(title, expected):
    assert strip_media_label(title) == expected


@pytest.mark.parametrize("second", ["——福建一张蓝图绘到底勇挑大梁", "福建一张蓝图绘到底勇挑大梁"])
def test_a_headline_joined_to_its_printed_subtitle(second):
    text = f"<div>爱拼会赢立潮头</div><div>{second}</div>{STORY}"
    (article,) = _feed("[01版：要闻] 爱拼会赢立潮头 —— 福建一张蓝图绘到底勇挑大梁", text)
    assert article.title == "爱拼会赢立潮头"
    assert article.subtitle == "福建一张蓝图绘到底勇挑大梁"
    assert text_of(article) == LINES


def test_a_headline_printed_whole_stays_whole():
    text = f"<div>向阳而生 不负韶华——追寻黄文秀的大学时光</div>{STORY}"
    (article,) = _feed("[02版：成风化人] 向阳而生 不负韶华——追寻黄文秀的大学时光", text)
    assert article.title == "向阳而生 不负韶华——追寻黄文秀的大学时光"
    assert text_of(article) == LINES


@pytest.mark.parametrize(
    "closing",
    [
        PARAGRAPH.format(i=3)[:-4] + "\u3000\u3000新华社北京5月2日电</p>",
        PARAGRAPH.format(i=3) + "<p>新华社北京5月2日电</p>",
    ],
)
def test_a_dateline_closing_the_text_is_not_text(closing):
    text = PARAGRAPH.format(i=1) + PARAGRAPH.format(i=2) + closing
    (article,) = _feed("新就业群体的奋进之路", text)
    assert text_of(article) == LINES


def test_a_dateline_opening_the_lead_stays():
    lead = "<p>新华社北京5月2日电 " + PARAGRAPH.format(i=1)[3:]
    (article,) = _feed("新就业群体的奋进之路", lead + PARAGRAPH.format(i=2) + PARAGRAPH.format(i=3))
    assert text_of(article)[0].startswith("新华社北京5月2日电")


@pytest.mark.parametrize(
    ("row", "names"),
    [
        ("彬礼 字数: 1451字", ["彬礼"]),
        ("宁夏回族自治区党委书记 李邑飞 字数: 4649字", ["李邑飞"]),
        ("字数 293字", []),
    ],
)
def test_the_word_count_row_is_no_paragraph(row, names):
    text = f"<h1>领导干部要涵养“接力意识”</h1><p class='datesource'>{row}</p>{STORY}"
    (article,) = _feed("领导干部要涵养“接力意识” (1451字)", text)
    assert text_of(article) == LINES
    assert writers(article) == names


def test_a_closing_unit_credit_is_the_byline():
    text = STORY + "<p>（华电湖北发电有限公司党委）</p>"
    (article,) = _feed("努力做排头兵", text)
    assert text_of(article) == LINES
    assert writers(article) == ["华电湖北发电有限公司党委"]


def test_a_kicker_with_a_comma_over_the_headline_echo():
    kicker = "“五一”假期各地“城超”很忙，赛场内外的劳动者们尽情享受节日"
    text = f"<h3>{kicker}</h3><h1>“今天，他们就该站C位”</h1>{STORY}"
    (article,) = _feed("[04版：综合] “今天，他们就该站C位”", text)
    assert article.title == "“今天，他们就该站C位”"
    assert text_of(article) == LINES


@pytest.mark.parametrize(
    ("lead", "paragraphs"),
    [
        ("在这本书里，有这样一段话——", 2),
        ("他在信中写道：", 2),
        ("然而，", 1),
    ],
)
def test_an_indented_line_under_a_lead_in(lead, paragraphs):
    quote = "“这些千千万万青年人的经久不衰的热情、始终如一的希望，都绝不承认失败……”"
    text = STORY + f"<div>\u3000\u3000{lead}<br/>\u3000\u3000{quote}</div>"
    (article,) = _feed("新就业群体的奋进之路", text)
    assert text_of(article)[3:] == ([lead, quote] if paragraphs == 2 else [lead + quote])
