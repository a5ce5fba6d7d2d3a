"""Bylines as Chinese newspapers print them, turned into `Author(name, role)` lists.

Forms handled (see tests/test_bylines.py):
- leading box bylines: `□孙亚飞 王兆锋`, `□本报记者张靖本报通讯员郜敏`;
- run-in bylines opening the first paragraph: `本报讯（记者李铮通讯员王飞李永）…`,
  `新华社北京9月9日电（记者 张三）…` — `split_run_in` returns the rest of the paragraph;
- closing bylines: `(孙亚飞 马泽磊)` / `（孙亚飞 马泽磊）`;
- photo credits ending in 摄, with desk codes such as `⑧3`: `本报记者 王磊 摄⑧3` (role 摄影);
- wire credits `（据新华社郑州9月9日电）`: a credit (publisher-ish), never an author.

Names printed without separators (`王飞李永`) are split on common surnames, because print
layouts drop the spaces; when no split is convincing the run is kept as one name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from zhnews.model import Author

# Role words, longest first so `本报记者` wins over `记者`.
_ROLES = [
    ("本报特约记者", "特约记者"),
    ("本报见习记者", "见习记者"),
    ("本报实习生", "实习生"),
    ("本报通讯员", "通讯员"),
    ("本报记者", "记者"),
    ("特约记者", "特约记者"),
    ("见习记者", "见习记者"),
    ("首席记者", "记者"),
    ("实习记者", "记者"),
    ("特约通讯员", "通讯员"),
    ("通讯员", "通讯员"),
    ("实习生", "实习生"),
    ("摄影记者", "摄影"),
    ("摄影", "摄影"),
    ("记者", "记者"),
    ("编辑", "编辑"),
    ("撰稿", "撰稿"),
    ("文/图", "文图"),
    ("文／图", "文图"),
    ("图/文", "文图"),
    ("文图", "文图"),
    ("本报", None),
    ("文/", "文"),
    ("文／", "文"),
    ("图/", "摄影"),
    ("图／", "摄影"),
]
_ROLE_RE = re.compile("|".join(re.escape(word) for word, _ in _ROLES))
_ROLE_OF = dict(_ROLES)

_COMPOUND_SURNAMES = (
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 令狐 夏侯 轩辕 端木 "
    "西门 南宫 司徒 申屠 宇文 "
    "澹台 太史 闻人 呼延 万俟 独孤 百里 钟离"
).split()
_SURNAME_ORDER = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴"
    "莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪"
    "梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简"
    "车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄"
    "丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区"
    "郜练展郗亓諸劉陳楊黃趙吳孫馬許韓馮鄧蕭董葉蘇魏呂盧薑鍾譚陸範賈韋鄒熊邱閻雷龍陶賀顧龔萬錢嚴藍遊靳"
    "鮑饒聶莊"
)
_SURNAMES = set(_SURNAME_ORDER)
_SURNAME_RANK = {char: rank for rank, char in reversed(list(enumerate(_SURNAME_ORDER)))}
_NAME_CHAR = r"[\u4e00-\u9fff·•]"
_DESK_CODE = re.compile(r"[①-⑳㉑-㉟]\d*|[（(]?\d{1,2}[)）]?$")
_WIRE_RE = re.compile(
    r"^[（(]\s*(据|来源[：:]?)?\s*(?P<agency>新华社|中新社|人民网|央视新闻|人民日报|新华网|中新网|[^\s（）()]{2,8}?社)"
    r"(?P<rest>[^（）()]{0,20}?)(电|讯|报道)?\s*[)）]$"
)
_RUN_IN_RE = re.compile(
    r"^\s*(?P<lead>(本报|本刊|新华社|中新社|中新网|人民网|央视网|[\u4e00-\u9fff]{2,6}(报|网|社|台)))?"
    r"(?P<place>[\u4e00-\u9fff\d]{0,14}?)(?P<kind>讯|电)\s*"
    r"[（(](?P<inner>[^（）()]{2,80})[)）]\s*"
)


@dataclass
class Byline:
    """A parsed byline: who wrote it, who is credited, and the text exactly as printed."""

    raw: str
    authors: list[Author] = field(default_factory=list)
    credit: str | None = None  # wire/agency credit such as 新华社 (not an author)
    kind: str = "byline"  # byline | closing | photo | wire | run_in


def split_names(run: str) -> list[str]:
    """Split a run of names printed without separators (`王飞李永` → 王飞, 李永)."""
    run = run.strip("·• ")
    if len(run) <= 3:
        return [run] if run else []
    best = _segment(run)
    return best if best else [run]


def _segment(run: str) -> list[str] | None:
    """Segment `run` into 2–3 character names each starting with a surname; None if ambiguous."""
    results: list[list[str]] = []

    def walk(pos: int, acc: list[str]) -> None:
        if len(results) > 8:
            return
        if pos == len(run):
            results.append(list(acc))
            return
        for compound in _COMPOUND_SURNAMES:
            if run.startswith(compound, pos):
                for size in (3, 4):
                    if pos + size <= len(run):
                        walk(pos + size, [*acc, run[pos : pos + size]])
        if run[pos] in _SURNAMES:
            for size in (2, 3):
                if pos + size <= len(run):
                    walk(pos + size, [*acc, run[pos : pos + size]])

    walk(0, [])
    if not results:
        return None
    # Prefer fewer names, then names starting with more common surnames (王小明|李强 over
    # 王小|明李强), the surname list being ordered by frequency.
    results.sort(key=lambda names: (len(names), sum(_SURNAME_RANK.get(n[0], 50) for n in names)))
    return results[0]


def _names(text: str) -> list[str]:
    text = _DESK_CODE.sub("", text)
    names: list[str] = []
    for chunk in re.split(r"[\s、，,；;/／|｜]+", text):
        chunk = chunk.strip("：:　 ")
        if not chunk:
            continue
        if re.fullmatch(r"[A-Za-z][A-Za-z .\-]{1,40}", chunk):
            names.append(chunk)
            continue
        if not re.fullmatch(f"{_NAME_CHAR}+", chunk):
            continue
        names.extend(split_names(chunk))
    return [n for n in names if 2 <= len(n) <= 12]


def parse_people(text: str, default_role: str | None = None) -> list[Author]:
    """Names and roles from a byline body such as `本报记者张靖本报通讯员郜敏`."""
    authors: list[Author] = []
    role = default_role
    pos = 0
    for match in _ROLE_RE.finditer(text):
        segment = text[pos : match.start()]
        authors.extend(Author(name, role) for name in _names(segment))
        found = _ROLE_OF[match.group(0)]
        if found is not None or match.group(0) == "本报":
            role = found if found is not None else role
        pos = match.end()
    authors.extend(Author(name, role) for name in _names(text[pos:]))
    return authors


def parse_box_byline(line: str) -> Byline | None:
    """`□孙亚飞 王兆锋` / `□本报记者张靖本报通讯员郜敏` (also ■ and ◎ boxes)."""
    stripped = line.strip()
    if not stripped or stripped[0] not in "□■◎◇":
        return None
    body = stripped[1:].strip()
    photo = re.search(r"摄\s*(?:[①-⑳]\d*)?$", body)
    if photo:
        authors = [Author(a.name, "摄影") for a in parse_people(body[: photo.start()])]
        return Byline(raw=stripped, authors=authors, kind="photo")
    return Byline(raw=stripped, authors=parse_people(body), kind="byline")


_CLOSING_RE = re.compile(r"^[（(]\s*([^（）()]{2,60}?)\s*[)）]$")
_MEDIA_SUFFIX = re.compile(
    r"(新闻|日报|晚报|早报|时报|商报|社|网|台|报|公司|数据|研究院|证券|基金)$"
)


def parse_closing_byline(line: str) -> Byline | None:
    """`(孙亚飞 马泽磊)` closing an article, also with role words or 摄 credits.

    A single bracketed word is only taken as a name when it is 2–3 characters starting with
    a surname, so credits like `（央视新闻）` or `（财联社）` are not mistaken for authors.
    """
    stripped = line.strip()
    match = _CLOSING_RE.match(stripped)
    if not match:
        return None
    inner = match.group(1).strip()
    if _WIRE_RE.match(stripped):
        return None
    photo = re.search(r"摄\s*(?:[①-⑳]\d*)?$", inner)
    if photo:
        inner = inner[: photo.start()]
    if not re.fullmatch(r"[\u4e00-\u9fff·\s、，,/／文图：:]+", inner):
        return None
    has_role = bool(_ROLE_RE.search(inner))
    tokens = [t for t in re.split(r"[\s、，,]+", _ROLE_RE.sub(" ", inner)) if t]
    if not tokens:
        return None
    if not has_role and len(tokens) == 1:
        token = tokens[0]
        if _MEDIA_SUFFIX.search(token) or not (2 <= len(token) <= 3 and token[0] in _SURNAMES):
            return None
    if any(len(t) > 8 or _MEDIA_SUFFIX.search(t) for t in tokens):
        return None
    authors = parse_people(inner)
    if photo:
        authors = [Author(a.name, "摄影") for a in authors]
    if not authors:
        return None
    return Byline(raw=stripped, authors=authors, kind="photo" if photo else "closing")


def parse_wire_credit(line: str) -> Byline | None:
    """`（据新华社郑州9月9日电）` → credit 新华社, no authors."""
    stripped = line.strip()
    match = _WIRE_RE.match(stripped)
    if not match:
        return None
    return Byline(raw=stripped, credit=match.group("agency"), kind="wire")


def parse_photo_credit(line: str) -> Byline | None:
    """A short line ending in 摄 (photo credit), e.g. `本报记者 王磊 摄⑧3`."""
    stripped = line.strip().strip("（）()")
    match = re.fullmatch(r"(.{2,30}?)\s*摄\s*(?:[①-⑳]\d*)?", stripped)
    if not match:
        return None
    authors = [Author(a.name, "摄影") for a in parse_people(match.group(1))]
    if not authors:
        return None
    return Byline(raw=line.strip(), authors=authors, kind="photo")


def split_run_in(paragraph: str) -> tuple[Byline, str] | None:
    """Split a run-in byline off the start of a paragraph.

    `本报讯（记者李铮通讯员王飞李永）今天…` → (Byline(李铮 记者, 王飞/李永 通讯员), "今天…").
    Only bracket contents that name people (a role word, or only names) qualify, so a
    paragraph that merely starts with a place and 讯 is left alone.
    """
    match = _RUN_IN_RE.match(paragraph)
    if not match:
        return None
    inner = match.group("inner")
    has_role = bool(_ROLE_RE.search(inner))
    if not has_role and not re.fullmatch(r"[\u4e00-\u9fff·\s、，,]+", inner):
        return None
    authors = parse_people(inner)
    if not authors:
        return None
    lead = match.group("lead") or ""
    credit = lead if lead and lead not in ("本报", "本刊") else None
    raw = match.group(0).strip()
    return Byline(raw=raw, authors=authors, credit=credit, kind="run_in"), paragraph[match.end() :]


def parse_byline_line(line: str) -> Byline | None:
    """Any stand-alone byline/credit line, or None when the line is not one."""
    for parser in (parse_box_byline, parse_wire_credit, parse_closing_byline, parse_photo_credit):
        result = parser(line)
        if result is not None:
            return result
    return None
