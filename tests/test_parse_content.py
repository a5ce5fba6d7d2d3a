"""HTML main content by evidence (issue 12, failure class 3): one test per failure class.

Pages are made up, small, and built so that class/id names point the wrong way: the
selector must find the story by its text, links and punctuation, never by names.
"""

from zhnews.parse import content, parse_document
from zhnews.parse.blocks import Block, html_blocks, html_document_title

P1 = "今年全省小麦开镰收割，预计总产量与去年持平，农机手们日夜作业。"
P2 = "据省农业农村厅介绍，今年夏粮播种面积稳定，单产略有提高，丰收在望。"
P3 = "有关负责人表示，下一步将加强技术指导，做好烘干仓储，确保颗粒归仓。"
MENU = "".join(f'<li><a href="/c{i}">频道{i}</a></li>' for i in range(12))
RELATED = "".join(
    f'<li><a href="/n{i}">相关新闻标题第{i}条：某地召开会议部署工作</a></li>' for i in range(12)
)


def page(body: str, title: str = "小麦开镰收割") -> str:
    return (
        f"<html><head><title>{title}_示例新闻网</title></head><body>"
        f'<div class="content"><ul>{MENU}</ul></div>{body}'
        '<div class="main-article">版权所有，示例新闻网。未经授权，不得转载。</div></body></html>'
    )


def body_of(html: str) -> list[str]:
    (article,) = parse_document(html, "page.html").articles
    return article.body_paragraphs


def test_story_found_by_density_even_when_class_names_lie():
    html = page(
        f'<div class="sidebar"><h1>小麦开镰收割</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>'
        f'<div class="article-body"><ul>{RELATED}</ul></div>'
    )
    doc = parse_document(html, "page.html")
    (article,) = doc.articles
    assert article.title == "小麦开镰收割"
    assert article.body_paragraphs == [P1, P2, P3]
    everything = " ".join(p.text for p in article.paragraphs)
    assert (
        "频道" not in everything and "相关新闻" not in everything and "版权所有" not in everything
    )


def test_prose_far_below_the_story_is_not_body():
    """A comment policy (prose) after a long related list: the story ended at the list."""
    policy = "".join(
        f"<p>请遵守留言规则第{i}条，发言涉及攻击、侮辱、影射等内容的，本网站将会删除并封锁帐号。</p>"
        for i in range(6)
    )
    html = page(f"<h1>小麦开镰收割</h1><p>{P1}</p><ul>{RELATED}</ul>{policy}")
    assert body_of(html) == [P1]


def test_site_footer_outside_the_story_container_is_cut_credit_kept():
    footer = (
        "<div><p>示例日报报业集团 版权所有，未经许可不得转载；举报电话：0000-1234567。</p></div>"
    )
    story = "".join(f"<p>{p}</p>" for p in (P1, P2, P3, P1[::-1], P2[::-1]))
    html = (
        "<html><head><title>小麦开镰收割</title></head><body><div><h1>小麦开镰收割</h1>"
        f"<div>{story}<p>责任编辑：孙小红</p></div></div>{footer}"
        "</body></html>"
    )
    blocks = html_blocks(html, main_content=True)
    texts = [b.text for b in blocks]
    assert texts[:4] == ["小麦开镰收割", P1, P2, P3]
    assert "责任编辑：孙小红" in texts  # credits stay for the byline/editor parser
    assert not any("版权所有" in t for t in texts)


def test_link_list_inside_the_story_is_dropped():
    related = "".join(f'<p><a href="/r{i}">延伸阅读：另一篇报道的标题{i}</a></p>' for i in range(4))
    html = page(f"<h1>小麦开镰收割</h1><p>{P1}</p>{related}<p>{P2}</p><p>{P3}</p>")
    assert body_of(html) == [P1, P2, P3]


def test_font_size_widgets_are_not_text():
    widgets = (
        '<div>字號：<a href="#">大</a><a href="#">中</a><a href="#">小</a></div>'
        '<div><span>T</span><a href="#">+</a><a href="#">-</a></div>'
        '<div><span class="title">字級設定：</span><a>小</a><a>中</a><a>大</a><a>特</a></div>'
    )
    html = page(f"<h1>小麦开镰收割</h1>{widgets}<p>{P1}</p><p>{P2}</p>")
    assert body_of(html) == [P1, P2]
    for text in ("T+-", "T + -", "字号：大中小", "字級設定：小中大特"):
        assert content.widget_reason(text.replace(" ", "")) == "font_size"
    assert content.widget_reason("中大") is None  # 中大 is also a university


def test_report_link_glued_to_the_publisher_line():
    html = page(
        '<h1>小麦开镰收割</h1><div>2023-06-01 10:00 来源：新京报<a href="/jubao">举报</a></div>'
        f"<p>{P1}</p><p>{P2}</p>"
    )
    (article,) = parse_document(html, "page.html").articles
    assert article.publisher == "新京报"
    assert "举报" not in " ".join(article.body_paragraphs)


def test_player_strings_and_comment_counts_are_not_text():
    furniture = (
        "<div>Video Player is loading. Play Video Mute Current Time 0:00 Duration 0:00</div>"
        "<div>v6.0.1</div><div>跟贴 1,234 | 参与 5678</div><div>评论(3)</div>"
    )
    html = page(f"<h1>小麦开镰收割</h1>{furniture}<p>{P1}</p><p>{P2}</p>")
    assert body_of(html) == [P1, P2]
    assert content.widget_reason("3条评论") == "comment_count"
    assert content.widget_reason("发表评论") is None


def test_hidden_copies_are_skipped_but_a_hidden_only_story_is_read():
    hidden_copy = f'<div style="display: none"><p>{P1}</p><p>{P2}</p></div>'
    html = page(f"<h1>小麦开镰收割</h1><p>{P1}</p><p>{P2}</p>{hidden_copy}")
    assert body_of(html) == [P1, P2]
    only_hidden = page(f"<h1>小麦开镰收割</h1><div hidden><p>{P1}</p><p>{P2}</p></div>")
    assert body_of(only_hidden) == [P1, P2]


def test_noscript_holding_the_story_is_read():
    html = page(f"<h1>小麦开镰收割</h1><p>{P1}</p><noscript><p>{P2}</p><p>{P3}</p></noscript>")
    assert body_of(html) == [P1, P2, P3]
    tracking = page(f'<h1>小麦开镰收割</h1><p>{P1}</p><noscript><img src="t.gif"></noscript>')
    assert body_of(tracking) == [P1]


def test_picture_boxes_by_size_not_by_class_name():
    # `jsTopicTheme` contains "pic"; the box holds the whole story, so it is no figure
    html = page(f'<div class="jsTopicTheme"><h1>小麦开镰收割</h1><p>{P1}</p><p>{P2}</p></div>')
    assert body_of(html) == [P1, P2]
    photo = '<div class="photo"><img src="a.jpg"><p>图为农机手在田间作业。</p></div>'
    html = page(f"<h1>小麦开镰收割</h1>{photo}<p>{P1}</p><p>{P2}</p>")
    (article,) = parse_document(html, "page.html").articles
    assert [p.text for p in article.paragraphs if p.kind == "caption"] == ["图为农机手在田间作业。"]


def test_headline_without_heading_tag_and_its_deck():
    html = page(
        '<div class="t">小麦开镰收割</div><div>全省夏粮丰收在望</div>'
        f"<div>2023-06-01 10:00 来源：示例日报</div><p>{P1}</p><p>{P2}</p>"
    )
    (article,) = parse_document(html, "page.html").articles
    assert article.title == "小麦开镰收割"
    assert article.summary == "全省夏粮丰收在望" and article.body_paragraphs == [P1, P2]


def test_share_bar_glued_to_the_date_line():
    share = "".join(
        f'<a href="/s{i}">{name}</a>' for i, name in enumerate(["豆瓣", "微博", "微信"])
    )
    html = page(f"<h1>小麦开镰收割</h1><div>2023年6月1日 10:00 {share}</div><p>{P1}</p><p>{P2}</p>")
    (article,) = parse_document(html, "page.html").articles
    assert article.body_paragraphs == [P1, P2]
    assert article.published_at is not None and article.published_at.day == 1


def test_densest_run_and_block_weights():
    assert content.densest_run([-5, 10, -2, 10, -30, 8]) == (1, 4)
    assert content.densest_run([-1, -2]) is None
    assert content.block_weight("text", P1, 0) > 0
    assert content.block_weight("text", "首页 新闻 体育", 10) < 0  # links
    assert content.block_weight("text", "编号：滇B-2-4", 0) < 0  # a label is not prose
    blocks = [Block("text", t) for t in ("导航", P1, P2)]
    assert [b.text for b in content.select_main(blocks, None)] == [P1, P2]


def test_headline_printed_on_two_lines_or_with_a_dash_subtitle():
    two_lines = (
        "<html><head><title>延续税收优惠政策助企纾困预计4年减负180亿元_某某政府门户网站</title></head>"
        f"<body><h2>延续税收优惠政策助企纾困</h2><h2>预计4年减负180亿元</h2><p>{P1}</p><p>{P2}</p>"
        "</body></html>"
    )
    (article,) = parse_document(two_lines, "page.html").articles
    assert article.title == "延续税收优惠政策助企纾困 预计4年减负180亿元"
    dash = (
        "<html><head><title>凝聚强大智慧和力量——热烈祝贺会议开幕_某某市人民政府网</title></head>"
        f"<body><div>凝聚强大智慧和力量</div><div>——热烈祝贺会议开幕</div><p>{P1}</p><p>{P2}</p>"
        "</body></html>"
    )
    (article,) = parse_document(dash, "page.html").articles
    assert article.title == "凝聚强大智慧和力量" and article.subtitle == "——热烈祝贺会议开幕"
    kicker = (
        "<html><head><title>17种产品入选国家绿色制造名单</title></head><body>"
        f"<div>15家企业</div><h3>17种产品入选国家绿色制造名单</h3><p>{P1}</p><p>{P2}</p>"
        "</body></html>"
    )
    (article,) = parse_document(kicker, "page.html").articles
    assert article.title == "17种产品入选国家绿色制造名单"


def test_headline_without_title_evidence_and_site_suffixes():
    site_only = page(
        '<div><a href="/">首页</a>>><a href="/p">人物聚焦</a></div>'
        f"<div>李简——新外科运动向我们走来</div><p>{P1}</p><p>{P2}</p>",
        title="北医新闻网",
    )
    (article,) = parse_document(site_only, "page.html").articles
    assert article.title == "李简——新外科运动向我们走来"
    assert article.body_paragraphs == [P1, P2]
    assert html_document_title("<title>武汉的声音：有英勇的你！-新华网</title>") == (
        "武汉的声音：有英勇的你！"
    )
    assert html_document_title("<title>COVID-19疫苗接种指南</title>") == "COVID-19疫苗接种指南"


def test_toolbars_search_links_and_social_links_glued_to_text():
    toolbar = (
        '<div>页面功能 【<a href="/c">我来说两句</a>】【<a href="/e">我要纠错</a>】'
        '【<a href="/r">推荐</a>】</div>'
    )
    search = (
        '<div>南方网讯 新专辑再拿好莱坞（<a href="/i">图片</a>-<a href="/n">新闻</a>-'
        '<a href="/w">网页</a>）巨星开涮</div>'
    )
    social = (
        f'<p>谷歌<a href="/weibo">(微博)</a>在2014年收购了一家公司。{P1}</p>'
        f'<p>腾讯(<a href="/t">微博</a>)表示，{P2}</p>'
    )
    html = page(f"<h1>小麦开镰收割</h1>{toolbar}{social}<p>{P2}</p>{search}<p>{P3}</p>")
    (article,) = parse_document(html, "page.html").articles
    texts = [p.text for p in article.paragraphs]
    assert texts[0] == f"谷歌在2014年收购了一家公司。{P1}"
    assert texts[1] == f"腾讯表示，{P2}"
    assert "南方网讯 新专辑再拿好莱坞巨星开涮" in texts
    assert not any("页面功能" in t or "我来说两句" in t for t in texts)


def captions(article) -> list[str]:
    return [p.text for p in article.paragraphs if p.kind == "caption"]


def test_captions_by_evidence_not_by_position():
    # small text under a picture, shorter than the paragraphs: its caption
    small = "农机手在田间作业。"
    html = page(
        f'<h1>小麦开镰收割</h1><p>{P1}</p><img src="a.jpg"><div><small>{small}</small></div>'
        f"<p>{P2}</p><p>{P3}</p>"
    )
    (article,) = parse_document(html, "page.html").articles
    assert captions(article) == [small] and article.body_paragraphs == [P1, P2, P3]
    # a short paragraph after an advert's picture, printed like the others: text
    short = "习近平宣布下届峰会在深圳举办。"
    html = page(
        f'<h1>小麦开镰收割</h1><p>{P1}</p><div><a href="/ad"><img src="ad.jpg"></a></div>'
        f"<p>{short}</p><p>{P2}</p><p>{P3}</p>"
    )
    assert body_of(html) == [P1, short, P2, P3]
    # items of a list printed one per line, a picture among them: text
    items = "".join(f"<p>“{w}”</p>" for w in ("在飞机上睡觉", "投资银行家"))
    html = page(
        f'<h1>小麦开镰收割</h1><p>{P1}</p>{items}<p><img src="b.jpg"></p><p>“及时享乐”</p>'
        f"<p>“真人秀”</p><p>{P2}</p><p>{P3}</p>"
    )
    (article,) = parse_document(html, "page.html").articles
    assert not captions(article) and "“及时享乐”" in " ".join(p.text for p in article.paragraphs)
    # an icon inline at a paragraph's start: the paragraph stays text
    html = page(
        f'<h1>小麦开镰收割</h1><p>{P1}</p><p><img src="icon.png">{short}</p><p>{P2}</p><p>{P3}</p>'
    )
    assert body_of(html) == [P1, short, P2, P3]


def test_caption_in_the_pictures_box_with_a_credit_or_before_the_lead():
    # the picture and the line alone in one element (a one-picture table)
    box = '<table><tr><td><img src="a.jpg"></td></tr><tr><td><p>郭荣梅指挥乐团练习</p></td></tr></table>'
    html = page(f"<h1>小麦开镰收割</h1><p>{P1}</p>{box}<p>{P2}</p><p>{P3}</p>")
    (article,) = parse_document(html, "page.html").articles
    assert captions(article) == ["郭荣梅指挥乐团练习"] and article.body_paragraphs == [P1, P2, P3]
    # a picture credit at its end, whatever its length
    credited = "台南市永康分局報請台南地檢署檢察官相驗，認定死者係屬自殺行為。（圖／翻攝畫面）"
    html = page(f'<h1>小麦开镰收割</h1><p>{P1}</p><img src="a.jpg"><p>{credited}</p><p>{P2}</p>')
    (article,) = parse_document(html, "page.html").articles
    assert captions(article) == [credited]
    # a line between the picture and the story's run-in lead: the story starts at the lead
    cover = "新专辑封面上有她各种各样的表情，她说整张专辑的概念就像这个名字一样，希望听众觉得新鲜、开心。"
    html = page(
        f'<h1>小麦开镰收割</h1><img src="a.jpg"><p>{cover}</p><p>南方网讯 {P1}</p>'
        f"<p>{P2}</p><p>{P3}</p>"
    )
    (article,) = parse_document(html, "page.html").articles
    assert captions(article) == [cover] and article.body_paragraphs[0] == f"南方网讯 {P1}"


def test_credit_lines_near_the_story_reach_the_byline_parsers():
    # below the text, past lines that are not text (原标题, a gallery label)
    foot = "<p>原标题：小麦熟了</p><p>作者︱春春</p><p>图集</p><p>责任编辑：焦鹏</p>"
    html = page(
        f'<h1>小麦开镰收割</h1><div class="t"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>'
        f"<div>{foot}</div>"
    )
    (article,) = parse_document(html, "page.html").articles
    assert [a.name for a in article.authors] == ["春春"] and article.editor == "焦鹏"
    assert article.body_paragraphs == [P1, P2, P3]
    # a closing name credit right under the text, in the page's own box
    html = page(f'<h1>小麦开镰收割</h1><div class="t"><p>{P1}</p><p>{P2}</p></div><p>（袁源）</p>')
    (article,) = parse_document(html, "page.html").articles
    assert [a.name for a in article.authors] == ["袁源"] and article.body_paragraphs == [P1, P2]
    # an editor credit glued to a link back to the portal
    html = page(
        f"<h1>小麦开镰收割</h1><p>{P1}</p><p>{P2}</p>"
        '<p>【编辑:刘欢】 <a href="/">返回搜狐，查看更多</a></p>'
    )
    (article,) = parse_document(html, "page.html").articles
    assert article.editor == "刘欢" and "返回" not in " ".join(article.body_paragraphs)


def test_byline_box_above_the_text():
    # a pen name over its timestamp in one box (no known surname needed there)
    post = (
        "---\ntitle: 小麦开镰收割\n---\n"
        f'<div><i>德正<br>2025-11-23T13:08:54.823Z</i></div><img src="a.jpg"><p>{P1}</p><p>{P2}</p>\n'
    )
    (article,) = parse_document(post, "2025-11-24-dw.html").articles
    assert [a.name for a in article.authors] == ["德正"] and article.body_paragraphs == [P1, P2]
    # a Latin name printed over the date line; a scraper's `null` before a name
    post = (
        "---\ntitle: 小麦开镰收割\n---\n"
        f"<address>KEITH BRADSHER</address><time>2025年11月4日</time><section><p>{P1}</p>"
        f"<p>{P2}</p></section>\n"
    )
    (article,) = parse_document(post, "2025-11-04-nyt.html").articles
    assert [a.name for a in article.authors] == ["KEITH BRADSHER"]
    post = (
        "---\ntitle: 小麦开镰收割\n---\n"
        f"<div><i>null 周依恩<br>2025-11-03T08:17:41.714Z</i></div><p>{P1}</p><p>{P2}</p>\n"
    )
    (article,) = parse_document(post, "2025-11-03-dw.html").articles
    assert [a.name for a in article.authors] == ["周依恩"]
    # an author box that also holds the share buttons keeps its name; name + timestamp
    box = (
        '<div class="author-share"><div class="author"><span class="name">谢若含</span>'
        '<span class="date">2017-03-01 14:27:02</span></div>'
        '<div class="share"><a href="/wx">微信</a><a href="/wb">微博</a></div></div>'
    )
    html = page(f"<h1>小麦开镰收割</h1>{box}<p>{P1}</p><p>{P2}</p>")
    (article,) = parse_document(html, "page.html").articles
    assert [a.name for a in article.authors] == ["谢若含"] and article.body_paragraphs == [P1, P2]


def test_source_field_holding_a_person_and_a_labelled_source_link():
    html = page(f"<h1>小麦开镰收割</h1><p>{P1}</p><p>{P2}</p><p>来源: 尹娟</p>")
    (article,) = parse_document(html, "page.html").articles
    assert [a.name for a in article.authors] == ["尹娟"] and article.publisher is None
    # `来源：<logo><a>中国日报网</a>`: the icon does not break the line, the link is its value
    html = page(
        '<h1>小麦开镰收割</h1><div>来源： <a href="/"><img src="logo.png"></a>'
        f'<a href="/cd">中国日报网</a></div><div>分享</div><p>{P1}</p><p>{P2}</p>'
    )
    (article,) = parse_document(html, "page.html").articles
    assert article.publisher == "中国日报网" and article.body_paragraphs == [P1, P2]


def test_css_line_breaks_and_digits_that_meet_across_elements():
    # `<span style="display:block">` breaks the line: the credit ends its paragraph
    html = page(
        f'<h1>小麦开镰收割</h1><p>{P1}<span style="display:block;height:1em;"></span>'
        f'{P2}（王煌忠／台中報導）<span style="display:block;height:1em;"></span>'
        "<strong>《蘋果》關心你</strong><br>自殺解決不了問題，卻留給家人無比悲痛。請珍惜生命。</p>"
    )
    (article,) = parse_document(html, "page.html").articles
    assert [a.name for a in article.authors] == ["王煌忠"] and article.body_paragraphs == [P1, P2]
    # `<span>15:31</span><span>2018/09/16</span>` is a timestamp, not `15:312018/09/16`
    (block,) = html_blocks("<p><span>15:31</span><span>2018/09/16</span></p>")
    assert block.text == "15:31 2018/09/16"
    (block,) = html_blocks("<p>增长<b>1</b>2%</p>")
    assert block.text == "增长12%"  # a number styled in parts stays one number
    assert content.widget_reason("小字号") == "font_size"
    assert content.widget_reason("分享到微信") == "control"


def test_post_body_lead_above_a_list_and_captions_under_a_credit_line():
    # a post body holds one story: the lead above a `阅读更多` list inside it is text
    links = "".join(
        f'<li><a href="/n{i}">相关新闻标题第{i}条：某地召开会议部署工作</a></li>' for i in range(4)
    )
    post = (
        "---\ntitle: 小麦开镰收割\n---\n"
        f"<ul><li>对阵双方：印度vs南非</li></ul><p>{P1}</p><p>{P2}</p>"
        f"<section><h2>阅读更多</h2><ul>{links}</ul></section>"
        + "".join(f"<p>{P3}</p><p>{P2}{P1}</p>" for _ in range(3))
        + "\n"
    )
    (article,) = parse_document(post, "2025-11-01-aj.html").articles
    body = " ".join(article.body_paragraphs)
    assert "对阵双方" in body and body.startswith("对阵双方") and P3 in article.body_paragraphs
    assert "相关新闻" not in body and "阅读更多" not in body
    # `<img><p>图像来源，Getty Images<br>caption</p>`: the caption under the picture's credit,
    # also for the lead picture above the byline box
    cap = "世界各地的公司都在将人工智慧添加到他们现有的聊天机器人中"
    lead = "我们很多人都抱怨拨打客服中心电话，但如果使用人工智慧来处理，情况会不会有所改善呢？"
    post = (
        "---\ntitle: 小麦开镰收割\n---\n"
        f'<div><img src="a.jpg"><p>图像来源，Getty Images<br>{lead}</p></div>'
        f'<div><p>{P1}</p></div><div><p>{P2}</p></div><div><img src="b.jpg">'
        f"<p>图像来源，Getty Images<br>{cap}</p></div><div><p>{P3}</p></div>\n"
    )
    (article,) = parse_document(post, "2025-11-03-bbc.html").articles
    assert article.body_paragraphs == [P1, P2, P3]
    assert cap in captions(article) and lead in captions(article)
    # a news agency's picture credit in Chinese ends a caption
    credited = "澳大利亚选手阿莉莎·希利与队友阿什·加德纳在比赛失利后握手致意 (盖帝图像)"
    html = page(f'<h1>小麦开镰收割</h1><p>{P1}</p><img src="a.jpg"><p>{credited}</p><p>{P2}</p>')
    (article,) = parse_document(html, "page.html").articles
    assert captions(article) == [credited]
