"""Failure classes found on the twenty-second first-contact batch (scored blind:
`bench/extraction/firstcontact-2026-12-07q.md`).

1. A bare time stamp with a view counter whose label is a compound word (`浏览次数：19`,
   `阅读量：`, `點擊數：`) is the header's meta row, not the first paragraph (dragonnewsru).
2. A run-in byline after a newsroom's brand that has no 网/报/台/社 in it (`国际在线消息（记者
   任芊）：`), or after `报道` (`澎湃新闻报道（记者 X）：`), is cut and names the writer
   (workercn); a bracket without a role word after such a brand stays text.
3. A stamp printing the month and day without a year (`04-22 07:00`) takes its year from the
   page's own files filed within a few days of it (`…/app/data/2023/04/21/475518/1.jpg`: an app
   view stores the story's pictures under the upload day), clock time included (ttplus);
   files of far-off days (a sidebar's other stories) or none leave the day unknown.
4. A one-story feature page that prints its credits as a list in the page's `<footer>`, above
   the copyright line (`<li><b>記者　</b>陳莉雅</li><li><b>攝影　</b>陳焯煇</li>…`), names its
   writer there (theinitium); a footer's link list, or a credit list naming no writer, names
   nobody.
"""

from __future__ import annotations

import pytest
from synthetic import PARAGRAPH, STORY, only_article, page, text_of, writers

HEAD = "<title>防暑补贴全部发放到位</title>"
H1 = "<h1>防暑补贴全部发放到位</h1>"
LEAD = "提起泰国的女性政治家，人们首先想到的是英拉，这位前总理的经历至今仍被人们反复谈论。"


@pytest.mark.parametrize(
    "counter", ["浏览次数：<span>19</span>", "阅读量：19", "點擊數：7", "浏览次数："]
)
def test_a_stamp_with_a_compound_view_counter_is_the_meta_row(counter):
    row = f"<div><span>2021-01-26 10:18</span> <span>{counter}</span></div>"
    article = only_article(page(HEAD, f"{H1}{row}{STORY}"))
    assert text_of(article)[0].startswith("第1段")
    assert str(article.published_at.date()) == "2021-01-26"


@pytest.mark.parametrize(
    ("opening", "names"),
    [
        ("国际在线消息（记者 任芊）：", ["任芊"]),
        ("澎湃新闻报道（记者 王晓明）：", ["王晓明"]),
        ("央视网消息（记者 任芊）：", ["任芊"]),
    ],
)
def test_a_brands_run_in_byline_is_cut(opening, names):
    article = only_article(page(HEAD, f"{H1}<p>{opening}{LEAD}</p>{STORY}"))
    assert writers(article) == names
    assert text_of(article)[0] == LEAD


def test_a_brands_bracket_without_a_role_stays_text():
    lead = f"国际在线消息（当地时间3日）：{LEAD}"
    article = only_article(page(HEAD, f"{H1}<p>{lead}</p>{STORY}"))
    assert writers(article) == []
    assert text_of(article)[0] == lead


def _yearless_page(picture_days: list[str]) -> str:
    pictures = "".join(
        f"<p><img src='https://res.example.com/publish/data/{d}/475518/{i}.jpg'></p>"
        for i, d in enumerate(picture_days)
    )
    row = "<div class='info'><span>李喜林</span><span>04-22 07:00</span></div>"
    return page(HEAD, f"{H1}{row}<div class='bd'>{pictures}{STORY}</div>")


def test_a_yearless_stamp_takes_the_year_of_the_storys_own_files():
    article = only_article(_yearless_page(["2023/04/21", "2023/04/21", "2025/01/03"]))
    assert article.published_at.isoformat() == "2023-04-22T07:00:00+08:00"


@pytest.mark.parametrize("days", [[], ["2024/09/30", "2025/01/03"]])
def test_a_yearless_stamp_without_files_of_its_days_is_not_placed(days):
    assert only_article(_yearless_page(days)).published_at is None


def _footer_page(items: list[str]) -> str:
    listing = "".join(f"<li>{item}</li>" for item in items)
    footer = (
        f"<footer id='footer'><div class='credit'><ul>{listing}</ul></div>"
        "<div class='copyrights'><span>©2023 Initium Media. All Rights Reserved.</span></div></footer>"
    )
    return page(HEAD, f"{H1}<div class='story'>{STORY}</div>{footer}")


def test_a_credit_list_in_the_page_footer_names_the_writer():
    items = [
        "<b>記者　</b>陳莉雅",
        "<b>剪輯　</b>陳莉雅、徐宇昕",
        "<b>攝影　</b>陳焯煇",
        "<b>監製　</b>甯卉",
    ]
    article = only_article(_footer_page(items))
    assert writers(article) == ["陳莉雅"]
    assert text_of(article) == [PARAGRAPH.format(i=i)[3:-4] for i in range(1, 5)]


@pytest.mark.parametrize(
    "items",
    [
        [
            "<a href='/about'>關於我們</a>",
            "<a href='/jobs'>加入我們</a>",
            "<a href='/ad'>廣告合作</a>",
        ],
        ["<b>設計　</b>郭瑾燁", "<b>監製　</b>甯卉"],
    ],
)
def test_a_footer_list_without_a_writers_credit_names_nobody(items):
    assert writers(only_article(_footer_page(items))) == []
