"""Failure classes of issue 12 (dev set sources terminus2049, mingpao, hk01, bha): a
newsroom tag before a bracketed byline, headlines and dates that only the page <title>
confirms, topic-prefixed <title>s, and articles held only in a Next.js `__NEXT_DATA__`
script. Inputs are small synthetic pages and lines written for these tests."""

from __future__ import annotations

import pytest
from zhnews.parse import parse_document
from zhnews.parse.bylines import split_run_in

# --- run-in byline after a bracketed newsroom tag: `【财新网】（记者 X）…` -----------------


@pytest.mark.parametrize(
    ("lead", "names", "rest"),
    [
        (
            "【东方网】（记者 崔大明）福建省某市一名男子死亡。",
            ["崔大明"],
            "福建省某市一名男子死亡。",
        ),
        (
            "【东方网】（记者萧小辉实习记者于小璐）年夜饭做了六道菜。",
            ["萧小辉", "于小璐"],
            "年夜饭做了六道菜。",
        ),
        (
            "【某某日报】（记者 苑大文 包小明 实习记者 黄雨晴）家里的日历上画了圈。",
            ["苑大文", "包小明", "黄雨晴"],
            "家里的日历上画了圈。",
        ),
    ],
)
def test_newsroom_tag_then_bracketed_byline_leaves_the_lead(lead, names, rest):
    split = split_run_in(lead)
    assert split is not None
    byline, remainder = split
    assert [a.name for a in byline.authors] == names
    assert byline.credit is not None and byline.credit in lead
    assert remainder == rest


@pytest.mark.parametrize(
    "lead",
    [
        "【独家】（记者 张三）今天发布了消息。",  # a label, not a newsroom
        "【东方网】（图）今天发布了消息。",  # no role word, nobody named
        "【东方网】（记者获悉，今天）发布了消息。",  # prose in brackets
    ],
)
def test_tag_and_bracket_that_name_nobody_stay(lead):
    split = split_run_in(lead)
    assert split is None or not split[0].authors


def test_tagged_byline_in_a_post_gives_the_authors():
    post = (
        "---\ntitle: 被清退以后\ndate: 2018-02-18\n---\n\n"
        "【东方网】（记者萧小辉实习记者于小璐）李家的年夜饭做了六道菜。他陪在母亲身边过年。\n\n"
        "第二段的内容在这里，写得很长很长。\n"
    )
    article = parse_document(post, "2018-02-18-post.md").articles[0]
    assert [a.name for a in article.authors] == ["萧小辉", "于小璐"]
    assert article.body_paragraphs[0].startswith("李家的年夜饭")


def test_picture_credit_through_a_desk_name_stays_a_picture_credit():
    from zhnews.parse.bylines import parse_credit_line

    byline = parse_credit_line("图/观察记者 丁大刚")
    assert byline is not None
    assert [(a.name, a.role) for a in byline.authors] == [("丁大刚", "摄影")]
    writer = parse_credit_line("文丨政能亮特约评论员 韩小涵")
    assert writer is not None and writer.authors[0].role == "评论员"


# --- topic-prefixed <title> (`專題｜headline`) and the next story of an endless page ------------


def _endless_page(title_tag: str, og_title: str | None) -> str:
    og = f'<meta property="og:title" content="{og_title}">' if og_title else ""
    first = "".join(
        f"<p>第一篇報道的第{i}段內容，描述事件的經過和各方的反應。</p>" for i in range(6)
    )
    second = "".join(
        f"<p>下一篇報道的第{i}段內容，講述另外一件完全不同的事情。</p>" for i in range(6)
    )
    return (
        f"<html><head><title>{title_tag}</title>{og}</head><body>"
        "<article><h1>大火專題｜僱主泣訴不想住老人院　印傭：好掛住公公</h1>"
        f"<time>2025-12-01 10:00</time>{first}</article>"
        "<article><h1>另一宗新聞｜元秋慶生罕露面　近年長駐加拿大</h1>"
        f"<time>2025-12-01 09:00</time>{second}</article></body></html>"
    )


@pytest.mark.parametrize(
    ("title_tag", "og_title"),
    [
        ("大火專題｜僱主泣訴不想住老人院　印傭：好掛住公公", None),  # cut at ｜: topic only
        ("某某人近照　印傭：好掛住公公", "大火專題｜僱主泣訴不想住老人院　印傭：好掛住公公"),
    ],
)
def test_topic_prefixed_title_still_names_the_page_story(title_tag, og_title):
    articles = parse_document(_endless_page(title_tag, og_title), "page.html").articles
    assert len(articles) == 1
    assert articles[0].title.startswith("大火專題｜僱主泣訴")


def test_page_named_for_neither_story_keeps_both():
    articles = parse_document(_endless_page("新聞首頁", None), "page.html").articles
    assert len(articles) == 2


# --- headline and date that only the page <title> confirms (h1 = headline<br><br>deck) ---------


def _archive_page(title_tag: str) -> str:
    text = "".join(
        f"<p>【本報專訊】第{i}段報道的內容，講述工廈塌篷事件的經過和各方反應。</p>"
        for i in range(5)
    )
    return (
        f"<html><head><title>{title_tag}</title></head><body>"
        "<table><tr><td><a href='/'>首頁</a> <a href='/a'>要聞</a></td></tr></table>"
        "<h1>塌篷工廈被轟打錯鋼筋<br><br>專家質疑違則  途人枉斷腳掌</h1>"
        f"<div>{text}</div></body></html>"
    )


@pytest.mark.parametrize(
    ("title_tag", "day"),
    [
        ("新聞網-要聞-要聞--塌篷工廈被轟打錯鋼筋-20110711", "2011-07-11"),
        ("塌篷工廈被轟打錯鋼筋_2011-07-11_新聞網", "2011-07-11"),
        ("塌篷工廈被轟打錯鋼筋 2011年7月11日", "2011-07-11"),
        ("1949年10月1日：工廈塌篷", None),  # a date in the headline's words: what it is about
    ],
)
def test_date_segment_of_the_page_title_dates_the_page(title_tag, day):
    article = parse_document(_archive_page(title_tag), "page.htm").articles[0]
    got = article.published_at.date().isoformat() if article.published_at else None
    assert got == day


@pytest.mark.parametrize(
    "title_tag",
    ["新聞網-要聞-要聞--塌篷工廈被轟打錯鋼筋-20110711", "塌篷工廈被轟打錯鋼筋｜新聞網"],
)
def test_headline_line_that_the_page_title_names_is_the_title(title_tag):
    article = parse_document(_archive_page(title_tag), "page.htm").articles[0]
    assert article.title == "塌篷工廈被轟打錯鋼筋"
    assert not any("途人枉斷腳掌" in p for p in article.body_paragraphs)


def test_headline_lines_the_page_title_does_not_name_are_left_alone():
    article = parse_document(_archive_page("新聞網-要聞"), "page.htm").articles[0]
    assert article.title in ("塌篷工廈被轟打錯鋼筋", "專家質疑違則 途人枉斷腳掌")
    assert article.subtitle is None and article.kicker is None  # nothing to swap on


# --- an article held only as JSON in a Next.js page's `__NEXT_DATA__` -----------------------


def _next_page(data: dict, body: str = '<div id="__next"></div>') -> str:
    import json

    return (
        '<!DOCTYPE html><html><head><meta charSet="utf-8"/></head><body>'
        f'{body}<script id="__NEXT_DATA__" type="application/json">'
        f"{json.dumps(data, ensure_ascii=False)}</script></body></html>"
    )


_PARTS = [
    "修路的官员和民工",
    "向大家报告工作",
    "【新华社拉萨二十六日电】国庆节即将到来，修路指挥部的全体官员和民工写信报告工作成绩和愉快的劳动生活。",
    "信上说，到八月底，已经完成了一百多万立方公尺的土方工程和石方、涵洞等工程，大家非常高兴。",
    "信上最后表示：我们一定团结一致，共同劳动，争取早日修好公路。",
]


def test_article_only_in_next_data_parts_is_read():
    data = {
        "props": {
            "pageProps": {
                "related": [{"title": "另一篇文章的标题", "summary": "短短的摘要。"}],
                "books": [
                    {
                        "name": "某某日报",
                        "article": {
                            "title": "修路的官员和民工  向大家报告工作",
                            "authors": [],
                            "dates": [{"year": 1953, "month": 10, "day": 1}],
                            "parts": [{"type": "paragraph", "text": t} for t in _PARTS],
                            "page_start": 1,
                        },
                    }
                ],
            }
        },
        "page": "/articles/[id]",
    }
    article = parse_document(_next_page(data), "0000449482.html").articles[0]
    assert article.title == "修路的官员和民工 向大家报告工作"
    assert article.body_paragraphs == _PARTS[2:]  # the decks printed again are not body
    assert article.published_at.date().isoformat() == "1953-10-01"
    assert article.published_at_source == "meta"


def test_next_data_article_with_html_content_and_date_string():
    data = {
        "props": {
            "pageProps": {
                "post": {
                    "headline": "某市开通第一条地铁线路",
                    "publishedAt": "2023-05-06T10:00:00+08:00",
                    "updatedAt": "2024-01-01T10:00:00+08:00",
                    "content": "<p>某市第一条地铁线路今天正式开通运营，全长二十多公里，设站十八座。</p>"
                    "<p>市民一早就排队乘坐，不少人说这条线路让上下班方便了很多。</p>",
                }
            }
        }
    }
    article = parse_document(_next_page(data), "page.html").articles[0]
    assert article.title == "某市开通第一条地铁线路"
    assert len(article.body_paragraphs) == 2
    assert article.published_at.date().isoformat() == "2023-05-06"


def test_page_with_its_own_text_ignores_next_data():
    data = {
        "props": {"pageProps": {"post": {"title": "脚本里的标题", "body": "脚本里的正文。" * 30}}}
    }
    body = (
        "<article><h1>页面上的标题</h1>"
        + "<p>页面上印出来的正文，有好几句话。内容完整。</p>" * 4
        + "</article>"
    )
    article = parse_document(_next_page(data, body), "page.html").articles[0]
    assert article.title == "页面上的标题"
    assert not any("脚本里的正文" in p for p in article.body_paragraphs)


def test_page_without_text_or_article_data_is_still_rejected():
    from zhnews.model import RejectedDocument

    with pytest.raises(RejectedDocument):
        parse_document(_next_page({"props": {"pageProps": {"title": "首页"}}}), "page.html")
