"""Header lines of Taiwanese pages that print a credit and a date together, written from how
sites print them (no dev-set or held-out page shows these lines): the newsroom and the
reporter's credit before the date, a newsroom's Latin name before the date (not a writer),
and `by` before a writer's name. Inputs are small synthetic pages written for these tests."""

from __future__ import annotations

import pytest
from synthetic import page, text_of, writers
from zhnews.parse import parse_document

_LINES = [
    "縣府今日公布今年度道路改善計畫，將優先整修市區內多條老舊路段，預計年底前全部完工。",
    "工務處表示，施工期間將採分段封閉方式進行，並於現場設置告示牌，提醒用路人提早改道。",
]
_TITLE = "縣府公布道路改善計畫"


def _parse(header: str, lead: str = ""):
    body = f"<p>{lead}{_LINES[0]}</p><p>{_LINES[1]}</p>"
    doc = page(
        f"<title>{_TITLE}</title>", f"<div class='art'><h1>{_TITLE}</h1>{header}{body}</div>"
    )
    return parse_document(doc, "page.html").articles[0]


@pytest.mark.parametrize(
    "line",
    [
        "某某時報 陳小華／台北報導 2013年11月13日 04:10",
        "某某時報 記者陳小華／台北報導 2013-11-13 01:29",
    ],
)
def test_a_credit_before_the_date_is_the_byline_and_the_date(line):
    article = _parse(f"<div>{line}</div>")
    assert writers(article) == ["陳小華"]
    assert article.published_at.date().isoformat() == "2013-11-13"
    assert text_of(article) == _LINES


def test_a_newsrooms_latin_name_before_the_date_is_not_a_writer():
    article = _parse("<div>NOWnews – 2013年11月13日 下午2:32</div>", "記者陳小華／台北報導 ")
    assert writers(article) == ["陳小華"]
    assert text_of(article) == _LINES


def test_by_before_a_name_is_not_a_name():
    article = _parse("<div>by 陳小華 2013/11/13</div>")
    assert writers(article) == ["陳小華"]


def test_editors_printed_apart_with_a_slash_are_kept_as_printed():
    from zhnews.parse.bylines import parse_credit_line

    assert parse_credit_line("（編輯：唐小君/呂大蓉）1100201").editor == "唐小君/呂大蓉"
    assert parse_credit_line("（編輯：唐小君、呂大蓉）").editor == "唐小君、呂大蓉"
    assert parse_credit_line("责任编辑：胡小汉 嘉远").editor == "胡小汉 嘉远"
