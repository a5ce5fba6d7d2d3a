"""Failure classes found on the seventeenth and eighteenth first-contact batches (scored blind:
`bench/extraction/firstcontact-2026-12-07l.md` and `-07m.md`).

1. A heading right under a picture that says where the picture comes from (`<h5>来自Garn
   Press</h5>`) is its caption, never the headline (jiemodui: it was the title).
2. The site's numbered note that it reposts the story (`1、本文是 芥末堆网转载文章，原文：…`) is a
   disclaimer; a sentence about reposting stays.
3. A header row of the site's address, the day and a portal's channel (`www.sinoca.com
   2013-10-07 新浪图片`) is metadata.
4. A header row of the stamp, the outlet, a credit and the page's counters (`2019-10-25 18:19:01
   今日华闻 综合编译 刘雅静 1965 0`) names the writer.
5. A value printed URL-encoded (`来源：%E4%BF%A1%E9%98%B3…`) is read decoded.
6. One long paragraph holding most of a short text is no container of its own: the closing
   line after it in the same element stays (`<div><p>…</p><p>FM104.5今日16：45…播出。</p>`).
7. A `<base href>` with a dated path (`…/article/2010-05-26/384576`) is the page's address.
8. A related-links header with an arrow (`相关新闻↓`) is a related-links header.
"""

from __future__ import annotations

import pytest
from synthetic import PARAGRAPH, STORY, only_article, page, text_of, writers
from zhnews.parse.debris import debris_reason, related_header

HEAD = "<title>防暑补贴全部发放到位</title>"
H1 = "<h1>防暑补贴全部发放到位</h1>"


def test_a_picture_source_heading_is_a_caption_not_the_title():
    html = page(
        "<title>某某网</title>",
        f"<h1>防暑补贴全部发放到位</h1>{PARAGRAPH.format(i=1)}<p><img src='a.jpg'></p>"
        "<h5>来自Garn Press</h5>" + "".join(PARAGRAPH.format(i=i) for i in range(2, 5)),
    )
    article = only_article(html)
    assert article.title == "防暑补贴全部发放到位"
    assert "来自Garn Press" not in text_of(article)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("1、本文是 芥末堆网转载文章，原文：C计划；", "disclaimer"),
        ("本文是一篇关于转载的文章。", None),
    ],
)
def test_a_numbered_repost_note_is_a_disclaimer(line, reason):
    assert debris_reason(line) == reason


def test_a_row_of_address_day_and_channel_is_metadata():
    article = only_article(page(HEAD, f"{H1}<p>www.sinoca.com 2013-10-07 新浪图片</p>{STORY}"))
    assert len(text_of(article)) == 4
    assert str(article.published_at.date()) == "2013-10-07"


def test_a_row_of_stamp_outlet_credit_and_counters_names_the_writer():
    row = "<p>2019-10-25 18:19:01 今日华闻 综合编译 刘雅静 <span>1965</span> <span>0</span></p>"
    article = only_article(page(HEAD, f"{H1}{row}{STORY}"))
    assert writers(article) == ["刘雅静"]
    assert len(text_of(article)) == 4


def test_a_url_encoded_value_is_read_decoded():
    row = "<p>2016-01-29 来源：%E4%BF%A1%E9%98%B3%E6%96%B0%E9%97%BB%E7%BD%91</p>"
    article = only_article(page(HEAD, f"{H1}{row}{STORY}"))
    assert len(text_of(article)) == 4
    assert article.publisher == "信阳新闻网"


def test_a_short_closing_line_after_a_long_paragraph_stays():
    lead = (
        "FM104.5女主播电台《你是女主播》12强厮杀火热进行中，惊爆网路红人伪娘强势踢馆。今晚节目将现场直播，"
        "伪娘将与三位麻辣女主播同台竞技，比拼口才与才艺，现场还有多位嘉宾点评，听众可以通过短信参与互动投票，"
        "为自己喜爱的选手加油助威，节目组表示本场比赛结果将决定最终晋级名单。"
    )
    closing = "FM104.5今日16：45《你是女主播》播出。"
    html = page(
        "<title>伪娘踢馆，挑战麻辣女主播</title>",
        "<h1>伪娘踢馆，挑战麻辣女主播</h1><div class='i-content'><div class='main-content'>"
        f"<p>{lead}</p><p>{closing}</p></div></div><div class='footer'><p>版权所有 某某报社</p></div>",
    )
    assert text_of(only_article(html)) == [lead, closing]


def test_a_base_href_with_a_dated_path_dates_the_page():
    html = page(
        HEAD, f"{H1}{STORY}<base href='https://act.example.cn/epaper/article/2010-05-26/384576'>"
    )
    assert str(only_article(html).published_at.date()) == "2010-05-26"


def test_a_related_header_with_an_arrow():
    assert related_header("相关新闻↓") == ""


def test_a_submitted_line_linking_the_writers_user_page_names_the_writer():
    """helanonline (left when the batch was merged): `<div class="submitted"><span
    class="date">2016-01-15</span> <a href="/users/朱静姝" class="username">朱静姝</a></div>`
    under the headline: a link to the site's page of a user who wrote the story (Drupal's
    `/users/<name>`) marks the writer, as `/author/…` does."""
    from pathlib import Path

    from zhnews.decode import decode_bytes
    from zhnews.parse import parse_document

    path = (
        Path(__file__).resolve().parents[1]
        / "bench/extraction/docs/helanonline/webpagearchive-helanonline-14731.html"
    )
    text, _ = decode_bytes(path.read_bytes())
    assert writers(parse_document(text, str(path)).articles[0]) == ["朱静姝"]


def test_a_user_link_in_a_comment_under_the_text_names_no_writer():
    comment = (
        "<div class='comments'><h3>评论</h3><div class='comment'><a href='/users/王小明'>王小明</a>"
        "<p>写得很好，支持一下。</p></div></div>"
    )
    assert writers(only_article(page(HEAD, f"{H1}{STORY}{comment}"))) == []
