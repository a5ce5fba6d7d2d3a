"""Boxes printed after a story outside its element, written from how portals lay pages out
(no dev-set or held-out page shows them): a box of other stories' teasers (a linked
headline over a sentence of summary) under a related-stories header, and the readers'
comments under their header. Teasers and comments weigh as prose: a short story ran on into
them. Inputs are small synthetic pages written for these tests."""

from __future__ import annotations

from synthetic import page, text_of
from zhnews.parse import parse_document

_LINES = [
    "縣府今日公布今年度道路改善計畫，將優先整修市區內多條老舊路段，預計年底前全部完工。",
    "工務處表示，施工期間將採分段封閉方式進行，並於現場設置告示牌，提醒用路人提早改道。",
]
_TITLE = "縣府公布道路改善計畫"
_TEASER = "市府今天宣布推動老屋健檢計畫，補助屋齡三十年以上的住宅進行結構安全檢查，申請期限到年底。"
_COMMENT = (
    "這個計畫早就該做了，我家門口的路坑坑洞洞好幾年了，每天騎車經過都很危險，希望這次能修好。"
)


def _text(lines: list[str], box: str) -> list[str]:
    body = "".join(f"<p>{line}</p>" for line in lines)
    story = f"<div class='art'><h1>{_TITLE}</h1><div>2014/05/02</div>{body}</div>"
    doc = page(f"<title>{_TITLE}</title>", story + box)
    return text_of(parse_document(doc, "page.html").articles[0])


def test_a_teaser_box_after_a_short_story_is_not_its_text():
    items = "".join(
        f"<li><a href='/n{i}'>市府推動老屋健檢</a><p>{_TEASER}</p></li>" for i in range(3)
    )
    box = f"<div class='side'><h3>熱門新聞</h3><ul>{items}</ul></div>"
    assert _text(_LINES[:1], box) == _LINES[:1]
    assert _text(_LINES, box) == _LINES


def test_readers_comments_after_the_story_are_not_its_text():
    items = "".join(f"<div class='c'><span>網友{i}</span><p>{_COMMENT}</p></div>" for i in range(3))
    box = f"<div class='comments'><h3>網友留言</h3>{items}</div>"
    assert _text(_LINES, box) == _LINES


def test_a_related_header_inset_in_the_text_does_not_end_it():
    inset = "<div class='rel'><h4>相關新聞</h4><a href='/a'>市府推動老屋健檢</a></div>"
    body = f"<p>{_LINES[0]}</p>{inset}<p>{_LINES[1]}</p>"
    doc = page(
        f"<title>{_TITLE}</title>",
        f"<div class='art'><h1>{_TITLE}</h1><div>2014/05/02</div>{body}</div>",
    )
    assert text_of(parse_document(doc, "page.html").articles[0]) == _LINES
