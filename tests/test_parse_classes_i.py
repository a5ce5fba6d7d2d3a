"""Failure classes seen on the dev-set documents added for issue 12 (other layouts and eras of
pages already in the set); each test is a small synthetic page written for the class."""

from __future__ import annotations

from zhnews.parse import parse_document


def test_title_suffix_after_box_drawing_bar_is_cut() -> None:
    """A <title> whose section/date/site parts are joined with `│` (U+2502) or `︱` instead of
    `|` keeps only the headline (`標題│即時新聞│20160521│某某日報`)."""
    body = "".join(
        f"<p>第{i}段正文內容，警方已經到場處理並調查事故原因，詳情仍待釐清。</p>" for i in range(4)
    )
    for bar in ("│", "︱"):
        page = (
            f"<html><head><title>和男友口角　女墜樓不治{bar}即時新聞{bar}20160521{bar}某某日報</title></head>"
            f"<body><div class='text'>{body}</div></body></html>"
        )
        article = parse_document(page, "page.html").articles[0]
        assert article.title == "和男友口角\u3000女墜樓不治"
