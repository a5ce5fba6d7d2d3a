"""The extraction dev set (bench/extraction) and the held-out set (bench/heldout) stay consistent:
every gold file names an existing document, has the keys bench/extraction/README.md requires, and
its strings are really in the document, so gold cannot silently rot when a document or a gold file
is edited."""

from __future__ import annotations

import copy
import html
import json
import re
from datetime import date
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "bench" / "extraction"
HELDOUT = ROOT / "bench" / "heldout"
BENCHES = [DEVSET, HELDOUT]
GOLD_FILES = sorted(p for bench in BENCHES for p in (bench / "gold").rglob("*.json"))
KINDS = {"html-article", "jekyll-post", "newspaper-page", "archive-item", "feed-item"}
TOP_KEYS = {"file", "source", "kind", "origin", "licence", "articles", "notes"}
ARTICLE_KEYS = {
    "title",
    "published_day",
    "authors",
    "editor",
    "first_sentence",
    "last_sentence",
    "body",
    "must_not_contain",
}
ROLE_WORDS = ("记者", "编辑", "通讯员", "作者", "来源")
_META_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.I)
_CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs"}


def decode(raw: bytes) -> str:
    """Bytes -> text the way a browser would: BOM, then the declared charset, then UTF-8, GB18030."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", "replace")
    candidates = []
    declared = _META_CHARSET.search(raw[:4096])
    if declared:
        name = declared.group(1).decode("ascii").lower()
        candidates.append(_CHARSET_ALIASES.get(name, name))
    candidates += ["utf-8", "gb18030"]
    for name in candidates:
        try:
            return raw.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
    return raw.decode("gb18030", "replace")


def squeeze(text: str) -> str:
    """Whitespace-free form: gold paragraphs are whitespace-normalised, pages wrap lines anywhere."""
    return re.sub(r"\s+", "", text)


def visible_text(text: str) -> str:
    """Text of an HTML page without script/style contents (what a reader can see)."""
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)
    root = lxml_html.document_fromstring(text)
    root = copy.deepcopy(root)
    etree.strip_elements(root, "script", "style", "noscript", "template", with_tail=False)
    return root.text_content()


def bench_of(gold_path: Path) -> Path:
    """The bench folder (bench/extraction or bench/heldout) a gold file belongs to."""
    return next(p for p in BENCHES if gold_path.is_relative_to(p / "gold"))


def gold_id(gold_path: Path) -> str:
    bench = bench_of(gold_path)
    return f"{bench.name}/{gold_path.relative_to(bench / 'gold')}"


def load(gold_path: Path) -> tuple[dict, Path]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    return gold, bench_of(gold_path) / gold["file"]


def document_texts(doc_path: Path) -> tuple[str, str | None]:
    """(raw text with entities resolved, visible text when the document is markup)."""
    raw = decode(doc_path.read_bytes())
    visible = None
    if re.search(r"<(html|body|p|div)\b", raw[:200_000], re.I):
        visible = visible_text(raw)
    unescaped = html.unescape(raw)
    if visible is None and re.search(r"<(html|body|p|div)\b", unescaped[:200_000], re.I):
        # a feed whose entries hold their HTML escaped (`<description>&lt;div&gt;…`)
        visible = visible_text(unescaped)
    return unescaped, visible


@pytest.fixture(scope="module")
def texts():
    cache: dict[Path, tuple[str, str | None]] = {}

    def get(doc_path: Path) -> tuple[str, str | None]:
        if doc_path not in cache:
            cache[doc_path] = document_texts(doc_path)
        return cache[doc_path]

    return get


@pytest.mark.parametrize("bench", BENCHES, ids=lambda p: p.name)
def test_bench_has_gold_files(bench: Path):
    assert list((bench / "gold").rglob("*.json")), f"no gold files under {bench / 'gold'}"


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=gold_id)
def test_gold_file_is_well_formed(gold_path: Path):
    gold, doc_path = load(gold_path)
    rel = gold_path.relative_to(bench_of(gold_path) / "gold")
    assert set(gold) >= TOP_KEYS, f"{rel}: missing keys {TOP_KEYS - set(gold)}"
    assert gold["file"] == f"docs/{rel.as_posix()[: -len('.json')]}", (
        f"{rel}: file does not match the gold path"
    )
    assert doc_path.is_file(), f"{rel}: document {gold['file']} does not exist"
    assert gold["source"] == rel.parts[0], f"{rel}: source must be the folder name"
    assert gold["kind"] in KINDS, f"{rel}: unknown kind {gold['kind']!r}"
    assert gold["origin"].strip() and gold["licence"].strip(), (
        f"{rel}: origin and licence are required"
    )
    assert isinstance(gold["articles"], list) and gold["articles"], (
        f"{rel}: articles must be a non-empty list"
    )
    for n, article in enumerate(gold["articles"], 1):
        where = f"{rel} article {n}"
        assert set(article) >= ARTICLE_KEYS, f"{where}: missing keys {ARTICLE_KEYS - set(article)}"
        assert isinstance(article["title"], str) and article["title"].strip(), (
            f"{where}: empty title"
        )
        day = article["published_day"]
        if day is not None:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", day) and date.fromisoformat(day), (
                f"{where}: bad day {day!r}"
            )
        assert isinstance(article["authors"], list), f"{where}: authors must be a list"
        for name in article["authors"]:
            assert name.strip() == name and name, f"{where}: bad author {name!r}"
            assert not any(w in name for w in ROLE_WORDS), f"{where}: role word in author {name!r}"
        assert article["editor"] is None or (
            isinstance(article["editor"], str) and article["editor"].strip()
        )
        body = article["body"]
        assert isinstance(body, list) and body, f"{where}: body must be a non-empty list"
        for para in body:
            assert para and para == re.sub(r"\s+", " ", para).strip(), (
                f"{where}: paragraph not normalised: {para[:40]!r}"
            )
        assert body[0].startswith(article["first_sentence"]) and article["first_sentence"], (
            f"{where}: first_sentence"
        )
        assert body[-1].endswith(article["last_sentence"]) and article["last_sentence"], (
            f"{where}: last_sentence"
        )
        debris = article["must_not_contain"]
        assert isinstance(debris, list) and 1 <= len(debris) <= 5, (
            f"{where}: must_not_contain needs 1-5 strings"
        )
        for junk in debris:
            assert junk.strip(), f"{where}: empty must_not_contain string"
            hits = [p[:40] for p in body if squeeze(junk) in squeeze(p)]
            assert not hits, f"{where}: must_not_contain {junk!r} is inside the gold body: {hits}"


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=gold_id)
def test_gold_strings_occur_in_document(gold_path: Path, texts):
    gold, doc_path = load(gold_path)
    if not doc_path.is_file():
        pytest.fail(f"{gold['file']} does not exist")
    raw, visible = texts(doc_path)
    haystacks = [squeeze(raw)] + ([squeeze(visible)] if visible is not None else [])
    for n, article in enumerate(gold["articles"], 1):
        for junk in article["must_not_contain"]:
            assert any(squeeze(junk) in h for h in haystacks), (
                f"{gold_path.name} article {n}: must_not_contain {junk!r} is not in {gold['file']}"
            )
        if gold["kind"] != "html-article":
            continue
        assert visible is not None, f"{gold['file']}: html-article but no HTML found"
        page = squeeze(visible)
        # debris printed inside a paragraph (e.g. a search widget after a keyword) is listed in
        # must_not_contain; the paragraph must then read through once that debris is taken out
        cleaned = page
        for junk in article["must_not_contain"]:
            cleaned = cleaned.replace(squeeze(junk), "")
        printed = [article["title"], *article["authors"], *article["body"]]
        if article["editor"]:
            # each editor's name (`李莎宁 张小丹` from `编辑：李莎宁 实习生 张小丹`)
            printed.extend(re.split(r"\s+|[/／]", article["editor"]))
        for text in printed:
            found = squeeze(text) in page or squeeze(text) in cleaned
            assert found, f"{gold_path.name} article {n}: not on the page: {text[:50]!r}"


@pytest.mark.parametrize("bench", BENCHES, ids=lambda p: p.name)
def test_every_document_has_a_gold_file(bench: Path):
    docs = sorted(p for p in (bench / "docs").rglob("*") if p.is_file())
    orphans = [
        str(p.relative_to(bench))
        for p in docs
        if not (bench / "gold" / f"{p.relative_to(bench / 'docs').as_posix()}.json").is_file()
    ]
    assert not orphans, f"documents without gold: {orphans}"


@pytest.mark.parametrize("bench", BENCHES, ids=lambda p: p.name)
def test_every_source_has_a_row_in_sources_md(bench: Path):
    table = (bench / "SOURCES.md").read_text(encoding="utf-8")
    sources = {
        json.loads(p.read_text(encoding="utf-8"))["source"]
        for p in GOLD_FILES
        if bench_of(p) == bench
    }
    missing = [
        s for s in sorted(sources) if not re.search(rf"^\|\s*`?{re.escape(s)}`?\s*\|", table, re.M)
    ]
    assert not missing, f"SOURCES.md has no row for: {missing}"


# bench/extraction/README.md, Conventions: a run-in byline that names a reporter
# (`（中央社記者邱俊欽桃園19日電）`, `据新华社拉萨电（记者 格桑边觉）`) is not body.
_RUN_IN_BYLINE = re.compile(
    r"^[^。，,]{0,16}?[（(][^（）()]{0,12}?(?:记者|記者|通讯员|通訊員)[^（）()]{1,30}[)）]"
)


@pytest.mark.parametrize("gold_path", [p for p in GOLD_FILES if bench_of(p) == DEVSET], ids=gold_id)
def test_devset_body_never_opens_with_a_reporters_byline(gold_path: Path):
    gold, _ = load(gold_path)
    for n, article in enumerate(gold["articles"], 1):
        for para in article["body"][:3]:
            assert not _RUN_IN_BYLINE.match(para), (
                f"{gold_path.name} article {n}: run-in byline kept in the body: {para[:40]!r}"
            )
