"""Failure classes found on the twenty-first first-contact batch (scored blind:
`bench/extraction/firstcontact-2026-12-07p.md`).

1. A reprint's printed source as a line of its own closing the text — the paper, the day
   and/or the page it ran on, maybe the page's name (`《中国科学报》 (2018-08-09 第3版 国际)`),
   maybe said so (`（原载《中国科学报》2018年8月9日第3版）`, `本文刊于《…》…`) — is no
   paragraph (sciencenet: the line sat in the text's own element, inside the run of prose);
   a sentence that opens with a title stays text.
"""

from __future__ import annotations

import pytest
from zhnews.parse import parse_document

POST = """---
layout: post
title: 跨性别运动员研究
date: 2018-08-09
---

第一段正文，讲述了研究的经过和细节，内容足够长以便成为正文段落。

第二段正文，补充了更多的背景资料和各方的说法，同样是正文。

{line}
"""


def _body(line: str) -> list[str]:
    return parse_document(POST.format(line=line), "post.md").articles[0].body_paragraphs


@pytest.mark.parametrize(
    "line",
    [
        "《中国科学报》 (2018-08-09 第3版 国际)",
        "《中国科学报》 (第3版 国际)",
        "（原载《中国科学报》2018年8月9日第3版）",
        "本文刊于《中国科学报》2018年8月9日第3版",
    ],
)
def test_a_reprints_printed_source_is_no_paragraph(line):
    assert _body(line)[-1].startswith("第二段正文")


def test_a_sentence_opening_with_a_title_stays_text():
    line = "《中国科学报》2018年起改版，第3版专门刊登国际科技新闻，受到读者欢迎。"
    assert _body(line)[-1] == line
