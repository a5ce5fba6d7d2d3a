"""Multi-story documents: headed story sequences in posts, Markdown with HTML paragraphs, feeds.

Synthetic inputs, one failure class per section; each class has its counter-case (a single
article that looks alike and must stay one article).
"""

from __future__ import annotations

import textwrap
from datetime import UTC, datetime, timedelta, timezone

import pytest
from zhnews.model import RejectedDocument
from zhnews.parse import parse_document
from zhnews.parse.feed import entry_blocks, is_feed, parse_feed_date
from zhnews.settings import Settings

CHINA = timezone(timedelta(hours=8))
SETTINGS = Settings()

STORY_A = "甲市今天开通第一条地铁线路，全长二十公里，设站十六座。市民排队体验新线路。"
STORY_B = "乙省发布夏粮收购数据，今年收购量比去年增长百分之五。粮库运转正常。"
STORY_C = "丙县举办非遗文化节，三百多名手艺人现场展示传统技艺，吸引游客上万人次。"
STORY_D = "丁区新建的社区图书馆今天开放，藏书五万册，周末延长开放时间。"


def _parse(text: str, name: str):
    return parse_document(textwrap.dedent(text).lstrip("\n"), name, SETTINGS)


def _titles(doc) -> list[str | None]:
    return [a.title for a in doc.articles]


# ---------------------------------------------------------------------------------------
# Class 1: a front-matter post whose body is a sequence of headed stories


DIGEST_POST = f"""
---
title: "每日要闻 · 2024年5月6日"
date: "2024-05-06"
author: "编辑部"
tags: [要闻]
---
<p class="lead">今日要闻共三条。</p>

### [视频]甲市地铁一号线开通

[观看视频 ↗](https://example.com/v/1001.html)

{STORY_A}

---

### 乙省夏粮收购量增长

[观看视频 ↗](https://example.com/v/1002.html)

{STORY_B}

---

### 【文化周末】丙县非遗文化节开幕

[观看视频 ↗](https://example.com/v/1003.html)

{STORY_C}

---
"""


def test_post_of_headed_stories_gives_one_article_per_story():
    doc = _parse(DIGEST_POST, "posts/2024-05-06-digest.md")
    assert doc.format == "jekyll-markdown"
    # `[视频]` is a media label, not headline; a column label `【文化周末】` is headline
    assert _titles(doc) == [
        "甲市地铁一号线开通",
        "乙省夏粮收购量增长",
        "【文化周末】丙县非遗文化节开幕",
    ]
    assert [[p.text for p in a.paragraphs] for a in doc.articles] == [
        [STORY_A],
        [STORY_B],
        [STORY_C],
    ]
    first = doc.articles[0]
    assert first.url == "https://example.com/v/1001.html"  # the section's own link
    assert first.published_at is not None and first.published_at.date().isoformat() == "2024-05-06"
    assert first.tags == ["要闻"]
    assert first.authors == []  # the post's compiler is no story's writer
    assert all(a.story_id is None for a in doc.articles)


def test_digest_lead_link_lines_and_rules_are_not_body():
    doc = _parse(DIGEST_POST, "posts/2024-05-06-digest.md")
    bodies = "\n".join(p.text for a in doc.articles for p in a.paragraphs)
    assert "今日要闻共三条" not in bodies
    assert "观看视频" not in bodies
    assert "---" not in bodies and "###" not in bodies


def test_heading_without_text_in_a_digest_is_not_a_story():
    text = DIGEST_POST.replace(
        '<p class="lead">今日要闻共三条。</p>\n',
        '<p class="lead">今日要闻共三条。</p>\n\n### 节目开始\n\n'
        "[观看视频 ↗](https://example.com/v/1000.html)\n\n---\n",
    )
    doc = _parse(text, "posts/2024-05-06-digest.md")
    assert "节目开始" not in _titles(doc)
    assert len(doc.articles) == 3


def _single_article_with_subheads(section_tail: str = "", lead: str = "") -> str:
    """One feature story with three `###` subheads (the common single-article shape)."""
    return f"""
---
title: "一座城市的地铁十年"
date: "2024-05-06"
---
{lead}

### 规划

{STORY_A}
{section_tail.format(n=1)}

### 建设

{STORY_B}
{section_tail.format(n=2)}

### 运营

{STORY_C}
{section_tail.format(n=3)}
"""


@pytest.mark.parametrize(
    "section_tail, lead",
    [
        ("", f"{STORY_D}"),  # subheads, no links
        # every section ends with the same link back to the article: not a link of its own
        ("\n[返回顶部](https://example.com/feature.html)\n", ""),
        # an in-page anchor is no story's web address
        ("\n[返回目录](#toc{n})\n", ""),
    ],
)
def test_single_article_with_subheads_stays_one_article(section_tail, lead):
    doc = _parse(_single_article_with_subheads(section_tail, lead), "posts/2024-05-06-f.md")
    assert len(doc.articles) == 1
    article = doc.articles[0]
    assert article.title == "一座城市的地铁十年"
    assert [p.text for p in article.paragraphs if p.kind == "subhead"] == ["规划", "建设", "运营"]


def test_links_in_only_some_sections_are_no_evidence():
    text = _single_article_with_subheads().replace(
        STORY_A, STORY_A + "\n\n[资料](https://example.com/ref/1.html)"
    )
    doc = _parse(text, "posts/2024-05-06-f.md")
    assert len(doc.articles) == 1


def test_sections_with_own_links_after_article_prose_stay_one_article():
    """Prose before the first heading is the article's: its sections' links are references."""
    tail = "\n[参考资料](https://example.com/ref/{n}.html)\n"
    lead = f"{STORY_D}\n\n{STORY_D.replace('丁区', '戊区')}"
    doc = _parse(_single_article_with_subheads(tail, lead), "posts/2024-05-06-f.md")
    assert len(doc.articles) == 1


def test_table_of_contents_over_subheads_is_not_a_digest():
    """A contents list naming the subheads is no evidence: only each section's own link is."""
    text = f"""
    ---
    title: "地铁十年"
    ---
    目录：

    - 规划
    - 建设
    - 运营

    ### 规划

    {STORY_A}

    ### 建设

    {STORY_B}

    ### 运营

    {STORY_C}
    """
    doc = _parse(text, "posts/2024-05-06-toc.md")
    assert len(doc.articles) == 1
    assert doc.articles[0].title == "地铁十年"


# ---------------------------------------------------------------------------------------
# Class 2: Markdown headings over HTML paragraphs (no front matter)

MIXED_DAY = f"""
# 每日新闻 (20240506)

## 摘要

1.甲市地铁一号线开通；

2.乙省夏粮收购量增长；

3.丙县非遗文化节开幕。

## 详细

### 甲市地铁一号线开通

<p><strong>本台消息</strong>：{STORY_A}</p><p>{STORY_D}</p>

[查看原文](https://example.com/a/1.html)

### 乙省夏粮收购量增长

<p>{STORY_B}</p>

[查看原文](https://example.com/a/2.html)

### 丙县非遗文化节开幕

<p>本台消息：</p><p><strong>手艺人齐聚</strong></p><p>{STORY_C}</p>

[查看原文](https://example.com/a/3.html)

---

(更新时间: 1714990000)
"""


def test_markdown_headings_with_html_paragraphs_are_markdown():
    doc = _parse(MIXED_DAY, "days/20240506.md")
    assert doc.format == "newspaper-markdown"
    assert _titles(doc) == ["甲市地铁一号线开通", "乙省夏粮收购量增长", "丙县非遗文化节开幕"]
    assert [p.text for p in doc.articles[0].paragraphs] == [f"本台消息：{STORY_A}", STORY_D]
    assert doc.articles[1].url == "https://example.com/a/2.html"


def test_mixed_day_summary_list_footer_and_lone_lead_in_are_not_body():
    doc = _parse(MIXED_DAY, "days/20240506.md")
    bodies = "\n".join(p.text for a in doc.articles for p in a.paragraphs)
    assert "摘要" not in bodies and "1.甲市" not in bodies
    assert "查看原文" not in bodies and "更新时间" not in bodies
    # `本台消息：` standing alone names nobody and introduces the text: not a paragraph
    assert [p.text for p in doc.articles[2].paragraphs] == ["手艺人齐聚", STORY_C]


def test_html_fragment_without_markdown_headings_stays_html():
    text = f"<h2>甲市地铁一号线开通</h2><p>{STORY_A}</p><p>{STORY_D}</p><p>{STORY_B}</p>"
    doc = _parse(text, "pages/a.html")
    assert doc.format == "newspaper-html"


# ---------------------------------------------------------------------------------------
# Class 3: RSS and Atom feeds

RSS_ITEMS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>某台新闻</title>
    <link>https://example.com/</link>
    <pubDate>Tue, 07 May 2024 06:15:00 +0800</pubDate>
    <item>
      <title>[视频]甲市地铁一号线开通</title>
      <link>https://example.com/a/1.html</link>
      <pubDate>Mon, 06 May 2024 19:00 +0800</pubDate>
      <dc:creator>张三</dc:creator>
      <description><![CDATA[<p>{STORY_A}</p><p>{STORY_D}</p>]]></description>
    </item>
    <item>
      <title>乙省夏粮收购量增长</title>
      <link>https://example.com/a/2.html</link>
      <pubDate>Mon, 06 May 2024 23:30:00 +0000</pubDate>
      <author>news@example.com (李四)</author>
      <description>&lt;p&gt;{STORY_B}&lt;/p&gt;</description>
    </item>
  </channel>
</rss>
"""


def test_rss_items_are_articles_with_title_link_date_author():
    doc = _parse(RSS_ITEMS, "feeds/news.xml")
    assert doc.format == "feed"
    assert _titles(doc) == ["甲市地铁一号线开通", "乙省夏粮收购量增长"]
    first, second = doc.articles
    assert first.url == "https://example.com/a/1.html"
    assert first.published_at == datetime(2024, 5, 6, 19, 0, tzinfo=CHINA)
    assert [a.name for a in first.authors] == ["张三"]
    assert [p.text for p in first.paragraphs] == [STORY_A, STORY_D]
    # an escaped (not CDATA) description is HTML too; 23:30 UTC is the next day in China
    assert [p.text for p in second.paragraphs] == [STORY_B]
    assert second.published_at.astimezone(CHINA).date().isoformat() == "2024-05-07"
    assert [a.name for a in second.authors] == ["李四"]


def test_feed_item_with_titled_sections_is_split_like_a_page():
    description = (
        f"<strong>甲市地铁一号线开通</strong><p>{STORY_A}</p><hr>"
        f"<strong>乙省夏粮收购量增长</strong><p>{STORY_B}</p><hr>"
        f"<strong>丙县非遗文化节开幕</strong><p>{STORY_C}</p>"
    )
    text = RSS_ITEMS.replace(f"<p>{STORY_A}</p><p>{STORY_D}</p>", description).replace(
        "[视频]甲市地铁一号线开通", "每日新闻 20240506"
    )
    doc = _parse(text, "feeds/news.xml")
    assert _titles(doc) == [
        "甲市地铁一号线开通",
        "乙省夏粮收购量增长",
        "丙县非遗文化节开幕",
        "乙省夏粮收购量增长",
    ]
    assert [p.text for p in doc.articles[1].paragraphs] == [STORY_B]
    day = datetime(2024, 5, 6, 19, 0, tzinfo=CHINA)
    assert [a.published_at for a in doc.articles[:3]] == [day, day, day]
    assert all(a.url == "https://example.com/a/1.html" for a in doc.articles[:3])


def test_feed_item_with_bold_subheads_and_no_rules_stays_one_story():
    description = f"<p>{STORY_A}</p><p><strong>新线路</strong></p><p>{STORY_D}</p>"
    text = RSS_ITEMS.replace(f"<p>{STORY_A}</p><p>{STORY_D}</p>", description)
    doc = _parse(text, "feeds/news.xml")
    assert doc.articles[0].title == "甲市地铁一号线开通"
    assert [p.text for p in doc.articles[0].paragraphs] == [STORY_A, "新线路", STORY_D]


def test_rules_between_untitled_parts_do_not_split_an_item():
    blocks, several = entry_blocks(f"<p>{STORY_A}</p><hr><p>{STORY_B}</p>")
    assert not several
    assert [b.text for b in blocks] == [STORY_A, STORY_B]


ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<!-- written by a static site generator -->
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>某站</title>
  <updated>2024-05-07T08:00:00+08:00</updated>
  <entry>
    <title type="html">丙县非遗文化节开幕</title>
    <link rel="alternate" href="https://example.com/c/3.html"/>
    <link rel="enclosure" href="https://example.com/c/3.mp4"/>
    <published>2024-05-06T10:00:00+08:00</published>
    <updated>2024-05-07T09:00:00+08:00</updated>
    <author><name>王五</name></author>
    <summary>丙县举办非遗文化节。</summary>
    <content type="html">&lt;p&gt;{STORY_C}&lt;/p&gt;&lt;p&gt;{STORY_D}&lt;/p&gt;</content>
  </entry>
</feed>
"""


def test_atom_entry_uses_published_alternate_link_and_full_content():
    doc = _parse(ATOM, "feeds/atom.xml")
    assert doc.format == "feed"
    (article,) = doc.articles
    assert article.title == "丙县非遗文化节开幕"
    assert article.url == "https://example.com/c/3.html"
    assert article.published_at == datetime(2024, 5, 6, 10, 0, tzinfo=CHINA)
    assert [a.name for a in article.authors] == ["王五"]
    assert [p.text for p in article.paragraphs] == [STORY_C, STORY_D]


def test_feed_without_text_is_rejected_with_reason():
    text = '<?xml version="1.0"?><rss version="2.0"><channel><title>空</title></channel></rss>'
    with pytest.raises(RejectedDocument, match="feed has 0 entries"):
        parse_document(text, "feeds/empty.xml", SETTINGS)


def test_feed_detection_reads_only_the_root_element():
    assert is_feed('<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>')
    assert is_feed('<feed xmlns="http://www.w3.org/2005/Atom"></feed>')
    assert not is_feed("<html><body><p>rss feed</p></body></html>")
    assert not is_feed("# 标题\n\n<rss> 是一种格式。")


@pytest.mark.parametrize(
    "value, expected",
    [
        ("Tue, 22 Aug 2023 19:00 +0800", datetime(2023, 8, 22, 19, 0, tzinfo=CHINA)),
        ("22 Aug 2023 19:00:05 GMT", datetime(2023, 8, 22, 19, 0, 5, tzinfo=UTC)),
        ("2023-08-22T19:00:00+08:00", datetime(2023, 8, 22, 19, 0, tzinfo=CHINA)),
    ],
)
def test_feed_dates(value, expected):
    from zoneinfo import ZoneInfo

    assert parse_feed_date(value, ZoneInfo("Asia/Shanghai")) == expected


def test_feed_date_without_offset_is_in_the_default_zone():
    from zoneinfo import ZoneInfo

    stamp = parse_feed_date("2023-08-22T19:00:00", ZoneInfo("Asia/Shanghai"))
    assert stamp is not None and stamp.utcoffset() == timedelta(hours=8)


def test_feed_entities_are_never_expanded():
    """A DOCTYPE with entity definitions (the billion-laughs shape) is still a feed, and its
    entities stay unexpanded."""
    doctype = (
        '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    )
    text = RSS_ITEMS.replace("<rss ", doctype + "<rss ", 1).replace(
        f"<p>{STORY_B}</p>", f"&b;&b;&lt;p&gt;{STORY_B}&lt;/p&gt;"
    )
    doc = parse_document(text, "feeds/news.xml", SETTINGS)
    assert doc.format == "feed"
    assert "aaaaaaaaaa" not in "".join(p.text for a in doc.articles for p in a.paragraphs)
