"""Failure classes found on the thirty-fourth first-contact batch (scored blind:
`bench/extraction/firstcontact-2026-12-07ac.md`; Hugo posts a bot wrote from a crawler's
Markdown of 亿欧, FX168财经, 品玩, C114通信网 and 雷递网).

1. A run-in lead whose brand is in Latin letters and digits and which prints the day before
   its bracket (`C114讯 2月11日消息（兰茜）…`) names its writer and is cut from the lead.
2. A line above the first sentence printing the outlet, names and the day (`雷递网 雷建平
   2月7日`) is the byline.
3. A rule drawn with dashes (`———————————————`) is not text.
4. A reprint notice in a numbered list (`1. 欢迎转载，转载时请标明来源为FX168财经。商业性转载
   需事先获得授权…`) is not text.
5. The list of what a piece drew on closing its text (`参考文章：` / `1.《AI智能眼镜，越做就发现
   越难》`) is not text.
6. A head of two short phrases split by one comma (`上市4年半，市值缩水超200亿美元`) between
   paragraphs is a subhead, not a line run on into the paragraph under it.
"""

from __future__ import annotations

import pytest
from synthetic import PARAGRAPH, text_of, writers
from zhnews.parse import parse_document

LINES = [PARAGRAPH.format(i=i)[3:-4] for i in range(1, 4)]
POST = '---\ntitle: "防暑补贴全部发放到位"\ndate: "2025-02-07 23:35:08"\n---\n\n'


def _article(body: str):
    return parse_document(POST + body + "\n", "2025-02-07-post.md").articles[0]


def _text(*lines: str) -> list[str]:
    return text_of(_article("\n\n".join(lines)))


def test_a_latin_brand_run_in_lead_with_its_day():
    article = _article("\n\n".join(["C114讯 2月11日消息（兰茜）" + LINES[0], *LINES[1:]]))
    assert writers(article) == ["兰茜"] and text_of(article) == LINES


def test_the_outlet_names_and_day_row_is_the_byline():
    article = _article("\n\n".join(["雷递网 雷建平 2月7日", *LINES]))
    assert writers(article) == ["雷建平"] and text_of(article) == LINES


def test_a_rule_of_dashes_is_not_text():
    assert _text(*LINES[:2], "———————————————", LINES[2]) == LINES


def test_a_numbered_reprint_notice_is_not_text():
    notice = "1. 欢迎转载，转载时请标明来源为FX168财经。商业性转载需事先获得授权，请发邮件至：media@example.com。"
    assert _text(*LINES, notice) == LINES


def test_closing_references_are_not_text():
    assert _text(*LINES, "*参考文章：*", "*1.《AI智能眼镜，越做就发现越难》*") == LINES


def test_a_references_label_over_long_text_stays():
    long = "参考资料显示，" + LINES[2]
    assert _text(*LINES[:2], long) == [*LINES[:2], long]


@pytest.mark.parametrize(
    ("head", "kind"),
    [("上市4年半，市值缩水超200亿美元", "subhead"), ("然而，", "body")],
)
def test_a_head_of_two_phrases(head, kind):
    article = _article("\n\n".join([LINES[0], head, LINES[1], LINES[2]]))
    kinds = [p.kind for p in article.paragraphs if p.text.startswith(head)]
    assert kinds[:1] == [kind]


def test_a_closing_list_of_interviewees_is_not_text():
    """Thirty-fifth batch (InfoQ 中文, `firstcontact-2026-12-07ad.md`): the closing box of who
    the piece interviewed (`采访嘉宾：` / `薄列峰，通义实验室…负责人`) is not text."""
    guests = ["采访嘉宾：", "薄列峰，通义实验室应用视觉实验室负责人", "致凡，阿里云视频云负责人"]
    assert _text(*LINES, *guests) == LINES


@pytest.mark.parametrize(
    ("beside", "kept"),
    [
        ("香橼（Citron Capital）创始人安德鲁·莱夫特", False),
        ("香橼创始人安德鲁·莱夫特去年被美国证券交易委员会起诉。", True),
    ],
)
def test_a_caption_written_on_the_pictures_line(beside, kept):
    """雷递网 (thirty-fourth batch, left at its merge): a short line written after the picture
    on its own line, ending no sentence, is the picture's caption, not a line run on into the
    paragraph under it; a sentence written there is text."""
    picture = "![](https://example.com/a.jpeg)" + beside
    article = _article("\n\n".join([LINES[0], picture, LINES[1], LINES[2]]))
    assert text_of(article) == ([LINES[0], beside, *LINES[1:]] if kept else LINES)
    if not kept:
        assert [p.text for p in article.paragraphs if p.kind == "caption"] == [beside]
