"""Failure classes found on the fourth first-contact batch (pages of 4 outlets new to the
project, scored blind after the third batch's fixes: `bench/extraction/firstcontact-2026-12-06c.md`).
Inputs are small synthetic pages written for these tests, not the pages.

1. A header row of fields split by `|` whose one dated field sits among the site's address,
   the comment count and the link to the comments (`www.creaders.net | 2025-01-29 20:30:10
   Newtalk新闻 | 0条评论 | 查看/发表评论`) is the page's metadata, not text.
2. The button that unfolds the rest of the text (`显示全部内容`, `展開全文`) is not text.
3. The site's footer (`<div class="footer">` with the copyright or licence line) is chrome
   even when its address and telephone lines are long enough to pass for a paragraph.
4. Credits printed with one-character labels before a bar (`译 | 金梅花 校 | 李霖 责编 | 刘尚哲`)
   and closed by the link to the people's other stories (`查看其它新闻`): the editor is read,
   the translator is a translator, the proof-reader nobody's writer.
5. A Unix time in the page's address beside the path's day (`/read/2025/02/06/…-1738857883`)
   is the story's instant: the China day is the next one when the site's day ended late.
"""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

import pytest
from synthetic import page, text_of, writers
from zhnews.parse import debris, parse_document

_LINES = [
    "美国国务院下令停止发放性别中立护照，已提交申请的民众将收到退回的材料，当局并未说明细节。",
    "据报道，这项命令要求各地护照办公室暂停处理所有相关申请，并等待进一步的指示，引发争议。",
    "民权团体批评这一做法，表示将考虑提出诉讼，以保护受影响民众的权益，事件仍在发展之中。",
]
_TITLE = "美国国务院下令停止发放性别中立护照"
_SHANGHAI = ZoneInfo("Asia/Shanghai")


def _article(body: str):
    doc = page(f"<title>{_TITLE}</title>", f"<h1>{_TITLE}</h1>{body}")
    found = parse_document(doc, "site/news/page.html").articles
    assert len(found) == 1
    return found[0]


def _paras(lines=_LINES) -> str:
    return "".join(f"<p>{x}</p>" for x in lines)


def test_a_header_row_of_address_date_and_comment_links_is_metadata():
    row = "<div>www.creaders.net | 2025-01-29 20:30:10 Newtalk新闻 | 0条评论 | 查看/发表评论</div>"
    article = _article(row + _paras())
    assert text_of(article) == _LINES
    assert article.published_at.date() == date(2025, 1, 29)


def test_a_row_of_fields_with_a_sentence_in_it_stays_text():
    line = "他说 | 2025-01-29 我们要努力工作，争取更好的成绩 | 好"
    article = _article(_paras(_LINES[:1]) + f"<p>{line}</p>" + _paras(_LINES[1:]))
    assert line in text_of(article)


@pytest.mark.parametrize("line", ["显示全部内容", "展開全文", "查看全文"])
def test_the_unfold_button_is_not_text(line):
    assert debris.debris_reason(line) is not None
    article = _article(_paras(_LINES[:2]) + f"<div>{line}</div>" + _paras(_LINES[2:]))
    assert text_of(article) == _LINES


def test_the_sites_footer_with_its_copyright_line_is_chrome():
    footer = (
        "<div class='footer'><p>亚洲太平洋观光社；地址：日本国东京都港区赤坂6-19-46</p>"
        "<p>电话：+81-3-6228-5659；传真：+81-3-6228-5994，Email：info@visitasia.co.jp</p>"
        "<p>Copyright © Asia-Pacific Tourism,inc All Rights Reserved.</p></div>"
    )
    article = _article(_paras() + footer)
    assert text_of(article) == _LINES


def test_a_box_named_footer_that_holds_the_story_is_not_chrome():
    article = _article(f"<div class='post-foot'>{_paras()}</div>")
    assert text_of(article) == _LINES


def test_credits_with_one_character_labels_and_a_more_by_link():
    credits = (
        "<div class='view-editors'><img alt='金炯九 记者' src='a.png'>"
        "<strong>译 | 金梅花</strong> <strong>校 | 李霖</strong> <strong>责编 | 刘尚哲</strong> "
        "<a href='/news/list.html'>查看其它新闻</a></div>"
    )
    article = _article(_paras() + credits)
    assert text_of(article) == _LINES
    assert article.editor == "刘尚哲"
    assert "李霖" not in writers(article)


def test_a_unix_time_beside_the_paths_day_dates_the_story():
    head = (
        "<meta property='og:url' content="
        "'https://www.example.co.id/read/2025/02/06/berita-luar-negeri-1738857883'>"
    )
    doc = page(f"<title>{_TITLE}</title>{head}", f"<h1>{_TITLE}</h1>{_paras()}")
    (article,) = parse_document(doc, "site/news/page.html").articles
    assert article.published_at.astimezone(_SHANGHAI).date() == date(2025, 2, 7)


def test_a_ten_digit_id_off_the_paths_day_is_no_time():
    head = "<meta property='og:url' content='https://www.example.com/read/2025/02/06/1415093000'>"
    doc = page(f"<title>{_TITLE}</title>{head}", f"<h1>{_TITLE}</h1>{_paras()}")
    (article,) = parse_document(doc, "site/news/page.html").articles
    assert article.published_at.astimezone(_SHANGHAI).date() == date(2025, 2, 6)
