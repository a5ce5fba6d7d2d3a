"""Story boundaries inside one article block and on pages of stories (classes round P).

- A bold line shaped like a headline, printed after the text of a story and right above a
  byline or a run-in credit, opens a companion story (its own headline and reporters).
- A paragraph opening with a dispatch's run-in credit (`本报讯（记者…）`) after a story that
  holds text of its own is a second, untitled story: it never lends its reporters to the
  first and never disappears.
- A box under a box label (`新闻链接`, `名词解释`) joins the story printed before it; a teaser
  (a headline over one line pointing elsewhere, `……（详见A3版）`) is not a story.

Every input is made up and small; each class has its counter-case (a single article that
looks alike and must stay one article).
"""

from zhnews.parse import parse_document

P1 = "今年全省小麦开镰收割，预计总产量与去年持平，农机手们日夜作业，抢抓晴好天气，确保颗粒归仓。"
P2 = "据省农业农村厅介绍，今年夏粮播种面积稳定，单产略有提高，各地丰收在望。"
P3 = "有关负责人表示，下一步将加强技术指导，做好烘干仓储，保障粮食安全。"
Q1 = "乙县昨天举行秋季运动会，来自全县二十个乡镇的八百多名运动员参加了比赛。"
Q2 = "运动会共设田径、球类等十二个大项，比赛将持续三天。"
COMPANION = "乙县秋季运动会开幕"


def article_page(body: str, title: str = "小麦开镰收割") -> str:
    return (
        f"<html><head><title>{title}_示例新闻网</title></head><body>"
        f"<div class='main'><h1>{title}</h1><p>本报记者 张三</p>{body}</div>"
        "<div class='foot'>版权所有 示例新闻网</div></body></html>"
    )


def epaper_page(body: str) -> str:
    return f"<html><head><title>第A01版：要闻_示例日报</title></head><body>{body}</body></html>"


def stories(text: str, name: str = "page.html"):
    return [
        (a.title, [x.name for x in a.authors], a.body_paragraphs)
        for a in parse_document(text, name).articles
    ]


# ---------------------------------------------------------------------------------------
# A companion story inside the article block: bold headline + byline


def test_bold_headline_over_a_byline_inside_the_article_starts_a_story():
    html = article_page(
        f"<p>{P1}</p><p>{P2}</p><p><strong>{COMPANION}</strong></p><p>本报记者 李四</p>"
        f"<p>{Q1}</p><p>{Q2}</p>"
    )
    assert stories(html) == [
        ("小麦开镰收割", ["张三"], [P1, P2]),
        (COMPANION, ["李四"], [Q1, Q2]),
    ]


def test_bold_headline_over_a_run_in_credit_starts_a_story_and_the_credit_leaves_its_lead():
    html = article_page(
        f"<p>{P1}</p><p>{P2}</p><p><strong>{COMPANION}</strong></p>"
        f"<p>本报讯（记者 李四）{Q1}</p><p>{Q2}</p>"
    )
    assert stories(html) == [
        ("小麦开镰收割", ["张三"], [P1, P2]),
        (COMPANION, ["李四"], [Q1, Q2]),
    ]


def test_bold_headline_in_a_markdown_page_starts_a_story_too():
    text = f"# 小麦开镰收割\n\n本报记者 张三\n\n{P1}\n\n{P2}\n\n**{COMPANION}**\n\n本报讯（记者 李四）{Q1}\n\n{Q2}\n"
    assert [t for t, _a, _b in stories(text, "page.md")] == ["小麦开镰收割", COMPANION]


def test_heading_over_a_run_in_lead_inside_a_single_story_page_keeps_its_story():
    # the page's <title> names the first story; a later heading whose lead opens with its
    # own run-in credit is a second story, not a subhead of the first
    html = article_page(
        f"<p>{P1}</p><p>{P2}</p><h3>{COMPANION}</h3><p>本报讯（记者 李四）{Q1}</p><p>{Q2}</p>"
    )
    assert stories(html) == [
        ("小麦开镰收割", ["张三"], [P1, P2]),
        (COMPANION, ["李四"], [Q1, Q2]),
    ]


def test_bold_subhead_without_a_credit_under_it_stays_a_subhead():
    html = article_page(f"<p>{P1}</p><p><strong>下一步加强指导</strong></p><p>{P3}</p>")
    ((title, authors, body),) = stories(html)
    assert (title, authors, body) == ("小麦开镰收割", ["张三"], [P1, P3])


def test_bold_line_over_a_photo_credit_is_no_headline():
    html = article_page(
        f"<p>{P1}</p><p><strong>农机手在田间作业</strong></p><p>本报记者 李四 摄</p><p>{P2}</p>"
    )
    ((title, _authors, body),) = stories(html)  # one story; the credit names a photographer
    assert title == "小麦开镰收割" and body[0] == P1 and body[-1] == P2


def test_bold_deck_between_headline_and_text_is_no_companion():
    # before any text a bold line over the byline is the story's deck or kicker
    html = (
        "<html><head><title>小麦开镰收割_示例新闻网</title></head><body><h1>小麦开镰收割</h1>"
        f"<p><strong>全省夏粮丰收在望</strong></p><p>本报记者 张三</p><p>{P1}</p><p>{P2}</p>"
        "</body></html>"
    )
    assert len(stories(html)) == 1


# ---------------------------------------------------------------------------------------
# An untitled dispatch printed under a story


def test_untitled_dispatch_after_a_closed_story_is_its_own_story():
    html = article_page(
        f"<p>{P1}</p><p>{P2}</p><p>（记者 张三）</p><p>本报讯（记者 李四）{Q1}</p><p>{Q2}</p>"
    )
    assert stories(html) == [
        ("小麦开镰收割", ["张三"], [P1, P2]),
        (None, ["李四"], [Q1, Q2]),
    ]


def test_untitled_dispatch_never_lends_its_reporters_to_the_story_above():
    html = article_page(f"<p>{P1}</p><p>{P2}</p><p>本报讯（记者 李四）{Q1}</p><p>{Q2}</p>")
    found = stories(html)
    assert found[0] == ("小麦开镰收割", ["张三"], [P1, P2])
    assert found[1][1:] == (["李四"], [Q1, Q2])


def test_the_paper_s_own_brief_after_a_story_is_its_own_story():
    brief = "本报讯 丁区新建的社区图书馆今天开放，藏书五万册，周末延长开放时间。"
    html = epaper_page(
        f"<h2>小麦开镰收割</h2><p>本报记者 张三</p><p>{P1}</p><p>{P2}</p><p>{brief}</p>"
    )
    assert stories(html) == [("小麦开镰收割", ["张三"], [P1, P2]), (None, [], [brief])]


def test_the_paper_s_brief_mark_opening_the_only_story_stays_its_lead():
    lead = f"本报讯 {P1}"
    html = epaper_page(f"<h2>小麦开镰收割</h2><p>{lead}</p><p>{P2}</p>")
    assert stories(html) == [("小麦开镰收割", [], [lead, P2])]


def test_lead_under_an_editor_s_note_belongs_to_the_story_the_note_introduces():
    note = "为拆一幢房，断送了三条人命。类似的事件今年已经发生多次。我们不能再等。"
    html = article_page(
        f"<p>编者按</p><p>{note}</p><p>{P3}</p><p>本报讯（记者 张三）{P1}</p><p>{P2}</p>"
    )
    ((title, _authors, body),) = stories(html)
    assert title == "小麦开镰收割" and body[-1] == P2


def test_run_in_credit_after_a_page_s_short_lines_is_the_story_s_own_lead():
    # short lines of a page (no sentences) above the lead are no story of their own
    html = (
        "<html><head><title>小麦开镰收割_示例新闻网</title></head><body><h1>小麦开镰收割</h1>"
        "<p>2024-06-01</p><p>字号 大 中 小</p><p>分享到</p><p>打印本页</p>"
        f"<p>本报讯（记者 李四）{P1}</p><p>{P2}</p></body></html>"
    )
    ((title, authors, body),) = stories(html)
    assert (title, authors, body) == ("小麦开镰收割", ["李四"], [P1, P2])


# ---------------------------------------------------------------------------------------
# Boxes and teasers on a page of stories


def test_glossary_box_joins_the_story_printed_before_it():
    html = epaper_page(
        f"<h2>小麦开镰收割</h2><p>本报记者 张三</p><p>{P1}</p><p>{P2}</p>"
        "<h2>名词解释</h2><p>夏粮：指夏季收获的粮食作物，主要是冬小麦。</p>"
        f"<h2>{COMPANION}</h2><p>本报讯（记者 李四）{Q1}</p><p>{Q2}</p>"
    )
    found = stories(html)
    assert [t for t, _a, _b in found] == ["小麦开镰收割", COMPANION]
    assert found[0][2] == [P1, P2, "夏粮：指夏季收获的粮食作物，主要是冬小麦。"]


def test_teaser_pointing_at_another_page_is_not_a_story():
    html = epaper_page(
        f"<h2>小麦开镰收割</h2><p>本报记者 张三</p><p>{P1}</p><p>{P2}</p>"
        f"<h2>{COMPANION}</h2><p>本报讯（记者 李四）{Q1}</p><p>{Q2}</p>"
        "<h2>丙市地铁二号线开通</h2><p>丙市地铁二号线昨日开通运营……（详见A3版）</p>"
        "<h2>丁区图书馆开放</h2><p>丁区新建的社区图书馆今天开放，藏书五万册。详见A4版</p>"
    )
    assert [t for t, _a, _b in stories(html)] == ["小麦开镰收割", COMPANION]


def test_one_line_brief_is_still_a_story():
    brief = "丁区新建的社区图书馆今天开放，藏书五万册，周末延长开放时间。"
    html = epaper_page(
        f"<h2>小麦开镰收割</h2><p>本报记者 张三</p><p>{P1}</p><p>{P2}</p>"
        f"<h2>丁区图书馆开放</h2><p>{brief}</p>"
    )
    assert stories(html)[-1] == ("丁区图书馆开放", [], [brief])


def test_headline_that_only_looks_like_a_label_keeps_its_story():
    # a story with its own byline is a story, whatever its headline says
    html = epaper_page(
        f"<h2>小麦开镰收割</h2><p>本报记者 张三</p><p>{P1}</p><p>{P2}</p>"
        f"<h2>乡村档案</h2><p>本报记者 李四</p><p>{Q1}</p><p>{Q2}</p>"
    )
    assert [t for t, _a, _b in stories(html)] == ["小麦开镰收割", "乡村档案"]
