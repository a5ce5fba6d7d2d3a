"""Failure class found on the fifty-second first-contact batch (scored blind:
`bench/extraction/firstcontact-2026-12-08f.md`; 法国中文网, 大华网, 風新聞).

1. Teaser cards after the text, each a linked headline, an excerpt, a picture and the
   card's source and day (`法国中文网 2024-10-26`), are a list of other stories, however long
   their excerpts: the source-and-day line stamps a card as a post age does (`3小時前`), and
   the list's last card, whose stamp the page left out, goes with the others. A story's
   paragraph is never stamped so.
2. A header row of the posting account's handle, the day and the hit counter a script fills
   in (`cnfrance2017 2018-11-07 10`) is the page's metadata, not text, and names no writer.
"""

from __future__ import annotations

from synthetic import STORY, only_article, page, text_of, writers

LINES = [p.split(">", 1)[1] for p in STORY.split("</p>") if p]
TITLE = "在法国“易性癖”不是精神疾病"
EXCERPTS = [
    "自11月1日起，法国法定最低工资将再次上调2%，月薪将突破1800欧元大关，这一上涨的法令已经发布。",
    "在巴黎圣母院即将重新开放之际，法国文化部长提议对其收取5欧元的入场费，但这一建议引发争议。",
    "法国总统党将在11月的党代会上选出新任领导人，现已形成两位前总理争夺领袖之位的局面。",
    "为应对不断扩大的财政赤字，法国政府正考虑将在线赌场合法化并对其征税，财政部长已作说明。",
]


def _card(i: int, excerpt: str, stamped: bool = True) -> str:
    stamp = f"<p>法国中文网 2024-10-2{i}</p>" if stamped else ""
    return (
        f"<div><p><a href='/news/{i}.html'>法国新闻第{i}则的标题</a></p><p>{excerpt}</p>"
        f"<img src='/c{i}.jpg'>{stamp}</div>"
    )


def test_teaser_cards_stamped_with_their_source_and_day_are_no_text():
    cards = "".join(_card(i, e) for i, e in enumerate(EXCERPTS[:-1]))
    cards += _card(len(EXCERPTS) - 1, EXCERPTS[-1], stamped=False)
    html = page(
        f"<title>{TITLE}</title>",
        f"<h1>{TITLE}</h1><div>{STORY}</div><div>{cards}</div><p>最新文章：</p>",
    )
    assert text_of(only_article(html)) == LINES


def test_a_handle_day_and_hit_counter_row_is_metadata():
    html = page(
        f"<title>{TITLE}</title>",
        f"<div><h1>{TITLE}</h1></div><div><span><a href=''>cnfrance2017</a> <span>2018-11-07</span>"
        f' <span><span>10</span>"</span></span></div><div>{STORY}</div>',
    )
    article = only_article(html)
    assert text_of(article) == LINES
    assert writers(article) == []
    assert article.published_at is not None and article.published_at.day == 7
