"""Failure classes found on traditional-Chinese and overseas-Chinese news pages (dev set
sources digitimes, investor, hk01): bylines and dates as Taiwanese and Hong Kong sites print
them. Inputs are small synthetic pages and lines written for these tests."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from zhnews.parse import parse_document
from zhnews.parse.bylines import parse_byline_line

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
