"""Failure classes found on the sixth first-contact batch (a mainland tech portal's post, an
FT Chinese feed item, a Beijing-run Taiwan portal and a provincial comment page, outlets new
to the project, scored blind: `bench/extraction/firstcontact-2026-12-07.md`). Inputs are small
synthetic documents written for these tests, not the documents.

1. A <title> that glues a channel label after the headline before the site's name
   (`标题。-24小时-某某网`) names the headline as its og:title does, without the label.
2. A page that prints no headline over its text, whose text opens with the headline (the
   post's first line, in the text's own paragraph): that line is the headline's echo.
3. A link's label to the source or full text alone on its line (`【原文】`, `[阅读原文]`) is
   the link, not text; a bare `原文` (the original of a translation) may head text.
4. A closing additional-reporting credit (`X(Latin)伦敦补充报道`) is a byline: X is a writer
   (a translator credited beside them is not), the line is not text.
5. A short name in brackets after the last sentence (`…发展。 （云鹏）`) that the page spells
   out in full (its head's author, its editor credit) is the writer's signature, as printed.
6. An editor credit printed under a related-links box below the text is the story's editor;
   a head author that only names that editor is no writer.
7. A font-size widget's zoom button (`放大镜`) is not text.
"""

from __future__ import annotations

import pytest
from synthetic import STORY, only_article, page, text_of, writers
from zhnews.parse.blocks import html_document_title
from zhnews.parse.bylines import parse_credit_line
from zhnews.parse.debris import debris_reason

_HEADLINE = "针对跨国运输新规，交通部门最新宣布。"


def test_og_title_names_the_headline_a_title_glues_a_channel_label_to():
    html = page(
        f"<title>{_HEADLINE}-24小时-某某网</title><meta property='og:title' content='{_HEADLINE}'>",
        STORY,
    )
    assert html_document_title(html) == _HEADLINE
    # a title that is not the og:title with a short label after it stays as it is
    other = page(
        "<title>城市防暑补贴全部发放到位-各地动态-某某网</title>"
        "<meta property='og:title' content='防暑补贴'>",
        STORY,
    )
    assert html_document_title(other) == "城市防暑补贴全部发放到位-各地动态"


def test_the_headline_opening_an_unheaded_text_is_its_echo():
    body = (
        f"<div class='article'><p>{_HEADLINE}<br><br>据新华社报道，交通运输部当天发布新规，"
        "对跨国运输车辆的通关手续作出调整，相关措施下月起施行。</p>" + STORY + "</div>"
    )
    article = only_article(page(f"<title>{_HEADLINE}-某某网</title>", body))
    assert article.title == _HEADLINE
    assert text_of(article)[0].startswith("据新华社报道")
    assert _HEADLINE not in text_of(article)


@pytest.mark.parametrize(
    "line", ["【原文】", "[阅读原文]", "查看原文", "原文链接：", "【閱讀原文】"]
)
def test_a_source_link_label_alone_is_a_link_not_text(line):
    assert debris_reason(line) == "link_prompt"


@pytest.mark.parametrize("line", ["原文", "全文", "原文如下：", "他查看原文后表示同意。"])
def test_a_bare_word_or_a_sentence_about_the_original_may_be_text(line):
    assert debris_reason(line) is None


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("安德烈斯•斯基帕尼(Andres Schipani)伦敦补充报道", ["安德烈斯•斯基帕尼"]),
        ("（李明、王芳北京补充报道）", ["李明", "王芳"]),
        ("张伟补充报道", ["张伟"]),
    ],
)
def test_an_additional_reporting_credit_names_its_reporters(line, names):
    byline = parse_credit_line(line)
    assert byline is not None and [a.name for a in byline.authors] == names


def test_an_additional_reporting_credit_closes_a_translated_story():
    body = (
        "<div class='story-body'>"
        + STORY
        + "<p><i>安德烈斯•斯基帕尼(Andres Schipani)伦敦补充报道</i></p>"
        "<p>译者/何黎</p></div>"
    )
    article = only_article(page(f"<title>{_HEADLINE}</title>", f"<h1>{_HEADLINE}</h1>{body}"))
    assert writers(article) == ["安德烈斯•斯基帕尼"]
    assert not any("补充报道" in t for t in text_of(article))


def _signed(head_author: str | None, signature: str = "（云鹏）") -> str:
    meta = f"<meta name='author' content='{head_author}'>" if head_author else ""
    last = f"<p>第5段：活动结束后，主办方表示将继续推动相关项目发展。 {signature}</p>"
    return page(
        f"<title>{_HEADLINE}</title>{meta}",
        f"<h1>{_HEADLINE}</h1><div class='content'>{STORY}{last}</div>",
    )


def test_a_short_signature_the_page_spells_out_in_full_is_the_writer():
    article = only_article(_signed("田云鹏"))
    assert writers(article) == ["云鹏"]
    assert text_of(article)[-1].endswith("推动相关项目发展。")


@pytest.mark.parametrize(
    ("head_author", "signature"),
    [(None, "（云鹏）"), ("张三", "（云鹏）"), ("新华社综合", "（综合）")],
)
def test_a_short_bracket_the_page_does_not_spell_out_stays(head_author, signature):
    article = only_article(_signed(head_author, signature))
    assert signature.strip("（）") not in writers(article)
    assert text_of(article)[-1].endswith(signature)


def test_an_editor_credit_under_a_related_links_box_is_the_editor_and_no_writer():
    related = "".join(
        f"<li><a href='/news/{i}.html'>另一则相关新闻的标题第{i}条</a></li>" for i in range(1, 6)
    )
    body = (
        f"<h1>{_HEADLINE}</h1><div class='main'><div class='text'>{STORY}</div>"
        f"<div class='box'><h3>相關閱讀:</h3><ul>{related}</ul>"
        "<p class='editor'>[ 責任編輯：田雲鵬 ]</p></div></div>"
    )
    article = only_article(
        page(f"<title>{_HEADLINE}</title><meta name='author' content='田雲鵬'>", body)
    )
    assert article.editor == "田雲鵬"
    assert "田雲鵬" not in writers(article)


def test_a_zoom_button_is_not_text():
    assert debris_reason("放大镜") == "widget"
    assert debris_reason("放大鏡") == "widget"
