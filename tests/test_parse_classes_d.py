"""Failure classes (d): pen-name signatures, translation bylines, column furniture over a
printed story, a page's next post and a first body line taken for a standfirst."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from zhnews.parse import parse_document
from zhnews.parse.bylines import parse_byline_line, parse_pen_signature
from zhnews.parse.xmldoc import read_xml_stories

TZ = ZoneInfo("Asia/Shanghai")


def _page(*articles: str) -> str:
    """A TEI-like newspaper page holding the given article divisions."""
    body = "\n".join(f'<div type="article">{a}</div>' for a in articles)
    return f'<?xml version="1.0"?>\n<fold><div type="page" n="2">{body}</div></fold>\n'


def _names(story) -> list[str]:
    return [a.name for a in story.authors]


def test_bracketed_pen_name_after_the_last_sentence_or_the_headline_signs_the_story():
    doc = read_xml_stories(
        _page(
            "<p>閒話一則<lb/></p><p>某君近日離滬、<lb/>行踪不明。　（能）<lb/></p>",
            "<p>舊事新談　（如鐘）<lb/></p><p>採梅須及時。<lb/></p>",
            "<p>外電一則<lb/></p><p>倫敦消息、<lb/>談判已破裂。（路透）<lb/></p>",
            "<p>市況<lb/></p><p>米價昨日回落。（北京）<lb/></p>",
            "<p>長篇連載<lb/></p><p>他們走了。（待續）<lb/></p>",
            "<p>小說　（一）<lb/></p><p>他們來了。<lb/></p>",
        ),
        TZ,
    )
    signed, headed, wire, place, serial, numbered = doc.stories
    assert _names(signed) == ["能"]
    assert signed.paragraphs[-1].text == "某君近日離滬、行踪不明。"
    assert _names(headed) == ["如鐘"] and headed.title == "舊事新談"
    for unsigned in (wire, place, serial, numbered):
        assert unsigned.authors == []
    assert wire.paragraphs[-1].text.endswith("（路透）")
    assert place.paragraphs[-1].text.endswith("（北京）")


@pytest.mark.parametrize(
    "credit,names",
    [
        ("（末將）", ["末將"]),
        ("（壯士）", ["壯士"]),
        ("（唐潢虎）", ["唐潢虎"]),
        ("（路透）", None),
        ("（中央社）", None),
        ("（專電）", None),
        ("（上海）", None),
        ("（美）", None),
        ("（三）", None),
        ("（下）", None),
        ("（完）", None),
        ("（記者）", None),
    ],
)
def test_pen_signature_refuses_wire_credits_places_numbers_and_notes(credit, names):
    byline = parse_pen_signature(credit)
    assert (None if byline is None else [a.name for a in byline.authors]) == names


def test_translation_byline_names_the_author_and_the_translator():
    doc = read_xml_stories(
        _page(
            "<p>長篇譯述<lb/></p><p>某甲某乙著<lb/>丙丁譯<lb/></p><p>他走進屋裏。<lb/></p>",
            "<p>短篇小說<lb/></p><p>某某女士作<lb/>甲甲譯<lb/></p><p>她笑了。<lb/></p>",
        ),
        TZ,
    )
    assert [_names(s) for s in doc.stories] == [["某甲某乙", "丙丁"], ["某某", "甲甲"]]
    assert all(s.subtitle is None for s in doc.stories)
    assert [(a.name, a.role) for a in parse_byline_line("高爾基原著 魯迅譯").authors] == [
        ("高爾基", "作者"),
        ("魯迅", "编译"),
    ]
    for not_a_byline in ("世界名著精選譯", "他的著作已譯成英文", "魯迅作"):
        byline = parse_byline_line(not_a_byline)
        assert byline is None or not byline.authors


def test_column_label_caption_genre_and_instalment_number_are_not_the_title():
    doc = read_xml_stories(
        _page(
            "<div>談助<lb/></div><div>某甲主編<lb/></div>"
            "<div><p>舊事新談<lb/></p><p>採梅須及時。<lb/></p></div>",
            '<div type="image"></div><div>某女士（新片主角）<lb/></div>'
            "<div><p>電影公司近況<lb/></p><p>現在有三家公司。<lb/></p></div>",
            "<div>滑稽<lb/>小說<lb/></div><div>天外天<lb/></div><div>（一五〇）<lb/></div>"
            "<div>妓院<lb/></div><div>阿毛聽罷、想了一想。<lb/></div>",
            '<div type="image"></div><div>獨幕劇<lb/></div><div>他們來了。<lb/></div>',
            "<div>主編的話<lb/></div><div>本刊今日出版。<lb/></div>",
        ),
        TZ,
    )
    titles = [s.title for s in doc.stories]
    # the only heading a story has stays its title, even under a picture or named like a label
    assert titles == ["舊事新談", "電影公司近況", "天外天", "獨幕劇", "主編的話"]
    assert all("某甲" not in p.text for s in doc.stories for p in s.paragraphs)


def _two_posts(page_title: str, second_post_dated: bool = True) -> str:
    stamp = "<span>2023-06-01 00:48</span>" if second_post_dated else ""
    return f"""<!DOCTYPE html><html><head><title>{page_title}</title></head><body>
<div class="post"><h1>官员否认直升机事故存在谋杀行为</h1>
<div class="info"><span>某某新闻网</span><span>2024-05-20 13:09</span></div>
<div class="content"><p>据某某报道，直升机发生事故后，参议院多数党领袖表示已从情报部门获悉，没有证据表明该事件中存在谋杀行为。</p>
<p>他称，事发地点天气糟糕，大雾弥漫，所以这看起来像是一起事故，但全面调查仍在进行中。</p></div></div>
<div class="next"><h1>三十一岁在春晚一炮而红，观众都以为他隐退了</h1>
<div class="info"><span>关注</span>{stamp}</div>
<div class="content"><p>如果说在中国传唱度最高的歌曲，那这一首歌绝对算得上是家喻户晓，那就是外婆的澎湖湾。</p>
<p>这首歌有很多明星都翻唱过，但这首歌其实原唱是一位台湾歌手，他出生于一个军人家庭。</p></div></div>
</body></html>"""


@pytest.mark.parametrize(
    "page_title,dated,stories",
    [
        ("官员否认直升机事故存在谋杀行为", True, 1),
        ("官员否认直升机事故存在谋杀行为_某某资讯", True, 1),
        ("某某资讯", True, 2),  # a page name: a page of stories
        ("官员否认直升机事故存在谋杀行为", False, 2),  # no post header of its own
    ],
)
def test_next_post_under_the_story_a_page_is_titled_after_is_not_a_second_story(
    page_title, dated, stories
):
    articles = parse_document(_two_posts(page_title, dated), "post.html").articles
    assert len(articles) == stories
    assert articles[0].title == "官员否认直升机事故存在谋杀行为"


def _post(separator: str) -> str:
    return f"""<!DOCTYPE html><html><head><title>球王身价过亿住进富人区</title></head><body>
<div class="art"><h1>球王身价过亿住进富人区</h1><div class="info"><span>2024-05-08 23:23</span></div>
<div class="content"><p>球王的人生故事何其精彩绝伦!{separator}他凭借着过人的毅力与天赋，在年仅三十七岁便已身价过亿，成就非凡。<br>
可是就在刚刚结束的世锦赛，他再次提前遭到淘汰，未能突破重围，这无疑是沉重的打击。<br>
即便屡屡吞下苦果，他依旧咬牙坚持，充满勇气，继续为梦想而努力训练着。</p></div></div>
</body></html>"""


def test_short_first_line_of_the_texts_own_element_is_body_not_a_standfirst():
    article = parse_document(_post("<br>"), "post.html").articles[0]
    assert article.summary is None
    assert article.body_paragraphs[0] == "球王的人生故事何其精彩绝伦!"
    # printed in an element of its own under the headline, the same line is the standfirst
    article = parse_document(_post("</p><p>"), "post.html").articles[0]
    assert article.summary == "球王的人生故事何其精彩绝伦!"
    assert article.body_paragraphs[0].startswith("他凭借着")
