"""Failure classes found on the forty-ninth first-contact batch (scored blind:
`bench/extraction/firstcontact-2026-12-08c.md`; 广西新闻网, 健康醫療網, 文学城, 橙新聞,
新西兰中文先驱报, 联合国新闻).

1. A headline wrapped in a link to nowhere (`<a href=""><h1>…</h1></a>`) is the headline, not
   another page's teaser: the story is one story under it, its subheads no headlines.
2. A header row of credits in traditional script with the time (`編輯：江純力 責編：海源
   2024-04-03 14:06`) is page metadata, not text.
3. A caption under a picture closing on a bare file-picture word (`…終極勝訴。資料圖片`) is a
   caption.
4. Paragraphs printed loose after an ad box inside the text's `<p>` (`<p>…<div>ad</div><br>
   <br>“坦率地说…”<br><br>万斯还表示…</p>`: the parser closes the `<p>` at the `<div>`) are
   the text going on.
5. A portal's source line with its disclaimer (`文章来源: 天下事 于 … - 新闻取自各大新闻媒体，
   新闻内容并不代表本网立场！`) and a bracketed read counter (`(被阅读 31923 次)`) are no text.
6. A day printed with the story that is the markup's own day in its zone (`2022年3月31日` for
   `18:03:53-04:00`) is the same stamp: the markup's day in China time stays.
7. A font-size control's buttons after a credit (`作者:蒋丰 放大`) are no name.
8. An e-paper's page label between the issue date and the headline (`2012年08月16日` / `新闻
   内容` / `第D02版：先驱博客`) leaves the date dating the story.
9. A comment form's field labels under the text (`姓名：`, `验证码：`) are no text.
10. A comment box's input hint (`最多200字。 当前字数`) weighs nothing for the story: it no
    longer carries the run over the comment box's headers below the text.
11. A bold line over the text whose element has one more bold subhead further down
    (`<p><strong>变性手术可能减寿</strong></p>` … `<p><strong>医生认为是易性病患</strong></p>`)
    is the text's first subhead, not a deck.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from synthetic import STORY, only_article, page, text_of, writers
from zhnews.parse.blocks import picture_credit_end
from zhnews.parse.bylines import credits_in_meta, parse_credit_line
from zhnews.parse.dates import WEIGHTS, Evidence, vote
from zhnews.parse.debris import debris_reason, is_toast

TZ = ZoneInfo("Asia/Shanghai")
LINES = [p.split(">", 1)[1] for p in STORY.split("</p>") if p]
TITLE = "台灣跨性別手術新進展！ 新式手術助40歲二寶爸「變身」看見真正的自己"


def _paras(lines: list[str]) -> str:
    return "".join(f"<p>{line}</p>" for line in lines)


def test_a_headline_in_a_link_to_nowhere_heads_one_story():
    html = page(
        f"<title>{TITLE} - 健康醫療網</title>",
        f"<div><a href=''><h1>{TITLE}</h1></a></div><div>2024-03-12 健康醫療網／記者吳儀文報導</div>"
        f"<div>{_paras(LINES[:2])}<h3>變性手術有哪些法規限制？</h3>{_paras(LINES[2:])}</div>",
    )
    article = only_article(html)
    assert article.title == TITLE
    assert writers(article) == ["吳儀文"]
    assert text_of(article) == [*LINES[:2], "變性手術有哪些法規限制？", *LINES[2:]]


def test_a_traditional_credits_row_with_its_time_is_metadata():
    html = page(
        f"<title>{TITLE}</title>",
        f"<h1>{TITLE}</h1><p><span>編輯：江純力</span> <span>責編：海源</span> "
        f"<span>2024-04-03 14:06</span></p><div>{STORY}</div>",
    )
    article = only_article(html)
    assert article.editor == "海源"
    assert text_of(article) == LINES


def test_a_caption_closing_on_a_file_picture_word_is_a_caption():
    assert picture_credit_end("Tse Henry Edward(謝浩霖)早前獲判終極勝訴。資料圖片")
    assert not picture_credit_end("警方表示，已調閱資料圖片")  # no sentence closes before it


def test_loose_paragraphs_after_an_ad_box_in_the_text_are_text():
    tail = [
        "“坦率地说，如果我和特朗普仅仅赢得普通同性恋者的选票，我不会感到惊讶。” 万斯说。",
        "万斯还表示，他认为大多数美国人对他所描述的“生活方式选择”持开放态度，但也有界限。",
    ]
    inside = "<br><br>".join(LINES)
    html = page(
        f"<title>{TITLE}</title>",
        f"<h1>{TITLE}</h1><div><article><p>{inside}<div class='ad'><div></div></div>"
        f"<br><br>{tail[0]}<br><br>{tail[1]}<br><br></p></article>"
        "<div><p>版权所有，不得转载。本网站的新闻内容均由各大媒体提供，仅供参考。</p></div></div>",
    )
    assert text_of(only_article(html)) == [*LINES, *tail]


def test_a_source_line_with_its_disclaimer_and_a_read_counter_are_no_text():
    line = (
        "文章来源: 天下事 于 2024-11-01 07:30:29 - 新闻取自各大新闻媒体，新闻内容并不代表本网立场！"
    )
    assert debris_reason(line) == "disclaimer"
    assert is_toast("(被阅读 31923 次)")


def test_the_markups_own_day_printed_keeps_the_markups_china_day():
    new_york = timezone(timedelta(hours=-4))
    found = vote(
        [
            Evidence(
                datetime(2022, 3, 31, 18, 3, 53, tzinfo=new_york), "meta", 4.0, "markup", True
            ),
            Evidence(datetime(2022, 3, 31, tzinfo=TZ), "visible", WEIGHTS["visible"], "visible"),
        ],
        TZ,
    )
    assert found is not None and found.stamp.astimezone(TZ).date().isoformat() == "2022-04-01"


def test_font_size_buttons_after_a_credit_name_nobody():
    assert [a.name for a in parse_credit_line("作者:蒋丰 放大").authors] == ["蒋丰"]
    assert [a.name for a in credits_in_meta("作者:蒋丰 放大 缩小 默认").authors] == ["蒋丰"]
    assert [a.name for a in parse_credit_line("作者:王放大").authors] == ["王放大"]


def test_an_issue_date_over_a_page_label_dates_the_story():
    html = page(
        "<title>是什麽让日本“伪娘”泛濫成灾？</title>",
        "<div><div>2012年08月16日</div><div>新闻内容</div><div>第D02版：先驱博客</div></div>"
        f"<div>是什麽让日本“伪娘”泛濫成灾？</div><div>{STORY}</div>",
    )
    article = only_article(html)
    assert article.published_at is not None
    assert article.published_at.date().isoformat() == "2012-08-16"


def test_a_comment_forms_field_labels_are_no_text():
    assert debris_reason("姓名：") == "widget"
    assert debris_reason("验证码：") == "widget"
    assert debris_reason("他的姓名：张三") is None


def test_a_comment_boxs_input_hint_carries_nothing():
    from zhnews.parse.content import block_weight

    assert block_weight("text", "最多200字。 当前字数", 0) < 0
    assert debris_reason("还可输入140字") == "widget"
    assert block_weight("text", "会议要求，发言最多200字。代表们当前正在讨论。", 0) > 0


def test_a_bold_line_over_the_text_with_a_bold_subhead_below_is_a_subhead():
    html = page(
        f"<title>{TITLE}</title>",
        f"<h1>{TITLE}</h1><div>2009年12月30日 06:54 来源：广西新闻网</div><div>"
        f"<p><strong>变性手术可能减寿</strong></p>{_paras(LINES[:2])}"
        f"<p><strong>医生认为是易性病患</strong></p>{_paras(LINES[2:])}</div>",
    )
    assert text_of(only_article(html)) == [
        "变性手术可能减寿",
        *LINES[:2],
        "医生认为是易性病患",
        *LINES[2:],
    ]
