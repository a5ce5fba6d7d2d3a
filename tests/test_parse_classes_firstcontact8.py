"""Failure classes found on the eighth first-contact batch (two Hexo posts of a feed bot, four
mainland portals' article pages, outlets new to the project, scored blind:
`bench/extraction/firstcontact-2026-12-07c.md`). Inputs are small synthetic documents written
for these tests, not the documents.

1. A row of bracketed credit cells under the text (`[来源： 四川新闻网 ]　[作者：龙艳]　[编辑：颜祝俊]`),
   also below related-links boxes, is the byline and the editor, not text.
2. A credit with a contact glued after it (`编辑： 徐叶青纠错：171964650@qq.com`, the address a
   link) is the credit; a story's page links (`[1] [2] 下一页 尾页`) between the text and it
   do not end the search.
3. A run-in byline opens the first plain paragraph even under bold lines (a print headline
   deck set as bold lines over the text).
4. A repost's provenance line that names the writer (`本文来自微信公众号“X”，作者：秀珍，…经授权
   发布。`) names the writer; the line is not text.
5. A line closed by a picture agency's credit (`…交谈。 视觉中国`) or naming a file picture
   (`特朗普与马斯克资料图`) is a caption.
"""

from __future__ import annotations

import pytest
from synthetic import STORY, only_article, page, text_of, writers
from zhnews.parse.bylines import parse_byline_line, parse_provenance_writer

_HEADLINE = "小伙身份证改性别遇难题 鉴定证明成关键"


def _related(n: int) -> str:
    return "".join(
        f"<li><a href='/n/{n}{i}.html'>另一则相关新闻标题第{i}条</a></li>" for i in range(3)
    )


def test_bracketed_credit_cells_under_related_boxes_are_the_credits():
    foot = (
        f"<p>相关链接：</p><ul>{_related(1)}</ul><p>相关链接：</p><ul>{_related(2)}</ul>"
        "<p>[来源： 四川新闻网　]　[作者：龙艳]　[编辑：颜祝俊]</p>"
    )
    article = only_article(
        page(f"<title>{_HEADLINE}</title>", f"<h1>{_HEADLINE}</h1>{STORY}{foot}")
    )
    assert writers(article) == ["龙艳"]
    assert article.editor == "颜祝俊"
    assert not any("来源" in t or "龙艳" in t for t in text_of(article))


@pytest.mark.parametrize(
    ("line", "editor"),
    [
        ("编辑： 徐叶青纠错：171964650@qq.com", "徐叶青"),
        ("编辑：张三 报料电话：0574-12345678", "张三"),
    ],
)
def test_a_credit_with_a_contact_glued_after_it_is_the_credit(line, editor):
    byline = parse_byline_line(line)
    assert byline is not None and byline.editor == editor


def test_an_editor_credit_with_a_linked_contact_below_the_page_links_is_found():
    foot = (
        "<p><a href='?p=1'>[1]</a> <a href='?p=2'>[2]</a> <a href='?p=3'>[3]</a> "
        "<a href='?p=2'>下一页</a> <a href='?p=3'>尾页</a></p>"
        "<p class='right'><b>编辑：</b> 徐叶青<span>纠错：<a href='mailto:171964650@qq.com'>"
        "171964650@qq.com</a></span></p>"
    )
    article = only_article(
        page(f"<title>{_HEADLINE}</title>", f"<h1>{_HEADLINE}</h1>{STORY}{foot}")
    )
    assert article.editor == "徐叶青"


def test_a_run_in_byline_under_a_bold_headline_deck_is_cut():
    deck = "".join(
        f"<p><b>{line}</b></p>"
        for line in ("潼南小伙变性成功，昨日拆线", "七旬老太认下做孙女", "主刀博士将为其取名")
    )
    lead = "<p>中国宁波网讯 (记者唐国利)经过12天术后休养，手术圆满成功，昨日伤口已拆线。</p>"
    article = only_article(
        page(f"<title>{_HEADLINE}</title>", f"<h1>{_HEADLINE}</h1>{deck}{lead}{STORY}")
    )
    assert writers(article) == ["唐国利"]
    assert any(t.startswith("经过12天术后休养") for t in text_of(article))


def test_a_repost_notice_names_its_writer():
    line = "本文来自微信公众号“驼鹿新消费”（ID:tuolu360），作者：秀珍，36氪经授权发布。"
    byline = parse_provenance_writer(line)
    assert byline is not None and [a.name for a in byline.authors] == ["秀珍"]
    assert parse_provenance_writer("本文来自新华社，经授权发布。") is None
    article = only_article(
        page(f"<title>{_HEADLINE}</title>", f"<h1>{_HEADLINE}</h1>{STORY}<p>{line}</p>")
    )
    assert writers(article) == ["秀珍"]
    assert not any("经授权" in t for t in text_of(article))


@pytest.mark.parametrize(
    "caption",
    [
        "当地时间2020年5月30日，美国肯尼迪航天中心，两人在发射前交谈。 视觉中国",
        "特朗普与马斯克资料图",
    ],
)
def test_agency_credited_and_file_picture_lines_are_captions(caption):
    body = f"<h1>{_HEADLINE}</h1>{STORY}<p style='text-align:center'> </p><p>{caption}</p>{STORY}"
    article = only_article(page(f"<title>{_HEADLINE}</title>", body))
    assert caption not in text_of(article)
