"""Failure classes (g): headings inside one article taken for new stories, script-only
publish times, unlabelled multi-story text dumps, signature and publisher-led bylines,
title-date provenance."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from zhnews.parse import parse_document
from zhnews.parse.bylines import parse_byline_line, parse_credit_line

TZ = ZoneInfo("Asia/Shanghai")


# --- 1. headings inside one article are subheads ------------------------------------------


def _health_page(page_title: str, second_header: str = "") -> str:
    return f"""<!DOCTYPE html><html><head><title>{page_title}</title></head><body>
<div class="story"><div class="top"><h1>头油多还脱发？该吃什么不该吃什么</h1>
<p class="info">某某网 | 发布: 2021-1-29 13:18</p></div>
<div class="text"><p>很多人都面临着头皮经常出油的问题，洗完头发不到一天就塌了，头油常与脱发一并出现。</p>
<h1>怎样判断自己是否属于这一类呢？</h1>{second_header}
<p>这一类脱发多数发生在青年人身上，大部分从前额两侧和头顶开始，慢慢形成秃顶，脱发速度因人而异。</p>
<p>所以，从初期就截断它的发展势头显得尤为重要，以下给大家介绍一些饮食上的注意事项。</p>
<h1>饮食调理注意：</h1>
<p>1、蛋白质是头发的主要养分，因此要摄取充足的蛋白质食物，如牛奶、鸡蛋、瘦肉、鱼类等。</p>
<p>2、多食富含维生素B族的食物，维生素B有调节代谢、刺激毛发再生的功能，如马铃薯、蚕豆等。</p>
</div></div></body></html>"""


def test_headings_inside_the_story_a_page_is_titled_after_are_subheads():
    articles = parse_document(
        _health_page("头油多还脱发？该吃什么不该吃什么-健康-某某网"), "a.html"
    ).articles
    assert len(articles) == 1
    subheads = [p.text for p in articles[0].paragraphs if p.kind == "subhead"]
    assert subheads == ["怎样判断自己是否属于这一类呢？", "饮食调理注意："]
    assert articles[0].body_paragraphs[-1].startswith("2、多食")


def test_headings_stay_stories_when_the_page_names_a_page_or_a_story_has_its_own_byline():
    # a page name as <title>: a page of stories, decided as before
    assert len(parse_document(_health_page("健康频道-某某网"), "a.html").articles) == 3
    # a heading with a byline of its own under it opens a story of its own
    bylined = _health_page("头油多还脱发？该吃什么不该吃什么-健康-某某网", "<p>本报记者 王乐文</p>")
    assert len(parse_document(bylined, "a.html").articles) >= 2


# --- 2. a unix timestamp assigned to a publish-time script variable -------------------------


def _script_dated_page(script: str) -> str:
    return f"""<!DOCTYPE html><html><head><meta property="og:title" content="县里表彰退役军人" />
<title></title></head><body><div id="content"><h1>县里表彰退役军人</h1><em id="publish_time"></em>
<div class="text"><p>7月29日上午，在建军节来临之际，县里在消防救援大队举行了首届最美退役军人表彰大会。</p>
<p>会上，对经各镇遴选推荐、评委会评审通过的六个类别的33名最美退役军人进行了表彰。</p></div></div>
<script>{script}</script></body></html>"""


@pytest.mark.parametrize(
    "script,day",
    [
        ('var nickname = "某某";\nvar ct = "1659274471";', "2022-07-31"),  # 21:34 China time
        ("window.publish_time = 1659274471000;", "2022-07-31"),
        ('var svr_time = "1659283446"; var update_time = "1659274471";', None),
        ('var data = {"publishTime": 1659274471};', None),  # a data list's property
    ],
)
def test_unix_timestamp_assigned_to_a_publish_time_variable_dates_the_page(script, day):
    article = parse_document(_script_dated_page(script), "page.html").articles[0]
    found = article.published_at.astimezone(TZ).date().isoformat() if article.published_at else None
    assert found == day
    if day:
        assert article.published_at_source == "meta"


# --- 5. a date read from the page's <title> says so --------------------------------------


def test_date_from_the_page_title_has_its_own_provenance():
    page = """<!DOCTYPE html><html><head><title>港股收市評論-20110711-經濟</title></head><body>
<div class="text"><h1>港股收市評論</h1>
<p>恒生指數今日高開低走，收市跌一百二十點，成交額六百億元，市場觀望美國數據。</p>
<p>分析員指出，大市短期仍在兩萬二千點水平上落，投資者宜審慎部署。</p></div></body></html>"""
    article = parse_document(page, "page.html").articles[0]
    assert article.published_at.date().isoformat() == "2011-07-11"
    assert article.published_at_source == "page_title"


# --- 3. a plain-text dump of headed stories without its label line -------------------------

_A = "　　○本埠城北一帶近日新開茶館數處每至晚間客座常滿街市頗形熱閙地方官已飭差查察以杜滋事"
_B = "　　○城南河道久未疏浚商船往來多有不便今由紳董集資興挑約計月內即可竣工云"
_C = "　　○前日午後有鄕人挑菜入城行至橋邊失足落水經旁人救起幸無大碍"


def test_unlabelled_text_dump_of_bracket_headed_stories_is_a_page_of_stories():
    text = "\n".join(["Page 1", "", "[茶館林立]  ", _A, "[挑浚河道]  ", _B, "[鄕人落水]  ", _C])
    doc = parse_document(text + "\n", "issue.txt")
    assert doc.format == "text"
    assert [a.title for a in doc.articles] == ["茶館林立", "挑浚河道", "鄕人落水"]
    # two bracketed lines are no story sequence: one text, as before
    two = "\n".join(["[茶館林立]  ", _A, "[挑浚河道]  ", _B])
    assert len(parse_document(two + "\n", "issue.txt").articles) == 1


# --- 4. bylines: closing signatures, publisher-led and padded bylines, sourced credits -------


def _authors(byline) -> list[str]:
    return [a.name for a in byline.authors] if byline else None


@pytest.mark.parametrize(
    "line,names",
    [
        ("莫釐樵寄初草", ["莫釐樵"]),  # a contributor's first draft
        ("西吳无悶子稿", ["西吳无悶子"]),
        ("東海散人拜稿", ["東海散人"]),
        ("金陵湖熟鎭　人氏遺稿於松蔭南軒", []),  # a late writer's manuscript: nobody named
        ("此稿未完", None),
        ("欢迎投稿", None),
        ("讲话稿", None),
        ("张三供稿", None),
    ],
)
def test_closing_signature_line_names_its_writer(line, names):
    assert _authors(parse_byline_line(line)) == names


@pytest.mark.parametrize(
    "line,names",
    [
        ("某某网江北频道 记者 伊琳 李清芬", ["伊琳", "李清芬"]),  # publisher, role, names
        ("本报记者  王乐文  方  敏", ["王乐文", "方敏"]),  # a two-character name padded
        ("本报记者 王 乐 文 方 敏", ["王乐文", "方敏"]),
    ],
)
def test_byline_after_a_channel_name_and_padded_names(line, names):
    assert _authors(parse_credit_line(line)) == names


def test_credit_line_with_a_source_field_names_the_writer_and_the_source():
    youth = parse_credit_line("中青报·中青网记者 魏其濛 来源：中国青年报")
    assert _authors(youth) == ["魏其濛"] and youth.credit == "中国青年报"
    closing = parse_credit_line(
        "（本文来源：经济日报 作者：中国国际经济交流中心世界经济研究部部长、研究员徐占忱）"
    )
    assert _authors(closing) == ["徐占忱"] and closing.credit == "经济日报"
    assert closing.kind == "closing"
    # a description without a name after its title names nobody; a page's source line is
    # left to the source-line rule
    assert parse_credit_line("（本文来源：经济日报 作者：中国国际经济交流中心研究员）") is None
    assert parse_credit_line("来源：新华网 编辑：张三") is None


def test_sourced_closing_credit_leaves_the_body():
    page = """<!DOCTYPE html><html><head><title>中法经贸合作不断拓展</title></head><body>
<div class="text"><h1>中法经贸合作不断拓展</h1>
<p>中法合作遍布于重要能源、前沿科技领域以及百姓生活中日常食品用品，法国是重要贸易伙伴。</p>
<p>新形势下中法两国经贸关系的广度和深度将不断拓展，新的合作领域和增长点将不断涌现。</p>
<p>（本文来源：经济日报 作者：中国国际经济交流中心世界经济研究部部长、研究员徐占忱）</p>
</div></body></html>"""
    article = parse_document(page, "page.html").articles[0]
    assert [a.name for a in article.authors] == ["徐占忱"]
    assert all("本文来源" not in p for p in article.body_paragraphs)
