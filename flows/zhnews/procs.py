"""Processes a `zhnews run` starts die with it, also when it is SIGKILLed.

A load starts Prefect's temporary API server (~225 MB), parse workers and, with
`--runner dask`, a local Dask cluster. Killed with SIGKILL, the load cannot stop them, so:

1. **A marker.** `zhnews run` puts `ZHNEWS_PARENT=<pid>:<start time>` in its environment;
   every process it starts inherits it. A process whose marker names a process that no longer
   exists (the start time guards against a reused pid) is a stale child of ours.
2. **Children watch their parent.** Parse workers ask the kernel for SIGKILL when their parent
   dies (`prctl(PR_SET_PDEATHSIG)`, instant, even while a worker holds the GIL) and, like the
   API server, run a watchdog thread that stops the process once its parent pid changes. The
   API server is started through this module (`python -m zhnews.procs -m uvicorn …`, see
   `EphemeralApi`) with a watchdog rather than PDEATHSIG, because PDEATHSIG fires when the
   *thread* that started a child ends, not the process.
3. **The next run reaps.** `reap_stale()` at the start of `zhnews run` stops processes whose
   marker names a dead parent (e.g. Dask workers, which we do not start ourselves, or a child
   whose watchdog could not run).

Linux only (/proc, prctl); elsewhere the functions do nothing.
"""

from __future__ import annotations

import contextlib
import importlib.machinery
import importlib.util
import os
import signal
import sys
import threading
import time
from pathlib import Path

MARKER = "ZHNEWS_PARENT"
WATCH_INTERVAL_S = 0.5
PR_SET_PDEATHSIG = 1


def start_time(pid: int) -> str | None:
    """The process's start time in clock ticks since boot (/proc/<pid>/stat field 22)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rpartition(")")[2].split()[19]


def marker_for(pid: int) -> str:
    return f"{pid}:{start_time(pid)}"


def mark_children() -> str | None:
    """Mark this process as the parent of whatever it starts from now on; returns the old mark."""
    previous = os.environ.get(MARKER)
    os.environ[MARKER] = marker_for(os.getpid())
    return previous


def unmark_children(previous: str | None) -> None:
    if previous is None:
        os.environ.pop(MARKER, None)
    else:
        os.environ[MARKER] = previous


def _alive(mark: str) -> bool:
    pid, _, started = mark.partition(":")
    try:
        return start_time(int(pid)) == started
    except ValueError:
        return True  # not a mark we wrote: leave the process alone


def watch_parent(parent_pid: int | None = None) -> None:
    """Stop this process (SIGTERM, then exit) once its parent is gone."""
    parent = parent_pid or os.getppid()
    mark = os.environ.get(MARKER)
    if mark and not _alive(mark):  # the run that started us died before we got here
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(WATCH_INTERVAL_S)
        os.kill(os.getpid(), signal.SIGTERM)  # uvicorn shuts down cleanly on SIGTERM
        time.sleep(5)
        os._exit(1)

    threading.Thread(target=watch, name="zhnews-parent-watch", daemon=True).start()


def die_with_parent() -> None:
    """For a worker process started from a thread that outlives it (a process pool)."""
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
        if os.getppid() != parent:  # the parent died before prctl took effect
            os._exit(1)
    watch_parent(parent)


def _other_processes():
    """/proc/<pid> of every process but this one (nothing where there is no /proc)."""
    if not Path("/proc").is_dir():
        return
    me = os.getpid()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != me:
            yield entry


def stale_children() -> list[tuple[int, str]]:
    """(pid, command line) of processes whose marker names a parent that no longer runs."""
    found = []
    for entry in _other_processes():
        try:
            environ = (entry / "environ").read_bytes()
        except OSError:  # another user's process, or gone
            continue
        prefix = MARKER.encode() + b"="
        for item in environ.split(b"\0"):
            if item.startswith(prefix):
                mark = item[len(prefix) :].decode(errors="replace")
                if not _alive(mark):
                    found.append((int(entry.name), cmdline(int(entry.name))))
                break
    return found


def open_by(paths: list[Path]) -> list[tuple[int, str]]:
    """(pid, command line) of other processes of this user that have one of `paths` open."""
    wanted = {str(Path(p).resolve()) for p in paths}
    found = []
    for entry in _other_processes():
        try:
            fds = list((entry / "fd").iterdir())
        except OSError:
            continue
        for fd in fds:
            try:
                target = os.readlink(fd)
            except OSError:
                continue
            if target in wanted:
                found.append((int(entry.name), cmdline(int(entry.name))))
                break
    return found


def cmdline(pid: int) -> str:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return "?"
    return raw.replace(b"\0", b" ").decode(errors="replace").strip()[:160]


def reap_stale(grace_s: float = 3.0) -> list[tuple[int, str]]:
    """Stop stale children of earlier runs (SIGTERM, SIGKILL after `grace_s`); returns them."""
    stale = stale_children()
    for pid, _ in stale:
        _signal(pid, signal.SIGTERM)
    deadline = time.monotonic() + grace_s
    while time.monotonic() < deadline and any(_exists(pid) for pid, _ in stale):
        time.sleep(0.1)
    for pid, _ in stale:
        _signal(pid, signal.SIGKILL)
    return stale


def _exists(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"


def _signal(pid: int, sig: int) -> None:
    try:
        os.kill(pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


class MigrationRecord:
    """Which database revision this Prefect left its local SQLite database at.

    Written after a temporary API server that ran Prefect's migrations answered its health
    check; a later server skips the migration check only while the database still reports
    that revision (its `alembic_version` row) and the same Prefect version is installed. A
    new, replaced or upgraded database, another Prefect version, a database URL of one's own
    or an explicit PREFECT_API_DATABASE_MIGRATE_ON_START: the check runs as Prefect does it.
    """

    def __init__(self, db: Path, marker: Path, version: str) -> None:
        self.db, self.marker, self.version = db, marker, version

    @classmethod
    def of(cls, env: dict) -> MigrationRecord | None:
        if "PREFECT_API_DATABASE_CONNECTION_URL" in env:
            return None
        if "PREFECT_API_DATABASE_MIGRATE_ON_START" in env:
            return None
        home = env.get("PREFECT_HOME")
        if not home:
            return None
        from importlib.metadata import PackageNotFoundError, version

        try:
            prefect_version = version("prefect")
        except PackageNotFoundError:
            return None
        folder = Path(home).expanduser()
        if (folder / "profiles.toml").exists() or Path("prefect.toml").exists():
            return None  # a profile or prefect.toml may name another database: Prefect checks
        return cls(folder / "prefect.db", folder / ".zhnews-migrated", prefect_version)

    def _revision(self) -> str | None:
        import sqlite3

        if not self.db.is_file():
            return None
        try:
            with contextlib.closing(
                sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=1)
            ) as con:
                row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.Error:
            return None
        return row[0] if row else None

    def current(self) -> bool:
        """Whether the database is at the revision this Prefect version last migrated it to."""
        try:
            recorded = self.marker.read_text(encoding="utf-8").split()
        except OSError:
            return False
        revision = self._revision()
        return revision is not None and recorded == [self.version, revision]

    def record(self) -> None:
        revision = self._revision()
        if revision is None:
            return
        tmp = self.marker.with_name(self.marker.name + f".{os.getpid()}")
        try:
            tmp.write_text(f"{self.version} {revision}\n", encoding="utf-8")
            os.replace(tmp, self.marker)
        except OSError:
            tmp.unlink(missing_ok=True)  # best effort: the next start checks its migrations


class EphemeralApi:
    """Prefect's temporary API server for one `zhnews run`, dying with it.

    Prefect's own `SubprocessASGIServer` imports the whole server application (FastAPI,
    SQLAlchemy models: ~3 s of CPU) into the flow process just to start a subprocess. This
    starts the same command (`uvicorn --factory prefect.server.api.server:create_app`, with the
    same ephemeral-mode variables) through this module's launcher without importing any of it,
    and sets PREFECT_API_URL before Prefect is imported, so the flow talks to it like to any
    server. The caller waits for `/api/health` (`wait`) only right before the flow starts.
    """

    def __init__(self) -> None:
        import importlib.util
        import socket
        import subprocess

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/api"
        spec = importlib.util.find_spec("prefect")
        app_dir = Path(spec.origin).parent.parent  # site-packages, as Prefect passes it
        env = {
            **os.environ,
            "PREFECT_UI_ENABLED": "0",
            "PREFECT__SERVER_EPHEMERAL": "1",
            "PREFECT__SERVER_FINAL": "1",
        }
        env.pop("PREFECT_API_URL", None)
        self.migrations = MigrationRecord.of(env)
        if self.migrations is not None and self.migrations.current():
            # Prefect checks its migrations at every start (~0.6 s of the ~5 s boot); the
            # database already holds the revision this Prefect migrated it to.
            env["PREFECT_API_DATABASE_MIGRATE_ON_START"] = "false"
            self.migrations = None  # nothing to record
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                __name__,
                "-m",
                "uvicorn",
                "--app-dir",
                str(app_dir),
                "--factory",
                "prefect.server.api.server:create_app",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--log-level",
                "error",
                "--lifespan",
                "on",
            ],
            env=env,
        )

    def wait(self, timeout_s: float) -> None:
        """Block until the server answers its health check (raise RuntimeError otherwise)."""
        import urllib.error
        import urllib.request

        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"Prefect's temporary API server exited with code {self.process.returncode}"
                )
            try:
                with urllib.request.urlopen(f"{self.url}/health", timeout=2) as answer:
                    if answer.status == 200:
                        if self.migrations is not None:
                            self.migrations.record()
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.1)
        raise RuntimeError(
            f"Prefect's temporary API server did not answer within {timeout_s:.0f} s"
        )

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except Exception:  # noqa: BLE001 - a server that ignores SIGTERM is killed
                self.process.kill()
                self.process.wait()


def _launch(argv: list[str]) -> None:
    """`python -m zhnews.procs -m MODULE ARGS…`: watch the parent, then run MODULE as main."""
    import runpy

    if len(argv) < 2 or argv[0] != "-m":
        sys.exit("usage: python -m zhnews.procs -m MODULE [ARGS...]")
    watch_parent()
    sys.argv = [argv[1], *argv[2:]]
    runpy.run_module(argv[1], run_name="__main__", alter_sys=True)


class _NoPandas:
    """A meta-path finder that refuses pandas (see `block_pandas`)."""

    def find_spec(self, name, path=None, target=None):
        if name == "pandas" or name.startswith("pandas."):
            raise ModuleNotFoundError("pandas is not used in this process", name=name)
        return None


def block_pandas() -> None:
    """Make `import pandas` fail in this process (a parse worker, or the `zhnews run` process:
    neither uses pandas).

    pyarrow imports pandas, if it is installed, the first time it converts Python objects
    (`pa.array`, `pa.table`), only to check whether they are pandas objects: ~55 MB of RSS
    and ~0.4 s per worker for nothing. A finder that raises ImportError for it is what
    pyarrow takes as "no pandas" (a `None` in sys.modules is not: pyarrow's compiled import
    returns it). GX needs pandas, but the gate runs in its own process
    (zhnews.gate_process), never in a worker or the flow's process. DuckDB, likewise, imports
    it at the first query with parameters and takes the ImportError as "no pandas".
    """
    import sys

    if "pandas" not in sys.modules and not any(isinstance(f, _NoPandas) for f in sys.meta_path):
        sys.meta_path.insert(0, _NoPandas())


class _Lazy:
    """A meta-path finder that loads the named packages' pure-Python modules lazily (see
    `lazy_imports`)."""

    def __init__(self, packages: frozenset[str]) -> None:
        self.packages = packages

    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] not in self.packages:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is None:
                continue
            # only source modules: an extension module's object must come from its own
            # loader's create_module, which LazyLoader does not call
            if isinstance(spec.loader, importlib.machinery.SourceFileLoader):
                spec.loader = importlib.util.LazyLoader(spec.loader)
            return spec
        return None


def lazy_imports(packages: tuple[str, ...]) -> None:
    """Import the modules of `packages` lazily in this process: `import x` binds a module
    whose code runs at its first attribute access (importlib.util.LazyLoader).

    The gate's process: Great Expectations imports SciPy's statistics (~490 modules, for
    distribution expectations) and Altair (charts in rendered docs) when it is imported, and
    the gate's suites use neither. Loaded lazily, the gate process holds ~75 MB less before it
    validates (`bench/gate_memory.py --documents 100000`: 308 -> 232 MB) and imports GX ~1 s
    faster (`.venv/bin/python -X importtime -c "from zhnews.gate_process import _import_gx;
    _import_gx()"`); an expectation that does use them loads them then.
    """
    if not any(isinstance(f, _Lazy) for f in sys.meta_path):
        sys.meta_path.insert(0, _Lazy(frozenset(packages)))


if __name__ == "__main__":
    _launch(sys.argv[1:])
