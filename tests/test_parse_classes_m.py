"""Failure classes of issue 12 (round m, helper TW), seen on the 2013-2014 Taiwanese news
pages added to the dev set this round (cna, ltn, udn, chinatimes, appledaily, ettoday, cts,
pts, tvbs, nownews, newtalk, storm); each test is a small synthetic page written for the
class, with made-up names and text."""

from __future__ import annotations

from zhnews.parse import parse_document

_PARAGRAPH = (
    "<p>第{i}段：市府今天公布明年度道路改善計畫，將優先處理學校周邊人行道與路口號誌，"
    "交通局表示，相關工程預計分三期完成，施工期間將加強交通疏導。</p>"
)
_STORY = "".join(_PARAGRAPH.format(i=i) for i in range(1, 5))


def _paragraphs(article) -> list[str]:
    return [p.text for p in article.paragraphs if p.kind in ("body", "subhead")]


def _page(above: str, story: str = _STORY, below: str = "") -> str:
    return (
        "<html><head><title>道路改善計畫公布 | 新聞網</title></head><body>"
        f"<h1>道路改善計畫公布</h1>{above}<div class='story'>{story}</div>{below}</body></html>"
    )


def test_a_byline_with_box_drawing_slashes_names_its_reporter() -> None:
    # `【聯合晚報╱記者楊正海╱即時報導】`: ╱ (U+2571) instead of ／ between the fields
    article = parse_document(
        _page("<div class='author'>【大同晚報╱記者林志明╱即時報導】</div>"), "story.html"
    ).articles[0]
    assert [a.name for a in article.authors] == ["林志明"]
    assert not any("即時報導" in p for p in _paragraphs(article))


def test_a_credit_naming_only_places_names_nobody() -> None:
    # `台中 嘉義 綜合報導` closing a TV transcript: where it was filed, not who wrote it
    story = _STORY + "<p>台南 花蓮 綜合報導</p>"
    article = parse_document(_page("", story), "story.html").articles[0]
    assert article.authors == []
    assert _paragraphs(article)[-1].startswith("第4段")


def test_outlet_and_day_glued_before_name_and_place_is_a_byline() -> None:
    # `新頭殼newtalk2014.10.24 金名/高雄報導` run into the lead's first line
    story = _STORY.replace("<p>第1段", "<p>大眾新聞daily2014.10.24 吳志明/台南報導<br>第1段", 1)
    article = parse_document(_page("", story), "story.html").articles[0]
    assert [a.name for a in article.authors] == ["吳志明"]
    body = _paragraphs(article)
    assert body[0].startswith("第1段") and not any("台南報導" in p for p in body)


def test_a_dated_desk_credit_line_is_not_body() -> None:
    # `2014/11/11 12:07 綜合報導    地區：台北市報導`: time, desk credit, place field
    article = parse_document(
        _page("<div class='timebar'>2014/11/11 12:07 綜合報導 &nbsp;&nbsp;地區：台南市報導</div>"),
        "story.html",
    ).articles[0]
    assert article.authors == []
    assert not any("綜合報導" in p for p in _paragraphs(article))


def test_a_bulleted_writer_bio_without_a_verb_names_the_writer() -> None:
    # `●作者李武忠，新北市，博，經濟系教授。本文為網友投稿，…`: a column's closing bio
    story = _STORY + (
        "<p><strong>●作者張明德，台南市，博士，經濟系教授。本文為網友投稿，言論不代表本報立場。"
        "歡迎更多參與，投稿請寄editor@example.net</strong></p>"
    )
    article = parse_document(_page("", story), "story.html").articles[0]
    assert [a.name for a in article.authors] == ["張明德"]
    assert not any("網友投稿" in p for p in _paragraphs(article))


def test_reporters_filed_from_a_city_after_glued_names() -> None:
    # `本报记者罗科苏盈发自北京`: two names printed without a space, then where they filed from
    article = parse_document(
        _page("<p><b>本报记者王建国李晓红发自上海</b></p>"), "story.html"
    ).articles[0]
    assert [a.name for a in article.authors] == ["王建国", "李晓红"]
    assert not any("发自上海" in p for p in _paragraphs(article))


def test_a_credit_line_with_a_web_editor_field_is_read_whole() -> None:
    # `记者：吕熙 文海欣 … 责编：胡力汉 嘉远 网编：瑞哲` as the story's first paragraph
    story = "<p>记者：张立新 王海燕 陈思远  责编：刘明 网编：周安</p>" + _STORY
    article = parse_document(_page("", story), "story.html").articles[0]
    assert [a.name for a in article.authors] == ["张立新", "王海燕", "陈思远"]
    assert article.editor == "刘明"
    assert _paragraphs(article)[0].startswith("第1段")


def test_a_roundup_compilers_credit_names_the_reporter_not_the_paper() -> None:
    # `整合 新华日报·交汇点记者 徐睿翔`: compiled by a paper's app reporter
    story = _STORY + "<p>整合 江南日报·掌上江南记者 郑晓峰</p>"
    article = parse_document(_page("", story), "story.html").articles[0]
    assert [a.name for a in article.authors] == ["郑晓峰"]
    assert not any("整合" in p for p in _paragraphs(article))


def test_a_compiled_by_credit_naming_an_intern_editor_closes_the_text() -> None:
    # `…人民。（整理：實習編輯劉彥璇）`: 整理 as a label before a role, 實習編輯 an editor
    story = _STORY.replace(
        "施工期間將加強交通疏導。</p>", "施工期間將加強交通疏導。（整理：實習編輯陳怡君）</p>"
    )
    article = parse_document(
        _page("<div>記者林大同／台南報導</div>", story), "story.html"
    ).articles[0]
    assert [a.name for a in article.authors] == ["林大同"]
    assert article.editor == "陳怡君"
    assert _paragraphs(article)[-1].endswith("施工期間將加強交通疏導。")


def test_taiwanese_wire_and_desk_credits_name_their_reporters() -> None:
    cases = (
        # a correspondent posted abroad, CNA's dateline
        ("<p>（中央社駐美國特派員江小葉華盛頓1日專電）", ["江小葉"]),
        # CNA's compiled foreign report
        ("<p>（中央社記者林小民紐約1日綜合外電報導）", ["林小民"]),
        # a newsroom's name before the bracketed credit (Yahoo-syndicated 工商時報)
        ("<p>工商時報【記者吳小雯╱台北報導】", ["吳小雯"]),
        # a translator's credit opening the lead without brackets
        ("<p>編譯陳小貞／綜合外電報導 ", ["陳小貞"]),
    )
    for lead, names in cases:
        story = _STORY.replace("<p>", lead, 1)
        article = parse_document(_page("", story), "story.html").articles[0]
        assert [a.name for a in article.authors] == names, lead
        assert _paragraphs(article)[0].startswith("第1段"), lead


def test_a_desk_byline_with_the_reporters_place_after_the_name() -> None:
    # `民視新聞／王小明 台北報導` in its own line above the text
    article = parse_document(
        _page("<div class='reporter'>大同新聞／林志明 台南報導</div>"), "story.html"
    ).articles[0]
    assert [a.name for a in article.authors] == ["林志明"]
    assert not any("台南報導" in p for p in _paragraphs(article))


def test_hong_kong_macau_and_overseas_credits_after_a_dateline_tag() -> None:
    cases = (
        # Macau/Hong Kong spelling 報道 after a 【本報訊】 tag
        ("<p>【本報訊】記者梁小明報道：", ["梁小明"]),
        # Epoch Times: a dated tag, then the reporter's name run into the city
        ("<p>【大紀元2014年10月06日訊】（大紀元記者陸希休斯頓報導）", ["陸希"]),
        # a reporter's credit in round brackets
        ("<p>（記者王小明／台北報導）", ["王小明"]),
    )
    for lead, names in cases:
        story = _STORY.replace("<p>", lead, 1)
        article = parse_document(_page("", story), "story.html").articles[0]
        assert [a.name for a in article.authors] == names, lead
        assert _paragraphs(article)[0].startswith("第1段"), lead


def test_latin_names_and_described_writers_in_credits() -> None:
    for credit, names in (
        ("By John Smith", ["John Smith"]),
        ("記者 John Smith／台北報導", ["John Smith"]),
        ("文／王小明（台南大學經濟系教授）", ["王小明"]),
    ):
        article = parse_document(
            _page(f"<div class='byline'>{credit}</div>"), "story.html"
        ).articles[0]
        assert [a.name for a in article.authors] == names, credit
        assert not any(credit[:6] in p for p in _paragraphs(article)), credit


def test_hong_kong_small_colon_and_bracketed_report_credits() -> None:
    for credit, names in (
        ("記者﹕關小蔓", ["關小蔓"]),  # ﹕ (U+FE55), a Hong Kong layout's colon
        ("林小欣/張慈（綜合報導）", ["林小欣", "張慈"]),
        ("执笔人：闵小夫 赵兰波", ["闵小夫", "赵兰波"]),
    ):
        story = _STORY + f"<p>{credit}</p>"
        article = parse_document(_page("", story), "story.html").articles[0]
        assert [a.name for a in article.authors] == names, credit
        assert _paragraphs(article)[-1].startswith("第4段"), credit


def test_a_how_it_was_compiled_credit_names_nobody() -> None:
    # `…。（綜合報導）` closing the text: 綜合 is no one's name
    story = _STORY.replace(
        "施工期間將加強交通疏導。</p>", "施工期間將加強交通疏導。（綜合報導）</p>"
    )
    article = parse_document(_page("", story), "story.html").articles[0]
    assert article.authors == []
    assert _paragraphs(article)[-1].endswith("施工期間將加強交通疏導。")
