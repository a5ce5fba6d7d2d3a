"""Failure classes found on the fiftieth first-contact batch (scored blind:
`bench/extraction/firstcontact-2026-12-08d.md`; RNZ 中文, 新聞人, 留园, 映维网, DoNews, 美中新闻).

1. The story's credits in a bracketed box under the lead picture (`【記者／A、B、C
   首圖／X提供】`) are the byline, though the box closes on who gave the picture; `首圖／`
   labels the lead picture's credit as `圖／` does.
2. A Latin name and the writer's job after a comma (`Yiting Lin, digital journalist`) is a
   byline; a desk's name so (`Reuters, staff`) is not.
3. A Latin name the page's JSON-LD types as a Person (`{"@type": "Person", "name": "Yiting
   Lin"}`) and prints in its body (an author card) is the writer when nothing else credits
   one; a desk typed as a person (`Newsroom Infobae`) is not.
4. So is a one-word Latin pen name the JSON-LD types as a Person (`Erin`) where the body
   links it to its author page (`<a href="/sc/author/Erin">Erin</a>`; found on the fifty-first
   batch, `bench/extraction/firstcontact-2026-12-08e.md`); one the body only prints is not.
5. `(组图)` after the headline is what the story carries, printed as part of the headline:
   it stays where the <title> leaves it out (a section's name in brackets, `(港聞)`, goes).
6. A correction notice closing the page (`※…〈重獲新身〉更正啟事：` over `*第2段：修正過後，…`)
   is the outlet's note on an earlier printing, not text.
"""

from __future__ import annotations

import json

from synthetic import STORY, only_article, page, text_of, writers
from zhnews.parse.bylines import parse_byline_line

LINES = [p.split(">", 1)[1] for p in STORY.split("</p>") if p]
TITLE = "【N專題】跨性別者換證手術門檻過高 民團預擬定草案改善人權"


def test_a_bracketed_credits_box_under_the_lead_picture_is_the_byline():
    html = page(
        f"<title>{TITLE}</title>",
        f"<h1>{TITLE}</h1><div><p><img src='/lead.jpg'></p>"
        "<p>【記者／闗淨尹、王詩婷、呂品萱 首圖／台灣伴侶權益推動聯盟提供】</p>"
        f"{STORY}</div>",
    )
    assert writers(only_article(html)) == ["闗淨尹", "王詩婷", "呂品萱"]


def test_a_lead_picture_label_credits_the_photographer():
    byline = parse_byline_line("記者／王小明 首圖／李四")
    assert byline is not None
    assert [(a.name, a.role) for a in byline.authors] == [("王小明", "记者"), ("李四", "摄影")]


def test_a_latin_name_with_a_writers_job_is_a_byline():
    byline = parse_byline_line("Yiting Lin, digital journalist")
    assert byline is not None and [a.name for a in byline.authors] == ["Yiting Lin"]
    assert parse_byline_line("Reuters, staff") is None


def _ld(name: str) -> str:
    data = {"@type": "NewsArticle", "headline": TITLE, "author": {"@type": "Person", "name": name}}
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def test_a_json_ld_person_printed_in_the_body_is_the_writer():
    html = page(
        f"<title>{TITLE}</title>{_ld('Yiting Lin')}",
        f"<h1>{TITLE}</h1><div>{STORY}</div>"
        "<aside><a href='/authors/yiting-lin'>Yiting Lin</a></aside>",
    )
    assert writers(only_article(html)) == ["Yiting Lin"]


def test_a_desk_typed_as_a_person_is_no_writer():
    html = page(
        f"<title>{TITLE}</title>{_ld('Newsroom Infobae')}",
        f"<h1>{TITLE}</h1><div>{STORY}</div><aside>Newsroom Infobae</aside>",
    )
    assert writers(only_article(html)) == []


def test_a_one_word_json_ld_person_linked_to_its_author_page_is_the_writer():
    """(Found on the fifty-first batch, koreastardaily: `{"@type": "Person", "name": "Erin"}`
    and `<a class="author-link" href="/sc/author/Erin">Erin</a>` in the date row.)"""
    html = page(
        f"<title>{TITLE}</title>{_ld('Erin')}",
        f"<h1>{TITLE}</h1><h2>电影 2020年8月11日 <a href='/sc/author/Erin'>Erin</a></h2>"
        f"<div>{STORY}</div>",
    )
    assert writers(only_article(html)) == ["Erin"]


def test_a_one_word_json_ld_person_the_body_does_not_link_is_no_writer():
    html = page(
        f"<title>{TITLE}</title>{_ld('Admin')}",
        f"<h1>{TITLE}</h1><div>{STORY}</div><p>Admin</p>",
    )
    assert writers(only_article(html)) == []


def test_a_photo_set_label_after_the_headline_stays_in_the_title():
    headline = "性别选择“重新分配”?现在的变性人 越来越多了"
    html = page(
        f"<title>{headline} -6parknews.com</title>",
        f"<h2>{headline}(组图)</h2><div>{STORY}</div>",
    )
    assert only_article(html).title == f"{headline}(组图)"


def test_a_section_label_after_the_headline_leaves_the_title():
    headline = "高溫補貼今起發放 市民可網上申請"
    html = page(f"<title>{headline}</title>", f"<h1>{headline} (港聞)</h1><div>{STORY}</div>")
    assert only_article(html).title == headline


def test_a_closing_correction_notice_is_no_text():
    notice = (
        "<p>※新聞人正期刊344期三版〈重獲新身〉更正啟事：</p>"
        "<p>*第2段：修正過後，小E申請性別變更的時間為2019年9月23日，並非2018年。</p>"
        "<p>*第7段：修正過後為「曾發生有企業禁止男跨女者使用女廁的案例」。</p>"
    )
    html = page(f"<title>{TITLE}</title>", f"<h1>{TITLE}</h1><div>{STORY}{notice}</div>")
    assert text_of(only_article(html)) == LINES
