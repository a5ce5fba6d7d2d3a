"""Failure classes of issue 12 (round k): picture captions known by a centring class or a
label's wording, ...; each test is a small synthetic page written for the class, with
made-up names and text."""

from __future__ import annotations

import pytest
from zhnews.parse import parse_document

_PARAGRAPH = (
    "<p>第{i}段：本市今年夏季持续高温，有关部门近日下发通知，要求各用人单位按时足额发放防暑补贴，"
    "并加强对户外作业人员的劳动保护，确保各项措施落到实处。</p>"
)
_STORY = "".join(_PARAGRAPH.format(i=i) for i in range(1, 5))


def _paragraphs(article) -> list[str]:
    return [p.text for p in article.paragraphs if p.kind in ("body", "subhead")]


def _captions(article) -> list[str]:
    return [p.text for p in article.paragraphs if p.kind == "caption"]


def _page(figure: str) -> str:
    return (
        "<html><head><title>防暑补贴陆续发放</title></head><body>"
        "<h1>防暑补贴陆续发放</h1><div class='info'>2021-07-04 08:00</div>"
        f"<div class='text'>{figure}{_STORY}</div></body></html>"
    )


@pytest.mark.parametrize("css", ["f_center", "text-center", "pic center"])
def test_short_line_in_a_centring_class_under_a_picture_is_its_caption(css: str) -> None:
    page = _page(f"<p class='{css}'><img src='a.jpg'></p><p class='{css}'>补贴标准发放情况。</p>")
    article = parse_document(page, "page.html").articles[0]
    assert "补贴标准发放情况。" not in _paragraphs(article)
    assert _captions(article) == ["补贴标准发放情况。"]
    assert _paragraphs(article)[0].startswith("第1段")


@pytest.mark.parametrize("label", ["各地补贴标准一览。", "事故现场示意图", "网页截图", "资料图"])
def test_picture_label_under_a_picture_is_its_caption(label: str) -> None:
    page = _page(f"<p><img src='a.jpg'></p><p>{label}</p>")
    article = parse_document(page, "page.html").articles[0]
    assert label not in _paragraphs(article)
    assert _paragraphs(article)[0].startswith("第1段")


def test_one_sentence_lead_under_a_photo_stays_text() -> None:
    """A short full sentence under a picture, printed like every other paragraph, is the
    story's lead; a centring class on a page column does not make its lines captions."""
    lead = "本市今年首批防暑补贴昨日发放。"
    for figure in (
        f"<p><img src='a.jpg'></p><p>{lead}</p>",
        f"<div class='main-center'><p><img src='a.jpg'></p><p>{lead}</p>",
    ):
        article = parse_document(_page(figure), "page.html").articles[0]
        assert _paragraphs(article)[0] == lead


def test_centring_class_on_a_long_paragraph_is_no_caption_look() -> None:
    first = _PARAGRAPH.format(i=0).replace(
        "。</p>", "，各区县将在本月内完成首轮检查并公布结果。</p>"
    )
    page = _page(f"<p><img src='a.jpg'></p>{first.replace('<p>', '<p class=text-center>')}")
    article = parse_document(page, "page.html").articles[0]
    assert _paragraphs(article)[0].startswith("第0段")
