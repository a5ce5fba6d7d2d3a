"""bench/eval_diff.py: which documents two `zhnews eval --json` runs score differently."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location(
    "eval_diff", Path(__file__).resolve().parents[1] / "bench" / "eval_diff.py"
)
eval_diff = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(eval_diff)


def _run(docs: dict[str, tuple[float, list[str]]]) -> dict:
    return {
        "documents": [
            {
                "file": name,
                "systems": {
                    "zhnews": {
                        "stories": [{"title": True, "body_f1": f1}],
                        "leaks": leaks,
                        "predicted": 1,
                    }
                },
            }
            for name, (f1, leaks) in docs.items()
        ]
    }


def test_only_documents_scored_differently_are_listed():
    old = _run({"a.html": (1.0, []), "b.html": (0.9, ["版权所有"]), "c.html": (1.0, [])})
    new = _run({"a.html": (1.0, []), "b.html": (1.0, []), "d.html": (0.5, [])})
    lines = eval_diff.differences(old, new)
    assert lines == [
        "b.html story 0: {'body_f1': (0.9, 1.0)}",
        "b.html leaks ['版权所有'] -> [], stories 1 -> 1",
    ]


def test_the_count_is_over_documents_in_both_runs(tmp_path, capsys):
    old = _run({"a.html": (1.0, []), "b.html": (0.9, [])})
    new = _run({"a.html": (0.8, []), "b.html": (0.9, []), "c.html": (1.0, [])})
    (tmp_path / "old.json").write_text(json.dumps(old), encoding="utf-8")
    (tmp_path / "new.json").write_text(json.dumps(new), encoding="utf-8")
    eval_diff.main([str(tmp_path / "old.json"), str(tmp_path / "new.json")])
    assert capsys.readouterr().out.splitlines()[-1] == "1 of 2 documents differ"
