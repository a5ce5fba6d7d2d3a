"""Quantities a story states: 5亿元, 约860余亩, 150万㎡, 34000人以上, 20%, 1191万美元, 260万+.

One regular expression finds a number (Arabic with optional thousands separators and
decimals, or Chinese numerals), an optional magnitude (万, 亿, 万亿, 千万 ...), approximation
markers before (约, 近, 逾, 超过 ...) or after (余, 多, +, 以上, 左右 ...) and a unit from UNITS.
cn2an converts the Chinese numerals only; it rejects 860余 or 3.2亿元, so magnitudes, markers
and units are handled here.

Not quantities, skipped on purpose: years and dates (2021年, 二零二一年, 9月, 10日), ordinals
and ranks (第81位, 第一个), numbers inside words (1+3+9, 5O甲级, 前行58科创), bare integers
without unit or magnitude (stock codes, ids), 一 with a measure word (一座城市, 一个园区) and
slogans of small Chinese numerals with 个 (四个意识, 两个维护).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# unit -> (category, base unit, factor to the base unit)
UNITS: dict[str, tuple[str, str, float]] = {
    "元": ("money", "CNY", 1.0),
    "元人民币": ("money", "CNY", 1.0),
    "人民币": ("money", "CNY", 1.0),
    "美元": ("money", "USD", 1.0),
    "港元": ("money", "HKD", 1.0),
    "港币": ("money", "HKD", 1.0),
    "欧元": ("money", "EUR", 1.0),
    "日元": ("money", "JPY", 1.0),
    "英镑": ("money", "GBP", 1.0),
    "亩": ("area", "m2", 10000 / 15),
    "㎡": ("area", "m2", 1.0),
    "平方米": ("area", "m2", 1.0),
    "平米": ("area", "m2", 1.0),
    "平方公里": ("area", "m2", 1e6),
    "公顷": ("area", "m2", 1e4),
    "人": ("people", "person", 1.0),
    "名": ("people", "person", 1.0),
    "位": ("people", "person", 1.0),
    "人次": ("people", "person", 1.0),
    "户": ("households", "household", 1.0),
    "家": ("count", "organization", 1.0),
    "个": ("count", "item", 1.0),
    "栋": ("count", "building", 1.0),
    "座": ("count", "item", 1.0),
    "处": ("count", "site", 1.0),
    "条": ("count", "item", 1.0),
    "场": ("count", "event", 1.0),
    "次": ("count", "time", 1.0),
    "项": ("count", "item", 1.0),
    "台": ("count", "item", 1.0),
    "辆": ("count", "vehicle", 1.0),
    "套": ("count", "item", 1.0),
    "件": ("count", "item", 1.0),
    "所": ("count", "item", 1.0),
    "间": ("count", "item", 1.0),
    "只": ("count", "item", 1.0),
    "股": ("count", "share", 1.0),
    "手": ("count", "lot", 1.0),
    "吨": ("mass", "kg", 1000.0),
    "公斤": ("mass", "kg", 1.0),
    "千克": ("mass", "kg", 1.0),
    "斤": ("mass", "kg", 0.5),
    "公里": ("length", "m", 1000.0),
    "千米": ("length", "m", 1000.0),
    "米": ("length", "m", 1.0),
    "%": ("percent", "%", 1.0),
    "％": ("percent", "%", 1.0),
    "个百分点": ("percent", "pp", 1.0),
    "倍": ("ratio", "x", 1.0),
    "天": ("duration", "day", 1.0),
    "个月": ("duration", "day", 30.0),
    "小时": ("duration", "day", 1 / 24),
    "周": ("duration", "day", 7.0),
    "岁": ("age", "year", 1.0),
    "千瓦时": ("energy", "kWh", 1.0),
}
MAGNITUDES = {
    "十": 10,
    "百": 100,
    "千": 1e3,
    "万": 1e4,
    "十万": 1e5,
    "百万": 1e6,
    "千万": 1e7,
    "亿": 1e8,
    "十亿": 1e9,
    "百亿": 1e10,
    "千亿": 1e11,
    "万亿": 1e12,
}
APPROX_BEFORE = ("约", "近", "逾", "超过", "超", "将近", "大约", "接近", "过", "上", "多达", "至少")
APPROX_AFTER = ("余", "多", "来", "+", "＋", "以上", "左右", "上下", "余万")

_CN_DIGITS = "零〇一二两三四五六七八九"
_CN_NUM = f"[{_CN_DIGITS}十百千万亿]+"
_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_UNIT_ALT = "|".join(map(re.escape, sorted(UNITS, key=len, reverse=True)))
_MAG_ALT = "|".join(sorted(MAGNITUDES, key=len, reverse=True))
_BEFORE_ALT = "|".join(map(re.escape, sorted(APPROX_BEFORE, key=len, reverse=True)))

FIGURE_RE = re.compile(
    rf"(?P<before>(?<![通经越])(?:{_BEFORE_ALT})|数(?=[十百千万亿]))?"
    rf"(?:(?P<arabic>{_ARABIC})\s*(?P<mag>{_MAG_ALT})?|(?P<cn>{_CN_NUM}))"
    r"(?P<after1>余|多|来)?"
    rf"(?P<unit>{_UNIT_ALT})?"
    r"(?P<after2>\+|＋|以上|左右|上下)?"
)
PERCENT_CN_RE = re.compile(rf"百分之(?P<cn>{_CN_NUM}(?:点[{_CN_DIGITS}]+)?)")
# Context that makes a number no quantity
_DIGIT_BEFORE = re.compile(r"[A-Za-z0-9_.+\-/:#]$")  # part of a word, code, expression or time
_NOT_AFTER = re.compile(r"^(?:[年月日号时点]|[A-Za-z0-9+\-/:]|[.．]\d)")
_YEARLIKE_CN = re.compile(f"^[{_CN_DIGITS}]{{2,4}}$")


def chinese_number(text: str) -> float | None:
    """三千五百 -> 3500.0, 两万 -> 20000.0; None when cn2an cannot read it."""
    import cn2an  # imported on first Chinese numeral only (0.2 s)

    try:
        return float(cn2an.cn2an(text, "normal"))
    except (ValueError, KeyError, TypeError):
        return None


def _parse_match(m: re.Match, text: str) -> dict | None:
    unit = m.group("unit")
    before, after = m.group("before"), m.group("after1") or m.group("after2")
    start = m.start("arabic") if m.group("arabic") else m.start("cn")
    end = m.end()
    if text[m.start() - 1 : m.start()] == "第" or (
        not before and _DIGIT_BEFORE.search(text[:start])
    ):
        return None  # 第81位; 1+3+9; NO.1
    if _NOT_AFTER.match(text[end:]) and not unit:
        return None  # 2021年, 10月, 5O甲级
    mag = m.group("mag")
    if m.group("arabic"):
        raw_num = m.group("arabic")
        value = float(raw_num.replace(",", ""))
        if unit is None and mag is None and not after and "." not in raw_num:
            return None  # a bare integer: code, id or part of a name
    else:
        raw_num = m.group("cn")
        if _YEARLIKE_CN.match(raw_num) and text[m.end("cn") : m.end("cn") + 1] == "年":
            return None  # 二零二一年
        if unit is None and not after and not before:
            return None  # 三大, 一体: Chinese numerals count only with a unit or marker
        value = _cn_value(raw_num)
        if value is None:
            return None
        if not (before or after) and (value == 1 or (unit == "个" and value < 10)):
            return None  # 一座城市, 一家一户, 四个意识
    if unit is None:
        category, base_unit, factor = "number", None, 1.0
    else:
        category, base_unit, factor = UNITS[unit]
    scale = MAGNITUDES[mag] if mag else 1.0
    raw_start = m.start("before") if before else start
    return {
        "start": raw_start,
        "raw": text[raw_start:end],
        "value": value,
        "unit": (mag or "") + (unit or "") or None,
        "value_base": value * scale * factor,
        "base_unit": base_unit,
        "category": category,
        "approximate": bool(before or after),
    }


def _cn_value(raw: str) -> float | None:
    """Chinese numeral with magnitudes: 百 -> 100, 近千 -> 1000, 五万 -> 50000."""
    if raw in MAGNITUDES:
        return float(MAGNITUDES[raw])
    return chinese_number(raw)


def extract_figures(text: str) -> list[dict]:
    """Figures of one sentence, in order.

    Each is a dict: start (offset in the sentence), raw (as printed, markers included), value
    (the number as printed: 3.2 in 3.2亿元), unit (as printed with its magnitude: 亿元),
    value_base (in base_unit: 320000000.0 CNY), base_unit, category, approximate.
    """
    out = []
    for m in FIGURE_RE.finditer(text):
        if not (m.group("arabic") or m.group("cn")):
            continue
        fig = _parse_match(m, text)
        if fig is not None:
            out.append(fig)
    for m in PERCENT_CN_RE.finditer(text):
        value = chinese_number(m.group("cn"))
        if value is not None:
            out.append(
                {
                    "start": m.start(),
                    "raw": m.group(0),
                    "value": value,
                    "unit": "%",
                    "value_base": value,
                    "base_unit": "%",
                    "category": "percent",
                    "approximate": False,
                }
            )
    out.sort(key=lambda f: f["start"])
    return out


def figure_rows(
    article_id: str, sentences: Iterable[tuple[int, int, str, list[str]]]
) -> list[dict]:
    """Rows of staging.figures for one article."""
    rows = []
    for p_ord, s_ord, text, _tokens in sentences:
        if not _HAS_NUMBER.search(text):
            continue
        for fig in extract_figures(text):
            rows.append(
                {
                    "article_id": article_id,
                    "paragraph_ordinal": p_ord,
                    "sentence_ordinal": s_ord,
                    **fig,
                }
            )
    return rows


_HAS_NUMBER = re.compile(f"[0-9{_CN_DIGITS}十百千万亿]")
