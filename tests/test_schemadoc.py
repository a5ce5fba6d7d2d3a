"""The README's schema reference is what the warehouse's own COMMENT ON texts generate."""

from __future__ import annotations

import duckdb
import pytest
from conftest import SEEDS, run_etl
from zhnews import schemadoc
from zhnews.db import open_published


@pytest.fixture(scope="module")
def published(tmp_path_factory, prefect_api):
    db = tmp_path_factory.mktemp("schemadoc") / "zhnews.duckdb"
    assert run_etl([SEEDS], db)["status"] == "published"
    con = open_published(db)
    yield con
    con.close()


def test_readme_schema_section_equals_the_generated_reference(published):
    generated = schemadoc.render_markdown(published)
    assert schemadoc.readme_section() == generated, (
        "README.md's schema section differs from the warehouse's COMMENT ON texts: "
        "run `zhnews run && zhnews schema --write-readme`"
    )


def test_every_published_table_and_view_is_documented(published):
    rels = schemadoc.relations(published)
    assert {r.schema for r in rels} == set(schemadoc.SCHEMAS)
    assert {"raw.documents", "marts.articles", "ops.loads", "ops.dq_results"} <= {
        r.qualified for r in rels
    }
    assert [r.qualified for r in rels if not r.comment] == []
    assert [r.qualified for r in rels if r.schema in ("raw", "marts") and not r.grain] == []
    assert [r.qualified for r in rels if r.schema in ("raw", "marts") and not r.key] == []
    articles = next(r for r in rels if r.qualified == "marts.articles")
    assert [c.name for c in articles.columns][:2] == ["article_id", "document_id"]
    assert all(r.columns for r in rels)


def test_grain_key_and_description_come_from_the_table_comment():
    rel = schemadoc.Relation(
        "marts",
        "figures",
        "table",
        "Quantities stated (grain: figure; key: article_id, start). Bare integers are not.",
    )
    assert (rel.grain, rel.key) == ("figure", "article_id, start")
    assert rel.description == "Quantities stated. Bare integers are not."
    dq = schemadoc.Relation("ops", "dq_results", "table", "Gate results. Key: (load_id, name).")
    assert (dq.grain, dq.key, dq.description) == (None, "load_id, name", "Gate results.")
    bare = schemadoc.Relation("ops", "x", "table", None)
    assert (bare.grain, bare.key, bare.description) == (None, None, "")


def test_cells_show_markup_instead_of_rendering_it():
    assert schemadoc._md("stock:<code> | sector\n 5&3") == "stock:&lt;code&gt; \\| sector 5&amp;3"


def test_any_catalog_name_and_only_the_documented_schemas():
    """Tables are found by schema name, whatever database holds them (a DuckLake is `lake`)."""
    con = duckdb.connect()
    try:
        con.execute("ATTACH ':memory:' AS lake")
        con.execute("CREATE SCHEMA lake.marts")
        con.execute("CREATE SCHEMA lake.staging")
        con.execute("CREATE TABLE lake.marts.things (thing_id VARCHAR, n INTEGER)")
        con.execute("COMMENT ON TABLE lake.marts.things IS 'Things (grain: thing; key: thing_id).'")
        con.execute("COMMENT ON COLUMN lake.marts.things.n IS 'How many | or <more>'")
        con.execute("CREATE VIEW lake.marts.big AS SELECT * FROM lake.marts.things WHERE n > 1")
        con.execute("CREATE TABLE lake.staging.things (thing_id VARCHAR)")
        con.execute("CREATE TABLE main.other (x INTEGER)")
        rels = schemadoc.relations(con)
        assert [(r.qualified, r.kind) for r in rels] == [
            ("marts.big", "view"),
            ("marts.things", "table"),
        ]
        md = schemadoc.render_markdown(con)
    finally:
        con.close()
    assert md.startswith(schemadoc.BEGIN) and md.endswith(schemadoc.END)
    assert "| `marts.things` | thing | `thing_id` | Things. |" in md
    assert "| `marts.big` (view) |" in md
    assert "| `n` | INTEGER | How many \\| or &lt;more&gt; |" in md
    assert "staging" not in md and "main.other" not in md


def test_write_readme_replaces_only_the_marked_section(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(
        f"# T\n\nbefore\n\n{schemadoc.BEGIN}\nold\n{schemadoc.END}\n\nafter\n", encoding="utf-8"
    )
    con = duckdb.connect()
    try:
        con.execute("CREATE SCHEMA raw")
        con.execute("CREATE TABLE raw.docs (doc_id VARCHAR)")
        con.execute("COMMENT ON TABLE raw.docs IS 'Docs (grain: doc; key: doc_id).'")
        schemadoc.write_readme(con, readme)
        section = schemadoc.render_markdown(con)
    finally:
        con.close()
    text = readme.read_text(encoding="utf-8")
    assert text == f"# T\n\nbefore\n\n{section}\n\nafter\n"
    assert schemadoc.readme_section(readme) == section
    readme.write_text("no markers", encoding="utf-8")
    with pytest.raises(ValueError, match="no schema markers"):
        schemadoc.readme_section(readme)
