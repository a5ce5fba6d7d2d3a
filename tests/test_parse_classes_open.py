"""Failure classes left open on the dev set, and the limits of the `X：…` writer rules
(a name and a colon taken as a byline): each test is a small synthetic document written for
the class, with made-up names and text, and its counter-case."""

from __future__ import annotations

import pytest
from synthetic import PARAGRAPH, STORY, page, text_of, writers
from zhnews.parse import parse_document

SPOKEN = "<p>我们当时非常紧张，但是大家都坚持了下来，一直干到了天亮。</p>"
ANSWER = "<p>对，没有一个人放弃，大家轮流休息，轮流上阵。</p>"


def parsed(body: str, title: str = "高温补贴今起发放"):
    doc = page(f"<title>{title}_示例网</title>", f"<h1>{title}</h1>{body}")
    return parse_document(doc, "page.html").articles[0]


# ---------------------------------------------------------------------------------------
# `X：…` opening a paragraph: body text, never a byline


@pytest.mark.parametrize(
    "line",
    [
        "地点：北京市朝阳区",
        "地点：北京市朝阳区国家会议中心三层报告厅，届时将有多位专家出席。",
        "时间：5月1日下午三点",
        "张三：我们这次来就是想看看大家。",
        "问：你怎么看这次补贴政策？",
        "答：我认为这是一件好事。",
    ],
)
def test_a_first_paragraph_opening_with_a_label_and_a_colon_is_text(line: str) -> None:
    article = parsed(f"<p>{line}</p>{STORY}")
    assert writers(article) == []
    assert text_of(article)[0] == line


def test_an_interview_s_speakers_and_questions_stay_text() -> None:
    turns = "<p>问：你怎么看这件事？</p><p>答：我认为这是好事。</p><p>张三：我们会坚持下去。</p>"
    article = parsed(STORY + turns)
    assert writers(article) == []
    assert text_of(article)[-3:] == [
        "问：你怎么看这件事？",
        "答：我认为这是好事。",
        "张三：我们会坚持下去。",
    ]


def test_a_speakers_label_alone_over_the_first_turn_of_a_transcript_is_not_a_byline() -> None:
    # `张三：` alone on the first line, `李四：` alone further down: who speaks, turn by turn
    article = parsed(f"<p>张三：</p>{SPOKEN}<p>李四：</p>{ANSWER}{STORY}")
    assert writers(article) == []
    assert text_of(article)[:4] == ["张三：", SPOKEN[3:-4], "李四：", ANSWER[3:-4]]
    # the same line with no other speaker under it is the byline printed under the title
    article = parsed(f"<p>张三：</p>{STORY}")
    assert writers(article) == ["张三"]
    assert "张三：" not in text_of(article)


# ---------------------------------------------------------------------------------------
# `X：…` heading the headline, over a text that never names X and no byline on the page


@pytest.mark.parametrize(
    "label", ["时间", "高考", "安全", "解读", "黄金", "房价", "白宫", "华为", "韩媒", "校方"]
)
def test_a_word_heading_the_headline_that_starts_with_a_surname_is_no_writer(label: str) -> None:
    article = parsed(STORY, title=f"{label}：高温补贴今起发放")
    assert writers(article) == []


def test_a_personal_name_heading_the_headline_is_still_the_writer() -> None:
    assert writers(parsed(STORY, title="孙明：参加高温补贴座谈会有感")) == ["孙明"]


# ---------------------------------------------------------------------------------------
# Pretty-printed inline elements: the spaces a browser prints, no more


def test_a_line_break_between_wide_characters_prints_nothing_beside_latin_a_space() -> None:
    # one inline element per line, as a pretty-printer writes HTML (the dev set's mirrors)
    printed = (
        "<p>\n   三人合作去年底在期刊发表\n   <a href='x'>\n    一篇论文\n   </a>\n"
        "   ，探讨这个庞大体系的动力与风险，如上述\n   <span>\n    Cuson Lo 和社漫的例子\n"
        "   </span>\n   。更以此总结。  在上述论文的基础上，专访了两位学者。\n  </p>"
    )
    article = parsed(STORY + printed)
    assert text_of(article)[-1] == (
        "三人合作去年底在期刊发表一篇论文，探讨这个庞大体系的动力与风险，"
        "如上述 Cuson Lo 和社漫的例子。更以此总结。 在上述论文的基础上，专访了两位学者。"
    )


# ---------------------------------------------------------------------------------------
# A list the text leads into, after the last picture, down to the end of the text's element

SPECS = [
    "最大功率：51Kw／6000rpm",
    "最大扭矩：95N.m／3250rpm",
    "驱动型式：前置前驱",
    "变速箱：手动五速",
]
PICTURE = "<p><img src='car.jpg'></p>"
FOOTER = "<div class='tools'><a href='/c'>我来说两句</a> <a href='/p'>打印</a></div>"


def test_a_spec_list_led_into_under_the_last_picture_is_text() -> None:
    specs = "".join(f"<p>{line}</p>" for line in SPECS)
    body = f"<div class='text'>{STORY}{PICTURE}<p><b>动力系统主要参数：</b></p>{specs}</div>"
    article = parsed(body + FOOTER)
    assert text_of(article)[-5:] == ["动力系统主要参数：", *SPECS]


def test_closing_lines_with_no_lead_in_or_a_link_stay_out_of_the_text() -> None:
    staff = "<p>监制：王小明</p><p>审读：李大华</p><p>校对：张三</p>"
    article = parsed(f"<div class='text'>{STORY}{staff}</div>{FOOTER}")
    assert not any("：" in line and len(line) < 10 for line in text_of(article))
    # a lead-in over links is a link list, not a list of the text
    links = "".join(f"<p><a href='/n{i}'>高温补贴相关新闻第{i}条</a></p>" for i in range(3))
    article = parsed(f"<div class='text'>{STORY}<p>相关新闻：</p>{links}</div>{FOOTER}")
    assert all("相关新闻" not in line for line in text_of(article))
    # lines followed by more of the element's own furniture are not its tail
    specs = "".join(f"<p>{line}</p>" for line in SPECS)
    box = "<div class='box'><p>车型库</p><p>报价查询</p></div>"
    article = parsed(f"<div class='text'>{STORY}<p>主要参数：</p>{specs}{box}</div>{FOOTER}")
    assert SPECS[0] not in text_of(article)


def test_a_notices_signature_and_date_are_a_sign_off_not_text() -> None:
    # the dev set's convention (jlgov, sina): `某某公司董事会` / `2024年8月25日` under a notice
    # sign it off like a dateline; the notice's text ends with its last sentence
    sign_off = "<p>示例创业股份有限公司董事会</p><p>2024年8月25日（来源：示例证券报）</p>"
    article = parsed(f"<div class='text'>{STORY}{sign_off}</div>{FOOTER}")
    assert text_of(article)[-1].startswith("第4段")


# ---------------------------------------------------------------------------------------
# An element printed inside a number: the digits either side are one number


def test_a_number_cut_by_an_ad_table_inside_its_paragraph_is_one_number() -> None:
    ad = "<table align=left><tr><td><a href='/ad'><img src='ad.jpg'></a></td></tr></table>"
    cut = f"<p>　　去年除夕夜，身陷几十万元债务纠葛的一位乡镇医生意外地获得了5{ad}00万元的体彩大奖，成为让无数人羡慕不已的幸运儿。</p>"
    article = parsed(STORY + cut)
    assert (
        text_of(article)[-1]
        == "去年除夕夜，身陷几十万元债务纠葛的一位乡镇医生意外地获得了500万元的体彩大奖，成为让无数人羡慕不已的幸运儿。"
    )
    # Latin words and numbers standing apart keep their space
    apart = (
        "<p>　　新版Windows 10 系统<b>今天</b>发布，共有3 2 种语言版本可供用户下载安装使用。</p>"
    )
    assert text_of(parsed(STORY + apart))[-1] == (
        "新版Windows 10 系统今天发布，共有3 2 种语言版本可供用户下载安装使用。"
    )


# ---------------------------------------------------------------------------------------
# A lead ending on an ellipsis, printed as the text's first paragraph


def test_a_lead_ending_on_an_ellipsis_printed_as_the_first_paragraph_is_text() -> None:
    lead = "他是一个影响卓著的财团继承人、他是一个现代风险投资的开拓者……"
    paragraphs = "".join(PARAGRAPH.format(i=i).replace("<p>", "<p>　　") for i in (1, 2, 3))
    article = parsed(f"<div class='text'><p>　　{lead}</p>{paragraphs}</div>")
    assert text_of(article)[0] == lead
    assert not article.summary
    # the same words in an element of their own above the text are its deck
    article = parsed(f"<div class='deck'>{lead}</div><div class='text'>{paragraphs}</div>")
    assert text_of(article)[0].startswith("第1段")


# ---------------------------------------------------------------------------------------
# A bold line over the text repeating half the headline, in a text of bold subheads


def test_a_bold_first_subhead_repeating_half_the_headline_stays_a_subhead() -> None:
    title = "高温补贴今起发放 户外作业有了保障"

    def section(head: str, i: int) -> str:
        return f"<p><b>{head}</b></p>" + PARAGRAPH.format(i=i) + PARAGRAPH.format(i=i + 1)

    text = (
        section("户外作业有了保障", 1)
        + section("补贴标准各地不同", 3)
        + section("企业拒发可以投诉", 5)
    )
    article = parsed(f"<div class='text'>{text}</div>", title=title)
    assert text_of(article)[0] == "户外作业有了保障"
    assert not article.summary
    # bold lines right under the headline with no text between them are the headline's
    head = "<p><b>高温补贴今起发放</b></p><p><b>户外作业有了保障</b></p>"
    article = parsed(f"<div class='text'>{head}{text}</div>", title=title)
    assert text_of(article)[0] == "户外作业有了保障"


# ---------------------------------------------------------------------------------------
# Spacer spans between bare paragraphs


def test_spacer_spans_set_as_blocks_separate_bare_paragraphs() -> None:
    spacer = "<span style='display:block;height:1em;'></span>"
    lines = [PARAGRAPH.format(i=i)[3:-4] for i in (1, 2, 3)]
    article = parsed(f"<div class='text'>{lines[0]}{spacer}{lines[1]}{spacer}{lines[2]}</div>")
    assert text_of(article) == lines


# ---------------------------------------------------------------------------------------
# A blank line inside one element: a paragraph break, even after a line ending no sentence


def test_a_blank_line_between_br_lines_ends_the_paragraph() -> None:
    # a TV sound bite: the speaker, then the quote's lines as subtitled
    bite = "==市民 王小明==<br>天气太热了<br>在外面干活<br>一天下来衣服都湿透<br>希望补贴早点发下来"
    after = "劳动部门表示，今年的补贴将在七月底前全部发放到位，请市民放心。"
    lead = "市民普遍关心防暑补贴何时发放，记者昨天走访了多家单位和部门。"
    text = f"<p>{lead}<br><br>{bite}<br><br>{after}</p>"
    article = parsed(f"<div class='text'>{text}</div>{STORY}")
    got = text_of(article)
    assert got[0] == lead
    assert got[1].startswith("==市民 王小明==") and got[1].endswith("希望补贴早点发下来")
    assert got[2] == after
    # a single line break inside a clause goes on in the same paragraph
    text = "<p>本市今年夏季持续高温，有关部门近日下发通知，<br>要求各用人单位按时足额发放防暑补贴。</p>"
    article = parsed(f"<div class='text'>{text}</div>{STORY}")
    assert text_of(article)[0] == (
        "本市今年夏季持续高温，有关部门近日下发通知，要求各用人单位按时足额发放防暑补贴。"
    )


# ---------------------------------------------------------------------------------------
# Where a post was sent from, printed in its meta line's element


def test_a_place_name_in_the_meta_lines_element_is_not_text() -> None:
    meta = "<div class='info'>2024-05-13 09:16:04 来源: 示例网<br>北京<a href='/r'>举报</a></div>"
    article = parsed(meta + STORY)
    assert "北京" not in text_of(article)
    assert text_of(article)[0].startswith("第1段")
    # a place name printed as a paragraph of the text stays
    article = parsed(STORY + "<p>北京</p>" + PARAGRAPH.format(i=5))
    assert "北京" in text_of(article)


# ---------------------------------------------------------------------------------------
# A heading the page was cut after


def test_a_heading_with_no_text_under_it_at_the_end_of_a_cut_page_is_not_text() -> None:
    article = parsed(f"<div class='text'>{STORY}<h2>它是怎么开始的？</h2></div>")
    assert text_of(article)[-1].startswith("第4段")
    # the same heading with text under it is a subhead
    article = parsed(
        f"<div class='text'>{STORY}<h2>它是怎么开始的？</h2>{PARAGRAPH.format(i=5)}</div>"
    )
    assert text_of(article)[-2:] == ["它是怎么开始的？", PARAGRAPH.format(i=5)[3:-4]]


# ---------------------------------------------------------------------------------------
# A deck with a keyword link inside it


def test_a_deck_over_the_byline_with_a_keyword_link_is_the_summary() -> None:
    deck = "社科院<a href='/kw/1'>金融</a>所所长说，宏观政策应该相对稳定，但是改革一定要加快"
    text = f"<td>{deck}<br><br><b>本报记者张三发自北京</b><br><br>" + "<br><br>".join(
        PARAGRAPH.format(i=i)[3:-4] for i in (1, 2, 3)
    )
    article = parsed(f"<table><tr>{text}</td></tr></table>")
    assert text_of(article)[0].startswith("第1段")
    assert article.summary and article.summary.endswith("改革一定要加快")
    # a line that is mostly a link is a teaser, never the summary
    teaser = "<a href='/n/2'>社科院金融所所长谈宏观政策</a>相关"
    text = f"<td>{teaser}<br><br><b>本报记者张三发自北京</b><br><br>" + "<br><br>".join(
        PARAGRAPH.format(i=i)[3:-4] for i in (1, 2, 3)
    )
    article = parsed(f"<table><tr>{text}</td></tr></table>")
    assert not (article.summary or "").startswith("社科院")


# ---------------------------------------------------------------------------------------
# The title printed again under its kicker at the top of the text


def test_the_title_printed_again_under_its_kicker_is_not_text() -> None:
    title = "谁来为高温补贴“埋单”？"
    # a blog post: the post's heading (`title- -`), then the reprinted report's own centred
    # kicker, title and byline over its text
    top = (
        f"<h2>{title}- -</h2><p align=center>补贴屡遭拖欠 监管形同虚设</p>"
        f"<p align=center><b>{title}</b></p><p align=center>本报记者 王燕平</p>"
    )
    doc = page("<title>示例的博客</title>", f"<div class='post'>{top}{STORY}</div>")
    article = parse_document(doc, "page.html").articles[0]
    assert article.title == title
    assert text_of(article)[0].startswith("第1段")
    # under a paragraph of the text, the title's words are a subhead of it
    body = PARAGRAPH.format(i=1) + f"<p>{title}</p>" + PARAGRAPH.format(i=2) + PARAGRAPH.format(i=3)
    article = parsed(body, title=title)
    assert text_of(article)[1] == title


# ---------------------------------------------------------------------------------------
# A view counter's label left empty on the saved page


@pytest.mark.parametrize("label", ["點閱 :", "浏览次数：", "阅读量:"])
def test_a_view_counters_empty_label_is_not_text(label: str) -> None:
    article = parsed(
        f"<div class='text'><p>2014/11/11 12:07 綜合報導</p><p>{label}</p>{STORY}</div>"
    )
    assert label not in text_of(article)
    assert text_of(article)[0].startswith("第1段")


# ---------------------------------------------------------------------------------------
# The label of a recommended-story slot between paragraphs


def test_a_bare_recommendation_label_between_paragraphs_is_not_text() -> None:
    slot = "<div class='rec'><p>推薦</p><div class='slot'></div></div>"
    body = PARAGRAPH.format(i=1) + PARAGRAPH.format(i=2) + slot + PARAGRAPH.format(i=3)
    article = parsed(f"<div class='text'>{body}</div>")
    assert "推薦" not in text_of(article)
    assert len(text_of(article)) == 3
    # the word inside a sentence is text
    line = "<p>記者推薦的三家店都在市區，交通十分方便，營業時間也很長。</p>"
    assert line[3:-4] in text_of(parsed(f"<div class='text'>{STORY}{line}</div>"))


# ---------------------------------------------------------------------------------------
# A heading that is a credit naming nobody


def test_a_heading_that_is_a_bare_credit_is_not_a_subhead() -> None:
    body = f"{PARAGRAPH.format(i=1)}<div class='lower'><h2>明報記者</h2>{STORY[len(PARAGRAPH.format(i=1)) :]}</div>"
    article = parsed(f"<div class='text'>{body}</div>")
    assert "明報記者" not in text_of(article)
    assert writers(article) == []
    # a heading that names a topic of the text stays a subhead
    body = f"{PARAGRAPH.format(i=1)}<h2>記者手記</h2>{PARAGRAPH.format(i=2)}{PARAGRAPH.format(i=3)}"
    assert "記者手記" in text_of(parsed(f"<div class='text'>{body}</div>"))
    # a bare role word is no credit naming reporters: a section's subhead (`运营`, `策划`)
    for role in ("运营", "策划", "编辑"):
        body = (
            f"{PARAGRAPH.format(i=1)}<h2>{role}</h2>{PARAGRAPH.format(i=2)}{PARAGRAPH.format(i=3)}"
        )
        assert role in text_of(parsed(f"<div class='text'>{body}</div>")), role


# ---------------------------------------------------------------------------------------
# A table of contents above the text


def test_a_table_of_contents_printed_above_the_text_is_not_text() -> None:
    heads = ["导 言", "第一章 高温补贴的由来", "一、补贴标准", "二、发放办法", "结语"]
    contents = "".join(f"<p>{h}</p>" for h in heads)
    sections = "".join(
        f"<p>{h}</p>" + PARAGRAPH.format(i=i) for i, h in enumerate(["导 言", *heads[1:]], 1)
    )
    article = parsed(f"<div class='text'>{contents}{sections}</div>")
    assert text_of(article)[0] == "导 言"
    assert text_of(article).count("导 言") == 1
    # heads printed once, over their sections, all stay
    article = parsed(f"<div class='text'>{sections}</div>")
    assert [t for t in text_of(article) if t in heads] == heads
