"""Assembler failure classes: paragraph glue across HTML elements, editors among authors,
label + heading subheads, link text a dropped social link leaves behind.

Every input is made up and small; each test names the class it guards, never a site.
"""

from zhnews.parse import parse_document
from zhnews.parse.blocks import html_blocks

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
# Column breaks: HTML sibling elements are separate paragraphs unless cut mid-clause


def test_sibling_elements_not_ending_a_sentence_stay_separate_paragraphs():
    lead = "7月份，全省居民消费价格同比上涨0.3%"  # a lead line printed without a full stop
    body = only_article(html_page(f"<p>{P1}</p><p>{lead}</p><p>{P2}</p>")).body_paragraphs
    assert body == [P1, lead, P2]


def test_sibling_element_cut_mid_clause_is_joined_to_the_next():
    left, right = "据省农业农村厅介绍，", "今年夏粮播种面积稳定，各地丰收在望。"
    body = only_article(html_page(f"<p>{P1}</p><p>{left}</p><p>{right}</p>")).body_paragraphs
    assert body == [P1, left + right]


def test_paragraph_interrupted_inside_its_element_is_joined():
    # a picture printed inside the `<p>` cuts its text in two
    html = html_page(
        f'<p>{P1}</p><p>据统计，全省农机合作社今年意外地获得了一大笔<img src="ad.gif">'
        f"补贴资金，用于农机购置。</p><p>{P2}</p>"
    )
    body = only_article(html).body_paragraphs
    assert body == [P1, "据统计，全省农机合作社今年意外地获得了一大笔补贴资金，用于农机购置。", P2]


def test_markdown_column_break_is_still_joined():
    left, right = "据统计，第一栏的文字在这里断开", "接着在第二栏继续写完。"
    text = f"# 小麦开镰收割\n\n{P1}\n\n{left}\n\n{right}\n\n{P2}\n"
    body = only_article(text, "post.md").body_paragraphs
    assert body == [P1, left + right, P2]


# ---------------------------------------------------------------------------------------
# Editors: never authors, even when credited on different lines


def test_editor_credited_on_another_line_is_not_an_author():
    html = html_page(
        f"<p>作者：王五 李四</p><p>{P1}</p><p>{P2}</p><p>{P3}</p><p>责任编辑：王五</p>"
    )
    article = only_article(html)
    assert article.editor == "王五"
    assert [a.name for a in article.authors] == ["李四"]


# ---------------------------------------------------------------------------------------
# Subheads: a label and its heading on separate lines stay two paragraphs


def test_label_and_heading_on_separate_lines_are_two_subheads():
    html = html_page(f"<p>{P1}</p><p>方案1</p><p>产权投资安全最重要</p><p>{P2}</p><p>{P3}</p>")
    paragraphs = [(p.kind, p.text) for p in only_article(html).paragraphs]
    assert paragraphs == [
        ("body", P1),
        ("subhead", "方案1"),
        ("subhead", "产权投资安全最重要"),
        ("body", P2),
        ("body", P3),
    ]


def test_heading_wrapped_inside_one_element_is_one_subhead():
    html = html_page(f"<p>{P1}</p><p>方案1<br>产权投资安全最重要</p><p>{P2}</p><p>{P3}</p>")
    paragraphs = [(p.kind, p.text) for p in only_article(html).paragraphs]
    assert ("subhead", "方案1 产权投资安全最重要") in paragraphs


# ---------------------------------------------------------------------------------------
# Link density: a dropped social link is no longer link text


def test_dropped_bracketed_social_link_leaves_no_link_chars():
    html = html_page(f'<p>据谷歌(<a href="/weibo">微博</a>)消息，{P1}</p>')
    (block,) = [b for b in html_blocks(html, main_content=True) if b.kind == "text"]
    assert "微博" not in block.text
    assert block.link_chars == 0


def test_heading_with_a_deck_wrapped_over_three_lines_is_one_subhead():
    lines = ["一个“有生态”的园区", "推动“产业生态”", "和“自然生态”共赢发展"]
    html = html_page(f"<p>{P1}</p>{''.join(f'<p>{x}</p>' for x in lines)}<p>{P2}</p><p>{P3}</p>")
    paragraphs = [(p.kind, p.text) for p in only_article(html).paragraphs]
    assert ("subhead", " ".join(lines)) in paragraphs


def test_short_lines_with_punctuation_are_each_a_subhead():
    lines = ["出国前后关注点大不同", "出国前：政治科目会出啥考题？", "出国后：国家将如何发展？"]
    html = html_page(
        f"<p>{P1}</p>{''.join(f'<p><b>{x}</b></p>' for x in lines)}<p>{P2}</p><p>{P3}</p>"
    )
    subheads = [p.text for p in only_article(html).paragraphs if p.kind == "subhead"]
    assert subheads == lines
