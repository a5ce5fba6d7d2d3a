"""Hostile or broken input: rejected with a reason, never a hang or a crash."""

import time

import pytest
from zhnews.model import RejectedDocument
from zhnews.parse import parse_document


def rejected(text, path="x.md"):
    with pytest.raises(RejectedDocument) as info:
        parse_document(text, path)
    assert info.value.stage == "parse" and info.value.reason
    return info.value.reason


def test_empty_and_whitespace():
    assert "empty" in rejected("")
    assert "empty" in rejected(" \n\n\t")


def test_front_matter_not_a_mapping():
    assert "mapping" in rejected("---\n- a\n- b\n---\n正文内容。\n")


def test_unclosed_front_matter_without_body():
    assert "never closed" in rejected("---\ntitle: 标题\ndate: 2021-12-08\n")


def test_unclosed_front_matter_with_body_is_salvaged():
    doc = parse_document("---\ntitle: 标题\n\n正文第一段。\n", "x.md")
    assert doc.articles[0].title == "标题" and doc.warnings


def test_python_tag_refused():
    reason = rejected("---\ntitle: !!python/object/apply:os.system ['echo hi']\n---\n正文。\n")
    assert "tag" in reason


def test_alias_bomb_refused():
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
    bomb += "c: &c [*b, *b, *b, *b, *b, *b, *b, *b]\ntitle: t\n---\n正文。\n"
    assert "alias" in rejected(bomb)


def test_unquoted_colon_title_falls_back_to_lines():
    doc = parse_document(
        "---\ntitle: 光大证券: 人民币汇率见顶了吗\ndate: 2021-12-08 10:58:28\n---\n\n正文。\n",
        "x.md",
    )
    assert doc.articles[0].title == "光大证券: 人民币汇率见顶了吗"


def test_bad_date_falls_back_to_story_id():
    doc = parse_document(
        '---\ntitle: ""\ndate:  +0800\n---\n\n正文第一句。第二句。\n<http://a.cn/news/1,202112082206885265.html>\n',
        "post.md",
    )
    (article,) = doc.articles
    assert article.published_at_source == "story_id" and article.published_at.day == 8
    assert (
        article.title == "正文第一句" and article.title_derived and "title_derived" in article.flags
    )


def test_no_date_anywhere_is_unknown():
    (article,) = parse_document("---\ntitle: t\n---\n\n正文。\n", "post.md").articles
    assert article.published_at is None and article.published_at_source == "unknown"


def test_yaml_datetime_and_date_values():
    (a,) = parse_document(
        "---\ntitle: t\ndate: 2021-12-08 10:46:18\n---\n正文。\n", "p.md"
    ).articles
    assert a.published_at.isoformat() == "2021-12-08T10:46:18+08:00"
    (b,) = parse_document("---\ntitle: t\ndate: 2021-12-08\n---\n正文。\n", "p.md").articles
    assert b.published_at.isoformat() == "2021-12-08T00:00:00+08:00"
    (c,) = parse_document(
        "---\ntitle: t\ndate: 2021-12-08T10:46:18+09:00\n---\n正文。\n", "p.md"
    ).articles
    assert c.published_at.isoformat() == "2021-12-08T10:46:18+09:00"


def test_categories_string_split_like_jekyll():
    (a,) = parse_document(
        "---\ntitle: t\ncategories: a b\ntags: [x, y]\n---\n正文。\n", "p.md"
    ).articles
    assert a.category == "a" and a.tags == ["x", "y"]


def test_huge_line_does_not_hang():
    start = time.monotonic()
    try:
        parse_document("正" * 5_000_000, "big.txt")
    except RejectedDocument:
        pass
    assert time.monotonic() - start < 10


def test_deeply_nested_html_does_not_crash():
    html = (
        "<html><body>"
        + "<div>" * 20000
        + "<p>深层正文段落，内容完整。</p>"
        + "</div>" * 20000
        + "</body></html>"
    )
    start = time.monotonic()
    try:
        doc = parse_document(html, "deep.html")
        assert doc.articles
    except RejectedDocument:
        pass
    assert time.monotonic() - start < 10


def test_markup_only_rejected():
    assert rejected("<html><body><script>var a=1;</script><div></div></body></html>", "a.html")


def test_trailing_blank_lines_never_reach_the_line_passes(monkeypatch):
    """Scraped posts can end in hundreds of thousands of empty lines (seen in the finews
    corpus: 626 KB of them after a one-paragraph story); they mean nothing, and the parse
    drops them before its line-by-line passes."""
    import zhnews.parse as parse

    post = (
        "---\ntitle: 标题\ndate: 2021-12-08 10:21:26\n---\n\n正文一段。\n\n<http://x.cn/1.html>\n"
    )
    lines_seen = []
    real = parse.markdown_blocks

    def counting(text, *args):
        lines_seen.append(text.count("\n"))
        return real(text, *args)

    monkeypatch.setattr(parse, "markdown_blocks", counting)
    plain = parse_document(post, "x.md")
    padded = parse_document(post + " \n" * 200_000 + "\t\n", "x.md")
    assert padded.articles[0].paragraphs == plain.articles[0].paragraphs
    assert padded.articles[0].title == "标题"
    assert max(lines_seen) < 10
