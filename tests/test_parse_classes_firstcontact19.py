"""Failure classes found on the nineteenth first-contact batch (scored blind:
`bench/extraction/firstcontact-2026-12-07n.md`).

1. A CMS page-break marker left in the text (`[!--empirenews.page--]金星个人资料
   [/!--empirenews.page--]`, EmpireCMS) is template markup, not a paragraph.
2. A line of a profile that labels a date in someone's life (`生日：1967年8月13日`) is text,
   not the page's date line.
3. A desk's call for news tips without a hotline cue word (`想爆料？请拨打…`) is still looked
   at (the debris cue list names 爆料; this case passed before too: a guard).
"""

from __future__ import annotations

import pytest
from synthetic import STORY, only_article, page, text_of
from zhnews.parse.debris import debris_reason

HEAD = "<title>金星个人资料</title>"
H1 = "<h1>金星个人资料</h1>"


def test_a_cms_page_break_marker_is_no_paragraph():
    marker = "<p>&nbsp;[!--empirenews.page--]金星个人资料[/!--empirenews.page--]</p>"
    article = only_article(page(HEAD, f"{H1}{STORY}{marker}<p>生日：1967年8月13日</p>{STORY}"))
    assert not any("empirenews" in t for t in text_of(article))


@pytest.mark.parametrize("line", ["生日：1967年8月13日", "出生日期：1967年8月13日"])
def test_a_date_in_a_profile_stays_text(line):
    profile = f"<p>{line}</p><p>籍贯：辽宁沈阳</p><p>职业：舞蹈家</p>"
    article = only_article(page(HEAD, f"{H1}{STORY}{profile}{STORY}"))
    assert line in text_of(article)


def test_a_call_for_news_tips_with_an_account_is_a_promo():
    assert debris_reason("想爆料？请关注我们的微信公众号，提供新闻线索。") == "promo"
