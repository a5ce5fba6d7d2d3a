"""Failure class found on the forty-sixth first-contact batch (scored blind:
`bench/extraction/firstcontact-2026-12-07ao.md`; 太格有物).

1. A closing credit whose labels take an underscore for their separator
   (`文_张忌安｜图_张忌安`) credits the writer (and the photographer) as `文／…` does; an
   underscore inside a name run (`陈大文_李四`) is no label.
"""

from __future__ import annotations

from synthetic import STORY, only_article, page, text_of, writers
from zhnews.parse.bylines import parse_byline_line

LINES = [p.split(">", 1)[1] for p in STORY.split("</p>") if p]
TITLE = "“没有一个人能说，我完全没有心理病”"


def test_an_underscore_separated_closing_credit_names_the_writer():
    credit = "<p>文_张忌安｜图_张忌安<br>部分图片来自网络<br>感谢所有受访者</p>"
    head = "<div class='author'><a class='name' href='/u/1'>开眼视频</a><span class='date'>2020年10月22日</span></div>"
    html = page(
        f"<title>{TITLE} - 太格有物</title>",
        f"<h1>{TITLE}</h1>{head}<div class='content'>{STORY}{credit}</div>",
    )
    article = only_article(html)
    assert writers(article) == ["张忌安"]
    assert text_of(article) == LINES


def test_an_underscore_inside_a_name_run_is_no_label():
    assert parse_byline_line("陈大文_李四") is None
