"""Failure classes (h): app pages that reveal their story by script, an empty <title>, a
paragraph printed twice in a row.

Every input is made up and small; each test names the class it guards, never a site.
"""

from zhnews.parse import parse_document
from zhnews.parse.blocks import html_document_title

P1 = "本报讯 今天上午，某市举行了一场盛大的庆祝活动，数千名市民参加，现场气氛十分热烈。"
P2 = "活动期间，组织方还准备了多项文艺表演，受到市民欢迎，大家纷纷拍照留念，场面非常热闹。"
P3 = "据了解，这项活动已经连续举办了十年，每年都吸引大量游客前来参观，带动了当地经济发展。"
P4 = "会议指出，要继续办好这项活动，让更多市民参与进来，共同分享城市发展的成果和喜悦。"
CARD = "某市发布，微信号 moushi，功能介绍：与您一起关注本地新闻、民生和文化，传递正能量。"


def _article(html: str):
    (article,) = parse_document(html, "page.html").articles
    return article


def _app_page(title_tag: str = "<title></title>") -> str:
    # the story is hidden until a script shows it (visibility:hidden); the account card
    # between headline and story and a dialog are hidden too (display:none) and are never
    # shown; the story opens with its own printed headline lines
    return (
        f'<html><head>{title_tag}<meta property="og:title" content="某市：千人共庆节日">'
        "</head><body>"
        '<h1 id="activity-name">某市：千人共庆节日</h1>'
        '<div class="meta"><span>某市发布</span></div>'
        '<div class="profile" style="display:none;"><strong>掌上某市</strong>'
        f"<p>微信号 zhangshang</p><p>{CARD}</p></div>"
        '<div id="content" style="visibility: hidden;">'
        "<h1>某市举行</h1><h1>庆祝活动暨表彰大会</h1>"
        f"<p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{P4}</p></div>"
        '<div class="dialog" style="display:none">知道了，取消，允许。</div>'
        "</body></html>"
    )


def test_script_revealed_story_is_read_without_the_hidden_account_card():
    body = _article(_app_page()).body_paragraphs
    assert P2 in body and P3 in body and P4 in body
    assert not any("掌上某市" in p or "微信号" in p or "功能介绍" in p for p in body)


def test_empty_title_tag_falls_back_to_og_title_for_the_headline():
    assert _article(_app_page()).title == "某市：千人共庆节日"
    assert html_document_title(_app_page()) == "某市：千人共庆节日"
    assert html_document_title(_app_page("<title>某市：千人共庆节日_某某网</title>")) == (
        "某市：千人共庆节日"
    )
    assert html_document_title("<html><head><title> </title></head></html>") is None


def test_a_page_that_hides_only_a_menu_still_skips_it():
    html = (
        "<html><head><title>某市举行庆祝活动_某某网</title></head><body>"
        '<div style="display:none">首页，新闻，体育，财经，娱乐，科技。</div>'
        f"<article><h1>某市举行庆祝活动</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>"
        "</body></html>"
    )
    assert not any("首页" in p for p in _article(html).body_paragraphs)


def _page(body: str) -> str:
    return (
        "<html><head><title>某市举行庆祝活动_某某网</title></head><body>"
        f"<article><h1>某市举行庆祝活动</h1><p>2024-05-01 10:00</p>{body}</article>"
        "</body></html>"
    )


def test_one_paragraph_printed_twice_in_a_row_is_kept_twice():
    body = _article(_page(f"<p>{P2}</p><p>{P3}</p><img src='a.jpg'><p>{P3}</p><p>{P4}</p>"))
    assert body.body_paragraphs == [P2, P3, P3, P4]


def test_a_repeated_copy_of_the_body_is_still_dropped():
    # print/mobile copies repeat several paragraphs: the second copy is not text
    html = _page(
        f"<p>{P2}</p><p>{P3}</p><p>{P4}</p><div class='print'><p>{P2}</p><p>{P3}</p></div>"
    )
    assert _article(html).body_paragraphs == [P2, P3, P4]


def test_a_region_label_under_the_author_is_not_text():
    from zhnews.parse.debris import debris_reason

    for label in ("发布于：北京市", "IP属地：广东", "來自台灣", "發佈於：上海"):
        assert debris_reason(label), label
    # a sentence that says where something was published stays text
    assert not debris_reason("发布于北京市政府网站的通知要求各区落实整改。")


def _undated_page(extra: str) -> str:
    return (
        "<html><head><title>某市举行庆祝活动</title></head><body><h1>某市举行庆祝活动</h1>"
        f"{extra}<p>{P2}</p><p>{P3}</p></body></html>"
    )


def test_a_page_no_clue_of_ours_dates_is_dated_by_htmldate_from_its_markup():
    for extra in (
        "<div class='byline'>Published March 12, 2019</div>",  # a date in English
        "<abbr class='published' title='2019-03-12'>3月12日</abbr>",  # the day in a title
    ):
        article = _article(_undated_page(extra))
        assert article.published_at_source == "htmldate", extra
        assert article.published_at.date().isoformat() == "2019-03-12"


def test_htmldate_is_not_asked_for_guesses_or_when_our_clues_date_the_page():
    # a copyright year is no publication date (htmldate's extensive search would say 01-01)
    article = _article(_undated_page("").replace("</body>", "<footer>© 2019</footer></body>"))
    assert (article.published_at, article.published_at_source) == (None, "unknown")
    dated = _article(_undated_page("<p>2020-05-01 10:00 来源：某某日报</p>"))
    assert dated.published_at_source != "htmldate"
