"""Classes found on unseen 2023 Taiwanese pages (issue 12, first contact with pages of
ChiaYuChang/NewsSentimentAnalyzer's examples), written as small synthetic pages: a
broadcaster's plug for its own coverage closing the text (`…都有颱風特別報導…敬請鎖定。`)."""

from __future__ import annotations

from synthetic import page, text_of
from zhnews.parse import parse_document

_LINES = [
    "颱風持續增強，預計明天上午登陸，氣象局今天稍早已發布海上颱風警報，提醒民眾做好防颱準備。",
    "氣象局表示，颱風外圍環流影響，北部及東北部地區今晚起風雨逐漸增大，山區須防豪雨。",
    "農業部也呼籲農友提早搶收，並加強農作物及設施的防護措施，以減少可能的損失。",
]
_TITLE = "颱風明登陸 氣象局發布海警"


def _text(after: str = "") -> list[str]:
    body = "".join(f"<p>{line}</p>" for line in _LINES) + after
    doc = page(
        f"<title>{_TITLE}</title>",
        f"<div class='news'><h1>{_TITLE}</h1><div>2023/09/01 10:07</div>{body}</div>",
    )
    return text_of(parse_document(doc, "page.html").articles[0])


def test_a_broadcasters_tune_in_plug_closing_the_text_is_not_text():
    plug = (
        "颱風直撲北台而來，《某某新聞網》9/1-9/3連續3天，每天16:00~22:00，都有颱風特別報導，"
        "跟主播互動分享各地風雨狀況。陪您掌握颱風最新動態，敬請鎖定。"
    )
    assert _text(after=f"<p>{plug}</p>") == _LINES
    assert _text(after="<p>本台今晚將推出颱風特別報導，敬請鎖定。</p>") == _LINES
    # a story that reports a broadcast, or police narrowing in on a suspect, stays
    said = "警方表示，已鎖定涉案的兩名男子，請民眾提供線索，特別報導將在晚間播出的節目中披露。"
    assert _text(after=f"<p>{said}</p>") == [*_LINES, said]
    said = "市府表示，跨年晚會將全程直播，歡迎民眾在家收看。"
    assert _text(after=f"<p>{said}</p>") == [*_LINES, said]


def test_a_latin_picture_credit_naming_two_agencies_joined_by_a_dash_closes_a_caption():
    # `<figcaption>…下跌。 Hector Retamal/Agence France-Presse — Getty Images</figcaption>`:
    # the photographer's agency and the distributor joined by a dash; the caption (long
    # enough to read as text without its credit) is a caption, not a paragraph
    caption = (
        "<figure><img src='a.jpg' alt=''><figcaption><span>上海的一家商店，攝於今年6月。"
        "政府說將禁止某些機構員工使用某款手機後，這家公司的股價下跌了不少，市值也大幅縮水。"
        "</span> <cite>Hector Retamal/Agence France-Presse — Getty Images</cite></figcaption>"
        "</figure>"
    )
    assert _text(after=caption) == _LINES
    # a sentence that names an agency and goes on is text
    said = "法新社（Agence France-Presse）報導，這家公司的股價下跌，市值也大幅縮水。"
    assert _text(after=f"<p>{said}</p>") == [*_LINES, said]


def _authors(credit: str) -> list[str]:
    body = "".join(f"<p>{line}</p>" for line in _LINES)
    doc = page(
        f"<title>{_TITLE}</title>",
        f"<div class='news'><h1>{_TITLE}</h1>{credit}{body}</div>",
    )
    return [a.name for a in parse_document(doc, "page.html").articles[0].authors]


def test_a_writers_name_beside_the_date_in_an_author_marked_element_is_the_author():
    # `<div class="author"><a href="search.php?sh_keyword=洪毅">洪毅</a> 2023年08月31日
    # 21:00:00</div>`: the writer's name alone, then the date, in the element markup calls
    # the author; a two-character name was left out (the date line reads two characters
    # beside a date as no words), three characters were read
    for name in ("李明", "王小明"):
        link = f"<a href='search.php?sh_keyword={name}'>{name}</a>"
        assert _authors(f"<div class='author'>{link}    2023年08月31日 21:00:00</div>") == [name]
        assert _authors(f"<div class='author'>{link} 2023/08/31 21:00</div>") == [name]
    # a newsroom beside the date names no writer
    assert _authors("<div class='author'>新聞中心 2023年08月31日 21:00:00</div>") == []
