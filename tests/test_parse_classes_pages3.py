"""Saved HTML pages whose article block prints a second, companion story (issue 12, class 5).

Synthetic inputs, one failure class per test, each with its counter-case: a single story
that looks alike and must stay one article.
"""

from __future__ import annotations

from synthetic import page, text_of, writers
from zhnews.parse import parse_document
from zhnews.settings import Settings

SETTINGS = Settings()

T1 = "新建公园绿地三十处"
T2 = "地铁十二号线下月试运营"
P1 = "本市今年将新建公园绿地三十处，总面积超过两百公顷，预计年底前全部完工并向市民开放。"
P2 = "市园林局负责人表示，新建公园将优先布局在老旧城区，方便周边居民就近休闲健身。"
P3 = "据介绍，今年全市还将改造提升街心花园五十个，增加座椅和照明设施，改善夜间环境。"
Q1 = "地铁十二号线将于下月底开通试运营，全线共设车站二十座，记者从市交通委获悉。"
Q2 = "十二号线开通后，城市东部与北部之间的通勤时间将缩短约二十分钟，换乘也更加方便。"
Q3 = "市交通委提醒乘客，试运营初期部分车站出入口暂不开放，请留意站内公告和导向标识。"


def _html(content: str) -> str:
    # the page's <title> names the first story, as an article page's does
    return page(
        f"<title>{T1}_本地新闻_某某网</title>",
        f"<div class='article'><h1>{T1}</h1>"
        "<div class='info'>2023-05-06 08:00 来源：某某日报</div>"
        f"<div class='content'>{content}</div></div>",
    )


def _parse(text: str):
    return parse_document(text, "page.html", SETTINGS)


# ---------------------------------------------------------------------------------------
# Class 1: a companion story printed inside the element that holds the story's text, under
# its own headline, date line and byline, is a second story; a page whose <title> names
# the first story used to take its dated header for the next post a page loads beside its
# story and drop it (and everything after it).


def test_dated_credited_story_inside_the_text_block_is_kept_as_a_second_story():
    doc = _parse(
        _html(
            f"<p>本报记者 张三</p><p>{P1}</p><p>{P2}</p><p>{P3}</p>"
            f"<h3>{T2}</h3><p>2023年05月06日 来源：某某日报</p><p>本报记者 李四</p>"
            f"<p>{Q1}</p><p>{Q2}</p><p>{Q3}</p>"
        )
    )
    assert [a.title for a in doc.articles] == [T1, T2]
    first, second = doc.articles
    assert text_of(first) == [P1, P2, P3]
    assert text_of(second) == [Q1, Q2, Q3]
    assert writers(first) == ["张三"] and writers(second) == ["李四"]


def test_next_post_beside_the_story_is_still_not_a_story():
    # the same dated, credited post in a box of its own beside the story's text block
    text = page(
        f"<title>{T1}_本地新闻_某某网</title>",
        f"<div class='article'><h1>{T1}</h1>"
        "<div class='info'>2023-05-06 08:00 来源：某某日报</div>"
        f"<div class='content'><p>本报记者 张三</p><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>"
        f"<div class='next'><h3>{T2}</h3><p>2023年05月07日 来源：某某日报</p>"
        f"<p>本报记者 李四</p><p>{Q1}</p><p>{Q2}</p><p>{Q3}</p></div></div>",
    )
    doc = _parse(text)
    assert [a.title for a in doc.articles] == [T1]
    assert text_of(doc.articles[0]) == [P1, P2, P3]


# ---------------------------------------------------------------------------------------
# Class 2: a bold headline line after text that ends a sentence, over a lead that opens
# with a dispatch's dateline naming nobody (`新华社北京5月5日电　…`, `本报讯 …`), opens a
# companion story: a story is dated once, at its lead, so a subhead never stands over one.


def test_bold_headline_over_a_dateline_lead_opens_a_companion_story():
    lead = f"新华社北京5月5日电　{Q1}"
    doc = _parse(
        _html(
            f"<p>本报记者 张三</p><p>{P1}</p><p>{P2}</p><p>{P3}</p>"
            f"<p><strong>{T2}</strong></p><p>{lead}</p><p>{Q2}</p><p>{Q3}</p>"
        )
    )
    assert [a.title for a in doc.articles] == [T1, T2]
    first, second = doc.articles
    assert text_of(first) == [P1, P2, P3]
    assert text_of(second) == [f"新华社北京5月5日电 {Q1}", Q2, Q3]  # the wire dateline stays
    assert writers(first) == ["张三"] and writers(second) == []


def test_bold_subheads_over_plain_paragraphs_stay_one_story():
    doc = _parse(
        _html(
            f"<p>本报记者 张三</p><p>{P1}</p><p><strong>优先布局老旧城区</strong></p>"
            f"<p>{P2}</p><p><strong>{T2}</strong></p><p>{Q1}</p><p>{P3}</p>"
        )
    )
    assert [a.title for a in doc.articles] == [T1]
    assert text_of(doc.articles[0]) == [P1, "优先布局老旧城区", P2, T2, Q1, P3]


# ---------------------------------------------------------------------------------------
# Class 3: an e-paper page of article boxes, each a title line over its credit line over
# its text, where the markup makes no heading of the title (`<div class="title">`): once
# the page's first story opens with its title over a credit, a later short headline-shaped
# line printed outside the element of the text above it, right over a credit naming
# reporters, opens the next story (it used to be read as a line of the first story, which
# then carried both stories' text and writers).


def _paper(second_box: str) -> str:
    return page(
        "<title>某某日报-第3版：城市</title>",
        "<div class='paper'>"
        f"<div class='article'><div class='title'>{T1}</div>"
        "<div class='author'>本报记者 张三</div>"
        f"<div class='text'><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></div>"
        f"{second_box}</div>",
    )


def test_title_lines_over_credits_in_article_boxes_open_stories():
    doc = _parse(
        _paper(
            f"<div class='article'><div class='title'>{T2}</div>"
            "<div class='author'>本报记者 李四</div>"
            f"<div class='text'><p>{Q1}</p><p>{Q2}</p><p>{Q3}</p></div></div>"
        )
    )
    assert [a.title for a in doc.articles] == [T1, T2]
    first, second = doc.articles
    assert text_of(first) == [P1, P2, P3]
    assert text_of(second) == [Q1, Q2, Q3]
    assert writers(first) == ["张三"] and writers(second) == ["李四"]


def test_title_line_of_a_box_without_a_credit_opens_no_story():
    doc = _parse(
        _paper(
            f"<div class='box'><div class='title'>{T2}</div>"
            f"<div class='text'><p>{Q1}</p><p>{Q2}</p></div></div>"
        )
    )
    assert [a.title for a in doc.articles] == [T1]
    assert writers(doc.articles[0]) == ["张三"]
