"""Connected components outside SQL (zhnews.store.components): the same labels as the
recursive CTE the duplicate-cluster publish used before, on chains, stars, cycles and random
graphs, and the `-- @components` mark run by the publish's statement runner."""

from __future__ import annotations

import random

import duckdb
import pytest
from zhnews.store.adopt import run_statement
from zhnews.store.components import components_mark, create_components, label_components

# The recursion duplicate_clusters.sql ran before (min-label propagation keyed on the node).
RECURSIVE = """
WITH RECURSIVE edges AS (
    SELECT x, y FROM e UNION ALL SELECT y, x FROM e),
comp(node, label) USING KEY (node) AS (
    SELECT DISTINCT x, x FROM edges
    UNION
    SELECT e.y, min(l.label) FROM comp l JOIN edges e ON e.x = l.node
    GROUP BY e.y
    HAVING min(l.label) < (SELECT r.label FROM recurring.comp r WHERE r.node = e.y))
SELECT node, label FROM comp ORDER BY node
"""


def _components(con, edges):
    con.execute("CREATE OR REPLACE TEMP TABLE e (x INTEGER, y INTEGER)")
    if edges:
        con.executemany("INSERT INTO e VALUES (?, ?)", edges)
    create_components(con, "e", "c")
    return con.execute("SELECT node, label FROM c ORDER BY node").fetchall()


def test_labels_are_the_smallest_node_of_each_component():
    nodes, labels = label_components([5, 6, 9, 2], [6, 7, 8, 9])
    assert dict(zip(nodes.tolist(), labels.tolist(), strict=True)) == {
        5: 5,
        6: 5,
        7: 5,
        2: 2,
        8: 2,
        9: 2,
    }


def test_a_long_chain_numbered_backwards_is_one_component():
    # a min-label propagation needs one round per link here; union-find does not
    n = 5000
    nodes, labels = label_components(list(range(n, 1, -1)), list(range(n - 1, 0, -1)))
    assert nodes.tolist() == list(range(1, n + 1))
    assert set(labels.tolist()) == {1}


def test_no_edges_no_rows():
    con = duckdb.connect()
    assert _components(con, []) == []


@pytest.mark.parametrize("seed", range(8))
def test_same_rows_as_the_recursive_cte(seed):
    rng = random.Random(seed)
    nodes = rng.randint(2, 300)
    edges = [
        (rng.randint(1, nodes), rng.randint(1, nodes)) for _ in range(rng.randint(1, nodes * 2))
    ]
    edges += [(a, a) for a in rng.sample(range(1, nodes + 1), 3)]  # self-loops, as a unit may
    con = duckdb.connect()
    got = _components(con, edges)
    assert got == con.execute(RECURSIVE).fetchall()


def test_the_mark_fills_the_table_before_the_statement_runs():
    con = duckdb.connect()
    con.execute("CREATE TEMP TABLE g AS SELECT * FROM (VALUES (3, 4), (4, 10), (7, 8)) t(x, y)")
    statement = (
        "-- components of g\n-- @components g as g_comp\n"
        "CREATE TEMP TABLE out AS SELECT label, count(*) AS n FROM g_comp GROUP BY label"
    )
    assert components_mark(statement) == ("g", "g_comp")
    assert components_mark("SELECT 1") is None
    run_statement(con, statement, "marts.test", None)
    assert con.execute("SELECT * FROM out ORDER BY label").fetchall() == [(3, 3), (7, 2)]


def test_sparse_numbers_are_renumbered_with_the_same_labels():
    rng = random.Random(1)
    x = [rng.randint(1, 500) for _ in range(400)]
    y = [rng.randint(1, 500) for _ in range(400)]
    dense_nodes, dense_labels = label_components(x, y)
    far = 10**12  # far beyond the edges' count: the renumbering path
    nodes, labels = label_components([v * far for v in x], [v * far for v in y])
    assert (nodes == dense_nodes * far).all()
    assert (labels == dense_labels * far).all()


def test_no_edges_give_an_empty_typed_table():
    """A load without pairs: the result table exists, empty, with the columns a statement
    reads (made in SQL, without the NumPy/Arrow exchange)."""
    con = duckdb.connect()
    con.execute("CREATE TEMP TABLE e (x INTEGER, y INTEGER)")
    con.execute("INSERT INTO e VALUES (NULL, 1)")  # an edge missing an end is no edge
    create_components(con, "e", "r")
    assert con.execute("SELECT count(*) FROM r").fetchone() == (0,)
    assert con.execute("DESCRIBE r").fetchall()[0][:2] == ("node", "BIGINT")
