"""bench/perturb.py: the dev set with its pages' class attributes taken out, nothing else."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location(
    "perturb", Path(__file__).resolve().parents[1] / "bench" / "perturb.py"
)
perturb = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(perturb)


def test_class_attributes_go_and_everything_else_stays():
    page = (
        '<div class="article__text" id=\'main\'><p class=x>正文 class="不是属性"</p>'
        '<span CLASS=\'author\' data-x="1">张三</span><br class="a b"/></div>'
    ).encode()
    assert (
        perturb.strip_classes(page)
        == (
            '<div id=\'main\'><p>正文 class="不是属性"</p><span data-x="1">张三</span><br/></div>'
        ).encode()
    )


def test_pages_in_legacy_encodings_keep_their_bytes_outside_tags():
    text = "<p class='c'>記者王小明／台北報導</p>"
    for encoding in ("big5", "gbk"):
        data = text.encode(encoding)
        assert perturb.strip_classes(data) == "<p>記者王小明／台北報導</p>".encode(encoding)


def test_the_copy_strips_html_documents_only(tmp_path):
    root = tmp_path / "set"
    (root / "docs" / "a").mkdir(parents=True)
    (root / "gold" / "a").mkdir(parents=True)
    (root / "docs" / "a" / "p.html").write_bytes(b"<p class='c'>x</p>")
    (root / "docs" / "a" / "q.md").write_bytes(b"<p class='c'>x</p>")
    (root / "gold" / "a" / "p.html.json").write_text("{}")
    assert perturb.perturbed_copy(root, tmp_path / "out") == 1
    assert (tmp_path / "out" / "docs" / "a" / "p.html").read_bytes() == b"<p>x</p>"
    assert (tmp_path / "out" / "docs" / "a" / "q.md").read_bytes() == b"<p class='c'>x</p>"
    assert (tmp_path / "out" / "gold" / "a" / "p.html.json").read_text() == "{}"
