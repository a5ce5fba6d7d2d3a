"""Failure classes of issue 12 (round o), seen on the mainland dev-set documents added this
round (he.news.cn, 扬子晚报 紫牛, 雅虎中国 2005, 凤凰网 2019 and 大风号 2024, …); each test
is a small synthetic page written for the class, with made-up names and text."""

from __future__ import annotations

from synthetic import PARAGRAPH, STORY
from zhnews.parse import parse_document
from zhnews.parse.blocks import html_document_title
from zhnews.parse.debris import debris_reason


def _paragraphs(article) -> list[str]:
    return [p.text for p in article.paragraphs if p.kind in ("body", "subhead")]


def _page(body: str, title: str = "防暑补贴陆续发放") -> str:
    return (
        f"<html><head><title>{title}_示例网</title></head><body><h1>{title}</h1>"
        f"<div class='text'>{body}</div></body></html>"
    )


def test_a_photo_credit_alone_on_a_line_is_not_body() -> None:
    for credit in ("新华社发（张小明摄）", "（新华社记者 李大为 摄）", "（王五 摄）"):
        page = _page(STORY + f"<p>{credit}</p>")
        body = _paragraphs(parse_document(page, "photo.html").articles[0])
        assert body[-1].startswith("第4段"), (credit, body[-1])
        assert not any(credit in p for p in body)
    # a sentence that mentions taking pictures stays
    assert debris_reason("他在公园里拍了很多照片（都是自己摄）。") is None


def test_a_pseudonym_note_and_an_acknowledgment_under_a_feature_are_not_body() -> None:
    tail = (
        "<p>文中张某为化名</p><p>感谢赵一、老钱为本文提供的帮助</p>"
        "<p>作者 <strong>王五 赵六</strong></p><p>编辑 <strong>孙七</strong></p>"
    )
    story = STORY.replace("<p>第2段", "<p>（文中受访者均为化名）</p><p>第2段", 1)
    body = _paragraphs(parse_document(_page(story + tail), "feature.html").articles[0])
    assert body[-1].startswith("第4段"), body[-1]
    assert len(body) == 4, body
    # reporting that mentions a pseudonym or thanks is text
    assert debris_reason("他说文中提到的人物为化名，但事实属实，报道因此继续。") is None
    assert debris_reason("记者感谢了他为本文提供的帮助，并说这非常重要。") is None


def test_a_material_source_line_is_a_credit_not_body() -> None:
    page = _page(STORY + "<p>素材来源 本省各市党报及官方发布</p><p>资料来源：某某统计局</p>")
    body = _paragraphs(parse_document(page, "roundup.html").articles[0])
    assert body[-1].startswith("第4段"), body[-1]
    assert debris_reason("消息来源称，这次会议将在北京举行") is None


def test_a_lost_links_prompt_and_the_bracket_it_left_open_go() -> None:
    story = (
        "<p>第1段：本市今年夏季持续高温，有关部门近日下发通知，要求发放防暑补贴。（详情请点击链接：</p>"
        "<p>）第2段：各用人单位要按时足额发放，并加强对户外作业人员的劳动保护，确保措施落实。</p>"
        "<p>第3段：另据了解，部分企业已经提前发放了补贴，职工普遍表示满意，工作积极性提高。（详情请点击链接：</p>"
        "<p>）</p>"
        "<p>第4段：有关部门表示，将继续加大检查力度，对拒不发放补贴的单位依法处理，绝不姑息。</p>"
    )
    body = _paragraphs(parse_document(_page(story), "roundup.html").articles[0])
    assert body == [
        "第1段：本市今年夏季持续高温，有关部门近日下发通知，要求发放防暑补贴。",
        "第2段：各用人单位要按时足额发放，并加强对户外作业人员的劳动保护，确保措施落实。",
        "第3段：另据了解，部分企业已经提前发放了补贴，职工普遍表示满意，工作积极性提高。",
        "第4段：有关部门表示，将继续加大检查力度，对拒不发放补贴的单位依法处理，绝不姑息。",
    ], body
    # a bracket alone is debris; a bracketed word about clicks is not a prompt
    assert debris_reason("）") == "ornament"
    assert debris_reason("（点击量）") is None


def test_a_read_more_word_after_the_last_sentence_goes() -> None:
    story = STORY.replace(
        "确保各项措施落到实处。</p>", "确保各项措施落到实处。详情 <img src='a.jpg'></p>", 1
    )
    body = _paragraphs(parse_document(_page(story), "roundup.html").articles[0])
    assert body[0].endswith("落到实处。"), body[0]
    assert not any(p.endswith("详情") for p in body)


def test_a_picture_label_printed_under_two_pictures_is_a_caption() -> None:
    story = (
        PARAGRAPH.format(i=1)
        + "<p><img src='1.jpg'></p><p>灯光版《夜景长卷》</p>"
        + PARAGRAPH.format(i=2)
        + "<p><img src='2.jpg'></p><p>灯光版《夜景长卷》</p>"
        + PARAGRAPH.format(i=3)
        + "<p><img src='3.jpg'></p><p>天色渐暗</p>"
        + PARAGRAPH.format(i=4)
    )
    body = _paragraphs(parse_document(_page(story), "gallery.html").articles[0])
    assert not any("夜景长卷" in p for p in body), body
    assert "天色渐暗" in body  # a label printed once under one picture is left to the text


def test_a_column_name_before_the_headline_is_part_of_the_title() -> None:
    title = "书记市长这一周 | 奋马扬鞭争春色，全力开新局"
    assert html_document_title(f"<title>{title}</title>") == title
    page = _page(STORY, title=title).replace("_示例网", "")
    article = parse_document(page, "column.html").articles[0]
    assert article.title == title
    assert _paragraphs(article)[0].startswith("第1段")
    # a site name or a short channel name after the headline is still cut
    assert html_document_title("<title>某地发布新规_新浪财经_新浪网</title>") == "某地发布新规"
    assert html_document_title("<title>人民网 | 某某报道称，经济增长</title>") == "人民网"
    assert html_document_title("<title>第一财经 | 央行宣布降准0.5个百分点</title>") == "第一财经"


def test_a_month_alone_under_a_reports_headline_is_not_body() -> None:
    page = (
        "<html><body><div class='Heading'>本市中学生体质调查报告</div>"
        "<p align=center><strong>本市中学生体质调查报告</strong></p>"
        "<p align=center><strong>2003年5月</strong></p>" + STORY + "</body></html>"
    )
    body = _paragraphs(parse_document(page, "report.html").articles[0])
    assert body[0].startswith("第1段"), body[0]
    assert debris_reason("2003年5月") == "month_line"
    assert debris_reason("2003年5月12日") is None  # a full date is the date parser's


def test_a_right_rail_beside_the_story_is_not_body() -> None:
    rail = (
        "<div class='right-bar'><p>作者其他文章</p><div class='video'><div>00:16</div>"
        + "".join(
            f"<p>第{i}节打出一波13比0的进攻，客队无奈又一次叫出暂停，主队优势扩大到二十分！</p>"
            for i in range(1, 6)
        )
        + "<div>缓冲健康度</div><div>视频分辨率</div></div></div>"
    )
    page = _page(STORY + rail)
    body = _paragraphs(parse_document(page, "rail.html").articles[0])
    assert len(body) == 4 and body[-1].startswith("第4段"), body


def test_credit_copyright_and_label_lines_of_a_portal_page_are_not_body() -> None:
    story = (
        "<p>栏目关注：</p>"
        + STORY
        + "<p>来源 | 综合本地媒体报道</p><p>示例健康网(www.example.net)专稿，未经书面授权请勿转载。</p>"
    )
    body = _paragraphs(parse_document(_page(story), "portal.html").articles[0])
    assert len(body) == 4 and body[0].startswith("第1段") and body[-1].startswith("第4段"), body
    assert debris_reason("专家表示：") is None
    assert debris_reason("本报专稿。") is None


def test_a_run_of_hyphens_after_a_posts_headline_is_not_part_of_the_title() -> None:
    page = (
        "<html><head><title>某某的博客</title></head><body><div class='entity'>"
        f"<h2 class='diaryTitle'>防暑补贴陆续发放- -</h2>{STORY}</div></body></html>"
    )
    article = parse_document(page, "blog.html").articles[0]
    assert article.title == "防暑补贴陆续发放", article.title


def test_a_reports_endnotes_and_its_contents_label_are_not_body() -> None:
    notes = (
        "<p>[1] 《在某某大会上的讲话》，新华社，2021年7月1日。</p>"
        "<p>[2] 张三著，李四译：《某某学导论》，某某人民出版社，1990年版，第12页。</p>"
        "<p>[3] “A Survey of Public Opinion”, July, 2020, https://example.org/report.pdf</p>"
    )
    page = _page("<p>目 录：</p>" + STORY + notes)
    body = _paragraphs(parse_document(page, "report.html").articles[0])
    assert len(body) == 4 and body[-1].startswith("第4段"), body
    # a paragraph that opens with a note number but holds no citation is text
    assert debris_reason("[2]据统计，去年全市新增就业岗位十万个。") is None
