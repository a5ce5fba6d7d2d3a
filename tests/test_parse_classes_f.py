"""Failure classes (f): captions, widget debris, teasers and serial notices, listings, meta
lines, and block boundaries (headline + deck, bracket headlines, indented lines).

Every input is made up and small; each test names the class it guards, never a site.
"""

from zhnews.parse import parse_document
from zhnews.parse.blocks import Block, html_blocks, markdown_blocks, picture_credit_end
from zhnews.parse.content import listing_lines
from zhnews.parse.debris import debris_reason

P1 = "本报讯 今天上午，某市举行了一场盛大的庆祝活动，数千名市民参加，现场气氛十分热烈。"
P2 = "活动期间，组织方还准备了多项文艺表演，受到市民欢迎，大家纷纷拍照留念，场面非常热闹。"
P3 = "据了解，这项活动已经连续举办了十年，每年都吸引大量游客前来参观，带动了当地经济发展。"


def _page(body: str, title: str = "某市举行庆祝活动") -> str:
    return (
        f"<html><head><title>{title}_某某网</title></head><body>"
        f"<article><h1>{title}</h1><p>2024-05-01 10:00 记者 王明</p>{body}</article>"
        "</body></html>"
    )


def _body(html: str) -> list[str]:
    (article,) = parse_document(html, "page.html").articles
    return article.body_paragraphs


# --- class 1: captions that are not body -------------------------------------------------


def test_caption_class_is_a_caption_even_when_the_picture_is_a_placeholder():
    html = _page(
        f"<p>{P1}</p>"
        '<div class="lazy"><div class="placeholder"></div>'
        '<span class="img-caption">市民在广场上合影留念，场面温馨。</span></div>'
        f"<p>{P2}</p><p>{P3}</p>"
    )
    body = _body(html)
    assert body == [P1, P2, P3]


def test_picture_with_utility_class_is_still_a_picture():
    # `top-0` is a layout utility, not a page top bar: the <img> stays and its caption with it
    html = _page(
        f"<p>{P1}</p>"
        '<div><img class="block top-0 left-0" src="a.jpg" alt="">'
        "<span>活动现场人山人海（影片截圖）</span></div>"
        f"<p>{P2}</p><p>{P3}</p>"
    )
    assert _body(html) == [P1, P2, P3]


def test_short_line_under_a_picture_ending_with_a_credit_is_a_caption():
    for credit in (
        "市民参加活动。某某学院供图",
        "市民参加活动。（小紅書圖片）",
        "市民参加活动。（微博@某某人）",
        "市民参加活动。（IG圖片）",
        "市民参加活动。图/新华社",
        "市民参加活动。新华社记者 才扬 摄",
    ):
        html = _page(f"<p>{P1}</p><p><img src='a.jpg'></p><p>{credit}</p><p>{P2}</p><p>{P3}</p>")
        assert _body(html) == [P1, P2, P3], credit


def test_markdown_line_under_an_image_ending_with_a_credit_is_a_caption():
    blocks = markdown_blocks(f"{P1}\n\n![](a.jpg)\n市民参加活动。（影片截圖）\n\n{P2}\n")
    caption = [b for b in blocks if b.text.startswith("市民")][0]
    assert caption.in_figure and caption.caption_style
    prose = [b for b in blocks if b.text == P2][0]
    assert not prose.in_figure


def test_credit_shaped_endings_that_are_prose_are_not_credits():
    assert not picture_credit_end("他们正在拍摄")
    assert not picture_credit_end("我们今天很开心。")
    # without a picture above it, a credited line is left alone
    blocks = markdown_blocks(f"{P1}\n\n市民参加活动。（影片截圖）\n")
    assert not any(b.in_figure for b in blocks)


# --- class 6: blocks ------------------------------------------------------------------------


def test_bracket_headline_line_ends_the_paragraph_above():
    text = (
        "　　○本埠城北一帶近日新開茶館數處每至晚間客座常滿\n[挑浚河道]  \n　　○城南河道久未疏浚\n"
    )
    blocks = markdown_blocks(text)
    assert [b.text for b in blocks] == [
        "○本埠城北一帶近日新開茶館數處每至晚間客座常滿",
        "[挑浚河道]",
        "○城南河道久未疏浚",
    ]
    glued = markdown_blocks("某段文字沒有結束的地方\n[新書出售] [ 某某書局告白]\n")
    assert [b.text for b in glued] == ["某段文字沒有結束的地方", "[新書出售] [ 某某書局告白]"]


def test_markdown_block_records_an_indented_first_line():
    blocks = markdown_blocks("　　第一段開頭縮進\n\n不縮進的一段\n\n  兩個空格也算\n")
    assert [b.indented for b in blocks] == [True, False, True]


def test_headline_and_deck_in_one_h1_keep_both_lines():
    html = (
        "<html><head><title>某某网</title></head><body>"
        "<h1>某市举行庆祝活动<br><br>千人参加节日游园</h1>"
        f"<div><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></body></html>"
    )
    heads = [b.text for b in html_blocks(html, main_content=True, whole_page=True)][:2]
    assert heads == ["某市举行庆祝活动", "千人参加节日游园"]
    (article,) = parse_document(html, "page.html").articles
    assert article.title == "某市举行庆祝活动"
    assert article.summary == "千人参加节日游园"
    assert "千人参加节日游园" not in article.body_paragraphs


# --- class 2: widget debris -----------------------------------------------------------------


def test_reaction_bar_and_gallery_widgets_are_debris():
    for line in ("讚好", "搶先表達", "+4", "▼某區火災．現場▼"):
        assert debris_reason(line) is not None, line
    for line in ("6", "2024", "1"):  # a number alone may be a section number: kept by itself
        assert debris_reason(line) is None, line


def test_count_after_a_reaction_label_goes_and_section_numbers_stay():
    html = _page(
        f"<p>{P1}</p><div><div>讚好</div><div>6</div></div>"
        f"<p>{P2}</p><p>1</p><p>{P3}</p><div>▼某區火災．現場▼</div><div>+4</div>"
    )
    body = _body(html)
    assert "6" not in body and "+4" not in body and not any("▼" in p for p in body)
    assert P1 in body and P2 in body and P3 in body


# --- class 3: teasers, trailers and serial notices -----------------------------------------


def test_paywall_teaser_and_more_coverage_lines_are_debris():
    assert debris_reason("此文限时免费阅读。感谢热心读者订阅某某通，成为某某通会员，畅读某某网！")
    assert debris_reason("更多报道详见：【专题】某某事件全纪录（实时更新中）")
    assert debris_reason("更多報導詳見：某某專題")
    assert debris_reason("更多的人表示，他们详见过此事。") is None


def test_serial_notices_are_debris():
    for line in ("此稿未完", "（未完）", "（待續）", "未完待續", "(待续)"):
        assert debris_reason(line) == "serial_notice", line
    assert debris_reason("此事未完待續，各方仍在協商，結果尚難預料。") is None


def test_markdown_story_ending_with_a_teaser_keeps_its_text_only():
    text = (
        "---\ntitle: 某市举行庆祝活动\ndate: 2024-05-01\n---\n\n"
        f"{P1}\n\n{P2}\n\n此文限时免费阅读。感谢热心读者订阅[某某通](http://x.cn)，成为会员，畅读某某网！\n\n"
        "更多报道详见：[【专题】某某活动全纪录](http://x.cn/t)\n"
    )
    (article,) = parse_document(text, "post.md").articles
    assert article.body_paragraphs == [P1, P2]


# --- class 5: meta lines of pipe-separated cells --------------------------------------------


def test_pipe_separated_label_value_cells_are_a_meta_line():
    assert debris_reason("某某网 |发布: 2021-1-29 13:18|点击: 313|来自: 互联网") == "meta_line"
    assert debris_reason("来源：某某日报 | 浏览：1024 | 时间：2024-05-01") == "meta_line"
    assert debris_reason("作者：王明 ｜ 来源：某某日报") is None  # credits: the byline parser's
    assert debris_reason("他说：发布会很成功|大家都满意") is None  # one cell: a sentence


def test_meta_line_is_not_the_first_paragraph():
    html = _page(
        f"<p>某某网 |发布: 2024-5-1 10:00|点击: 313|来自: 互联网</p><p>{P1}</p><p>{P2}</p>"
    )
    assert _body(html) == [P1, P2]


# --- class 4: listings inside content -------------------------------------------------------


def test_three_label_and_timestamp_lines_are_a_listing():
    entries = "".join(
        f"<div><img src='{i}.jpg'><p>图集{i}</p><p>强图打榜 2024-05-2{i} 09:4{i}:17</p></div>"
        for i in range(3)
    )
    html = _page(f"<p>{P1}</p><p>{P2}</p><p>{P3}</p>{entries}")
    body = _body(html)
    assert not any("强图打榜" in p for p in body)
    assert body[:3] == [P1, P2, P3]


def test_one_label_and_timestamp_line_is_left_alone():
    blocks = [Block("text", P1), Block("text", "某某快訊／王小明 2020年03月12日 20:19:00")]
    assert listing_lines(blocks, 0, 2) == set()
    two_labels = [
        Block("text", f"{label} 2024-05-23 09:41:17") for label in ("甲榜", "乙榜", "丙榜")
    ]
    assert listing_lines(two_labels, 0, 3) == set()
    same = [Block("text", f"强图打榜 2024-05-2{i} 09:41:17") for i in range(3)]
    assert listing_lines(same, 0, 3) == {0, 1, 2}
