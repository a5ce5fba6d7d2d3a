"""Failure classes found on the tenth and eleventh first-contact batches (scored blind:
`bench/extraction/firstcontact-2026-12-07e.md` and `-07f.md`).

1. An intern credited inside an editor's credit (`编辑：李莎宁 实习生 张小丹`, rednet) works
   for the desk: an editor, not a writer; the two editors are printed as the line prints them
   apart (`李莎宁 张小丹`). After a reporter's credit an intern stays a writer.
2. Two lines that each end a sentence and together repeat the page's <title> (the text's
   first two paragraphs, cut short for the <title>: `…备受关注。3日…正在增加。..`, maeil) are the
   text's lead, not a headline printed on two lines: they stay in the text.
3. Text printed for screen readers only (`<h1 class="page_ttl is_blind">detail</h1>`,
   `<span class="is_blind">papago logo</span>`) is not shown: never the headline; a hidden
   `<time>` is still read (pages hide the story's own stamp that way).
4. A stamp under the text labelled `输入 :` (a Korean paper's Chinese edition: 입력, posted),
   with the update's stamp on the same line (`输入 : 2025-02-10 10:12 | 更新 : 2025-02-11 11:26`),
   dates the story by the posted stamp.
"""

from __future__ import annotations

import pytest
from synthetic import PARAGRAPH, STORY, only_article, page, text_of, writers
from zhnews.parse.bylines import _credits


def test_an_intern_in_an_editors_credit_is_an_editor():
    credits = _credits("编辑：李莎宁 实习生 张小丹")
    assert credits.authors == []
    assert credits.editors == ["李莎宁", "张小丹"]


def test_an_intern_after_a_reporter_is_a_writer():
    credits = _credits("记者 王小明 实习生 张小丹")
    assert [a.name for a in credits.authors] == ["王小明", "张小丹"]
    assert credits.editors == []


def test_editors_apart_around_an_intern_role_word_are_printed_apart():
    html = page(
        "<title>防暑补贴全部发放到位</title>",
        f"<h1>防暑补贴全部发放到位</h1>{STORY}<p>编辑：李莎宁 实习生 张小丹</p>",
    )
    article = only_article(html)
    assert article.editor == "李莎宁 张小丹"
    assert article.authors == []


LEAD_1 = "本市今年夏季持续高温，有关部门近日下发通知，要求各用人单位按时足额发放防暑补贴。"
LEAD_2 = "3日，市人社局表示，全市已有九成以上企业完成发放，剩余企业将在本月底前发放到位。"


def test_two_sentences_repeating_the_title_are_the_lead_not_a_headline():
    html = page(
        f"<title>{LEAD_1}{LEAD_2}..</title>",
        f"<p>{LEAD_1}</p><p>{LEAD_2}</p>{STORY}",
    )
    article = only_article(html)
    assert text_of(article)[:2] == [LEAD_1, LEAD_2]
    assert article.title != f"{LEAD_1} {LEAD_2}"


def test_a_headline_printed_on_two_lines_is_still_one_title():
    html = page(
        "<title>防暑补贴全部发放到位 剩余企业月底前完成</title>",
        "<p class='t'>防暑补贴全部发放到位</p><p class='t'>剩余企业月底前完成</p>" + STORY,
    )
    article = only_article(html)
    assert article.title == "防暑补贴全部发放到位 剩余企业月底前完成"
    assert text_of(article)[0].startswith("第1段")


@pytest.mark.parametrize("cls", ["page_ttl is_blind", "sr-only", "visually-hidden"])
def test_a_screen_reader_heading_is_not_the_headline(cls):
    html = page(
        "<title>防暑补贴全部发放到位 - 某某日报</title>",
        f"<h1 class='{cls}'>detail</h1><div><span class='{cls}'>papago logo</span></div>{STORY}",
    )
    article = only_article(html)
    assert article.title == "防暑补贴全部发放到位"
    assert "detail" not in text_of(article)


def test_a_hidden_time_still_dates_the_story():
    html = page(
        "<title>防暑补贴全部发放到位</title>",
        "<h1>防暑补贴全部发放到位</h1><p>王小明 <time class='visually-hidden'>"
        f"2023年01月23日</time></p>{STORY}",
    )
    assert str(only_article(html).published_at.date()) == "2023-01-23"


@pytest.mark.parametrize(
    "stamp",
    [
        "输入 : 2025-02-10&nbsp;10:12 &nbsp;|&nbsp; 更新 : 2025-02-11&nbsp;11:26",
        "输入：2025-02-10 10:12",
    ],
)
def test_a_posted_stamp_under_the_text_dates_the_story(stamp):
    body = "".join(PARAGRAPH.format(i=i) for i in range(1, 4))
    html = page(
        "<title>防暑补贴全部发放到位</title>",
        f"<h1>防暑补贴全部发放到位</h1><div class='text'>{body}</div>"
        f"<div class='date_text'><p>{stamp}</p></div>",
    )
    assert str(only_article(html).published_at.date()) == "2025-02-10"


def test_a_writer_named_only_in_a_marked_box_above_the_text():
    """maeil (left open when the batch was merged): `<dl class="author"><dt class="name">YOON
    Inha</dt><dd class="email">…</dd></dl>` above the text, past a language switch and a share
    bar, is the only credit: its name (the address left out) is the writer."""
    from pathlib import Path

    from zhnews.decode import decode_bytes
    from zhnews.parse import parse_document

    path = (
        Path(__file__).resolve().parents[1]
        / "bench/extraction/docs/maeil/newswebsite-maeil-11209966.html"
    )
    text, _ = decode_bytes(path.read_bytes())
    assert writers(parse_document(text, str(path)).articles[0]) == ["YOON Inha"]


@pytest.mark.parametrize(
    ("box", "names"),
    [
        ("<dl class='author'><dt>YOON  Inha</dt><dd>ihyoon24@mk.co.kr</dd></dl>", ["YOON Inha"]),
        ("<div class='author'>iWeekly</div>", []),  # a brand
        ("<div class='author'>新闻中心</div>", []),  # a desk
        ("<div class='comment-author'>王小明</div>", []),  # a reader
        ("<div class='author'>王小明</div><div class='author'>李四</div>", []),  # two people
    ],
)
def test_the_writer_of_a_marked_box_above_the_text(box, names):
    from zhnews.model import Article, Paragraph
    from zhnews.parse import _marked_writer

    lead = "本市今年夏季持续高温，有关部门近日下发通知。"
    article = Article(title="防暑补贴", paragraphs=[Paragraph("body", lead)])
    html = f"<html><head></head><body><div class='bar'>{box}</div><p>{lead}</p></body></html>"
    _marked_writer(article, html)
    assert [a.name for a in article.authors] == names
