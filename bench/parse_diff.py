"""What a parser change does to documents that have no gold: dump, then diff two dumps.

    .venv/bin/python bench/parse_diff.py dump new.json seeds tests/fixtures/finews
    PYTHONPATH=<worktree of an older commit>/flows .venv/bin/python bench/parse_diff.py \\
        dump old.json seeds tests/fixtures/finews
    .venv/bin/python bench/parse_diff.py diff old.json new.json

`dump` parses every file under the paths with the `zhnews` package on the import path and
writes each article's title, day, date source, authors, editor, publisher and body
paragraphs; `diff` lists every field that differs, file by file, and counts the files that
changed. Gold says what is right; this says what moved, on any folder of real documents.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def dump(out: Path, paths: list[Path]) -> int:
    from zhnews.decode import decode_bytes
    from zhnews.model import RejectedDocument
    from zhnews.parse import parse_document

    files = sorted(f for p in paths for f in ([p] if p.is_file() else p.rglob("*")) if f.is_file())
    result: dict[str, object] = {}
    for f in files:
        try:
            text, _ = decode_bytes(f.read_bytes())
            articles = parse_document(text, str(f)).articles
        except RejectedDocument as exc:
            result[str(f)] = f"rejected: {exc}"
            continue
        result[str(f)] = [
            {
                "title": a.title,
                "day": a.published_at.date().isoformat() if a.published_at else None,
                "date_source": a.published_at_source,
                "authors": [x.name for x in a.authors],
                "editor": a.editor,
                "publisher": a.publisher,
                "body": [p.text for p in a.paragraphs if p.kind in ("body", "subhead")],
            }
            for a in articles
        ]
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(result)} files parsed into {out}")
    return 0


def diff(old_path: Path, new_path: Path) -> int:
    old = json.loads(old_path.read_text(encoding="utf-8"))
    new = json.loads(new_path.read_text(encoding="utf-8"))
    changed = 0
    for f in sorted(set(old) | set(new)):
        a, b = old.get(f), new.get(f)
        if a == b:
            continue
        changed += 1
        if not isinstance(a, list) or not isinstance(b, list) or len(a) != len(b):
            count = [len(x) if isinstance(x, list) else x for x in (a, b)]
            print(f"{f}: stories {count[0]} -> {count[1]}")
            continue
        for n, (x, y) in enumerate(zip(a, b, strict=True)):
            for field in x:
                if x[field] == y.get(field):
                    continue
                if field == "body":
                    gone = [p[:60] for p in x[field] if p not in y[field]]
                    added = [p[:60] for p in y[field] if p not in x[field]]
                    print(f"{f} [{n}] body: -{gone} +{added}")
                else:
                    print(f"{f} [{n}] {field}: {x[field]!r} -> {y.get(field)!r}")
    print(f"{changed} of {len(set(old) | set(new))} files differ")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    if len(args) >= 3 and args[0] == "dump":
        return dump(Path(args[1]), [Path(p) for p in args[2:]])
    if len(args) == 3 and args[0] == "diff":
        return diff(Path(args[1]), Path(args[2]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
