"""Failure classes found on the thirty-eighth first-contact batch (scored blind:
`bench/extraction/firstcontact-2026-12-07ag.md`; 8视界 8world of Mediacorp Singapore, 焦點時報).

1. A headline printed twice, first by a header bar or a text-to-speech player over its own
   message (`UH-OH! 难免有故障。请稍后再试。`), then by the article over its dated header and
   text: the later copy is the story, not "the next post" the page loads under the first.
   A page whose first story really is followed by another post keeps the first story.
2. A labelled post age (`更新 : 44分钟前`, `发布于 3小时前`) beside the stamp is page furniture,
   not text.
"""

from __future__ import annotations

from synthetic import STORY, only_article, page, text_of
from zhnews.parse import debris

LINES = [p.split(">", 1)[1] for p in STORY.split("</p>") if p]

TITLE = "印度383对贫困新人参加集体婚礼 宾客抢薯片酿踩踏意外"


def test_the_headline_printed_again_over_the_text_is_the_story():
    player = (
        f"<header><h1>{TITLE}</h1><div class='tts'><span>UH-OH! 难免有故障。请稍后再试。</span>"
        "</div></header>"
    )
    article_html = (
        f"<article><h1>{TITLE}</h1><div class='meta'><span>发布 : 01 Dec 2025 10:56</span>"
        f"<span>更新 : 44分钟前</span></div><div class='text-long'>{STORY}</div></article>"
    )
    article = only_article(page(f"<title>{TITLE} - 8world</title>", player + article_html))
    assert article.title == TITLE
    assert text_of(article) == LINES


def test_a_next_post_under_the_story_is_still_left_out():
    first = f"<article><h1>{TITLE}</h1><div>发布 : 01 Dec 2025 10:56</div>{STORY}</article>"
    other = (
        "<article><h1>台风过境 多地停课</h1><div>发布 : 02 Dec 2025 08:00</div>"
        "<p>受台风影响，多地今日停课，交通部门提醒市民减少外出，注意出行安全。</p></article>"
    )
    article = only_article(page(f"<title>{TITLE} - 8world</title>", first + other))
    assert text_of(article) == LINES


def test_a_labelled_post_age_is_not_text():
    for line in ("更新 : 44分钟前", "发布于 3小时前", "更新於：剛剛", "更新时间：2天前"):
        assert debris.debris_reason(line) == "widget", line
    assert debris.debris_reason("更新后的系统将于3天后上线") is None
