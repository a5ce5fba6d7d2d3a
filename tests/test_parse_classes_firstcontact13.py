"""Failure classes found on the thirteenth first-contact batch (scored blind:
`bench/extraction/firstcontact-2026-12-07g.md`).

1. A task label over a newsroom's job title (`统筹：南都记者 向雪妮 韦娟明`) credits the
   coordinators, not writers; under a writing label the newsroom's short name glued to the
   job title is the desk, not a person (`采写：南都记者 杨婷` names 杨婷, not 南都).
2. The desk's kind of editor is one role word (`文字编辑：李林蔚`, `流程编辑：TF060`: the prefix
   is no writer's name; a desk code is kept as the editor, as for `责任编辑：NF055`); a
   picture editor (`图片编辑：邵竞`) is not the story's editor and `题图来源：IC photo` names a
   picture source, so a row of such credits glued together is read as credits.
3. A reporter's credit in lenticular brackets opening the lead (`【环球时报特约记者 张天行】`)
   is cut from the text and names the writer.
4. A one-paragraph standfirst whose every sentence the text says again (`<div
   class="news-summary">`) is the summary, not the first paragraph; a lead summary of several
   paragraphs printed as the text's own stays.
5. A subhead-level heading right under a picture that names a file picture and its agency
   (`<h5>布丽吉特资料图 新华社/美联</h5>`) is the picture's caption.
6. A portal's copyright notice (`如遇作品内容、版权等问题，请…与本网联系。版权侵权联系电话：…`)
   is a disclaimer; the app button (`打开APP 阅读更多`, also as two spans) is page furniture.
"""

from __future__ import annotations

import pytest
from synthetic import PARAGRAPH, STORY, only_article, page, text_of, writers
from zhnews.parse.bylines import _credits, parse_credit_line
from zhnews.parse.content import widget_reason
from zhnews.parse.debris import debris_reason

HEAD = "<title>防暑补贴全部发放到位</title>"
H1 = "<h1>防暑补贴全部发放到位</h1>"


def test_a_task_label_over_a_job_title_credits_no_writer():
    assert _credits("统筹：南都记者 向雪妮 韦娟明").authors == []


def test_a_newsroom_before_the_job_title_under_a_writing_label_is_the_desk():
    names = [a.name for a in _credits("采写：南都记者 杨婷 周冠珠").authors]
    assert names == ["杨婷", "周冠珠"]


@pytest.mark.parametrize(
    ("line", "editor"),
    [
        ("文字编辑：李林蔚", "李林蔚"),
        ("流程编辑：TF060", "TF060"),
        ("栏目主编：赵翰露 文字编辑：李林蔚 图片编辑：邵竞", "李林蔚"),
        ("栏目主编：赵翰露文字编辑：李林蔚题图来源：IC photo图片编辑：邵竞", "李林蔚"),
    ],
)
def test_desk_editor_roles_are_one_word(line, editor):
    byline = parse_credit_line(line)
    assert byline is not None
    assert byline.editor == editor
    assert byline.authors == []


LEAD = "正当当局还沉醉在所谓峰会的宣传之际，外媒的报道瞬间粉碎了这个美梦，舆论对此相当关注。"


@pytest.mark.parametrize("credit", ["【环球时报特约记者 张天行】", "〔本报记者 张天行〕"])
def test_a_lenticular_reporter_credit_opening_the_lead_is_cut(credit):
    article = only_article(page(HEAD, f"{H1}<p>{credit} {LEAD}</p>{STORY}"))
    assert writers(article) == ["张天行"]
    assert text_of(article)[0] == LEAD


def test_a_lenticular_label_naming_nobody_stays():
    article = only_article(page(HEAD, f"{H1}<p>【记者手记】{LEAD}</p>{STORY}"))
    assert text_of(article)[0] == f"【记者手记】{LEAD}"


SUMMARY = "舆论对此相当关注。"
LEAD_2 = "外媒的报道瞬间粉碎了这个美梦，当局的宣传落空，舆论对此相当关注。"


def test_a_standfirst_the_text_says_again_is_the_summary():
    html = page(
        HEAD,
        f"{H1}<div class='news-summary'>外媒的报道瞬间粉碎了这个美梦，当局的宣传落空。</div>"
        f"<p>正当当局还沉醉在所谓峰会的宣传之际，外媒的报道瞬间粉碎了这个美梦，当局的宣传落空。"
        f"舆论对此相当关注。</p>{STORY}",
    )
    article = only_article(html)
    assert text_of(article)[0].startswith("正当当局")
    assert article.summary == "外媒的报道瞬间粉碎了这个美梦，当局的宣传落空。"


def test_a_lead_summary_of_several_paragraphs_stays():
    first = "一个简单的推断是，超发电价的上调实际上就意味着上网电价上调。"
    second = "专家认为，现在的电力体制改革偏离改革的初衷。"
    html = page(
        HEAD,
        f"{H1}<p>{first}</p><p>{second}</p>{STORY}<p>是一扇窗口。{second}</p><p>而且{first}</p>",
    )
    assert text_of(only_article(html))[:2] == [first, second]


def test_a_heading_under_a_picture_naming_a_file_picture_is_its_caption():
    html = page(
        HEAD,
        f"{H1}{PARAGRAPH.format(i=1)}<p><img src='a.jpg'></p>"
        "<h5 style='color:#808080;text-align:center;'>布丽吉特资料图&nbsp;新华社/美联</h5>"
        + "".join(PARAGRAPH.format(i=i) for i in range(2, 5)),
    )
    article = only_article(html)
    assert "布丽吉特资料图 新华社/美联" not in text_of(article)
    assert len(text_of(article)) == 4


def test_a_portal_copyright_notice_is_a_disclaimer():
    line = (
        "如遇作品内容、版权等问题，请在相关文章刊发之日起30日内与本网联系。"
        "版权侵权联系电话：010-85202353"
    )
    assert debris_reason(line) == "disclaimer"


@pytest.mark.parametrize("line", ["打开APP 阅读更多", "打开APP阅读全文"])
def test_the_app_button_is_a_promo(line):
    assert debris_reason(line) == "promo"


@pytest.mark.parametrize("line", ["打开", "APP阅读更多", "App内查看原文"])
def test_the_app_buttons_halves_are_controls(line):
    assert widget_reason(line) == "control"


@pytest.mark.parametrize(
    "line", ["他打开了门，发现屋里没人。", "记者打开APP发现，相关功能已下线。"]
)
def test_reporting_about_opening_stays_text(line):
    assert debris_reason(line) is None
