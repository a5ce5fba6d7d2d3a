"""Failure classes found on the twenty-seventh first-contact batch (scored blind:
`bench/extraction/firstcontact-2026-12-07v.md`).

1. A newspaper page's credit for its text (`■　本版文字／严敏`, `本版撰文／X`) names the writer
   and is no paragraph (ccbnews).
2. An account's lower-case handle printed after the stamp with no label (`2017-09-27 06:00 ·
   buyou`, `admin`) is who posted the story, not a writer: the line is the header's stamp
   (biodiscover); a capitalised or CJK name beside a stamp is still the writer.
3. A list the text leads into with a question (`猜一猜花落谁家？`), under the list's own short
   title (`奥斯卡预测`), down to the end of the text's element, is the text's (ccbnews's eight
   `最佳影片：《荒野猎人》` lines, cut before); a title with no lead-in under it is not enough.
"""

from __future__ import annotations

import pytest
from synthetic import PARAGRAPH, STORY, only_article, page, text_of, writers
from zhnews.parse.bylines import parse_byline_line

HEAD = "<title>防暑补贴全部发放到位</title>"
H1 = "<h1>防暑补贴全部发放到位</h1>"
LINES = [PARAGRAPH.format(i=i)[3:-4] for i in range(1, 5)]


@pytest.mark.parametrize("label", ["本版文字／", "本版撰文／", "本版文／"])
def test_a_pages_text_credit_names_the_writer(label):
    assert [a.name for a in parse_byline_line(f"■　{label}严敏").authors] == ["严敏"]


def test_a_pages_text_credit_closing_the_text_is_no_paragraph():
    credit = "<p style='TEXT-ALIGN: right'><b>■</b><b>　本版文字／严敏</b></p>"
    article = only_article(page(HEAD, f"<div>{H1}<div class='text'>{STORY}{credit}</div></div>"))
    assert writers(article) == ["严敏"]
    assert text_of(article) == LINES


@pytest.mark.parametrize(("who", "names"), [("buyou", []), ("admin", []), ("王小明", ["王小明"])])
def test_a_handle_after_the_stamp_is_no_writer(who, names):
    row = f"<div class='time'><span>2017-09-27 06:00</span> · {who} </div>"
    article = only_article(page(HEAD, f"<div>{H1}{row}<div class='text'>{STORY}</div></div>"))
    assert writers(article) == names
    assert text_of(article) == LINES
    assert article.published_at.isoformat() == "2017-09-27T06:00:00+08:00"


PREDICTIONS = ["最佳影片：《荒野猎人》", "最佳导演：伊纳里图", "最佳男主角：迪卡普里奥"]


@pytest.mark.parametrize(
    ("lead", "kept"), [(["奥斯卡预测", "猜一猜花落谁家？"], True), (["奥斯卡预测"], False)]
)
def test_a_list_led_into_by_a_question_under_its_title(lead, kept):
    tail = "".join(f"<p>{line}</p>" for line in [*lead, *PREDICTIONS])
    article = only_article(page(HEAD, f"<div>{H1}<div class='text'>{STORY}{tail}</div></div>"))
    assert (text_of(article)[4:] == [*lead, *PREDICTIONS]) is kept
    assert text_of(article)[:4] == LINES
