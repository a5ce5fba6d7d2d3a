from zhnews.parse.bylines import (
    parse_box_byline,
    parse_byline_line,
    parse_closing_byline,
    parse_photo_credit,
    parse_wire_credit,
    split_names,
    split_run_in,
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
