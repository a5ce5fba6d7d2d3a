"""A pull quote set inside the text (2026-12-07, tenth session; dev set's ccbnews Oscar
feature, where it was a leak): a paragraph wholly in quotation marks whose words, clause by
clause, the next paragraphs print again is a display, not a paragraph of the text. Someone's
words quoted as a paragraph of their own stay, announced or not, when the text does not repeat
them."""

from __future__ import annotations

from synthetic import PARAGRAPH, only_article, page, text_of

HEAD = "<title>防暑补贴全部发放到位</title>"
H1 = "<h1>防暑补贴全部发放到位</h1>"
LINES = [PARAGRAPH.format(i=i)[3:-4] for i in range(1, 5)]
QUOTE = "“本市今年夏季持续高温，要求各用人单位按时足额发放防暑补贴，这是对劳动者的基本尊重。”"


def _text(middle: str) -> list[str]:
    body = PARAGRAPH.format(i=1) + PARAGRAPH.format(i=2) + middle
    body += PARAGRAPH.format(i=3) + PARAGRAPH.format(i=4)
    return text_of(only_article(page(HEAD, f"{H1}<div class='text'>{body}</div>")))


def test_a_quote_the_next_paragraphs_print_again_is_no_paragraph():
    assert _text(f"<p>{QUOTE}</p>") == LINES


def test_after_a_paragraph_that_ends_in_a_colon_too():
    lead = "<p>本报记者走访了全市多家用人单位，了解防暑补贴的发放情况，下面是一些发现：</p>"
    assert _text(lead + f"<p>{QUOTE}</p>") == [*LINES[:2], lead[3:-4], *LINES[2:]]


def test_quoted_words_the_text_does_not_repeat_stay():
    said = "“我们今年提前一个月把补贴打到了每位职工的工资卡上，没有一个人被落下。”"
    assert _text(f"<p>{said}</p>") == [*LINES[:2], said, *LINES[2:]]


def test_a_quote_sharing_one_short_clause_with_the_text_stays():
    said = "“本市今年夏季持续高温，但我们车间里装了空调，工人们干活一点也不觉得热，很舒服。”"
    assert _text(f"<p>{said}</p>") == [*LINES[:2], said, *LINES[2:]]
