"""Both seeds against the shared gold, field by field (copied into tests/gold/shared)."""

import json
from pathlib import Path

import pytest
from zhnews.decode import decode_bytes
from zhnews.parse import parse_document

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "shared"


def load(name):
    gold = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))
    text, _ = decode_bytes((ROOT / gold["file"]).read_bytes())
    return gold, parse_document(text, gold["file"])


def subheads(article):
    return [p.text for p in article.paragraphs if p.kind == "subhead"]


def captions(article):
    return [p.text for p in article.paragraphs if p.kind == "caption"]


def test_seed_000_jekyll_html():
    gold, doc = load("000_66bb122d1a376937")
    assert doc.format == "jekyll-html"
    (article,) = doc.articles
    (g,) = gold["articles"]
    assert article.title == g["title"] and not article.title_derived
    assert article.kicker is None and article.subtitle is None and article.authors == []
    assert article.published_at.isoformat() == g["published_at"]
    assert article.published_at_source == "front_matter"
    assert article.category == g["category"] and article.tags == g["tags"]
    assert article.publisher == g["source_name"]
    assert article.url == g["source_url"] and article.story_id == g["external_id"]
    body = article.body_paragraphs
    assert len(body) == g["paragraph_count"]
    assert body[0].startswith(g["first_paragraph_prefix"])
    assert body[-1].startswith(g["last_paragraph_prefix"])
    assert subheads(article) == g["subheads"]
    for text in g["not_in_body"]:
        assert all(text not in p.text for p in article.paragraphs)
    assert all("http" not in p for p in body)


@pytest.fixture(scope="module")
def seed_004():
    return load("004_9d54dff2636fb14b")


def test_seed_004_boundaries(seed_004):
    gold, doc = seed_004
    assert doc.format == "newspaper-markdown"
    assert [a.title for a in doc.articles] == [g["title"] for g in gold["articles"]]
    assert [a.kicker for a in doc.articles] == [g["kicker"] for g in gold["articles"]]
    assert [a.subtitle for a in doc.articles] == [g["subtitle"] for g in gold["articles"]]


@pytest.mark.parametrize("index", range(5))
def test_seed_004_article(seed_004, index):
    gold, doc = seed_004
    g, article = gold["articles"][index], doc.articles[index]
    assert [a.name for a in article.authors] == g["authors"]
    assert article.published_at is None and article.published_at_source == "unknown"
    body = article.body_paragraphs
    relocated = "relocated_paragraph" in article.flags
    # Documented variant: misplaced paragraphs are moved to the start of their own article.
    expected_count = (
        g.get("paragraph_count_with_relocated", g["paragraph_count"])
        if relocated
        else g["paragraph_count"]
    )
    assert len(body) == expected_count
    first = g["relocated_from_article_2"][0] if relocated else g["first_paragraph_prefix"]
    assert body[0].startswith(first)
    assert body[-1].startswith(g["last_paragraph_prefix"])
    assert subheads(article) == g.get("subheads", [])
    for caption in g.get("captions", []):
        assert caption in captions(article)
    for joined in g.get("joined_paragraphs", []):
        assert sum(joined in p for p in body) == 1
    assert len(article.joins) == len(g.get("joined_paragraphs", []))
    for prefix in g.get("misplaced_paragraph_prefixes", []):
        assert "misplaced_paragraph" in article.flags
        assert not any(p.startswith(prefix) for p in body)


def test_seed_004_relocation_variant(seed_004):
    _, doc = seed_004
    assert "relocated_paragraph" in doc.articles[4].flags
    assert doc.articles[4].body_paragraphs[2].startswith("县组店镇后马屯村党支部书记潘松刚说。")
