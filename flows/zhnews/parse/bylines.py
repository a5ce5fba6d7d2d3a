"""Bylines and credits as Chinese newsrooms print them, turned into `Author(name, role)` lists.

Forms handled (see tests/test_bylines.py):
- leading box bylines: `□孙亚飞 王兆锋`, `□本报记者张靖本报通讯员郜敏`;
- run-in bylines opening the first paragraph (`split_run_in` returns the rest of it):
  `本报讯（记者李铮通讯员王飞李永）…`, `新京报快讯（记者 裴剑飞）…`, `新华社北京9月9日电（记者 张三）…`,
  CNA's `（中央社記者蘇思云、葉冠吟台北1日電）…`, `记者 张三 报道 …`, `文/张三 …`;
- credit lines (`parse_credit_line`): role words and names and nothing else, bracketed or not —
  `文/X`, `作者：X`, `撰稿：X`, `（X 编译）`, `新京报记者 X 编辑 Y 校对 Z`, `記者X／台中報導`,
  `（本文作者为…）`; editors (`责任编辑：X`, `【编辑:X】`, `（編輯：X）1100201`) fill `editor`
  and are never authors; 校对/审核/监制 credits name nobody;
- closing bylines `(孙亚飞 马泽磊)` and credits glued to a paragraph's end
  (`split_trailing_credit`), including source credits `（央视新闻）` (a publisher, no author);
- photo credits ending in 摄, with desk codes such as `⑧3`: `本报记者 王磊 摄⑧3` (role 摄影);
- wire credits `（据新华社郑州9月9日电）` and bare datelines: a credit (publisher), never an author.

Names are 2–4 CJK characters, transliterations with `·`/`‧`, or Latin names, separated by
spaces, 、, ， or /. Names printed without separators (`王飞李永`) are split on common
surnames, because print layouts drop the spaces; when no split is convincing the run is kept
as one name by the lenient readers and refused by the strict ones (credit lines must hold
nothing but roles and names, so prose that mentions a 记者 is never taken).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from zhnews.model import Author

PHOTO_ROLE = "摄影"  # the role a photo credit gives (摄影, 攝影, 摄, 图/圖 before a name)
TRANSLATOR_ROLE = "编译"  # the role a translation credit gives (编译, 译者, 翻译, 译 | X)

# Role words (simplified and traditional), longest first so `本报记者` wins over `记者`.
# Each maps to (role recorded on the Author, class): class `author`/`photo` name authors,
# `editor` fills Article.editor, `other` (校对, 审核, 监制 …) is credited in byline_raw only.
_ROLES: list[tuple[str, str | None, str]] = [
    (r"(?:本报|本報|本台|本刊)?(?:特约|特約)(?:记者|記者)", "特约记者", "author"),
    # `駐美特派員王小明`, `驻华盛顿记者 X`: a correspondent posted abroad
    (r"(?:駐|驻)[\u4e00-\u9fff]{1,4}?(?:特派員|特派员|記者|记者)|特派員|特派员", "记者", "author"),
    (r"(?:本报|本報|本台|本刊)?(?:见习|見習)(?:记者|記者)", "见习记者", "author"),
    (r"(?:本报|本報|本台|本刊)?(?:特约|特約)?(?:通讯员|通訊員)", "通讯员", "author"),
    (r"(?:本报|本報|本台|本刊)?(?:实习生|實習生)", "实习生", "author"),
    (r"(?:摄影|攝影)(?:记者|記者)", PHOTO_ROLE, "photo"),
    (r"(?:本报|本報|本台|本刊)?(?:首席|实习|實習|驻站|駐站)?(?:记者|記者)", "记者", "author"),
    (r"(?:特约|特約|本报|本報)?(?:评论员|評論員)", "评论员", "author"),
    (r"(?:本文|专栏|專欄)?作者|博客|部落客|博主|专栏|專欄", "作者", "author"),
    (r"撰稿人?|撰文|采写|採寫|执笔人?|執筆人?|主笔|主筆", "撰稿", "author"),
    # `编译自德语：X`: the language the story was translated from, between the role and X
    (
        r"(?:编译|編譯|翻译|翻譯|译|譯)(?:自|自於|自于)[\u4e00-\u9fff]{1,3}?(?:语|語|文)|编译|編譯|译者|譯者|翻译|翻譯"
        # `译 | 金梅花`: the one-character label before a bar or a colon
        r"|(?<![\u4e00-\u9fff])(?:译|譯)(?=\s*[|｜:：])",
        TRANSLATOR_ROLE,
        "author",
    ),
    # `報道：X`, `文字：X　攝影：Y`, `採訪：X`: a report, text or interview label opening a credit
    (
        r"(?<![\u4e00-\u9fff])(?:报道|報道|報導|报导|采访|採訪|文字)(?=\s*[：:／/])"
        # `本版文字／严敏`: a newspaper page's credit, for every story of the page
        r"|(?<![\u4e00-\u9fff])(?:本版|本頁|本页)(?:文字|撰文|文)(?=\s*[：:／/])",
        "撰稿",
        "author",
    ),
    # `整合 新华日报·交汇点记者 徐睿翔`: who compiled a roundup (a credit label before names)
    (r"整合(?=\s*[：:]|\s+\S)|整理(?=\s*[：:])", "整理", "author"),
    (r"文\s*[/／]\s*(?:图|圖)|(?:图|圖)\s*[/／]\s*文|图文|圖文|文图|文圖", "文图", "author"),
    # `陈大文｜摄影：X`: a name ending in 文 before a bar is a name, not the role 文
    (r"(?<![\u4e00-\u9fff])文(?=\s*[/／|｜︱丨:：])|(?<=[/／])文", "文", "author"),
    (
        # (`首圖／X提供`: who gave the lead picture)
        r"(?:摄影|攝影|摄像|攝像)|(?:首|题|題)?(?:图|圖|摄|攝)(?=\s*[/／|｜︱丨:：])"
        r"|(?<=[/／])(?:图|圖|摄|攝)",
        PHOTO_ROLE,
        "photo",
    ),
    # `图片编辑：邵竞`, `视频编辑：X`: who edited the pictures or the video, not the story
    (r"(?:图片|圖片|视频|視頻|美术|美術)(?:编辑|編輯)", None, "other"),
    # `题图来源：IC photo`: where the pictures come from, in a row of credits
    (r"(?:题图|題圖|配图|配圖)(?:来源|來源)", None, "source"),
    (r"责任编辑|責任編輯|责编|責編", "责任编辑", "editor"),
    (
        r"本文编辑|本文編輯|值班编辑|值班編輯|(?:实习|實習)?(?:编辑|編輯)|选稿|選稿"
        # `流程编辑：TF060`, `文字编辑：李林蔚`: the desk's kind of editor, one role word
        r"|(?:流程|文字|网络|網絡|网站|網站|执行|執行|新媒体|新媒體)(?:编辑|編輯)"
        # `文：X 编：Y`: the editor's one-character label, beside the writer's
        r"|(?<![\u4e00-\u9fff])(?:编|編)(?=\s*[：:／/|｜])",
        "编辑",
        "editor",
    ),
    (
        r"校对|校對|审核|審核|审校|審校|核稿|编审|編審|监制|監製|终审|終審|二审|三审|初审|"
        r"策划|策劃|统筹|統籌|出品人?|设计|設計|制图|製圖|美编|美編|美术|美術|视频|視頻|剪辑|剪輯|"
        r"海报|海報|排版|运营|運營|配音|视觉|視覺|(?:栏目|欄目|执行|執行)?(?:主编|主編)|网编(?!辑)|網編(?!輯)"
        # `版面编辑：X`: who laid out the page, not the story's editor
        r"|版面(?:编辑|編輯)|版(?:编|編)(?=\s*[：:])"
        # `发稿 X; 审校 Y`: who sent the story out (a desk task, not a writer's credit)
        r"|(?:发稿|發稿)(?!时间|時間|日期)"
        # `校 | 李霖`: the proof-reader's one-character label before a bar or a colon
        r"|(?<![\u4e00-\u9fff])校(?=\s*[|｜:：])",
        None,
        "other",
    ),
    (r"本报|本報", None, "author"),
]
_ROLE_RE = re.compile("|".join(f"(?P<r{i}>{pattern})" for i, (pattern, _, _) in enumerate(_ROLES)))
# Printed after the names: `王磊 摄`, `（X 编译）`, `记者 X 报道`, `张三/文 李四/图`.
_SUFFIX_ROLES = [
    (r"(?:摄|攝)(?:影)?", PHOTO_ROLE, "photo"),
    (r"编译|編譯", TRANSLATOR_ROLE, "author"),
    (r"整理", "整理", "author"),
    (r"供图|供圖|提供", None, "source"),
    # 報道: Hong Kong and Macau spell 报道 so (`本報記者 王小明 報道`)
    (r"(?:(?<=[\s/／])[\u4e00-\u9fff]{2,6})?(?:报道|報導|报导|報道)", None, "neutral"),
    # `李澄欣/张慈（综合报导）`: the report word in brackets after the names
    (r"[（(]\s*(?:综合|綜合|编译|編譯)?\s*(?:报道|報導|报导|報道)\s*[)）]", None, "neutral"),
    # `本报记者罗科苏盈发自北京`: where the reporters filed from, after their names
    (r"(?:发自|發自)\s*[\u4e00-\u9fff]{2,6}", None, "neutral"),
]
_SUFFIX_RE = re.compile(
    r"\s*(?:"
    + "|".join(f"(?P<s{i}>{pattern})" for i, (pattern, _, _) in enumerate(_SUFFIX_ROLES))
    + r")[\d①-⑳]*$"
)


def _role_of(match: re.Match) -> tuple[str | None, str]:
    index = int(match.lastgroup[1:])  # type: ignore[index]
    _, role, cls = _ROLES[index]
    return role, cls


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
    "鮑饒聶莊張謝鄭羅賴溫顏關鄔閔簡連湯喬龐樂項歐衛鄺萧"
    # common surnames that were missing (洪 傅 茅 粘 闕 辜 塗) and the traditional forms of
    # listed ones (蔣 紀 鐘 駱 麥 魯): `編譯茅毅`, `記者洪佩君`, `記者蔣文華`. Not 華: far more
    # often the last character of a given name (`陳小華`), where a surname table would cut
    # names glued to what follows them (`陳小`/`華新城`)
    "洪傅茅粘闕辜塗蔣紀鐘駱麥魯"
    # rarer surnames that are hardly ever a character of a given name (`新华社记者 刘菁 邰晓安`
    # wrapped over `秦宏`: a run of names the table splits only when it knows each surname)
    "邰芮阚濮郦晁逯扈"
)
_SURNAMES = set(_SURNAME_ORDER)
_SURNAME_RANK = {char: rank for rank, char in reversed(list(enumerate(_SURNAME_ORDER)))}
_NAME_CHAR = r"[\u4e00-\u9fff·•‧・]"
_DESK_CODE = re.compile(r"[①-⑳㉑-㉟]\d*|[（(]?\d{1,2}[)）]?$")
_WIRE_RE = re.compile(
    r"^[（(]\s*(据|来源[：:]?)?\s*(?P<agency>新华社|中新社|人民网|央视新闻|人民日报|新华网|中新网|[^\s（）()]{2,8}?社)"
    r"(?P<rest>[^（）()]{0,20}?)(电|讯|报道)?\s*[)）]$"
)
_RUN_IN_RE = re.compile(
    r"^\s*(?P<lead>(本报|本刊|新华社|中新社|中新网|人民网|央视网|[\u4e00-\u9fff]{2,6}(报|网|社|台)"
    # `C114讯`: a brand in Latin letters and digits
    r"|[A-Za-z][A-Za-z0-9]{1,10}))?"
    r"(?P<place>[\u4e00-\u9fff\d]{0,14}?)(?P<kind>讯|电|訊|電|消息|报道|報導|報道)\s*"
    # `C114讯 2月11日消息（兰茜）`: the day of the news between the brand and the bracket
    r"(?:\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:消息|电|電)?\s*)?"
    r"[（(](?P<inner>[^（）()]{2,80})[)）]\s*[：:]?\s*"
)


@dataclass
class Byline:
    """A parsed byline: who wrote it, who is credited, and the text exactly as printed."""

    raw: str
    authors: list[Author] = field(default_factory=list)
    credit: str | None = None  # wire/agency credit such as 新华社 (not an author)
    kind: str = "byline"  # byline | closing | photo | wire | run_in | editor | credit | source
    editor: str | None = None  # 责任编辑/编辑 names printed with the credits (not authors)
    editor_rank: int = 0  # 2: 责任编辑/责编, 1: 编辑 — the 责任编辑 wins when both are printed
    # Names that are the writer only when no one else is credited as one (left out of
    # `authors`; assemble decides): `作者：雪花 编辑：雪花`, one person credited as writer and
    # editor in one meta line; `发稿 宿泱韫；审校 曾祥进`, who filed a wire service's story
    fallback_writers: list[str] = field(default_factory=list)


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


# `John Smith` inside a CJK credit (`記者 John Smith／台北報導`): the words of a capitalised
# Latin name stay together when a credit's names are split at spaces.
_LATIN_RUN = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z.\-']*(?: [A-Z][A-Za-z.\-']*){1,2}(?![A-Za-z])")
_KEEP_SPACE = "\x00"


def _latin_kept(text: str) -> str:
    """`text` with the spaces inside capitalised Latin names protected from splitting."""
    if " " not in text or not re.search(r"[A-Z][a-z]* [A-Z]", text):
        return text
    return _LATIN_RUN.sub(lambda m: m.group(0).replace(" ", _KEEP_SPACE), text)


def _names(text: str) -> list[str]:
    text = _latin_kept(_DESK_CODE.sub("", text))
    names: list[str] = []
    for chunk in re.split(r"[\s、，,；;/／|｜]+", text):
        chunk = chunk.strip("：:　 ").replace(_KEEP_SPACE, " ")
        if not chunk:
            continue
        if re.fullmatch(r"[A-Za-z][A-Za-z .\-]{1,40}", chunk):
            names.append(chunk)
            continue
        if not re.fullmatch(f"{_NAME_CHAR}+", chunk):
            continue
        names.extend(split_names(chunk))
    return [n for n in names if 2 <= len(n) <= 12]


@dataclass
class _Credits:
    authors: list[Author] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    editor_ranks: list[int] = field(default_factory=list)  # `EDITOR_RANKS` of each editor
    roles: int = 0  # role words found
    classes: set[str] = field(default_factory=set)  # classes of the names found
    clean: bool = True  # every segment was names (nothing else) and the line starts with a role


_ROLES_PRINTED_AFTER = (
    TRANSLATOR_ROLE,
    PHOTO_ROLE,
    "文",
    "文图",
    "撰稿",
)  # `（张三 编译）`, `王磊 摄影`


def _segments(text: str, default_role: str | None) -> list[tuple[str, str | None, str, bool]]:
    """Cut `text` at role words: (names text, role, class, credited) per stretch of names.

    `credited` is False for text before any role word (it may still carry a suffix role).
    """
    out: list[tuple[str, str | None, str, bool]] = []
    role, cls, credited = default_role, "author", default_role is not None
    pos = 0
    for match in _ROLE_RE.finditer(text):
        segment = text[pos : match.start()]
        found, found_cls = _role_of(match)
        after = text[match.end() :].lstrip(" \t\u3000")
        printed_after = segment.strip(" /／") and (
            (not after.rstrip("）)】]") and found in _ROLES_PRINTED_AFTER)
            or (
                text[match.start() - 1] in "/／"
                and text[match.end() : match.end() + 1]
                in ("", " ", "\u3000", "|", "｜", "，", "、")
            )
            or (
                match.end() < len(text)
                and text[match.end()] in " \t\u3000"
                and _ROLE_RE.match(after)
            )
        )
        if printed_after:
            # `张三/文 李四/图`, `（张三 编译）`: the role is printed after the names it credits
            out.append((segment.rstrip(" /／"), found, found_cls, True))
            role, cls, credited = default_role, "author", default_role is not None
        else:
            out.append((segment, role, cls, credited))
            if found is not None or found_cls != "author":
                role, cls = found, found_cls
            credited = True
        pos = match.end()
    out.append((text[pos:], role, cls, credited))
    return out


# `编译自德语：郭倢/dh`, `(Reporting by X; editing by Y/ac)`: the desk's initials of whoever
# handled the copy, in lower case after a slash closing the credit; no name
_DESK_INITIALS = re.compile(r"(?<=[\u4e00-\u9fffA-Za-z.])\s*[/／]\s*[a-z]{1,4}(?=\s*[)）]?\s*$)")


_NEWSROOM_SHORT = re.compile(r"[\u4e00-\u9fff]{2,4}")
_JOB_TITLES = {"记者", "特约记者", "见习记者", "通讯员", "实习生"}


def _credits(text: str, default_role: str | None = None, strict: bool = False) -> _Credits:
    """Authors and editors named in `text`; `strict` also checks it holds nothing else."""
    result = _Credits()
    text = _DESK_INITIALS.sub("", text)
    segments = _segments(text, default_role)
    desk_photo = False  # `图/财新记者 X`: the desk's reporter is credited for the picture
    previous = None  # the class of the credit before (an intern works for the one before)
    task = False  # the credit before was a task label over a desk's job title
    for index, (segment, role, cls, credited) in enumerate(segments):
        if desk_photo and cls == "author" and role == "记者":
            role, cls = PHOTO_ROLE, "photo"
        desk_photo = False
        glued = index > 0 and segment[:1] not in " \t\u3000：:/／|｜︱丨"
        # `半月谈记者 X`: a newsroom name printed straight before the role word
        role_follows = (
            index == 0
            and len(segments) > 1
            and not segment[-1:].isspace()
            and segments[1][2] in ("author", "editor")
        )
        # `文丨政能亮特约评论员 韩涵`: a column or desk name glued to the role word after it
        desk_of_next = (
            index > 0
            and index + 1 < len(segments)
            and not segment[-1:].isspace()
            and segments[index + 1][2] == "author"
        )
        if task and cls == "author":
            role, cls = None, "other"  # `统筹：南都记者 X Y`: coordinators, whatever their job
        task = False
        # `采写：南都记者 杨婷`, `统筹：南都记者 X`: a newsroom's short name between a label's colon
        # and the job title glued to it is the desk, not a person
        label_desk = (
            desk_of_next
            and index > 0
            and segment.lstrip(" \t\u3000")[:1] in "：:"
            and _NEWSROOM_SHORT.fullmatch(segment.strip(" \t\u3000：:")) is not None
            and segments[index + 1][1] in _JOB_TITLES
        )
        labelled = segment.lstrip(" \t\u3000")[:1] in "：:"  # `作者：X`: the label's colon
        # `撰文：X · 編輯：Y`: a middle dot between two credits is a separator at a name's end
        segment = segment.strip(" \t\u3000：:/／|｜︱丨，,、;；·•")
        if not segment:
            continue
        if label_desk:
            task = cls == "other"  # the label's task is what the names after did
            continue
        if (
            desk_of_next
            and (
                strict_names(segment, surname=True) is None
                or _MEDIA_PREFIX.fullmatch(segment.split("·")[0])
            )
            and _is_media(segment, True)
        ):
            desk_photo = cls == "photo"
            continue
        suffix = _SUFFIX_RE.search(segment)
        if suffix and suffix.start() > 0:
            s_role, s_cls = _suffix_role(suffix)
            if s_cls != "neutral":
                role, cls = s_role, s_cls
            segment = segment[: suffix.start()].strip()
            credited = True
            result.roles += 1
        if cls == "source":
            result.roles += 1  # `受访者供图`: a picture source, not a person
            continue
        if role == "实习生" and previous == "editor":
            cls = "editor"  # `编辑：李莎宁 实习生 张小丹`: the desk's intern, not a writer
        previous = cls
        if strict:
            if not credited:
                if not (index == 0 and _is_media(segment, glued_role=role_follows)):
                    result.clean = False
                continue
            names = _strict_names(segment, glued=glued, pen_name=labelled and role == "作者")
            if names is None:
                result.clean = False
                continue
        else:
            names = [n for n in _names(segment) if n not in _NOT_NAMES]
        result.classes.add(cls)
        if cls == "editor":
            result.editors.extend(names)
            result.editor_ranks.extend(EDITOR_RANKS.get(role or "", 1) for _ in names)
        elif cls in ("author", "photo"):
            if not credited or role is None:
                # `台中 嘉義 綜合報導`: with no role word before them, known places are where
                # the story was filed, not people
                names = [n for n in names if n not in _PLACES and n not in _FILED_PLACES]
            result.authors.extend(Author(n, PHOTO_ROLE if cls == "photo" else role) for n in names)
    result.roles += len(_ROLE_RE.findall(text))
    return result


def _suffix_role(match: re.Match) -> tuple[str | None, str]:
    index = int(match.lastgroup[1:])  # type: ignore[index]
    _, role, cls = _SUFFIX_ROLES[index]
    return role, cls


# A writer's label before the names: `文/`, `作者：`, `撰文｜`
# (`报道/越南画报 草薇`: the reporting credit with a slash, as `文/` is printed)
_WRITER_LABEL = r"(?:(?:文|作者|撰文|撰稿|文字)\s*[/／|｜丨︱:：]|(?:报道|報導|報道)\s*[/／])"
# `文/观察者网 张菁娟`: a writer's label, a newsroom's name, a space, then the names
_LABEL_OUTLET_NAME = re.compile(
    rf"^(?P<label>[【\[（(]?\s*{_WRITER_LABEL}\s*)"
    r"(?P<outlet>[^\s/／|｜:：]{2,16})\s+(?P<rest>\S.*)$"
)
_MEDIA_PREFIX = re.compile(
    r"[\u4e00-\u9fffA-Za-z·]{1,14}?(?:报|報|网|網|社|台|新闻|新聞|刊|杂志|雜誌|周刊|客户端|客戶端|频道|頻道)"
)
# What a writer's field says when it names nobody (`作者：佚名`, `作者：不详`)
_NOBODY = "佚名|匿名|未知|不详|不詳|本站|本网|本網|无名|無名"
# An edition's buttons in other languages, printed beside the byline (Infobae 中文's
# `Guardar`, save): commands, never names, and no line of the text
FOREIGN_BUTTONS = frozenset(
    "Guardar Compartir Seguir Save Share Follow Subscribe Enregistrer Partager Suivre".split()
)
_NOT_NAMES = (
    FOREIGN_BUTTONS
    | set(
        "受访者 受訪者 资料 資料 网络 網絡 网友 網友 本报 本報 本台 记者 記者 编辑 編輯 通讯员 "
        "新华社 中新社 视觉中国 視覺中國 图虫创意 东方IC 供图 供圖 官方 微博 微信 "
        # the buttons of an author box (`关注` follows the account): commands, never names
        "关注 關注 已关注 已關注 订阅 訂閱 私信 收藏 点赞 點讚 分享 举报 舉報 评论 評論 原创 原創 "
        # how a story was put together (`（綜合報導）`, `（编译报道）`): no one's name
        "综合 綜合 外电 外電 报道 報導 报导 報道 编译 編譯 即时 即時 "
        # what a bio's heading calls it (`作者簡介：`): the writer's introduction, not a name
        "简介 簡介 介绍 介紹 小传 小傳".split()
    )
    | set(_NOBODY.split("|"))
)


def is_newsroom(name: str) -> bool:
    """A newsroom's name (`新京报`, `某某日報`, `中央社`, `某某新聞網`), not a person's: a name of
    three characters or more that ends in a newsroom's word (`_MEDIA_PREFIX`)."""
    stripped = name.strip()
    return len(stripped) >= 3 and bool(_MEDIA_PREFIX.fullmatch(stripped))


def _is_media(segment: str, glued_role: bool = False) -> bool:
    """A newsroom name before a credit: `新京报`, `澎湃新闻`, or any short name glued to
    the role word that follows it (`半月谈记者`, `总台记者`)."""
    stripped = segment.strip()
    if _MEDIA_PREFIX.fullmatch(stripped):
        return True
    # `香港01記者`, `on.cc東網記者`: a newsroom whose name holds digits or a dotted address
    return glued_role and bool(
        re.fullmatch(r"(?=[^\d]*[\u4e00-\u9fffA-Za-z])[\u4e00-\u9fffA-Za-z0-9.·]{1,10}", stripped)
    )


# `方  敏`, `王  乐  文`: a short name padded to the width of a three-character one in a
# print byline (`本报记者  王乐文  方  敏`); single characters standing apart are one name
# when the first is a surname.
_PADDED_NAME = re.compile(
    r"(?<![\u4e00-\u9fff])["
    + _SURNAME_ORDER
    + r"](?:[ \t\u3000]+[\u4e00-\u9fff](?![\u4e00-\u9fff])){1,2}"
)


_SLIDER_CONTROLS = re.compile(r"(?i)(?:\s*(?:prev(?:ious)?|next)\s*){1,4}")


# What a four-character credit value says when it names nobody: `网络整理`, `综合报道`
_NOT_A_PEN_NAME = re.compile(
    r"整理|综合|綜合|网络|網絡|網路|报道|報導|报导|編譯|编译|供稿|提供|转载|轉載|佚名|匿名|来源|來源"
    r"|本报|本報|本刊|本台|记者|記者|编辑|編輯|新闻|新聞|中心|小组|小組|团队|團隊|评论|評論|查看"
)


# The Latin words of a desk or a wire credit (`Newsroom Infobae`, `Redacción`, `CNA Staff`,
# `News Desk`, `Agencies`): a credit naming the outlet's staff, not a person
_LATIN_DESK = re.compile(
    r"(?i)(?<![A-Za-z])(?:newsroom|redacci[oó]n|staff|news\s*desk|desk|agencies|wires?"
    r"|editorial\s+(?:board|team|staff)|editors)(?![A-Za-z])"
)


def names_a_desk(text: str) -> bool:
    """A Latin credit that names the outlet's desk or staff (`Por Newsroom Infobae`)."""
    return bool(_LATIN_DESK.search(text))


# What a body's name ends with (`农业农村部`, `中国社会科学院`, `某某研究中心`): an institution
_ORG_SUFFIX = re.compile(
    r"(?:部|院|所|局|委|会|會|厅|廳|处|處|办|辦|署|司|中心|协会|協會|学会|學會|公司|集团|集團"
    r"|大学|大學|学院|學院|学校|學校|医院|醫院|工作室|平台|平臺)$"
)


def _long_pen_name(chunk: str) -> bool:
    """A writer's label over five to nine characters that name no one of a newsroom, a body,
    a place or the desk's work: the pen name the site prints (`農藝女孩看世界`)."""
    return not (_NOT_A_PEN_NAME.search(chunk) or _ORG_SUFFIX.search(chunk) or not _pen_name(chunk))


def _strict_names(segment: str, glued: bool = False, pen_name: bool = False) -> list[str] | None:
    """Names only (2–4 CJK characters, `·` transliterations, Latin names), or None.

    `glued`: the names follow a role word without any separator (`记者张三`), as print
    layouts do; then a name must start with a surname so `记者获悉` is not a credit.
    `pen_name`: the value of a writer's label (`作者：山鲁佐德`): a lone four-character word
    that is no two names is the writer's pen name (unless it says how the story was made:
    `网络整理`, `综合报道`).
    """
    segment = _DESK_CODE.sub("", re.sub(r"\s*_?[A-Z]{1,4}\d{2,6}\b", "", segment)).strip()
    if _SLIDER_CONTROLS.fullmatch(segment):
        return None  # a carousel's buttons (`prev` `next`, glued as `prevnext`), not a name
    segment = _PADDED_NAME.sub(lambda m: re.sub(r"\s+", "", m.group(0)), segment)
    if glued:
        first = re.split(r"[\s、，,；;/／|｜]+", segment)[0]
        if first and first[0] not in _SURNAMES and first[:2] not in _COMPOUND_SURNAMES:
            if "·" not in first and not first.isascii():
                return None
    if _LATIN_DESK.search(segment):
        return None  # `Newsroom Infobae`, `CNA Staff`: a desk of the outlet, nobody's name
    names: list[str] = []
    if segment.isascii() and _LATIN_NAMES.fullmatch(segment) and re.search(r"[A-Za-z]{2}", segment):
        # `KEITH BRADSHER`, `Jane Wakefield, Tom Smith`: words of a Latin name are spaced
        return [n for n in re.split(r"\s*(?:[,/;]|\band\b|&)\s*", segment) if n] or None
    for chunk in re.split(r"[\s、，,；;/／|｜︱丨]+", _latin_kept(segment)):
        chunk = chunk.strip("：:　 ").replace(_KEEP_SPACE, " ")
        if not chunk:
            continue
        if chunk in _NOT_NAMES or _MEDIA_SUFFIX.search(chunk) and len(chunk) > 2:
            return None
        # a Latin word ends on a letter or an initial's dot: `A-`, `A+` are buttons, not names
        if re.fullmatch(
            r"[A-Za-z][A-Za-z.\-]{0,19}[A-Za-z.](?: [A-Za-z][A-Za-z.\-]{1,20}){0,2}", chunk
        ):
            names.append(chunk)
        elif re.fullmatch(r"[\u4e00-\u9fff]{1,8}(?:[·•．‧・][\u4e00-\u9fff]{1,8}){1,3}", chunk):
            names.append(chunk)
        elif re.fullmatch(r"[\u4e00-\u9fff]{2,3}", chunk):
            names.append(chunk)
        elif re.fullmatch(r"[\u4e00-\u9fff]{4,9}", chunk):
            split = _segment(chunk)
            if split is None and len(chunk) == 4 and chunk[:2] in _COMPOUND_SURNAMES:
                split = [chunk]
            if split is None and pen_name and len(chunk) == 4 and chunk == segment.strip():
                split = None if _NOT_A_PEN_NAME.search(chunk) else [chunk]
            if split is None and pen_name and len(chunk) > 4 and chunk == segment.strip():
                # `作者：農藝女孩看世界`: a longer pen name, the site's own name for a columnist
                # (not a body: `作者：农业农村部`, `作者：人民日报评论部`)
                split = [chunk] if _long_pen_name(chunk) else None
            if split is None:
                return None
            names.extend(split)
        else:
            return None
    return names or None


_LATIN_NAME = r"[A-Za-z][A-Za-z.\-']{0,20}(?: [A-Za-z][A-Za-z.\-']{0,20}){1,3}"
_LATIN_NAMES = re.compile(rf"{_LATIN_NAME}(?:\s*(?:[,/;]|\band\b|&)\s*{_LATIN_NAME})*")


# The English label before a byline's names (`By kui`, `Posted by 王小明`, a theme's
# `<div class="td-author-by">By</div>`; Spanish and French `Por`, `Par`): no one's name
BY_LABEL = re.compile(
    # (`| By 陈晓`: the label after the bar that parts it from the date and the categories)
    r"^\s*(?:[|｜/／·•]\s*)*(?:(?:posted|written|words|story|text|reported)\s+)?(?:by|por|par)\b"
    r"\s*[:：]?\s*",
    re.IGNORECASE,
)


def strict_names(text: str, surname: bool = False) -> list[str] | None:
    """The names a line consists of (`周依恩`, `罗博 萧海川`), or None when it holds anything else.

    `surname`: every Chinese name must start with a surname (a line with no role word to vouch
    for it, such as `分享`, is not a name).
    """
    names = _strict_names(BY_LABEL.sub("", text))
    if names and surname:
        for name in names:
            if not name.isascii() and "·" not in name and name[0] not in _SURNAMES:
                if name[:2] not in _COMPOUND_SURNAMES:
                    return None
    return names


_META_ROLES = r"作者|記者|记者|撰稿|责任编辑|責任編輯|责编|責編|编辑|編輯|选稿|選稿"
# The labels of a meta line's fields: a name ends where the next label begins, as page
# layouts glue the fields together (`作者：曹磊来源:东方网选稿：曾炟`).
_META_LABELS = (
    rf"(?:{_META_ROLES}|来源|來源|时间|時間|日期|浏览|瀏覽|阅读|閱讀"
    # `发表时间：`, `更新日期：`: a stamp's label (an empty 作者 field before it names nobody)
    r"|(?:发布|發布|发表|發表|更新|出版)(?:时间|時間|日期)?)\s*[：:]"
)
_META_CREDIT = re.compile(
    rf"(?P<credit>(?:{_META_ROLES})\s*[：:]\s*(?!{_META_ROLES})"
    rf"(?:(?!{_META_LABELS})[^\s|｜:：\[\]【】]){{2,12}}"
    rf"(?:\s+(?!{_META_ROLES})(?:(?!{_META_LABELS})[^\s|｜:：\[\]【】]){{2,4}}"
    rf"(?=$|[\s|｜\[\]【】]|{_META_LABELS}))*)"
)
_BRACKETED_NAME = re.compile(r"[\[【]\s*(?P<name>[^\s\[\]【】]{2,4})\s*[\]】]")
# `来源：中国新闻网 王帆` (a name printed after the source, in its own field, often glued to
# it once the page's spaces are gone): the source is a newsroom, the name after it a writer.
_SOURCE_THEN_NAME = re.compile(
    r"(?:来源|來源)\s*[：:]\s*(?P<source>[\u4e00-\u9fffA-Za-z]{1,14}"
    r"(?:网|網|报|報|社|台|新闻|新聞|日报|日報|客户端|客戶端))\s*"
    # `来源：中国新闻网 记者 张三`: the reporter's role word may stand before the name
    r"(?:(?:记者|記者|作者|通讯员|通訊員)\s*)?"
    r"(?P<name>[\u4e00-\u9fff]{2,3})(?=$|[\s|｜]|(?:" + _META_ROLES + r")\s*[：:])"
)


# A meta row's first slot, a bullet, then the time: `夸父追日 • 2016-10-27 09:10:35　来源：前瞻网`
_WRITER_BEFORE_STAMP = re.compile(
    r"^\s*(?P<name>[\u4e00-\u9fff·]{2,8}|[A-Za-z][A-Za-z .\-']{1,30}?)\s*[•·|｜]\s*(?:19|20)\d{2}\s*[-/.年]"
)
# a source's label in a row (`来源：半月谈网`, `稿源：`, `出處：`)
SOURCE_LABEL = re.compile(r"(?:来源|來源|稿源|出处|出處)\s*[：:]")


def _pen_name(name: str) -> bool:
    """A name in a writer's slot: not a newsroom, a label of the row or a place."""
    return not (
        _MEDIA_SUFFIX.search(name)
        or _META_WORDS.search(name)
        or name in _NOT_NAMES
        or name in _PLACES
        or _PLACE_SUFFIX.search(name)
    )


# `编辑：快讯团队`: an editor's label over the desk or team that edits the page's items
_DESK_EDITOR = re.compile(
    r"(?:责任编辑|責任編輯|责编|責編|编辑|編輯)\s*[：:]\s*"
    r"(?P<desk>[\u4e00-\u9fffA-Za-z]{1,8}(?:团队|團隊|小组|小組|编辑部|編輯部|工作室))"
)


def _desk_editor(credit: str) -> Byline | None:
    """An editor's credit that names a desk or team, kept as printed (the page's editor)."""
    found = _DESK_EDITOR.fullmatch(credit.strip())
    if found is None:
        return None
    rank = 2 if credit.lstrip().startswith(("责", "責")) else 1
    return Byline(raw=credit, kind="editor", editor=found["desk"], editor_rank=rank)


def credits_in_meta(line: str) -> Byline | None:
    """Credits inside a page's date/source line: `作者：张三`, `编辑：李四`, `选稿：王五`,
    `[ 黄宇 ]`, a name printed after the source (`来源：中国新闻网 王帆`)."""
    authors: list[Author] = []
    editor, rank, raws = None, 0, []
    for match in _META_CREDIT.finditer(line):
        credit = parse_credit_line(match.group("credit")) or _desk_editor(match.group("credit"))
        if credit is None:
            continue
        raws.append(match.group("credit"))
        authors.extend(credit.authors)
        if credit.editor and credit.editor_rank > rank:
            editor, rank = credit.editor, credit.editor_rank
    for match in _BRACKETED_NAME.finditer(line):
        names = strict_names(match.group("name"), surname=True)
        if names:
            raws.append(match.group(0))
            authors.extend(Author(n, None) for n in names)
    source = _SOURCE_THEN_NAME.search(line) if "来源" in line or "來源" in line else None
    if source and not authors:
        names = strict_names(source.group("name"), surname=True)
        if names and len(names) == 1:
            raws.append(source.group("name"))
            authors.append(Author(names[0], None))
    writer = _WRITER_BEFORE_STAMP.match(line) if source or SOURCE_LABEL.search(line) else None
    if writer and not authors and _pen_name(writer.group("name")):
        # `夸父追日 • 2016-10-27 09:10:35　来源：前瞻网`: the row's source has its label, so
        # the slot before the bullet and the time is the writer's (a pen name as printed)
        raws.append(writer.group("name"))
        authors.append(Author(writer.group("name"), None))
    if not raws:
        return None
    if editor:
        # `作者：陈海峰 责任编辑：陈海峰`: a content system filling the author field with the
        # editor's login, or an editor who wrote the item: the person is the editor here,
        # and assemble makes them the writer too when no one else is credited as one
        editors = set(editor.split("、"))
        both = [a.name for a in authors if a.name in editors and a.role == "作者"]
        authors = [a for a in authors if a.name not in editors]
    else:
        both = []
    kind = "byline" if authors else "editor"
    return Byline(
        raw=" ".join(raws),
        authors=authors,
        kind=kind,
        editor=editor,
        editor_rank=rank,
        fallback_writers=both,
    )


def parse_people(text: str, default_role: str | None = None) -> list[Author]:
    """Names and roles from a byline body such as `本报记者张靖本报通讯员郜敏`.

    Names credited as editors (编辑, 责任编辑) or for other desk work (校对, 审核) are not
    authors and are left out.
    """
    return _credits(text, default_role).authors


def editors_in(text: str) -> list[str]:
    """Names credited as editors in a byline body (`记者 张三 编辑 李四` → 李四)."""
    return _credits(text).editors


_SENTENCE_MARK = re.compile(r"[。！？!?]")
# Literal cues of the role words (a fast scan before the role-word regex, which is slow)
_ROLE_CUES = re.compile(
    r"记者|記者|通讯员|通訊員|实习生|實習生|作者|博客|部落客|博主|专栏|專欄|撰稿|撰文|采写|採寫|执笔|執筆"
    r"|主笔|主筆|编译|編譯|译者|譯者|翻译|翻譯|评论员|評論員|文|图|圖|摄|攝|编辑|編輯|责编|責編|校对|校對"
    r"|审核|審核|审校|審校|核稿|编审|編審|监制|監製|终审|終審|二审|三审|初审|策划|策劃|统筹|統籌|出品|设计"
    r"|設計|制图|製圖|美编|美編|美术|美術|视频|視頻|剪辑|剪輯|海报|海報|排版|运营|運營|配音|视觉|視覺|主编|主編|本报"
    r"|版面|版编|版編"
    r"|本報|报道|報導|报导|報道|整理|整合|供图|供圖|提供|选稿|選稿|发自|發自|发稿|發稿"
)
_DESK_CREDIT = re.compile(
    r"^[（(]?[\u4e00-\u9fff]{1,8}(?:中心|組|组|部|台|社|室|新聞|新闻)\s*[/／]\s*"
    r"(?:綜合|综合|編譯|编译)?(?:外電)?(?:報導|报道)[)）]?$"
)
# `（綜合報導）`, `（综合外电报道）`, `（編譯報導）`: how the story was put together, nobody named.
_HOW_CREDIT = re.compile(
    r"^[（(]\s*(?:综合|綜合|編譯|编译)?\s*(?:外電|外电)?\s*(?:報導|报道|报导|報道)\s*[)）]$"
)
# `测试：新快报汽车测评中心蔡战冯建华王维辉等20人`, `校对：编辑部等3人`: a non-writing task (a
# road test, proofreading, design) credited to a team ending on 等N人: nobody wrote it here.
_TEAM_CREDIT = re.compile(
    r"^(?:测试|測試|测评|測評|试驾|試駕|评测|評測|校对|校對|审核|審核|策划|策劃|统筹|統籌|设计|設計"
    r"|制图|製圖|摄像|攝像|调查|調查)\s*[：:]\s*[^\s。！？!?，,；;：:]{2,40}"
    r"等(?:\d{1,3}|[一二三四五六七八九十百几幾多]{1,3})?(?:人|位|名)$"
)
# `◎照片來源：PROMPERU`, `（圖片提供：某某旅遊局）`, `图片来源：视觉中国`: where the pictures come
# from, a credit line naming no writer (a bullet mark may open it).
_PICTURE_SOURCE_LINE = re.compile(
    r"^[◎●■□◆◇※＊*]?\s*[（(]?\s*(?:照片|圖片|图片|相片|影像|圖像|图像|圖|图)\s*(?:來源|来源|提供|出處|出处)"
    r"\s*[：:／/]\s*[^。！？!?：:，,]{1,40}?\s*[)）]?$"
)
# `翻译：纽约时报中文网`, `（編譯：本報國際組）`: a translation credited to a newsroom or its desk,
# no person named.
_DESK_TRANSLATION = re.compile(
    r"^[（(]?\s*(?:翻译|翻譯|编译|編譯|译者|譯者)\s*[：:／/]\s*(?P<desk>[\u4e00-\u9fffA-Za-z·]{2,16})\s*[)）]?$"
)
_DESK_WORD = re.compile(r"(?:编译|編譯|翻译|翻譯|国际|國際|编辑|編輯)?(?:组|組|部|中心|室)$")
_OUTER = re.compile(
    r"^[（(【\[〔]\s*(?P<inner>[^（）()【】\[\]〔〕]{2,80}?)\s*[)）】\]〕](?P<code>\s*\d{7})?$"
)


_EDITOR_CODE = re.compile(
    r"^[【\[（(]?\s*(?:责任编辑|責任編輯|责编|責編|流程编辑|流程編輯)\s*[：:]\s*(?P<code>[A-Z]{1,4}\d{2,6})"
    r"\s*[】\]）)]?$"
)

# A staff code in brackets right after a name: `董德(ZE007)`
_NAME_CODE = re.compile(r"(?<=[\u4e00-\u9fff])\s*[（(][A-Z]{1,4}\d{2,6}[)）]")
_EDITOR_CODE_TAIL = re.compile(
    r"\s*(?:责任编辑|責任編輯|责编|責編)\s*[：:]\s*(?P<code>[A-Z]{1,4}\d{2,6})\s*$"
)


# Slashes some layouts print between a byline's fields instead of ／: box-drawing ╱ (U+2571,
# udn's `【聯合晚報╱記者楊正海╱即時報導】`), division slash ∕ and fraction slash ⁄. They are
# read as ／ (one character for one, so positions and the printed `raw` are kept).
_SLASH_VARIANTS = str.maketrans({"╱": "／", "∕": "／", "⁄": "／", "﹕": "：", "︰": "："})
# (Hong Kong layouts print the small colon ﹕ U+FE55 and ︰ U+FE30 after a role: `記者﹕關熹蔓`.)
_ODD_SLASH = re.compile("[╱∕⁄﹕︰]")


def _as_printed(byline: Byline | None, read: str, printed: str) -> Byline | None:
    """`byline` parsed from `read` (slashes normalised) with its `raw` as `printed` shows it."""
    if byline is not None and read != printed:
        at = read.find(byline.raw)
        if at >= 0:
            byline.raw = printed[at : at + len(byline.raw)]
    return byline


# A role-labelled writer, then after a space what they are, ending on a title
# (`撰文 : 梁耀康 HK Money Club聯合創辦人、CFA`, `作者：王小明 台大經濟系教授`).
_NAME_THEN_TITLE = re.compile(
    r"^(?P<credit>(?:撰文|撰稿|作者|文)\s*[：:/／]\s*[\u4e00-\u9fff·]{2,4})\s+"
    r"(?P<who>[^\s。！？!?（）()][^。！？!?（）()]{1,40}?(?:創辦人|创办人|教授|分析師|分析师|研究員|研究员"
    r"|總監|总监|主席|經濟學家|经济学家|策略師|策略师|律師|律师|醫師|医师|作家|專欄作家|专栏作家|顧問|顾问"
    r"|CFA|CEO|CFP|博士))$"
)
# A description of the writer in brackets after the credit (`（台大經濟系教授）`, `（作者為律師）`).
_DESCRIBED_AFTER = re.compile(r"\s*[（(](?P<who>[^（）()。！？]{2,30})[)）]$")


# `編輯 王小明 報導`: a newsroom job title, the names, then the verb of the writer. The
# closing 報導 says the names reported the story: they are its writers, not its editors.
_TITLED_REPORT = re.compile(
    r"^(?:編輯|编辑|主編|主编|編譯|编译)\s*(?P<names>[^\s：:／/]{2,4}(?:[\s、，,]+[^\s：:／/]{2,4}){0,2})"
    r"\s*(?:報導|报道|報道)$"
)


def parse_titled_report(line: str) -> Byline | None:
    """`編輯 王小明 報導`: the names before 報導 wrote the story (see `_TITLED_REPORT`)."""
    found = _TITLED_REPORT.match(line.strip())
    names = strict_names(found.group("names")) if found else None
    if not names:
        return None
    return Byline(line.strip(), [Author(name, None) for name in names])


# A contact printed after a credit (`编辑： 徐叶青纠错：171964650@qq.com`): the desk's address for
# corrections or tips, not part of the credit
_CONTACT_TAIL = re.compile(
    r"\s*(?:纠错|糾錯|报料|報料|爆料|投稿|举报|舉報)(?:邮箱|郵箱|电话|電話|热线|熱線)?\s*[：:]\s*"
    r"[\w.@+\-()（）]{5,60}\s*$"
)


# One bracket of labelled credit fields closing the text (`（编译：吉舒歆 四点零翻译工作坊，
# 审校：wan；来源: ch7hd_news）`): every field opens with its label
_FIELD_LABEL = re.compile(
    r"\s*(?P<label>编译|編譯|翻译|翻譯|记者|記者|作者|撰稿|审校|審校|校对|校對|来源|來源|责编|責編|编辑|編輯)"
    r"\s*[：:]\s*(?P<value>.*)"
)
_FIELD_WRITERS = {"编译": TRANSLATOR_ROLE, "編譯": TRANSLATOR_ROLE, "翻译": TRANSLATOR_ROLE,
                  "翻譯": TRANSLATOR_ROLE, "记者": "记者", "記者": "记者", "作者": "作者",
                  "撰稿": "撰稿"}  # fmt: skip
_FIELD_EDITORS = ("责编", "責編", "编辑", "編輯")


def parse_field_credits(line: str) -> Byline | None:
    """A bracket of labelled credit fields split by `，`/`；` (`（编译：吉舒歆 四点零翻译工作坊，
    审校：wan；来源: ch7hd_news）`): the writers of its writer fields (the first name of each,
    a workshop or desk after it left out), the editor of an editor field; a reviewer's and a
    source's fields name neither. None unless every field opens with a known label and a
    writer or an editor is found."""
    stripped = line.strip()
    if len(stripped) > 100 or stripped[:1] not in "（(" or stripped[-1:] not in "）)":
        return None
    authors: list[Author] = []
    editor = None
    for part in re.split(r"[，,；;]", stripped[1:-1]):
        match = _FIELD_LABEL.fullmatch(part)
        if match is None:
            return None
        value = match["value"].strip().split()
        if not value:
            return None
        label = match["label"]
        if label in _FIELD_WRITERS:
            names = _strict_names(value[0])
            if not names:
                return None
            authors.extend(Author(n, _FIELD_WRITERS[label]) for n in names)
        elif label in _FIELD_EDITORS:
            editor = value[0]
    if not authors and not editor:
        return None
    return Byline(raw=stripped, authors=authors, kind="closing", editor=editor,
                  editor_rank=1 if editor else 0)  # fmt: skip


def parse_credit_line(line: str) -> Byline | None:
    """A line of role-labelled credits, bracketed or not, and nothing else (any slash form)."""
    read = _without_font_buttons(line)
    if read != line:
        credit = parse_credit_line(read)
        if credit is not None:
            credit.raw = line.strip()
        return credit
    shared = _SHARED_OUTLET.match(line) if len(line) <= 60 else None
    if shared is not None and shared.group("outlet") not in ("本报", "本報", "本刊", "本台"):
        # `每经记者 林姿辰 每经编辑 张海妮`: the outlet's short name before every role word
        read = re.sub(rf"{re.escape(shared.group('outlet'))}(?={_CREW_ROLES})", "", line)
        credit = parse_credit_line(read)
        if credit is not None:
            credit.raw, credit.credit = line.strip(), credit.credit or shared.group("outlet")
            return credit
    if "：" in line or ":" in line:
        contact = _CONTACT_TAIL.search(line)
        if contact is not None and contact.start() > 0:
            credit = parse_credit_line(line[: contact.start()])
            if credit is not None:
                credit.raw = line.strip()
            return credit
    if "补充" in line or "補充" in line:
        added = _additional_reporting(line)
        if added is not None:
            return added
    titled = parse_titled_report(line) if len(line) <= 30 else None
    if titled is not None:
        return titled
    if _ODD_SLASH.search(line) is None:
        # the glued place first: `記者陳小華台北報導` read as names only would cut
        # `陳小`/`華台北` where a given name's character is also a surname
        return _reported_into_place(line) or _parse_credit_line(line)
    read = line.translate(_SLASH_VARIANTS)
    return _as_printed(_parse_credit_line(read), read, line)


# `安德烈斯•斯基帕尼(Andres Schipani)伦敦补充报道`, `（张三、李四北京补充报道）`: who added
# reporting to a story (a translated one's credit line under its text), the name as printed in
# Chinese (a Latin spelling in brackets after it), then where from.
_ADDITIONAL_REPORT = re.compile(
    r"^[（(]?\s*(?P<run>[^（()）]{2,60}?(?:[（(][A-Za-z][A-Za-z .,'’\-]*[)）])?[^（()）]{0,12}?)\s*"
    r"(?:补充报道|補充報導|補充報道|补充报导)\s*[)）]?$"
)
_LATIN_ASIDE = re.compile(r"\s*[（(][A-Za-z][A-Za-z .,'’\-]*[)）]\s*")
_TRANSLITERATED = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff·•・]{1,14}")


def _additional_reporting(line: str) -> Byline | None:
    """`X(Latin)伦敦补充报道`: X, who contributed reporting (a writer of the story), or None.
    A place glued before 补充报道 is cut only when this module knows it (`伦敦`)."""
    stripped = line.strip()
    match = _ADDITIONAL_REPORT.match(stripped)
    if match is None:
        return None
    run = _LATIN_ASIDE.sub(" ", match.group("run")).strip()
    for place in sorted(_KNOWN_PLACES, key=len, reverse=True):
        if run.endswith(place) and len(run) - len(place) >= 2:
            run = run[: -len(place)].strip()
            break
    names = [n for n in re.split(r"\s*(?:、|，|,|和|及|与|與|\s)\s*", run) if n]
    if not names or not all(_TRANSLITERATED.fullmatch(n) for n in names):
        return None
    if any(is_newsroom(n) for n in names):
        return None
    return Byline(raw=stripped, authors=[Author(n, "记者") for n in names], kind="closing")


# `記者陳小華台北報導`, `本报记者张明北京报道`: the reporter's name runs straight into the place the
# story was filed from, then 報導, with no slash or space between them.
_GLUED_PLACE_REPORT = re.compile(
    r"^(?P<agency>[\u4e00-\u9fff]{0,6}?)(?:特約|特约|實習|实习)?(?:記者|记者)"
    r"(?P<run>[\u4e00-\u9fff、，·]{4,30}?)(?:報導|报道|報道)$"
)


def _reported_into_place(line: str) -> Byline | None:
    """`記者陳小華台北報導`: the reporters, when the run ends in a place this module knows
    (so a name is never cut at a guess), or None."""
    stripped = line.strip()
    if len(stripped) > 40 or "記者" not in stripped and "记者" not in stripped:
        return None
    match = _GLUED_PLACE_REPORT.match(stripped)
    if match is None:
        return None
    run = match.group("run")
    if not any(run.endswith(p) and len(run) - len(p) >= 2 for p in _KNOWN_PLACES):
        return None
    names = _names_into_place(run)
    if not names:
        return None
    return Byline(raw=stripped, authors=[Author(n, "记者") for n in names], kind="byline")


_NAMES_AMPERSAND = re.compile(r"(?<=[\u4e00-\u9fff])\s*[&＆]\s*(?=[\u4e00-\u9fff])")


def _parse_credit_line(line: str) -> Byline | None:
    """A line of role-labelled credits, bracketed or not, and nothing else.

    `文/张三`, `作者：张三`, `记者 张三 李四 报道`, `新京报记者 裴剑飞 编辑 王四 校对 赵五`,
    `（作者：张三）`, `（张三 编译）`, `责任编辑：王五`, `【责任编辑：王五】`, `（編輯：張均懋）1100201`,
    `（譯者：陳怡君/核稿：劉學源）1100201`, `摄影：李四`. Every stretch between role words must
    be names, so prose that mentions a 记者 is never taken.
    """
    stripped = line.strip()
    if not stripped or len(stripped) > 90:
        return None
    if not _FORM_CUES.isdisjoint(stripped):
        formed = _credit_form(stripped)
        if formed is not None:
            return formed
    if _SENTENCE_MARK.search(stripped):
        return None  # a sentence, not a credit (most lines end here, cheaply)
    if "&" in stripped or "＆" in stripped:
        joined = _NAMES_AMPERSAND.sub("、", stripped)
        if joined != stripped:
            # `报道/越南画报 草薇 & 何芳`: two writers joined by an ampersand
            head = _parse_credit_line(joined)
            if head is not None:
                head.raw = stripped
            return head
    outlet = _LABEL_OUTLET_NAME.match(stripped)
    if outlet is not None and _MEDIA_PREFIX.fullmatch(outlet.group("outlet")):
        # `文/观察者网 张菁娟`: the writer's label, the newsroom, then the writer
        head = _parse_credit_line(outlet.group("label") + outlet.group("rest"))
        if head is not None and head.authors and not head.credit:
            head.raw, head.credit = stripped, outlet.group("outlet")
            return head
    described = _DESCRIBED_AFTER.search(stripped) if stripped[-1] in ")）" else None
    if described and described.start() > 0 and stripped[0] not in "（(【[〔":
        # `文／王小明（台大經濟系教授）`: the credit, then who the writer is in brackets
        head = _parse_credit_line(stripped[: described.start()])
        if head is not None and head.authors and len(head.authors) <= 2:
            head.raw = stripped
            return head
    titled = _NAME_THEN_TITLE.match(stripped)
    if titled is not None:
        # `撰文 : 梁耀康 HK Money Club聯合創辦人、CFA`: one writer, then what they are
        head = _parse_credit_line(titled.group("credit"))
        if head is not None and len(head.authors) == 1 and not head.editor:
            head.raw = stripped
            return head
    outer = _OUTER.match(stripped)
    inner = outer.group("inner") if outer else stripped
    if not _ROLE_CUES.search(inner):
        return None  # no role word: not a credit line
    sourced = _SOURCE_FIELD.match(inner)
    if sourced:
        credit = _credit_with_source(stripped, sourced, bool(outer))
        if credit is not None:
            return credit
    if not (_ROLE_RE.search(inner) or _SUFFIX_RE.search(inner)):
        return None
    described = _described_author(inner)
    if described is not None:
        return Byline(raw=stripped, authors=described, kind="closing")
    credits = _credits(inner, strict=True)
    if not credits.roles or not credits.clean:
        return None
    if (
        len(credits.authors) >= 2
        and credits.authors[-1].name in _KNOWN_PLACES
        and inner.rstrip().endswith(
            (" " + credits.authors[-1].name, "\u3000" + credits.authors[-1].name)
        )
    ):
        # `新华社记者 张三 北京`: the place the story was filed from, printed after the names
        credits.authors.pop()
    editor, rank = _top_editor(credits)
    editor = _editors_as_printed(editor, inner)
    if not credits.authors:
        kind = "editor" if editor else "credit"  # 责任编辑 / 校对 only: nobody wrote it here
    elif all(a.role == PHOTO_ROLE for a in credits.authors):
        kind = "photo"
    else:
        kind = "closing" if outer else "byline"
    filed = _FILED_BY.search(inner) if kind == "credit" else None
    return Byline(
        raw=stripped,
        authors=credits.authors,
        kind=kind,
        editor=editor,
        editor_rank=rank,
        fallback_writers=(strict_names(filed.group("names")) or []) if filed else [],
    )


# `发稿 宿泱韫; 审校 曾祥进`: a wire service's Chinese desk credits who filed the story and who
# checked it. When no reporter, writer or translator is credited, the one who filed it wrote it.
_FILED_BY = re.compile(
    r"(?:发稿|發稿)\s*[：:]?\s*(?P<names>[^;；,，|｜：:]{2,16}?)\s*(?=[;；,，|｜]|$)"
)


# Every pattern of `_credit_form` needs one of these: 报道/報導 (a desk's or how the story
# was put together), 等 (a team), a picture word, a translation word, 编/編 (an editor's code).
_FORM_CUES = frozenset("报報等照圖图相影翻编編译譯")


def _credit_form(stripped: str) -> Byline | None:
    """A credit line of a set form: a desk, a team, a picture source, a newsroom translated,
    an editor's code (after the credits or alone)."""
    if _DESK_CREDIT.match(stripped) or _HOW_CREDIT.match(stripped) or _TEAM_CREDIT.match(stripped):
        return Byline(raw=stripped, kind="credit")  # a desk, not a person
    if _PICTURE_SOURCE_LINE.match(stripped):
        return Byline(raw=stripped, kind="photo")  # a picture source, not a writer
    desk = _DESK_TRANSLATION.match(stripped)
    if desk and (
        _MEDIA_PREFIX.fullmatch(desk.group("desk")) or _DESK_WORD.search(desk.group("desk"))
    ):
        return Byline(raw=stripped, kind="credit")  # `翻译：纽约时报中文网`: a newsroom translated
    coded = _EDITOR_CODE.match(stripped)
    if coded:  # `责任编辑：NF055`: the desk's code for the editor, kept as printed
        return Byline(raw=stripped, kind="editor", editor=coded.group("code"), editor_rank=2)
    if _NAME_CODE.search(stripped):
        # `责任编辑：翁倩 董德(ZE007)`: the editors' names, then the desk's code for them
        head = _parse_credit_line(_NAME_CODE.sub("", stripped))
        if head is not None and head.editor:
            head.raw = stripped
            return head
    coded = _EDITOR_CODE_TAIL.search(stripped)
    if coded and coded.start() > 0:  # `作者：李四责任编辑：NF055`: the credits, then the code
        head = parse_credit_line(stripped[: coded.start()])
        if head is not None and head.authors and not head.editor:
            head.raw, head.editor, head.editor_rank = stripped, coded.group("code"), 2
            return head
    return None


# A credit line that also names where the story comes from, before or after the credits:
# `中青报·中青网记者 魏其濛 来源：中国青年报`, `（本文来源：经济日报 作者：…研究员徐占忱）`.
_SOURCE_FIELD = re.compile(
    r"^(?:(?:本文|文章|稿件)?(?:来源|來源)\s*[：:]\s*(?P<lead>[^\s：:，,]{2,20})\s+(?P<rest>.+)"
    r"|(?P<front>.+?)\s+(?:本文|文章|稿件)?(?:来源|來源)\s*[：:]\s*(?P<tail>[^\s：:，,]{2,20}))$"
)
# `…研究部部长、研究员徐占忱`: a writer's name printed after the title that closes a
# description of who they are.
_TITLE_THEN_NAME = re.compile(
    r"(?:研究员|研究員|教授|讲师|講師|学者|學者|博士|主任|院长|院長|所长|所長|部长|部長|专家|專家"
    r"|分析师|分析師|经济学家|經濟學家|经济师|經濟師|主席|总裁|總裁|总经理|總經理)"
    r"(?P<name>[\u4e00-\u9fff]{2,3})$"
)


def _credit_with_source(line: str, sourced: re.Match, bracketed: bool) -> Byline | None:
    """The credits of a line that also carries a `来源：X` field, with X as the credit."""
    if sourced.group("lead") and not bracketed:
        return None  # `来源：X 作者：Y` on its own line: the page's source line (assemble)
    source = sourced.group("lead") or sourced.group("tail")
    rest = (sourced.group("rest") or sourced.group("front")).strip()
    credit = parse_credit_line(rest)
    if credit is None:
        described = re.match(r"^(?:本文)?作者\s*[：:]\s*(?P<desc>.{4,70})$", rest)
        titled = _TITLE_THEN_NAME.search(described.group("desc")) if described else None
        names = strict_names(titled.group("name"), surname=True) if titled else None
        if not names or len(names) != 1:
            return None
        credit = Byline(raw=rest, authors=[Author(names[0], "作者")])
    if not credit.authors:
        return None
    kind = "closing" if bracketed else credit.kind
    return replace(credit, raw=line, credit=source, kind=kind)


# `编辑：X 责任编辑：Y` names two desk editors; the 责任编辑 is the one responsible for the
# story (`Article.editor`), a plain 编辑 or 选稿 only when nobody outranks them.
EDITOR_RANKS = {"责任编辑": 2, "编辑": 1}


def _editors_as_printed(editor: str | None, text: str) -> str | None:
    """`胡力汉、嘉远` as `胡力汉 嘉远` when the line prints the editors apart with spaces (or
    with an intern's role word between them), as `唐佩君/呂佳蓉` when it prints them apart with
    a slash."""
    if editor is None or "、" not in editor:
        return editor
    names = editor.split("、")
    # apart with spaces, a slash, or an intern's role word (`李莎宁 实习生 张小丹`)
    printed = re.search(
        r"(?:\s+|\s*[/／]\s*|\s+(?:实习生|實習生)\s*)".join(map(re.escape, names)), text
    )
    if printed is None:
        return editor
    return printed.group(0) if re.search(r"[/／]", printed.group(0)) else " ".join(names)


def _top_editor(credits: _Credits) -> tuple[str | None, int]:
    """The editors of the highest rank printed (joined with 、), and that rank."""
    if not credits.editors:
        return None, 0
    rank = max(credits.editor_ranks)
    names = [n for n, r in zip(credits.editors, credits.editor_ranks, strict=True) if r == rank]
    return "、".join(dict.fromkeys(names)), rank


_DESCRIBED = re.compile(
    r"^(?:本文)?作者(?:为|為|是|系|係)(?P<desc>.{2,60})$|^(?:本文)?作者[：:]\s*(?P<name>[^，,。]{2,12})[，,](?P<rest>.{2,60})$"
)


# `作者韩涵系政邦智库研究员`, `作者：张三为北京大学教授`: the name, then 系/为 and who they are;
# a translated column's writer is named in Latin letters (`本文作者Jamie McGeever为路透专栏作家`).
_NAMED_AS = re.compile(
    r"^(?:本文)?作者[：:]?\s*(?P<name>[\u4e00-\u9fff]{2,4}?"
    r"|[A-Za-z][A-Za-z.\-']{0,20}(?: [A-Za-z][A-Za-z.\-']{0,20}){1,3})"
    r"\s*(?:系|係|为|為|是)(?P<desc>.{2,60})$"
)
# `作者：方敏北京大学经济学院教授`: the name run straight into the writer's affiliation.
_NAME_THEN_UNIT = re.compile(r"^(?:本文)?作者[：:]\s*(?P<run>[\u4e00-\u9fff]{4,40})$")
# Where an affiliation starts: a place or a national body, and the words that end one.
_UNIT_START = re.compile(
    r"(?:中国|中國|中央|国家|國家|国务院|國務院|全国|全國|中共|北京|上海|天津|重庆|重慶|河北|山西|辽宁|遼寧"
    r"|吉林|黑龙江|黑龍江|江苏|江蘇|浙江|安徽|福建|江西|山东|山東|河南|湖北|湖南|广东|廣東|海南|四川|贵州"
    r"|貴州|云南|雲南|陕西|陝西|甘肃|甘肅|青海|台湾|臺灣|台灣|内蒙古|內蒙古|广西|廣西|西藏|宁夏|寧夏|新疆"
    r"|香港|澳门|澳門|南京|武汉|武漢|广州|廣州|深圳|杭州|成都|西安|厦门|廈門|清华|清華|复旦|復旦|南开|南開"
    r"|同济|同濟|人民|社科|中科|美国|美國|英国|英國|日本|德国|德國|法国|法國)"
)
_UNIT_WORD = re.compile(
    r"大学|大學|学院|學院|研究院|研究所|研究员|研究員|研究中心|智库|智庫|教授|讲师|講師|学者|學者|博士|主任"
    r"|院长|院長|所长|所長|专家|專家|委员|委員|记者|記者|评论员|評論員|编辑|編輯"
    r"|专栏作家|專欄作家|专栏作者|專欄作者|撰稿人"
)


def _name_before_unit(run: str) -> list[Author] | None:
    """`方敏北京大学经济学院教授` → 方敏: the 2–4 characters before the affiliation's first
    word, when the rest reads as an affiliation. [] when the name cannot be told apart from
    it (the line is still a credit, nobody is guessed)."""
    if not _UNIT_WORD.search(run[2:]):
        return None
    for size in (2, 3, 4):
        if _UNIT_START.match(run, size):
            names = strict_names(run[:size], surname=True)
            if names and len(names) == 1:
                return [Author(names[0], "作者")]
    return []


def _described_author(inner: str) -> list[Author] | None:
    """`本文作者为中国人民大学教授` / `作者：张三，北京大学教授`: a credit with a description.

    Also `作者韩涵系政邦智库研究员` and `作者：方敏北京大学经济学院教授` (name and affiliation
    run together). Only a leading name is taken as the author; a description alone names
    nobody.
    """
    stripped = inner.strip()
    named = _NAMED_AS.match(stripped)
    if named and _UNIT_WORD.search(named.group("desc")):
        names = strict_names(named.group("name"), surname=True)
        if names and len(names) == 1:
            return [Author(names[0], "作者")]
    glued = _NAME_THEN_UNIT.match(stripped)
    if glued:
        found = _name_before_unit(glued.group("run"))
        if found is not None:
            return found
    match = _DESCRIBED.match(stripped)
    if not match:
        return None
    if match.group("name"):
        names = _strict_names(match.group("name"))
        return [Author(n, "作者") for n in names] if names else None
    desc = match.group("desc")
    head = re.split(r"[，,、]", desc)[0].strip()
    names = _strict_names(head) if len(head) <= 4 else None
    return [Author(n, "作者") for n in names] if names else []


# `作者maomaobear，为某网旗下原创专栏作者。是一家…`: the writer's bio closing a column; the
# name, then 为/是/系 and a description that ends on what they are to the site.
_BIO_CREDIT = re.compile(
    r"^[●◎■▲★※◆・•]?\s*(?:本文)?作者\s*[：:]?\s*(?P<name>[^\s，,。：:]{2,20}?)\s*[，,]\s*"
    r"(?:现为|現為|现任|現任|为|為|是|系|係)?[^。！？!?]{0,40}?(?:专栏作者|專欄作者|专栏作家|專欄作家|特约作者|特約作者|签约作者|簽約作者|作者|作家"
    r"|撰稿人|评论员|評論員|研究员|研究員|分析师|分析師|学者|學者|教授|博主)(?:[。！!]|$)"
)
MAX_BIO_CHARS = 150


# `Raymond Zhong是《纽约时报》科技记者。在2017年加入时报前，…`: the bio closing a translated
# story; the writer's name, 是/为 and the masthead in 《》, then what they are there.
_MASTHEAD_BIO = re.compile(
    rf"^(?P<name>{_LATIN_NAME}|[\u4e00-\u9fff]{{2,4}}|[\u4e00-\u9fff]{{1,6}}·[\u4e00-\u9fff·]{{1,12}})"
    r"\s*(?:是|为|為|系|係|现为|現為|现任|現任)《[^》]{2,16}》[^。！？!?，,]{0,16}?"
    r"(?:记者|記者|撰稿人|通讯员|通訊員|专栏作家|專欄作家|专栏作者|專欄作者|特派员|特派員|编辑|編輯"
    r"|主编|主編|评论员|評論員|分社社长|分社社長|社长|社長|作者|撰稿員|撰稿员)[。！!]"
)


# A repost's provenance line that names the writer: `本文来自微信公众号“驼鹿新消费”（ID:x），
# 作者：秀珍，36氪经授权发布。`
_PROVENANCE_WRITER = re.compile(
    r"^(?:本文|文章|此文)(?:来自|來自|转载自|轉載自|转自|轉自|来源于|來源於|首发于|首發於)"
    r"[^。]{1,80}?[，,]\s*(?:作者|作者為|作者为)\s*[：:|｜]?\s*(?P<name>[^，,。；;（）()]{2,12})\s*[，,。]"
)


def parse_provenance_writer(line: str) -> Byline | None:
    """The writer a repost's provenance line names (`本文来自微信公众号“X”，作者：秀珍，…经授权
    发布。`); the line itself is the reprint notice, not text."""
    match = _PROVENANCE_WRITER.match(line.strip())
    if match is None:
        return None
    names = strict_names(match.group("name"))
    if not names or len(names) != 1 or is_newsroom(names[0]):
        return None
    return Byline(raw=line.strip(), authors=[Author(names[0], "作者")], kind="closing")


def parse_bio_credit(line: str) -> Byline | None:
    """A writer's bio line (`作者X，为…专栏作者。…`, `X是《某报》科技记者。…`): the writer,
    and a line that is not text."""
    stripped = line.strip()
    if len(stripped) > MAX_BIO_CHARS:
        return None
    if "作者" not in stripped[:4]:
        masthead = _MASTHEAD_BIO.match(stripped) if "《" in stripped[:40] else None
        if masthead is None:
            return None
        names = strict_names(masthead.group("name"))
        if not names or len(names) != 1:
            return None
        return Byline(raw=stripped, authors=[Author(names[0], "作者")], kind="closing")
    match = _BIO_CREDIT.match(stripped)
    if match is None:
        return None
    names = strict_names(match.group("name"))
    if not names or len(names) != 1:
        return None
    return Byline(raw=stripped, authors=[Author(names[0], "作者")], kind="closing")


_TRAILING_BRACKET = re.compile(
    r"(?<=[。！？!?”」』…])\s*(?P<credit>[（(【\[〔][^（）()【】\[\]〔〕]{2,80}[)）】\]〕](?:\s*\d{7})?)\s*$"
)


_SOURCE_CREDIT = re.compile(
    r"^[（(]\s*(?:来源[：:]\s*|據|据)?(?P<name>[\u4e00-\u9fffA-Za-z]{1,14}?"
    r"(?:新闻|新聞|日报|日報|晚报|早报|时报|時報|商报|社|网|網|台|报|報|数据|數據|网站|網站|客户端|公司))"
    r"\s*[)）]$"
)


_PRINTED_IN = re.compile(
    r"^[（(]\s*(?:刊于|刊於|原载|原載|刊载|刊載|载于|載於|选自|選自|转自|轉自)\s*《(?P<name>[^》]{2,16})》"
    r"[^（）()]{0,24}[)）]$"
)


# `…持股達1.23%。(rw)`: the lower-case initials of the staff member who filed the item,
# closing its text; nobody's name (an agency's capitals, `(AFP)`, are left to the wire credits).
_INITIALS_TAG = re.compile(r"^[（(]\s*[a-z]{2,3}\s*[)）]$")


def _initials_tag(credit: str) -> Byline | None:
    if not _INITIALS_TAG.match(credit.strip()):
        return None
    return Byline(raw=credit.strip(), kind="closing")


def _source_credit(credit: str) -> Byline | None:
    """`（央视新闻）`, `(东方财富Choice数据)`, `（刊于《半月谈》2019年第24期）`: where a story
    comes from (a publisher, nobody's byline)."""
    match = _SOURCE_CREDIT.match(credit.strip()) or _PRINTED_IN.match(credit.strip())
    if not match:
        return None
    return Byline(raw=credit.strip(), credit=match.group("name"), kind="source")


def split_trailing_credit(paragraph: str) -> tuple[str, Byline] | None:
    """A closing credit printed at the end of the last paragraph.

    `…还有变数。（编辑：张均懋）1100201`, `…他说。（作者：张三）`, `…。（张三 编译）`,
    `…。（本文作者为北京大学教授）`, `…。责任编辑：王五`.
    """
    paragraph = paragraph.rstrip()
    if not paragraph or paragraph[-1] in _SENTENCE_ENDS:
        return None  # the common case: the paragraph ends its own sentence
    # A credit is short: only the paragraph's tail is looked at (long paragraphs stay cheap).
    offset = max(0, len(paragraph) - 120)
    tail = paragraph[offset:]
    if paragraph[-1] in ")）】]〕0123456789":
        match = _TRAILING_BRACKET.search(tail)
        if match and offset + match.start() > 0:
            credit = match.group("credit")
            byline = (
                parse_newsroom_credit(credit)
                or _initials_tag(credit)
                or parse_credit_line(credit)
                or parse_closing_byline(credit)
                or _source_credit(credit)
            )
            if byline is not None:
                return paragraph[: offset + match.start()].rstrip(), byline
    if "\ufffd" in tail:
        damaged = _DAMAGED_CREDIT.search(tail)
        byline = _legible_credit(damaged.group("credit")) if damaged else None
        if byline is not None and offset + damaged.start() > 0:
            return paragraph[: offset + damaged.start()].rstrip(), byline
    last_sentence = _LAST_SENTENCE.search(tail)
    if last_sentence and offset + last_sentence.start() > 0:
        byline = parse_credit_line(last_sentence.group(1))
        if byline is not None and not byline.raw.startswith(("（", "(", "【", "[")):
            return paragraph[: offset + last_sentence.start() + 1].rstrip(), byline
    return None


_SENTENCE_ENDS = "。！？!?”」』…"
# A closing credit cut by a decoding error (its bracket and last names lost to U+FFFD).
_DAMAGED_CREDIT = re.compile(r"(?<=[。！？!?”」』])\s*(?P<credit>[（(][^（）()。]{2,60})$")


def _legible_credit(credit: str) -> Byline | None:
    """`（记者宋晨、田中全、胡�础⒑钗睦ぃ�`: the names before the damage, with their role."""
    inner = credit.lstrip("（( ")
    role_match = _ROLE_RE.match(inner)
    if role_match is None or "\ufffd" not in inner:
        return None
    role, cls = _role_of(role_match)
    if cls not in ("author", "photo"):
        return None
    names = []
    for chunk in re.split(r"[、，,\s]+", inner[role_match.end() :]):
        if not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", chunk):
            break  # the damage begins: nothing after it can be read
        names.append(chunk)
    if not names:
        return None
    authors = [Author(n, PHOTO_ROLE if cls == "photo" else role) for n in names]
    return Byline(raw=credit.strip(), authors=authors, kind="closing")


_LAST_SENTENCE = re.compile(r"[。！？!?”」』]([^。！？!?”」』]+)$")


def parse_box_byline(line: str) -> Byline | None:
    """`□孙亚飞 王兆锋` / `□本报记者张靖本报通讯员郜敏` (also ■ and ◎ boxes)."""
    stripped = line.strip()
    if not stripped or stripped[0] not in "□■◎◇":
        return None
    body = stripped[1:].strip()
    if not body or not _names_only(body):
        return None  # `■风湿、类风湿已被攻破`: a bullet, not a byline
    photo = re.search(r"摄\s*(?:[①-⑳]\d*)?$", body)
    if photo:
        authors = [Author(a.name, PHOTO_ROLE) for a in parse_people(body[: photo.start()])]
        return Byline(raw=stripped, authors=authors, kind="photo")
    return Byline(raw=stripped, authors=parse_people(body), kind="byline")


def _names_only(body: str) -> bool:
    """Role words and names, nothing else (print drops the spaces: `本报记者张靖本报通讯员郜敏`)."""
    rest = re.sub(r"摄\s*(?:[①-⑳]\d*)?$", "", body)
    if _ROLE_RE.search(rest):
        return _credits(rest, strict=True).clean
    return _strict_names(rest) is not None


_CLOSING_RE = re.compile(r"^[（(]\s*([^（）()]{2,60}?)\s*[)）]$")
_MEDIA_SUFFIX = re.compile(
    r"(新闻|日报|晚报|早报|时报|商报|社|网|台|报|公司|数据|研究院|证券|基金)$"
)


# `（应采访对象要求，王佳宁、林可均为化名）`: a note that the people named are pseudonyms
_PSEUDONYM_NOTE = re.compile(r"化名|假名|非真名|匿名")


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
    if _WIRE_RE.match(stripped) or _PSEUDONYM_NOTE.search(inner):
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
        if _WIRE_OR_MEDIA.search(token):
            return None  # `（路透）`: 路 is a surname, but this is the wire agency
    if any(len(t) > 8 or _MEDIA_SUFFIX.search(t) for t in tokens):
        return None
    authors = parse_people(inner)
    if photo:
        authors = [Author(a.name, PHOTO_ROLE) for a in authors]
    if not authors:
        return None
    return Byline(raw=stripped, authors=authors, kind="photo" if photo else "closing")


# A pen name signing a feature or a column item, in brackets after its last sentence
# (`…各有成就。　（能）`, `…成殮了。（末將）`) or after its headline (`詩經話繹　（如鐘）`).
# Pen names need no surname, so the shape alone cannot tell one from a bracketed note: the
# caller vouches for the position (a printed story's end, its headline line), and what a
# bracket of 1–4 characters also holds in print is refused here: wire and agency credits
# (`（路透）`, `（中央社）`), places (`（北京）`, `（美）`), instalment and part numbers
# (`（一）`, `（下）`) and editorial notes (`（完）`, `（待續）`, `（略）`).
_PEN_NAME = re.compile(r"^[（(]\s*(?P<name>[\u4e00-\u9fff]{1,4})\s*[)）]$")
_NUMBERED = re.compile(r"^[〇零一二三四五六七八九十百千廿卅上中下甲乙丙丁續续前後后]+$")
_EDITORIAL_NOTE = re.compile(
    r"完|續|续|略|待|附|註|注|按|笑|圖|图|照|攝|摄|譯|译|編|编|轉|转|載|载|稿|錄|录|見|见|節|节|選|选"
)
_WIRE_OR_MEDIA = re.compile(
    r"路透|美聯|美联|合眾|合众|法新|哈瓦|海通|共同|同盟|塔斯|電通|电通|國民|国民|中央|新華|新华|中新|大美"
    r"|[電电訊讯社報报網网台刊]$"
)
_PLACES = set(
    (
        "中 美 英 法 德 日 俄 蘇 苏 意 義 义 奧 奥 比 荷 印 韓 韩 港 澳 台 臺 滬 沪 京 津 渝 粵 粤 "
        "中國 中国 美國 美国 英國 英国 法國 法国 德國 德国 日本 俄國 俄国 蘇聯 苏联 意國 印度 韓國 韩国 "
        "北京 北平 天津 上海 重慶 重庆 南京 漢口 汉口 武漢 武汉 廣州 广州 深圳 杭州 成都 西安 廈門 厦门 "
        "長沙 长沙 昆明 桂林 貴陽 贵阳 蘭州 兰州 延安 青島 青岛 濟南 济南 太原 鄭州 郑州 開封 开封 洛陽 "
        "洛阳 徐州 蘇州 苏州 無錫 无锡 寧波 宁波 溫州 温州 福州 汕頭 汕头 香港 澳門 澳门 台北 臺北 高雄 "
        "台中 臺中 台南 臺南 東京 东京 倫敦 伦敦 巴黎 柏林 紐約 纽约 華盛頓 华盛顿 羅馬 罗马 莫斯科 日內瓦 "
        "日内瓦 河北 山西 遼寧 辽宁 吉林 黑龍江 黑龙江 江蘇 江苏 浙江 安徽 福建 江西 山東 山东 河南 湖北 "
        "湖南 廣東 广东 海南 四川 貴州 贵州 雲南 云南 陝西 陕西 甘肅 甘肃 青海 台灣 臺灣 台湾 內蒙古 内蒙古 "
        "廣西 广西 西藏 寧夏 宁夏 新疆 綏遠 绥远 察哈爾 热河 熱河 西康 東北 东北 華北 华北 華南 华南 西北 西南"
    ).split()
)
_PLACE_SUFFIX = re.compile(r"[省市縣县區区鎮镇鄉乡村州島岛灣湾洲]$")


def place_name(text: str) -> bool:
    """The line is a known place's name and nothing else (`北京`, `广东`, `台北`)."""
    name = text.strip()
    return len(name) >= 2 and (name in _PLACES or name in _FILED_PLACES)


def parse_pen_signature(credit: str) -> Byline | None:
    """A bracketed signature `（能）`, `（末將）`, `（唐潢虎）` naming the writer, or None.

    Only for a bracket printed where a signature stands (see the note above): a surname is
    not required, but wire credits, places, numbers and editorial notes are refused.
    """
    match = _PEN_NAME.match(credit.strip())
    if match is None:
        return parse_closing_byline(credit)  # several names, or names with role words
    name = match.group("name")
    if (
        _NUMBERED.match(name)
        or _EDITORIAL_NOTE.search(name)
        or _WIRE_OR_MEDIA.search(name)
        or name in _PLACES
        or _PLACE_SUFFIX.search(name)
        or _ROLE_RE.search(name)
    ):
        return None
    return Byline(raw=credit.strip(), authors=[Author(name, None)], kind="closing")


_SIGNED_END = re.compile(
    r"(?<=[。！？!?”」』…])\s*(?P<credit>[（(][\u4e00-\u9fff\s]{1,6}[)）])\s*$"
)


def split_trailing_signature(paragraph: str) -> tuple[str, Byline] | None:
    """A pen-name signature after the last sentence of a printed story (`…各有成就。　（能）`):
    the paragraph without it, and the writer. The caller vouches that the paragraph closes a
    story of a printed page or column (`parse_pen_signature`)."""
    match = _SIGNED_END.search(paragraph.rstrip())
    if match is None or match.start() == 0:
        return None
    byline = parse_pen_signature(match.group("credit"))
    if byline is None:
        return None
    return paragraph[: match.start()].rstrip(), byline


# A contributor's closing signature on a line of its own under an archive story: the name
# and what the writer sends (`莫釐樵寄初草` sends a first draft, `西吳无悶子稿`, `…拜稿`,
# `…未定草`, `…謹識`). Before a bare 稿, words that make a noun with it (投稿, 來稿, 遺稿,
# 原稿, 供稿 …) are refused, so notices and desk credits are not taken for names.
_SIGNATURE = re.compile(
    r"^(?P<name>[\u4e00-\u9fff]{2,6}?)\s*(?P<mark>寄初草|寄草|未定草|拜稿|拜識|拜识|謹識|谨识|謹啓|稿)$"
)
_NOT_SIGNATURE = re.compile(
    r"[投來来征徵約约底手原遺遗文書书初定草供通審审改送退撤擬拟起成完脫脱講讲演發发本此該该話话言聞闻件]$"
)
# `金陵湖熟鎭　人氏遺稿於松蔭南軒`: where a late writer's manuscript was found; the name is
# not printed (or lost), so the line credits nobody.
_POSTHUMOUS = re.compile(r"^[\u4e00-\u9fff\s]{0,16}?遺稿[於于][\u4e00-\u9fff]{2,8}$")


# A contributor's closing signature: who they are (a firm or body, then a job title), a space,
# the name; a disclaimer may be glued on in brackets (`盛寶金融大中華區市場策略師 黃永輝（上述僅為
# 市場資訊提供，並不構成投資建議）`, `某某證券首席經濟學家 王小明`).
_TITLED_SIGNATURE = re.compile(
    r"^(?P<desc>[\u4e00-\u9fffA-Za-z&·]{4,24}?(?:策略師|策略师|分析師|分析师|經濟學家|经济学家|經濟師|经济师"
    r"|研究員|研究员|研究總監|研究总监|投資總監|投资总监|總監|总监|顧問|顾问|理財師|理财师|規劃師|规划师"
    r"|律師|律师|會計師|会计师|精算師|精算师|教授|講師|讲师|董事總經理|董事总经理|總經理|总经理|總裁|总裁"
    r"|主席|行政總裁|首席執行官|首席执行官|主管|主任))[ \u3000]+(?P<name>[\u4e00-\u9fff]{2,4})"
    r"(?:\s*[（(](?P<note>[^（）()]{4,40})[)）])?$"
)
# What a disclaimer in brackets says: the views are the writer's, not advice.
_DISCLAIMER = re.compile(
    r"僅|仅|只代表|代表|觀點|观点|意見|意见|建議|建议|參考|参考|不構成|不构成|不代表|立場|立场|責任|责任"
)


# WeChat's original-content mark over a post: `原创：黄沙律师 深圳沙沙`, `原创： 王小明 某某公众号`
# (the writer, a space, the account that published it; the account may be left out).
_ORIGINAL_MARK = re.compile(
    r"^原创\s*[：:]\s*(?P<name>[^\s：:，,。！？]{2,20})(?:[ \u3000]+(?P<account>[^\s：:，,。！？]{2,30}))?$"
)


def parse_original_mark(line: str) -> Byline | None:
    """`原创：X 公众号` → X: the writer WeChat credits for an original post."""
    match = _ORIGINAL_MARK.match(line.strip())
    if match is None:
        return None
    name = match.group("name")
    if _ROLE_RE.fullmatch(name) or _WIRE_OR_MEDIA.search(name) or name in _NOT_NAMES:
        return None
    return Byline(raw=line.strip(), authors=[Author(name, "作者")], kind="byline")


# A headline printed as `茉莉：我是怎样卷入八九民运的`: the part before the colon is a name (the
# writer's or the speaker's). It names the writer only when the text prints it again, alone
# on a line under the title: then that line is the byline, a pen name needing no surname.
_TITLE_NAME_PREFIX = re.compile(r"^(?P<name>[\u4e00-\u9fff·]{2,6})\s*[：:]\s*\S")


def title_pen_name(line: str, title: str | None) -> Byline | None:
    """The line `茉莉` under the headline `茉莉：…` → byline 茉莉; None otherwise."""
    if not title:
        return None
    prefix = _TITLE_NAME_PREFIX.match(title.strip())
    name = line.strip()
    if prefix is None or prefix.group("name") != name:
        return None
    if name in _NOT_NAMES or _ROLE_RE.search(name) or _WIRE_OR_MEDIA.search(name):
        return None
    if name in _PLACES or _PLACE_SUFFIX.search(name) or _BODY_SUFFIX.search(name):
        return None
    if name in _HEADLINE_LABELS or _GROUP_SUFFIX.search(name):
        return None
    return Byline(raw=name, authors=[Author(name, None)], kind="byline")


# Words heading a headline before its colon that start with a surname's character yet name
# no one: what a line gives (`时间：`, `地点：`), what the piece is (`解读：`, `时评：`), and
# the subjects headlines are filed under (`高考：`, `黄金：`, `房价：`, `白宫：`, `华为：`).
_HEADLINE_LABELS = set(
    "时间 時間 地点 地點 日期 时评 時評 周评 週評 周末 週末 解读 解讀 于是 於是 何时 何時 曾经 曾經 "
    "史上 常识 常識 温馨 溫馨 方案 方法 程序 章程 包装 包裝 高考 高温 高溫 安全 黄金 黃金 金价 金價 "
    "房价 房價 石油 林业 林業 白宫 白宮 白领 白領 华为 華為 夏日 宋词 宋詞 朱门 朱門".split()
)
# `韩媒：`, `外媒：`, `校方：`, `学界：`: a country's press, a party to a dispute, a field.
_GROUP_SUFFIX = re.compile(r"[媒方界]$")


# What names an institution, not a person (`外交部：…`, `某某公司：…`).
_BODY_SUFFIX = re.compile(
    r"(?:[部局委院会會厅廳署办辦府处處司社网網台报報馆館校军軍队隊党黨盟]|公司|集团|集團|中心|协会|協會)$"
)


def parse_titled_signature(line: str) -> Byline | None:
    """`某某證券首席經濟學家 王小明（以上僅代表個人觀點）` → 王小明: a signature closing a
    contributed column, what the writer is before the name; None for anything else."""
    stripped = line.strip()
    if len(stripped) > 70 or _SENTENCE_MARK.search(stripped):
        return None
    match = _TITLED_SIGNATURE.match(stripped)
    if match is None:
        return None
    if match.group("note") and not _DISCLAIMER.search(match.group("note")):
        return None
    names = strict_names(match.group("name"), surname=True)
    if not names or len(names) != 1 or _ROLE_RE.search(match.group("desc")):
        return None
    return Byline(raw=stripped, authors=[Author(names[0], "作者")], kind="closing")


# The writer's name, then the role word, as a line of its own (`崔敏英 记者`: Korean papers'
# Chinese editions close the text so, as their Korean pages print `최민영 기자`). One to three
# names set apart by spaces; the space before the role is what says the role is not part of
# a name (`崔敏英记者` names nobody for sure).
_NAME_THEN_ROLE = re.compile(
    r"^(?P<names>[\u4e00-\u9fff]{2,4}(?:[ \u3000、][\u4e00-\u9fff]{2,4}){0,2})"
    r"[ \u3000]+(?P<role>记者|記者|特派员|特派員)$"
)


# words that say which reporters, not who (`全体 记者`, `随行 记者`)
_WHICH_REPORTERS = set(
    "全体 全體 各位 随行 隨行 现场 現場 前方 特约 特約 实习 實習 驻站 駐站".split()
)


# A writer's card: the name and the address to write to, glued or spaced
# (`张菁娟zhangjingjuan@guancha.cn`, `王小明 (wang@example.com)`)
_NAME_THEN_MAIL = re.compile(
    r"^(?P<name>[\u4e00-\u9fff·]{2,4})\s*[（(]?\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*[)）]?$"
)


def parse_name_mail(line: str) -> Byline | None:
    """`张菁娟zhangjingjuan@guancha.cn`: the writer's card, a name with their address."""
    match = _NAME_THEN_MAIL.match(line.strip())
    if match is None:
        return None
    names = strict_names(match.group("name"), surname=True)
    if not names or len(names) != 1 or not _reporter_name(names[0]):
        return None
    return Byline(raw=line.strip(), authors=[Author(names[0], None)])


def parse_name_then_role(line: str) -> Byline | None:
    """`崔敏英 记者` → 崔敏英 (记者): a closing credit that prints the role after the name;
    None for anything else (a place before the role, `首尔 记者`, names nobody)."""
    match = _NAME_THEN_ROLE.match(line.strip())
    if match is None:
        return None
    names = strict_names(match.group("names"), surname=True)
    if not names or not all(_reporter_name(n) and n not in _WHICH_REPORTERS for n in names):
        return None
    role = "记者" if match.group("role") in ("记者", "記者") else match.group("role")
    return Byline(raw=line.strip(), authors=[Author(n, role) for n in names], kind="closing")


# A wire's closing credit on a line of its own: the newsroom (an edition's name may follow in
# brackets), the writer, a space, the city filed from (`日本经济新闻（中文版：日经中文网）原田逸策
# 北京`, `共同社 山田太郎 东京`). Foreign correspondents' names are not Chinese names, so the
# writer is any short run of characters; the newsroom before it and the city after vouch for it.
_OUTLET_WRITER_PLACE = re.compile(
    r"^(?P<media>[\u4e00-\u9fffA-Za-z]{1,10}?(?:新闻|新聞|日报|日報|时报|時報|通讯|通訊|网|網|报|報|社|台))"
    r"(?:\s*[（(](?P<edition>[^（）()。！？]{2,20})[)）])?\s*"
    r"(?P<names>[\u4e00-\u9fff·]{2,5}(?:[ 、\u3000][\u4e00-\u9fff·]{2,5}){0,2}?)"
    r"[ \u3000]+(?P<where>[\u4e00-\u9fff]{2,5})$"
)


def parse_outlet_writer_place(line: str) -> Byline | None:
    """`日本经济新闻（中文版：日经中文网）原田逸策 北京` → 原田逸策: the newsroom, the writer and
    the city a wire story was filed from, closing it; None for anything else."""
    stripped = line.strip()
    if len(stripped) > 48:
        return None
    match = _OUTLET_WRITER_PLACE.match(stripped)
    if match is None:
        return None
    where = match.group("where")
    if not (where in _KNOWN_PLACES or (len(where) <= 4 and _PLACE_SUFFIX.search(where))):
        return None
    names = re.split(r"[ 、\u3000]+", match.group("names"))
    for name in names:
        if name in _KNOWN_PLACES or name in _NOT_NAMES or _ROLE_RE.search(name):
            return None
        if _WIRE_OR_MEDIA.search(name) or _BODY_SUFFIX.search(name):
            return None
    authors = [Author(n, None) for n in names]
    return Byline(raw=stripped, authors=authors, credit=match.group("media"), kind="closing")


def parse_signature_line(line: str) -> Byline | None:
    """A closing signature line of an archive story: `莫釐樵寄初草` → author 莫釐樵;
    `…人氏遺稿於松蔭南軒` names nobody (a credit). None for anything else."""
    stripped = line.strip()
    if len(stripped) > 24:
        return None
    if _POSTHUMOUS.match(stripped):
        return Byline(raw=stripped, kind="credit")
    match = _SIGNATURE.match(stripped)
    if match is None:
        return None
    name = match.group("name")
    if match.group("mark") == "稿" and (len(name) < 3 or _NOT_SIGNATURE.search(name)):
        return None
    if _ROLE_RE.search(name) or _WIRE_OR_MEDIA.search(name) or name in _NOT_NAMES:
        return None
    return Byline(raw=stripped, authors=[Author(name, None)], kind="closing")


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
    authors = [Author(a.name, PHOTO_ROLE) for a in parse_people(match.group(1))]
    if not authors:
        return None
    return Byline(raw=line.strip(), authors=authors, kind="photo")


_CLAUSE_GOES_ON = frozenset("，,。；;、")
# `美国之音记者X华盛顿报道 — 政府…`: a dash between a run-in credit and the text it opens
_DASH_AFTER_CREDIT = re.compile(r"^\s*(?:[—–－]{1,2}|-{1,2}(?=\s))\s*")


def split_run_in(paragraph: str) -> tuple[Byline, str] | None:
    """Split a run-in byline off the start of a paragraph; returns it and the rest (without
    a dash that separates the credit from the text)."""
    split = _split_run_in(paragraph)
    if split is None:
        return None
    byline, rest = split
    if rest.lstrip()[:1] in _CLAUSE_GOES_ON:
        # `记者陈大文昨天报道，政府…`, `《某報》記者X昨日報道，…`: the clause goes on after the
        # credit-like words, a sentence about a report (a credit ends with a colon, a space,
        # a bracket or the line)
        return None
    dash = _DASH_AFTER_CREDIT.match(rest)
    if dash is not None and rest[dash.end() :].strip():
        rest = rest[dash.end() :]
    return byline, rest


def _split_run_in(paragraph: str) -> tuple[Byline, str] | None:
    """Split a run-in byline off the start of a paragraph; returns it and the rest.

    Forms: `本报讯（记者李铮通讯员王飞李永）今天…`, `新京报快讯（记者 裴剑飞）…`,
    `中新网北京9月7日电（记者 X）…`, CNA's `（中央社記者蘇思云、葉冠吟台北1日電）…`,
    `记者 张三 报道 …` / `本报记者 张三 北京报道：…`, `文/张三 …`, `作者：张三 …`.
    Only credits that name people (or, bracketed, a wire agency's dateline) qualify, so a
    paragraph that merely starts with a place, a quote or 讯 is left alone.
    """
    head = paragraph[:60]
    if _ODD_SLASH.search(head) is not None:
        read = head.translate(_SLASH_VARIANTS) + paragraph[60:]
        split = split_run_in(read)
        if split is None:
            return None
        byline, rest = split
        _as_printed(byline, read, paragraph)
        return byline, paragraph[len(paragraph) - len(rest) :] if rest else rest
    if head.lstrip()[:1] in _OPEN_BRACKETS:
        result = (
            _split_bracketed_credit(paragraph)
            or _split_news_tag(paragraph)
            or _split_newsroom_reports(paragraph)
            or _split_bracketed_reporter(paragraph)
            or _split_outlet_dated_credit(paragraph)
        )
        if result is not None:
            return result
    elif "【" in head or "〔" in head:
        led = after_media(head)
        if led is not None and led[1][:1] in _OPEN_BRACKETS:
            # `工商時報【記者吳筱雯╱台北報導】台積電…`: the newsroom, then the bracketed credit
            result = _split_bracketed_credit(paragraph[len(head) - len(led[1]) :])
            if result is not None:
                byline, rest = result
                byline.raw, byline.credit = paragraph[: len(paragraph) - len(rest)].strip(), led[0]
                return byline, rest
    if "（" in head or "(" in head:
        for splitter in (_split_dateline_bracket, _split_bracket_dateline, _split_bracket_reported):
            result = splitter(paragraph)
            if result is not None:
                return result
        if head.lstrip()[:1] in "（(":
            # `（記者王小明／台北報導）市府今天…`: a reporter's credit in round brackets
            result = (
                _split_bracketed_credit(paragraph)
                or _split_bracketed_outlet(paragraph)
                or _split_news_tag(paragraph, _ROUND_NEWS_TAG)
                or _split_bracketed_reporter(paragraph)
            )
            if result is not None:
                return result
    if head.lstrip()[:1] == "《":
        # `《經濟日報》記者X報道：`: the newsroom's name in title marks, then the credit
        result = _split_news_tag(paragraph, _BOOK_NEWS_TAG)
        if result is not None:
            return result
    if _ROLE_CUES.search(head):
        found = (
            _split_reported_by(paragraph)
            or _split_stamped_byline(paragraph)
            or _split_newsroom_reports(paragraph)
        )
        if found is not None:
            return found
        led = after_media(head)
        if led is not None and led[1][:1] not in _OPEN_BRACKETS and _ROLE_CUES.match(led[1]):
            # `中時電子報 記者陳小華／台北報導　市府…`: the newsroom, a space, the credit
            found = _split_reported_by(paragraph[len(head) - len(led[1]) :])
            if found is not None:
                byline, rest = found
                byline.raw, byline.credit = paragraph[: len(paragraph) - len(rest)].strip(), led[0]
                return byline, rest
    return None


_OPEN_BRACKETS = "〔【［["
# `〔記者巫其倫／台北報導〕`, `【记者 张三 报道】`: a reporter's credit in tortoise-shell or
# lenticular brackets opening the lead. `〔即時新聞／綜合報導〕` names nobody and stays.
_BRACKETED_CREDIT = re.compile(
    r"^\s*(?:[〔【［\[](?P<inner>[^〔〕【】［］\[\]（）()]{3,30}?(?:報導|报道|报导|報道))\s*[〕】］\]]"
    r"|[（(](?P<round>(?:記者|记者|編譯|编译)[^〔〕【】［］\[\]（）()]{2,30}?(?:報導|报道|报导|報道))"
    r"\s*[)）])\s*"
)


# `【文/观察者网 张菁娟】`, `【作者：X】`: a writer's label and the writer, in square brackets
_BRACKETED_WRITER = re.compile(
    rf"^\s*[〔【［\[]\s*(?P<inner>{_WRITER_LABEL}"
    r"[^〔〕【】［］\[\]（）()，。]{2,24}?)\s*[〕】］\]]\s*"
)


# `【財訊快報／陳孟朔】`: a newsroom, a slash and the reporter in lenticular brackets.
_BRACKETED_DESK = re.compile(
    r"^\s*[〔【［\[](?P<inner>[^〔〕【】［］\[\]（）()／/]{2,10}[／/][^〔〕【】［］\[\]（）()]{2,20}?)"
    r"\s*[〕】］\]]\s*"
)


# `【财新网】（记者 崔先康）`: a newsroom's tag in lenticular brackets, then the reporters'
# credit in round brackets; both leave the lead (the tag is the credit, the names the authors).
_TAGGED_CREDIT = re.compile(
    r"^\s*[【〔［\[](?P<tag>[^〔〕【】［］\[\]（）()\s]{2,12})[】〕］\]]\s*"
    r"[（(](?P<inner>[^（）()]{3,60})[)）]\s*"
)


def _split_tagged_credit(paragraph: str) -> tuple[Byline, str] | None:
    match = _TAGGED_CREDIT.match(paragraph)
    if not match or not paragraph[match.end() :].strip():
        return None
    tag = match.group("tag")
    # a newsroom (`【财新网】`) or a newsroom's news tag (`【文匯網訊】`, `【本報訊】`)
    newsroom = tag[:-1] if tag[-1] in "訊讯" else tag
    if not _MEDIA_PREFIX.fullmatch(newsroom):
        return None  # `【独家】（…）`: a label, not a newsroom
    inner = match.group("inner").strip()
    lead = _MEDIA_PREFIX.match(inner)
    if not (_ROLE_RE.match(inner) or (lead and _ROLE_RE.match(inner[lead.end() :]))):
        # the credit opens with its role word, or with a newsroom and its role word:
        # `（记者 X）`, `（本报记者X）`, `(香港文匯報記者 X Y)`
        return None
    byline = parse_credit_line(inner)
    if byline is None or not byline.authors:
        return None
    byline.kind, byline.credit = "run_in", tag
    byline.raw = match.group(0).strip()
    return byline, paragraph[match.end() :]


def _split_bracketed_credit(paragraph: str) -> tuple[Byline, str] | None:
    tagged = _split_tagged_credit(paragraph)
    if tagged is not None:
        return tagged
    writer = _BRACKETED_WRITER.match(paragraph)
    if writer is not None and paragraph[writer.end() :].strip():
        # `【文/观察者网 张菁娟】随着…`: the writer's credit in lenticular brackets
        byline = parse_credit_line(writer.group("inner"))
        if byline is not None and byline.authors and byline.kind != "photo":
            byline.kind = "run_in"
            byline.raw = writer.group(0).strip()
            return byline, paragraph[writer.end() :]
    match = _BRACKETED_CREDIT.match(paragraph)
    parse = parse_credit_line
    if not match:
        match, parse = _BRACKETED_DESK.match(paragraph), parse_desk_byline
    if not match or not paragraph[match.end() :].strip():
        return None
    byline = parse(match.group("inner") or match.group("round"))
    if byline is None or not byline.authors:
        return None
    if parse is parse_desk_byline and not all(_reporter_name(a.name) for a in byline.authors):
        return None  # `【新聞速報／直播】`, `【中央社／台北】`: a label or a place, nobody named
    byline.kind = "run_in"
    byline.raw = match.group(0).strip()
    return byline, paragraph[match.end() :]


# `（中時電子報 王小明／台北報導）`: a newsroom's name, a space, then the writer's credit
# (`X／place報導`) in round brackets; no role word.
_BRACKETED_OUTLET = re.compile(r"^\s*[（(](?P<inner>[^（）()]{4,30}?(?:報導|报道|報道))\s*[)）]\s*")


# `（星洲日報／陳大文報道）`, `（南洋商報／報道：陳大文）`: the newsroom, a slash and the
# writer's credit in round brackets (`parse_outlet_credit` reads the inside)
_BRACKETED_OUTLET_SLASH = re.compile(
    r"^\s*[（(](?P<inner>[^（）()／/]{2,16}[／/][^（）()]{2,24}?)[)）]\s*"
)


# `（記者陳大文）政府…`, `（美國之音記者陳大文）`, `【环球时报特约记者 张天行】`: a reporter's
# credit in round (or lenticular) brackets opening the lead, with no dateline and no 報導 (the
# credit must hold nothing but its role and names)
_BRACKETED_REPORTER = re.compile(
    r"^\s*(?:[（(]\s*(?P<inner>[^（）()，。,]{0,10}?(?:記者|记者|通讯员|通訊員)[^（）()，。,]{2,30}?)"
    r"\s*[)）]|[【〔]\s*(?P<lenticular>[^【】〔〕（）()，。,]{0,10}?(?:記者|记者|通讯员|通訊員)"
    r"[^【】〔〕（）()，。,]{2,30}?)\s*[】〕])\s*"
)


# `【欧洲时报12月22日刘涛编译】`, `【南美侨报网编译晓兆9月30日报道】`: the outlet, the day and one
# writer's credit in lenticular brackets opening the lead (the name glued to its role word,
# before or after it: inside the outlet's bracket a given name alone is a pen name)
_OUTLET_DATED = re.compile(r"^\s*【(?P<inner>[^【】（）()，。,]{4,30})】\s*")
_BRACKET_DAY = re.compile(r"\d{1,2}月\d{1,2}日")
_GLUED_CREDIT = re.compile(
    r"(?P<role>编译|編譯|记者|記者)(?P<after>[\u4e00-\u9fff]{2,3})(?:报道|報導|报导)?"
    r"|(?P<before>[\u4e00-\u9fff]{2,3})(?P<role2>编译|編譯)(?:报道|報導|报导)?"
)


def _split_outlet_dated_credit(paragraph: str) -> tuple[Byline, str] | None:
    match = _OUTLET_DATED.match(paragraph)
    if match is None or not paragraph[match.end() :].strip():
        return None
    inner = _BRACKET_DAY.sub("", match.group("inner")).strip()
    for end in range(2, min(len(inner), 12) + 1):
        outlet = inner[:end]
        credit = _GLUED_CREDIT.fullmatch(inner[end:].strip())
        if credit is not None and _OUTLET_WORD.search(outlet):
            break
    else:
        return None
    name = credit.group("after") or credit.group("before")
    role = credit.group("role") or credit.group("role2")
    if name in _NOT_NAMES or _MEDIA_SUFFIX.search(name):
        return None
    writer = Author(name, TRANSLATOR_ROLE if role in ("编译", "編譯") else "记者")
    byline = Byline(raw=match.group(0).strip(), authors=[writer], kind="run_in", credit=outlet)
    return byline, paragraph[match.end() :]


def _split_bracketed_reporter(paragraph: str) -> tuple[Byline, str] | None:
    match = _BRACKETED_REPORTER.match(paragraph)
    if match is None or not paragraph[match.end() :].strip():
        return None
    byline = parse_credit_line(match.group("inner") or match.group("lenticular"))
    if byline is None or not byline.authors:
        return None
    if not all(_reporter_name(a.name) and a.role != PHOTO_ROLE for a in byline.authors):
        return None
    byline.kind, byline.raw = "run_in", match.group(0).strip()
    return byline, paragraph[match.end() :]


def _split_bracketed_outlet(paragraph: str) -> tuple[Byline, str] | None:
    slashed = _BRACKETED_OUTLET_SLASH.match(paragraph)
    if slashed is not None and paragraph[slashed.end() :].strip():
        byline = parse_outlet_credit(slashed.group("inner"))
        if byline is not None and all(_reporter_name(a.name) for a in byline.authors):
            byline.kind, byline.raw = "run_in", slashed.group(0).strip()
            return byline, paragraph[slashed.end() :]
    match = _BRACKETED_OUTLET.match(paragraph)
    if match is None or not paragraph[match.end() :].strip():
        return None
    led = after_media(match.group("inner"))
    byline = parse_byline_line(led[1]) if led is not None else None
    if byline is None or not byline.authors:
        return None
    if not all(_reporter_name(a.name) for a in byline.authors):
        return None
    byline.kind, byline.credit, byline.raw = "run_in", led[0], match.group(0).strip()
    return byline, paragraph[match.end() :]


# `【环球网报道 记者 李梓瑜】`, `环球网报道 记者 张三 …`: the newsroom reports, then its
# reporters (bracketed, or followed by a space before the text)
_NEWSROOM_REPORTS = re.compile(
    r"^\s*(?:(?P<open>[【\[〔])\s*)?(?P<media>[\u4e00-\u9fffA-Za-z]{2,10}?)(?:报道|報導|报导|報道)"
    r"\s*(?:特约|特約|实习|實習)?(?:记者|記者)\s*(?P<names>[\u4e00-\u9fff·、 ]{2,24}?)"
    r"(?(open)\s*[】\]〕]|[ \u3000]+)\s*"
)


def _split_newsroom_reports(paragraph: str) -> tuple[Byline, str] | None:
    match = _NEWSROOM_REPORTS.match(paragraph)
    if match is None or not paragraph[match.end() :].strip():
        return None
    names = strict_names(match.group("names"))
    if not names or not all(_reporter_name(n) for n in names):
        return None
    authors = [Author(n, "记者") for n in names]
    byline = Byline(match.group(0).strip(), authors, credit=match.group("media"), kind="run_in")
    return byline, paragraph[match.end() :]


def _reporter_name(name: str) -> bool:
    """A CJK name that starts with a surname and is not a place (`陳孟朔`, not `台北`)."""
    if name.isascii():
        return True
    starts = name[0] in _SURNAMES or name[:2] in _COMPOUND_SURNAMES
    return starts and name not in _PLACES and name not in _FILED_PLACES


# A newsroom's brand alone before `消息` / `报道` (no place, no date): `国际在线`, `澎湃新闻`
_BRAND_BEFORE_NEWS = re.compile(r"[\u4e00-\u9fff]{2,6}")


def _split_dateline_bracket(paragraph: str) -> tuple[Byline, str] | None:
    """`本报讯（记者…）`, `新华社北京9月9日电（记者 张三）`."""
    match = _RUN_IN_RE.match(paragraph)
    if not match:
        return None
    inner = match.group("inner")
    has_role = bool(_ROLE_RE.search(inner))
    if match.group("kind") not in ("讯", "电", "訊", "電") and not (
        has_role and (match.group("lead") or _BRAND_BEFORE_NEWS.fullmatch(match.group("place")))
    ):
        # `央视网消息（记者 X）：` only: a newsroom's news item, a role word; the newsroom
        # may be a brand with no 网/报 in it (`国际在线消息（记者 任芊）：`, `澎湃新闻报道（记者
        # X）`)
        return None
    if not has_role and not re.fullmatch(r"[\u4e00-\u9fff·\s、，,]+", inner):
        return None
    credits = _credits(inner)
    if not credits.authors:
        return None
    lead = match.group("lead") or ""
    credit = lead if lead and lead not in ("本报", "本刊", "本報") else None
    raw = match.group(0).strip()
    editor = "、".join(dict.fromkeys(credits.editors)) or None
    byline = Byline(raw=raw, authors=credits.authors, credit=credit, kind="run_in", editor=editor)
    return byline, paragraph[match.end() :]


_BRACKET_DATELINE = re.compile(
    r"^\s*[（(]\s*(?P<agency>(?:(?!記者|记者|特派|通訊|通讯)[\u4e00-\u9fff]){1,8}?"
    r"(?:社|報|报|網|网|台|新聞|新闻))?"
    r"(?P<people>(?:特約|特约|駐\S{1,3}|驻\S{1,3})?(?:記者|记者|特派員|特派员|通訊員|通讯员)"
    r"[^（）()]{2,40}?)?"
    r"(?P<place>[\u4e00-\u9fff]{0,6}?)(?P<date>\d{1,2}(?:月\d{1,2})?日)"
    r"(?:專|专|綜合外|综合外|外|綜合|综合)?(?:電|电|訊|讯|報導|报道)(?:報導|报道)?\s*[)）]\s*"
)


# `【大紀元2014年10月06日訊】`, `【本報訊】`, `〔本報訊〕`: a newsroom's dateline tag that names
# nobody; when a reporter's credit follows it (`（大紀元記者陸希休斯頓報導）`, `記者X報道：`),
# tag and credit open the lead together.
# A year, and a month or day, in Arabic or Chinese numerals (`2016`, `二零一六`; `10`, `二十二`):
# the figures of a dateline's date (also parse/dates.py's)
YEAR_FIGURES = "(?:(?:19|20)\\d{2}|[一二][〇○零一二三四五六七八九]{3})"
DAY_FIGURES = "(?:\\d{1,2}|[一二三四五六七八九十]{1,3})"
_NEWS_TAG = re.compile(
    r"^\s*[【〔\[](?P<tag>[^【】〔〕\[\]（）()]{2,24}?(?:訊|讯|消息"
    # or closed by the date with its year (`【明慧网二零一六年十月二十二日】`)
    rf"|{YEAR_FIGURES}年{DAY_FIGURES}月{DAY_FIGURES}日)"
    r")[】〕\]]\s*"
)
# `（早报讯）记者X报道：`, `（星島日報報道）記者X報道：`: the newsroom's tag in round brackets
# before a reporter's run-in credit
_ROUND_NEWS_TAG = re.compile(
    r"^\s*[（(](?P<tag>[^【】〔〕\[\]（）()]{2,24}?(?:訊|讯|消息|報道|报道))[)）]\s*"
)


_BOOK_NEWS_TAG = re.compile(r"^\s*《(?P<tag>[^《》（）()]{2,12})》\s*")


def _split_news_tag(paragraph: str, tag: re.Pattern = _NEWS_TAG) -> tuple[Byline, str] | None:
    match = tag.match(paragraph)
    if match is None:
        return None
    split = split_run_in(paragraph[match.end() :])
    if split is None or not split[0].authors:
        return None
    byline, rest = split
    byline.raw = paragraph[: len(paragraph) - len(rest)].strip()
    byline.credit = byline.credit or match.group("tag")
    return byline, rest


# `（大紀元記者陸希休斯頓報導）`: a newsroom, 記者, the names run into the place, 報導; no date.
# How the story was made may come before the report word (`（大纪元记者沙莉综合报导）`), and
# simplified pages write it 报导 as often as 报道.
_BRACKET_REPORTED = re.compile(
    r"^\s*[（(]\s*(?P<agency>(?:(?!記者|记者)[\u4e00-\u9fff]){1,6}?)?(?:特約|特约)?(?:記者|记者)"
    r"(?P<run>[\u4e00-\u9fff、，,· ]{2,40}?)(?:綜合|综合|編譯|编译)?(?:報導|报道|報道|报导)"
    r"\s*[)）]\s*"
)


def _split_bracket_reported(paragraph: str) -> tuple[Byline, str] | None:
    match = _BRACKET_REPORTED.match(paragraph)
    if match is None or not paragraph[match.end() :].strip():
        return None
    names = _names_into_place(match.group("run"))
    if names is None:
        return None
    byline = Byline(
        raw=match.group(0).strip(),
        authors=[Author(n, "记者") for n in names],
        credit=match.group("agency"),
        kind="run_in",
    )
    return byline, paragraph[match.end() :]


def _names_into_place(run: str) -> list[str] | None:
    """`陸希休斯頓`, `王小明、李大同台北`: reporters' names with the place they filed from run
    into the last one; the names (checked as reporters' names), or None."""
    chunks = [c for c in re.split(r"[、，,\s]+", run) if c]
    if not chunks:
        return None
    last = chunks[-1]
    if len(last) >= 4:
        # the place follows the last name with no break: a 2-character name when a known place
        # starts right after it, else the common 3-character one
        two = any(last[2:].startswith(p) for p in _KNOWN_PLACES if len(p) >= 2)
        chunks[-1] = last[:2] if two or len(last) == 4 else last[:3]
    names = _strict_names(" ".join(chunks))
    if not names or not all(_reporter_name(n) for n in names):
        return None
    return names


# `（某某新聞王小明、李大同台北報導）` closing a TV newsroom's story: the newsroom, the crew's
# names run into the place they filed from, 報導; no role word.
_NEWSROOM_REPORTED = re.compile(
    r"^[（(]\s*(?P<agency>(?:[A-Za-z]{2,6}|[\u4e00-\u9fff]{1,6}?)(?:新聞|新闻))\s*"
    r"(?P<run>[\u4e00-\u9fff、，, ]{2,40}?)\s*(?:報導|报道|報道)\s*[)）]$"
)


def parse_newsroom_credit(credit: str) -> Byline | None:
    """`（某某新聞王小明、李大同台北報導）`: the crew a TV newsroom credits, or None."""
    match = _NEWSROOM_REPORTED.match(credit.strip())
    if match is None:
        return None
    names = _names_into_place(match.group("run"))
    if names is None:
        return None
    authors = [Author(n, "记者") for n in names]
    return Byline(raw=credit.strip(), authors=authors, credit=match.group("agency"), kind="closing")


_DATELINE_ROLE = re.compile(r"(?:駐|驻)\S{1,4}?(?:記者|记者|特派員|特派员)|(?:特派員|特派员)")


def _split_bracket_dateline(paragraph: str) -> tuple[Byline, str] | None:
    """CNA style: `（中央社記者蘇思云、葉冠吟台北1日電）…`, `（中央社台北1日電）…`.

    Names run straight into the dateline's place (`葉冠吟台北`); the split takes 3-character
    names (the common length) and leaves at least 2 characters to the place.
    """
    match = _BRACKET_DATELINE.match(paragraph)
    if not match or not match.group("people"):
        return None  # `（中央社台北1日電）` names nobody: a dateline, it stays in the text
    authors: list[Author] = []
    people = match.group("people")
    if people:
        # `駐美國特派員王小明`: a posting before the role word is part of the role
        role_match = _DATELINE_ROLE.match(people) or _ROLE_RE.match(people)
        body = people[role_match.end() :] if role_match else people
        chunks = [c for c in re.split(r"[、，,\s]+", body + match.group("place")) if c]
        names: list[str] = []
        for index, chunk in enumerate(chunks):
            if index == len(chunks) - 1 and len(chunk) >= 4:
                chunk = chunk[:3] if len(chunk) >= 5 else chunk[:2]
            names.append(chunk)
        checked = _strict_names(" ".join(names))
        if not checked:
            return None
        role = "记者"
        if role_match is not None and role_match.re is _ROLE_RE:
            role, _ = _role_of(role_match)
        authors = [Author(n, role) for n in checked]
    raw = match.group(0).strip()
    byline = Byline(raw=raw, authors=authors, credit=match.group("agency"), kind="run_in")
    return byline, paragraph[match.end() :]


_LEADING_CREDIT = re.compile(
    r"^\s*(?P<credit>"
    # `记者 张三 报道`, `本报记者 张三 李四 北京报道：`
    r"[^，。：:（）()\s]{0,10}?(?:记者|記者|编译|編譯)[^，。：:（）()]{2,30}?(?:报道|報導|報道)\s*[：:]?"
    # `文/张三`, `作者：张三`, `文｜张三、李四` followed by a space
    r"|(?:文|作者|撰文|撰稿|文字|记者|記者|本报记者|本報記者)\s*[/／|｜：:]\s*"
    r"(?:[A-Z][A-Za-z.\-']+(?: [A-Z][A-Za-z.\-']+){1,2}(?=[ \u3000\u4e00-\u9fff])"
    r"|[\u4e00-\u9fff·A-Za-z]{2,12}(?:[、，,][\u4e00-\u9fff·A-Za-z]{2,12})*(?=[ \u3000]))"
    r")\s*"
)


# The day a run-in credit was filed, printed before 报道: `东方网记者曹磊5月13日报道：`.
_FILED_DAY = re.compile(r"\s*(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日\s*(?=(?:报道|報導|報道)[：:]?$)")


def _split_reported_by(paragraph: str) -> tuple[Byline, str] | None:
    match = _LEADING_CREDIT.match(paragraph)
    if not match:
        return None
    rest = paragraph[match.end() :]
    if not rest.strip():
        return None
    credit = match.group("credit").rstrip("：: ")
    byline = parse_credit_line(_FILED_DAY.sub(" ", credit, count=1))
    if byline is None or not byline.authors:
        return None
    byline.kind = "run_in"
    byline.raw = match.group("credit").strip()
    return byline, rest


# A translated piece's byline: the author, 著/作, then the translator, 譯 (`約翰耿脫著 亦朋譯`,
# `賽珍珠女士作 諍諍譯`, printed on one line or two). Both are the piece's writers; an honorific
# after the author's name (女士, 先生) is not part of it.
_TRANSLATED = re.compile(
    r"^(?P<author>[\u4e00-\u9fff·．]{2,10}?)(?:女士|先生|夫人|博士|教授)?\s*(?:原著|原作|著|作)\s*"
    r"(?P<translator>[\u4e00-\u9fff·．]{2,6}?)\s*(?:合譯|合译|譯述|译述|譯|译)$"
)
# Words of titles that look like the form (`世界名著精選譯`): a work, not two people.
_NOT_TRANSLATION_NAMES = re.compile(r"名著|名作|選|选|集|書|书|篇|文|詩|诗|新|全")


def parse_translation_byline(line: str) -> Byline | None:
    """`約翰耿脫著 亦朋譯` → authors 約翰耿脫 (作者) and 亦朋 (编译), or None."""
    stripped = line.strip()
    if len(stripped) > 24:
        return None
    match = _TRANSLATED.match(stripped)
    if match is None or _NOT_TRANSLATION_NAMES.search(stripped):
        return None
    authors = [
        Author(match.group("author"), "作者"),
        Author(match.group("translator"), TRANSLATOR_ROLE),
    ]
    return Byline(raw=stripped, authors=authors, kind="byline")


# Where a story was filed or how it was put together, printed after `name／` with no role
# word: a place (`台北`, `新竹`, `矽谷`) or a compiling desk's word (`綜合外電`, `編譯`).
_FILED_HOW = re.compile(r"綜合外電|综合外电|綜合|综合|外電|外电|編譯|编译|整理")
_FILED_PLACES = set(
    "新竹 桃園 桃园 基隆 嘉義 嘉义 屏東 屏东 花蓮 花莲 宜蘭 宜兰 苗栗 彰化 南投 雲林 云林 台東 臺東 "
    "澎湖 金門 金门 新北 竹北 矽谷 首爾 首尔 新加坡 曼谷 河內 河内 舊金山 旧金山 洛杉磯 洛杉矶 "
    "布魯塞爾 布鲁塞尔 雪梨 悉尼 多倫多 多伦多 溫哥華 温哥华 吉隆坡 雅加達 雅加达 馬尼拉 马尼拉 "
    # cities of overseas Chinese newsrooms' datelines (`大紀元記者陸希休斯頓報導`)
    "休斯頓 休士頓 芝加哥 波士頓 西雅圖 達拉斯 亞特蘭大 費城 華府 聖地牙哥 墨爾本 奧克蘭 大阪".split()
)
_KNOWN_PLACES = frozenset(_PLACES | _FILED_PLACES)
# The separator: a slash, or an underscore where a CMS joins the writer's name and posting
# in one field (`林欣儀_台中`).
_NAME_THEN_PLACE = re.compile(
    r"^(?P<names>[\u4e00-\u9fff·、 ]{2,14}?)\s*[／/_]\s*(?P<where>[\u4e00-\u9fff]{2,5})$"
)


def parse_name_place_byline(line: str) -> Byline | None:
    """`劉憲杰／台北`, `陳端武／綜合外電`, `林欣儀_台中`: the writer, a slash (or an
    underscore), then where the story was filed or how it was compiled, with no role word
    (DIGITIMES prints its bylines so).

    The names must start with a surname and the part after the slash must be a known place,
    a place-name form (`…市`, `…縣`) or a compiling word, so a breadcrumb (`產業／半導體`) or
    a desk before a name (`政治中心／王小明`, see `parse_desk_byline`) is not taken.
    """
    stripped = line.strip()
    if len(stripped) > 24:
        return None
    match = _NAME_THEN_PLACE.match(stripped)
    if not match:
        return None
    where = match.group("where")
    if not (
        _FILED_HOW.fullmatch(where)
        or where in _PLACES
        or where in _FILED_PLACES
        or (len(where) <= 4 and _PLACE_SUFFIX.search(where))
    ):
        return None
    names = _strict_names(match.group("names"), glued=True)
    if not names or len(names) > 3 or any(n in _PLACES or n in _FILED_PLACES for n in names):
        return None
    return Byline(raw=stripped, authors=[Author(n, None) for n in names], kind="byline")


# A newsroom's name printed before the credit it runs (`工商時報【記者X╱台北報導】`,
# `中國時報 王小明／台北報導`, `TVBS新聞 王小明 李大華 報導`): followed by a bracket or a space.
_MEDIA_LEAD = re.compile(
    r"^\s*(?P<media>[\u4e00-\u9fff]{1,6}(?:時報|时报|日報|日报|晚報|晚报|新聞|新闻|新聞網|新闻网|報|报|網|网|社)"
    r"|[A-Za-z]{2,8}(?:新聞|新闻)|[\u4e00-\u9fff]{2,6}[A-Za-z]{2,12})\s*(?=[【〔\[]|\s)\s*"
)


def after_media(line: str) -> tuple[str, str] | None:
    """(newsroom, the rest) when `line` opens with a newsroom's name before a credit."""
    match = _MEDIA_LEAD.match(line)
    if match is None or _ROLE_RE.match(match.group("media")):
        return None
    return match.group("media"), line[match.end() :]


# `壹蘋新聞網 / 呂承哲綜合報導`, `某某日報／王小明報導`: the newsroom, a slash, then the
# writer glued to how the story was made (報導, 綜合報導, 編譯報導), no role word.
_OUTLET_SLASH_CREDIT = re.compile(
    r"^(?P<media>[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z ]{1,14}?)\s*[／/|｜]\s*"
    r"(?P<names>[\u4e00-\u9fff、 ]{2,12}?)\s*"
    r"(?:綜合外電|综合外电|綜合|综合|編譯|编译|整理)?\s*(?:報導|报道)$"
)
_OUTLET_WORD = re.compile(
    r"(?:網|网|報|报|社|台|臺|新聞|新闻|日報|日报|時報|时报|電視|电视|客戶端|客户端|週刊|周刊)$"
)


def parse_outlet_credit(line: str) -> Byline | None:
    """`壹蘋新聞網 / 呂承哲綜合報導`: a newsroom's name, a slash and the writer's credit
    (`X綜合報導`, `X報導`, or any credit `parse_byline_line` reads, `記者X／台北報導`).
    The newsroom is the credit, the names the authors."""
    stripped = line.strip()
    if len(stripped) > 40:
        return None
    match = _OUTLET_SLASH_CREDIT.match(stripped)
    if match is not None:
        media = re.sub(r"\s", "", match.group("media"))
        names = strict_names(match.group("names"), surname=True)
        if _OUTLET_WORD.search(media) and names and len(names) <= 3:
            return Byline(
                raw=stripped, authors=[Author(n, None) for n in names], credit=media, kind="byline"
            )
    split = re.match(r"^(?P<media>[^／/|｜]{2,16}?)\s*[／/|｜]\s*(?P<rest>.+)$", stripped)
    if split is None or not _OUTLET_WORD.search(re.sub(r"\s", "", split.group("media"))):
        return None
    byline = parse_byline_line(split.group("rest"))
    if byline is None or not byline.authors:
        return None
    byline.raw, byline.credit = stripped, byline.credit or re.sub(r"\s", "", split.group("media"))
    return byline


_CREW_ROLES = (
    r"(?:记者|記者|编辑|編輯|责编|責編|责任编辑|責任編輯|摄影|攝影|通讯员|通訊員|实习生|實習生)"
)
# An outlet's name printed before each of the line's role words (`每经记者 X 每经编辑 Y`,
# `新京报记者 X 新京报编辑 Y`): the outlet, said twice, is no one's name
_SHARED_OUTLET = re.compile(
    rf"^\s*(?P<outlet>[\u4e00-\u9fff]{{2,6}}?){_CREW_ROLES}[^\n]*?[\s\u3000]"
    rf"(?P=outlet){_CREW_ROLES}"
)


def parse_byline_line(line: str) -> Byline | None:
    """Any stand-alone byline/credit line, or None when the line is not one."""
    if _ODD_SLASH.search(line) is not None:
        read = line.translate(_SLASH_VARIANTS)
        return _as_printed(parse_byline_line(read), read, line)
    byline = _parse_byline_line(line)
    if byline is None or not byline.authors:
        sourced = _sources_then_credit(line)
        byline = sourced if sourced is not None else byline
    if byline is None and len(line) <= 60:
        led = after_media(line)
        if led is not None:
            byline = _parse_byline_line(led[1])
            if byline is not None and byline.authors:
                byline.raw, byline.credit = line.strip(), byline.credit or led[0]
            else:
                byline = None
    return byline


# `（CBC, CTV，编译：吴伟）`, `（来源：新华社、法新社；编译：X）`: a closing bracket that lists the
# outlets the story draws on, then who compiled or wrote it
_SOURCES_THEN_CREDIT = re.compile(
    r"^\s*[（(]\s*(?:(?:来源|來源|综合|綜合|消息来源|消息來源)\s*[：:]\s*)?"
    r"(?P<sources>[A-Za-z\u4e00-\u9fff][A-Za-z\u4e00-\u9fff .&]{0,15}"
    r"(?:\s*[,，、/]\s*[A-Za-z\u4e00-\u9fff][A-Za-z\u4e00-\u9fff .&]{0,15}){0,5})"
    r"\s*[,，;；]\s*(?P<credit>(?:编译|編譯|翻译|翻譯|记者|記者|作者|撰稿|撰文|整理|编辑|編輯)"
    r"\s*[：:/／]?\s*[^（）()]{2,30}?"
    # RCI's `adaptation en chinois par Wei Wu`, `Chinese adaptation by X`, `translated by X`
    r"|(?i:(?:adaptation\s+en\s+chinois|(?:chinese\s+)?adaptation|traduction|translated"
    r"|compiled)\s+(?:par|by))\s+(?P<latin>[A-Za-z][A-Za-z .\-]{1,30}?))\s*[）)]\s*$"
)


def _sources_then_credit(line: str) -> Byline | None:
    """The credit of a closing bracket that names its sources first (`（CBC, CTV，编译：吴伟）`):
    the compiler or writer, the sources as the credit; None unless the credit names one."""
    found = _SOURCES_THEN_CREDIT.match(line)
    if found is None:
        return None
    if found["latin"]:
        names = strict_names(found["latin"])
        credit = Byline(raw=line, authors=[Author(n, "编译") for n in names or []])
    else:
        credit = _parse_byline_line(f"（{found['credit'].strip()}）")
    if credit is None or not credit.authors:
        return None
    return replace(credit, raw=line.strip(), credit=found["sources"].strip(), kind="closing")


# A credit label with an underscore for its separator (`文_张忌安｜图_张忌安`): read as `文／`
_UNDERSCORE_LABEL = re.compile(
    r"(^|[｜|丨︱\s])(文|图|圖|摄影|攝影|撰文|编辑|編輯)\s*[_＿]\s*(?=[\u4e00-\u9fff])"
)


# A font-size control's buttons printed after the credit (`作者:蒋丰 放大 缩小 默认`)
_FONT_BUTTONS_TAIL = re.compile(r"(?:[\s\u3000]+(?:放大|缩小|縮小|默认|默認|还原|還原))+\s*$")


def _without_font_buttons(line: str) -> str:
    """The line without the font-size buttons printed after it (`作者:蒋丰 放大`)."""
    if "放大" in line or "缩小" in line or "縮小" in line:
        buttons = _FONT_BUTTONS_TAIL.search(line)
        if buttons is not None and buttons.start() > 0:
            return line[: buttons.start()]
    return line


def _parse_byline_line(line: str) -> Byline | None:
    slashed = _UNDERSCORE_LABEL.sub(r"\1\2／", line)
    if slashed != line:
        found = _parse_byline_line(slashed)
        if found is not None:
            return replace(found, raw=line.strip())
    stamped = byline_before_stamp(line)
    if stamped is not None:
        return stamped
    for parser in (
        parse_box_byline,
        parse_wire_credit,
        parse_credit_line,
        parse_closing_byline,
        parse_translation_byline,
        parse_photo_credit,
        parse_empty_field_byline,
        parse_nobody_credit,
        parse_labelled_byline,
        parse_spaced_field_row,
        parse_name_before_labelled_stamp,
        parse_name_comma_job,
        parse_desk_byline,
        parse_name_place_byline,
        parse_source_stamp,
        parse_stamped_byline,
        parse_stamp_credit,
        parse_signature_line,
        parse_outlet_writer_place,
        parse_titled_signature,
        parse_name_then_role,
        parse_name_mail,
        parse_original_mark,
        parse_posted_by_line,
    ):
        result = parser(line)
        if result is not None:
            return result
    return None


_STAMP = (
    r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
)
# `上報快訊／范姜佳鈺 2020年03月12日 20:19:00`: a desk, a slash, the writer (and the time).
_DESK_BYLINE = re.compile(
    r"^(?P<desk>[\u4e00-\u9fff]{1,8}(?:快訊|快讯|報導|报道|新聞|新闻|中心|編輯部|编辑部|組|组|部"
    r"|報|报|網|网|社|台))\s*[／/]\s*(?P<names>[^\s／/\d]{2,20}?)"
    r"(?:(?:\s+[\u4e00-\u9fff]{2,4})?\s*(?:報導|报道|報道))?"
    r"\s*(?:" + _STAMP + r")?$"
)
# A byline's line closed by the time it was posted: `文／詹婉如 2018-08-12 17:39`, a writer's
# role word, the names, then the stamp (and nothing else on the line)
_CREDIT_THEN_STAMP = re.compile(
    r"^\s*(?P<credit>(?:文|圖文|图文|記者|记者|作者|撰文|撰稿)\s*[／/：:|｜]?\s*"
    r"[^\s：:／/|｜\d]{2,12}(?:[、\s][^\s：:／/|｜\d]{2,4}){0,2})[\s\u3000]+(?:" + _STAMP + r")\s*$"
)


def byline_before_stamp(line: str) -> Byline | None:
    """`文／詹婉如 2018-08-12 17:39`: a writer's credit and the time it was posted on one
    line; the byline, read off the credit (a role word must name it)."""
    match = _CREDIT_THEN_STAMP.match(line) if len(line) <= 60 and line[-1:].isdigit() else None
    if match is None:
        return None
    found = _parse_byline_line(match.group("credit"))
    if found is None or not any(a.role for a in found.authors):
        return None
    return replace(found, raw=line.strip())


def parse_desk_byline(line: str) -> Byline | None:
    """`上報快訊／范姜佳鈺 2020年03月12日 20:19:00`, `政治中心／王小明`: the desk is credited,
    the names after the slash wrote the story. A single name after the slash may be a
    4-character name with a compound surname (`范姜佳鈺`)."""
    stripped = line.strip()
    if len(stripped) > 60 or ("／" not in stripped and "/" not in stripped):
        return None
    match = _DESK_BYLINE.match(stripped)
    if not match:
        return None
    run = match.group("names")
    names = strict_names(run)
    if names is None and re.fullmatch(r"[\u4e00-\u9fff]{4}", run) and run[0] in _SURNAMES:
        names = [run]
    if not names or len(names) > 4 or any(n in _PLACES or n in _FILED_PLACES for n in names):
        return None  # `生活中心／台北報導`: a desk and where it reports from, nobody named
    return Byline(
        raw=stripped, authors=[Author(n, None) for n in names], credit=match.group("desk")
    )


# The line above a story's text that says when and from where it comes, and nothing else:
# `2024-05-20 14:33·新华社`, `本文来源于国家统计局 2024-05-11 09:36:26`,
# `2022-06-02 09:52:19政能亮 来自北京市` (an account and the location the platform shows).
_STAMP_SOURCE = re.compile(
    r"^(?:" + _STAMP + r")\s*(?P<sep>[·•|｜])?\s*(?P<after>[\u4e00-\u9fffA-Za-z]{2,16}?)"
    r"(?P<where>\s*(?:来自|來自|IP属地[：:]?|IP屬地[：:]?)\s*[\u4e00-\u9fff]{2,8})?$"
    r"|^(?:本文|本稿|文章)?(?:来源于|來源於|来自|來自)\s*(?P<before>[\u4e00-\u9fffA-Za-z]{2,16})"
    r"\s*[·•|｜]?\s*(?:" + _STAMP + r")$"
)


def parse_source_stamp(line: str) -> Byline | None:
    """`2024-05-20 14:33·新华社`, `本文来源于国家统计局 2024-05-11 09:36:26`: a timestamp
    and the newsroom or account the story comes from (a source credit, nobody's byline).
    The timestamp itself is read by the date voter from the page."""
    stripped = line.strip()
    if len(stripped) > 60 or not stripped[:1].isdigit() and stripped[:1] not in "本文来來":
        return None
    match = _STAMP_SOURCE.match(stripped)
    if not match:
        return None
    source = match.group("after") or match.group("before")
    if match.group("after") and not (
        match.group("sep") or match.group("where") or _MEDIA_SUFFIX.search(source)
    ):
        return None  # `2024-05-20 今天天气很好`: words after a date are not a source
    return Byline(raw=stripped, credit=source, kind="source")


# `新頭殼newtalk2014.10.24 金名/高雄報導`: the outlet and the day glued before the writer's
# `name／place報導` (a Taiwanese web layout's byline line, often run into the lead's first line).
_STAMPED_BYLINE = re.compile(
    r"^\s*(?P<outlet>[\u4e00-\u9fff]{2,8}[A-Za-z]{0,12}|[A-Za-z]{2,16})?\s*(?:" + _STAMP + r")\s*"
    r"(?P<credit>[\u4e00-\u9fff·]{2,4}(?:[ 、][\u4e00-\u9fff·]{2,4}){0,2}\s*[／/]\s*"
    r"[\u4e00-\u9fff]{0,6}?(?:報導|报道|报导))\s*"
)


def _stamped_byline(text: str) -> tuple[Byline, int] | None:
    """The byline a `_STAMPED_BYLINE` opening `text` names, and where it ends."""
    match = _STAMPED_BYLINE.match(text)
    if match is None:
        return None
    byline = parse_credit_line(match.group("credit"))
    if byline is None or not byline.authors:
        return None
    if not all(_reporter_name(a.name) for a in byline.authors):
        return None
    byline.raw, byline.credit = match.group(0).strip(), match.group("outlet")
    return byline, match.end()


# A blog theme's meta line over a post: the poster, the day posted (and updated), and the
# reading time (`McCaffrey 2018年3月8日 2019年8月8日 0 Minutes`, `王小明 2020-05-01 阅读 3 分钟`).
# The reading time marks the line as the theme's, so a name alone before the days is taken.
_DAY = r"(?:19|20)\d{2}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-/.]\d{1,2}[-/.]\d{1,2})"
_READING_TIME = (
    r"(?:\d{1,3}\s*(?:Minutes?|Mins?|minutes?|mins?|min|分钟|分鐘)(?:\s*(?:read|Read|阅读|閱讀))?"
    r"|(?:阅读|閱讀)(?:时间|時間|时长|時長)?\s*[：:]?\s*(?:约|約)?\s*\d{1,3}\s*(?:分钟|分鐘|min))"
)
_POSTED_BY = re.compile(
    rf"^(?P<name>{_LATIN_NAME}|[A-Za-z][A-Za-z.\-']{{1,20}}|[\u4e00-\u9fff·]{{2,6}})\s+"
    rf"{_DAY}(?:\s+{_DAY})?\s+{_READING_TIME}$"
)


_META_WORDS = re.compile(
    r"\b(?:Posted|Updated|Published|Modified|Last|Read|Reading|Time|Date|On|By|Admin|Administrator)\b"
    r"|更新|发布|發布|发表|發表|修改|阅读|閱讀|时间|時間|日期",
    re.IGNORECASE,
)


def parse_posted_by_line(line: str) -> Byline | None:
    """`McCaffrey 2018年3月8日 2019年8月8日 0 Minutes` → McCaffrey: a theme's meta line."""
    match = _POSTED_BY.match(line.strip())
    if match is None:
        return None
    name = match.group("name")
    if _META_WORDS.search(name):
        return None  # `Updated 2020-05-01 3 min read`: the theme's labels, nobody named
    names = strict_names(name, surname=not name.isascii())
    if not names or len(names) != 1 or name in _NOT_NAMES or _PLACE_SUFFIX.search(name):
        return None
    return Byline(raw=line.strip(), authors=[Author(names[0], None)], kind="byline")


def parse_stamped_byline(line: str) -> Byline | None:
    """`新頭殼newtalk2014.10.24 金名/高雄報導`: outlet, day, then the writer (a byline line)."""
    stripped = line.strip()
    if len(stripped) > 60 or not re.search(r"(?:19|20)\d{2}", stripped[:30]):
        return None
    found = _stamped_byline(stripped)
    if found is None or found[1] != len(stripped):
        return None
    return found[0]


def _split_stamped_byline(paragraph: str) -> tuple[Byline, str] | None:
    """The same byline run into the lead's first line (`…金名/高雄報導2014高雄電影節今…`)."""
    if not re.search(r"(?:19|20)\d{2}", paragraph[:30]):
        return None
    found = _stamped_byline(paragraph)
    if found is None:
        return None
    byline, end = found
    rest = paragraph[end:]
    if len(rest.strip()) < 10:
        return None
    byline.kind = "run_in"
    return byline, rest


# `2014/11/11 12:07 綜合報導    地區：台北市報導`, `2014/12/11 18:58 報導`: the time a story was
# filed, the desk's word for how it was put together and a place field; it names nobody.
_STAMP_CREDIT = re.compile(
    r"^(?:"
    + _STAMP
    + r")\s*(?P<how>(?:綜合|综合)?(?:外電|外电)?(?:報導|报道|報道)|(?:編譯|编译)(?:報導|报道)?)"
    r"(?:\s+(?:地區|地区|地點|地点)\s*[：:]\s*[\u4e00-\u9fff]{2,8})?$"
)


def parse_stamp_credit(line: str) -> Byline | None:
    """`2014/11/11 12:07 綜合報導  地區：台北市報導`: a dated desk credit, nobody's byline."""
    stripped = line.strip()
    if len(stripped) > 60 or not stripped[:1].isdigit():
        return None
    match = _STAMP_CREDIT.match(stripped)
    if match is None:
        return None
    return Byline(raw=stripped, credit=match.group("how"), kind="credit")


_LABELLED = re.compile(r"^(?:Author|By|作者)\s*[,，:：]\s*(?P<name>.{2,40}?)\s*$", re.IGNORECASE)


# `By John Smith`, `BY JANE DOE and TOM LEE`: an English byline, capitalised names only.
# `By 陈大文`, `By 陈大文、李小明`: the English word before Chinese names.
_BY_LINE = re.compile(
    r"^(?:By|BY)\s+(?P<name>[A-Z][A-Za-z.\-']+(?:\s+[A-Z][A-Za-z.\-']+){1,3}"
    r"(?:\s*(?:,|and|AND|&)\s*[A-Z][A-Za-z.\-']+(?:\s+[A-Z][A-Za-z.\-']+){1,3})*"
    r"|[\u4e00-\u9fff·]{2,6}(?:\s*[、，,]\s*[\u4e00-\u9fff·]{2,6}){0,2})\s*$"
)


def parse_labelled_byline(line: str) -> Byline | None:
    """`Author, 珍‧维克菲尔德（Jane Wakefield）`: a byline widget's label and name; `By John
    Smith`, an English byline.

    A name given twice, the second time in brackets in another script, is one person.
    """
    match = _LABELLED.match(line.strip()) or _BY_LINE.match(line.strip())
    if not match:
        return None
    name = re.sub(r"\s*[（(][A-Za-z .\-]{2,40}[)）]$", "", match.group("name"))
    names = _strict_names(re.sub(r"\s+(?:and|AND|&)\s+", ", ", name))
    if not names or len(names) > 3:
        return None
    return Byline(raw=line.strip(), authors=[Author(n, "作者") for n in names])


# A header row of two fields labelled without colons, the writer's and the stamp's, glued
# once the page's spaces are gone: `作者 農藝女孩看世界發表時間 2024-11-02 20:17`
_SPACED_FIELD_ROW = re.compile(
    r"^\s*(?:作者|撰文)\s+(?P<name>[^\s：:]{2,9}?)\s*"
    r"(?:发布|發布|发表|發表|更新)(?:时间|時間|日期)\s*[：:]?\s*(?:" + _STAMP + r")\s*$"
)


def parse_spaced_field_row(line: str) -> Byline | None:
    """`作者 農藝女孩看世界發表時間 2024-11-02 20:17`: the writer's field of a row whose labels
    stand without colons (the stamp's label after the name is what shows the row), the
    name read as a writer's label's value (a pen name as printed)."""
    match = _SPACED_FIELD_ROW.match(line) if len(line) <= 60 else None
    if match is None:
        return None
    names = _strict_names(match.group("name"), pen_name=True)
    if not names or len(names) > 3:
        return None
    return Byline(raw=line.strip(), authors=[Author(n, "作者") for n in names])


# A bare name, then the stamp with its own label, on the row under the headline: `Daisy最后更新：
# 2024-06-20 10:26:16`, `王小明 发布时间：2024-06-20` (the stamp's label shows the row's
# fields, so the slot before it is the writer's)
_NAME_BEFORE_LABELLED_STAMP = re.compile(
    r"^\s*(?P<name>[A-Za-z][A-Za-z .'\-]{1,30}?|[\u4e00-\u9fff·]{2,4})\s*"
    r"(?:最后更新|最後更新|更新时间|更新時間|发布时间|發布時間|发表时间|發表時間|发布于|發佈於)\s*[：:]\s*"
    r"(?:" + _STAMP + r")\s*$"
)


def parse_name_before_labelled_stamp(line: str) -> Byline | None:
    """`Daisy最后更新：2024-06-20 10:26:16`: the name in the row's first slot, before the
    labelled stamp, is the writer's, read as a name (no outlet, label or place)."""
    match = _NAME_BEFORE_LABELLED_STAMP.match(line) if len(line) <= 60 else None
    if match is None:
        return None
    name = match.group("name").strip()
    if not _pen_name(name) or names_a_desk(name):
        return None
    names = [name] if name.isascii() else _strict_names(name)
    if not names or len(names) != 1:
        return None
    return Byline(raw=line.strip(), authors=[Author(names[0], None)])


# A Latin name and the writer's job after a comma (`Yiting Lin, digital journalist`): a
# byline widget's name and title
_NAME_COMMA_JOB = re.compile(
    r"^\s*(?P<name>[A-Z][A-Za-z'\-]+(?: [A-Z][A-Za-z'\-]+){1,3}),\s*"
    r"(?:(?:digital|senior|chief|staff|political|business|foreign|news|Chinese|Pacific|"
    r"freelance|investigative|data)\s+)*(?:journalist|reporter|correspondent|writer)\s*$",
    re.IGNORECASE,
)


def parse_name_comma_job(line: str) -> Byline | None:
    """`Yiting Lin, digital journalist`: the writer, named with the job that says so."""
    match = _NAME_COMMA_JOB.match(line) if len(line) <= 80 else None
    if match is None or names_a_desk(match.group("name")):
        return None
    return Byline(raw=line.strip(), authors=[Author(match.group("name"), None)])


# A writer's field that names nobody (`作者：佚名`, `（作者：不详）`): the credit line, no writer
_NOBODY_CREDIT = re.compile(
    rf"^[（(【\[]?\s*(?:作者|撰稿|撰文|记者|記者|文)\s*[：:/／]\s*(?:{_NOBODY})\s*[)）】\]]?$"
)


def parse_nobody_credit(line: str) -> Byline | None:
    """`作者：佚名` → a credit naming no writer (the line is the byline, not text)."""
    stripped = line.strip()
    if _NOBODY_CREDIT.match(stripped) is None:
        return None
    return Byline(raw=stripped, authors=[], kind="credit")


def parse_empty_field_byline(line: str) -> Byline | None:
    """`null 周依恩`: a byline whose role-prefix field the scraper printed as `null`."""
    match = re.fullmatch(r"\s*(?:null|None|undefined)\s+(?P<names>\S.{0,30})", line)
    if not match:
        return None
    names = _strict_names(match.group("names"))
    if not names:
        return None
    return Byline(raw=line.strip(), authors=[Author(n, None) for n in names], kind="byline")


# An author field that is a report label with no role word before it (`獨媒報導`, the desk
# label 獨立媒體's feed prints as dc:creator and as its 【獨媒報導】 lead tag; `綜合報導`)
# names a desk, not a writer; `記者王小明報導` has the role word and is read as a credit.
_DESK_REPORT = re.compile(r"(?:報導|报道|報道|报导)$")


def front_matter_authors(value: object) -> list[Author]:
    """Authors from a post's `author:` field: `記者林勵` → 林勵, `眾新聞記者` → nobody.

    A value with role words is read as a credit (a newsroom's staff credit names no one);
    a plain value is a name or pen name as the site prints it (`骷髏小姐在挪威`).
    """
    values = value if isinstance(value, (list, tuple)) else [value]
    authors: list[Author] = []
    for raw in values:
        if isinstance(raw, dict):  # `author: {name: 张三, url: …}` (Hugo, Jekyll author data)
            raw = raw.get("name") or raw.get("display_name")
        if raw is None or isinstance(raw, (dict, list)):
            continue
        text = str(raw).strip()
        if not text or len(text) > 40 or re.search(r"[。！？!?]", text):
            continue
        if _ROLE_RE.search(text):
            credit = parse_credit_line(text)
            authors.extend(a for a in (credit.authors if credit else []) if a.role != PHOTO_ROLE)
            continue
        if _DESK_REPORT.search(text):
            continue  # `獨媒報導`, `綜合報導`: a desk's report label, no one's name
        for name in re.split(r"\s*(?:[、，,;/；]|\band\b|&)\s*", text):
            if name.strip():
                authors.append(Author(name.strip(), None))
    unique: dict[str, Author] = {}
    for author in authors:
        unique.setdefault(author.name, author)
    return list(unique.values())
