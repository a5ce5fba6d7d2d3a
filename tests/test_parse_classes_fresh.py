"""Failure classes found on documents the parser had never seen (issue 12: the 2023 layouts
of an international broadcaster's Chinese service and of another's traditional-character
edition): a labelled byline whose names are a link, printed after the standfirst; a name and
its job title printed as two lines of a byline list; a long picture legend closed by a
copyright-sign credit.

Every input is made up and small; each test names the class it guards, never a site.
"""

from zhnews.parse import parse_document

TITLE = "強颱風逼近沿海 多地停工停課"
LEAD = (
    "強颱風連日逼近東南沿海，多地政府嚴陣以待，天文部門今晨發出第三高的風暴警告信號，"
    "傍晚或考慮改掛更高信號。截至中午，部分地區出現水浸，數百班航班取消。"
)
P1 = "氣象部門預測颱風將於今天下午至夜間在沿海一帶登陸，已將應急響應提升至最高一級，並要求居民非必要不要外出。"
P2 = "交通部門表示，海上和陸上交通陸續停駛，機場管理局稱下午兩時後的航班基本上會取消，但機場不會關閉。"
P3 = "當局又指，由於颱風將非常接近河口，受天文大潮影響，明早低窪地區有機會出現水浸，水位可能在短時間內快速上升。"


def page(body: str, title: str = TITLE) -> str:
    return (
        f"<html><head><title>{title} - 示例國際廣播</title></head><body>"
        f"<main><article><h1>{title}</h1>{body}</article></main></body></html>"
    )


def only_article(text: str, name: str = "page.html"):
    (article,) = parse_document(text, name).articles
    return article


def writers(article) -> list[str]:
    return [a.name for a in article.authors if a.role not in ("摄影", "攝影")]


# ---------------------------------------------------------------------------------------
# A labelled byline whose value is a link (`作者：<a>駐地特約記者 X</a>`) is the byline even
# when it is printed after the standfirst and the lead picture, not a link list in the text


def test_labelled_byline_with_linked_name_after_the_standfirst_names_the_writer():
    byline = (
        '<div class="byline"><span class="label">作者：</span>'
        '<a href="/writers/lin-meiling/" class="name">駐京特約記者 林美玲</a></div>'
    )
    body = (
        f'<p class="standfirst">{LEAD}</p><p>發表時間： 01/09/2023 - 09:49</p>'
        '<figure><img src="a.jpg" alt="颱風雲圖"><figcaption>颱風雲圖</figcaption></figure>'
        f'{byline}<div class="body"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>'
    )
    article = only_article(page(body))
    assert writers(article) == ["林美玲"]
    assert article.body_paragraphs == [LEAD, P1, P2, P3]


# ---------------------------------------------------------------------------------------
# A byline list printing the name on one line and the writer's job title on the next
# (`X` / `BBC中文記者`-like: a newsroom's 記者 credit naming nobody) names the writer


def test_name_over_its_job_title_in_a_byline_list_is_the_byline():
    for printed, name in (("林美玲", "林美玲"), ("尼可·華特（Nicole Walt）", "尼可·華特")):
        byline = (
            f'<ul class="credits"><li>{printed}</li><li>示例廣播亞洲商業事務記者</li></ul>'
            "<time>2023年9月10日</time>"
        )
        body = f"{byline}<p>{P1}</p><p>{P2}</p><p>{P3}</p>"
        article = only_article(page(body))
        assert writers(article) == [name]
        assert article.body_paragraphs == [P1, P2, P3]


# ---------------------------------------------------------------------------------------
# A picture legend longer than a line, closed by a copyright-sign credit (`…（衛星雲圖）
# © 氣象部門衛星雲圖`) inside the picture's caption, is the caption, not a paragraph


def test_long_figure_legend_closed_by_a_copyright_credit_is_a_caption():
    legend = (
        "2023年9月1日，被形容為完美風暴的強颱風吹襲沿海一帶，逼近本市。颱風結構緊密，"
        "風眼清晰可見，預示風力強勁(氣象部門1日早上10時半衛星雲圖)"
    )
    credit = "© 氣象部門1日早上10時半衛星雲圖"
    figure = (
        '<figure><img src="a.jpg" alt="颱風雲圖">'
        f"<figcaption><span>{legend}</span> <span>{credit}</span></figcaption></figure>"
    )
    body = f"<p>{LEAD}</p>{figure}<p>{P1}</p><p>{P2}</p><p>{P3}</p>"
    article = only_article(page(body))
    assert article.body_paragraphs == [LEAD, P1, P2, P3]


# ---------------------------------------------------------------------------------------
# A table-of-contents box (`目次` over links to the subheads) between the headline's meta
# row and the text does not head a story: the headline, its writer and the text stay one


def test_contents_box_between_the_headline_and_the_text_is_not_the_headline():
    header = (
        '<div class="main-info"><div class="container"><div class="col">'
        f'<h1 class="article-title">{TITLE}</h1>'
        '<div class="article-info"><span class="reporter">林美玲／綜合報導</span>'
        "<span>發布時間：<time>2023-08-22 18:28</time></span></div>"
        '<ul class="tag-list"><li><a href="/tag/1/">颱風</a></li>'
        '<li><a href="/tag/2/">停課</a></li></ul>'
        '<figure><picture><img src="cover.jpg" alt=""></picture></figure></div></div></div>'
    )
    contents = (
        '<div class="col-lg-2"><div class="sticky-content"><div class="wrap">'
        '<h3 class="section-title">目次</h3></div><ul><li><a href="#a">颱風路徑</a></li>'
        '<li><a href="#b">停工停課</a></li></ul></div></div>'
    )
    text = (
        f'<div class="col-lg-8"><div class="post"><div class="lead">{LEAD}</div><p>{P1}</p>'
        f'<h2 id="a">颱風路徑</h2><p>{P2}</p><h2 id="b">停工停課</h2><p>{P3}</p></div></div>'
    )
    html = (
        f"<html><head><title>{TITLE} ｜ 示例新聞網</title></head><body>{header}"
        f'<div class="container"><article class="row">{contents}{text}</article></div>'
        "</body></html>"
    )
    article = only_article(html)
    assert article.title == TITLE
    assert writers(article) == ["林美玲"]
    assert article.body_paragraphs == [LEAD, P1, P2, P3]


# ---------------------------------------------------------------------------------------
# A follow-the-topic tag box printed beside the byline (`<section class="follow-tags">
# <span data-type="tag">X</span>`) names a topic, not a second writer


def test_topic_tag_beside_the_byline_is_not_a_writer():
    header = (
        '<div class="subinfo"><section class="authors"><time>2023-08-28 21:50</time>'
        '<span class="author">示例報／ 記者<a href="/reporter/1">林美玲</a>／台北即時報導</span>'
        '</section><section class="follow-tags__holder"><span role="listitem" title="張志明" '
        'data-type="tag" class="btn btn-follow">張志明</span></section></div>'
    )
    body = f"{header}<figure><img src='a.jpg' alt=''></figure><p>{P1}</p><p>{P2}</p><p>{P3}</p>"
    article = only_article(page(body))
    assert writers(article) == ["林美玲"]
    assert article.body_paragraphs == [P1, P2, P3]


# ---------------------------------------------------------------------------------------
# A table set in a <figure> (`<figure class="table"><table>…`) is part of the text: its
# cells are lines of the story, not a picture's caption


def test_table_in_a_figure_is_text_not_a_caption():
    rows = [
        ("第一指揮部", "負責做好戰鬥準備，監視與偵察全球情報，並與外界夥伴合作。"),
        ("第二指揮部", "負責開發、購買和部署系統，監督衛星和其他系統的發射操作與維護。"),
    ]
    cells = "".join(f"<tr><td>{name}</td><td>{duty}</td></tr>" for name, duty in rows)
    body = (
        f'<p>{P1}</p><figure class="table"><table><tbody>{cells}</tbody></table></figure>'
        f"<p>{P2}</p><p>{P3}</p>"
    )
    article = only_article(page(body))
    lines = [text for row in rows for text in row]
    printed = [p.text for p in article.paragraphs if p.kind in ("body", "subhead")]
    assert printed == [P1, *lines, P2, P3]  # a row's short label may stand as a subhead


# ---------------------------------------------------------------------------------------
# A role word glued to a name whose surname is common but was missing from the surname
# table, or printed in its traditional form (`記者茅毅`, `記者洪佩君`, `記者蔣文華`)


def test_names_glued_to_role_words_with_less_listed_surnames_are_writers():
    for credit, name in (
        ("記者茅毅／綜合報導", "茅毅"),
        ("記者洪佩君／台北報導", "洪佩君"),
        ("記者蔣文華／台北報導", "蔣文華"),
    ):
        header = f'<div class="subinfo"><span class="author">{credit}</span></div>'
        article = only_article(page(f"{header}<p>{P1}</p><p>{P2}</p><p>{P3}</p>"))
        assert writers(article) == [name]


# ---------------------------------------------------------------------------------------
# A translator credited in one credit with a reporter (`編譯X、記者Y／綜合報導`, the two
# compiled the story together) is a writer; a translator credited apart under a reporter's
# story (`翻譯：X`) stays out, as before


def test_translator_in_a_joint_credit_with_a_reporter_is_a_writer():
    credit = '示例報／ 編譯<a href="/r/1">茅毅</a>、記者<a href="/r/2">洪佩君</a>／綜合報導'
    header = (
        f'<div class="subinfo"><time>2023-08-28 01:05</time><span class="author">{credit}'
        "</span></div>"
    )
    article = only_article(page(f"{header}<p>{P1}</p><p>{P2}</p><p>{P3}</p>"))
    assert writers(article) == ["茅毅", "洪佩君"]
    apart = '<div class="subinfo"><span class="author">記者洪佩君／台北報導</span></div>'
    body = f"{apart}<p>{P1}</p><p>{P2}</p><p>{P3}</p><p>翻譯：王小明</p>"
    article = only_article(page(body))
    assert writers(article) == ["洪佩君"]


# ---------------------------------------------------------------------------------------
# A writer's link printing the name and the posting joined by an underscore
# (`<a href="/reporter/154">林美玲_台中</a>`) under the newsroom label of the meta row


def test_linked_writer_name_underscore_place_is_the_byline():
    meta = (
        '<div class="meta-info"><time datetime="2023-08-28 17:00"><span>17:00</span>'
        '<span>2023/08/28</span></time><div class="source">示例時報 </div>'
        '<div class="author"><a href="/reporter/154">林美玲_台中</a></div></div>'
    )
    body = f"{meta}<figure><img src='a.jpg' alt=''></figure><p>{P1}</p><p>{P2}</p><p>{P3}</p>"
    article = only_article(page(body))
    assert writers(article) == ["林美玲"]
    assert article.body_paragraphs == [P1, P2, P3]


# ---------------------------------------------------------------------------------------
# A date line whose label is a desk's column name with digits in it (`2023/08/23 轉角24小時`,
# a round-the-clock desk, nobody named) is the page's meta line, not the first paragraph


def test_date_and_a_desk_column_with_digits_is_meta_not_text():
    info = '<div class="story_info">2023/08/23 <span>示例24小時</span></div>'
    article = only_article(page(f"{info}<p>{P1}</p><p>{P2}</p><p>{P3}</p>"))
    assert article.body_paragraphs == [P1, P2, P3]
    assert writers(article) == []


# ---------------------------------------------------------------------------------------
# A caption printed in its own box right under the picture's box and closed by where the
# picture comes from in brackets (`…（取自微博）`, `…（某某娛樂提供）`) is a caption


def test_caption_closed_by_a_source_credit_under_the_picture_is_not_text():
    box = 'style="background: #eee; border: 1px solid #ccc; padding: 5px 10px;"'
    captions = (
        "林美玲（右）在劇中飾演深情的女主角，愛上男主角卻沒有結果，成了戲迷永遠的痛。（取自微博）",
        "林美玲（左）與對手在片中飾演一對受困山洞中的母女，想方設法逃出生天。（示例娛樂提供）",
    )
    pictures = "".join(
        f'<div {box}><img src="p{n}.jpg" alt=""></div><div {box}>{c}</div><p>{p}</p>'
        for n, (c, p) in enumerate(zip(captions, (P2, P3), strict=True))
    )
    article = only_article(page(f"<p>{P1}</p>{pictures}"))
    assert article.body_paragraphs == [P1, P2, P3]


# --- a box printed twice (desktop and mobile copies) outweighs a short story ---------------


def test_a_box_printed_twice_above_a_short_story_does_not_choose_the_container():
    """The review box, printed in two copies inside one wrapper above the story's element,
    holds more prose than the story: counted once, it no longer makes the wrapper of both
    the story's container."""
    from synthetic import page, text_of
    from zhnews.parse import parse_document

    review = (
        "這篇文章報導了縣府公布的道路改善計畫，內容提到將優先整修市區多條老舊路段並於年底完工。"
        "文章也提到施工期間將採分段封閉，並在現場設置告示牌提醒用路人改道，避免交通受到影響。"
        "整體而言，這項計畫回應了居民多年的期待，但施工期間的交通衝擊仍需要縣府妥善因應處理。"
    )
    story = [
        "縣府今日公布道路改善計畫，將優先整修市區多條路段，預計年底前完工。",
        "工務處表示，施工期間將分段封閉，並設置告示牌提醒用路人改道。",
    ]
    box = f"<div class='c'><div class='title'>評論</div><div class='content'><p>{review}</p></div></div>"
    text = "<div id='content'><p>記者王小明／台北報導</p>" + "".join(
        f"<p>{line}</p>" for line in story
    )
    head = "<div class='art'><h1>縣府公布道路改善計畫</h1><time>2023/09/01 18:50</time>"
    boxes = f"<div class='page-text'><div class='ai_area'>{box}{box}</div>{text}</div></div>"
    doc = page("<title>縣府公布道路改善計畫</title>", head + boxes + "</div>")
    assert text_of(parse_document(doc, "page.html").articles[0]) == story
