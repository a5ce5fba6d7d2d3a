"""Failure classes of round x (titles: invisible characters, a headline printed twice, the
<h1> against a bold line), seen on dev-set documents (tvbs, qianlong, theorychina); each test
is a small synthetic document written for the class, with made-up names and text."""

from __future__ import annotations

from zhnews.parse import parse_document

_PARAGRAPH = (
    "<p>第{i}段：本市今年夏季持续高温，有关部门近日下发通知，要求各用人单位按时足额发放防暑补贴，"
    "并加强对户外作业人员的劳动保护，确保各项措施落到实处。</p>"
)
_STORY = "".join(_PARAGRAPH.format(i=i) for i in range(1, 5))


def _page(head: str, body: str) -> str:
    return f"<html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def _body(article) -> list[str]:
    return [p.text for p in article.paragraphs if p.kind in ("body", "subhead")]


def test_zero_width_characters_are_dropped_from_title_and_text() -> None:
    doc = _page(
        "<title>\u200b《高温》補貼標準公布－某某新聞</title>",
        "<h1>&#8203;《高温》補貼標準公布</h1>"
        "<p>第0段：本市今年夏季\u200c持续高温\ufeff，有关部门近日下发通知\u2060，"
        "要求各用人单位按时足额发放防暑补贴\u200d，确保各项措施落到实处。</p>" + _STORY,
    )
    article = parse_document(doc, "page.html").articles[0]
    assert article.title == "《高温》補貼標準公布"
    body = _body(article)
    assert body[0] == (
        "第0段：本市今年夏季持续高温，有关部门近日下发通知，"
        "要求各用人单位按时足额发放防暑补贴，确保各项措施落到实处。"
    )
    assert not any(ch in "".join(body) for ch in "\u200b\u200c\u200d\u2060\ufeff")
