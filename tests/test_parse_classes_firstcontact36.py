"""Failure classes found on the thirty-sixth and thirty-seventh first-contact batches (scored
blind: `bench/extraction/firstcontact-2026-12-07ae.md`; full-text RSS feeds of 香港獨立媒體,
報導者, 法庭線 and Channel C HK, written through morss by a GitHub workflow).

1. A feed item's full-text field (`content:encoded`) is its text when it holds about as much
   as the description: a description that carries the site's field furniture around the
   same text (Drupal's `內容:` / `自由標籤:` taxonomy rows) is not the better copy.
2. A picture on a line of its own at the head of its paragraph, one line under it and nothing
   else in the paragraph (`<p><a><img></a><br><em>曾小姐</em></p>`), is captioned by that
   line; a sentence set right after the picture in its line stays text.
3. An author field that is a desk's report label (`獨媒報導`, `綜合報導`) names no writer.
4. A feed whose every item's creator is the outlet itself (`The Witness` in the feed
   `法庭線 The Witness`) names no writer.
5. The pop-up note of a glossary term (block content inside an `<abbr>`) is not text, and the
   sentence the term stands in stays one paragraph.
6. A related-coverage label in Hong Kong's spelling (`相關報道：`), a `載入更多文章` button and a
   line stating the text's licence (`本文依 CC 創用…授權條款釋出`) are not text.
"""

from __future__ import annotations

import html as htmllib

from synthetic import PARAGRAPH, STORY, text_of, writers
from zhnews.parse import parse_document

LINES = [PARAGRAPH.format(i=i)[3:-4] for i in range(1, 5)]


def _feed(*items: str, channel: str = "某報", namespaces: str = "") -> list:
    rss = (
        f"<?xml version='1.0' encoding='UTF-8'?><rss version='2.0' {namespaces}><channel>"
        f"<title>{channel}</title><link>http://example.com/</link>{''.join(items)}"
        "</channel></rss>"
    )
    return parse_document(rss, "feed.rss").articles


def _item(html: str, extra: str = "", description: str | None = None) -> str:
    text = htmllib.escape(description if description is not None else html)
    return (
        "<item><title>防暑補貼全部發放到位</title><link>http://example.com/a</link>"
        f"<pubDate>Sat, 20 Apr 2024 11:30:35 +0000</pubDate>{extra}"
        f"<description>{text}</description></item>"
    )


CONTENT_NS = "xmlns:content='http://purl.org/rss/1.0/modules/content/'"
DC_NS = "xmlns:dc='http://purl.org/dc/elements/1.1/'"


def test_the_full_text_field_wins_over_a_description_with_field_furniture():
    fields = (
        "<div class='field'><div class='field-label'>內容: </div><a href='/c'>文藝</a></div>"
        "<div class='field'><div class='field-label'>自由標籤: </div><a href='/t/1'>康文署</a>"
        "<a href='/t/2'>香港流行文化節</a></div>"
    )
    encoded = f"<content:encoded>{htmllib.escape(STORY)}</content:encoded>"
    (article,) = _feed(
        _item(STORY, extra=encoded, description=fields + STORY), namespaces=CONTENT_NS
    )
    assert text_of(article) == LINES


def test_a_teaser_in_the_full_text_field_loses_to_the_description():
    encoded = f"<content:encoded>{htmllib.escape('<p>本市發放防暑補貼。</p>')}</content:encoded>"
    (article,) = _feed(_item(STORY, extra=encoded), namespaces=CONTENT_NS)
    assert text_of(article) == LINES


def _picture(line: str, br: str = "<br>") -> str:
    return f"<p><a href='https://example.com/p'><img src='https://example.com/1.jpg'></a>{br}{line}</p>"


def test_a_line_under_a_picture_alone_in_its_paragraph_is_its_caption():
    long_caption = "<em>《尋秦記》嬴政戲服（右一及右二）。嬴政成為秦始皇的「龍袍」以黑色為主，配以黃色及紅色的花紋。</em>"
    body = STORY[: len(STORY) // 2] + _picture("<em>曾小姐</em>") + _picture(long_caption)
    (article,) = _feed(_item(body))
    assert text_of(article) == LINES[:2]
    captions = [p.text for p in article.paragraphs if p.kind == "caption"]
    assert captions[0] == "曾小姐" and captions[1].startswith("《尋秦記》嬴政戲服")


def test_a_sentence_set_after_the_picture_in_its_line_stays_text():
    sentence = "震中地形：震中5公里範圍內平均海拔約1805米。"
    body = STORY[: len(STORY) // 2] + _picture(sentence, br="")
    (article,) = _feed(_item(body))
    assert text_of(article) == [*LINES[:2], sentence]


def test_a_desk_report_label_as_creator_names_no_writer():
    creator = "<dc:creator>獨媒報導</dc:creator>"
    (article,) = _feed(
        _item("<p>【獨媒報導】" + LINES[0] + "</p>", extra=creator), namespaces=DC_NS
    )
    assert writers(article) == []


def test_a_creator_with_the_role_word_still_names_the_writer():
    creator = "<dc:creator>記者王小明報導</dc:creator>"
    (article,) = _feed(_item(STORY, extra=creator), namespaces=DC_NS)
    assert writers(article) == ["王小明"]


def test_the_outlet_as_every_items_creator_names_no_writer():
    item = _item(STORY, extra="<dc:creator>The Witness</dc:creator>")
    (article,) = _feed(item, channel="法庭線 The Witness", namespaces=DC_NS)
    assert writers(article) == []
    (named,) = _feed(_item(STORY, extra="<dc:creator>陳大文</dc:creator>"), namespaces=DC_NS)
    assert writers(named) == ["陳大文"]


def test_a_writers_own_column_feed_still_names_the_writer():
    item = _item(STORY, extra="<dc:creator>李四</dc:creator>")
    (article,) = _feed(item, channel="李四专栏", namespaces=DC_NS)
    assert writers(article) == ["李四"]


def test_a_glossary_terms_pop_up_note_is_not_text():
    note = "《刑法》57條：犯罪之動機、目的；犯罪時所受之刺激；犯罪之手段。"
    paragraph = (
        "<div><span>他說法界稱之「</span><abbr title='x'><span>盤點存貨</span>"
        f"<div>{note}</div></abbr><span>」之謹密思維，具實詳予清點。</span></div>"
    )
    (article,) = _feed(_item(STORY[: len(STORY) // 2] + paragraph))
    assert text_of(article) == [*LINES[:2], "他說法界稱之「盤點存貨」之謹密思維，具實詳予清點。"]


def test_related_label_load_more_button_and_licence_line_are_not_text():
    related = (
        "<p>相關報道：<br><a href='https://example.com/b'>黎智英案第63日審訊｜陳梓華作供</a></p>"
    )
    tail = (
        "<p>本文依 CC 創用姓名標示-非商業性-禁止改作3.0台灣授權條款釋出</p><div>載入更多文章</div>"
    )
    (article,) = _feed(_item(STORY + related + tail))
    assert text_of(article) == LINES
