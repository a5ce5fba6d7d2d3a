"""marts.duplicate_clusters is a table maintained at publish from what each load changed.

Whatever the sequence of loads, it must hold exactly what the connected-components view it
replaced computes over the whole warehouse (OLD_VIEW below), and exactly what one cold load
of the same final articles gives. Loads run the real DDL and publish parts on an in-memory
DuckDB (the helpers of test_enrich_marts); the migration runs on a real lake.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
from test_enrich_marts import PAIR_TEXT, _files, _finews, _publish, _seed, _stage
from zhnews.enrich.fingerprints import normalise
from zhnews.store.components import execute
from zhnews.store.lake import LAKE_SCHEMAS, WORK_SCHEMAS

# The view marts.duplicate_clusters was before it became a table (commit dad2add): the oracle.
OLD_VIEW = """
WITH RECURSIVE edges AS (
    SELECT article_a AS x, article_b AS y, exact FROM marts.duplicate_pairs
    UNION ALL
    SELECT article_b, article_a, exact FROM marts.duplicate_pairs),
near(node, label) USING KEY (node) AS (
    SELECT DISTINCT x, x FROM edges
    UNION
    SELECT e.y, min(l.label) FROM near l JOIN edges e ON e.x = l.node
    GROUP BY e.y
    HAVING min(l.label) < (SELECT r.label FROM recurring.near r WHERE r.node = e.y)),
exact(node, label) USING KEY (node) AS (
    SELECT DISTINCT x, x FROM edges WHERE exact
    UNION
    SELECT e.y, min(l.label) FROM exact l JOIN edges e ON e.x = l.node AND e.exact
    GROUP BY e.y
    HAVING min(l.label) < (SELECT r.label FROM recurring.exact r WHERE r.node = e.y)),
best AS (SELECT x AS node, max(similarity) AS similarity
         FROM (SELECT article_a AS x, similarity FROM marts.duplicate_pairs
               UNION ALL SELECT article_b, similarity FROM marts.duplicate_pairs)
         GROUP BY x)
SELECT 'near:' || n.label AS cluster_id, n.node AS article_id, 'near' AS kind, b.similarity
FROM near n JOIN best b USING (node)
UNION ALL
SELECT 'exact:' || x.label, x.node, 'exact', 1.0 FROM exact x
UNION ALL
SELECT 'story:' || story_id, article_id, 'story', NULL
FROM marts.articles
WHERE story_id IN (SELECT story_id FROM marts.articles WHERE story_id IS NOT NULL
                   GROUP BY story_id HAVING count(*) > 1)
"""


def _warehouse() -> duckdb.DuckDBPyConnection:
    c = duckdb.connect()
    for schema in (*LAKE_SCHEMAS, *WORK_SCHEMAS):
        c.execute(f"CREATE SCHEMA {schema}")
    for f in _files():
        for stmt in f.ddl:
            execute(c, stmt)  # as the writer's DDL runner (`-- @components` honoured)
    return c


def _rows(c, sql: str = "SELECT * FROM marts.duplicate_clusters") -> list[tuple]:
    return c.execute(
        f"SELECT cluster_id, article_id, kind, similarity FROM ({sql}) ORDER BY ALL"
    ).fetchall()


def _clusters(c) -> dict[str, list[str]]:
    return {
        cid: members
        for cid, members in c.execute(
            "SELECT cluster_id, list_sort(list(article_id)) FROM marts.duplicate_clusters "
            "GROUP BY cluster_id ORDER BY cluster_id"
        ).fetchall()
    }


def _pairs(c) -> list[tuple]:
    return c.execute(
        "SELECT article_a, article_b, similarity, exact FROM marts.duplicate_pairs ORDER BY ALL"
    ).fetchall()


def _texts() -> dict[str, str]:
    """Two groups of near-copies and a text bridging them.

    u, v, w are adjacent stretches of one real article. Group one is u+v, group two v+w, the
    bridge u+v+w: Jaccard about 2/3 from the bridge to either group, 1/3 between the groups
    (below the 0.5 threshold), so the groups are one component only through the bridge. The
    stretches are ones whose MinHash bands the bridge shares with every member (LSH makes
    such a pair a candidate with probability 0.9, not 1); the test asserts the clusters.
    """
    body = normalise("\n".join(_seed().body_paragraphs))
    u, v, w = body[400:600], body[600:800], body[800:1000]
    one, two = u + v, v + w
    return {
        "one": one,
        "one'": one[:100] + "某" + one[101:],
        "two": two,
        "two'": two[:150] + "某" + two[151:],
        "two''": two[:50] + "某" + two[51:],
        "bridge": u + v + w,
        "other": PAIR_TEXT,
    }


# Per load: the articles it publishes (article_id, story_id, text), the ids it retires without
# republishing, and the clusters the warehouse then holds.
LOADS = [
    ([("a1", "s1", "one"), ("a4", "s4", "two")], [], {}),
    (
        [("a2", "s2", "one'"), ("a3", "s3", "bridge"), ("a5", "s5", "two'"), ("a6", "s6", "one")],
        [],
        {"exact:a1": ["a1", "a6"], "near:a1": ["a1", "a2", "a3", "a4", "a5", "a6"]},
    ),
    (  # a new version of the bridge, about something else: the cluster splits
        [("a3", "s3", "other")],
        [],
        {"exact:a1": ["a1", "a6"], "near:a1": ["a1", "a2", "a6"], "near:a4": ["a4", "a5"]},
    ),
    (  # a second article of story s4; a1 goes away, so a cluster gets a new id
        [("a9", "s4", "two''")],
        ["a1"],
        {"near:a2": ["a2", "a6"], "near:a4": ["a4", "a5", "a9"], "story:s4": ["a4", "a9"]},
    ),
    (  # a new version of a4 (same story, same text): nothing changes
        [("a4", "s4", "two")],
        [],
        {"near:a2": ["a2", "a6"], "near:a4": ["a4", "a5", "a9"], "story:s4": ["a4", "a9"]},
    ),
    ([], ["a9"], {"near:a2": ["a2", "a6"], "near:a4": ["a4", "a5"]}),  # story s4 down to one
]

# After LOADS: loads that only add, where each old cluster enters the computation as one unit
# (merged, renamed, a member's best pair improved), one that retires the bridge of a merged
# cluster (it splits), and two more that add.
GROWTH = [
    (  # a bridge with a smaller id than both clusters it joins: both get its label
        [("a0", "s0", "bridge")],
        [],
        {"near:a0": ["a0", "a2", "a4", "a5", "a6"]},
    ),
    (  # an exact copy of a5 joins the cluster: a5's best pair becomes the exact one
        [("a7", "s7", "two'")],
        [],
        {"exact:a5": ["a5", "a7"], "near:a0": ["a0", "a2", "a4", "a5", "a6", "a7"]},
    ),
    (  # a third copy with a smaller id: the exact cluster is renamed, the near one is not
        [("a10", "s10", "two'")],
        [],
        {
            "exact:a10": ["a10", "a5", "a7"],
            "near:a0": ["a0", "a10", "a2", "a4", "a5", "a6", "a7"],
        },
    ),
    (  # the bridge goes: the merged cluster splits again, under its members' smallest ids
        [],
        ["a0"],
        {
            "exact:a10": ["a10", "a5", "a7"],
            "near:a10": ["a10", "a4", "a5", "a7"],
            "near:a2": ["a2", "a6"],
        },
    ),
    (  # a bridge again, with a larger id: the two clusters merge under a10
        [("a8", "s8", "bridge")],
        [],
        {
            "exact:a10": ["a10", "a5", "a7"],
            "near:a10": ["a10", "a2", "a4", "a5", "a6", "a7", "a8"],
        },
    ),
    (  # a copy of one side with the smallest id: the whole cluster is renamed, also the
        # members it has no pair with (a4, a5, a7, a10 tell the other side)
        [("a01", "s01", "one")],
        [],
        {
            "exact:a01": ["a01", "a6"],
            "exact:a10": ["a10", "a5", "a7"],
            "near:a01": ["a01", "a10", "a2", "a4", "a5", "a6", "a7", "a8"],
        },
    ),
]


def _load(c, load_id: str, articles, retired, texts) -> None:
    for article_id, story, key in articles:
        _stage(c, load_id, f"{load_id}-{article_id}", article_id, _finews(story, 1, texts[key]))
    _publish(c, load_id, retired)


def test_incremental_loads_equal_the_whole_warehouse_computation():
    texts = _texts()
    inc = _warehouse()
    current: dict[str, tuple[str, str]] = {}
    for n, (articles, retired, clusters) in enumerate(LOADS, start=1):
        _load(inc, f"L{n}", articles, retired, texts)
        for article_id, story, key in articles:
            current[article_id] = (story, key)
        for article_id in retired:
            current.pop(article_id)
        assert _rows(inc) == _rows(inc, OLD_VIEW), f"after load L{n}"
        assert _clusters(inc) == clusters, f"after load L{n}"
    near = _near_similarity(inc)
    assert 0.5 <= near["a5"] < 1.0  # the best of its pairs, not the exact 1

    cold = _warehouse()
    _load(cold, "C1", [(a, s, k) for a, (s, k) in sorted(current.items())], [], texts)
    assert _pairs(cold) == _pairs(inc)
    assert _rows(cold) == _rows(inc)
    assert _rows(cold) == _rows(cold, OLD_VIEW)


def _near_similarity(c) -> dict[str, float]:
    return dict(
        c.execute(
            "SELECT article_id, similarity FROM marts.duplicate_clusters WHERE kind = 'near'"
        ).fetchall()
    )


def test_loads_that_only_add_equal_the_whole_warehouse_computation():
    texts = _texts()
    inc = _warehouse()
    for n, (articles, retired, clusters) in enumerate(LOADS + GROWTH, start=1):
        _load(inc, f"L{n}", articles, retired, texts)
        assert _rows(inc) == _rows(inc, OLD_VIEW), f"after load L{n}"
        assert _clusters(inc) == clusters, f"after load L{n}"
        if articles and articles[0][0] == "a7":
            assert _near_similarity(inc)["a5"] == 1.0  # a better pair: its exact copy


def test_ddl_backfills_an_empty_table_once():
    """The backfill a migrated lake gets: every cluster, and nothing more on later DDL runs."""
    texts = _texts()
    c = _warehouse()
    for n, (articles, retired, _) in enumerate(LOADS[:2], start=1):
        _load(c, f"L{n}", articles, retired, texts)
    expected = _rows(c)
    assert expected
    c.execute("DELETE FROM marts.duplicate_clusters")
    for _ in range(2):
        for f in _files():
            for stmt in f.ddl:
                execute(c, stmt)  # as the writer's DDL runner: `-- @components` honoured
        assert _rows(c) == expected


def test_a_lake_with_the_old_view_migrates(tmp_path: Path):
    from zhnews.db import Warehouse, open_published

    db = tmp_path / "w" / "zhnews.duckdb"
    wh = Warehouse(db)
    try:
        c = wh.con
        c.execute(
            "INSERT INTO lake.marts.articles (article_id, document_id, source_path, sha256, "
            "parser_version, ordinal, story_id, title_derived, published_at_source, "
            "n_paragraphs, n_sentences, n_tokens, load_id) "
            "SELECT 'a' || i, 'd' || i, 'p' || i, 's' || i, 'test', 1, 's' || (i // 2), false, "
            "'unknown', 1, 1, 1, 'L0' FROM range(10) t(i)"
        )
        c.execute(
            "INSERT INTO lake.marts.duplicate_pairs VALUES "
            "('a1', 'a2', 0.9, false, 'L0'), ('a2', 'a3', 1.0, true, 'L0'), "
            "('a5', 'a7', 0.6, false, 'L0')"
        )
        # What a lake made by the earlier DDL holds: the view, and an older schema hash.
        c.execute("DROP TABLE lake.marts.duplicate_clusters")
        c.execute(f"CREATE VIEW lake.marts.duplicate_clusters AS {OLD_VIEW}")
        c.execute("DELETE FROM lake.ops.schema_version")
        before = _rows(c, OLD_VIEW)
    finally:
        wh.close()
    assert len(before) == 5 + 2 + 10  # near a1-a3, a5, a7; exact a2, a3; 5 stories of 2

    for _ in range(2):  # the DDL runs again on a later schema change: no second backfill
        wh = Warehouse(db)
        try:
            wh.con.execute("DELETE FROM lake.ops.schema_version")
        finally:
            wh.close()
    con = open_published(db)
    try:
        kinds = con.execute(
            "SELECT 'table' FROM duckdb_tables() WHERE table_name = 'duplicate_clusters' "
            "UNION ALL SELECT 'view' FROM duckdb_views() WHERE view_name = 'duplicate_clusters'"
        ).fetchall()
        assert kinds == [("table",)]
        assert _rows(con) == before
    finally:
        con.close()
