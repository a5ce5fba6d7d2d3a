"""Failure class found on the ninth first-contact batch (scored blind:
`bench/extraction/firstcontact-2026-12-07d.md`).

1. A later heading of a single-story page that is a word of the first headline (`变装` under
   `变装与跨性别有什么区别？`, both in the page's <title>) is a subhead, not a second story the
   <title> names: the page stays one story. Checked on the batch's page itself (jiemian),
   where the heading opened a second story (and a dotted rule after it a third) before;
   synthetic pages with the same headings were not split in the first place.
2. A heading made only of punctuation (`<h3>……………</h3>`) is a rule, never a headline: what
   follows it (`作者：…`) stays the story's. On jiemian it opened a third story; the synthetic
   page below was not split before either (it guards the behaviour; the document-level test
   is the one that fails without the changes).
3. An English byline printed before the stamp past a bar (`By Ryan Foley, Contributor | 星期一,
   2023年01月 23日`) names the writers (their role word is no name) and dates the story.
4. An invitation to find the outlet on a platform (`欢迎你来微博找我们，请点这里。`) is a promo.
5. A labelled editor credit far below the text, past the related links (`（責任編輯： 劉艷丹\n ）`
   in a table cell at the foot of a portal's template, govcn), names the single story's
   editor (checked on the page itself); not a credit inside a link, an empty one
   (`责任编辑：<span></span></p>`, where the next box's `平台声明` was read as a name) or a desk
   (`责任编辑: 国际小编`), and only when every such credit on the page names one person.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from synthetic import STORY, only_article, page, text_of
from zhnews.decode import decode_bytes
from zhnews.parse import parse_document

ROOT = Path(__file__).resolve().parents[1]
JIEMIAN = ROOT / "bench/extraction/docs/jiemian/webpagearchive-jiemian-2345525.html"
GOVCN = ROOT / "bench/extraction/docs/govcn/webpagearchive-govcn-big5-20090616.html"


def test_a_subhead_that_is_a_word_of_the_headline_stays_in_the_story():
    text, _ = decode_bytes(JIEMIAN.read_bytes())
    doc = parse_document(text, str(JIEMIAN))
    assert [a.title for a in doc.articles] == ["变装与跨性别有什么区别？"]
    paragraphs = text_of(doc.articles[0])
    assert "变装" in paragraphs  # the subhead, kept in place
    assert any(p.startswith("舞台上的变装表演") for p in paragraphs)


def test_a_heading_of_dots_is_a_rule_not_a_headline():
    html = page(
        "<title>防暑补贴全部发放到位</title>",
        f"<h1>防暑补贴全部发放到位</h1>{STORY}<h3>……………………………………</h3><p>作者：王小明</p>",
    )
    doc = parse_document(html, "page.html")
    assert [a.title for a in doc.articles] == ["防暑补贴全部发放到位"]
    assert [a.name for a in doc.articles[0].authors] == ["王小明"]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Ryan Foley, Contributor | 星期一, 2023年01月 23日", ["Ryan Foley"]),
        ("By Jane Smith and Tom Lee | 2023年01月23日", ["Jane Smith", "Tom Lee"]),
    ],
)
def test_an_english_byline_before_the_stamp_names_the_writers(line, names):
    html = page(
        "<title>防暑补贴全部发放到位</title>",
        f"<h1>防暑补贴全部发放到位</h1><p class='meta'>{line}</p>{STORY}",
    )
    article = parse_document(html, "page.html").articles[0]
    assert [a.name for a in article.authors] == names
    assert str(article.published_at.date()) == "2023-01-23"
    assert not any(t.startswith("By ") for t in text_of(article))


@pytest.mark.parametrize("line", ["欢迎你来微博找我们，请点这里。", "欢迎到抖音找我們！"])
def test_an_invitation_to_find_the_outlet_on_a_platform_is_a_promo(line):
    from zhnews.parse.debris import debris_reason

    assert debris_reason(line) == "promo"


@pytest.mark.parametrize("line", ["欢迎市民来找我们反映问题。", "他在微博上说欢迎网友找我们。"])
def test_reporting_about_finding_someone_stays_text(line):
    from zhnews.parse.debris import debris_reason

    assert debris_reason(line) is None


RELATED = "".join(f"<li><a href='/n{i}.html'>另一条新闻标题第{i}条</a></li>" for i in range(8))
FAR_BELOW = "<div class='box'><h4>相關鏈結</h4><ul>" + RELATED + "</ul></div>"


def _with_foot(foot: str) -> str:
    return page(
        "<title>防暑补贴全部发放到位</title>",
        f"<h1>防暑补贴全部发放到位</h1>{STORY}{FAR_BELOW}{FAR_BELOW}<table><tr><td>{foot}</td></tr></table>",
    )


def test_an_editor_credit_far_below_the_text_names_the_editor():
    text, _ = decode_bytes(GOVCN.read_bytes())
    article = parse_document(text, str(GOVCN)).articles[0]
    assert article.editor == "劉艷丹"
    assert [a.name for a in article.authors] == ["周婷玉"]


@pytest.mark.parametrize(
    "foot",
    [
        "<a href='/e'>责任编辑：张三</a>",  # a link: another page's
        "<p data-role='editor-name'>责任编辑：<span></span></p><div>平台声明</div>",  # empty
        "<span>责任编辑: 国际小编</span>",  # a desk, nobody named
    ],
)
def test_no_editor_from_a_link_an_empty_slot_a_desk_or_two_names(foot):
    assert only_article(_with_foot(foot)).editor is None
