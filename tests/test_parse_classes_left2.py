"""Failure classes left by earlier rounds on the dev set and fixed later.

1. `相关报道：<headline>` printed as plain text between the story's paragraphs, followed by the
   background it names (川观新闻: `相关报道：特朗普签署行政令，禁止跨性别运动员参加女子体育赛事`
   over two paragraphs on that order), heads a section of the text; a related link (the
   headline an anchor) or a label closing the text stays out.
"""

from __future__ import annotations

from synthetic import PARAGRAPH, STORY, only_article, page, text_of

HEAD = "<title>防暑补贴全部发放到位</title>"
H1 = "<h1>防暑补贴全部发放到位</h1>"
LINE = "相关报道：人社部发布高温津贴新规"


def test_a_plain_related_report_head_between_paragraphs_is_text():
    body = f"{STORY}<p>{LINE}</p>{PARAGRAPH.format(i=5)}{PARAGRAPH.format(i=6)}"
    texts = text_of(only_article(page(HEAD, f"<div>{H1}{body}</div>")))
    assert LINE in texts
    assert texts[-1].startswith("第6段")


def test_a_related_report_link_between_paragraphs_stays_out():
    line = "相关报道：<a href='/news/2.html'>人社部发布高温津贴新规</a>"
    body = f"{STORY}<p>{line}</p>{PARAGRAPH.format(i=5)}"
    texts = text_of(only_article(page(HEAD, f"<div>{H1}{body}</div>")))
    assert not any("相关报道" in t for t in texts)


def test_a_related_report_label_closing_the_text_stays_out():
    body = f"{STORY}<p>{LINE}</p>"
    texts = text_of(only_article(page(HEAD, f"<div>{H1}{body}</div>")))
    assert not any("相关报道" in t for t in texts)
