"""Failure classes found on the twenty-sixth first-contact batch (scored blind:
`bench/extraction/firstcontact-2026-12-07u.md`).

1. The English label a theme prints before the writer's name in the author's box (`<div
   class="td-author-by">By</div> <a href="/author/kui">kui</a>`, `Posted by`, `By kui` as
   one run) is no name (hereinuk); a name that starts with the letters `By` stays whole.
2. A short numbered head printed between two pictures in one paragraph (`<img> 4.Jamie Clayton
   <img> Jamie于1978年…`) is the text's next list head, not a caption, when the text numbers
   its items the same way (`3.Caroline Cossey，英国` as a line of its own) (hereinuk); a
   numbered line with no neighbour number, or a plain caption, stays a caption.
"""

from __future__ import annotations

import pytest
from synthetic import STORY, only_article, page, text_of, writers
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


LINE = "第{}段：本市今年夏季持续高温，有关部门近日下发通知，要求各用人单位按时足额发放防暑补贴，并加强劳动保护。"


def _list_page(head: str) -> str:
    body = (
        f"<p>{LINE.format(0)}</p><p><img src='/z.jpg'></p><p>3.Caroline Cossey，英国</p>"
        f"<p>{LINE.format(1)}</p><p><img src='/a.jpg'> {head} <img src='/b.jpg'> {LINE.format(2)}"
        f" <img src='/c.jpg'></p><p>{LINE.format(3)}</p>"
    )
    return page(HEAD, f"{H1}<div class='content'>{body}</div>")


@pytest.mark.parametrize(
    ("head", "kept"),
    [("4.Jamie Clayton", True), ("2.Jamie Clayton", True), ("1.Jamie Clayton", False)]
    + [("4、Jamie Clayton", False), ("图为高温下的工人", False)],
)
def test_a_numbered_head_between_pictures_is_the_lists_next_head(head, kept):
    assert (head in text_of(only_article(_list_page(head)))) is kept
