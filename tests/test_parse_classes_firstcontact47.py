"""Failure classes found on the forty-seventh first-contact batch (scored blind:
`bench/extraction/firstcontact-2026-12-08.md`; 科技新報, 俄罗斯卫星通讯社, 芋傳媒, 青年日報,
加美财经).

1. A picture drawn by CSS (`<div style="background:url(…jpg)">` with nothing in it, a
   slider's slide) is a picture: the line under it that ends with who provided it
   (`…迎賓。（臺灣戲曲學院提供）`) is its caption, not text. An element with a background
   and text of its own is no picture.
"""

from __future__ import annotations

from synthetic import STORY, only_article, page, text_of

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
