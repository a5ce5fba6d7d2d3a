from pathlib import Path

from zhnews.evaluate import evaluate, format_table, main

GOLD = Path(__file__).resolve().parent / "gold"


def assert_perfect(rows):
    total = rows[-1]
    assert total["file"] == "TOTAL" and total["precision"] == 1.0 and total["recall"] == 1.0
    for key, value in total.items():
        if isinstance(value, tuple):
            assert value[0] == value[1], key


def test_shared_gold_is_perfect():
    rows = evaluate(GOLD / "shared")
    assert len(rows) == 3
    assert_perfect(rows)


def test_own_gold_is_perfect():
    rows = evaluate(GOLD)
    assert len(rows) >= 4
    assert_perfect(rows)
    assert "TOTAL" in format_table(rows)


def test_missing_document_reported(tmp_path):
    (tmp_path / "x.json").write_text(
        '{"file": "nope.txt", "articles": [{"title": "t"}]}', encoding="utf-8"
    )
    rows = evaluate(tmp_path)
    assert rows[0]["error"] and rows[0]["recall"] == 0.0
    assert main([str(tmp_path)]) == 1
