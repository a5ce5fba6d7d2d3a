"""Failure classes found on the forty-third first-contact batch (scored blind:
`bench/extraction/firstcontact-2026-12-07al.md`; 有線新聞 and 棱角媒體).

1. Prose set in a small heading element for its look (`<h5><strong>大埔宏福苑大火死傷慘重，
   至今 151 人身故，…。</strong></h5>`, four such paragraphs opening the text) is text: a
   heading of sentences at level 4 or below, or two such headings in a row at any level
   below the headline. A one-line deck in an `<h2>` and short subheads stay headings.
2. A bold lead paragraph said again, in plain type, as the text's last paragraph is printed
   twice as readers see it: both copies are text (copies of the body, many paragraphs
   repeated, are still dropped).
"""

from __future__ import annotations

from synthetic import STORY, only_article, page, text_of

LINES = [p.split(">", 1)[1] for p in STORY.split("</p>") if p]
TITLE = "香港世紀大火 | 分析人口數據 宏福苑居民老化 依賴外傭照顧者"
INTRO = [
    "大埔宏福苑大火死傷慘重，至今 151 人身故，當中有 10 名為印尼及菲律賓外傭，仍有 38 人仍然失去聯絡。",
    "一個有近五千名居民的屋苑，為何超過十分一的住戶都聘有外傭？《棱角》分析香港 2021 年人口普查數據。",
]


def _page(intro: str, body: str) -> str:
    return page(
        f"<title>{TITLE} - 棱角媒體</title>",
        f"<div class='td-post'><header><h1 class='entry-title'>{TITLE}</h1></header>"
        f"<div class='td-post-content'>{intro}{body}</div></div>",
    )


def test_prose_in_small_headings_opening_the_text_is_text():
    intro = "".join(f"<h5><strong>{line}</strong></h5>" for line in INTRO)
    body = f"<h5><b>居民老化，長者比例及年齡高於香港平均值</b></h5>{STORY}"
    article = only_article(_page(intro, body))
    assert article.title == TITLE
    assert text_of(article) == [*INTRO, "居民老化，長者比例及年齡高於香港平均值", *LINES]
    assert [p.kind for p in article.paragraphs][2] == "subhead"


def test_a_one_sentence_deck_in_an_h2_is_no_text():
    deck = "<h2>政府今日公布新政策，申請人須符合六大條件，團體批評仍侵犯人權。</h2>"
    article = only_article(_page(deck, STORY))
    assert text_of(article) == LINES


def test_a_bold_lead_line_said_again_to_close_the_text_is_printed_twice():
    close = "香港政府過去的「居者有其屋」政策，或面臨需要改革的時機，仍然持有部分業權的房屋署需要認真考慮。"
    intro = "".join(f"<h5><strong>{line}</strong></h5>" for line in [*INTRO, close])
    article = only_article(_page(intro, f"{STORY}<p>{close}</p>"))
    assert text_of(article) == [*INTRO, close, *LINES, close]
