"""The article body of an HTML page, chosen by evidence instead of class names.

Text and symbol density (洪鸿辉 et al., "基于文本及符号密度的网页正文提取方法", the
GeneralNewsExtractor paper): for every element i of the page

    TD_i  = (T_i - LT_i) / (TG_i - LTG_i)        text density
    SbD_i = (T_i - LT_i) / (Sb_i + 1)            symbol density
    score = TD_i * log10(P_i + 2) * ln(SbD_i)

T = characters, LT = characters inside links, TG = descendant tags, LTG = descendant links,
Sb = punctuation marks, P = paragraphs (<p> plus direct text runs). Article text is long
runs of prose under few tags with few links; menus, link lists and side boxes are short
texts under many tags, mostly links. Formatting tags (<span>, <strong>, <br> …) do not
count as tags: the paper's implementation strips them before measuring.

All statistics come from one bottom-up pass (linear in the page), not from a query per
element.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

SKIP_TAGS = frozenset(
    "script style noscript template iframe svg canvas button select input textarea head "
    "object embed map audio video link meta title".split()
)
# Formatting inside a paragraph: neither a paragraph nor a tag of its own.
INLINE_TAGS = frozenset(
    "span strong b em i u font small big sup sub br wbr code mark abbr cite q s del ins "
    "label time".split()
)
PUNCTUATION = frozenset("，。！？、；：“”‘’「」『』《》（）％,.?!;:'\"()%")
_WS = re.compile(r"\s+")


@dataclass
class NodeStats:
    text: int = 0  # non-space characters outside links
    link_text: int = 0  # non-space characters inside <a>
    punct: int = 0  # punctuation marks outside links
    tags: int = 0  # descendant tags, formatting tags excluded
    link_tags: int = 0  # descendant <a>
    p_tags: int = 0  # descendant <p>
    own_text: bool = False  # text directly inside this element

    def add(self, other: NodeStats) -> None:
        self.text += other.text
        self.link_text += other.link_text
        self.punct += other.punct
        self.tags += other.tags
        self.link_tags += other.link_tags
        self.p_tags += other.p_tags

    @property
    def paragraphs(self) -> int:
        """GNE's text-tag count: descendant <p> plus this element's own text."""
        return self.p_tags + self.own_text

    @property
    def text_density(self) -> float:
        structural = self.tags - self.link_tags
        if structural <= 0:
            # GNE: a node whose only tags are links is a link list, unless the links are
            # a sprinkle inside much more text (wiki-style keyword links); a node without
            # tags is a paragraph, not a container.
            if self.link_tags and self.text // max(self.link_text, 1) > 10:
                structural = self.tags
            else:
                return 0.0
        return self.text / structural

    @property
    def symbol_density(self) -> float:
        return self.text / (self.punct + 1)

    @property
    def score(self) -> float:
        sbd = self.symbol_density
        return self.text_density * math.log10(self.paragraphs + 2) * math.log(sbd if sbd > 1 else 1)


def is_tag(node) -> bool:
    return getattr(node, "name", None) is not None and hasattr(node, "children")


def text_of(node) -> str:
    """Visible text of a string node (comments, CDATA, doctype excluded)."""
    from bs4 import NavigableString

    return str(node) if type(node) is NavigableString else ""


def measure(root) -> dict[int, NodeStats]:
    """Statistics of every element under `root` (keyed by id()), in one post-order pass."""
    stats: dict[int, NodeStats] = {}
    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if not done:
            stack.append((node, True))
            for child in node.children:  # type: ignore[attr-defined]
                if is_tag(child) and (child.name or "").lower() not in SKIP_TAGS:
                    stack.append((child, False))
            continue
        own = NodeStats()
        direct_text = False
        for child in node.children:  # type: ignore[attr-defined]
            if is_tag(child):
                child_stats = stats.get(id(child))
                if child_stats is None:
                    continue
                own.add(child_stats)
                name = (child.name or "").lower()
                if name not in INLINE_TAGS:
                    own.tags += 1
                if name == "a":
                    own.link_tags += 1
                if name == "p":
                    own.p_tags += 1
                continue
            text = _WS.sub("", text_of(child))
            if text:
                own.text += len(text)
                own.punct += sum(1 for ch in text if ch in PUNCTUATION)
                direct_text = True
        own.own_text = direct_text
        if (getattr(node, "name", "") or "").lower() == "a":
            own.link_text += own.text
            own.text, own.punct = 0, 0
        stats[id(node)] = own
    return stats


def best_node(root, stats: dict[int, NodeStats] | None = None):
    """The element with the highest density score (None when nothing has text)."""
    stats = stats if stats is not None else measure(root)
    best, best_score = None, 0.0
    for node in _elements(root):
        node_stats = stats.get(id(node))
        if node_stats is None or (node.name or "").lower() in INLINE_TAGS:
            continue
        score = node_stats.score
        if score > best_score:
            best, best_score = node, score
    return best


def _elements(root):
    yield root
    yield from root.find_all(True)


# ---------------------------------------------------------------------------------------
# Experiment switch (removed once the dev set picks a method)
METHOD = "linear"


def prose_mass(root) -> dict[int, float]:
    """Maximum-subtree variant: prose characters minus link and label characters."""
    mass: dict[int, float] = {}
    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if not done:
            stack.append((node, True))
            for child in node.children:  # type: ignore[attr-defined]
                if is_tag(child) and (child.name or "").lower() not in SKIP_TAGS:
                    stack.append((child, False))
            continue
        in_link = (getattr(node, "name", "") or "").lower() == "a"
        total = 0.0
        for child in node.children:  # type: ignore[attr-defined]
            if is_tag(child):
                total += mass.get(id(child), 0.0)
                continue
            text = _WS.sub("", text_of(child))
            if not text:
                continue
            if _PROSE.search(text) and len(text) >= 8:
                total += len(text)
            else:
                total -= len(text) * 0.5
        if in_link:
            total = -abs(total) if total else 0.0
        mass[id(node)] = total
    return mass


# Sentence and clause marks of running text; a lone colon is a label (`编号：…`).
_PROSE = re.compile(r"[，。！？；]|[A-Za-z]{2}[,.!?;](?:\s|$)")


def main_node(root):
    if METHOD == "mass":
        mass = prose_mass(root)
        best, best_score = None, 0.0
        for node in _elements(root):
            score = mass.get(id(node), 0.0)
            if score > best_score:
                best, best_score = node, score
        return best
    stats = measure(root)
    node = best_node(root, stats)
    if node is None or METHOD != "gne-widen":
        return node
    return _widen(node, stats, root)


def _widen(node, stats: dict[int, NodeStats], root):
    """Climb while the parent only adds more prose (a body split into sibling blocks)."""
    while node.parent is not None and node is not root and node.parent is not root:
        parent = node.parent
        mine, theirs = stats[id(node)], stats.get(id(parent))
        if theirs is None:
            break
        extra_text = theirs.text - mine.text
        extra_links = theirs.link_text - mine.link_text
        extra_punct = theirs.punct - mine.punct
        if extra_text + extra_links == 0:
            node = parent
            continue
        if extra_links > 0.25 * (extra_text + extra_links):
            break
        if extra_text and extra_punct / extra_text < 0.5 * mine.punct / max(mine.text, 1):
            break
        node = parent
    return node


def keep_main_content(soup, page_title: str | None = None) -> None:
    """Remove everything outside [the title heading … the end of the main content node]."""
    if METHOD == "none":
        return
    root = soup.body or soup
    node = main_node(root)
    if node is None or node is root:
        return
    start = _title_element(root, node, page_title) or node
    for anchor in [node, *node.parents]:
        if anchor is root or anchor is None:
            break
        for sibling in list(anchor.next_siblings):
            sibling.extract()
    for anchor in [start, *start.parents]:
        if anchor is root or anchor is None:
            break
        for sibling in list(anchor.previous_siblings):
            sibling.extract()


def _title_element(root, node, page_title: str | None):
    """The title heading printed before the content node, if any."""
    key = _WS.sub("", page_title or "")
    headings = []
    for element in root.find_all(True):
        if element is node:
            break
        name = (element.name or "").lower()
        if name in SKIP_TAGS:
            continue
        text = _WS.sub("", element.get_text())
        if not text or len(text) > 120:
            continue
        if key and len(key) >= 4 and text == key and element.find_parent("a") is None:
            headings.append((2, element))
        elif name in ("h1", "h2") and element.find_parent("a") is None:
            headings.append((1, element))
    if not headings:
        return None
    best = max(rank for rank, _ in headings)
    return [el for rank, el in headings if rank == best][-1]


# ---------------------------------------------------------------------------------------
# Linear variant: the densest run of prose blocks in reading order


def block_weight(kind: str, text: str, link_chars: int) -> float:
    """Evidence that a block is article text (+) or page furniture (−), in characters."""
    if kind not in ("text", "heading", "quote"):
        return 0.0
    compact = _WS.sub("", text)
    size = len(compact)
    if not size:
        return 0.0
    if link_chars * 2 > size:
        return -float(size)
    own = size - link_chars
    if kind != "heading" and own >= 10 and _PROSE.search(compact):
        return float(own) - link_chars
    return -0.3 * own - link_chars


def densest_run(weights: list[float]) -> tuple[int, int] | None:
    """[start, end) of the maximum-sum run (Kadane); None when nothing is positive."""
    best, best_range = 0.0, None
    total, start = 0.0, 0
    for idx, weight in enumerate(weights):
        if total <= 0:
            total, start = 0.0, idx
        total += weight
        if total > best:
            best, best_range = total, (start, idx + 1)
    return best_range


def select_main(blocks: list, page_title: str | None) -> list:
    """Keep the densest run of prose plus its title zone above and credits below."""
    weights = [block_weight(b.kind, b.text, b.link_chars) for b in blocks]
    run = _anchored_run(blocks, weights, page_title) if METHOD != "linear-global" else None
    title_idx = run[0] if run is not None else None
    if run is None:
        run = densest_run(weights)
        if run is None:
            return blocks
        run = (_title_zone_start(blocks, run[0], page_title), run[1])
    start, end = run
    start = _dateline_zone_start(blocks, start)
    if METHOD != "linear-nocontainer":
        end = _container_end(blocks, weights, start, end)
    end = _credit_zone_end(blocks, weights, end)
    kept = []
    seen: set[str] = set()
    body_started = False
    for idx in range(start, end):
        block = blocks[idx]
        compact = _WS.sub("", block.text)
        body_started = body_started or weights[idx] > 0
        if _link_dense(block):
            if body_started or not _linked_byline(blocks, idx):
                continue  # a link list inside the article (related stories, tags)
        if block.kind == "text" and widget_reason(compact):
            continue
        if len(compact) >= 30 and compact in seen:
            continue  # the same paragraph printed twice (print/mobile copies of the body)
        seen.add(compact)
        if title_idx is not None and METHOD != "linear-nodeck":
            block = _headline_role(block, idx, title_idx, body_started)
        kept.append(block)
    return kept


MIN_DECK_CHARS = 6


def _headline_role(block, idx: int, title_idx: int, body_started: bool):
    """The block repeating the page <title> is the headline; a short line between it and
    the body that is neither a date, a credit nor a sentence is its deck or standfirst,
    kept as the summary (a quote block), not as body text."""
    from dataclasses import replace

    if idx == title_idx and block.kind == "text":
        return replace(block, kind="heading", level=1)
    if idx <= title_idx or body_started or block.kind != "text" or block.link_chars:
        return block
    compact = _WS.sub("", block.text)
    if (
        len(compact) >= MIN_DECK_CHARS
        and len(compact) <= 60
        and not _PROSE.search(compact)
        and not re.search(r"[:：]", compact)
        and not _DATE_LIKE.search(compact)
        and not _CREDIT_WORDS.search(compact)
        and not block.in_figure
    ):
        return replace(block, kind="quote")
    return block


def _anchored_run(blocks: list, weights: list[float], page_title: str | None):
    """[title, end) where end maximises the prose mass after the page's headline.

    The headline (the block that repeats the page <title>) is the strongest evidence of
    where the story starts: the body is what follows it until furniture outweighs text.
    """
    key = _WS.sub("", page_title or "")
    if len(key) < 4:
        return None
    best = None
    for idx, block in enumerate(blocks):
        if block.kind not in ("heading", "text") or block.link_chars:
            continue
        compact = _WS.sub("", block.text)
        if not _same_title(compact, key):
            continue
        total, top, end = 0.0, 0.0, None
        for j in range(idx + 1, len(weights)):
            total += weights[j]
            if total > top:
                top, end = total, j + 1
            elif end is not None and total - top < -GAP:
                break  # a long stretch of furniture: the story is over
        if end is not None and (best is None or top > best[0]):
            best = (top, idx, end)
    return (best[1], best[2]) if best else None


def _same_title(text: str, key: str) -> bool:
    if text == key:
        return True
    shorter, longer = sorted((text, key), key=len)
    return len(shorter) >= 6 and shorter in longer and len(shorter) >= 0.6 * len(longer)


# ---------------------------------------------------------------------------------------
# Page widgets printed among the story's lines

# A linked reporter name above the body (`<a>謝明俊</a>`) stays for the byline parser; a
# run of linked words (share bar: 豆瓣, 新浪微博 …) does not.
_LINKED_NAME = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff·‧]{1,7}")


def _link_dense(block) -> bool:
    return block.kind == "text" and block.link_chars * 2 > len(_WS.sub("", block.text))


def _linked_byline(blocks: list, idx: int) -> bool:
    if not _LINKED_NAME.fullmatch(_WS.sub("", blocks[idx].text)):
        return False
    neighbours = [
        b
        for b in (
            blocks[idx - 1] if idx else None,
            blocks[idx + 1] if idx + 1 < len(blocks) else None,
        )
        if b is not None
    ]
    return not any(_link_dense(b) for b in neighbours)


_SIZE_TOKEN = r"(?:[小中大特超]|特大|超大|[AaＡTt][+\-＋－]?|[+\-＋－]|標準|标准|默認|默认)"
_FONT_WIDGET = re.compile(
    r"(?:(?:字[号號級级體体型]|文字|字體大小|字体大小|字号大小)(?:大小|設定|设定|設置|设置|調整|调整)?[:：]"
    + _SIZE_TOKEN
    + r"{0,6}"
    + r"|(?:字[号號級级體体型]|文字)(?:大小|設定|设定|設置|设置|調整|调整)?"
    + _SIZE_TOKEN
    + r"{2,6}"
    + r"|[Tt]"
    + _SIZE_TOKEN
    + r"{2,4})"
)
_COMMENT_COUNT = re.compile(
    r"(?:\d[\d,]*(?:条|條|则|則|人)?)?(?:跟贴|跟帖|评论|評論|留言|参与|參與|回复|回覆)"
    r"(?:\d[\d,]*(?:条|條|人参与|人參與|人|则|則)?)?"
)
_PLAYER_WORDS = re.compile(
    r"(?i)video\s*player|play\s*video|current\s*time|duration|remaining\s*time|stream\s*type|"
    r"loaded:|seek\s*to\s*live|playback\s*rate|captions?\s*settings|fullscreen|mute|"
    r"this\s*is\s*a\s*modal\s*window|flash\s*player|html5|播放器|视频加载|視頻加載|"
    r"您的浏览器不支持|您的瀏覽器不支援|请升级|請升級|正在加载|加载中|載入中"
)
_VERSION = re.compile(r"[vV]?\d+(?:\.\d+){2,}(?:[-.][0-9A-Za-z]+)*")


_CONTROL_WORDS = frozenset(
    "举报 舉報 纠错 糾錯 我要纠错 我要糾錯 打印 列印 收藏 分享 分享到 关闭 關閉 关闭窗口 關閉視窗 "
    "返回顶部 回到顶部 回到頁首 返回頂部 复制链接 複製連結 复制地址 留言 评论 評論 发表评论 發表評論".split()
)


def is_control(text: str) -> bool:
    """A link or label whose whole text is a page command (report, print, share, size)."""
    compact = re.sub(r"[\s\[\]【】()（）|｜]", "", text)
    return compact in _CONTROL_WORDS


MAX_ROW_LINK_CHARS = 12
_SEPARATOR = re.compile(r"[\s|｜/／·•、,，【】\[\]]*")


def drop_link_runs(parts: list[str], link_of_part: list[int]) -> list[int]:
    """Indices of the text parts to keep: runs of three or more adjacent short links (share
    bars, tag rows, toolbars glued to a date line) are dropped; links inside running text
    are separated by words and stay."""
    out: list[int] = []
    run: list[int] = []  # indices of the current candidate run

    def close_run() -> None:
        links: dict[int, str] = {}
        for k in run:
            if link_of_part[k]:
                links[link_of_part[k]] = links.get(link_of_part[k], "") + _WS.sub("", parts[k])
        texts = [t for t in links.values() if t]
        is_row = len(texts) >= 3 and all(
            len(t) <= MAX_ROW_LINK_CHARS and not _PROSE.search(t) for t in texts
        )
        if not is_row:
            out.extend(run)
        run.clear()

    for k, (text, link) in enumerate(zip(parts, link_of_part, strict=True)):
        if link or (run and _SEPARATOR.fullmatch(text)):
            run.append(k)
            continue
        close_run()
        out.append(k)
    close_run()
    return out


def widget_reason(compact: str) -> str | None:
    """Why a whole (whitespace-free) block is a page control rather than story text."""
    if not compact or len(compact) > 120:
        return None
    if _FONT_WIDGET.fullmatch(compact):
        return "font_size"
    unbracketed = re.sub(r"[\[\]()（）【】:：|｜/]", "", compact)
    counts = _COMMENT_COUNT.findall(unbracketed)
    if counts and "".join(counts) == unbracketed and re.search(r"\d|跟贴|跟帖", unbracketed):
        return "comment_count"
    if _VERSION.fullmatch(compact):
        return "player_version"
    found = _PLAYER_WORDS.findall(compact)
    if found and sum(map(len, found)) * 3 >= len(compact):
        return "video_player"
    return None


GAP = 200.0
MAX_TITLE_ZONE_BLOCKS = 15
MAX_CREDIT_ZONE_BLOCKS = 3


def _title_zone_start(blocks: list, start: int, page_title: str | None) -> int:
    """Index of the title printed just above the body, else `start`."""
    key = _WS.sub("", page_title or "")
    for idx in range(start - 1, max(-1, start - 1 - MAX_TITLE_ZONE_BLOCKS), -1):
        block = blocks[idx]
        compact = _WS.sub("", block.text)
        if not compact:
            continue
        if block.kind == "heading" or (key and compact == key):
            return idx
    return start


CONTAINER_SHARE = 0.7


def _container_end(blocks: list, weights: list[float], start: int, end: int) -> int:
    """End the run with the DOM container that holds most of its prose.

    Site footers (copyright, ICP licence, hotlines) printed right below a story read as
    prose too, but they live outside the story's container: the deepest element holding
    `CONTAINER_SHARE` of the run's prose is the story's, and the run stops after its last
    block.
    """
    mass: dict[tuple[int, ...], float] = {}
    total = 0.0
    for idx in range(start, end):
        weight = weights[idx]
        path = blocks[idx].dom_path
        if weight <= 0 or not path:
            continue
        total += weight
        for depth in range(1, len(path) + 1):
            prefix = path[:depth]
            mass[prefix] = mass.get(prefix, 0.0) + weight
    if not total:
        return end
    container = max(
        (p for p, m in mass.items() if m >= CONTAINER_SHARE * total), key=len, default=None
    )
    if container is None:
        return end
    last = max(
        (i for i in range(start, end) if blocks[i].dom_path[: len(container)] == container),
        default=end - 1,
    )
    return last + 1


_DATE_LIKE = re.compile(r"\d{4}\s*[年/.\-]\s*\d{1,2}")
MAX_DATELINE_CHARS = 80


def _dateline_zone_start(blocks: list, start: int) -> int:
    """A page's date/来源 line printed just above the headline belongs to the story."""
    idx = start
    while idx > 0 and start - idx < 3:
        block = blocks[idx - 1]
        compact = _WS.sub("", block.text)
        if block.kind == "image" or not compact:
            idx -= 1
            continue
        if (
            block.kind == "text"
            and len(compact) <= MAX_DATELINE_CHARS
            and block.link_chars * 2 <= len(compact)
            and _DATE_LIKE.search(compact)
        ):
            idx -= 1
            start = idx
            continue
        break
    return start


def _credit_zone_end(blocks: list, weights: list[float], end: int) -> int:
    """Short lines right after the body (editor credits, 完, datelines) stay for classify."""
    idx = end
    while idx < len(blocks) and idx - end < MAX_CREDIT_ZONE_BLOCKS:
        block = blocks[idx]
        compact = _WS.sub("", block.text)
        if block.kind not in ("text", "image") or block.link_chars * 2 > len(compact):
            break
        if len(compact) > 40 or (compact and not _CREDIT_WORDS.search(compact)):
            break
        idx += 1
    return idx


_CREDIT_WORDS = re.compile(
    r"编辑|編輯|责编|責編|记者|記者|报道|報導|来源|來源|作者|撰稿|撰文|摄|攝|校对|校對|审核|審核|"
    r"翻译|翻譯|编译|編譯|[（(]完[）)]|[电電][)）]?$"
)


def select_by_trafilatura(blocks: list, html: str, page_title: str | None) -> list:
    """Candidate C: keep the blocks whose text trafilatura keeps, plus the title zone."""
    import trafilatura

    extracted = trafilatura.extract(html, include_comments=False, include_tables=True) or ""
    pool = _WS.sub("", extracted)
    if not pool:
        return blocks
    keep = [
        idx
        for idx, b in enumerate(blocks)
        if b.kind in ("text", "heading", "quote")
        and _WS.sub("", b.text)
        and _WS.sub("", b.text) in pool
    ]
    if not keep:
        return blocks
    first, last = keep[0], keep[-1]
    start = first
    key = _WS.sub("", page_title or "")
    for idx in range(first - 1, max(-1, first - 1 - MAX_TITLE_ZONE_BLOCKS), -1):
        compact = _WS.sub("", blocks[idx].text)
        if blocks[idx].kind == "heading" or (key and _same_title(compact, key)):
            start = idx
            break
    kept_set = set(keep)
    out = []
    for idx in range(start, last + 1):
        b = blocks[idx]
        if idx < first or idx in kept_set or b.kind in ("image", "boundary"):
            out.append(b)
    return out
