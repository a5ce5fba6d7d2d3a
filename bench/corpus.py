"""Scaled benchmark corpus: N unique documents replicated from the real ones, cached on disk.

The templates are files inside the repository: the real posts in `tests/fixtures/finews` and
`tests/fixtures/finews-versions` (origin in `tests/fixtures/README.md`) and the two `seeds/`.

Every copy gets a new story id (the 18-digit id in file name and URL, the infoCode of seed 000),
newspaper pages get a unique file name, and one small text perturbation (a body digit or a
sentence-final character) so that no two files have the same bytes. Files are spread over
subfolders of at most 1000 files. A folder is reused when its `.complete` marker says N.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SEEDS = ROOT / "seeds"
FILES_PER_FOLDER = 1000

_STORY_ID = re.compile(r"(?<!\d)(20\d{6})(\d{10})(?!\d)")
_INFOCODE = re.compile(r"(?<![A-Za-z0-9])([A-Z]{2})(20\d{6})(\d{10})(?!\d)")
_SENTENCE_END = re.compile("[。！？]")
_BODY_DIGIT = re.compile(r"(?<![\d/.,:=_-])\d(?![\d/.:_-]*\.html)")


@dataclass(frozen=True)
class Template:
    name: str
    data: str
    kind: str  # "post" (story id in name and URL) | "seed000" (infoCode) | "page" (no id)


def templates() -> list[Template]:
    out: list[Template] = []
    for folder in ("finews", "finews-versions"):
        for f in sorted((FIXTURES / folder).iterdir()):
            out.append(Template(f.name, f.read_text(encoding="utf-8"), "post"))
    for f in sorted(SEEDS.iterdir()):
        kind = "seed000" if f.name.startswith("000_") else "page"
        out.append(Template(f.name, f.read_text(encoding="utf-8"), kind))
    return out


def _perturb(text: str, copy: int) -> str:
    """Small changes after the front matter that differ for every copy number of a template.

    Up to five body digits spell the copy number; beyond that a sentence-final character
    (。 ↔ ！) is swapped, so copies of one template never have the same bytes.
    """
    start = text.find("\n---", 4) + 4 if text.lstrip().startswith("---") else 0
    head, body = text[:start], text[start:]
    lines = body.split("\n")
    digits = [
        (n, m.start())
        for n, line in enumerate(lines)
        if "http" not in line and "infoCode" not in line
        for m in _BODY_DIGIT.finditer(line)
    ][:5]
    for j, (n, pos) in enumerate(digits):
        line = lines[n]
        lines[n] = line[:pos] + str((copy // 10**j) % 10) + line[pos + 1 :]
    body = "\n".join(lines)
    rest = copy // 10 ** len(digits)
    if rest:
        ends = list(_SENTENCE_END.finditer(body))
        if not ends:
            return head + body + "\n" * rest
        m = ends[(rest - 1) % len(ends)]
        swap = {"。": "！", "！": "。", "？": "。"}[m.group()]
        body = body[: m.start()] + swap + body[m.end() :]
        body += "\n" * ((rest - 1) // len(ends))
    return head + body


def make_document(ts: list[Template], i: int) -> tuple[str, str]:
    """(file name, text) of document number `i`: copy i // len(ts) of template i % len(ts)."""
    t, copy = ts[i % len(ts)], i // len(ts)
    suffix = f"9{i:09d}"  # 10 digits: never collides with a real id's tail in this corpus
    if t.kind == "post":
        ids = {m.group(0) for m in _STORY_ID.finditer(t.name)}
        text, name = t.data, t.name
        for old in ids:
            new = old[:8] + suffix
            text = text.replace(old, new)
            name = name.replace(old, new)
    elif t.kind == "seed000":
        text = _INFOCODE.sub(lambda m: m.group(1) + m.group(2) + suffix, t.data)
        name = f"000_{i:016x}.txt"
    else:
        text, name = t.data, f"{t.name[:3]}_{i:016x}.txt"
    return name, _perturb(text, copy)


def build(n: int, cache: Path, start: int = 0) -> Path:
    """Write (or reuse) `cache/corpus-<n>/` holding n documents numbered from `start`."""
    folder = cache / (f"corpus-{n}" if start == 0 else f"corpus-{n}-from-{start}")
    marker = folder / ".complete"
    if marker.exists() and marker.read_text().strip() == str(n):
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    ts = templates()
    for k in range(n):
        i = start + k
        name, text = make_document(ts, i)
        sub = folder / f"d{k // FILES_PER_FOLDER:04d}"
        if k % FILES_PER_FOLDER == 0:
            sub.mkdir()
        (sub / name).write_text(text, encoding="utf-8")
    marker.write_text(str(n))
    return folder


def write_new_documents(n: int, folder: Path, start: int) -> Path:
    """n further unique documents (ids from `start`) in `folder`, e.g. for the increment."""
    folder.mkdir(parents=True, exist_ok=True)
    ts = templates()
    for i in range(start, start + n):
        name, text = make_document(ts, i)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def corpus_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
