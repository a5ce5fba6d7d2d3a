"""Failure classes of issue 12 seen on dev-set pages of older portal layouts (font-size
widgets, author markup, column and reprint pages); each test is a small synthetic page written
for the class, with made-up names and text."""

from __future__ import annotations

import pytest
from zhnews.parse import parse_document
from zhnews.parse.bylines import strict_names
from zhnews.parse.debris import debris_reason

_STORY = "".join(
    f"<p>第{i}段：市區一處民宅今天下午發生火警，消防人員到場後迅速撲滅火勢，所幸無人受傷，起火原因仍待調查。</p>"
    for i in range(1, 4)
)


def _paragraphs(article) -> list[str]:
    return [p.text for p in article.paragraphs if p.kind in ("body", "subhead")]


@pytest.mark.parametrize("label", ["A-", "A", "A+", "字級", "T + -", "A A A", "字体：大 中 小"])
def test_font_size_button_labels_are_debris_not_names(label: str) -> None:
    assert debris_reason(label) == "font_size"
    assert strict_names(label, surname=True) is None


def test_font_size_widget_beside_the_byline_is_neither_author_nor_text() -> None:
    """`A-` / `A` / `A+` buttons between the timestamp and the story are page furniture."""
    page = (
        "<html><head><title>民宅火警 無人受傷</title></head><body>"
        "<h1>民宅火警 無人受傷</h1><div class='info'><time>2019/03/04 15:20:00</time></div>"
        "<ul class='tools'><li>A-</li><li>A</li><li>A+</li></ul>"
        f"<div class='text'>{_STORY}</div></body></html>"
    )
    article = parse_document(page, "page.html").articles[0]
    assert article.authors == []
    assert _paragraphs(article)[0].startswith("第1段")
    assert not any(p in ("A-", "A", "A+") for p in _paragraphs(article))


def test_latin_names_still_read() -> None:
    assert strict_names("Jo Smith") == ["Jo Smith"]
    assert strict_names("moonriver") == ["moonriver"]
    assert strict_names("J. K. Doe") == ["J. K. Doe"]


@pytest.mark.parametrize(
    "credit",
    [
        "<cite><a href='/reporter/12' rel='author'>林小華</a></cite>",
        "<span itemprop='author'><a href='/reporter/12'>林小華</a></span>",
        "<a class='reporter-name' href='/reporter/12'>林小華</a>",
    ],
)
def test_author_markup_after_time_and_desk_link_is_the_byline(credit: str) -> None:
    """The reporter given only as a linked name in markup that says author, after a time
    and a desk link, below a captioned picture (whose caption reads like prose)."""
    page = (
        "<html><head><title>民宅火警 無人受傷</title></head><body>"
        "<header><h1>民宅火警 無人受傷</h1></header>"
        "<figure><img src='a.jpg'><div class='pictext'><p>市區一處民宅發生火警，消防人員到場灌救。</p>"
        "</div></figure><article><div class='info'><time>2019年03月04日 15:20</time>"
        f"<a href='/desk/11'>某報 </a><div class='who'>{credit}</div></div>"
        f"{_STORY}</article></body></html>"
    )
    article = parse_document(page, "page.html").articles[0]
    assert [a.name for a in article.authors] == ["林小華"]
    assert "林小華" not in _paragraphs(article)


def test_author_markup_around_a_labelled_field_or_a_comment_is_not_a_name() -> None:
    """`<span class="author">作者：</span>` is a label, and a commenter's name is no byline."""
    page = (
        "<html><head><title>民宅火警 無人受傷</title></head><body>"
        "<h1>民宅火警 無人受傷</h1><div>2019-03-04 15:20 <span class='author'>作者：</span></div>"
        f"<div class='text'>{_STORY}</div>"
        "<div class='comment-author'>路人甲</div></body></html>"
    )
    article = parse_document(page, "page.html").articles[0]
    assert [a.name for a in article.authors] == []


def test_author_field_beside_the_date_and_closing_bio_line() -> None:
    """A column page: the name in its own field beside the date (a comment counter glued to
    the line) is the author; the closing `作者X，为…专栏作者。` line is a bio credit."""
    story = "".join(
        f"<p>第{i}段：某公司宣布組織調整，新部門將整合硬體與軟體業務，分析人士認為此舉意在降低成本。</p>"
        for i in range(1, 4)
    )
    page = (
        "<html><head><title>某公司調整組織</title></head><body><div class='col'>"
        "<h2 class='col_title'>某公司調整組織</h2><span class='col_author'>riverstone</span>"
        "<span class='col_date'>2016-05-06 10:20:30</span>"
        "<a class='col_count' href='#'><span>0</span>人参与评论</a>"
        f"<div class='text'>{story}"
        "<p>作者riverstone，为某某网旗下原创专栏作者。某某网是一家科技媒体。</p></div></div></body></html>"
    )
    article = parse_document(page, "page.html").articles[0]
    assert [a.name for a in article.authors] == ["riverstone"]
    paragraphs = _paragraphs(article)
    assert paragraphs[0].startswith("第1段") and paragraphs[-1].startswith("第3段")
    assert not any("参与评论" in p for p in paragraphs)


@pytest.mark.parametrize("line", ["作者张三，为了写这本书走遍全国。", "作者说，他是一位作家。"])
def test_sentence_about_an_author_is_no_bio_credit(line: str) -> None:
    from zhnews.parse.bylines import parse_bio_credit

    assert parse_bio_credit(line) is None


def test_comment_counter_link_is_a_control() -> None:
    from zhnews.parse.content import is_control

    assert is_control("0人参与评论") and is_control("12条评论")
    assert not is_control("参与")


@pytest.mark.parametrize("gap", [" ", "\n"])
def test_closing_source_line_with_writer_and_editor_code(gap: str) -> None:
    """`本文来源：某某网 作者：李四` then `责任编辑：AB012` (glued or spaced): the writer and the
    editor code as printed; the line is not text."""
    page = (
        "<html><head><title>民宅火警 無人受傷</title></head><body><h1>民宅火警 無人受傷</h1>"
        f"<div class='text'>{_STORY}</div><div class='ep-source'><span>本文来源：某某网 作者：李四</span>{gap}"
        "<span>责任编辑：AB012</span></div></body></html>"
    )
    article = parse_document(page, "page.html").articles[0]
    assert [a.name for a in article.authors] == ["李四"]
    assert article.editor == "AB012"
    assert not any("来源" in p for p in _paragraphs(article))


def test_editor_code_and_login_name_are_editor_credits() -> None:
    from zhnews.parse.bylines import parse_credit_line

    assert parse_credit_line("责任编辑：AB012").editor == "AB012"
    assert parse_credit_line("[责任编辑：someone]").editor == "someone"
