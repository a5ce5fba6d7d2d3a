"""Maintained libraries against the project's own code, on the same inputs, in one run.

    .venv/bin/python bench/libraries.py [bench/extraction]

1. Published day of HTML pages: htmldate (`find_date`, original date, extensive search,
   min_date 1900) against zhnews' date vote (`parse_document`), both scored against the dev
   set's hand-checked gold day, on the single-article HTML pages of `bench/extraction`.
2. MinHash signatures for near-duplicate detection: datasketch's `MinHash` (64 permutations,
   character 5-gram shingles) against `zhnews.enrich.fingerprints` (64 values, numpy):
   import time, time per article, and how close each estimate of the Jaccard similarity is
   to the exact Jaccard similarity of the shingle sets over pairs of dev-set bodies.

Both libraries are in the `peers` dependency group (`uv sync --group peers`), not in the
product's dependencies: the numbers below are why.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _import_seconds(module: str) -> float:
    """Wall time of `import module` in a fresh interpreter (what a process start pays)."""
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def dates(bench: Path) -> dict:
    from htmldate import find_date
    from zhnews.decode import decode_bytes
    from zhnews.evaluate import bench_gold_files, is_html_document, zhnews_predict

    rows = []
    for gold_path in bench_gold_files(bench):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if gold.get("kind") != "html-article" or len(gold.get("articles") or []) != 1:
            continue
        want = gold["articles"][0].get("published_day")
        if not want:
            continue
        doc = bench / gold["file"]
        text, _ = decode_bytes(doc.read_bytes())
        if not is_html_document(text):
            continue
        t = time.perf_counter()
        try:
            found = find_date(
                text, original_date=True, extensive_search=True, min_date="1900-01-01"
            )
        except Exception:  # noqa: BLE001 - a library failing on a page is a miss
            found = None
        t_lib = time.perf_counter() - t
        t = time.perf_counter()
        predicted = zhnews_predict(text, doc)
        t_own = time.perf_counter() - t
        own = predicted[0].day if predicted else None
        rows.append((gold["file"], want, found, own, t_lib, t_own))
    return {
        "pages": len(rows),
        "htmldate_right": sum(1 for _, w, f, _, _, _ in rows if f == w),
        "zhnews_right": sum(1 for _, w, _, o, _, _ in rows if o == w),
        "htmldate_seconds": sum(r[4] for r in rows),
        "zhnews_parse_seconds": sum(r[5] for r in rows),
        "htmldate_misses": [(f, w, d) for f, w, d, _, _, _ in rows if d != w],
    }


def minhash(bench: Path, pairs: int = 300) -> dict:
    import random

    import numpy as np
    from datasketch import MinHash
    from zhnews.enrich import fingerprints as fp
    from zhnews.evaluate import bench_gold_files

    texts = []
    for gold_path in bench_gold_files(bench):
        for article in json.loads(gold_path.read_text(encoding="utf-8"))["articles"]:
            body = fp.normalise("".join(article.get("body") or []))
            if len(body) >= 50:
                texts.append(body)
    # near-duplicate pairs as the warehouse sees them: a body and an edited copy of it
    rng = random.Random(7)
    variants = []
    for text in texts:
        cut = rng.randint(len(text) // 4, len(text) // 2)
        variants.append(text[:cut] + text[cut + 20 :] + "补充内容" * rng.randint(0, 20))

    def shingles(text: str) -> set[str]:
        return {text[i : i + fp.SHINGLE] for i in range(max(1, len(text) - fp.SHINGLE + 1))}

    def lib_sig(text: str) -> MinHash:
        m = MinHash(num_perm=fp.NUM_PERM, seed=1)
        m.update_batch([s.encode("utf-8") for s in shingles(text)])
        return m

    t = time.perf_counter()
    lib = [lib_sig(x) for x in texts + variants]
    t_lib = time.perf_counter() - t
    t = time.perf_counter()
    own = [fp.minhash(x) for x in texts + variants]
    t_own = time.perf_counter() - t

    n = len(texts)
    chosen = [(i, n + i) for i in range(n)]  # body vs its edited copy
    chosen += [(rng.randrange(n), rng.randrange(n)) for _ in range(pairs)]  # unrelated bodies
    err_lib, err_own = [], []
    corpus = texts + variants
    for a, b in chosen:
        sa, sb = shingles(corpus[a]), shingles(corpus[b])
        exact = len(sa & sb) / len(sa | sb)
        err_lib.append(abs(lib[a].jaccard(lib[b]) - exact))
        err_own.append(abs(fp.jaccard_estimate(own[a], own[b]) - exact))
    return {
        "articles": len(corpus),
        "pairs": len(chosen),
        "datasketch_ms_per_article": 1000 * t_lib / len(corpus),
        "zhnews_ms_per_article": 1000 * t_own / len(corpus),
        "datasketch_mean_abs_error": float(np.mean(err_lib)),
        "zhnews_mean_abs_error": float(np.mean(err_own)),
    }


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    bench = Path(args[0]) if args else ROOT / "bench" / "extraction"
    d = dates(bench)
    print(f"published day on {d['pages']} single-article HTML pages of {bench} (gold day):")
    print(
        f"  htmldate {d['htmldate_right']}/{d['pages']} right, "
        f"{d['htmldate_seconds']:.2f} s for find_date alone"
    )
    print(
        f"  zhnews   {d['zhnews_right']}/{d['pages']} right, "
        f"{d['zhnews_parse_seconds']:.2f} s for the whole parse (title, body, bylines, date)"
    )
    for file, want, found in d["htmldate_misses"]:
        print(f"    htmldate miss: {file}: gold {want}, htmldate {found}")
    m = minhash(bench)
    print(f"MinHash, 64 values, character {5}-grams, {m['articles']} bodies and edited copies:")
    print(
        f"  import: datasketch {_import_seconds('datasketch'):.2f} s, "
        f"zhnews.enrich.fingerprints {_import_seconds('zhnews.enrich.fingerprints'):.2f} s"
    )
    print(
        f"  per article: datasketch {m['datasketch_ms_per_article']:.2f} ms, "
        f"zhnews {m['zhnews_ms_per_article']:.2f} ms "
        f"({m['datasketch_ms_per_article'] / m['zhnews_ms_per_article']:.1f}x)"
    )
    print(
        f"  mean |estimate - exact Jaccard| over {m['pairs']} pairs: datasketch "
        f"{m['datasketch_mean_abs_error']:.3f}, zhnews {m['zhnews_mean_abs_error']:.3f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
