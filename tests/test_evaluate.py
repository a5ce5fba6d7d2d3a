import json
import socket
from datetime import UTC, datetime
from pathlib import Path

import pytest
from zhnews import evaluate as ev
from zhnews.evaluate import evaluate, format_table, main

GOLD = Path(__file__).resolve().parent / "gold"


def assert_perfect(rows):
    total = rows[-1]
    assert total["file"] == "TOTAL" and total["precision"] == 1.0 and total["recall"] == 1.0
    for key, value in total.items():
        if isinstance(value, tuple):
            assert value[0] == value[1], key


def test_shared_gold_is_perfect():
    rows = evaluate(GOLD / "shared")
    assert len(rows) == 3
    assert_perfect(rows)


def test_own_gold_is_perfect():
    rows = evaluate(GOLD)
    assert len(rows) >= 4
    assert_perfect(rows)
    assert "TOTAL" in format_table(rows)


def test_missing_document_reported(tmp_path):
    (tmp_path / "x.json").write_text(
        '{"file": "nope.txt", "articles": [{"title": "t"}]}', encoding="utf-8"
    )
    rows = evaluate(tmp_path)
    assert rows[0]["error"] and rows[0]["recall"] == 0.0
    assert main([str(tmp_path)]) == 1


# ---------------------------------------------------------------------------------------
# Extraction dev set layout (bench/extraction): side-by-side scoring

PAGE = """<!DOCTYPE html><html><head><title>小麦开镰_示例网</title></head><body>
<div class="menu"><a href="/">首页</a></div>
<h1>小麦开镰</h1><div>2023-06-01 10:00 来源：示例日报</div>
<p>本报讯（记者 王小明）今年全省小麦开镰收割，预计产量与去年持平。</p>
<p>农机手们日夜作业，确保颗粒归仓。</p>
<p>责任编辑：李四</p>
</body></html>"""

DEMO_GOLD = {
    "file": "docs/demo/page.html",
    "source": "demo",
    "kind": "html-article",
    "articles": [
        {
            "title": "小麦开镰",
            "published_day": "2023-06-01",
            "authors": ["王小明"],
            "editor": "李四",
            "body": [
                "今年全省小麦开镰收割，预计产量与去年持平。",
                "农机手们日夜作业，确保颗粒归仓。",
            ],
            "must_not_contain": ["首页"],
        }
    ],
}


def make_bench(tmp_path, gold=DEMO_GOLD, page=PAGE):
    (tmp_path / "docs" / "demo").mkdir(parents=True)
    (tmp_path / "gold" / "demo").mkdir(parents=True)
    (tmp_path / "docs" / "demo" / "page.html").write_text(page, encoding="utf-8")
    (tmp_path / "gold" / "demo" / "page.html.json").write_text(
        json.dumps(gold, ensure_ascii=False), encoding="utf-8"
    )
    return tmp_path


def test_char_f1_is_a_bag_of_characters_without_whitespace():
    assert ev.char_f1("今天 下雨\n了", "今天下雨了") == 1.0
    assert ev.char_f1("", "") == 1.0 and ev.char_f1("", "字") == 0.0
    assert ev.char_f1("雨雨", "雨") == pytest.approx(2 * 1 / 3)  # multiset, not a set
    assert ev.char_f1("了雨下天今", "今天下雨了") == 1.0  # order does not count


def test_the_measure_compares_visible_text_invisible_characters_dropped():
    # a word joiner (U+2060) or a zero-width space a page prints inside a line is no text a
    # reader sees: gold that keeps it and a system that drops it agree
    assert ev.char_f1("居民老化", "居民\u2060老化") == 1.0
    assert ev._collapsed("\u2060\u2060宏建閣 年齡較輕") == "宏建閣 年齡較輕"


def test_china_day_converts_offsets_and_reads_printed_dates():
    assert ev.china_day(datetime(2019, 9, 7, 20, 0, tzinfo=UTC)) == "2019-09-08"
    assert ev.china_day(datetime(2019, 9, 7, 20, 0)) == "2019-09-07"
    assert ev.china_day("2018年12月28日 19:55") == "2018-12-28"
    assert ev.china_day("2019-09-07T21:30:50+08:00") == "2019-09-07"
    assert ev.china_day(None) is None and ev.china_day("昨天") is None


def test_leaks_count_debris_only_beyond_the_gold_body():
    gold = [{"body": ["群众举报后，警方到场。"], "must_not_contain": ["分享到微博"]}]
    clean = ev.Predicted(paragraphs=["群众举报后，警方到场。"])
    assert ev.leaks([clean], gold) == []
    dirty = ev.Predicted(
        paragraphs=[
            "群众举报后，警方到场。",
            "举报",
            "T + -",
            "null",
            "分享到微博",
            "[a](http://x)",
        ]
    )
    found = ev.leaks([dirty], gold)
    assert set(found) == {"举报", "T + - widget", "null line", "markdown link", "分享到微博"}
    editor = ev.Predicted(paragraphs=["正文。", "责任编辑：李四"])
    gold_editor = [{"body": ["正文。"], "must_not_contain": ["责任编辑：李四"]}]
    assert ev.leaks([editor], gold_editor) == ["责任编辑"]  # one debris, counted once


def test_stories_match_by_title_or_bigram_overlap_one_to_one():
    gold = [
        {"title": "甲", "body": ["今年全省小麦开镰收割，预计产量与去年持平。"]},
        {"title": "乙", "body": ["市政府召开新闻发布会，介绍地铁建设进展情况。"]},
    ]
    predicted = [
        ev.Predicted(title="无关", paragraphs=["市政府召开新闻发布会，介绍地铁建设进展。"]),
        ev.Predicted(title="甲", paragraphs=["别的内容"]),
        ev.Predicted(title="丙", paragraphs=["足球比赛今晚在体育场举行，门票已经售罄。"]),
    ]
    assert ev.match_stories(gold, predicted) == {0: 1, 1: 0}
    scores = ev.score_document({"articles": gold}, predicted)
    assert (scores["predicted"], scores["matched"]) == (3, 2)


def test_editor_is_scored_only_for_systems_that_have_one():
    gold = {"articles": [{"title": "t", "editor": "李四", "authors": ["王五"], "body": ["正文。"]}]}
    right = ev.Predicted(title="t", editor="李四", authors=["王五"], paragraphs=["正文。"])
    story = ev.score_document(gold, [right])["stories"][0]
    assert story["editor"] is True and story["authors"] is True and story["body_f1"] == 1.0
    as_author = ev.Predicted(title="t", authors=["王五", "李四"], paragraphs=["正文。"])
    story = ev.score_document(gold, [as_author], has_editor=False)["stories"][0]
    assert story["editor"] == "n/a" and story["authors"] is False  # editors are not authors


def test_paragraphs_exact_counts_gold_paragraphs_printed_as_paragraphs():
    gold = {"articles": [{"title": "t", "body": ["第一段，", "第二段 有空格。", "第三段。"]}]}
    split = ev.Predicted(title="t", paragraphs=["第一段，", "第二段  有空格。", "第三段。"])
    story = ev.score_document(gold, [split])["stories"][0]
    assert (story["paragraphs_exact"], story["paragraphs_gold"]) == (3, 3)
    glued = ev.Predicted(title="t", paragraphs=["第一段，第二段 有空格。", "第三段。"])
    story = ev.score_document(gold, [glued])["stories"][0]
    assert (story["paragraphs_exact"], story["body_f1"]) == (1, 1.0)  # F1 does not see it
    assert ev.score_document(gold, [])["stories"][0]["paragraphs_exact"] == 0


def test_zhnews_authors_are_compared_as_writers(tmp_path):
    # the gold lists writers; a photographer zhnews credits (role 摄影) is not one of them
    doc = tmp_path / "page.html"
    doc.write_text(
        "<html><head><title>小麦开镰</title></head><body><h1>小麦开镰</h1>"
        "<p>本报讯（记者 王五）今年全省小麦开镰收割，各地农机手忙着抢收。</p>"
        "<p>农业部门说，今年的收成比去年好。</p><p>本报记者 李四 摄</p></body></html>",
        encoding="utf-8",
    )
    text = doc.read_text(encoding="utf-8")
    (predicted,) = ev.zhnews_predict(text, doc)
    assert predicted.authors == ["王五"]
    (article,) = ev.parse_document(text, str(doc)).articles
    assert ("李四", "摄影") in [(a.name, a.role) for a in article.authors]


def test_render_html_for_markdown_posts():
    post = (
        "---\ntitle: 标题一\ndate: 2020-01-02 08:00:00 +0800\nauthor: 张三\n---\n\n"
        "[原文](https://x.cn/a)\n------\n\n第一段，\n续行。\n\n> 引语\n\n## 小标题\n\n![图](a.png)\n"
    )
    html = ev.render_html(post)
    assert "<title>标题一</title>" in html and "<h1>标题一</h1>" in html
    assert 'property="article:published_time" content="2020-01-02' in html
    assert '<meta name="author" content="张三">' in html
    assert '<h2><a href="https://x.cn/a">原文</a></h2>' in html  # setext heading, kept
    assert "<p>第一段， 续行。</p>" in html and "<blockquote><p>引语</p></blockquote>" in html
    assert "<h2>小标题</h2>" in html and '<img alt="图" src="a.png">' in html
    assert not ev.is_html_document(post) and ev.is_html_document(PAGE)


def test_bench_side_by_side_with_a_peer_that_fails(tmp_path):
    bench = make_bench(tmp_path)
    seen = []

    def good_peer(html):
        seen.append(html)
        return [
            ev.Predicted(title="小麦开镰_示例网", paragraphs=["首页", "今年全省小麦开镰收割。"])
        ]

    def broken_peer(html):
        raise ValueError("no content")

    result = ev.evaluate_bench(bench, {"good": good_peer, "broken": broken_peer})
    assert seen == [PAGE]  # peers get the page as decoded text
    zh = result["summary"]["demo"]["zhnews"]
    assert zh["title"] == zh["day"] == zh["authors"] == 1.0 and zh["editor"] != "n/a"
    assert zh["body_f1_mean"] == 1.0 and zh["leaks"] == 0 and zh["paragraphs_exact"] == 1.0
    good = result["summary"]["ALL"]["good"]
    assert good["title"] == 0.0 and good["editor"] == "n/a" and good["leaks"] == 1
    assert 0 < good["body_f1_mean"] < 1
    broken = result["documents"][0]["systems"]["broken"]
    assert broken["error"].startswith("ValueError") and broken["stories"][0]["body_f1"] == 0.0
    table = ev.format_bench(result)
    assert "| demo" in table and "**ALL**" in table and "n/a" in table and "paras exact" in table
    assert "zhnews − best peer" in table  # the side-by-side body F1 table
    assert "page.html" in ev.format_worst(result, 3)


def test_run_reports_story_boundaries_and_json(tmp_path, capsys):
    page = PAGE.replace(
        "</body>", "<h1>地铁开通</h1><p>市政府召开新闻发布会，宣布地铁二号线开通运营。</p></body>"
    )
    gold = dict(DEMO_GOLD)
    gold["articles"] = DEMO_GOLD["articles"] + [
        {
            "title": "地铁开通",
            "published_day": "2023-06-01",
            "authors": [],
            "editor": None,
            "body": ["市政府召开新闻发布会，宣布地铁二号线开通运营。"],
        }
    ]
    bench = make_bench(tmp_path, gold, page)
    assert ev.run(bench, as_json=True) == 0
    result = json.loads(capsys.readouterr().out)
    agg = result["summary"]["ALL"]["zhnews"]
    assert agg["stories"] == 2 and agg["story_recall"] is not None
    (bench / "docs" / "demo" / "page.html").unlink()
    assert ev.run(bench) == 1  # a gold file without its document is an error


def test_missing_peer_is_skipped_not_fatal(monkeypatch):
    def missing():
        raise ImportError("no module", name="gne")

    monkeypatch.setitem(ev._PEER_FACTORIES, "gne", missing)
    loaded, skipped = ev.load_peers(["gne"])
    assert loaded == {} and "not installed" in skipped["gne"]


def test_peers_run_offline():
    with ev._offline(), pytest.raises(OSError, match="network access is disabled"):
        socket.create_connection(("example.com", 80), timeout=1)
    with ev._offline(), pytest.raises(OSError):
        socket.socket().connect(("127.0.0.1", 9))


def test_a_document_zhnews_cannot_decode_is_its_miss_not_the_end_of_the_run(tmp_path):
    bench = make_bench(tmp_path)
    gold = dict(DEMO_GOLD, file="docs/demo/empty.html")
    (bench / "docs" / "demo" / "empty.html").write_bytes(b"   \n")  # refused: empty file
    (bench / "gold" / "demo" / "empty.html.json").write_text(
        json.dumps(gold, ensure_ascii=False), encoding="utf-8"
    )
    result = ev.evaluate_bench(bench)
    by_file = {d["file"]: d["systems"]["zhnews"] for d in result["documents"]}
    assert by_file["docs/demo/empty.html"]["error"].startswith("RejectedDocument")
    assert by_file["docs/demo/empty.html"]["stories"][0]["body_f1"] == 0.0
    assert by_file["docs/demo/page.html"]["stories"][0]["body_f1"] == 1.0
