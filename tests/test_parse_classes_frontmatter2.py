"""Front-matter fields of other scrapers and CMS exports, written from how they export
posts (no dev-set or held-out post shows them): the writers under `writer:`, `byline:` or a
feed's `creator:`, an author object (`author: {name: …}`), an `editor:` field, and a
newsroom's name in the author field. Inputs are small synthetic posts written for these
tests."""

from __future__ import annotations

import pytest
from synthetic import text_of, writers
from zhnews.parse import parse_document

_LINES = [
    "市政府今天发布今年道路改造计划，将优先整修城区多条老旧道路，预计年底前全部完工。",
    "交通部门表示，施工期间将采取分段封闭方式，并在现场设置告示牌，提醒市民提前绕行。",
]


def _parse(fields: str):
    text = f"---\ntitle: 市政府发布道路改造计划\ndate: 2019-09-07\n{fields}\n---\n\n"
    return parse_document(text + "\n\n".join(_LINES) + "\n", "2019-09-07-roads.md").articles[0]


@pytest.mark.parametrize(
    "fields, expected",
    [
        ("writer: 张三", ["张三"]),
        ("byline: 记者 张三 李四", ["张三", "李四"]),
        ("creator: 张三", ["张三"]),
        ("author:\n  name: 张三\n  url: https://example.com/zhang", ["张三"]),
    ],
)
def test_the_writers_of_other_fields_and_author_objects_are_read(fields, expected):
    article = _parse(fields)
    assert writers(article) == expected
    assert text_of(article) == _LINES


def test_an_editor_field_is_the_editor_never_a_writer():
    article = _parse("author: 张三\neditor: 李四")
    assert writers(article) == ["张三"]
    assert article.editor == "李四"
    assert _parse("author: 李四\neditor: 责任编辑：李四").editor == "李四"
    assert writers(_parse("author: 李四\neditor: 责任编辑：李四")) == []


def test_a_newsroom_in_the_author_field_is_the_publisher_not_a_writer():
    article = _parse("author: 某某日报")
    assert writers(article) == []
    assert article.publisher == "某某日报"
