"""Failure classes found on first contact with 2018 Markdown mirrors of Reuters, VOA and Epoch
Times items and 2012-2013 portal pages (dev set sources reuterscn, voachinese, epochtimes,
cnbeta, cyol): a mirror's link to the original and its footer row, datelines that print
their year or stand on their own line, a bracketed credit ending in 综合报导, a column's
writer note, desk credits, a standards badge, a posting meta line, bare short links, a photo
story's only text under its picture. Inputs are small synthetic posts and pages written for
these tests."""

from __future__ import annotations

from datetime import date

import pytest
from synthetic import page, text_of, writers
from zhnews.parse import parse_document
from zhnews.parse.bylines import parse_credit_line
from zhnews.parse.debris import debris_reason

_LINES = [
    "联合国粮食及农业组织周二警告说，一种猪瘟可能会越过边境，散播至邻近国家和地区。",
    "过去一个月，四个省份报告了感染猪只的疫情，当局已经封锁了相关的养殖场。",
    "粮农组织表示，它正在与各国当局密切合作，以控制疫情的进一步蔓延。",
]
_TITLE = "联合国警告猪瘟可能殃及邻国"
_FOOTER = (
    "\n\n------------------------\n"
    "#### [聚合首页](https://example.org/README.md) &nbsp;|&nbsp;  "
    "[工具下载](https://example.org/tools.md)\n"
)


def _mirror(lead: str = "", tail: str = "", footer: str = _FOOTER, lines=_LINES) -> str:
    """A bot's Markdown mirror of a news item: `### title`, a rule, the item's HTML, then
    what the bot adds (a link to the original, a rule and a row of links)."""
    body = "".join(f"<p>{line}</p>\n" for line in lines)
    return (
        f"### {_TITLE}\n------------------------\n\n{lead}{body}{tail}\n"
        f"原文链接：http://news.example.com/gb/18/8/28/n10673348.htm\n{footer}"
    )


def _parse_mirror(**kw):
    return parse_document(_mirror(**kw), "mirror/item.md").articles[0]


# --- 1. a mirror's link to the original and its footer row -------------------------------


def test_the_link_to_the_original_and_the_mirror_footer_row_are_not_text():
    article = _parse_mirror()
    assert article.title == _TITLE
    assert text_of(article) == _LINES


def test_a_footer_row_of_plain_labels_after_the_text_is_navigation():
    article = _parse_mirror(footer="\n------------------------\n#### 聚合首页 | 工具下载\n")
    assert text_of(article) == _LINES


def test_a_sentence_with_a_bar_inside_the_text_stays():
    lines = [_LINES[0], "他说：左边 | 右边，这是两个选项。", *_LINES[1:]]
    article = _parse_mirror(lines=lines)
    assert text_of(article) == lines


# --- 2. a dateline that prints its year dates the story ----------------------------------


def test_a_run_in_dateline_with_its_year_dates_the_story_and_the_credit_names_the_reporter():
    lead = "<p>【大纪元2018年08月28日讯】（大纪元记者沙莉综合报导）" + _LINES[0] + "</p>\n"
    article = _parse_mirror(lead=lead, lines=_LINES[1:])
    assert article.published_at.date() == date(2018, 8, 28)
    assert writers(article) == ["沙莉"]
    assert text_of(article) == _LINES


@pytest.mark.parametrize("how", ["报导", "综合报导", "報導", "綜合報導", "报道"])
def test_a_bracketed_reporter_credit_ends_in_any_report_word(how):
    lead = f"<p>【新华网2019年3月5日讯】（新华网记者王小明{how}）" + _LINES[0] + "</p>\n"
    article = _parse_mirror(lead=lead, lines=_LINES[1:])
    assert writers(article) == ["王小明"]
    assert text_of(article)[0] == _LINES[0]


def test_a_dateline_without_its_year_does_not_invent_one():
    lead = "<p>本报北京8月28日讯 " + _LINES[0] + "</p>\n"
    article = parse_document(
        f"### {_TITLE}\n\n{lead}" + "".join(f"<p>{x}</p>\n" for x in _LINES[1:]), "a/item.md"
    ).articles[0]
    assert article.published_at is None


# --- 3. a dateline printed on its own line -----------------------------------------------


@pytest.mark.parametrize("place", ["台北 —", "达累斯萨拉姆 —", "华盛顿—"])
def test_a_place_and_dash_dateline_line_is_not_a_paragraph(place):
    article = _parse_mirror(lead=f"<p>{place}</p>\n")
    assert text_of(article) == _LINES


# --- 4. credits and notes of a wire's Chinese service -------------------------------------


def test_a_column_writer_note_in_latin_letters_names_the_writer():
    note = "<p>(本文作者Jamie McGeever为路透专栏作家，以下内容仅代表其个人观点)</p>\n"
    article = _parse_mirror(lead=note)
    assert writers(article) == ["Jamie McGeever"]
    assert text_of(article) == _LINES


def test_a_desk_credit_of_who_sent_and_checked_the_story_is_not_text():
    credit = parse_credit_line("发稿 宿泱韫; 审校 曾祥进")
    assert credit is not None and credit.authors == []
    article = _parse_mirror(tail="<p>发稿 宿泱韫; 审校 曾祥进</p>\n")
    assert text_of(article) == _LINES
    # no one else is credited: who filed the story wrote it (test_parse_classes_left.py)
    assert writers(article) == ["宿泱韫"]


def test_a_translators_credit_still_names_the_translators():
    article = _parse_mirror(tail="<p>编译 郑茵/侯雪苹；审校 戴素萍</p>\n")
    assert writers(article) == ["郑茵", "侯雪苹"]
    assert text_of(article) == _LINES


@pytest.mark.parametrize("badge", ["我们的标准：汤森路透“信任原则”", "我們的標準：編輯守則"])
def test_a_newsrooms_standards_badge_is_not_text(badge):
    article = _parse_mirror(tail=f"<p>{badge}</p>\n")
    assert text_of(article) == _LINES


@pytest.mark.parametrize(
    "address", ["reut.rs/2vMVED1", "https://t.co/AbC123", "www.example.com/a/1"]
)
def test_a_paragraph_that_is_only_a_short_link_is_not_text(address):
    article = _parse_mirror(tail=f'<p><a href="https://{address}">{address}</a></p>\n')
    assert text_of(article) == _LINES


def test_a_sentence_naming_a_site_stays():
    lines = [*_LINES, "详情可登录example.com查询。"]
    article = _parse_mirror(lines=lines)
    assert text_of(article) == lines


# --- 5. portal pages ---------------------------------------------------------------------


def _portal(extra: str, body: str) -> str:
    return page(
        f"<title>{_TITLE}</title>",
        f"<div class='content'><h1>{_TITLE}</h1>{extra}{body}</div>",
    )


def test_a_posting_meta_line_with_a_view_count_and_a_story_source_is_not_text():
    meta = "<p><span>tequila发布于 2012-10-16 15:26:22| 次阅读  稿源:腾讯科技</span></p>"
    body = "".join(f"<p>{line}</p>" for line in _LINES)
    article = parse_document(_portal(meta, body), "portal.html").articles[0]
    assert text_of(article) == _LINES
    assert article.published_at.date() == date(2012, 10, 16)


def test_a_photo_story_whose_only_text_is_under_its_picture_keeps_that_text():
    caption = (
        "2012年12月15日下午，某县一家珠宝店发生抢劫案，劫匪在逃窜过程中劫持人质，"
        "警方立即出动，迅速制服劫匪。图为劫匪在室内劫持人质的现场。"
    )
    body = f"<p>2012-12-17</p><div class='photo'><img src='a.jpg'/><p>{caption}</p></div>"
    article = parse_document(_portal("", body), "photo.html").articles[0]
    assert text_of(article) == [caption]


def test_a_caption_beside_a_story_stays_a_caption():
    body = (
        "<div class='photo'><img src='a.jpg'/><p>图为劫匪在室内劫持人质的现场。</p></div>"
        + "".join(f"<p>{line}</p>" for line in _LINES)
    )
    article = parse_document(_portal("", body), "photo.html").articles[0]
    assert text_of(article) == _LINES


# --- 6. a photo feature: slides of one story ----------------------------------------------

_SLIDES = [
    (
        "王者归来—聚焦一位拳手的职业首秀",
        "作为两届奥运会冠军得主，他放下冠军的光环，走向了职业拳坛。",
    ),
    ("4月6日 首秀完胜 披国旗热泪盈眶", "4月6日，他在澳门进行职业赛首秀，以点数优势击败对手。"),
    ("签约国际顶级推广公司，正式进军职业拳坛", "今年1月，他召开新闻发布会，宣布自己转战职业拳坛。"),
    (
        "训练枯燥乏味，需节食控制体重",
        "他为期两个月的训练首站定在了美国，每天只在房间和训练馆之间往返。",
    ),
]


def _feature(hidden: bool = True) -> str:
    slides = "".join(
        f'<div class="slide" style="display:{"none" if hidden and i else "block"}">'
        f'<div class="image"><img src="{i}.jpg"/></div>'
        f'<div class="text"><h3>{head}</h3><p>{text}</p></div>'
        "</div>"
        for i, (head, text) in enumerate(_SLIDES)
    )
    return page(
        "<title>王者归来——聚焦一位拳手的职业首秀_图说体育_某某网</title>",
        '<div class="box"><h3>模块标题</h3><a href="/more">更多</a></div>'
        f'<div class="show">{slides}<div class="pic6">提示：支持键盘翻页    ←左  右→   </div>'
        "<p>京ICP证060535号 网络文化经营许可证文网文[2010]024号 新出网证（京）字098号</p></div>",
    )


def test_the_slides_of_a_picture_show_are_one_story_headed_by_the_first_slide():
    articles = parse_document(_feature(), "feature.html").articles
    assert len(articles) == 1
    article = articles[0]
    assert article.title == _SLIDES[0][0]
    want = [_SLIDES[0][1]]
    for head, text in _SLIDES[1:]:
        want += [head, text]
    assert text_of(article) == want


@pytest.mark.parametrize(
    "line",
    [
        "京ICP证060535号 网络文化经营许可证文网文[2010]024号 新出网证（京）字098号 自律公约",
        "京ICP备12345678号-1 公安机关备案号 11010502030143",
        "提示：支持键盘翻页 ←左 右→",
    ],
)
def test_a_sites_licence_numbers_and_a_gallerys_key_hint_are_not_text(line):
    assert debris_reason(line) is not None
    body = "".join(f"<p>{x}</p>" for x in _LINES) + f"<p>{line}</p>"
    article = parse_document(_portal("", body), "portal.html").articles[0]
    assert text_of(article) == _LINES


def test_a_sentence_about_a_licence_stays():
    assert debris_reason("该公司去年取得了网络出版许可证，业务范围随之扩大。") is None
