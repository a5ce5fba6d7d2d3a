"""Failure classes found on first contact with pages of sites new to the project
(`bench/firstcontact/`, scored before any change: `zhnews eval bench/firstcontact --peers`).
Inputs are small synthetic posts written for these tests, not the pages.

1. A run-in dateline that prints its year in Chinese numerals and is closed by its bracket
   alone (`【明慧网二零一六年十月二十二日】`) dates the story, as the Arabic-numeral form with
   讯/电 already did (`【大纪元2018年08月28日讯】`).
2. A page whose headline is a link (`<h1><a href=…>headline</a></h1>`) falls back to its
   <title>, which carries the section and site names the site appends (`…-业界-IT评论`): the
   part before a separator that the page also prints as a heading or as its description is
   the headline.
3. A mirror's link to the original with a note on its label (`原文地址（需翻墙访问）：URL`) is
   not text; a row of three or more short labels split by `|` above the text (the mirror's
   navigation, `首页 | 手把手翻墙教程 | …`) is not the headline's deck; a line that is only a
   date over the story (an e-paper's issue date) is not a paragraph.
4. The reporter's credit after such a dateline (`【明慧网…日】（明慧记者郑语焉台湾新北市综合
   报道）`) names the author and leaves the text, as after `【…讯】`; a dateline naming no one
   stays in the text (the dev set's convention).
5. An e-paper story whose headline box (headline, deck, date) is an element of its own
   ends with a printed `[延伸阅读]` sidebar among its paragraphs (more unlinked prose on the
   same story): the sidebar is the story's text, only its label goes; a related header over
   linked headlines in the same place still ends the story.
"""

from __future__ import annotations

from datetime import date

import pytest
from synthetic import page, text_of, writers
from zhnews.parse import parse_document

_LINES = [
    "联合国粮食及农业组织周二警告说，一种猪瘟可能会越过边境，散播至邻近国家和地区。",
    "过去一个月，四个省份报告了感染猪只的疫情，当局已经封锁了相关的养殖场。",
    "粮农组织表示，它正在与各国当局密切合作，以控制疫情的进一步蔓延。",
]


def _mirror(lead: str) -> str:
    """A bot's Markdown mirror of a news item: `### title`, a rule, the item's HTML."""
    body = "".join(f"<p>{line}</p>\n" for line in _LINES[1:])
    return (
        "### 联合国警告猪瘟可能殃及邻国\n------------------------\n\n"
        f"<p>{lead}{_LINES[0]}</p>\n{body}\n原文链接：http://news.example.com/a/item.html\n"
    )


def _published(lead: str):
    article = parse_document(_mirror(lead), "mirror/item.md").articles[0]
    return article.published_at.date() if article.published_at else None


@pytest.mark.parametrize(
    ("lead", "day"),
    [
        ("【明慧网二零一六年十月二十二日】", date(2016, 10, 22)),
        ("【某某网二〇二一年三月五日】", date(2021, 3, 5)),
        ("【某某网二○一九年十二月三十一日讯】", date(2019, 12, 31)),
        ("【某某网2019年3月5日】", date(2019, 3, 5)),
    ],
)
def test_a_bracketed_dateline_with_its_year_in_any_numerals_dates_the_story(lead, day):
    assert _published(lead) == day


@pytest.mark.parametrize(
    "lead",
    [
        "二零一六年十月二十日，",  # a date the story's first sentence is about
        "【明慧网二零一六年十三月二十二日】",  # no such month
        "据报道，二零一六年十月二十二日讯",  # not where a dateline stands
    ],
)
def test_a_date_in_the_text_is_not_a_dateline(lead):
    assert _published(lead) is None


# --- 2. the <title> without the names a site appends --------------------------------------

_HEADLINE = "Sun股价持续回落 与甲骨文交易前景堪忧"


def _linked_headline_page(title: str, heading: str, description: str = "") -> str:
    meta = f'<meta name="description" content="{description}">' if description else ""
    body = "".join(f"<p>{line}</p>" for line in _LINES)
    return page(
        f"<title>{title}</title>{meta}",
        '<div class="nav"><a href="/">首页</a> &gt; <a href="/it/">IT评论</a></div>'
        f'<div class="post"><h1><a href="/it/72390.html">{heading}</a></h1>{body}</div>',
    )


def _title(html: str) -> str:
    return parse_document(html, "site/page.html").articles[0].title


@pytest.mark.parametrize("tail", ["-业界-IT评论", "_业界_IT评论", " | 酷勤网", "－IT评论"])
def test_the_names_after_a_headline_the_page_prints_are_not_the_title(tail):
    assert _title(_linked_headline_page(_HEADLINE + tail, _HEADLINE)) == _HEADLINE


def test_a_description_naming_the_headline_vouches_for_it_too():
    html = _linked_headline_page(_HEADLINE + "-业界-IT评论", "热点文章", description=_HEADLINE)
    assert _title(html) == _HEADLINE


@pytest.mark.parametrize(
    ("title", "heading"),
    [
        ("中美-欧盟贸易谈判进入新阶段", "热点文章"),  # a dash inside a headline nothing repeats
        ("油价-业界-IT评论", "油价"),  # a head too short to be sure of
    ],
)
def test_a_title_nothing_else_on_the_page_splits_stays_whole(title, heading):
    assert _title(_linked_headline_page(title, heading)) == title


# --- 3. a mirror's link to the original, its navigation row; a date line over the story ----


def _mirror_with(before: str = "", after: str = "") -> str:
    body = "".join(f"<p>{line}</p>\n" for line in _LINES)
    return f"### 联合国警告猪瘟可能殃及邻国\n------------------------\n\n{before}{body}{after}\n"


def _article(text: str):
    return parse_document(text, "mirror/item.md").articles[0]


@pytest.mark.parametrize(
    "line",
    [
        "原文地址（需翻墙访问）：http://www.example.org/mh/articles/2016/10/22/标题-336623.html",
        "原文链接(英文)：https://www.example.com/news/a.html",
    ],
)
def test_a_link_to_the_original_with_a_note_on_its_label_is_not_text(line):
    article = _article(_mirror_with(after=f"<p>{line}</p>\n"))
    assert [p.text for p in article.paragraphs if p.kind in ("body", "subhead")] == _LINES


def test_a_row_of_labels_above_the_text_is_navigation_not_a_deck():
    links = ["首页", "手把手翻墙教程", "禁闻聚合安卓版", "网门安卓版"]
    nav = (
        "#### "
        + " &nbsp;|&nbsp; ".join(f"[{x}](https://example.org/{i})" for i, x in enumerate(links))
        + "\n\n"
    )
    article = _article(_mirror_with(before=nav))
    assert article.subtitle is None
    assert [p.text for p in article.paragraphs if p.kind in ("body", "subhead")] == _LINES


def test_a_line_split_by_bars_that_reads_as_a_sentence_stays():
    line = "他说：左边 | 右边 | 中间，这是三个选项。"
    article = _article(_mirror_with(before=f"<p>{line}</p>\n"))
    assert line in [p.text for p in article.paragraphs]


@pytest.mark.parametrize("stamp", ["2014年5月21日", "2014年5月21日 星期三"])
def test_a_date_printed_over_the_story_is_not_a_paragraph(stamp):
    html = page(
        "<title>变性的她盗窃被抓</title>",
        "<div><h1>变性的她盗窃被抓</h1><p style='text-align:center'>因缺钱导致变性不彻底</p>"
        f"<h6><span>{stamp}</span></h6></div><div id='neir'>"
        + "".join(f"<p>{x}</p>" for x in _LINES)
        + "</div>",
    )
    article = parse_document(html, "epaper/page.html").articles[0]
    assert [p.text for p in article.paragraphs if p.kind in ("body", "subhead")] == _LINES


def test_a_paragraph_opening_with_a_date_stays():
    line = "2014年5月21日，湖南省公安厅举办新闻发布会，介绍全省监所法治文明建设情况。"
    html = page(
        "<title>标题在此</title>",
        "<h1>标题在此</h1>" + f"<p>{line}</p>" + "".join(f"<p>{x}</p>" for x in _LINES),
    )
    article = parse_document(html, "epaper/page.html").articles[0]
    assert line in [p.text for p in article.paragraphs]


# --- 4. the reporter's credit after a dateline closed by its date -------------------------


@pytest.mark.parametrize(
    ("credit", "names"),
    [
        ("（明慧记者郑语焉台湾新北市综合报道）", ["郑语焉"]),
        ("（明慧记者吴思静德国报道）", ["吴思静"]),
    ],
)
def test_a_credit_after_a_dateline_closed_by_its_date_names_the_reporter(credit, names):
    article = parse_document(_mirror(f"【明慧网二零一六年十月二十二日】{credit}"), "m/item.md")
    article = article.articles[0]
    assert writers(article) == names
    assert text_of(article) == _LINES
    assert article.published_at.date() == date(2016, 10, 22)


def test_a_dateline_closed_by_its_date_that_names_no_one_stays_in_the_text():
    article = parse_document(_mirror("【明慧网二零一六年十月二十二日】"), "m/item.md").articles[0]
    assert writers(article) == []
    assert text_of(article)[0] == "【明慧网二零一六年十月二十二日】" + _LINES[0]


# --- 5. a printed sidebar after an e-paper story -----------------------------------------

_SIDEBAR = [
    "特殊病犯如何收治",
    "省公安厅在发布会上介绍，全省监所系统此前多次收押过类似的特殊人员，各地做法不尽相同。",
    "针对传染病患者，全省已设立专门的收治场所，由医务人员集中看护。",
]


def _epaper(after: str) -> list[str]:
    """A Founder-style e-paper article page: the headline box, then the story's <p>s."""
    head = "<div class='hd'><h1>标题在此</h1><p>因缺钱导致手术不彻底；目前已被取保候审</p></div>"
    body = "".join(f"<p>{x}</p>" for x in _LINES) + "<p>[延伸阅读]</p>" + after
    doc = page("<title>标题在此</title>", f"<div id='main'>{head}<div id='neir'>{body}</div></div>")
    return text_of(parse_document(doc, "epaper/page.html").articles[0])


def test_a_printed_sidebar_after_an_epaper_story_is_its_text():
    assert _epaper("".join(f"<p>{x}</p>" for x in _SIDEBAR)) == _LINES + _SIDEBAR


def test_a_related_header_over_linked_headlines_still_ends_the_story():
    teasers = "".join(
        f"<p><a href='/n{i}.htm'>市府推动老屋健检计划</a></p><p>{_SIDEBAR[1]}</p>" for i in range(2)
    )
    assert _epaper(teasers) == _LINES
