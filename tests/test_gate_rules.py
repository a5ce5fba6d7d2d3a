"""The gate's rules report, run through the real pipeline (no Prefect).

`tests/fixtures/gate_rules/rules.json` names, for every critical expectation, one real-world
document the rule must accept and one broken document it must reject (a broken input file,
or a real document plus the SQL that stages a pipeline fault no input can cause). The files
are read, decoded, parsed, segmented, enriched and staged by `zhnews.shard.process_shard`
into an in-memory DuckDB with the warehouse's staging DDL, and the gate runs on them.
The issue's load scenarios (1946 archive items, a source with empty bodies) run the same way.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest
from zhnews.discover import discover
from zhnews.gate import GateReport, load_suites, render_markdown, run_gate, source_rows
from zhnews.shard import ShardResult, process_shard

ROOT = Path(__file__).resolve().parents[1]
EXPECTATIONS = ROOT / "expectations"
WAREHOUSE = ROOT / "warehouse"
FIXTURES = ROOT / "tests" / "fixtures"
RULES_DIR = FIXTURES / "gate_rules"
MANIFEST = json.loads((RULES_DIR / "rules.json").read_text(encoding="utf-8"))
RULES: dict[str, dict] = MANIFEST["rules"]
LOAD = "rules-0001"


@pytest.fixture(scope="module", autouse=True)
def _gx_imported():
    """Import Great Expectations once for the module (the import alone takes seconds)."""
    import great_expectations  # noqa: F401


def critical_rules() -> dict[str, tuple[str, str]]:
    """name -> (scope, rejects) of every critical expectation shipped in expectations/."""
    return {
        e.name: (e.scope, s.rejects)
        for s in load_suites(EXPECTATIONS)
        for e in s.expectations
        if e.severity == "critical"
    }


# --------------------------------------------------------------------------- the pipeline


def new_warehouse() -> duckdb.DuckDBPyConnection:
    """In-memory DuckDB with the staging DDL and the ops tables the gate reads."""
    con = duckdb.connect()
    con.execute("CREATE SCHEMA staging")
    con.execute("CREATE SCHEMA ops")
    files = sorted((WAREHOUSE / "staging").glob("*.sql")) + [
        WAREHOUSE / "ops" / "dq_results.sql",
        WAREHOUSE / "ops" / "source_stats.sql",
    ]
    for sql in files:
        con.execute(sql.read_text(encoding="utf-8").split("\n-- @publish\n")[0])
    return con


def parse(paths: list[Path], load_id: str = LOAD) -> ShardResult:
    found, _ = discover([str(p) for p in paths])
    return process_shard(found.files, load_id)


def stage(con: duckdb.DuckDBPyConnection, result: ShardResult) -> None:
    """What the single writer does with a shard: one INSERT BY NAME per staging table."""
    for name, table in result.tables.items():
        con.register("shard_rows", table)
        con.execute(f'INSERT INTO staging."{name}" BY NAME SELECT * FROM shard_rows')
        con.unregister("shard_rows")
    if result.rejections:
        con.register("shard_rows", pa.Table.from_pylist(result.rejections))
        con.execute("INSERT INTO staging.rejections BY NAME SELECT * FROM shard_rows")
        con.unregister("shard_rows")


def document_id(con: duckdb.DuckDBPyConnection, relative: str) -> str:
    path = str((RULES_DIR / relative).resolve())
    row = con.execute(
        "SELECT document_id FROM staging.documents WHERE source_path = ?", [path]
    ).fetchone()
    assert row, f"{relative} was not staged"
    return row[0]


def load_with_tampers(
    directory: Path, groups: tuple[str, ...], tampers: list[tuple[str, dict]]
) -> tuple[GateReport, dict[str, str]]:
    """Stage the fixture folders `groups`, apply the tampers, run the gate (no history)."""
    con = new_warehouse()
    for group in groups:
        stage(con, _parsed(group))
    ids = {
        rel: document_id(con, rel) for rel in MANIFEST["fixtures"] if rel.split("/")[0] in groups
    }
    for _, reject in tampers:
        sql = reject["tamper"]
        con.execute(sql, {"doc": ids[reject["file"]]} if "$doc" in sql else {})
    return run_gate(con, LOAD, directory, history={}), ids


_cache: dict[str, ShardResult] = {}


def _parsed(group: str) -> ShardResult:
    """One fixture folder parsed once for the module (parsing dominates the test's time)."""
    if group not in _cache:
        files = [RULES_DIR / rel for rel in MANIFEST["fixtures"] if rel.startswith(group + "/")]
        result = parse(files)
        assert not result.rejections, result.rejections
        _cache[group] = result
    return _cache[group]


def _groups() -> list[list[str]]:
    """Tampered rules in as few loads as possible, each document tampered at most once."""
    groups: list[tuple[set[str], list[str]]] = []
    for name, entry in RULES.items():
        reject = entry["reject"]
        if "tamper" not in reject:
            continue
        for used, names in groups:
            if reject["file"] not in used:
                used.add(reject["file"])
                names.append(name)
                break
        else:
            groups.append(({reject["file"]}, [name]))
    return [names for _, names in groups]


REAL = ("accept", "archive_1946")


@pytest.fixture(scope="module")
def no_hold(tmp_path_factory) -> Path:
    """The shipped suites with a gate.json that never holds a source: a rule's verdict on a
    document is checked here, the per-source hold in the scenarios below."""
    target = tmp_path_factory.mktemp("gate-rules") / "expectations"
    shutil.copytree(EXPECTATIONS, target)
    config = json.loads((target / "gate.json").read_text(encoding="utf-8"))
    config["sources"]["min_rejected"]["value"] = 10**9
    (target / "gate.json").write_text(json.dumps(config), encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def accept_report(no_hold) -> tuple[GateReport, dict[str, str]]:
    """The real documents (and the made-up 1946 items) untouched, in one load."""
    return load_with_tampers(no_hold, REAL, [])


@pytest.fixture(scope="module")
def inputs_report(no_hold) -> tuple[GateReport, dict[str, str]]:
    """The broken input files next to the real documents, in one load."""
    return load_with_tampers(no_hold, (*REAL, "reject"), [])


@pytest.fixture(scope="module")
def reject_reports(no_hold, inputs_report) -> dict[str, tuple[GateReport, dict[str, str]]]:
    """rule name -> the load in which its broken document was staged."""
    out = {name: inputs_report for name, e in RULES.items() if "tamper" not in e["reject"]}
    for names in _groups():
        report = load_with_tampers(no_hold, REAL, [(n, RULES[n]["reject"]) for n in names])
        out.update(dict.fromkeys(names, report))
    return out


# --------------------------------------------------------------------------- the report


def test_every_critical_rule_has_an_accept_and_a_reject_fixture():
    rules = critical_rules()
    assert sorted(RULES) == sorted(rules), "rules.json and the critical expectations differ"
    for name, entry in RULES.items():
        for side in ("accept", "reject"):
            assert entry[side]["file"] in MANIFEST["fixtures"], (name, side)
            assert entry[side]["why"].strip(), (name, side)
        accept = entry["accept"]["file"]
        assert accept.startswith("accept/"), f"{name}: accept fixtures are real documents"
        expect = entry["reject"]["expect"]
        scope, level = rules[name]
        if scope == "table":
            assert expect == "load", name
        else:
            assert expect in ("article", "document") and (
                expect == "document" or level == "article"
            )


def test_fixture_origins_are_recorded():
    on_disk = {str(p.relative_to(RULES_DIR)) for p in RULES_DIR.rglob("*") if p.is_file()} - {
        "rules.json"
    }
    assert on_disk == set(MANIFEST["fixtures"])
    assert all(origin.strip() for origin in MANIFEST["fixtures"].values())


@pytest.mark.parametrize("rule", sorted(RULES))
def test_rule_accepts_its_real_world_document(rule, accept_report):
    report, ids = accept_report
    assert report.decision == "publish", render_markdown(report)
    document = ids[RULES[rule]["accept"]["file"]]
    [result] = [r for r in report.results if r.expectation == rule]
    assert result.success, render_markdown(report)
    assert document not in report.rejected
    assert document not in report.rejected_articles


@pytest.mark.parametrize("rule", sorted(RULES))
def test_rule_rejects_its_broken_document(rule, reject_reports):
    entry = RULES[rule]["reject"]
    report, ids = reject_reports[rule]
    document = ids[entry["file"]]
    [result] = [r for r in report.results if r.expectation == rule]
    assert not result.success, f"{rule} did not fail on {entry['file']}"
    assert document in result.failed_document_ids, result.unexpected_sample
    if entry["expect"] == "load":
        assert report.decision == "fail"
        assert any(rule in reason for reason in report.reasons)
    elif entry["expect"] == "document":
        assert rule in report.rejected[document], render_markdown(report)
        assert document not in report.rejected_articles
    else:  # one article of a multi-article document; its siblings publish
        assert document not in report.rejected, render_markdown(report)
        [names] = report.rejected_articles[document].values()
        assert rule in names


def test_the_broken_inputs_reject_only_what_is_broken(inputs_report):
    """Real documents all publish next to the made-up broken inputs; the fragment page keeps
    its two headed stories."""
    report, ids = inputs_report
    broken = {ids["reject/2021-12-09-mojibake.md"]}
    assert set(report.rejected) == broken
    page = ids["reject/untitled_fragment_page.md"]
    assert set(report.rejected_articles) == {page}
    assert len(report.rejected_articles[page]) == 1
    assert report.decision == "partial"


# --------------------------------------------------------------------------- issue scenarios


def _copy(files: list[Path], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for f in files:
        shutil.copy(f, folder / f.name)
    return folder


def _gate_folders(*folders: Path) -> tuple[GateReport, duckdb.DuckDBPyConnection]:
    con = new_warehouse()
    stage(con, parse(list(folders)))
    return run_gate(con, LOAD, EXPECTATIONS), con


def test_sound_articles_with_genuine_1946_items_all_publish(tmp_path):
    """Issue 13: 10 sound articles + 3 genuine 1946 items in one folder -> 13 published."""
    sound = sorted((FIXTURES / "finews").glob("*.md"))[:10]
    archive = sorted((RULES_DIR / "archive_1946").glob("*.md"))
    inbox = _copy(sound + archive, tmp_path / "inbox")

    report, con = _gate_folders(inbox)

    assert report.decision == "publish", render_markdown(report)
    assert (report.documents_in, report.rejected, report.rejected_articles) == (13, {}, {})
    years = con.execute(
        "SELECT year(published_at AT TIME ZONE 'Asia/Shanghai') AS y, count(*)"
        " FROM staging.articles GROUP BY y ORDER BY y"
    ).fetchall()
    assert years == [(1946, 3), (2021, 10)]


def test_the_gate_does_not_fingerprint_its_frames(monkeypatch, tmp_path):
    """GX hashes each frame for a batch marker that nothing reads (~2 s of a 100k load's
    gate): the gate turns that off, and its verdicts do not depend on it."""
    from great_expectations.execution_engine import pandas_execution_engine as engine

    def refuse(frame):
        raise AssertionError("GX hashed a frame of the gate")

    monkeypatch.setattr(engine, "hash_pandas_dataframe", refuse)
    sound = sorted((FIXTURES / "finews").glob("*.md"))[:3]
    report, _ = _gate_folders(_copy(sound, tmp_path / "inbox"))
    assert report.decision == "publish", render_markdown(report)
    assert report.documents_in == 3 and report.results


def test_a_source_with_mostly_empty_bodies_is_held_and_the_other_publishes(tmp_path):
    """Issue 13: source A (50 sound) + source B (20, 80% empty bodies) -> A publishes, B held.

    The empty posts are refused while parsing, before the gate; they count for B anyway.
    """
    posts = sorted((FIXTURES / "finews").glob("*.md"))
    a = _copy(posts[:50], tmp_path / "A")
    b = _copy(posts[50:54], tmp_path / "B")
    for i in range(16):
        (b / f"2021-12-09-empty-{i:02d}.md").write_text(
            f'---\nlayout: post\ntitle: "快讯{i}"\ndate: 2021-12-09 10:00:00\n---\n\n',
            encoding="utf-8",
        )

    report, con = _gate_folders(a, b)

    assert report.decision == "held", render_markdown(report)
    assert set(report.held_sources) == {"B"}
    message = report.held_sources["B"]
    assert "'B' held" in message and "16 of 20" in message and "80.0%" in message
    assert "baseline 5.0%" in message
    assert report.refused == 16 and report.rejected == {}
    b_staged = con.execute(
        "SELECT document_id FROM staging.documents WHERE source = 'B' ORDER BY document_id"
    ).fetchall()
    assert report.held_documents == [d for (d,) in b_staged] and len(b_staged) == 4
    assert not report.sources["A"].held and report.sources["A"].documents == 50
    rows = {r["source"]: r for r in source_rows(report)}
    assert (rows["B"]["documents"], rows["B"]["rejected"], rows["B"]["held"]) == (20, 16, True)
    assert (rows["A"]["documents"], rows["A"]["rejected"], rows["A"]["held"]) == (50, 0, False)


def test_fixed_source_publishes_on_retry_against_its_history(tmp_path):
    """After the hold, B's files are fixed: B's baseline has no held load in it, so a
    retry of its 20 sound documents publishes."""
    posts = sorted((FIXTURES / "finews").glob("*.md"))
    b = _copy(posts[50:70], tmp_path / "B")
    con = new_warehouse()
    con.execute(
        "INSERT INTO ops.source_stats VALUES ('load-held', 'B', 20, 16, true, 0.05, 8, now())"
    )
    stage(con, parse([b], "retry-0001"))

    report = run_gate(con, "retry-0001", EXPECTATIONS)

    assert report.decision == "publish", render_markdown(report)
    assert report.sources["B"].baseline_loads == 0  # the held load is not a baseline
