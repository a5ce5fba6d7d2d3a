"""Failure class found on the thirty-first first-contact batch (scored blind:
`bench/extraction/firstcontact-2026-12-07z.md`).

1. A post's last line that is one link labelled with an identifier, not words
   (`[investing_cn](https://cn.investing.com/news/…)`, `[jinwucj](https://…/265687605)`: the
   feed key a scraper writes under the text it copied), is its source link, not a paragraph.
   A closing link labelled with words, or an identifier inside the text, stays.
"""

from __future__ import annotations

import pytest
from synthetic import PARAGRAPH, text_of
from zhnews.parse import parse_document

LINES = [PARAGRAPH.format(i=i)[3:-4] for i in range(1, 4)]
POST = '---\ntitle: "防暑补贴全部发放到位"\ndate: "2025-02-07 23:35:08"\n---\n\n'


def _text(closing: str) -> list[str]:
    body = "\n\n".join([*LINES, closing])
    doc = parse_document(POST + body + "\n", "2025-02-07-post.md")
    return text_of(doc.articles[0])


@pytest.mark.parametrize(
    "closing",
    [
        "[investing_cn](https://cn.investing.com/news/stock-market-news/article-2662651)",
        "[jinwucj](https://sky.szfiu.com/info/hk/details/265687605)",
    ],
)
def test_a_closing_link_labelled_with_an_identifier_is_no_paragraph(closing):
    assert _text(closing) == LINES


def test_a_closing_link_labelled_with_words_stays():
    closing = "详情请见[市人社局通知](https://example.com/notice)。"
    assert _text(closing) == [*LINES, "详情请见市人社局通知。"]
