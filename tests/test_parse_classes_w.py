"""Failure classes of round w (embedded posts, decks and pull quotes, lists, date lines), seen
on dev-set documents (cdtmirror, neist, matters, iyouport); each test is a small synthetic
document written for the class, with made-up names and text."""

from __future__ import annotations

from synthetic import PARAGRAPH, STORY, page, text_of
from zhnews.parse import parse_document
from zhnews.parse.debris import debris_reason


def test_an_embedded_social_video_and_its_label_are_not_body() -> None:
    embed = (
        '<div class="fb-video" data-href="https://www.facebook.com/x/videos/1/">'
        '<blockquote cite="https://www.facebook.com/x/videos/1/" class="fb-xfbml-parse-ignore">'
        '<p><a href="https://www.facebook.com/x/videos/1/">市民排队领取防暑物资</a></p>'
        "<p>【高温下的街头】【市民排队领取防暑物资】今天下午，数百名市民在社区服务中心门前排队，"
        "领取清凉饮品和防暑药品。#高温#防暑</p>"
        '<p>Posted by <a href="https://www.facebook.com/x/">Some Radio 某某电台</a>'
        " on Wednesday, July 1, 2020</p></blockquote></div>"
        "<p>视频【高温下的街头】【市民排队领取防暑物资】</p>"
    )
    picture = (
        '<div class="wp-caption"><img src="a.jpg"><p class="wp-caption-text">'
        "社区工作人员在服务中心门前向排队的市民发放清凉饮品和防暑药品，并提醒老人注意补水休息，"
        "尽量避免在正午时段外出活动，有需要的居民可以拨打社区热线预约送药上门服务。(某某区政府脸书图片)</p></div>"
    )
    doc = page(
        "<title>高温补贴</title>",
        "<h1>高温补贴</h1>" + PARAGRAPH.format(i=0) + embed + picture + STORY,
    )
    body = text_of(parse_document(doc, "page.html").articles[0])
    assert not any("Posted by" in p or "市民排队领取" in p or "热线预约" in p for p in body)
    assert len(body) == 5  # the first paragraph and the story's four
    assert debris_reason("Posted by Some Radio on Wednesday, July 1, 2020") == "widget"
    assert debris_reason("视频：警察冲入商场抓人") == "video_label"
    assert debris_reason("影片中的導彈，是一种公路机动导弹。") is None


def test_a_deck_that_ends_no_sentence_and_a_paywall_notice_are_not_body() -> None:
    deck = "高温补贴标准有待统一，户外劳动者保护仍有短板，监管尚无抓手"
    wall = (
        '<div class="Barrier__fullBarrier___x1"><img src="wall.png">'
        '<h1 class="Barrier__header___x2">You’ve hit the wall.</h1>'
        '<div class="Barrier__body___x3">继续阅读</div></div>'
    )
    body = (
        f'<article><h1>高温补贴</h1><p class="post__description">{deck}</p><img src="a.jpg">'
        + "".join(PARAGRAPH.format(i=i) for i in range(1, 3))
        + wall
        + "".join(PARAGRAPH.format(i=i) for i in range(3, 5))
        + "</article>"
    )
    for head in ("<title>高温补贴</title>", ""):
        article = parse_document(page(head, body), "page.html").articles[0]
        assert text_of(article) == [PARAGRAPH.format(i=i)[3:-4] for i in range(1, 5)], head
        assert deck in (article.summary or "")
    # a first paragraph that ends its sentence is text, not a deck
    lead = "<p>高温补贴标准有待统一，户外劳动者保护仍有短板。</p>"
    article = parse_document(page("", "<h1>高温补贴</h1>" + lead + STORY), "page.html").articles[0]
    assert text_of(article)[0] == lead[3:-4]


def test_paragraphs_after_a_list_the_text_leads_into_stay_body() -> None:
    items = "".join(
        f"<li>第{i}点：有关部门要求各用人单位按时足额发放防暑补贴，加强对户外作业人员的劳动保护，"
        "合理安排作息时间，确保各项措施落到实处，不得以任何理由克扣或者拖延发放。</li>"
        for i in range(1, 8)
    )
    tail = ["通知还列出了补贴标准的细节。", "可以说，今年的措施比往年更加具体。"]
    post = (
        "<div><p>先说通知的背景：今年夏季持续高温。</p><p>通知提了这些：</p>"
        f"<ol>{items}</ol><p>{tail[0]}</p><p>{tail[1]}</p>"
        '<figure><img src="a.png"><figcaption>发布会现场</figcaption></figure></div>'
    )
    doc = f'---\ntitle: "高温补贴"\ndate: 2019-07-29\n---\n{post}\n'
    body = text_of(parse_document(doc, "2019-07-29-post.md").articles[0])
    assert body[-2:] == tail
    assert len(body) == 11


def test_a_quote_above_the_text_that_the_text_repeats_is_a_pull_quote() -> None:
    quote = "“按时足额、不得克扣、不得拖延、一律兑现”"
    text = f"<p>通知要求，防暑补贴必须{quote}，各地要在本月底前完成检查并上报结果。</p>"
    body = f"<h1>高温补贴</h1><ul><li><strong>{quote}</strong></li></ul>{STORY}{text}"
    for head in ("<title>高温补贴</title>", ""):  # with and without the headline's <title>
        article = parse_document(page(head, body), "page.html").articles[0]
        assert quote not in text_of(article), head
        assert len(text_of(article)) == 5
    # a quotation set as a subhead inside the text stays a subhead
    inside = f"<h1>高温补贴</h1>{STORY}<h3>{quote}</h3>{text}"
    article = parse_document(page("<title>高温补贴</title>", inside), "page.html").articles[0]
    assert quote in text_of(article)


def test_a_pull_quote_under_a_headline_printed_as_a_paragraph_is_not_body() -> None:
    quote = "“防暑补贴分两个时代，通知之前和之后。”"
    text = f"<p>{quote[:-2]}。毫无疑问，这份通知改变了户外劳动者的处境。”一位学者说。</p>"
    body = (
        "<div><p class='title'>高温补贴新规出台，户外劳动者迎来转机</p>"
        f"<p class='abstract'>{quote}</p><div id='content'>{STORY}{text}</div></div>"
    )
    doc = f'---\ntitle: "高温补贴新规出台，户外劳动者迎来转机"\ndate: 2020-05-31\n---\n{body}\n'
    article = parse_document(doc, "2020-05-31-post.md").articles[0]
    assert quote not in text_of(article)
    assert text_of(article)[-1] == text[3:-4]
