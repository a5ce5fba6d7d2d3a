"""Kill `zhnews run` at each named crash point; the published warehouse is never half a load.

Every scenario starts from a copy of one warehouse that holds a published load (state A) and
runs `zhnews run A B` as a subprocess with ZHNEWS_CRASH_AT set (the process SIGKILLs itself).
After each kill what a reader of the lake sees must equal state A (crash before the DuckLake
commit) or the clean result B (after it); a final run without a crash must reach exactly what a
clean run reaches on the same input.

Cost control: the subprocesses talk to the session's Prefect test API (no ephemeral server per
run), crash points are chained on one warehouse (each run first recovers from the previous
kill), and the two chains run concurrently.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, run_etl
from zhnews.db import open_published

RUN_TIMEOUT_S = 300
# The scenarios fixture runs ~18 subprocesses; on a busy 2-core runner that exceeds the default
# per-test timeout, which also covers fixture set-up.
pytestmark = pytest.mark.timeout(1800)

FINGERPRINT_SQL = {
    "marts.articles": "article_id || '|' || coalesce(title, '') || '|' || coalesce(body_text, '') "
    "|| '|' || source_path || '|' || sha256",
    "marts.paragraphs": "article_id || '|' || ordinal || '|' || kind || '|' || text",
    "marts.sentences": "article_id || '|' || paragraph_ordinal || '|' || ordinal || '|' || text",
    "raw.documents": "document_id || '|' || source_path || '|' || sha256",
    "ops.files": "source_path || '|' || sha256 || '|' || status",
}
KEYS = {
    "marts.articles": "article_id",
    "marts.paragraphs": "article_id, ordinal",
    "marts.sentences": "article_id, paragraph_ordinal, ordinal",
    "raw.documents": "document_id",
    "ops.files": "source_path",
}


def fingerprint(db: Path) -> dict:
    """Row count, duplicate-key count and a content checksum per table (load ids excluded)."""
    con = open_published(db)
    try:
        out = {}
        for table, expr in FINGERPRINT_SQL.items():
            n, distinct, digest = con.execute(
                f"SELECT count(*), count(DISTINCT ({KEYS[table]})), "
                f"md5(coalesce(string_agg({expr}, '\n' ORDER BY {expr}), '')) FROM {table}"
            ).fetchone()
            out[table] = (n, n - distinct, digest)
        return out
    finally:
        con.close()


def load_statuses(db: Path) -> list[str]:
    con = open_published(db)
    try:
        return [
            s for (s,) in con.execute("SELECT status FROM ops.loads ORDER BY started_at").fetchall()
        ]
    finally:
        con.close()


@pytest.fixture(scope="module")
def world(tmp_path_factory, prefect_api):
    """Inputs A and B, state A, the clean reference B, and an environment for subprocesses."""
    from prefect.settings import PREFECT_API_URL

    base = tmp_path_factory.mktemp("crash")
    a, b = base / "inputs" / "a", base / "inputs" / "b"
    shutil.copytree(FIXTURES / "finews", a)
    b.mkdir(parents=True)
    for src in [
        *sorted((ROOT / "seeds").iterdir()),
        *sorted((FIXTURES / "posts").iterdir()),
        *sorted((FIXTURES / "finews-versions").iterdir()),
    ]:
        shutil.copy(src, b / src.name)  # versions supersede stories published in A
        os.chmod(b / src.name, 0o644)

    state_a = base / "state-a"
    state_a.mkdir()
    assert run_etl([a], state_a / "w.duckdb")["status"] == "published"
    reference = base / "reference"
    shutil.copytree(state_a, reference)
    assert run_etl([a, b], reference / "w.duckdb")["status"] in ("published", "partial")
    one_shot = base / "one-shot"
    one_shot.mkdir()
    run_etl([a, b], one_shot / "w.duckdb")

    env = {k: v for k, v in os.environ.items() if not k.startswith("ZHNEWS_CRASH")}
    if env.pop("PYTHONDONTWRITEBYTECODE", None):
        # Without bytecode caching every subprocess compiles Prefect and GX from source
        # (~2x the CPU of a run); cache it for this session outside the source tree.
        env["PYTHONPYCACHEPREFIX"] = str(base / "pycache")
    env.update(
        {
            "PREFECT_API_URL": str(PREFECT_API_URL.value()),
            "PREFECT_HOME": str(base / "prefect"),
            "ZHNEWS_LOCK_TIMEOUT": "30",
            "ZHNEWS_WORKERS": "1",
            "PREFECT_LOGGING_LEVEL": "ERROR",
        }
    )
    return {
        "base": base,
        "inputs": [a, b],
        "state_a": state_a,
        "A": fingerprint(state_a / "w.duckdb"),
        "B": fingerprint(reference / "w.duckdb"),
        "one_shot": fingerprint(one_shot / "w.duckdb"),
        "env": env,
    }


class Scenario:
    """One warehouse (a copy of state A) driven through a sequence of `zhnews run`s."""

    def __init__(self, world: dict, name: str):
        self.world = world
        self.dir = world["base"] / name
        shutil.copytree(world["state_a"], self.dir)
        self.db = self.dir / "w.duckdb"
        self.steps: dict[str, dict] = {}

    def run(self, label: str, crash_at: str | None, **env) -> dict:
        full_env = {**self.world["env"], **{k: str(v) for k, v in env.items()}}
        if crash_at:
            full_env["ZHNEWS_CRASH_AT"] = crash_at
        cmd = [
            sys.executable,
            "-m",
            "zhnews",
            "run",
            *map(str, self.world["inputs"]),
            "--db",
            str(self.db),
            "--quiet",
        ]
        try:
            proc = subprocess.run(
                cmd, env=full_env, capture_output=True, text=True, timeout=RUN_TIMEOUT_S
            )
            rc, out, err = proc.returncode, proc.stdout, proc.stderr
        except subprocess.TimeoutExpired as exc:
            rc, out, err = "timeout", str(exc.stdout), str(exc.stderr)
        step = {
            "rc": rc,
            "output": (out or "")[-1500:]
            + "\n".join(
                ln for ln in (err or "").splitlines() if "leaked" not in ln and "nanobind" not in ln
            )[-3000:],
            "published": fingerprint(self.db),
            "statuses": load_statuses(self.db),
        }
        self.steps[label] = step
        return step


PRE_COMMIT = [
    # (label, ZHNEWS_CRASH_AT, extra env)
    ("parse.after_document[inline]", "parse.after_document:3", {}),
    ("stage.after_shard", "stage.after_shard:2", {"ZHNEWS_SHARD_SIZE": 4}),
    ("gate.before", "gate.before", {}),
    ("publish.begin", "publish.begin", {}),
    ("publish.after_raw", "publish.after_raw", {}),
    ("publish.after_marts", "publish.after_marts", {}),
    ("publish.before_commit", "publish.before_commit", {}),
]
POST_COMMIT = ["publish.after_commit"]
# A parse worker (not the flow process) killed at its second document, every worker alike:
# the shards in flight are parsed again file by file (zhnews.pool), so the load goes on.
WORKER_KILLED = ("parse.after_document:2", {"ZHNEWS_WORKERS": 2, "ZHNEWS_SHARD_SIZE": 4})


def _pre_commit_chain(world: dict) -> Scenario:
    s = Scenario(world, "chain-pre-commit")
    for label, spec, env in PRE_COMMIT:
        s.run(label, spec, **env)
    s.run("recovery", None)
    s.run("rerun", None)
    return s


def _post_commit_chain(world: dict) -> Scenario:
    """Commit, then die before staging is cleared; the next runs clean up and find nothing new."""
    s = Scenario(world, "chain-post-commit")
    s.run("publish.after_commit", "publish.after_commit")
    s.run("recovery", None)
    return s


def _worker_killed(world: dict) -> Scenario:
    s = Scenario(world, "worker-killed")
    spec, env = WORKER_KILLED
    s.run("parse.after_document[worker]", spec, **env)
    return s


@pytest.fixture(scope="module")
def scenarios(world):
    with ThreadPoolExecutor(max_workers=2) as pool:
        pre = pool.submit(_pre_commit_chain, world)
        post = pool.submit(_post_commit_chain, world)
        post.result()
        worker = pool.submit(_worker_killed, world)
        return {"pre": pre.result(), "post": post.result(), "worker": worker.result()}


def test_reference_is_a_real_change(world):
    assert world["A"] != world["B"]
    assert world["B"]["marts.articles"][1] == 0
    # an incremental clean load reaches what a one-shot load of the same input reaches (marts)
    for table in ("marts.articles", "marts.paragraphs", "marts.sentences"):
        assert world["B"][table] == world["one_shot"][table], table


@pytest.mark.parametrize("label", [p[0] for p in PRE_COMMIT])
def test_kill_before_commit_leaves_state_a(world, scenarios, label):
    step = scenarios["pre"].steps[label]
    assert step["rc"] != 0 and step["rc"] != "timeout", step["output"]
    if not label.endswith("[worker]"):
        assert step["rc"] == -9, f"expected SIGKILL, got {step['rc']}: {step['output']}"
    assert step["published"] == world["A"], step["output"]
    assert "published" not in step["statuses"][1:], step["statuses"]


def test_pre_commit_recovery_reaches_the_clean_result(world, scenarios):
    s = scenarios["pre"]
    rec = s.steps["recovery"]
    assert rec["rc"] == 0, rec["output"]
    assert rec["published"] == world["B"]
    assert "running" not in rec["statuses"]
    assert rec["statuses"].count("aborted") + rec["statuses"].count("failed") == len(PRE_COMMIT)
    again = s.steps["rerun"]
    assert again["rc"] == 0 and again["statuses"][-1] == "noop", again["output"]
    assert again["published"] == world["B"]


def test_kill_after_commit_is_the_new_state(world, scenarios):
    s = scenarios["post"]
    step = s.steps["publish.after_commit"]
    assert step["rc"] == -9, step["output"]
    assert step["published"] == world["B"]  # committed: durable and what readers see
    rec = s.steps["recovery"]
    assert rec["rc"] == 0, rec["output"]
    assert rec["published"] == world["B"]
    assert rec["statuses"][-1] == "noop" and "running" not in rec["statuses"]


def test_a_killed_parse_worker_does_not_end_the_load(world, scenarios):
    """Its shards' files are parsed again one by one; none of them kills a worker alone, so
    nothing is quarantined and the load publishes the clean result."""
    step = scenarios["worker"].steps["parse.after_document[worker]"]
    assert step["rc"] == 0, step["output"]
    assert step["published"] == world["B"]
    assert step["statuses"][-1] == "published"


def test_every_crash_point_is_covered():
    from zhnews.faults import POINTS

    covered = {spec.split(":")[0] for _, spec, _ in PRE_COMMIT} | set(POST_COMMIT)
    assert covered == set(POINTS)
