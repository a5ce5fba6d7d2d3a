"""A clone is the whole product: no source, test or benchmark names a place outside the repo.

Scans the project's own `*.py`, `*.toml`, `*.sh` and `.ci/run` (not `.venv`, caches or data
fixtures) for absolute paths to home, work, mount or temporary folders. Temporary folders
must come from the standard library (`tempfile`, pytest's `tmp_path`), never a literal.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SUFFIXES = {".py", ".toml", ".sh"}
EXTRA_FILES = (".ci/run",)
# Data, not code: documents the tests and the benchmark read (their origin is in their README).
DATA_DIRS = ("tests/fixtures", "tests/gold", "seeds", "bench/extraction/docs")
# Roots of places that exist on one machine only. System interfaces (/proc, /dev, /bin as a
# PATH value) are not places a clone lacks, and stay allowed.
_ROOTS = "work|home|root|tmp|var|usr|opt|srv|mnt|media|data|scratch|nfs|Users|private|Volumes"
ABSOLUTE_PATH = re.compile(
    rf"(?<![\w.:/~-])/(?:{_ROOTS})(?=[/\"'`\s)]|$)"  # a root folder, alone or with a path
    r"|[\"'`]~[/\\]"  # a quoted path in someone's home
    r"|[\"'`][A-Z]:[\\/]"  # a quoted Windows drive path
)
# Literals that name an outside place on purpose, with the reason. Each must still occur.
ALLOWED = {
    ("tests/test_injection.py", "/" + "tmp/pwned.csv"): "an injection payload the test proves "
    "is refused; nothing opens it",
}


def project_files(root: Path = ROOT) -> list[Path]:
    out = []
    for path in root.rglob("*"):
        rel = path.relative_to(root)
        parts = rel.parts
        if any(p.startswith(".") and p != ".ci" for p in parts[:-1]) or "__pycache__" in parts:
            continue  # .venv, .git, .prefect, bench/.cache, …
        if any(rel.as_posix().startswith(d + "/") for d in DATA_DIRS):
            continue
        if path.is_file() and (path.suffix in SUFFIXES or rel.as_posix() in EXTRA_FILES):
            out.append(path)
    return sorted(out)


def absolute_paths(text: str) -> list[tuple[int, str]]:
    """(line number, line) of every line naming an absolute path outside the repository."""
    hits = []
    for n, line in enumerate(text.splitlines(), start=1):
        if n == 1 and line.startswith("#!"):
            continue  # a shebang names the interpreter, not data
        if ABSOLUTE_PATH.search(line):
            hits.append((n, line.strip()))
    return hits


def _allowed(rel: str, line: str) -> bool:
    return any(rel == f and literal in line for f, literal in ALLOWED)


def test_the_scanner_sees_the_project():
    rels = {p.relative_to(ROOT).as_posix() for p in project_files()}
    assert {"flows/zhnews/cli.py", "pyproject.toml", ".ci/run", "bench/corpus.py"} <= rels
    assert "tests/test_standalone.py" in rels
    assert not any(r.startswith((".venv/", ".git/", "tests/fixtures/")) for r in rels)


def test_the_scanner_flags_outside_places_and_nothing_else():
    slash = "/"  # built up so this file does not contain the literals it tests
    flagged = [
        f'CORPUS = Path("{slash}work{slash}shared/corpus")',
        f"open('{slash}home{slash}ana/notes.txt')",
        f'db = "{slash}tmp{slash}zhnews.duckdb"',
        f'os.chdir("{slash}tmp")',
        f"x = Path('~{slash}data')",
        f'root = "{"C"}:\\\\Users\\\\ana"',
        f"export DB={slash}srv{slash}zhnews/warehouse",
    ]
    clean = [
        "tmp = tempfile.mkdtemp()",
        'open(f"/proc/{pid}/stat")',
        'env["PATH"] = "/bin"',
        'url = "https://example.com/data/x.html"',
        'cache = ROOT / "bench" / ".cache" / "tmp"',
        "\"<a href='/x'>财经</a>\"",
        "path = 'warehouse/tmp/x'",
    ]
    for line in flagged:
        assert absolute_paths(line), line
    for line in clean:
        assert not absolute_paths(line), line
    assert absolute_paths(f"#!{slash}usr{slash}bin/env bash\necho ok") == []


def test_no_absolute_paths_outside_the_repository():
    found, used = [], set()
    for path in project_files():
        rel = path.relative_to(ROOT).as_posix()
        for n, line in absolute_paths(path.read_text(encoding="utf-8", errors="replace")):
            if _allowed(rel, line):
                used.update(k for k in ALLOWED if k[0] == rel and k[1] in line)
            else:
                found.append(f"{rel}:{n}: {line}")
    assert not found, (
        "absolute paths to places outside the repository (copy the data into the repo and use "
        "paths relative to it, or tempfile for scratch space):\n" + "\n".join(found)
    )
    assert used == set(ALLOWED), f"stale ALLOWED entries: {set(ALLOWED) - used}"
