"""How much zhnews and its peers lean on a page's class words: a dev set scored as it is and
again with every `class` attribute removed from its saved HTML pages.

    .venv/bin/python bench/perturb.py [bench/extraction] [--peers] [--json OUT]

A source zhnews has never seen names its boxes with words of its own (`article__text`,
`ui-ico-user`, `art`), so a parser that only works through the class words it was shown
does not generalize. Removing them all is harsher than any real page (the words are a
genuine signal: `<span class="author">`), so the drop is an upper bound on that reliance,
not an accuracy figure. Only `.html`/`.htm` documents change (tags are rewritten on the
bytes, which is safe for UTF-8, GBK, Big5 and Shift-JIS: no trail byte is `<` or `>`);
`id` attributes stay (a `<script id="__NEXT_DATA__">` is the page's data, not a style
word). Prints the ALL row of each system on both versions, then the documents whose zhnews
body F1 fell by more than 0.05 or whose leaks grew.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
from pathlib import Path

_TAG = re.compile(rb"<[A-Za-z][^<>]*>")
_CLASS = re.compile(rb"""\sclass\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""", re.IGNORECASE)
FIELDS = ("title", "day", "authors", "editor", "body_f1_mean", "body_f1_worst", "leaks")


def strip_classes(data: bytes) -> bytes:
    """The page with every class attribute taken out of its tags, nothing else changed."""
    return _TAG.sub(lambda tag: _CLASS.sub(b"", tag.group(0)), data)


def perturbed_copy(root: Path, into: Path) -> int:
    """Copy the dev set at `root` (docs and gold) into `into`, classes stripped; how many
    documents changed."""
    shutil.copytree(root / "gold", into / "gold")
    changed = 0
    for path in sorted((root / "docs").rglob("*")):
        if not path.is_file():
            continue
        target = into / "docs" / path.relative_to(root / "docs")
        target.parent.mkdir(parents=True, exist_ok=True)
        data = path.read_bytes()
        if path.suffix.lower() in (".html", ".htm"):
            stripped = strip_classes(data)
            changed += stripped != data
            data = stripped
        target.write_bytes(data)
    return changed


LABELS = ("title", "day", "authors", "editor", "body", "worst", "leaks")


def _cell(value) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return "n/a" if value is None else str(value)


def _row(name: str, label: str, scores: dict) -> str:
    cells = (_cell(scores.get(key)) for key in FIELDS)
    return f"| {name:<11} | {label:<18} | " + " | ".join(f"{c:>7}" for c in cells) + " |"


def main(argv: list[str]) -> int:
    from zhnews.evaluate import evaluate_bench, load_peers

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", default="bench/extraction", type=Path)
    parser.add_argument(
        "--peers", action="store_true", help="score trafilatura, gne, newspaper4k too"
    )
    parser.add_argument("--json", type=Path, help="write both runs' results here")
    args = parser.parse_args(argv)
    peers = load_peers()[0] if args.peers else None
    with tempfile.TemporaryDirectory(prefix="zhnews-perturb-") as tmp:
        changed = perturbed_copy(args.root, Path(tmp))
        as_is = evaluate_bench(args.root, peers)
        bare = evaluate_bench(Path(tmp), peers)
    if args.json:
        args.json.write_text(json.dumps({"as_saved": as_is, "no_class": bare}, ensure_ascii=False))
    print(f"{changed} HTML documents of {len(as_is['documents'])} lost their class attributes\n")
    header = "| system      | version            | " + " | ".join(f"{k:>7}" for k in LABELS) + " |"
    print(header)
    print("|" + "|".join("-" * (len(c)) for c in header.split("|")[1:-1]) + "|")
    for system in as_is["systems"]:
        before = as_is["summary"]["ALL"][system]
        after = bare["summary"]["ALL"][system]
        print(_row(system, "as saved", before))
        print(_row("", "no class attribute", after))
    print()
    before = {d["file"]: d["systems"]["zhnews"] for d in as_is["documents"]}
    for doc in bare["documents"]:
        old, new = before.get(doc["file"]), doc["systems"].get("zhnews")
        if not old or not new:
            continue
        worst_old = min((s.get("body_f1") or 0.0 for s in old["stories"]), default=0.0)
        worst_new = min((s.get("body_f1") or 0.0 for s in new["stories"]), default=0.0)
        if worst_old - worst_new > 0.05 or len(new["leaks"]) > len(old["leaks"]):
            print(
                f"{doc['file']}: zhnews worst body F1 {worst_old:.3f} -> {worst_new:.3f}, "
                f"leaks {len(old['leaks'])} -> {len(new['leaks'])}, "
                f"stories {old['predicted']} -> {new['predicted']}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
