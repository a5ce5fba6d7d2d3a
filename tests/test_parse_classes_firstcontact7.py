"""Failure classes found on the seventh first-contact batch (mainland city and provincial
portals, two Hong Kong outlets and a Malaysian paper, outlets new to the project, scored
blind: `bench/extraction/firstcontact-2026-12-07b.md`). Inputs are small synthetic documents
written for these tests, not the documents.

1. A page's metadata line set as a heading under the headline (`<h2>2016-03-09 11:36 来源:
   大众网 编辑: X 责任编辑: Y</h2>`) is metadata: its date, source and editor, not a deck.
2. A `稿源：` (manuscript source) line is a source line like `来源：`, with the credits it
   carries (`稿源：辽沈晚报 编辑：王冰`): not text.
3. A writer's bio closing the text (`作者簡介：` over short paragraphs opening with the
   writer's name) is a credit, not text; `簡介` is no name.
4. An English label before a stamp (`Published at Nov 05, 2024 04:02 pm`) names nobody.
"""

from __future__ import annotations

from synthetic import STORY, only_article, page, text_of, writers
from zhnews.parse.bylines import parse_byline_line

_HEADLINE = "两位导演先后完成转型 十多年从兄弟变姐妹"


def test_a_metadata_line_set_as_a_heading_is_metadata():
    meta = (
        "<h2 class='font_gray'>2016-03-09 11:36 &nbsp;&nbsp;来源: <a href='http://x.cn'>大众网</a>"
        " &nbsp;&nbsp;编辑: 肖凌霄 &nbsp;&nbsp;责任编辑: 马兰 </h2>"
    )
    article = only_article(
        page(f"<title>{_HEADLINE}</title>", f"<h1>{_HEADLINE}</h1>{meta}{STORY}")
    )
    assert article.editor == "马兰"
    assert article.subtitle is None or "编辑" not in article.subtitle
    assert article.published_at is not None and article.published_at.day == 9
    assert not any("编辑" in t for t in text_of(article))


def test_a_manuscript_source_line_with_its_editor_is_not_text():
    foot = "<div><font>稿源</font><font>：<!-- parse begin -->辽沈晚报 　<!-- end --></font> <font>编辑</font><font>：<!-- parse begin -->王冰<!-- end --></font></div>"
    article = only_article(
        page(f"<title>{_HEADLINE}</title>", f"<h1>{_HEADLINE}</h1>{STORY}{foot}")
    )
    assert article.editor == "王冰"
    assert not any("稿源" in t or "辽沈晚报" in t for t in text_of(article))


def test_a_writers_bio_closing_the_text_is_a_credit():
    bio = (
        "<p><strong>作者簡介：</strong></p>"
        "<p>暢鐘，獨立學者，字博遠。長期從事中西文化比較研究。</p>"
        "<p>曾為本報特約撰稿人，出版研究專著多部。</p>"
    )
    article = only_article(page(f"<title>{_HEADLINE}</title>", f"<h1>{_HEADLINE}</h1>{STORY}{bio}"))
    assert writers(article) == ["暢鐘"]
    assert not any("獨立學者" in t or "撰稿人" in t for t in text_of(article))
    assert len(text_of(article)) == 4


def test_a_bio_heading_followed_by_more_text_is_left_alone():
    bio = "<p><strong>作者簡介：</strong></p><p>暢鐘，獨立學者，字博遠。</p>"
    article = only_article(page(f"<title>{_HEADLINE}</title>", f"<h1>{_HEADLINE}</h1>{bio}{STORY}"))
    assert any("獨立學者" in t for t in text_of(article))  # not the text's end: not a bio


def test_a_bio_heading_names_nobody():
    byline = parse_byline_line("作者簡介：")
    assert byline is None or not byline.authors


def test_an_english_stamp_label_names_nobody():
    stamp = (
        "<div class='text-xs'><span>Published at</span> <span>Nov 05, 2024 04:02 pm</span></div>"
    )
    article = only_article(
        page(f"<title>{_HEADLINE}</title>", f"<h1>{_HEADLINE}</h1>{stamp}{STORY}")
    )
    assert writers(article) == []
    assert str(article.published_at.date()) == "2024-11-05"
    assert not any("Published" in t for t in text_of(article))


_MORE = "".join(
    f"<p>第{i}则：报名者须携带身份证件到街道服务中心现场登记，工作人员将于三个工作日内完成审核并电话通知。</p>"
    for i in range(1, 4)
)


def test_a_dated_subhead_without_credits_stays_a_subhead():
    sub = "<h3>报名时间：2024年5月1日至5月10日</h3>"
    article = only_article(
        page(
            f"<title>{_HEADLINE}</title><meta property='article:published_time' "
            "content='2024-04-20T08:00:00+08:00'>",
            f"<h1>{_HEADLINE}</h1>{STORY}{sub}{_MORE}",
        )
    )
    assert any("报名时间" in t for t in text_of(article))
    assert str(article.published_at.date()) == "2024-04-20"
