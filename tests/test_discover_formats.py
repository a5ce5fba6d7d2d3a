"""Feeds and XML newspaper pages dropped in an inbox folder are loaded like posts and pages.

The parser reads RSS/Atom feeds and XML transcriptions (parse/feed.py, parse/xmldoc.py); the
folder walk must hand them to it, and the load must publish one article per item / article
division (found by looking at a real run: the walk used to skip `.xml`).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import query, run_etl
from zhnews.discover import discover

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>示例频道</title><link>https://example.org/</link>
<pubDate>Wed, 23 Aug 2026 08:00:00 +0800</pubDate>
<item><title>城市公园新增两千个座椅</title><link>https://example.org/a/1</link>
<pubDate>Tue, 22 Aug 2026 19:00:00 +0800</pubDate>
<description><![CDATA[<p>市园林局今天表示，全市公园今年新增两千个座椅，方便市民休息。</p>
<p>新增座椅主要放在步道两侧和湖边，采用防腐木材。</p>]]></description></item>
<item><title>地铁三号线开通试运营</title><link>https://example.org/a/2</link>
<pubDate>Tue, 22 Aug 2026 20:00:00 +0800</pubDate>
<description><![CDATA[<p>地铁三号线今天上午开通试运营，全线共设二十个车站。</p>
<p>试运营期间，列车最小间隔为六分钟。</p>]]></description></item>
</channel></rss>
"""

PAGE = """<?xml version="1.0" encoding="UTF-8"?>
<TEI><teiHeader><fileDesc><titleStmt><title>示例日报 第一版</title></titleStmt>
<publicationStmt><date when="1939-04-22">1939-04-22</date></publicationStmt></fileDesc></teiHeader>
<text><body>
<div type="article"><head>本市米價回落</head>
<p>本市米價連日回落，各米店門前購米者<lb/>已見減少。</p>
<p>據米業公會稱，下月來源充足，價格當可平穩。</p></div>
<div type="article"><head>電車公司增開班次</head>
<p>電車公司自下週起增開早晚班次，以便市民<lb/>上下班。</p>
<p>該公司並將整修車廂座位。</p></div>
</body></text></TEI>
"""


def _inbox(tmp_path: Path) -> Path:
    inbox = tmp_path / "inbox" / "wire"
    inbox.mkdir(parents=True)
    (inbox / "feed.xml").write_text(FEED, encoding="utf-8")
    (inbox / "same-feed.rss").write_text(FEED.replace("example.org", "example.net"), "utf-8")
    (inbox / "page.xml").write_text(PAGE, encoding="utf-8")
    (inbox / "notes.json").write_text("{}", encoding="utf-8")  # not a document type
    return inbox


def test_folder_walk_reads_feeds_and_xml_but_not_other_files(tmp_path: Path):
    inbox = _inbox(tmp_path)
    found, _ = discover([str(inbox)], {})
    assert sorted(Path(f.path).name for f in found.files) == [
        "feed.xml",
        "page.xml",
        "same-feed.rss",
    ]


@pytest.mark.usefixtures("prefect_api")
def test_feeds_and_xml_pages_publish_one_article_per_item(tmp_path: Path):
    inbox = _inbox(tmp_path)
    db = tmp_path / "w" / "zhnews"
    result = run_etl([inbox], db)
    assert result["status"] == "published", result
    rows = query(
        db,
        "SELECT d.format, a.title, strftime(a.published_at AT TIME ZONE 'Asia/Shanghai', "
        "'%Y-%m-%d') FROM marts.articles a JOIN raw.documents d USING (document_id) "
        "ORDER BY d.source_path, a.ordinal",
    )
    assert [(f, t) for f, t, _ in rows] == [
        ("feed", "城市公园新增两千个座椅"),
        ("feed", "地铁三号线开通试运营"),
        ("newspaper-xml", "本市米價回落"),
        ("newspaper-xml", "電車公司增開班次"),
        ("feed", "城市公园新增两千个座椅"),
        ("feed", "地铁三号线开通试运营"),
    ]
    assert {d for _, _, d in rows} == {"2026-08-22", "1939-04-22"}


def test_walked_and_given_paths_are_absolute_and_normalised(tmp_path, monkeypatch):
    import os

    from zhnews.discover import _absolute, discover

    (tmp_path / ".cache" / "d").mkdir(parents=True)
    (tmp_path / ".cache" / "d" / "a.md").write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for given in (".cache", "./.cache/d/../d", str(tmp_path / ".cache")):
        (ref,), _ = discover([given], {})[0].files, None
        assert ref.path == os.path.abspath(ref.path) == str(tmp_path / ".cache" / "d" / "a.md")
    for p in ("/a/./b", "/a/../b", "/a//b", "/a/.hidden/b", "/a/b/..", "rel/x", "/a/b"):
        assert _absolute(p) == os.path.abspath(p), p
