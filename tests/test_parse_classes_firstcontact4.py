"""Failure classes found on the fourth first-contact batch (pages of 4 outlets new to the
project, scored blind after the third batch's fixes: `bench/extraction/firstcontact-2026-12-06c.md`).
Inputs are small synthetic pages written for these tests, not the pages.

1. A header row of fields split by `|` whose one dated field sits among the site's address,
   the comment count and the link to the comments (`www.creaders.net | 2025-01-29 20:30:10
   Newtalk新闻 | 0条评论 | 查看/发表评论`) is the page's metadata, not text.
2. The button that unfolds the rest of the text (`显示全部内容`, `展開全文`) is not text.
"""

from __future__ import annotations

from datetime import date

import pytest
from synthetic import page, text_of
from zhnews.parse import debris, parse_document

_LINES = [
    "美国国务院下令停止发放性别中立护照，已提交申请的民众将收到退回的材料，当局并未说明细节。",
    "据报道，这项命令要求各地护照办公室暂停处理所有相关申请，并等待进一步的指示，引发争议。",
    "民权团体批评这一做法，表示将考虑提出诉讼，以保护受影响民众的权益，事件仍在发展之中。",
]
_TITLE = "美国国务院下令停止发放性别中立护照"


def _article(body: str):
    doc = page(f"<title>{_TITLE}</title>", f"<h1>{_TITLE}</h1>{body}")
    found = parse_document(doc, "site/news/page.html").articles
    assert len(found) == 1
    return found[0]


def _paras(lines=_LINES) -> str:
    return "".join(f"<p>{x}</p>" for x in lines)


def test_a_header_row_of_address_date_and_comment_links_is_metadata():
    row = "<div>www.creaders.net | 2025-01-29 20:30:10 Newtalk新闻 | 0条评论 | 查看/发表评论</div>"
    article = _article(row + _paras())
    assert text_of(article) == _LINES
    assert article.published_at.date() == date(2025, 1, 29)


def test_a_row_of_fields_with_a_sentence_in_it_stays_text():
    line = "他说 | 2025-01-29 我们要努力工作，争取更好的成绩 | 好"
    article = _article(_paras(_LINES[:1]) + f"<p>{line}</p>" + _paras(_LINES[1:]))
    assert line in text_of(article)


@pytest.mark.parametrize("line", ["显示全部内容", "展開全文", "查看全文"])
def test_the_unfold_button_is_not_text(line):
    assert debris.debris_reason(line) is not None
    article = _article(_paras(_LINES[:2]) + f"<div>{line}</div>" + _paras(_LINES[2:]))
    assert text_of(article) == _LINES
