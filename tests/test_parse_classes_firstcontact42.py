"""Failure classes found on the forty-second first-contact batch (scored blind:
`bench/extraction/firstcontact-2026-12-07ak.md`; 集誌社 and 亚洲日报).

1. A header line of the writer's name, the role after it and the time
   (`崔锦宁 记者 2024-05-20 16:31`) is the byline and the stamp, not text; a place before
   the role (`首尔 记者 …`) names nobody (that
   line is left where it was).
2. A twelve-hour clock printed on a line of its own by the header (`<time>2024-04-03</time>`
   ⏎ `<time>1:48 pm</time>`) is the page's metadata, not text.
"""

from __future__ import annotations

from synthetic import STORY, only_article, page, text_of, writers

LINES = [p.split(">", 1)[1] for p in STORY.split("</p>") if p]
TITLE = "2024年第25届首尔酷儿文化节即将拉开帷幕"


def _with_header(row: str) -> str:
    return page(
        f"<title>{TITLE}</title>",
        f"<div class='article'><h1>{TITLE}</h1><div class='info'>{row}</div>"
        f"<div class='article_con'>{STORY}</div></div>",
    )


def test_a_name_with_its_role_after_it_and_the_time_is_the_header_byline():
    row = "<a href='mailto:x@ajunews.com' class='name'>崔锦宁 记者</a> <span class='curr_day'>2024-05-20 16:31</span>"
    article = only_article(_with_header(f"<p>{row}</p>"))
    assert writers(article) == ["崔锦宁"]
    assert article.published_at.date().isoformat() == "2024-05-20"
    assert text_of(article) == LINES


def test_a_place_before_the_role_names_nobody():
    article = only_article(_with_header("<p>首尔 记者 2024-05-20 16:31</p>"))
    assert writers(article) == []


def test_a_twelve_hour_clock_on_its_own_line_by_the_header_is_metadata():
    row = (
        "<span class='date'><time>2024-04-03</time></span>"
        "<div class='time'><span><time>1:48 pm</time></span></div>"
    )
    article = only_article(_with_header(row))
    assert article.published_at.date().isoformat() == "2024-04-03"
    assert text_of(article) == LINES
