"""Failure class found on the forty-fourth first-contact batch (scored blind:
`bench/extraction/firstcontact-2026-12-07am.md`; 和讯网).

1. A header row of the time, the outlet's name and a person's bare name
   (`2018-06-13 10:22:05 和讯网 何新策`) credits that person as the writer and the outlet as
   the publisher; a place after the outlet (`新华网 北京`) names nobody.
"""

from __future__ import annotations

import pytest
from synthetic import STORY, only_article, page, text_of, writers

LINES = [p.split(">", 1)[1] for p in STORY.split("</p>") if p]
TITLE = "民营医院内部培训曝光 套路满满掏空患者腰包"


def _page(after: str) -> str:
    row = (
        "<div class='tip fl'><span class='pr20'>2018-06-13 10:22:05</span>"
        f"<a href='http://www.hexun.com' rel='nofollow'>和讯网</a>&nbsp; {after} </div>"
    )
    return page(
        f"<title>{TITLE}-新闻频道-和讯网</title>",
        f"<div class='articleName'><h1>{TITLE}</h1><div>{row}</div></div>"
        f"<div class='art_context'>{STORY}</div>",
    )


def test_a_bare_name_after_the_outlet_in_a_stamped_row_is_the_writer():
    article = only_article(_page("何新策"))
    assert writers(article) == ["何新策"]
    assert article.published_at.date().isoformat() == "2018-06-13"
    assert text_of(article) == LINES


@pytest.mark.parametrize("place", ["北京", "上海"])
def test_a_place_after_the_outlet_names_nobody(place):
    article = only_article(_page(place))
    assert writers(article) == []
