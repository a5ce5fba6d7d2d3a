"""Failure classes found on the fifteenth first-contact batch (scored blind:
`bench/extraction/firstcontact-2026-12-07j.md`).

1. Publish-time fields inside a script's array of other stories (`relatedList = [{…
   "pubDate":"2024-11-23 21:28" …}]`) do not date the page (yicai: the visible
   `新浪娱乐•2013-04-16 11:19` does).
2. An editor's credit set as a heading (`<h3><span>责编：群硕系统</span></h3>`) is a credit
   (the value kept as printed, as desk codes are), never a subhead.
3. A four-character pen name alone after a writer's label (`作者：山鲁佐德`) is the writer;
   a value that says how the story was made (`作者：网络整理`) is not.
4. A list of news and picture sources (`新闻及图片来源：纽约时报、NPR、…`) is a source credit.
5. A short label printed in the same element as the picture before it (`<p><img …><span
   class="info">科勒</span></p>`) is its caption; a sentence there stays text.
6. A bare number closing the text (a like counter, `<span>3</span>`) is no paragraph.
7. (left at the merge, fixed the next session) A box the markup names a summary (`<div
   class="desc">`) that prints exactly the page's `<meta name="description">` above the
   text's paragraphs is the summary, not the first paragraph (三联生活周刊).
"""

from __future__ import annotations

import pytest
from synthetic import PARAGRAPH, STORY, only_article, page, text_of, writers
from zhnews.parse.bylines import parse_credit_line

HEAD = "<title>防暑补贴全部发放到位</title>"
H1 = "<h1>防暑补贴全部发放到位</h1>"


def test_dates_of_a_scripts_related_list_do_not_date_the_page():
    related = ",".join(
        f'{{"title":"另一条新闻{i}","pubDate":"2024-11-23 21:2{i}","url":"/news/{i}.html"}}'
        for i in range(5)
    )
    html = page(
        f"{HEAD}<script>var aid = '1'; relatedList = [{related}];</script>",
        f"{H1}<h3 class='f-cb'>新浪娱乐<i>•</i><em>2013-04-16 11:19</em></h3>{STORY}",
    )
    assert str(only_article(html).published_at.date()) == "2013-04-16"


def test_a_pub_date_outside_any_list_still_dates_the_page():
    html = page(
        f'{HEAD}<script>var page = {{"pubDate":"2019-09-07 19:02"}};</script>',
        f"{H1}{STORY}",
    )
    assert str(only_article(html).published_at.date()) == "2019-09-07"


def test_an_editor_credit_set_as_a_heading_is_a_credit():
    html = page(HEAD, f"{H1}<h3 class='f-flex'><span>责编：群硕系统</span></h3>{STORY}")
    article = only_article(html)
    assert article.editor == "群硕系统"
    assert not any("责编" in t for t in text_of(article))


@pytest.mark.parametrize(
    ("line", "names"), [("作者：山鲁佐德", ["山鲁佐德"]), ("作者：网络整理", None)]
)
def test_a_four_character_pen_name_after_a_writers_label(line, names):
    byline = parse_credit_line(line)
    assert (byline and [a.name for a in byline.authors] or None) == names


def test_a_pen_name_in_a_grey_credit_block_is_the_writer():
    block = (
        "<p><span style='color: rgb(127, 127, 127)'>作者：山鲁佐德</span><br>"
        "<span style='color: rgb(127, 127, 127)'>编辑：柳青</span><br>"
        "<span style='color: rgb(127, 127, 127)'>责任编辑：李婷</span></p>"
    )
    article = only_article(page(HEAD, f"{H1}{STORY}{block}"))
    assert writers(article) == ["山鲁佐德"]
    assert article.editor == "李婷"
    assert len(text_of(article)) == 4


def test_a_list_of_news_and_picture_sources_is_no_text():
    line = "新闻及图片来源：纽约时报、NPR、NBC、BBC、新闻周刊，部分图片来自网络"
    article = only_article(page(HEAD, f"{H1}{STORY}<p><strong>{line}</strong></p>"))
    assert line not in text_of(article)


def test_a_label_beside_its_picture_is_its_caption():
    html = page(
        HEAD,
        f"{H1}{PARAGRAPH.format(i=1)}<p><img src='a.jpg'><span class='info'>科勒</span></p>"
        + "".join(PARAGRAPH.format(i=i) for i in range(2, 5)),
    )
    article = only_article(html)
    assert "科勒" not in text_of(article)
    assert len(text_of(article)) == 4


def test_a_sentence_beside_a_picture_stays_text():
    line = "震中地形：震中5公里范围内平均海拔约1805米。"
    html = page(HEAD, f"{H1}{PARAGRAPH.format(i=1)}<p><img src='a.jpg'>{line}</p>{STORY}")
    assert line in text_of(only_article(html))


def test_a_bare_number_closing_the_text_is_a_counter():
    like = "<div class='like'><span>3</span><a href='javascript:void(0);' title='喜欢'></a></div>"
    article = only_article(page(HEAD, f"{H1}{STORY}{like}"))
    assert text_of(article)[-1].startswith("第4段")


def test_the_like_counter_under_a_magazine_page_is_no_paragraph():
    from pathlib import Path

    from zhnews.decode import decode_bytes
    from zhnews.parse import parse_document

    path = (
        Path(__file__).resolve().parents[1]
        / "bench/extraction/docs/lifeweek/webpagearchive-lifeweek-33367.html"
    )
    text, _ = decode_bytes(path.read_bytes())
    article = parse_document(text, str(path)).articles[0]
    assert text_of(article)[-1] != "3"


DESCRIPTION = (
    "廖一梅说她写戏的动机，都来自自己成长过程中遇到问题的追问，这一次对自己的追问更深了一步。"
)
DESCRIBED_HEAD = f'{HEAD}<meta name="description" content="{DESCRIPTION}">'


def test_a_summary_box_printing_the_pages_description_is_the_summary():
    html = page(
        DESCRIBED_HEAD, f"<article>{H1}<div class='desc'>{DESCRIPTION}</div>{STORY}</article>"
    )
    article = only_article(html)
    assert DESCRIPTION not in text_of(article)
    assert text_of(article)[0].startswith("第1段")
    assert article.summary == DESCRIPTION


def test_a_description_box_that_is_the_pages_only_text_stays_text():
    # a video page: the one paragraph under the player is its description
    html = page(DESCRIBED_HEAD, f"<div>{H1}<p class='header_desc__x1'>{DESCRIPTION}</p></div>")
    assert text_of(only_article(html)) == [DESCRIPTION]


def test_a_lead_the_description_repeats_without_a_summary_marker_stays_text():
    html = page(
        DESCRIBED_HEAD, f"<article>{H1}<div id='upper'><p>{DESCRIPTION}</p></div>{STORY}</article>"
    )
    assert text_of(only_article(html))[0] == DESCRIPTION
