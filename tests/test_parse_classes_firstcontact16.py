"""Failure classes found on the sixteenth first-contact batch (scored blind:
`bench/extraction/firstcontact-2026-12-07k.md`).

1. A `导语：` deck above the text is the summary, like `导读：`; an opening `编者按：` note after
   it is too (eeo: both were the first two paragraphs).
2. A field's label alone on its line with its value on the next (`<p>来源</p><p>参考消息网</p>`
   in a page's side column) is one labelled line, the source, not two paragraphs (wxrb).
"""

from __future__ import annotations

from synthetic import STORY, only_article, page, text_of

HEAD = "<title>泰国印象（十三）：告诉你真实的泰国人妖</title>"
H1 = "<h1>泰国印象（十三）：告诉你真实的泰国人妖</h1>"


def test_a_lead_deck_and_an_editors_note_are_the_summary():
    deck = "<div class='wz_dd'>导语：对于美貌的人妖，恋爱可以一夜情也行，但绝不能娶回家。</div>"
    note = (
        "<p><strong>编者按：</strong>美味的泰式美食，惬意的特色按摩，瑰丽的海岛风情，"
        "期待着您跟着我们一起，走进泰国。</p>"
    )
    article = only_article(page(HEAD, f"{H1}{deck}<div class='text'>{note}{STORY}</div>"))
    assert [t[:3] for t in text_of(article)] == ["第1段", "第2段", "第3段", "第4段"]
    assert article.summary is not None and article.summary.startswith("导语：")


def test_a_label_over_its_value_in_a_side_column_is_the_source():
    column = (
        "<div class='ldate'><p class='k'><span>来源</span></p><p class='font14'>参考消息网</p>"
        "<p class='k'><span>分享</span></p></div>"
    )
    article = only_article(page(HEAD, f"{H1}{column}<div class='rcon'>{STORY}</div>"))
    assert text_of(article) == [t for t in text_of(article) if t.startswith("第")]
    assert article.publisher == "参考消息网"
