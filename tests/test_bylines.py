from zhnews.parse.bylines import (
    parse_box_byline,
    parse_byline_line,
    parse_closing_byline,
    parse_photo_credit,
    parse_wire_credit,
    split_names,
    split_run_in,
    split_trailing_credit,
    strict_names,
)


def names(byline):
    return [(a.name, a.role) for a in byline.authors]


def test_box_byline_with_spaces():
    assert names(parse_box_byline("□孙亚飞 王兆锋 杨成涛")) == [
        ("孙亚飞", None),
        ("王兆锋", None),
        ("杨成涛", None),
    ]


def test_box_byline_with_roles_no_spaces():
    byline = parse_box_byline("□本报记者张靖本报通讯员郜敏")
    assert names(byline) == [("张靖", "记者"), ("郜敏", "通讯员")]
    assert byline.raw == "□本报记者张靖本报通讯员郜敏"


def test_run_in_byline_is_split_off():
    byline, rest = split_run_in("本报讯（记者李铮通讯员王飞李永）9月9日，记者获悉。")
    assert names(byline) == [("李铮", "记者"), ("王飞", "通讯员"), ("李永", "通讯员")]
    assert rest == "9月9日，记者获悉。"
    byline, rest = split_run_in("新华社北京9月9日电（记者 张三）国务院今天…")
    assert (
        names(byline) == [("张三", "记者")] and byline.credit == "新华社" and rest == "国务院今天…"
    )


def test_run_in_requires_people():
    assert split_run_in("本报讯（2019年）今天…") is None
    assert split_run_in("这是普通段落（记者）") is None


def test_closing_byline_half_and_full_width():
    assert names(parse_closing_byline("(孙亚飞 马泽磊)")) == [("孙亚飞", None), ("马泽磊", None)]
    assert names(parse_closing_byline("（孙亚飞 马泽磊）")) == [("孙亚飞", None), ("马泽磊", None)]


def test_closing_credit_is_not_an_author():
    for line in ("（央视新闻）", "(财联社)", "（东方财富Choice数据）", "（e公司）"):
        result = parse_byline_line(line)
        assert result is None or not result.authors


def test_photo_credit_with_desk_code():
    assert names(parse_photo_credit("本报记者 王磊 摄⑧3")) == [("王磊", "摄影")]
    assert names(parse_box_byline("□本报记者 王磊 摄")) == [("王磊", "摄影")]


def test_wire_credit():
    byline = parse_wire_credit("（据新华社郑州9月9日电）")
    assert byline.credit == "新华社" and byline.authors == [] and byline.kind == "wire"


def test_split_names():
    assert split_names("王飞李永") == ["王飞", "李永"]
    assert split_names("王小明李强") == ["王小明", "李强"]
    assert split_names("欧阳修") == ["欧阳修"]
    assert split_names("郜敏") == ["郜敏"]


def test_non_bylines():
    assert parse_byline_line("北向资金净流入超40亿元。") is None
    assert parse_box_byline("孙亚飞") is None


# Issue 12, class 2: bylines in the forms newsrooms use --------------------------------


def test_run_in_bylines_newsrooms_use():
    cases = {
        "新京报快讯（记者 裴剑飞）9月7日，北京市教委宣布": (["裴剑飞"], "9月7日，北京市教委宣布"),
        "新京报讯（记者 张三 李四）近日，": (["张三", "李四"], "近日，"),
        "中新网北京9月7日电（记者 王五）今天，": (["王五"], "今天，"),
        "（中央社記者蘇思云、葉冠吟台北1日電）52台空頻": (["蘇思云", "葉冠吟"], "52台空頻"),
        "记者 张三 报道 近日，北京": (["张三"], "近日，北京"),
        "本报记者 张三 李四 北京报道：近日": (["张三", "李四"], "近日"),
        "文/张三 近日，北京市": (["张三"], "近日，北京市"),
        "作者：约翰·史密斯、王小明 这是": (["约翰·史密斯", "王小明"], "这是"),
    }
    for paragraph, (expected, rest_start) in cases.items():
        byline, rest = split_run_in(paragraph)
        assert [a.name for a in byline.authors] == expected, paragraph
        assert rest.startswith(rest_start) and byline.raw not in rest, paragraph


def test_run_in_false_positives_and_wire_datelines():
    for paragraph in (
        "北京9月7日讯 今天，市政府召开会议。",  # a place and 讯, nobody named
        "北京报道说，今天的会议很重要。",
        "“记者同志，你们辛苦了！”他说。",  # a quote
        "记者从市教委获悉，今年将新建学校。",
        "新华社北京9月7日电 国务院今天发布通知。",  # a wire dateline names no author
        "（中央社台北1日電）行政院今天表示",
    ):
        assert split_run_in(paragraph) is None, paragraph


def test_closing_and_credit_lines():
    cases = {
        "（作者：张三）": (["张三"], None),
        "（张三 编译）": (["张三"], None),
        "撰稿：王小明": (["王小明"], None),
        "（本文作者为中国人民大学教授）": ([], None),
        "（作者：张三，北京大学教授）": (["张三"], None),
        "新京报记者 裴剑飞 编辑 王四 校对 赵五": (["裴剑飞"], "王四"),
        "半月谈记者 史卫燕": (["史卫燕"], None),
        "記者林悅／南市報導": (["林悅"], None),
        "（记者 张三 实习生 李四）": (["张三", "李四"], None),
        "张三/文 李四/图": (["张三", "李四"], None),
        "【责任编辑：王五】": ([], "王五"),
        "（編輯：張均懋）1100201": ([], "張均懋"),
        "(责编：萧潇、张妍)": ([], "萧潇、张妍"),
        "责任编辑：张玉 SF065": ([], "张玉"),
        "（松花江网编辑 孙桂芳）": ([], "孙桂芳"),
    }
    for line, (authors, editor) in cases.items():
        byline = parse_byline_line(line)
        assert byline is not None, line
        assert [a.name for a in byline.authors] == authors, line
        assert byline.editor == editor, line
    photo = parse_byline_line("中新社记者 张三 摄")
    assert photo.kind == "photo" and names(photo) == [("张三", "摄影")]
    for line in ("记者获悉", "记者说这件事很重要", "图片来源：新华社", "■风湿、类风湿已被攻破"):
        byline = parse_byline_line(line)
        assert byline is None or not byline.authors, line


def test_trailing_credits_split_off_the_paragraph():
    rest, byline = split_trailing_credit("恐怕還有變數。（編輯：張均懋）1100201")
    assert rest == "恐怕還有變數。" and byline.editor == "張均懋"
    rest, byline = split_trailing_credit("推动云南工业高质量发展。（记者 胡晓蓉）")
    assert rest == "推动云南工业高质量发展。" and [a.name for a in byline.authors] == ["胡晓蓉"]
    rest, byline = split_trailing_credit("累计打击恶意商标注册申请37.6万件。(央视新闻)")
    assert byline.kind == "source" and byline.credit == "央视新闻" and byline.authors == []
    assert split_trailing_credit("他在会上发言（摘要）") is None


def test_names_only_line_in_the_byline_block_above_the_text():
    from zhnews.parse import parse_document

    html = (
        "<html><body><article><h1>士林年邁母子身亡</h1><p>15:31</p><p>中時</p><p>謝明俊</p>"
        "<p>北市士林區一處民宅，16日下午驚傳一對母子在陽台儲物間身亡，消防局據報派員趕往。</p>"
        "<p>分享</p><p>警方表示，死因仍待調查。</p></article></body></html>"
    )
    (article,) = parse_document(html, "ct.html").articles
    assert [a.name for a in article.authors] == ["謝明俊"]
    assert "謝明俊" not in " ".join(article.body_paragraphs)


def test_latin_names_keep_their_words_together():
    assert strict_names("KEITH BRADSHER") == ["KEITH BRADSHER"]
    assert strict_names("Jane Wakefield, Tom Smith") == ["Jane Wakefield", "Tom Smith"]
    assert strict_names("王明 张三") == ["王明", "张三"]


def test_closing_credit_damaged_by_decoding_keeps_the_legible_names():
    para = "共同探索太空，造福全人类。（记者宋晨、田中全、胡\ufffd础⒑钗睦ぃ\ufffd"
    text, byline = split_trailing_credit(para)
    assert text == "共同探索太空，造福全人类。"
    assert [(a.name, a.role) for a in byline.authors] == [("宋晨", "记者"), ("田中全", "记者")]
    assert split_trailing_credit("他说：“好\ufffd”这是乱码（") is None


def test_box_drawing_and_other_slash_forms_read_as_slashes():
    # udn prints `【聯合晚報╱記者楊正海╱即時報導】` with ╱ (U+2571); raw stays as printed
    byline = parse_byline_line("【大同晚報╱記者林志明╱即時報導】")
    assert names(byline) == [("林志明", "记者")]
    assert byline.raw == "【大同晚報╱記者林志明╱即時報導】"
    byline, rest = split_run_in("〔記者王小明∕台北報導〕市府今天公布計畫。")
    assert names(byline) == [("王小明", "记者")] and rest == "市府今天公布計畫。"
    assert byline.raw == "〔記者王小明∕台北報導〕"


def test_places_before_a_report_credit_are_not_names():
    byline = parse_byline_line("台中 嘉義 綜合報導")
    assert byline is not None and byline.authors == []
    assert names(parse_byline_line("記者賴小敏 蔣大祥 台北報導")) == [
        ("賴小敏", "记者"),
        ("蔣大祥", "记者"),
    ]


def test_outlet_and_day_before_name_and_place():
    byline = parse_byline_line("大眾新聞daily2014.10.24 吳志明/台南報導")
    assert names(byline) == [("吳志明", None)] and byline.credit == "大眾新聞daily"
    byline, rest = split_run_in("大眾新聞daily2014.10.24 吳志明/台南報導2014台南燈會今天開幕。")
    assert names(byline) == [("吳志明", None)] and rest == "2014台南燈會今天開幕。"
    # a date and a slash in prose are no byline
    assert split_run_in("2014.10.24 台北/高雄兩地同步舉行活動，民眾踴躍參加。") is None


def test_dated_desk_credit_names_nobody():
    byline = parse_byline_line("2014/11/11 12:07 綜合報導    地區：台北市報導")
    assert byline is not None and byline.authors == [] and byline.kind == "credit"
    byline = parse_byline_line("2014/12/11 18:58 報導")  # BCC: the time and 報導, no name
    assert byline is not None and byline.authors == [] and byline.kind == "credit"
    assert parse_byline_line("2014/11/11 12:07 市府今天綜合報導") is None


def test_filed_from_after_the_names():
    assert names(parse_byline_line("本报记者罗小科苏盈发自北京")) == [
        ("罗小科", "记者"),
        ("苏盈", "记者"),
    ]


def test_web_editor_field_is_credited_to_nobody():
    byline = parse_byline_line("记者：吕小熙 文海欣  责编：胡力 网编：瑞哲")
    assert names(byline) == [("吕小熙", "记者"), ("文海欣", "记者")]
    assert byline.editor == "胡力"
    # `松花江网编辑 X`: a site name glued to 编辑, no 网编 field
    byline = parse_byline_line("（松花江网编辑 孙桂芳）")
    assert byline.editor == "孙桂芳" and byline.authors == []


def test_compiled_by_credit_skips_the_papers_app_name():
    byline = parse_byline_line("整合 江南日报·掌上江南记者 郑晓峰")
    assert names(byline) == [("郑晓峰", "记者")]
    assert parse_byline_line("资源整合 推动发展") is None


def test_meta_credit_names_end_at_a_word_boundary():
    from zhnews.parse.bylines import credits_in_meta

    byline = credits_in_meta("- 作者： 流泉 访问统计：　2005年08月30日")
    assert names(byline) == [("流泉", "作者")]
    byline = credits_in_meta("作者：张三 李四责任编辑：王五")
    assert names(byline) == [("张三", "作者"), ("李四", "作者")] and byline.editor == "王五"


def test_compiled_by_label_and_intern_editor():
    byline = parse_byline_line("（整理：實習編輯劉小璇）")
    assert byline.authors == [] and byline.editor == "劉小璇"
    assert names(parse_byline_line("整理：张小三")) == [("张小三", "整理")]
    assert names(parse_byline_line("张小三 整理")) == [("张小三", "整理")]


def test_cna_correspondents_and_compiled_reports():
    byline, rest = split_run_in("（中央社駐美國特派員江小葉華盛頓1日專電）美國國會今天表決。")
    assert names(byline) == [("江小葉", "记者")] and rest == "美國國會今天表決。"
    byline, _ = split_run_in("（中央社記者林小民紐約1日綜合外電報導）美股今天收高。")
    assert names(byline) == [("林小民", "记者")]
    assert names(parse_byline_line("〔駐美特派員王小明／華盛頓報導〕")) == [("王小明", "记者")]
    byline, rest = split_run_in("編譯陳小貞／綜合外電報導 美國總統今天表示，")
    assert names(byline) == [("陳小貞", "编译")] and rest == "美國總統今天表示，"


def test_desk_bylines_with_report_words_and_places():
    assert names(parse_byline_line("政治中心／王小明報導")) == [("王小明", None)]
    assert names(parse_byline_line("民視新聞／王小明 台北報導")) == [("王小明", None)]
    assert parse_byline_line("生活中心／台北") is None  # a desk and a place, nobody named


def test_newsroom_name_before_a_credit():
    byline = parse_byline_line("中國時報 王小明／台北報導")
    assert names(byline) == [("王小明", None)] and byline.credit == "中國時報"
    assert names(parse_byline_line("TVBS新聞 王小明 李大華 報導")) == [
        ("王小明", None),
        ("李大華", None),
    ]
    byline, rest = split_run_in("工商時報【記者吳小雯╱台北報導】台積電董事長昨日獲頒學位。")
    assert names(byline) == [("吳小雯", "记者")] and byline.credit == "工商時報"
    assert byline.raw == "工商時報【記者吳小雯╱台北報導】" and rest == "台積電董事長昨日獲頒學位。"


def test_hong_kong_spelling_and_overseas_datelines():
    assert names(parse_byline_line("本報記者 王小明 報道")) == [("王小明", "记者")]
    byline, rest = split_run_in("【本報訊】記者王小明報道：市府今天公布計畫。")
    assert names(byline) == [("王小明", "记者")] and rest == "市府今天公布計畫。"
    byline, rest = split_run_in(
        "【大紀元2015年06月10日訊】（大紀元記者魏小彬綜合報導）王建民今日先發。"
    )
    assert names(byline) == [("魏小彬", "记者")] and rest == "王建民今日先發。"
    byline, _ = split_run_in("（大紀元記者陸希休斯頓報導）休士頓校友會歡聚中秋。")
    assert names(byline) == [("陸希", "记者")]
    # a tag naming nobody stays in the text
    assert split_run_in("〔本報訊〕英國金融時報評選庫克為年度代表人物。") is None


def test_latin_names_and_described_writers():
    assert names(parse_byline_line("By John Smith")) == [("John Smith", "作者")]
    assert names(parse_byline_line("By Jane Doe and Tom Lee")) == [
        ("Jane Doe", "作者"),
        ("Tom Lee", "作者"),
    ]
    assert parse_byline_line("By the way") is None
    assert names(parse_byline_line("記者 John Smith／台北報導")) == [("John Smith", "记者")]
    byline, rest = split_run_in("文／Lily Chen 台北的冬天很冷。")
    assert names(byline) == [("Lily Chen", "文")] and rest == "台北的冬天很冷。"
    assert names(parse_byline_line("文／王小明（台大經濟系教授）")) == [("王小明", "文")]


def test_editors_printed_apart_with_spaces_are_given_as_printed():
    assert (
        parse_byline_line("记者：吕小熙 文海欣  责编：胡力 嘉远 网编：瑞哲").editor == "胡力 嘉远"
    )
    assert parse_byline_line("(责编：牛小镛、岳弘彬)").editor == "牛小镛、岳弘彬"


def test_small_colon_report_word_in_brackets_and_writing_roles():
    assert names(parse_byline_line("記者﹕關小蔓")) == [("關小蔓", "记者")]
    assert parse_byline_line("記者﹕關小蔓").raw == "記者﹕關小蔓"
    assert names(parse_byline_line("李小欣/张慈（综合报导）")) == [("李小欣", None), ("张慈", None)]
    assert names(parse_byline_line("执笔人：闵小夫 赵兰波")) == [
        ("闵小夫", "撰稿"),
        ("赵兰波", "撰稿"),
    ]


def test_how_a_story_was_compiled_names_nobody():
    for credit in ("（綜合報導）", "（综合报导）", "（编译报道）", "（綜合外電報導）"):
        byline = parse_byline_line(credit)
        assert byline is not None and byline.authors == [], credit
    text, byline = split_trailing_credit("市府今天公布計畫。（綜合報導）")
    assert text == "市府今天公布計畫。" and byline.authors == []


def test_writer_then_title_after_a_space():
    byline = parse_byline_line("撰文 : 梁小康 HK Money Club聯合創辦人、CFA")
    assert names(byline) == [("梁小康", "撰稿")]
    assert names(parse_byline_line("作者：王小明 台大經濟系教授")) == [("王小明", "作者")]
    assert parse_byline_line("作者：王小明 今天去吃飯") is None
