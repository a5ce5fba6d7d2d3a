"""Find input files and decide which ones need reading (pure: no Prefect, no DuckDB)."""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

# Extensions taken when walking a folder; a file named explicitly is always taken.
# What a folder walk reads: posts and pages, and feeds and XML newspaper transcriptions
# (parse/feed.py, parse/xmldoc.py). A file named on the command line is read whatever its name.
DOCUMENT_EXTENSIONS = (
    ".md",
    ".markdown",
    ".txt",
    ".html",
    ".htm",
    ".shtml",
    ".xhtml",
    ".xml",
    ".rss",
    ".atom",
)


@dataclass(frozen=True)
class FileRef:
    path: str  # the OS path used to read (may hold surrogate escapes for non-UTF-8 names)
    source_path: str  # the same path as valid UTF-8 text, stored in the warehouse
    size: int
    mtime_ns: int
    known_sha256: str | None = None  # sha256 of the last version loaded from this path


@dataclass
class Discovery:
    files: list[FileRef]
    skipped: list[tuple[str, str]]  # (source_path, reason) for things seen but not taken


def display_path(path: str) -> str:
    """A UTF-8-safe rendering of an OS path (non-UTF-8 bytes become \\xNN escapes)."""
    if path.isascii():  # the common case, and the same string: ~0.15 s of 100,000 files
        return path
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def is_hidden(name: str) -> bool:
    return name.startswith(".")


def is_document_name(name: str) -> bool:
    """A file name discovery loads (not hidden, a document extension)."""
    # '<post>.md@<commit>.md' version copies end in .md too
    return not is_hidden(name) and name.lower().endswith(DOCUMENT_EXTENSIONS)


def _walk(folder: str) -> Iterator[str]:
    """Absolute, normalised paths of the documents under `folder` (what `_absolute` keeps)."""
    # followlinks=False: a symlink loop cannot make the walk endless.
    for root, dirs, files in os.walk(os.path.abspath(folder), followlinks=False):
        dirs[:] = sorted(d for d in dirs if not is_hidden(d))
        prefix = root if root.endswith(os.sep) else root + os.sep
        for name in sorted(files):
            if is_document_name(name):
                yield prefix + name


def _absolute(path: str) -> str:
    """os.path.abspath, skipped for a path that is already absolute and normalised (every
    path `_walk` yields: ~0.4 s of a 100,000-file discovery)."""
    if (
        os.sep == "/"
        and path.startswith("/")
        and "//" not in path
        and "/./" not in path
        and "/../" not in path
        and not path.endswith(("/.", "/.."))
    ):
        return path
    return os.path.abspath(path)


def expand(paths: Iterable[str]) -> Iterator[tuple[str, str | None]]:
    """Yield (path, problem) for every file named by `paths` (files, folders or globs)."""
    for raw in paths:
        if os.path.isdir(raw):
            for p in _walk(raw):
                yield p, None
        elif os.path.lexists(raw):
            yield raw, None
        elif glob.has_magic(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield raw, "glob matched no files"
            for p in matches:
                if os.path.isdir(p):
                    yield from ((q, None) for q in _walk(p))
                else:
                    yield p, None
        else:
            yield raw, "no such file or folder"


Known = dict[str, tuple[int, int, str]]


def discover(
    paths: Iterable[str], known: Known | Callable[[list[str]], Known] | None = None
) -> tuple[Discovery, int]:
    """List files to read and count unchanged ones.

    `known` maps source_path -> (size, mtime_ns, sha256) of the last loaded version; a file with
    the same size and mtime is unchanged without reading it (what makes a no-op re-run cheap).
    A file with a new mtime is read and hashed by the worker, which compares with known_sha256.
    `known` may also be a function that returns that mapping for the listed source paths (the
    writer's `known_files`: a watched load of a few files looks up those, not every file the
    warehouse has).
    """
    seen: set[str] = set()
    listed: list[tuple[str, str]] = []  # (abspath, source_path)
    skipped: list[tuple[str, str]] = []
    for path, problem in expand(paths):
        abspath = _absolute(path)
        source_path = display_path(abspath)
        if source_path in seen:
            continue
        seen.add(source_path)
        if problem:
            skipped.append((source_path, problem))
        else:
            listed.append((abspath, source_path))
    if callable(known):
        known = known([source_path for _, source_path in listed])
    known = known or {}
    files: list[FileRef] = []
    unchanged = 0
    for abspath, source_path in listed:
        try:
            st = os.stat(abspath)  # follows symlinks; a dangling or looping link fails here
        except OSError:
            # Handed to the worker so the failure is quarantined with its reason, unless the
            # last run already found it unreadable (recorded with size and mtime -1).
            prior = known.get(source_path)
            if prior and prior[0] == -1 and prior[1] == -1:
                unchanged += 1
                continue
            files.append(FileRef(abspath, source_path, -1, -1, None))
            continue
        prior = known.get(source_path)
        if prior and prior[0] == st.st_size and prior[1] == st.st_mtime_ns:
            unchanged += 1
            continue
        files.append(
            FileRef(abspath, source_path, st.st_size, st.st_mtime_ns, prior[2] if prior else None)
        )
    return Discovery(files, skipped), unchanged


def shards(files: list[FileRef], size: int) -> list[list[FileRef]]:
    return [files[i : i + size] for i in range(0, len(files), max(1, size))]
