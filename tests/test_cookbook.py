"""The README's cookbook: every query runs on the demo warehouse (seeds + corpus) with its
result asserted, and the SQL shown in the README is the SQL in warehouse/cookbook/."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import FIXTURES, ROOT, run_etl
from zhnews import cookbook
from zhnews.db import open_published

pytestmark = pytest.mark.usefixtures("prefect_api")


@pytest.fixture(scope="module")
def results(tmp_path_factory, prefect_api) -> dict[str, tuple[list[str], list[tuple]]]:
    db = tmp_path_factory.mktemp("demo") / "zhnews.duckdb"
    run_etl([ROOT / "seeds", FIXTURES / "finews", FIXTURES / "finews-versions"], db)
    con = open_published(db)
    try:
        return {r.path.stem[:2]: cookbook.run(con, r) for r in cookbook.recipes()}
    finally:
        con.close()


def rows_as_dicts(result) -> list[dict]:
    cols, rows = result
    return [dict(zip(cols, r, strict=True)) for r in rows]


def test_there_are_at_least_ten_questions(results):
    assert len(results) >= 10
    assert all(rows for _, rows in results.values()), "every cookbook query returns rows"


def test_01_zhihuigu_stories_name_the_people_quoted(results):
    rows = rows_as_dicts(results["01"])
    assert len(rows) == 2
    people = {p for r in rows for p in r["people"]}
    assert "付言祥（总经理）" in people


def test_02_stocks_from_data_code_links_and_text(results):
    rows = rows_as_dicts(results["02"])
    assert {"港交所", "新希望"} <= {r["name"] for r in rows}
    assert all(r["entity_id"].startswith("stock:") and r["n_articles"] >= 1 for r in rows)


def test_03_money_figures_are_in_cny(results):
    rows = rows_as_dicts(results["03"])
    assert ("约5亿元", 500_000_000.0) in {(r["raw"], r["cny"]) for r in rows}
    assert all(r["cny"] > 0 for r in rows)


def test_04_top_keywords_per_day(results):
    rows = rows_as_dicts(results["04"])
    days = {r["day"] for r in rows}
    assert days == {dt.date(2021, 12, 8), dt.date(2022, 1, 28)}
    assert all(sum(1 for r in rows if r["day"] == d) <= 5 for d in days)


def test_05_identical_summaries_form_an_exact_cluster(results):
    rows = rows_as_dicts(results["05"])
    exact = [r for r in rows if r["kind"] == "exact"]
    assert exact and exact[0]["articles"] == 2
    assert all("离岸人民币" in t for t in exact[0]["titles"])


def test_06_daily_counts_cover_every_dated_article(results):
    rows = rows_as_dicts(results["06"])
    assert sum(r["articles"] for r in rows) == 75  # 74 posts + seed 000; the page has no date
    assert {"齐鲁晚报"} <= {r["publisher"] for r in rows}


def test_07_authors_ranked(results):
    rows = rows_as_dicts(results["07"])
    assert rows[0]["name"] == "孙亚飞" and rows[0]["n_articles"] == 3


def test_08_people_with_titles(results):
    titles = {r["name"]: r["titles"] for r in rows_as_dicts(results["08"])}
    assert titles["付言祥"] == ["总经理"]
    assert "总裁" in titles["高庆民"]


def test_09_organisations_with_places(results):
    pairs = {(r["organization"], r["place"]) for r in rows_as_dicts(results["09"])}
    assert ("智汇谷", "聊城") in pairs


def test_10_approximate_figures(results):
    rows = {r["category"]: r for r in rows_as_dicts(results["10"])}
    assert rows["money"]["figures"] >= rows["money"]["approximate"] > 0


def test_11_weekday_rhythm(results):
    rows = {r["weekday_name"]: r["articles"] for r in rows_as_dicts(results["11"])}
    assert len(rows) == 7 and rows["Wednesday"] == 74


def test_12_areas_in_mu_and_square_metres(results):
    rows = {r["raw"]: r for r in rows_as_dicts(results["12"])}
    assert rows["约860余亩"]["mu"] == pytest.approx(860) and rows["约860余亩"]["approximate"]
    assert rows["约150万㎡"]["m2"] == pytest.approx(1_500_000)


def test_13_rising_terms(results):
    rows = rows_as_dicts(results["13"])
    assert rows[0]["df"] >= rows[-1]["df"] >= 1


def test_readme_shows_the_cookbook_sql_as_it_is_in_the_files():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert cookbook.BEGIN in readme and cookbook.END in readme
    section = readme.split(cookbook.BEGIN, 1)[1].split(cookbook.END, 1)[0]
    for recipe in cookbook.recipes():
        assert f"```sql\n{recipe.sql}\n```" in section, (
            f"{recipe.path.name} differs from the README"
        )
        assert recipe.question in section
