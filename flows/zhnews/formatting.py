"""Plain-text tables for the terminal and the README (CJK characters count as two columns).

Used by the `zhnews` CLI and by the cookbook renderer; kept apart so neither imports the other.
"""

from __future__ import annotations

import unicodedata


def display_width(s: str) -> int:
    """Terminal columns `s` takes: wide and full-width characters (汉字, ，) count twice."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def cell(value, max_width: int) -> str:
    """One value as table text: NULL for None, ⏎ for newlines, cut to `max_width` with …."""
    s = "NULL" if value is None else str(value)
    s = s.replace("\n", "⏎")
    if display_width(s) > max_width:
        out, w = [], 0
        for ch in s:
            w += display_width(ch)
            if w > max_width - 1:
                break
            out.append(ch)
        s = "".join(out) + "…"
    return s


def format_table(columns: list[str], rows: list[tuple], max_width: int = 40) -> str:
    cells = [[cell(v, max_width) for v in row] for row in rows]
    widths = [
        max([display_width(c)] + [display_width(r[i]) for r in cells])
        for i, c in enumerate(columns)
    ]

    def line(values):
        return " │ ".join(
            v + " " * (w - display_width(v)) for v, w in zip(values, widths, strict=True)
        )

    sep = "─┼─".join("─" * w for w in widths)
    out = [line(columns), sep, *(line(r) for r in cells)]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)
