"""Failure classes of issue 12 (round v: where the text starts and ends), seen on dev-set
documents (tqxz, bynr, m1905, dahe, nownews); each test is a small synthetic document written
for the class, with made-up names and text."""

from __future__ import annotations

from synthetic import PARAGRAPH, STORY, page, text_of
from zhnews.parse import content, parse_document
from zhnews.parse.blocks import Block


def test_a_headline_repeated_below_the_lead_paragraph_is_a_subhead_not_an_echo() -> None:
    lead = (
        "近来不少读者来信询问高温补贴怎么申领，对于各地标准不一的情况也有很多疑问。"
        "高温补贴怎么申领？下面来看下具体的办法介绍。"
    )
    doc = page(
        "<title>-某某知识网</title>",
        "<h1>高温补贴怎么申领</h1><p>时间：2022-07-01 08:00:00</p>"
        f"<div><p>{lead}</p><p><strong>高温补贴怎么申领</strong></p>{STORY}</div>",
    )
    article = parse_document(doc, "page.html").articles[0]
    body = text_of(article)
    assert article.title == "高温补贴怎么申领"
    assert body[0] == lead  # the lead is not taken for the echo
    assert body[1] == "高温补贴怎么申领"
    # the echo right under the headline is still dropped
    doc = page(
        "<title>-某某知识网</title>",
        f"<h1>高温补贴怎么申领</h1><div><p><strong>高温补贴怎么申领</strong></p>{STORY}</div>",
    )
    assert text_of(parse_document(doc, "page.html").articles[0])[0].startswith("第1段")


def test_a_short_closing_sentence_in_the_texts_own_element_ends_the_text() -> None:
    paragraphs = "".join(f"<div>　　{PARAGRAPH.format(i=i)[3:-4]}</div>" for i in range(1, 5))
    doc = page(
        "<title>热烈祝贺大会开幕</title>",
        f"<h1>热烈祝贺大会开幕</h1><div class='text'><div>{paragraphs}预祝大会圆满成功！</div></div>"
        "<div class='foot'><p>来源：某某日报 编辑：王五</p></div>",
    )
    article = parse_document(doc, "page.html").articles[0]
    body = text_of(article)
    assert body[-1] == "预祝大会圆满成功！"
    assert len(body) == 5
    # a short line outside the text's element, or a linked one, is not taken
    doc = page(
        "<title>热烈祝贺大会开幕</title>",
        f"<h1>热烈祝贺大会开幕</h1><div class='text'><div>{paragraphs}</div></div>"
        "<div class='box'><p><a href='/x'>欢迎订阅本报！</a></p></div>",
    )
    assert text_of(parse_document(doc, "page.html").articles[0])[-1].startswith("第4段")


def test_a_heading_that_repeats_the_picture_alt_above_it_is_a_caption() -> None:
    doc = page(
        "<title>古城新貌</title>",
        "<h1>古城新貌</h1><div class='pic'><img src='a.jpg' alt='古城的夜景。'></div>"
        f"<h3 class='img_desc'>古城的夜景。</h3>{STORY}",
    )
    article = parse_document(doc, "page.html").articles[0]
    assert "古城的夜景。" not in text_of(article)
    assert text_of(article)[0].startswith("第1段")
    # a subhead that names no picture stays
    doc = page(
        "<title>古城新貌</title>",
        "<h1>古城新貌</h1><div class='pic'><img src='a.jpg' alt='古城的夜景。'></div>"
        f"<h3>夜游路线</h3>{STORY}",
    )
    assert "夜游路线" in text_of(parse_document(doc, "page.html").articles[0])


def test_a_deck_row_in_the_headlines_table_is_no_body_even_with_a_comma() -> None:
    deck = "从教三十年的她带着孩子们一路前行，在比赛中拿下好成绩"
    doc = page(
        "<title>她带着孩子们一路前行--某某网</title>",
        "<div class='tit'><h1><table><tr><td></td></tr>"
        "<tr><td align=center>她带着孩子们一路前行</td></tr>"
        f"<tr><td align=center>{deck}</td></tr></table></h1></div>"
        f"<div class='text'>{STORY}</div>",
    )
    article = parse_document(doc, "page.html").articles[0]
    assert article.title == "她带着孩子们一路前行"
    assert deck not in text_of(article)
    assert text_of(article)[0].startswith("第1段")
    # a row of a table that holds the text too is the text's, not the headline's box
    blocks = [
        Block("text", "她带着孩子们一路前行", dom_path=(1, 2, 3, 4)),
        Block("text", deck, dom_path=(1, 2, 5, 6)),
        Block("text", PARAGRAPH.format(i=1)[3:-4], dom_path=(1, 2, 7, 8)),
    ]
    weights = [-3.0, 20.0, 60.0]
    assert not content._headline_box_deck(blocks, weights, 1, 0, 3)
    blocks[2].dom_path = (1, 9, 10)
    assert content._headline_box_deck(blocks, weights, 1, 0, 3)


def test_a_heading_holding_a_fold_toggle_is_a_players_title_bar_not_a_subhead() -> None:
    bar = "《城市访谈》第三期今晚八点播出"
    doc = page(
        "<title>城市访谈今晚播出</title>",
        "<h1>城市访谈今晚播出</h1><p>时间：2024.05.20 来源：某某网</p>"
        f"<div class='player'><h4><span>{bar}</span><a href='#'>收起</a></h4>"
        "<div><video></video></div></div>" + STORY,
    )
    article = parse_document(doc, "page.html").articles[0]
    assert bar not in text_of(article)
    assert text_of(article)[0].startswith("第1段")
    # a subhead without a toggle stays
    doc = page(
        "<title>城市访谈今晚播出</title>",
        f"<h1>城市访谈今晚播出</h1>{STORY}<h4>{bar}</h4>"
        + "".join(PARAGRAPH.format(i=i) for i in range(5, 8)),
    )
    assert bar in text_of(parse_document(doc, "page.html").articles[0])
