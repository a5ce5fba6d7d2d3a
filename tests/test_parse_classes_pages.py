"""Failure classes (pages): plain-text issue dumps whose stories are headed by a headline in
square brackets, with `Page N` markers falling inside stories and a numbers-only file label.

Every input is made up and small; each test names the class it guards, never a site.
"""

from zhnews.parse import parse_document
from zhnews.parse.assemble import bracket_headlines
from zhnews.parse.blocks import Block

# unpunctuated classical text: no paragraph ever ends a sentence, so the soft-wrap joiner
# glues the next line (a headline) to it
A = "　　○本埠城北一帶近日新開茶館數處每至晚間客座常滿街市頗形熱閙地方官已飭差查察以杜滋事"
B = "　　○城南河道久未疏浚商船往來多有不便今由紳董集資興挑約計月內即可竣工云"
C = "　　○前日午後有鄕人挑菜入城行至橋邊失足落水經旁人救起幸無大碍"
D1 = "　　○西鄕田畝今歲收成尙稱豐稔農人紛紛運米進城出售價值較上月"
D2 = "稍減市面亦漸平靜矣"


def issue(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def test_bracket_headlines_glued_to_unpunctuated_text_open_stories():
    text = issue(
        "# 1999 - 12 - 345678",
        "",
        "Page 1",
        "",
        "[茶館林立]  ",
        A + " ",
        "[挑浚河道]  ",
        B + " ",
        "[鄕人落水]  ",
        C + " ",
    )
    doc = parse_document(text, "1999-12-345678.txt")
    assert [a.title for a in doc.articles] == ["茶館林立", "挑浚河道", "鄕人落水"]
    bodies = [a.body_paragraphs for a in doc.articles]
    assert bodies[0] == [" ".join(A.split())] or bodies[0] == [A.strip()]
    assert all("[" not in p for b in bodies for p in b)


def test_page_marker_inside_a_story_is_furniture_and_the_paragraph_reads_on():
    text = issue(
        "# 1999 - 12 - 345678",
        "",
        "Page 1",
        "",
        "[茶館林立]  ",
        A + " ",
        "[挑浚河道]  ",
        B + " ",
        "[西鄕豐稔]  ",
        D1 + " ",
        "",
        "Page 2",
        "",
        D2 + " ",
        "[鄕人落水]  ",
        C + " ",
    )
    doc = parse_document(text, "1999-12-345678.txt")
    assert [a.title for a in doc.articles] == ["茶館林立", "挑浚河道", "西鄕豐稔", "鄕人落水"]
    third = doc.articles[2]
    assert third.body_paragraphs == [D1.strip() + D2]
    for article in doc.articles:
        assert not any("Page" in p for p in article.body_paragraphs)
        assert article.title != "1999 - 12 - 345678"


def test_signature_bracket_of_a_notice_is_a_credit_not_text_nor_author():
    text = issue(
        "# 1999 - 12 - 345678",
        "",
        "[新書出售] [  某某書局告白]  ",
        A + " ",
        "[挑浚河道]  ",
        B + " ",
        "[鄕人落水]  ",
        C + " ",
    )
    first = parse_document(text, "1999-12-345678.txt").articles[0]
    assert first.title == "新書出售"
    assert first.authors == []
    assert not any("告白" in p for p in first.body_paragraphs)


def test_one_or_two_bracketed_lines_are_not_a_story_sequence():
    blocks = [
        Block("text", "正文第一段写到这里并没有结束[1]"),
        Block("text", "另一段文字说明了来历[图片]"),
        Block("text", "第三段文字[附註]"),
    ]
    assert bracket_headlines(blocks) == blocks  # one real candidate: below the minimum
    many = [Block("text", f"某段文字未完{i}[標題{i}]") for i in range(3)]
    split = bracket_headlines(many)
    assert [b.kind for b in split] == ["text", "heading"] * 3
    assert [b.text for b in split if b.kind == "heading"] == ["標題0", "標題1", "標題2"]


def test_numbers_only_heading_and_page_markers_never_become_titles():
    text = issue(
        "# 2001 - 7 - 99",
        "",
        "Page 3",
        "",
        "今天全市气温回升，市民纷纷走出家门，公园里游人如织，一派春意盎然的景象。",
        "",
        "气象部门预计，本周后期还将有一次降雨过程，提醒市民注意出行安全。",
    )
    (article,) = parse_document(text, "2001-7-99.txt").articles
    assert article.title != "2001 - 7 - 99"
    assert not any(p.startswith("Page") for p in article.body_paragraphs)
