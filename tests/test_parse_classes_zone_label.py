"""A page that names its clock's zone as a label of its own (2026-12-07, tenth session; the
dev set's 侨报网 page, a New York paper, dated a day early): `<span>[美国东部]</span>` beside the
header's clock, or `美东时间`. Clock times the page prints without a zone are that zone's.
A page naming two zones (a world clock), a bare place name (a menu's section) or a zone
named inside a sentence changes nothing: the stamp stays China time."""

from __future__ import annotations

import pytest
from synthetic import STORY, only_article, page

HEAD = "<title>防暑补贴全部发放到位</title>"
STAMP = (
    "<div class='info'><span>时间:</span><span class='articletime'>2024-12-04 12:26</span></div>"
)


def _stamp(header: str) -> str:
    body = f"<div class='top'>{header}</div><h1>防暑补贴全部发放到位</h1>{STAMP}"
    return only_article(
        page(HEAD, f"{body}<div class='text'>{STORY}</div>")
    ).published_at.isoformat()


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            "<p><span>[美国东部]</span><span>2025-01-12 12:52:24</span></p>",
            "2024-12-04T12:26:00-05:00",
        ),
        ("<p><span>美西时间</span> <span>2025-01-12 09:52</span></p>", "2024-12-04T12:26:00-08:00"),
        ("<p><span>（多倫多）</span></p>", "2024-12-04T12:26:00-05:00"),
    ],
)
def test_a_labelled_zone_dates_the_clock_times(header, expected):
    assert _stamp(header) == expected


@pytest.mark.parametrize(
    "header",
    [
        "<p><span>[美国东部]</span> 12:52 <span>[北京时间]</span> 01:52</p>",
        "<ul><li>纽约</li><li>洛杉矶</li></ul>",
        "<p>美东时间周三，最高法院听取了辩论。</p>",
    ],
)
def test_no_single_label_leaves_china_time(header):
    assert _stamp(header) == "2024-12-04T12:26:00+08:00"
