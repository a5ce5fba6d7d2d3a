"""Failure classes found on first contact with pages of sites new to the project
(`bench/firstcontact/`, scored before any change: `zhnews eval bench/firstcontact --peers`).
Inputs are small synthetic posts written for these tests, not the pages.

1. A run-in dateline that prints its year in Chinese numerals and is closed by its bracket
   alone (`【明慧网二零一六年十月二十二日】`) dates the story, as the Arabic-numeral form with
   讯/电 already did (`【大纪元2018年08月28日讯】`).
"""

from __future__ import annotations

from datetime import date

import pytest
from zhnews.parse import parse_document

_LINES = [
    "联合国粮食及农业组织周二警告说，一种猪瘟可能会越过边境，散播至邻近国家和地区。",
    "过去一个月，四个省份报告了感染猪只的疫情，当局已经封锁了相关的养殖场。",
    "粮农组织表示，它正在与各国当局密切合作，以控制疫情的进一步蔓延。",
]


def _mirror(lead: str) -> str:
    """A bot's Markdown mirror of a news item: `### title`, a rule, the item's HTML."""
    body = "".join(f"<p>{line}</p>\n" for line in _LINES[1:])
    return (
        "### 联合国警告猪瘟可能殃及邻国\n------------------------\n\n"
        f"<p>{lead}{_LINES[0]}</p>\n{body}\n原文链接：http://news.example.com/a/item.html\n"
    )


def _published(lead: str):
    article = parse_document(_mirror(lead), "mirror/item.md").articles[0]
    return article.published_at.date() if article.published_at else None


@pytest.mark.parametrize(
    ("lead", "day"),
    [
        ("【明慧网二零一六年十月二十二日】", date(2016, 10, 22)),
        ("【某某网二〇二一年三月五日】", date(2021, 3, 5)),
        ("【某某网二○一九年十二月三十一日讯】", date(2019, 12, 31)),
        ("【某某网2019年3月5日】", date(2019, 3, 5)),
    ],
)
def test_a_bracketed_dateline_with_its_year_in_any_numerals_dates_the_story(lead, day):
    assert _published(lead) == day


@pytest.mark.parametrize(
    "lead",
    [
        "二零一六年十月二十日，",  # a date the story's first sentence is about
        "【明慧网二零一六年十三月二十二日】",  # no such month
        "据报道，二零一六年十月二十二日讯",  # not where a dateline stands
    ],
)
def test_a_date_in_the_text_is_not_a_dateline(lead):
    assert _published(lead) is None
