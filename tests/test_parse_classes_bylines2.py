"""Byline forms of Taiwanese and mainland newsrooms written from how they print credits (no
page of the dev set or of the held-out set shows them): a reporter's name run into the place
the story was filed from with no separator, a newsroom's name and a space before the credit,
a newsroom's name inside the round brackets of a writer's credit, and a reporter's credit
set as a heading under the headline. Inputs are small synthetic pages written for these
tests."""

from __future__ import annotations

from synthetic import page, text_of, writers
from zhnews.parse import parse_document
from zhnews.parse.bylines import parse_credit_line, split_run_in

_LINES = [
    "縣府今日公布今年度道路改善計畫，將優先整修市區內多條老舊路段，預計年底前全部完工。",
    "工務處表示，施工期間將採分段封閉方式進行，並於現場設置告示牌，提醒用路人提早改道。",
    "有里長指出，部分路段坑洞問題已存在多年，希望這次能一次修好，不要再反覆挖補造成不便。",
]
_TITLE = "縣府公布道路改善計畫"


def _parse(header: str = "", lead: str = ""):
    body = f"<p>{lead}{_LINES[0]}</p>" + "".join(f"<p>{line}</p>" for line in _LINES[1:])
    doc = page(f"<title>{_TITLE}</title>", f"<article><h1>{_TITLE}</h1>{header}{body}</article>")
    return parse_document(doc, "page.html").articles[0]


# --- 1. the name runs into the place it was filed from: 記者X台北報導 --------------------


def test_a_reporter_run_into_a_known_place_is_a_run_in_byline():
    article = _parse(lead="本報記者陳小華台北報導：")
    assert writers(article) == ["陳小華"]
    assert text_of(article) == _LINES


def test_a_run_into_an_unknown_place_is_not_cut_at_a_guess():
    assert parse_credit_line("記者陳小華台北報導").authors[0].name == "陳小華"
    assert parse_credit_line("記者王大明高雄報導").authors[0].name == "王大明"
    assert parse_credit_line("記者陳小華新城報導") is None


# --- 2. the newsroom's name and a space before the reporter's credit ---------------------


def test_a_newsroom_then_a_space_then_the_credit_opens_the_lead():
    article = _parse(lead="中時電子報 記者陳小華／台北報導　")
    assert writers(article) == ["陳小華"]
    assert text_of(article) == _LINES
    byline, rest = split_run_in("中時電子報 記者陳小華／台北報導　" + _LINES[0])
    assert byline.credit == "中時電子報" and rest.strip() == _LINES[0]


# --- 3. the newsroom inside the round brackets of the writer's credit --------------------


def test_a_newsroom_and_writer_in_round_brackets_open_the_lead():
    article = _parse(lead="（中時電子報 陳小華／台北報導）")
    assert writers(article) == ["陳小華"]
    assert text_of(article) == _LINES
    # a wire's dateline naming nobody stays in the text
    assert split_run_in("（路透社華盛頓2日電）" + _LINES[0]) is None


# --- 4. the reporter's credit set as a heading under the headline ------------------------


def test_a_reporters_credit_in_a_subheading_is_the_byline_not_a_deck():
    article = _parse(header="<h3>記者陳小華／台北報導</h3>")
    assert writers(article) == ["陳小華"]
    assert article.subtitle is None
    assert text_of(article) == _LINES
    # a subheading that mentions a reporter in a phrase stays a subheading
    article = _parse(header="<h3>記者會後市府再發新聞稿說明</h3>")
    assert writers(article) == []
    assert article.subtitle == "記者會後市府再發新聞稿說明"
