"""Failure classes found on the thirty-third first-contact batch (scored blind:
`bench/extraction/firstcontact-2026-12-07ab.md`; Hugo posts a bot wrote from a crawler's
Markdown of 华尔街见闻, 金十数据 and 財報狗).

1. A finance site's closing disclaimer box, `风险提示及免责条款` over `市场有风险，投资需谨慎。
   本文不构成个人投资建议…`, is not text.
2. Hashtags split by list commas (`#合併談判、#子公司提議、#技術變革`) are a hashtag line, not
   a heading or text.
3. A short label opening the text (`為什麼重要`) heads its first section when labels of its
   shape head the sections below (`發生了什麼`, `接下來如何`): a subhead, not a line run on into
   the paragraph under it.
4. Boxes after the text, each a short heading over lines that are only links (`提到的股票` /
   `[2317 鴻海](…)`, `參考資料` / `[Nissan open to new partners…](…)`), are not text.
5. A Markdown ordered list keeps its numbers as printed (`6. 巴西植物油行业协会…`); a bullet
   list drops its markers.
"""

from __future__ import annotations

import pytest
from synthetic import PARAGRAPH, text_of
from zhnews.parse import parse_document

LINES = [PARAGRAPH.format(i=i)[3:-4] for i in range(1, 4)]
POST = '---\ntitle: "防暑补贴全部发放到位"\ndate: "2025-02-07 23:35:08"\n---\n\n'


def _text(body: str) -> list[str]:
    doc = parse_document(POST + body + "\n", "2025-02-07-post.md")
    return text_of(doc.articles[0])


def test_a_closing_investment_disclaimer_box_is_not_text():
    box = "风险提示及免责条款\n市场有风险，投资需谨慎。本文不构成个人投资建议，也未考虑到个别用户特殊的投资目标。"
    assert _text("\n\n".join([*LINES, box])) == LINES


def test_hashtags_split_by_list_commas_are_no_heading():
    tags = "#合併談判、#子公司提議、#技術變革\n------------------"
    assert _text("\n\n".join([LINES[0], tags, *LINES[1:]])) == LINES


def test_a_label_opening_the_text_like_the_section_labels_below_it():
    body = "\n\n".join(["為什麼重要", LINES[0], "發生了什麼", LINES[1], "接下來如何", LINES[2]])
    doc = parse_document(POST + body + "\n", "2025-02-07-post.md")
    kinds = [(p.kind, p.text) for p in doc.articles[0].paragraphs]
    assert kinds[:2] == [("subhead", "為什麼重要"), ("body", LINES[0])]


def test_a_lone_label_opening_the_text_is_not_made_a_subhead():
    body = "\n\n".join(["為什麼重要", *LINES])
    doc = parse_document(POST + body + "\n", "2025-02-07-post.md")
    assert doc.articles[0].paragraphs[0].kind != "subhead"


def test_trailing_boxes_of_links_are_not_text():
    boxes = (
        "提到的股票\n-----\n\n* [2317 鴻海](/analysis/2317)\n\n概念股\n---\n\n* [汽車](/tags/259)\n\n"
        "參考資料\n----\n\n* [Nissan open to new partners](https://example.com/a)"
    )
    assert _text("\n\n".join([*LINES, boxes])) == LINES


def test_a_label_over_text_at_the_end_is_not_a_box():
    closing = (
        "相關閱讀\n-----\n\n詳見[本報此前報道](https://example.com/a)，其中有更多細節和背景資料。"
    )
    assert _text("\n\n".join([*LINES, closing]))[3:] != []


@pytest.mark.parametrize(
    ("marker", "kept"),
    [("6. ", "6. "), ("* ", ""), ("- ", "")],
)
def test_list_markers(marker, kept):
    item = "巴西植物油行业协会：2025年巴西大豆产量将达到创纪录的1.717亿吨。"
    assert _text("\n\n".join([*LINES, marker + item]))[-1] == kept + item
