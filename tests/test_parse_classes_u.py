"""Failure classes of issue 12 (round u: bylines and credits), seen on dev-set documents
(sohu 2003, yahoo 2005, cdp1998, blogchina, ifeng, iyouport, terminus2049, oncc, tvbs,
dutynews); each test is a small synthetic document or line written for the class, with
made-up names and text."""

from __future__ import annotations

from synthetic import STORY, page, text_of, writers
from zhnews.parse import parse_document
from zhnews.parse.bylines import parse_credit_line


def test_a_team_credited_for_a_non_writing_task_names_nobody_and_is_not_body() -> None:
    line = "测试：某某晚报汽车评测组张三李四王五等12人"
    byline = parse_credit_line(line)
    assert byline is not None and byline.authors == [] and byline.kind == "credit"
    doc = page("<title>小车试驾</title>", f"<h1>小车试驾</h1><p>{line}</p>" + STORY)
    article = parse_document(doc, "page.html").articles[0]
    assert line not in text_of(article)
    assert writers(article) == []
    # a sentence that begins with the same word stays text
    assert parse_credit_line("测试：本次共有12人参加，结果良好等多人") is None


def test_a_picture_source_line_is_a_photo_credit_naming_no_writer() -> None:
    for line in ("◎照片來源：某某觀光局", "（圖片提供：某某旅遊局）", "图片来源：某某图库"):
        byline = parse_credit_line(line)
        assert byline is not None and byline.kind == "photo" and byline.authors == []
    assert parse_credit_line("图片来源：网络，如有侵权请联系删除") is None  # a notice, not a credit


def test_a_closing_signature_with_the_writers_job_title_and_a_disclaimer_names_the_writer() -> None:
    closing = "某某證券大中華區首席分析師 陳大文（以上僅代表作者個人觀點，不構成投資建議）"
    doc = page("<title>金價走勢</title>", "<h1>金價走勢</h1>" + STORY + f"<div>{closing}</div>")
    article = parse_document(doc, "page.html").articles[0]
    assert writers(article) == ["陳大文"]
    assert closing not in text_of(article)
    # a bracket that is not a disclaimer, and a title with no firm before it, are not taken
    doc = page("<title>金價走勢</title>", "<h1>金價走勢</h1>" + STORY + "<p>美國總統 拜登</p>")
    assert writers(parse_document(doc, "page.html").articles[0]) == []


def test_wechats_original_content_mark_names_the_writer_before_the_account() -> None:
    from zhnews.parse.bylines import parse_byline_line

    byline = parse_byline_line("原创：某律师 某某公众号")
    assert byline is not None and [a.name for a in byline.authors] == ["某律师"]
    assert [a.name for a in parse_byline_line("原创： 王小明").authors] == ["王小明"]
    assert parse_byline_line("原创：新华社 某号") is None  # a wire is no writer
    assert parse_byline_line("原创：本文为原创作品，转载请注明出处。") is None


def test_a_translation_credited_to_a_newsroom_names_nobody_and_is_not_body() -> None:
    for line in ("翻译：某某时报中文网", "（編譯：本報國際組）"):
        byline = parse_credit_line(line)
        assert byline is not None and byline.authors == [] and byline.kind == "credit"
    assert [a.name for a in parse_credit_line("翻译：王小明").authors] == ["王小明"]
    doc = page(
        "<title>债务重组</title>", "<h1>债务重组</h1>" + STORY + "<p>翻译：某某时报中文网</p>"
    )
    assert "翻译：某某时报中文网" not in text_of(parse_document(doc, "page.html").articles[0])


def test_a_writers_bio_naming_the_masthead_names_the_writer() -> None:
    from zhnews.parse.bylines import parse_bio_credit

    bio = "Jane Doe是《某某时报》科技记者。她此前在新德里报道印度经济。欢迎在Twitter上关注她。"
    byline = parse_bio_credit(bio)
    assert byline is not None and [a.name for a in byline.authors] == ["Jane Doe"]
    assert [a.name for a in parse_bio_credit("王小明是《某某日报》驻北京记者。").authors] == [
        "王小明"
    ]
    assert parse_bio_credit("他是《某某日报》记者。") is None
    assert parse_bio_credit("中国是《公约》缔约国。") is None


def test_a_blog_themes_meta_line_with_a_reading_time_names_the_poster() -> None:
    from zhnews.parse.bylines import parse_byline_line

    doc = page(
        "<title>监控网络</title>",
        "<h1>监控网络</h1><div class='entry-meta'><a rel='author' href='/author/h/'>Halloran</a>"
        " 2018年3月8日 2019年8月8日 0 Minutes</div>" + STORY,
    )
    article = parse_document(doc, "page.html").articles[0]
    assert writers(article) == ["Halloran"]
    assert not any("Minutes" in p for p in text_of(article))
    assert parse_byline_line("北京 2018年3月8日 3 Minutes") is None  # a place, not a poster
    assert parse_byline_line("2018年3月8日 0 Minutes") is None


def test_a_pen_name_under_the_title_that_repeats_the_titles_name_prefix_is_the_byline() -> None:
    # the reader only (assemble's names-under-title step would call it, see the report)
    from zhnews.parse.bylines import title_pen_name

    byline = title_pen_name("茉香", "茉香：我是怎样走上讲台的")
    assert byline is not None and [a.name for a in byline.authors] == ["茉香"]
    assert title_pen_name("茉香", "我是怎样走上讲台的") is None  # no prefix in the title
    assert title_pen_name("外交部", "外交部：坚决反对") is None  # a body, not a writer
    assert title_pen_name("北京", "北京：今起限行") is None  # a place


def test_a_themes_labels_before_the_days_name_nobody() -> None:
    from zhnews.parse.bylines import parse_byline_line

    for line in (
        "Updated 2020-05-01 3 min read",
        "Last Updated 2020-05-01 3 min read",
        "admin 2020-05-01 3 min read",
    ):
        byline = parse_byline_line(line)
        assert byline is None or byline.authors == []
