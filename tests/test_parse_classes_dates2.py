"""Date forms of Taiwanese pages written from how they print dates (no dev-set or held-out
page shows them): the Minguo (ROC) calendar in words and in numbers, 上午/下午 before the time,
週 for the weekday, and a month and day printed alone under the headline. Inputs are small
synthetic pages and strings written for these tests."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from synthetic import page, text_of
from zhnews.parse import parse_document
from zhnews.parse.meta import parse_date_text

TZ = ZoneInfo("Asia/Shanghai")
_LINES = [
    "縣府今日公布今年度道路改善計畫，將優先整修市區內多條老舊路段，預計年底前全部完工。",
    "工務處表示，施工期間將採分段封閉方式進行，並於現場設置告示牌，提醒用路人提早改道。",
]
_TITLE = "縣府公布道路改善計畫"


def _parse(meta: str):
    body = "".join(f"<p>{line}</p>" for line in _LINES)
    doc = page(f"<title>{_TITLE}</title>", f"<div class='news'><h1>{_TITLE}</h1>{meta}{body}</div>")
    return parse_document(doc, "page.html").articles[0]


# --- 1. the Minguo calendar: year 1 is 1912 ----------------------------------------------


def test_minguo_dates_in_words_and_numbers_are_read_as_gregorian_days():
    assert parse_date_text("中華民國103年05月02日", TZ) == datetime(2014, 5, 2, tzinfo=TZ)
    assert parse_date_text("民國103年5月2日", TZ) == datetime(2014, 5, 2, tzinfo=TZ)
    assert parse_date_text("103/05/02 10:30", TZ) == datetime(2014, 5, 2, 10, 30, tzinfo=TZ)
    assert parse_date_text("103.05.02", TZ) == datetime(2014, 5, 2, tzinfo=TZ)
    # numbers that only look like it are not dates
    assert parse_date_text("比分103/05/021", TZ) is None
    assert parse_date_text("第99/05/02號", TZ) is None
    article = _parse("<div class='date'>中華民國103年05月02日</div>")
    assert article.published_at.date().isoformat() == "2014-05-02"
    assert text_of(article) == _LINES


# --- 2. 上午/下午 before the time, 週 for the weekday ---------------------------------------


def test_afternoon_times_are_read_on_a_24_hour_clock():
    assert parse_date_text("2014年5月2日 下午 3:30", TZ) == datetime(2014, 5, 2, 15, 30, tzinfo=TZ)
    assert parse_date_text("2014年5月2日(週五) 上午10:30", TZ) == datetime(
        2014, 5, 2, 10, 30, tzinfo=TZ
    )
    assert parse_date_text("2014年5月2日 晚上 11:05", TZ) == datetime(2014, 5, 2, 23, 5, tzinfo=TZ)


# --- 3. a month and day alone (a <time> element's text) is a stamp, not text -------------


def test_a_yearless_day_printed_alone_above_the_text_is_not_a_paragraph():
    article = _parse("<time datetime='2014-05-02T02:30:00Z'>5月2日</time>")
    assert text_of(article) == _LINES
    article = _parse("<div class='date'>5月2日 10:30</div>")
    assert text_of(article) == _LINES
    # inside the text the same line heads a list of that day's events and stays
    lines = [_LINES[0], "5月19日", _LINES[1]]
    body = "".join(f"<p>{line}</p>" for line in lines)
    doc = page(f"<title>{_TITLE}</title>", f"<div class='news'><h1>{_TITLE}</h1>{body}</div>")
    assert text_of(parse_document(doc, "page.html").articles[0]) == lines


# --- 4. a story id in the page's address that opens with its day --------------------------


def test_a_story_id_opening_with_its_day_in_the_address_dates_the_page():
    from zhnews.parse.dates import url_evidence

    days = [
        e.stamp.date().isoformat() for e in url_evidence("http://x.tw/n/201311130012-1.aspx", TZ)
    ]
    assert days == ["2013-11-13"]
    assert url_evidence("http://x.tw/n/20131113001234567", TZ) == []  # a long serial: no day
    canonical = "<link rel='canonical' href='http://www.example.com.tw/news/20131113000123-260102'>"
    body = "".join(f"<p>{line}</p>" for line in _LINES)
    doc = page(
        f"<title>{_TITLE}</title>{canonical}", f"<div class='news'><h1>{_TITLE}</h1>{body}</div>"
    )
    article = parse_document(doc, "page.html").articles[0]
    assert article.published_at.date().isoformat() == "2013-11-13"
