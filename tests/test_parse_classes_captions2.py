"""Picture captions of Taiwanese and Hong Kong pages written from how sites print them (no
dev-set or held-out page shows these lines): caption openers in traditional characters
(`圖為…`, `圖：…`), a `▼` caption over the picture below it, a picture taken from a social
page (`（翻攝自臉書）`), an English picture credit (`(Photo by AP)`). Inputs are small
synthetic pages written for these tests."""

from __future__ import annotations

import pytest
from synthetic import page, text_of
from zhnews.parse import parse_document

_LINES = [
    "縣府今日公布今年度道路改善計畫，將優先整修市區內多條老舊路段，預計年底前全部完工。",
    "工務處表示，施工期間將採分段封閉方式進行，並於現場設置告示牌，提醒用路人提早改道。",
    "有里長指出，部分路段坑洞問題已存在多年，希望這次能一次修好，不要再反覆挖補造成不便。",
]
_TITLE = "縣府公布道路改善計畫"


def _text(caption: str) -> list[str]:
    body = f"<p>{_LINES[0]}</p><img src='a.jpg'>{caption}<p>{_LINES[1]}</p><p>{_LINES[2]}</p>"
    doc = page(
        f"<title>{_TITLE}</title>",
        f"<div class='art'><h1>{_TITLE}</h1><div>2014/05/02</div>{body}</div>",
    )
    return text_of(parse_document(doc, "page.html").articles[0])


@pytest.mark.parametrize(
    "caption",
    [
        "圖為工務處人員勘查路段。",
        "圖：工務處人員勘查路段。",
        "▼工務處人員勘查路段。",
        "工務處人員勘查路段。（翻攝自臉書）",
        "工務處人員勘查路段。(Photo by AP)",
    ],
)
def test_a_caption_in_these_forms_is_not_text(caption):
    assert _text(f"<p>{caption}</p>") == _LINES
