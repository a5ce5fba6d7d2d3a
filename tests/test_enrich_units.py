"""Pure-function tests of the enrichers: entities, figures, terms, fingerprints."""

from __future__ import annotations

import pytest
from zhnews.enrich import enrich
from zhnews.enrich.entities import extract_entities
from zhnews.enrich.figures import extract_figures
from zhnews.enrich.fingerprints import fingerprint_rows, jaccard_estimate, minhash, normalise
from zhnews.enrich.terms import term_counts
from zhnews.model import Article, Author, Paragraph
from zhnews.text import split_sentences, tokenize


def _sentences(*paragraphs: str):
    return [
        (p, s, text, tokenize(text))
        for p, para in enumerate(paragraphs, start=1)
        for s, text in enumerate(split_sentences(para), start=1)
    ]


def _entities(*paragraphs: str, authors=()):
    rows = extract_entities(Article(authors=list(authors)), "a", _sentences(*paragraphs))
    return {(r["name"], r["type"]): r for r in rows}


def test_title_person_organisation_place():
    ents = _entities(
        "1月10日，刚刚办理完落户手续的聊城华稔酵素生物工程有限公司总经理付言祥说。",
        "智汇谷产业基地受到聊城众多企业家的青睐。",
    )
    assert ents[("付言祥", "person")]["role"] == "总经理"
    assert ("聊城华稔酵素生物工程有限公司", "organization") in ents
    assert ("聊城", "place") in ents
    assert ("智汇谷", "person") not in ents
    assert ("华稔", "person") not in ents


def test_admin_chain_and_speech_verb_names():
    ents = _entities("在茌平县贾寨镇耿店村，“棚二代”耿付年说。", "聊城市市长宋军继说。")
    for place in ("茌平县", "贾寨镇", "耿店村"):
        assert (place, "place") in ents
    assert ("耿付年", "person") in ents
    assert ents[("宋军继", "person")]["role"] == "市长"


def test_bracketed_company_and_byline():
    ents = _entities(
        "北方高新金属材料(山东)有限公司总经理许士辉说。", authors=[Author("王某", "记者")]
    )
    assert ("北方高新金属材料(山东)有限公司", "organization") in ents
    assert ents[("许士辉", "person")]["role"] == "总经理"
    assert ents[("王某", "person")]["role"] == "记者"


def test_weak_suffix_needs_a_proper_noun():
    ents = _entities("园区设有培训中心、设计中心，并举办多场活动。")
    assert not [k for k in ents if k[1] == "organization"]


def test_recurrence_counts_every_mention():
    rows = extract_entities(
        Article(), "a", _sentences("总裁高庆民介绍了园区。", "高庆民说，项目很好。")
    )
    assert sum(r["name"] == "高庆民" for r in rows) == 2


FIGURES = [
    ("全年办公产品销售额约5亿元", "约5亿元", 5.0, "亿元", 5e8, "CNY", "money", True),
    ("项目总投资3.2亿元", "3.2亿元", 3.2, "亿元", 3.2e8, "CNY", "money", False),
    ("占地约860余亩", "约860余亩", 860.0, "亩", 860 * 10000 / 15, "m2", "area", True),
    ("总建筑面积约150万㎡", "约150万㎡", 150.0, "万㎡", 1.5e6, "m2", "area", True),
    ("新增就业34000人以上", "34000人以上", 34000.0, "人", 34000.0, "person", "people", True),
    ("保持20%的年增长率", "20%", 20.0, "%", 20.0, "%", "percent", False),
    ("融资1191万美元", "1191万美元", 1191.0, "万美元", 1.191e7, "USD", "money", False),
    ("即11,910,000美元", "11,910,000美元", 11910000.0, "美元", 1.191e7, "USD", "money", False),
    ("总观看人数260万+", "260万+", 260.0, "万", 2.6e6, None, "number", True),
    ("合作主播400+", "400+", 400.0, None, 400.0, None, "number", True),
    ("产业估值近亿元", "近亿元", 1.0e8, "元", 1e8, "CNY", "money", True),
    ("百余家企业入驻", "百余家", 100.0, "家", 100.0, "organization", "count", True),
    ("年产值交易额过百亿元", "过百亿元", 1e10, "元", 1e10, "CNY", "money", True),
    (
        "保洁面积达1785.23万平方米",
        "1785.23万平方米",
        1785.23,
        "万平方米",
        17852300.0,
        "m2",
        "area",
        False,
    ),
    ("日产500余吨生活垃圾", "500余吨", 500.0, "吨", 500000.0, "kg", "mass", True),
    ("20多天时间", "20多天", 20.0, "天", 20.0, "day", "duration", True),
    ("建设三座过街天桥", "三座", 3.0, "座", 3.0, "item", "count", False),
    ("增长百分之二十", "百分之二十", 20.0, "%", 20.0, "%", "percent", False),
    ("离岸人民币兑美元升至6.3512", "6.3512", 6.3512, None, 6.3512, None, "number", False),
    ("培养2万名以上创业者", "2万名以上", 2.0, "万名", 20000.0, "person", "people", True),
]


@pytest.mark.parametrize("text,raw,value,unit,base,base_unit,category,approx", FIGURES)
def test_figures(text, raw, value, unit, base, base_unit, category, approx):
    (fig,) = extract_figures(text)
    assert (fig["raw"], fig["unit"], fig["base_unit"], fig["category"], fig["approximate"]) == (
        raw,
        unit,
        base_unit,
        category,
        approx,
    )
    assert fig["value"] == pytest.approx(value) and fig["value_base"] == pytest.approx(base)


@pytest.mark.parametrize(
    "text",
    [
        "二零二一年",
        "2021年10月份",
        "1月10日",
        "聊城位列第81位",
        "第一个经济特区",
        "“1+3+9”的体系",
        "8栋5O甲级写字楼".replace("8栋", ""),
        "NO.1",
        "前行58科创",
        "四个意识",
        "一座城市",
        "一家一户",
        "三大产业",
        "股票代码600160",
    ],
)
def test_not_figures(text):
    assert extract_figures(text) == []


def test_terms_drop_stopwords_digits_punctuation_single_chars():
    counts = term_counts([["我们", "的", "智汇谷", "，", "2021", "智汇谷", "园区", "MALL", "5"]])
    assert counts == {"智汇谷": 2, "园区": 1, "MALL": 1}


def test_fingerprints_identical_near_different():
    a = "离岸人民币兑美元升至6.3512，为2018年以来最高水平。" * 3
    assert normalise("离岸人民币 兑美元，升至６.３５１２") == "离岸人民币兑美元升至63512"
    same = fingerprint_rows("x", a)
    assert [r["band_hash"] for r in same] == [
        r["band_hash"] for r in fingerprint_rows("y", a + "  ")
    ]
    assert len(same) == 16 and len({r["text_hash"] for r in same}) == 1
    base = (
        "聊城高新区管委会为强化科技创新平台体系建设，实施科技创新生态培育工程，专项打造一站式服务平台。"
        * 2
    )
    near = base.replace("专项", "专门")
    other = "美联储宣布加息25个基点，美元指数走强，黄金价格回落，市场关注通胀数据与就业报告。"
    assert jaccard_estimate(minhash(normalise(base)), minhash(normalise(near))) > 0.6
    assert jaccard_estimate(minhash(normalise(base)), minhash(normalise(other))) < 0.1
    assert fingerprint_rows("z", " ，。") == []


def test_enrich_returns_rows_per_staging_table():
    art = Article(paragraphs=[Paragraph("body", "总经理付言祥说，项目总投资3.2亿元。")])
    out = enrich(art, "a1", _sentences("总经理付言祥说，项目总投资3.2亿元。"))
    assert set(out) == {"entity_mentions", "figures", "article_terms", "article_fingerprints"}
    assert all(r["article_id"] == "a1" for rows in out.values() for r in rows)
    assert not any("load_id" in r or "document_id" in r for rows in out.values() for r in rows)
