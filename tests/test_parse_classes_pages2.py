"""Pages carrying two stories in one saved file, read as one story before (issue 12).

Synthetic inputs, one failure class per section, each with its counter-case: a single story
that looks alike and must stay one article.
"""

from __future__ import annotations

from synthetic import page, text_of, writers
from zhnews.parse import parse_document
from zhnews.settings import Settings

SETTINGS = Settings()

T1 = "縣府推動長照新制 今年擴大服務"
T2 = "議員質疑預算編列不足"


def _p(i: int) -> str:
    return (
        f"第{i}段：縣府今年推動長照新制，擴大居家服務的對象與時數，"
        "並增加日間照顧中心的名額，預計嘉惠更多家庭。"
    )


def _html(body: str, title: str = T1) -> str:
    return page(f"<title>{title} - 自由時報電子報</title>", f"<h1>{T1}</h1>{body}")


def _parse(text: str, name: str = "page.html"):
    return parse_document(text, name, SETTINGS)


# ---------------------------------------------------------------------------------------
# Class 1: a print page closes each story with its credit line (`記者X／台北報導` under the
# last paragraph); a heading after such a credit, over text closed by a credit of its own,
# is a second story, not a subhead, even when the page's <title> names the first story.


def test_heading_after_a_trailing_credit_opens_the_credited_second_story():
    body = (
        "<div class='articulum'>"
        f"<p>{_p(1)}</p><h2>居家服務 時數增加</h2><p>{_p(2)}</p><h2>日照中心 名額擴充</h2>"
        f"<p>{_p(3)}</p><p>記者王小明／台北報導</p>"
        f"<h2>{T2}</h2><p>{_p(5)}</p><p>{_p(6)}</p><p>記者李大華／台北報導</p></div>"
    )
    doc = _parse(_html(body))
    assert [a.title for a in doc.articles] == [T1, T2]
    first, second = doc.articles
    assert text_of(first) == [_p(1), "居家服務 時數增加", _p(2), "日照中心 名額擴充", _p(3)]
    assert text_of(second) == [_p(5), _p(6)]
    assert writers(first) == ["王小明"]
    assert writers(second) == ["李大華"]


def test_subheads_of_one_story_with_one_trailing_credit_stay_one_story():
    body = (
        "<div class='articulum'>"
        f"<p>{_p(1)}</p><h2>居家服務 時數增加</h2><p>{_p(2)}</p><h2>日照中心 名額擴充</h2>"
        f"<p>{_p(3)}</p><p>{_p(4)}</p><p>記者王小明／台北報導</p></div>"
    )
    doc = _parse(_html(body))
    assert [a.title for a in doc.articles] == [T1]
    assert text_of(doc.articles[0]) == [
        _p(1),
        "居家服務 時數增加",
        _p(2),
        "日照中心 名額擴充",
        _p(3),
        _p(4),
    ]
    assert writers(doc.articles[0]) == ["王小明"]


# ---------------------------------------------------------------------------------------
# Class 2: the same with the second headline printed as a bold line of the text (no heading
# element): after the first story's closing credit `（記者王小明）`, over text closed by
# `（記者李大華）`.


def test_bold_headline_after_a_closing_credit_opens_the_second_story():
    body = (
        f"<div id='newstext'><p>{_p(1)}</p><p>{_p(2)}</p><p>{_p(3)}</p><p>（記者王小明）</p>"
        f"<p><b>{T2}</b></p><p>{_p(5)}</p><p>{_p(6)}</p><p>（記者李大華）</p></div>"
    )
    doc = _parse(_html(body))
    assert [a.title for a in doc.articles] == [T1, T2]
    assert text_of(doc.articles[1]) == [_p(5), _p(6)]
    assert writers(doc.articles[0]) == ["王小明"]
    assert writers(doc.articles[1]) == ["李大華"]


def test_bold_subheads_of_one_story_with_one_closing_credit_stay_one_story():
    body = (
        f"<div id='newstext'><p>{_p(1)}</p><p><b>居家服務時數增加</b></p><p>{_p(2)}</p>"
        f"<p><b>日照中心名額擴充</b></p><p>{_p(3)}</p><p>（記者王小明）</p></div>"
    )
    doc = _parse(_html(body))
    assert len(doc.articles) == 1
    assert doc.articles[0].title == T1
    assert writers(doc.articles[0]) == ["王小明"]


# ---------------------------------------------------------------------------------------
# Class 3: an untitled second story opened by its dispatch lead (`〔記者李大華／台中報導〕…`)
# takes the headline-shaped line printed right above the lead as its title, instead of
# leaving it as a stray last paragraph of the story above (brackets around it dropped).


def test_line_above_a_dispatch_lead_is_the_second_storys_headline():
    for line in (T2, f"【{T2}】"):
        body = (
            f"<div class='text'><p>〔記者王小明／台北報導〕{_p(1)}</p><p>{_p(2)}</p>"
            f"<p>{_p(3)}</p><p>{line}</p><p>〔記者李大華／台中報導〕{_p(5)}</p>"
            f"<p>{_p(6)}</p></div>"
        )
        doc = _parse(_html(body))
        assert [a.title for a in doc.articles] == [T1, T2]
        assert text_of(doc.articles[0]) == [_p(1), _p(2), _p(3)]
        assert text_of(doc.articles[1]) == [_p(5), _p(6)]
        assert writers(doc.articles[1]) == ["李大華"]


def test_text_above_a_dispatch_lead_stays_with_the_story_above():
    body = (
        f"<div class='text'><p>〔記者王小明／台北報導〕{_p(1)}</p><p>{_p(2)}</p>"
        f"<p>{_p(3)}</p><p>〔記者李大華／台中報導〕{_p(5)}</p><p>{_p(6)}</p></div>"
    )
    doc = _parse(_html(body))
    assert [a.title for a in doc.articles] == [T1, None]  # untitled: no headline line
    assert text_of(doc.articles[0]) == [_p(1), _p(2), _p(3)]


# ---------------------------------------------------------------------------------------
# Class 4: a plain-text page of two stories, each a headline line over its credit (`本报记者
# X` on its own line, or a `本报讯（记者 X）` lead): two stories, not one with the second
# headline as a paragraph. A single text story's short subhead lines have no credit under
# them and stay subheads of the one story.


def _text(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


def test_text_page_of_headline_and_credit_stories_is_split():
    text = _text(T1, "本报记者 王小明", _p(1), _p(2), _p(3), T2, "本报记者 李大华", _p(5), _p(6))
    doc = _parse(text, "page.txt")
    assert [a.title for a in doc.articles] == [T1, T2]
    assert text_of(doc.articles[0]) == [_p(1), _p(2), _p(3)]
    assert text_of(doc.articles[1]) == [_p(5), _p(6)]
    assert writers(doc.articles[0]) == ["王小明"]
    assert writers(doc.articles[1]) == ["李大华"]


def test_text_page_second_story_opened_by_a_brief_lead_is_split():
    text = _text(T1, _p(1), _p(2), _p(3), T2, f"本报讯（记者 李大华）{_p(5)}", _p(6))
    doc = _parse(text, "page.txt")
    assert [a.title for a in doc.articles] == [T1, T2]
    assert text_of(doc.articles[1]) == [_p(5), _p(6)]
    assert writers(doc.articles[1]) == ["李大华"]


def test_text_story_with_subhead_lines_stays_one_story():
    text = _text(T1, "本报记者 王小明", _p(1), "居家服务时数增加", _p(2), "日照中心名额扩充", _p(3))
    doc = _parse(text, "page.txt")
    assert len(doc.articles) == 1
    assert doc.articles[0].title == T1
    assert writers(doc.articles[0]) == ["王小明"]


# ---------------------------------------------------------------------------------------
# Class 5: Apple Daily's print pages glue the credit to a paragraph's end (`…下月登場。記者
# 李大華╱台北報導`), the first story's to its lead. A headed section whose text carries a
# reporter's credit of its own, after a story that carried one, is a second story; a
# subhead section of a single story carries none.

APPLE_TITLE = f"<title>{T1} | 頭條要聞 | 20130813 | 蘋果日報</title>"


def _apple(inner: str) -> str:
    return page(
        APPLE_TITLE,
        f"<article><header><hgroup><h1 id='h1'>{T1}</h1><h2 id='h2'>居家服務時數增加</h2>"
        f"</hgroup></header><div class='articulum'>{inner}</div></article>",
    )


def test_section_with_its_own_glued_credit_after_a_credited_lead_is_a_second_story():
    inner = (
        f"<p id='introid'>{_p(1)}記者王小明╱台北報導</p>"
        f"<h2 id='blockhead0'>日照中心 名額擴充</h2><p id='blockcontent0'>{_p(2)}<br>{_p(3)}</p>"
        f"<h2 id='blockhead1'>{T2}</h2><p id='blockcontent1'>{_p(5)}<br>{_p(6)}"
        "記者李大華╱台北報導</p>"
    )
    doc = _parse(_apple(inner))
    assert [a.title for a in doc.articles] == [T1, T2]
    assert text_of(doc.articles[0]) == [_p(1), "日照中心 名額擴充", _p(2), _p(3)]
    assert text_of(doc.articles[1]) == [_p(5), _p(6)]
    assert writers(doc.articles[0]) == ["王小明"]
    assert writers(doc.articles[1]) == ["李大華"]


def test_subhead_sections_after_a_credited_lead_stay_one_story():
    inner = (
        f"<p id='introid'>{_p(1)}記者王小明╱台北報導</p>"
        f"<h2 id='blockhead0'>日照中心 名額擴充</h2><p id='blockcontent0'>{_p(2)}</p>"
        f"<h2 id='blockhead1'>預算編列 議員質疑</h2><p id='blockcontent1'>{_p(5)}<br>{_p(6)}</p>"
    )
    doc = _parse(_apple(inner))
    assert [a.title for a in doc.articles] == [T1]
    assert writers(doc.articles[0]) == ["王小明"]


# ---------------------------------------------------------------------------------------
# Class 6: a front-matter post whose Markdown body is a newspaper page of stories, each a
# heading over its credit (`本报记者 X`, or a `本报讯（记者 X）…` lead), without the link lines
# that make a digest: one article per heading. A post whose subheads carry no credit of
# their own stays one article.


def _post(body: str) -> str:
    return "---\ntitle: 人民日报 2024年5月6日 第4版\ndate: 2024-05-06\n---\n\n" + body


def test_post_of_headed_credited_stories_is_split():
    body = _text(
        f"## {T1}",
        "本报记者 王小明",
        _p(1),
        _p(2),
        f"## {T2}",
        f"本报讯（记者 李大华）{_p(5)}",
        _p(6),
    )
    doc = _parse(_post(body), "page.md")
    assert [a.title for a in doc.articles] == [T1, T2]
    assert text_of(doc.articles[0]) == [_p(1), _p(2)]
    assert text_of(doc.articles[1]) == [_p(5), _p(6)]
    assert writers(doc.articles[0]) == ["王小明"]
    assert writers(doc.articles[1]) == ["李大华"]


def test_post_with_uncredited_subheads_stays_one_article():
    body = _text(
        "本报记者 王小明", _p(1), "## 居家服务时数增加", _p(2), "## 日照中心名额扩充", _p(3)
    )
    doc = _parse(_post(body), "page.md")
    assert len(doc.articles) == 1
    assert doc.articles[0].title == "人民日报 2024年5月6日 第4版"
    assert writers(doc.articles[0]) == ["王小明"]


# ---------------------------------------------------------------------------------------
# Class 7: a later story printed as headline, date-and-source line, byline: the date line
# between the headline and its byline does not make the headline a subhead of the story
# above (the page's <title> names the page, not a story).


def test_headline_over_date_line_and_byline_opens_a_story():
    story = "<h2>{t}</h2><p>2024-05-06 10:00 来源：本报</p><p>本报记者 {n}</p>{p}"

    def paras(first: int) -> str:
        return "".join(f"<p>{_p(i)}</p>" for i in range(first, first + 3))

    body = (
        f"<h1>{T1}</h1><p>本报记者 王小明</p>{paras(1)}"
        + story.format(t=T2, n="李大华", p=paras(4))
        + story.format(t="港府宣布新措施", n="陈小红", p=paras(7))
    )
    doc = _parse(page("<title>第04版：要闻</title>", body))
    assert [a.title for a in doc.articles] == [T1, T2, "港府宣布新措施"]
    assert [writers(a) for a in doc.articles] == [["王小明"], ["李大华"], ["陈小红"]]
    assert text_of(doc.articles[1]) == [_p(4), _p(5), _p(6)]
