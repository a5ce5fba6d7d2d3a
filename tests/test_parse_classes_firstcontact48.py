"""Failure classes found on the forty-eighth first-contact batch (scored blind:
`bench/extraction/firstcontact-2026-12-08b.md`; 狮城新闻, 天维网, 加拿大时讯, 民報, 時代論壇,
深圳新闻网).

1. A day spelled by the page's address (`/2023-03-29/451617.shtml`) that ties with a printed
   stamp that has its time (`日期:2023-03-30 08:45`) loses to the stamp: the address says
   when the page was made, the stamp when it was published.
2. A day printed with the story earlier than the only later day, the page markup's
   (`2021年02月16日` under the headline, `article:published_time` 2022-10-21): the markup's
   stamp is a later save of the page, since no story is printed before it is published. The
   markup's own clock printed in another zone (`2024.12.23 20:32` for `20:32:47+00:00`) is
   the same stamp, and the markup's day stays.
3. A read-aloud button's label (`人工智能朗读：`) is not text.
4. An e-mail address on a line with its label and nothing else (`邮箱：news@skykiwi.com`) is
   a contact box's line, not text.
5. A caption under a picture that closes on a Latin credit (`…被泼洒了番茄汁。Photo / 1News`)
   is a caption.
6. `资料来源：` over the numbered list of what a piece drew on, closing its text, is a list
   of references, not text.
7. A doubled dash closing a headline's first line (`伦理与法律之间的平衡－－<br>认同为…`) runs
   on into the second: it is neither a site-name separator in the <title> nor a trailing
   ornament, and the two lines are one title joined at the dash.
8. A bare name before the stamp with its own label on the row under the headline
   (`Daisy最后更新：2024-06-20 10:26:16`) is the writer; an outlet or a place there is not.
9. A writer's credit with the time it was posted on one line (`文／詹婉如 2018-08-12 17:39`)
   is the byline (and the stamp); a bare word before a stamp (`最新 2018-08-12`) is not.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from synthetic import STORY, only_article, page, text_of, writers
from zhnews.parse.bylines import parse_byline_line
from zhnews.parse.dates import WEIGHTS, Evidence, vote
from zhnews.parse.debris import debris_reason

TZ = ZoneInfo("Asia/Shanghai")
LINES = [p.split(">", 1)[1] for p in STORY.split("</p>") if p]
TITLE = "向反跨性别活动家泼番茄汁，一抗议者或被逮捕！"


def _ev(stamp: datetime, source: str, group: str, has_time: bool = False) -> Evidence:
    return Evidence(stamp, source, WEIGHTS[source], group, has_time)


def test_a_printed_stamp_with_its_time_beats_the_address_day_it_ties_with():
    found = vote(
        [
            _ev(datetime(2023, 3, 29, tzinfo=TZ), "url", "url"),
            _ev(datetime(2023, 3, 30, 8, 45, tzinfo=TZ), "visible", "visible", has_time=True),
        ],
        TZ,
    )
    assert found is not None and found.stamp.date().isoformat() == "2023-03-30"


def test_a_day_printed_before_the_markups_day_is_the_publication_day():
    saved = datetime(2022, 10, 21, 6, 37, 9, tzinfo=TZ)
    found = vote(
        [
            _ev(saved, "json_ld", "markup", has_time=True),
            _ev(saved, "meta", "markup", has_time=True),
            _ev(datetime(2021, 2, 16, tzinfo=TZ), "visible", "visible"),
        ],
        TZ,
    )
    assert found is not None and found.source == "visible"
    assert found.stamp.date().isoformat() == "2021-02-16"


def test_the_markups_clock_printed_in_another_zone_keeps_the_markups_day():
    utc = datetime(2024, 12, 23, 20, 32, 47, tzinfo=timezone(timedelta(0)))
    found = vote(
        [
            _ev(utc, "meta", "markup", has_time=True),
            _ev(datetime(2024, 12, 23, 20, 32, tzinfo=TZ), "visible", "visible", has_time=True),
        ],
        TZ,
    )
    assert found is not None and found.stamp.astimezone(TZ).date().isoformat() == "2024-12-24"


def test_a_read_aloud_label_is_not_text():
    html = page(
        f"<title>{TITLE}</title>",
        f"<h1>{TITLE}</h1><div><p>人工智能朗读：<img src='/speak.png'></p>{STORY}</div>",
    )
    assert text_of(only_article(html)) == LINES


def test_a_labelled_mail_address_alone_is_not_text():
    assert debris_reason("邮箱：news@skykiwi.com") == "address"
    assert debris_reason("读者可来信至邮箱：news@skykiwi.com，我们会尽快回复。") is None


def test_a_caption_closing_on_a_latin_photo_credit_is_a_caption():
    caption = "周六，Posie Parker在奥克兰的Albert Park被泼洒了番茄汁。Photo / 1News"
    first = "".join(f"<p>{line}</p>" for line in LINES[:2])
    rest = "".join(f"<p>{line}</p>" for line in LINES[2:])
    html = page(
        f"<title>{TITLE}</title>",
        f"<h1>{TITLE}</h1><div>{first}<p><img src='/a.png'><span><em>{caption}</em></span></p>"
        f"{rest}</div>",
    )
    assert text_of(only_article(html)) == LINES


def test_a_closing_numbered_list_of_sources_is_no_text():
    sources = "".join(f"<p>{i}. 联合早报：新加坡第{i}篇相关报道的标题</p>" for i in range(1, 7))
    html = page(
        f"<title>{TITLE}</title>",
        f"<h1>{TITLE}</h1><div>{STORY}<p>资料来源：</p>{sources}</div>",
    )
    assert text_of(only_article(html)) == LINES


def test_a_headline_whose_first_line_ends_in_a_doubled_dash_is_one_title():
    title = "伦理与法律之间的平衡－－认同为变性人订立明确的性别身份"
    html = page(
        f"<title>{title}</title>",
        "<h5>时代讲场文章（至2017年2月14日）</h5>"
        "<h3>伦理与法律之间的平衡－－<br>认同为变性人订立明确的性别身份</h3>"
        f"<div>{STORY}</div>",
    )
    article = only_article(html)
    assert article.title == title
    assert text_of(article) == LINES


def test_a_bare_name_before_a_labelled_stamp_is_the_writer():
    html = page(
        f"<title>{TITLE}</title>",
        f"<div><h1>{TITLE}</h1><p>Daisy<span>最后更新：2024-06-20 10:26:16</span></p></div>"
        f"<div>{STORY}</div>",
    )
    article = only_article(html)
    assert writers(article) == ["Daisy"]
    assert text_of(article) == LINES


def test_an_outlet_or_a_place_before_a_labelled_stamp_is_no_writer():
    assert parse_byline_line("新华社 发布时间：2024-06-20") is None
    assert parse_byline_line("北京 发布时间：2024-06-20") is None


def test_a_credit_with_its_posting_time_is_the_byline():
    html = page(
        f"<title>{TITLE}</title>",
        f"<h1>{TITLE}</h1><div><span>文／詹婉如</span>&nbsp;<span>2018-08-12 17:39</span></div>"
        f"<div>{STORY}</div>",
    )
    article = only_article(html)
    assert writers(article) == ["詹婉如"]
    assert article.published_at is not None and article.published_at.day == 12


def test_a_bare_word_before_a_stamp_is_no_byline():
    assert parse_byline_line("最新 2018-08-12 17:39") is None
