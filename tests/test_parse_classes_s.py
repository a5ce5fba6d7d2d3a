"""Round-2 assembler classes (helper ASSEMBLE2): date/meta lines, tail furniture, paragraph
structure.

Every input is made up and small; each test names the class it guards, never a site.
"""

from zhnews.parse import parse_document

P1 = "今年全省小麦开镰收割，预计总产量与去年持平，农机手们日夜作业，抢抓晴好天气，确保颗粒归仓。"
P2 = "据省农业农村厅介绍，今年夏粮播种面积稳定，单产略有提高，各地丰收在望。"
P3 = "有关负责人表示，下一步将加强技术指导，做好烘干仓储，保障粮食安全。"


def html_page(body: str, title: str = "小麦开镰收割") -> str:
    return (
        f"<html><head><title>{title}_示例新闻网</title></head><body>"
        f"<h1>{title}</h1>{body}</body></html>"
    )


def only_article(text: str, name: str = "page.html"):
    (article,) = parse_document(text, name).articles
    return article


def printed(article) -> list[str]:
    """The text as a reader gets it: paragraphs and subheads."""
    return [p.text for p in article.paragraphs if p.kind in ("body", "subhead")]


# ---------------------------------------------------------------------------------------
# Date lines: what a page prints beside its time stamp is page metadata, never a paragraph


def test_time_zone_tag_between_date_and_time_is_a_date_line():
    article = only_article(html_page(f"<p>2021-06-02 HKT 09:15</p><p>{P1}</p><p>{P2}</p>"))
    assert article.body_paragraphs == [P1, P2]


def test_dispatch_time_label_is_a_date_line():
    line = "發稿時間：2016/03/05 10:20 最新更新：2016/03/05 11:02"
    article = only_article(html_page(f"<p>{line}</p><p>{P1}</p><p>{P2}</p>"))
    assert article.body_paragraphs == [P1, P2]
    assert str(article.published_at.date()) == "2016-03-05"


def test_channel_label_with_time_and_date_is_a_date_line():
    article = only_article(html_page(f"<p>理財專欄 08:40 2022/07/15</p><p>{P1}</p><p>{P2}</p>"))
    assert article.body_paragraphs == [P1, P2]
    assert str(article.published_at.date()) == "2022-07-15"


def test_numeric_date_with_open_day_order_alone_is_not_a_paragraph():
    article = only_article(html_page(f"<p>07/05/2019 - 14:30</p><p>{P1}</p><p>{P2}</p>"))
    assert article.body_paragraphs == [P1, P2]


def test_date_with_a_site_name_opening_with_digits_is_a_date_line():
    article = only_article(html_page(f"<p>2020-04-08 10:11:12 58农业网</p><p>{P1}</p><p>{P2}</p>"))
    assert article.body_paragraphs == [P1, P2]


def test_desk_date_and_view_counter_line_is_a_date_line():
    line = "國際中心 2015年03月02日 11:20 4512 點擊數"
    article = only_article(html_page(f"<p>{line}</p><p>{P1}</p><p>{P2}</p>"))
    assert article.body_paragraphs == [P1, P2]
    assert str(article.published_at.date()) == "2015-03-02"


# ---------------------------------------------------------------------------------------
# Page furniture printed as lines: widget buttons and prompts, mastheads, marked headers


def test_picture_widget_prompt_is_not_text():
    for prompt in (
        "點擊圖片放大",
        "▼点击图片放大 +4",
        "（本社製圖，點開看大圖）",
        "点击图片可浏览相关图片",
    ):
        article = only_article(html_page(f"<p>{P1}</p><p>{prompt}</p><p>{P2}</p>"))
        assert printed(article) == [P1, P2], prompt


def test_picture_prompt_heading_under_a_picture_is_not_a_subhead():
    body = f'<img src="a.jpg"><h2>（本社製圖，點開看大圖）</h2><p>{P1}</p><p>{P2}</p>'
    assert printed(only_article(html_page(body))) == [P1, P2]


def test_share_print_and_player_buttons_alone_are_not_text():
    for button in ("友善列印", "產生縮網址", "播放语音", "我要評比"):
        article = only_article(html_page(f"<p>{P1}</p><p>{button}</p><p>{P2}</p>"))
        assert printed(article) == [P1, P2], button


def test_subscription_and_popularity_labels_alone_are_not_text():
    for label in ("影音訂閱:", "熱門度 :"):
        article = only_article(html_page(f"<p>{P1}</p><p>{label}</p><p>{P2}</p>"))
        assert printed(article) == [P1, P2], label


def test_masthead_with_edition_or_web_address_alone_is_not_text():
    for masthead in ("东方金融报网络版", "example.com 示例新聞網"):
        article = only_article(html_page(f"<p>{P1}</p><p>{masthead}</p><p>{P2}</p>"))
        assert printed(article) == [P1, P2], masthead


def test_marked_photo_source_line_is_a_caption_not_text():
    article = only_article(html_page(f"<p>{P1}</p><p>◎照片來源：EXAMPLE</p><p>{P2}</p>"))
    assert printed(article) == [P1, P2]


def test_authorised_reprint_note_is_a_disclaimer():
    note = "本文经授权转载自示例评论网，原文标题为：麦田守望"
    article = only_article(html_page(f"<p>{P1}</p><p>{P2}</p><p>{note}</p>"))
    assert printed(article) == [P1, P2]


def test_related_header_after_a_reference_mark_takes_its_links():
    links = '<a href="/a">小麦收割进度过半</a><br><br><a href="/b">更多相關新聞</a>'
    body = f"<p>{P1}</p><p>{P2}<br><br>※你可能還想看：<br><br>{links}</p><p>{P3}</p>"
    assert printed(only_article(html_page(body))) == [P1, P2, P3]


# ---------------------------------------------------------------------------------------
# Tails glued to a paragraph: a notice's heading, a wire's ROC date code, a picture credit


def test_notice_heading_glued_after_a_sentence_is_cut():
    article = only_article(html_page(f"<p>{P1}</p><p>{P2}★再給自己一次機會</p><p>{P3}</p>"))
    assert printed(article) == [P1, P2, P3]


def test_roc_date_code_closing_the_last_paragraph_is_cut():
    article = only_article(html_page(f"<p>{P1}</p><p>{P2}1050304</p>"))
    assert printed(article) == [P1, P2]


def test_line_closing_on_an_unbracketed_picture_credit_is_a_caption():
    caption = "市长与来宾在开幕式上合影留念。圖：示例市政府提供"
    article = only_article(html_page(f"<p>{caption}</p><p>{P1}</p><p>{P2}</p>"))
    assert printed(article) == [P1, P2]


# ---------------------------------------------------------------------------------------
# Thematic breaks: a line set off by rules stands alone; the original-content mark


def post(body: str) -> str:
    return "---\nlayout: post\ntitle: 麦田守望\ndate: 2019-06-14\n---\n\n" + body


def test_line_between_rules_is_not_joined_to_the_paragraph_under_it():
    label = "本期主持：麦田 特约撰稿：守望"  # no sentence end: a column break would glue it on
    text = post(f"{P1}\n\n---\n\n{label}\n\n---\n\n{P2}\n\n{P3}\n")
    assert printed(only_article(text, "post.md"))[-2:] == [P2, P3]


def test_original_content_mark_under_a_provenance_header_names_the_writer():
    text = post(
        "原文来自【麦田观察】：~~[麦田守望](https://example.com/a)~~\n\n---\n\n"
        f"原创：麦田律师 深圳麦田\n\n---\n\n{P1}\n\n{P2}\n"
    )
    article = only_article(text, "post.md")
    assert printed(article) == [P1, P2]
    assert [a.name for a in article.authors] == ["麦田律师"]
