"""All tunables in one place: environment variables override the defaults here."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PARSER_VERSION = "1.91.0"  # bump when parse/segment output changes; stamped on every row

PROJECT_ROOT = Path(__file__).resolve().parents[2]
WAREHOUSE_SQL_DIR = PROJECT_ROOT / "warehouse"
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"
DEFAULT_DB = PROJECT_ROOT / "warehouse" / "zhnews"  # zhnews.lake/ + zhnews.work/ (spool)
DEFAULT_SEEDS = PROJECT_ROOT / "seeds"


def _env(name: str, default: str) -> str:
    return os.environ.get(name, default)


@dataclass(frozen=True)
class Settings:
    default_tz: str = field(default_factory=lambda: _env("ZHNEWS_DEFAULT_TZ", "Asia/Shanghai"))
    shard_size: int = field(default_factory=lambda: int(_env("ZHNEWS_SHARD_SIZE", "500")))
    workers: int = field(
        default_factory=lambda: int(_env("ZHNEWS_WORKERS", str(os.cpu_count() or 1)))
    )
    max_file_bytes: int = field(
        default_factory=lambda: int(_env("ZHNEWS_MAX_FILE_BYTES", str(20 * 1024 * 1024)))
    )
    lock_timeout_s: float = field(default_factory=lambda: float(_env("ZHNEWS_LOCK_TIMEOUT", "60")))
    api_start_timeout_s: float = field(
        default_factory=lambda: float(
            _env("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
        )
    )
    expectations_dir: Path = field(
        default_factory=lambda: Path(_env("ZHNEWS_EXPECTATIONS_DIR", str(EXPECTATIONS_DIR)))
    )


def configure_prefect_env() -> None:
    """Project-local, offline, telemetry-free Prefect unless the user already chose otherwise.

    Must run before `import prefect`: Prefect reads its settings at import time.
    """
    home = PROJECT_ROOT / ".prefect"
    os.environ.setdefault("PREFECT_HOME", str(home))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    # Quiet terminal, full record in the UI: only the console handler is raised to WARNING,
    # so INFO logs ("load … published: {counts}") still reach the Prefect API.
    os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "WARNING")
    # A run's ephemeral API needs no UI (building its static files slows every start);
    # `zhnews ui` turns it on for the long-running server.
    os.environ.setdefault("PREFECT_UI_ENABLED", "false")
    # Great Expectations' usage statistics
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")


_HEARTBEAT_SETTINGS = ("PREFECT_FLOWS_HEARTBEAT_FREQUENCY", "PREFECT_RUNNER_HEARTBEAT_FREQUENCY")


def without_flow_heartbeats():
    """A context for flow runs that zhnews starts in its own process (`zhnews run`, the tests):
    no flow-run heartbeat thread, unless the user set PREFECT_FLOWS_HEARTBEAT_FREQUENCY.

    Prefect 3.8 sends a heartbeat every 180 s by default (for zombie-run automations); the
    engine's heartbeat thread sleeps in one-second steps and the run's end joins it, which
    added up to a second (0.8 s measured) to every run. A killed `zhnews run` is cleaned up by
    the next load (ops.loads), with or without an automation. Runs that Prefect's runner
    starts (`zhnews serve`) keep Prefect's default.
    """
    import contextlib

    if any(os.environ.get(name) for name in _HEARTBEAT_SETTINGS):
        return contextlib.nullcontext()
    import prefect.context

    # What prefect.settings.temporary_settings does, minus its Settings.copy_with_update:
    # that builds the settings again from every source (environment, .env, profiles.toml,
    # pyproject.toml), ~0.25 s of a 10-document increment. One field set to None (a value
    # it accepts) needs no validation.
    context = prefect.context.get_settings_context()
    settings = context.settings
    flows = settings.flows.model_copy(update={"heartbeat_frequency": None})
    return prefect.context.SettingsContext(
        profile=context.profile, settings=settings.model_copy(update={"flows": flows})
    )
