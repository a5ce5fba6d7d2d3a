"""Field failure classes found on new dev-set pages: bylines, editors, debris, glued text.

Every input is made up and small; each test names the class it guards, never a site.
"""

from zhnews.parse import content, debris, parse_document
from zhnews.parse.bylines import (
    credits_in_meta,
    parse_byline_line,
    parse_credit_line,
    split_run_in,
    split_trailing_credit,
)

P1 = "今年全省小麦开镰收割，预计总产量与去年持平，农机手们日夜作业，确保颗粒归仓。"
P2 = "据省农业农村厅介绍，今年夏粮播种面积稳定，单产略有提高，各地丰收在望。"
P3 = "有关负责人表示，下一步将加强技术指导，做好烘干仓储，保障粮食安全。"


def names(byline):
    return [a.name for a in byline.authors]


# ---------------------------------------------------------------------------------------
# Editors: 责任编辑 outranks 编辑 and 选稿; an editor is never an author


def test_responsible_editor_wins_over_plain_editor_on_one_line():
    byline = parse_credit_line("编辑：李四责任编辑：王五")
    assert byline.editor == "王五"
    assert byline.authors == []


def test_selection_editor_is_an_editor_credit():
    byline = parse_credit_line("选稿：赵六")
    assert byline.kind == "editor" and byline.editor == "赵六"


def test_meta_line_fields_glued_together_are_read_one_by_one():
    byline = credits_in_meta("2024-05-13 12:03:10 作者：张三来源:示例网选稿：赵六")
    assert names(byline) == ["张三"]
    assert byline.editor == "赵六"


def test_meta_author_field_holding_the_editor_is_not_an_author():
    byline = credits_in_meta("2020-07-04 12:10 作者：王五 责任编辑：王五")
    assert byline.authors == [] and byline.editor == "王五"


def test_name_after_the_source_in_a_meta_line_is_the_writer():
    assert names(credits_in_meta("2023-06-15 08:10 来源：示例新闻网 王帆")) == ["王帆"]
    assert names(credits_in_meta("2023-06-15 08:10 来源：示例新闻网王帆")) == ["王帆"]
    assert credits_in_meta("2024-05-12 17:19 来源：示例网") is None
    assert credits_in_meta("2024-05-12 17:19 来源：示例日报客户端") is None


# ---------------------------------------------------------------------------------------
# Bylines


def test_wen_with_vertical_bar_and_a_column_before_the_role():
    byline = parse_credit_line("文丨某某栏目特约评论员 韩涵")
    assert names(byline) == ["韩涵"]
    assert names(parse_credit_line("文丨张三")) == ["张三"]


def test_glued_names_with_roles_still_split_into_people():
    assert names(parse_credit_line("记者王五通讯员赵六")) == ["王五", "赵六"]


def test_unbracketed_run_in_byline_with_filing_day():
    byline, rest = split_run_in("示例网记者张三5月13日报道：今年的旅游日活动将在周末举行。")
    assert names(byline) == ["张三"]
    assert rest == "今年的旅游日活动将在周末举行。"
    assert split_run_in("记者获悉5月13日报道：今年的活动将在周末举行。") is None


def test_desk_slash_name_byline_with_timestamp():
    byline = parse_byline_line("示例快訊／范姜佳鈺 2020年03月12日 20:19:00")
    assert names(byline) == ["范姜佳鈺"]
    assert names(parse_byline_line("政治中心／王小明")) == ["王小明"]
    assert parse_byline_line("圖／翻攝畫面") is None


def test_closing_credit_with_name_run_into_affiliation():
    byline = parse_credit_line("(作者：方敏北京大学经济学院教授)")
    assert byline.kind == "closing" and names(byline) == ["方敏"]
    assert names(parse_credit_line("（作者：欧阳明中国社会科学院研究员）")) == ["欧阳明"]


def test_closing_credit_whose_name_cannot_be_told_from_the_unit_names_nobody():
    byline = parse_credit_line("（作者：方敏某某大学经济学院教授）")
    assert byline is not None and byline.authors == []


def test_trailing_bio_credit_glued_to_the_last_paragraph_is_cut():
    text, byline = split_trailing_credit("评价才是基本尺度。（作者韩涵系某某智库研究员）")
    assert text == "评价才是基本尺度。"
    assert names(byline) == ["韩涵"]


def test_timestamp_and_source_line_is_a_source_credit_not_text():
    for line, source in (
        ("2024-05-20 14:33·新华社", "新华社"),
        ("本文来源于国家统计局 2024-05-11 09:36:26", "国家统计局"),
        ("2022-06-02 09:52:19某某号 来自北京市", "某某号"),
    ):
        byline = parse_byline_line(line)
        assert byline.kind == "source" and byline.credit == source and byline.authors == []
    assert parse_byline_line("2024-05-20 14:33 今天天气很好") is None


# ---------------------------------------------------------------------------------------
# Debris


def test_marked_caption_lines_are_not_text():
    assert debris.debris_reason("◎ 图：《某某》微博截图") == "caption"
    assert debris.debris_reason("◎ 专家认为，减肥应该循序渐进。/图：123rf") == "caption"
    assert debris.debris_reason("◎ 电影《某某》截图") == "caption"
    assert debris.debris_reason("◎ 张三 李四") is None  # a box byline, read by the bylines


def test_first_published_note_is_not_text():
    assert debris.debris_reason("本文首发于某某深呼吸公众号（abcd39）") == "disclaimer"


def test_a_contact_number_in_a_listing_is_text_but_a_hotline_notice_is_not():
    assert debris.debris_reason("游客咨询电话：58792888") is None
    assert debris.debris_reason("安心专线：1925") == "public_notice"


def test_popular_links_box_header_is_a_related_header():
    assert debris.related_header("【熱門點閱】") == ""
    assert debris.related_header("【热门点阅】") == ""


def test_wire_header_line_with_headline_is_not_text():
    assert (
        debris.debris_reason("新华社北京5月9日电 题：积极因素不断增多 动能增强") == "wire_headline"
    )
    assert debris.debris_reason("新华社北京5月9日电 记者从会上获悉，题：很多。") is None


def test_separator_left_alone_on_a_line_is_not_text():
    assert debris.debris_reason("|") == "ornament"
    assert debris.debris_reason("｜ /") == "ornament"


# ---------------------------------------------------------------------------------------
# Main content: lead notes, lead boxes, credits in blockquotes, links after the last sentence


def html_page(body: str, title: str = "小麦开镰收割") -> str:
    return (
        f"<html><head><title>{title}_示例新闻网</title></head><body>"
        f"<h1>{title}</h1>{body}</body></html>"
    )


def only_article(html: str):
    (article,) = parse_document(html, "page.html").articles
    return article


def test_editors_note_and_abstract_before_the_text_are_the_summary_not_body():
    note = "编者按：为深入学习宣传有关精神，本网推出系列理论文章，敬请关注。"
    abstract = "内容摘要：扩大内需既是满足人民需要的必然要求，也是主动选择。"
    article = only_article(html_page(f"<p>{note}</p><p>{abstract}</p><p>{P1}</p><p>{P2}</p>"))
    assert article.body_paragraphs == [P1, P2]
    assert note in article.summary and abstract in article.summary


def test_editors_note_later_in_the_text_stays_body():
    late = "编者按：以下为读者来信的全文，本网略有删节，以便读者阅读。"
    article = only_article(html_page(f"<p>{P1}</p><p>{late}</p><p>{P2}</p>"))
    assert late in article.body_paragraphs


def test_summary_box_repeating_one_paragraph_keeps_the_paragraph_in_place():
    html = html_page(
        f'<div class="box"><p>{P3}</p></div><div class="text">'
        f"<p>{P1}</p><p>一、背景</p><p>{P3}</p><p>{P2}</p></div>"
    )
    body = only_article(html).body_paragraphs
    assert body.index(P3) > body.index(P1)
    assert body.count(P3) == 1


def test_body_printed_twice_keeps_its_first_copy():
    copy = f"<p>{P1}</p><p>{P2}</p><p>{P3}</p>"
    body = only_article(html_page(f"<div>{copy}</div><div>{copy}</div>")).body_paragraphs
    assert body == [P1, P2, P3]


def test_byline_printed_as_a_blockquote_is_read_as_a_byline():
    byline = "<blockquote>文丨某某栏目特约评论员 韩涵</blockquote>"
    article = only_article(html_page(f"{byline}<p>{P1}</p><p>{P2}</p>"))
    assert [a.name for a in article.authors] == ["韩涵"]
    assert article.body_paragraphs == [P1, P2]
    assert not article.summary


def test_bracketed_link_after_the_last_sentence_is_not_text():
    parts = ["应该要更为自律、谨慎才是。（", "某队二度延赛至4月11日", "）"]
    assert (
        "".join(content.drop_trailing_story_link(parts, [0, 1, 0])) == "应该要更为自律、谨慎才是。"
    )
    inline = ["据", "某某网", "报道，今天下雨（", "多云", "）"]
    assert content.drop_trailing_story_link(inline, [0, 1, 0, 2, 0]) == inline


def test_bracketed_link_to_another_story_is_cut_from_a_page_paragraph():
    html = html_page(
        f'<p>{P1}</p><p>{P3}</p><p>{P2}（<a href="/n/2">某队二度延赛至4月11日</a>）</p>'
    )
    assert only_article(html).body_paragraphs == [P1, P3, P2]


# ---------------------------------------------------------------------------------------
# Paragraph boundaries in HTML (for the assembler's column-break rule)


def test_sibling_paragraph_elements_are_separate_paragraphs():
    # `<div><p>成人票原价：279元</p><p>备注：…</p></div>`: a list line, then the next line
    assert not content.paragraph_continues("成人票原价：279元", (1, 2, 3), (1, 2, 4))
    assert not content.paragraph_continues("态势向好，外贸基本面继续改善", (1, 2, 5), (1, 2, 6))


def test_paragraph_cut_mid_clause_goes_on_in_the_next_element():
    assert content.paragraph_continues("8个月4轮谈判2004年9月，", (1, 2, 3), (1, 2, 4))


def test_paragraph_interrupted_inside_its_element_goes_on():
    # `<p>获得了5<table>…</table>00万元…</p>`: the same element, or its text after the
    # parser closed the `<p>` at the table (the tail sits in the enclosing element)
    assert content.paragraph_continues("意外地获得了5", (1, 2, 3), (1, 2, 3))
    assert content.paragraph_continues("意外地获得了5", (1, 2, 3), (1, 2))


def test_without_element_paths_the_column_break_rule_stands():
    assert content.paragraph_continues("第一栏的文字在这里断开", (), ())
