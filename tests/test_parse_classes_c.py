"""Failure classes (set C): teaser boxes on article pages, a headline whose id looks like
chrome, provider and date lines around the headline, bracketed bylines, time + source lines,
staff codes after an editor, reprint notices, self-media post furniture.

Every input is made up and small; each test names the class it guards, never a site.
"""

from zhnews.parse import parse_document

P1 = "今年全省小麦开镰收割，预计总产量与去年持平，农机手们日夜作业，抢抓晴好天气，确保颗粒归仓。"
P2 = "据省农业农村厅介绍，今年夏粮播种面积稳定，单产略有提高，各地丰收在望。"
P3 = "有关负责人表示，下一步将加强技术指导，做好烘干仓储，保障粮食安全。"
TITLE = "全省小麦开镰收割"


def page(body: str, title: str = TITLE, headline: str | None = None) -> str:
    headline = f"<h1>{title}</h1>" if headline is None else headline
    return (
        f"<html><head><title>{title}_示例新闻网</title></head><body>"
        f"<article>{headline}{body}</article></body></html>"
    )


def only_article(text: str, name: str = "page.html"):
    (article,) = parse_document(text, name).articles
    return article


# ---------------------------------------------------------------------------------------
# Teaser boxes on an article page are not stories


def _teaser(n: int) -> str:
    return (
        f'<div class="item"><span>通讯社·{n} 天前</span>'
        f'<h4><a href="/story-{n}.html">另一篇报道的标题第{n}条</a></h4>'
        f"<p>（通讯社北京{n}日电） 这是另一篇报道的摘要，讲述第{n}件事情的经过，"
        f"内容相当长，读起来也像正文，足以被当作一段文字，还有更多的描述和细节。</p></div>"
    )


def test_linked_headlines_with_wire_summaries_after_the_story_are_not_stories():
    teasers = "".join(_teaser(n) for n in range(1, 7))
    body = f'<div class="body"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div><div>{teasers}</div>'
    parsed = parse_document(page(body), "page.html")
    assert len(parsed.articles) == 1
    (article,) = parsed.articles
    assert article.title == TITLE
    assert article.body_paragraphs == [P1, P2, P3]


# ---------------------------------------------------------------------------------------
# Headline choice: the <h1> wins even when its id reads like page chrome


def test_headline_whose_id_looks_like_a_header_widget_is_kept():
    headline = f'<header><div><h1 id="lead-header-main">{TITLE}</h1></div></header>'
    ticker = '<div class="quotes"><h3>Crypto Index 200</h3><span>1,474.27</span></div>'
    html = page(f"{ticker}<p>{P1}</p><p>{P2}</p>", headline=headline)
    article = only_article(html)
    assert article.title == TITLE
    assert article.body_paragraphs == [P1, P2]


# ---------------------------------------------------------------------------------------
# The provider and the timestamp printed between the headline and the text


def test_provider_label_and_weekday_timestamp_under_the_headline_are_not_body():
    html = page(f"<div>通讯社</div><div>2024年5月20日週一 下午2:05</div><p>{P1}</p><p>{P2}</p>")
    article = only_article(html)
    assert article.body_paragraphs == [P1, P2]
    assert article.published_at is not None and article.published_at.day == 20


# ---------------------------------------------------------------------------------------
# A reporter's credit in 〔〕/【】 brackets opening the lead; a file-photo caption


def test_bracketed_reporter_credit_opening_the_lead_is_the_byline():
    html = page(f"<p>〔記者王大明／台北報導〕{P1}</p><p>{P2}</p>")
    article = only_article(html)
    assert [a.name for a in article.authors] == ["王大明"]
    assert article.body_paragraphs == [P1, P2]


def test_bracketed_desk_slug_naming_nobody_stays_in_the_text():
    lead = f"〔即時新聞／綜合報導〕{P1}"
    article = only_article(page(f"<p>{lead}</p><p>{P2}</p>"))
    assert article.authors == []
    assert article.body_paragraphs == [lead, P2]


def test_line_under_a_picture_ending_with_a_file_photo_mark_is_a_caption():
    # longer than the page's paragraphs and in their box: only the mark says caption
    caption = "財政部今天下午將公佈今年統一發票中獎清冊，財政部透露，本期千萬中獎張數為18張，兌獎期限為4月6日至7月6日。（資料照）"
    html = page(f'<div><img src="a.jpg"><p>{caption}</p><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>')
    article = only_article(html)
    assert article.body_paragraphs == [P1, P2, P3]


# ---------------------------------------------------------------------------------------
# Timestamp + source lines, a share command with its separator, the editor below a promo


def test_timestamp_followed_by_a_channel_name_is_page_meta():
    html = page(f"<div>2016年05月25日10:10 示例财经</div><p>{P1}</p><p>{P2}</p>")
    article = only_article(html)
    assert article.body_paragraphs == [P1, P2]
    assert article.published_at is not None and article.published_at.day == 25


def test_site_name_with_a_bracketed_timestamp_and_a_share_command_are_not_body():
    html = page(f"<div>北京示例網 (2020-01-21 11:12)</div><h3>分享|</h3><p>{P1}</p><p>{P2}</p>")
    article = only_article(html)
    assert article.body_paragraphs == [P1, P2]
    assert article.published_at is not None and article.published_at.day == 21


def test_editor_credit_with_a_staff_code_below_a_single_promo_link_is_found():
    html = page(
        f'<div class="text"><p>{P1}</p><p>{P2}</p></div>'
        '<div><a href="/bbs">进入【示例股吧】讨论</a></div><div>责任编辑：王小明 SF099</div>'
        '<div class="tags"><a href="/t1">关键词甲</a> <a href="/t2">关键词乙</a></div>'
    )
    article = only_article(html)
    assert article.editor == "王小明"
    assert article.body_paragraphs == [P1, P2]


# ---------------------------------------------------------------------------------------
# Reprint and copyright notices are debris; a date printed below them still dates the story


def test_reprint_notice_closing_the_text_is_not_body_and_the_date_below_still_counts():
    notice = "本作品为“示例科普-原理栏目”原创，转载时务请注明出处。"
    side = "".join(f"<div>标签{n}</div>" for n in range(4))
    html = (
        f"<html><head><title>{TITLE}</title></head><body><div class='t'>{TITLE}</div>"
        f"<div>来源： 示例科普</div><p>{P1}</p><p>{P2}</p><p>{notice}</p>"
        f"{side}<div>时间：2019-09-24 17:08</div></body></html>"
    )
    article = only_article(html)
    assert article.body_paragraphs == [P1, P2]
    assert article.published_at is not None and article.published_at.date().isoformat() == (
        "2019-09-24"
    )


def test_sentence_that_mentions_reprinting_stays_text():
    text = "他说转载时务请注明出处是行业规矩，大家都同意，这样做很好。"
    html = page(f"<p>{P1}</p><p>{text}</p><p>{P2}</p>")
    assert only_article(html).body_paragraphs == [P1, text, P2]


# ---------------------------------------------------------------------------------------
# Self-media post furniture: follow button, region label, topic tags, platform notices


def test_author_box_follow_button_and_region_label_are_not_names_or_text():
    box = (
        "<div><div>王小明</div><div>关注</div><div>2024-05-08 23:23</div><div>来自甘肃</div></div>"
    )
    article = only_article(page(f"{box}<p>{P1}</p><p>{P2}</p>"))
    assert [a.name for a in article.authors] == ["王小明"]
    assert article.body_paragraphs == [P1, P2]


def test_topic_tags_opening_a_post_are_not_text():
    lead = "据示例广播公司报道，载有总统的直升机发生事故后，官员否认存在谋杀行为。"
    html = page(f"<p>【#{TITLE}#】#官员回应事故# {lead}</p><p>{P2}</p>")
    assert only_article(html).body_paragraphs == [lead, P2]


def test_platform_notice_and_feedback_widgets_under_a_post_are_not_text():
    tail = (
        '<p>以上内容（包括图片及视频）为创作者平台"示例号"用户上传并发布，本平台仅提供信息存储服务</p>'
        "<p>不喜欢</p><p>减少或屏蔽此类内容推荐</p><p>1文章不错，点个赞吧</p>"
    )
    article = only_article(page(f"<p>{P1}</p><p>{P2}</p>{tail}"))
    assert article.body_paragraphs == [P1, P2]
