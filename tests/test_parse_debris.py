"""Issue 12, classes 1, 6 and 7: scraper debris, blockquotes, archive page headers.

Documents are written here in the shapes met in scraped posts and archives (Citizen News
Markdown backups, DW/CNA aggregator posts, People's Daily 1946 items); none is copied.
"""

from zhnews.parse import parse_document
from zhnews.parse.debris import debris_reason, is_disclaimer, page_header, related_header


def body_text(article):
    return "\n".join(p.text for p in article.paragraphs if p.kind in ("body", "subhead"))


SCRAPED_POST = """---
layout: post
title: "北京将新建十所学校"
date: 2019-09-07 10:00:00 +0800
author: "記者林勵"
---

[北京将新建十所学校](https://news.example.com/2019/09/07/123.html)
------------------------------------------------------------------

北京市教委9月7日宣布，今年将新建十所学校，新增学位一万个。

在責任編輯美知留的协助下，剧中主角完成了小说。这部电影说，合约 null and void 也无妨。

#北京 #教育

延伸閱讀

[另一条新闻的标题](https://news.example.com/1)

[第三条新闻的标题](https://news.example.com/2)

版权声明：本文版权归本网所有，未经授权不得转载。

本文仅代表作者观点，不代表本站立场。

null

责任编辑：张三

北京将新建十所学校

---

請加入成為本網的月費訂戶，長期支持我們的工作。

月費訂戶 [網址：example.com/subscribe](/subscribe)

---

![博客 | 林勵](https://example.com/avatar.png)

**博客 | 林勵**

【林勵・教育觀察】前教師，寫教育與城市。
"""


def test_scraper_debris_is_not_body_and_editor_is_not_an_author():
    doc = parse_document(SCRAPED_POST, "2019-09-07-schools.md")
    (article,) = doc.articles
    text = body_text(article)
    assert article.title == "北京将新建十所学校"
    assert article.body_paragraphs[0].startswith("北京市教委9月7日宣布")
    for debris in (
        "example.com",
        "------",
        "#北京",
        "延伸閱讀",
        "另一条新闻的标题",
        "版权声明",
        "本文仅代表",
        "责任编辑",
        "請加入成為",
        "月費訂戶",
        "前教師",
    ):
        assert debris not in text, debris
    assert "\nnull" not in text and not text.startswith("null")
    assert text.count("北京将新建十所学校") == 0  # title link at the top, repeated at the end
    # Traps: a film character's job and an English legal phrase are text.
    assert "在責任編輯美知留的协助下" in text and "null and void" in text
    assert article.editor == "张三"
    assert [a.name for a in article.authors] == ["林勵"]


def test_related_header_mid_article_takes_only_its_list():
    doc = parse_document(
        "---\ntitle: 王毅访日\n---\n\n第一段正文，王毅表示双方应加强合作。\n\n"
        "相关阅读：高市早苗言论为何触怒中国？\n\n"
        "这引发了两国之间的外交争端，并蔓延至贸易和旅游领域。\n\n"
        "相關報導指出，兩國關係近來有所緩和，雙方都釋出善意。\n",
        "post.md",
    )
    text = body_text(doc.articles[0])
    assert "高市早苗" not in text and "这引发了两国之间的外交争端" in text
    assert "相關報導指出" in text  # 相關報導 inside a sentence is text


def test_debris_lines_by_shape():
    for line in ("null", "None", "#台灣 #選舉", "#话题#", "{{< video src=x >}}", "（完）"):
        assert debris_reason(line), line
    assert is_disclaimer("免责声明：本文来自网络，如有侵权请联系删除。")
    assert is_disclaimer("© 2025 德国之声 版权所有")
    assert not is_disclaimer("他说，未经授权不得转载他的作品，这是侵权。")
    assert debris_reason("DW中文有Instagram！欢迎搜寻dw.chinese，看更多图文报道。") == "promo"
    assert debris_reason("该视频在微博引发网友关注。") is None
    assert debris_reason("請同意我們的隱私權規範，才能啟用聽新聞的功能。") == "widget"
    assert debris_reason("他不同意公开隐私信息。") is None
    assert debris_reason("自殺解決不了問題，請珍惜生命。") == "public_notice"
    assert debris_reason("你们应该珍惜生命。但两位年轻人的誓言，不是我能说服的。") is None
    assert related_header("推荐阅读") == "" and related_header("相关新闻显示，事情") is None


def test_closing_credits_and_end_marks_leave_the_last_paragraph():
    html = (
        "<html><body><article><h1>標題</h1>"
        "<p>（中央社記者張淑伶上海28日電）今天有多名日本藝人在中國的演出臨時取消。</p>"
        "<p>中國外交部發言人毛寧並未回答明確時間。（編輯：楊昇儒）1141128</p>"
        "</article></body></html>"
    )
    (article,) = parse_document(html, "cna.html").articles
    assert article.editor == "楊昇儒" and [a.name for a in article.authors] == ["張淑伶"]
    assert article.body_paragraphs[-1] == "中國外交部發言人毛寧並未回答明確時間。"
    assert "1141128" not in body_text(article)


# Class 6 ------------------------------------------------------------------------------


def test_blockquote_markers_never_reach_the_title_and_a_lead_quote_is_the_summary():
    post = (
        "---\ntitle: '> 央行降准0.5个百分点'\n---\n\n"
        "> 央行决定下调金融机构存款准备金率。\n\n"
        "央行今天宣布，决定于12月15日下调金融机构存款准备金率0.5个百分点。\n\n"
        "> 此次降准释放长期资金约1.2万亿元。\n\n"
        "分析人士认为，此举有助于稳定市场预期。\n"
    )
    (article,) = parse_document(post, "2021-12-06-rrr.md").articles
    assert article.title == "央行降准0.5个百分点"
    assert article.summary == "央行决定下调金融机构存款准备金率。"
    # a quoted passage later in the text is body, without its marker
    assert "此次降准释放长期资金约1.2万亿元。" in article.body_paragraphs
    assert all(not p.startswith(">") for p in article.body_paragraphs)


# Class 7 ------------------------------------------------------------------------------

ARCHIVE_ITEM = """### 人间地狱——永年城
方德
1946-05-18
第2版()
专栏：

　　人间地狱——永年城
    方德
    北平华北日报五月五日发表一篇通讯，把盘踞永年城的汉奸们的话说出来欺骗人民。
    从今年二月开始，国民党的运输机就输送粮食接济城里的伪军了。
"""


def test_archive_page_header_is_metadata_not_the_first_paragraph():
    doc = parse_document(ARCHIVE_ITEM, "1946-05-18-yongnian.md")
    (article,) = doc.articles
    assert article.title == "人间地狱——永年城"
    assert [a.name for a in article.authors] == ["方德"]
    assert article.body_paragraphs[0].startswith("北平华北日报五月五日")
    text = body_text(article)
    assert "第2版" not in text and "专栏" not in text and "方德" not in text
    assert page_header("第4版()") == "4" and page_header("第1版(要闻)") == "1 要闻"
    assert page_header("A01版：要闻") == "A01 要闻" and page_header("第三版的内容很丰富。") is None


def test_post_body_kind_markdown_with_figures_or_html_with_text_runs():
    markdown = (
        "---\ntitle: 慢電視\n---\n\n# 慢電視\n\n<figure>\n<img src='a.jpg' alt=''>\n"
        "<figcaption>節目截圖。</figcaption>\n</figure>\n\n第一段正文，挪威人愛看慢電視。\n"
    )
    doc = parse_document(markdown, "post.md")
    assert doc.format == "jekyll-markdown"
    assert doc.articles[0].body_paragraphs == ["第一段正文，挪威人愛看慢電視。"]
    html = (
        "---\ntitle: 韩空军计划泡汤\n---\n\n<div id='articleBody'>\n"
        "<!-- <audio src='x'></audio> -->\n据悉，韩国空军飞机加油的计划告吹。<br /><br />\n"
        "日本政府人士透露：“领土问题不能让步。”\n</div>\n"
    )
    doc = parse_document(html, "post.html")
    assert doc.format == "jekyll-html"
    assert "<" not in " ".join(doc.articles[0].body_paragraphs)


def test_related_list_takes_links_only_where_links_are_marked():
    html = (
        "<html><body><article><h1>安理会磋商加沙决议</h1>"
        "<p>美国和多个国家呼吁安理会加快通过决议草案，并表示共同支持该草案。</p>"
        "<p>阅读更多</p><ul><li><a href='/1'>特朗普谈委内瑞拉</a></li>"
        "<li><a href='/2'>加沙停火协议的第二阶段</a></li></ul>"
        "<p>保留意见与磋商</p>"
        "<p>几天前，埃及外交部长表示，一些国家对美国的提议有所保留。</p>"
        "<blockquote>在 Instagram 查看這則貼文</blockquote>"
        "</article></body></html>"
    )
    (article,) = parse_document(html, "aj.html").articles
    text = body_text(article)
    assert "阅读更多" not in text and "特朗普谈委内瑞拉" not in text
    assert "保留意见与磋商" in text and "Instagram" not in text


def test_page_metadata_lines_are_not_paragraphs():
    html = (
        "<html><body><article><h1>土豆不土</h1>"
        "<p>更新时间 2012年12月10日, 格林尼治标准时间10:41</p>"
        "<p>2022-02-13 09:57 光明网</p>"
        "<p>土豆，听名字就“土”得掉渣。可这几天，在宁夏西吉县，记者却看到了另外一番景致。</p>"
        "<p>《光明日报》（ 2022年02月13日 02版）</p>"
        "</article></body></html>"
    )
    (article,) = parse_document(html, "gmw.html").articles
    assert article.body_paragraphs == [
        "土豆，听名字就“土”得掉渣。可这几天，在宁夏西吉县，记者却看到了另外一番景致。"
    ]


def test_widget_leftovers_promos_and_notice_headings_are_debris():
    assert debris_reason("· · ·") == "ornament" and debris_reason("·······") == "ornament"
    assert debris_reason("……") is None  # an ellipsis closing a list is printed text
    assert debris_reason("喜欢这篇文章？去 App 商店搜 好奇心日报 ，每天看点不一样的。") == "promo"
    assert debris_reason("《蘋果》關心你") == "public_notice"
    assert debris_reason("透過 Google News追蹤中央社") == "promo"
    assert debris_reason("End of") == "widget" and related_header("热读") == ""
    assert debris_reason("记者关心你的近况，他说。") is None


def test_label_printed_one_character_per_line_is_one_line():
    letters = "".join(f"<tr><td>{c}</td></tr>" for c in "今日推荐")
    links = "".join(
        f'<li><a href="/n{i}">明星：盘点范冰冰与众女星大撞衫{i}</a></li>' for i in range(4)
    )
    html = (
        "<html><head><title>薛凯琪新专辑_雅虎</title></head><body><h1>薛凯琪新专辑</h1>"
        f"<table>{letters}</table><ul>{links}</ul>"
        "<p>南方网讯 薛凯琪在香港乐坛去年的众多新人中突围而出，拿下大部分新人奖。</p>"
        "<p>上周五，她在香港推出她的第二张专辑，并于近日由天凯唱片引进内地。</p></body></html>"
    )
    (article,) = parse_document(html, "yahoo.html").articles
    assert article.body_paragraphs[0].startswith("南方网讯 ")
    assert "今日推荐" not in body_text(article)


def test_site_and_name_beside_a_timestamp_and_lone_datelines_are_not_paragraphs():
    html = (
        "<html><body><article><h1>土豆不土</h1>"
        "<p>AUTO.SOHU.COM 2005年05月13日14:15</p>"
        "<p>http://www.sina.net 2005年03月21日 11:21 《理财周刊》</p>"
        "<p>2023/2/21 21:20（2/21 22:08 更新）</p>"
        "<p>TNW中文站 10月14日报道</p>"
        "<p>土豆，听名字就“土”得掉渣。可这几天，在宁夏西吉县，记者却看到了另外一番景致。</p>"
        "</article></body></html>"
    )
    (article,) = parse_document(html, "sohu.html").articles
    assert article.body_paragraphs == [
        "土豆，听名字就“土”得掉渣。可这几天，在宁夏西吉县，记者却看到了另外一番景致。"
    ]
    assert article.publisher == "理财周刊"
