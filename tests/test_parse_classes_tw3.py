"""Failure classes found on Taiwanese news pages of 2024 (dev set sources ctee, chinatimes,
nextapple, saydigi, techbang, inside, cnyes): credit lines that print the newsroom before
the writers, author markup beside the date, run-in bylines in a lead blockquote, widget
strings, wrapped headlines. Inputs are small synthetic pages and lines written for these
tests."""

from __future__ import annotations

import pytest
from synthetic import page, text_of, writers
from zhnews.parse import parse_document
from zhnews.parse.bylines import parse_outlet_credit

_LINES = [
    "縣府今日公布今年度道路改善計畫，將優先整修市區內多條老舊路段，預計年底前全部完工。",
    "工務處表示，施工期間將採分段封閉方式進行，並於現場設置告示牌，提醒用路人提早改道。",
    "有里長指出，部分路段坑洞問題已存在多年，希望這次能一次修好，不要再反覆挖補造成不便。",
]
_STORY = "".join(f"<p>{line}</p>" for line in _LINES)
_TITLE = "縣府公布道路改善計畫"


def _parse(header: str, body: str = _STORY):
    doc = page(f"<title>{_TITLE}</title>", f"<article><h1>{_TITLE}</h1>{header}{body}</article>")
    return parse_document(doc, "page.html").articles[0]


# --- 1. a credit line: the newsroom, then the writers -------------------------------------


@pytest.mark.parametrize(
    ("credit", "names"),
    [
        (
            '<li class="story-author"><span>南方日報</span>\n<span><a href="/r/1">林大同</a></span></li>',
            ["林大同"],
        ),
        ('<li class="story-author"><span>南方日報</span>\n<span>林大同</span></li>', ["林大同"]),
        ('<div class="byline">東海新聞網 陳小華、王志明</div>', ["陳小華", "王志明"]),
    ],
)
def test_a_marked_credit_of_a_newsroom_and_its_writers_names_the_writers(credit, names):
    header = f'<ul><li class="time"><time>2024-05-02 10:30</time></li>{credit}</ul>'
    article = _parse(header)
    assert writers(article) == names
    assert text_of(article) == _LINES


def test_a_marked_names_line_under_the_headline_is_the_byline_not_the_deck():
    header = (
        '<div class="meta"><time datetime="2024-05-02 10:30">10:30 2024/05/02</time>'
        '<div class="source">南方日報</div><div class="author">陳小華、王志明</div></div>'
    )
    article = _parse(header)
    assert writers(article) == ["陳小華", "王志明"]
    assert text_of(article) == _LINES
    assert not article.summary


@pytest.mark.parametrize(
    ("line", "names", "outlet"),
    [
        ("東海新聞網 / 陳小華綜合報導", ["陳小華"], "東海新聞網"),
        ("南方日報／林大同報導", ["林大同"], "南方日報"),
        ("東海新聞網／記者陳小華／台北報導", ["陳小華"], "東海新聞網"),
    ],
)
def test_a_newsroom_slash_writer_credit_names_the_writer(line, names, outlet):
    byline = parse_outlet_credit(line)
    assert [a.name for a in byline.authors] == names
    assert byline.credit == outlet


@pytest.mark.parametrize("line", ["產業／半導體", "政治中心／王小明報導", "首頁 / 財經新聞"])
def test_a_breadcrumb_or_a_desk_is_no_newsroom_credit(line):
    assert parse_outlet_credit(line) is None


def test_a_date_line_with_a_newsroom_slash_writer_credit_is_meta_not_text():
    article = _parse("<div>2024/05/02 10:30 東海新聞網 / 陳小華綜合報導</div>")
    assert writers(article) == ["陳小華"]
    assert text_of(article) == _LINES
    assert article.published_at is not None and article.published_at.day == 2


def test_a_newsroom_name_with_a_stray_space_over_its_time_stamp_is_meta():
    article = _parse("<div>東 海網新聞中心 2024-05-02 10:30</div>")
    assert text_of(article) == _LINES
    assert article.published_at is not None and article.published_at.day == 2


# --- 2. a user name or author markup beside the date ---------------------------------------


def test_a_posting_line_in_a_header_named_box_names_the_poster():
    header = (
        '<div class="post-header-extra"><p><img class="avatar" alt="moonriver" src="a.jpg">'
        '<span><a class="nick" href="/users/moonriver">moonriver</a></span> '
        "<span>發表於 2024年5月2日 10:30</span>"
        '<span><a href="/login">收藏此文</a></span></p></div>'
    )
    article = _parse(header)
    assert writers(article) == ["moonriver"]
    assert text_of(article) == _LINES
    assert article.published_at is not None and article.published_at.day == 2


def test_a_marked_author_beside_the_avatar_twice_is_the_writer_not_a_caption():
    box = (
        '<div class="writer-box"><img class="avatar" src="a.jpg" width="120">'
        '<span itemprop="author"><a rel="author" href="/author/kiwi">Kiwi</a></span></div>'
    )
    article = _parse(box + "<div>2024/05/02</div>", _STORY + box)
    assert writers(article) == ["Kiwi"]
    assert text_of(article) == _LINES


# --- 3. a run-in byline opening a lead blockquote ------------------------------------------


def test_a_lead_blockquote_opening_with_a_run_in_byline_is_the_first_paragraph():
    lead = f"<blockquote>【記者陳小華／台北報導】{_LINES[0]}</blockquote>"
    article = _parse(
        "<div>2024/05/02 10:30</div>", lead + "".join(f"<p>{x}</p>" for x in _LINES[1:])
    )
    assert writers(article) == ["陳小華"]
    assert text_of(article) == _LINES


def test_a_lead_blockquote_naming_no_reporter_stays_the_summary():
    lead = "<blockquote>縣府將優先整修市區內多條老舊路段，預計年底前全部完工</blockquote>"
    article = _parse("<div>2024/05/02 10:30</div>", lead + _STORY)
    assert text_of(article) == _LINES
    assert article.summary


# --- 4. widget strings: a clipboard toast, a view counter, a follow-us call ----------------


@pytest.mark.parametrize(
    "line",
    [
        "已將本頁連結複製到剪貼簿！",
        "網址已複製",
        "Link copied to clipboard",
        "瀏覽： views",
        "閱讀：1,234 次",
        "快加入 東海新聞 Google News 按下追蹤，掌握第一手消息！",
    ],
)
def test_a_widget_string_under_the_headline_is_not_text(line):
    article = _parse(f"<div>2024-05-02 10:30</div><div>{line}</div>")
    assert text_of(article) == _LINES


@pytest.mark.parametrize(
    "line",
    [
        "資安業者指出，惡意程式會監看剪貼簿，使用者已複製的帳號密碼可能外洩。",
        "他說：「我已經把網址複製到剪貼簿了。」",
        "這部影片上架一週，瀏覽次數已突破百萬，相關話題持續發酵。",
    ],
)
def test_reporting_on_clipboards_or_views_stays(line):
    article = _parse("<div>2024-05-02 10:30</div>", _STORY + f"<p>{line}</p>")
    assert text_of(article) == [*_LINES, line]


# --- a lede set off in a blockquote under a headline that has its deck ----------------------


def test_a_paragraph_long_blockquote_above_the_text_is_the_lede_when_the_deck_is_printed():
    lead = (
        _LINES[0]
        + "工務處並表示，相關經費已編列完成，將分三期施工，第一期工程預計下月初動工，總經費約新台幣二億元"
    )
    body = f"<blockquote><p>{lead}</p></blockquote>" + "".join(f"<p>{x}</p>" for x in _LINES[1:])
    article = _parse("<h2>老舊路段年底前完工</h2><div>2024-05-02 10:30</div>", body)
    assert text_of(article) == [lead, *_LINES[1:]]


def test_a_paragraph_long_blockquote_without_a_deck_stays_the_summary():
    teaser = (
        _LINES[0]
        + "工務處並表示，相關經費已編列完成，將分三期施工，第一期工程預計下月初動工，總經費約新台幣二億元"
    )
    article = _parse(
        "<div>2024-05-02 10:30</div>", f"<blockquote><p>{teaser}</p></blockquote>{_STORY}"
    )
    assert text_of(article) == _LINES
    assert article.summary == teaser


# --- 5. a headline wrapped in the page's source between two CJK characters -----------------


def test_a_headline_wrapped_between_two_cjk_characters_prints_no_space():
    doc = page(
        "<title>縣府公布道路\n        改善計畫 | 東海新聞網</title>",
        "<article><h1>\n    縣府公布道路\n        改善計畫\n</h1>"
        f"<div>2024-05-02 10:30</div>{_STORY}</article>",
    )
    article = parse_document(doc, "page.html").articles[0]
    assert article.title == "縣府公布道路改善計畫"
    assert text_of(article) == _LINES


def test_a_wrapped_page_title_is_read_without_the_break():
    from zhnews.parse.blocks import html_document_title
    from zhnews.parse.meta import page_titles

    doc = page(
        "<title>縣府公布道路\n   改善計畫</title>"
        '<meta property="og:title" content="縣府公布道路\n   改善計畫">',
        _STORY,
    )
    assert html_document_title(doc) == "縣府公布道路改善計畫"
    assert page_titles(doc) == ["縣府公布道路改善計畫"]


def test_a_break_beside_a_latin_word_stays_a_space():
    doc = page(
        f"<title>{_TITLE}</title>",
        f"<article><h1>縣府導入 Smart\n   Road 系統</h1><div>2024-05-02 10:30</div>{_STORY}</article>",
    )
    article = parse_document(doc, "page.html").articles[0]
    assert article.title == "縣府導入 Smart Road 系統"


# --- 6. an appended next story, a date over its section, a link to the writer's page ------

_NEXT = [
    "市議會今日召開臨時會，審議多項預算追加案，議員針對防災經費分配提出多項質詢。",
    "市府官員表示，相關經費將優先用於老舊社區排水改善，並於汛期前完成第一階段工程。",
]


def test_a_date_over_its_section_label_is_meta():
    article = _parse("<div>2024.05.02 | 地方建設</div>")
    assert text_of(article) == _LINES
    assert article.published_at is not None and article.published_at.day == 2


def test_the_story_the_page_describes_is_the_pages_story_not_the_next_one_scrolled_in():
    deck = "縣府將優先整修市區內多條老舊路段，預計年底前全部完工，經費約二億元"
    first = (
        f"<article><h1>{_TITLE}</h1><p>{deck}</p><div>2024.05.02 | 地方建設</div>{_STORY}</article>"
    )
    second = (
        "<article><h1>市議會審議防災預算追加案</h1><p>議員關注防災經費分配，市府允諾汛期前完工</p>"
        "<div>2024.04.30 | 地方政治</div>" + "".join(f"<p>{x}</p>" for x in _NEXT) + "</article>"
    )
    doc = page(
        "<title>老舊路段整修計畫出爐 | 東海新聞網</title>"
        f'<meta property="og:description" content="{deck}">',
        first + second,
    )
    articles = parse_document(doc, "page.html").articles
    assert [a.title for a in articles] == [_TITLE]
    assert not set(_NEXT) & set(text_of(articles[0]))


def test_a_link_to_the_writers_page_names_the_writer():
    header = '<div><a href="https://news.example.com/author/4561"><span>林大同</span></a></div>'
    article = _parse(header + "<div>2024-05-02 10:30</div>")
    assert writers(article) == ["林大同"]
    assert text_of(article) == _LINES


# --- 6. the deck under the headline: in the headline's element, or under an intro label ----


def test_one_sentence_in_the_headlines_element_under_the_byline_is_the_deck():
    deck = "縣府將優先整修市區內多條老舊路段，預計年底前全部完工。"
    doc = page(
        f"<title>{_TITLE}</title>",
        f"<header><h1>{_TITLE}</h1><span class='author'>林大同</span><time>2024/05/02</time>"
        f"<p>{deck}</p></header><div class='content'>{_STORY}</div>",
    )
    article = parse_document(doc, "page.html").articles[0]
    assert text_of(article) == _LINES
    assert article.summary == deck


def test_a_paragraph_beside_the_text_in_one_element_stays_text():
    doc = page(
        f"<title>{_TITLE}</title>",
        f"<article><h1>{_TITLE}</h1><time>2024/05/02</time>{_STORY}</article>",
    )
    assert text_of(parse_document(doc, "page.html").articles[0]) == _LINES


def test_an_intro_label_over_the_deck_is_neither_text_nor_turns_the_deck_into_text():
    deck = "縣府將優先整修市區內多條老舊路段，預計年底前全部完工"
    article = _parse(
        "<div>2024-05-02 10:30</div><div>前言：</div>", f"<blockquote>{deck}</blockquote>{_STORY}"
    )
    assert text_of(article) == _LINES
    assert article.summary == deck


# --- 6. a press release's end matter: link prompts and the provenance note ------------------


@pytest.mark.parametrize(
    "line",
    [
        "觀看記者會影片，請點選此處；相關新聞資料，請點選此處。更多產品資訊，請造訪網頁和產品簡介。",
        "（本文訊息由東海公司提供，內文與標題經本站修訂後刊登。）",
    ],
)
def test_a_press_releases_end_matter_is_not_text(line):
    article = _parse("<div>2024-05-02 10:30</div>", _STORY + f"<p>{line}</p>")
    assert text_of(article) == _LINES


@pytest.mark.parametrize(
    "line",
    [
        "民眾如有疑問，請點選此處查詢，或撥打市民專線洽詢。",
        "本文資料由主計處提供的數據顯示，今年物價漲幅高於預期。",
    ],
)
def test_a_sentence_with_one_link_prompt_or_a_cited_source_stays(line):
    article = _parse("<div>2024-05-02 10:30</div>", _STORY + f"<p>{line}</p>")
    assert text_of(article) == [*_LINES, line]


# --- a comment board's rules and a newsletter box under the story ---------------------------


def test_a_comment_boards_rules_and_a_newsletter_box_are_not_text():
    tail = (
        "<h3>訂閱東海新聞網</h3><p>周一至五發送，每日三則在地新聞</p>"
        "<div>東海新聞網對留言系統使用者發布的文字保有修改或移除的權利，請遵守下列規定：</div>"
        "<ul><li>請勿重覆刊登內容相同的文章</li><li>請勿刊登與主題無關之內容</li>"
        "<li>違反上述規定者，本站有權刪除留言</li></ul>"
    )
    article = _parse("<div>2024-05-02 10:30</div>", _STORY + tail)
    assert text_of(article) == _LINES


def test_reporting_on_a_forums_rules_stays():
    lines = [
        "該論壇昨日修改留言規定，要求使用者實名登記，引發網友反彈。",
        "管理員表示，新規定將於下月起實施，違者帳號將被停權。",
    ]
    article = _parse("<div>2024-05-02 10:30</div>", _STORY + "".join(f"<p>{x}</p>" for x in lines))
    assert text_of(article) == [*_LINES, *lines]


# --- 6. an infinite-scroll story page: pictures without <img>, scroll prompts, lede box -----


def test_a_caption_under_a_picture_element_without_an_img_is_a_caption():
    figure = (
        '<div class="pic"><picture><source srcset="a.webp"></picture></div>'
        "<div class='inf'><div>縣府公布的道路改善路段示意圖</div><span>圖／ 縣府提供</span></div>"
    )
    article = _parse(
        "<div>2024-05-02 10:30</div>",
        f"<p>{_LINES[0]}</p>{figure}<p>{_LINES[1]}</p><p>{_LINES[2]}</p>",
    )
    assert text_of(article) == _LINES


@pytest.mark.parametrize("line", ["往下滑看下一篇文章", "繼續往下滑閱讀更多新聞", "即時熱門文章"])
def test_scroll_prompts_and_list_headers_after_the_text_are_not_text(line):
    article = _parse("<div>2024-05-02 10:30</div>", _STORY + f"<div>{line}</div>")
    assert text_of(article) == _LINES


def test_a_related_link_in_a_blockquote_is_not_text():
    related = (
        '<blockquote><p>延伸閱讀：<a href="/a/1">市議會審議防災預算追加案</a></p></blockquote>'
    )
    article = _parse("<div>2024-05-02 10:30</div>", _STORY + related)
    assert text_of(article) == _LINES


def test_a_lede_box_under_a_two_sentence_deck_in_the_headlines_element_is_text():
    deck = "縣府將整修多條老舊路段。年底前能否完工？"
    lede = [
        _LINES[0],
        "工務處並表示，相關經費已編列完成，將分三期施工，第一期工程預計下月初動工，總經費約新台幣二億元。",
    ]
    doc = page(
        f"<title>{_TITLE}</title>",
        f"<header><div>2024.05.02 | 地方建設</div><h1>{_TITLE}</h1><p>{deck}</p></header>"
        "<div class='content'><blockquote>"
        + "".join(f"<p>{x}</p>" for x in lede)
        + "</blockquote>"
        + "".join(f"<p>{x}</p>" for x in _LINES[1:])
        + "</div>",
    )
    article = parse_document(doc, "page.html").articles[0]
    assert article.summary == deck
    assert text_of(article) == [*lede, *_LINES[1:]]


# --- an organization's acronym in the author field ------------------------------------------


@pytest.mark.parametrize(("field", "names"), [("本文作者：AMD", []), ("本文作者：Kiwi", ["Kiwi"])])
def test_an_acronym_in_the_author_field_is_an_organization_not_a_writer(field, names):
    article = _parse(f"<div>{field} 點擊： 2024-05-02 10:30</div>")
    assert writers(article) == names
    assert text_of(article) == _LINES


def _wrapped_headline_page(head: str) -> str:
    h1 = "<h1>\n    縣府公布 Smart Road\n    計畫，約 二億元起\n</h1>"
    return page(head, f"<article>{h1}<div>2024-05-02 10:30</div>{_STORY}</article>")


def test_a_space_between_cjk_in_a_wrapped_headline_both_page_titles_omit_is_a_wrap():
    closed = "縣府公布 Smart Road 計畫，約二億元起"
    doc = _wrapped_headline_page(
        f"<title>{closed} | 東海新聞網</title><meta property='og:title' content='{closed}'>"
    )
    assert parse_document(doc, "page.html").articles[0].title == closed


def test_a_space_between_cjk_that_only_the_title_tag_omits_stays():
    doc = _wrapped_headline_page("<title>縣府公布 Smart Road 計畫，約二億元起_東海新聞網</title>")
    assert (
        parse_document(doc, "page.html").articles[0].title
        == "縣府公布 Smart Road 計畫，約 二億元起"
    )
