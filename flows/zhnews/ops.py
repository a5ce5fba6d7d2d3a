"""Operations: a local Prefect server with its UI, and the scheduled inbox deployment.

`zhnews ui` runs `prefect server start` on 127.0.0.1 with the project-local PREFECT_HOME and no
telemetry. `zhnews serve` registers the ETL flow as a deployment with a cron schedule on that
server and runs it when the schedule fires. The command lines, environments and the deployment
are built by small pure functions so tests exercise exactly what the CLI runs.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from zhnews.settings import PROJECT_ROOT

LOCAL_HOST = "127.0.0.1"
DEFAULT_PORT = 4200
DEFAULT_CRON = "*/5 * * * *"
DEFAULT_DEPLOYMENT = "inbox"
DEFAULT_TIMEZONE = "UTC"

# A run that fires while the previous one still holds the deployment's single slot is cancelled
# (state Cancelled, "Deployment concurrency limit reached."), not queued. Loads are incremental
# and idempotent, so a skipped tick loses nothing: the next tick reads whatever arrived meanwhile.
# ENQUEUE would instead replay every missed tick one after another, e.g. the backlog of Late runs
# left while `zhnews serve` was stopped, each one a no-op load.
COLLISION_STRATEGY = "CANCEL_NEW"

# Stopping `zhnews serve` leaves the schedule active. Prefect's default (pause on shutdown)
# would silently stop ingestion for good if the service is not started again; an active
# schedule with no runner instead shows Late runs in the UI, which is the visible signal, and
# the next `zhnews serve` runs one of them (the others are cancelled, see COLLISION_STRATEGY).
PAUSE_ON_SHUTDOWN = False


class OpsError(RuntimeError):
    """An operational problem the user can fix (port taken, no server, bad cron, …)."""


# ---------------------------------------------------------------- server and UI


def base_url(port: int, host: str = LOCAL_HOST) -> str:
    return f"http://{host}:{port}"


def api_url(port: int, host: str = LOCAL_HOST) -> str:
    return base_url(port, host) + "/api"


def prefect_home() -> Path:
    return Path(os.environ.get("PREFECT_HOME", PROJECT_ROOT / ".prefect"))


def server_env(
    port: int,
    host: str = LOCAL_HOST,
    base: Mapping[str, str] | None = None,
    home: Path | None = None,
) -> dict[str, str]:
    """Environment for `prefect server start`: local home, offline, no telemetry.

    PREFECT_API_URL is removed so a value exported for another server cannot leak into the UI,
    which is told explicitly where its API lives.
    """
    env = dict(os.environ if base is None else base)
    env.pop("PREFECT_API_URL", None)
    env["PREFECT_HOME"] = str(home or env.get("PREFECT_HOME") or PROJECT_ROOT / ".prefect")
    env.update(
        {
            "PREFECT_SERVER_API_HOST": host,
            "PREFECT_SERVER_API_PORT": str(port),
            "PREFECT_UI_API_URL": api_url(port, host),
            "PREFECT_SERVER_UI_ENABLED": "true",
            "PREFECT_UI_ENABLED": "true",  # runs' temporary servers keep it off (settings.py)
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "PREFECT_SERVER_UI_SHOW_PROMOTIONAL_CONTENT": "false",
            "DO_NOT_TRACK": "1",
        }
    )
    return env


def server_command(port: int, host: str = LOCAL_HOST) -> list[str]:
    return [
        sys.executable,
        "-m",
        "prefect",
        "server",
        "start",
        "--host",
        host,
        "--port",
        str(port),
        "--analytics-off",
    ]


def port_is_free(port: int, host: str = LOCAL_HOST) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def free_port(host: str = LOCAL_HOST) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def is_healthy(api: str, timeout_s: float = 2.0) -> bool:
    """True when a Prefect API answers /health at `api` (e.g. http://127.0.0.1:4200/api)."""
    try:
        with urllib.request.urlopen(api.rstrip("/") + "/health", timeout=timeout_s) as resp:
            return resp.status == 200 and json.loads(resp.read() or b"null") is True
    except (OSError, ValueError, urllib.error.URLError):
        return False


def wait_healthy(api: str, timeout_s: float, proc: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise OpsError(
                f"the Prefect server exited with code {proc.returncode} before it answered at {api}"
            )
        if is_healthy(api):
            return
        time.sleep(0.5)
    raise OpsError(f"the Prefect server did not answer at {api}/health within {timeout_s:.0f}s")


@dataclass
class Server:
    proc: subprocess.Popen
    port: int
    host: str
    log_path: Path

    @property
    def api_url(self) -> str:
        return api_url(self.port, self.host)

    @property
    def ui_url(self) -> str:
        return base_url(self.port, self.host)

    def stop(self, timeout_s: float = 15.0) -> None:
        stop_process_group(self.proc, timeout_s)


def start_server(
    port: int,
    host: str = LOCAL_HOST,
    home: Path | None = None,
    base_env: Mapping[str, str] | None = None,
    timeout_s: float = 180.0,
) -> Server:
    """Start `prefect server start` in its own process group and wait until it is healthy.

    Its output goes to `<PREFECT_HOME>/server.log`. The caller owns the returned Server and
    must `stop()` it.
    """
    if not port_is_free(port, host):
        raise OpsError(f"port {port} on {host} is already in use; choose another with --port")
    env = server_env(port, host, base_env, home)
    home_dir = Path(env["PREFECT_HOME"])
    home_dir.mkdir(parents=True, exist_ok=True)
    log_path = home_dir / "server.log"
    with open(log_path, "ab") as out:
        proc = subprocess.Popen(
            server_command(port, host),
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
            preexec_fn=_die_with_parent,
        )
    server = Server(proc, port, host, log_path)
    try:
        wait_healthy(server.api_url, timeout_s, proc)
    except BaseException:
        server.stop()
        raise
    return server


def _die_with_parent() -> None:
    """Linux: the server gets SIGTERM if the process that started it dies, even by SIGKILL."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def stop_process_group(proc: subprocess.Popen, timeout_s: float = 15.0) -> None:
    """SIGINT, then SIGTERM, then SIGKILL the process group led by `proc` (started by us)."""
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGKILL):
        if proc.poll() is not None:
            break
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            break
        try:
            proc.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            continue
    # children left in the group after the leader exited (uvicorn services)
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def log_tail(path: Path, lines: int = 20) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def ui_banner(server: Server) -> str:
    return "\n".join(
        [
            f"Prefect UI:  {server.ui_url}",
            f"Prefect API: {server.api_url}",
            "",
            "Send runs here (flow runs, logs, artifacts dq-report / stage-counts / etl-progress):",
            f"  export PREFECT_API_URL={server.api_url}",
            "then `zhnews run …` or `zhnews serve --inbox DIR` in that shell.",
            "",
            f"Prefect home: {prefect_home()}   server log: {server.log_path}",
            "Ctrl-C stops the server.",
        ]
    )


def _raise_keyboard_interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def run_ui(port: int = DEFAULT_PORT, host: str = LOCAL_HOST, out=sys.stdout) -> int:
    """Foreground `zhnews ui`: start the server, print where it is, wait for Ctrl-C."""
    if is_healthy(api_url(port, host)):
        print(
            f"A Prefect server already answers at {base_url(port, host)}.\n"
            f"  export PREFECT_API_URL={api_url(port, host)}",
            file=out,
        )
        return 0
    if not port_is_free(port, host):
        raise OpsError(f"port {port} on {host} is already in use; choose another with --port")
    print(f"starting the Prefect server on {base_url(port, host)} …", file=out, flush=True)
    # `kill`, a closed terminal or a supervisor's stop must stop the server too, not orphan it.
    previous = {
        sig: signal.signal(sig, _raise_keyboard_interrupt)
        for sig in (signal.SIGTERM, signal.SIGHUP)
    }
    try:
        server = start_server(port, host)
        try:
            print(ui_banner(server), file=out, flush=True)
            server.proc.wait()
            if server.proc.returncode:
                raise OpsError(
                    f"the Prefect server stopped with code {server.proc.returncode}:"
                    "\n" + log_tail(server.log_path)
                )
        finally:
            server.stop()
    except KeyboardInterrupt:
        print("\nPrefect server stopped.", file=out, flush=True)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 0


# ---------------------------------------------------------------- scheduled deployment


def resolve_api_url(env: Mapping[str, str] | None = None) -> str:
    """The server `zhnews serve` registers with: $PREFECT_API_URL, else a local `zhnews ui`.

    Must run before `import prefect` (it may set PREFECT_API_URL for this process).
    """
    env = os.environ if env is None else env
    url = env.get("PREFECT_API_URL")
    if url:
        if not is_healthy(url):
            raise OpsError(
                f"no Prefect server answers at PREFECT_API_URL={url}; start it with "
                "`zhnews ui` (or fix the variable)"
            )
        return url
    default = api_url(DEFAULT_PORT)
    if is_healthy(default):
        return default
    raise OpsError(
        "a schedule needs a running Prefect server: start one with `zhnews ui` in another "
        f"shell, then `export PREFECT_API_URL={default}`"
    )


def inbox_parameters(inbox: Path, db: Path) -> dict:
    """Absolute paths: flow runs start in a scratch working directory."""
    return {"paths": [str(Path(inbox).resolve())], "db": str(Path(db).resolve())}


def inbox_deployment(
    inbox: Path,
    db: Path,
    cron: str = DEFAULT_CRON,
    name: str = DEFAULT_DEPLOYMENT,
    timezone: str = DEFAULT_TIMEZONE,
):
    """The ETL flow as a deployment: cron schedule, one run at a time, this inbox and warehouse."""
    from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy
    from prefect.deployments.runner import EntrypointType
    from prefect.schedules import Cron

    from zhnews.flow import etl

    try:
        schedule = Cron(cron, timezone=timezone, slug="inbox-cron")
    except ValueError as exc:
        raise OpsError(f"invalid --cron {cron!r} or --timezone {timezone!r}: {exc}") from exc
    return etl.to_deployment(
        name=name,
        schedules=[schedule],
        parameters=inbox_parameters(inbox, db),
        concurrency_limit=ConcurrencyLimitConfig(
            limit=1, collision_strategy=ConcurrencyLimitStrategy(COLLISION_STRATEGY)
        ),
        description=f"Load new and changed files from {Path(inbox).resolve()} into "
        f"{Path(db).resolve()} ({cron}, {timezone}).",
        tags=["zhnews", "inbox"],
        entrypoint_type=EntrypointType.MODULE_PATH,  # zhnews.flow.etl, importable anywhere
    )


def serve_banner(deployment, cron: str, timezone: str, api: str) -> str:
    ui = api.removesuffix("/api")
    overlap = "cancelled (skipped)" if COLLISION_STRATEGY == "CANCEL_NEW" else "queued"
    on_stop = (
        "paused"
        if PAUSE_ON_SHUTDOWN
        else "still active; missed ticks show as Late runs until the next `zhnews serve`"
    )
    params = json.dumps(deployment.parameters, ensure_ascii=False)
    return "\n".join(
        [
            f"serving deployment 'etl/{deployment.name}' on {api}",
            f"  schedule: {cron} ({timezone}); parameters: {params}",
            f"  overlap: one run at a time; a run firing while another runs is {overlap} "
            f"[deployment concurrency limit 1, {COLLISION_STRATEGY}]",
            "           any other writer waits on the warehouse writer lock (ZHNEWS_LOCK_TIMEOUT)",
            f"  when serving stops the schedule is {on_stop}",
            f"  run now: prefect deployment run 'etl/{deployment.name}'   UI: {ui}/deployments",
            "Ctrl-C stops serving.",
        ]
    )


def heal_orphaned_runs(deployment: str) -> list[tuple[str, str]]:
    """Mark the deployment's runs that a stopped `serve` left Pending/Running as Crashed.

    Only one `serve` runs a deployment (concurrency limit 1), so when a new one starts, any run
    still Pending or Running belongs to a process that is gone: e.g. `serve` got SIGINT while it
    was submitting a tick's run. Left alone, such a run holds the deployment's only concurrency
    slot until its lease expires and every tick meanwhile is cancelled. Forcing it to Crashed
    releases the slot (Prefect's minimal flow policy releases deployment slots), so the next
    tick loads the inbox. Returns (run name, old state) of the runs marked.
    """
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import (
        DeploymentFilter,
        DeploymentFilterId,
        FlowRunFilter,
        FlowRunFilterState,
        FlowRunFilterStateType,
    )
    from prefect.client.schemas.objects import StateType
    from prefect.exceptions import ObjectNotFound
    from prefect.states import Crashed

    healed = []
    with get_client(sync_client=True) as client:
        try:
            found = client.read_deployment_by_name(deployment)
        except ObjectNotFound:
            return healed
        runs = client.read_flow_runs(
            deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[found.id])),
            flow_run_filter=FlowRunFilter(
                state=FlowRunFilterState(
                    type=FlowRunFilterStateType(
                        any_=[StateType.PENDING, StateType.RUNNING, StateType.CANCELLING]
                    )
                )
            ),
        )
        for run in runs:
            client.set_flow_run_state(
                run.id,
                Crashed(message="left Pending/Running by a `zhnews serve` that stopped"),
                force=True,
            )
            healed.append((run.name, run.state.name if run.state else "?"))
    return healed


def serve_inbox(
    inbox: Path,
    db: Path,
    cron: str = DEFAULT_CRON,
    name: str = DEFAULT_DEPLOYMENT,
    timezone: str = DEFAULT_TIMEZONE,
    out=sys.stdout,
) -> int:
    """Register the inbox deployment on the server (PREFECT_API_URL) and run its scheduled runs."""
    from prefect import serve

    deployment = inbox_deployment(inbox, db, cron, name, timezone)
    from prefect.settings import PREFECT_API_URL

    for run_name, state in heal_orphaned_runs(f"etl/{name}"):
        print(f"marked run {run_name!r} ({state}) crashed: left by a serve that stopped", file=out)

    print(
        serve_banner(deployment, cron, timezone, PREFECT_API_URL.value() or "?"),
        file=out,
        flush=True,
    )
    serve(deployment, pause_on_shutdown=PAUSE_ON_SHUTDOWN, print_starting_message=False)
    return 0
