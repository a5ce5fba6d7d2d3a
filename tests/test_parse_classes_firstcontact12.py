"""Failure classes found on the twelfth first-contact batch (scored blind:
`bench/extraction/firstcontact-2026-12-07h.md`).

1. A single-story page whose text opens with an intro box printed as subheads (`<h5>…<br><br>
   …</h5>`, no paragraph of text before the first section head) keeps its section heads
   (`<h2>向陌生人求助的“女孩”</h2>`) as subheads: where the intro sits tells the story's
   element (`parse._story_box`); before, one story per section came out (zhoudaosh, 8 for 1).
   A quote opening a section (`<blockquote>姐姐一定要帮帮我。”</blockquote>`) is text, not a
   summary.
2. A closing note that the people named are pseudonyms (`（应采访对象要求，王佳宁、林可均为化名）`)
   is text, not a byline.
3. The desk's call for news tips with its hotline (`想爆料？请登录《阳光连线》、拨打新闻热线…
   提供新闻线索。`) is a promo, not text; reporting about tips stays.
"""

from __future__ import annotations

import pytest
from synthetic import PARAGRAPH, only_article, page, text_of, writers
from zhnews.parse.bylines import parse_byline_line
from zhnews.parse.debris import debris_reason

HEADLINE = "不被理解的跨性别者：与母亲争吵半生，只为一个签名"


def _feature(sections: int) -> str:
    parts = []
    for s in range(1, sections + 1):
        parts.append(f"<h2>第{s}节的小标题<br></h2>")
        if s == 1:
            parts.append("<blockquote><p>姐姐一定要帮帮我。”</p></blockquote>")
        parts.extend(PARAGRAPH.format(i=f"{s}-{i}") for i in range(1, 4))
    return page(
        f"<title>{HEADLINE}</title>",
        f"<div class='zhoudaocontent'><h2 class='zhoudaotitle'>{HEADLINE}</h2>"
        "<div class='zhoudaowriter'>作者：张益维 姚沁艺</div><div>时间：2021-01-03 16:28</div>"
        "<div id='contentzone'><p><img src='a.jpg'></p>"
        "<h5>什么人不敢使用自己的身份证？王佳宁不敢。<br><br>她从未犯法，更不是逃犯。</h5>"
        "<p><img src='b.jpg'></p><h6>▲王佳宁一直不敢使用自己的身份证</h6>"
        + "".join(parts)
        + "<p>（应采访对象要求，王佳宁、林可、苏颖均为化名）</p></div></div>",
    )


def test_section_heads_under_an_intro_box_stay_in_one_story():
    article = only_article(_feature(3))
    assert article.title == HEADLINE
    texts = text_of(article)
    assert "第2节的小标题" in texts and "第3节的小标题" in texts
    assert sum(t.startswith("第3-") for t in texts) == 3


def test_a_quote_opening_a_section_is_text():
    article = only_article(_feature(2))
    assert "姐姐一定要帮帮我。”" in text_of(article)
    assert article.summary is None


def test_a_pseudonym_note_is_no_byline():
    assert parse_byline_line("（应采访对象要求，王佳宁、林可、苏颖、白雨霏均为化名）") is None
    article = only_article(_feature(2))
    assert writers(article) == ["张益维", "姚沁艺"]
    assert "（应采访对象要求，王佳宁、林可、苏颖均为化名）" in text_of(article)


def test_a_call_for_news_tips_is_a_promo():
    line = (
        "想爆料？请登录《阳光连线》（ https://minsheng.iqilu.com/）、拨打新闻热线0531-66661234"
        "或96678，或登录齐鲁网官方微博（@齐鲁网）提供新闻线索。齐鲁网广告热线0531-81695052，诚邀合作伙伴。"
    )
    assert debris_reason(line) == "promo"


@pytest.mark.parametrize(
    "line",
    [
        "有市民向本报提供新闻线索称，该路段积水严重。",
        "网友爆料称，该店存在卫生问题，记者拨打电话12345核实。",
    ],
)
def test_reporting_about_tips_stays_text(line):
    assert debris_reason(line) is None


def _sections_page(title: str, credit: str) -> str:
    parts = []
    for s in range(1, 4):
        parts.append(f"<h2>第{s}节的小标题</h2>")
        parts.extend(PARAGRAPH.format(i=f"{s}-{i}") for i in range(1, 4))
    return page(
        f"<title>{title}</title>",
        f"<div class='article'><h1>{HEADLINE}</h1>{credit}<div>2021-01-03 16:28</div>"
        f"<div class='content'>{''.join(parts)}</div></div>",
    )


def test_a_feature_whose_text_opens_at_a_section_head_is_one_story():
    """Probed from the zhoudaosh page with the site's name as <title> (so the <title> does
    not name the headline) and no intro box: the headline over the writer's byline is the
    story's, its <h2> section heads are subheads (before: three stories titled by the
    section heads, the headline lost)."""
    from zhnews.parse import parse_document

    doc = parse_document(_sections_page("周到上海", "<div>作者：张益维</div>"), "page.html")
    assert [a.title for a in doc.articles] == [HEADLINE]
    assert writers(doc.articles[0]) == ["张益维"]
    assert "第3节的小标题" in text_of(doc.articles[0])


def test_a_page_name_and_date_over_headed_stories_keeps_them_apart():
    from zhnews.parse import parse_document

    doc = parse_document(_sections_page("新闻联播", ""), "page.html")
    assert len(doc.articles) == 3
