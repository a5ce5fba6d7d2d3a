"""Failure classes of round y (who wrote the story: pen names, bio credits, quote-block
credits, names over dates, editor credits under a notice), seen on dev-set documents; each
test is a small synthetic document written for the class, with made-up names and text."""

from __future__ import annotations

from synthetic import STORY, page, text_of, writers
from zhnews.parse import parse_document


def test_a_pen_name_under_the_headline_repeating_its_prefix_is_the_writer() -> None:
    title = "茉香：我在山村教书的日子"
    doc = page(f"<title>{title}</title>", f"<h1>{title}</h1><p>茉香</p>{STORY}")
    article = parse_document(doc, "page.html").articles[0]
    assert writers(article) == ["茉香"]
    assert "茉香" not in text_of(article)
    # the same line under a headline without the prefix is body text, not a writer
    doc = page("<title>山村教书</title>", f"<h1>山村教书</h1><p>茉香</p>{STORY}")
    assert writers(parse_document(doc, "page.html").articles[0]) == []


def test_a_writers_bio_ending_in_a_promo_names_the_writer() -> None:
    bio = "Jane Doe是《某某时报》财经记者。她此前在香港为《某某日报》报道亚洲市场。欢迎在Twitter上关注她 @janedoe。"
    head = "<title>高温补贴</title>"
    body = f"<h1>高温补贴</h1><div><i>王晓丽<br>2020-09-17 10:21:39</i></div>{STORY}<p>{bio}</p>"
    article = parse_document(page(head, body), "page.html").articles[0]
    # the name over the date is printed with no role: the bio names who wrote the story
    assert writers(article) == ["Jane Doe"]
    assert all(not p.startswith("Jane Doe") for p in text_of(article))


def test_a_name_over_a_sentence_with_a_date_is_a_section_head_not_a_byline() -> None:
    section = "<p>张大伟</p><p>歌手张大伟2002年6月27日凌晨在酒吧外被袭，经过两年诉讼，法院判处打人者五年徒刑。</p>"
    doc = page("<title>高温补贴</title>", f"<h1>高温补贴</h1>{STORY}{section}{STORY}")
    article = parse_document(doc, "page.html").articles[0]
    assert writers(article) == []
    assert "张大伟" in text_of(article)
    # the same name over a date line is the byline box
    doc = page("<title>高温补贴</title>", f"<h1>高温补贴</h1><p>张大伟</p><p>2020-06-27</p>{STORY}")
    assert writers(parse_document(doc, "page.html").articles[0]) == ["张大伟"]


def test_a_credit_at_the_foot_of_a_story_printed_in_a_blockquote_names_the_writers() -> None:
    foot = "<p>你期待吗？</p><p><img src='a.gif'></p><p>作者：李明 张华</p>"
    inside = f"{STORY}<blockquote>{STORY.replace('第', '又第')}{foot}</blockquote>"
    doc = page("<title>高温补贴</title>", f"<h1>高温补贴</h1><p>2020-06-27</p>{inside}")
    article = parse_document(doc, "page.html").articles[0]
    assert writers(article) == ["李明", "张华"]
    assert text_of(article)[-1] == "你期待吗？"  # the text's short last line, in the same box


def test_an_editor_credit_below_a_platform_notice_is_the_storys_editor() -> None:
    notice = (
        "<div><p>特别声明：以上作品内容(包括在内的视频、图片或音频)为某某网旗下自媒体平台"
        "“某某号”用户上传并发布，本平台仅提供信息存储空间服务。</p>"
        "<p>[责任编辑：赵刚 PX001]</p></div>"
    )
    credits = "<p>文中人物均为化名</p><p>作者 李明</p><p>编辑 王芳 ｜ 排版 孙丽</p>"
    doc = page("<title>高温补贴</title>", f"<h1>高温补贴</h1><div>{STORY}{credits}</div>{notice}")
    article = parse_document(doc, "page.html").articles[0]
    assert article.editor == "赵刚"  # the site's 责任编辑 outranks the account's 编辑
    assert writers(article) == ["李明"]
    assert not any("特别声明" in p for p in text_of(article))


def test_a_credit_below_a_paywall_trailer_in_the_storys_box_names_the_writer() -> None:
    trailer = (
        "<p>欲看完整內容，訂戶可登入繼續瀏覽。</p>"
        "<p>新書出爐：本報電子書系列陸續上架，理財篇之《退休規劃入門》已經登場。</p>"
        "<p><a href='/login'>「按此登入盡覽」</a></p>"
    )
    extra = (
        "<div class='extra-info'><p>撰文 : 李明 某某理財會聯合創辦人</p><p>欄名 : 理財</p></div>"
    )
    story = f"<div class='article'>{STORY}{trailer}{extra}</div>"
    doc = page("<title>高温补贴</title>", f"<h1>高温补贴</h1>{story}")
    article = parse_document(doc, "page.html").articles[0]
    assert writers(article) == ["李明"]
    assert not any("電子書" in p or "訂戶" in p for p in text_of(article))


def test_a_dated_footer_credit_of_a_post_reprinting_a_report_is_not_its_writer() -> None:
    head = "<p>本报记者 李明 张华</p><p>2003-7-24 某某晚报</p>"
    footer = "<p>- 作者： 赵六 访问统计： 2005年08月30日, 星期二 13:22 加入博采</p>"
    doc = page("<title>高温补贴</title>", f"<h1>高温补贴</h1>{head}{STORY}{footer}")
    assert writers(parse_document(doc, "page.html").articles[0]) == ["李明", "张华"]
    # with no reporter printed with the text, the footer's 作者 is the writer
    doc = page("<title>高温补贴</title>", f"<h1>高温补贴</h1>{STORY}{footer}")
    assert writers(parse_document(doc, "page.html").articles[0]) == ["赵六"]


def test_a_name_heading_the_headline_that_the_text_never_names_is_the_writer() -> None:
    title = "孙明：参加高温补贴座谈会有感"
    doc = page(f"<title>{title}</title>", f"<h1>{title}</h1>{STORY}")
    assert writers(parse_document(doc, "page.html").articles[0]) == ["孙明"]
    # a speaker quoted in the headline is named in the text: no writer
    said = "<p>孙明在会上表示，今年夏季的防暑补贴将按时足额发放到每一位劳动者手中。</p>"
    doc = page(f"<title>{title}</title>", f"<h1>{title}</h1>{said}{STORY}")
    assert writers(parse_document(doc, "page.html").articles[0]) == []
