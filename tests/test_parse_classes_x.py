"""Failure classes of round x (titles: invisible characters, a headline printed twice, the
<h1> against a bold line), seen on dev-set documents (tvbs, qianlong, theorychina); each test
is a small synthetic document written for the class, with made-up names and text."""

from __future__ import annotations

from synthetic import PARAGRAPH, STORY, page, text_of
from zhnews.parse import parse_document


def test_zero_width_characters_are_dropped_from_title_and_text() -> None:
    doc = page(
        "<title>\u200b《高温》補貼標準公布－某某新聞</title>",
        "<h1>&#8203;《高温》補貼標準公布</h1>"
        "<p>第0段：本市今年夏季\u200c持续高温\ufeff，有关部门近日下发通知\u2060，"
        "要求各用人单位按时足额发放防暑补贴\u200d，确保各项措施落到实处。</p>" + STORY,
    )
    article = parse_document(doc, "page.html").articles[0]
    assert article.title == "《高温》補貼標準公布"
    body = text_of(article)
    assert body[0] == (
        "第0段：本市今年夏季持续高温，有关部门近日下发通知，"
        "要求各用人单位按时足额发放防暑补贴，确保各项措施落到实处。"
    )
    assert not any(ch in "".join(body) for ch in "\u200b\u200c\u200d\u2060\ufeff")


def test_a_headline_printed_twice_wins_over_the_bold_line_under_it() -> None:
    # no <title>: the page prints the headline, then again in bold atop the text, over the
    # writers' group (bold) and the month
    headline = "本市户外劳动者防暑状况调查报告"
    doc = (
        "<html><body><div class='nav'><a href='/'>首页</a> &gt;&gt; <a href='/y'>研究</a></div>"
        f"<div class='heading'>{headline}</div>"
        "<div class='date'>2005-03-06 16:17:00</div>"
        f"<div class='text'><p align=center><strong>{headline}</strong></p>"
        "<p align=center><strong>本市劳动保护调研课题组</strong></p>"
        "<p align=center><strong>2003年5月</strong></p>" + STORY + "</div></body></html>"
    )
    article = parse_document(doc, "page.html").articles[0]
    assert article.title == headline
    body = text_of(article)
    assert body[0].startswith("第1段") and len(body) == 4


def test_the_heading_repeating_the_title_whole_wins_over_a_shorter_copy_atop_the_text() -> None:
    # `<h1>《报告》全文</h1>`, the date line, then the report's own title centred atop the text
    doc = page(
        "<title>《户外劳动者防暑状况调查》全文</title>",
        "<div class='crumb'><a href='/'>首页</a> &gt; <a href='/r'>重点推荐</a></div>"
        "<h1>《户外劳动者防暑状况调查》全文</h1>"
        "<div class='info'>发布时间：2024年05月05日 | <a href='#'>字体放大</a></div>"
        "<div class='text'><p style='text-align: center;'>户外劳动者防暑状况调查</p>"
        + STORY
        + "</div>",
    )
    article = parse_document(doc, "page.html").articles[0]
    assert article.title == "《户外劳动者防暑状况调查》全文"
    assert text_of(article)[0].startswith("第1段")


def test_a_line_of_label_colon_head_between_paragraphs_is_a_subhead() -> None:
    # paragraphs separated by <br> in one element; `专家：三招应对高温` is a subhead, not the
    # opening of the paragraph under it
    lines = [PARAGRAPH.format(i=i)[3:-4] for i in range(1, 5)]
    text = (
        "<br><br>".join(lines[:2]) + "<br>专家：三招应对高温<br><br>" + "<br><br>".join(lines[2:])
    )
    doc = page("<title>高温补贴</title>", f"<h1>高温补贴</h1><div>{text}</div>")
    article = parse_document(doc, "page.html").articles[0]
    assert [p.text for p in article.paragraphs if p.kind == "subhead"] == ["专家：三招应对高温"]
    assert text_of(article)[3].startswith("第3段")
    # a listing's lines (`成人票原价：260元`), each in its own <p>, stay lines of their own
    paragraphs = [PARAGRAPH.format(i=i) for i in range(1, 5)]
    listing = "<p>5、某某乐园</p><p>成人票原价：260元</p><p>游客咨询电话：4006688022</p>"
    doc = page(
        "<title>高温补贴</title>",
        "<h1>高温补贴</h1>" + "".join(paragraphs[:2]) + listing + "".join(paragraphs[2:]),
    )
    article = parse_document(doc, "page.html").articles[0]
    assert [(p.kind, p.text) for p in article.paragraphs[2:5]] == [
        ("subhead", "5、某某乐园"),
        ("body", "成人票原价：260元"),
        ("body", "游客咨询电话：4006688022"),
    ]


def test_a_numbered_line_in_its_own_element_opens_a_new_paragraph() -> None:
    # `…得到保障，` (cut short on the page) and then `2、…` in the next <p>: two paragraphs
    cut = (
        "<p>1、加强户外作业保护。</p>"
        "<p>本市今年夏季持续高温，有关部门要求各用人单位按时发放补贴，使劳动者权益得到保障，</p>"
    )
    doc = page(
        "<title>高温补贴</title>",
        "<h1>高温补贴</h1>" + PARAGRAPH.format(i=0) + cut + "<p>2、落实防暑降温措施。</p>" + STORY,
    )
    body = text_of(parse_document(doc, "page.html").articles[0])
    assert body[2].endswith("得到保障，")
    assert body[3] == "2、落实防暑降温措施。"


def test_hard_wrapped_lines_join_until_the_next_indented_line() -> None:
    # text cut at a fixed width with <br>, each paragraph's first line indented with
    # &nbsp;: a line that ends a sentence at the cut (`…落到实处。`) or opens with a quote
    # still goes on in the next line unless that one is indented
    indent = "&nbsp;" * 6
    rows = []
    for i in range(1, 5):
        rows += [
            f"{indent}第{i}段：本市今年夏季持续高温，有关部门近日下发通知，要",
            "求各用人单位按时足额发放防暑补贴，并加强对户外作业人员的劳",
            "动保护，确保各项措施落到实处。有关负责人在接受采访时表示说：",
            "“高温天气还将持续一段时间，请各单位务必重视，切实做好工作",
            "。”据悉，全市已有数千家单位按时发放补贴，惠及大量劳动者。",
        ]
    doc = page("<title>高温补贴</title>", "<h1>高温补贴</h1><div>" + "<br>".join(rows) + "</div>")
    body = text_of(parse_document(doc, "page.html").articles[0])
    assert len(body) == 4
    assert body[0].startswith("第1段") and body[0].endswith("惠及大量劳动者。")
    assert "表示说：“高温天气" in body[0] and "工作。”据悉" in body[0]


def test_a_line_indented_far_beyond_the_paragraphs_stands_alone() -> None:
    # an exported text: every paragraph indented four spaces; a centred head and a sender's
    # signature set far to the right end no sentence, yet run into no paragraph
    para = (
        "    本市今年夏季持续高温，有关部门近日下发通知，要求各用人单位按时足额发放防暑补贴，"
        "并加强对户外作业人员的劳动保护。"
    )
    text = "\n".join(
        [
            "# 高温补贴",
            "",
            para,
            "            一  高温补贴，按时发放",
            para,
            para,
            "                                          某某区总工会  五月九日",
            "    全心全意为劳动者服务",
        ]
    )
    body = text_of(parse_document(text, "post.md").articles[0])
    assert body[1] == "一 高温补贴，按时发放"
    assert body[2].startswith("本市") and body[2].endswith("劳动保护。")
    assert body[-2:] == ["某某区总工会 五月九日", "全心全意为劳动者服务"]


def test_control_characters_are_dropped_from_text() -> None:
    stray = (
        "<p>第0段：本市今年夏季持续高温，有关部门近日下发通知，"
        "要求各用人单位按时足额发放防暑补贴，确保各项措施落到实处。\x08</p>"
    )
    more = "".join(PARAGRAPH.format(i=i) for i in range(5, 9))
    doc = page("<title>高温补贴</title>", "<h1>高温补贴</h1>" + STORY + stray + more)
    body = text_of(parse_document(doc, "page.html").articles[0])
    assert len(body) == 9
    assert body[4].startswith("第0段") and body[4].endswith("落到实处。")
    assert not any(ch < " " for ch in "".join(body))


def test_a_backslash_escapes_any_ascii_punctuation_in_markdown() -> None:
    para = "本市今年夏季持续高温，有关部门近日下发通知，要求各用人单位按时足额发放防暑补贴。"
    text = (
        f"# 高温补贴\n\n{para}\n\n（参见：高温日记\\|7月1日：补贴标准公布）{para}\n\n"
        f"{para}\n\n{para}"
    )
    body = text_of(parse_document(text, "post.md").articles[0])
    assert body[1].startswith("（参见：高温日记|7月1日：补贴标准公布）")


def test_markdown_hard_breaks_and_lazy_quote_lines_stay_in_their_paragraph() -> None:
    para = "本市今年夏季持续高温，有关部门近日下发通知，要求各用人单位按时足额发放防暑补贴。"
    text = "\n".join(
        [
            "# 高温补贴",
            "",
            para + "   ",  # a hard break: the next line goes on in this paragraph
            " 补贴标准由各区自行公布，具体发放办法另行通知。",
            "",
            "> **去年的补贴，今年照发。**   ",
            " **今年的标准，明年再议。**",  # no `>`: still the quote's text
            "",
            para,
            "",
            para,
        ]
    )
    body = text_of(parse_document(text, "post.md").articles[0])
    assert body[0] == para + " 补贴标准由各区自行公布，具体发放办法另行通知。"
    assert body[1] == "去年的补贴，今年照发。 今年的标准，明年再议。"
    assert len(body) == 4


def test_short_lines_each_wholly_quoted_are_a_list_not_one_wrapped_heading() -> None:
    items = "".join(f"<p>{x}</p>" for x in ("“高温补贴”", "“防暑药品”", "“清凉饮品”"))
    paragraphs = [PARAGRAPH.format(i=i) for i in range(1, 5)]
    doc = page(
        "<title>高温补贴</title>",
        "<h1>高温补贴</h1>" + "".join(paragraphs[:2]) + items + "".join(paragraphs[2:]),
    )
    body = text_of(parse_document(doc, "page.html").articles[0])
    assert body[2:5] == ["“高温补贴”", "“防暑药品”", "“清凉饮品”"]
