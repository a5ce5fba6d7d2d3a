"""Issue 13's scenarios end to end: per-source holds, article-level quarantine, every load
visible in `zhnews status` and in the Prefect API, and `zhnews retry` bringing held documents back.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, query, run_etl
from zhnews.flow import LoadFailed, LoadHeld

pytestmark = pytest.mark.usefixtures("prefect_api")

ARCHIVE_1946 = ROOT / "bench" / "extraction" / "docs" / "rmrb1946"  # real 人民日报 items
SOUND = sorted((FIXTURES / "finews").glob("*.md"))


def _empty_post(path: Path, n: int) -> None:
    path.write_text(f"---\ntitle: 空稿{n}\ndate: 2024-01-02 10:00:00\n---\n\n", encoding="utf-8")


def _sound_post(path: Path, n: int, day: int = 2) -> None:
    path.write_text(
        f"---\ntitle: 好稿{n}\ndate: 2024-01-0{day} 10:00:00\n---\n\n"
        f"记者今天在现场看到，很多市民出门散步，第{n}篇稿件记下了这一天。\n",
        encoding="utf-8",
    )


def _status(db: Path) -> list[tuple]:
    return query(
        db,
        "SELECT status, message, documents_held, articles_quarantined FROM ops.loads "
        "ORDER BY started_at DESC",
    )


def test_sound_articles_and_genuine_1946_items_all_publish(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for post in SOUND[:10]:
        shutil.copy(post, inbox / post.name)
    archive = sorted(ARCHIVE_1946.iterdir())[:3]
    assert len(archive) == 3
    for item in archive:
        shutil.copy(item, inbox / item.name)
    db = tmp_path / "w"
    summary = run_etl([inbox], db)
    assert summary["status"] == "published", summary
    assert summary["documents_published"] == 13
    days = query(
        db,
        "SELECT strftime(timezone('Asia/Shanghai', published_at), '%Y-%m-%d') FROM marts.articles "
        "WHERE source_path LIKE '%1946-%' ORDER BY 1",
    )
    assert [d for (d,) in days] == sorted(item.name[:10] for item in archive)


def test_a_broken_source_is_held_and_comes_back_after_retry(tmp_path, monkeypatch):
    a, b = tmp_path / "inbox" / "A", tmp_path / "inbox" / "B"
    a.mkdir(parents=True)
    b.mkdir()
    for post in SOUND[:50]:
        shutil.copy(post, a / post.name)
    for n in range(20):
        (_empty_post if n < 16 else _sound_post)(b / f"post{n}.md", n)
    db = tmp_path / "w"
    with pytest.raises(LoadHeld, match="source 'B' held: 16 of 20"):
        run_etl([tmp_path / "inbox"], db)
    (status, message, held, _), *_ = _status(db)
    assert status == "held" and "'B'" in message and "baseline" in message and held == 4
    assert query(db, "SELECT count(*) FROM marts.articles")[0][0] == 50  # A published
    assert query(db, "SELECT count(*) FROM marts.articles WHERE source_path LIKE '%/B/%'") == [(0,)]
    open_rows = query(
        db,
        "SELECT source, stage, count(*) FROM ops.quarantine WHERE retried_by_load_id IS NULL "
        "GROUP BY ALL ORDER BY ALL",
    )
    assert open_rows == [("B", "held", 4), ("B", "parse", 16)]

    # the feed is fixed; retry reads the held and quarantined files again
    for n in range(16):
        _sound_post(b / f"post{n}.md", n, day=3)
    from prefect.settings import PREFECT_API_URL
    from zhnews.cli import EXIT_OK, main

    monkeypatch.setenv("PREFECT_API_URL", PREFECT_API_URL.value())  # the test's API
    assert main(["retry", str(b), "--db", str(db)]) == EXIT_OK
    assert _status(db)[0][0] == "published"
    assert query(db, "SELECT count(*) FROM marts.articles WHERE source_path LIKE '%/B/%'") == [
        (20,)
    ]
    # every document has at most one open quarantine row: none is open any more
    assert query(db, "SELECT count(*) FROM ops.quarantine WHERE retried_by_load_id IS NULL") == [
        (0,)
    ]


def test_an_untitled_fragment_is_quarantined_alone(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    page = FIXTURES / "gate_rules" / "reject" / "untitled_fragment_page.md"
    shutil.copy(page, inbox / page.name)
    for post in SOUND[:5]:
        shutil.copy(post, inbox / post.name)
    db = tmp_path / "w"
    summary = run_etl([inbox], db)
    assert summary["status"] == "partial" and summary["articles_quarantined"] == 1
    titles = query(
        db,
        "SELECT title FROM marts.articles WHERE source_path LIKE '%/untitled_fragment_page.md' ORDER BY ordinal",
    )
    assert [t for (t,) in titles] == ["某省新建农村公路一千公里", "某市开通首条城际公交线路"]
    ((stage, reason, articles, status),) = query(
        db,
        "SELECT q.stage, q.reason, q.articles, f.status FROM ops.quarantine q "
        "JOIN ops.files f USING (source_path)",
    )
    assert stage == "gate" and "1 article(s)" in reason and len(articles) == 1
    assert status == "partial"
    # the run list in the UI says what the load left out, not only what it published
    from prefect.client.orchestration import get_client

    ((run_id,),) = query(db, "SELECT flow_run_id FROM ops.loads")
    with get_client(sync_client=True) as client:
        name = client.read_flow_run(run_id).name
    assert name.endswith("· partial 7 articles, 1 article quarantined"), name


def _breaking_suites(tmp_path: Path) -> Path:
    """The project's suites plus one table-level critical expectation that always fails."""
    import json

    suites = tmp_path / "expectations"
    shutil.copytree(ROOT / "expectations", suites)
    path = suites / "documents.json"
    doc = json.loads(path.read_text())
    doc["expectations"].append(
        {
            "type": "expect_table_row_count_to_be_between",
            "kwargs": {"min_value": 0, "max_value": 0},
            "meta": {
                "name": "test_breaks_the_table",
                "severity": "critical",
                "scope": "table",
                "why": "test: a table-level failure fails the whole load",
            },
        }
    )
    path.write_text(json.dumps(doc, ensure_ascii=False))
    return suites


def test_failed_and_noop_loads_are_visible_at_once_and_marts_unchanged(tmp_path):
    from prefect.client.orchestration import get_client

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for post in SOUND[:3]:
        shutil.copy(post, inbox / post.name)
    db = tmp_path / "w"
    assert run_etl([inbox], db)["status"] == "published"
    before = query(db, "SELECT count(*), max(load_id) FROM marts.articles")
    shutil.copy(SOUND[3], inbox / SOUND[3].name)
    with pytest.raises(LoadFailed, match="test_breaks_the_table"):
        run_etl([inbox], db, ZHNEWS_EXPECTATIONS_DIR=_breaking_suites(tmp_path))
    (status, message, *_), *_ = _status(db)
    assert status == "failed" and "test_breaks_the_table" in message
    assert query(db, "SELECT count(*), max(load_id) FROM marts.articles") == before

    # the Prefect API: a Failed run named after its load, with the quality report, and a
    # publish task that is not Completed
    load_id = query(db, "SELECT load_id FROM ops.loads ORDER BY started_at DESC LIMIT 1")[0][0]
    with get_client(sync_client=True) as client:
        run_id = query(db, "SELECT flow_run_id FROM ops.loads WHERE load_id = ?", [load_id])[0][0]
        run = client.read_flow_run(run_id)
        assert run.state.is_failed() and "test_breaks_the_table" in run.state.message
        assert load_id in run.name and "failed" in run.name
        from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

        tasks = {
            t.name.rsplit("-", 1)[0]: t.state
            for t in client.read_task_runs(
                flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[run.id]))
            )
        }
        assert tasks["publish"].is_cancelled(), tasks
        assert tasks["quality-gate"].is_completed()
        artifacts = client.read_artifacts()
        assert any(a.key == "dq-report" and a.flow_run_id == run.id for a in artifacts), (
            "the failed run carries its quality report"
        )

    # nothing new: a noop row is the newest, marts unchanged
    (inbox / SOUND[3].name).unlink()
    assert run_etl([inbox], db)["status"] == "noop"
    assert _status(db)[0][0] == "noop"
    assert query(db, "SELECT count(*), max(load_id) FROM marts.articles") == before
