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


def _paragraphs(n: int, word: str) -> str:
    return "".join(
        f"<p>{word}第{i}段，记者了解到有关情况，各项工作正在有序推进之中。</p>" for i in range(n)
    )


def test_saved_epaper_page_keeps_every_story_and_the_untitled_fragment():
    """Issue 12 class 5: one long story must not make the page's short stories look like a
    footer, and a continuation fragment without a headline is an article of its own."""
    menu = "".join(f'<a href="/b{i}">第{i:02d}版</a>' for i in range(1, 13))
    ads = "".join(f'<a href="/x{i}">广告链接{i}</a>' for i in range(5))
    html = (
        "<html><head><title>河南日报-2023年06月01日-第04版：要闻</title></head><body>"
        f'<div class="nav">{menu}</div><div class="page">'
        "<div><p>（上接第一版）会议强调，要坚持稳中求进工作总基调，扎实做好各项工作，"
        "确保完成全年目标任务。</p></div>"
        f"<div><h2>我省夏粮收获过半</h2><p>本报讯（记者 王小明）</p>{_paragraphs(20, '麦收')}</div>"
        f'<div class="ad">{ads}</div>'
        f"<div><h2>郑州地铁新线开通</h2>{_paragraphs(2, '地铁')}</div>"
        f"<div><h2>夏季防汛准备就绪</h2>{_paragraphs(2, '防汛')}"
        "<p>（据新华社郑州5月31日电）</p></div>"
        "</div><div>河南日报社版权所有，未经授权不得转载。豫ICP备000号</div></body></html>"
    )
    doc = parse_document(html, "page04.html")
    titles = [a.title for a in doc.articles]
    assert titles == [None, "我省夏粮收获过半", "郑州地铁新线开通", "夏季防汛准备就绪"]
    fragment, wheat, metro, flood = doc.articles
    assert fragment.body_paragraphs[0].startswith("（上接第一版）会议强调")
    assert len(wheat.body_paragraphs) == 20 and [a.name for a in wheat.authors] == ["王小明"]
    assert len(metro.body_paragraphs) == 2 and len(flood.body_paragraphs) == 2
    assert flood.publisher == "新华社"
    everything = " ".join(p.text for a in doc.articles for p in a.paragraphs)
    assert "广告" not in everything and "版权所有" not in everything and "第01版" not in everything
