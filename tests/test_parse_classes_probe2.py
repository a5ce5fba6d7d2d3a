"""Forms of Hong Kong, Macau, Singapore, Malaysian and overseas Chinese newsrooms written from
how they print credits, dates and furniture (no dev-set or held-out page was looked at): each
test is one class of failure found by running small synthetic probes through the parser.
Inputs are small synthetic pages written for these tests."""

from __future__ import annotations

from synthetic import page, text_of, writers
from zhnews.parse import parse_document
from zhnews.parse.bylines import parse_credit_line

_LINES = [
    "政府今日公布新一份施政報告，提出多項改善民生的措施，包括增加公營房屋供應及加快審批程序。",
    "有議員表示，措施方向正確，但落實時間表仍不清晰，希望當局盡快交代具體細節及所需開支。",
    "有市民指出，輪候公屋時間多年來未見縮短，期望今次新措施能真正幫助有需要的基層家庭。",
]
_TITLE = "政府公布施政報告"


def _parse(header: str = "", lead: str = "", date: str = "2023年9月1日"):
    body = f"<p>{lead}{_LINES[0]}</p>" + "".join(f"<p>{line}</p>" for line in _LINES[1:])
    doc = page(
        f"<title>{_TITLE}</title>",
        f"<article><h1>{_TITLE}</h1><div>{date}</div>{header}{body}</article>",
    )
    return parse_document(doc, "page.html").articles[0]


# --- 1. a name ending in 文 before a bar: `撰文：陳大文｜攝影：李小明` ------------------------


def test_a_name_ending_in_wen_before_a_bar_keeps_its_last_character():
    article = _parse("<div>撰文：陳大文｜攝影：李小明</div>")
    assert writers(article) == ["陳大文"]
    assert text_of(article) == _LINES
    credit = parse_credit_line("記者：陳大文 | 編輯：王志強")
    assert [a.name for a in credit.authors] == ["陳大文"] and credit.editor == "王志強"
    # the role 文 printed after a name, or alone before a bar, is still the role
    assert [(a.name, a.role) for a in parse_credit_line("陳大文/文 李小明/圖").authors] == [
        ("陳大文", "文"),
        ("李小明", "摄影"),
    ]
    assert [a.name for a in parse_credit_line("文｜李小明").authors] == ["李小明"]


# --- 2. a report, text or interview label opening a credit: `報道：X`, `文字：X　攝影：Y` ------


def test_a_report_text_or_interview_label_opens_a_credit():
    article = _parse("<div>文字：陳大文　攝影：李小明</div>")
    assert writers(article) == ["陳大文"]
    assert text_of(article) == _LINES
    article = _parse("<div>報道：陳大文、黃美玲　攝影：李小明</div>")
    assert writers(article) == ["陳大文", "黃美玲"]
    assert text_of(article) == _LINES
    assert [a.name for a in parse_credit_line("採訪：陳大文　撰文：黃美玲").authors] == [
        "陳大文",
        "黃美玲",
    ]
    # a sentence that quotes a report is not a credit
    said = "該報報道：政府將於下月公布細節。"
    assert parse_credit_line(said) is None
    assert parse_credit_line("報道：政府將於下月公布細節") is None


# --- 3. the newsroom's tag in round brackets, then the reporter: `（早報訊）記者X報道：` ------


def test_a_round_bracketed_news_tag_before_a_reporters_credit_is_the_byline():
    article = _parse(lead="（本報吉隆坡訊）記者陳大文報道：")
    assert writers(article) == ["陳大文"]
    assert text_of(article) == _LINES
    article = _parse(lead="（星島日報報道）記者陳大文報道：")
    assert writers(article) == ["陳大文"]
    assert text_of(article) == _LINES
    # a tag that names nobody is part of the text and stays
    article = _parse(lead="（早報訊）")
    assert writers(article) == []
    assert text_of(article) == ["（早報訊）" + _LINES[0], *_LINES[1:]]


# --- 4. the update printed before the publication on one line ----------------------------


def test_a_publish_label_after_an_update_on_one_line_dates_the_story():
    line = "更新：2023年9月2日 08:00　發佈：2023年9月1日 10:30"
    assert _parse(date=line).published_at.date().isoformat() == "2023-09-01"
    line = "發佈：2023年9月1日 10:30　更新：2023年9月2日 08:00"
    assert _parse(date=line).published_at.date().isoformat() == "2023-09-01"
    # an update alone is still only an update: the page's own publish time wins
    head = "<meta property='article:published_time' content='2023-08-31T10:00:00+08:00'>"
    body = f"<article><h1>{_TITLE}</h1><div>更新：2023年9月2日 08:00</div><p>{_LINES[0]}</p>"
    article = parse_document(page(head, body + "</article>"), "page.html").articles[0]
    assert article.published_at.date().isoformat() == "2023-08-31"


# --- 5. a header line that is nothing but an English day: `September 1, 2023` -------------


def test_a_header_line_that_is_only_an_english_day_dates_the_story():
    for line in ("September 1, 2023", "1 Sep 2023", "Sep 01, 2023"):
        assert _parse(date=line).published_at.date().isoformat() == "2023-09-01"
    # an English date with other words on the line is not read as the story's day
    head = "<meta property='article:published_time' content='2023-08-31T10:00:00+08:00'>"
    body = f"<article><h1>{_TITLE}</h1><div>Updated September 2, 2023</div><p>{_LINES[0]}</p>"
    article = parse_document(page(head, body + "</article>"), "page.html").articles[0]
    assert article.published_at.date().isoformat() == "2023-08-31"


# --- 6. a dash between a run-in credit and the text: `…記者X華盛頓報道 — 政府…` -----------


def test_a_dash_after_a_run_in_credit_is_not_text():
    article = _parse(lead="美國之音記者陳大文華盛頓報道 — ")
    assert writers(article) == ["陳大文"]
    assert text_of(article) == _LINES
    article = _parse(lead="記者陳大文報道——")
    assert text_of(article) == _LINES
    # a minus sign opening the text after the credit is the text's
    article = _parse(lead="記者陳大文報道：-5度低溫持續，")
    assert text_of(article) == ["-5度低溫持續，" + _LINES[0], *_LINES[1:]]


# --- 7. the rail headers of Hong Kong, Macau and Southeast Asian pages --------------------


def _text(middle: str = "", after: str = "") -> list[str]:
    body = f"<p>{_LINES[0]}</p>{middle}<p>{_LINES[1]}</p><p>{_LINES[2]}</p>{after}"
    doc = page(
        f"<title>{_TITLE}</title>",
        f"<article><h1>{_TITLE}</h1><div>2023年9月1日</div>{body}</article>",
    )
    return text_of(parse_document(doc, "page.html").articles[0])


def test_a_rail_header_between_paragraphs_is_not_text():
    for header in ("最新新聞", "編輯推介", "即時新聞", "熱門話題", "你可能也喜歡", "更多內容"):
        assert _text(middle=f"<p>{header}</p>") == _LINES, header
    # a sentence that opens with the same words is text
    said = "其他新聞媒體亦報道，政府將於下月公布具體細節。"
    assert _text(middle=f"<p>{said}</p>") == [_LINES[0], said, *_LINES[1:]]


# --- 8. a channel promotion that promises the news at once -------------------------------


def test_a_channel_promotion_promising_news_at_once_is_not_text():
    for promo in (
        "加入某某新聞 WhatsApp頻道，即時接收最新消息",
        "下載某某新聞 App，第一時間掌握最新資訊",
    ):
        assert _text(middle=f"<p>{promo}</p>") == _LINES, promo
        assert _text(after=f"<p>{promo}</p>") == _LINES, promo
    # reporting on an app that sends alerts at once is a sentence of the story
    said = "當局表示，市民下載應用程式後，即時接收颱風警告。"
    assert _text(middle=f"<p>{said}</p>") == [_LINES[0], said, *_LINES[1:]]


# --- 9. a column's note of whose view it is: `文章觀點僅屬作者個人意見` --------------------


def test_a_note_that_the_views_are_the_writers_own_is_not_text():
    for note in ("文章觀點僅屬作者個人意見", "以上言論純屬筆者個人觀點。"):
        assert _text(after=f"<p>{note}</p>") == _LINES, note
        assert _text(middle=f"<p>{note}</p>") == _LINES, note
    # reporting that someone said so is a sentence of the story
    said = "他強調，該篇文章觀點僅屬作者個人意見，與其任職機構無關。"
    assert _text(middle=f"<p>{said}</p>") == [_LINES[0], said, *_LINES[1:]]


# --- 10. the skip link and the end mark around an embedded post ---------------------------


def test_the_skip_link_and_end_mark_of_an_embedded_post_are_not_text():
    embed = "<p>跳過 Twitter 貼文, 1</p><p>Twitter 貼文結束, 1</p>"
    assert _text(middle=embed) == _LINES
    # a sentence about a post is text
    said = "他在Twitter 貼文結束時寫道，將繼續爭取。"
    assert _text(middle=f"<p>{said}</p>") == [_LINES[0], said, *_LINES[1:]]


# --- 11. a file photo's or the web's credit closing a caption: `（早報檔案照）`, `（互聯網）` --


def test_a_file_photo_or_web_credit_under_a_picture_is_a_caption():
    for caption in ("（早報檔案照）", "政府大樓。（檔案照）", "（互聯網）"):
        assert _text(middle=f"<p><img src='a.jpg'></p><p>{caption}</p>") == _LINES, caption
    # a sentence under the picture that mentions file photos is text
    said = "記者翻查早報檔案照，發現大樓曾多次翻新。"
    middle = f"<p><img src='a.jpg'></p><p>{said}</p>"
    assert _text(middle=middle) == [_LINES[0], said, *_LINES[1:]]


# --- 12. a caption printed under its screen-reader label: `圖像加註文字，…` ----------------


def test_a_caption_under_its_label_is_not_text():
    for caption in ("圖像加註文字，政府官員出席記者會", "图像加注文字，政府官员出席记者会"):
        assert _text(middle=f"<p>{caption}</p>") == _LINES, caption
        assert _text(after=f"<p>{caption}</p>") == _LINES, caption
    # a sentence that speaks of a picture's caption is text
    said = "有網民指出，該圖像加註文字有誤，當局其後更正。"
    assert _text(middle=f"<p>{said}</p>") == [_LINES[0], said, *_LINES[1:]]


# --- 13. a newsroom whose name holds digits or a dotted address: `香港01記者 X` ------------


def test_a_newsroom_with_digits_or_a_dotted_name_before_the_role_is_not_text():
    for line in ("某某01記者 陳大文", "HK01記者陳大文", "on.cc某網記者 陳大文"):
        article = _parse(f"<div>{line}</div>")
        assert writers(article) == ["陳大文"], line
        assert text_of(article) == _LINES, line
    # a number alone before the role word is no newsroom
    assert parse_credit_line("2023記者 陳大文") is None


# --- 14. the English word By before Chinese names: `By 陳大文` ---------------------------


def test_by_before_chinese_names_is_not_a_name():
    article = _parse("<div>By 陳大文</div>")
    assert writers(article) == ["陳大文"]
    assert text_of(article) == _LINES
    article = _parse("<div>By 陳大文、黃美玲</div>")
    assert writers(article) == ["陳大文", "黃美玲"]
    # an English byline is read as before
    assert writers(_parse("<div>By John Smith</div>")) == ["John Smith"]


# --- 15. a middle dot between two credits: `撰文：X · 編輯：Y` ----------------------------


def test_a_middle_dot_between_credits_is_a_separator():
    article = _parse("<div>撰文：陳大文 · 編輯：王志強</div>")
    assert writers(article) == ["陳大文"]
    assert article.editor == "王志強"
    assert text_of(article) == _LINES
    credit = parse_credit_line("記者：陳大文 • 攝影：李小明")
    assert [(a.name, a.role) for a in credit.authors] == [("陳大文", "记者"), ("李小明", "摄影")]
    # the dot inside a transliterated name stays the name's
    assert parse_credit_line("記者：珍·維克 · 攝影：李小明").authors[0].name == "珍·維克"


# --- 16. a report label with a slash: `報道／X　攝影／Y` -----------------------------------


def test_a_report_label_with_a_slash_opens_a_credit():
    article = _parse("<div>報道／陳大文　攝影／李小明</div>")
    assert writers(article) == ["陳大文"]
    assert text_of(article) == _LINES
    # a report cited in a sentence is not a credit
    assert parse_credit_line("據該報報道/政府將於下月公布細節") is None


# --- 17. the newsroom, a slash and the writer in round brackets: `（某某日報／X報道）` -------


def test_a_newsroom_slash_writer_in_round_brackets_opens_the_lead():
    for lead in ("（某某日報／陳大文報道）", "（某某商報／報道：陳大文）"):
        article = _parse(lead=lead)
        assert writers(article) == ["陳大文"], lead
        assert text_of(article) == _LINES, lead
    # a newsroom and a dateline name nobody and stay in the text
    article = _parse(lead="（某某日報／吉隆坡1日訊）")
    assert writers(article) == []
    assert text_of(article) == ["（某某日報／吉隆坡1日訊）" + _LINES[0], *_LINES[1:]]


# --- 18. a reporter's credit alone in round brackets opening the lead: `（記者X）政府…` -----


def test_a_reporters_credit_in_round_brackets_opens_the_lead():
    for lead, names in (
        ("（記者陳大文）", ["陳大文"]),
        ("（某某之音記者陳大文）", ["陳大文"]),
        ("（記者陳大文、黃美玲）", ["陳大文", "黃美玲"]),
    ):
        article = _parse(lead=lead)
        assert writers(article) == names, lead
        assert text_of(article) == _LINES, lead
    # brackets that name nobody (or credit a picture) stay in the text
    for lead in ("（記者會上）", "（記者陳大文攝）"):
        assert text_of(_parse(lead=lead)) == [lead + _LINES[0], *_LINES[1:]], lead


# --- 19. a tag list's line: `標籤：施政報告　房屋`, `Tags：施政報告` --------------------------


def test_a_tag_list_line_is_not_text():
    for line in ("標籤：施政報告　房屋", "Tags：施政報告", "TAG: 施政報告 | 房屋"):
        assert _text(middle=f"<p>{line}</p>") == _LINES, line
        assert _text(after=f"<p>{line}</p>") == _LINES, line
    # a keyword subhead of a review, and a clause after the label, are text
    assert _text(middle="<p>關鍵詞：共同富裕</p>") == [_LINES[0], "關鍵詞：共同富裕", *_LINES[1:]]
    said = "標籤：這次施政報告被貼上保守的標籤。"
    assert _text(middle=f"<p>{said}</p>") == [_LINES[0], said, *_LINES[1:]]


# --- 20. a read-more button left as a line: `按此閱讀全文`, `【點擊閱讀更多】` ---------------


def test_a_read_more_button_between_paragraphs_is_not_text():
    for button in ("按此閱讀全文", "繼續閱讀全文", "【點擊閱讀更多】", "閱讀全文 >>"):
        assert _text(middle=f"<p>{button}</p>") == _LINES, button
    # a sentence that opens with the same words is text
    said = "閱讀全文後，議員表示仍有不少疑問。"
    assert _text(middle=f"<p>{said}</p>") == [_LINES[0], said, *_LINES[1:]]


# --- 21. a share bar left as a line: `Facebook WhatsApp Telegram 複製連結`, `分享平台` --------


def test_a_share_bar_between_paragraphs_is_not_text():
    for bar in ("Facebook WhatsApp Telegram 複製連結", "分享：微信 微博", "分享平台"):
        assert _text(middle=f"<p>{bar}</p>") == _LINES, bar
    # a sentence naming the networks is text
    said = "有市民在Facebook及WhatsApp群組轉發相關訊息。"
    assert _text(middle=f"<p>{said}</p>") == [_LINES[0], said, *_LINES[1:]]


# --- 22. a bar printed before a related-links header as its rule: `▌延伸閱讀` --------------


def test_a_related_header_after_a_bar_is_not_text():
    for header in ("▌延伸閱讀", "┃相關新聞："):
        assert _text(middle=f"<p>{header}</p>") == _LINES, header
    # a paragraph after a bar that is a sentence is text
    said = "▌議員表示，措施方向正確，但仍有改善空間。"
    assert _text(middle=f"<p>{said}</p>") == [_LINES[0], said, *_LINES[1:]]


# --- 23. an international service's rail header: `更多有关此新闻的内容` --------------------


def test_an_international_services_rail_header_is_not_text():
    for header in ("更多有关此新闻的内容", "更多有關此新聞的內容"):
        assert _text(middle=f"<p>{header}</p>") == _LINES, header
    said = "更多有關此新聞的內容將於明日公布，當局表示會再作交代。"
    assert _text(middle=f"<p>{said}</p>") == [_LINES[0], said, *_LINES[1:]]


# --- 24. the editor's one-character label beside the writer's: `文：X 編：Y` ----------------


def test_the_editors_one_character_label_beside_the_writers_is_a_credit():
    article = _parse("<div>文：陳大文　編：王志強</div>")
    assert writers(article) == ["陳大文"]
    assert article.editor == "王志強"
    assert text_of(article) == _LINES
    # a chief editor's credit is not the editor's, as before
    assert parse_credit_line("主編：王志強").editor is None


# --- 25. the newsroom's name in title marks before the credit: `《某某日報》記者X報道：` -------


def test_a_newsroom_in_title_marks_before_a_credit_is_the_byline():
    article = _parse(lead="《某某日報》記者陳大文報道：")
    assert writers(article) == ["陳大文"]
    assert text_of(article) == _LINES
    # a sentence that cites another paper's report, or a title before 記者會, is text
    from zhnews.parse.bylines import split_run_in

    assert split_run_in("《某某報》記者陳大文昨日報道，政府將於下月公布細節。") is None
    assert split_run_in("《施政報告》記者會上，政府官員逐一回應提問。") is None
