"""Failure classes found on Hong Kong and Taiwanese news pages of the 2010s (dev set sources
appledailyhk, wenweipo, skypost, hket, singpao, mingpao, headlinedaily): bylines, credits,
captions and headlines as those sites print them. Inputs are small synthetic pages and lines
written for these tests."""

from __future__ import annotations

import pytest
from synthetic import page, text_of, writers
from zhnews.parse import parse_document
from zhnews.parse.bylines import split_run_in

_LINES = [
    "颱風過後，多區仍有塌樹阻路，運輸署表示會盡快清理主要幹道，並呼籲市民留意最新交通消息。",
    "天文台表示，未來數日天氣仍然不穩定，間中有驟雨，市民外出時應帶備雨具，注意安全。",
    "有居民表示，屋邨附近的垃圾站已多日未有清理，希望當局盡快跟進，改善環境衞生問題。",
]
_STORY = "".join(f"<p>{line}</p>" for line in _LINES)


# --- a newsroom's news tag, then the reporters in round brackets ------------------------


@pytest.mark.parametrize(
    ("lead", "names"),
    [
        ("【文匯網訊】(香港文匯報記者 顏晉傑 文森)", ["顏晉傑", "文森"]),
        ("【本報訊】（記者 王小明）", ["王小明"]),
        ("【大公報訊】（大公報記者 李明、張強）", ["李明", "張強"]),
    ],
)
def test_a_news_tag_then_a_bracketed_reporters_credit_is_a_run_in_byline(lead, names):
    byline, rest = split_run_in(lead + _LINES[0])
    assert [a.name for a in byline.authors] == names
    assert rest == _LINES[0]


@pytest.mark.parametrize("lead", ["【独家】（記者 王小明）", "【本報訊】（圖片由讀者提供）"])
def test_a_label_or_a_bracket_naming_no_reporter_is_not_a_byline(lead):
    assert split_run_in(lead + _LINES[0]) is None


def test_a_news_tag_credit_split_over_spans_leaves_the_lead():
    lead = (
        "<p>【文匯網訊】<span>(</span><span>香港文匯報</span><span>記者 顏晉傑</span>"
        f"<span>&nbsp;文森</span><span>){_LINES[0]}</span></p>"
    )
    doc = page(
        "<title>屋邨鼠患</title>", f"<h1>屋邨鼠患</h1>{lead}<p>{_LINES[1]}</p><p>{_LINES[2]}</p>"
    )
    article = parse_document(doc, "page.html").articles[0]
    assert writers(article) == ["顏晉傑", "文森"]
    assert text_of(article) == _LINES


# --- a staff credit block under the text: 記者／編輯／美術／攝影 ----------------------------


def test_a_graphics_credit_in_the_staff_block_is_neither_text_nor_a_writer():
    credits = "".join(
        f"<p>{line}</p>"
        for line in ("記者︰王小明", "編輯：李大同", "美術：陳美玲", "攝影：張志強")
    )
    doc = page("<title>屋邨鼠患</title>", f"<h1>屋邨鼠患</h1>{_STORY}{credits}")
    article = parse_document(doc, "page.html").articles[0]
    assert text_of(article) == _LINES
    assert writers(article) == ["王小明"]
    assert article.editor == "李大同"


# --- "like our page" promotions under the text --------------------------------------------


@pytest.mark.parametrize(
    "promo", ["想生活更精明，請讚好某某Facebook", "想睇最新消息，立即 like 某某日報FB專頁！>>"]
)
def test_a_like_our_page_line_is_a_promotion_not_text(promo):
    doc = page("<title>屋邨鼠患</title>", f"<h1>屋邨鼠患</h1>{_STORY}<p>{promo}</p>")
    assert text_of(parse_document(doc, "page.html").articles[0]) == _LINES


def test_reporting_that_mentions_likes_on_a_page_stays():
    line = "她在FB專頁表示，歡迎市民點讚支持，並會繼續跟進事件。"
    doc = page("<title>屋邨鼠患</title>", f"<h1>屋邨鼠患</h1>{_STORY}<p>{line}</p>")
    assert text_of(parse_document(doc, "page.html").articles[0]) == [*_LINES, line]


# --- a photo carousel's prev/next buttons above the text --------------------------------


def test_a_carousels_prev_next_buttons_are_not_a_byline():
    carousel = (
        "<div class='slider'><img src='a.jpg'><a class='prev' href='#'><span>prev</span></a>"
        "<a class='next' href='#'><span>next</span></a></div>"
    )
    doc = page("<title>屋邨鼠患</title>", f"<h1>屋邨鼠患</h1>{carousel}{_STORY}")
    article = parse_document(doc, "page.html").articles[0]
    assert writers(article) == []
    assert text_of(article) == _LINES


# --- a two-line headline the <title> prints whole -----------------------------------------


def test_a_headline_broken_over_two_lines_is_one_title_when_the_page_title_prints_both():
    head = "<title>港府拒帶頭停工　林鄭謊言遭狂轟 「攞市民條命較飛」 | 某某日報 | 要聞港聞</title>"
    h1 = "<h1>港府拒帶頭停工　林鄭謊言遭狂轟<br/>「攞市民條命較飛」</h1>"
    article = parse_document(page(head, h1 + _STORY), "page.html").articles[0]
    assert article.title == "港府拒帶頭停工 林鄭謊言遭狂轟 「攞市民條命較飛」"
    assert text_of(article) == _LINES


def test_a_deck_under_the_headline_that_the_page_title_leaves_out_is_not_the_title():
    head = "<title>港府拒帶頭停工　林鄭謊言遭狂轟 | 某某日報</title>"
    h1 = "<h1>港府拒帶頭停工　林鄭謊言遭狂轟<br/>「攞市民條命較飛」</h1>"
    article = parse_document(page(head, h1 + _STORY), "page.html").articles[0]
    assert article.title == "港府拒帶頭停工 林鄭謊言遭狂轟"


# --- the <title> runs the headline and its deck together --------------------------------


def test_a_deck_printed_under_the_h1_is_the_subtitle_not_part_of_the_title():
    head = "<title>冷鋒來襲連凍9日 今低見17℃ 有雨兼潮濕 下周新界或9℃ - 某報 - 港聞</title>"
    heads = (
        "<div><h3 class='upper'></h3><h1 class='main'>冷鋒來襲連凍9日 今低見17℃</h1>"
        "<h3 class='lower'>有雨兼潮濕 下周新界或9℃</h3></div>"
    )
    article = parse_document(page(head, heads + _STORY), "page.html").articles[0]
    assert article.title == "冷鋒來襲連凍9日 今低見17℃"
    assert article.subtitle == "有雨兼潮濕 下周新界或9℃"
    assert text_of(article) == _LINES
    # two headings of one level are a headline printed on two lines: one title
    heads = "<div><h2>冷鋒來襲連凍9日 今低見17℃</h2><h2>有雨兼潮濕 下周新界或9℃</h2></div>"
    article = parse_document(page(head, heads + _STORY), "page.html").articles[0]
    assert article.title == "冷鋒來襲連凍9日 今低見17℃ 有雨兼潮濕 下周新界或9℃"


def test_a_headline_printed_whole_in_the_h1_keeps_its_words():
    head = "<title>冷鋒來襲連凍9日 今低見17℃ - 某報</title>"
    heads = "<h1>冷鋒來襲連凍9日 今低見17℃</h1><h3>港聞</h3>"
    article = parse_document(page(head, heads + _STORY), "page.html").articles[0]
    assert article.title == "冷鋒來襲連凍9日 今低見17℃"


# --- a finance site's footer, an excerpt note and time stamps under the text -----------------

_FINANCE_FOOTER = [
    "股票及指數資料由某某資訊有限公司提供。期貨指數資料由某某財經有限公司提供。外滙報價由某某社提供。",
    "本網站的內容概不構成任何投資意見，投資者不應只按本網站內容進行投資。資料如有錯漏而令閣下蒙受損失，"
    "本公司概不負責。",
]


def test_a_finance_sites_data_credits_and_disclaimer_are_not_text():
    footer = "".join(f"<p>{line}</p>" for line in _FINANCE_FOOTER)
    doc = page("<title>屋邨鼠患</title>", f"<h1>屋邨鼠患</h1>{_STORY}<div>{footer}</div>")
    assert text_of(parse_document(doc, "page.html").articles[0]) == _LINES


def test_reporting_on_market_data_or_liability_stays():
    lines = [
        "分析師指出，黃金報價由倫敦金銀市場協會提供，近日升至新高，投資者宜留意風險。",
        "公司表示，對事件概不負責，並會研究法律行動，追究有關人士的責任。",
    ]
    doc = page(
        "<title>屋邨鼠患</title>",
        "<h1>屋邨鼠患</h1>" + _STORY + "".join(f"<p>{x}</p>" for x in lines),
    )
    assert text_of(parse_document(doc, "page.html").articles[0]) == [*_LINES, *lines]


@pytest.mark.parametrize("note", ["（節錄）", "建立時間16:41", "更新時間：2020-08-07 17:24"])
def test_an_excerpt_note_or_a_time_stamp_under_the_text_is_not_text(note):
    doc = page("<title>屋邨鼠患</title>", f"<h1>屋邨鼠患</h1>{_STORY}<p>{note}</p>")
    assert text_of(parse_document(doc, "page.html").articles[0]) == _LINES


# --- a print-edition page that prints no date: the day its own paths spell -------------------


def _edition_page(days: list[str]) -> str:
    nav = "".join(f"<li><a href='/cnt/{s}/{d}/index.html'>{s}</a></li>" for s, d in days)
    pics = f"<img src='/cnt/news/{days[0][1]}/photo/0809-001.jpg'>"
    return page(
        "<title>屋邨鼠患 - 某某日報</title>", f"<ul>{nav}</ul><h1>屋邨鼠患</h1>{pics}{_STORY}"
    )


def test_an_undated_edition_page_takes_the_day_its_own_links_spell():
    sections = ["news", "finance", "sport", "china", "world"]
    article = parse_document(_edition_page([(s, "20200809") for s in sections]), "page.html")
    article = article.articles[0]
    assert article.published_at.date().isoformat() == "2020-08-09"
    assert article.published_at_source == "own_paths"


def test_links_of_several_days_or_too_few_name_no_issue():
    mixed = [("news", "20200809"), ("finance", "20200808"), ("sport", "20200809")] * 2
    assert parse_document(_edition_page(mixed), "page.html").articles[0].published_at is None
    few = [("news", "20200809"), ("finance", "20200809")]
    assert parse_document(_edition_page(few), "page.html").articles[0].published_at is None


# --- the writer's linked name above the headline, beside its column --------------------------


@pytest.mark.parametrize(
    "info",
    [
        "<span class='author'><a href='/s?a=1'>王小明</a></span> "
        "<span class='column'><a href='/s?c=1'>獨眼香江_疫情</a></span>",
        "<span class='author'><a href='/s?a=1'>王小明</a></span>",
    ],
)
def test_a_marked_writer_line_above_the_headline_names_the_writer(info):
    body = f"<div><p id='date'>2020年8月14日</p><p class='info'>{info}</p><h1>屋邨鼠患</h1>{_STORY}</div>"
    article = parse_document(page("<title>屋邨鼠患 - 某報</title>", body), "page.html").articles[0]
    assert article.title == "屋邨鼠患"
    assert writers(article) == ["王小明"]
    assert text_of(article) == _LINES


def test_a_marked_name_before_a_sentence_is_not_a_byline_line():
    body = (
        "<div><h1>屋邨鼠患</h1><p><span class='author'><a href='/s?a=1'>王小明</a></span>"
        f"<a href='/x'>表示，會跟進事件。</a></p>{_STORY}</div>"
    )
    article = parse_document(page("<title>屋邨鼠患 - 某報</title>", body), "page.html").articles[0]
    assert writers(article) == []


# --- a running story's label alone on the text's first line ---------------------------------


def test_a_bracketed_topic_label_over_the_lead_is_the_kicker_not_text():
    lead = f"<p>【屋邨鼠患】<br />【本報訊】{_LINES[0]}</p>"
    doc = page("<title>屋邨鼠患</title>", f"<h1>屋邨鼠患</h1>{lead}<p>{_LINES[1]}</p>")
    article = parse_document(doc, "page.html").articles[0]
    assert text_of(article) == [f"【本報訊】{_LINES[0]}", _LINES[1]]
    assert article.kicker == "【屋邨鼠患】"


@pytest.mark.parametrize("tag", ["【本報訊】", "【中央社電】", "【記者王小明／台北報導】"])
def test_a_news_tag_or_credit_alone_on_the_first_line_is_no_topic_label(tag):
    doc = page("<title>屋邨鼠患</title>", f"<h1>屋邨鼠患</h1><p>{tag}</p>{_STORY}")
    article = parse_document(doc, "page.html").articles[0]
    assert article.kicker is None


# --- a site name as <title>, the headline in a cell the markup names the title ---------------


def test_a_title_cell_names_the_headline_when_the_page_title_is_only_the_site_name():
    body = (
        "<table><tr><td class='news_title'>屋邨鼠患 居民促改善</td></tr>"
        "<tr><td class='date'>發佈日期 : 2018-08-02</td></tr></table>" + _STORY
    )
    doc = f"<html><head><title>某報 MOU PAO DAILY NEWS</title></head>{body}</html>"
    assert parse_document(doc, "page.html").articles[0].title == "屋邨鼠患 居民促改善"


def test_a_page_title_printed_in_the_page_stays_the_title():
    body = (
        "<p>屋邨鼠患</p><table><tr><td class='news_title'>其他新聞標題一則</td></tr></table>"
        + _STORY
    )
    doc = page("<title>屋邨鼠患</title>", body)
    assert parse_document(doc, "page.html").articles[0].title == "屋邨鼠患"


# --- a photo slider's captions, cut to a fixed length ----------------------------------------


def test_a_slide_caption_cut_inside_its_credit_bracket_is_a_caption():
    slide = (
        "<div><center><small>臨時行人道石躉離地，比一個硬幣還大。（讀者</small></center></div>"
        "<div><a href='a.jpg'><img src='a.jpg'></a></div>"
    )
    doc = page("<title>屋邨鼠患</title>", f"<h1>屋邨鼠患</h1>{slide}{_STORY}")
    assert text_of(parse_document(doc, "page.html").articles[0]) == _LINES


def test_a_short_line_with_a_closed_bracket_over_a_picture_stays_text():
    line = "<p>市民（包括長者）排隊等候。</p><div><img src='a.jpg'></div>"
    doc = page("<title>屋邨鼠患</title>", f"<h1>屋邨鼠患</h1>{_STORY}{line}{_STORY}")
    assert "市民（包括長者）排隊等候。" in text_of(parse_document(doc, "page.html").articles[0])


# --- a widget box's name over its "more" link ------------------------------------------------


def test_a_video_boxs_name_over_its_more_link_is_not_text():
    box = (
        "<div class='video'><div id='more'><div class='title'>某網電視</div>"
        "<a class='btnMore' href='https://tv.example'>更多新聞短片</a></div></div>"
    )
    doc = page("<title>屋邨鼠患</title>", f"<h1>屋邨鼠患</h1>{box}{_STORY}")
    assert text_of(parse_document(doc, "page.html").articles[0]) == _LINES


def test_a_subhead_before_a_more_link_outside_its_element_stays():
    more = "<div><a href='/more'>更多新聞</a></div>"
    lines = "".join(f"<p>{line}</p>" for line in _LINES[1:])
    body = f"<h1>屋邨鼠患</h1><p>{_LINES[0]}</p><p><b>居民不滿</b></p>{more}{lines}"
    doc = page("<title>屋邨鼠患</title>", body)
    assert "居民不滿" in text_of(parse_document(doc, "page.html").articles[0])
