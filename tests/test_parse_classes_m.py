"""Failure classes of issue 12 (round m, helper TW), seen on the 2013-2014 Taiwanese news
pages added to the dev set this round (cna, ltn, udn, chinatimes, appledaily, ettoday, cts,
pts, tvbs, nownews, newtalk, storm); each test is a small synthetic page written for the
class, with made-up names and text."""

from __future__ import annotations

from zhnews.parse import parse_document

_PARAGRAPH = (
    "<p>第{i}段：市府今天公布明年度道路改善計畫，將優先處理學校周邊人行道與路口號誌，"
    "交通局表示，相關工程預計分三期完成，施工期間將加強交通疏導。</p>"
)
_STORY = "".join(_PARAGRAPH.format(i=i) for i in range(1, 5))


def _paragraphs(article) -> list[str]:
    return [p.text for p in article.paragraphs if p.kind in ("body", "subhead")]


def _page(above: str, story: str = _STORY, below: str = "") -> str:
    return (
        "<html><head><title>道路改善計畫公布 | 新聞網</title></head><body>"
        f"<h1>道路改善計畫公布</h1>{above}<div class='story'>{story}</div>{below}</body></html>"
    )


def test_a_byline_with_box_drawing_slashes_names_its_reporter() -> None:
    # `【聯合晚報╱記者楊正海╱即時報導】`: ╱ (U+2571) instead of ／ between the fields
    article = parse_document(
        _page("<div class='author'>【大同晚報╱記者林志明╱即時報導】</div>"), "story.html"
    ).articles[0]
    assert [a.name for a in article.authors] == ["林志明"]
    assert not any("即時報導" in p for p in _paragraphs(article))


def test_a_credit_naming_only_places_names_nobody() -> None:
    # `台中 嘉義 綜合報導` closing a TV transcript: where it was filed, not who wrote it
    story = _STORY + "<p>台南 花蓮 綜合報導</p>"
    article = parse_document(_page("", story), "story.html").articles[0]
    assert article.authors == []
    assert _paragraphs(article)[-1].startswith("第4段")
