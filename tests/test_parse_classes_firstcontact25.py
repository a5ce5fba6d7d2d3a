"""Failure classes found on the twenty-fifth first-contact batch (scored blind:
`bench/extraction/firstcontact-2026-12-07t.md`).

1. A summary box under its own label line (`<div>导读</div><p>…</p>`) above the text is the
   story's summary (the label no line of text), and a row of keywords set apart by bars
   (`关键字： 隆胸 | 癌症`) is a tag list, not a paragraph (cmt); one keyword after the label
   (`关键词：共同富裕`, a review's subhead) stays text. The same for an editor's note under its
   own `编者按` line: the summary, and a run-in lead below it opens the same story.
2. An interview closing on a short exchange (`「这些甜蜜和精华对你来说是什么?」` /
   `「就是美。」`) keeps both lines, though neither weighs as prose (cnjiwang).
3. A writer's field that names nobody (`作者：佚名`, `作者：不详`) gives no writer, and the line
   is the credit, not text (cmt, medsci).
"""

from __future__ import annotations

import pytest
from synthetic import PARAGRAPH, STORY, only_article, page, text_of, writers
from zhnews.parse import debris

HEAD = "<title>防暑补贴全部发放到位</title>"
H1 = "<h1>防暑补贴全部发放到位</h1>"
LEAD = PARAGRAPH.format(i=1)[3:-4]


def test_a_labelled_summary_box_and_a_keyword_row_above_the_text():
    box = f"<div class='y-daod'><div class='y-daf'>导读</div><p>{LEAD}</p></div>"
    tags = "<div class='y-title2'> 关键字： <a href='/s/1'>隆胸</a> <span>|</span> <a href='/s/2'>癌症</a></div>"
    html = page(
        HEAD, f"<div>{H1}<div>作者：张三 日期：2019-07-31</div>{box}{tags}<div>{STORY}</div></div>"
    )
    article = only_article(html)
    assert article.summary == LEAD
    texts = text_of(article)
    assert texts[0] == LEAD and len(texts) == 4
    assert not any(t.startswith(("导读", "关键字")) for t in texts)


def test_an_editors_note_under_its_own_label_line_is_the_summary():
    note = "为拆一幢房，断送了三条人命。类似的事件今年已经发生多次。我们不能再等。"
    box = f"<div class='note'><p>编者按</p><p>{note}</p></div>"
    article = only_article(page(HEAD, f"<div>{H1}{box}<div>{STORY}</div></div>"))
    assert article.summary == note
    texts = text_of(article)
    assert note not in texts and not any(t.startswith("编者按") for t in texts)


@pytest.mark.parametrize(
    ("line", "tags"), [("关键字： 隆胸 | 癌症", True), ("关键词：共同富裕", False)]
)
def test_a_keyword_row_is_a_tag_list(line, tags):
    assert bool(debris.debris_reason(line)) is tags


def test_an_interviews_closing_exchange_is_kept():
    exchange = "<p>　　「这些甜蜜和精华对你来说是什么?」</p><p>　　「就是美。」</p><p>&nbsp;</p>"
    rail = "<div><p>热门推荐</p><p>更多新闻</p></div>"
    article = only_article(page(HEAD, f"{H1}<div>{STORY}{exchange}</div>{rail}"))
    assert text_of(article)[-2:] == ["「这些甜蜜和精华对你来说是什么?」", "「就是美。」"]


@pytest.mark.parametrize(
    "row",
    [
        "<p>作者：佚名</p>",
        "<div>作者：佚名 来源：生物探索 日期：2019-07-31</div>",
        "<p>作者：不详</p>",
    ],
)
def test_a_writer_field_that_names_nobody(row):
    article = only_article(page(HEAD, f"{H1}{row}{STORY}"))
    assert writers(article) == []
    assert text_of(article)[0].startswith("第1段")
