"""Connected components of an edge table of a warehouse SQL file, computed outside SQL.

A statement marked in its SQL file (warehouse/CONVENTIONS.md; publish statements through
zhnews.store.adopt.run_statement, DDL statements through `execute` below)

    -- @components dup_edges as dup_components
    CREATE OR REPLACE TEMP TABLE dup_labels AS SELECT … FROM dup_components c …

gets, before it runs, a temporary table `dup_components(node BIGINT, label BIGINT)`: one row
per node that has an edge in `dup_edges(x, y)` (integers; edges undirected), labelled
with the smallest node of its component. The marts' duplicate clusters used a recursive CTE
for this (min-label propagation, `USING KEY`): on a cold load of 100,000 documents (1.2 million
pairs) it took ~9.5 s of a 16 s publish and was the publish's largest memory user, spilling to
disk under a 384MB DuckDB limit. Here the edges come out of DuckDB as two integer arrays and
scipy's `connected_components` (union-find over a sparse matrix) labels them in well under a
second with a few tens of MB, however the components are shaped; the labels go back as an
Arrow table. The result is the same table the recursion produced (tests/test_components.py).
"""

from __future__ import annotations

import re

import duckdb

_MARK = re.compile(r"^--\s*@components\s+(\w+)\s+as\s+(\w+)\s*$", re.M)


def components_mark(statement: str) -> tuple[str, str] | None:
    """(edge table, result table) of a statement's `-- @components X as Y` line."""
    m = _MARK.search(statement)
    return (m.group(1), m.group(2)) if m else None


def label_components(edges_x, edges_y):
    """(nodes, labels): every node of the undirected edges (x[i], y[i]) (non-negative integer
    arrays), ascending, with the smallest node of its component."""
    import numpy as np

    x = np.asarray(edges_x)
    y = np.asarray(edges_y)
    if x.size == 0:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty
    # imported here: a load without pairs (most small ones) does not pay scipy's ~0.15 s
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    top = int(max(x.max(), y.max()))
    if x.min() >= 0 and y.min() >= 0 and top <= 4 * x.size + 1024:
        # dense numbers (the publish numbers its units 1..n): the graph's index is the node,
        # and a number no edge names is a component of its own that is dropped at the end
        nodes = None
        size, ix, iy = top + 1, x.astype(np.int32), y.astype(np.int32)
    else:
        # sparse or negative numbers: renumber densely first
        nodes, index = np.unique(np.concatenate([x, y]), return_inverse=True)
        size, ix, iy = nodes.size, index[: x.size], index[x.size :]
    graph = coo_matrix((np.ones(ix.size, dtype=np.int8), (ix, iy)), shape=(size, size))
    _, component = connected_components(graph, directed=False)
    # a component's smallest index is its smallest node (indices ascend with the nodes)
    smallest = np.full(component.max() + 1, size, dtype=np.int64)
    np.minimum.at(smallest, component, np.arange(size))
    label = smallest[component]
    if nodes is not None:
        return nodes, nodes[label]
    present = np.zeros(size, dtype=bool)
    present[ix] = True
    present[iy] = True
    index = np.flatnonzero(present)
    return index, label[index]


def create_components(con: duckdb.DuckDBPyConnection, edges: str, result: str) -> None:
    """Fill the temporary table `result(node, label)` from `edges(x, y)` (see the module doc).
    `edges` and `result` come from a SQL file of the manifest, never from data."""
    query = f"SELECT x, y FROM {edges} WHERE x IS NOT NULL AND y IS NOT NULL"  # noqa: S608
    if con.execute(f"SELECT count(*) FROM ({query} LIMIT 1)").fetchone()[0] == 0:  # noqa: S608
        # no edge (a load without pairs, the backfill of a lake that needs none): an empty
        # table, without the ~14 MB that DuckDB's NumPy and Arrow exchange leaves in the process
        con.execute(f"CREATE OR REPLACE TEMP TABLE {result} (node BIGINT, label BIGINT)")
        return
    import pyarrow as pa

    x, y = con.execute(query).fetchnumpy().values()
    nodes, labels = label_components(x, y)
    table = pa.table({"node": nodes, "label": labels})
    con.register("zhnews_components_arrow", table)
    try:
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE {result} AS "  # noqa: S608 - names from the manifest
            "SELECT node, label FROM zhnews_components_arrow"
        )
    finally:
        con.unregister("zhnews_components_arrow")


def prepare(con: duckdb.DuckDBPyConnection, statement: str) -> None:
    """Make the `-- @components` table of a statement of a warehouse SQL file, if it has
    the mark (before the statement runs)."""
    mark = components_mark(statement)
    if mark is not None:
        create_components(con, *mark)


def execute(con: duckdb.DuckDBPyConnection, statement: str) -> None:
    """Run one statement of a warehouse SQL file, its `-- @components` table made first (the
    DDL's statements; the publish's go through zhnews.store.adopt.run_statement, which also
    honours `-- @adopt`)."""
    prepare(con, statement)
    con.execute(statement)
