"""Every finews post (and its saved versions) parses into one clean article."""

from datetime import timedelta
from pathlib import Path

import pytest
import yaml
from zhnews.decode import decode_bytes
from zhnews.parse import parse_document

FIXTURES = Path(__file__).resolve().parent / "fixtures"
POSTS = sorted((FIXTURES / "finews").glob("*.md"))
VERSIONS = sorted((FIXTURES / "finews-versions").glob("*.md"))


def parse(path):
    text, _ = decode_bytes(path.read_bytes())
    return parse_document(text, str(path))


def test_corpus_present():
    assert len(POSTS) == 74 and len(VERSIONS) == 7


@pytest.mark.parametrize("path", POSTS + VERSIONS, ids=lambda p: p.name)
def test_post(path):
    doc = parse(path)
    assert doc.format == "jekyll-markdown"
    (article,) = doc.articles
    front = yaml.safe_load(path.read_text(encoding="utf-8").lstrip().split("---")[1])
    assert article.title == front["title"] and not article.title_derived
    assert article.category == "emnews" and article.tags == ["东财滚动新闻"]
    assert article.published_at.tzinfo is not None
    assert article.published_at.utcoffset() == timedelta(hours=8)
    assert article.published_at.strftime("%Y-%m-%d %H:%M:%S") == str(front["date"])[:19]
    assert article.published_at_source == "front_matter"
    story_id = path.name[11:29]
    assert article.story_id == story_id
    body = article.body_paragraphs
    assert len(body) == 1 and article.summary == body[0]
    for paragraph in article.paragraphs:
        assert (
            "返回" not in paragraph.text
            and "http" not in paragraph.text
            and "<" not in paragraph.text[:1]
        )
    if article.url is not None:
        assert article.url.startswith("http") and story_id in article.url


def test_empty_link_is_no_url():
    (article,) = parse(FIXTURES / "finews" / "2021-12-08-202112082206870651.md").articles
    assert article.url is None and article.story_id == "202112082206870651"


def test_literal_less_than_survives():
    (article,) = parse(FIXTURES / "finews" / "2021-12-08-202112082206796814.md").articles
    assert "精度满足<1%" in article.body_paragraphs[0]


def test_blank_line_before_front_matter():
    (article,) = parse(FIXTURES / "finews" / "2021-12-08-202112082206703990.md").articles
    assert article.title.startswith("FF：")


def test_versions_share_story_id():
    for version in VERSIONS:
        original = FIXTURES / "finews" / version.name.split("@")[0]
        assert parse(version).articles[0].story_id == parse(original).articles[0].story_id


def test_hk_codes_normalised():
    (a,) = parse(FIXTURES / "finews" / "2021-12-08-202112082206885265.md").articles
    assert [(s.code, s.market, s.name) for s in a.stocks] == [("03301", "HK", "融信中国")]
    (b,) = parse(FIXTURES / "finews" / "2021-12-08-202112082206797286.md").articles
    assert ("02888", "HK", "渣打集团") in [(s.code, s.market, s.name) for s in b.stocks]


def test_publisher_from_the_sites_url_is_flagged():
    (article,) = parse(FIXTURES / "finews" / "2021-12-08-202112082206672930.md").articles
    assert article.publisher == "东方财富网"
    assert "publisher_from_url" in article.flags
    seed = Path(__file__).resolve().parents[1] / "seeds" / "000_66bb122d1a376937.txt"
    (printed,) = parse(seed).articles
    assert printed.publisher == "齐鲁晚报" and "publisher_from_url" not in printed.flags
