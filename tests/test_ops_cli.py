"""`zhnews ui` / `zhnews serve`: the pure parts (commands, environments, errors), no server."""

from __future__ import annotations

import sys
from pathlib import Path

from zhnews import ops
from zhnews.cli import EXIT_USAGE, build_parser, main


def test_server_env_is_local_offline_and_ignores_a_foreign_api_url(tmp_path: Path):
    env = ops.server_env(
        4321, base={"PREFECT_API_URL": "http://elsewhere:4200/api", "PATH": "/bin"}, home=tmp_path
    )
    assert "PREFECT_API_URL" not in env
    assert env["PREFECT_HOME"] == str(tmp_path)
    assert env["PREFECT_UI_API_URL"] == "http://127.0.0.1:4321/api"
    assert env["PREFECT_SERVER_ANALYTICS_ENABLED"] == "false" and env["DO_NOT_TRACK"] == "1"
    assert env["PATH"] == "/bin"
    assert env["PREFECT_SERVER_UI_ENABLED"] == env["PREFECT_UI_ENABLED"] == "true"
    assert ops.server_command(4321) == [
        sys.executable,
        "-m",
        "prefect",
        "server",
        "start",
        "--host",
        "127.0.0.1",
        "--port",
        "4321",
        "--analytics-off",
    ]


def test_project_home_is_the_default(monkeypatch):
    from zhnews.settings import PROJECT_ROOT

    monkeypatch.delenv("PREFECT_HOME", raising=False)
    assert ops.server_env(4200, base={})["PREFECT_HOME"] == str(PROJECT_ROOT / ".prefect")


def test_parser_knows_ui_and_serve():
    args = build_parser().parse_args(["ui"])
    assert (args.port, args.host) == (4200, "127.0.0.1")
    args = build_parser().parse_args(["serve", "--inbox", "in", "--cron", "0 * * * *"])
    assert (args.cron, args.name, args.timezone) == ("0 * * * *", "inbox", "UTC")


def test_inbox_parameters_are_absolute(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert ops.inbox_parameters(Path("in"), Path("w/z.duckdb")) == {
        "paths": [str(tmp_path / "in")],
        "db": str(tmp_path / "w" / "z.duckdb"),
    }


def test_serve_without_a_server_says_how_to_start_one(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setenv("PREFECT_API_URL", f"http://127.0.0.1:{ops.free_port()}/api")
    monkeypatch.setenv("PREFECT_LOGGING_LEVEL", "WARNING")  # restored after the test
    monkeypatch.setenv("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "WARNING")
    assert main(["serve", "--inbox", str(tmp_path)]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "no Prefect server answers" in err and "zhnews ui" in err


def test_serve_needs_an_existing_inbox(tmp_path: Path, capsys):
    assert main(["serve", "--inbox", str(tmp_path / "missing")]) == EXIT_USAGE
    assert "is not a folder" in capsys.readouterr().err


def test_ui_refuses_a_taken_port(capsys):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        assert main(["ui", "--port", str(port)]) == 1
    assert f"port {port}" in capsys.readouterr().err


def test_serve_banner_states_the_overlap_and_shutdown_policy():
    class Deployment:
        name = "inbox"
        parameters = {"paths": ["/in"], "db": "/w.duckdb"}

    text = ops.serve_banner(Deployment(), "*/5 * * * *", "UTC", "http://127.0.0.1:4200/api")
    assert "CANCEL_NEW" in text and "concurrency limit 1" in text
    assert "still active" in text and "etl/inbox" in text
    assert ops.PAUSE_ON_SHUTDOWN is False
