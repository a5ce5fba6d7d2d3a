"""Failure classes found on mainland portal pages (dev set, issue 12): teaser rails and pagers after the text."""

from zhnews.parse import parse_document
from zhnews.parse.debris import debris_reason

TEXT = (
    "据媒体5月19日报道，内阁在18日晚开会，审查了一份重启谈判的提案。提案中包括在停火期间交换人员的安排。",
    "该提案由谈判小组核心成员提出，并得到国防部长的支持。会议没有就提案作出决定。",
)


def _page(after_text: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in TEXT)
    return (
        "<html><head><title>内阁审查重启谈判提案_新闻频道</title></head><body>"
        "<h1>内阁审查重启谈判提案</h1><div class='info'>发稿时间：2024-05-20 13:15:00</div>"
        f"<div class='content'>{paragraphs}</div>{after_text}</body></html>"
    )


def test_teaser_closed_by_a_read_more_link_is_debris():
    assert debris_reason("近日，多地小麦进入成熟期，陆续开镰收割。【详细】") == "teaser"
    assert debris_reason("当地聚焦绿色发展，着力推进低碳发展和循环发展，加快...[详情]") == "teaser"
    assert debris_reason("更多内容 详情>>") == "teaser"
    # the words inside a sentence are reporting
    assert debris_reason("记者看到【详细】的说明贴在门口，居民可以随时查阅。") is None


def test_pager_line_is_debris():
    assert debris_reason("首页 | 上一页 1 下一页 | 尾页") == "pager"
    assert debris_reason("[上一页] 1 2 3 [下一页]") == "pager"
    assert debris_reason("上一页的内容说明了这一点") is None


def test_picture_rail_after_the_text_stays_out_of_the_body():
    rail = (
        "<div class='page'>首页 | 上一页 1 下一页 | 尾页</div>"
        "<div class='rel'><h3>相关新闻</h3><ul>"
        "<li><h4>山东日照：小蓝莓助力农业发展</h4>"
        "<p>5月22日，在蓝莓产学研基地，农户在采摘蓝莓。自2005年发展蓝莓种植以来，当地蓝莓...【详细】</p>"
        "</li>"
        "<li><h4>河南山东等地小麦陆续开镰收割</h4>"
        "<p>近日，河南、山东等地小麦进入成熟期，陆续开镰收割。【详细】</p>"
        "</li></ul></div>"
    )
    article = parse_document(_page(rail), "rail.html").articles[0]
    assert article.body_paragraphs == list(TEXT)
