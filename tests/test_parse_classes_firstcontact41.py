"""Failure classes found on the forty-first first-contact batch (scored blind:
`bench/extraction/firstcontact-2026-12-07aj.md`; 泰国头条新闻 and 梵蒂冈新闻网).

1. A headline wrapped in an anchor with no address (`<h1><a title="永久链接：…">…</a></h1>`)
   is the headline, not a link; an address-less anchor out of headings stays a button.
2. A box the markup calls the deck (`<div class="article__subTitle">`) that prints the page's
   description, over the text, is the summary, as a summary-marked box already was.
3. A bold line opening the text that is a transliterated name with its Latin spelling in
   brackets (`古德伦・塞勒（Gudrun Sailer）`) is the byline, not a subhead.
4. One bracket of labelled credit fields closing the text (`（编译：吉舒歆 四点零翻译工作坊，
   审校：wan；来源: ch7hd_news）`) credits the compiler as the writer (the workshop after her
   name left out); a reviewer and a source name neither writer nor editor; a bracket with a
   field of no known label is left alone.
"""

from __future__ import annotations

from synthetic import STORY, only_article, page, text_of, writers
from zhnews.parse.bylines import parse_field_credits

LINES = [p.split(">", 1)[1] for p in STORY.split("</p>") if p]
TITLE = "“泰国人妖”大闹台北包店？"


def test_a_headline_in_an_anchor_without_an_address_is_the_headline():
    head = (
        f"<h1 class='title single'><a title='永久链接：{TITLE}'>{TITLE}</a></h1>"
        "<div class='media'><span class='mg-blog-date'>7月 1, 2024</span></div>"
    )
    article = only_article(
        page(
            f"<title>{TITLE} - 泰国头条新闻</title>", f"<div>{head}<article>{STORY}</article></div>"
        )
    )
    assert article.title == TITLE
    assert text_of(article) == LINES


DECK = "救主会修女和同会姐妹建立了尼索杜团体，让跨性别妇女能在这个社会中过上体面的生活。"
HEADLINE = "印度修女站在一无所有的跨性别妇女身旁"


def _feature(byline: str) -> str:
    head = f"<title>{HEADLINE}</title><meta name='description' content='{DECK}'>"
    body = (
        f"<h1 class='article__title'>{HEADLINE}</h1><div class='article__subTitle'>{DECK}</div>"
        f"<div class='article__text'>{byline}{STORY}</div>"
    )
    return page(head, f"<div class='article'>{body}</div>")


def test_a_deck_box_printing_the_description_is_the_summary():
    article = only_article(_feature(""))
    assert text_of(article) == LINES
    assert article.summary == DECK


def test_a_bold_glossed_name_opening_the_text_is_the_byline():
    article = only_article(_feature("<p><b>古德伦・塞勒（Gudrun Sailer）</b></p>"))
    assert writers(article) == ["古德伦・塞勒"]
    assert text_of(article) == LINES
    # a bold name without its Latin spelling is left to the other byline rules
    plain = only_article(_feature("<p><b>救主会的修女们</b></p>"))
    assert writers(plain) == []


def test_a_bracket_of_labelled_credit_fields_names_the_compiler():
    credit = "<p>（编译：吉舒歆 四点零翻译工作坊，审校：wan；来源: ch7hd_news）</p>"
    article = only_article(
        page(f"<title>{TITLE}</title>", f"<h1>{TITLE}</h1><div>{STORY}{credit}</div>")
    )
    assert writers(article) == ["吉舒歆"]
    assert article.editor is None
    assert text_of(article) == LINES
    assert parse_field_credits("（编译：吉舒歆，责编：王五）").editor == "王五"
    assert parse_field_credits("（编译：吉舒歆，图片：网络）") is None
