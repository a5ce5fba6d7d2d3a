"""Score the parser against gold: `zhnews eval PATH [--peers] [--json] [--per-doc N]`.

Two gold layouts:
- An extraction dev set (`bench/extraction/`: `docs/<source>/<file>` + `gold/<source>/<file>.json`,
  see its README): zhnews and, with `--peers`, trafilatura, gne and newspaper4k are scored
  side by side per source and overall (definitions below, at `evaluate_bench`).
- A folder of hand-made gold files (`tests/gold/`): each names its document (`file`,
  resolved against docs_root, then the gold dir's parent, then the project root) and lists
  the expected articles. Articles are matched by title, else by the first paragraph's
  prefix; then per field exact-match counts are taken. A predicted article that relocated
  misplaced paragraphs is scored against `paragraph_count_with_relocated` when the gold
  provides it (the documented variant).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from zhnews.decode import decode_bytes
from zhnews.model import Article, RejectedDocument
from zhnews.parse import parse_document
from zhnews.parse.blocks import drop_invisible
from zhnews.parse.bylines import PHOTO_ROLE
from zhnews.settings import PROJECT_ROOT

FIELDS = (
    "title",
    "kicker",
    "subtitle",
    "authors",
    "publisher",
    "url",
    "story_id",
    "date",
    "paragraphs",
    "joins",
)


def _resolve(file: str, gold_path: Path, docs_root: Path | None) -> Path | None:
    for root in (docs_root, gold_path.parent, gold_path.parent.parent, PROJECT_ROOT):
        if root is not None and (root / file).is_file():
            return root / file
    return None


def _norm(text: str | None) -> str | None:
    return " ".join(drop_invisible(text).split()) if text else None


def _match(gold: dict, predicted: list[Article], used: set[int]) -> int | None:
    for idx, article in enumerate(predicted):
        if idx not in used and gold.get("title") and _norm(article.title) == _norm(gold["title"]):
            return idx
    prefixes = [gold.get("first_paragraph_prefix")] + list(
        gold.get("relocated_from_article_2") or []
    )[:1]
    for idx, article in enumerate(predicted):
        body = article.body_paragraphs
        if idx not in used and body and any(p and body[0].startswith(p) for p in prefixes):
            return idx
    return None


def _field_checks(gold: dict, article: Article) -> dict[str, bool]:
    checks: dict[str, bool] = {}
    for key in ("title", "kicker", "subtitle"):
        if key in gold:
            checks[key] = _norm(getattr(article, key)) == _norm(gold[key])
    if "authors" in gold:
        checks["authors"] = [a.name for a in article.authors] == list(gold["authors"])
    if "source_name" in gold:
        checks["publisher"] = article.publisher == gold["source_name"]
    if "source_url" in gold:
        checks["url"] = article.url == gold["source_url"]
    if "external_id" in gold:
        checks["story_id"] = article.story_id == gold["external_id"]
    if "published_at" in gold:
        expected = gold["published_at"]
        actual = article.published_at.isoformat() if article.published_at else None
        checks["date"] = actual == expected
    if "paragraph_count" in gold:
        expected = gold["paragraph_count"]
        if "relocated_paragraph" in article.flags and "paragraph_count_with_relocated" in gold:
            expected = gold["paragraph_count_with_relocated"]
        checks["paragraphs"] = len(article.body_paragraphs) == expected
    if gold.get("joined_paragraphs"):
        body = article.body_paragraphs
        checks["joins"] = all(any(j in p for p in body) for j in gold["joined_paragraphs"])
    return checks


def evaluate(gold_dir: Path, docs_root: Path | None = None) -> list[dict]:
    """One row per gold file plus a final `TOTAL` row; field cells are (correct, total)."""
    rows: list[dict] = []
    for gold_path in sorted(Path(gold_dir).glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        row: dict = {"file": gold.get("file", gold_path.name), "error": None}
        row.update({f: (0, 0) for f in FIELDS})
        gold_articles = gold.get("articles", [])
        row["gold"], row["predicted"], row["matched"] = len(gold_articles), 0, 0
        doc_path = _resolve(gold.get("file", ""), gold_path, docs_root)
        try:
            if doc_path is None:
                raise FileNotFoundError(f"document {gold.get('file')!r} not found")
            text, _ = decode_bytes(doc_path.read_bytes())
            predicted = parse_document(text, str(doc_path)).articles
        except (RejectedDocument, FileNotFoundError) as exc:
            row["error"] = str(exc)
            predicted = []
        row["predicted"] = len(predicted)
        used: set[int] = set()
        for gold_article in gold_articles:
            idx = _match(gold_article, predicted, used)
            checks = _field_checks(gold_article, predicted[idx]) if idx is not None else None
            if idx is not None:
                used.add(idx)
                row["matched"] += 1
            else:
                checks = {k: False for k in _field_checks(gold_article, Article())}
            for key, ok in checks.items():
                correct, total = row[key]
                row[key] = (correct + ok, total + 1)
        rows.append(row)
    total: dict = {"file": "TOTAL", "error": None}
    for key in ("gold", "predicted", "matched"):
        total[key] = sum(r[key] for r in rows)
    for f in FIELDS:
        total[f] = (sum(r[f][0] for r in rows), sum(r[f][1] for r in rows))
    rows.append(total)
    for row in rows:
        row["precision"] = row["matched"] / row["predicted"] if row["predicted"] else 0.0
        row["recall"] = row["matched"] / row["gold"] if row["gold"] else 0.0
    return rows


def format_table(rows: list[dict]) -> str:
    """A plain-text table: boundary precision/recall and per-field exact matches."""
    header = ["file", "P", "R", *FIELDS]
    lines = []
    for row in rows:
        cells = [str(row["file"])[-40:], f"{row['precision']:.2f}", f"{row['recall']:.2f}"]
        cells += [f"{c}/{t}" if t else "-" for c, t in (row[f] for f in FIELDS)]
        if row.get("error"):
            cells[0] += f" [{row['error'][:60]}]"
        lines.append(cells)
    widths = [max(len(header[i]), *(len(line[i]) for line in lines)) for i in range(len(header))]
    out = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))]
    out += ["  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) for line in lines]
    return "\n".join(out)


# =======================================================================================
# Extraction dev set (`bench/extraction`): zhnews side by side with peer extractors
#
# Definitions (also quoted by `zhnews eval --help`):
# - Stories: predicted articles are matched one-to-one to gold stories, greedily by score:
#   equal titles first, then body overlap (character-bigram bag F1 ≥ 0.5; bigrams because
#   two unrelated Chinese stories share many single characters). A single-story gold
#   document is always matched to its best predicted article.
# - title: whitespace-collapsed exact match. published_day: the predicted timestamp's day in
#   China time (Asia/Shanghai); a naive timestamp is taken as printed; gold null = no date.
# - authors: exact set of writers' names (role words are not names; editors are not
#   authors). The gold lists writers only; zhnews also keeps photographers as authors with
#   role 摄影, and those are left out of its set (a photo credit is not a byline).
# - editor: exact match of the 责任编辑 name; n/a for systems without such a field.
# - body char-F1: F1 of the bag (multiset) of characters of the body text with all
#   whitespace removed, predicted vs gold (the usual measure for Chinese extraction,
#   tolerant of paragraph splits); 1.0 when both are empty, 0 for an unmatched story.
#   zhnews' body = its `body` and `subhead` paragraphs; a peer's body = its text.
# - paras exact: share of gold body paragraphs that the matched story prints as one of its
#   paragraphs, whitespace collapsed (paragraph boundaries: a glued or split paragraph
#   misses, which body char-F1 does not see); subheads count as paragraphs.
# - leaks: debris in the predicted bodies of a document: each gold `must_not_contain`
#   string and each DEBRIS_PATTERNS pattern that occurs more often in the predicted bodies
#   than in the gold bodies (so a story that really mentions 举报 is not a leak).
# - story P/R (multi-story documents only): matched / predicted, matched / gold.
# Peers get HTML. A Markdown or text document is rendered for them as an HTML page
# (`render_html`): front-matter title in <title> and <h1>, front-matter date and author in
# <meta> tags, Markdown blocks as <p>/<h1-6>/<blockquote>/<img>, links as <a>, an HTML
# body as is; nothing else is added.

CHINA_TZ = "Asia/Shanghai"
DEBRIS_PATTERNS: dict[str, str] = {
    "related-links header": r"延伸[閱阅][讀读]|相[关關][阅閱][读讀]|聚焦新[聞闻]",
    "责任编辑": r"责任编辑|責任編輯",
    "版权声明": r"版权声明|版權聲明",
    "免责声明": r"免责声明|免責聲明",
    "本文仅代表": r"本文仅代表|本文僅代表",
    "举报": r"举报|舉報",
    "跟贴": r"跟贴|跟帖",
    "原标题": r"原标题|原標題",
    "T + - widget": r"(?:^|\s)T\s*\+\s*[-－](?=\s|$)",
    "null line": r"(?m)^\s*null\s*$",
    "------ underline": r"(?m)^\s*-{3,}\s*$",
    "markdown link": r"\]\(https?:",
}
_DEBRIS_RE = {label: re.compile(pattern) for label, pattern in DEBRIS_PATTERNS.items()}
PEERS = ("trafilatura", "gne", "newspaper4k")
PHOTOGRAPHER = PHOTO_ROLE  # zhnews' role for photo credits, not a writer
NA = "n/a"


@dataclass
class Predicted:
    """One article as a system sees it, in the measure's terms."""

    title: str | None = None
    day: str | None = None  # YYYY-MM-DD, China time when the system gave an offset
    authors: list[str] | None = None
    editor: str | None = None
    paragraphs: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        return "\n".join(self.paragraphs)


def char_f1(predicted: str, gold: str) -> float:
    """Bag-of-characters F1 with whitespace and invisible characters (zero-width spaces and
    joiners, `blocks.drop_invisible`) removed: the measure compares what a reader sees."""
    return _bag_f1(Counter(_compact(predicted)), Counter(_compact(gold)))


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", drop_invisible(text or ""))


def _bigrams_of(text: str) -> Counter:
    compact = _compact(text)
    return Counter(compact[i : i + 2] for i in range(len(compact) - 1))


def _bag_f1(predicted: Counter, gold: Counter) -> float:
    p_total, g_total = sum(predicted.values()), sum(gold.values())
    if not p_total and not g_total:
        return 1.0
    if not p_total or not g_total:
        return 0.0
    common = sum((predicted & gold).values())
    return 2 * common / (p_total + g_total)


def china_day(value: datetime | date | str | None) -> str | None:
    """YYYY-MM-DD of a timestamp in China time (naive values are taken as printed)."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        found = re.search(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})", value)
        if not found:
            return None
        try:
            return date(*map(int, found.groups())).isoformat()
        except ValueError:
            return None
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(ZoneInfo(CHINA_TZ))
        return value.date().isoformat()
    return value.isoformat()


def _title_key(text: str | None) -> str:
    return " ".join(drop_invisible(text or "").split())


def _collapsed(text: str) -> str:
    """A paragraph as the gold writes it: whitespace runs as single spaces, invisible
    characters dropped."""
    return " ".join(drop_invisible(text).split())


def leaks(predicted: list[Predicted], gold_articles: list[dict]) -> list[str]:
    """Debris labels found in the predicted bodies more often than in the gold bodies."""
    pred_text = "\n".join(p.body for p in predicted)
    gold_text = "\n".join("\n".join(g.get("body") or []) for g in gold_articles)
    found: list[str] = []
    fired: list[str] = []
    for label, rx in _DEBRIS_RE.items():
        if len(rx.findall(pred_text)) > len(rx.findall(gold_text)):
            found.append(label)
            fired.append(label)
    for g in gold_articles:
        for debris in g.get("must_not_contain") or []:
            if not debris or pred_text.count(debris) <= gold_text.count(debris):
                continue
            if any(_DEBRIS_RE[label].search(debris) for label in fired):
                continue  # the same debris already counted by its pattern
            found.append(debris)
    return found


def match_stories(gold_articles: list[dict], predicted: list[Predicted]) -> dict[int, int]:
    """gold index -> predicted index, one-to-one (see the definitions above)."""
    candidates: list[tuple[float, int, int]] = []
    gold_grams = [_bigrams_of("\n".join(g.get("body") or [])) for g in gold_articles]
    pred_grams = [_bigrams_of(p.body) for p in predicted]
    for gi, g in enumerate(gold_articles):
        for pi, p in enumerate(predicted):
            overlap = _bag_f1(pred_grams[pi], gold_grams[gi])
            same_title = bool(g.get("title")) and _title_key(g["title"]) == _title_key(p.title)
            if same_title or overlap >= 0.5 or len(gold_articles) == 1:
                candidates.append((same_title * 2 + overlap, gi, pi))
    matches: dict[int, int] = {}
    used: set[int] = set()
    for _score, gi, pi in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if gi not in matches and pi not in used:
            matches[gi] = pi
            used.add(pi)
    return matches


def score_document(gold: dict, predicted: list[Predicted], has_editor: bool = True) -> dict:
    """Per-story checks and document-level leaks/boundaries for one system.

    `has_editor` False: the system has no editor field, its editor cell is n/a.
    """
    gold_articles = gold.get("articles") or []
    matches = match_stories(gold_articles, predicted)
    stories = []
    for gi, g in enumerate(gold_articles):
        p = predicted[matches[gi]] if gi in matches else None
        gold_body = "\n".join(g.get("body") or [])
        printed = {_collapsed(text) for text in p.paragraphs} if p else set()
        story = {
            "title": bool(p and _title_key(p.title) == _title_key(g.get("title"))),
            "day": bool(p and p.day == g.get("published_day")),
            "authors": bool(p and set(p.authors or []) == set(g.get("authors") or [])),
            "editor": bool(p and (p.editor or None) == (g.get("editor") or None))
            if has_editor
            else NA,
            "body_f1": char_f1(p.body, gold_body) if p else 0.0,
            "paragraphs_exact": sum(_collapsed(t) in printed for t in g.get("body") or []),
            "paragraphs_gold": len(g.get("body") or []),
            "matched": p is not None,
            "predicted_title": p.title if p else None,
        }
        stories.append(story)
    return {
        "stories": stories,
        "predicted": len(predicted),
        "matched": len(matches),
        "leaks": leaks(predicted, gold_articles),
    }


# ---------------------------------------------------------------------------------------
# Systems


def zhnews_predict(text: str, doc_path: Path) -> list[Predicted]:
    """The pipeline's own parse of an already decoded document."""
    try:
        articles = parse_document(text, str(doc_path)).articles
    except RejectedDocument:
        return []
    return [
        Predicted(
            title=a.title,
            day=china_day(a.published_at),
            authors=[x.name for x in a.authors if x.role != PHOTOGRAPHER],
            editor=a.editor,
            paragraphs=[p.text for p in a.paragraphs if p.kind in ("body", "subhead")],
        )
        for a in articles
    ]


def is_html_document(text: str) -> bool:
    from zhnews.parse import _HTML_HINT, _HTML_PAGE, meta

    if meta.has_front_matter(text):
        return False
    return bool(_HTML_PAGE.search(text[:5000]) or len(_HTML_HINT.findall(text[:200_000])) >= 3)


def render_html(text: str) -> str:
    """A faithful HTML page for a Markdown/text document (see the definitions above)."""
    from zhnews.parse import _HTML_HINT, meta

    head: list[str] = ['<meta charset="utf-8">']
    title = None
    body = text
    if meta.has_front_matter(text):
        front = meta.split_front_matter(text)
        body = front.body
        data = front.data
        title = str(data["title"]).strip() if data.get("title") else None
        if data.get("date"):
            head.append(
                f'<meta property="article:published_time" content="{_esc(str(data["date"]))}">'
            )
        author = data.get("author") or data.get("authors")
        if author:
            names = author if isinstance(author, list) else [author]
            head.append(f'<meta name="author" content="{_esc(", ".join(map(str, names)))}">')
    if title:
        head.append(f"<title>{_esc(title)}</title>")
    parts = [f"<h1>{_esc(title)}</h1>"] if title else []
    parts.append(body if _HTML_HINT.search(body) else _markdown_html(body))
    return (
        '<!DOCTYPE html>\n<html><head>' + "".join(head) + "</head><body><article>\n"
        + "\n".join(parts) + "\n</article></body></html>"
    )  # fmt: skip


def _esc(text: str) -> str:
    import html

    return html.escape(text, quote=True)


def _markdown_inline(text: str) -> str:
    out = _esc(text)
    out = re.sub(r"!\[([^\]]*)\]\(([^)\s]*)[^)]*\)", r'<img alt="\1" src="\2">', out)
    out = re.sub(r"\[([^\]]*)\]\(([^)\s]*)[^)]*\)", r'<a href="\2">\1</a>', out)
    out = re.sub(r"&lt;((?:https?|ftp)://[^\s&]+)&gt;", r'<a href="\1">\1</a>', out)
    return re.sub(r"(\*\*|__)(.+?)\1", r"<strong>\2</strong>", out)


def _markdown_html(text: str) -> str:
    """Blank-line separated blocks: headings (ATX and setext), quotes, paragraphs."""
    html_blocks: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in block.strip().split("\n") if line.strip()]
        if not lines:
            continue
        atx = re.match(r"(#{1,6})\s*(.*?)\s*#*$", lines[0])
        if atx:
            level = len(atx.group(1))
            html_blocks.append(f"<h{level}>{_markdown_inline(atx.group(2))}</h{level}>")
            lines = lines[1:]
            if not lines:
                continue
        if len(lines) >= 2 and re.fullmatch(r"=+|-+", lines[-1]):
            level = 1 if lines[-1][0] == "=" else 2
            inner = _markdown_inline(" ".join(lines[:-1]))
            html_blocks.append(f"<h{level}>{inner}</h{level}>")
        elif all(line.startswith(">") for line in lines):
            inner = " ".join(re.sub(r"^>+\s?", "", line) for line in lines)
            html_blocks.append(f"<blockquote><p>{_markdown_inline(inner)}</p></blockquote>")
        else:
            html_blocks.append(f"<p>{_markdown_inline(' '.join(lines))}</p>")
    return "\n".join(html_blocks)


def _names(value: object) -> list[str]:
    if not value:
        return []
    items = value if isinstance(value, (list, tuple)) else re.split(r"[;,，、；]", str(value))
    return [str(v).strip() for v in items if str(v).strip()]


def _paragraphs(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").split("\n") if line.strip()]


@contextmanager
def _offline():
    """Refuse every socket connection while peers run: nothing may touch the network."""
    import socket

    def refuse(*_args, **_kwargs):
        raise OSError("zhnews eval: network access is disabled while peers run")

    saved = socket.socket.connect, socket.socket.connect_ex, socket.create_connection
    socket.socket.connect = refuse  # type: ignore[method-assign]
    socket.socket.connect_ex = refuse  # type: ignore[method-assign]
    socket.create_connection = refuse  # type: ignore[assignment]
    try:
        yield
    finally:
        socket.socket.connect, socket.socket.connect_ex, socket.create_connection = saved


def _trafilatura_peer():
    import trafilatura

    def predict(html: str) -> list[Predicted]:
        doc = trafilatura.bare_extraction(html, with_metadata=True)
        if doc is None:
            return []
        return [
            Predicted(
                title=doc.title,
                day=china_day(doc.date),
                authors=_names(doc.author),
                paragraphs=_paragraphs(doc.text),
            )
        ]

    return predict


def _gne_peer():
    from gne import GeneralNewsExtractor

    extractor = GeneralNewsExtractor()

    def predict(html: str) -> list[Predicted]:
        result = extractor.extract(html)
        return [
            Predicted(
                title=result.get("title"),
                day=china_day(result.get("publish_time")),
                authors=_names(result.get("author")),
                paragraphs=_paragraphs(result.get("content")),
            )
        ]

    return predict


def _newspaper_peer():
    import logging
    import os

    os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
    import tldextract
    import tldextract.tldextract as tld_module

    # tldextract's default extractor downloads the public suffix list on first use; an
    # extractor without URLs uses the snapshot bundled with the package instead.
    tld_module.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import newspaper
        from newspaper.configuration import Configuration

    try:  # newspaper4k segments Chinese with jieba, which logs its dictionary loading
        import jieba

        jieba.setLogLevel(logging.ERROR)
    except ImportError:
        pass
    config = Configuration()
    config.fetch_images = False
    config.language = "zh"

    def predict(html: str) -> list[Predicted]:
        article = newspaper.Article("", config=config)
        article.download(input_html=html)
        article.parse()
        return [
            Predicted(
                title=article.title,
                day=china_day(article.publish_date),
                authors=_names(article.authors),
                paragraphs=_paragraphs(article.text),
            )
        ]

    return predict


_PEER_FACTORIES = {
    "trafilatura": _trafilatura_peer,
    "gne": _gne_peer,
    "newspaper4k": _newspaper_peer,
}


def load_peers(names=PEERS) -> tuple[dict, dict[str, str]]:
    """Peer predictors that import; the others with the reason they are skipped."""
    import logging

    for noisy in ("trafilatura", "htmldate", "jieba", "newspaper", "courlan"):
        logging.getLogger(noisy).setLevel(logging.ERROR)
    loaded, skipped = {}, {}
    for name in names:
        try:
            loaded[name] = _PEER_FACTORIES[name]()
        except ImportError as exc:
            skipped[name] = f"not installed ({exc.name or exc})"
    return loaded, skipped


# ---------------------------------------------------------------------------------------
# Running and reporting


def bench_gold_files(root: Path) -> list[Path]:
    return sorted((Path(root) / "gold").rglob("*.json"))


def evaluate_bench(root: Path, peers: dict | None = None) -> dict:
    """Score zhnews (and the given peers) on every gold file under `root/gold`."""
    import time

    root = Path(root)
    systems: dict = {"zhnews": None, **(peers or {})}
    seconds = {name: 0.0 for name in systems}
    documents = []
    for gold_path in bench_gold_files(root):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        rel = gold_path.relative_to(root / "gold")
        file = gold.get("file") or str(Path("docs") / rel.with_suffix(""))
        doc_path = root / file
        source = gold.get("source") or rel.parts[0]
        entry: dict = {"file": file, "source": source, "stories": len(gold.get("articles") or [])}
        entry["systems"] = {}
        if not doc_path.is_file():
            entry["error"] = f"document {file!r} not found under {root}"
            documents.append(entry)
            continue
        # A file zhnews' decoder refuses is zhnews' miss (the pipeline would quarantine it),
        # not the end of the run; peers get the bytes read as UTF-8 with replacements.
        data = doc_path.read_bytes()
        try:
            text, _encoding = decode_bytes(data)
            decode_error = None
        except RejectedDocument as exc:
            text, decode_error = data.decode("utf-8", "replace"), f"decode: {exc}"[:200]
        html = None
        for name, predict in systems.items():
            started = time.perf_counter()
            error = None
            try:
                if predict is None:
                    if decode_error:
                        raise RejectedDocument("decode", decode_error)
                    predicted = zhnews_predict(text, doc_path)
                else:
                    if html is None:
                        html = text if is_html_document(text) else render_html(text)
                    with _offline():
                        predicted = predict(html)
            except Exception as exc:  # a peer failing on one page is a score, not a crash
                predicted, error = [], f"{type(exc).__name__}: {exc}"[:200]
            seconds[name] += time.perf_counter() - started
            scores = score_document(gold, predicted, has_editor=predict is None)
            if error:
                scores["error"] = error
            entry["systems"][name] = scores
        documents.append(entry)
    return {
        "root": str(root),
        "systems": list(systems),
        "seconds": {k: round(v, 2) for k, v in seconds.items()},
        "documents": documents,
        "summary": summarise(documents, list(systems)),
    }


def _aggregate(entries: list[dict], system: str) -> dict:
    stories = [s for e in entries for s in e["systems"].get(system, {}).get("stories", [])]
    scored = [e for e in entries if system in e["systems"]]
    multi = [e for e in scored if e["stories"] > 1]

    def rate(key: str):
        values = [s[key] for s in stories if s[key] != NA]
        if stories and not values:
            return NA
        return sum(values) / len(values) if values else None

    f1 = [s["body_f1"] for s in stories]
    gold_paragraphs = sum(s["paragraphs_gold"] for s in stories)
    predicted = sum(e["systems"][system]["predicted"] for e in multi)
    matched = sum(e["systems"][system]["matched"] for e in multi)
    gold = sum(e["stories"] for e in multi)
    return {
        "docs": len(scored),
        "stories": len(stories),
        "title": rate("title"),
        "day": rate("day"),
        "authors": rate("authors"),
        "editor": rate("editor"),
        "body_f1_mean": sum(f1) / len(f1) if f1 else None,
        "body_f1_worst": min(f1) if f1 else None,
        "paragraphs_exact": sum(s["paragraphs_exact"] for s in stories) / gold_paragraphs
        if gold_paragraphs
        else None,
        "leaks": sum(len(e["systems"][system]["leaks"]) for e in scored),
        "story_precision": matched / predicted if multi and predicted else (0.0 if multi else None),
        "story_recall": matched / gold if multi else None,
        "errors": sum(1 for e in scored if e["systems"][system].get("error")),
    }


def summarise(documents: list[dict], systems: list[str]) -> dict:
    """{source or 'ALL': {system: aggregate}}."""
    sources = sorted({d["source"] for d in documents})
    out: dict = {}
    for source in [*sources, "ALL"]:
        entries = [d for d in documents if source in ("ALL", d["source"])]
        out[source] = {name: _aggregate(entries, name) for name in systems}
    return out


_COLUMNS = (
    ("docs", "docs"), ("stories", "stories"), ("title", "title"), ("day", "day"),
    ("authors", "authors"), ("editor", "editor"), ("body_f1_mean", "body F1"),
    ("body_f1_worst", "worst F1"), ("paragraphs_exact", "paras exact"), ("leaks", "leaks"),
    ("story_precision", "story P"), ("story_recall", "story R"),
)  # fmt: skip


def _cell(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def format_bench(result: dict) -> str:
    """One Markdown table (source × system), readable in a terminal and pasteable."""
    header = ["source", "system", *(label for _key, label in _COLUMNS)]
    rows = []
    for source, by_system in result["summary"].items():
        for idx, (system, agg) in enumerate(by_system.items()):
            label = f"**{source}**" if source == "ALL" else source
            rows.append([label if idx == 0 else "", system, *(_cell(agg[k]) for k, _ in _COLUMNS)])
    widths = [max(len(header[i]), *(len(r[i]) for r in rows)) for i in range(len(header))]
    lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |"]
    lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    lines += [
        "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |" for r in rows
    ]
    if len(result["systems"]) > 1:
        lines += ["", format_body_f1(result)]
    notes = [f"{name}: {sec:.1f} s" for name, sec in result["seconds"].items()]
    lines.append("")
    lines.append("time: " + ", ".join(notes))
    for name, reason in result.get("skipped", {}).items():
        lines.append(f"peer {name} skipped: {reason}")
    return "\n".join(lines)


def format_body_f1(result: dict) -> str:
    """Mean body F1 per source, one column per system, and zhnews minus the best peer."""
    systems = result["systems"]
    header = ["source", *systems, "zhnews − best peer"]
    rows = []
    for source, by_system in result["summary"].items():
        f1 = [by_system[name]["body_f1_mean"] for name in systems]
        peers = [v for v in f1[1:] if v is not None]
        gap = f"{f1[0] - max(peers):+.3f}" if f1[0] is not None and peers else "-"
        label = f"**{source}**" if source == "ALL" else source
        rows.append([label, *(_cell(v) for v in f1), gap])
    widths = [max(len(header[i]), *(len(r[i]) for r in rows)) for i in range(len(header))]
    lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |"]
    lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    lines += [
        "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |" for r in rows
    ]
    return "\n".join(lines)


def format_worst(result: dict, limit: int) -> str:
    """The `limit` documents with the lowest body F1 per system, with what went wrong."""
    out = []
    for system in result["systems"]:
        rows = []
        for doc in result["documents"]:
            scores = doc["systems"].get(system)
            if scores is None:
                rows.append((-1.0, doc["file"], doc.get("error", "not scored")))
                continue
            f1 = [s["body_f1"] for s in scores["stories"]] or [0.0]
            problems = []
            for key in ("title", "day", "authors", "editor"):
                if any(s[key] is False for s in scores["stories"]):
                    problems.append(f"{key}✗")
            if scores["leaks"]:
                problems.append("leaks: " + ", ".join(scores["leaks"]))
            if doc["stories"] != scores["predicted"]:
                problems.append(f"stories {scores['predicted']}/{doc['stories']}")
            if scores.get("error"):
                problems.append(scores["error"])
            rows.append((min(f1), doc["file"], "; ".join(problems)))
        rows.sort(key=lambda r: r[0])
        out.append(f"## {system}: {limit} worst documents by body F1")
        out += [f"{f1:6.3f}  {file}  {problems}" for f1, file, problems in rows[:limit]]
    return "\n".join(out)


def bench_main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        prog="zhnews eval",
        description="Score zhnews (and peers) on an extraction dev set or on gold JSON files.",
    )
    parser.add_argument("path", type=Path, help="bench dir with gold/ and docs/, or a gold dir")
    parser.add_argument("--docs", type=Path, help="(gold dir only) root of the `file` paths")
    parser.add_argument("--peers", action="store_true", help="also run " + ", ".join(PEERS))
    parser.add_argument("--json", action="store_true", help="print the full result as JSON")
    parser.add_argument(
        "--per-doc", type=int, nargs="?", const=10, default=0, metavar="N",
        help="list the N worst documents per system (default 10)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    return run(args.path, args.docs, args.peers, args.json, args.per_doc)


def run(
    path: Path,
    docs: Path | None = None,
    peers: bool = False,
    as_json: bool = False,
    per_doc: int = 0,
) -> int:
    """`zhnews eval`: exit 1 when a gold file's document is missing."""
    if not (path / "gold").is_dir():
        rows = evaluate(path, docs)
        print(format_table(rows))
        return 0 if all(not r.get("error") for r in rows) else 1
    loaded, skipped = load_peers() if peers else ({}, {})
    result = evaluate_bench(path, loaded)
    result["skipped"] = skipped
    if as_json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        print(format_bench(result))
        if per_doc:
            print()
            print(format_worst(result, per_doc))
    missing = [d["file"] for d in result["documents"] if d.get("error")]
    return 1 if missing or not result["documents"] else 0


def main(argv: list[str] | None = None) -> int:
    return bench_main(list(sys.argv[1:] if argv is None else argv))


if __name__ == "__main__":
    raise SystemExit(main())
