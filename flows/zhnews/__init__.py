"""zhnews-warehouse: Chinese news documents → a DuckDB warehouse.

For notebooks: `zhnews.read(table, where=…, columns=…)` and `zhnews.query(sql)` return polars
DataFrames from the published warehouse, read-only (see `zhnews.api`). They are imported on
first use: parse worker processes import this package, and must not pay for DuckDB and polars.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not `from typing import …`: typing alone costs ~10 ms
if TYPE_CHECKING:
    from zhnews.api import connect, query, read

__all__ = ["connect", "query", "read"]


def __getattr__(name: str):
    if name in __all__:
        from zhnews import api

        return getattr(api, name)
    raise AttributeError(f"module 'zhnews' has no attribute {name!r}")
