"""Named entities (person, place, organization) in the sentences of one article.

Rules over the segmenter's tokens, cheapest first, each claiming characters so that later
rules cannot reuse them:

1. organisations end in a suffix (有限公司, 集团, 管委会, 政府, 局, 中心 ...); the span extends
   leftwards over name-like tokens (聊城华稔酵素生物工程有限公司). Weak suffixes (中心, 局, 办,
   产业园 ...) also need a proper noun inside the span, so 培训中心 is not an organisation;
2. the curated dictionary (data/entities.tsv) on token boundaries;
3. places: tokens tagged ns, then chains of administrative units after a place
   (莘县 组店镇 后马屯村) - each unit is one place;
4. persons: a title before a name (总经理付言祥 -> 付言祥, role 总经理), then surname-initial
   tokens tagged nr;
5. every name found once in the article is found again wherever it recurs (a document-level
   cache), because the rules that find a name rarely fire on each mention.

Names in data/not_entities.tsv are dropped (智汇谷 is no person). Places inside an organisation
name are not mentions of their own, but they are remembered for step 5.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterable

from zhnews.enrich.lexicon import curated_entities, guess_tag, not_entities, surnames, titles
from zhnews.model import Article

# Organisation suffixes. Strong ones make an organisation of any 2+ character name before them.
STRONG_ORG_SUFFIXES = (
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "集团",
    "银行",
    "管委会",
    "委员会",
    "研究院",
    "研究所",
    "大学",
    "学院",
    "协会",
    "学会",
    "商会",
    "政府",
    "党委",
    "党支部",
    "海关",
    "电视台",
    "日报",
    "晚报",
    "报社",
    "总工会",
    "妇联",
    "理事会",
    "联合会",
    "基金会",
    "交易所",
    "法院",
    "检察院",
    "医院",
    "管理局",
    "管理处",
    "人社局",
    "扶贫办",
    "税务局",
    "公安局",
    "派出所",
)
WEAK_ORG_SUFFIXES = (
    "公司",
    "中心",
    "局",
    "办",
    "处",
    "站",
    "所",
    "产业园",
    "产业基地",
    "证券",
    "基金",
    "保险",
    "MALL",
)
_SUFFIXES = sorted(STRONG_ORG_SUFFIXES + WEAK_ORG_SUFFIXES, key=len, reverse=True)
ORG_SUFFIX_RE = re.compile("(?:" + "|".join(map(re.escape, _SUFFIXES)) + ")$")
# ORG_SUFFIX_RE can only match a token whose last character ends a suffix, or one ending in
# "\n" (`$` also matches before a final newline): a cheap test that skips most tokens.
_SUFFIX_LAST = frozenset(x[-1] for x in _SUFFIXES) | {"\n"}
_STRONG = frozenset(STRONG_ORG_SUFFIXES)

# Tags that end a leftward organisation span: verbs, prepositions, conjunctions, particles,
# pronouns, time words, numerals, punctuation ...
STOP_TAGS = frozenset("v p c uj ul uz ug uv ud u r t y e o w x q m d zg i a ad".split())
# Verbs and adverbs that do occur inside organisation names.
ORG_INNER_WORDS = frozenset(
    "创新 发展 管理 服务 投资 建设 科技 信息 开发 招商 运营 研究 卫生 环境 高新 生物工程 "
    "金属材料 跨境 电商 直播 城市 产业 县 镇 市 区".split()
)
ORG_BOUNDARY_WORDS = frozenset("目前 我们 这 该 其中 由此 相关 以及 其 国有 专业 各 全".split())
BRACKETS = frozenset("()（）")
PROPER_TAGS = frozenset("ns nr nrt nrfg nz nt j eng".split())
LEADING_FUNCTION_CHARS = "由在对从向与和经被将及以"
MAX_ORG_TOKENS = 8
MAX_ORG_CHARS = 24

# Administrative units that follow a place: 莘县|组店镇|后马屯村. A unit's name has 2-4
# characters none of which is a function word.
ADMIN_UNIT_RE = re.compile(
    r"(?:(?![的在和与是了对为将把从向到等及并有])[\u4e00-\u9fff]){2,4}?(?:县|区|镇|乡|村|街道)"
)
ZONE_UNITS = frozenset({"高新区", "开发区", "经开区", "新区", "自贸区", "保税区"})
PLACE_TAGS = frozenset({"ns"})
ADMIN_SUFFIXES = ("省", "市", "县", "区", "镇", "乡", "村", "州", "旗")
PERSON_TAGS = frozenset({"nr", "nrfg"})
SPLIT_NAME_TAGS = frozenset({"nr", "nrfg", "ns", "nz", "n"})
SPEECH_VERBS = ("说", "介绍", "表示", "指出", "认为", "告诉", "称", "坦言", "透露")
_SPEECH_TAIL_RE = re.compile("^[\u4e00-\u9fff](?:" + "|".join(SPEECH_VERBS) + ")$")
_CJK_RE = re.compile(r"^[\u4e00-\u9fff]+$")
_PLACE_STRIP_RE = re.compile(r"^(.{2,})[省市]$")


class _Span:
    __slots__ = ("start", "end", "name", "type", "role", "source")

    def __init__(self, start: int, end: int, name: str, type_: str, role: str | None, source: str):
        self.start, self.end, self.name, self.type = start, end, name, type_
        self.role, self.source = role, source


def normalise_place(name: str) -> str:
    """聊城市 -> 聊城, 山东省 -> 山东; counties, towns and villages keep their suffix."""
    m = _PLACE_STRIP_RE.match(name)
    return m.group(1) if m else name


def _blocked(name: str, type_: str) -> bool:
    blocked = not_entities()
    return (name, type_) in blocked or (name, "*") in blocked


class _Sentence:
    """Tokens, their offsets and tags, and which characters are already claimed."""

    def __init__(self, text: str, tokens: list[str]):
        self.text = text
        self.tokens = tokens
        self.tags = [guess_tag(t) for t in tokens]
        self.starts: list[int] = []
        pos = 0
        for t in tokens:
            self.starts.append(pos)
            pos += len(t)
        self.claimed = bytearray(len(text) + 1)
        self.spans: list[_Span] = []
        self.hidden: list[_Span] = []  # places inside organisation names: cache only

    def end(self, i: int) -> int:
        return self.starts[i] + len(self.tokens[i])

    def free(self, start: int, end: int) -> bool:
        return not any(self.claimed[start:end])

    def claim(self, span: _Span) -> None:
        self.claimed[span.start : span.end] = b"\x01" * (span.end - span.start)
        self.spans.append(span)


def _org_token_ok(token: str, tag: str) -> bool:
    if token in BRACKETS:
        return True
    if token in ORG_INNER_WORDS:
        return True
    if token in ORG_BOUNDARY_WORDS or token in titles():
        return False
    return tag not in STOP_TAGS


def _organisations(s: _Sentence) -> None:
    tokens, tags = s.tokens, s.tags
    for j, token in enumerate(tokens):
        if token[-1:] not in _SUFFIX_LAST:
            continue  # ORG_SUFFIX_RE cannot match (see _SUFFIX_LAST)
        m = ORG_SUFFIX_RE.search(token)
        if not m:
            continue
        suffix = m.group(0)
        if len(suffix) == 1 and token != suffix and (tags[j] in STOP_TAGS or len(token) > 3):
            continue  # 举办, 处处: a verb or word ending in 办/处, no organisation
        k = j
        while (
            k - 1 >= 0
            and j - k + 1 < MAX_ORG_TOKENS
            and s.end(j) - s.starts[k - 1] <= MAX_ORG_CHARS
            and _org_token_ok(tokens[k - 1], tags[k - 1])
            and not ORG_SUFFIX_RE.search(tokens[k - 1])
        ):
            k -= 1
        start, end = s.starts[k], s.end(j)
        while start < end and s.text[start] in BRACKETS:  # no dangling bracket on the left
            start += 1
        if s.text[start] in LEADING_FUNCTION_CHARS and end - start > len(suffix) + 2:
            start += 1  # 由县人社局 -> 县人社局
        name = s.text[start:end]
        if name.count("(") + name.count("（") > name.count(")") + name.count("）"):
            if end < len(s.text) and s.text[end] in ")）":
                end += 1
                name = s.text[start:end]
            else:
                continue
        if len(name) - len(suffix) < 2 or not s.free(start, end):
            continue
        if suffix not in _STRONG:
            inner = range(k, j + 1)
            if not any(tags[i] in PROPER_TAGS or tokens[i] in curated_entities() for i in inner):
                continue
        if _blocked(name, "organization"):
            continue
        s.claim(_Span(start, end, name, "organization", None, "rule"))


@functools.cache
def _curated_prefixes() -> frozenset[str]:
    return frozenset(name[:k] for name in curated_entities() for k in range(1, len(name)))


def _dictionary(s: _Sentence) -> None:
    curated = curated_entities()
    prefixes = _curated_prefixes()
    tokens = s.tokens
    i = 0
    while i < len(tokens):
        if tokens[i] in prefixes:
            lengths: tuple[int, ...] = (4, 3, 2, 1)
        elif tokens[i] in curated:
            lengths = (1,)
        else:  # most tokens: no dictionary name starts here
            i += 1
            continue
        for n in lengths:
            if i + n > len(tokens):
                continue
            cand = "".join(tokens[i : i + n])
            kind = curated.get(cand)
            if kind is None:
                continue
            start, end = s.starts[i], s.end(i + n - 1)
            if s.free(start, end):
                s.claim(_Span(start, end, cand, kind, None, "dictionary"))
                i += n - 1
                break
        i += 1


def _admin_chain(s: _Sentence, pos: int, hidden: bool) -> None:
    """Administrative units directly after a place ending at `pos`."""
    while True:
        m = ADMIN_UNIT_RE.match(s.text, pos)
        if not m:
            return
        start, end = m.span()
        name = m.group(0)
        if _blocked(name, "place"):
            return
        if name in ZONE_UNITS:  # 聊城高新区 is one place
            prev = next((sp for sp in s.spans + s.hidden if sp.end == start), None)
            if prev is not None and prev.type == "place":
                name = s.text[prev.start : end]
                start = prev.start
        span = _Span(start, end, name, "place", None, "rule")
        if hidden or not s.free(m.start(), end):
            s.hidden.append(span)
        else:
            s.claim(span)
        pos = end


def _places(s: _Sentence) -> None:
    claimed_org = [sp for sp in s.spans if sp.type == "organization"]
    for i, (token, tag) in enumerate(zip(s.tokens, s.tags, strict=True)):
        if tag not in PLACE_TAGS or not token.endswith(ADMIN_SUFFIXES):
            continue  # jieba tags 美丽, 东西, 宜居 ns: bare ns words come from entities.tsv
        start, end = s.starts[i], s.end(i)
        name = normalise_place(token)
        if _blocked(name, "place") or _blocked(token, "place"):
            continue
        inside_org = any(o.start <= start and end <= o.end for o in claimed_org)
        span = _Span(start, end, name, "place", None, "pos")
        if inside_org:
            s.hidden.append(span)
        elif s.free(start, end):
            s.claim(span)
        else:
            continue
        _admin_chain(s, end, inside_org)
    for sp in list(s.spans):
        if sp.type == "place" and sp.source == "dictionary":
            _admin_chain(s, sp.end, False)


def _is_name(token: str, tag: str) -> bool:
    """A 3-character surname-initial word the dictionary does not know, or tags nr."""
    return (
        tag in PERSON_TAGS
        and len(token) == 3
        and token[0] in surnames()
        and _CJK_RE.match(token) is not None
    )


def _person_at(s: _Sentence, i: int, after_title: bool) -> tuple[int, int] | None:
    """Character span of a person name starting at token i, or None."""
    tokens, tags = s.tokens, s.tags
    if i >= len(tokens):
        return None
    token, tag = tokens[i], tags[i]
    start = s.starts[i]
    # 潘/nr 桂林/nr, 杨成/nrfg 涛/nr: a name cut in two
    if (
        i + 1 < len(tokens)
        and (tag in PERSON_TAGS or after_title)
        and tags[i + 1] in SPLIT_NAME_TAGS
        and len(token) + len(tokens[i + 1]) == 3
        and token[0] in surnames()
    ):
        return start, s.end(i + 1)
    speaks = i + 1 < len(tokens) and (
        tokens[i + 1] in SPEECH_VERBS
        or _SPEECH_TAIL_RE.match(tokens[i + 1]) is not None
        or (i + 2 < len(tokens) and len(tokens[i + 1]) == 1 and tokens[i + 2] in SPEECH_VERBS)
    )
    two_ok = (after_title or speaks) and tag in PERSON_TAGS | {"nz"}
    if _is_name(token, tag) or (
        two_ok and token[0] in surnames() and 2 <= len(token) <= 3 and _CJK_RE.match(token)
    ):
        end = s.end(i)
        # 宋军/nr 继说/v and 耿付/nr 年/m 说/v: the third character went to the next token
        if len(token) == 2 and i + 1 < len(tokens):
            nxt = tokens[i + 1]
            if _SPEECH_TAIL_RE.match(nxt) or (
                len(nxt) == 1
                and _CJK_RE.match(nxt)
                and i + 2 < len(tokens)
                and tokens[i + 2] in SPEECH_VERBS
            ):
                end += 1
        return start, end
    return None


def _persons(s: _Sentence) -> None:
    tokens = s.tokens
    title_set = titles()
    i = 0
    while i < len(tokens):
        role_end = i
        if tokens[i] in title_set:
            role_end = i + 1
            if role_end < len(tokens) and tokens[i] + tokens[role_end] in title_set:
                role_end += 1  # 总裁 助理
            span = _person_at(s, role_end, after_title=True)
            if span and s.free(*span):
                name = s.text[span[0] : span[1]]
                role = s.text[s.starts[i] : s.starts[role_end]]
                if not _blocked(name, "person"):
                    s.claim(_Span(span[0], span[1], name, "person", role, "rule"))
                    i = role_end + 1
                    continue
        i += 1
    # Without a title in front, every branch of _person_at needs a person-ish tag and a
    # surname first character: test that here instead of calling it for every token.
    tags, family = s.tags, surnames()
    for i in range(len(tokens)):
        if (tags[i] not in PERSON_TAGS and tags[i] != "nz") or tokens[i][:1] not in family:
            continue
        span = _person_at(s, i, after_title=False)
        if span and s.free(*span):
            name = s.text[span[0] : span[1]]
            if not _blocked(name, "person"):
                s.claim(_Span(span[0], span[1], name, "person", None, "pos"))


def _recur(sentences: list[_Sentence], known: dict[str, str]) -> None:
    """Mentions of names found elsewhere in the article (step 5): one find per name over the
    article's text, then mapped back to sentences."""
    joined = "\n".join(s.text for s in sentences)
    offsets = list(itertools.accumulate((len(s.text) + 1 for s in sentences), initial=0))
    for name, type_ in known.items():
        pos = joined.find(name)
        while pos >= 0:
            k = bisect.bisect_right(offsets, pos) - 1
            s = sentences[k]
            start = pos - offsets[k]
            end = start + len(name)
            if end <= len(s.text) and s.free(start, end):
                s.claim(_Span(start, end, name, type_, None, "recurrence"))
            pos = joined.find(name, pos + len(name))


def extract_entities(
    article: Article,
    article_id: str,
    sentences: Iterable[tuple[int, int, str, list[str]]],
) -> list[dict]:
    """Rows of staging.entity_mentions for one article (byline authors included)."""
    parsed: list[tuple[int, int, _Sentence]] = []
    known: dict[str, str] = {}
    for p_ord, s_ord, text, tokens in sentences:
        s = _Sentence(text, tokens)
        _organisations(s)
        _dictionary(s)
        _places(s)
        _persons(s)
        for sp in s.spans + s.hidden:
            if len(sp.name) >= 2:
                known.setdefault(sp.name, sp.type)
        parsed.append((p_ord, s_ord, s))
    # Longer names first, so that 聊城华稔... claims before 聊城.
    known = dict(sorted(known.items(), key=lambda kv: -len(kv[0])))
    rows: list[dict] = []
    for author_ordinal, author in enumerate(article.authors, start=1):
        rows.append(
            {
                "article_id": article_id,
                "paragraph_ordinal": None,
                "sentence_ordinal": None,
                "start": author_ordinal - 1,
                "name": author.name,
                "type": "person",
                "role": author.role or "作者",
                "source": "byline",
            }
        )
    _recur([s for _, _, s in parsed], known)
    for p_ord, s_ord, s in parsed:
        for sp in sorted(s.spans, key=lambda sp: sp.start):
            rows.append(
                {
                    "article_id": article_id,
                    "paragraph_ordinal": p_ord,
                    "sentence_ordinal": s_ord,
                    "start": sp.start,
                    "name": sp.name,
                    "type": sp.type,
                    "role": sp.role,
                    "source": sp.source,
                }
            )
    return rows
