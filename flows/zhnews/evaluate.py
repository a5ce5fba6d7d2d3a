"""Score the parser against hand-made gold files: `python -m zhnews.evaluate GOLD_DIR`.

Each gold JSON names its document (`file`, resolved against docs_root, then the gold dir's
parent, then the project root) and lists the expected articles. Articles are matched by
title, else by the first paragraph's prefix; then per field exact-match counts are taken.
A predicted article that relocated misplaced paragraphs is scored against
`paragraph_count_with_relocated` when the gold provides it (the documented variant).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from zhnews.decode import decode_bytes
from zhnews.model import Article, RejectedDocument
from zhnews.parse import parse_document
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
    return " ".join(text.split()) if text else None


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


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        print("usage: python -m zhnews.evaluate GOLD_DIR [DOCS_ROOT]", file=sys.stderr)
        return 2
    rows = evaluate(Path(args[0]), Path(args[1]) if len(args) > 1 else None)
    print(format_table(rows))
    return 0 if all(not r.get("error") for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
