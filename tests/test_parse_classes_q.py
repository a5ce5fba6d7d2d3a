"""Failure classes of issue 12 (round q: scraped posts and mirrored feed items), seen on the
dev-set documents added this round (cdtmirror, neist, paopao, iyouport); each test is a small
synthetic document written for the class, with made-up names and text."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from zhnews.parse import parse_document

CHINA = ZoneInfo("Asia/Shanghai")
_PARAGRAPH = (
    "<p>第{i}段：本市今年夏季持续高温，有关部门近日下发通知，要求各用人单位按时足额发放防暑补贴，"
    "并加强对户外作业人员的劳动保护，确保各项措施落到实处。</p>"
)
_STORY = "".join(_PARAGRAPH.format(i=i) for i in range(1, 5))


def _paragraphs(article) -> list[str]:
    return [p.text for p in article.paragraphs if p.kind in ("body", "subhead")]


def test_a_mirrored_feed_item_header_gives_title_link_and_date() -> None:
    # `[title](link)` underlined with ------, then the feed's RFC 822 pubDate on a 日期 line:
    # the title is the link text, the date the item's (21:03 UTC is the next day in China),
    # and the <h3> subheads stay inside the one story
    doc = (
        "[某报｜防暑补贴陆续发放](https://example.org/2021/07/fangshu/)\n"
        "------\n"
        "日期：Wed, 07 Jul 2021 21:03:11 +0000\n\n"
        f"{_STORY}<h3>各区进展</h3>{_STORY}"
        "<hr /><p><small>&copy; 某人 for 某网站 | Permalink</small></p>\n"
    )
    parsed = parse_document(doc, "12345_item.md")
    assert len(parsed.articles) == 1
    article = parsed.articles[0]
    assert article.title == "某报｜防暑补贴陆续发放"
    assert article.url == "https://example.org/2021/07/fangshu/"
    assert article.published_at.astimezone(CHINA).date().isoformat() == "2021-07-08"
    body = _paragraphs(article)
    assert "各区进展" in body and body[0].startswith("第1段")
    assert not any("------" in p or "日期" in p for p in body)


def test_a_mirrored_feed_item_dated_by_an_epoch_comment() -> None:
    doc = (
        "<!--1625692991000-->\n"
        "[防暑补贴陆续发放](https://example.org/news/123)\n"
        "------\n\n"
        f"<main>{_STORY}</main>\n"
    )
    article = parse_document(doc, "123.md").articles[0]
    assert article.title == "防暑补贴陆续发放"
    assert article.published_at.astimezone(CHINA).date().isoformat() == "2021-07-08"
