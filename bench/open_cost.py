"""What opening the warehouse costs: a reader (open + one count) and the writer, round by round.

    .venv/bin/python bench/open_cost.py bench/.cache/increment-100000/w [--rounds 5]

Each round opens a sandboxed reader (`zhnews.db.open_published`, what `zhnews sql` and the API
open) and counts raw.documents, then opens the writer's connection (`zhnews.db.Warehouse`,
what every load opens) and closes it; prints the median and the range of each. Run it with
`PYTHONPATH=<worktree>/flows` to time an older revision on the same warehouse. Nothing is
written (the writer opens the lake and leaves it as it was).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    from zhnews.db import Warehouse, open_published

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("db", type=Path)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args(argv)
    reader, writer = [], []
    for _ in range(args.rounds):
        started = time.perf_counter()
        con = open_published(args.db)
        con.execute("SELECT count(*) FROM raw.documents").fetchone()
        con.close()
        reader.append(time.perf_counter() - started)
        started = time.perf_counter()
        wh = Warehouse(args.db)
        wh.con.close()
        writer.append(time.perf_counter() - started)
    for name, times in (("reader open + count", reader), ("writer open", writer)):
        print(
            f"{name}: median {statistics.median(times):.3f} s "
            f"(min {min(times):.3f}, max {max(times):.3f}, {args.rounds} rounds)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
