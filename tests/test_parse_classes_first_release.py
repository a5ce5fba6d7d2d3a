"""A page that prints its first release beside its update (2026-12-07, tenth session; the dev
set's upmedia 焦點 page, dated a day late): `出稿時間：8/29 14：00` and `更新時間：8/30 14：50`
closing the text, while the stamp under the headline and the metadata give the update. The
story was published at its first release; the year is the update's (the one before when the
release's month is later). Without the update line, or when the update is not the stamp the
page is dated by, nothing changes."""

from __future__ import annotations

import pytest
from synthetic import STORY, only_article, page

H1 = "<h1>防暑补贴全部发放到位</h1>"


def _day(stamp: str, closing: str) -> str:
    head = f"<title>防暑补贴全部发放到位</title><meta property='article:published_time' content='{stamp}'>"
    body = f"{H1}<div class='text'>{STORY}{closing}</div>"
    return str(only_article(page(head, body)).published_at)


PAIR = "<h2>出稿時間：{release}</h2><h2>更新時間：{update}</h2>"


@pytest.mark.parametrize(
    ("stamp", "release", "update", "expected"),
    [
        ("2023-08-30T14:50:00+08:00", "8/29 14：00", "8/30 14：50", "2023-08-29 14:00:00+08:00"),
        ("2024-01-02T09:05:00+08:00", "12/31 22:30", "1/2 09:05", "2023-12-31 22:30:00+08:00"),
    ],
)
def test_the_first_release_dates_a_page_dated_by_its_update(stamp, release, update, expected):
    assert _day(stamp, PAIR.format(release=release, update=update)) == expected


def test_a_release_line_without_an_update_line_changes_nothing():
    assert _day("2023-08-30T14:50:00+08:00", "<h2>出稿時間：8/29 14：00</h2>") == (
        "2023-08-30 14:50:00+08:00"
    )


def test_an_update_that_is_not_the_page_stamp_changes_nothing():
    closing = PAIR.format(release="8/29 14：00", update="8/31 10：00")
    assert _day("2023-08-30T14:50:00+08:00", closing) == "2023-08-30 14:50:00+08:00"
