"""Failure classes found on the twenty-third first-contact batch (scored blind:
`bench/extraction/firstcontact-2026-12-07r.md`).

1. A row of a posted and a modified stamp under the labels of Korean papers' Chinese editions
   (`登录 : 2022-10-21 11:56  修改 : 2022-10-21 01:37`) dates the story by the posted one and
   is no paragraph (hani); a lone `修改时间：` stamp still dates nothing.
2. A closing credit that prints the role after the name (`崔敏英 记者`) names the writer
   (hani); words that say which reporters (`全体 记者`) name nobody.
3. An outlet's short name printed before each role word of a byline (`每经记者 林姿辰 每经编辑
   张海妮`, `新京报记者 X 新京报编辑 Y`) is no one's name (nbd).
4. A cover picture's credit (`封面图片来源：视觉中国-VCG…`) is a caption, not text (nbd).
5. A slash credit naming the outlet before the writers (`报道/越南画报 草薇`), and writers
   joined by an ampersand (`草薇 & 何芳`), is read (vnanet).
6. A picture box that has its own caption element holds its caption there: a sentence or a
   credit left loose in the box by unclosed markup is text or a credit, not a second caption
   (vnanet); in a box without a caption element, the loose line stays the caption.
"""

from __future__ import annotations

import pytest
from synthetic import STORY, only_article, page, text_of, writers
from zhnews.parse.bylines import parse_byline_line

HEAD = "<title>防暑补贴全部发放到位</title>"
H1 = "<h1>防暑补贴全部发放到位</h1>"


def test_a_posted_and_modified_stamp_row_dates_the_story_by_the_posted_stamp():
    row = "<div class='headline-data'> 登录 : 2022-10-21 11:56  修改 : 2022-10-23 01:37 </div>"
    article = only_article(page(HEAD, f"{H1}{row}{STORY}"))
    assert article.published_at.strftime("%Y-%m-%d %H:%M") == "2022-10-21 11:56"
    assert text_of(article)[0].startswith("第1段")


def test_a_modified_stamp_alone_dates_nothing():
    row = "<div>修改时间：2022-10-23 01:37</div>"
    assert only_article(page(HEAD, f"{H1}{row}{STORY}")).published_at is None


def test_a_closing_name_then_role_credit_names_the_writer():
    article = only_article(page(HEAD, f"{H1}{STORY}<p>崔敏英 记者</p>"))
    assert writers(article) == ["崔敏英"]
    assert text_of(article)[-1].startswith("第4段")


@pytest.mark.parametrize("line", ["全体 记者", "首尔 记者"])
def test_which_reporters_or_where_before_the_role_names_nobody(line):
    byline = parse_byline_line(line)
    assert byline is None or not byline.authors


@pytest.mark.parametrize("outlet", ["每经", "新京报"])
def test_an_outlet_before_every_role_word_is_no_name(outlet):
    byline = parse_byline_line(f"{outlet}记者 林姿辰 {outlet}编辑 张海妮")
    assert [a.name for a in byline.authors] == ["林姿辰"]
    assert byline.editor == "张海妮"


def test_a_cover_picture_credit_is_no_paragraph():
    credit = "<p style='font-size:small;'>封面图片来源：视觉中国-VCG41N1205289345</p>"
    article = only_article(page(HEAD, f"{H1}{STORY}{credit}"))
    assert not any("封面图片" in t for t in text_of(article))


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("报道/越南画报 草薇 & 何芳", ["草薇", "何芳"]),
        ("报道/越南画报 草薇", ["草薇"]),
        ("文/草薇 & 何芳", ["草薇", "何芳"]),
    ],
)
def test_a_slash_credit_with_an_outlet_or_an_ampersand(line, names):
    assert [a.name for a in parse_byline_line(line).authors] == names


PICTURE = (
    "<div class='lr-pic lr-pic-full'><a href='/p/1.jpg'><img src='/p/1.jpg'></a>"
    "<div class='lr-caption'>岘港市为外国人进行大规模新冠病毒检测。本报记者 清和 摄</div></div>"
)
LOOSE = "胡志明国家政治学院的前院长高德泰博士指出，这证明越南人民体现了仁爱之心和胸怀广阔的精神。"


def test_a_sentence_loose_in_a_picture_box_with_its_own_caption_element_is_text():
    # the page's unclosed <div> leaves a sentence of the text inside the picture's box
    box = f"<div class='lr-pic lr-pic-content'>{PICTURE}{LOOSE}</div>"
    article = only_article(page(HEAD, f"{H1}<div>{STORY}{box}</div>"))
    texts = text_of(article)
    assert LOOSE in texts
    assert not any("清和" in t for t in texts)


def test_a_credit_in_a_picture_box_with_its_own_caption_element_names_the_writers():
    credit = "<p><strong>报道/越南画报 &nbsp;草薇 &amp; 何芳</strong></p>"
    box = f"<div class='lr-pic lr-pic-content'>{PICTURE}{credit}</div>"
    article = only_article(page(HEAD, f"{H1}<div>{STORY}{box}</div>"))
    assert writers(article) == ["草薇", "何芳"]


def test_a_caption_in_a_picture_box_without_a_caption_element_stays_a_caption():
    box = "<div class='pic'><img src='/p/1.jpg'>岘港市为外国人进行大规模新冠病毒检测。本报记者 清和 摄</div>"
    article = only_article(page(HEAD, f"{H1}<div>{STORY}{box}</div>"))
    assert not any("清和" in t for t in text_of(article))
