"""Failure classes of round z (2013-2014 Taiwanese and Hong Kong desktop pages: a story left
inside an unclosed share box, teaser boxes, TV crew credits, stamps inside the headline,
<pre> text, section labels, site-first <title>s, year-last dates, post lines), seen on
dev-set documents; each test is a small synthetic document written for the class, with
made-up names and text."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from synthetic import page, text_of, writers
from zhnews.parse import parse_document
from zhnews.parse.blocks import html_document_title
from zhnews.parse.bylines import parse_newsroom_credit, split_trailing_credit
from zhnews.parse.meta import find_dates

_LINES = [
    "本市今年夏季持續高溫，有關部門近日下發通知，要求各用人單位按時足額發放防暑補貼，並加強保護。",
    "據了解，今年以來全市已有上百家企業調整了作息時間，將戶外作業安排在清晨和傍晚進行，避開高溫。",
    "勞動部門表示，將對補貼發放情況開展專項檢查，對拒不發放的單位依法處理，保障勞動者的權益。",
    "不少市民也表示，高溫天氣裡要注意防暑降溫，儘量減少午間外出，並及時補充水分，注意休息。",
]
_STORY = "".join(f"<p>{line}</p>" for line in _LINES)


def test_a_story_inside_a_share_box_the_markup_never_closed_is_kept() -> None:
    text = "<br>".join(_LINES)
    share = (
        "<div class='share'><div class='icons'><a href='#'>Facebook</a> <a href='#'>Plurk</a>"
        f"</div><br><p><div></div><span id='content'>{text}</span></p></div>"
    )
    doc = page("<title>高溫補貼</title>", f"<h1>高溫補貼</h1>{share}")
    body = text_of(parse_document(doc, "page.html").articles[0])
    assert body == _LINES
    # a share box holding only its links still goes
    doc = page(
        "<title>高溫補貼</title>", f"<h1>高溫補貼</h1>{_STORY}<div class='share'>分享到臉書</div>"
    )
    assert "分享到臉書" not in text_of(parse_document(doc, "page.html").articles[0])


def test_a_lead_trailing_off_into_a_more_link_is_a_teaser_not_text() -> None:
    teaser = (
        "<div class='box'><span>其它新聞</span>"
        + "".join(
            f"<div><a href='/n/{i}'>另一則新聞標題{i}</a><span>颱風逐漸接近，氣象局今晚可能發布陸上警報，"
            f"提醒民眾做好防颱準備...</span><a href='/n/{i}'>更多</a></div>"
            for i in range(4)
        )
        + "</div>"
    )
    doc = page("<title>高溫補貼</title>", f"<h1>高溫補貼</h1>{_STORY}{teaser}")
    body = text_of(parse_document(doc, "page.html").articles[0])
    assert body == _LINES


def test_a_tv_newsrooms_closing_credit_names_the_crew() -> None:
    text, byline = split_trailing_credit("這是結尾的一句話。（民視新聞王小明、李大同台北報導）")
    assert text == "這是結尾的一句話。"
    assert [a.name for a in byline.authors] == ["王小明", "李大同"]
    last = _LINES[-1] + "（華視新聞陳美玲、張志強高雄報導）"
    doc = page("<title>高溫補貼</title>", "<h1>高溫補貼</h1>" + "<br>".join([*_LINES[:-1], last]))
    article = parse_document(doc, "page.html").articles[0]
    assert writers(article) == ["陳美玲", "張志強"]
    assert text_of(article)[-1] == _LINES[-1]
    # a bracketed newsroom name alone credits nobody
    assert parse_newsroom_credit("（民視新聞）") is None


def test_a_time_stamp_inside_the_headline_element_is_not_part_of_the_title() -> None:
    head = "<h4>高溫補貼今起發放<span class='time'>　2014-12-08 06:49</span></h4>"
    doc = page("<title>新聞 - 高溫補貼今起發放 - 示例台</title>", head + _STORY)
    article = parse_document(doc, "page.html").articles[0]
    assert article.title == "高溫補貼今起發放"
    assert article.published_at.date().isoformat() == "2014-12-08"


def test_blank_lines_in_a_pre_block_end_paragraphs() -> None:
    pre = "<pre>" + "\n\n".join(_LINES) + "\n  \n</pre>"
    doc = page("<title>高溫補貼</title>", f"<h1>高溫補貼</h1>{pre}")
    assert text_of(parse_document(doc, "page.html").articles[0]) == _LINES


def test_a_bracketed_section_after_the_printed_headline_is_not_part_of_the_title() -> None:
    head = "<div>高溫補貼今起發放 (港聞)<br><span>2014-12-17 (16:31)</span></div>"
    doc = page("<title>高溫補貼今起發放 - 示例日報網頁</title>", head + _STORY)
    assert parse_document(doc, "page.html").articles[0].title == "高溫補貼今起發放"
    # a bracket the page's <title> prints too, or a one-character part number, is the headline's
    doc = page(
        "<title>高溫補貼今起發放 (港聞)</title>", "<h1>高溫補貼今起發放 (港聞)</h1>" + _STORY
    )
    assert parse_document(doc, "page.html").articles[0].title == "高溫補貼今起發放 (港聞)"
    doc = page(
        "<title>高溫補貼今起發放 - 示例網</title>", "<h1>高溫補貼今起發放 (上)</h1>" + _STORY
    )
    assert parse_document(doc, "page.html").articles[0].title == "高溫補貼今起發放 (上)"


def test_a_title_opening_with_the_site_name_names_the_headline_second() -> None:
    title = "示例時報 | 市府：高溫補貼今起發放，為期三個月 | 編輯部 | 新聞"
    assert html_document_title(f"<title>{title}</title>") == "市府：高溫補貼今起發放，為期三個月"
    # two pieces only: the site's name, as before
    assert html_document_title("<title>人民网 | 某某报道称，经济增长</title>") == "人民网"


def test_a_year_last_date_is_read_when_the_day_order_is_certain() -> None:
    tz = ZoneInfo("Asia/Shanghai")
    days = [m.stamp.date().isoformat() for m in find_dates("@ 11-22-2014 / 今日", tz)]
    assert days == ["2014-11-22"]
    days = [m.stamp.date().isoformat() for m in find_dates("22/11/2014", tz)]
    assert days == ["2014-11-22"]
    assert list(find_dates("05-06-2014", tz)) == []  # May 6 or 5 June: left unread


def test_a_post_line_with_desk_date_and_age_is_page_metadata() -> None:
    line = "<div>- <a href='/author/x'>示例編輯部</a> <span>@ 11-22-2014 / 今日</span></div>"
    doc = page("<title>高溫補貼</title>", f"<h1>高溫補貼</h1>{line}{_STORY}")
    article = parse_document(doc, "page.html").articles[0]
    assert text_of(article) == _LINES
    assert article.published_at.date().isoformat() == "2014-11-22"


def test_letter_spaced_text_is_read_without_the_spaces() -> None:
    def spaced(text: str) -> str:
        return " ".join(text)

    title = "市府宣布高溫補貼今起發放"
    body = "".join(f"<p>{spaced(line)}</p>" for line in _LINES)
    doc = page(f"<title> {spaced(title)} </title>", f"<b>{spaced(title)}</b>{body}")
    article = parse_document(doc, "page.html").articles[0]
    assert article.title == title
    assert text_of(article) == _LINES
    # a few spaces beside CJK words in ordinary text stay
    doc = page(
        "<title>高溫補貼</title>",
        "<h1>高溫補貼</h1><p>台積電 TSMC 今天宣布，新廠 動工。</p>" + _STORY,
    )
    assert "台積電 TSMC 今天宣布，新廠 動工。" in text_of(
        parse_document(doc, "page.html").articles[0]
    )


def test_a_closing_initials_tag_is_neither_text_nor_a_writer() -> None:
    text, byline = split_trailing_credit("每股平均價113.18元，持股達1.23%。(rw)")
    assert text == "每股平均價113.18元，持股達1.23%。" and byline.authors == []
    last = _LINES[-1] + "(jl)"
    doc = page("<title>高溫補貼</title>", "<h1>高溫補貼</h1>" + "<br>".join([*_LINES[:-1], last]))
    article = parse_document(doc, "page.html").articles[0]
    assert text_of(article) == _LINES and writers(article) == []
    # an agency's capitals are not initials
    assert split_trailing_credit("這是結尾的一句話。(AFP)") is None
