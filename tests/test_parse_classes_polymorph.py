"""Failure classes found on first contact with 2024-2025 mainland pages (dev set sources
thepaper, caixin, cbgc, guancha, mydrivers): a headline and lead printed in a box whose class
says `header`, desk credits in such a box, a `正文` tab label, a photo gallery whose slide
captions are the story, an editor's staff code and a layout editor, a platform's posting
line with its IP region, a read-aloud button, a caption whose picture the saved page lost,
a bracketed `【文/outlet name】` lead credit, a writer who is also the story's editor.
Inputs are small synthetic pages written for these tests."""

from __future__ import annotations

from synthetic import page, text_of, writers
from zhnews.parse import parse_document
from zhnews.parse.bylines import parse_credit_line, split_run_in

_TITLE = "特朗普签署行政令禁止跨性别运动员参赛"
_LEAD = "当地时间2月5日，美国总统特朗普签署行政令，禁止跨性别运动员参加女子体育赛事。该行政令是其政府的最新举措。"
_LINES = [
    "联合国粮食及农业组织周二警告说，一种猪瘟可能会越过边境，散播至邻近国家和地区。",
    "过去一个月，四个省份报告了感染猪只的疫情，当局已经封锁了相关的养殖场和屠宰场。",
    "粮农组织表示，它正在与各国当局密切合作，以控制疫情的进一步蔓延和扩散的风险。",
]
_SIDEBAR = (
    "<div class='rail'><ul><li>外交部副部长华春莹，有新职</li>"
    "<li>道指开盘涨0.2%，标普500涨0.3%，纳指涨0.4%</li>"
    "<li>一种啮齿类动物，以洞穴为家，拥有一个表情包，也叫旱獭</li></ul></div>"
)


def _parse(body: str, title: str = _TITLE, name: str = "page.html"):
    html = page(f"<title>{title}_World全知道_澎湃新闻</title>", body)
    return parse_document(html, f"pages/{name}").articles[0]


# --- 1. a video page: headline, lead and credits in boxes named `header_*` -----------------


def _video_page(credits: str = "") -> str:
    return (
        "<div class='header_wrapper'><div class='header_wrap'><div>"
        f"<h2 class='header_title'>{_TITLE}</h2>"
        "<div class='header_source'><span>2025-02-06 11:01</span><span>来源：澎湃新闻</span></div>"
        f"<p class='header_desc'>{_LEAD}</p>{credits}</div></div></div>"
        + "<h3>相关推荐</h3>"
        + "".join(
            f"<div><span>00:4{i}</span><h3>另一条视频新闻的标题第{i}条</h3></div>" for i in range(9)
        )
        + _SIDEBAR
    )


def test_a_headline_and_lead_in_boxes_named_header_are_the_story():
    article = _parse(_video_page())
    assert article.title == _TITLE
    assert text_of(article) == [_LEAD]


def test_desk_credits_in_a_box_named_header_give_the_editor():
    credits = (
        "<div class='header_source'><span>澎湃新闻编辑 王蕴玮 校译 郑舒雁</span>"
        "<span>责任编辑：<!-- -->杨一<!-- --></span></div>"
    )
    article = _parse(_video_page(credits))
    assert article.editor == "杨一"
    assert text_of(article) == [_LEAD]


def test_a_paragraph_named_for_the_footer_is_still_furniture():
    body = (
        f"<h1>{_TITLE}</h1>"
        + "".join(f"<p>{line}</p>" for line in _LINES)
        + "<p id='copyright_2014'>某某财经新闻有限公司版权所有，不得转载。Copyright © 2020 "
        "Some Economic Journal Company Limited. All rights reserved.</p>"
    )
    assert text_of(_parse(body)) == _LINES


# --- 2. the page's `正文` tab over the text --------------------------------------------


def test_the_text_tab_label_is_not_a_subhead():
    body = (
        f"<header><h2>{_TITLE}</h2></header><div class='label-tab'><ul>"
        "<li class='current'><em>正文</em></li><li><em><a href='/c'>留言</a></em></li></ul></div>"
        + "".join(f"<p>{line}</p>" for line in _LINES)
    )
    assert text_of(_parse(body)) == _LINES


# --- 3. a photo gallery whose slide captions are the story ------------------------------

_CAPTIONS = [
    "当地时间2025年2月5日，美国华盛顿，美国总统签署一项行政命令，要求所有体育机构执行新规定。",
    "当地时间2025年2月6日上午，韩国首尔，韩国总统抵达宪法法院，出席弹劾案庭审第六场公开辩论。",
    "当地时间2025年2月3日，刚果（金）戈马，一群居民在墓地旁观看红十字会人员埋葬遇难者。",
    "当地时间2025年2月5日，墨西哥胡亚雷斯，墨西哥国民警卫队成员在美墨边境地区巡逻执勤。",
]
_CREDITS = ["图：IC photo", "图：视觉中国", "图：视觉中国", "图：视觉中国"]


def _gallery(text: str = "") -> str:
    n = len(_CAPTIONS)
    slides = "".join(
        f"<dl class='bigPicTxt2'><dt>{c}{credit}</dt><dd><em>{i}</em>/{n}</dd></dl>"
        for i, (c, credit) in enumerate(zip(_CAPTIONS, _CREDITS, strict=True), start=1)
    )
    return f"<h1>一周天下｜{_TITLE}</h1><p>2025年02月08日 15:04</p>{text}<div class='title2'>{slides}</div>"


def test_the_captions_of_a_gallery_page_are_its_text_without_their_credits():
    article = _parse(_gallery(), title=f"一周天下｜{_TITLE}")
    assert text_of(article) == _CAPTIONS


def test_a_story_with_a_gallery_beside_its_text_keeps_the_captions_as_captions():
    text = "".join(f"<p>{line * 2}</p>" for line in _LINES)
    article = _parse(_gallery(text), title=f"一周天下｜{_TITLE}")
    assert text_of(article) == [line * 2 for line in _LINES]


# --- 4. an editor's staff code, a layout editor -----------------------------------------


def test_an_editors_staff_code_after_the_names_and_a_layout_editor():
    credit = parse_credit_line("责任编辑：翁倩 董德(ZE007) | 版面编辑：翁倩")
    assert credit is not None and credit.editor == "翁倩 董德" and not credit.authors
    layout = parse_credit_line("版面编辑：翁倩")
    assert layout is not None and layout.editor is None and not layout.authors


# --- 5. a platform's posting line, a read-aloud button, a lost picture's caption --------


def test_a_posting_line_with_its_ip_region_and_a_read_aloud_button_are_not_text():
    body = (
        f"<h1>{_TITLE}</h1><div class='info'><p>北京日报 2025-02-15 13:19 发表于四川</p>"
        "<div class='aiBroadcastBox'><img src='a.png'><p>全文播报</p></div>"
        "<p>发表于四川</p></div>" + "".join(f"<p>{line}</p>" for line in _LINES)
    )
    article = _parse(body)
    assert text_of(article) == _LINES
    assert article.published_at is not None and article.published_at.day == 15


def test_a_short_line_ending_in_a_bracketed_picture_word_is_a_caption_without_a_picture():
    body = f"<h1>{_TITLE}</h1><p>{_LINES[0]}</p><p></p><p>美国陆军（资料图）</p>" + "".join(
        f"<p>{line}</p>" for line in _LINES[1:]
    )
    assert text_of(_parse(body)) == _LINES


# --- 6. a bracketed lead credit naming the newsroom; a writer who also edited ------------


def test_a_bracketed_writer_credit_with_the_newsroom_opens_the_lead():
    split = split_run_in(f"【文/观察者网 张菁娟】{_LINES[0]}")
    assert split is not None
    byline, rest = split
    assert [a.name for a in byline.authors] == ["张菁娟"] and byline.credit == "观察者网"
    assert rest == _LINES[0]
    assert split_run_in(f"【图/张菁娟】{_LINES[0]}") is None  # a picture credit names no writer


def test_a_lead_credits_writer_who_is_also_the_editor_stays_a_writer():
    body = (
        f"<h1>{_TITLE}</h1><p>【文/观察者网 张菁娟】{_LINES[0]}</p>"
        + "".join(f"<p>{line}</p>" for line in _LINES[1:])
        + "<ul class='article-other'><li>责任编辑: 张菁娟</li></ul>"
    )
    article = _parse(body)
    assert writers(article) == ["张菁娟"] and article.editor == "张菁娟"
    assert text_of(article) == _LINES


def test_a_bare_closing_tag_naming_the_editor_is_no_writer():
    body = (
        f"<h1>{_TITLE}</h1>"
        + "".join(f"<p>{line}</p>" for line in _LINES[:-1])
        + f"<p>{_LINES[-1]}（郭旭）</p><p>【责任编辑：郭旭】</p>"
    )
    article = _parse(body)
    assert writers(article) == [] and article.editor == "郭旭"


# --- 7. the place a story was filed from, printed after the names ----------------------


def test_a_place_after_the_names_of_a_credit_is_not_a_writer():
    for line, names in (
        ("新华社记者 张三 北京", ["张三"]),
        ("记者 张三 李四 台北", ["张三", "李四"]),
        ("记者 张三 王北京", ["张三", "王北京"]),  # a name that ends like a place stays
    ):
        credit = parse_credit_line(line)
        assert credit is not None and [a.name for a in credit.authors] == names
