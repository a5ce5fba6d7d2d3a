"""Failure classes found on the third first-contact batch (10 pages of 10 outlets new to the
project, scored blind first: `bench/extraction/firstcontact-2026-12-06b.md`). Inputs are small
synthetic pages written for these tests, not the pages.

1. A card of another page set inside the text (`<article>` holding a heading, an excerpt and a
   link out that repeats the heading) is neither a subhead nor a story of its own: the text
   goes on after it. A list of such cards after the text still ends the story there.
2. A rail of cards under a related header (`阅读最多`, `相关内容`) whose headlines lost their
   links in the saved page (a topic label over an unlinked headline, each card its own
   `<article>`) is not text.
3. A pull quote (`<blockquote>` with a `<cite>` naming the speaker) whose words a paragraph
   prints again is not text, nor is its speaker's line; a quotation the text does not repeat
   stays.
4. A folded info box between two paragraphs, its heading on the button that opens it and its
   content hidden, is text.
5. Page furniture printed as lines: the link to the story in the other script
   (`閱讀本文繁體字版本請 點擊此處`), an embed's placeholder label (`外部内容`), a video
   player's dialog labels for screen readers, a view count printed before its word
   (`889点阅`), a finance page's vote buttons with their counts (`1` / `利好` / `4` / `利淡`),
   whose property the story is (`以上内容归X所有，未经许可不得擅自转载引用。`).
6. Time stamps: a zone printed after the clock (`2024-11-26 23:06 ET`, `19:08 GMT`) is the
   stamp's zone; a page's clue without an offset at the clock time of a clue with one
   (`<meta name="date" content="2024-11-26 23:06:54">` beside JSON-LD's `…-05:00`) is the same
   instant; a `+00:00` at the page's local clock lends its offset to nothing (a CMS that
   labels local time UTC).
7. Header lines: a wire's dateline with the filing time (`中央社華盛頓26日專電 2024-11-26
   23:06 ET`) and a posting stamp with the age of its last edit (`发布于 2024年12月14日 21时04分
   • 最后更新 4周前`) are the header's, not text and not a story of their own.
8. Credits: `编译自德语：X/dh` credits X as the translator (the language between the role and
   the name; the desk's lower-case initials after a slash are nobody).
9. The topic page a story is filed under, printed as a labelled link beside the source's
   label (`来源：倍可亲(backchina.com) 专题：川普再次当选美国总统 最新动态！`), is not text.
10. A channel's name printed just above the headline of the next story an endless page
    appended (`国际`) is that story's section label, not the last line of the story above.
11. The desk's codes in brackets after the last sentence (`…体育运动。(to/s)`) are nobody's
    text; the caption of an embedded video that ends on who shared it where
    (`…的主要原因。 推主 RICHARD FULL 分享于 X`) is a caption.
12. A page whose text credits no writer (a translator credited under the text does not
    count) names its writer in its head (`<meta name="author">`): that person is the writer
    when the page prints the name in its body too (an author card); a name in the head alone
    is not taken, nor a newsroom's or a Latin value.
"""

from __future__ import annotations

import json
from datetime import date
from zoneinfo import ZoneInfo

import pytest
from synthetic import page, text_of, writers
from zhnews.parse import debris, parse_document
from zhnews.parse.meta import find_dates

_LINES = [
    "在记者收到的确认采访地点的短信下方，署名是克里斯。时值夏末，湖畔的小镇空气清新，一切都很安静。",
    "早些时候，她放弃性别转换的声明登上了全国大小报刊，几天时间，收件箱里就充满了各种留言。",
    "在瑞士和在许多西方社会一样，这个话题容易让人们针锋相对，医疗专业人员也夹在其中，难以抉择。",
    "采访过程中有许多电子邮件的往来，她的每封邮件落款都画有一道彩虹，外加一句简短的问候。",
]
_TITLE = "瑞士最有名的变性者后悔变成女人"


def _articles(body: str, head: str = ""):
    doc = page(f"<title>{_TITLE}</title>{head}", f"<h1>{_TITLE}</h1>{body}")
    return parse_document(doc, "site/news/page.html").articles


def _article(body: str, head: str = ""):
    found = _articles(body, head)
    assert len(found) == 1, [a.title for a in found]
    return found[0]


def _paras(lines) -> str:
    return "".join(f"<p>{x}</p>" for x in lines)


_CARD = (
    "<div class='caption'>相关内容</div>"
    "<article class='teaser-card'><h2>相关内容</h2><h3>时事通讯：瑞士媒体里的中国</h3>"
    "<p>如果你订阅了我们的时事通讯，每周四你会收到一封免费电子邮件，内容是过去一周的摘要。</p>"
    "<a href='/chi/newsletter/48905748'>更多阅览 时事通讯：瑞士媒体里的中国</a></article>"
)


# --- 1. a card of another page inside the text --------------------------------------------


def test_a_card_inside_the_text_is_neither_a_subhead_nor_a_story():
    article = _article(_paras(_LINES[:1]) + _CARD + _paras(_LINES[1:]))
    assert article.title == _TITLE
    assert text_of(article) == _LINES


def test_cards_after_the_text_still_end_the_story():
    cards = "".join(
        f"<div class='col'><h3>{t}</h3><a href='/news/{k}.html'>{t}</a></div>"
        for k, t in enumerate(
            ["北市议员参选人竞选总部明举行成立茶会", "前镇河惊传男浮尸初判为自杀"]
        )
    )
    article = _article(_paras(_LINES) + cards)
    assert text_of(article) == _LINES


# --- 2. a rail of cards whose headlines lost their links ----------------------------------


def test_a_rail_of_unlinked_cards_under_a_related_header_is_not_text():
    cards = "".join(
        f"<article class='card'><h2>相关内容</h2><div>{topic}</div><h3>{headline}</h3></article>"
        for topic, headline in [
            ("联邦政治", "从罩袍禁令到养老金上调：瑞士2025新年新法规"),
            ("文化", "房价高企的背后：苏黎世街区如何改写城市命运？"),
        ]
    )
    rail = f"<div class='widget'><h2>阅读最多</h2>{cards}</div>"
    article = _article(_paras(_LINES) + rail)
    assert text_of(article) == _LINES


def test_a_subhead_with_text_under_it_is_not_a_rail():
    body = _paras(_LINES[:2]) + "<h2>性别标签</h2>" + _paras(_LINES[2:])
    assert text_of(_article(body)) == [*_LINES[:2], "性别标签", *_LINES[2:]]


# --- 3. pull quotes -------------------------------------------------------------------------


def test_a_pull_quote_the_text_repeats_is_not_text():
    said = "她说：“这也是很多人不理解的地方。对我来说，出柜并不是为了简单地做回克里斯。”这句话令人印象深刻。"
    quote = (
        "<blockquote class='quote'><p>“很多人不理解这一点，对我来说，出柜并不是为了简单地做回克里斯。”</p>"
        "<cite>纳迪娅・布罗尼曼(Nadia Brönimann)</cite></blockquote>"
    )
    article = _article(_paras(_LINES[:2]) + quote + _paras([said, *_LINES[2:]]))
    assert text_of(article) == [*_LINES[:2], said, *_LINES[2:]]


def test_a_quotation_the_text_does_not_repeat_stays():
    statement = "“我们将继续与各方保持沟通，确保这项政策平稳落地，并尽快公布具体的实施细则。”"
    quote = f"<blockquote><p>{statement}</p><cite>联邦委员会</cite></blockquote>"
    article = _article(_paras(_LINES[:2]) + quote + _paras(_LINES[2:]))
    assert statement in text_of(article)


# --- 4. a folded info box in the text -------------------------------------------------------


def test_a_folded_info_box_between_paragraphs_is_text():
    terms = "性别转换是一个跨性别者改变其性别表现或性别特征以符合其内在性别认同感的过程。"
    box = (
        "<div class='infobox'><button type='button'><h2>几个术语</h2></button>"
        f"<div class='infobox__content' style='display: none;'><p>{terms}</p></div></div>"
    )
    article = _article(_paras(_LINES[:2]) + box + _paras(_LINES[2:]))
    assert text_of(article) == [*_LINES[:2], "几个术语", terms, *_LINES[2:]]


def test_a_hidden_card_behind_a_button_that_is_no_heading_stays_out():
    bio = "批判性报道并非自由社会的产物，而是其存在和发展的前提，他于2020年加入本社工作。"
    card = (
        "<div class='author'><button type='button'><div>马克</div></button>"
        f"<div style='display: none;'><p>{bio}</p></div></div>"
    )
    article = _article(_paras(_LINES[:2]) + card + _paras(_LINES[2:]))
    assert bio not in text_of(article)


# --- 5. page furniture printed as lines -----------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "閱讀本文繁體字版本請 點擊此處",
        "阅读本文英文版",
        "外部内容",
        "Beginning of dialog window. Escape will cancel and close the window.",
        "End of dialog window.",
        "889点阅",
        "以上内容归星岛新闻集团所有，未经许可不得擅自转载引用。",
    ],
)
def test_furniture_lines_are_debris(line):
    assert debris.debris_reason(line) is not None
    article = _article(_paras(_LINES[:2]) + f"<p>{line}</p>" + _paras(_LINES[2:]))
    assert text_of(article) == _LINES


@pytest.mark.parametrize(
    "line",
    [
        "他说，这部电影的英文版本和中文版本在结局上并不相同，观众对此议论纷纷。",
        "该公司表示，本文所述内容归属于公开资料，已获得所有相关方的同意并将继续更新。",
    ],
)
def test_sentences_with_those_words_stay(line):
    assert debris.debris_reason(line) is None


def test_a_vote_bar_with_its_counts_is_not_text():
    bar = "".join(f"<div>{x}</div>" for x in ["1", "利好", "4", "利淡", "0", "沽空"])
    article = _article(bar + _paras(_LINES))
    assert text_of(article) == _LINES


def test_rail_headings_are_related_headers():
    for word in ("阅读最多", "讨论最多", "阅读最长", "相关内容"):
        assert debris.related_header(word) == ""
    assert debris.related_header("相关内容显示，该政策将于明年生效。") is None


# --- 6. time stamps and their zones ---------------------------------------------------------

_SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize(
    ("text", "utc_hour", "day"),
    [
        ("2024-11-26 23:06 ET", 4, date(2024, 11, 27)),
        ("2025/02/05 19:08 GMT", 19, date(2025, 2, 6)),
        ("2024-11-26 23:06", 15, date(2024, 11, 26)),
    ],
)
def test_a_zone_printed_after_the_clock_is_the_stamps(text, utc_hour, day):
    found = next(find_dates(text, _SHANGHAI))
    assert found.stamp.astimezone(ZoneInfo("UTC")).hour == utc_hour
    assert found.stamp.astimezone(_SHANGHAI).date() == day


def _ld(stamp: str) -> str:
    data = {"@type": "NewsArticle", "headline": _TITLE, "datePublished": stamp}
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def test_clues_without_an_offset_at_the_clock_of_one_with_it_are_that_instant():
    head = "<meta name='date' content='2024-11-26 23:06:54'>" + _ld("2024-11-26T23:06:54-05:00")
    article = _article("<div>2024-11-26 23:06</div>" + _paras(_LINES), head=head)
    assert article.published_at.astimezone(_SHANGHAI).date() == date(2024, 11, 27)


def test_a_utc_label_on_the_local_clock_lends_its_offset_to_nothing():
    head = "<meta property='article:published_time' content='2023-09-04T18:35:00'>" + _ld(
        "2023-09-04T18:35:00+00:00"
    )
    article = _article("<div>2023/09/04 18:35</div>" + _paras(_LINES), head=head)
    assert article.published_at.astimezone(_SHANGHAI).date() == date(2023, 9, 4)


# --- 7. header lines ------------------------------------------------------------------------


def test_a_wire_dateline_with_its_filing_time_is_the_header():
    article = _article("<div>中央社華盛頓26日專電 2024-11-26 23:06 ET</div>" + _paras(_LINES))
    assert text_of(article) == _LINES
    assert article.published_at.astimezone(_SHANGHAI).date() == date(2024, 11, 27)
    assert writers(article) == []


def test_a_posting_stamp_with_the_age_of_its_last_edit_is_the_header():
    stamp = "<div>发布于 2024年12月14日 21时04分 • 最后更新 4周前</div>"
    doc = page(f"<title>{_TITLE}</title>", stamp + f"<h1>{_TITLE}</h1>" + _paras(_LINES))
    found = parse_document(doc, "site/news/page.html").articles
    assert [a.title for a in found] == [_TITLE]
    assert text_of(found[0]) == _LINES
    assert found[0].published_at.date() == date(2024, 12, 14)


# --- 8. credits -------------------------------------------------------------------------------


def test_a_translator_credited_from_a_language_with_desk_initials():
    article = _article(_paras(_LINES) + "<p>(编辑：Balz Rigendinger，编译自德语：郭倢/dh)</p>")
    assert text_of(article) == _LINES
    assert article.editor == "Balz Rigendinger"
    assert writers(article) == ["郭倢"]


# --- 9. the topic page's labelled link --------------------------------------------------------


def test_a_topic_link_beside_the_source_label_is_not_text():
    line = "来源：倍可亲(backchina.com) 专题：川普再次当选美国总统 最新动态！"
    assert debris.debris_reason(line) is not None
    assert (
        debris.debris_reason("专题：记者走访了十多个村庄，发现问题依然严重。这说明工作还要做。")
        is None
    )
    article = _article(f"<p>{line}</p>" + _paras(_LINES))
    assert text_of(article) == _LINES


# --- 10. a channel label over the next story ------------------------------------------------


def test_a_channel_label_over_the_next_story_is_not_the_last_line_of_text():
    from zhnews.parse.assemble import Item, split_articles

    nxt = "曾负责特朗普案件的美国司法部检察官辞职"
    items = [
        Item("heading", _TITLE, level=1),
        *(Item("body", line) for line in _LINES[:2]),
        Item("body", "国际"),
        Item("heading", nxt, level=1),
        *(Item("body", line) for line in _LINES[2:]),
    ]
    drafts, _page = split_articles(items, multi=True)
    assert [d.article.title for d in drafts] == [_TITLE, nxt]
    assert [it.text for it in drafts[0].items] == _LINES[:2]
    assert drafts[1].article.kicker == "国际"


def test_a_short_last_sentence_is_not_taken_for_a_channel_label():
    from zhnews.parse.assemble import Item, split_articles

    items = [
        Item("heading", _TITLE, level=1),
        *(Item("body", line) for line in _LINES[:2]),
        Item("body", "完。"),
        Item("heading", "另一则新闻的标题在这里", level=1),
        *(Item("body", line) for line in _LINES[2:]),
    ]
    drafts, _page = split_articles(items, multi=True)
    assert drafts[0].items[-1].text == "完。"


# --- 11. desk codes and a shared video's caption ------------------------------------------


def test_desk_codes_after_the_last_sentence_are_not_text():
    last = "该命令预计将於周三签署，将主要涵盖高中、大学和基层体育运动。"
    article = _article(_paras([*_LINES, last + "(to/s)"]))
    assert text_of(article) == [*_LINES, last]


def test_a_caption_that_ends_on_who_shared_the_video_where_is_a_caption():
    caption = "新任国防部长出席节目时表示，这是徵兵人数下降的主要原因。 推主 RICHARD FULL 分享于 X"
    video = "<div class='yvideo'><iframe src='https://www.youtube.com/embed/x'></iframe></div>"
    article = _article(video + f"<p>{caption}</p>" + _paras(_LINES))
    assert text_of(article) == _LINES


# --- 12. the writer named in the page's head -------------------------------------------------


def _head_author(name: str) -> str:
    return f"<meta name='author' content='{name}'>"


def test_the_heads_writer_printed_in_an_author_card_is_the_writer():
    card = "<address class='article-authors'><button><div>马克·洛伊滕艾格</div></button></address>"
    credit = "<p>(编辑：Balz Rigendinger，编译自德语：郭倢/dh)</p>"
    article = _article(card + _paras(_LINES) + credit, head=_head_author("马克·洛伊滕艾格"))
    assert writers(article) == ["马克·洛伊滕艾格"]
    assert article.editor == "Balz Rigendinger"


def test_a_writer_named_in_the_head_alone_is_not_taken():
    article = _article(_paras(_LINES), head=_head_author("刘永杰"))
    assert writers(article) == []


@pytest.mark.parametrize("value", ["SWI swissinfo.ch", "新华社", "编辑部"])
def test_a_newsroom_or_a_latin_value_in_the_head_is_nobody(value):
    article = _article(f"<div>{value}</div>" + _paras(_LINES), head=_head_author(value))
    assert writers(article) == []


def test_the_text_credit_wins_over_the_head():
    byline = "<p>记者 王小明</p>"
    article = _article(byline + _paras(_LINES) + "<div>李四</div>", head=_head_author("李四"))
    assert writers(article) == ["王小明"]
