"""Word lists the enrichers share, loaded once per process (never per article).

Part-of-speech tags come from jieba's own dictionary (`jieba/dict.txt`, the one rjieba was
built from) looked up per token: the segmenter already produced the tokens, and re-tagging
with `rjieba.tag` would cost three times the segmentation itself. Tokens the dictionary does
not know (new words the HMM found: 付言祥, 华稔, 智汇谷) get a guessed tag from `guess_tag`.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def _lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a data file."""
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@functools.cache
def pos_dictionary() -> dict[str, str]:
    """word -> jieba POS tag (nr person, ns place, nt organisation, v verb, ...)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        return {}
    path = Path(spec.origin).parent / "dict.txt"
    tags: dict[str, str] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3:
                tags[parts[0]] = parts[2]
    return tags


@functools.cache
def surnames() -> frozenset[str]:
    chars: set[str] = set()
    for line in _lines("surnames.txt"):
        chars.update(line)
    return frozenset(chars)


@functools.cache
def titles() -> frozenset[str]:
    return frozenset(_lines("titles.txt"))


@functools.cache
def curated_entities() -> dict[str, str]:
    """name -> type from data/entities.tsv."""
    out = {}
    for line in _lines("entities.tsv"):
        name, kind = line.split("\t")
        out[name] = kind
    return out


@functools.cache
def not_entities() -> frozenset[tuple[str, str]]:
    """(name, type) pairs that are never entities; type "*" means any type."""
    return frozenset(tuple(line.split("\t")) for line in _lines("not_entities.tsv"))


@functools.cache
def stopwords() -> frozenset[str]:
    return frozenset(_lines("stopwords.txt"))


@functools.lru_cache(maxsize=1 << 17)  # news vocabulary repeats: most calls are hits
def guess_tag(token: str) -> str:
    """POS tag of `token`: the dictionary's, else nr for surname-initial 2-3 character words."""
    tag = pos_dictionary().get(token)
    if tag is not None:
        return tag
    if (
        2 <= len(token) <= 3
        and token[0] in surnames()
        and all("\u4e00" <= c <= "\u9fff" for c in token)
    ):
        return "nr"
    if all("\u4e00" <= c <= "\u9fff" for c in token):
        return "nz"  # an unknown Chinese word: some proper noun
    return "x"
