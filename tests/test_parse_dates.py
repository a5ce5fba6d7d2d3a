"""Publication dates by voting (parse/dates.py): one test per evidence kind and per rule."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from zhnews.parse import dates, parse_document
from zhnews.parse.dates import Evidence, vote
from zhnews.parse.meta import parse_date_text

CN = ZoneInfo("Asia/Shanghai")
BODY = "<p>这是正文的第一段，讲述了一件事情的经过，内容足够长以便被识别为正文。</p>" + (
    "<p>这是正文的第二段，继续讲述事情的细节，同样足够长，包含逗号和句号。</p>"
)


def page(head: str = "", header: str = "", after: str = "", title: str = "秋粮丰收在望") -> str:
    return (
        f"<html><head><title>{title}_某某网</title>{head}</head><body>"
        f"<div class='nav'><a href='/'>首页</a></div><h1>{title}</h1>{header}"
        f"<div class='content'>{BODY}</div>{after}</body></html>"
    )


def one(text: str, path: str = "doc.html"):
    doc = parse_document(text, path)
    return doc.articles[0], doc


def day(article) -> str | None:
    if article.published_at is None:
        return None
    return article.published_at.astimezone(CN).date().isoformat()


# ---------------------------------------------------------------------------------------
# Evidence kinds


def test_front_matter_date_and_modified_key_ignored():
    text = "---\ntitle: t\nlast_modified_at: 2020-01-05\ndate: 2019-09-07 19:02:00\n---\n正文。\n"
    article, _ = one(text, "post.md")
    assert article.published_at.isoformat() == "2019-09-07T19:02:00+08:00"
    assert article.published_at_source == "front_matter"


@pytest.mark.parametrize(
    "tag",
    [
        '<meta property="article:published_time" content="2019-09-07T19:02:00+08:00">',
        '<meta name="pubdate" content="2019-09-07 19:02">',
        '<meta name="publishdate" content="2019-09-07">',
        '<meta name="PubDate" content="2019/09/07 19:02:00">',
        '<meta property="og:release_date" content="20190907">',
    ],
)
def test_meta_tags(tag):
    modified = '<meta property="article:modified_time" content="2019-10-01T08:00:00+08:00">'
    article, _ = one(page(head=modified + tag))
    assert day(article) == "2019-09-07" and article.published_at_source == "meta"


def test_json_ld_date_published_not_modified():
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"dateModified": "2019-10-01T08:00:00+08:00", '
        '"datePublished": "2019-09-07T11:02:00Z"}</script>'
    )
    article, _ = one(page(head=ld))
    assert article.published_at_source == "json_ld"
    assert article.published_at == datetime(2019, 9, 7, 11, 2, tzinfo=UTC)
    assert day(article) == "2019-09-07"  # 19:02 in China


@pytest.mark.parametrize(
    "url",
    [
        "http://www.news.cn/politics/2019-09/07/c_1124968000.htm",
        "http://news.example.com/a/20190907/123456.html",
        "http://society.people.com.cn/n1/2019/0907/c1008-31340000.html",
        "http://www.chinanews.com/gn/2019/09-07/8950000.shtml",
        "http://www.gov.cn/xinwen/t20190907_123.html",
        "https://new.qq.com/rain/a/20190907A0K7XB00",
    ],
)
def test_url_path_dates(url):
    article, _ = one(f"<!-- saved from url=(0063){url} -->\n" + page())
    assert day(article) == "2019-09-07" and article.published_at_source == "url"


def test_url_of_1946_archive_keeps_single_digit_month():
    saved = "<!-- saved from url=(0050)https://cn.govopendata.com/renminribao/1946/5/15/4/ -->\n"
    article, _ = one(saved + page())
    assert day(article) == "1946-05-15" and article.published_at_source == "url"


def test_story_id_date():
    text = "---\ntitle: t\n---\n\n正文第一句。\n<http://a.cn/news/1,202112082206885265.html>\n"
    article, _ = one(text, "post.md")
    assert article.published_at_source == "story_id" and day(article) == "2021-12-08"


def test_dateline_takes_its_year_from_other_evidence():
    evidence = [
        Evidence(datetime(2019, 9, 8, tzinfo=CN), "file_name", 1.5, "file"),
    ]
    document = dates.DocumentDates(CN, "x.txt")
    document.evidence.extend(evidence)
    article = parse_document(
        "新华社北京9月7日电（记者 张三）今天举行了会议，内容很多。\n", "x.txt"
    ).articles[0]
    document.date_article(article)
    # the file name (1.5) outweighs the dateline (1): the dateline only adds its vote
    assert day(article) == "2019-09-08"
    document.evidence.append(Evidence(datetime(2019, 9, 7, tzinfo=CN), "url", 3.0, "url"))
    document.date_article(article)
    assert day(article) == "2019-09-07" and article.published_at_source == "url"


def test_dateline_alone_needs_a_year():
    text = "新华社北京9月7日电（记者 张三）今天举行了会议，内容很多。\n"
    assert day(parse_document(text, "x.txt").articles[0]) is None
    archive = parse_document(
        "新华社延安五月十四日电 边区政府今天发布命令，内容很多。\n", "rmrb/1946/a.txt"
    )
    assert day(archive.articles[0]) == "1946-05-14"
    assert archive.articles[0].published_at_source == "dateline"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2019 09/07 19:02 来源：新京报", "2019-09-07"),
        ("2018年12月28日 19:55 来源：人民网", "2018-12-28"),
        ("2019-09-07 21:30:50", "2019-09-07"),
        ("2019.09.07", "2019-09-07"),
        ("发布时间：2019年9月7日 星期六", "2019-09-07"),
        ("来源：新华社 2019-09-07", "2019-09-07"),
        ("一九四六年五月十五日", "1946-05-15"),
    ],
)
def test_visible_timestamp_under_the_title(line, expected):
    article, _ = one(page(header=f"<div class='info'>{line}</div>"))
    assert day(article) == expected and article.published_at_source == "visible"


def test_visible_labelled_date_away_from_the_title():
    after = "<div class='foot'>发布日期：2019-09-07</div>"
    article, _ = one(page(after=after))
    assert day(article) == "2019-09-07" and article.published_at_source == "visible"


def test_file_name_dates():
    article, _ = one(page(), "saved/20190907_news.html")
    assert day(article) == "2019-09-07" and article.published_at_source == "file_name"
    article, _ = one(page(), "archive/1946/05/15/item.html")
    assert day(article) == "1946-05-15" and article.published_at_source == "file_name"


def test_page_date_on_a_multi_story_page():
    text = (
        "# 人民日报 第4版\n\n1946年5月15日\n\n## 第一篇标题\n\n□ 记者 张三\n\n第一篇正文，内容很多。"
        "\n\n## 第二篇标题\n\n□ 记者 李四\n\n第二篇正文，内容也很多。\n"
    )
    doc = parse_document(text, "page.md")
    assert len(doc.articles) == 2
    assert {day(a) for a in doc.articles} == {"1946-05-15"}
    assert {a.published_at_source for a in doc.articles} == {"page"}


# ---------------------------------------------------------------------------------------
# Voting rules


def test_front_matter_years_away_from_every_other_clue_is_not_trusted():
    text = (
        "---\ntitle: t\ndate: 2023-05-01 10:00:00\n"
        "link: http://www.news.cn/politics/2019-09/07/c_1124968000.htm\n---\n"
        "<div>2019-09-07 19:02 来源：新华网</div><p>正文第一段，内容很多，足够长以便识别为正文。</p>\n"
    )
    doc = parse_document(text, "2023-05-01-post.md")
    (article,) = doc.articles
    assert day(article) == "2019-09-07" and article.published_at_source == "visible"
    assert any("not trusted" in w for w in doc.warnings)


def test_front_matter_close_to_other_clues_still_wins():
    text = "---\ntitle: t\ndate: 2021-12-09 00:30:00\n---\n\n正文。\n"
    (article,) = parse_document(text, "2021-12-08-202112082206672930.md").articles
    assert article.published_at_source == "front_matter" and day(article) == "2021-12-09"


def test_repost_front_matter_yields_to_the_printed_original_date():
    text = (
        "---\ntitle: t\ndate: 2025-11-01 12:47:04 +00:00\n---\n"
        "<div><i>媒体看中国<br>2025-10-29T14:32:15.648Z</i></div>"
        "<p>正文第一段，内容很多，足够长以便识别为正文，还有逗号。</p>\n"
    )
    (article,) = parse_document(text, "2025-11-01-post.html").articles
    assert day(article) == "2025-10-29" and article.published_at_source == "visible"


def test_agreeing_clues_outvote_a_single_stronger_one():
    meta = '<meta name="pubdate" content="2019-09-08">'
    saved = "<!-- saved from url=(0063)http://www.news.cn/politics/2019-09/07/c_1.htm -->\n"
    article, _ = one(saved + page(head=meta, header="<div>2019-09-07 19:02</div>"))
    assert day(article) == "2019-09-07" and article.published_at_source == "visible"
    assert article.published_at.hour == 19  # the timed clue on the winning day


def test_modified_and_updated_dates_do_not_win():
    head = '<meta property="og:updated_time" content="2019-10-01T08:00:00+08:00">'
    header = "<div>更新时间：2019-10-01 08:00</div><div>发布时间：2019-09-07 19:02</div>"
    article, _ = one(page(head=head, header=header))
    assert day(article) == "2019-09-07"


def test_updated_stamp_dates_the_page_only_when_alone():
    article, _ = one(page(header="<div>2005-04-05 06:40更新 来源：转载文章</div>"))
    assert day(article) == "2005-04-05"
    saved = "<!-- saved from url=(0063)http://news.example.com/a/20050404/1.html -->\n"
    article, _ = one(saved + page(header="<div>2005-04-05 06:40更新</div>"))
    assert day(article) == "2005-04-04" and article.published_at_source == "url"


def test_related_link_and_comment_dates_are_ignored():
    related = (
        "<ul class='list'><li><a href='/a'>另一条新闻的标题比较长</a>（2019-09-20 10:00）</li>"
        "<li><a href='/b'>再一条新闻的标题</a> 2019-09-21</li></ul>"
        "<div class='comments'><p>网友甲 2019-09-22 11:00</p></div>"
    )
    article, _ = one(page(after=related))
    assert article.published_at is None and article.published_at_source == "unknown"
    article, _ = one(page(header="<div>2019-09-07</div>", after=related))
    assert day(article) == "2019-09-07"


def test_dates_in_the_body_are_content_not_publication():
    text = page().replace("这是正文的第一段", "2018年9月6日，这是正文的第一段")
    article, _ = one(text)
    assert article.published_at is None


def test_ties_go_to_the_earlier_day():
    evidence = [
        Evidence(datetime(2019, 9, 8, tzinfo=CN), "url", 3.0, "url"),
        Evidence(datetime(2019, 9, 7, tzinfo=CN), "visible", 3.0, "visible"),
    ]
    assert vote(evidence, CN).day(CN) == date(2019, 9, 7)


def test_epoch_placeholder_and_implausible_years_are_ignored():
    head = '<meta name="pubdate" content="1970-01-01 08:00:00">'
    article, _ = one(page(head=head, header="<div>2019-09-07</div>"))
    assert day(article) == "2019-09-07"
    evidence = [Evidence(datetime(1899, 1, 1, tzinfo=CN), "visible", 3.0, "visible")]
    assert vote(evidence, CN) is None


# ---------------------------------------------------------------------------------------
# China time, summer time of 1946 and 1986-1991


def test_1946_item_keeps_its_calendar_day_through_summer_time():
    text = "# 边区新闻\n\n1946年6月1日\n\n新华社延安电 边区政府今天发布命令，内容很多，足够长。\n"
    (article,) = parse_document(text, "item.md").articles
    assert day(article) == "1946-06-01"
    # Asia/Shanghai was UTC+9 that summer: midnight is 15:00 UTC the day before, and the
    # round trip through UTC (as the warehouse stores it) lands on the same China day.
    assert article.published_at.utcoffset() == timedelta(hours=9)
    stored = article.published_at.astimezone(UTC)
    assert stored.astimezone(CN).date() == date(1946, 6, 1)


@pytest.mark.parametrize("value", ["1946-05-15", "1946-09-30", "1988-07-01"])
def test_summer_time_days_parse_to_their_printed_day(value):
    stamp = parse_date_text(value, CN)
    assert stamp.astimezone(UTC).astimezone(CN).date().isoformat() == value


def test_utc_timestamp_is_dated_in_china_time():
    text = "---\ntitle: t\ndate: 2019-09-07T20:30:00Z\n---\n\n正文。\n"
    (article,) = parse_document(text, "post.md").articles
    assert day(article) == "2019-09-08"


@pytest.mark.parametrize(
    "lead",
    [
        "新华社北京9月7日电（记者 张三）今天举行了会议，内容很多。",
        "（中央社記者邱俊欽桃園7日電）桃園市今天清晨發生大火，內容很多。",
        "本报讯 9月7日讯 今天举行了会议，内容很多。",
    ],
)
def test_dateline_forms(lead):
    document = dates.DocumentDates(CN, "x.txt")
    document.evidence.append(Evidence(datetime(2019, 9, 8, tzinfo=CN), "page", 0.5, "page"))
    (article,) = parse_document(lead + "\n", "x.txt").articles
    document.date_article(article)
    assert day(article) == "2019-09-07" and article.published_at_source == "dateline"


def test_traditional_chinese_labels():
    after = "<div class='foot'>發布時間：2019-09-07 19:02</div>"
    article, _ = one(page(after=after))
    assert day(article) == "2019-09-07" and article.published_at_source == "visible"


def test_labelled_comment_dates_far_below_the_article_are_ignored():
    comments = "".join(f"<div>网友{i}：说得好</div>" for i in range(8))
    comments += "<div class='comment'>网友甲 发表于 2019-09-22 11:00</div>"
    article, _ = one(page(after=comments))
    assert article.published_at is None
    credit = "<div>《光明日报》（ 2019年09月07日 02版）</div>" + comments
    article, _ = one(page(after=credit))
    assert day(article) == "2019-09-07" and article.published_at_source == "visible"


def test_date_on_the_title_line():
    text = page().replace(
        "<h1>秋粮丰收在望</h1>", "<div><b>秋粮丰收在望</b> 2019-09-07 19:02</div>"
    )
    article, _ = one(text)
    assert day(article) == "2019-09-07" and article.published_at_source == "visible"


@pytest.mark.parametrize("line", ["一九四六年五月十五日", "（一九四六年五月十五日）"])
def test_chinese_numeral_date_line_is_a_date_not_the_first_paragraph(line):
    text = f"### 发刊词\n\n{line}\n\n本报——人民日报，晋冀鲁豫边区广大人民的报纸出版了。\n"
    article, _ = one(text, "fakanci.md")
    assert article.body_paragraphs == ["本报——人民日报，晋冀鲁豫边区广大人民的报纸出版了。"]
    assert day(article) == "1946-05-15"
    plain = f"发刊词\n\n{line}\n\n本报出版了，这是第一段。\n\n这是第二段。\n"
    article, _ = one(plain, "fakanci.txt")
    assert article.body_paragraphs[0] == "本报出版了，这是第一段。" and day(article) == "1946-05-15"
