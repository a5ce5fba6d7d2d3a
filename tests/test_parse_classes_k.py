"""Failure classes of issue 12 (round k): picture captions known by a centring class or a
label's wording, ...; each test is a small synthetic page written for the class, with
made-up names and text."""

from __future__ import annotations

import pytest
from synthetic import PARAGRAPH, STORY
from zhnews.parse import parse_document
from zhnews.parse.debris import debris_reason


def _paragraphs(article) -> list[str]:
    return [p.text for p in article.paragraphs if p.kind in ("body", "subhead")]


def _captions(article) -> list[str]:
    return [p.text for p in article.paragraphs if p.kind == "caption"]


def _page(figure: str) -> str:
    return (
        "<html><head><title>防暑补贴陆续发放</title></head><body>"
        "<h1>防暑补贴陆续发放</h1><div class='info'>2021-07-04 08:00</div>"
        f"<div class='text'>{figure}{STORY}</div></body></html>"
    )


@pytest.mark.parametrize("css", ["f_center", "text-center", "pic center"])
def test_short_line_in_a_centring_class_under_a_picture_is_its_caption(css: str) -> None:
    page = _page(f"<p class='{css}'><img src='a.jpg'></p><p class='{css}'>补贴标准发放情况。</p>")
    article = parse_document(page, "page.html").articles[0]
    assert "补贴标准发放情况。" not in _paragraphs(article)
    assert _captions(article) == ["补贴标准发放情况。"]
    assert _paragraphs(article)[0].startswith("第1段")


@pytest.mark.parametrize("label", ["各地补贴标准一览。", "事故现场示意图", "网页截图", "资料图"])
def test_picture_label_under_a_picture_is_its_caption(label: str) -> None:
    page = _page(f"<p><img src='a.jpg'></p><p>{label}</p>")
    article = parse_document(page, "page.html").articles[0]
    assert label not in _paragraphs(article)
    assert _paragraphs(article)[0].startswith("第1段")


def test_one_sentence_lead_under_a_photo_stays_text() -> None:
    """A short full sentence under a picture, printed like every other paragraph, is the
    story's lead; a centring class on a page column does not make its lines captions."""
    lead = "本市今年首批防暑补贴昨日发放。"
    for figure in (
        f"<p><img src='a.jpg'></p><p>{lead}</p>",
        f"<div class='main-center'><p><img src='a.jpg'></p><p>{lead}</p>",
    ):
        article = parse_document(_page(figure), "page.html").articles[0]
        assert _paragraphs(article)[0] == lead


def test_centring_class_on_a_long_paragraph_is_no_caption_look() -> None:
    first = PARAGRAPH.format(i=0).replace(
        "。</p>", "，各区县将在本月内完成首轮检查并公布结果。</p>"
    )
    page = _page(f"<p><img src='a.jpg'></p>{first.replace('<p>', '<p class=text-center>')}")
    article = parse_document(page, "page.html").articles[0]
    assert _paragraphs(article)[0].startswith("第0段")


_PROMO_AND_LINK_BOX = (
    "<table><tr><td><p><a href='/app'><b>某某财经<br>会赚钱的客户端：</b></a></p>"
    "<p><img src='app.png' alt='某某财经'></p></td>"
    "<td><p><a href='/tool'><b>联手某证券<br>推出新工具：</b></a></p>"
    "<p><img src='tool.png' alt='新工具'></p></td></tr></table>"
    "<div class='box'><h1>重点推荐</h1><span><a href='/more'>更多精彩资讯请点击这里</a></span></div>"
    "<div><p><b>要闻</b></p>"
    "<p><a href='/a1'>指数连续三周下跌</a> <a href='/a2'>多家机构召开座谈会</a></p>"
    "<p><a href='/a3'>监管部门出台五项措施</a> <a href='/a4'>千亿资金进入市场</a></p>"
    "<p><b>行业</b></p><p><a href='/a5'>旅游旺季即将到来 相关企业业绩向好</a></p>"
    "<p><a href='/a6'>新能源产业获政策扶持 概念股受关注</a></p></div>"
)


def _credited_page(foot: str) -> str:
    return (
        "<html><head><title>防暑补贴陆续发放</title></head><body>"
        "<h1>防暑补贴陆续发放</h1><div class='info'>2021-07-04 08:00 来源: 某某日报</div>"
        f"<div class='text'>{STORY}{_PROMO_AND_LINK_BOX}{foot}</div>"
        "<div class='footer'><p>关于我们 联系我们 版权所有</p></div></body></html>"
    )


def test_credit_line_below_promo_and_link_boxes_in_the_story_element_is_read() -> None:
    foot = (
        "<div class='source'><span>本文来源：某某日报</span> "
        "<span class='editor'>责任编辑：AB012</span></div>"
    )
    article = parse_document(_credited_page(foot), "page.html").articles[0]
    assert article.editor == "AB012"
    assert article.publisher == "某某日报"
    texts = _paragraphs(article)
    assert texts[-1].startswith("第4段")
    assert not any("责任编辑" in t or "要闻" in t or "客户端" in t for t in texts)


def test_no_credit_taken_past_other_prose_in_the_story_element() -> None:
    """A comment (prose) after the link boxes ends the story's foot: a credit below it is
    not the story's."""
    foot = (
        "<p>网友留言：这个政策很好，希望各地都能落实到位，让户外工作的人们真正得到实惠。</p>"
        "<p>责任编辑：王小明</p>"
    )
    article = parse_document(_credited_page(foot), "page.html").articles[0]
    assert article.editor is None


@pytest.mark.parametrize(
    "line", ["来源：某某日报 责任编辑：AB012", "来源：某某日报责任编辑：AB012"]
)
def test_source_line_with_an_editor_credit_joined_or_spaced(line: str) -> None:
    page = _page("").replace("</div></body>", f"<p>{line}</p></div></body>")
    article = parse_document(page, "page.html").articles[0]
    assert article.editor == "AB012"
    assert article.publisher == "某某日报"
    assert not any("来源" in t for t in _paragraphs(article))


@pytest.mark.parametrize(
    "label",
    ["音频 04:29", "视频 03:12", "7 分钟", "阅读时间：5分钟", "約 3 分鐘閱讀", "+关注", "+ 關注"],
)
def test_length_labels_and_follow_buttons_are_widgets(label: str) -> None:
    assert debris_reason(label) == "widget"


@pytest.mark.parametrize("line", ["会议持续了30分钟。", "请大家关注天气变化。", "关注民生"])
def test_sentences_about_minutes_or_following_stay_text(line: str) -> None:
    assert debris_reason(line) is None


def test_player_length_and_reading_time_beside_the_byline_leave_the_text() -> None:
    page = (
        "<html><head><title>防暑补贴陆续发放</title></head><body>"
        "<h1>防暑补贴陆续发放</h1><div class='info'>2021-07-04 08:00</div>"
        "<div class='player'>音频 04:29</div><div class='author'>作者：林小华</div>"
        "<div class='read'><span>7 分钟</span></div><div class='follow'>+关注</div>"
        f"<div class='text'>{STORY}</div></body></html>"
    )
    article = parse_document(page, "page.html").articles[0]
    texts = _paragraphs(article)
    assert texts[0].startswith("第1段")
    assert not any(t in ("音频 04:29", "7 分钟", "+关注") for t in texts)


def test_post_line_with_region_and_account_is_page_metadata() -> None:
    """`<time>发布于<region><account>官方账号`: a platform's post line, not the lead."""
    page = (
        "<html><head><title>防暑补贴陆续发放</title></head><body>"
        "<h1>防暑补贴陆续发放</h1>"
        "<div class='meta'><span>2021-07-04 06:16</span><span>发布于上海某某日报官方账号</span></div>"
        f"<div class='text'>{STORY}</div></body></html>"
    )
    article = parse_document(page, "page.html").articles[0]
    assert _paragraphs(article)[0].startswith("第1段")
    assert article.published_at is not None and article.published_at.day == 4


def test_paragraph_ending_with_a_dash_is_not_glued_to_the_next() -> None:
    """`…不容置疑——` in its own <p> leads in to the next paragraph; both stay apart, as
    printed. A paragraph cut mid-clause (`，`) still goes on."""
    lead_in = "这一说法站不住脚，理由有以下几点——"
    page = _page("").replace("<div class='text'>", f"<div class='text'><p>{lead_in}</p>", 1)
    texts = _paragraphs(parse_document(page, "page.html").articles[0])
    assert texts[0] == lead_in
    assert texts[1].startswith("第1段")
