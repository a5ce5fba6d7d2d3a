"""Failure classes found on mirrored news posts (dev set terminus2049, bha)."""

from zhnews.parse import parse_document

_POST = """---
layout: post
title: 测试标题
date: 2018-05-08
---

{header}

---

第一段正文，讲述了事情的经过和细节，内容足够长以便成为正文段落。

第二段正文，补充了更多的背景资料和各方的说法，同样是正文。
"""


def _body(header: str) -> list[str]:
    doc = parse_document(_POST.format(header=header), "post.md")
    return doc.articles[0].body_paragraphs


def test_provenance_line_above_rule_is_not_body():
    body = _body("来源：某某网，[原文](http://example.com/a.html)")
    assert body[0].startswith("第一段正文")
    assert not any("来源" in p for p in body)


def test_original_link_note_is_not_body():
    body = _body("原文来自某某网：[测试标题](http://example.com/b.html)")
    assert not any("原文来自" in p for p in body)
    assert len(body) == 2


def test_text_above_rule_without_provenance_cue_stays():
    body = _body("这是一段没有出处说明的导语，它也是正文的一部分。")
    assert body[0].startswith("这是一段没有出处说明的导语")
