"""Failure classes found on the forty-seventh first-contact batch (scored blind:
`bench/extraction/firstcontact-2026-12-08.md`; 科技新報, 俄罗斯卫星通讯社, 芋傳媒, 青年日報,
加美财经).

1. A picture drawn by CSS (`<div style="background:url(…jpg)">` with nothing in it, a
   slider's slide) is a picture: the line under it that ends with who provided it
   (`…迎賓。（臺灣戲曲學院提供）`) is its caption, not text. An element with a background
   and text of its own is no picture.
2. A header row whose two fields are labelled without colons, the writer's and the
   stamp's (`作者 農藝女孩看世界發表時間 2024-11-02 20:17`), is the byline: its name is read
   as a writer's label's value, so a pen name longer than four characters is the writer
   (`作者：農藝女孩看世界` too); a body's name under the label (`作者：人民日报评论部`) is not.
3. Where the text first ran and the outlet's leave to repost it (`原文出自農藝女孩看世界臉書，
   芋傳媒經授權轉載。`) is a reprint note, not text; a sentence that says where a quotation
   comes from (`原文出自《論語》，…`) stays.
4. A sentence under the headline in the headline's own element that names the report's
   source first (`据《卫报》报道，…`) is the news's lead, the text's first paragraph, not a
   deck; a sentence there that sums the story up stays the deck.
"""

from __future__ import annotations

from synthetic import STORY, only_article, page, text_of, writers
from zhnews.parse.bylines import parse_byline_line
from zhnews.parse.debris import debris_reason

LINES = [p.split(">", 1)[1] for p in STORY.split("</p>") if p]
TITLE = "戲曲學院《湖光山色藝術季》 京劇折子好戲接連上陣"


def _slide(n: int) -> str:
    return (
        f"<div><div style='background:url(/img/{n}.jpg) center center / contain no-repeat'>"
        f"</div><div><span>《鍾馗嫁妹》第{n}幕精彩演出，文武全開。（臺灣戲曲學院提供）</span></div></div>"
    )


def test_a_caption_under_a_css_drawn_picture_is_a_caption():
    slides = "".join(_slide(n) for n in range(3))
    html = page(
        f"<title>{TITLE}</title>",
        f"<h1>{TITLE}</h1><div>{slides}</div><div>{STORY}</div>",
    )
    assert text_of(only_article(html)) == LINES


def test_a_box_with_a_background_and_text_of_its_own_is_no_picture():
    box = (
        "<div style='background-image:url(/bg.png)'><p>記者會上，院長說明今年藝術季的安排。"
        "（臺灣戲曲學院提供）</p></div>"
    )
    html = page(f"<title>{TITLE}</title>", f"<h1>{TITLE}</h1><div>{STORY}{box}</div>")
    # (the provider's credit is read off the paragraph, as under any text)
    assert "記者會上，院長說明今年藝術季的安排。" in text_of(only_article(html))


def test_a_colonless_writer_and_stamp_row_names_the_pen_name():
    title = "《農藝女孩專欄》免術換證根本沒有幫助到任何的跨性別"
    row = (
        "<div><a href='/author/1'><span>作者 <b>農藝女孩看世界</b></span></a>"
        "<span>發表時間 2024-11-02 20:17</span></div>"
    )
    html = page(f"<title>{title}</title>", f"<h1>{title}</h1>{row}<div>{STORY}</div>")
    article = only_article(html)
    assert writers(article) == ["農藝女孩看世界"]
    assert text_of(article) == LINES


def test_a_long_pen_name_under_a_writers_label_is_the_writer():
    byline = parse_byline_line("作者：農藝女孩看世界")
    assert byline is not None and [a.name for a in byline.authors] == ["農藝女孩看世界"]


def test_a_body_under_a_writers_label_is_no_pen_name():
    byline = parse_byline_line("作者：人民日报评论部")
    assert byline is None or not byline.authors


def test_a_repost_note_is_not_text():
    note = "原文出自農藝女孩看世界臉書，芋傳媒經授權轉載。"
    assert debris_reason(note) == "disclaimer"
    html = page(f"<title>{TITLE}</title>", f"<h1>{TITLE}</h1><div>{STORY}<p>{note}</p></div>")
    assert text_of(only_article(html)) == LINES


def test_where_a_quotation_comes_from_stays_text():
    assert debris_reason("原文出自《論語》，意思是學而時習之。") is None


LEAD = "据《卫报》报道，美国导演莉莉·沃卓斯基接受采访时证实了粉丝的推论：科幻三部曲《黑客帝国》是关于跨性别者的影片。"


def _headed(first: str) -> str:
    title = "《黑客帝国》导演证实影片与跨性别者有关"
    return page(
        f"<title>{title}</title>",
        f"<div><div><h1>{title}</h1><div>2020年8月7日, 11:29</div><div>{first}</div></div>"
        f"<div>{STORY}</div></div>",
    )


def test_a_lead_that_names_its_source_first_is_text_not_a_deck():
    article = only_article(_headed(LEAD))
    assert text_of(article) == [LEAD, *LINES]


def test_a_summing_up_sentence_under_the_headline_stays_the_deck():
    deck = "导演首次证实，三部曲是一则关于身份认同的寓言。"
    article = only_article(_headed(deck))
    assert text_of(article) == LINES
