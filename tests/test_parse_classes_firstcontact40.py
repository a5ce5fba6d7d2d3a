"""Failure classes found on the fortieth first-contact batch (scored blind:
`bench/extraction/firstcontact-2026-12-07ai.md`; 前瞻网, 中金在线, 辣手网).

1. A header row of an English day and the section the story ran in (`5 Jan , 2021 | 娱乐前线`,
   the day-first form with a space before the comma) is the page's metadata, not text; an
   English date inside a sentence stays text.
"""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from synthetic import STORY, only_article, page, text_of
from zhnews.parse import meta

LINES = [p.split(">", 1)[1] for p in STORY.split("</p>") if p]
TITLE = "《Miss Andy》跨性别题材大马上映不了 林心如：不可惜"


def test_an_english_day_and_section_row_is_metadata():
    row = "<div class='post-meta'><span>5 Jan , 2021</span> | <a href='/c'>娱乐前线</a></div>"
    article = only_article(
        page(f"<title>{TITLE}</title>", f"<h1>{TITLE}</h1>{row}<div>{STORY}</div>")
    )
    assert text_of(article) == LINES
    assert article.published_at.date() == date(2021, 1, 5)


def test_the_day_first_form_with_a_spaced_comma_is_an_english_day():
    tz = ZoneInfo("Asia/Shanghai")
    assert meta.english_day("5 Jan , 2021", tz).date() == date(2021, 1, 5)
    assert meta.english_day("5 Jan, 2021", tz).date() == date(2021, 1, 5)


def test_an_english_date_in_a_sentence_stays_text():
    line = "<p>The film opens on 5 Jan, 2021 | 影片将于当日在台湾上映，并在多个平台同步推出。</p>"
    article = only_article(
        page(f"<title>{TITLE}</title>", f"<h1>{TITLE}</h1><div>{STORY}{line}</div>")
    )
    assert text_of(article)[-1].startswith("The film opens on 5 Jan, 2021")
