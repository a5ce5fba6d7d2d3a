"""Mainland portals' byline forms written from how they print credits (no dev-set or
held-out page shows them): a newsroom's report followed by its reporter (`【X网报道 记者
Y】`, bracketed or not), a newsroom's news item with the reporter in brackets (`X网消息（记者
Y）：`), and the reporter's role word between the source and the name in a source line
(`来源：X报 记者 Y`). Inputs are small synthetic pages written for these tests."""

from __future__ import annotations

import pytest
from synthetic import page, text_of, writers
from zhnews.parse import parse_document
from zhnews.parse.bylines import split_run_in

_LINES = [
    "市政府今天发布今年道路改造计划，将优先整修城区多条老旧道路，预计年底前全部完工。",
    "交通部门表示，施工期间将采取分段封闭方式，并在现场设置告示牌，提醒市民提前绕行。",
]
_TITLE = "市政府发布道路改造计划"


def _parse(header: str = "", lead: str = "", tail: str = ""):
    body = f"<p>{lead}{_LINES[0]}</p><p>{_LINES[1]}</p>{tail}"
    doc = page(
        f"<title>{_TITLE}</title>", f"<div class='art'><h1>{_TITLE}</h1>{header}{body}</div>"
    )
    return parse_document(doc, "page.html").articles[0]


@pytest.mark.parametrize("lead", ["【某某网报道 记者 张三】", "某某网报道 记者 张三 "])
def test_a_newsrooms_report_then_its_reporter_opens_the_lead(lead):
    article = _parse("<div>2019-09-07</div>", lead)
    assert writers(article) == ["张三"]
    assert text_of(article) == _LINES


def test_a_newsrooms_news_item_with_its_reporter_in_brackets_opens_the_lead():
    article = _parse("<div>2019-09-07</div>", "某某网消息（记者 张三）：")
    assert writers(article) == ["张三"]
    assert text_of(article) == _LINES
    # a bracket after 消息 in a sentence, without a newsroom and a role word, is text
    assert split_run_in("他透露消息（未证实）称市政府今天发布计划。") is None


@pytest.mark.parametrize(
    "header, tail",
    [
        ("<div>2019-09-07 09:00 来源：某某新闻网 记者 张三</div>", ""),
        ("<div>2019-09-07</div>", "<p>来源：某某日报 记者 张三</p>"),
    ],
)
def test_a_role_word_between_the_source_and_the_name_names_the_writer(header, tail):
    article = _parse(header, tail=tail)
    assert writers(article) == ["张三"]
    assert text_of(article) == _LINES


def test_a_reporter_reported_clause_going_on_after_a_comma_is_text_not_a_byline():
    sentence = "记者陈大文昨天报道，市政府今天发布今年道路改造计划，将优先整修城区多条老旧道路。"
    assert split_run_in(sentence) is None
    article = _parse("<div>2019-09-07</div>", "", f"<p>{sentence}</p>")
    assert writers(article) == []
    assert text_of(article) == [*_LINES, sentence]
    # a credit closed by a colon or a space still opens the lead
    assert split_run_in("本报记者 张三 北京报道：" + _LINES[0])[0].authors[0].name == "张三"
