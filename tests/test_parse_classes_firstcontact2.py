"""Failure classes found on the second first-contact batch (10 pages of 10 outlets new to the
project, scored blind first: `bench/extraction/firstcontact-2026-12-06.md`). Inputs are small
synthetic pages written for these tests, not the pages.

1. A header row of fields split by `|` that holds the date and a comment count
   (`_NEWSDATE: 2024-12-11 | News by: 纽约时报 | 有0人参与评论`) dates the story: the comment word
   is another field's, not the date's (a video widget's attribute timestamp won instead).
2. A keyword linked to its tag page inside a sentence, wrapped in an inline element whose class
   names links (`<span class="article-content-tag-links">`), keeps its words in the sentence;
   a header row of labels in a `<span class="header">` is still page chrome.
3. Reposting portals' notices are not text: `新闻来源于其它媒体，内容不代表本站立场！`,
   `本文由X制作发布，未经允许禁止转载。`, `以上内容系网友X自行转载自Y…仅提供信息存储空间服务…`.
4. A caption printed as a paragraph is not text: `图：…\\美联社`, `…集会。（美联社图）`.
5. Page controls printed one per line: a font-size widget's buttons (`放大`, and `标准` beside
   it), a share bar's count glued to its label (`72分享到:`).
6. A reaction bar (emotion buttons with their counts) closes the story above it: the story an
   endless page appended below it (its headline removed with the page's chrome) is not text.
"""

from __future__ import annotations

from datetime import date

import pytest
from synthetic import page, text_of
from zhnews.parse import debris, parse_document

_LINES = [
    "美国最高法院周三审理田纳西州的一项法律，法院外一早就聚集了数百名民众，双方意见两极。",
    "媒体报道，最高法院倾向维持该法律，裁决预计将在明年夏天之前公布，并将影响其他各州。",
    "多名法律学者表示，这是最高法院首次审理这类议题，其裁定将产生深远的影响。",
]
_TITLE = "最高法院审理田纳西州法律"


def _article(body: str, head: str = ""):
    doc = page(f"<title>{_TITLE}</title>{head}", f"<h1>{_TITLE}</h1>{body}")
    return parse_document(doc, "site/news/page.html").articles[0]


def _paras(lines=_LINES) -> str:
    return "".join(f"<p>{x}</p>" for x in lines)


# --- 1. a header row whose date sits beside a comment count ------------------------------


def test_a_header_row_dates_the_story_beside_its_comment_count():
    row = "<div>_NEWSDATE: 2024-12-11 | News by: 纽约时报 | 有0人参与评论 | 专栏: 政策</div>"
    widget = "<div data-occupied='2025-01-12T18:26:47.664Z'></div>"
    article = _article(row + _paras() + widget)
    assert article.published_at.date() == date(2024, 12, 11)


def test_a_date_field_about_an_edit_does_not_date_the_story():
    row = "<div>最后编辑于 2024-12-20 | 有3人参与评论</div>"
    article = _article(row + _paras(), head="<meta name='pubdate' content='2024-12-11'>")
    assert article.published_at.date() == date(2024, 12, 11)


# --- 2. a linked keyword inside a sentence -----------------------------------------------


def test_a_tag_link_inside_a_sentence_keeps_its_words():
    tag = "<span class='article-content-tag-links'><a href='/tag/x/'>田纳西州</a></span>"
    first = (
        f"<p>美国最高法院周三审理{tag}的一项法律，法院外一早就聚集了数百名民众，双方意见两极。</p>"
    )
    assert text_of(_article(first + _paras(_LINES[1:]))) == _LINES


def test_a_header_row_in_a_chrome_span_is_still_chrome():
    row = (
        "<li><span class='header'>发布时间 | 来源：某报 | 专栏: <a href='/c'>政策</a></span> </li>"
    )
    body = f"<ul>{row}</ul>" + _paras()
    assert text_of(_article(body)) == _LINES


# --- 3. reposting portals' notices -------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "新闻来源于其它媒体，内容不代表本站立场！",
        "本文由游民星空制作发布，未经允许禁止转载。",
        "*以上内容系网友指点山河自行转载自游民星空，该文仅代表原作者观点和态度。亿忆号系信息发布平台，"
        "仅提供信息存储空间服务，不代表赞同其观点和对其真实性负责。",
    ],
)
def test_a_reposting_notice_is_not_text(line):
    assert debris.debris_reason(line) == "disclaimer"
    assert text_of(_article(_paras() + f"<p>{line}</p>")) == _LINES


@pytest.mark.parametrize(
    "line",
    [
        "警方说，这些照片来自网络，目前仍无法核实其真实性。",
        "该公司表示，所有内容均由其编辑部制作，并于周一发布。",
    ],
)
def test_a_sentence_that_mentions_where_something_comes_from_stays(line):
    assert debris.debris_reason(line) is None


# --- 4. captions printed as paragraphs ---------------------------------------------------


@pytest.mark.parametrize(
    "caption",
    ["图：美军23日在立陶宛参加阅兵式。\\美联社", "跨性别治疗支持者在法庭外举行集会。（美联社图）"],
)
def test_a_caption_printed_as_a_paragraph_is_not_text(caption):
    body = f"<p>{_LINES[0]}</p><p><img src='a.jpg'></p><p>{caption}</p>" + _paras(_LINES[1:])
    article = _article(body)
    assert text_of(article) == _LINES
    assert caption in [p.text for p in article.paragraphs if p.kind == "caption"]


def test_a_paragraph_that_merely_starts_with_the_word_picture_stays():
    line = "图书馆今天恢复开放，市民可以凭身份证进入阅览室，借阅图书。"
    assert text_of(_article(_paras() + f"<p>{line}</p>")) == [*_LINES, line]


# --- 5. page controls printed one per line -----------------------------------------------


def test_font_size_buttons_and_a_share_count_are_not_text():
    widget = "<dl><dt>字号</dt><dd>放大</dd><dd>标准</dd></dl><div><span>72</span><span>分享到:</span></div>"
    assert text_of(_article(widget + _paras())) == _LINES


def test_a_font_size_dialog_of_size_words_and_slider_marks_is_not_text():
    buttons = "".join(f"<div>{w}</div>" for w in ("小", "标准", "大", "特大"))
    marks = "".join(f"<span>{n}</span>" for n in (20, 50, 75, 100))
    widget = f"<div><div>设置字体大小</div><div>{buttons}</div><div>{marks}</div></div>"
    assert text_of(_article(widget + _paras())) == _LINES


def test_a_reset_word_alone_is_not_a_button():
    body = _paras(_LINES[:2]) + "<p>标准</p>" + _paras(_LINES[2:])
    assert "标准" in text_of(_article(body))


# --- 6. a reaction bar closes the story -------------------------------------------------

_NEXT = [
    "（八打灵再也1日讯）加影警方指出，虽然命案中的一名嫌犯未成年，但不影响警方的调查工作。",
    "加影警区主任强调，无论犯罪嫌犯是否成年，警方只依循法令和标准作业程序办事，不会有偏颇之处。",
]


def _reactions() -> str:
    return (
        "<div>"
        + "".join(
            f"<span><img src='{w}.png' alt='{w}'><b>{n}</b></span>"
            for w, n in (("happy", 0), ("shock", 1), ("cry", 0), ("angry", 2))
        )
        + "</div>"
    )


def test_a_story_appended_below_a_reaction_bar_is_not_text():
    appended = "<div><figure><img src='p.jpg'></figure>" + _paras(_NEXT) + "</div>"
    assert text_of(_article(_paras() + _reactions() + appended)) == _LINES


def test_a_reaction_bar_at_the_end_of_the_story_changes_nothing():
    assert text_of(_article(_paras() + _reactions())) == _LINES
