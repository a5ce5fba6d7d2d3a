"""Failure classes found on the twenty-eighth first-contact batch (scored blind:
`bench/extraction/firstcontact-2026-12-07w.md`).

1. An <h1> the page names as its headline (og:title prints it whole) with the title found
   printed right under it: the title found is the deck, the <h1> the headline, when the
   <title> is the site's slogan (infobae).
2. Spanish and French byline labels (`Por Juan Perez`, `Par X`) are no names, nor is
   the save button printed beside the byline (`Guardar`, `Share`) (infobae).
3. An open board's standing notice (`「社運公佈欄」是一個開放的平台，內容不代表苦勞網立場。…`) is a
   disclaimer, not the lead (coolloud).
4. A list the text leads into (`出席團體名單（依報名順序）：` over 46 group names) down to the end
   of the text's element is the text's also when every line sits in a box of its own (苦勞網's
   `<div class="nodeinner"><p>…</p></div>`) and the list runs long (coolloud; the rule of
   `test_parse_classes_open.py` for sibling lines); lines with no lead-in (a production's
   credits, `label：value` lines, headerless names) are still left to the run's end.
5. A paragraph closing the text that says the lead again and more (the lead picture's caption,
   `<center><img><div>lead。more。</div>`) is that caption: the lead stays the text's first
   paragraph (sydneytoday; the dev set's sinoca page of the same photo story too).
"""

from __future__ import annotations

import pytest
from synthetic import PARAGRAPH, STORY, only_article, page, text_of
from zhnews.parse import debris
from zhnews.parse.bylines import strict_names

HEAD = "<title>防暑补贴全部发放到位</title>"
H1 = "<h1>防暑补贴全部发放到位</h1>"
LINES = [PARAGRAPH.format(i=i)[3:-4] for i in range(1, 5)]
HEADLINE = "防暑补贴全部发放到位"
DECK = "本市各用人单位本月底前须足额发放高温津贴"


@pytest.mark.parametrize(("og", "title"), [(HEADLINE, HEADLINE), ("市民新闻", DECK)])
def test_the_h1_the_page_names_is_the_headline_over_its_deck(og, title):
    head = f"<title>我们做新闻 - 市民新闻</title><meta property='og:title' content='{og}'>"
    body = f"<h1>{HEADLINE}</h1><h2>{DECK}</h2><div class='text'>{STORY}</div>"
    assert only_article(page(head, body)).title == title


@pytest.mark.parametrize(
    ("line", "names"),
    # (`Por Newsroom Infobae` credits the outlet's desk: no writer since the twelfth session,
    # tests/test_parse_classes_left3.py)
    [("Por Juan Perez", ["Juan Perez"]), ("Par Wei Wu", ["Wei Wu"])]
    + [("Porter Li", ["Porter Li"])],
)
def test_spanish_and_french_byline_labels(line, names):
    assert strict_names(line) == names


@pytest.mark.parametrize("button", ["Guardar", "Share", "Partager"])
def test_a_button_beside_the_byline_is_no_name(button):
    assert strict_names(button) is None


def test_an_open_boards_notice_is_a_disclaimer():
    notice = (
        "「社運公佈欄」是一個開放的平台，內容不代表苦勞網立場。若有活動訊息，歡迎寄至本站信箱。"
    )
    assert debris.debris_reason(notice) == "disclaimer"
    assert debris.debris_reason("这是一个开放的平台，大家都可以参与讨论。") is None


def _boxed(lines: list[str]) -> str:
    # 苦勞網's Drupal body: every paragraph in its own box, a box with a blank between them
    blank = "<div class='nodeinner'><p>&nbsp;</p></div>"
    return "".join(f"<div class='nodeinner'><p>{line}</p></div>{blank}" for line in lines)


def _closing(lines: list[str]) -> list[str]:
    body = _boxed(LINES) + _boxed(lines)
    return text_of(only_article(page(HEAD, f"{H1}<div class='text'>{body}</div>")))


GROUPS = [
    "台灣同志諮詢熱線協會",
    "台灣國際酷兒影展 Taiwan International Queer Film Festival",
    "手天使",
]
GROUPS += ["台灣無性戀小組", "台灣綠黨"]


@pytest.mark.parametrize(
    ("lines", "kept"),
    [
        (["出席團體名單（依報名順序）：", *GROUPS], True),
        # no lead-in: left to the run's end, as staff credits are
        (["最佳影片：《荒野猎人》", "最佳导演：伊纳里图", "最佳男主角：迪卡普里奥"], False),
        (["总监制：邹 明", "监 制：高明勇", "审 读：崔向升"], False),
        (GROUPS, False),
    ],
)
def test_a_list_closing_the_text(lines, kept):
    texts = _closing(lines)
    assert texts[:4] == LINES
    assert (texts[4:] == [line.strip() for line in lines]) is kept


def test_a_closing_paragraph_repeating_the_lead_is_its_pictures_caption():
    lead = (
        "巴西籍摄影师安娜混迹于里约热内卢拉帕城一个聚集着异装癖者的社区，"
        "并与异装癖者待在一所大房子里，从事相关题材的拍摄。"
    )
    caption = lead + "她在自己的纪实摄影集《普赖尼亚》中向读者描述了自己在这个社区的所见所闻。"
    picture = f"<center><img src='/1.jpg'><br><br><div>\u3000\u3000{caption}</div></center>"
    body = f"<p>{lead}</p>{STORY}{picture}"
    article = only_article(page(HEAD, f"{H1}<div class='text'>{body}</div>"))
    assert text_of(article) == [lead, *LINES]
