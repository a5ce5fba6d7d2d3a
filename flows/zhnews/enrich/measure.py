"""Entity precision/recall against hand-made gold, figures found, and the cost of enrichment.

    python -m zhnews.enrich.measure [--bench-repeat N] [--show]

Gold: tests/gold/entities/<seed>.json, one entry per entity a careful reader finds: a name or a
list of accepted spellings (莘县大王寨镇政府 / 大王寨镇政府). A predicted (name, type) is right
when it equals one spelling of a gold entry of that type; recall counts gold entries found.

The seeds are parsed with `zhnews.parse.parse_document` when it is importable, else with the
rough splitter below (one article per file), which is enough for entities and figures.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

from zhnews.enrich import enrich
from zhnews.enrich.entities import extract_entities
from zhnews.enrich.figures import figure_rows
from zhnews.enrich.fingerprints import fingerprint_rows
from zhnews.enrich.lexicon import pos_dictionary
from zhnews.enrich.terms import article_terms
from zhnews.model import Article, Author, Paragraph
from zhnews.settings import DEFAULT_SEEDS, PROJECT_ROOT
from zhnews.text import split_sentences, tokenize

GOLD_DIR = PROJECT_ROOT / "tests" / "gold" / "entities"
TYPES = ("person", "place", "organization")
_TAG_RE = re.compile(r"<[^>]+>")
_BOX_BYLINE = re.compile(r"^□(.+)$")
_CLOSING_BYLINE = re.compile(r"^[(（]([\u4e00-\u9fff]{2,3}(?:\s+[\u4e00-\u9fff]{2,3})*)[)）]$")
_BOILERPLATE = re.compile(r"^(?:<http|\[返回|（文章来源|\(文章来源)")


def simple_parse(text: str) -> list[Article]:
    """One Article per file: front matter title, <p> or line paragraphs, □ and (..) bylines."""
    title = None
    if text.lstrip().startswith("---"):
        _, front, text = text.lstrip().split("---", 2)
        m = re.search(r'^title:\s*"?(.*?)"?\s*$', front, re.M)
        title = m.group(1) if m else None
    raw = re.findall(r"<p[^>]*>(.*?)</p>", text, re.S) if "<p" in text else text.splitlines()
    article = Article(title=title)
    for line in raw:
        line = _TAG_RE.sub("", line).strip()
        if not line or _BOILERPLATE.match(line):
            continue
        byline = _BOX_BYLINE.match(line) or _CLOSING_BYLINE.match(line)
        if byline:
            article.authors += [Author(name) for name in byline.group(1).split()]
            continue
        kind = "subhead" if line.startswith("#") else "body"
        article.paragraphs.append(Paragraph(kind, line.lstrip("#").strip()))
    return [article]


def parse_seed(path: Path) -> list[Article]:
    text = path.read_text(encoding="utf-8")
    try:
        from zhnews.parse import parse_document
    except ImportError:
        return simple_parse(text)
    return parse_document(text, str(path)).articles


def segment(article: Article) -> list[tuple[int, int, str, list[str]]]:
    return [
        (p_ord, s_ord, sentence, tokenize(sentence))
        for p_ord, para in enumerate(article.paragraphs, start=1)
        for s_ord, sentence in enumerate(split_sentences(para.text), start=1)
    ]


def _matches(name: str, entry: str | list[str]) -> bool:
    return name == entry if isinstance(entry, str) else name in entry


def score(predicted: set[tuple[str, str]], gold: dict[str, list]) -> dict[str, dict]:
    """Per type: tp/fp/fn counts, precision, recall and the names behind fp and fn."""
    out = {}
    for type_ in TYPES:
        entries = gold.get(type_, [])
        names = sorted(n for n, t in predicted if t == type_)
        right = [n for n in names if any(_matches(n, e) for e in entries)]
        found = [e for e in entries if any(_matches(n, e) for n in names)]
        missed = [e if isinstance(e, str) else e[0] for e in entries if e not in found]
        out[type_] = {
            "precision": len(right) / len(names) if names else 1.0,
            "recall": len(found) / len(entries) if entries else 1.0,
            "predicted": len(names),
            "gold": len(entries),
            "false_positives": [n for n in names if n not in right],
            "missed": missed,
        }
    return out


def bench(articles: list[tuple[Article, list]], repeat: int) -> dict[str, float]:
    """Seconds per MB of sentence text (UTF-8) for segmentation and each enricher."""
    mb = sum(len(s[2].encode("utf-8")) for _, sents in articles for s in sents) / 1e6 * repeat
    import rjieba

    def timed(fn) -> float:
        start = time.perf_counter()
        for _ in range(repeat):
            for art, sents in articles:
                fn(art, sents)
        return (time.perf_counter() - start) / mb

    texts = [[s[2] for s in sents] for _, sents in articles]
    start = time.perf_counter()
    for _ in range(repeat):
        for sentences in texts:
            for s in sentences:
                rjieba.cut(s)
    cut = (time.perf_counter() - start) / mb
    return {
        "rjieba.cut": cut,
        "entities": timed(lambda a, s: extract_entities(a, "x", s)),
        "figures": timed(lambda a, s: figure_rows("x", s)),
        "terms": timed(lambda a, s: article_terms("x", (t[3] for t in s))),
        "fingerprints": timed(lambda a, s: fingerprint_rows("x", "\n".join(a.body_paragraphs))),
        "enrich (all)": timed(lambda a, s: enrich(a, "x", s)),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m zhnews.enrich.measure",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--bench-repeat", type=int, default=20, help="passes over the seeds (0: skip)")
    ap.add_argument("--show", action="store_true", help="list every entity and figure found")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    pos_dictionary()
    print(f"word lists loaded once per process in {time.perf_counter() - t0:.2f} s")
    all_articles = []
    totals = {t: [0, 0, 0, 0] for t in TYPES}  # right, predicted, found, gold
    for gold_path in sorted(GOLD_DIR.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        seed = DEFAULT_SEEDS / f"{gold_path.stem}.txt"
        predicted: set[tuple[str, str]] = set()
        figures = []
        for i, art in enumerate(parse_seed(seed), start=1):
            sents = segment(art)
            all_articles.append((art, sents))
            rows = enrich(art, f"{gold_path.stem}#{i}", sents)
            predicted |= {(r["name"], r["type"]) for r in rows["entity_mentions"]}
            figures += rows["figures"]
        print(f"\n== {seed.name}")
        for type_, s in score(predicted, gold).items():
            t = totals[type_]
            t[0] += s["predicted"] - len(s["false_positives"])
            t[1] += s["predicted"]
            t[2] += s["gold"] - len(s["missed"])
            t[3] += s["gold"]
            print(
                f"{type_:13} P={s['precision']:.2f} R={s['recall']:.2f} "
                f"(predicted {s['predicted']}, gold {s['gold']})"
            )
            print(f"{'':13} false positives: {'、'.join(s['false_positives']) or '-'}")
            print(f"{'':13} missed: {'、'.join(s['missed']) or '-'}")
        print(f"figures: {len(figures)}")
        if args.show:
            for f in figures:
                print(
                    f"  {f['raw']:<14} {f['value_base']:>16,.2f} {f['base_unit'] or '':<12} "
                    f"{f['category']:<10} {'≈' if f['approximate'] else ''}"
                )
            for name, type_ in sorted(predicted, key=lambda x: (x[1], x[0])):
                print(f"  {type_:13} {name}")
    print("\n== both seeds")
    for type_, (right, pred, found, gold_n) in totals.items():
        p = right / pred if pred else 1.0
        r = found / gold_n if gold_n else 1.0
        print(f"{type_:13} P={p:.2f} R={r:.2f}")
    if args.bench_repeat:
        costs = bench(all_articles, args.bench_repeat)
        cut = costs["rjieba.cut"]
        print(f"\n== cost (seconds per MB of sentence text, {args.bench_repeat} passes)")
        for name, sec in costs.items():
            print(f"{name:14} {sec:7.3f} s/MB  {sec / cut:6.0%} of rjieba.cut")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
