"""Failure classes found on the fifth first-contact batch (a Markdown news mirror and two
Hong Kong broadcasters' pages, outlets new to the project, scored blind:
`bench/extraction/firstcontact-2026-12-06d.md`). Inputs are small synthetic documents written
for these tests, not the documents.

1. Wiki links (`[[zh:美国]]`, `[[目标|标签]]`) that a mirror bot wraps around words of the text
   read as their label or target, never as brackets in the text.
2. A Markdown code span reads as its text (CommonMark): a stamp line in backticks is a stamp.
3. An en-US stamp with a printed zone (`4/2/2024 12:25 PM UTC`) is in that zone, not the
   page's.
4. A stamp line that names the poster and the outlet the post is reposted from
   (`… UTC 某某站 轉載自GNews`) is the post's metadata: its date, its poster, its source.
5. Excerpt cards of other stories under the text, each stamped with its post age
   (`10分鐘前`), are a list of teasers, however long their excerpts.
6. The day-first dotted stamp of Hong Kong pages (`發佈 27.11.2025 15:34 最後更新 …`) is the
   story's posting line (and `發佈` is `發布`).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from synthetic import page, text_of
from zhnews.parse import parse_document
from zhnews.parse.blocks import inline_markdown
from zhnews.parse.meta import find_dates

_LINES = [
    "美国国会众议院议长周日表示，他预计众议院休会归来后将提出一项包括援助在内的一揽子计划。",
    "他在接受节目采访时强调，众议院历史上最弱的多数席位给他带来了艰难处境，但他正在努力。",
    "情报委员会主席周日早些时候表示，他相信国会复会后，对这项计划的支持将是压倒性的。",
]
_TITLE = "议长称援助将在休会后立即提出"
_SHANGHAI = ZoneInfo("Asia/Shanghai")


def _markdown_post(header: str, lines=_LINES) -> str:
    body = "\n\n".join(lines)
    return f"###  [:house:返回](README.md)\n---\n\n\n## {_TITLE}\n{header}\n\n\n{body}\n"


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("[[zh:美国]]总统[[zh:约翰]]逊说", "美国总统约翰逊说"),
        ("见[[乌克兰|乌国]]报道", "见乌国报道"),
        ("[[zh-hant:臺灣]]的消息", "臺灣的消息"),
    ],
)
def test_wiki_links_read_as_their_label_or_target(raw, text):
    assert inline_markdown(raw)[0] == text


def test_a_code_span_reads_as_its_text():
    assert inline_markdown("`4/2/2024 12:25 PM UTC` 发布")[0] == "4/2/2024 12:25 PM UTC 发布"
    assert inline_markdown("用 ``a`b`` 表示")[0] == "用 a`b 表示"


def test_an_en_us_stamp_with_a_printed_zone_is_in_that_zone():
    found = next(find_dates("4/2/2024 12:25 PM UTC", _SHANGHAI))
    assert found.stamp == datetime(2024, 4, 2, 12, 25, tzinfo=UTC)
    unzoned = next(find_dates("4/2/2024 12:25 PM", _SHANGHAI))
    assert unzoned.stamp.tzinfo == _SHANGHAI


def test_a_reposted_stamp_line_is_metadata_with_poster_and_date():
    header = (
        "`4/2/2024 8:25 PM UTC 喜马拉雅农场新西兰站` [轉載自GNews](https://gnews.org/articles/1)"
    )
    doc = parse_document(_markdown_post(header), "mirror/content/gnews/1.md")
    (article,) = doc.articles
    assert article.title == _TITLE
    assert text_of(article) == _LINES
    assert [a.name for a in article.authors] == ["喜马拉雅农场新西兰站"]
    # 20:25 UTC is the next day in China
    assert article.published_at.astimezone(_SHANGHAI).date() == date(2024, 4, 3)


def test_a_reposted_stamp_line_without_a_poster_names_nobody():
    header = "`4/2/2024 12:30 PM UTC ` [轉載自GNews](https://gnews.org/articles/2)"
    (article,) = parse_document(_markdown_post(header), "mirror/content/gnews/2.md").articles
    assert text_of(article) == _LINES
    assert article.authors == []
    assert article.published_at.astimezone(_SHANGHAI).date() == date(2024, 4, 2)


def _html(body: str) -> str:
    return page(f"<title>{_TITLE}</title>", f"<h1>{_TITLE}</h1>{body}")


_CARDS = [
    "財政司副司長表示，截至下午，已有約1555名受火災影響的居民，獲安排入住過渡性房屋及酒店房間，較昨晚大幅增加580人入住...",
    "入境處今日在9個庇護中心，安排專車接載約330位受火警影響居民，去將軍澳總部補領身份證及相關證件，並詳細了解情況...",
    "政府向受大火影響的家庭，每戶發放一萬元應急補助金，下周起亦向受災家庭提供五萬元生活津貼，居民認為政府反應很快...",
]


def _cards(ages) -> str:
    return "".join(
        f'<div class="grid"><a href="/n/{k}"><img src="/i/{k}.jpg"></a>'
        f'<div class="body">{text}</div><div class="time">{age}</div></div>'
        for k, (text, age) in enumerate(zip(_CARDS, ages, strict=True))
    )


def test_excerpt_cards_stamped_with_their_age_are_not_text():
    story = "".join(f"<p>{x}</p>" for x in _LINES)
    html = _html(
        f"<article>{story}</article><div>更多即時新聞</div>{_cards(['10分鐘前', '1小時前', '2小時前'])}"
    )
    (article,) = parse_document(html, "site/news/local/1.html").articles
    assert text_of(article) == _LINES


def test_one_paragraph_with_an_age_line_stays_text():
    lines = [*_LINES[:2], "1小時前", _LINES[2]]
    html = _html("".join(f"<p>{x}</p>" for x in lines))
    (article,) = parse_document(html, "site/news/local/2.html").articles
    assert _LINES[0] in text_of(article) and _LINES[2] in text_of(article)


@pytest.mark.parametrize("verb", ["發佈", "發布"])
def test_a_day_first_dotted_posting_line_is_metadata(verb):
    line = f"<div>本地 {verb} 27.11.2025 15:34 最後更新 27.11.2025 15:34</div>"
    html = _html(line + "".join(f"<p>{x}</p>" for x in _LINES))
    (article,) = parse_document(html, "site/news/local/3.html").articles
    assert text_of(article) == _LINES
    assert article.published_at.astimezone(_SHANGHAI).date() == date(2025, 11, 27)


def test_a_dotted_number_without_a_time_is_no_date():
    assert list(find_dates("第3.11.2025号文件", _SHANGHAI)) == []
    found = next(find_dates("05.11.2025 09:00", _SHANGHAI))
    assert (found.stamp.month, found.stamp.day) == (11, 5)
