"""Failure classes found on the twentieth first-contact batch (scored blind:
`bench/extraction/firstcontact-2026-12-07o.md`), one of them the eighteenth batch's brcn too.

1. The outlet, the day and one writer's credit in lenticular brackets opening the lead
   (`【欧洲时报12月22日刘涛编译】`, `【南美侨报网编译晓兆9月30日报道】`: the name glued to its
   role word, before or after it) is a run-in byline: cut, and the writer read.
2. A unix time in an element its class calls the release date (`<i class="content_date
   releaseTime">1671699000530</i>`, which the page's script was to format) dates the story.
3. `参考链接：` over a translated story's list of sources is a related-links header.
"""

from __future__ import annotations

import pytest
from synthetic import STORY, only_article, page, text_of, writers
from zhnews.parse.bylines import split_run_in
from zhnews.parse.debris import related_header

HEAD = "<title>法国政府宣布新规定</title>"
H1 = "<h1>法国政府宣布新规定</h1>"
LEAD = "法国政府宣布，将从明年起实施新的规定，要求各用人单位按时足额发放防暑补贴。"


@pytest.mark.parametrize(
    ("credit", "name", "outlet"),
    [
        ("【欧洲时报12月22日刘涛编译】", "刘涛", "欧洲时报"),
        ("【南美侨报网编译晓兆9月30日报道】", "晓兆", "南美侨报网"),
    ],
)
def test_an_outlets_dated_credit_in_brackets_is_a_run_in_byline(credit, name, outlet):
    byline, rest = split_run_in(credit + LEAD)
    assert [a.name for a in byline.authors] == [name]
    assert byline.credit == outlet
    assert rest == LEAD
    article = only_article(page(HEAD, f"{H1}<p>{credit}{LEAD}</p>{STORY}"))
    assert writers(article) == [name]
    assert text_of(article)[0] == LEAD


@pytest.mark.parametrize("lead", ["【环球网综合报道】" + LEAD, "【新华社12月22日电】" + LEAD])
def test_brackets_naming_nobody_are_no_such_credit(lead):
    split = split_run_in(lead)
    assert split is None or not split[0].authors


def test_a_unix_time_in_a_release_date_element_dates_the_story():
    stamp = "<p><i class='content_date releaseTime'>1671699000530</i></p>"
    article = only_article(page(HEAD, f"{H1}{stamp}{STORY}"))
    assert str(article.published_at.date()) == "2022-12-22"


def test_a_reference_list_header():
    assert related_header("参考链接：") == ""
