"""Failure classes found on the thirty-ninth first-contact batch (scored blind:
`bench/extraction/firstcontact-2026-12-07ah.md`; 爱范儿, 动点科技 and 越南之声's Chinese service).

1. The person an article's JSON-LD names as its `author` (`{"@type": "Person", "name":
   "潘劲虹"}`) is its writer when the page prints the name too (a sidebar author card) and no
   byline credits anyone; an organisation as author names nobody.
2. A byline label after the bar that parts it from the date and categories (`| By 陈晓`) is
   a label, not a name.
3. A box the markup calls a summary that prints the page's description but opens with the
   story's dateline (`(VOVWORLD) -联合国…`) is the story's lead paragraph, not a standfirst; a
   summary box without a dateline is still the summary.
"""

from __future__ import annotations

import json

from synthetic import STORY, only_article, page, text_of, writers
from zhnews.parse.bylines import strict_names

LINES = [p.split(">", 1)[1] for p in STORY.split("</p>") if p]
TITLE = "「娘化」为什么能吵起来？"


def _ld(author: dict) -> str:
    data = {"@context": "https://schema.org", "@type": "Article", "headline": TITLE}
    data["author"] = author
    return f"<script type='application/ld+json'>{json.dumps(data, ensure_ascii=False)}</script>"


def test_the_json_ld_person_printed_on_the_page_is_the_writer():
    card = (
        "<aside><div class='c-card-author'><p class='c-card-author__name'>潘劲虹</p></div></aside>"
    )
    body = f"<h1>{TITLE}</h1><article>{STORY}</article>{card}"
    article = only_article(
        page(f"<title>{TITLE}</title>" + _ld({"@type": "Person", "name": "潘劲虹"}), body)
    )
    assert writers(article) == ["潘劲虹"]
    assert text_of(article) == LINES
    outlet = only_article(
        page(f"<title>{TITLE}</title>" + _ld({"@type": "Organization", "name": "爱范儿"}), body)
    )
    assert writers(outlet) == []


def test_a_by_label_after_a_bar_is_no_name():
    assert strict_names("| By 陈晓") == ["陈晓"]
    assert strict_names("｜ by Jane Smith") == ["Jane Smith"]


DESCRIPTION = "(VOVWORLD) -联合国性别平等和妇女赋权署与跨性别权利倡导组织8月24日共同举办“跨性别者的下午茶”对话。"


def _summary_page(lead: str) -> str:
    head = f"<title>越南提高对跨性别者的认识</title><meta name='description' content='{lead}'>"
    body = (
        f"<h1>越南提高对跨性别者的认识</h1><div class='article'><div class='article__sapo cms-desc'>"
        f"{lead}</div>{STORY}</div>"
    )
    return page(head, body)


def test_a_summary_box_opening_with_the_dateline_is_the_lead_paragraph():
    article = only_article(_summary_page(DESCRIPTION))
    assert text_of(article) == [DESCRIPTION, *LINES]


def test_a_summary_box_without_a_dateline_is_still_the_summary():
    standfirst = (
        "联合国机构与倡导组织共同举办对话，希望弥合分歧，使跨性别人群的声音更好传递给公众。"
    )
    article = only_article(_summary_page(standfirst))
    assert text_of(article) == LINES
    assert article.summary == standfirst
