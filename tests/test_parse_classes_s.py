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
