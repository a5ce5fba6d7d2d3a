"""A note a pointer reveals over a word is not text (2026-12-07, tenth session; dev set's
theinitium feature, where two such notes leaked into its sentences): the back of a flip card
whose front is the word the sentence prints (`<a class="info"><span class="front">她</span>
<span class="back">本文一律以「她」作為代稱</span></a>`), and a tooltip's text (`role="tooltip"`,
`<span class="tooltiptext">`). The front stays in its sentence; a `back` without a front
beside it (a plain class name) is text."""

from __future__ import annotations

import pytest
from synthetic import PARAGRAPH, only_article, page, text_of

HEAD = "<title>防暑补贴全部发放到位</title>"
H1 = "<h1>防暑补贴全部发放到位</h1>"
LINES = [PARAGRAPH.format(i=i)[3:-4] for i in range(1, 5)]
NOTE = "依现行规定，补贴标准由市人社局每年公布。"


def _text(word: str) -> list[str]:
    second = f"<p>第2段：{word}本市今年夏季持续高温，有关部门近日下发通知，要求各用人单位按时足额发放防暑补贴。</p>"
    body = PARAGRAPH.format(i=1) + second + PARAGRAPH.format(i=3) + PARAGRAPH.format(i=4)
    return text_of(only_article(page(HEAD, f"{H1}<div class='text'>{body}</div>")))


EXPECTED = (
    "第2段：据悉，本市今年夏季持续高温，有关部门近日下发通知，要求各用人单位按时足额发放防暑补贴。"
)


@pytest.mark.parametrize(
    "word",
    [
        f"<a class='info'><span class='front'>据悉</span><span class='back'>{NOTE}</span></a>，",
        f"<span class='tip'>据悉<span class='tooltiptext'>{NOTE}</span></span>，",
        f"<span>据悉<span role='tooltip'>{NOTE}</span></span>，",
    ],
)
def test_the_note_a_pointer_reveals_is_not_text(word):
    assert _text(word)[1] == EXPECTED


def test_a_back_class_without_a_front_is_text():
    assert _text("<span class='back'>据悉</span>，")[1] == EXPECTED
