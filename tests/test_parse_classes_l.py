"""Failure classes of issue 12 (round l), seen on the dev-set documents added this round
(duoweiblog, cdp1998, beijingspring, jlgov); each test is a small synthetic page written for
the class, with made-up names and text."""

from __future__ import annotations

from synthetic import STORY
from zhnews.parse import parse_document


def _paragraphs(article) -> list[str]:
    return [p.text for p in article.paragraphs if p.kind in ("body", "subhead")]


def test_a_comment_list_that_pastes_another_article_is_not_body() -> None:
    pasted = "".join(
        f"<p>评论第{i}段：网友贴来的另一篇文章，讲的是另一件事情，内容很长，足以被当成正文段落来处理，"
        "但它只是读者评论的一部分。</p>"
        for i in range(1, 6)
    )
    page = (
        "<html><head><title>博客 » 防暑补贴陆续发放</title></head><body>"
        "<div class='post'><p>Saturday, July 3rd, 2021 10:56 am</p>"
        f"<p align=center><font size=5>防暑补贴陆续发放</font></p>{STORY}</div>"
        "<h3 id='comments'>《防暑补贴陆续发放》已有1件评论</h3>"
        f"<ol class='commentlist'><li id='comment-12'><cite>网友甲</cite>的评论{pasted}</li></ol>"
        "</body></html>"
    )
    article = parse_document(page, "post.html").articles[0]
    body = _paragraphs(article)
    assert body[0].startswith("第1段") and body[-1].startswith("第4段")
    assert not any("评论第" in p for p in body)


def test_an_end_box_and_a_serial_notice_after_the_last_sentence_go() -> None:
    for tail, kept in (
        ("(未完待续)□", "第4段"),
        ("□", "第4段"),
        ("（未完待續）", "第4段"),
    ):
        story = STORY[: -len("</p>")] + tail + "</p>"
        page = (
            "<html><head><title>防暑补贴陆续发放</title></head><body><h1>防暑补贴陆续发放</h1>"
            f"<div class='text'>{story}</div></body></html>"
        )
        body = _paragraphs(parse_document(page, "essay.html").articles[0])
        assert body[-1].startswith(kept) and body[-1].endswith("落到实处。"), (tail, body[-1])


def test_a_box_that_is_not_after_a_sentence_end_stays() -> None:
    story = STORY[: -len("</p>")] + "另据□□报道</p>"
    page = (
        "<html><head><title>防暑补贴陆续发放</title></head><body><h1>防暑补贴陆续发放</h1>"
        f"<div class='text'>{story}</div></body></html>"
    )
    body = _paragraphs(parse_document(page, "essay.html").articles[0])
    assert body[-1].endswith("另据□□报道")


def test_an_en_us_stamp_after_a_date_label_is_the_publication_day() -> None:
    from zoneinfo import ZoneInfo

    from zhnews.parse.meta import parse_date_text

    tz = ZoneInfo("Asia/Shanghai")
    assert parse_date_text("发布日期： 7/5/2005 9:23:57 PM", tz).isoformat() == (
        "2005-07-05T21:23:57+08:00"
    )
    assert parse_date_text("9/17/2004 12:04 AM", tz).isoformat() == "2004-09-17T00:04:00+08:00"
    assert parse_date_text("比分 7/5/2005", tz) is None  # no time and AM/PM: order unknown
    page = (
        "<html><head><title>欢迎访问本站</title></head><body>"
        "<table><tr><td><b>防暑补贴陆续发放</b></td></tr>"
        "<tr><td>作者：  来源：  发布日期： 7/5/2005 9:23:57 PM</td></tr>"
        f"<tr><td>{STORY}</td></tr></table></body></html>"
    )
    assert parse_document(page, "page.html").articles[0].published_at.date().isoformat() == (
        "2005-07-05"
    )


def test_an_english_long_stamp_above_the_title_is_the_publication_day() -> None:
    from zoneinfo import ZoneInfo

    from zhnews.parse.meta import parse_date_text

    tz = ZoneInfo("Asia/Shanghai")
    assert parse_date_text("Saturday, September 10th, 2005 10:56 am", tz).isoformat() == (
        "2005-09-10T10:56:00+08:00"
    )
    assert parse_date_text("Dec. 1, 2019 14:05", tz).isoformat() == "2019-12-01T14:05:00+08:00"
    assert parse_date_text("Marching 10 2005 10:00", tz) is None
    assert parse_date_text("Published March 12, 2019", tz) is None  # left to htmldate
    page = (
        "<html><head><title>博客 » 防暑补贴陆续发放</title></head><body>"
        "<div class='top'>2006年12月27日（京港台时间）</div>"
        "<div class='post'><p>Saturday, July 3rd, 2021 10:56 am</p>"
        f"<p align=center><font size=5>防暑补贴陆续发放</font></p>{STORY}</div></body></html>"
    )
    assert parse_document(page, "post.html").articles[0].published_at.date().isoformat() == (
        "2021-07-03"
    )


def _essay(lead: str) -> str:
    text = "<br>\n".join(
        "&nbsp;&nbsp;&nbsp;&nbsp;" + chunk
        for chunk in (
            "本市今年夏季持续高温，有关部门近日下发通知，要求各用人单位按时足额发放防暑补贴，"
            "并加强对户外作业人员的劳动保护，确保各项措施落到实处。",
        )
        * 4
    )
    return (
        "<html><head><title>显示</title></head><body>"
        "<p align='center'><font color=darkblue><strong>防暑补贴的来龙去脉</strong></font></p>"
        f"<hr><p> 王小明<br>\n<br>\n&nbsp;&nbsp;——一个城市的夏天<br>\n<br>\n{lead}{text}<br>\n"
        "</p></body></html>"
    )


def test_under_a_generic_page_title_the_bold_line_above_the_subtitle_is_the_headline() -> None:
    article = parse_document(_essay(""), "essay.html").articles[0]
    assert article.title == "防暑补贴的来龙去脉"
    assert [a.name for a in article.authors] == ["王小明"]
    assert not any(p.startswith("——") for p in _paragraphs(article))


def test_a_numbered_first_section_head_under_the_deck_is_a_subhead() -> None:
    article = parse_document(_essay("一、补贴从何而来<br>\n<br>\n"), "essay.html").articles[0]
    assert article.title == "防暑补贴的来龙去脉"
    assert _paragraphs(article)[0] == "一、补贴从何而来"
    assert _paragraphs(article)[1].startswith("本市今年夏季持续高温")


def test_a_greeting_title_above_the_site_menu_is_not_the_headline() -> None:
    menu = "".join(f"<td><a href='/c{i}'>栏目{i}</a></td>" for i in range(1, 9))
    page = (
        "<html><head><title>谢谢您访问〖某某中心〗</title></head><body>"
        f"<p>谢谢您访问〖某某中心〗</p><table><tr>{menu}</tr></table>"
        "<table><tr><td align=center><b><font color=blue>防暑补贴陆续发放</font></b></td></tr>"
        "<tr><td>作者：  来源：  发布日期： 7/5/2005 9:23:57 PM</td></tr>"
        f"<tr><td>{STORY}</td></tr></table></body></html>"
    )
    article = parse_document(page, "page.html").articles[0]
    assert article.title == "防暑补贴陆续发放"
    assert _paragraphs(article)[0].startswith("第1段")


def _wrapped(paragraph: str, width: int = 38) -> list[str]:
    return [paragraph[k : k + width] for k in range(0, len(paragraph), width)]


def test_hard_wrapped_lines_printed_one_p_each_are_joined_into_their_paragraphs() -> None:
    topics = ("防暑补贴", "高温作业", "夜间施工", "户外快递")
    paragraphs = [
        f"{topic}：本市今年夏季持续高温，有关部门近日就{topic}下发通知，要求各用人单位按时足额"
        f"发放{topic}相关费用，并加强对户外作业人员的劳动保护，确保{topic}各项措施落到实处，"
        f"同时提醒市民在{topic}期间注意防暑降温，合理安排出行时间。"
        for topic in topics
    ]
    lines = "<p>\n".join(
        "<p>\n".join(_wrapped(p)) + "<p>\n" for p in paragraphs
    )  # an empty <p> between paragraphs, as a pasted plain-text post prints them
    page = (
        "<html><head><title>防暑补贴陆续发放</title></head><body><h1>防暑补贴陆续发放</h1>"
        f"<div class='text'><p>{lines}</div></body></html>"
    )
    assert _paragraphs(parse_document(page, "post.html").articles[0]) == paragraphs


def test_paragraphs_of_varied_length_are_not_taken_for_wrapped_lines() -> None:
    lines = [
        "第一段说明了今年的补贴标准",
        "第二段：有关部门近日下发通知，要求各用人单位按时足额发放防暑补贴，并加强对户外作业人员的劳动保护",
        "第三段只有一句话",
        "第四段：本市今年夏季持续高温，有关部门近日下发通知",
        "第五段：各用人单位按时足额发放防暑补贴，并加强对户外作业人员的劳动保护，确保各项措施落到实处",
        "第六段补充",
        "第七段：提醒市民注意防暑降温",
        "第八段：合理安排出行时间，避免在午后高温时段长时间户外活动，确保安全",
    ]
    from zhnews.parse.content import wrap_width

    assert wrap_width(lines) is None
    assert wrap_width([f"第{i}行" + "一二三四五六七八九十" * 4 for i in range(8)]) == 85


def test_a_notices_closing_formula_after_the_text_is_its_last_paragraph() -> None:
    page = (
        "<html><head><title>关于做好防暑降温工作的通告</title></head><body>"
        "<h1>关于做好防暑降温工作的通告</h1>"
        f"<div class='text'>{STORY}<p>特此通告。</p><p>某某市人民政府</p><p>2021年7月4日</p></div>"
        "<div class='foot'><p>扫一扫在手机打开当前页</p></div></body></html>"
    )
    body = _paragraphs(parse_document(page, "notice.html").articles[0])
    assert body[-1] == "特此通告。"
    assert body[-2].startswith("第4段")


def test_the_title_printed_again_over_the_text_in_broken_lines_is_not_body() -> None:
    title = "某某市人民政府关于做好夏季防暑降温和户外作业保护工作的通告"
    broken = "".join(
        f"<p align=center><b>{line}</b></p>"
        for line in ("某某市人民政府关于", "做好夏季防暑降温", "和户外作业保护", "工作的通告")
    )
    page = (
        f"<html><head><title>{title}</title></head><body><h1>{title}</h1>"
        "<table><tr><td>发布日期：</td><td>2022年01月28日</td></tr></table>"
        f"<div class='text'>{broken}{STORY}</div></body></html>"
    )
    article = parse_document(page, "notice.html").articles[0]
    assert article.title == title
    assert _paragraphs(article)[0].startswith("第1段")


def test_a_notices_document_number_and_a_lone_field_label_are_not_body() -> None:
    from zhnews.parse.debris import debris_reason

    assert debris_reason("吉政明电〔2022〕1号") == "doc_number"
    assert debris_reason("国办发〔2021〕12号") == "doc_number"
    assert debris_reason("发文字号：") == "field_label"
    assert debris_reason("根据国办发〔2021〕12号文件精神，现通知如下：") is None
    page = (
        "<html><head><title>关于做好防暑降温工作的通告</title></head><body>"
        "<h1>关于做好防暑降温工作的通告</h1>"
        f"<div class='text'><p>发文字号：</p><p>某政发〔2021〕7号</p>{STORY}</div></body></html>"
    )
    assert _paragraphs(parse_document(page, "notice.html").articles[0])[0].startswith("第1段")
