"""Failure classes of issue 12 (round r: main-content selection, `content` and `blocks`),
seen on dev-set documents; each test is a small synthetic page written for the class, with
made-up names and text."""

from __future__ import annotations

from zhnews.parse import parse_document

P1 = "今年全省小麦开镰收割，预计总产量与去年持平，农机手们日夜作业，确保颗粒归仓。"
P2 = "据省农业农村厅介绍，今年夏粮播种面积稳定，单产略有提高，丰收在望，农民喜笑颜开。"
P3 = "有关负责人表示，下一步将加强技术指导，做好烘干仓储，确保夏粮丰收到手、安全入库。"
MENU = "".join(f'<li><a href="/c{i}">频道{i}</a></li>' for i in range(8))


def _article(html: str, name: str = "page.html"):
    (article,) = parse_document(html, name).articles
    return article


def test_a_form_wrapping_the_whole_page_is_not_chrome_and_a_site_title_yields() -> None:
    # ASP.NET pages wrap everything in <form id="form1">; the text is a <div> split by
    # <br>, no <p>. The <title> names the site only and is printed above the site menu:
    # the plain line right above the text is the headline.
    html = (
        "<html><head><title>示例廣播資訊網</title></head><body>"
        '<form method="post" action="view.aspx" id="form1">'
        "<div>示例廣播資訊網</div>"
        f"<ul>{MENU}</ul>"
        '<div class="tt">夏糧開鐮 豐收在望</div>'
        '<div class="date">2014/06/11 18:58 報導</div>'
        f"<div>{P1}<br/><br/>{P2}<br/><br/>{P3}</div>"
        "</form></body></html>"
    )
    article = _article(html)
    assert article.title == "夏糧開鐮 豐收在望"
    assert article.body_paragraphs == [P1, P2, P3]
    # a search form stays chrome
    small = (
        "<html><head><title>夏糧開鐮 豐收在望</title></head><body>"
        '<form id="search"><div>搜索：请输入关键词，然后点击按钮进行站内搜索，谢谢您的使用。</div></form>'
        f"<h1>夏糧開鐮 豐收在望</h1><div>{P1}<br/><br/>{P2}<br/><br/>{P3}</div></body></html>"
    )
    assert "搜索" not in " ".join(_article(small).body_paragraphs)
