"""Markdown and HTML bodies → a flat list of `Block`s, the parser's common currency.

Both front ends produce the same block kinds so the article assembler does not care where
the text came from:
`text` (a paragraph), `heading` (with level), `image` (alt text), `quote` (blockquote),
`url` (a `<http://…>` line), `boundary` (start of an HTML <article>), `rule` (a Markdown
thematic break, where post footers begin).

Markdown text is never fed through an HTML parser: only tag-shaped `<…>` runs are removed,
so a literal `<1%` survives. HTML is parsed with lxml via BeautifulSoup and walked
iteratively (no recursion), with site chrome (nav, footer, scripts, menus) removed first.
"""

from __future__ import annotations

import html as htmllib
import os
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from zhnews.model import StockMention
from zhnews.parse import content, debris, meta
from zhnews.parse.bylines import BY_LABEL, parse_byline_line
from zhnews.parse.stocks import parse_data_code
from zhnews.text import CLOSERS, SENTENCE_END, ends_sentence, han_bigrams, join_fragments


@dataclass
class Block:
    kind: str  # text | heading | image | quote | url | boundary | rule
    text: str = ""
    level: int = 0  # heading level 1–6
    bold: bool = False  # the whole paragraph is <strong>/<b>/**…**
    in_figure: bool = False  # inside <figure>/<center>/figcaption or a picture container
    caption_style: bool = False  # HTML: small or centred text (<small>, align=center …)
    stocks: list[StockMention] = field(default_factory=list)
    line: int = 0  # 1-based source line where known, for error messages
    link_chars: int = 0  # HTML: non-space characters inside <a> (link density evidence)
    dom_path: tuple[int, ...] = ()  # HTML: ids of the enclosing block elements, outermost first
    href: str = ""  # Markdown link-only line: the address of its first link
    # Markdown/text: the paragraph's first line is indented (2+ spaces, 　); HTML: the line
    # opens with printed blanks (`&nbsp;&nbsp;`, `　`)
    indented: bool = False
    # Markdown/text: the line is indented well beyond the text's paragraphs (a centred head,
    # a signature set to the right): a line of its own, never joined to its neighbours
    set_apart: bool = False
    # HTML: the text of elements inside the line that markup calls the author (`rel=author`,
    # `itemprop=author`, a class/id naming the author or reporter): byline evidence
    marked_authors: tuple[str, ...] = ()
    # HTML: a blank line (`<br><br>`, a line break on an empty line) stands right above it
    # inside its element: a paragraph break, as printed
    after_blank: bool = False
    # HTML picture: a line break follows it in its element before any text (`<p><img><br>
    # 曾小姐</p>`): the picture is on a line of its own, not set into a line of text
    break_after: bool = False
    # HTML: the text is printed inside a <blockquote>
    in_blockquote: bool = False
    # a picture show's slide whose caption is the story's text (`gallery_captions`): no
    # caption of the picture above it
    slide: bool = False


# Zero-width characters (U+200B space, U+200C/U+200D (non-)joiners, U+2060 word joiner,
# U+FEFF byte order mark) print nothing: `\u200b《节目》…` is `《节目》…`; nor do control
# characters other than tab and line breaks (a stray backspace `\x08` after `。`). They are
# dropped from all text, literal or as an entity (`&#8203;`).
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\x00-\x08\x0e-\x1f\x7f]")


def drop_invisible(text: str) -> str:
    return _INVISIBLE_RE.sub("", text)


# A source line break between two CJK characters (and the indentation around it) is
# layout, not a word gap: CSS removes such a segment break when it collapses white space.
_CJK_SEGMENT_BREAK = re.compile(
    r"(?<=[\u3000-\u9fff\uff00-\uffef])[ \t]*\n\s*(?=[\u3000-\u9fff\uff00-\uffef])"
)


MAX_CAPTION_BESIDE_CHARS = 60
_ENDS_SENTENCE = re.compile(rf"[{SENTENCE_END}…][{re.escape(CLOSERS)}]*$")


def _caption_beside(line: str, text: str) -> bool:
    """A short line of text after the picture that opens the line, ending no sentence: its
    caption (a sentence written there is the paragraph, the picture set into it)."""
    return (
        line.startswith("![")
        and len(text) <= MAX_CAPTION_BESIDE_CHARS
        and not _ENDS_SENTENCE.search(text)
    )


def drop_segment_breaks(text: str) -> str:
    """`約⏎        台幣` → `約台幣`; a break beside a Latin letter or digit stays a space."""
    return _CJK_SEGMENT_BREAK.sub("", text) if "\n" in text else text


# ---------------------------------------------------------------------------------------
# Markdown

_HEADING_RE = re.compile(r"^ {0,3}(#{1,6})(?:\s+|(?=[^\s#\x00-\x7f]))(.*?)\s*#*\s*$")
_AUTOLINK_LINE_RE = re.compile(r"^\s*<((?:https?|ftp)://[^\s<>]*|)>\s*$")
_IMAGE_MD_RE = re.compile(r"!\[([^\]]*)\]\(([^)]*)\)")
_LINK_MD_RE = re.compile(r"\[([^\]]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
_HTML_LINE_RE = re.compile(
    r"^\s*<(p|div|center|img|figure|figcaption|table|section|article|h[1-6]|br|span|strong|b|"
    r"blockquote|ul|ol|li|a|font|iframe|script|style|video)\b",
    re.IGNORECASE,
)
_TAG_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>")
_STOCK_A_RE = re.compile(
    r"<a\b[^>]*?data-code\s*=\s*[\"']([^\"']*)[\"'][^>]*>(.*?)</a>", re.IGNORECASE | re.DOTALL
)
_HR_RE = re.compile(r"^\s*(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_SETEXT_RE = re.compile(r"^ {0,3}(?:(?P<h1>=+)|(?P<h2>-+))[ \t]*$")
_LIST_RE = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.、)])\s+")
_BULLET_RE = re.compile(r"^\s*[-*+]\s+")
_INDENT_RE = re.compile(r"^(?:\u3000|\s{2,})")


def inline_markdown(text: str) -> tuple[str, list[StockMention], bool]:
    """Strip inline Markdown/HTML from one paragraph; returns (text, stock links, all-bold)."""
    if not _MARKUP_CHAR_RE.search(text):
        return _BLANKS_RE.sub(" ", text).strip(), [], False  # plain text: nothing to strip
    stocks = [
        mention
        for raw, inner in _STOCK_A_RE.findall(text)
        if (
            mention := parse_data_code(
                htmllib.unescape(raw), htmllib.unescape(_TAG_RE.sub("", inner))
            )
        )
    ]
    bold = bool(_BOLD_MD_RE.fullmatch(text)) or bool(_BOLD_HTML_RE.fullmatch(text))
    text = _IMAGE_MD_RE.sub("", text)
    if "[[" in text:
        text = _WIKI_LINK_RE.sub(lambda m: m["label"] or m["target"], text)
    text = _LINK_MD_RE.sub(r"\1", text)
    if "`" in text:
        text = _CODE_SPAN_RE.sub(r"\2", text)
    text = _AUTOLINK_RE.sub(r"\1", text)
    text = _EMPHASIS_RE.sub(r"\2", text)
    text = _BR_RE.sub(" ", text)
    text = _TAG_RE.sub("", text)
    text = _ESCAPE_RE.sub(r"\1", text)
    text = drop_invisible(htmllib.unescape(text))
    text = _BLANKS_RE.sub(" ", text).strip()
    return text, stocks, bold


# Characters every inline rule needs (tags, emphasis, links, code spans, escapes, entities).
_MARKUP_CHAR_RE = re.compile(r"[<*_\[\\&`]")
# A wiki link (`[[target]]`, `[[target|label]]`, with an interlanguage prefix `[[zh:target]]`)
# reads as its label or target: mirror bots wrap words of the text in them.
_WIKI_LINK_RE = re.compile(
    r"\[\[(?:[a-z]{2,3}(?:-[A-Za-z]{2,4})?:)?(?P<target>[^\[\]|\n]+?)(?:\|(?P<label>[^\[\]\n]+))?\]\]"
)
# A code span reads as its text (CommonMark): `` `4/2/2024 12:25 PM UTC` `` → the stamp.
_CODE_SPAN_RE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_BLANKS_RE = re.compile(r"[ \t\u00a0]+")
_BOLD_MD_RE = re.compile(r"\s*(\*\*|__)(.+)\1\s*")
_BOLD_HTML_RE = re.compile(r"\s*<(strong|b)>.*</\1>\s*", re.IGNORECASE | re.DOTALL)
_AUTOLINK_RE = re.compile(r"<((?:https?|ftp)://[^\s<>]+)>")
_EMPHASIS_RE = re.compile(r"(\*\*|__)(.+?)\1")
_BR_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)
# a backslash escapes any ASCII punctuation (CommonMark): `\|`, `\'`, `\*`
_ESCAPE_RE = re.compile(r"\\([!-/:-@\[-`{-~])")


def markdown_blocks(text: str, first_line: int = 1) -> list[Block]:
    """Blocks of a Markdown (or plain text) body; embedded HTML runs go to the HTML walker."""
    blocks: list[Block] = []
    lines = text.split("\n")
    usual = _usual_indent(lines)
    i = 0
    para: list[str] = []
    para_line = 0
    para_indented = False
    para_apart = False
    para_break = False  # the last line of `para` ended with a hard break (two spaces)

    def flush() -> None:
        nonlocal para
        if para:
            raw = para[0]
            for nxt in para[1:]:
                raw = join_fragments(raw, nxt)
            clean, stocks, bold = inline_markdown(raw)
            if clean:
                block = Block(
                    "text", clean, bold=bold, stocks=stocks, line=para_line, indented=para_indented
                )
                block.set_apart = para_apart
                if _is_link_line(raw):
                    block.link_chars = len(re.sub(r"\s", "", clean))
                    first = _LINK_MD_RE.search(raw)
                    block.href = first.group(2) if first else ""
                blocks.append(block)
            para = []

    while i < len(lines):
        line = lines[i]
        lineno = first_line + i
        stripped = line.strip()
        setext = _SETEXT_RE.match(line) if len(para) == 1 and stripped[:1] in ("=", "-") else None
        if setext:
            # `Title` / `[Title](url)` underlined with === or ---: a heading (CommonMark setext)
            clean, stocks, _ = inline_markdown(para[0])
            para = []
            if clean:
                level = 1 if setext.group("h1") else 2
                blocks.append(Block("heading", clean, level=level, stocks=stocks, line=lineno - 1))
            i += 1
            continue
        if not stripped or _HR_RE.match(line):
            flush()
            if stripped:
                blocks.append(Block("rule", line=lineno))  # thematic break: sections, footers
            i += 1
            continue
        if stripped[0] == "#" and debris.is_hashtag_line(stripped):
            flush()  # `#台灣 #選舉`, `#话题#`: hashtags, never a heading
            clean, stocks, _ = inline_markdown(stripped)
            blocks.append(Block("text", clean, stocks=stocks, line=lineno))
            i += 1
            continue
        autolink = _AUTOLINK_LINE_RE.match(line)
        if autolink:
            flush()
            blocks.append(Block("url", autolink.group(1), line=lineno))
            i += 1
            continue
        heading = _HEADING_RE.match(line)
        if heading:
            flush()
            clean, stocks, _ = inline_markdown(heading.group(2))
            if clean:
                blocks.append(
                    Block("heading", clean, level=len(heading.group(1)), stocks=stocks, line=lineno)
                )
            i += 1
            continue
        if stripped.startswith(">"):
            flush()
            quote: list[str] = []
            while i < len(lines) and (
                lines[i].strip().startswith(">") or _lazy_continuation(lines[i], quote)
            ):
                quote.append(re.sub(r"^\s*>+\s?", "", lines[i]))
                i += 1
            clean, stocks, _ = inline_markdown(" ".join(q.strip() for q in quote if q.strip()))
            if clean:
                blocks.append(Block("quote", clean, stocks=stocks, line=lineno))
            continue
        if _HTML_LINE_RE.match(line):
            flush()
            chunk = [line]
            i += 1
            while i < len(lines) and lines[i].strip() and not _AUTOLINK_LINE_RE.match(lines[i]):
                chunk.append(lines[i])
                i += 1
            for block in html_blocks("\n".join(chunk)):
                block.line = block.line or lineno
                blocks.append(block)
            continue
        images = _IMAGE_MD_RE.findall(stripped)
        beside = _IMAGE_MD_RE.sub("", stripped).strip() if images else ""
        if images and (not beside or _caption_beside(stripped, beside)):
            flush()
            for alt, _src in images:
                blocks.append(Block("image", alt.strip(), in_figure=True, line=lineno))
            if beside:
                # `![](…)香橼创始人安德鲁·莱夫特`: the caption written on the picture's line
                clean, stocks, _ = inline_markdown(beside)
                blocks.append(Block("text", clean, stocks=stocks, in_figure=True, line=lineno))
            i += 1
            continue
        is_link = _is_link_line(stripped)
        # `[headline]` (optionally `[ signature]`) on a line of its own: a headline of a text
        # dump, never the tail of the paragraph above (which may well end mid-sentence)
        alone = is_link or (stripped[0] == "[" and bool(_BRACKET_LINE_RE.fullmatch(stripped)))
        indented = bool(_INDENT_RE.match(line))
        starts_new = bool(_LIST_RE.match(line) or indented)
        # `…。␠␠` (a Markdown hard break) after a long line: a line break inside the paragraph
        broken = bool(para) and para_break and len(para[-1]) >= MIN_SOFT_WRAP_CHARS
        if para and (starts_new or alone or (_ends_line(para[-1]) and not broken)):
            flush()
        if not para:
            para_line = lineno
            para_indented = indented
            para_apart = usual > 0 and _indent_width(line) >= usual + MIN_SET_APART_COLUMNS
        piece = _BULLET_RE.sub("", line, count=1).strip() if _BULLET_RE.match(line) else stripped
        if para and broken:
            para[-1] += " " + piece
        else:
            para.append(piece)
        para_break = line.endswith("  ")
        if alone:
            flush()
        i += 1
    flush()
    return mark_credited_captions(blocks)


MIN_INDENTED_PARAGRAPHS = 3
MIN_SET_APART_COLUMNS = 6


def _indent_width(line: str) -> int:
    """Columns of a line's leading blanks (a tab takes four, `　` two)."""
    width = 0
    for ch in line:
        if ch == " ":
            width += 1
        elif ch == "\t":
            width += 4
        elif ch == "\u3000":
            width += 2
        else:
            break
    return width


def _usual_indent(lines: list[str]) -> int:
    """The indent most of a text's indented lines share (`    ` before every paragraph of
    an exported text), or 0 when too few lines are indented for one."""
    widths = Counter(_indent_width(line) for line in lines if line.strip())
    widths.pop(0, None)
    if not widths:
        return 0
    width, count = widths.most_common(1)[0]
    return width if count >= MIN_INDENTED_PARAGRAPHS else 0


MIN_SOFT_WRAP_CHARS = 20


def _ends_line(line: str) -> bool:
    """A physical line that should not be merged with the next (soft-wrap test)."""
    clean = line.strip()
    return ends_sentence(clean) or len(clean) < MIN_SOFT_WRAP_CHARS


def _lazy_continuation(line: str, quote: list[str]) -> bool:
    """A line right under a blockquote's text, without `>`, that opens no block of its own
    (heading, rule, list, HTML, picture) goes on in the quote (CommonMark's lazy
    continuation: `> **甲。**␠␠` / ` **乙。**`)."""
    if not quote or not quote[-1].strip() or not line.strip():
        return False
    stripped = line.strip()
    return not (
        _HEADING_RE.match(line)
        or _HR_RE.match(line)
        or _HTML_LINE_RE.match(line)
        or _LIST_RE.match(line)
        or stripped.startswith("![")
    )


def _is_link_line(line: str) -> bool:
    if "](" not in line:
        return False  # most lines: no Markdown link at all
    return bool(_LINK_LINE_RE.fullmatch(line))


_LINK_LINE_RE = re.compile(r"(?:\[[^\]]*\]\([^)]*\)\s*[｜|/·]?\s*)+")
_BRACKET_LINE_RE = re.compile(r"\[[^\[\]()（）]{2,60}\](?:\s*\[[^\[\]()（）]{1,30}\])?")


# ---------------------------------------------------------------------------------------
# Captions

MAX_CREDITED_CAPTION_CHARS = 100
# A picture credit closing a line: `图/新华社`, `圖／X`, `新华社记者 才扬 摄`, `…学院供图`,
# `（影片截圖）`, `（小紅書圖片）`, `（IG圖片）`, `（微博@某人）`, `（劇照）`.
_PICTURE_WORD = r"截圖|截图|圖片|图片|照片|劇照|剧照|海報|海报|資料圖|资料图|供圖|供图"
_PICTURE_WORD_END = re.compile(rf"[（(][^（）()]{{0,16}}(?:{_PICTURE_WORD})[)）]$")
# who took the picture, in brackets closing a short line (`Jay Fung說與MC認識的經過。(梁碧玲 攝)`):
# a caption whatever is above it (the picture may be a lazy placeholder the page never filled)
_SHOT_BY_END = re.compile(r"[（(]\s*[^（）()\s]{2,12}\s?(?:攝|摄|攝影|摄影)\s*[)）]$")
MAX_SHOT_CAPTION_CHARS = 60
_PICTURE_AGENCY = (
    "视觉中国|視覺中國|东方IC|東方IC|路透社|美联社|美聯社|法新社|新华社|新華社|中新社|美媒|外媒"
    "|网络图片|網絡圖片|网络|網絡|资料图|資料圖|Getty Images|IC photo"
)
_PICTURE_CREDIT_END = re.compile(
    rf"(?:[（(][^（）()]{{0,16}}(?:{_PICTURE_WORD})[)）]"
    r"|[（(]\s*[A-Za-z\u4e00-\u9fff]{1,10}\s*[@＠][^（）()]{1,30}[)）]"
    r"|(?:图|圖|图片|圖片|摄影|攝影)\s*[/／:：丨|]\s*[^\s，。；：（）()]{1,20}"
    r"(?:\s[A-Za-z][A-Za-z.]*){0,2}"  # `图：IC photo`: a Latin agency name of two words
    r"|[^\s，。；拍]{2,12}\s?(?:摄|攝)"
    r"|(?:供图|供圖|供稿图|提供圖片|提供图片)"
    # a bare file-picture word after the caption's last sentence: `…終極勝訴。資料圖片`
    r"|(?<=[。！？」』”）)])\s*(?:資料|资料|檔案|档案)(?:圖片|图片|照片|圖|图)"
    # a Latin credit after the caption's last sentence: `…被泼洒了番茄汁。Photo / 1News`
    r"|(?<=[。！？」』”）)])\s*(?:Photo|PHOTO|Image|IMAGE|Picture|Credit|CREDIT)s?\s*[/／:：|]\s*"
    r"[A-Za-z0-9][\w.&'\-]*(?:\s[A-Za-z0-9][\w.&'\-]*){0,3}"
    # where the picture was taken from, in brackets: `（取自微博）`, `（翻攝自臉書）`,
    # `（車庫娛樂提供）`
    r"|[（(]\s*(?:取自|翻攝自?|翻摄自?|截自|擷取自|撷取自)[^（）()]{1,20}[)）]"
    r"|[（(][^（）()，。]{1,16}提供[)）]"
    # a copyright sign and who holds the picture: `© 法新社圖片`, `© 香港天文台衛星截圖`
    r"|[©Ⓒ]\s*[^\s，。；！？©][^，。；！？©]{0,29}"
    # a picture agency's or a source's bare name set apart after the caption, no label:
    # `美国海军陆战队的一名跨性别军人 美媒`, `美国士兵参与爆破训练演习 视觉中国`
    rf"|(?<=[^\s，。；！？])\s+(?:{_PICTURE_AGENCY}))\s*$"
)
# A picture credit in Latin script after the caption's last sentence, the photographer and
# the agency or paper (`…USB-C接口。 Justin Sullivan/Getty Images`, `… Jeff Chiu/Associated
# Press`): text never ends on `Capitalised Name/Capitalised Agency`. The agency may be two,
# the photographer's and the distributor, joined by a dash (`/Agence France-Presse — Getty
# Images`).
_LATIN_AGENCY = r"[A-Z][A-Za-z.&'\-]*(?:\s+[A-Z][A-Za-z.&'\-]*){0,3}"
_LATIN_CREDIT_END = re.compile(
    r"(?<=[。！？」』”）)])\s*[A-Z][A-Za-z.'\-]*(?:\s+[A-Z][A-Za-z.'\-]*){0,3}\s*/\s*"
    rf"{_LATIN_AGENCY}(?:\s*[—–]\s*{_LATIN_AGENCY})?\s*$"
)


def picture_credit_end(text: str) -> bool:
    """The line ends with a picture credit (see `_PICTURE_CREDIT_END`, `_LATIN_CREDIT_END`)."""
    text = text.strip()
    return bool(_PICTURE_CREDIT_END.search(text) or _LATIN_CREDIT_END.search(text))


MAX_PICTURE_LABEL_CHARS = 30
# A picture show's slide counter printed under each caption: `3/13`, `3 / 13`
_SLIDE_COUNTER = re.compile(r"(\d{1,3})/(\d{1,3})")
MIN_GALLERY_SLIDES = 3
MIN_SLIDE_CAPTION_CHARS = 30


# A slide's counter printed before its caption in one line (`<p><em><b>1</b>/14</em>列车上有…`)
_GLUED_COUNTER = re.compile(r"\s*(\d{1,3})\s*/\s*(\d{1,8})\s*(?=[^\d\s/])")


def _unglue_slide_counters(blocks: list[Block]) -> list[Block]:
    """A picture show that prints each slide's counter before its caption (`1/14列车上…`,
    `2/1434岁的孟海平…`: the counter's total glued to the caption's first digits) is the same
    show as one printing the counter under the caption: each such line becomes its caption,
    then its counter. Only when `MIN_GALLERY_SLIDES` or more lines do so, counting up from 1
    to one total (a leading `3/4` in a line of prose is a fraction or a date)."""
    found = []
    for idx, block in enumerate(blocks):
        if block.kind != "text":
            continue
        match = _GLUED_COUNTER.match(block.text)
        if match:
            found.append((idx, match))
    if len(found) < MIN_GALLERY_SLIDES:
        return blocks
    # the total is the counter's denominator read to fit the slides' count: `1434岁` is `14`
    # glued to `34岁`; read the total as the shortest prefix all the digits share that is at
    # least the number of slides
    shared = os.path.commonprefix([m.group(2) for _, m in found])
    total = next(
        (shared[:cut] for cut in range(1, len(shared) + 1) if int(shared[:cut]) >= len(found)),
        None,
    )
    if total is None:
        return blocks
    numbers = [int(m.group(1)) for _, m in found]
    if numbers != list(range(1, len(numbers) + 1)):
        return blocks
    out, at = [], {idx: m for idx, m in found}
    for idx, block in enumerate(blocks):
        match = at.get(idx)
        if match is None:
            out.append(block)
            continue
        start = match.start(2) + len(total)
        caption = block.text[start:].lstrip()
        out.append(replace(block, text=caption))
        out.append(replace(block, text=f"{match.group(1)}/{total}"))
    return out


def gallery_captions(blocks: list[Block]) -> list[Block]:
    """A picture show whose captions are the story: each slide prints a caption of prose
    over its counter (`当地时间2月5日，……。图：视觉中国` / `1/13`), and the page has no
    other text of its size. The captions are then the story's paragraphs, their picture
    credits cut; the counters are not text. (A story that carries a picture show beside
    its own text keeps the slides' captions as captions.)

    Slides: three or more captions, each right above a counter of one total, counting up;
    a caption after the last counter in the same box as the others (the last counter was
    printed beyond the story's end) is a slide too."""
    blocks = _unglue_slide_counters(blocks)
    counters: list[tuple[int, int, int]] = []  # (index, number, total)
    for idx, block in enumerate(blocks):
        if block.kind == "text" and (m := _SLIDE_COUNTER.fullmatch(re.sub(r"\s", "", block.text))):
            counters.append((idx, int(m.group(1)), int(m.group(2))))
    slides = [idx - 1 for idx, _, _ in counters if idx and _slide_caption(blocks[idx - 1])]
    numbers = [number for _, number, _ in counters]
    if (
        len(slides) < MIN_GALLERY_SLIDES
        or len(slides) != len(counters)
        or len({total for _, _, total in counters}) != 1
        or numbers != sorted(set(numbers))
    ):
        return blocks
    box = blocks[slides[-1]].dom_path[:-2]
    after = counters[-1][0] + 1
    while after < len(blocks) and blocks[after].kind == "image":
        after += 1
    if (
        box
        and after < len(blocks)
        and blocks[after].dom_path[:-2] == box
        and _slide_caption(blocks[after])
    ):
        slides.append(after)
    slide_set, counter_set = set(slides), {idx for idx, _, _ in counters}
    gallery = sum(len(blocks[idx].text) for idx in slides)
    other = sum(
        len(b.text)
        for idx, b in enumerate(blocks)
        if idx not in slide_set
        and b.kind == "text"
        and not b.in_figure
        and _SENTENCE_MARK.search(b.text)
        and len(b.text) >= MIN_SLIDE_CAPTION_CHARS
    )
    if other * 2 > gallery:
        return blocks
    kept = []
    for idx, block in enumerate(blocks):
        if idx in counter_set:
            continue
        if idx in slide_set:
            text = _PICTURE_CREDIT_END.sub("", block.text).rstrip()
            block = replace(block, text=text, in_figure=False, caption_style=False, slide=True)
        kept.append(block)
    return kept


def _slide_caption(block: Block) -> bool:
    return (
        block.kind == "text" and len(block.text) >= MIN_SLIDE_CAPTION_CHARS and "。" in block.text
    )


_SENTENCE_MARK = re.compile(r"[。！？!?；;，,]")
_HEADLINE_TAGS = ("h1", "h2", "h3")
_BACKGROUND_URL = re.compile(r"background(?:-image)?\s*:[^;]*url\(", re.IGNORECASE)


def _background_picture(element) -> bool:
    """An element whose inline style draws a picture (`background:url(…)`) and that holds
    no text and no other element: a picture set by CSS rather than by an <img>."""
    style = element.get("style")
    return (
        bool(style)
        and "url(" in style
        and _BACKGROUND_URL.search(style) is not None
        and not element.find(True)
        and not element.get_text(strip=True)
    )


def mark_credited_captions(blocks: list[Block]) -> list[Block]:
    """A short line right under a picture that ends with a picture credit is the picture's
    caption, not text: it is marked as printed in the picture's box (`in_figure`) and in a
    caption's look, which is how the classifier knows captions (HTML and Markdown alike).

    So is a short label without a sentence mark printed under two pictures or more
    (`灯光版《清明上河图》` under each picture of a series): a paragraph of text is never
    printed twice, a picture label is; and a short line without a sentence mark that ends
    in a bracketed picture word (`美国陆军（资料图）`), picture or not above it (a lazy
    picture the saved page lost)."""
    for block in blocks:
        if block.kind == "text" and (
            (
                len(block.text) <= MAX_PICTURE_LABEL_CHARS
                and not _SENTENCE_MARK.search(block.text)
                and _PICTURE_WORD_END.search(block.text.strip())
            )
            or (
                len(block.text) <= MAX_SHOT_CAPTION_CHARS
                and _SHOT_BY_END.search(block.text.strip())
            )
        ):
            block.in_figure = True
            block.caption_style = True
    under_picture: dict[str, list[Block]] = {}
    for prev, block in zip(blocks, blocks[1:], strict=False):
        if prev.kind != "image" or block.kind != "text":
            continue
        if len(block.text) <= MAX_CREDITED_CAPTION_CHARS and picture_credit_end(block.text):
            block.in_figure = True
            block.caption_style = True
        elif len(block.text) <= MAX_PICTURE_LABEL_CHARS and not _SENTENCE_MARK.search(block.text):
            under_picture.setdefault(block.text, []).append(block)
    for labels in under_picture.values():
        if len(labels) >= 2:
            for block in labels:
                block.in_figure = True
                block.caption_style = True
    return blocks


# A prompt to a link that the saved page lost, left at the end of a paragraph with the
# bracket it opened closed at the start of the next one: `…冲锋号。（详情请点击链接：` /
# `）江苏省委常委…`. Neither the prompt nor the stray bracket is text.
_LINK_STUB_END = re.compile(
    r"\s*[（(]\s*(?:详情|詳情|更多|全文|原文)?\s*(?:请|請)?\s*(?:点击|點擊)\s*"
    r"(?:链接|鏈接|这里|這裡|此处|此處|原文|阅读原文|閱讀原文)?\s*[：:]\s*$"
)
# A read-more link word glued after a paragraph's last sentence (`…神情十分狼狈。详情`).
_READ_MORE_TAIL = re.compile(r"(?<=[。！？!?”」』])\s*(?:详情|詳情|全文)\s*(?:>>|»|＞＞)?$")


# A blog template's ornament after a post's headline (`谁来为无序拆房“埋单”？- -`): no
# headline ends in a run of hyphens.
_DASH_TAIL = re.compile(r"(?<=[^\s\-－])\s*(?:[-－]\s*){2,}$")


def _dash_runs_on(block: Block, following: list[Block]) -> bool:
    """A heading line ending in a doubled dash (`伦理与法律之间的平衡－－`) whose element goes
    on with another line (`<br>认同为…`): the dash joins the headline's two parts."""
    return (
        block.text.endswith(("－－", "--"))
        and bool(following)
        and following[0].kind == "heading"
        and following[0].dom_path == block.dom_path
    )


def mend_link_stubs(blocks: list[Block]) -> list[Block]:
    """Take a lost link's prompt (`（详情请点击链接：`) off the end of a paragraph, the
    bracket it left open (`）`) off the start of the next text, a read-more word off a
    paragraph's end (`…狼狈。详情`) and a run of hyphens off a heading's end (`标题- -`).
    One look at each block's last characters."""
    open_stub = False
    out: list[Block] = []
    for index, block in enumerate(blocks):
        if (
            block.kind == "heading"
            and block.text[-1:] in "-－"
            and not _dash_runs_on(block, blocks[index + 1 : index + 2])
        ):
            block.text = _DASH_TAIL.sub("", block.text) or block.text
        if block.kind != "text":
            out.append(block)
            continue
        text = block.text
        if open_stub:
            open_stub = False
            if text[:1] in "）)":
                text = text[1:].lstrip()
                if not text:
                    continue  # the stray bracket stood alone
        last = text[-1:]
        if last in "：:":
            stub = _LINK_STUB_END.search(text)
            if stub and stub.start() > 0:
                text = text[: stub.start()].rstrip()
                open_stub = True
        elif last in "情文»＞>":
            tail = _READ_MORE_TAIL.search(text)
            if tail and tail.start() > 0:
                text = text[: tail.start()]
        if text != block.text:
            block.text = text
        out.append(block)
    return out


# ---------------------------------------------------------------------------------------
# HTML

_SKIP_TAGS = {
    "script", "style", "template", "iframe", "svg", "canvas", "button", "select",
    "input", "textarea", "nav", "head", "object", "embed", "map", "audio", "video",
}  # fmt: skip
_BLOCK_TAGS = {
    "p", "div", "section", "article", "header", "footer", "main", "aside", "h1", "h2", "h3",
    "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "center", "figure", "figcaption", "table",
    "tr", "td", "th", "dl", "dt", "dd", "pre", "address", "hr", "body", "html", "form", "tbody",
    "thead", "caption",
}  # fmt: skip
_FIGURE_TAGS = {"figure", "figcaption", "center"}
_CHROME_RE = re.compile(
    r"(^|[\s_-])(nav|navbar|menu|footer|foot|header|head|top|topbar|breadcrumbs?|crumb|"
    r"sidebar|side|aside|copyright|share|sharing|comments?|ad|ads|advert|banner|toolbar|login|"
    r"search|related|recommend|hot|rank|links|friendlink|pager|pagination|"
    # a box of follow-the-topic tags (`follow-tags__holder`): a tag that is a person's
    # name names a topic, not a writer
    r"follow[-_]?tags?|tags?[-_]?follow|"
    # a right rail (`right-bar`, `rightside`): the page's column beside the story
    r"right[-_]?(?:bar|side|col))($|[\s_-])",
    re.IGNORECASE,
)
# `author-share`: a byline box that also holds the share buttons keeps its byline (the
# buttons are removed with their own elements).
_BYLINE_BOX_RE = re.compile(r"author|byline", re.IGNORECASE)
_FIGURE_CLASS_RE = re.compile(r"(pic|img|image|photo|figure|caption)", re.IGNORECASE)


def html_document_title(html: str) -> str | None:
    """The page's <title>, without the site-name suffix (`标题_河南日报` → `标题`).

    An empty or missing <title> (app pages fill it by script) falls back to the page's
    og:title / twitter:title (`meta.page_titles`)."""
    match = re.search(r"<title[^>]*>(.*?)</title>", html[:200_000], re.IGNORECASE | re.DOTALL)
    title = htmllib.unescape(_TAG_RE.sub("", match.group(1))) if match else ""
    title = unspace_letters(drop_segment_breaks(drop_invisible(title)).strip())
    if not title:
        from zhnews.parse.meta import page_titles

        title = next(iter(page_titles(html)), "")
    if not title:
        return None
    # `│` (U+2502, box drawing) and `︱` (U+FE31) are vertical bars some CMSes print instead of `|`.
    pieces = _TITLE_SEPARATOR.split(title, maxsplit=2)
    if len(pieces) >= 3 and _column_label(pieces[0]) and _headline_piece(pieces[2]):
        # `书记市长这一周 | 奋马扬鞭争春色，…`: a column's name, then the headline
        title = pieces[0].strip() + pieces[1] + pieces[2].strip()
    elif len(pieces) == 5 and _site_name_first(pieces[0], pieces[2]):
        # `某某時報 | 市府：高溫補貼今起發放，… | 編輯部 | 新聞`: the site's name,
        # the headline, then more labels (a bare `人民网 | 标题` stays the site's name)
        title = pieces[2].strip()
    else:
        title = pieces[0].strip()
    site = _SITE_SUFFIX.fullmatch(title)  # `标题-新华网`: a site name glued with a hyphen
    if site:
        title = site.group(1).strip()
    if title and _LABEL_SEPARATOR.search(title):
        return _og_headline(title, html) or title
    return title or None


# What a CMS glues after the headline in <title>: a separator, then a short label (a
# channel, `-24小时`) with no sentence punctuation
_LABEL_TAIL = re.compile(r"\s*[-—–_|｜·]\s*[^\s，。！？：,.!?:]{1,12}")
_LABEL_SEPARATOR = re.compile(r"[-—–_|｜·]")


def _og_headline(title: str, html: str) -> str | None:
    """The page's og:title / twitter:title when the <title> is that headline with a short
    label glued after it (`标题。-24小时-虎嗅网`: the site's name goes above, the channel
    stays): the page names its headline there without the label."""
    from zhnews.parse.meta import page_titles

    for named in page_titles(html)[1:]:
        if (
            len(named) >= 6
            and title.startswith(named)
            and _LABEL_TAIL.fullmatch(title[len(named) :])
        ):
            return named
    return None


_TITLE_SEPARATOR = re.compile(r"(\s*(?:_|\||｜|│|︱| - | — |--|(?<!－)－(?!－))\s*)")
MAX_COLUMN_LABEL_CHARS = 8
MIN_HEADLINE_PIECE_CHARS = 10
_HEADLINE_MARK = re.compile(r"[，：:！？!?、“”「」]")
_SITE_WORD_END = re.compile(r"(?:网|網|报|報|社|台|站|新闻|新聞|频道|頻道|政府|在线|在線)$")


def _column_label(piece: str) -> bool:
    """A column's name printed before the headline (`书记市长这一周`, `新华视界`): short, no
    punctuation."""
    text = piece.strip()
    return (
        2 <= len(text) <= MAX_COLUMN_LABEL_CHARS
        and not _HEADLINE_MARK.search(text)
        and not _SITE_WORD_END.search(text)
    )


MIN_SITE_FIRST_HEADLINE_CHARS = 8


def _site_name_first(first: str, second: str) -> bool:
    """The <title> opens with the site's name (short, ending like one: `某某時報`) and the
    next piece is longer and does not: the headline comes second."""
    name, headline = first.strip(), second.strip()
    return (
        2 <= len(name) <= MAX_COLUMN_LABEL_CHARS
        and bool(_SITE_WORD_END.search(name))
        and len(re.sub(r"\s", "", headline)) >= MIN_SITE_FIRST_HEADLINE_CHARS
        and not _SITE_WORD_END.search(headline)
    )


def _headline_piece(piece: str) -> bool:
    """What follows a column's name is the headline, not a site name: longer than a site
    name, with a headline's punctuation, and not ending like a site's name."""
    text = piece.strip()
    return (
        len(text) >= MIN_HEADLINE_PIECE_CHARS
        and bool(_HEADLINE_MARK.search(text))
        and not _SITE_WORD_END.search(text)
    )


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_SITE_SUFFIX = re.compile(
    r"(.{4,}?)\s*[-—–]\s*[^\s\-—–]{0,8}(?:网|網|报|報|社|台|站|新闻|新聞|日报|日報|晚报|晚報)"
)


# `来源：%E4%BF%A1%E9%98%B3…`: a value a template printed URL-encoded (UTF-8, three escapes a
# character); read as the page means it
_PERCENT_RUN = re.compile(r"(?:%[Ee][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])+")


def _unquoted(match: re.Match) -> str:
    from urllib.parse import unquote

    try:
        return unquote(match.group(0), errors="strict")
    except UnicodeDecodeError:
        return match.group(0)  # escapes that are no UTF-8 text stay as printed


MAX_BESIDE_CAPTION_CHARS = 40
_CLAUSE_MARKS = re.compile(r"[。！？!?，,；;：:]")


def _captions_beside_pictures(blocks: list[Block]) -> list[Block]:
    """A short label printed in the same element as the picture right before it (`<p><img …>
    <span class="info">科勒</span></p>`) is that picture's caption; a sentence there (`<p><img>
    震中地形：…约1805米。</p>`, or the rest of a paragraph a picture interrupts) is text."""
    out = list(blocks)
    for idx in range(1, len(out)):
        block, prev = out[idx], out[idx - 1]
        if (
            block.kind == "text"
            and prev.kind == "image"
            and block.dom_path
            and block.dom_path == prev.dom_path
            and not block.in_figure
            and 0 < len(re.sub(r"\s", "", block.text)) <= MAX_BESIDE_CAPTION_CHARS
            and not _CLAUSE_MARKS.search(block.text)
            and not block.link_chars
            and not content.credit_line(block.text)  # `<img><strong>责编 | X</strong>`: credits
        ):
            out[idx] = replace(block, in_figure=True)
    return out


def html_blocks(html: str, main_content: bool = False, whole_page: bool = False) -> list[Block]:
    """Walk an HTML fragment or page and return its blocks, chrome removed.

    `main_content`: keep only the article (`content.select_main`: the densest run of prose
    blocks, the title above it, the credits below it) and skip what a browser would not
    show (`display:none`, `hidden`) unless that leaves no prose at all. For whole pages and
    post bodies, not for a snippet of HTML inside Markdown. `whole_page`: a saved page (not
    a post body), whose headline may have to be found without the help of its <title>.
    """
    from bs4 import BeautifulSoup, Comment

    soup = BeautifulSoup(html, "lxml")
    for element in soup.find_all(string=lambda s: isinstance(s, Comment)):
        element.extract()
    page_title = html_document_title(html) if main_content else None
    _strip_chrome(soup, page_title)
    _strip_social_embeds(soup)
    if main_content:
        _strip_teaser_cards(soup, page_title)
        _strip_pull_quotes(soup)
        _summary_boxes(soup, html)
    _break_preformatted(soup)
    _slide_headings(soup)
    _strip_annotations(soup)
    if not main_content:
        return mark_credited_captions(prose_headings_as_text(_walk(soup, page=False)))
    revealed = _story_reveals(soup) | _boxes_in_text(soup)
    blocks = prose_headings_as_text(_walk(soup, page=True, skip_hidden=True, revealed=revealed))
    blocks = split_heading_stamps(
        mark_credited_captions(_captions_beside_pictures(mend_link_stubs(blocks)))
    )
    return gallery_captions(content.select_main(blocks, page_title, whole_page))


MIN_PROSE_HEADING_CHARS = 30
_SENTENCE_END = re.compile(r"[。！？!?][”’」』）)]*")


def _prose(text: str) -> bool:
    """Sentences, not a headline's words: a clause mark inside, and the line ends on a full
    stop or holds two sentences (`…仍有 38 人仍然失去聯絡或有待確認情況。`)."""
    compact = re.sub(r"\s", "", text)
    if len(compact) < MIN_PROSE_HEADING_CHARS or not re.search(r"[，,；;]", compact):
        return False
    return compact.endswith(("。", "。」", "。”")) or len(_SENTENCE_END.findall(compact)) >= 2


def prose_headings_as_text(blocks: list[Block]) -> list[Block]:
    """A page that sets its text in a small heading element for its look (`<h5><strong>大埔宏福苑
    大火死傷慘重，至今 151 人身故，…。</strong></h5>`, four such paragraphs opening the story):
    a heading of prose at level 4 or below, or one of two such headings in a row at any
    level below the headline, is text. A deck or a headline is one line of its own; these
    are paragraphs."""
    prose = [b.kind == "heading" and b.level > 1 and _prose(b.text) for b in blocks]
    out = []
    for idx, block in enumerate(blocks):
        run = (idx > 0 and prose[idx - 1]) or (idx + 1 < len(blocks) and prose[idx + 1])
        if prose[idx] and (block.level >= 4 or run):
            block = replace(block, kind="text", level=0, bold=True)
        out.append(block)
    return out


_BLANK_LINE = re.compile(r"\n[ \t\u3000\xa0]*\n")


def _slide_headings(soup) -> None:
    """The slides of a picture show are one story: a heading inside a slide is its picture's
    subhead, not a new story's headline.

    A photo feature (`图说`, `组图`) prints each picture with a heading and a paragraph in
    sibling boxes of one class, all but the current one hidden (`display:none`) until the
    reader pages on. Three or more such siblings, at least two hidden, each with a picture
    and a heading, are slides; their headings become bold lines.
    """
    groups: dict[tuple[int, str], list] = {}
    for tag in soup.find_all(_hidden):
        parent = tag.parent
        if parent is None or not tag.get("class"):
            continue
        groups.setdefault((id(parent), " ".join(tag["class"])), []).append(tag)
    for (_, klass), hidden in groups.items():
        if len(hidden) < 2:
            continue
        parent = hidden[0].parent
        slides = [
            child
            for child in parent.find_all(True, recursive=False)
            if " ".join(child.get("class") or []) == klass
        ]
        if len(slides) < 3 or not all(
            slide.find("img") and slide.find(_HEADINGS) for slide in slides
        ):
            continue
        for slide in slides:
            for heading in slide.find_all(_HEADINGS):
                heading.name = "p"
                strong = soup.new_tag("strong")
                for child in list(heading.contents):
                    strong.append(child.extract())
                heading.append(strong)


def _break_preformatted(soup) -> None:
    """Text in a <pre> keeps its line breaks: a blank line there ends a paragraph, as it
    does on the screen (a story typed into `<pre>` with empty lines between paragraphs)."""
    from bs4 import NavigableString

    for pre in soup.find_all("pre"):
        for string in list(pre.find_all(string=True)):
            if type(string) is not NavigableString or not _BLANK_LINE.search(string):
                continue
            pieces = _BLANK_LINE.split(str(string))
            for k, piece in enumerate(pieces):
                if k:
                    string.insert_before(soup.new_tag("br"))
                string.insert_before(NavigableString(piece))
            string.extract()


# A date (and clock time) closing a headline's element: `<h4>高溫補貼今起發放
# <span class="time">　2014-12-08 06:49</span></h4>`.
_HEADING_STAMP = re.compile(
    r"\s*((?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
    r"(?:\s*[（(]?\s*\d{1,2}:\d{2}(?::\d{2})?\s*[)）]?)?)\s*$"
)


def split_heading_stamps(blocks: list[Block]) -> list[Block]:
    """A heading printed with its time stamp inside the same element is the headline and,
    below it, the date line: the stamp is page metadata, not words of the title."""
    out: list[Block] = []
    for block in blocks:
        match = _HEADING_STAMP.search(block.text) if block.kind == "heading" else None
        if match is None or len(re.sub(r"\s", "", block.text[: match.start()])) < 4:
            out.append(block)
            continue
        out.append(replace(block, text=block.text[: match.start()].rstrip()))
        out.append(Block("text", match.group(1), line=block.line, dom_path=block.dom_path))
    return out


_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


# Classes that print text for screen readers only (`<h1 class="page_ttl is_blind">detail</h1>`,
# a page-type label over a Korean paper's article; `<span class="is_blind">papago logo</span>`);
# not a <time>: pages hide the story's own stamp this way too (`<time class="visually-hidden">`)
_SCREEN_READER_CLASSES = {
    "blind", "is_blind", "sr-only", "screen-reader-text", "visually-hidden", "visuallyhidden",
    "a11y-hidden", "sr_only", "screen-reader-only",
}  # fmt: skip


# The text a pointer reveals over a word (`<span class="tooltiptext">`, `role="tooltip"`): a
# note the page shows on hover, outside the sentence it is written into.
_TOOLTIP_CLASSES = {"tooltiptext", "tooltip-text", "tooltip-content", "tooltip-inner", "popover"}


def _hidden(tag) -> bool:
    if tag.has_attr("hidden") or _HIDDEN_STYLE.search(str(tag.get("style") or "")):
        return True
    classes = tag.get("class") or ()
    if tag.get("role") == "tooltip" or not _TOOLTIP_CLASSES.isdisjoint(classes):
        return True
    if "back" in classes and _flip_card_back(tag):
        return True
    return (tag.name or "").lower() != "time" and not _SCREEN_READER_CLASSES.isdisjoint(classes)


def _flip_card_back(tag) -> bool:
    """The back of a card whose front is its sibling (`<a class="info"><span class="front">她
    </span><span class="back">本文為尊重…作為代稱</span></a>`): the side a reader turns to by
    hovering, hidden until then; the front is what the sentence prints."""
    from bs4 import Tag

    return any(
        isinstance(sibling, Tag) and "front" in (sibling.get("class") or ())
        for sibling in (*tag.previous_siblings, *tag.next_siblings)
    )


_CLAUSE_MARK = re.compile(r"[，。！？；]")


def _story_reveals(soup) -> set[int]:
    """The hidden elements (ids) a browser's script reveals as the story, else none.

    A page whose hidden elements hold more prose of their own than the visible page reveals
    its story by script (`展开全文`, a text shown once its fonts load). Only the hidden
    elements that carry that prose are read: others (an account card, menus, dialogs hidden
    next to it) stay out. Hidden copies of visible text (print/mobile versions) and hidden
    elements without prose never count as the story.
    """
    hidden = [tag for tag in soup.find_all(_hidden) if not tag.find_parent(_hidden)]
    texts = [(tag, re.sub(r"\s", "", tag.get_text())) for tag in hidden]
    texts = [(tag, text) for tag, text in texts if _CLAUSE_MARK.search(text)]
    if not texts:
        return set()  # hidden menus and dialogs without prose: nothing to decide
    # the rest of the text folded under its own read-more button (`<div><p>- 閱讀更多 -</p>
    # </div><div style="display:none"><p>吳啟安又涉嫌…</p>…`): the button says what it hides
    unfolded = {id(tag) for tag, _ in texts if _under_read_more(tag)}
    visible = re.sub(r"\s", "", soup.get_text())
    for _, text in texts:
        visible = visible.replace(text, "", 1)
    own: dict[int, int] = {}
    for tag, text in texts:
        own[id(tag)] = sum(
            len(_CLAUSE_MARK.findall(sentence))
            for sentence in re.findall(r"[^。！？]*[。！？]", text)
            if sentence not in visible
        )
    if sum(own.values()) <= len(_CLAUSE_MARK.findall(visible)):
        return unfolded
    # the story's own element(s): those holding a good share of the largest hidden prose
    most = max(own.values())
    return unfolded | {key for key, clauses in own.items() if clauses * 4 >= most}


# A read-more button's words (`- 閱讀更多 -`, `展开全文`, `點擊閱讀全文 ▼`)
_READ_MORE_BUTTON = re.compile(
    r"[-–—\s▼▽↓»>]*(?:點擊|点击|按此)?(?:閱讀|阅读|展開|展开|查看|繼續閱讀|继续阅读)"
    r"(?:更多|全文|剩餘全文|剩余全文)?[-–—\s▼▽↓»>…]*"
)


def _under_read_more(tag) -> bool:
    """The last words printed before the hidden element are a read-more button's."""
    before = tag.find_previous(string=lambda s: bool(s.strip()))
    if before is None or before.find_parent(["script", "style"]) is not None:
        return False
    words = re.sub(r"\s", "", str(before))
    return len(words) <= 12 and bool(_READ_MORE_BUTTON.fullmatch(words))


def _boxes_in_text(soup) -> set[int]:
    """The folded boxes of the text (ids): an info box set between two paragraphs of the
    story, its heading on the button that unfolds it (`<button><h2>几个术语</h2></button>`
    over `<div style="display: none"><p>…</p></div>`). A reader opens it with one click and
    it is the story's text (a glossary, a fact box); a hidden element whose button is no
    heading (an author's bio card, a menu) stays out. The button's heading is read as the
    box's subhead."""
    from bs4 import Tag

    found: set[int] = set()
    for button in soup.find_all("button", limit=100):
        heading = button.find(_CARD_HEADINGS)
        if heading is None or len(_WS_RE.sub("", heading.get_text())) > MAX_BOX_TITLE_CHARS:
            continue
        box = button.find_next_sibling(True)
        if box is None or not _hidden(box) or not _CLAUSE_MARK.search(box.get_text()):
            continue
        before = button.parent.find_previous_sibling(True) if button.parent else None
        if isinstance(before, Tag) and before.name == "p" and _prose(before.get_text(strip=True)):
            found.add(id(box))
            button.name = "div"  # its heading is the box's subhead, not a control's label
    return found


MAX_BOX_TITLE_CHARS = 20


def _prose(text: str) -> bool:
    """A line of prose: 40 characters or more (`MIN_CONTENT_P_CHARS`), two clauses or more."""
    return len(text) >= MIN_CONTENT_P_CHARS and len(_CLAUSE_MARK.findall(text)) >= 2


def _walk(
    soup, page: bool, skip_hidden: bool = False, revealed: set[int] | frozenset = frozenset()
) -> list[Block]:
    """Blocks in reading order. `page`: a whole page or post body, where link rows and
    command links are page furniture; `skip_hidden`: leave out what a browser hides, except
    the elements in `revealed` (ids: the story a script reveals, `_story_reveals`)."""
    from bs4 import NavigableString, Tag

    blocks: list[Block] = []
    parts: list[str] = []
    bold_chars = 0
    small_chars = 0  # characters printed small or centred (caption look)
    link_chars = 0
    stocks: list[StockMention] = []
    state = {"figure": 0, "heading": 0, "quote": 0, "bold": 0, "link": 0, "next_id": 0}
    state["small"] = 0
    state["link_id"] = 0
    state["path"] = []  # type: ignore[assignment]
    state["br_at"] = state["blank_at"] = None  # where the last line break, blank line were
    marked: list[str] = []  # texts of author-marked elements met since the last flush

    link_of_part: list[int] = []  # the <a> each text part sits in (0: none)
    controls: set[int] = set()  # parts that are page commands (`举报`), see content.is_control

    def flush() -> None:
        nonlocal parts, bold_chars, small_chars, link_chars, stocks, link_of_part, controls
        box_title = state["heading"] > 1 and _holds_toggle(parts, controls)
        if page and any(link_of_part):
            cut = content.drop_bracketed_social(parts, link_of_part)
            if cut != parts:  # the dropped link's characters no longer count as link text
                link_chars = sum(
                    len(re.sub(r"\s", "", text))
                    for k, (text, link) in enumerate(zip(cut, link_of_part, strict=True))
                    if link and k not in controls  # page commands never counted
                )
            parts = cut
        if page and (controls or (len(link_of_part) >= 3 and any(link_of_part))):
            kept = content.drop_link_runs(parts, link_of_part)
            row_dropped = len(kept) < len(parts)  # share bar / toolbar glued to a line
            kept = [k for k in kept if k not in controls]
            if len(kept) < len(parts):
                link_chars = sum(len(re.sub(r"\s", "", parts[k])) for k in kept if link_of_part[k])
                parts = [parts[k] for k in kept]
                if row_dropped:
                    parts = content.after_link_run(parts)
        indented = bool(_PRINTED_INDENT.match(parts[0])) if parts else False
        text = drop_segment_breaks(drop_invisible(_join_parts(parts)))
        text = drop_keyword_labels(unspace_letters(re.sub(r"\s+", " ", text).strip()))
        if "%" in text:
            text = _PERCENT_RUN.sub(_unquoted, text)
        if text:
            compact = len(re.sub(r"\s", "", text))
            bold = compact > 0 and bold_chars >= compact
            if box_title:
                # `<h4>片名<a>收起</a></h4>`: the title bar of a folding player or panel, the
                # name of what it shows (a caption), not a subhead of the text
                block = Block("text", text, in_figure=True, caption_style=True, stocks=stocks)
            elif state["heading"]:
                block = Block("heading", text, level=state["heading"], stocks=stocks)
            elif state["quote"]:
                block = Block("quote", text, stocks=stocks, in_blockquote=True)
            else:
                block = Block(
                    "text",
                    text,
                    bold=bold,
                    in_figure=state["figure"] > 0,
                    caption_style=compact > 0 and small_chars * 2 >= compact,
                    stocks=stocks,
                )
            block.link_chars = min(link_chars, compact)
            block.indented = indented
            block.dom_path = tuple(state["path"])  # type: ignore[arg-type]
            # compared without spaces: a line break between two CJK characters of the
            # element's parts (`<span>工商時報</span>⏎<span>翁毓嵐</span>`) prints nothing
            spaceless = re.sub(r"\s", "", text)
            block.marked_authors = tuple(
                m for m in dict.fromkeys(marked) if re.sub(r"\s", "", m) in spaceless
            )
            block.after_blank = state["blank_at"] == block.dom_path
            state["blank_at"] = None
            blocks.append(block)
        parts, bold_chars, link_chars, stocks, link_of_part = [], 0, 0, [], []
        small_chars = 0
        marked.clear()
        controls = set()

    # Iterative walk: a stack of (tag, child iterator, undo action) avoids recursion limits.
    stack: list[tuple[object, object, object]] = [(soup, iter(list(soup.children)), None)]
    while stack:
        node, children, undo = stack[-1]
        child = next(children, None)  # type: ignore[call-overload]
        if child is None:
            stack.pop()
            if undo is not None:
                undo()  # type: ignore[operator]
            continue
        if isinstance(child, NavigableString):
            if type(child) is NavigableString:
                text = str(child)
                parts.append(text)
                link_of_part.append(state["link_id"] if state["link"] else 0)
                if state["bold"]:
                    bold_chars += len(re.sub(r"\s", "", text))
                if state["small"]:
                    small_chars += len(re.sub(r"\s", "", text))
                if state["link"]:
                    link_chars += len(re.sub(r"\s", "", text))
            continue
        if not isinstance(child, Tag):
            continue
        name = (child.name or "").lower()
        if name in _SKIP_TAGS or (skip_hidden and _hidden(child) and id(child) not in revealed):
            continue
        if name == "label" and _choice_label(child):
            continue
        if page and name in ("a", "span", "em", "i") and content.is_control(child.get_text()):
            # `来源：新京报<a>举报</a>`: a page command glued to the line, not text; it still
            # counts as a link of a toolbar row
            if name == "a":
                state["link_id"] += 1
            controls.add(len(parts))
            parts.append(child.get_text())
            link_of_part.append(state["link_id"] if name == "a" else 0)
            continue
        if name == "noscript" and not _holds_prose(child):
            continue  # a <noscript> with prose is what scrapers and script-less readers see
        if name == "br":
            line_has_text = any(part.strip() for part in parts)
            last = blocks[-1] if blocks else None
            if (
                not line_has_text
                and last is not None
                and last.kind == "image"
                and last.dom_path == tuple(state["path"])
            ):
                last.break_after = True  # the picture ends its line
            if line_has_text:
                state["br_at"] = tuple(state["path"])  # type: ignore[arg-type]
            elif state["br_at"] == tuple(state["path"]):  # type: ignore[arg-type]
                state["blank_at"] = state["br_at"]  # a second break on an empty line
            flush()
            continue
        if name == "img":
            if page and _label_so_far(parts):
                continue  # an icon inside a label line (`来源：<img>中国日报网`), not a picture
            flush()
            alt = (child.get("alt") or child.get("title") or "").strip()
            blocks.append(Block("image", alt, in_figure=True, dom_path=tuple(state["path"])))
            continue
        if name == "picture" and child.find("img") is None:
            # `<picture><source srcset=…></picture>` with no <img> (a page saved as rendered
            # before its script added one): a picture all the same
            flush()
            blocks.append(Block("image", "", in_figure=True, dom_path=tuple(state["path"])))
            continue
        if _background_picture(child):
            # `<div style="background:url(…jpg) center / contain">` with nothing in it: a
            # slider's picture drawn by CSS, a picture all the same (its caption follows)
            flush()
            blocks.append(Block("image", "", in_figure=True, dom_path=tuple(state["path"])))
            continue
        if name == "a" and child.get("data-code"):
            mention = parse_data_code(str(child.get("data-code")), child.get_text())
            if mention:
                stocks.append(mention)
        undo = _enter(child, name, state, flush, blocks)
        if page and _author_marked(child):
            label = BY_LABEL.sub("", re.sub(r"\s+", " ", child.get_text()).strip())
            if 0 < len(label) <= MAX_MARKED_AUTHOR_CHARS:
                marked.append(label)
        stack.append((child, iter(list(child.children)), undo))
    flush()
    return blocks


# A CJK character or CJK punctuation mark (the spaces beside it are no word gaps).
_CJK_MARK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_SPACED_PAIR = re.compile(f"(?<=[{_CJK_MARK}]) (?=\\S)|(?<=\\S) (?=[{_CJK_MARK}])")
MIN_SPACED_CHARS = 6
# What a portal's keyword-link widget prints in brackets after a term it links (`SUV
# (专区)车型`, `奥迪A6L（报价 图片 论坛）`): the site's own sections, left as plain text when the
# story is reprinted. A bracket holding only such words is page furniture, not the writer's;
# `图片`/`图库` count only beside another label (`（图片）` alone can be the writer's).
_KEYWORD_LABEL = r"(?:专区|專區|报价|報價|询价|詢價|论坛|論壇|参数|參數|配置|口碑|车型库|車型庫)"
_KEYWORD_LABELS = re.compile(
    rf"[ \u3000]?[（(](?:{_KEYWORD_LABEL}|图片|圖片|图库|圖庫)"
    rf"(?:[ \u3000|｜/、](?:{_KEYWORD_LABEL}|图片|圖片|图库|圖庫)){{0,5}}[)）]"
)
_KEYWORD_LABEL_RE = re.compile(_KEYWORD_LABEL)


def drop_keyword_labels(text: str) -> str:
    """`说到SUV (专区)车型…` → `说到SUV车型…`: a keyword widget's labels in brackets go."""
    if "(" not in text and "（" not in text:
        return text
    return _KEYWORD_LABELS.sub(_keyword_label_or_text, text)


def _keyword_label_or_text(match: re.Match) -> str:
    return "" if _KEYWORD_LABEL_RE.search(match.group(0)) else match.group(0)


SPACED_SHARE = 0.8


def unspace_letters(text: str) -> str:
    """Letter-spaced text (`一 名 休 班 警 涉 嫌 …`, `凌 晨 約 3 時 ，`: a space typed after
    every character, an old typesetting habit) read as written: the spaces beside CJK
    characters go. Only when most CJK characters stand apart so; ordinary text, where a
    space beside a CJK character is rare, is returned as it is."""
    cjk = re.findall(f"[{_CJK_MARK}]", text)
    if len(cjk) < MIN_SPACED_CHARS:
        return text
    apart = len(re.findall(f"[{_CJK_MARK}](?= [^ ])", text))
    if apart < SPACED_SHARE * (len(cjk) - 1):
        return text
    return _SPACED_PAIR.sub("", text)


# Blanks a browser prints at a line's start: non-breaking spaces (two or more) or an
# ideographic space, after any source whitespace (which prints nothing there).
_PRINTED_INDENT = re.compile(r"[ \t\r\n]*(?:\u3000|\u00a0[ \u00a0]*\u00a0)")


# The label of a control that folds or unfolds a box (a video player, a long panel); the
# words are page commands too (`content.is_control`).
_FOLD_TOGGLES = frozenset("收起 展开 展開".split())


def _holds_toggle(parts: list[str], controls: set[int]) -> bool:
    return any(re.sub(r"\s", "", parts[k]) in _FOLD_TOGGLES for k in controls)


MAX_MARKED_AUTHOR_CHARS = 40
_AUTHOR_MARKER = re.compile(r"author|reporter|byline|writer|journalist", re.IGNORECASE)
# a commenter's or a user's name box, a picture of the author: not the story's byline
_NOT_AUTHOR_MARKER = re.compile(r"comment|reply|review|user|avatar|pic|img|photo", re.IGNORECASE)


# A site's page of one writer: a path segment naming writers, then the writer's id or slug
_AUTHOR_PAGE = re.compile(
    r"/(?:author|authors|reporter|reporters|writer|writers|columnist|users)/[^/?#\s]+/?(?:[?#]|$)",
    re.IGNORECASE,
)


def _author_marked(tag) -> bool:
    """Markup that says its text is the author: `<a rel="author">`, `itemprop="author"`,
    `<span class="author">`, `<div class="rp_name reporter">`, `<address>`."""
    if tag.name == "address":
        return (
            True  # HTML's element for the contact of the article's author (`<address>X</address>`)
        )
    rel = tag.get("rel")
    if rel and "author" in (rel if isinstance(rel, list) else str(rel).split()):
        return True
    if "author" in str(tag.get("itemprop") or "").split():
        return True
    if tag.name == "a" and _AUTHOR_PAGE.search(str(tag.get("href") or "")):
        return True  # a link to the writer's page (`/author/4561`, `/reporter/60176`)
    return marks_author(" ".join(tag.get("class") or []) + " " + str(tag.get("id") or ""))


def marks_author(marker: str) -> bool:
    """A class or id that calls its element the author's (`author`, `rp_name reporter`), not a
    commenter's or a user's box or a picture of the writer."""
    return bool(_AUTHOR_MARKER.search(marker)) and not _NOT_AUTHOR_MARKER.search(marker)


def _join_parts(parts: list[str]) -> str:
    """The line's text; a clock time and a date that meet across elements
    (`<span>15:31</span><span>2018/09/16</span>`) are separated, as the page shows them."""
    if len(parts) < 2:
        return "".join(parts)
    out = [parts[0]]
    for part in parts[1:]:
        if (
            part[:1] in _DIGITS
            and out[-1][-1:] in _DIGITS
            and (_CLOCK_END.search(out[-1]) or _DATE_START.match(part))
        ):
            out.append(" ")
        out.append(part)
    return "".join(out)


_DIGITS = frozenset("0123456789")
_CLOCK_END = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?$")
_DATE_START = re.compile(r"(?:19|20)\d{2}\s*[-/.年]")
MAX_LABEL_CHARS = 12


def _label_so_far(parts: list[str]) -> bool:
    """The line so far is a short label waiting for its value (`来源：`)."""
    if not parts:
        return False
    label = "".join(parts).strip()
    return 0 < len(label) <= MAX_LABEL_CHARS and label[-1] in "：:"


def _holds_prose(tag) -> bool:
    text = tag.get_text()
    return len(text) >= 40 and bool(re.search(r"[，。！？；]", text))


def _enter(child, name: str, state: dict, flush, blocks: list[Block]):
    """Update walker state on entering a tag; return the callable that restores it."""
    style = child.get("style")
    is_block = name in _BLOCK_TAGS or bool(style and _DISPLAY_BLOCK.search(style))
    small = _caption_styled(child, name, style)
    classes = " ".join(child.get("class") or []) + " " + str(child.get("id") or "")
    caption_box = bool(_CAPTION_CLASS_RE.search(classes)) and _caption_sized(child)
    figure = (
        (name == "figure" and not _table_figure(child))
        or name == "figcaption"
        or caption_box
        or (
            (name in _FIGURE_TAGS or bool(_FIGURE_CLASS_RE.search(classes)))
            and _figure_sized(child)
            and not _captions_apart(child)
        )
    )
    small = small or int(caption_box)
    is_block = is_block or caption_box  # a caption is a line of its own, even in a <span>
    heading = int(name[1]) if re.fullmatch(r"h[1-6]", name) else 0
    quote = name == "blockquote"
    bold = name in ("strong", "b")
    # (a headline wrapped in an anchor with no address, `<h1><a title="永久链接：…">…</a></h1>`,
    # is no link; out of headings such an anchor is a script's button, `<a>我要分享</a>`)
    link = name == "a" and (child.has_attr("href") or not (heading or state["heading"]))
    if link and (child.get("href") or "").strip() in ("", "#") and child.find(_HEADLINE_TAGS):
        link = False  # `<a href=""><h1>…</h1></a>`: the headline wrapped in a link to nowhere
    previous_small = state["small"]
    if is_block:
        flush()
        state["next_id"] += 1
        state["path"].append(state["next_id"])
        state["small"] = small  # a block's own look, not its page column's (`<div align=center>`)
    else:
        state["small"] += small
    if name == "article":
        blocks.append(Block("boundary", dom_path=tuple(state["path"])))
    state["figure"] += figure
    state["quote"] += quote
    state["bold"] += bold
    state["link"] += link
    if link:
        state["link_id"] = state.get("link_id", 0) + 1
    previous_heading = state["heading"]
    if heading:
        state["heading"] = heading

    def undo() -> None:
        if is_block:
            flush()
            state["path"].pop()
        state["figure"] -= figure
        state["quote"] -= quote
        state["bold"] -= bold
        state["link"] -= link
        state["heading"] = previous_heading
        state["small"] = previous_small

    return undo


def _table_figure(figure) -> bool:
    """`<figure class="table"><table>…</table></figure>`: a table set as a figure, no
    picture in it. Its cells are lines of the story's text, not a caption (its own
    <figcaption>, if any, still is)."""
    return figure.find("table") is not None and figure.find("img") is None


_DISPLAY_BLOCK = re.compile(r"display\s*:\s*block", re.IGNORECASE)
_SMALL_STYLE = re.compile(
    r"text-align\s*:\s*center|font-size\s*:\s*(?:x{0,2}-?small|smaller|(?:[0-9]|1[0-3])(?:\.\d+)?px"
    r"|0?\.\d+\s*r?em|(?:[0-9]|10)(?:\.\d+)?pt)",
    re.IGNORECASE,
)


# A class token that names centred text (`center`, `f_center`, `text-center`, `txt_centre`);
# only a line-sized element counts, so a page column named `center` is no caption look.
_CENTRED_CLASS = re.compile(r"(?:^|[-_])(?:center|centre)$", re.IGNORECASE)


def _caption_styled(child, name: str, style) -> int:
    """Small or centred text, the look of a caption: <small>, <figcaption>, <center>,
    `align=center`, a centring class on a line-sized element, `<font size=2>`, an inline
    centred or small font size."""
    if name in ("small", "figcaption", "center"):
        return 1
    if style and _SMALL_STYLE.search(style):
        return 1
    align = child.get("align")
    if align and str(align).lower() == "center":
        return 1
    classes = child.get("class") or []
    if any(_CENTRED_CLASS.search(c) for c in classes) and _caption_sized(child):
        return 1  # `<p class="f_center">`, `text-center`: a stylesheet's centred line
    if name == "font":
        return int(str(child.get("size") or "").strip() in ("1", "2", "-1", "-2"))
    return 0


MAX_FIGURE_TEXT = 200
# A class that names a caption (`img-caption`, `caption`, `figcaption`, `pic-desc`): the
# caption of a picture even when the picture is a lazy-load placeholder with no <img> yet.
_CAPTION_CLASS_RE = re.compile(
    r"caption|figcap|(?:img|pic|photo|image)[-_]?(?:desc|txt|text|note|intro)", re.IGNORECASE
)


def _caption_sized(element) -> bool:
    """A caption box holds a line or two, never the story's paragraphs."""
    if element.find(["p", "h1", "h2", "h3", "article"]) is not None:
        return False
    return 0 < len(re.sub(r"\s", "", element.get_text())) <= MAX_FIGURE_TEXT


def _captions_apart(element) -> bool:
    """A picture box by class that prints its captions in elements of their own (`<div
    class="lr-caption">`) and a sentence outside them, right inside the box (a page whose
    unclosed `<div>` left the text's next paragraph in the box): the box's captions are
    those elements, and the sentence is text, not one more caption."""
    if not any(
        _CAPTION_CLASS_RE.search(" ".join(tag.get("class") or []))
        for tag in element.find_all(True, limit=200)
    ):
        return False
    loose = [str(text) for text in element.find_all(string=True, recursive=False)]
    loose += [p.get_text() for p in element.find_all("p", limit=50) if not _in_caption(p, element)]
    return any(
        (len(_WS_RE.sub("", text)) >= MIN_TEXT_PARAGRAPH_CHARS and ends_sentence(text.strip()))
        or content.credit_line(text.strip())
        for text in loose
    )


def _in_caption(tag, box) -> bool:
    """`tag` sits in an element of `box` that a class names a caption."""
    for up in tag.parents:
        if up is box or up is None:
            return False
        if _CAPTION_CLASS_RE.search(" ".join(up.get("class") or [])):
            return True
    return False


def _figure_sized(element) -> bool:
    """A picture box by size, not by name: a class like `jsTopicTheme` or a <center> that
    wraps a whole old-style page is not a figure; a figure holds an image and little text."""
    if element.find("img") is None:
        return False
    return len(re.sub(r"\s", "", element.get_text())) <= MAX_FIGURE_TEXT


def _strip_chrome(soup, page_title: str | None = None) -> None:
    """Remove navigation, footers, menus … unless the element holds the article text, or
    the headline: a heading repeating the page's <title> (`page_title`, site name cut), as
    in `<div class="header_wrap"><h2 class="header_title">…</h2>`, is the story's, whatever
    its class says.

    Runs in linear time on deep trees: removed subtrees are remembered instead of asking
    each element whether an ancestor was removed.
    """
    removed: set[int] = set()
    checked = 0
    title_key = re.sub(r"\s", "", page_title or "")
    page_chars: list[int] = []  # the page's text size, measured once when a form asks
    for element in list(soup.find_all(True)):
        if id(element) in removed or element.attrs is None:
            continue
        name = (element.name or "").lower()
        if name == "img":
            continue  # a picture's utility classes (`top-0`) say where it sits, not what it is
        marker = " ".join(element.get("class") or []) + " " + str(element.get("id") or "")
        if (
            name in ("ol", "ul")
            and _COMMENT_LIST_RE.search(marker)
            and not element.find(["h1", "article"])
        ):
            # reader comments: a comment may paste a whole other article, prose and all
            removed.update(id(d) for d in element.descendants)
            element.extract()
            continue
        chrome = name in ("nav", "footer", "aside", "header", "form") or (
            marker.strip() and _CHROME_RE.search(marker) and not _BYLINE_BOX_RE.search(marker)
        )
        if not chrome or checked >= _MAX_CHROME_CHECKS or _inline_in_text(element):
            continue
        checked += 1
        if not _site_footer(element, name, marker) and (
            _holds_content(element)
            or _holds_byline(element)
            or _holds_title_heading(element, title_key)
        ):
            continue
        if name == "form" and _wraps_page(element, page_chars, soup):
            continue  # an ASP.NET page wraps the whole page, story and all, in one <form>
        if name == "footer" or _FOOTER_WORDS.search(marker):
            for credits in _footer_credit_lists(element):
                element.insert_before(credits.extract())  # the story's credits stay
        removed.update(id(d) for d in element.descendants)
        element.extract()


_MAX_CHROME_CHECKS = 2000
_FOOTER_WORDS = re.compile(r"(^|[\s_-])(footer|foot|copyright)($|[\s_-])", re.IGNORECASE)
_RIGHTS_LINE = re.compile(
    r"Copyright|©|版权所有|版權所有|ICP(?:备|備|证|證)|All Rights Reserved", re.I
)
MAX_FOOTER_CHARS = 400


MIN_CREDIT_ITEMS = 2
MAX_CREDIT_ITEM_CHARS = 40


def _footer_credit_lists(footer) -> list:
    """The story's credit list printed in the page's footer, as a one-story campaign or
    feature page does (`<ul><li><b>記者　</b>陳莉雅</li><li><b>攝影　</b>陳焯煇</li>…</ul>`
    above the copyright line): a list whose short items are nearly all role-and-name credits
    and name a writer. Its credits are the story's; the rest of the footer is the site's."""
    found = []
    for listing in footer.find_all(["ul", "ol", "dl"], limit=20):
        items = [
            _WS_RE.sub(" ", item.get_text(" ", strip=True))
            for item in listing.find_all(["li", "dd"], recursive=False)
        ]
        if len(items) < MIN_CREDIT_ITEMS or any(
            not item or len(item) > MAX_CREDIT_ITEM_CHARS for item in items
        ):
            continue
        credits = [parse_byline_line(item) for item in items]
        named = [c for c in credits if c is not None]
        writers = [a for c in named for a in c.authors if c.kind == "byline"]
        if writers and 3 * len(named) >= 2 * len(items):
            found.append(listing)
    return found


def _site_footer(element, name: str, marker: str) -> bool:
    """The site's footer (`<div class="footer">` or `<footer>`): short, and holding the site's
    copyright or licence line. Its address and telephone lines (`亚洲太平洋观光社；地址：…`,
    `电话：…；传真：…，Email：…`) are the publisher's, however long: not a paragraph that
    keeps the box."""
    if name != "footer" and not _FOOTER_WORDS.search(marker):
        return False
    text = element.get_text(" ", strip=True)
    return len(text) <= MAX_FOOTER_CHARS and bool(_RIGHTS_LINE.search(text))


def _inline_in_text(element) -> bool:
    """An inline element inside a sentence (`禁止<span class="article-content-tag-links"><a>
    未成年</a></span>接受…`: a keyword linked to its tag page): its words are the sentence's,
    whatever its class says. Inline: not a block element, a word or a phrase
    (`MAX_INLINE_WORD_CHARS`), and its parent's own text around it is prose (a clause mark);
    a header row printed in a `<span class="header">` beside other labels is still chrome."""
    from bs4 import Comment, NavigableString

    if element.name in _BLOCK_TAGS or element.parent is None:
        return False
    if len(_WS_RE.sub("", element.get_text())) > MAX_INLINE_WORD_CHARS:
        return False
    own = "".join(
        str(child)
        for child in element.parent.children
        if isinstance(child, NavigableString) and not isinstance(child, Comment)
    )
    return bool(_CLAUSE_MARK.search(own))


MAX_INLINE_WORD_CHARS = 20


def _holds_title_heading(element, title_key: str) -> bool:
    """The element is or holds a heading that repeats the page's <title> (`title_key`,
    whitespace removed): the story's headline (an <h1> is already kept by `_holds_content`)."""
    if len(title_key) < MIN_HEADLINE_KEY_CHARS:
        return False
    headings = [element] if element.name in _HEADINGS else element.find_all(_HEADINGS, limit=20)
    return any(content.same_title(re.sub(r"\s", "", h.get_text()), title_key) for h in headings)


MIN_HEADLINE_KEY_CHARS = 4
MAX_BYLINE_BOX_CHARS = 120
# `janus 發表於 2024年9月26日 08:27`: who posted the story and when
# The verbs of a posting line (`X 發表於 DATE`); zhnews.parse.assemble reads the poster with them
POSTING_VERB = r"(?:發表於|发表于|發佈於|发布于|發文於|发文于|[Pp]osted\s+on)"
POSTED_BY = re.compile(POSTING_VERB + r"\s*(?:19|20)\d{2}\s*[年/\-.]")


def _holds_byline(element) -> bool:
    """A short box named like chrome (`post-header-additional`) that holds the story's
    byline: a posting line (`X 發表於 2024年9月26日 08:27`), the story's desk credits
    (`澎湃新闻编辑 X 校译 Y` beside `责任编辑：Z` in a `header_source` box) or an element that
    markup calls the author (`itemprop=author`) beside the date. Its words are few; a site
    header or a menu prints more."""
    if element.name in ("nav", "footer"):
        return False
    text = element.get_text(" ", strip=True)
    if not text or len(text) > MAX_BYLINE_BOX_CHARS:
        return False
    if POSTED_BY.search(text) or _EDITOR_CREDIT.search(text):
        return True
    return any(_author_marked(tag) for tag in element.find_all(True, limit=40)) and bool(
        re.search(r"(?:19|20)\d{2}\s*[年/\-.]\s*\d{1,2}", text)
    )


# `责任编辑：杨一`, `責任編輯：X`: the credit of the story's desk editor, printed nowhere else
_EDITOR_CREDIT = re.compile(r"(?:责任编辑|責任編輯|责编|責編)\s*[：:]\s*[\u4e00-\u9fff]{2}")


# A list named for comments (`commentlist`, `comment-list`, `comments`): the readers' comments
# under a post, removed even when a comment holds paragraphs of prose.
_COMMENT_LIST_RE = re.compile(r"comment", re.IGNORECASE)


# The fallback copy of an embedded social post, printed until the platform's script replaces
# it with the player or card (`<div class="fb-video"><blockquote class="fb-xfbml-parse-ignore">`
# title, post text, `Posted by X on Wednesday, July 1, 2020`; `<blockquote class="twitter-tweet">`): the post
# as the platform shows it, not the story's text.
_SOCIAL_EMBED_CLASS = re.compile(
    r"^(?:fb-xfbml-parse-ignore|fb-post|fb-video|twitter-tweet|twitter-video|instagram-media"
    r"|tiktok-embed)$"
)


# An embedded post's fallback copy known by what it prints, whatever its class: a quote
# signed `— Global Times (@globaltimesnews)` and closed by a link to the post itself
# (`twitter.com/…/status/1696929786860625936`, `instagram.com/p/…`).
_POST_PERMALINK = re.compile(
    r"^https?://(?:www\.|mobile\.)?(?:twitter\.com|x\.com)/\w+/status/\d+"
    r"|^https?://(?:www\.)?instagram\.com/(?:p|reel)/[\w-]+"
)
_POST_SIGNATURE = re.compile(
    r"(?:^|\s)(?:—|&mdash;|-)\s*[^\n()]{1,60}\(@\w{1,30}\)|shared by|分享的贴文|分享的貼文"
)


def _signed_post_quote(element) -> bool:
    """A `<blockquote>` that is an embedded post's fallback copy (`_POST_PERMALINK`)."""
    if element.name != "blockquote":
        return False
    links = element.find_all("a", href=True)
    if not links or not _POST_PERMALINK.match(links[-1]["href"]):
        return False
    return bool(_POST_SIGNATURE.search(element.get_text(" ")))


_CHOICE_INPUTS = ("radio", "checkbox")


def _choice_input(tag) -> bool:
    return (
        tag is not None
        and tag.name == "input"
        and (tag.get("type") or "").lower() in _CHOICE_INPUTS
    )


def _choice_label(label) -> bool:
    """A form's `<label>` of a radio button or a check box (`<input type="radio"
    id="accusation1">` / `<label for="accusation1">违反法律法规</label>`: a report dialog's
    reasons, a poll's answers): the form's wording, never the story's text."""
    inner = label.find("input")
    if inner is not None:
        return _choice_input(inner)
    target = label.get("for")
    if target is None:
        return _choice_input(label.find_previous_sibling())
    root = label
    while root.parent is not None:
        root = root.parent
    return _choice_input(root.find("input", id=target))


def _strip_social_embeds(soup) -> None:
    """Remove the embedded posts' fallback copies (`_SOCIAL_EMBED_CLASS`) and the paywall
    notices printed inside the text (`_PAYWALL_RE`)."""
    from bs4 import Tag

    tags = [element for element in soup.descendants if isinstance(element, Tag)]
    embeds = [
        element
        for element in tags
        if _class_matches(element, _SOCIAL_EMBED_CLASS) or _signed_post_quote(element)
    ]
    for element in embeds:
        if element.attrs is not None and not _holds_headline(element):
            element.extract()
    if embeds:  # what is left of the tree
        tags = [element for element in soup.descendants if isinstance(element, Tag)]
    for element in [element for element in tags if _class_matches(element, _PAYWALL_RE)]:
        if element.attrs is not None and _paywall_notice(element):
            element.extract()


def _strip_teaser_cards(soup, page_title: str | None) -> None:
    """Remove the cards of other pages set inside the story (`<article class="teaser-card">
    <h2>相关内容</h2><h3>时事通讯：瑞士媒体里的中国</h3><p>如果你订阅了…</p><a href=…>更多阅览
    时事通讯：瑞士媒体里的中国</a></article>`): a heading whose card, the smallest element
    around it that also holds a link out repeating the heading's words, has little text of
    its own besides (a teaser's excerpt, `MAX_TEASER_OWN_CHARS`). The card is another page's
    headline and lead, not a subhead of this story and not a story of its own. The story's
    headline (the page's <title> again) and an element holding a paragraph of prose beyond
    one excerpt are never a card. Only a card the story's text goes on after is taken out:
    a list of cards after the text (related stories, a rail) is where the story ends, and
    the story's end is found by its headings."""
    title_key = re.sub(r"\s", "", page_title or "")
    for heading in soup.find_all(_CARD_HEADINGS, limit=200):
        if heading.parent is None or heading.find_parent("a") is not None:
            continue  # removed with an earlier card; a linked headline is `_teaser_headline`'s
        key = _WS_RE.sub("", heading.get_text())
        if len(key) < MIN_HEADLINE_KEY_CHARS or (title_key and content.same_title(key, title_key)):
            continue
        card = _teaser_card(heading, key)
        if card is not None and (_prose_follows(card) or _labelled_related(card, heading)):
            card.extract()


_CARD_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
MAX_TEASER_OWN_CHARS = 200
MAX_CARD_LEVELS = 4


# A class or id token naming the page's summary box (`<div class="desc">`, `post-summary`,
# `article_abstract`, `zhaiyao`, `daodu` 导读) or its deck (`article__subTitle`, `standfirst`),
# whole tokens between `-`/`_`/digits.
_SUMMARY_WORDS = (
    "desc|description|summary|abstract|digest|zhaiyao|daodu|subtitle|sub-title|deck|standfirst"
)
_SUMMARY_MARKER = re.compile(rf"(?:^|[\s_-])(?:{_SUMMARY_WORDS})(?=$|[\s_\d-])", re.IGNORECASE)
_SUMMARY_MARKUP = re.compile(
    rf"\b(?:class|id)\s*=\s*[\"']?[^\"'>]*?(?:{_SUMMARY_WORDS})", re.IGNORECASE
)
MIN_SUMMARY_CHARS = 20
# A story's opening dateline: an outlet's tag and a dash (`(VOVWORLD) -`, `（ANTARA）—`), a
# bracketed wire dateline (`（中央社台北1日電）`, `【大纪元2018年08月28日讯】`) or a run-in one
# (`新华社北京8月24日电`): the text's first paragraph begins so, a standfirst never does
_OPENS_WITH_DATELINE = re.compile(
    r"\s*(?:[（(]\s*[A-Z][A-Z .]{1,15}[）)]\s*[-—–－]"
    r"|[（(【\[][^）)】\]]{2,24}(?:电|電|讯|訊)\s*[）)】\]]"
    r"|[\u4e00-\u9fff]{2,12}\d{1,2}月\d{1,2}日(?:电|電|讯|訊))"
)
MIN_TEXT_AFTER_SUMMARY = 2  # prose paragraphs beside the box: the story's own text
MIN_TEXT_PARAGRAPH_CHARS = 30


def _summary_boxes(soup, html: str) -> None:
    """The page's summary printed in a box of its own above the text (`<div class="desc">`
    whose words are the page's `<meta name="description">`, the text's `<p>`s beside it) is
    the summary, not the text's first paragraph: the box becomes a `<blockquote>` (a lead
    blockquote is the story's summary). Evidence, all of it: markup names the box a
    summary, it prints exactly the page's description (not a lead the description cuts
    short: a `<p id="summary">` holding the whole text), and its parent holds at least
    `MIN_TEXT_AFTER_SUMMARY` paragraphs of prose outside it (a video page whose one
    paragraph is its description keeps it as text)."""
    descriptions = {
        _WS_RE.sub("", d)
        for d in meta.page_descriptions(html)
        if len(_WS_RE.sub("", d)) >= MIN_SUMMARY_CHARS
    }
    if not descriptions or not _SUMMARY_MARKUP.search(html):
        return

    def marked(tag) -> bool:
        marker = " ".join(tag.get("class") or []) + " " + str(tag.get("id") or "")
        return bool(_SUMMARY_MARKER.search(marker))

    for box in soup.find_all(marked, limit=20):
        if box.name in ("html", "head", "body", "meta") or box.parent is None:
            continue
        if _WS_RE.sub("", box.get_text()) not in descriptions:
            continue
        if _OPENS_WITH_DATELINE.match(box.get_text()):
            continue  # `(VOVWORLD) -联合国…`: the news's lead, dateline first, not a standfirst
        text = [
            p
            for p in box.parent.find_all("p", limit=200)
            if box not in p.parents
            and p is not box
            and len(_WS_RE.sub("", p.get_text())) >= MIN_TEXT_PARAGRAPH_CHARS
        ]
        if len(text) >= MIN_TEXT_AFTER_SUMMARY:
            box.name = "blockquote"


# What an abbreviation's pop-up prints under its term: block content inside an `<abbr>`
# (phrasing content only, by HTML's rules), `<abbr title="《刑法》57條：…"><span>盤點存貨</span>
# <div>《刑法》57條：…</div></abbr>`, a glossary note the page shows on hover.
_ANNOTATION_BLOCKS = ("div", "p", "ul", "ol", "dl", "table", "section", "aside", "blockquote")


def _strip_annotations(soup) -> None:
    """Remove the pop-up notes of glossary terms: the block content of an `<abbr>` (the term
    itself stays in its sentence, which the note's block would have cut in two)."""
    for abbr in soup.find_all("abbr", limit=200):
        for note in abbr.find_all(_ANNOTATION_BLOCKS):
            if note.parent is not None:
                note.decompose()


def _strip_pull_quotes(soup) -> None:
    """Remove the pull quotes set in the text: a `<blockquote>` of a line or two with a
    `<cite>` naming its speaker (`<blockquote class="quote"><p>“变性成了一种生活觉醒方式。”</p>
    <cite>纳迪娅・布罗尼曼</cite></blockquote>`) whose words a paragraph of the story prints
    (`PULL_QUOTE_SHARE` of its character pairs in one paragraph): the quote repeated large as
    a display, not text, and its speaker's name not a line of the story. A quotation the
    text does not repeat (a statement quoted in full) stays."""
    quotes = soup.find_all("blockquote", limit=50)
    if not quotes:
        return
    paragraphs = None
    for quote in quotes:
        cite = quote.find("cite")
        if cite is None or quote.parent is None:
            continue
        name = _WS_RE.sub("", cite.get_text())
        words = _WS_RE.sub("", quote.get_text())
        words = words.replace(name, "", 1) if name else words
        if not name or len(name) > MAX_PULL_QUOTE_NAME or _CLAUSE_MARK.search(name):
            continue
        if not words or len(words) > MAX_PULL_QUOTE_CHARS:
            continue
        if paragraphs is None:
            paragraphs = [
                _WS_RE.sub("", p.get_text())
                for p in soup.find_all("p", limit=2000)
                if p.find_parent("blockquote") is None
            ]
        pairs = han_bigrams(words)
        if pairs and any(
            len(pairs & han_bigrams(text)) >= PULL_QUOTE_SHARE * len(pairs)
            for text in paragraphs
            if len(text) > len(words)
        ):
            quote.extract()


MAX_PULL_QUOTE_NAME = 40
MAX_PULL_QUOTE_CHARS = 120
PULL_QUOTE_SHARE = 0.6


def _labelled_related(card, heading) -> bool:
    """The card names itself a related story: another heading of it, above the card's own
    headline, is a related-links label (`<article><h2>相关内容</h2><h3>在瑞士，…</h3>…<a>更多阅览
    在瑞士，…</a></article>`), so the card is a related story wherever it stands."""
    for other in card.find_all(_CARD_HEADINGS):
        if other is heading:
            return False
        if debris.related_header(other.get_text(" ", strip=True)) is not None:
            return True
    return False


def _prose_follows(card) -> bool:
    """The card's next element beside it is a paragraph of the story's prose."""
    from bs4 import Tag

    for sibling in card.next_siblings:
        if not isinstance(sibling, Tag):
            if str(sibling).strip():
                return False
            continue
        text = sibling.get_text(strip=True)
        if not text:
            continue
        return sibling.name == "p" and _prose(text)
    return False


def _teaser_card(heading, key: str):
    """The card around `heading` (see `_strip_teaser_cards`), or None."""
    element = heading
    for _ in range(MAX_CARD_LEVELS):
        element = element.parent
        if element is None or element.name in ("body", "html", "main"):
            return None
        links = element.find_all("a", href=True, limit=20)
        if not any(key in _WS_RE.sub("", a.get_text()) for a in links):
            continue
        if element.find("h1") is not None:
            return None
        linked = sum(len(_WS_RE.sub("", a.get_text())) for a in links)
        own = len(_WS_RE.sub("", element.get_text())) - linked - len(key)
        return element if own <= MAX_TEASER_OWN_CHARS else None
    return None


def _class_matches(element, pattern: re.Pattern) -> bool:
    """What BeautifulSoup's `find_all(class_=pattern)` asks of a tag, in one walk of the tree
    (cheaper than its generic filter, most of a page's walk): the pattern is found
    in one of its classes, or in all of them joined by spaces."""
    value = element.get("class")
    if value is None:
        return False
    values = value if isinstance(value, list) else [value]
    if any(pattern.search(v) for v in values):
        return True
    return len(values) != 1 and pattern.search(" ".join(values)) is not None


# A paywall's notice box (`BarrierFailsafe__fullBarrier`, `paywall-prompt`): its heading
# (`You’ve hit the wall.`) and button lines are the wall, not a subhead of the story.
_PAYWALL_RE = re.compile(r"paywall|barrier|regwall", re.IGNORECASE)
MAX_PAYWALL_NOTICE_CHARS = 120


def _paywall_notice(element) -> bool:
    """A notice, not the story a site hides behind its wall (`<div class="paywall-content">`
    holding the text's paragraphs)."""
    if element.name in ("body", "html", "article", "main"):
        return False
    return len(_WS_RE.sub("", element.get_text())) <= MAX_PAYWALL_NOTICE_CHARS


def _holds_headline(element) -> bool:
    return element.name in ("h1", "article") or element.find(["h1", "article"]) is not None


def _lead_paragraph(element) -> bool:
    """A paragraph of prose named only for the page's top (`<p class="header_desc">`: the
    story's lead printed in its header box); one named for a footer, copyright or share bar
    is that furniture's text (`<p id="copyright_2014">…版權所有，不得轉載。…</p>`)."""
    marker = " ".join(element.get("class") or []) + " " + str(element.get("id") or "")
    words = {t.lower() for t in re.split(r"[\s_-]+", marker) if _CHROME_RE.fullmatch(t)}
    return words <= _TOP_WORDS and len(element.get_text(strip=True)) >= MIN_CONTENT_P_CHARS


_TOP_WORDS = frozenset({"header", "head", "top"})
MIN_CONTENT_P_CHARS = 40


def _holds_content(element) -> bool:
    """The element is or holds the headline, the article element or a paragraph of prose
    (`<h1 id="lead-header">` is the headline, whatever its id says; `<p class="header_desc">`
    with a sentence in it is a paragraph, whatever its class says)."""
    if element.name in ("h1", "article") or element.find(["h1", "article"]):
        return True
    if element.name == "p":
        return _lead_paragraph(element)
    for paragraph in element.find_all("p", limit=200):
        if len(paragraph.get_text(strip=True)) >= MIN_CONTENT_P_CHARS:
            return True
    return _holds_loose_prose(element)


_LINK_OR_CODE = ("a", "script", "style", "option", "textarea", "select")


def _holds_loose_prose(element) -> bool:
    """Two lines of prose printed outside <p> (a story of `<br>`-split lines in a <span>):
    a box named for chrome that the page's markup never closed (`<div class="share">` …
    `<span id="content">本市今年夏季持續高溫，…`) holds the story itself. Link text
    (teasers, share links) and reader comments do not count."""
    if element.name in ("nav", "footer", "aside", "header", "form"):
        return False  # named chrome by its tag, not by a class the markup may have left open
    marker = " ".join(element.get("class") or []) + " " + str(element.get("id") or "")
    if _COMMENT_LIST_RE.search(marker):
        return False
    lines = 0
    for count, string in enumerate(element.find_all(string=True)):
        if count >= _MAX_LOOSE_STRINGS:
            return False
        text = string.strip()
        if not _prose(text):
            continue
        if string.find_parent(_LINK_OR_CODE) is not None:
            continue
        lines += 1
        if lines >= 2:
            return True
    return False


_MAX_LOOSE_STRINGS = 3000


PAGE_FORM_SHARE = 0.5


def _wraps_page(form, page_chars: list[int], soup) -> bool:
    """A <form> holding most of the page's text is the page (ASP.NET wraps every page in
    `<form id="form1">`), not a search or login box, whatever its paragraphs look like
    (`<div>` text split by `<br>` has no <p> for `_holds_content` to find)."""
    if not page_chars:
        page_chars.append(len(_WS_RE.sub("", soup.get_text())))
    own = len(_WS_RE.sub("", form.get_text()))
    return own > 0 and own >= PAGE_FORM_SHARE * page_chars[0]


_WS_RE = re.compile(r"\s+")
