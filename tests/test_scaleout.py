"""Two loaders, one lake: each has its own work file and writer lock (as on two machines) and
both publish into one DuckLake catalog (ZHNEWS_LAKE). Their inputs overlap, and one loader holds
its publish transaction open while the other loads and commits: the held publish then meets a
newer snapshot at its commit and runs again on it. Nothing is lost or duplicated.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, query

pytestmark = [pytest.mark.usefixtures("prefect_api"), pytest.mark.timeout(900)]

POSTS = sorted((FIXTURES / "finews").glob("*.md"))


def _loader(inbox, db, lake, env, pause=None, resume=None):
    env = {**env, "ZHNEWS_LAKE": str(lake), "ZHNEWS_WORKERS": "1"}
    if pause:
        env["ZHNEWS_PAUSE_AT"] = pause
        env["ZHNEWS_PAUSE_FILE"] = str(resume)
    return subprocess.Popen(
        [sys.executable, "-m", "zhnews", "run", str(inbox), "--db", str(db), "--quiet"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_loaders_share_one_lake_without_loss_or_duplicates(tmp_path):
    from prefect.settings import PREFECT_API_URL

    shared, only_a, only_b = POSTS[:30], POSTS[30:35], POSTS[35:40]
    inbox_a, inbox_b = tmp_path / "a" / "inbox", tmp_path / "b" / "inbox"
    for inbox, own in ((inbox_a, only_a), (inbox_b, only_b)):
        inbox.mkdir(parents=True)
        for post in [*shared, *own]:
            shutil.copy(post, inbox / post.name)
    lake = tmp_path / "lake"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZHNEWS_CRASH")}
    env.update({"PREFECT_API_URL": PREFECT_API_URL.value(), "PREFECT_LOGGING_LEVEL": "ERROR"})

    # A waits inside its publish transaction; B loads and publishes meanwhile, then A goes on.
    # (A timed pause was a race on a busy machine: B could still be booting when A committed.)
    resume = tmp_path / "resume"
    a = _loader(
        inbox_a, tmp_path / "a" / "w", lake, env, pause="publish.before_commit=300", resume=resume
    )
    deadline = time.monotonic() + 300
    while not Path(str(resume) + ".paused").exists():
        assert a.poll() is None, a.communicate()[1][-3000:]
        assert time.monotonic() < deadline, "loader A never reached its publish"
        time.sleep(0.1)
    b = _loader(inbox_b, tmp_path / "b" / "w", lake, env)
    out_b = b.communicate(timeout=600)
    resume.touch()
    out_a = a.communicate(timeout=600)
    assert b.returncode == 0, out_b[1][-3000:]
    assert a.returncode == 0, out_a[1][-3000:]

    db = tmp_path / "a" / "w"  # any loader's --db reads the shared lake with ZHNEWS_LAKE
    os.environ["ZHNEWS_LAKE"] = str(lake)
    try:
        n, distinct = query(db, "SELECT count(*), count(DISTINCT article_id) FROM marts.articles")[
            0
        ]
        docs = query(db, "SELECT count(*), count(DISTINCT document_id) FROM raw.documents")[0]
        loads = query(db, "SELECT status, message FROM ops.loads ORDER BY finished_at")
        files = query(db, "SELECT count(*), count(DISTINCT source_path) FROM ops.files")[0]
    finally:
        del os.environ["ZHNEWS_LAKE"]
    # every story once (the shared posts are the same stories under two paths)
    assert n == distinct == 40
    assert docs[0] == docs[1] == 70  # two paths per shared post: 30 × 2 + 5 + 5 file versions
    assert files == (70, 70)
    statuses = [s for s, _ in loads]
    assert statuses == ["published", "published"], loads
    # B committed while A held its publish open: A's commit met a newer snapshot and re-ran
    assert "publish retried" in (loads[-1][1] or ""), loads
