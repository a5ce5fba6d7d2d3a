"""Failure classes found on the twenty-sixth first-contact batch (scored blind:
`bench/extraction/firstcontact-2026-12-07u.md`).

1. The English label a theme prints before the writer's name in the author's box (`<div
   class="td-author-by">By</div> <a href="/author/kui">kui</a>`, `Posted by`, `By kui` as
   one run) is no name (hereinuk); a name that starts with the letters `By` stays whole.
"""

from __future__ import annotations

import pytest
from synthetic import STORY, only_article, page, writers
from zhnews.parse.bylines import strict_names

HEAD = "<title>防暑补贴全部发放到位</title>"
H1 = "<h1>防暑补贴全部发放到位</h1>"


@pytest.mark.parametrize(
    ("box", "names"),
    [
        ("<div class='td-author-by'>By</div> <a href='/author/kui'>kui</a>", ["kui"]),
        ("<div class='td-author-by'>by</div> <a href='/author/kui'>kui</a>", ["kui"]),
        ("<div class='td-author-by'>Posted by</div> <a href='/author/kui'>kui</a>", ["kui"]),
        ("<div class='td-author-by'>By</div> <a href='/author/wang'>王小明</a>", ["王小明"]),
    ],
)
def test_an_english_by_label_in_the_authors_box_is_no_name(box, names):
    row = (
        f"<div class='td-post-author-name'>{box}<div class='td-author-line'> - </div></div>"
        "<time>2016-07-02 23:11</time>"
    )
    html = page(HEAD, f"<article>{H1}{row}<div class='content'>{STORY}</div></article>")
    assert writers(only_article(html)) == names


@pytest.mark.parametrize(
    ("line", "names"),
    [("By kui", ["kui"]), ("Posted by 王小明", ["王小明"]), ("Byron Smith", ["Byron Smith"])],
)
def test_names_after_an_english_by_label(line, names):
    assert strict_names(line) == names
