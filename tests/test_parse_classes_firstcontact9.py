"""Failure class found on the ninth first-contact batch (scored blind:
`bench/firstcontact9/NOTE.md`).

1. A later heading of a single-story page that is a word of the first headline (`变装` under
   `变装与跨性别有什么区别？`, both in the page's <title>) is a subhead, not a second story the
   <title> names: the page stays one story. Checked on the batch's page itself (jiemian),
   where the heading opened a second story (and a dotted rule after it a third) before;
   synthetic pages with the same headings were not split in the first place.
2. A heading made only of punctuation (`<h3>……………</h3>`) is a rule, never a headline: what
   follows it (`作者：…`) stays the story's. On jiemian it opened a third story; the synthetic
   page below was not split before either (it guards the behaviour; the document-level test
   is the one that fails without the changes).
"""

from __future__ import annotations

from pathlib import Path

from synthetic import STORY, page, text_of
from zhnews.decode import decode_bytes
from zhnews.parse import parse_document

ROOT = Path(__file__).resolve().parents[1]
JIEMIAN = ROOT / "bench/firstcontact9/docs/jiemian/webpagearchive-jiemian-2345525.html"


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
