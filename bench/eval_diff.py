"""Which documents a parser change moved, from two `zhnews eval --json` runs on one dev set.

    .venv/bin/zhnews eval bench/extraction --json > new.json
    PYTHONPATH=<worktree of an older commit>/flows .venv/bin/python -m zhnews eval \\
        bench/extraction --json > old.json
    .venv/bin/python bench/eval_diff.py old.json new.json

Prints, for every document whose zhnews scores differ (fields right or wrong, body F1,
paragraphs exact, leaks, stories found), what changed, then `N of M differ`. The gold says
whether a change is right; `bench/parse_diff.py` shows what moved on folders without gold.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def differences(old: dict, new: dict) -> list[str]:
    """One line per changed story or leak list, for documents scored in both runs."""
    before = {d["file"]: d["systems"]["zhnews"] for d in old["documents"]}
    after = {d["file"]: d["systems"]["zhnews"] for d in new["documents"]}
    lines = []
    for name in sorted(before.keys() & after.keys()):
        x, y = before[name], after[name]
        for i, (s, t) in enumerate(zip(x["stories"], y["stories"], strict=False)):
            changed = {
                k: (s.get(k), t.get(k)) for k in sorted(s.keys() | t.keys()) if s.get(k) != t.get(k)
            }
            if changed:
                lines.append(f"{name} story {i}: {changed}")
        if x["leaks"] != y["leaks"] or x["predicted"] != y["predicted"]:
            lines.append(
                f"{name} leaks {x['leaks']} -> {y['leaks']}, stories {x['predicted']} -> {y['predicted']}"
            )
    return lines


def main(argv: list[str]) -> int:
    old, new = (json.loads(Path(a).read_text(encoding="utf-8")) for a in argv[:2])
    lines = differences(old, new)
    print("\n".join(lines))
    moved = {line.split(" ", 1)[0] for line in lines}
    common = {d["file"] for d in old["documents"]} & {d["file"] for d in new["documents"]}
    print(f"{len(moved)} of {len(common)} documents differ")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
