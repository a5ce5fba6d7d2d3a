"""Failure classes of issue 12 (round q: scraped posts and mirrored feed items), seen on the
dev-set documents added this round (cdtmirror, neist, paopao, iyouport); each test is a small
synthetic document written for the class, with made-up names and text."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from synthetic import STORY
from zhnews.parse import parse_document

CHINA = ZoneInfo("Asia/Shanghai")


def _paragraphs(article) -> list[str]:
    return [p.text for p in article.paragraphs if p.kind in ("body", "subhead")]


def test_a_mirrored_feed_item_header_gives_title_link_and_date() -> None:
    # `[title](link)` underlined with ------, then the feed's RFC 822 pubDate on a 日期 line:
    # the title is the link text, the date the item's (21:03 UTC is the next day in China),
    # and the <h3> subheads stay inside the one story
    doc = (
        "[某报｜防暑补贴陆续发放](https://example.org/2021/07/fangshu/)\n"
        "------\n"
        "日期：Wed, 07 Jul 2021 21:03:11 +0000\n\n"
        f"{STORY}<h3>各区进展</h3>{STORY.replace('本市', '各区')}"
        "<hr /><p><small>&copy; 某人 for 某网站 | Permalink</small></p>\n"
    )
    parsed = parse_document(doc, "12345_item.md")
    assert len(parsed.articles) == 1
    article = parsed.articles[0]
    assert article.title == "某报｜防暑补贴陆续发放"
    assert article.url == "https://example.org/2021/07/fangshu/"
    assert article.published_at.astimezone(CHINA).date().isoformat() == "2021-07-08"
    body = _paragraphs(article)
    assert "各区进展" in body and body[0].startswith("第1段")
    assert not any("------" in p or "日期" in p for p in body)


def test_a_mirrored_feed_item_dated_by_an_epoch_comment() -> None:
    doc = (
        "<!--1625692991000-->\n"
        "[防暑补贴陆续发放](https://example.org/news/123)\n"
        "------\n\n"
        f"<main>{STORY}</main>\n"
    )
    article = parse_document(doc, "123.md").articles[0]
    assert article.title == "防暑补贴陆续发放"
    assert article.published_at.astimezone(CHINA).date().isoformat() == "2021-07-08"


def _post(front: str, body: str) -> str:
    return f"---\nlayout: post\n{front}\n---\n\n{body}\n"


def test_the_headline_as_printed_beats_a_front_matter_copy_without_its_quotes() -> None:
    doc = _post(
        'title: "市区遭遇罕见高温"\ndate: 2021-07-08T09:07:39+02:00\nauthor: 张三',
        f'<article><h1 class="page-title">市区遭遇罕见"高温"</h1>{STORY}</article>',
    )
    article = parse_document(doc, "2021-07-08-heat.md").articles[0]
    assert article.title == '市区遭遇罕见"高温"'
    assert not any('高温"' in p and len(p) < 12 for p in _paragraphs(article))
    assert _paragraphs(article)[0].startswith("第1段")


def test_a_site_name_after_the_front_matter_title_is_not_part_of_it() -> None:
    doc = _post(
        'title: "防暑补贴陆续发放 - 某某网"\ndate: 2021-07-08T07:44:28+00:00',
        f'<article><header><h1 class="entry-title">防暑补贴陆续发放</h1></header>{STORY}</article>',
    )
    article = parse_document(doc, "2021-07-08-heat.md").articles[0]
    assert article.title == "防暑补贴陆续发放"
    assert _paragraphs(article)[0].startswith("第1段")


def test_a_front_matter_title_differing_in_words_stands() -> None:
    doc = _post(
        'title: "防暑补贴陆续发放到位"\ndate: 2021-07-08',
        f"<article><h1>防暑补贴陆续发放</h1>{STORY}</article>",
    )
    assert parse_document(doc, "2021-07-08-heat.md").articles[0].title == "防暑补贴陆续发放到位"


def test_a_front_matter_author_that_is_the_posts_feed_names_the_site_not_a_writer() -> None:
    doc = _post(
        "title: 防暑补贴陆续发放\ndate: 2021-07-08\nauthor: Some.site\n"
        "tags: [ Some.site ]\ncategories: [ Some.site ]",
        STORY,
    )
    article = parse_document(doc, "2021-07-08-heat.md").articles[0]
    assert article.authors == [] and article.publisher == "Some.site"
    doc = _post("title: 防暑补贴陆续发放\ndate: 2021-07-08\nauthor: 李四\ntags: [ 某网 ]", STORY)
    assert [a.name for a in parse_document(doc, "x.md").articles[0].authors] == ["李四"]


def test_a_flash_whose_one_sentence_restates_the_title_keeps_both() -> None:
    doc = _post(
        'title: "某地已有足够票数 允许加快审议程序"\ndate: 2021-12-08 10:37:25',
        "某地已有足够票数，允许加快审议程序。\n\n<http://example.org/news/1,202112082206735022.html>",
    )
    article = parse_document(doc, "2021-12-08-202112082206735022.md").articles[0]
    assert article.title == "某地已有足够票数 允许加快审议程序"
    assert article.summary == "某地已有足够票数，允许加快审议程序。" or _paragraphs(article)


def test_a_reposts_lone_time_element_dates_it_before_the_front_matter() -> None:
    # front matter: when the aggregator re-posted it; the outlet lockup's <time> (an English
    # date without time, the page's only <time>) is the article's own day
    doc = _post(
        'title: "防暑补贴陆续发放"\ndate: 2020-02-20T13:11:13+00:00\nauthor: Some.site\n'
        "from: https://example.org/medium/outlet/fangshu",
        '<article><h1>防暑补贴陆续发放</h1><p class="description">导语一句话</p>'
        "<div class='lockup'><a href='/outlet'>某某传媒</a><div><time>Apr 4th 2019</time>"
        f"</div></div>{STORY}</article>",
    )
    article = parse_document(doc, "2020-02-20-fangshu.md").articles[0]
    assert article.published_at.astimezone(CHINA).date().isoformat() == "2019-04-04"


def test_a_published_time_class_counts_and_an_updated_one_does_not() -> None:
    page = (
        "<html><head><title>防暑补贴陆续发放</title></head><body><article>"
        "<h1>防暑补贴陆续发放</h1><div class='entry-meta'>"
        "<time class='entry-date published' datetime='2018-03-08T15:44:28+08:00'>2018年3月8日</time>"
        "<time class='updated' datetime='2019-08-08T16:09:29+08:00'>2019年8月8日</time>"
        f"</div>{STORY}</article></body></html>"
    )
    article = parse_document(page, "post.html").articles[0]
    assert article.published_at.astimezone(CHINA).date().isoformat() == "2018-03-08"


def test_a_bots_link_title_header_under_front_matter_is_not_body() -> None:
    # front matter, then the bot's own header again: epoch-ms pubDate comment, the title as a
    # link underlined with ------; the link is the post's url, the epoch its date when the
    # front matter has none
    doc = _post(
        'title: "防暑补贴陆续发放"\nauthor: 张三\ntags: [ 某平台 ]',
        "<!--1625692991000-->\n"
        "[防暑补贴陆续发放](https://example.org/@zhang/fangshu-zdpu123)\n"
        "------\n\n"
        f"<div>\n{STORY}\n</div>",
    )
    article = parse_document(doc, "fangshu.md").articles[0]
    assert article.url == "https://example.org/@zhang/fangshu-zdpu123"
    assert article.published_at.astimezone(CHINA).date().isoformat() == "2021-07-08"
    body = _paragraphs(article)
    assert len(body) == 4 and not any("example.org" in p or "---" in p for p in body)


def test_a_body_headline_spaced_otherwise_leaves_the_front_matter_title_as_printed() -> None:
    doc = _post(
        'title: "防暑补贴陆续发放\u3000各区进展顺利"\ndate: 2021-07-08',
        f"<article><h1>防暑补贴陆续发放 各区进展顺利</h1>{STORY}</article>",
    )
    assert parse_document(doc, "x.md").articles[0].title == "防暑补贴陆续发放\u3000各区进展顺利"


_TOML_POST = (
    "+++\n"
    'title = "防暑补贴陆续发放"\n'
    "date = 2021-07-08T21:03:11+00:00\n"
    'author = "张三"\n'
    'tags = ["民生"]\n'
    'categories = ["本地"]\n'
    "[params]\n"
    '  source = "某报"\n'
    "+++\n\n"
    "本市今年夏季持续高温，有关部门近日下发通知，要求各用人单位按时足额发放防暑补贴，"
    "并加强对户外作业人员的劳动保护。\n\n"
    "各区人社部门将加强监督检查，确保各项措施落到实处。\n"
)


def test_hugo_toml_front_matter_is_read_like_yaml() -> None:
    article = parse_document(_TOML_POST, "content/posts/fangshu.md").articles[0]
    assert article.title == "防暑补贴陆续发放"
    assert article.published_at.astimezone(CHINA).date().isoformat() == "2021-07-09"
    assert [a.name for a in article.authors] == ["张三"] and article.category == "本地"
    body = _paragraphs(article)
    assert len(body) == 2 and not any("=" in p or "+++" in p for p in body)


def test_a_hand_edited_toml_header_is_read_line_by_line_and_plus_lines_in_text_are_not_one() -> (
    None
):
    broken = _TOML_POST.replace('title = "防暑补贴陆续发放"', "title = 防暑补贴陆续发放")
    article = parse_document(broken, "fangshu.md").articles[0]
    assert article.title == "防暑补贴陆续发放"
    text = "+++ 重要提示 +++\n\n" + _TOML_POST.split("+++\n\n", 1)[1]
    parsed = parse_document(text, "note.md")
    assert any("重要提示" in p for a in parsed.articles for p in [a.title or "", *_paragraphs(a)])


def test_a_site_name_the_url_slug_does_not_spell_is_cut_from_a_feed_title() -> None:
    doc = (
        "<!--1602402906000-->\n"
        "[防暑补贴陆续发放 至少17区到位 – 某某国际电台 - ABC]"
        "(http://example.org//cn/contenu/20201011-%E9%98%B2%E6%9A%91%E8%A1%A5%E8%B4%B4"
        "%E9%99%86%E7%BB%AD%E5%8F%91%E6%94%BE-%E8%87%B3%E5%B0%9117%E5%8C%BA%E5%88%B0%E4%BD%8D)\n"
        "------\n\n"
        f"<div>{STORY}</div>\n"
    )
    assert parse_document(doc, "1042179.md").articles[0].title == "防暑补贴陆续发放 至少17区到位"
    # a dash inside a headline the slug spells whole stays
    kept = doc.replace(" – 某某国际电台 - ABC", "").replace(
        "[防暑补贴陆续发放 至少17区到位", "[防暑补贴陆续发放 - 至少17区到位"
    )
    assert parse_document(kept, "1042179.md").articles[0].title == "防暑补贴陆续发放 - 至少17区到位"


def test_a_truncated_slug_does_not_cut_a_headline_at_its_source_prefix() -> None:
    doc = (
        "[某台｜防暑补贴陆续发放 各区进展顺利](https://example.org/chinese/2020/07/"
        "%e6%9f%90%e5%8f%b0%ef%bd%9c%e9%98%b2%e6%9a%91%e8%a1%a5/)\n"
        "------\n"
        "日期：Thu, 02 Jul 2020 02:32:33 +0000\n\n"
        f"{STORY}\n"
    )
    assert (
        parse_document(doc, "399682.md").articles[0].title == "某台｜防暑补贴陆续发放 各区进展顺利"
    )


def test_an_rfc_822_stamp_printed_under_the_title_dates_the_page() -> None:
    # a feed reader's page: the item's pubDate printed as RFC 822 between title and text
    page = (
        "<html><head><title>防暑补贴陆续发放</title></head><body><article>"
        "<h1>防暑补贴陆续发放</h1><div><i>Sun, 11 Jul 2021 16:34:04 GMT</i></div>"
        f"{STORY}</article></body></html>"
    )
    article = parse_document(page, "item.html").articles[0]
    assert article.published_at.astimezone(CHINA).isoformat() == "2021-07-12T00:34:04+08:00"
    assert not any("GMT" in p for p in _paragraphs(article))


def test_a_lone_time_below_the_text_does_not_date_the_post() -> None:
    doc = _post(
        'title: "防暑补贴陆续发放"\ndate: 2020-02-20T13:11:13+00:00',
        f"<article><h1>防暑补贴陆续发放</h1>{STORY}"
        "<aside><h3>上一篇</h3><p>往期回顾</p><time>Apr 4th 2019</time></aside></article>",
    )
    article = parse_document(doc, "2020-02-20-fangshu.md").articles[0]
    assert article.published_at.astimezone(CHINA).date().isoformat() == "2020-02-20"
