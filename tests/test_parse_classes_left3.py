"""Failure classes the thirty-sixth and thirty-seventh first-contact batches left (dev set:
`bench/extraction/firstcontact-2026-12-07ae.md` and `-07af.md`; the dev set's leaks and the
day misses of `zhnews eval bench/extraction`).

1. A label naming the outlet's earlier coverage (`全日綜合報道：`, `周三報道：`) over the linked
   headlines of those stories, set inside a live report's lead box, is a related list; a
   label over prose (`據新華社報道：` ⏎ the quoted passage) stays text.
2. A support appeal boxed under the story (`用行動支持報導者`, lines about the newsroom, a linked
   `立即支持` button) is not text; a sentence asking for support inside the story stays.
3. An undated feed item whose opening calls a day of the month today (`今日（20日）`) is dated on
   the last such day on or before the feed was written (its `lastBuildDate`); an item that
   names no such day stays undated, and an item's own date still wins.
4. A byline that credits the outlet's desk in Latin (`Por Newsroom Infobae`, `CNA Staff`) names
   no writer and is not text; a Latin person's name in the same slot is the writer.
5. Two editor credits of the same kind (`编辑 张婷 刘亚光` in the page header's slot, `编辑/走走`
   under the text): the story's own credit under the text names its editor.
6. A section heading wrapped with `<br>` (`<h5><strong>A</strong><br><strong>B</strong></h5>`)
   is one subhead, its lines joined by a space; two headings in a row stay two.
"""

from __future__ import annotations

import html as htmllib
from datetime import date
from zoneinfo import ZoneInfo

from synthetic import PARAGRAPH, STORY, only_article, page, text_of, writers
from zhnews.parse import parse_document

LINES = [PARAGRAPH.format(i=i)[3:-4] for i in range(1, 5)]
HK = ZoneInfo("Asia/Shanghai")


def _feed(*items: str, built: str = "") -> list:
    rss = (
        "<?xml version='1.0' encoding='UTF-8'?><rss version='2.0'><channel>"
        f"<title>某報</title><link>http://example.com/</link>{built}{''.join(items)}"
        "</channel></rss>"
    )
    return parse_document(rss, "feed.rss").articles


def _item(html: str, dated: bool = True) -> str:
    date_tag = "<pubDate>Sat, 20 Apr 2024 11:30:35 +0000</pubDate>" if dated else ""
    return (
        "<item><title>防暑補貼全部發放到位</title><link>http://example.com/a</link>"
        f"{date_tag}<description>{htmllib.escape(html)}</description></item>"
    )


def _link(headline: str) -> str:
    return f"<a href='https://example.com/{len(headline)}'>{headline}</a>"


def test_coverage_labels_over_linked_headlines_are_a_related_list():
    lead = (
        f"<p>{LINES[0]}<br><br>全日綜合報道：<br>{_link('黎智英案第63日審訊｜陳梓華：黎提國際遊說')}"
        f"<br>周三報道：<br>{_link('黎智英案第62日審訊｜陳梓華確認在黎智英要求下')}</p>"
    )
    rest = "".join(PARAGRAPH.format(i=i) for i in range(2, 5))
    (article,) = _feed(_item(lead + rest))
    assert text_of(article) == LINES


def test_a_reported_label_over_prose_stays_text():
    quoted = "<p>據新華社報道：<br>當地時間周五，兩國外長在日內瓦會談，雙方同意繼續磋商。</p>"
    (article,) = _feed(_item(STORY + quoted))
    body = " ".join(text_of(article))
    assert "據新華社報道：" in body and "兩國外長在日內瓦會談" in body


APPEAL = (
    "<div class='box'><p>用行動支持報導者</p>"
    "<p>獨立的精神，是自由思想的條件。獨立的媒體，才能守護公共領域。</p>"
    "<p>你的支持能幫助《報導者》持續追蹤新聞事件的真相，邀請你加入支持方案。</p>"
    "<a href='https://support.example.com'><p>立即支持</p></a></div>"
)


def test_a_support_appeal_boxed_under_the_story_is_not_text():
    (article,) = _feed(_item(f"<div>{STORY}</div>{APPEAL}"))
    assert text_of(article) == LINES


def test_a_sentence_asking_for_support_inside_the_story_stays_text():
    ask = "<p>基金會呼籲市民踴躍捐款支持受災家庭，並公布了捐款渠道。</p>"
    (article,) = _feed(_item(STORY[: len(STORY) // 2] + ask + STORY[len(STORY) // 2 :]))
    assert "基金會呼籲市民踴躍捐款支持受災家庭，並公布了捐款渠道。" in text_of(article)


BUILT = "<lastBuildDate>Sun, 21 Apr 2024 04:10:31 +0000</lastBuildDate>"


def test_an_undated_item_that_names_today_is_dated_before_the_feed_was_written():
    opening = "<p>香港海關今日（20日）公布，今年首季共檢獲1,280公斤大麻。</p>"
    (article,) = _feed(_item(opening + STORY, dated=False), built=BUILT)
    assert article.published_at.astimezone(HK).date() == date(2024, 4, 20)
    assert article.published_at_source == "dateline"
    # a day later in the month than the build date is last month's
    later = "<p>香港海關今日（25日）公布，今年首季共檢獲1,280公斤大麻。</p>"
    (earlier,) = _feed(_item(later + STORY, dated=False), built=BUILT)
    assert earlier.published_at.astimezone(HK).date() == date(2024, 3, 25)


def test_an_undated_item_without_today_stays_undated_and_an_own_date_wins():
    event = "<p>仁安醫院周四（18日）公布，院方系統遭黑客攻擊。</p>"
    (undated,) = _feed(_item(event + STORY, dated=False), built=BUILT)
    assert undated.published_at is None
    opening = "<p>香港海關今日（19日）公布，今年首季共檢獲1,280公斤大麻。</p>"
    (own,) = _feed(_item(opening + STORY), built=BUILT)
    assert own.published_at.astimezone(HK).date() == date(2024, 4, 20)
    (unbuilt,) = _feed(_item(opening + STORY, dated=False))
    assert unbuilt.published_at is None


def _byline_page(name: str) -> str:
    byline = (
        "<div class='byline'><p class='authors-name-txt-ctn'><span>Por </span>"
        f"<span class='author-name'>{name}</span></p></div>"
    )
    return page(
        "<title>防暑補貼全部發放到位</title>", f"<h1>防暑補貼全部發放到位</h1>{byline}{STORY}"
    )


def test_a_latin_desk_credit_names_no_writer_and_is_not_text():
    article = only_article(_byline_page("Newsroom Infobae"))
    assert writers(article) == []
    assert text_of(article) == LINES
    person = only_article(_byline_page("Jane Wakefield"))
    assert writers(person) == ["Jane Wakefield"]
    assert text_of(person) == LINES


def test_the_editor_credit_under_the_text_beats_the_header_slot():
    header = "<div class='author'>新京报 编辑 张婷 刘亚光</div>"
    foot = "<p>编译/刘亚光</p><p>编辑/走走</p><p>校对/卢茜</p>"
    article = only_article(
        page(
            "<title>防暑补贴全部发放到位</title>",
            f"<h1>防暑补贴全部发放到位</h1>{header}{STORY}{foot}",
        )
    )
    assert article.editor == "走走"


def test_a_heading_wrapped_with_br_is_one_subhead():
    wrapped = (
        "<h5><strong>10 人認妨礙司法公正</strong><br><strong>較早返港 8 人已判刑</strong></h5>"
    )
    two = "<h5>喬被判囚 61 個月</h5><h5>已提上訴</h5>"
    body = PARAGRAPH.format(i=1) + wrapped + PARAGRAPH.format(i=2) + two + PARAGRAPH.format(i=3)
    (article,) = _feed(_item(body))
    subheads = [p.text for p in article.paragraphs if p.kind == "subhead"]
    assert subheads == ["10 人認妨礙司法公正 較早返港 8 人已判刑", "喬被判囚 61 個月", "已提上訴"]
