"""Failure classes found on the twenty-ninth first-contact batch (scored blind:
`bench/extraction/firstcontact-2026-12-07x.md`).

1. A closing bracket that lists the outlets the story draws on before who compiled it
   (`（CBC, CTV, adaptation en chinois par Wei Wu）`, `（CBC, CTV，编译：吴伟）`, `（来源：新华社、
   法新社；编译：X）`) names the compiler as the writer and the outlets as the credit, and is
   no paragraph (rci); an editor after the sources names no writer.
2. A script's Date.toString() value (`Wed Jan 11 2023 21:52:40 GMT+0000 (Coordinated
   Universal Time)`) keeps its offset: read as China time it was eight hours late (rci). Left:
   rci's day still comes from two day-only Dublin Core metas of the UTC day (`2023-01-11|21h52`),
   one day before the China-time day.
3. A printed time whose hour is marked as spoken, 点 (`2023年1月11日晚上9点52分`, `21點52分`),
   is read with the day (it was a day alone), on a 24-hour clock after 晚上/下午.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from synthetic import PARAGRAPH, STORY, only_article, page, text_of, writers
from zhnews.parse import meta
from zhnews.parse.bylines import parse_byline_line
from zhnews.parse.dates import machine_date

HEAD = "<title>防暑补贴全部发放到位</title>"
H1 = "<h1>防暑补贴全部发放到位</h1>"
LINES = [PARAGRAPH.format(i=i)[3:-4] for i in range(1, 5)]


@pytest.mark.parametrize(
    ("line", "names", "sources"),
    [
        ("（CBC, CTV, adaptation en chinois par Wei Wu）", ["Wei Wu"], "CBC, CTV"),
        ("（CBC, CTV，编译：吴伟）", ["吴伟"], "CBC, CTV"),
        ("（来源：新华社、法新社；编译：吴伟）", ["吴伟"], "新华社、法新社"),
        ("（Reuters, translated by Anna Li）", ["Anna Li"], "Reuters"),
    ],
)
def test_a_closing_bracket_of_sources_then_compiler(line, names, sources):
    credit = parse_byline_line(line)
    assert [a.name for a in credit.authors] == names and credit.credit == sources


def test_sources_then_an_editor_name_no_writer():
    credit = parse_byline_line("（CBC, CTV，编辑：吴伟）")
    assert credit is None or not credit.authors


def test_the_sources_and_compiler_line_closing_the_text_is_no_paragraph():
    html = page(HEAD, f"{H1}<div class='text'>{STORY}<p>（CBC, CTV，编译：吴伟）</p></div>")
    article = only_article(html)
    assert writers(article) == ["吴伟"]
    assert text_of(article) == LINES


@pytest.mark.parametrize(
    ("value", "zone"),
    [
        ("Wed Jan 11 2023 21:52:40 GMT+0000 (Coordinated Universal Time)", UTC),
        ("Wed Jan 11 2023 21:52:40 GMT+0800 (China Standard Time)", timezone(timedelta(hours=8))),
    ],
)
def test_a_script_date_string_keeps_its_offset(value, zone):
    stamp, timed = machine_date(value, ZoneInfo("Asia/Shanghai"))
    assert stamp == datetime(2023, 1, 11, 21, 52, 40, tzinfo=zone) and timed


@pytest.mark.parametrize(
    ("text", "clock"),
    [("发布日期：2023年1月11日晚上9点52分", (21, 52)), ("2023年1月11日 21點52分", (21, 52))]
    + [("2023年1月11日下午3点05分", (15, 5)), ("2023年1月11日上午9点05分", (9, 5))],
)
def test_a_spoken_clock_is_read_with_the_day(text, clock):
    found = next(meta.find_dates(text, ZoneInfo("Asia/Shanghai")))
    assert (found.stamp.hour, found.stamp.minute) == clock and found.has_time
