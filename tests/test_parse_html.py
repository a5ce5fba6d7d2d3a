"""Saved HTML pages and rich Jekyll HTML bodies (stock links, images, captions, 来源)."""

from pathlib import Path

from zhnews.decode import decode_bytes
from zhnews.parse import parse_document

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def test_two_article_page_with_chrome():
    text, _ = decode_bytes((FIXTURES / "pages" / "two_articles_chrome.html").read_bytes())
    doc = parse_document(text, "two_articles_chrome.html")
    assert doc.format == "newspaper-html"
    first, second = doc.articles
    assert first.title == "我省秋粮丰收在望"
    assert [(a.name, a.role) for a in first.authors] == [
        ("李铮", "记者"),
        ("王飞", "通讯员"),
        ("李永", "通讯员"),
    ]
    assert first.byline_raw == "本报讯（记者李铮通讯员王飞李永）"
    assert first.body_paragraphs[0].startswith("9月9日，记者从省农业厅获悉")
    assert "<1%" in first.body_paragraphs[1] and len(first.joins) == 1
    assert [p.text for p in first.paragraphs if p.kind == "caption"] == [
        "图为农民在田间劳作。本报记者 王磊 摄"
    ]
    assert first.publisher == "大河网-河南日报" and first.published_at_source == "page"
    assert second.publisher == "新华社" and [a.name for a in second.authors] == ["张靖"]
    everything = " ".join(p.text for a in doc.articles for p in a.paragraphs)
    for chrome in ("首页", "版权所有", "不是正文", "color"):
        assert chrome not in everything


RICH = """---
layout: post
title: "巨化股份涨停"
date: 2022-01-28 11:06:08 +0800
categories: [stock, hot]
tags: 个股
---
<p>今日<a href="#" data-code="1,600160">巨化股份</a>涨停，
<a data-code="NIO|106|7">蔚来</a>与<a data-code="90.BK0477">酿酒行业</a>
走强&amp;领涨，占比&lt;1%。</p>
<center><img src="x.png" alt=""></center>
<p>（图片来源：东方财富）</p>
<p>报道称，板块整体上涨。</p>
<p class="em_media">（文章来源：上海<a href="#">证券</a>报）</p>
"""


def test_rich_jekyll_html_body():
    doc = parse_document(RICH, "2022-01-28-rich.md")
    assert doc.format == "jekyll-html"
    (article,) = doc.articles
    assert article.category == "stock" and article.tags == ["个股"]
    assert article.publisher == "上海证券报"
    assert article.body_paragraphs[0] == "今日巨化股份涨停，蔚来与酿酒行业走强&领涨，占比<1%。"
    assert [p.text for p in article.paragraphs if p.kind == "caption"] == ["（图片来源：东方财富）"]
    stocks = [(s.code, s.market, s.name, s.kind, s.raw) for s in article.stocks]
    assert ("600160", "1", "巨化股份", "stock", "1,600160") in stocks
    assert ("NIO", "106", "蔚来", "stock", "NIO|106|7") in stocks
    assert ("BK0477", "90", "酿酒行业", "sector", "90.BK0477") in stocks


def test_markdown_blockquote_summary_and_images():
    text = "---\ntitle: t\n---\n\n> 这是摘要。\n\n![](a.png)\n\n图片来源：视觉中国\n\n正文第一段。\n\n[返回新闻](https://x.cn/a/)\n[返回首页](https://x.cn/)\n"
    (article,) = parse_document(text, "p.md").articles
    assert article.summary == "这是摘要。"
    assert [(p.kind, p.text) for p in article.paragraphs] == [
        ("caption", "图片来源：视觉中国"),
        ("body", "正文第一段。"),
    ]


def test_plain_text_fallback():
    doc = parse_document(
        "市场观察\n\n今天股市上涨。投资者情绪回暖。\n\n分析人士认为行情仍将持续。\n", "note.txt"
    )
    assert doc.format == "text"
    (article,) = doc.articles
    assert article.title == "市场观察" and len(article.body_paragraphs) == 2
