"""Failure classes of issue 12 (round t: dates and script-held text), seen on dev-set
documents (oncc, ifeng 2024, storm, tvbs, pts) and on TVB news pages; each test is a small
synthetic document written for the class, with made-up names and text."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from synthetic import STORY, page
from zhnews.model import Article, Paragraph
from zhnews.parse import dates, meta, parse_document

CHINA = ZoneInfo("Asia/Shanghai")


def _day(article) -> str | None:
    stamp = article.published_at
    return stamp.astimezone(CHINA).date().isoformat() if stamp else None


def test_a_site_relative_canonical_url_dates_the_page_by_its_story_id() -> None:
    # the CMS left the host out of canonical/og:url; the path's story id spells the day, and
    # the page prints only a year-less issue day in its header
    doc = page(
        "<title>防暑补贴陆续发放 - 某报</title>"
        '<link rel="canonical" href="/content/要闻/odn-20230329-0329_00174_002/防暑补贴" />'
        '<meta property="og:url" content="/content/要闻/odn-20230329-0329_00174_002/防暑补贴"/>',
        "<div class='site'>3月29日(三)</div><h1>防暑补贴陆续发放</h1>" + STORY,
    )
    article = parse_document(doc, "page.html").articles[0]
    assert _day(article) == "2023-03-29"
    assert article.published_at_source == "url"


def test_a_page_data_script_dates_the_page_by_the_field_beside_its_headline() -> None:
    # the page-data script lists recommended stories (each with its newsTime) before the
    # page's own object; the field beside the page's headline dates it, not the first one
    data = (
        '{"recommend":[{"title":"另一篇推荐文章的标题","newsTime":"2024-05-22 17:19:50"},'
        '{"title":"再一篇推荐文章","newsTime":"2024-05-21 06:05:29"}],'
        '"docData":{"title":"防暑补贴陆续发放","newsTime":"2024-01-25 18:03:35"}}'
    )
    doc = page(
        "<title>防暑补贴陆续发放_某网</title>",
        f"<script>var allData = {data};</script><h1>防暑补贴陆续发放</h1>" + STORY,
    )
    article = parse_document(doc, "page.html").articles[0]
    assert _day(article) == "2024-01-25"


def test_an_og_time_meta_dates_the_page() -> None:
    doc = page(
        '<title>防暑补贴陆续发放_某网</title><meta name="og:time " content="2024-01-25 18:03:35">',
        "<h1>防暑补贴陆续发放</h1>" + STORY,
    )
    article = parse_document(doc, "page.html").articles[0]
    assert _day(article) == "2024-01-25"
    assert article.published_at_source == "meta"


def test_an_info_line_below_a_short_header_line_taken_into_the_body_dates_the_story() -> None:
    # a widget word under the headline (`产生短网址`) was taken as the text's first line; the
    # info line with the day sits between it and the first paragraph of prose
    doc = page(
        "<title>某网 - 新闻</title>",
        "<div class='nav'>首页 &gt; 新闻</div><h3>防暑补贴陆续发放</h3>"
        "<div>产生短网址</div><div>编译中心 2014年12月13日 09:33 237 点击数</div>"
        "<div class='body'>" + STORY + "</div>",
    )
    article = Article(
        title="防暑补贴陆续发放",
        paragraphs=[Paragraph("body", "产生短网址")]
        + [
            Paragraph("body", p)
            for p in parse_document(doc, "page.html").articles[0].body_paragraphs
        ],
    )
    dates.DocumentDates(CHINA, "page.html", html=doc).date_article(article)
    assert _day(article) == "2014-12-13"


def test_a_date_label_whose_stamp_is_a_link_dates_the_story() -> None:
    doc = page(
        "<title>某台新闻</title>",
        "<h1>防暑补贴陆续发放</h1>"
        '<p class="meta">時間：<a href="#">2014/12/02 13:08</a></p>'
        "<p>標籤：<a href='/t/1'>天氣</a></p>" + STORY,
    )
    article = parse_document(doc, "page.html").articles[0]
    assert _day(article) == "2014-12-02"
    assert article.published_at_source == "visible"


def test_a_date_inside_a_link_with_no_label_still_does_not_date_the_story() -> None:
    doc = page(
        "<title>某台新闻</title>",
        "<h1>防暑补贴陆续发放</h1>"
        '<p class="meta"><a href="/2013/list">2013/01/05 10:00</a></p>' + STORY,
    )
    article = parse_document(doc, "page.html").articles[0]
    assert _day(article) != "2013-01-05"


def test_a_bare_air_time_stamp_right_under_the_story_dates_it() -> None:
    # no date with the headline; under the text the credit line, then the air time and the
    # programme's name
    doc = page(
        "<title>某台新闻网</title>",
        "<table><tr><td class='title'>防暑补贴陆续发放</td></tr><tr><td>"
        + STORY
        + "<p>记者张三 李四 台北报导</p><p>(2014-12-12&nbsp;12:00)&nbsp;午间新闻</p>"
        "</td></tr></table>",
    )
    article = parse_document(doc, "page.html").articles[0]
    assert _day(article) == "2014-12-12"


def test_a_dated_line_far_below_the_story_does_not_date_it() -> None:
    # a comment's stamp further down is not the story's
    doc = page(
        "<title>某台新闻网</title>",
        "<h1>防暑补贴陆续发放</h1>" + STORY + "<div>分享</div><div>相关新闻</div><div>留言区</div>"
        "<div>网友甲</div><div>2014-12-20 08:00</div>",
    )
    article = parse_document(doc, "page.html").articles[0]
    assert _day(article) != "2014-12-20"


def test_a_stamp_beside_a_link_or_a_name_under_the_story_does_not_date_it() -> None:
    for foot in (
        "<ul><li><a href='/a'>另一条新闻的标题比较长</a>（2014-12-20 10:00）</li></ul>",
        "<p>网友甲 2014-12-20 11:00</p>",
    ):
        doc = page("<title>某台新闻网</title>", "<h1>防暑补贴陆续发放</h1>" + STORY + foot)
        article = parse_document(doc, "page.html").articles[0]
        assert _day(article) != "2014-12-20", foot


def test_a_next_data_story_whose_text_is_under_desc_is_read() -> None:
    # a news app's page: the body is empty until scripts run; the story object holds its
    # text as one `desc` string, paragraphs separated by blank lines
    import json

    text = "\n\n".join(
        f"第{i}段：本市今年夏季持续高温，有关部门近日下发通知，要求各用人单位按时足额发放防暑补贴。"
        for i in range(1, 4)
    )
    data = {
        "props": {
            "pageProps": {
                "newsItems": {
                    "id": "abc",
                    "title": "防暑补贴陆续发放",
                    "desc": text,
                    "publish_datetime": "2023-04-06T16:13:44.000Z",
                },
                "related": [{"title": "另一条新闻", "desc": "短"}],
            }
        }
    }
    doc = (
        "<html><head><title>防暑补贴陆续发放 - 某台新闻</title></head><body><div id='__next'>"
        "</div><script id='__NEXT_DATA__' type='application/json'>"
        + json.dumps(data, ensure_ascii=False)
        + "</script></body></html>"
    )
    found = meta.next_data_article(doc)
    assert found is not None and found.title == "防暑补贴陆续发放"
    assert len(found.paragraphs) == 3
    article = parse_document(doc, "page.html").articles[0]
    assert article.title == "防暑补贴陆续发放"
    assert [p[:3] for p in article.body_paragraphs] == ["第1段", "第2段", "第3段"]
    assert _day(article) == "2023-04-07"  # 16:13 UTC is the next morning in China


def test_a_day_printed_without_its_year_takes_the_year_of_the_url() -> None:
    # under the headline only `3月29日(三)`; the page's URL spells the year in a folder
    doc = page(
        "<title>防暑补贴陆续发放 - 某报</title>"
        '<link rel="canonical" href="https://news.example.com/2023/local/fangshu.html" />',
        "<h1>防暑补贴陆续发放</h1><div class='date'>3月29日(三)</div>" + STORY,
    )
    article = parse_document(doc, "page.html").articles[0]
    assert _day(article) == "2023-03-29"
    assert article.published_at_source == "visible"


def test_a_day_without_its_year_whose_weekday_disagrees_is_not_taken() -> None:
    # 2023-03-29 is a Wednesday (三), not a Friday (五)
    doc = page(
        "<title>防暑补贴陆续发放 - 某报</title>"
        '<link rel="canonical" href="https://news.example.com/2023/local/fangshu.html" />',
        "<h1>防暑补贴陆续发放</h1><div class='date'>3月29日（五）</div>" + STORY,
    )
    article = parse_document(doc, "page.html").articles[0]
    assert _day(article) != "2023-03-29"
