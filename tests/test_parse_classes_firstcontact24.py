"""Failure classes found on the twenty-fourth first-contact batch (scored blind:
`bench/extraction/firstcontact-2026-12-07s.md`).

1. A font-size widget whose label opens with a verb (`浏览字号：大+ 小-`) is page furniture,
   not the first paragraph (gxhzxw).
2. A closing `（原文标题：…` note (the original article's title, on reposts of translated
   pieces) is not text, as `原标题：` is not (cnhealthcare).
3. The 作者 field of a header row that also prints the source and the date (`来源：澎湃新闻
   作者：朱洁树 2015-07-07`; `发布时间：… 来源：欧洲时报 作者：刘涛编译 浏览次数：`, the twentieth
   batch's oushinet row) names the writer (99ys).
4. A page that prints no date but files every picture on its picture server under the day
   it was uploaded (`http://files.example.com/upload/20160816/1471319861824.jpg`) is dated by
   that day, as an undated e-paper page is by its own links (cnhealthcare); pictures filed
   under several days date nothing.
"""

from __future__ import annotations

import pytest
from synthetic import STORY, only_article, page, text_of, writers

HEAD = "<title>防暑补贴全部发放到位</title>"
H1 = "<h1>防暑补贴全部发放到位</h1>"


def test_a_font_size_widget_with_a_verb_label_is_no_paragraph():
    widget = (
        "<div class='fontsize'><span>浏览字号：<a href='javascript:;'>大+</a>"
        "  <a href='javascript:;'>小-</a></span></div>"
    )
    row = f"<div><span>来源：国际在线</span><span>2015-09-17 08:46</span>{widget}</div>"
    article = only_article(page(HEAD, f"{H1}{row}{STORY}"))
    assert text_of(article)[0].startswith("第1段")


def test_an_original_article_title_note_is_no_paragraph():
    note = "<p>（原文标题：一个没有子宫没有卵巢的女人，能参加女子800米么？</p>"
    article = only_article(page(HEAD, f"{H1}{STORY}{note}"))
    assert text_of(article)[-1].startswith("第4段")


@pytest.mark.parametrize(
    ("row", "names"),
    [
        (
            "<span>来源：澎湃新闻</span> <span>作者：朱洁树</span> <span>2015-07-07</span>",
            ["朱洁树"],
        ),
        (
            "<span>发布时间：<i>2022-12-22</i></span> <span>来源：<i>欧洲时报</i></span>"
            " <span>作者：<i>刘涛编译</i></span> <span>浏览次数：<i></i></span>",
            ["刘涛"],
        ),
    ],
)
def test_the_writer_field_of_a_source_and_date_row(row, names):
    article = only_article(page(HEAD, f"{H1}<div class='info'>{row}</div>{STORY}"))
    assert writers(article) == names
    assert text_of(article)[0].startswith("第1段")


def test_an_empty_writer_field_before_a_stamps_label_names_nobody():
    # `<span>作者：</span> <span>发表时间：…</span>`: the stamp's label is no one's name
    row = "<span>来源：金羊网</span> <span>作者：</span> <span>发表时间：2018-06-12 14:24</span>"
    article = only_article(page(HEAD, f"{H1}<div class='source'>{row}</div>{STORY}"))
    assert writers(article) == []
    assert str(article.published_at.date()) == "2018-06-12"


def _upload_page(days: list[str]) -> str:
    pics = "".join(
        f"<p><img src='http://files.example.com/upload/{d}/14713198{i}1824.jpg'></p>"
        for i, d in enumerate(days)
    )
    return page(HEAD, f"{H1}<div class='content'>{pics}{STORY}</div>")


def test_the_upload_folder_of_the_pictures_dates_an_undated_page():
    article = only_article(_upload_page(["20160816"] * 5))
    assert article.published_at.date().isoformat() == "2016-08-16"
    assert article.published_at_source == "own_paths"


def test_pictures_uploaded_on_several_days_date_nothing():
    article = only_article(_upload_page(["20160816", "20160817"] * 3))
    assert article.published_at is None
