"""Building blocks of the synthetic documents in the parser's failure-class tests
(tests/test_parse_classes_*.py): a paragraph of plain news prose, a four-paragraph story, a
page around them, and what a parsed article's text and writers are."""

from __future__ import annotations

PARAGRAPH = (
    "<p>第{i}段：本市今年夏季持续高温，有关部门近日下发通知，要求各用人单位按时足额发放防暑补贴，"
    "并加强对户外作业人员的劳动保护，确保各项措施落到实处。</p>"
)
STORY = "".join(PARAGRAPH.format(i=i) for i in range(1, 5))


def page(head: str, body: str) -> str:
    return f"<html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def text_of(article) -> list[str]:
    """The article's text paragraphs (body and subheads), as printed."""
    return [p.text for p in article.paragraphs if p.kind in ("body", "subhead")]


def writers(article) -> list[str]:
    """The writers zhnews reports (photographers left out, as `zhnews eval` counts them)."""
    return [a.name for a in article.authors if a.role != "摄影"]


def only_article(html: str, path: str = "page.html"):
    """The one article zhnews parses from `html` (asserting there is exactly one)."""
    from zhnews.parse import parse_document

    doc = parse_document(html, path)
    assert len(doc.articles) == 1
    return doc.articles[0]
