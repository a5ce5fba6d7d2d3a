"""Failure classes found on traditional-Chinese and overseas-Chinese news pages (dev set
sources digitimes, investor, hk01): bylines and dates as Taiwanese and Hong Kong sites print
them. Inputs are small synthetic pages and lines written for these tests."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from zhnews.parse import parse_document
from zhnews.parse.bylines import parse_byline_line, split_run_in

TZ = ZoneInfo("Asia/Shanghai")


# --- name／place bylines (no role word): `劉憲杰／台北`, `陳端武／綜合外電` -------------------


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("劉憲杰／台北", ["劉憲杰"]),
        ("陳端武／綜合外電", ["陳端武"]),
        ("王小明／新竹市", ["王小明"]),
        ("林美華、張志明／矽谷", ["林美華", "張志明"]),
    ],
)
def test_name_then_place_is_a_byline(line, names):
    byline = parse_byline_line(line)
    assert byline is not None
    assert [a.name for a in byline.authors] == names


@pytest.mark.parametrize("line", ["產業／半導體", "台北／新竹", "首頁／科技網", "新聞／國際"])
def test_breadcrumbs_and_place_pairs_are_not_bylines(line):
    assert parse_byline_line(line) is None


def test_name_place_byline_under_the_headline_names_the_writer_and_leaves_the_text():
    page = (
        "<html><head><title>高通推新晶片</title></head><body>"
        "<h1>高通推新晶片</h1><ul><li>陳端武／綜合外電</li><li>2024/08/21 15:09</li></ul>"
        "<p>高通於8月20日發表新的行動平台，為中階手機市場帶來生成式AI等旗艦級功能。"
        "業界認為這將帶動新一波換機需求，供應鏈也已開始備貨。</p>"
        "<p>分析師指出，中階手機是今年成長最快的市場，各品牌都在搶攻這塊市場。</p>"
        "</body></html>"
    )
    (article,) = parse_document(page, "name-place.html").articles
    assert [a.name for a in article.authors] == ["陳端武"]
    assert all("陳端武" not in p.text for p in article.paragraphs)


# --- bracketed desk／reporter run-in: `【財訊快報／陳孟朔】…` ---------------------------------


def test_bracketed_newsroom_and_reporter_is_cut_from_the_lead():
    split = split_run_in("【財訊快報／陳孟朔】摩根士丹利最新發布的報告指出，蘋果新機已開始備貨。")
    assert split is not None
    byline, rest = split
    assert [a.name for a in byline.authors] == ["陳孟朔"]
    assert byline.credit == "財訊快報"
    assert rest == "摩根士丹利最新發布的報告指出，蘋果新機已開始備貨。"


@pytest.mark.parametrize(
    "lead",
    [
        "〔即時新聞／綜合報導〕美國總統今天表示將出訪亞洲。",  # names nobody: stays
        "【新聞速報／直播】颱風今晚登陸。",  # a label, not a person
        "【中央社／台北】行政院今天召開記者會。",  # a place, not a person
        "【社論／民主的代價】民主從來不是免費的。",  # a column title
    ],
)
def test_bracketed_labels_that_name_nobody_stay(lead):
    assert split_run_in(lead) is None


# --- JSON-LD of another article: a single-page app's leftovers, related-story lists -------------


def _spa_page(leftover_headline: str) -> str:
    """A saved page whose DOM still holds the previous article's JSON-LD (dated a day earlier)
    next to this article's own block; the printed byline line has the right time."""
    leftover = (
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":"'
        + leftover_headline
        + '","datePublished":"2025-12-03T11:31:54+08:00"}</script>'
    )
    return (
        "<html><head><title>陳錦鴻近照精神爽利</title>"
        '<meta property="og:title" content="前TVB小生近照精神爽利　曾停工10年">'
        '<meta property="article:published_time" content="2025-12-04T06:30:53+08:00">'
        + leftover
        * 3
        + '<script type="application/ld+json">{"@type":"NewsArticle","headline":'
        '"前TVB小生近照精神爽利　曾停工10年","datePublished":"2025-12-04T06:30:53+08:00"}</script>'
        "</head><body><h1>前TVB小生近照精神爽利 曾停工10年</h1>"
        "<p>撰文：董欣琪</p><p>出版：2025-12-04 06:30</p>"
        "<p>現年58歲的陳錦鴻曾為當家小生，曾參演不少劇集，塑造了無數經典角色。"
        "他一度為了照顧兒子而息影，直至近年低調復出。</p>"
        "<p>早前有網民在社交平台曬出與他的合照，相中的他氣質儒雅，笑容滿面。</p>"
        "</body></html>"
    )


def test_json_ld_of_another_headline_does_not_date_the_page():
    (article, *_) = parse_document(_spa_page("演唱會2026香港｜門票攻略"), "spa.html").articles
    assert article.published_at.astimezone(TZ).date().isoformat() == "2025-12-04"


def test_json_ld_without_a_page_match_still_dates_the_page():
    """When no JSON-LD object carries the page's headline, none is judged by its headline."""
    page = (
        "<html><head><title>颱風明登陸 全台防颱</title>"
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":"颱風來襲",'
        '"datePublished":"2024-07-24T08:00:00+08:00"}</script></head><body>'
        "<h1>颱風明登陸 全台防颱</h1>"
        "<p>中央氣象署表示，颱風預計明天登陸，各地風雨將明顯增強，民眾應做好防颱準備。</p>"
        "<p>各縣市政府已成立災害應變中心，並提醒民眾減少外出，注意自身安全。</p>"
        "</body></html>"
    )
    (article,) = parse_document(page, "typhoon.html").articles
    assert article.published_at.astimezone(TZ).date().isoformat() == "2024-07-24"
