"""Blocks → articles: classification, article boundaries, subheads, bylines, column breaks.

Decisions (each from layout shape, never from known strings):
- Boilerplate: footer navigation (`返回…` links), share/print lines → dropped.
- Debris (parse/debris.py: null, hashtags, disclaimers, promos, widgets …), related-link
  headers and the linked headlines under them, archive page headers (`第4版()`), a Markdown
  post's footer (the sections after a thematic break that opens with debris or a credit) and
  the title printed again at the top or end of the text → never paragraphs.
- Credit lines (`记者 X`, `责任编辑：Y`, `（编辑 Y）`) → bylines; editors go to `Article.editor`
  (责任编辑 outranks 编辑), never to authors; credits glued to a paragraph's end are split off
  (bare names only from the last paragraph); run-in bylines are split off one of the first
  three paragraphs; a names-only line in the byline block above the text is the byline.
- `文章来源：X` / `来源：X` → publisher; a short line with a date (and 来源/作者/时间), a
  timestamp + newsroom line or a print-edition line (`《光明日报》（…02版）`) → page meta.
- A blockquote before any body paragraph is the summary; a later one is a quoted passage (body).
- Captions by evidence, never by position alone: `△…`, `图片来源：…`/`图为…`, text inside
  <figure>/<center> or a picture box, or text right under a picture that ends with a picture
  credit (`…新华社记者 才扬 摄`, `（圖／…）`), or is shorter than the page's paragraphs and
  printed small or centred, or shares its element with the picture alone, or sits between
  the picture and the story's run-in lead (`南方网讯 …`).
- Date lines (`find_dates` positions): a date with only times, weekdays, update notes, a site
  name or a name beside it (`一九四六年五月十五日`, `AUTO.SOHU.COM 2005年05月13日14:15`,
  `谢若含2017-03-01 14:27:02` → byline) is page metadata; a dateline standing alone
  (`TNW中文站 10月14日报道`) names nobody and is not text.
- Article boundaries on multi-article pages: a run of consecutive headings opens a new
  article when (1) no article is open or the open one was closed by a closing byline,
  (2) the run contains a heading at the page's title level, (3) the run is followed by a
  byline (box or run-in), or (4) the section under it ends with a closing byline. Otherwise
  its headings are subheads. In a new article the highest-ranked heading of the run is the
  title, headings above it the kicker, below it the subtitle.
- Companion stories (`_companion_headlines`): inside an article block, a bold line shaped
  like a headline, after text that ends a sentence and under a page heading, right above a
  byline (`本报记者 李四`) or a run-in credit (`本报讯（记者 李四）…`) is the headline of a
  second story; its credit is split off its lead. So is one right above a lead opening with
  a dispatch's dateline naming nobody (`新华社北京5月5日电　…`, `本报讯 …`), and, on a page
  whose first story opens with its title over its credit, a plain headline-shaped line of a
  later article box (outside the element of the text above) right above a credit (e-paper
  boxes whose `<div class="title">` is no heading element).
- Untitled dispatches (`_opens_dispatch`): a paragraph opening with a dispatch's run-in
  credit naming reporters (`本报讯（记者 X）`, `…电（记者 X）`, `（中央社記者…電）`) after a
  story with two or more sentences of its own opens an untitled story; it never joins the
  story above (whose reporters it would otherwise add to). So does the paper's own brief
  mark naming nobody (`本报讯 …`). Under an editor's note (`编者按`) the lead belongs to the
  report the note introduces.
- Boxes and teasers (`_fold_boxes`): a section under a box label (`新闻链接`, `名词解释`,
  `人物档案`) with no byline joins the story before it; a teaser (headline over one short
  line pointing at another page or trailing off, `……（详见A3版）`) is not a story and goes.
- Story sequences (`digest_sections`): a Markdown document of ≥ 3 same-level headings whose
  sections each hold a link-only line to their own web address, with no article prose above
  the first, is cut into one story per heading (the link is the story's URL); subheads of
  a single article carry no such links. `[视频]`-type media labels leave a heading's title.
- Shape subheads: 1–4 consecutive short paragraphs (≤ 24 characters, no sentence or clause
  punctuation) after a finished sentence and before more body → subheads: two lines (a label
  and its heading, `方案1` / `产权投资安全最重要`, or a heading and its deck) stay two; three
  or more bare lines (a heading with a wrapped deck) or the lines of one HTML element (a
  heading wrapped with `<br>`) are one subhead, joined by spaces.
- Column breaks: a body paragraph that does not end a sentence is joined with the next body
  paragraph when nothing (subhead, caption, byline, heading) lies between them.
- Plain-text issue dumps (`bracket_headlines`): when ≥ 3 blocks carry a story headline in
  square brackets on a line of its own (`[龍見辨誣]`; a notice's signature in a second
  bracket, `[出售] [  本館告白]`), each is a top-level headline, even where the soft-wrap
  joiner glued it to the unpunctuated paragraph above; the signature is a credit, not text.
  Page furniture: a `Page N` line and a heading made of numbers only (a dump's file label,
  `1880 - 1 - 4902399`) are page labels, so a story cut by a page break reads on.
- Misplaced paragraphs: on multi-article pages, paragraphs of a long article whose vocabulary
  belongs clearly to a short article on the page are moved to the start of that article
  (flags `misplaced_paragraph` on the source, `relocated_paragraph` on the target).
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from zhnews.model import Article, Author, Paragraph, StockMention
from zhnews.parse import content, debris
from zhnews.parse.blocks import POSTING_VERB, Block, picture_credit_end
from zhnews.parse.bylines import (
    BY_LABEL,
    PHOTO_ROLE,
    TRANSLATOR_ROLE,
    Byline,
    after_media,
    byline_before_stamp,
    credits_in_meta,
    names_a_desk,
    parse_bio_credit,
    parse_byline_line,
    parse_credit_line,
    parse_field_credits,
    parse_name_then_role,
    parse_outlet_credit,
    parse_provenance_writer,
    parse_wire_credit,
    place_name,
    split_run_in,
    split_trailing_credit,
    strict_names,
    title_pen_name,
)
from zhnews.parse.meta import ZONE_NAMES, DateMatch, english_day, find_dates, parse_date_text
from zhnews.text import ends_sentence, han_bigrams, join_fragments


@dataclass
class Item:
    # heading|body|subhead|caption|byline|source|meta|url|boilerplate|quote|image|boundary|
    # debris (scraper/site debris, see parse/debris.py)|related (related-links header)|
    # page (archive page header)|rule (Markdown thematic break; gone after `classify`)
    kind: str
    text: str = ""
    level: int = 0
    byline: Byline | None = None
    publisher: str | None = None
    date: datetime | None = None
    stocks: list[StockMention] = field(default_factory=list)
    bold: bool = False
    links: bool = False  # mostly link text (a Markdown link line, an HTML anchor run)
    dom_path: tuple = ()  # HTML: the block's enclosing elements (see `Block.dom_path`)
    after_rule: bool = False  # a thematic break stands above it: never joined to the line above
    indented: bool = False  # the line opens with an indent (see `Block.indented`)
    set_apart: bool = False  # a line of its own (see `Block.set_apart`)
    in_blockquote: bool = False  # HTML: printed inside a <blockquote>


_BOILERPLATE_RE = re.compile(
    r"^(?:(?:\[?返回[^｜|\]]{0,24}\]?(?:\([^)]*\))?\s*[｜|/·]?\s*)+"
    r"|(?:上一篇|下一篇|上一页|下一页)[：:].*|分享到.{0,40}|【?\s*(?:打印|关闭|关闭窗口|打印本页|收藏)\s*】?.{0,20}"
    r"|(?:责任编辑|责编|编辑|校对|审核|值班编辑)\s*[：:].{0,30}|【\s*字号.{0,20}】?|扫一扫.{0,40}"
    r"|(?:版权所有|Copyright|©).{0,120}|相关(?:新闻|阅读|文章|链接)[：:]?|点击(?:进入|查看|阅读).{0,30}"
    r"|(?:首页|主页)(?:\s*[>›»/｜|]\s*[^\s]{1,12})+)$",
    re.IGNORECASE,
)
_SOURCE_RE = re.compile(
    r"^[（(]?\s*(?:文章|稿件|新闻|新聞|消息)?(?:来源|來源|稿源)\s*[：:]\s*(?P<pub>[^（）()]{1,40}?)\s*[)）]?$"
)
# `新闻来源：BBC、美联社、TheConversation、英国《卫报》，部分图片来源网络`: the sources a roundup
# drew on, listed under its text (no sentence: a list of names)
_SOURCES_LIST = re.compile(
    r"^[（(]?\s*(?:新闻|新聞|资料|資料|信息|資訊|资讯|参考|參考|内容|內容)"
    r"(?:(?:及|和|与|與)(?:图片|圖片|照片))?(?:来源|來源)\s*[：:]"
    r"[^。！？!?：:]*[、,，][^。！？!?：:]*[)）]?$"
)
MAX_SOURCES_LIST_CHARS = 160
# `来源：巴彦淖尔日报   编辑：苏亮`: the source line also carries the credits (the label's
# colon marks where they start, also when the two spans are joined: `来源：X报责任编辑：Y`)
_SOURCE_CREDITS = re.compile(
    r"^[（(]?\s*(?:本文|文章|稿件|新闻|新聞)?(?:来源|來源|稿源)\s*[：:]\s*(?P<pub>[^\s（）()]{1,30}?)\s*"
    r"(?P<credits>(?:(?:作者|编辑|責任編輯|责任编辑|责编|記者|记者|撰稿|編輯)\s*[：:]"
    r"|(?:记者|記者|通讯员|通訊員)\s+(?=[\u4e00-\u9fff])).{1,40}?)\s*[)）]?$"
)
_DATE_LABEL = re.compile(
    r"^(?:(?:发表|发布|發布|發表|发稿|發稿|更新|出版|刊出)(?:时间|時間|日期)|最后更新|最後更新|最新更新"
    r"|更新[于於])\s*(?:[：:]|(?=\d))"
)
# A byline, then a labelled time stamp (`王小明／台北報導 發布時間：2023-08-24 12:31`), and
# maybe more of them (`更新時間：…`), as one line: the header's meta row, not text.
_BYLINE_THEN_STAMPS = re.compile(
    r"^(?P<byline>[^：:。！？，]{2,40}?)\s*(?P<stamps>(?:(?:发布|發布|發佈|发表|發表|更新|最後更新|最后更新)"
    r"(?:时间|時間|日期)\s*[：:]\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
    r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*)+)$"
)
# `光明网`, `中央社 澎湖縣28日電`: the newsroom (and dateline) printed after a timestamp
_MEDIA_NAME = re.compile(
    r"(?:[\u4e00-\u9fffA-Za-z0-9]{0,4}[\u4e00-\u9fffA-Za-z]{1,10}(?:网|網|报|報|社|台|新闻|新聞|日报|日報|客户端|客戶端))?"
    r"(?:\s*[\u4e00-\u9fff]{1,8}\d{1,2}日(?:專|专)?(?:電|电|訊|讯))?"
)
_LEADING_STAMP = re.compile(
    r"^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*"
)
# (a view counter's label may be a compound: `浏览次数：19`, `阅读量：`, `點擊數：`)
_META_KEYS = re.compile(
    # (with their traditional forms: `編輯：江純力 責編：海源 2024-04-03 14:06`)
    r"(来源|來源|稿源|作者|发布时间|發布時間|發佈時間|时间|時間|日期|编辑|編輯|责编|責編|字号|字號"
    r"|(?:浏览|瀏覽|阅读|閱讀|点击|點擊)(?:次数|次數|量|数|數)?)\s*[：:]"
)
_PUBLISHER_IN_META = re.compile(r"(?:来源|來源|稿源)\s*[：:]\s*(?P<pub>[^\s\u3000|｜（）()]+)")
_CAPTION_RE = re.compile(
    r"^[（(]?\s*(?:图片来源|图像来源|圖片來源|圖像來源|图片|圖片|图源|圖源|图为|圖為|资料图片?|資料圖片?"
    r"|供图|供圖|图\s*[：:]|圖\s*[：:]|视频截图|視頻截圖|影片截圖|题图|題圖|頭圖|头图|图片来自|圖片來自"
    # `图像加注文字，…`: the label a caption is printed under for screen readers
    r"|图像加注文字|圖像加註文字|圖像加注文字"
    # `封面图片来源：视觉中国-VCG…`: where the story's cover picture is from
    r"|封面(?:图片|圖片|图|圖)(?:来源|來源)?\s*[：:])"
)
# `▲…`, `△…`: a caption under its picture; `▼…`: a caption over the picture below it
_CAPTION_MARK = "△▲▼▽"
# A caption printed as a paragraph: opened by `图：`/`圖：` (`图：美军23日在立陶宛参加阅兵式。
# \美联社`), or a sentence closed by the picture's bracketed credit (`…在法庭外举行集会。
# （美联社图）`, `（资料图）`, `（网络图片）`). No paragraph of the dev set's gold has either shape.
_PRINTED_CAPTION = re.compile(
    r"^[图圖](?:片)?\s*[：:]\s*\S"
    r"|^.{2,100}?[。！？!?]\s*[（(][^（()）]{0,12}(?:图|圖|图片|圖片)[)）]$"
    # `…与时任美国总统特朗普交谈。 视觉中国`: a picture agency's credit closing the line
    r"|^.{2,120}?[。！？!?”]\s+(?:视觉中国|視覺中國|图虫创意|圖蟲創意|东方IC|東方IC|CFP|IC photo"
    r"|Getty Images|GettyImages)$"
    # `特朗普与马斯克资料图`: a short line naming a file picture, no sentence (and its agency:
    # `布丽吉特资料图 新华社/美联`)
    r"|^[^。！？!?，,]{2,30}(?:资料图|資料圖|资料照片|資料照片|资料图片|資料圖片)"
    r"(?:\s+[^\s。！？!?，,]{2,16})?$"
)
# `来自微博`, `来自Garn Press`: where the picture above comes from
_FROM_CREDIT = re.compile(
    r"(?:来自|來自|图片来自|圖片來自|图源|圖源)\s*[^\s。！？!?，,][^。！？!?，,]{0,24}"
)
# `《光明日报》（ 2022年02月13日 02版）`: the print edition a web copy comes from.
# A reprint's printed source as a line of its own: the paper, and the day and/or the page it
# ran on, maybe the page's name (`《中国科学报》 (2018-08-09 第3版 国际)`, `《X报》（2022年2月
# 13日 02版）`), maybe said so (`（原载《X报》2018年8月9日第3版）`, `本文刊于《X报》…`)
_PRINT_EDITION = re.compile(
    r"^[（(]?\s*(?:原载|原載|刊于|刊於|本文刊于|本文刊於|载于|載於)?\s*《(?P<pub>[^》]{2,16})》\s*[（(]?\s*"
    r"(?=[^）)]*(?:\d{4}|版))"  # a day or a page, at least
    r"(?:\d{4}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}))?"
    r"\s*(?:第?\s*[A-Z]?\d{1,3}\s*版)?\s*(?:[\u4e00-\u9fff]{2,6})?\s*[)）]?\s*[)）]?$"
)
# An editor's labelled credit set as a heading (`<h3><span>责编：群硕系统</span></h3>`)
_EDITOR_LABEL = re.compile(r"^(?:责任编辑|責任編輯|责编|責編|编辑|編輯)\s*[：:]")
MAX_HEADING_CREDIT_CHARS = 24
_CREDIT_VALUE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·]{2,12}")
_CLAUSE_PUNCT = re.compile(r"[。！？!?；;：:，,…]")


def classify(blocks: list[Block], tz: ZoneInfo) -> list[Item]:
    """Give every block its role in the document, then mark debris that needs context."""
    items: list[Item] = []
    blocks = bracket_headlines(_join_label_values(_join_vertical_labels(blocks)))
    typical = _TypicalParagraph(blocks)
    for idx, block in enumerate(blocks):
        item = _marked_byline(_classify_one(blocks, idx, tz, typical), block)
        item.dom_path = block.dom_path
        item.indented = block.indented
        item.set_apart = block.set_apart
        item.in_blockquote = block.in_blockquote
        item.after_rule = block.after_blank  # a blank line above: never joined to the line above
        item.links = bool(block.link_chars) and block.link_chars >= 0.5 * len(
            re.sub(r"\s", "", block.text)
        )
        items.append(item)
    _mark_related_lists(items)
    _mark_coverage_labels(items)
    _mark_aged_excerpts(items)
    _mark_comment_rules(items)
    _mark_provenance_header(items)
    _mark_source_links(items)
    _mark_trailing_link_boxes(items)
    _mark_closing_references(items)
    _mark_closing_corrections(items)
    _mark_footers(items)
    _mark_appeal_boxes(items)
    _mark_link_rows(items)
    _mark_place_datelines(items)
    _mark_notes_boxes(items)
    _mark_promo_lines(items)
    _mark_name_lines(items)
    _mark_byline_block_labels(items)
    _mark_name_over_job_title(items)
    _mark_glossed_name_byline(items)
    _mark_word_count_rows(items)
    _mark_brand_names_day_rows(items)
    _mark_author_bio(items)
    _mark_numbered_heads(items)
    kept: list[Item] = []
    ruled = False
    for item in items:
        if item.kind == "rule":
            ruled = True
            continue
        if ruled:
            item.after_rule, ruled = True, False
        kept.append(item)
    return kept


def _marked_byline(item: Item, block: Block) -> Item:
    """A short line holding an element that markup calls the author (`rel=author`,
    `itemprop=author`, `class="author"`) names the writer: a line of those names alone is
    the byline, a date line beside them carries them as its byline."""
    if not block.marked_authors or len(item.text) > 90:
        return item
    if item.kind == "caption" and content.marked_author_line(block):
        # `<img class="avatar">` + `<span itemprop="author"><a rel="author">Kisplay</a>`
        # (at the top and again in the author box under the text): the writer's name
        # beside the writer's picture, not the picture's caption
        names = content.marked_author_names(block) or []
        return Item("byline", item.text, byline=Byline(item.text, [Author(n, None) for n in names]))
    if item.kind not in ("body", "meta"):
        return item
    if _ENDS_SENTENCE.search(item.text):
        return item
    names = content.marked_author_names(block)
    if not names:
        if (
            item.kind == "body"
            and all(names_a_desk(label) for label in block.marked_authors)
            and re.sub(r"\s", "", BY_LABEL.sub("", item.text))
            == re.sub(r"\s", "", "".join(block.marked_authors))
        ):
            # `Por <span class="author-name">Newsroom Infobae</span>`: the byline credits the
            # outlet's desk, no writer; it is a credit line all the same, not text
            return Item("byline", item.text, byline=Byline(raw=item.text, kind="credit"))
        return item
    authors = [Author(name, None) for name in names]
    if item.kind == "body" and (
        content.marked_author_line(block) or content.marked_author_lead(block)
    ):
        return Item("byline", item.text, byline=Byline(raw=item.text, authors=authors))
    if item.kind == "meta" and item.byline is None:
        item.byline = Byline(raw=" ".join(names), authors=authors)
    elif item.kind == "meta" and not item.byline.authors:
        # `作者：<a href="/author/…">雪花</a> 编辑：雪花`: the line's editor credit stays
        item.byline = replace(item.byline, raw=" ".join(names), authors=authors, kind="byline")
    return item


def _join_vertical_labels(blocks: list[Block]) -> list[Block]:
    """A label printed one character per line (`今` / `日` / `推` / `荐` in stacked table cells)
    is one line: `今日推荐`, a box's header, not four scraps of text."""
    if not any(b.kind == "text" and len(b.text) == 1 for b in blocks):
        return blocks
    out: list[Block] = []
    run: list[Block] = []

    def close() -> None:
        if len(run) >= 2:
            out.append(replace(run[0], text="".join(b.text for b in run)))
        else:
            out.extend(run)
        run.clear()

    for block in blocks:
        if block.kind == "text" and len(block.text) == 1 and "\u4e00" <= block.text <= "\u9fff":
            run.append(block)
            continue
        close()
        out.append(block)
    close()
    return out


# A field's label alone on its line, its value on the next (`<p>来源</p><p>参考消息网</p>` in a
# page's side column): one labelled line, `来源：参考消息网`
_BARE_LABEL = re.compile(r"(?:来源|來源|稿源|作者|记者|記者|编辑|編輯|责任编辑|責任編輯|责编|責編)")
MAX_LABEL_VALUE_CHARS = 20


def _join_label_values(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    skip = False
    for idx, block in enumerate(blocks):
        if skip:
            skip = False
            continue
        nxt = blocks[idx + 1] if idx + 1 < len(blocks) else None
        if (
            nxt is not None
            and block.kind == "text"
            and nxt.kind == "text"
            and _BARE_LABEL.fullmatch(block.text.strip())
            and 0 < len(nxt.text.strip()) <= MAX_LABEL_VALUE_CHARS
            and not _CLAUSE_PUNCT.search(nxt.text)
            and not nxt.link_chars
        ):
            out.append(replace(nxt, text=f"{block.text.strip()}：{nxt.text.strip()}"))
            skip = True
            continue
        out.append(block)
    return out


MAX_CAPTION_CHARS = 100
MAX_CREDITED_CAPTION = 200
# A picture's credit closing a line, unbracketed: `…受邀出席。圖：高雄市政府提供`, `…。图/新华社`.
# A paragraph of text never ends on the credit of a picture: the line is the caption.
_CREDIT_TAIL = re.compile(
    r"[。！？!?]\s*(?:圖|图|照片|圖片|图片|攝影|摄影)\s*[：:／/]\s*[^。！？!?，,：:／/]{1,24}$"
    # `…的主要原因。 推主 RICHARD FULL 分享于 X`: the caption of an embedded video or post, who
    # shared it and on which platform
    r"|[。！？!?]\s*[^。！？!?，,]{1,30}?\s*(?:分享于|分享於|发布于|發佈於|發布於)\s*"
    r"(?:X|Twitter|推特|Facebook|脸书|臉書|YouTube|Instagram|TikTok|抖音|微博|Threads)$"
)
MIN_PROSE_CHARS = 10
# The link to the credited people's other stories printed at the end of the credit line
# (`译 | 金梅花 校 | 李霖 责编 | 刘尚哲 查看其它新闻`, `作者的更多报道`)
_MORE_BY_LINK = re.compile(
    r"\s+(?:查看|更多|看)?(?:作者的?)?(?:其它|其他|更多)(?:的)?(?:新闻|新聞|文章|报道|報導)$"
)


class _TypicalParagraph:
    """Median length of the document's prose lines (captions are shorter than this),
    measured the first time a line under a picture asks for it."""

    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        self.value: int | None = None

    def __call__(self) -> int:
        if self.value is None:
            sizes = sorted(
                len(b.text)
                for b in self.blocks
                if b.kind == "text"
                and len(b.text) >= MIN_PROSE_CHARS
                and _CLAUSE_PUNCT.search(b.text)
            )
            self.value = sizes[len(sizes) // 2] if len(sizes) >= 3 else MAX_CAPTION_CHARS
        return self.value


# A picture's label, a noun phrase naming what the picture shows: `各地补贴标准一览。`,
# `事故现场示意图`, `网页截图` (no clause inside, so never a sentence of the story).
_PICTURE_LABEL = re.compile(
    r"^[^，。！？；：,!?;:]{0,30}(?:一览表?|一覽表?|示意图|示意圖|图表|圖表|截图|截圖|资料图|資料圖)[。.]?$"
)


MAX_BARE_CREDIT_CHARS = 12
# A heading that is a credit naming nobody must name reporters (`明報記者`, `本报记者`): a bare
# role word (`运营`, `策划`, `编辑`) is as likely a section's subhead.
_REPORTER_TITLE = re.compile(r"记者|記者|通讯员|通訊員|特派员|特派員")
# A reporter's credit set as a heading: a role word, names and how the story was filed.
MAX_HEADING_CREDIT_CHARS = 30
_REPORTED = re.compile(r"報導|报道|報道|電$|电$")


def _caption_evidence(blocks: list[Block], idx: int, text: str, typical: _TypicalParagraph) -> bool:
    """Text right under a picture (the caller checks) is its caption on evidence, never by
    position alone: it ends with a picture credit (`…新华社记者 才扬 摄`, `（圖／翻攝畫面）`,
    `（路透）`), it is a picture's label (`各地标准一览。`), or it is shorter than the page's
    paragraphs and printed small or centred (`<small>`, `align=center`, a centring class) or
    shares a box with the picture and nothing else (`<p><img>…</p>`, a one-picture table),
    or it sits between the picture and the story's run-in lead."""
    if _ends_with_photo_credit(text) or _PICTURE_CREDIT.search(text) or _PICTURE_LABEL.match(text):
        return True
    if len(text) <= MAX_CREDITED_CAPTION and picture_credit_end(text):
        return True  # `…（翻攝自臉書）`, `…（取自微博）`, `…（X提供）`: the picture's credit
    if len(text) > MAX_CAPTION_CHARS or len(text) > typical():
        return _before_lead(blocks, idx) and len(text) <= MAX_CAPTION_CHARS
    block = blocks[idx]
    return (
        block.caption_style
        or _picture_box(blocks, idx)
        or _before_lead(blocks, idx)
        or _captioned_like_the_others(blocks, idx, text)
    )


MAX_PATTERN_CAPTION_CHARS = 30


def _captioned_like_the_others(blocks: list[Block], idx: int, text: str) -> bool:
    """A short line that ends no sentence (`车主们将车停在外面小树林中`), printed under its
    picture the way the page prints its other pictures' captions (`图为…`, `…（圖／X）`:
    captions on evidence, in a line the same distance from their picture in the element
    tree): the page's caption, by the page's own pattern."""
    block = blocks[idx]
    if block.bold or len(text) > MAX_PATTERN_CAPTION_CHARS or _ENDS_SENTENCE.search(text):
        return False
    shape = _caption_shape(blocks[idx - 1], block)
    if shape is None:
        return False
    for k in range(1, len(blocks)):
        if k == idx or blocks[k - 1].kind != "image" or blocks[k].kind != "text":
            continue
        other = blocks[k].text.strip()
        if _caption_shape(blocks[k - 1], blocks[k]) == shape and (
            _CAPTION_RE.match(other)
            or _ends_with_photo_credit(other)
            or _PICTURE_CREDIT.search(other)
        ):
            return True
    return False


def _caption_shape(image: Block, line: Block) -> tuple[int, int] | None:
    """Where a line under a picture sits: the depths of the two elements, when they share
    their parent (a caption printed as the element after the picture's)."""
    if not image.dom_path or not line.dom_path or image.dom_path == line.dom_path:
        return None
    if image.dom_path[:-1] != line.dom_path[:-1]:
        return None
    return len(image.dom_path), len(line.dom_path)


def _after_picture_credit(blocks: list[Block], idx: int) -> bool:
    """The caption printed under the picture's credit line, in the same element
    (`<img><p>图像来源，Getty Images<br>世界各地的公司都在…</p>`)."""
    if idx < 2 or blocks[idx - 2].kind != "image":
        return False
    credit = blocks[idx - 1]
    return (
        credit.kind == "text"
        and bool(credit.dom_path)
        and credit.dom_path == blocks[idx].dom_path
        and bool(_CAPTION_RE.match(credit.text))
        and len(blocks[idx].text) <= MAX_CAPTION_CHARS
    )


MAX_LEAD_LOOKAHEAD = 8
# A story's run-in lead: `南方网讯 …`, `本报讯（记者…）`, `新华社北京9月7日电 …`, `中新网9月7日电`.
_LEAD = re.compile(
    r"^(?:本报|本報|[\u4e00-\u9fffA-Za-z]{2,8}?(?:网|網|报|報|社|台|新闻|新聞))"
    r"[\u4e00-\u9fff\d]{0,12}?(?:讯|訊|电|電)(?=[\s（(])"
)


def _before_lead(blocks: list[Block], idx: int) -> bool:
    """The line sits between the picture and the story's run-in lead: the text starts at the
    lead, so the line is the picture's caption (images and bullets in between are skipped)."""
    if _LEAD.match(blocks[idx].text):
        return False
    for block in blocks[idx + 1 : idx + 1 + MAX_LEAD_LOOKAHEAD]:
        if block.kind == "image" or (block.kind == "text" and not _WORD.search(block.text)):
            continue
        return block.kind == "text" and bool(_LEAD.match(block.text))
    return False


_WORD = re.compile(r"[\w\u4e00-\u9fff]")


def _picture_box(blocks: list[Block], idx: int) -> bool:
    """The picture above `blocks[idx]` and this line are alone in their nearest common
    element (the lines around them are outside it)."""
    image, line = blocks[idx - 1], blocks[idx]
    if image.dom_path == line.dom_path:
        # `<p><a><img></a><br><em>曾小姐</em></p>`: the picture opens the paragraph on a line
        # of its own and one line under it ends it, the two alone in it; a picture set into
        # a line of text (`<p><img>震中地形：…</p>`, an icon, an emoji) is no such box
        return image.break_after and not any(
            0 <= k < len(blocks) and blocks[k].dom_path == line.dom_path for k in (idx - 2, idx + 1)
        )
    common = 0
    for a, b in zip(image.dom_path, line.dom_path, strict=False):
        if a != b:
            break
        common += 1
    if not common:
        return False
    box = image.dom_path[common - 1]
    for neighbour in (idx - 2, idx + 1):
        if 0 <= neighbour < len(blocks):
            path = blocks[neighbour].dom_path
            if len(path) >= common and path[common - 1] == box:
                return False
    return True


# Picture credits that end a caption: `（圖／翻攝畫面）`, `（图/新华社）`, `（路透）`, `/韩联社`,
# and the file-photo or illustration marks `（資料照）`, `（示意圖）`.
_PICTURE_CREDIT = re.compile(
    r"[（(]\s*(?:圖|图|攝|摄|照片|圖片|图片|資料照|资料照)\s*[／/:：][^（）()]{1,20}[)）]\s*$"
    r"|[（(]\s*(?:資料照片?|资料照片?|資料圖片?|资料图片?|示意圖|示意图|翻攝|翻摄)\s*[)）]\s*$"
    # `(Photo by AP)`, `(Photo: Reuters)`, `(Photo/AFP)`: an English picture credit
    r"|[（(]\s*(?i:photo|image|picture)s?\s*(?i:by|:|/|：|／)\s*[^（）()]{1,30}[)）]\s*$"
    r"|[（(]\s*(?:路透|路透社|美聯社|美联社|法新社|新華社|新华社|中央社|歐新社|欧新社|美聯|共同社|韩联社|韓聯社"
    r"|盖帝图像|蓋帝圖像|盖蒂图片|視覺中國|视觉中国|Getty Images|AFP|Reuters|AP|EPA)\s*[)）]\s*$"
    # whose picture: `(香港警察脸书图片)`, `(《香港01》图片)`, `（小紅書圖片）`
    r"|[（(][^（）()，。,]{1,16}(?:圖片|图片|照片|截圖|截图)[)）]\s*$"
    # a newsroom's file photo and a picture taken from the web: `（早報檔案照）`, `（互聯網）`
    r"|[（(][^（）()，。,]{0,8}(?:檔案照|档案照|檔案圖|档案图)[)）]\s*$"
    r"|[（(]\s*(?:互联网|互聯網|网络|網絡|網路|网路)\s*[)）]\s*$"
)


MIN_BRACKET_HEADLINES = 3  # one or two `[…]` lines are labels or notes, not a story sequence
# `[龍見辨誣]`, `[縮本汗簡出售] [ 㸃石齋主美查啓]`: a headline in square brackets, optionally
# followed by the notice's signature in a second bracket; at a block's end or the whole block.
_BRACKET_HEADLINE = re.compile(
    r"\[(?P<title>[^\[\]()（）。！？!?]{2,60}?)\](?:\s*\[\s*(?P<sig>[^\[\]()（）。！？!?]{1,30}?)\s*\])?\s*$"
)
_CJK = re.compile(r"[\u3400-\u9fff\U00020000-\U0003134f]")
# `[图片]`, `[视频]`: placeholders of media, never a headline
_MEDIA_PLACEHOLDER = re.compile(
    r"^(?:图片|圖片|视频|視頻|音频|音頻|组图|組圖|图|圖|表情|动画|動畫)$"
)
# `Page 2`: a page marker of a text dump; `1880 - 1 - 4902399`: a heading of numbers only
_PAGE_MARKER = re.compile(r"^(?:Page|PAGE)\s*\d{1,3}$")
_NUMBERS_ONLY = re.compile(r"^[\d\s\-–—/._:]*\d[\d\s\-–—/._:]*$")


def _bracket_headline(text: str) -> re.Match | None:
    match = _BRACKET_HEADLINE.search(text)
    if match is None:
        return None
    title = match.group("title").strip()
    if not _CJK.search(title) or _MEDIA_PLACEHOLDER.match(title):
        return None
    return match


def bracket_headlines(blocks: list[Block]) -> list[Block]:
    """Headlines of a plain-text issue dump, printed in square brackets on lines of their own.

    The soft-wrap joiner glues such a line to the paragraph above when that paragraph ends
    without sentence punctuation (unpunctuated classical text always does): `…監禁云[魚販齊行]`.
    With ≥ MIN_BRACKET_HEADLINES such blocks, the headline is split off as a level-1 heading
    and a signature bracket becomes a `signature` block (a credit, not text). Fewer: the
    document is left as it is (`[1]`-type notes and single labels stay text).
    """
    found = [_bracket_headline(b.text) if b.kind == "text" else None for b in blocks]
    if sum(m is not None for m in found) < MIN_BRACKET_HEADLINES:
        return blocks
    out: list[Block] = []
    for block, match in zip(blocks, found, strict=True):
        if match is None:
            out.append(block)
            continue
        before = block.text[: match.start()].strip()
        if before:
            out.append(replace(block, text=before))
        out.append(Block("heading", match.group("title").strip(), level=1, line=block.line))
        if match.group("sig"):
            out.append(Block("signature", match.group("sig").strip(), line=block.line))
    return out


_SKIPPED_KINDS = ("debris", "related", "page")  # not text, not metadata an article keeps


MIN_BACKGROUND_PARAGRAPH_CHARS = 20


def _background_head(blocks: list[Block], idx: int, text: str) -> bool:
    """`相关报道：特朗普签署行政令，禁止跨性别运动员参加女子体育赛事` printed as plain text
    between the story's paragraphs and followed by the background it names: the head of a
    section of the text, not a related link. Evidence: a headline after the label and no
    link in the line (a related link carries its headline as an anchor), a finished
    sentence of the text right above (pictures and captions between are skipped) and one
    right below, both plain text of the same element."""
    if not debris.related_header(text) or blocks[idx].link_chars:
        return False

    def prose(k: int) -> bool:
        block = blocks[k]
        return (
            block.kind == "text"
            and not block.link_chars
            and not block.in_figure
            and block.dom_path[:-1] == blocks[idx].dom_path[:-1]
            and len(block.text.strip()) >= MIN_BACKGROUND_PARAGRAPH_CHARS
            and ends_sentence(block.text)
        )

    above = idx - 1
    while above >= 0 and (
        blocks[above].kind == "image"
        or blocks[above].in_figure
        or not blocks[above].text.strip()
        or _PRINTED_CAPTION.search(blocks[above].text)
    ):
        above -= 1
    return above >= 0 and idx + 1 < len(blocks) and prose(above) and prose(idx + 1)


def _classify_one(blocks: list[Block], idx: int, tz: ZoneInfo, typical: _TypicalParagraph) -> Item:
    block = blocks[idx]
    text = block.text.strip()
    if block.kind == "signature":
        return Item("byline", text, byline=Byline(raw=text, kind="credit"))
    if _PAGE_MARKER.match(text) or (block.kind == "heading" and _NUMBERS_ONLY.match(text)):
        return Item("page", text)
    if block.kind in ("url", "image", "boundary", "quote", "rule"):
        if block.kind == "quote" and debris.debris_reason(text):
            return Item("debris", text)
        if block.kind == "quote" and debris.related_header(text):
            return Item("related", text)  # `<blockquote>延伸閱讀：<a>…</a></blockquote>`
        return Item(block.kind, text, stocks=block.stocks)
    if text and text[0] in _CAPTION_MARK:
        return Item("caption", text[1:].strip())
    if block.kind == "text" and _PRINTED_CAPTION.search(text):
        return Item("caption", text)  # `图：…\美联社`, `…集会。（美联社图）`
    if (
        block.kind == "heading"
        and block.level > 1
        and idx > 0
        and blocks[idx - 1].kind == "image"
        and (_PRINTED_CAPTION.search(text) or _FROM_CREDIT.fullmatch(text))
    ):
        # `<img>` + `<h5>布丽吉特资料图 新华社/美联</h5>`, `<img>` + `<h5>来自Garn Press</h5>`
        return Item("caption", text)
    if block.kind == "heading":
        if not _WORD_CHAR.search(text):
            return Item("rule", text)  # `<h3>……………………</h3>`: a dotted rule, not a headline
        if text.startswith(("□", "■")):
            return Item("byline", text, byline=parse_byline_line(text))
        label = _EDITOR_LABEL.match(text) if block.level > 1 else None
        if label is not None and len(text) <= MAX_HEADING_CREDIT_CHARS:
            # `<h3><span>责编：群硕系统</span></h3>`: the editor's credit set as a heading; what
            # follows the label is kept as printed (a name, a desk's code or system)
            credit = parse_credit_line(text)
            if credit is None or credit.authors or not credit.editor:
                value = text[label.end() :].strip()
                if not _CREDIT_VALUE.fullmatch(value):
                    return Item("byline", text, byline=Byline(raw=text, kind="credit"))
                credit = Byline(raw=text, kind="editor", editor=value, editor_rank=1)
            return Item("byline", text, byline=credit)
        if debris.debris_reason(text):
            return Item("debris", text)
        if debris.related_header(text) is not None:
            return Item("related", text)
        if len(text) <= MAX_BARE_CREDIT_CHARS:
            credit = parse_byline_line(text)
            if (
                credit is not None
                and credit.kind == "credit"
                and not credit.authors
                and _REPORTER_TITLE.search(text)
            ):
                # `<h2>明報記者</h2>` over the text: a credit naming nobody, not a subhead
                return Item("byline", text, byline=credit)
        if (
            block.level != 1
            and len(text) <= MAX_META_HEADING_CHARS
            and _CREDIT_META_KEYS.search(text)
        ):
            # `<h2>2016-03-09 11:36 来源: 大众网 编辑: X 责任编辑: Y</h2>` under the headline:
            # the page's metadata line set as a heading, not a deck (a subhead with a date and
            # `时间：` — `报名时间：5月1日至10日` — stays a subhead)
            dated = _date_line(text, tz)
            if dated is not None and dated.kind == "meta":
                return dated
        if block.level != 1 and len(text) <= MAX_HEADING_CREDIT_CHARS and _REPORTED.search(text):
            credit = parse_credit_line(text)
            if credit is not None and credit.authors and _REPORTER_TITLE.search(text):
                # `<h3>記者王小明／台北報導</h3>` under the headline: the byline, not a deck
                return Item("byline", text, byline=credit)
        return Item("heading", text, level=block.level, stocks=block.stocks)
    if debris.debris_reason(text):
        # `X是《某报》记者。…欢迎在Twitter上关注他`: a writer's bio ending in a promo names the
        # writer before it is a promo; a repost's notice names the writer before it is a notice
        bio = parse_bio_credit(text) or parse_provenance_writer(text)
        return Item("byline", text, byline=bio) if bio is not None else Item("debris", text)
    if debris.page_header(text) is not None:
        return Item("page", text)
    print_line = _PRINT_EDITION.match(text) if text[:1] in "《（(原刊本载載" else None
    if print_line:
        return Item("meta", text, date=parse_date_text(text, tz), publisher=print_line.group("pub"))
    if (
        not block.in_figure
        and debris.related_header(text) is not None
        and not _background_head(blocks, idx, text)
    ):
        return Item("related", text)
    after_image = not block.slide and (
        (
            idx > 0
            and blocks[idx - 1].kind == "image"
            and _caption_evidence(blocks, idx, text, typical)
        )
        or _after_picture_credit(blocks, idx)
    )
    credited = _MORE_BY_LINK.sub("", text) if text[-1:] in "闻聞章导導道" else text
    credit = parse_credit_line(credited) if len(text) <= 90 and not block.in_figure else None
    if credit is None and text[:1] in "（(" and not block.in_figure:
        credit = parse_field_credits(text)  # `（编译：X 某工作坊，审校：Y；来源: Z）`
    if credit is None and text[:4].find("作者") >= 0:
        credit = parse_bio_credit(text)
    if credit is not None and not credit.authors and credit.kind == "photo":
        return Item(
            "caption", text
        )  # `图片来源：视觉中国`: where a picture is from, kept as caption
    if credit is not None and not (after_image and credit.kind in ("photo", "credit")):
        return Item("byline", text, byline=credit)  # a photo credit under a picture: caption
    if _BOILERPLATE_RE.match(text):
        return Item("boilerplate", text)
    if len(text) <= 100 and text[:1] in "[【［" and _CREDIT_CELLS.fullmatch(text):
        # `[来源： 四川新闻网 ]　[作者：龙艳]　[编辑：颜祝俊]`: a row of bracketed credit cells
        cells = credits_in_meta(text)
        if cells is not None and (cells.authors or cells.editor):
            pub = _PUBLISHER_IN_META.search(text)
            return Item("byline", text, byline=cells, publisher=pub.group("pub") if pub else None)
    if len(text) <= MAX_SOURCES_LIST_CHARS and _SOURCES_LIST.match(text):
        return Item("source", text)  # `新闻来源：BBC、美联社、…，部分图片来源网络`: no one outlet
    source = _SOURCE_CREDITS.match(text) or _SOURCE_RE.match(text)
    if source:
        credits = source.groupdict().get("credits")
        writer = None if credits else _person_as_source(source.group("pub"))
        if writer is not None:
            return Item("byline", text, byline=writer)
        # `来源：澎湃新闻 作者：朱洁树 2015-07-07`: the credits share the row with a date (or
        # other fields), read field by field as in any meta row
        byline = (parse_credit_line(credits) or credits_in_meta(text)) if credits else None
        return Item("source", text, publisher=source.group("pub").strip(), byline=byline)
    if len(text) <= 60 and _DATE_LABEL.match(text):
        # `发表时间： 06/02/2022 - 13:48`, and the fields printed after it in the same row
        # (`发布时间：… 来源：欧洲时报 作者：刘涛编译 浏览次数：`)
        pub = _PUBLISHER_IN_META.search(text)
        return Item(
            "meta",
            text,
            date=parse_date_text(text, tz),
            publisher=pub.group("pub") if pub else None,
            byline=credits_in_meta(text),
        )
    stamped = _BYLINE_THEN_STAMPS.match(text) if len(text) <= 100 else None
    if stamped is not None:
        # `王小明／台北報導發布時間：2023-08-24 12:31 更新時間：…`: the reporter's line and the
        # labelled time stamps printed after it in one row of the header (glued spans)
        byline = parse_byline_line(stamped.group("byline"))
        if byline is not None and byline.authors:
            date = parse_date_text(text[stamped.start("stamps") :], tz)
            return Item("meta", text, date=date, byline=byline)
    if len(text) <= 90 and not re.search(r"[。！？]", text):
        credit = byline_before_stamp(text)
        if credit is not None:
            # `文／詹婉如 2018-08-12 17:39`: the writer's credit and the time, one header line
            return Item("meta", text, date=parse_date_text(text, tz), byline=credit)
        dated = _date_line(text, tz)
        if dated is not None:
            return dated
        if _YEARLESS_STAMP.fullmatch(text) and _above_text(blocks, idx):
            # `5月2日 10:30` alone between the headline and the text: the stamp of the page's
            # header (its year is left to the page's other clues); inside the text such a
            # line heads a list (`5月19日` over that day's events) and stays
            return Item("meta", text)
        if len(text) <= 40 and (_DATELINE_ONLY.match(text) or _NEWSROOM_LEAD_IN.match(text)):
            # `TNW中文站 10月14日报道`, `央视网消息（新闻联播）：`: a dateline or a newsroom's
            # lead-in standing alone (its text in the next paragraph) names nobody, not text
            wire = parse_wire_credit(text) or Byline(raw=text, kind="wire")
            return Item("byline", text, byline=wire)
    if text[:1] in "【[" and text[-1:] in "】]" and len(text) <= 60:
        # `【記者／A、B 首圖／X提供】` under the lead picture: the story's credits in a box,
        # the byline, though it closes on who gave the picture
        credit = parse_byline_line(text)
        if credit is not None and any(a.role != PHOTO_ROLE for a in credit.authors):
            return Item("byline", text, byline=credit)
    if (
        _CAPTION_RE.match(text)
        or (block.in_figure and len(text) <= 80)
        or (block.in_figure and len(text) <= MAX_CREDITED_CAPTION and picture_credit_end(text))
        or after_image
        or (len(text) <= MAX_CREDITED_CAPTION and _CREDIT_TAIL.search(text))
        or _cut_caption_over_picture(blocks, idx, text)
    ):
        return Item("caption", text)
    if len(text) <= 60:
        byline = parse_byline_line(text)
        if byline is not None:
            return Item("byline", text, byline=byline)
        if content.name_over_date(blocks, idx):
            names = strict_names(text)
            return Item("byline", text, byline=Byline(text, [Author(n, None) for n in names]))
    if text[:1] in "#【[":
        text = _without_leading_tags(text)
    return Item("body", text, stocks=block.stocks, bold=block.bold)


# Topic tags opening a post's paragraph (`【#标题#】#话题# 据…报道`): tags, not text.
_LEADING_TAGS = re.compile(r"^(?:[【\[]?#[^#\s]{1,40}#[】\]]?\s*)+")


def _without_leading_tags(text: str) -> str:
    """The paragraph after its opening topic tags, when prose follows them."""
    match = _LEADING_TAGS.match(text)
    if match is None:
        return text
    rest = text[match.end() :]
    return rest if len(rest) >= MIN_PROSE_CHARS and _CLAUSE_PUNCT.search(rest) else text


# After a post's timestamp: `发布于北京` and the posting account (`经济日报官方账号`).
_POSTED_FROM = re.compile(
    rf"(?:发布于|發佈於|發布於|发表于|發表於)\s*[：:]?\s*(?:{debris.REGIONS})"
    r"(?:市|省|自治区|自治區|特别行政区|特別行政區)?\s*(?P<account>[^\s，。]{0,20}?)"
    r"(?:官方账号|官方帳號|账号|帳號)?"
)


# Two or more bracketed `label：value` cells and nothing else
_CREDIT_CELLS = re.compile(
    r"(?:[\s\u3000]*[\[【［]\s*[^\[\]【】［］：:]{1,8}\s*[：:][^\[\]【】［］]{0,30}[\]】］]){2,}[\s\u3000]*"
)
# An English byline printed before the stamp, past a bar: `By Ryan Foley, Contributor | …`
_ENGLISH_BYLINE = re.compile(
    r"^\s*[Bb]y\s+(?P<credit>[A-Za-z][A-Za-z .,'&\-]{2,80}?)\s*[|｜•]\s*[^|｜]{0,12}$"
)
# what an English byline says its writer is (`Contributor`), not a name
_ENGLISH_ROLES = frozenset(
    {
        "contributor",
        "contributing writer",
        "reporter",
        "staff reporter",
        "senior reporter",
        "correspondent",
        "special correspondent",
        "columnist",
        "writer",
        "staff writer",
        "senior writer",
    }
)
_LATIN_NAME = re.compile(r"[A-Z][A-Za-z.'\-]+(?: [A-Z][A-Za-z.'\-]+){1,3}")
_WORD_CHAR = re.compile(
    r"[0-9A-Za-z\u3400-\u9fff\uf900-\ufaff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]"
)
MAX_META_HEADING_CHARS = 120
# the labels of a page's metadata line that credit a source or people
_CREDIT_META_KEYS = re.compile(r"(?:来源|來源|稿源|作者|编辑|編輯)\s*[：:]")


_COUNTERS_AFTER = re.compile(r"(?:\s+\d{1,7})+$")
# The label of a date in someone's life or an organisation's history, not the page's
_LIFE_DATE_LABEL = re.compile(
    r"^(?:生日|出生|出生日期|出生年月|生于|生於|逝世|去世|卒于|卒於|成立|成立时间|成立時間|创立|創立"
    r"|毕业|畢業|入职|入職|结婚|結婚)\s*[：:]"
)
_OUTLET_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,10}")
# the credit opens with its role word (`综合编译 刘雅静`), not a name (`今日华闻 刘雅静`)
_ROLE_OPENS = re.compile(
    r"(?:综合|綜合)?(?:编译|編譯|记者|記者|撰文|撰稿|作者|文|采写|採寫|报道|報導)\s*[：:／/]?\s*"
)


# `cnfrance2017 2018-11-07 10`: a posting account's handle, the day (and its time), then the
# hit counter a script fills in (a stray quote after it)
_HANDLE_STAMP_COUNT = re.compile(
    r"[A-Za-z][A-Za-z0-9_.\-]{2,30}\s+(?P<day>(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)\s+\d{1,7}\s*[\"'”]?"
)


def _date_line(text: str, tz: ZoneInfo) -> Item | None:
    """A line that is a date and what a page prints with it, as page metadata.

    `2019-09-07 21:30 来源：新京报`, `一九四六年五月十五日`, `2023/2/21 21:20（2/21 22:08 更新）`,
    `AUTO.SOHU.COM 2005年05月13日14:15`, `http://www.sina.net 2005年03月21日 《理财周刊》`,
    `2022-02-13 09:57 光明网`, `谢若含2017-03-01 14:27:02` (the name is the byline),
    `2019-03-18 23:59聯合報 記者陳嘉寧／桃園機場報導`.
    """
    if "|" in text or "｜" in text:
        row = _header_row(text, tz)
        if row is not None:
            return row
    if _LIFE_DATE_LABEL.match(text):
        return None  # `生日：1967年8月13日`: a line of a profile, not when the page ran
    handle = _HANDLE_STAMP_COUNT.fullmatch(text.strip())
    if handle is not None:
        # the header's row; a handle names no writer
        return Item("meta", text, date=parse_date_text(handle.group("day"), tz))
    found = next(find_dates(text, tz), None)
    if found is None:
        if _NUMERIC_STAMP.fullmatch(text):
            return Item("meta", text)  # `11/10/2020 - 08:50`: a date the day order leaves open
        if _TWELVE_HOUR_CLOCK.fullmatch(text):
            # `1:48 pm`: a theme's time widget printed apart from the day (`<time>` twice)
            return Item("meta", text)
        return None
    english = _ENGLISH_BYLINE.match(text[: found.start]) if text[:3].lower() == "by " else None
    if english is not None:
        # `By Ryan Foley, Contributor | 星期一, 2023年01月 23日`: the writers, their role, a bar,
        # then when the story ran
        names = [
            n.strip()
            for n in re.split(r"\s*(?:,|&|\band\b)\s*", english.group("credit"))
            if n.strip() and n.strip().lower() not in _ENGLISH_ROLES
        ]
        if names and all(_LATIN_NAME.fullmatch(n) for n in names):
            byline = Byline(raw=english.group("credit"), authors=[Author(n, None) for n in names])
            return Item("meta", text, date=found.stamp, byline=byline)
    stamp = found.stamp
    poster = _POSTER.fullmatch(text[: found.start].strip())
    if poster is not None and re.fullmatch(r"[\s\d:：]*", text[found.end :]):
        # `janus 發表於 2024年9月26日 08:27`: who posted the story (a user name is a name
        # here: the line says so) and when
        names = strict_names(poster.group("who"))
        if names and len(names) <= 3:
            byline = Byline(raw=poster.group("who"), authors=[Author(n, None) for n in names])
            return Item("meta", text, date=stamp, byline=byline)
    lead = text[: found.start].strip()
    if _DATELINE_ONLY.match(lead) and not _BESIDE_DATE.sub(
        "", _TIME_ZONE.sub("", text[found.end :])
    ):
        # `中央社華盛頓26日專電 2024-11-26 23:06 ET`: a wire's dateline (nobody named) and
        # the time it was filed, a line of the header over the text
        wire = parse_wire_credit(lead) or Byline(raw=lead, kind="wire")
        return Item("meta", text, date=stamp, byline=wire)
    rest = _beside_date(text, found)
    if _META_KEYS.search(text) or len(rest) <= 2:
        pub = _PUBLISHER_IN_META.search(text)
        return Item(
            "meta",
            text,
            date=stamp,
            publisher=pub.group("pub") if pub else None,
            byline=credits_in_meta(text),
        )
    stamped = _LEADING_STAMP.match(text)
    after = text[stamped.end() :].strip() if stamped else ""
    if after and _MEDIA_NAME.fullmatch(after):
        # `2022-02-13 09:57 光明网`: when and where the page says the story ran
        publisher = re.match(r"[^\s\d]+?(?:网|網|报|報|社|台|新闻|新聞|客户端|客戶端)", after)
        return Item("meta", text, date=stamp, publisher=publisher.group(0) if publisher else None)
    section = _SECTION_AFTER_STAMP.fullmatch(after) if stamped else None
    if section and not strict_names(section.group("label"), surname=True):
        # `2024.10.14 | 半導體與電子產業`: the day and, past a bar, the section it is filed in
        return Item("meta", text, date=stamp)
    posted = _POSTED_FROM.fullmatch(after) if stamped else None
    account = text[: found.start].strip()
    if not stamped and account and _MEDIA_NAME.fullmatch(account):
        posted = _POSTED_FROM.fullmatch(text[found.end :].strip())
        if posted:
            # `北京日报 2025-02-15 13:19 发表于四川`: the posting account, the time and the
            # region it was sent from (a platform's IP location)
            return Item("meta", text, date=stamp, publisher=account)
    if posted:
        # `2024-05-13 06:16发布于北京经济日报官方账号`: a platform's post line, the region
        # it was sent from and the posting account
        return Item("meta", text, date=stamp, publisher=posted.group("account") or None)
    if stamped:
        # `2019-03-18 23:59聯合報 記者陳嘉寧／桃園機場報導`: the dateline of a byline block
        credit = parse_credit_line(after) or parse_outlet_credit(after)
        if credit is not None:
            return Item("meta", text, date=stamp, byline=credit)
        # `2019-10-25 18:19:01 今日华闻 综合编译 刘雅静 1965 0`: the outlet, a space, the credit
        # (and the page's view counters, filled in by script)
        outlet, _, credited = _COUNTERS_AFTER.sub("", after).partition(" ")
        credit = (
            parse_credit_line(credited) if credited and _OUTLET_NAME.fullmatch(outlet) else None
        )
        if credit is not None and credit.authors and _ROLE_OPENS.match(credited):
            return Item("meta", text, date=stamp, publisher=outlet, byline=credit)
    if stamped and _SOURCE_AFTER_STAMP.fullmatch(after):
        # `2016年05月25日10:10 新浪财经`: the timestamp and the desk or channel that ran it
        outlet, _, named = after.partition(" ")
        if named and _MEDIA_NAME.fullmatch(outlet) and (writer := _one_writer(named)):
            # `2018-06-13 10:22:05 和讯网 何新策`: the outlet, then the writer's bare name
            byline = Byline(raw=named, authors=[Author(writer, None)])
            return Item("meta", text, date=stamp, publisher=outlet, byline=byline)
        names = strict_names(after, surname=True)
        if names and len(names) <= 3:
            byline = Byline(raw=after, authors=[Author(n, None) for n in names])
            return Item("meta", text, date=stamp, byline=byline)
        return Item("meta", text, date=stamp, publisher=after)
    reposted = _REPOSTED.fullmatch(_TIME_ZONE.sub(" ", text[found.end :]).strip())
    if reposted and not text[: found.start].strip():
        # `4/2/2024 12:25 PM UTC 喜马拉雅农场新西兰站 轉載自GNews`: when, who posted it (the line
        # says so: a poster's or a group's name is a name here) and where it is reposted from
        who = reposted.group("who")
        byline = Byline(raw=who, authors=[Author(who, None)]) if who else None
        return Item("meta", text, date=stamp, publisher=reposted.group("source"), byline=byline)
    # `北京新浪網 (2020-01-21 11:12)`: brackets around the date are no words
    beside = _POST_AGE.sub(" ", text[: found.start] + " " + text[found.end :])
    words = _WORD_SPLIT.split(_VIEW_COUNT.sub(" ", _TIME_ZONE.sub(" ", beside)))
    words = [w for w in words if w and not _POST_MARKS.fullmatch(w)]
    if (
        len(words) > 1
        and all(re.fullmatch(r"[\u4e00-\u9fff]+", w) for w in words)
        and _SITE_LABEL.fullmatch("".join(words))
    ):
        # `鉅 亨網新聞中心 2024-09-30 15:10`: a newsroom's name with a stray space inside it
        # (a wrapped text node of a pretty-printed page) is one name
        words = ["".join(words)]
    if words and all(_SITE_LABEL.fullmatch(w) for w in words):
        # `AUTO.SOHU.COM 2005年05月13日14:15`, `… 《理财周刊》`, `TNW中文站2016年10月14日07:17`
        named = [w.strip("《》") for w in words if not _DOMAIN.fullmatch(w)]
        return Item("meta", text, date=stamp, publisher=named[0] if named else None)
    labels = [w for w in words if not _CLOCK_WORD.fullmatch(w)]
    if (
        len(rest) <= MAX_CHANNEL_LABEL
        and len(labels) == 1
        and _CLOCK.search(text)
        and not _CLAUSE_PUNCT.search(labels[0])
        and not strict_names(labels[0], surname=True)
    ):
        # `個人增值 20:50 2023/03/31`: the channel label printed with the time stamp
        return Item("meta", text, date=stamp)
    credit = _credit_before_stamp(text, found)
    if credit is not None:
        # `中國時報 王小明／台北報導 2013年11月13日 04:10`: the credit, then when it ran
        return Item("meta", text, date=stamp, byline=credit)
    words = [w for w in words if w.lower() != "by"]  # `by 王小明 2013/11/13`
    if words and all(w.lower() in _STAMP_LABEL_WORDS for w in words):
        # `Published at Nov 05, 2024 04:02 pm`: an English label of the stamp, nobody's name
        return Item("meta", text, date=stamp)
    names = strict_names(" ".join(words), surname=True) if len(rest) <= 12 else None
    if names and len(names) <= 3 and any(_ACCOUNT_HANDLE.fullmatch(n) for n in names):
        # `2017-09-27 06:00 · buyou`, `admin`: the stamp and the account that posted it, a
        # line of the header that names no writer
        return Item("meta", text, date=stamp)
    if names and len(names) <= 3:
        # `谢若含2017-03-01 14:27:02`: a byline box's name and timestamp printed together
        byline = Byline(raw=" ".join(words), authors=[Author(n, None) for n in names])
        return Item("meta", text, date=stamp, byline=byline)
    return None


def _one_writer(text: str) -> str | None:
    """`何新策`: one person's name with a known surname (not a place), else None."""
    names = strict_names(text, surname=True)
    if not names or len(names) != 1 or names[0] != text.strip() or place_name(names[0]):
        return None
    return names[0]


# An account's handle (`buyou`, `admin`, `bio_editor01`): lower case, no label to say it is a
# writer; a person's name in Latin letters is capitalised (`Megan Molteni`, `Kisplay`)
_ACCOUNT_HANDLE = re.compile(r"[a-z][a-z0-9_.\-]*")


# The words of an English label before or after a stamp (`Published at`, `Last updated on`)
_STAMP_LABEL_WORDS = frozenset(
    "published posted updated last first created modified date time at on publish".split()
)


# The fields a header row prints beside the date: the site's address, the comment count and
# the link to the comments (`0条评论`, `查看/发表评论`, `我来说几句`)
_ROW_FURNITURE = re.compile(
    r"(?:有)?\d{1,6}\s*(?:条|條|则|則|人参与|人參與)?\s*(?:评论|評論|留言|跟帖|跟贴)"
    r"|(?:查看|发表|發表|查看/发表|查看/發表|我要)(?:评论|評論|留言)|我来说几句|我來說幾句"
)


def _header_row(text: str, tz: ZoneInfo) -> Item | None:
    """A header row of fields split by `|` (`www.creaders.net | 2025-01-29 20:30:10 Newtalk新闻
    | 0条评论 | 查看/发表评论`): one field a date line, each other the site's address, a
    newsroom's name or the comments' counter and link. The row is the page's metadata."""
    fields = [f.strip() for f in re.split(r"[|｜]", text) if f.strip()]
    dated = [k for k, f in enumerate(fields) if next(find_dates(f, tz), None) is not None]
    if len(fields) >= 2 and not dated and len(text) <= MAX_ENGLISH_ROW_CHARS:
        # `5 Jan , 2021 | 娱乐前线`: an English day (the whole field) and the section it ran in
        days = [english_day(f, tz) for f in fields]
        if sum(d is not None for d in days) == 1 and all(
            d is not None or _ROW_FURNITURE.fullmatch(f) or _ROW_SECTION.fullmatch(f)
            for f, d in zip(fields, days, strict=True)
        ):
            return Item("meta", text, date=next(d for d in days if d is not None))
    if len(fields) < 2 or len(dated) != 1:
        return None
    others = fields[: dated[0]] + fields[dated[0] + 1 :]
    if not all(
        _ROW_FURNITURE.fullmatch(f)
        or _DOMAIN.fullmatch(f)
        or _SITE_LABEL.fullmatch(f)
        or _LABELLED_FIELD.fullmatch(f)
        for f in others
    ):
        return None
    item = _date_line(fields[dated[0]], tz)
    if item is None:
        # `_NEWSDATE: 2024-12-11`: a template's own label for the day, nothing after it
        found = next(find_dates(fields[dated[0]], tz))
        label = fields[dated[0]][: found.start].strip()
        if fields[dated[0]][found.end :].strip() or not _LATIN_LABEL.fullmatch(label):
            return None
        item = Item("meta", text, date=found.stamp)
    return replace(item, text=text)


MAX_ENGLISH_ROW_CHARS = 40
# A labelled field of a header row, its value short or left unfilled by the template
# (`News by: 纽约时报`, `专栏: 跨性别政策`, `_FONTSIZE: _FONT_SMALL _FONT_MEDIUM`); a credit's
# field (`作者：母心`, `来源：…`) is not one: the row then goes to `credits_in_meta`
_LATIN_LABEL = re.compile(r"_?[A-Za-z][A-Za-z_ ]{0,15}\s*[:：]")
_LABELLED_FIELD = re.compile(
    _LATIN_LABEL.pattern
    + r"\s*[^\s|｜:：。，]{0,12}(?:\s+_[A-Z_]{2,20}){0,4}"
    + r"|(?:专栏|專欄|栏目|欄目|分类|分類|频道|頻道)\s*[:：]\s*[^\s|｜:：。，]{1,12}"
)
# a section's name in a header row (`娱乐前线`, `World News`): a short label, no clause marks
_ROW_SECTION = re.compile(r"[\u4e00-\u9fffA-Za-z0-9&＆·・ ]{2,16}")


def _credit_before_stamp(text: str, found: DateMatch) -> Byline | None:
    """A reporter's credit (with or without its newsroom's name) printed before the line's
    date, nothing but the time after it: the credit, or None."""
    if _beside_date(text[found.end :], found).strip() or found.start < 4:
        return None
    head = text[: found.start].strip(" \u3000-–—|｜")
    credit = parse_credit_line(head) or parse_outlet_credit(head)
    if credit is None and (named := parse_name_then_role(head)) is not None:
        credit = replace(named, kind="byline")  # `崔锦宁 记者 2024-05-20 16:31`: role after name
    if credit is None:
        led = after_media(head)
        credit = parse_byline_line(led[1]) if led is not None else None
    if credit is None or not credit.authors or not _REPORTER_WORD.search(head):
        return None
    return credit


# `| 半導體與電子產業` after a leading date: a bar, then a section label (no clause marks)
_SECTION_AFTER_STAMP = re.compile(
    r"[|｜]\s*(?P<label>[\u4e00-\u9fffA-Za-z0-9&＆、·・ ]{2,16}?)\s*(?:[|｜]\s*)?"
)
# `X 發表於` before a date: the poster's name and the posting verb
_POSTER = re.compile(
    r"(?P<who>[^\s:：|｜,，。]{2,20}(?: [^\s:：|｜,，。]{2,20}){0,2})\s*" + POSTING_VERB
)
# A post line's marks and the post's age beside its date (`- 某某編輯部 @ 11-22-2014 / 今日`,
# `… @ 05-19-2013 / 2 years ago`): furniture of the line, no words of a name.
_POST_MARKS = re.compile(r"[-–—@/|｜·•]+")
_POST_AGE = re.compile(
    r"(?:^|(?<=[\s/｜|]))(?:今日|今天|昨日|昨天|前天|\d{1,3}\s*(?:years?|months?|weeks?|days?|hours?"
    r"|minutes?|mins?)\s+ago|\d{1,3}\s*(?:年|個月|个月|週|周|天|日|小時|小时|分鐘|分钟)前)\s*$"
)
# What a date line prints besides its date: clock times, `（2/21 22:08 更新）`, weekdays,
# separators.
_BESIDE_DATE = re.compile(
    r"[\s\d:：/\-.()（）\[\]【】|｜,，年月日]|星期[一二三四五六日天]|[周週][一二三四五六日]"
    r"|禮拜[一二三四五六日天]|礼拜[一二三四五六日天]|更新|發布|发布|發佈|发佈|最后|最後|时间|時間"
    # the posted and modified labels of Korean papers' Chinese editions (`登录 : … 修改 : …`)
    r"|登录|登錄|输入|輸入|修改"
    r"|[上下]午|凌晨|中午|晚上|早上"
)
_DOMAIN = re.compile(r"(?:https?://)?(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,6}/?")
_SITE_LABEL = re.compile(
    _DOMAIN.pattern
    + r"|《[^》]{2,16}》|[\u4e00-\u9fffA-Za-z]{1,12}(?:网|網|报|報|社|台|站|新闻|新聞|日报|日報|客户端|客戶端)"
    # the newsroom's app as the channel a story ran in: `第一财经APP`; an office's or an
    # account's name as the poster: `外交部发言人办公室`, `某某公众号`
    r"|[\u4e00-\u9fff]{2,8}(?:APP|App)|[\u4e00-\u9fff]{2,12}(?:办公室|辦公室|公众号|公眾號|官微)"
    # a newsroom's Latin name: `NOWnews`, `ETtoday`, `TVBS` (a writer's Latin name is not
    # one capitals word)
    r"|[A-Za-z]{0,10}(?:news|News|NEWS|today|Today|times|Times|daily|Daily)|[A-Z]{3,6}"
    # a desk of the newsroom: `編譯中心`, `国际部`
    r"|[\u4e00-\u9fff]{1,6}(?:中心|編輯部|编辑部|新聞部|新闻部|國際部|国际部)"
    # a portal's channel: `新浪图片`, `网易娱乐`, `腾讯财经`
    r"|[\u4e00-\u9fff]{2,4}(?:图片|圖片|视频|視頻|财经|財經|娱乐|娛樂|体育|體育|科技|汽车|汽車)"
)


# A short name after a leading timestamp: letters (digits inside a desk's column name,
# `轉角24小時`, never first), no punctuation.
_SOURCE_AFTER_STAMP = re.compile(
    r"[\u4e00-\u9fffA-Za-z](?:[\u4e00-\u9fffA-Za-z]|\d(?=\d{0,2}[\u4e00-\u9fffA-Za-z])){1,9}"
    r"(?: [\u4e00-\u9fffA-Za-z]{1,8})?"
)
_WORD_SPLIT = re.compile(r"[\s()（）\[\]【】]+")
# After a post's stamp: the poster, then the outlet it is reposted from.
_REPOSTED = re.compile(
    r"(?:(?P<who>[^\s，。,：:|｜]{2,20})\s+)?(?:转载自|轉載自|转自|轉自)\s*(?P<source>[^\s，。,]{2,30})"
)


def _beside_date(text: str, found: DateMatch) -> str:
    beside = text[: found.start] + " " + text[found.end :]
    if _COUNT_OR_ZONE_CUE.search(beside):
        beside = _VIEW_COUNT.sub(" ", _TIME_ZONE.sub(" ", beside))
    # `发布于 2024年12月14日 21时04分 • 最后更新 4周前`: the posting verb's `于`, the clock's
    # minute word, the age of the last edit and the dot between them
    beside = _STAMP_WORDS.sub(" ", beside)
    return _BESIDE_DATE.sub("", beside)


_STAMP_WORDS = re.compile(
    r"(?<=发布|發布|發佈|发佈|发表|發表|更新)\s*(?:于|於)|(?<=\s)分(?=[\s•·]|$)|[•·]"
    r"|\d{1,3}\s*(?:年|個月|个月|週|周|天|日|小時|小时|分鐘|分钟)前"
)


# What else a date line prints beside the date: the time zone (`2023-04-14 HKT 21:06`,
# `GMT+8`) and the story's view counter (`237 點擊數`, `阅读 1.2万`).
_TIME_ZONE = re.compile(
    r"(?<![A-Za-z])(?:"
    + "|".join(sorted(ZONE_NAMES, key=len, reverse=True))
    + r"|CST)(?:\s*[+\-]\s*\d{1,2}(?::?\d{2})?)?(?![A-Za-z])"
)
_VIEW_COUNT = re.compile(
    r"\d[\d,.]*\s*[万萬]?\s*(?:次)?(?:點擊數|点击数|點擊|点击|點閱數|点阅数|點閱|点阅|瀏覽數|浏览数|瀏覽|浏览"
    r"|閱讀數|阅读数|閱讀|阅读|人氣|人气|views?)"
    r"|(?:點擊數|点击数|點閱數|点阅数|瀏覽數|浏览数|閱讀數|阅读数|人氣|人气)\s*[：:]?\s*\d[\d,.]*\s*[万萬]?"
)
_COUNT_OR_ZONE_CUE = re.compile(r"[A-Z]{3}|點|点|瀏|浏|閱|阅|人|view")
# `1:48 pm`: a twelve-hour clock and nothing else
_TWELVE_HOUR_CLOCK = re.compile(r"\s*\d{1,2}:\d{2}(?::\d{2})?\s*[AaPp]\.?\s?[Mm]\.?\s*")
# `11/10/2020 - 08:50`: a numeric date (day and month in either order) and its time alone
_NUMERIC_STAMP = re.compile(
    r"\s*\d{1,4}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2,4}(?:\s*[-–—|,]?\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*"
)
_YEARLESS_STAMP = re.compile(
    r"\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:[（(]?(?:星期|週|周)[一二三四五六日天][)）]?)?"
    r"\s*(?:(?:上午|下午|晚上|凌晨)?\s*\d{1,2}[:：]\d{2})?\s*"
)
_CLOCK = re.compile(r"\d{1,2}:\d{2}")


def _above_text(blocks: list[Block], idx: int) -> bool:
    """No sentence of text is printed before `blocks[idx]`."""
    return not any(b.kind == "text" and _SENTENCE_MARK.search(b.text) for b in blocks[:idx])


_SENTENCE_MARK = re.compile(r"[。！？!?]")
_CLOCK_WORD = re.compile(r"[\d:：]+")
MAX_CHANNEL_LABEL = 6


# `TNW中文站 10月14日报道`, `（中央社台北1日電）`: newsroom, place and day, nobody named.
_DATELINE_ONLY = re.compile(
    r"^[（(【\[]?\s*[\u4e00-\u9fffA-Za-z]{2,12}?\s*(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日\s*"
    r"(?:专|專|综合|綜合|综合外|綜合外|外)?(?:电|電|讯|訊|报道|報導)\s*[)）】\]]?$"
)

# `央视网消息（新闻联播）：`, `本报讯：`: a newsroom + 消息/讯/电 (+ programme) + colon.
# (`本报讯（记者 王小明）` names a reporter: a byline, read as one further down.)
_NEWSROOM_LEAD_IN = re.compile(
    r"^[\u4e00-\u9fffA-Za-z]{1,10}(?:网|網|社|台|报|報|站|客户端|客戶端)\s*"
    r"(?:消息|讯|訊|电|電)\s*(?:[（(](?:(?!记者|記者|通讯员|通訊員)[^）)]){1,12}[)）])?\s*[：:]$"
)


def _person_as_source(value: str) -> Byline | None:
    """`来源: 尹娟`: a reprint site's source field holding a person, not a publisher."""
    value = value.strip()
    if not value or len(value) > 12 or _PUBLISHER_WORD.search(value):
        return None
    names = strict_names(value, surname=True)
    if not names or len(names) > 2 or any(len(n) > 3 or n.isascii() for n in names):
        return None
    return Byline(raw=value, authors=[Author(n, None) for n in names])


_PUBLISHER_WORD = re.compile(
    r"网|網|报|報|社|台|刊|站|新闻|新聞|杂志|雜誌|周刊|週刊|客户端|客戶端|公司|中心|局|部|委|厅|廳|办|辦|院|会|會"
)


def _ends_with_photo_credit(text: str) -> bool:
    """`…拍照留念。新华社记者 才扬 摄`, `…。中央社記者劉郁葶布拉格攝 114年11月7日`."""
    if _PHOTO_CREDIT_TAIL.search(text):
        return True
    split = split_trailing_credit(text)
    return split is not None and split[1].kind == "photo"


_PHOTO_CREDIT_TAIL = re.compile(
    r"(?<=[。！？”」』])\s*[^。！？]{0,12}(?:記者|记者)[^。！？]{2,16}(?:攝|摄)(?:影)?"
    r"\s*(?:\d{2,4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)?\s*$"
)


# A site's rules for its comment board, printed under the story: the notice that opens them
# (the comment system, and the site's rights or rules) and the rules listed under it.
_COMMENT_BOARD = re.compile(r"留言|评论区|評論區|讨论区|討論區|回文|回帖|跟帖")
_RULE_WORD = re.compile(r"规定|規定|规则|規則|守则|守則|须知|須知|权利|權利|权限|權限")
_RULE_LINE = re.compile(
    r"^(?:请勿|請勿|请不要|請不要|禁止|严禁|嚴禁|不得|请确认|請確認|为避免|為避免|违反|違反|发言|發言"
    r"|请遵守|請遵守|如有违反|如有違反)"
)
MAX_RULE_CHARS = 160
MIN_RULES = 2


def _mark_comment_rules(items: list[Item]) -> None:
    """A notice about the site's comment board (`X對留言系統使用者發布的文字…保有…權利`) and
    the rules listed under it (`請勿重覆刊登…`, `禁止發表…`, `違反上述規定者…有權刪除留言`)
    are the comment box's furniture, not text: two or more rule lines must follow."""
    for index, item in enumerate(items):
        if item.kind != "body" or len(item.text) > MAX_RULE_CHARS * 2:
            continue
        if not (_COMMENT_BOARD.search(item.text) and _RULE_WORD.search(item.text)):
            continue
        rules = []
        for k in range(index + 1, len(items)):
            nxt = items[k]
            if nxt.kind != "body" or len(nxt.text) > MAX_RULE_CHARS:
                break
            if not (_RULE_LINE.match(nxt.text) or _COMMENT_BOARD.search(nxt.text)):
                break
            rules.append(nxt)
        if len(rules) >= MIN_RULES:
            for rule in [item, *rules]:
                rule.kind = "debris"


def _mark_related_lists(items: list[Item]) -> None:
    """A related-links header takes the linked headlines listed under it.

    Only link lines (HTML anchors, Markdown link lines) are taken: a subhead after a list
    the page or the HTML reader emptied is text.
    """
    for index, item in enumerate(items):
        if item.kind != "related" or debris.related_header(item.text):
            continue  # `相关阅读：<headline>` carries its one link inline
        k = index + 1
        while k < len(items):
            nxt = items[k]
            if nxt.kind in ("image", "caption", "url", "boilerplate", "debris"):
                k += 1
                if re.search(r"(?i)end of list$", nxt.text):
                    break  # a list widget's closing label
                continue
            if nxt.kind in ("body", "heading") and nxt.links and debris.headline_shaped(nxt.text):
                nxt.kind = "debris"
                k += 1
                continue
            break
        _mark_card_rail(items, k)


# `全日綜合報道：`, `周三報道：`, `較早前报道：`: a label naming the outlet's earlier coverage
# (a day, a time, `綜合`), the colon pointing at the linked headline under it
_COVERAGE_LABEL = re.compile(r"^[\u4e00-\u9fff]{0,8}(?:報道|报道|報導|报导)\s*[：:]$")


def _mark_coverage_labels(items: list[Item]) -> None:
    """A label naming earlier coverage over the linked headlines of those stories
    (`全日綜合報道：` ⏎ `<a>黎智英案第63日審訊｜…</a>` ⏎ `周三報道：` ⏎ `<a>…</a>`, set under a
    live report's lead) is a related list: label and links are not text. Evidence: every
    label has at least one line under it that is all link and headline-shaped; a label over
    prose (`據新華社報道：` ⏎ a quoted passage) is text."""
    index = 0
    while index < len(items):
        item = items[index]
        if item.kind != "body" or not _COVERAGE_LABEL.match(item.text.strip()):
            index += 1
            continue
        k = index + 1
        while (
            k < len(items)
            and items[k].kind in ("body", "heading")
            and items[k].links
            and not _COVERAGE_LABEL.match(items[k].text.strip())
            and debris.headline_shaped(items[k].text)
        ):
            k += 1
        if k == index + 1:
            index += 1
            continue
        for listed in items[index:k]:
            listed.kind = "debris"
        index = k


MAX_TOPIC_LABEL_CHARS = 8


def _mark_aged_excerpts(items: list[Item]) -> None:
    """Excerpt cards of other stories (`更多即時新聞` under the text whose headlines a saved
    page lost): a run of paragraphs each followed by its own post age (`10分鐘前`, `2小時前`)
    is a list of teasers, however long their excerpts. A story's paragraphs are never
    stamped one by one with how long ago they were posted; two stamped in a row make the
    run. A card's source and day (`法国中文网 2024-10-26`) stamps it as its age does, and an
    unstamped paragraph that closes the items right after such a run is its last card."""
    run: list[Item] = []
    unstamped: Item | None = None  # the paragraph the next age line would stamp
    for item in [*items, Item("end", "")]:  # the end of the items closes the last run
        if item.kind in ("image", "caption", "url", "boundary"):
            continue
        if (item.kind in ("debris", "body") and debris.RELATIVE_TIME.fullmatch(item.text)) or (
            item.kind in ("debris", "body", "meta")
            and debris.CARD_STAMP.fullmatch(item.text.strip())
        ):
            if unstamped is not None:
                run.append(unstamped)
            unstamped = None
            continue
        if unstamped is not None or item.kind not in ("body", "debris"):
            if len(run) >= 2:
                if item.kind == "end" and unstamped is not None:
                    run.append(unstamped)  # the list's last card, its stamp left out
                for teaser in run:
                    teaser.kind = "debris"
            run = []
        unstamped = item if item.kind == "body" else None


def _mark_card_rail(items: list[Item], start: int) -> None:
    """The cards of a rail under a related header whose links a saved page lost (`阅读最多`
    over `<article>` cards: a topic label, `联邦政治`, over an unlinked headline, each card
    its own article element): a headline with no text under it before the next card or
    header is another story's teaser. The rail ends at the first line of prose; a heading
    with prose under it is the story's subhead, and it ends the rail too."""
    marked: list[Item] = []
    k = start
    while k < len(items):
        item = items[k]
        if item.kind in ("boundary", "image", "caption", "url", "debris", "related"):
            k += 1
            continue
        if (
            item.kind == "body"
            and len(item.text) <= MAX_TOPIC_LABEL_CHARS
            and not _CLAUSE_PUNCT.search(item.text)
        ):
            marked.append(item)
            k += 1
            continue
        if item.kind == "heading" and debris.headline_shaped(item.text):
            nxt = next(
                (x for x in items[k + 1 :] if x.kind not in ("image", "caption", "url", "debris")),
                None,
            )
            if nxt is None or nxt.kind in ("boundary", "related"):
                marked.append(item)
                k += 1
                continue
        break
    if any(it.kind == "heading" for it in marked):
        for it in marked:
            it.kind = "debris"


# `来源：财新网，原文`, `原文来自财新网：…`, `原文链接：…`, `原文刊发于澎湃新闻…`, `转载自…`: an
# archivist's note on where a mirrored post comes from.
_PROVENANCE_RE = re.compile(
    r"^(?:>\s*)?(?:来源|來源|原文|原文链接|原文連結|转载自|轉載自|转自|轉自|出处|出處)"
)


_ORIGINAL_MARK = re.compile(
    r"^原创\s*[：:]\s*(?P<name>[^\s：:，,。]{2,12})(?:\s+[^\s。，,]{1,20})?$"
)


def _mark_provenance_header(items: list[Item]) -> None:
    """A few short lines above a post's first thematic break that say where it comes from.

    Archives of deleted or mirrored articles open the body with `来源：财新网，原文` or
    `原文来自…` (a link to the original), sometimes a byline block, then `---` and the text.
    Those lines are not body; a byline among them stays a byline (it names the writers).
    """
    rule = next((i for i, it in enumerate(items) if it.kind == "rule"), None)
    if rule is None or rule == 0 or rule > 5:
        return
    header = [it for it in items[:rule] if it.kind not in ("image", "url")]
    if not header or any(len(it.text) > 160 for it in header):
        return
    if not any(_PROVENANCE_RE.match(it.text) for it in header):
        return
    if sum(1 for it in items[rule + 1 :] if it.kind == "body") < 2:
        return
    for it in header:
        if it.kind in ("body", "quote", "related", "heading", "subhead", "caption"):
            it.kind = "debris"
    # `---` / `原创：黄沙律师 深圳沙沙` / `---`: the platform's original-content mark, set
    # off by rules under the header, names the writer (first) and the account
    second = next((i for i in range(rule + 1, len(items)) if items[i].kind == "rule"), None)
    if second is None or second - rule > 3:
        return
    for it in items[rule + 1 : second]:
        mark = _ORIGINAL_MARK.match(it.text) if it.kind == "body" else None
        if mark:
            author = Author(mark.group("name"), None)
            it.kind, it.byline = "byline", Byline(raw=it.text, authors=[author])


# `原文链接：https://…`, `本文網址：…`: a mirror's or a reprint's link to the original, a
# label and a URL and nothing else
_SOURCE_LINK_RE = re.compile(
    r"^(?:原文|本文|文章|来源|來源)(?:链接|連結|鏈接|地址|網址|网址)"
    r"(?:\s*[（(][^（）()]{1,12}[)）])?"  # a note on the label: `原文地址（需翻墙访问）：`
    r"\s*[：:]\s*(?:https?://|www\.)\S+$",
    re.IGNORECASE,
)


# `[jinwucj](https://…/details/265687605)`: a link whose label is an identifier, no words
_SLUG_LABEL_RE = re.compile(r"[A-Za-z][A-Za-z0-9_.\-]{1,39}")


def _mark_source_links(items: list[Item]) -> None:
    """A line that only points to where the text was first published is not body: a labelled
    address (`原文链接：https://…`), or a post's last line that is one link labelled with an
    identifier, not words (`[investing_cn](https://cn.investing.com/news/…)`: the feed key a
    scraper writes under the text it copied)."""
    for item in items:
        if item.kind in ("body", "heading", "subhead", "quote", "caption") and (
            _SOURCE_LINK_RE.match(item.text.strip())
        ):
            item.kind = "debris"
    last = next((it for it in reversed(items) if it.kind in ("body", "heading", "subhead")), None)
    if (
        last is not None
        and last.links
        and _SLUG_LABEL_RE.fullmatch(last.text.strip())
        and any(it.kind == "body" and not it.links for it in items)
    ):
        last.kind = "debris"


# `参考文章：`, `參考資料：`, `参考文献`: the label of the list of what a piece drew on; `采访嘉宾：`,
# `受访嘉宾`: of the list of who it interviewed (name, post)
_REFERENCES_LABEL = re.compile(
    r"^[*_\s]*(?:(?:参考|參考)(?:文章|资料|資料|文献|文獻|来源|來源|链接|連結|阅读|閱讀)"
    r"|(?:资料|資料)(?:来源|來源)"
    r"|(?:采访|採訪|受访|受訪|本期)(?:嘉宾|嘉賓))[*_\s]*(?:[：:]|$)"
)
MAX_REFERENCE_CHARS = 80
MAX_REFERENCES = 10


def _mark_closing_references(items: list[Item]) -> None:
    """The list of what a piece drew on, or of whom it interviewed, closing its text
    (`参考文章：` / `1.《AI智能眼镜，越做就发现越难》`, `采访嘉宾：` / `薄列峰，通义实验室…负责人`):
    its label and the short lines under it to the end are not text."""
    _mark_closing_list(items, _REFERENCES_LABEL, MAX_REFERENCES, MAX_REFERENCE_CHARS)


def _mark_closing_list(
    items: list[Item], label: re.Pattern, max_items: int, max_chars: int | None = None
) -> None:
    """A labelled list closing the text: the label's line, then the lines under it to the
    end (at most `max_items`, each at most `max_chars` when given), are debris. The label may
    be debris already (`资料来源：` alone reads as a credit's empty label); text must stand
    above it."""
    body = [
        i
        for i, it in enumerate(items)
        if it.kind in ("body", "subhead", "heading")
        or (it.kind == "debris" and label.match(it.text))
    ]
    for pos, index in enumerate(body):
        if not label.match(items[index].text):
            continue
        rest = body[pos + 1 :]
        if pos == 0 or len(rest) > max_items:
            return
        if max_chars is None or all(len(items[i].text) <= max_chars for i in [index, *rest]):
            for i in [index, *rest]:
                items[i].kind = "debris"
        return


# `※新聞人正期刊344期三版〈重獲新身〉更正啟事：`: the label of a correction notice closing the
# page, a list of what an earlier printing got wrong (`*第2段：修正過後，…`)
_CORRECTION_LABEL = re.compile(
    r"^[※*\s]*[^。！？]{0,40}(?:更正啟事|更正启事|更正聲明|更正声明|勘誤|勘误)\s*[：:]?\s*$"
)
MAX_CORRECTIONS = 10


def _mark_closing_corrections(items: list[Item]) -> None:
    """A correction notice closing the text (its label, then the corrected points to the
    end): the outlet's note on an earlier printing, not the story's text."""
    _mark_closing_list(items, _CORRECTION_LABEL, MAX_CORRECTIONS)


MAX_BOX_LABEL_CHARS = 12


def _mark_trailing_link_boxes(items: list[Item]) -> None:
    """Boxes after the text, each a short heading over lines that are only links (`提到的股票`
    / `[2317 鴻海](…)`, `參考資料` / `[Nissan open to new partners…](…)`): the site's tags and
    references, not text. Only when every line from the first such heading to the end is a
    heading, a short label or a link line, and prose stands above them."""
    end = len(items)
    while end and items[end - 1].kind in ("debris", "image", "url", "boilerplate"):
        end -= 1
    start = end
    while start and (
        items[start - 1].links
        or (
            items[start - 1].kind in ("heading", "subhead", "body")
            and len(items[start - 1].text.strip()) <= MAX_BOX_LABEL_CHARS
            and not _CLAUSE_PUNCT.search(items[start - 1].text)
        )
    ):
        start -= 1
    run = items[start:end]
    while run and run[0].links:  # the run opens with its first box's heading
        run, start = run[1:], start + 1
    if not run or not run[-1].links:
        return
    if not any(it.kind == "body" and not it.links for it in items[:start]):
        return
    if any(not it.links and not items[k + 1].links for k, it in enumerate(run, start)):
        return  # a label with no link under it: not a box of links
    for item in run:
        item.kind = "debris"


# `[禁闻聚合首页](…) | [一键翻墙软件](…)`, `首页 | 新闻 | 体育`: a row of short links with
# separators between them, a site's or a mirror's navigation
_LINK_ROW_SEPARATORS = re.compile(r"\s*[|｜]\s*")


def _mark_link_rows(items: list[Item]) -> None:
    """A row of two or more short labels split by `|` after the text's first paragraph is
    navigation, not body: when it is mostly link text (`Item.links`), or when no paragraph
    follows it (a mirror's footer whose Markdown links an HTML body left unread). Before the
    first paragraph, a row of three or more such labels with no clause punctuation is the
    mirror's or the site's navigation too (`首页 | 手把手翻墙教程 | 禁闻聚合安卓版`), not a
    deck under the headline."""
    body_at = [i for i, it in enumerate(items) if it.kind == "body" and not it.links]
    if not body_at:
        return
    for item in items[: body_at[0] + 1]:
        if item.kind not in ("body", "heading", "subhead") or _CLAUSE_PUNCT.search(item.text):
            continue
        parts = [p for p in _LINK_ROW_SEPARATORS.split(item.text.strip()) if p]
        if len(parts) >= 3 and all(len(p) <= 12 for p in parts):
            item.kind = "debris"
    body_at = [i for i, it in enumerate(items) if it.kind == "body" and not it.links]
    if not body_at:
        return
    for index in range(body_at[0] + 1, len(items)):
        item = items[index]
        if item.kind not in ("body", "heading", "subhead"):
            continue
        if not item.links and index < body_at[-1]:
            continue
        parts = [p for p in _LINK_ROW_SEPARATORS.split(item.text.strip()) if p]
        if (
            len(parts) >= 2
            and all(len(p) <= 12 for p in parts)
            and (_LINK_ROW_SEPARATORS.search(item.text))
        ):
            item.kind = "debris"


# `台北 —`, `达累斯萨拉姆 —`: a dateline printed on its own above the lead (VOA's style), a
# place and a dash, nothing of the story
_PLACE_DATELINE_RE = re.compile(r"^[\u4e00-\u9fff·・]{2,12}\s*[—–-]{1,2}$")
# `2014年5月21日`, `2014年5月21日 星期三`: a date and nothing else
_DATE_ONLY_RE = re.compile(
    r"^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"(?:\s*[（(]?\s*(?:星期|周|週|礼拜|禮拜)[一二三四五六日天][)）]?)?$"
)


def _mark_place_datelines(items: list[Item]) -> None:
    """A place-and-dash dateline line before the first paragraph is not a paragraph; nor is
    a line that is only a date there (`2014年5月21日`, an e-paper's issue date printed over
    the story): it is a date line (kind meta, its date kept as evidence)."""
    for item in items:
        if item.kind in ("subhead", "heading", "body") and _DATE_ONLY_RE.match(item.text.strip()):
            item.kind = "meta"
            continue
        if item.kind != "body":
            continue
        if _PLACE_DATELINE_RE.match(item.text.strip()):
            item.kind = "debris"
        return  # only the line that would be the first paragraph


def _mark_footers(items: list[Item]) -> None:
    """A thematic break whose section opens with debris or a credit starts a post footer.

    `---` + a subscription appeal, `---` + avatar + `博客 | 林兆彬` + bio: the section's
    credits are kept (they name the writer), the rest of it is not body.
    """
    in_footer = False
    for index, item in enumerate(items):
        if item.kind != "rule":
            continue
        section = []
        k = index + 1
        while k < len(items) and items[k].kind != "rule":
            section.append(items[k])
            k += 1
        opener = next((it for it in section if it.kind not in ("image", "url")), None)
        in_footer = in_footer or (
            opener is not None
            and opener.kind in ("debris", "related", "boilerplate", "byline")
            and any(it.kind == "body" for it in items[:index])  # a footer follows text
        )
        if not in_footer:
            continue  # a footer, once begun, runs to the end of the post
        for it in section:
            if it.kind in ("body", "heading", "caption", "quote", "subhead"):
                it.kind = "debris"


# the button of a support appeal: `立即支持`, `贊助我們`, `成為會員`, `马上订阅`
_APPEAL_BUTTON = re.compile(
    r"^(?:立即|馬上|马上|我要|現在|现在|一起)?"
    r"(?:支持|贊助|赞助|捐款|捐助|訂閱|订阅|加入會員|加入会员|成為會員|成为会员|成為訂戶|成为订户)"
    r"(?:我們|我们|本站|本報|本报)?\s*[>»→]?$"
)
_APPEAL_WORD = re.compile(r"支持|贊助|赞助|捐|訂閱|订阅|訂戶|订户|會員|会员")
MAX_APPEAL_BOX_ITEMS = 8


def _mark_appeal_boxes(items: list[Item]) -> None:
    """A support appeal boxed under the story (`用行動支持報導者` over three lines about the
    newsroom's independence and `<a>立即支持</a>`) is not text. Evidence: a linked button
    line that asks for support, the other lines of its element (at most a few) speak of
    support too, the story's text stands above the element, and no text follows it."""
    for index, item in enumerate(items):
        if not (item.links and item.dom_path and _APPEAL_BUTTON.match(item.text.strip())):
            continue
        if any(it.kind in ("body", "subhead", "heading") for it in items[index + 1 :]):
            continue
        if index == 0 or not items[index - 1].dom_path:
            continue
        box = content.common_path([items[index - 1].dom_path, item.dom_path])
        depth = len(box)
        start = index
        while start > 0 and items[start - 1].dom_path[:depth] == box:
            start -= 1
        group = items[start : index + 1]
        if (
            not box
            or len(group) > MAX_APPEAL_BOX_ITEMS
            or not any(it.kind == "body" for it in items[:start])
            or not any(_APPEAL_WORD.search(it.text) for it in items[start:index])
        ):
            continue
        for it in group:
            if it.kind in ("body", "heading", "caption", "quote", "subhead"):
                it.kind = "debris"


def _mark_notes_boxes(items: list[Item]) -> None:
    """A <blockquote> box after the text that holds debris is a notes box: its other short
    lines are notes, not a passage quoted in the text.

    A press release's notes, printed in a quote box under the text: `觀賞…影片，請點選此處；
    …請點選此處。` (link prompts, debris) and the fine print under them
    (`電池續航力因裝置、設定…不同而產生差異。`). Only a box after the text's last paragraph
    counts, and only one-sentence lines of it go (a quoted passage is longer).
    """
    start = 0
    while start < len(items):
        item = items[start]
        if not item.in_blockquote or not item.dom_path:
            start += 1
            continue
        box = item.dom_path[:-1]
        end = start
        while end < len(items) and (
            items[end].kind in ("image", "url")
            or (items[end].in_blockquote and items[end].dom_path[:-1] == box)
        ):
            end += 1
        group = items[start:end]
        if (
            any(it.kind == "debris" for it in group)
            and any(it.kind == "body" for it in items[:start])
            and not any(it.kind == "body" for it in items[end:])
        ):
            for it in group:
                if it.kind in ("body", "quote") and _fine_print(it.text):
                    it.kind = "debris"
        start = max(end, start + 1)


MAX_NOTE_CHARS = 80
MAX_PROMO_LINE_CHARS = 20
_CLAUSE_MARKS = re.compile(r"[，,。！？!?；;：:、]")


def _mark_promo_lines(items: list[Item]) -> None:
    """A short label printed in one element with debris, split from it by `<br>`
    (`下载客户端<br>独家抢先看`: a promotion box's two lines), is the rest of that debris.

    Only an element that holds nothing else qualifies: each of its other lines is debris
    or such a label (short, no clause or sentence mark, not bold)."""
    groups: dict[tuple, list[Item]] = {}
    for item in items:
        if item.dom_path:
            groups.setdefault(item.dom_path, []).append(item)
    for group in groups.values():
        if len(group) < 2 or not any(it.kind == "debris" for it in group):
            continue
        labels = [it for it in group if it.kind != "debris"]
        if labels and all(
            it.kind == "body"
            and not it.bold
            and len(it.text.strip()) <= MAX_PROMO_LINE_CHARS
            and not _CLAUSE_MARKS.search(it.text)
            for it in labels
        ):
            for it in labels:
                it.kind = "debris"


def _fine_print(text: str) -> bool:
    """One short sentence: a note's line, not a quoted passage."""
    text = text.strip()
    return len(text) <= MAX_NOTE_CHARS and len(re.findall(r"[。！？!?]", text[:-1])) == 0


# A numbered item's head (`4.Jamie Clayton`, `4、杰米`): the number, its mark, the head
_LIST_ITEM_HEAD = re.compile(r"^\s*(?P<n>\d{1,2})\s*(?P<mark>[.．、])\s*\S")
MAX_NUMBERED_HEAD_CHARS = 40


def _mark_numbered_heads(items: list[Item]) -> None:
    """A short numbered head printed between two pictures (`<img> 4.Jamie Clayton <img>`)
    reads like a caption, but when the text around it numbers its items the same way
    (`3.Caroline Cossey，英国` and `5.Kim Petras` as lines of text) it is the list's next
    head: a line of the text. A caption numbered alone (`1.`) stays a caption."""
    numbered: dict[str, set[int]] = {}
    for item in items:
        found = _LIST_ITEM_HEAD.match(item.text) if item.kind in ("body", "subhead") else None
        if found and len(item.text) <= MAX_NUMBERED_HEAD_CHARS:
            numbered.setdefault(found["mark"], set()).add(int(found["n"]))
    if not numbered:
        return
    for item in items:
        found = _LIST_ITEM_HEAD.match(item.text) if item.kind == "caption" else None
        if found is None or len(item.text) > MAX_NUMBERED_HEAD_CHARS:
            continue
        seen = numbered.get(found["mark"], set())
        number = int(found["n"])
        if number - 1 in seen or number + 1 in seen:
            item.kind = "body"


def _mark_name_lines(items: list[Item]) -> None:
    """A names-only line in the byline block above the text is the byline.

    The block: the timestamp, the newsroom, the picture that open a page (DW: `德正` over
    `2025-11-23T13:08:54Z`; 中時: `15:31 2018/09/16` / `中時` / `謝明俊`).
    """
    for index, item in enumerate(items):
        if item.kind == "body" and len(item.text) > 40:
            return
        if item.kind != "body" or len(item.text) > 20:
            continue
        neighbours = items[max(0, index - 1) : index] + items[index + 1 : index + 2]
        if not any(
            it.kind in ("meta", "image")
            or (it.kind == "body" and len(it.text) <= 16 and not _CLAUSE_PUNCT.search(it.text))
            for it in neighbours
        ):
            continue
        names = strict_names(item.text, surname=True)
        if names and not any(BRAND_WORD.fullmatch(n) for n in names):
            _name_byline(item, names)


# A line that is only a writer's job title: the newsroom and the post (`BBC中文記者`,
# `BBC亞洲商業事務記者`, `本報駐京記者`), a credit that names nobody.
_JOB_TITLE = re.compile(r"(?:记者|記者|特派员|特派員|通讯员|通訊員|评论员|評論員|主播)$")
MAX_JOB_TITLE_CHARS = 20
MAX_LINE_NAMES = 3


def _name_byline(item: Item, names: list[str] | None) -> bool:
    """Make `item` the byline of `names` (one to `MAX_LINE_NAMES` writers); False when there
    are none or too many for a byline."""
    if not names or len(names) > MAX_LINE_NAMES:
        return False
    authors = [Author(name, None) for name in names]
    item.kind, item.byline = "byline", Byline(raw=item.text, authors=authors)
    return True


MAX_NAME_OVER_TITLE_CHARS = 30
# The writer's name printed again in brackets in Latin script: `尼克·馬什（Nick Marsh）`.
_NAME_GLOSS = re.compile(r"\s*[（(][A-Za-z .'\-]{2,40}[)）]$")


# The heading of a writer's bio under the text (`作者簡介：`, `【作者简介】`)
_BIO_HEADING = re.compile(
    r"^[【\[〔]?\s*(?:作者|作家|撰稿人|笔者|筆者)\s*(?:简介|簡介|介绍|介紹|小传|小傳)\s*[】\]〕]?\s*[：:]?$"
)
# the bio's first paragraph opens with the writer's name: `暢鐘，獨立學者，…`
_BIO_NAME = re.compile(r"^(?P<name>[\u4e00-\u9fff·]{2,4})[，,]")
MAX_BIO_PARAGRAPHS = 3
MAX_BIO_PARAGRAPH_CHARS = 200


def _mark_author_bio(items: list[Item]) -> None:
    """A writer's bio closing the text (`作者簡介：` over one to three short paragraphs, the
    first opening with the writer's name: `暢鐘，獨立學者，…`) is a credit, not text: the
    heading becomes the byline of the name it opens with, the paragraphs are not text. Only
    when nothing of the text follows them (the end of the page, or the next story's
    heading)."""
    for i, item in enumerate(items):
        if len(item.text) > 12 or not _BIO_HEADING.match(item.text.strip()):
            continue
        j = i + 1
        while j < len(items) and items[j].kind == "body" and j - i <= MAX_BIO_PARAGRAPHS:
            if len(items[j].text) > MAX_BIO_PARAGRAPH_CHARS:
                return
            j += 1
        rest = itertools.takewhile(lambda it: it.kind != "heading", items[j:])
        if j == i + 1 or any(it.kind == "body" for it in rest):
            return
        name = _BIO_NAME.match(items[i + 1].text)
        names = strict_names(name.group("name")) if name else None
        authors = [Author(names[0], "作者")] if names and len(names) == 1 else []
        items[i] = Item("byline", item.text, byline=Byline(raw=item.text, authors=authors))
        for k in range(i + 1, j):
            items[k] = Item("debris", items[k].text)
        return


def _mark_name_over_job_title(items: list[Item]) -> None:
    """A names-only line over a line that is only a job title, the two items of one byline
    list (`<li>陳岩</li><li>BBC中文記者</li>`), is the byline: the title names nobody, the
    line over it is who holds it. The name printed again in Latin script in brackets is the
    same person (`尼克·馬什（Nick Marsh）`)."""
    for index in range(len(items) - 1):
        item, title = items[index], items[index + 1]
        credit = title.byline
        if title.kind != "byline" or credit is None or credit.authors:
            continue
        if len(title.text.strip()) > MAX_JOB_TITLE_CHARS or not _JOB_TITLE.search(title.text):
            continue
        if item.kind not in ("body", "meta", "quote") or item.byline is not None:
            continue
        if len(item.text.strip()) > MAX_NAME_OVER_TITLE_CHARS:
            continue
        if not item.dom_path or item.dom_path[:-1] != title.dom_path[:-1]:
            continue  # not two items of one element
        _name_byline(item, strict_names(_NAME_GLOSS.sub("", item.text.strip())))


def _mark_glossed_name_byline(items: list[Item]) -> None:
    """A bold line opening the text that is a transliterated name with its Latin spelling
    in brackets (`古德伦・塞勒（Gudrun Sailer）`, a translated feature's writer) is the byline,
    not a subhead: only the first line of text, and only a name joined by a `·`."""
    first = next((it for it in items if it.kind == "body"), None)
    if first is None or not first.bold:
        return
    text = first.text.strip()
    if not _NAME_GLOSS.search(text) or len(text) > MAX_NAME_OVER_TITLE_CHARS + 20:
        return
    names = strict_names(_NAME_GLOSS.sub("", text))
    if names and all(re.search(r"[·・•‧]", n) for n in names):
        _name_byline(first, names)


# `字数: 4649字`, `字數：1451字`: the article's word count, printed in its byline row
_WORD_COUNT_FIELD = re.compile(r"\s*字[数數]\s*[:：]?\s*\d{2,6}\s*字\s*$")
# `宁夏回族自治区党委书记 李邑飞`: an office and its holder's name after a space
_OFFICE_AND_NAME = re.compile(r"^(?P<office>[^\s。！？，；：:]{2,40})\s+(?P<name>\S{2,4})$")


def _mark_word_count_rows(items: list[Item]) -> None:
    """A row above the text that ends with the article's word count (`彬礼 字数: 1451字`,
    `宁夏回族自治区党委书记 李邑飞 字数: 4649字`, `字数 293字`) is the article's information row,
    not text: the names before the count, or the holder of the office printed before one name,
    are its writers."""
    for item in items:
        if item.kind == "byline" or len(item.text) > MAX_NAME_OVER_TITLE_CHARS + 20:
            continue
        if item.kind == "body" and _CLAUSE_PUNCT.search(_WORD_COUNT_FIELD.sub("", item.text)):
            continue
        match = _WORD_COUNT_FIELD.search(item.text)
        if match is None:
            continue
        rest = item.text[: match.start()].strip()
        office = _OFFICE_AND_NAME.match(rest)
        names = strict_names(rest) or (office and strict_names(office["name"]))
        if not _name_byline(item, names):
            item.kind = "debris"


# `雷递网 雷建平 2月7日`: the outlet, its writers and the day, one line above the text
_BRAND_NAMES_DAY = re.compile(
    r"^[\u4e00-\u9fffA-Za-z0-9]{1,8}(?:网|網|报|報|社|台|财经|財經|新闻|新聞)\s+"
    r"(?P<names>[\u4e00-\u9fff·]{2,5}(?:\s+[\u4e00-\u9fff·]{2,5}){0,2})\s+"
    r"\d{1,2}\s*月\s*\d{1,2}\s*日$"
)


def _mark_brand_names_day_rows(items: list[Item]) -> None:
    """A line above the text's first sentence that prints the outlet, names and the day
    (`雷递网 雷建平 2月7日`): the byline, its names the writers."""
    for item in items:
        if item.kind == "body" and ends_sentence(item.text):
            return
        match = _BRAND_NAMES_DAY.match(item.text.strip()) if item.kind == "body" else None
        _name_byline(item, strict_names(match["names"]) if match else None)


MAX_LABEL_CHARS = 6


def _mark_byline_block_labels(items: list[Item]) -> None:
    """A short label between the byline block's lines above the text is part of it: the
    newsroom in `15:31 2018/09/16` / `中時` / `謝明俊`, or the provider between the headline
    and its timestamp (`標題` / `法新社` / `2024年5月20日週一 下午2:05`), not a paragraph."""
    for index, item in enumerate(items):
        if item.kind == "body" and len(item.text) > MAX_LABEL_CHARS:
            return
        if item.kind != "body" or _CLAUSE_PUNCT.search(item.text) or not 0 < index < len(items) - 1:
            continue
        if items[index - 1].kind in ("meta", "byline", "heading") and items[index + 1].kind in (
            "meta",
            "byline",
        ):
            item.kind = "meta"
        elif place_name(item.text) and _after_meta_of_its_element(items, index):
            # `2024-05-13 09:16:04 来源: 北青网` / `北京`: where the post was sent from,
            # printed in the meta line's element (its report button dropped), not text
            item.kind = "meta"


def _after_meta_of_its_element(items: list[Item], index: int) -> bool:
    """The line follows a meta line of the same element (pictures between them aside)."""
    path = items[index].dom_path
    before = next((it for it in reversed(items[:index]) if it.kind != "image"), None)
    return bool(path) and before is not None and before.kind == "meta" and before.dom_path == path


def drop_title_echo(items: list[Item], title: str | None) -> list[Item]:
    """The title printed again at the top or the end of a post body is not text.

    At the top it may be broken over up to three lines (`四平街保卫战` / `——解放日报时评`).
    """
    if not title:
        return items
    key = _echo_key(title)
    contents = [i for i, it in enumerate(items) if it.kind in ("heading", "body", "subhead")]
    # `新华社北京4月24日电 题：<title>`: a wire story's header line is an echo too
    heads = []
    for i in contents[:3]:
        if len(items[i].text) > len(title) + 30:
            break  # prose is never an echo, and an echo below the lead is a subhead
        heads.append(_echo_key(_WIRE_HEADLINE.sub("", items[i].text)))
    drop: set[int] = set()
    for size in range(1, len(heads) + 1):
        if "".join(heads[:size]) == key:
            drop.update(contents[:size])
            break
    if not drop:
        drop.update(_broken_echo(items, key))
    if not drop:
        drop.update(_echo_under_kicker(items, contents, key))
    last = items[contents[-1]].text if contents else ""
    if contents and len(last) <= len(title) + 10 and _echo_key(last) == key:
        drop.add(contents[-1])
    if not drop:
        return items
    return [it for i, it in enumerate(items) if i not in drop]


MAX_KICKER_CHARS = 30


def _echo_under_kicker(items: list[Item], contents: list[int], key: str) -> list[int]:
    """The title printed again as the text's second or third line, under its kicker (short
    lines that end no sentence, as text or as headings: `拆房屡出命案 管理形同虚设` /
    `谁来为无序拆房“埋单”？`, `<h3 class="headline">守底线 固基础 强引领 融国际</h3>` / `<h1>…`):
    the echo and the kicker over it are the headline's, not text."""
    for pos in (1, 2):
        if pos >= len(contents) or _echo_key(items[contents[pos]].text) != key:
            continue
        above = [items[i] for i in contents[:pos]]
        if all(
            it.kind in ("body", "subhead", "heading")
            and len(it.text) <= MAX_KICKER_CHARS
            and not _SENTENCE_MARK.search(it.text)
            for it in above
        ):
            return contents[: pos + 1]
    return []


_SENTENCE_MARK = re.compile(r"[。！？!?；;：:]")
_WIRE_HEADLINE = re.compile(r"^[^，。：:]{2,30}?(?:电|電|讯|訊)\s*(?:题|題)\s*[：:]\s*")
MAX_ECHO_SCAN = 12
MAX_ECHO_LINES = 6


def _broken_echo(items: list[Item], key: str) -> list[int]:
    """An official notice prints its title again over the text, centred and broken into
    short lines (`…关于禁止在` / `…工程建设` / `…建设项目` / `和迁入人口的通告`): consecutive
    lines near the top that together are the title, each a part of it."""
    lines = [
        i
        for i, it in enumerate(items[:MAX_ECHO_SCAN])
        if it.kind in ("heading", "body", "subhead", "quote")
    ]
    for n in range(len(lines)):
        joined = ""
        for k, index in enumerate(lines[n : n + MAX_ECHO_LINES]):
            if k and index != lines[n + k - 1] + 1:
                break
            joined += _echo_key(items[index].text)
            if not key.startswith(joined):
                break
            if joined == key and k:
                return lines[n : n + k + 1]
    return []


def _echo_key(text: str) -> str:
    return _SPACES.sub("", text).strip("#>")


_SPACES = re.compile(r"[\s\u3000]+")


# ---------------------------------------------------------------------------------------
# Article boundaries


@dataclass
class _Draft:
    article: Article
    items: list[Item] = field(default_factory=list)
    bylines: list[Byline] = field(default_factory=list)
    ended: bool = False
    heading_path: tuple = ()  # HTML: where the heading run that opened the draft sits


MIN_DIGEST_SECTIONS = 3
MAX_LIST_LINE_CHARS = 100  # a line of a summary list above the sections, not prose


def digest_sections(blocks: list[Block]) -> list[Block] | None:
    """A Markdown document that is a sequence of headed stories, re-cut into stories.

    Many sites publish a day's stories as one post: `### title`, the story, a link to the
    story's own page. An article with subheads looks alike, so the evidence is the link:
    at one heading level, ≥ 3 headings each open a section that holds a link-only line of
    its own (a web address no other section links to; a `[返回目录](#top)` line repeated
    under every subhead is not one), at least 3 sections hold text, and before the first
    section there is no article prose: headings, a summary list of short lines and at
    most one lead paragraph. A table of contents above a long article is such a list too,
    which is why the list is not evidence on its own.

    Returns the blocks with a `boundary` before every section, each section's link line
    as its `url`, and what is not a story dropped: the preamble, headings above the section
    level between sections, and what follows a thematic break inside a section (a post's
    footer, `(更新时间戳: …)`). None when the document is not such a sequence.
    """
    headings = [i for i, b in enumerate(blocks) if b.kind == "heading"]
    if len(headings) < MIN_DIGEST_SECTIONS:
        return None
    for level in sorted({blocks[i].level for i in headings}):
        starts = [i for i in headings if blocks[i].level == level]
        if len(starts) < MIN_DIGEST_SECTIONS:
            continue
        sections = _sections(blocks, starts, level)
        if _is_digest(blocks[: starts[0]], sections):
            return _recut(sections)
    return None


def _sections(blocks: list[Block], starts: list[int], level: int) -> list[list[Block]]:
    """Each heading of `level` with the blocks up to the next heading of `level` or above."""
    sections: list[list[Block]] = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(blocks)
        section = [blocks[start]]
        for block in blocks[start + 1 : end]:
            if block.kind == "heading" and block.level < level:
                break  # a group heading (`## 国际`) between stories
            section.append(block)
        sections.append(section)
    return sections


def _web_links(section: list[Block]) -> set[str]:
    return {
        b.href for b in section if b.kind == "text" and b.href.startswith(("http://", "https://"))
    }


def _is_digest(preamble: list[Block], sections: list[list[Block]]) -> bool:
    links = [_web_links(section) for section in sections]
    seen = Counter(href for hrefs in links for href in hrefs)
    if not all(any(seen[href] == 1 for href in hrefs) for hrefs in links):
        return False
    with_text = sum(
        any(b.kind == "text" and not b.href and _CLAUSE_PUNCT.search(b.text) for b in section)
        for section in sections
    )
    if with_text < MIN_DIGEST_SECTIONS:
        return False
    prose = [b for b in preamble if b.kind in ("text", "quote") and _prose_line(b.text)]
    return len(prose) <= 1


_ENDS_SENTENCE = re.compile(r"[。！？!?]$")


def _prose_line(text: str) -> bool:
    """Article prose rather than a line of a summary list (`3.李克强向科威特首相致贺电；`):
    long, or a sentence with clauses (`…开放，藏书五万册。`)."""
    return len(text) > MAX_LIST_LINE_CHARS or bool(
        _ENDS_SENTENCE.search(text) and _CLAUSE_PUNCT.search(text[:-1])
    )


def _recut(sections: list[list[Block]]) -> list[Block]:
    out: list[Block] = []
    for section in sections:
        out.append(Block("boundary", line=section[0].line))
        for block in section:
            if block.kind == "rule":
                break  # what follows a break inside a story is the post's footer
            if block.kind == "heading" and block.level < section[0].level:
                continue
            if block.kind == "text" and block.href.startswith(("http://", "https://")):
                out.append(Block("url", block.href, line=block.line))
                continue
            out.append(block)
    return out


# A companion story printed inside the article block: a bold line shaped like a headline,
# after text, right above a byline (`本报记者 李四`) or a run-in credit (`本报讯（记者 李四）…`).
COMPANION_LEVEL = 9  # below any heading element, so it never outranks the page's headlines
MAX_COMPANION_HEADLINE = 40
_HEADLINE_STOPS = re.compile(r"[。；;]|[：:，,、]$")
# A run-in lead that dates a dispatch: `本报讯（记者…）`, `新华社北京5月3日电（记者…）`,
# `（中央社記者…台北19日電）`, `〔記者…／台北報導〕`.
_DISPATCH_CREDIT = re.compile(
    r"(?:[讯訊电電]|快讯|快訊)\s*[（(]|^[（(〔【［\[].*(?:[电電]|报道|報導)\s*[）)〕】］\]]$"
)
# cheap test before the credit is parsed: a bracket opens the lead or follows 讯/电 early on
_DISPATCH_LEAD = re.compile(r"^\s*[（(〔【［\[]|^[^（(。，]{0,24}?(?:[讯訊电電]|快讯|快訊)\s*[（(]")
# A newspaper's own brief that names nobody: `本报讯 …`, `本报北京5月3日讯 …`, `本報訊：…`.
_OWN_BRIEF = re.compile(r"^\s*本[报報][^，。；（(\s]{0,12}?[讯訊][\s\u3000：:]+\S")
# An editor's note printed above the report it introduces (`编者按`, `编者的话：…`): the
# report's lead under it opens the same story, not a second one.
_EDITOR_NOTE = re.compile(
    r"^\s*[【\[〔（(]?\s*(?:编者按|編者按|编者的话|編者的話|编者注|編者註|编后|編後)"
)
MIN_DISPATCH_SENTENCES = 2
# A dispatch's dateline that names nobody, opening its lead: `新华社北京5月3日电　…`,
# `本报上海5月3日讯 …`, `中新网广州5月3日电 …`, `据新华社北京5月3日电 …`.
_DATELINE_LEAD = re.compile(
    r"^\s*据?(?:本[报報]|新华社|新華社|中新社|中新网|中新網|[\u4e00-\u9fff]{2,6}(?:社|报|報|网|網|台))"
    r"[\u4e00-\u9fff]{0,8}?\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:电|電|讯|訊)"
)


def _companion_headlines(items: list[Item]) -> list[Item]:
    """Bold headline lines that open a companion story, made headings (see above).

    Only after a heading of the page (the first story's own headline) and after body text
    that ends a sentence: a bold line between the headline and the text is a deck or a
    kicker, and a page without heading elements has no headline level to stand under. The
    run-in credit of a story opened after text (by such a line or by a heading element) is
    split off its lead, so the story opens with its byline, not with text a single-story
    page would take for more of the story above.

    The line must stand over its story's credit (a byline naming reporters) or over a lead
    that opens with a dispatch's dateline (`新华社北京5月3日电`, `本报讯`, `_dateline_follows`).
    On a page whose first story opens with its title over its credit, a plain title line of
    a later article box over its own credit counts too (`_boxed_title_line`).
    """
    out: list[Item] = []
    headed = False
    sentences = 0
    text_seen = False  # a sentence of text anywhere above: the page's first story has begun
    opened = False  # the last item out is a heading printed after text (a later story's)
    credited_boxes = _credited_title_boxes(items)
    last_text: tuple = ()  # the element path of the last sentence of text
    for idx, item in enumerate(items):
        if item.kind in ("heading", "boundary"):
            headed = headed or item.kind == "heading"
            sentences = 0
        elif item.kind == "body" and not item.bold and ends_sentence(item.text):
            sentences += 1
            text_seen = True
            last_text = item.dom_path
        if (
            item.kind == "body"
            and item.bold
            and headed
            and _headline_shaped(item.text)
            and (
                (
                    sentences
                    and (_credit_follows(items, idx + 1) or _dateline_follows(items, idx + 1))
                )
                or (ends_with_credit(out) and _section_ends_with_credit(items, idx + 1))
            )
        ) or (
            credited_boxes
            and sentences
            and _boxed_title_line(item, last_text)
            and _credit_follows(items, idx + 1)
        ):
            out.append(
                Item(
                    "heading",
                    item.text,
                    level=COMPANION_LEVEL,
                    bold=item.bold,
                    dom_path=item.dom_path,
                )
            )
            sentences = 0
            opened = True
            continue
        if opened:
            # a later story's lead: its credit opens the story (a heading element's too)
            out.extend(_opening_credit(item))
        else:
            out.append(item)
        opened = item.kind == "heading" and text_seen
    return out


def _credited_title_boxes(items: list[Item]) -> bool:
    """The page's first heading is printed over a credit that names reporters (past its
    date line): a page whose stories open with their title line over their credit, so a
    later title line over a credit may open a story of its own (`_boxed_title_line`)."""
    first = next((k for k, it in enumerate(items) if it.kind == "heading"), None)
    if first is None:
        return False
    k = first + 1
    while k < len(items) and items[k].kind in ("heading", "meta"):
        k += 1
    return _credit_follows(items, k)


def _boxed_title_line(item: Item, last_text: tuple) -> bool:
    """A plain short line shaped like a headline (no clause or sentence punctuation, not a
    link) printed outside the element that holds the text above it: the title of the next
    article box of an e-paper page (`<div class="title">` over `<div class="author">`),
    which its markup does not make a heading."""
    if item.kind != "body" or item.bold or item.links or not item.dom_path or not last_text:
        return False
    text = item.text.strip()
    if not _headline_shaped(text) or re.search(r"[。！？!?；;，,：:]", text):
        return False
    parent = last_text[:-1]
    return item.dom_path[: len(parent)] != parent


def _headline_shaped(text: str) -> bool:
    compact = re.sub(r"\s", "", text)
    return 4 <= len(compact) <= MAX_COMPANION_HEADLINE and not _HEADLINE_STOPS.search(compact)


def _credit_follows(items: list[Item], k: int) -> bool:
    while k < len(items) and items[k].kind in ("image", "caption"):
        k += 1
    if k >= len(items):
        return False
    nxt = items[k]
    if nxt.kind == "byline":
        return bool(nxt.byline and nxt.byline.kind in ("byline", "run_in") and nxt.byline.authors)
    if nxt.kind == "body" and not nxt.bold:
        split = split_run_in(nxt.text)
        return bool(split and split[0].authors)
    return False


def _dateline_follows(items: list[Item], k: int) -> bool:
    """`items[k]` (past pictures) is a lead opening with a dispatch's dateline or the paper's
    own brief mark, naming nobody (`新华社北京5月3日电　…`, `本报讯 …`): a story's first
    line, never a subhead's (a story is dated once, at its lead)."""
    while k < len(items) and items[k].kind in ("image", "caption"):
        k += 1
    if k >= len(items) or items[k].kind != "body" or items[k].bold:
        return False
    return bool(_DATELINE_LEAD.match(items[k].text) or _OWN_BRIEF.match(items[k].text))


def own_credit(items: list[Item]) -> bool:
    """The items (a headed story) carry their own credit above their text: a byline that
    names reporters, or a lead that opens with a run-in credit naming them or with a
    dispatch's dateline (`新华社北京5月3日电`, `本报讯`)."""
    for k, item in enumerate(items):
        if item.kind == "byline":
            if item.byline and item.byline.kind in ("byline", "run_in") and item.byline.authors:
                return True
        elif item.kind == "body":
            split = split_run_in(item.text[:80])
            return bool(split and split[0].authors) or _dateline_follows(items, k)
    return False


_CREDIT_END_KINDS = ("byline", "closing")
_PASSED_OVER = ("image", "caption", "boilerplate", "url")


def ends_with_credit(items: list[Item]) -> bool:
    """The items (a story so far, or a headed section) end with a credit line that names
    reporters, printed right after text: `記者王小明／台北報導` or `（記者李大華）` under
    the last paragraph, or glued to its end (`…下月登場。記者李大華╱台北報導`, a role word
    required). Print pages close each story with its credit, so a headline after such a
    line over text closed by a credit of its own is a second story, not a subhead (a single
    story's subheads stand between paragraphs, its one credit after the last)."""
    credit = False
    for item in reversed(items):
        if item.kind in _PASSED_OVER:
            continue
        if credit:
            return item.kind == "body" and not item.bold
        if item.kind == "body" and not item.bold:
            return _glued_credit(item)
        if not (
            item.kind == "byline"
            and item.byline is not None
            and item.byline.kind in _CREDIT_END_KINDS
            and item.byline.authors
        ):
            return False
        credit = True
    return False


def _section_ends_with_credit(items: list[Item], k: int) -> bool:
    """The section from `items[k]` up to the next heading (or bold headline-shaped line)
    holds text and ends with its own credit line (`ends_with_credit`)."""
    return ends_with_credit(_section(items, k))


# A reporter's credit, not an editor's: `記者李大華╱台北報導`, `（本报记者 王小明）`.
_REPORTER_WORD = re.compile(r"记者|記者|报道|報導|報道|采访|採訪|撰稿|撰文|通讯员|通訊員")


def _glued_credit(item: Item) -> bool:
    """A paragraph of text with a reporter's credit glued to its end
    (`…下月登場。記者李大華╱台北報導`)."""
    if item.kind != "body" or item.bold:
        return False
    split = split_trailing_credit(item.text)
    return bool(
        split and split[0].strip() and split[1].authors and _REPORTER_WORD.search(split[1].raw)
    )


def _credited_after_text(items: list[Item]) -> bool:
    """The items carry a reporter's credit printed after text of their own (glued to a
    paragraph's end, or a credit line after a paragraph), not only a byline over the text."""
    text = False
    for item in items:
        if _glued_credit(item):
            return True
        if item.kind == "body":
            text = True
        elif (
            text
            and item.kind == "byline"
            and item.byline is not None
            and item.byline.kind in _CREDIT_END_KINDS
            and item.byline.authors
        ):
            return True
    return False


def credited_pair(story: list[Item], section: list[Item]) -> bool:
    """A headed `section` printed after `story` is a second story: both carry their own
    reporter's credit after text. The section's credit closes it (`ends_with_credit`) or is
    glued to its first paragraph (Apple Daily's print pages glue the credit to the lead:
    `…。記者李大華╱台北報導`); the story's may stand anywhere after its text (at its end, or
    glued to its lead). A single story's subhead sections carry no credit of their own."""
    if not ends_with_credit(section):  # the section first: short, and seldom credited
        first = next((it for it in section if it.kind == "body"), None)
        if first is None or not _glued_credit(first):
            return False
    return _credited_after_text(story)


def _section(items: list[Item], k: int) -> list[Item]:
    """The items from `items[k]` up to the next heading or bold headline-shaped line."""
    end = k
    while end < len(items):
        item = items[end]
        if item.kind in ("heading", "boundary"):
            break
        if item.kind == "body" and item.bold and _headline_shaped(item.text):
            break
        end += 1
    return items[k:end]


def _opening_credit(item: Item) -> list[Item]:
    """The item right under a companion headline, its run-in credit split off."""
    if item.kind != "body":
        return [item]
    split = split_run_in(item.text)
    if split is None:
        return [item]
    byline, rest = split
    out = [Item("byline", byline.raw, byline=byline, dom_path=item.dom_path)]
    if rest.strip():
        out.append(replace(item, text=rest.strip()))
    return out


def _opens_dispatch(item: Item, current: _Draft | None) -> bool:
    """An untitled story: a paragraph opening with a dispatch's run-in credit that names its
    reporters, or with the paper's own brief mark (`本报讯 …`), after a story that already
    holds text of its own (sentences, not a page's short lines): a second report printed
    under the first without a headline. Under an editor's note (`编者按`) the lead is the
    report's that the note introduces."""
    if current is None or item.kind != "body" or item.bold:
        return False
    if not _OWN_BRIEF.match(item.text):
        if not _DISPATCH_LEAD.match(item.text):
            return False
        split = split_run_in(item.text[:80])
        if split is None or not split[0].authors or not _DISPATCH_CREDIT.search(split[0].raw):
            return False
    bodies = [it for it in current.items if it.kind == "body"]
    if any(_EDITOR_NOTE.match(it.text) for it in bodies[:3]):
        return False  # the editor's note above a report: the lead is the report's own
    return sum(ends_sentence(it.text) for it in bodies) >= MIN_DISPATCH_SENTENCES


def text_story_headlines(items: list[Item], first_title: str | None) -> list[Item] | None:
    """A plain-text page of several stories, each printed as a headline line over its
    credit (`本报记者 王小明`, `本报讯（记者 李大华）…`): the items with those headline lines
    made headings, the page's first line (`first_title`, already taken off) put back as the
    first story's heading. None unless the pattern repeats: the page opens with a title line
    and its credit, and at least one later headline-shaped line (no clause or sentence
    punctuation) stands after text that ends a sentence (or after a credit) right above a
    credit that names reporters. A single story's subheads have no credit under them."""
    if first_title is None:
        return None
    credited = _credit_follows(items, 0)  # the first story's credit under its title line
    heads: list[int] = []
    for idx, item in enumerate(items):
        if item.kind != "body" or idx == 0:
            continue
        text = item.text.strip()
        if not _headline_shaped(text) or re.search(r"[。！？!?；;，,：:]", text):
            continue
        j = idx - 1
        while j >= 0 and items[j].kind in _PASSED_OVER:
            j -= 1
        above = items[j] if j >= 0 else None
        if above is None or not (
            (above.kind == "body" and ends_sentence(above.text))
            or (above.kind == "byline" and above.byline is not None and above.byline.authors)
        ):
            continue
        if _credit_follows(items, idx + 1) and (credited or _dispatch_lead(items, idx + 1)):
            heads.append(idx)
    if not heads:
        return None
    out = [Item("heading", first_title, level=1)]
    for idx, item in enumerate(items):
        out.append(Item("heading", item.text.strip(), level=1) if idx in heads else item)
    return out


def _dispatch_lead(items: list[Item], k: int) -> bool:
    """`items[k]` is a dispatch's lead: the paper's own brief mark (`本报讯 …`) or a run-in
    credit that dates a dispatch and names its reporters (`新华社北京5月3日电（记者 X）…`)."""
    if k >= len(items) or items[k].kind != "body":
        return False
    text = items[k].text
    if _OWN_BRIEF.match(text):
        return True
    if not _DISPATCH_LEAD.match(text):
        return False
    split = split_run_in(text[:80])
    return bool(split and split[0].authors and _DISPATCH_CREDIT.search(split[0].raw))


def credited_heading_stories(items: list[Item]) -> bool:
    """A Markdown post body that is a page of stories, each under a heading with its credit
    right below it (`## 标题` over `本报记者 王小明`, or over a `本报讯（记者 X）…` lead): at
    least two headings of the first heading's level, no text above the first, and every
    heading of that level so credited. A post's subheads have no credit under them."""
    heads = [i for i, it in enumerate(items) if it.kind == "heading"]
    if len(heads) < 2 or any(it.kind == "body" for it in items[: heads[0]]):
        return False
    level = items[heads[0]].level
    same = [i for i in heads if items[i].level == level]
    return len(same) >= 2 and all(_credit_follows(items, i + 1) for i in same)


# A headline printed in brackets on its own line: `【議員質疑預算編列不足】`.
_BRACKETED_LINE = re.compile(r"^\s*[【〖\[［]\s*(?P<title>[^【】〖〗\[\]［］]+?)\s*[】〗\]］]\s*$")


def _headline_above(draft: _Draft) -> str | None:
    """The headline of an untitled story that a dispatch lead opens (`_opens_dispatch`): the
    line right above the lead when it is shaped like a headline (short, no clause or
    sentence punctuation) and printed after text that ends a sentence or after a credit, so
    it is not the page's own first line. It is taken out of the story above, where it would
    be a stray last paragraph, and returned (brackets around it dropped); None otherwise."""
    items = draft.items
    k = len(items) - 1
    while k >= 0 and items[k].kind in ("image", "caption"):
        k -= 1
    if k < 1 or items[k].kind != "body":
        return None
    text = items[k].text.strip()
    bracketed = _BRACKETED_LINE.match(text)
    if bracketed:
        text = bracketed.group("title")
    if not _headline_shaped(text) or re.search(r"[。！？!?；;，,：:]", text):
        return None
    j = k - 1
    while j >= 0 and items[j].kind in _PASSED_OVER:
        j -= 1
    above = items[j] if j >= 0 else None
    if above is None or not (
        (above.kind == "body" and ends_sentence(above.text))
        or (above.kind == "byline" and above.byline is not None and above.byline.authors)
    ):
        return None
    del items[k]
    return text


_SECTION_LABEL_LINE = re.compile(r"[\u4e00-\u9fff]{2,4}")


def _section_label_above(items: list[Item], i: int, previous: _Draft | None) -> str | None:
    """The channel's name printed just above the next story's headline (`国际` over the story
    an endless page appended): that story's section label, taken off the end of the story
    before it, whose text it is not. A word or two of Chinese alone on the line."""
    if previous is None or not previous.items or i == 0 or not _has_body(previous):
        return None
    above = items[i - 1]
    if above is not previous.items[-1] or above.kind != "body":
        return None
    if not _SECTION_LABEL_LINE.fullmatch(above.text.strip()):
        return None
    previous.items.pop()
    if not _has_body(previous):  # the line was the story's only text: it stays its text
        previous.items.append(above)
        return None
    return above.text.strip()


def split_articles(items: list[Item], multi: bool) -> tuple[list[_Draft], dict]:
    """Group items into article drafts; returns the drafts and page-level metadata."""
    page: dict = {}
    drafts: list[_Draft] = []
    current: _Draft | None = None
    if multi:
        items = _companion_headlines(items)
    title_level = min((it.level for it in items if it.kind == "heading"), default=1)
    i = 0
    while i < len(items):
        item = items[i]
        if item.kind == "boundary":
            if current is not None:
                current.ended = True
            i += 1
            continue
        if item.kind in _SKIPPED_KINDS:
            if item.kind == "page":
                page.setdefault("page_label", debris.page_header(item.text))
            i += 1
            continue
        if item.kind == "meta":
            if current is None or not _has_body(current):
                page.setdefault("date", item.date)
                if item.publisher:
                    page.setdefault("publisher", item.publisher)
            if current is not None:
                current.items.append(item)
            i += 1
            continue
        if item.kind == "heading" and multi:
            j = i
            while j < len(items) and items[j].kind == "heading":
                j += 1
            run = items[i:j]
            if _byline_before_headline(current):
                # the writer's line printed above the headline (`紀曉風 獨眼香江` / <h1>):
                # the headline is this story's, not a subhead of it
                _set_titles(current.article, run)
            elif _opens_article(run, items, j, current, title_level):
                label = _section_label_above(items, i, current)
                current = _Draft(Article(), heading_path=run[0].dom_path)
                drafts.append(current)
                _set_titles(current.article, run)
                if label is not None and current.article.kicker is None:
                    current.article.kicker = label
            elif current is not None:
                current.items.extend(Item("subhead", h.text) for h in run)
            i = j
            continue
        if current is None or (multi and _opens_dispatch(item, current)):
            headline = _headline_above(current) if current is not None else None
            current = _Draft(Article())
            current.article.title = headline
            drafts.append(current)
        if item.kind == "heading":
            last = current.items[-1] if current.items else None
            if last is not None and last.kind == "subhead" and _same_element(last, item):
                # `<h5><strong>10 人認妨礙司法公正</strong><br><strong>較早返港 8 人已判刑
                # </strong></h5>`: one heading wrapped with `<br>`, one subhead
                last.text += " " + item.text
            else:
                current.items.append(Item("subhead", item.text, dom_path=item.dom_path))
        else:
            current.items.append(item)
            if (
                item.kind == "byline"
                and item.byline is not None
                and item.byline.kind in ("closing", "wire", "editor")
            ):
                current.ended = multi and _has_body(current)
            elif item.kind == "body":
                current.ended = False
        i += 1
    if multi:
        drafts = _fold_boxes(drafts)
    return drafts, page


# A box printed with a story, headed by a box label rather than a headline: `新闻链接`,
# `名词解释`, `新聞小辭典`, `背景资料`, `人物档案`, `小贴士` (a glossary, a background note).
_BOX_LABEL = re.compile(
    r"^[【\[〖（(]?\s*[\u4e00-\u9fff]{0,4}?(?:链接|鏈接|連結|辞典|辭典|词典|詞典|知识|知識|贴士|貼士"
    r"|背景|解释|解釋|知多少|档案|檔案|资料|資料)\s*[】\]〗）)]?\s*[：:]?$"
)
MAX_BOX_LABEL = 8
# A teaser pointing at a story printed elsewhere: `……（详见A3版）`, `…… 下转第4版`, `……`.
_POINTER_END = re.compile(
    r"(?:……|…|\.\.\.)\s*[）)】]?\s*$"
    r"|(?:详见|詳見|参见|參見|见|見|下转|下轉|转|轉)\s*(?:第\s*)?[A-Za-z]?\d{1,3}\s*(?:版|页|頁)"
    r"\s*[）)】]?\s*[。.]?\s*$"
)
MAX_TEASER_CHARS = 150


def _fold_boxes(drafts: list[_Draft]) -> list[_Draft]:
    """Headed sections of a page of stories that are not stories.

    - A box under a box label (`新闻链接`, `名词解释`, no byline of its own) belongs to the
      story printed before it: its label and text join that story.
    - A teaser (a headline over one short line that points at a page elsewhere or trails
      off, `……（详见A3版）`, no byline, no link of its own) is not a story and not text of
      another: it goes.
    """
    out: list[_Draft] = []
    for draft in drafts:
        title = re.sub(r"\s", "", draft.article.title or "")
        bylines = any(it.kind == "byline" for it in draft.items)
        if (
            out
            and title
            and not bylines
            and len(title) <= MAX_BOX_LABEL
            and _BOX_LABEL.match(title)
            and _has_body(draft)
        ):
            _join_box(out[-1], draft)
            continue
        if title and not bylines and _teaser(draft):
            continue
        out.append(draft)
    return out


def _join_box(story: _Draft, box: _Draft) -> None:
    article = box.article
    for text in (article.kicker, article.title, article.subtitle):
        if text:
            story.items.append(Item("subhead", text))
    story.items.extend(box.items)


def _teaser(draft: _Draft) -> bool:
    if any(it.kind == "url" for it in draft.items):
        return False  # a digest's story with its own link
    bodies = [it for it in draft.items if it.kind == "body"]
    return (
        len(bodies) == 1
        and len(bodies[0].text) <= MAX_TEASER_CHARS
        and bool(_POINTER_END.search(bodies[0].text))
    )


def _byline_before_headline(current: _Draft | None) -> bool:
    """The story so far is only a byline line (with its date line or picture) and no title."""
    return (
        current is not None
        and not current.ended
        and current.article.title is None
        and any(it.kind == "byline" and it.byline and it.byline.authors for it in current.items)
        and all(it.kind in ("byline", "meta", "image") for it in current.items)
    )


MAX_CUT_CAPTION_CHARS = 40
# `比一個五蚊銀還大。（讀者`: a credit bracket opened and never closed, the line cut off
_CUT_BRACKET = re.compile(r"[（(][^（）()]{0,12}$")


def _cut_caption_over_picture(blocks: list[Block], idx: int, text: str) -> bool:
    """A small or centred line cut off inside its credit bracket (a slider overlays each
    picture with its caption cut to a fixed length) with a picture right after it: the
    caption of a slide, not text."""
    block = blocks[idx]
    if not block.caption_style or len(text) > MAX_CUT_CAPTION_CHARS:
        return False
    if not _CUT_BRACKET.search(text):
        return False
    return idx + 1 < len(blocks) and blocks[idx + 1].kind == "image"


def _has_body(draft: _Draft) -> bool:
    return any(it.kind == "body" for it in draft.items)


def _opens_article(
    run: list[Item], items: list[Item], after: int, current: _Draft | None, title_level: int
) -> bool:
    if (
        current is None
        or current.ended
        or (current.article.title is None and not _has_body(current))
    ):
        return current is None or current.ended or not current.items
    if not _has_body(current) and not any(it.kind == "byline" for it in current.items):
        return False  # headings between a title and its first paragraph: kicker, widget
    if any(h.level <= title_level for h in run):
        return True
    k = after
    # a story's dateline or date-and-source line may stand between its headline and byline
    while k < len(items) and items[k].kind in ("image", "caption", "meta"):
        k += 1
    if k < len(items):
        nxt = items[k]
        if (
            nxt.kind == "byline"
            and nxt.byline is not None
            and nxt.byline.kind in ("byline", "run_in")
        ):
            return True
        if nxt.kind == "body" and split_run_in(nxt.text) is not None:
            return True
        if _dateline_follows(items, k):
            return True  # a lead dated by its own dispatch line opens a story
    last = None
    while k < len(items) and items[k].kind not in ("heading", "boundary"):
        if items[k].kind not in ("image", "caption", "boilerplate", "url"):
            last = items[k]
        k += 1
    if last and last.kind == "byline" and last.byline and last.byline.kind in ("closing", "wire"):
        return True
    # a section carrying its own reporter's credit after a story that carried one: a second
    # story (`credited_pair`)
    return credited_pair(current.items, _section(items, after))


def _set_titles(article: Article, run: list[Item]) -> None:
    top = min(range(len(run)), key=lambda idx: (run[idx].level, idx))
    if len(run) == 2 and run[0].level == run[1].level:
        top = 0
    article.title = strip_media_label(run[top].text)
    if top > 0:
        article.kicker = " ".join(h.text for h in run[:top])
    if top + 1 < len(run):
        article.subtitle = " ".join(h.text for h in run[top + 1 :])


# `[视频]`, `【组图】`: what kind of media the story carries, printed before its headline.
# A column label (`【二十大时光】`) is part of the headline and stays.
_MEDIA_LABEL = re.compile(
    r"^\s*[\[【]\s*(?:视频|視頻|组图|組圖|多图|多圖|图文|圖文|图集|圖集|音频|音頻|直播)\s*[\]】]\s*"
)


# `[01版：要闻]`, `【第04版：综合报道】`: the page of the paper a headline ran on, put before it
_PAGE_LABEL = re.compile(
    r"^\s*[\[【]\s*第?\s*[A-Z]?\d{1,3}\s*版\s*(?:[：:][^\]】]{0,15})?[\]】]\s*"
)
# `标题 (4649字)`: a word count after it
_WORD_COUNT = re.compile(r"\s*[(（]\s*\d{2,6}\s*字\s*[)）]\s*$")


def strip_media_label(title: str) -> str:
    """A headline without the media-type or page label printed before it (`[视频]标题` →
    `标题`, `[01版：要闻] 标题` → `标题`) and without a word count after it (`标题 (4649字)`)."""
    stripped = _WORD_COUNT.sub("", title) if title.endswith(("字)", "字）")) else title
    if stripped[:1] in "[【 \t":
        stripped = _PAGE_LABEL.sub("", _MEDIA_LABEL.sub("", stripped, count=1), count=1)
    return stripped or title


# `标题 —— 副题`: a headline and its subtitle joined into one line by a feed's writer
_JOINED_SUBTITLE = re.compile(r"\s*(?:——|--)\s*")


def printed_subtitle(items: list[Item], title: str | None) -> tuple[str | None, str | None]:
    """(title, subtitle line as printed) of a headline joined to its subtitle (`爱拼会赢立潮头 —— 福建一张蓝图…`)
    when the text prints the two as lines of their own at its top, the second with or without
    its dash (`爱拼会赢立潮头` / `——福建一张蓝图…`); else (title, None). A headline printed whole
    on one line (`向阳而生 不负韶华——追寻黄文秀的大学时光`) stays whole."""
    if not title or not _JOINED_SUBTITLE.search(title):
        return title, None
    lines = [it.text for it in items if it.kind in ("heading", "body", "subhead")][:2]
    if len(lines) < 2:
        return title, None
    head = _echo_key(lines[0])
    for match in _JOINED_SUBTITLE.finditer(title):
        main, rest = title[: match.start()], title[match.end() :]
        if _echo_key(main) == head and _echo_key(lines[1]).lstrip("—-") == _echo_key(rest):
            return main.strip(), lines[1].strip()
    return title, None


# ---------------------------------------------------------------------------------------
# Inside one article


# A line that leads into what follows: `有这样一段话——`, `他说：`.
_LEAD_IN_END = re.compile(r"(?:——|[：:])$")


def finish_article(draft: _Draft) -> None:
    """Fill paragraphs, authors, publisher, url, summary and joins from the draft's items."""
    article = draft.article
    items = [it for it in draft.items if it.kind not in _SKIPPED_KINDS]
    items = _names_under_title(drop_title_echo(items, article.title), article.title)
    items = _subtitle_paragraph(article, items)
    items = _topic_label(article, items)
    items = _lead_blockquote(items, bool(article.subtitle))
    items = _run_in_byline(items, draft)
    items = _closing_credit(_closing_dateline(items), draft)
    items = _shape_subheads(items)
    paragraphs: list[Paragraph] = []
    summary: list[str] = []
    previous_kind = None
    last_path: tuple = ()  # element path of the last body item, for the column-break rule
    last_line = ""  # the last body item as printed: a full-width line of hard-wrapped text
    last_indented = False  # the last body item opens with printed blanks
    posted: list[Byline] = []  # dated credit lines under the text (a post's footer)
    last_apart = False  # the last body item is a line set apart (`Block.set_apart`)
    interrupted = False  # an item (a picture, a caption) stands since the last body item
    wrap = content.wrap_width([it.text for it in items if it.kind == "body"])
    indents = wrap is not None and _indent_marked(items)
    for item in items:
        kind = item.kind
        if kind == "body":
            full_line = bool(wrap) and content.display_width(last_line) >= wrap - content.WRAP_SLACK
            if (
                previous_kind == "body"
                and paragraphs
                and not item.after_rule
                and not item.set_apart
                and not last_apart
                and (
                    # hard-wrapped text whose paragraphs open indented: a line goes on in
                    # the next unless that one is indented, whatever it ends with
                    (indents and not item.indented and not _NUMBERED_HEAD.match(item.text))
                    or (
                        not ends_sentence(paragraphs[-1].text)
                        and not _opens_section(item, last_path)
                        # text without elements: a line opening with the paragraph indent
                        # starts a paragraph, even under one that ends no sentence
                        # (unpunctuated classical text); a column's continuation has none
                        and not (item.indented and not item.dom_path and not last_path)
                        # printed blanks open this line and the one above, which leads into
                        # it with a dash or a colon (`<br/>　　在这本书里，有这样一段话——<br/>
                        # 　　“这些…”`): two paragraphs of one element, not one run on
                        and not (
                            item.indented
                            and item.dom_path
                            and last_indented
                            and _LEAD_IN_END.search(paragraphs[-1].text)
                        )
                        and (
                            content.paragraph_continues(
                                paragraphs[-1].text,
                                last_path,
                                item.dom_path,
                                item.text,
                                interrupted,
                            )
                            or full_line
                        )
                    )
                )
            ):
                left = paragraphs[-1].text
                joined = join_fragments(left, item.text)
                article.joins.append(joined[max(0, len(left) - 12) : len(left) + 12])
                paragraphs[-1] = Paragraph("body", joined)
            else:
                paragraphs.append(Paragraph("body", item.text))
            last_path = item.dom_path
            last_indented = item.indented
            last_line = item.text
            last_apart = item.set_apart
            interrupted = False
            article.stocks.extend(item.stocks)
        elif kind == "subhead":
            paragraphs.append(Paragraph("subhead", item.text))
        elif kind == "caption":
            paragraphs.append(Paragraph("caption", item.text))
        elif kind == "byline" and item.byline is not None:
            draft.bylines.append(item.byline)
        elif kind == "source" and item.publisher:
            article.publisher = article.publisher or item.publisher
            if item.byline is not None:
                draft.bylines.append(item.byline)
        elif kind == "meta":
            if item.byline is not None:
                draft.bylines.append(item.byline)
                if paragraphs and item.date is not None:
                    posted.append(item.byline)  # a dated credit line under the text
            if article.published_at is None and item.date is not None:
                article.published_at, article.published_at_source = item.date, "page"
            if item.publisher and not article.publisher:
                article.publisher = item.publisher
        elif kind == "url" and item.text and not article.url:
            article.url = item.text
        elif kind == "quote":
            if any(p.kind == "body" for p in paragraphs):
                paragraphs.append(Paragraph("body", item.text))  # a passage quoted in the text
            else:
                summary.append(item.text)  # a lead blockquote is the summary
            article.stocks.extend(item.stocks)
        previous_kind = (
            kind if kind not in ("image", "url", "boilerplate", "source", "meta") else previous_kind
        )
        interrupted = interrupted or kind != "body"  # a picture, an ad line between two lines
    article.paragraphs = _without_contents_list(paragraphs)
    if summary and not article.summary:
        article.summary = " ".join(summary)
    for byline in draft.bylines:
        for author in byline.authors:
            known = next((i for i, a in enumerate(article.authors) if a.name == author.name), None)
            if known is None:
                article.authors.append(author)
            elif article.authors[known].role == PHOTO_ROLE and author.role != PHOTO_ROLE:
                # `王煌忠攝` under the picture and `（王煌忠／台中報導）`: the writer took it
                article.authors[known] = author
        if byline.credit and not article.publisher and byline.kind in ("wire", "source"):
            article.publisher = byline.credit
    article.authors = _bio_writers(article.authors, draft.bylines)
    article.authors = [a for a in article.authors if not _ACRONYM.fullmatch(a.name)]
    article.authors = _reporters_over_poster(article.authors, draft.bylines, posted)
    if not article.authors and not draft.bylines:
        article.authors = _headline_writer(article.title, paragraphs)
    if any(a.role not in (TRANSLATOR_ROLE, PHOTO_ROLE) for a in article.authors):
        # `翻译：X` under a reporter's story: the translator is credited, the reporter wrote
        # it; `編譯X、記者Y／綜合報導`, one credit naming both, is a story the two compiled
        joint = {
            a.name
            for b in draft.bylines
            if any(x.role not in (TRANSLATOR_ROLE, PHOTO_ROLE) for x in b.authors)
            for a in b.authors
            if a.role == TRANSLATOR_ROLE
        }
        article.authors = [
            a for a in article.authors if a.role != TRANSLATOR_ROLE or a.name in joint
        ]
    editors = [b for b in draft.bylines if b.editor]
    if editors and not article.editor:
        # the best kind of credit (`责任编辑` over `编辑`); of two of one kind, the last: the
        # story's own credit under the text (`编辑/走走`), not the header's slot listing who
        # posted it (`新京报 编辑 张婷 刘亚光`)
        best = max(b.editor_rank for b in editors)
        article.editor = [b for b in editors if b.editor_rank == best][-1].editor
    if article.editor:
        # `作者：王五` in the meta line, `责任编辑：王五` at the end: the editor is credited as
        # such, never as a writer (bylines.py drops them when both are on one line). The
        # credit that opens the lead (`【文/观察者网 张菁娟】随着…`) names the writer, even
        # when the same person is also the story's editor.
        lead = {a.name for b in draft.bylines if b.kind == "run_in" for a in b.authors}
        article.authors = [a for a in article.authors if a.name != article.editor or a.name in lead]
    if not any(a.role != PHOTO_ROLE for a in article.authors):
        # no writer credited anywhere: `作者：雪花 编辑：雪花` in one meta line is a small
        # newsroom's editor writing the item (with a writer elsewhere, such as a closing
        # `（作者：方敏…）`, the 作者 field is the content system's login); `发稿 X；审校 Y`
        # names who filed a wire service's story, its writer when no one else is named
        fallback = next((b.fallback_writers for b in draft.bylines if b.fallback_writers), [])
        article.authors[:0] = [Author(n, "作者") for n in fallback]
    printed = [b.raw for b in draft.bylines if b.kind not in ("editor", "credit", "source")]
    if printed:
        article.byline_raw = " | ".join(printed)


MIN_TOC_LINES = 5
MAX_TOC_LINE_CHARS = 30
TOC_SHARE = 0.8


def _without_contents_list(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """A table of contents printed above the text (a report's chapter and section heads,
    `导 言` / `第一章 …` / `一、…` / `结语`) is not text: a run of at least `MIN_TOC_LINES`
    short lines ending no sentence opens the article, the text then starts again with the
    run's first line, and most of the run's lines are printed again below it."""

    def key(text: str) -> str:
        return re.sub(r"\s", "", text)

    run = 0  # the list ends where the text starts again with the list's first line
    while run < len(paragraphs) and (
        len(paragraphs[run].text) <= MAX_TOC_LINE_CHARS and not ends_sentence(paragraphs[run].text)
    ):
        run += 1
        if run < len(paragraphs) and key(paragraphs[run].text) == key(paragraphs[0].text):
            break
    if run < MIN_TOC_LINES or run >= len(paragraphs):
        return paragraphs
    if key(paragraphs[run].text) != key(paragraphs[0].text):
        return paragraphs
    later = {key(p.text) for p in paragraphs[run:]}
    if sum(key(p.text) in later for p in paragraphs[:run]) < TOC_SHARE * run:
        return paragraphs
    return paragraphs[run:]


MIN_INDENTED_LINES = 3


def _indent_marked(items: list[Item]) -> bool:
    """Hard-wrapped text that marks its paragraphs with an indent (`&nbsp;&nbsp;…` at a
    paragraph's first line only): some body lines open indented, most do not."""
    body = [it for it in items if it.kind == "body"]
    indented = sum(1 for it in body if it.indented)
    return indented >= MIN_INDENTED_LINES and indented * 2 < len(body)


def _opens_section(item: Item, last_path: tuple) -> bool:
    """A line of its own element opening with a section number (`2、落实防暑措施。`,
    `（二）…`) starts a new paragraph, even under one cut short mid-clause (`…得到保障，`)."""
    return (
        bool(item.dom_path) and item.dom_path != last_path and bool(_NUMBERED_HEAD.match(item.text))
    )


# An author field holding an acronym in capitals (`本文作者：AMD`, `作者：AFP`) names an
# organization (a company issuing a press release, an agency), not a writer: people's names
# and user names are not printed so.
_ACRONYM = re.compile(r"[A-Z]{2,6}")


def _bio_writers(authors: list[Author], bylines: list[Byline]) -> list[Author]:
    """A writer's bio closing the story (`X是《某报》科技记者。…`) names the writer: a name
    printed with no role (`王五` over the date, a feed's author field) is someone else's."""
    bios = [b for b in bylines if b.kind == "closing" and parse_bio_credit(b.raw) is not None]
    if not bios:
        return authors
    named = {a.name for b in bios for a in b.authors}
    return [a for a in authors if a.role is not None or a.name in named]


_REPORTER_ROLE = re.compile(r"记者|記者|实习生|實習生|通讯员|通訊員")


def _reporters_over_poster(
    authors: list[Author], bylines: list[Byline], posted: list[Byline]
) -> list[Author]:
    """`本报记者 王五` printed with a report, `作者： 赵六 访问统计： 2005年08月30日` in the footer
    of the post reprinting it: the footer names who posted the report, not who wrote it."""
    posted_ids = {id(b) for b in posted}
    printed = [b for b in bylines if id(b) not in posted_ids]
    if not posted or not any(
        _REPORTER_ROLE.search(a.role or "") for b in printed for a in b.authors
    ):
        return authors
    named = {a.name for b in printed for a in b.authors}
    footer = {a.name for b in posted for a in b.authors} - named
    return [a for a in authors if a.name not in footer]


def _headline_writer(title: str | None, paragraphs: list[Paragraph]) -> list[Author]:
    """`孙某：巴黎举行座谈会` over a text that never names 孙某, with no byline on the page: the
    headline's name is the writer's (a speaker quoted in a headline is named in the text)."""
    prefix = _TITLE_NAME.match(title or "")
    if prefix is None or any(prefix.group(1) in p.text for p in paragraphs):
        return []
    names = strict_names(prefix.group(1), surname=True)
    if not names or len(names) != 1 or title_pen_name(names[0], title) is None:
        return []
    return [Author(names[0], None)]


_TITLE_NAME = re.compile(r"^([\u4e00-\u9fff]{2,4})\s*[：:]")


def _names_under_title(items: list[Item], title: str | None = None) -> list[Item]:
    """A first line that is only names (`方德`) is the byline printed under the title; so is
    a pen name repeating the headline's `X：` prefix (`茉莉` under `茉莉：我是怎样…`)."""
    first = next((i for i, it in enumerate(items) if it.kind in ("body", "subhead")), None)
    if first is None or items[first].kind != "body" or len(items[first].text) > 20:
        return items
    byline = title_pen_name(items[first].text, title)
    if byline is None:
        names = strict_names(items[first].text, surname=True)
        if not names or len(names) > 3 or _speaker_labels(items, first):
            return items
        if any(BRAND_WORD.fullmatch(n) for n in names):
            return items  # `iWeekly`, `BBC` over the text: an edition's or a source's name
        byline = Byline(raw=items[first].text, authors=[Author(n, None) for n in names])
    return [*items[:first], Item("byline", byline.raw, byline=byline), *items[first + 1 :]]


# A brand's spelling, not a person's name: `iWeekly`, `eBay` (a lower-case start with a
# capital inside), `BBC`, `CNN` (an acronym)
BRAND_WORD = re.compile(r"[a-z]+[A-Z][A-Za-z]*|[A-Z]{2,6}")


# `张三：` alone on a line: who speaks in the lines under it (an interview, a dialogue).
_SPEAKER_LABEL = re.compile(r"[^\s：:]{1,8}[：:]")


def _speaker_labels(items: list[Item], first: int) -> bool:
    """The first line `张三：` is a speaker's label, not a byline, when another line of the
    text is one too (`李四：`, `张三：` again): a transcript names who speaks turn by turn."""
    if not _SPEAKER_LABEL.fullmatch(items[first].text.strip()):
        return False
    return any(
        it.kind == "body" and _SPEAKER_LABEL.fullmatch(it.text.strip()) for it in items[first + 1 :]
    )


# `【板前糾紛】`: the running story a report is filed under, alone on the text's first line.
# A newsroom's tag (`【本報訊】`, `【中央社電】`) and a credit (`【記者X／台北報導】`) are not labels.
_TOPIC_LABEL = re.compile(r"[【〖](?P<label>[^【】〖〗\s。，,：:！？!?；;／/]{2,10})[】〗]")
_NOT_TOPIC = re.compile(r"(?:訊|讯|電|电|報導|报道|報道|消息|快讯|快訊)$|^(?:記者|记者)")


def _topic_label(article: Article, items: list[Item]) -> list[Item]:
    """A lenticular-bracketed label alone on the first line of the text, right before the
    lead, is the story's kicker (the running story it belongs to), not a paragraph; so is
    an edition's brand in bold (`iWeekly`)."""
    first = next((i for i, it in enumerate(items) if it.kind in ("body", "subhead")), None)
    if first is None or items[first].kind != "body":
        return items
    text = items[first].text.strip()
    match = _TOPIC_LABEL.fullmatch(text)
    # `<p><strong>iWeekly</strong></p>`: the edition's name in bold over the lead, a label too
    brand = items[first].bold and BRAND_WORD.fullmatch(text) is not None
    if not brand and (match is None or _NOT_TOPIC.search(match.group("label"))):
        return items
    following = next((it for it in items[first + 1 :] if it.kind not in ("image", "caption")), None)
    if following is None or following.kind != "body" or not ends_sentence(following.text):
        return items
    if article.kicker is None:
        article.kicker = items[first].text.strip()
    return items[:first] + items[first + 1 :]


def _subtitle_paragraph(article: Article, items: list[Item]) -> list[Item]:
    """A `——…` paragraph right under the title, before any body, is the subtitle."""
    out = list(items)
    for idx, item in enumerate(out):
        if item.kind == "body":
            if (
                article.title
                and not article.subtitle
                and item.text.startswith(("——", "—", "--"))
                and len(item.text) <= 60
            ):
                article.subtitle = item.text
                del out[idx]
            break
    return out


MIN_LEAD_CHARS = 80


def _lead_blockquote(items: list[Item], subtitled: bool) -> list[Item]:
    """A story prints one standfirst. When its headline already has its deck (the
    subtitle, or a deck line over the text), the <blockquote> right above the text, in the
    same element as the text's paragraphs (`<article><blockquote><p>…</p></blockquote>
    <p>…</p>`), a paragraph long with a sentence in it, is the story's opening set off in
    a box (the lede), not a second summary: its paragraphs are text. (Without a deck such
    a blockquote stays the summary: a post quoting its source's teaser above the text.)"""
    first = next((k for k, it in enumerate(items) if it.kind == "body"), None)
    if first is None or not items[first].dom_path:
        return items
    run: list[int] = []
    for k in range(first - 1, -1, -1):
        if items[k].kind in ("image", "caption") and not run:
            continue
        if items[k].kind != "quote" or not items[k].in_blockquote:
            break
        run.insert(0, k)
    if not run:
        return items
    decked = subtitled or any(it.kind == "quote" and not it.in_blockquote for it in items[: run[0]])
    body = items[first]
    depth = len(body.dom_path)
    box = items[run[0]].dom_path[:depth]
    for k in run:
        path = items[k].dom_path
        if path[: depth - 1] != body.dom_path[:-1] or len(path) > depth + 1 or path[:depth] != box:
            return items  # a sibling of the paragraphs (`<blockquote><p>` at most), one box
    text = "".join(items[k].text for k in run)
    if not decked or len(text) < MIN_LEAD_CHARS or not re.search(r"[。！？!?]", text):
        return items
    out = list(items)
    for k in run:
        out[k] = replace(items[k], kind="body")
    return out


def _run_in_byline(items: list[Item], draft: _Draft) -> list[Item]:
    """`本报讯（记者…）` opening the first paragraph: strip it, keep it as a byline.

    The story's first paragraph is looked for among the first three body items: a deck, a
    date line or a widget's text may come before it on a page. The byline stays in the item
    list, between what came before and the text, so a deck is never joined to it.
    """
    bodies: list[int] = []
    plain = 0
    for idx, item in enumerate(items):
        if item.kind == "body" and plain < 3:
            bodies.append(idx)
            plain += not item.bold  # bold lines over the text (a print headline deck) don't count
    # A lead blockquote above the text that opens with a reporter's run-in credit
    # (`<blockquote>【記者X／台北報導】…</blockquote>`) is the story's first paragraph set
    # in a box, not a summary: a deck or standfirst names no reporter.
    first_body = bodies[0] if bodies else len(items)
    leads = [idx for idx, item in enumerate(items[:first_body]) if item.kind == "quote"]
    for idx in [*leads, *bodies]:
        item = items[idx]
        split = split_run_in(item.text)
        if split is not None and item.kind == "quote" and not split[0].authors:
            continue
        if split is not None:
            byline, rest = split
            replacement = [Item("byline", byline.raw, byline=byline)]
            if rest.strip():
                replacement.append(
                    Item("body", rest.strip(), stocks=item.stocks, dom_path=item.dom_path)
                )
            return [*items[:idx], *replacement, *items[idx + 1 :]]
    return items


# `…奔赴更加美好的明天。　　新华社北京5月2日电`: a dispatch's dateline printed after its text
# (a paper that runs the reporters' byline above the story closes it so), alone or after the
# last sentence
_CLOSING_DATELINE = re.compile(
    r"(?:(?<=[。！？!?”」』…）)])|^)\s*" + _DATELINE_LEAD.pattern.removeprefix(r"^\s*") + r"\s*$"
)


def _closing_dateline(items: list[Item]) -> list[Item]:
    """The text without the dispatch's dateline that closes it (see `_CLOSING_DATELINE`): the
    story's date and place, not a paragraph. A dateline opening a paragraph is its lead's."""
    bodies = [i for i, it in enumerate(items) if it.kind == "body"]
    if len(bodies) < 2:
        return items
    last = items[bodies[-1]]
    match = _CLOSING_DATELINE.search(last.text)
    if match is None:
        return items
    out = list(items)
    if match.start() == 0:
        del out[bodies[-1]]
    else:
        out[bodies[-1]] = replace(last, text=last.text[: match.start()].rstrip())
    return out


# `（华电湖北发电有限公司党委）`, `（中共某某市委党校课题组）`: a closing line wholly in brackets
# that names the body that wrote the piece (a party committee, a research group)
_UNIT_CREDIT = re.compile(
    r"[（(](?P<unit>[\u4e00-\u9fff]{2,30}(?:党委|党组|委员会|课题组|调研组|写作组|研究院|研究所|研究中心))[）)]"
)


def _closing_credit(items: list[Item], draft: _Draft) -> list[Item]:
    """Credits glued to the end of a paragraph: `…。（记者 胡晓蓉）`, `…。（編輯：X）1141128`.

    A credit with a role word (记者, 编辑, 报道, 编译 …) closes whichever paragraph it ends;
    bare names in brackets (`（常书香 马丹阳）`) only close the last one. Wire end marks
    (`（完）`) go too. The credit is recorded like any byline.
    """
    bodies = [i for i, it in enumerate(items) if it.kind == "body"]
    if not bodies:
        return items
    out = list(items)
    for index in reversed(bodies):
        text = out[index].text
        if text[-1:] in _NOTICE_ENDS:
            text = _strip_tail(text, _NOTICE_TAIL)  # a notice's heading glued to any paragraph
        if index == bodies[-1] and text[-1:].isdigit():
            text = _strip_tail(text, _DATE_CODE_TAIL)
        unit = _UNIT_CREDIT.fullmatch(text.strip()) if index == bodies[-1] else None
        if unit is not None:
            # `（华电湖北发电有限公司党委）` closing a piece the unit wrote: its byline
            draft.bylines.append(
                Byline(raw=text.strip(), authors=[Author(unit["unit"], None)], kind="closing")
            )
            text = ""
        for _ in range(4):
            if index == bodies[-1] and text and text[-1] in _TAIL_DEBRIS_ENDS:
                text = _strip_tail(_strip_tail(text, debris.END_MARK), _TRAILING_NAV)
                text = _strip_tail(text, debris.CLOSING_MARK)
            split = split_trailing_credit(text)
            if split is None:
                break
            names_only = not _ROLE_WORD.search(split[1].raw)
            if names_only and index != bodies[-1]:
                break
            text, byline = split
            draft.bylines.append(byline)
        if text == out[index].text:
            continue
        if text.strip():
            out[index] = replace(out[index], text=text.strip())
        else:
            del out[index]
    return out


# The heading of a public-service notice glued after a paragraph's last sentence
# (`…止。★再給自己一次機會`, `…。●珍惜生命`): the notice box's, not the story's.
_NOTICE_TAIL = re.compile(
    r"(?<=[。！？!?”」』])\s*[★☆●■◆※]?\s*(?:請|请)?(?:珍惜生命|再[給给]自己一次(?:機會|机会))[。！!]?\s*$"
)
_NOTICE_ENDS = "命會会。！!"
# A wire's ROC date code closing the last paragraph (`…數月時間。1020813`, `…。990105`):
# the filing stamp, not text.
_DATE_CODE_TAIL = re.compile(
    r"(?<=[。！？!?”」』）)])\s*(?:[89]\d|1[01]\d)(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\s*$"
)
# last characters of `（完）`, `-完-`, `查看更多`, `展开全文`, an end box `□`
_TAIL_DEBRIS_ENDS = "）)】]-—－多文□■"


def _strip_tail(text: str, pattern: re.Pattern) -> str:
    """`text` without what `pattern` (anchored at the end) matches in its last 30 characters."""
    offset = max(0, len(text) - 30)
    match = pattern.search(text, offset)
    return text[: match.start()] if match else text


_TRAILING_NAV = re.compile(
    r"(?<=[。！？”」』])\s*(?:返回[^，。\s]{1,10}[，,]\s*查看更多|展开全文|展開全文)\s*$"
)
_ROLE_WORD = re.compile(
    r"记者|記者|编辑|編輯|责编|責編|通讯员|通訊員|作者|撰稿|编译|編譯|译者|譯者|报道|報導|摄|攝|评论员|評論員"
)


def _bare_head(text: str) -> bool:
    compact = re.sub(r"\s", "", text)
    return 0 < len(compact) <= 24 and not _CLAUSE_PUNCT.search(compact)


def _subhead_shaped(text: str) -> bool:
    if _bare_head(text):
        return True
    # `专家：三招应对高温`: a speaker or topic, a colon and the head (no role word: a
    # `记者：X` line is a byline; no figures: `成人票原价：260元` is a listing's line)
    compact = re.sub(r"\s", "", text)
    labelled = _LABELLED_HEAD.fullmatch(compact)
    return bool(labelled) and len(compact) <= 24 and not _ROLE_WORD.search(labelled.group(1))


MAX_PAIRED_HEAD_CHARS = 20
MIN_PAIRED_HALF_CHARS = 4


def _paired_head(text: str) -> bool:
    """A head of two short phrases split by one comma (`上市4年半，市值缩水超200亿美元`)."""
    compact = re.sub(r"\s", "", text)
    if len(compact) > MAX_PAIRED_HEAD_CHARS or compact.count("，") != 1:
        return False
    first, second = compact.split("，")
    return min(len(first), len(second)) >= MIN_PAIRED_HALF_CHARS and not _CLAUSE_PUNCT.search(
        first + second
    )


_LABELLED_HEAD = re.compile(r"([^。！？!?；;：:，,…]{2,6})[：:][^。！？!?；;：:，,…0-9０-９]{4,}")


MIN_WRAPPED_HEADING_LINES = 3
# A numbered section head: `一、`, `（一）`, `1.`, `1、`.
_NUMBERED_HEAD = re.compile(
    r"\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.、．](?!\d))"
)


# `“高温补贴”`: a line wholly in quotation marks is a whole item (of a list of topics), never
# a piece of a heading that wraps
_QUOTED_ITEM = re.compile(r"[“「『\"][^“”「」『』\"]+[”」』\"]")


def _same_element(a: Item, b: Item) -> bool:
    """Two lines of one HTML element (a heading wrapped with `<br>`)."""
    return bool(a.dom_path) and a.dom_path == b.dom_path


def _subheads_of(run: list[Item]) -> list[Item]:
    """The subheads a run of short lines prints.

    Two lines are two headings: a label and its heading (`方案1` / `产权投资安全最重要`)
    or a heading and its deck (`安宁疗护精细化` / `让临终患者少些痛苦多些温暖`); so are
    lines that carry punctuation (`出国前：政治科目会出啥考题？`), each a line of its own.
    Three or more bare lines are a heading whose deck wraps (`一个“有生态”的园区` /
    `推动“产业生态”` / `和“自然生态”共赢发展`): one subhead, joined by spaces, unless each
    is wholly quoted (`“甲”` / `“乙”` / `“丙”`: a list's items, each a line). Lines of
    one HTML element (a heading wrapped with `<br>`) are always one subhead.
    """
    if (
        len(run) >= MIN_WRAPPED_HEADING_LINES
        and all(_bare_head(it.text) for it in run)
        and not all(_QUOTED_ITEM.fullmatch(it.text.strip()) for it in run)
    ):
        return [Item("subhead", " ".join(it.text for it in run), dom_path=run[0].dom_path)]
    out: list[Item] = []
    for item in run:
        if out and _same_element(out[-1], item):
            out[-1].text += " " + item.text
        else:
            out.append(Item("subhead", item.text, dom_path=item.dom_path))
    return out


MIN_LATER_SECTION_HEADS = 2


def _section_heads_below(items: list[Item], start: int) -> int:
    """How many short label lines further down stand between paragraphs that end a sentence
    and a paragraph (`發生了什麼`, `接下來如何` in a brief of labelled sections): with enough
    of them, a label of the same shape opening the text (`為什麼重要`) heads its first section."""
    count = 0
    for k in range(start + 1, len(items) - 1):
        item, before, after = items[k], items[k - 1], items[k + 1]
        if (
            item.kind == "body"
            and _subhead_shaped(item.text)
            and before.kind == "body"
            and ends_sentence(before.text)
            and after.kind == "body"
            and not _subhead_shaped(after.text)
        ):
            count += 1
    return count


def _shape_subheads(items: list[Item]) -> list[Item]:
    out: list[Item] = []
    i = 0
    while i < len(items):
        item = items[i]
        paired = item.kind == "body" and _paired_head(item.text)  # a head of its own line
        if paired or (
            item.kind == "body"
            and (_subhead_shaped(item.text) or (item.bold and len(item.text) <= 30))
        ):
            j = i + 1 if paired else i
            while (
                not paired
                and j < len(items)
                and j - i < 4
                and items[j].kind == "body"
                and (_subhead_shaped(items[j].text) or (items[j].bold and len(items[j].text) <= 30))
            ):
                j += 1
            before = next((it for it in reversed(out) if it.kind not in ("image", "url")), None)
            after = next((it for it in items[j:] if it.kind not in ("image",)), None)
            opens_text = before is None or before.kind in ("heading", "quote")
            clean_before = (
                opens_text
                and (
                    bool(_NUMBERED_HEAD.match(item.text))
                    or _section_heads_below(items, j) >= MIN_LATER_SECTION_HEADS
                )
            ) or (  # the first section's head (`一、…`, or a label like the heads below it)
                before is not None
                and (
                    before.kind in ("subhead", "caption", "byline")
                    or (before.kind == "body" and ends_sentence(before.text))
                )
            )
            if (
                clean_before
                and after is not None
                and after.kind == "body"
                and not _subhead_shaped(after.text)
            ):
                out.extend(_subheads_of(items[i:j]))
                i = j
                continue
        out.append(item)
        i += 1
    return out


# ---------------------------------------------------------------------------------------
# Misplaced paragraphs


def relocate_misplaced(articles: list[Article]) -> None:
    """Move paragraphs printed inside the wrong article back where their vocabulary belongs.

    Heuristic for a print-layout accident (a short story's column laid out inside a long
    one), so it is deliberately strict: the source article has ≥ 6 body paragraphs, the
    target ≤ 3; the paragraph (never the first) shares little with its own article once its
    neighbours are set aside (they may be misplaced too), and the rare words it shares only
    with the target outweigh those shared with its own article 1.5 to 1.
    """
    if len(articles) < 2:
        return
    # (nothing moves before every paragraph is scored: who may give and who may take is known)
    short = [b for b, a in enumerate(articles) if len(a.body_paragraphs) <= 3]
    if not short or all(len(a.body_paragraphs) < 6 for a in articles):
        return
    grams_of = [_ArticleGrams(a) for a in articles]
    texts = [g.counts.keys() for g in grams_of]
    df: Counter[str] = Counter()  # in how many articles
    for grams in texts:
        df.update(grams)
    n = len(articles)
    log_weight = {g: math.log((n + 1) / count) for g, count in df.items()}
    short_grams = set().union(*(texts[b] for b in short))
    moves: dict[int, list[tuple[int, str]]] = {}
    for a_idx, article in enumerate(articles):
        body = [p for p in article.paragraphs if p.kind == "body"]
        if len(body) < 6:
            continue
        for p_idx, paragraph in enumerate(body[1:], start=1):
            grams = grams_of[a_idx].of(paragraph)
            if not grams:
                continue
            # what it shares with all short articles bounds any score below (weights are
            # positive, summed in the same order): under 8 nothing can take it
            if sum(log_weight[g] for g in grams if g in short_grams) < 8:
                continue
            own_rest = grams_of[a_idx].without(grams, body[max(0, p_idx - 1) : p_idx + 2])
            weight = {g: log_weight[g] for g in grams if g in log_weight}
            own = sum(w for g, w in weight.items() if g in own_rest)
            if own / len(grams) >= 0.12:
                continue  # shares enough with its own article: it stays, whatever the others
            elsewhere = {g: w for g, w in weight.items() if g not in own_rest}
            best, best_idx = 0.0, None
            for b_idx in short:
                if b_idx == a_idx:
                    continue
                score = sum(w for g, w in elsewhere.items() if g in texts[b_idx])
                if score > best:
                    best, best_idx = score, b_idx
            if best_idx is not None and best >= 8 and best >= 1.5 * own:
                moves.setdefault(a_idx, []).append((best_idx, paragraph.text))
    inserted: Counter[int] = Counter()
    for a_idx, moved in moves.items():
        source = articles[a_idx]
        for b_idx, text in moved:
            target = articles[b_idx]
            source.paragraphs = [
                p for p in source.paragraphs if not (p.kind == "body" and p.text == text)
            ]
            target.paragraphs.insert(inserted[b_idx], Paragraph("body", text))
            inserted[b_idx] += 1
            if "relocated_paragraph" not in target.flags:
                target.flags.append("relocated_paragraph")
        if "misplaced_paragraph" not in source.flags:
            source.flags.append("misplaced_paragraph")


class _ArticleGrams:
    """Bigrams of an article's header and of each paragraph, computed once.

    `counts[g]` is how many parts (header, paragraphs) contain g, so the article's vocabulary
    without some paragraphs is known without re-reading the others.
    """

    def __init__(self, article: Article) -> None:
        header = " ".join(filter(None, [article.title, article.kicker, article.subtitle]))
        self.parts = {id(p): han_bigrams(p.text) for p in article.paragraphs}
        self.counts: Counter[str] = Counter(han_bigrams(header))
        for grams in self.parts.values():
            self.counts.update(grams)

    def of(self, paragraph: Paragraph) -> set[str]:
        return self.parts[id(paragraph)]

    def without(self, grams: set[str], excluded: list[Paragraph]) -> set[str]:
        """Which of `grams` the article still contains once `excluded` paragraphs are removed."""
        removed: Counter[str] = Counter()  # in how many of the excluded paragraphs
        for p in excluded:
            removed.update(self.parts[id(p)])
        counts = self.counts
        return {g for g in grams if counts[g] > removed.get(g, 0)}
