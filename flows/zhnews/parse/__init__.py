"""Parse one decoded document into articles: `parse_document(text, source_path, settings)`.

Formats (detected in this order):
- `jekyll-markdown` / `jekyll-html`: YAML front matter + a Markdown or HTML body; one article,
  or one per story when the body is a sequence of headed stories (`digest_sections`).
- `newspaper-html`: a saved HTML page; one or several articles inside site chrome.
- `newspaper-markdown`: a print page converted to Markdown (headings, □ bylines, △ captions),
  also when its paragraphs are written as HTML (`<p>`): a Markdown heading line decides.
- `text`: anything else, one article (first short line as title when it looks like one).
- `feed`: an RSS/Atom feed (`parse/feed.py`): one article per entry, or per titled section
  of an entry whose text holds several (`<strong>title</strong>…<hr>…`).
- `newspaper-xml`: an XML transcription of a newspaper page (TEI `<div type="article">`,
  `<article>`; `parse/xmldoc.py`): one article per article division, when it has two or more.

Documented choices:
- Jekyll `categories`/`tags` given as a string are split on whitespace, as Jekyll does;
  `category` is the first category (the others are dropped with a warning).
- A Jekyll Markdown body consisting of exactly one paragraph is the feed's summary: it is kept
  as the body paragraph AND copied to `summary`. A lead blockquote (`> …`) is the summary; a
  blockquote later in the text is a quoted passage. Blockquote markers never reach a title.
- A Jekyll body is HTML when its text is wrapped in HTML (p/br/div …) or tag-led lines carry
  most of it; Markdown with `<figure>` blocks stays Markdown. The title printed again in the
  body (heading, link line with a `---` underline, last line) is dropped; `author:` in the
  front matter gives the authors when the text names none (`記者林勵` → 林勵).
- Dates: every clue votes (front matter, <meta>, JSON-LD, URL, story id, visible timestamp,
  page date line, dateline, file name), see `parse/dates.py`; a date without offset is in
  `settings.default_tz`.
- `story_id` is only set for single-article documents (URL id first, then file name), so the
  articles of one newspaper page never supersede each other.
"""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

from zhnews.model import Article, Author, Paragraph, ParsedDocument, RejectedDocument
from zhnews.parse import dates, feed, meta, xmldoc
from zhnews.parse.assemble import (
    BRAND_WORD,
    Item,
    classify,
    credited_heading_stories,
    credited_pair,
    digest_sections,
    drop_title_echo,
    finish_article,
    own_credit,
    printed_subtitle,
    relocate_misplaced,
    split_articles,
    strip_media_label,
    text_story_headlines,
)
from zhnews.parse.blocks import (
    Block,
    drop_invisible,
    drop_segment_breaks,
    html_blocks,
    html_document_title,
    markdown_blocks,
    marks_author,
)
from zhnews.parse.bylines import (
    PHOTO_ROLE,
    TRANSLATOR_ROLE,
    editors_in,
    front_matter_authors,
    is_newsroom,
    names_a_desk,
    parse_credit_line,
    strict_names,
)
from zhnews.parse.content import common_path
from zhnews.parse.stocks import find_text_stocks
from zhnews.settings import Settings
from zhnews.text import CLOSERS, SENTENCE_END, split_sentences

__all__ = ["parse_document"]

MAX_LINE_CHARS = 2_000_000  # longer "lines" are minified blobs or garbage, never news text
_HTML_HINT = re.compile(
    r"<(?:p|div|br|center|img|h[1-6]|table|section|article|span|a|strong|figure|ul|li)\b[^>]*>",
    re.IGNORECASE,
)
_HTML_PAGE = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_NEWSPAPER_MD = re.compile(r"^(?: {0,3}#{1,6}\s|[□△▲■])", re.MULTILINE)
# An ATX heading line: a document that has one is Markdown, whatever HTML its paragraphs use
_MARKDOWN_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.MULTILINE)


def parse_document(text: str, source_path: str, settings: Settings | None = None) -> ParsedDocument:
    """Parse `text` (already decoded) from `source_path` into a ParsedDocument.

    Raises RejectedDocument("parse", reason) when nothing usable is in the document.
    """
    settings = settings or Settings()
    tz = ZoneInfo(settings.default_tz)
    # zero-width and control characters print nothing (`blocks.drop_invisible`); blanks at
    # the end mean nothing in any format (scraped posts end in up to ~600,000 empty lines,
    # each of which the line passes would visit)
    text = drop_invisible(text.replace("\r\n", "\n").replace("\r", "\n")).rstrip()
    if not text:
        raise RejectedDocument("parse", "document is empty (no text after decoding)")
    text += "\n"
    try:
        return _parse(text, source_path, tz)
    except RecursionError as exc:
        raise RejectedDocument(
            "parse", "document structure is nested too deeply to parse (HTML nesting or similar)"
        ) from exc


def _parse(text: str, source_path: str, tz: ZoneInfo) -> ParsedDocument:
    warnings: list[str] = []
    if meta.has_front_matter(text):
        front = meta.split_front_matter(text)
        warnings.extend(front.warnings)
        return _parse_jekyll(front, source_path, tz, warnings)
    mirrored = meta.link_title_header(text, tz)
    if mirrored is not None:  # a feed item saved as `[标题](link)` / `------` / `日期：…` + body
        return _parse_jekyll(mirrored, source_path, tz, warnings)
    _check_lines(text, 1)
    digest = False  # a sequence of headed stories, each with its own link (`digest_sections`)
    if feed.is_feed(text):
        return _parse_feed(text, source_path, tz, warnings)
    if xmldoc.looks_like_xml_stories(text):
        parsed = _parse_xml_stories(text, source_path, tz, warnings)
        if parsed is not None:
            return parsed
    if _HTML_PAGE.search(text[:5000]) or (
        len(_HTML_HINT.findall(text[:200_000])) >= 3 and not _MARKDOWN_HEADING.search(text)
    ):
        blocks = html_blocks(text, main_content=True, whole_page=True)
        fmt = "newspaper-html"
        page_title = html_document_title(text)
        titles = meta.page_titles(text)  # whole <title>, og:title, twitter:title
    elif _NEWSPAPER_MD.search(text):
        blocks, fmt, page_title = markdown_blocks(text), "newspaper-markdown", None
        sections = digest_sections(blocks)
        digest = sections is not None
        blocks = sections or blocks
    else:
        blocks, fmt, page_title = markdown_blocks(text), "text", None
    items = classify(blocks, tz)
    first_line_title = _pop_first_line_title(items)
    headed = text_story_headlines(items, first_line_title) if fmt == "text" else None
    if headed is not None:  # a page of headline-over-credit stories
        items, first_line_title = headed, None
    # a plain-text dump of several headed stories (bracketed headlines, `bracket_headlines`)
    # is a page of stories even without the file label line that makes it Markdown
    multi = fmt != "text" or headed is not None or sum(it.kind == "heading" for it in items) >= 3
    drafts, page = split_articles(items, multi=multi)
    if fmt == "newspaper-html" and not digest:
        drafts = _page_story(drafts, [page_title or "", *titles], meta.page_descriptions(text))
        drafts = _sections_of_headline(drafts)
    articles = _finished(drafts)
    if not articles and fmt == "newspaper-html":
        page_with_text = _script_article_page(text)
        if page_with_text is not None:
            parsed = _parse(page_with_text, source_path, tz)
            parsed.warnings.insert(0, "article text read from the page's __NEXT_DATA__ script")
            return parsed
    if not articles:
        raise RejectedDocument(
            "parse", f"no article text found ({fmt}: {len(blocks)} blocks, none is body text)"
        )
    if len(articles) == 1 and articles[0].title is None:
        articles[0].title = first_line_title or _page_title_headline(page_title, text)
        if articles[0].title is None:
            _derive_title(articles[0])
        elif first_line_title is None:
            _drop_page_title_echo(articles[0])
    if fmt == "newspaper-html" and len(articles) == 1 and not articles[0].title_derived:
        _confirm_headline(articles[0], text, titles)
        _unwrap_headline(articles[0], text, titles)
        _split_headline_deck(articles[0], text)
        _title_cell_headline(articles[0], text, page_title)
        _drop_section_label(articles[0], [page_title or "", *titles])
        _drop_headline_main_line(articles[0])
        _headline_from_first_line(articles[0], [page_title or "", *titles])
    if len(articles) > 1 and not digest:
        relocate_misplaced(articles)  # a print-layout accident; a digest's stories are apart
    if fmt == "newspaper-html" and len(articles) == 1:
        _signed_short_name(articles[0], text)
        _head_writers(articles[0], text)
        _page_editor(articles[0], text)
        _marked_writer(articles[0], text)
        _standfirst_echo(articles[0])
        _original_after_translation(articles[0])
        _count_after_text(articles[0])
    for article in articles:
        if article.publisher is None and page.get("publisher"):
            article.publisher = page["publisher"]
        _finish_common(article)
    if len(articles) == 1:
        _set_story_id(articles[0], source_path, tz)
    document_dates = dates.DocumentDates(
        tz, source_path, html=text if fmt == "newspaper-html" else None
    )
    for article in articles:
        document_dates.date_article(article, page_date=page.get("date"), shared=len(articles) > 1)
    warnings.extend(document_dates.warnings)
    return ParsedDocument(format=fmt, articles=articles, warnings=warnings)


# A writer named in the page's head: Chinese characters (a transliterated name keeps its `·`);
# a Latin value there is as often the site's or the desk's name as a person's
_HEAD_WRITER = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff·・]{1,9}")
_HEAD_ROLE = re.compile(r"\s*(?:记者|記者|撰稿|撰文|作者)$")


def _head_writers(article: Article, html: str) -> None:
    """A page whose text and header credit no writer (a translator credited under the text
    does not count: `编译：X` names who put the story into Chinese) names its writer in its
    head (`<meta name="author" content="马克·洛伊滕艾格">`, `dable:author` `金炯九 记者`): that
    person wrote the story, and a translator beside them is a credit, not the writer. Names
    only: a newsroom, a desk or a Latin value (often the site's name) is nobody's; and only a
    name the page prints in its body too (an author card, a byline slot): a name in the head
    alone (`dable:author` on a page whose byline slot is empty) may be whoever posted it."""
    if any(a.role not in (PHOTO_ROLE, TRANSLATOR_ROLE) for a in article.authors):
        return
    names: list[str] = []
    end = meta.head_end(html)
    body = html[end:] if end > 0 else ""
    for value in meta.page_author_values(html):
        value = _HEAD_ROLE.sub("", value)
        found = strict_names(value, surname=True) or []
        if found and all(_HEAD_WRITER.fullmatch(n) for n in found) and not is_newsroom(value):
            names.extend(n for n in found if n != article.editor and n not in names and n in body)
    for value in meta.json_ld_authors(html):
        # `{"@type": "Person", "name": "Yiting Lin"}`: a Latin name the markup says is a
        # person's (not a site's), printed in the body too (its author card)
        if (
            (
                _LATIN_PERSON.fullmatch(value)
                # a one-word pen name (`Erin`) where the body links it to its author page
                or (_LATIN_PEN_NAME.fullmatch(value) and _author_page_link(value, body))
            )
            and not names_a_desk(value)  # `Newsroom Infobae`: the desk, typed as a person
            and value not in names
            and value in body
        ):
            names.append(value)
    if names:
        article.authors = [a for a in article.authors if a.role == PHOTO_ROLE]
        article.authors[:0] = [Author(n, "作者") for n in names]


_LATIN_PERSON = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}")
_LATIN_PEN_NAME = re.compile(r"[A-Z][a-z]{2,15}")


def _author_page_link(name: str, body: str) -> bool:
    """The body links `name` to its author page (`<a href="/sc/author/Erin">Erin</a>`)."""
    return (
        re.search(
            rf"""href=["'][^"']*/authors?/{re.escape(name)}["'/?#][^>]*>\s*{re.escape(name)}\s*<""",
            body,
        )
        is not None
    )


# An element the page's markup calls the author's (`<dl class="author">`, `<span
# class="byline">`): its tag, its class, what it holds (up to the element's end)
_AUTHOR_ELEMENT = re.compile(
    r"<(?P<tag>[a-z][a-z0-9]*)\b[^>]*\bclass\s*=\s*[\"'](?P<cls>[^\"']*)[\"'][^>]*>"
    r"(?P<inner>.{0,300}?)</(?P=tag)\s*>",
    re.IGNORECASE | re.DOTALL,
)
# a box of its own (not a `<span class="author">` inside a line of text: a speaker's name)
_CLASSED_TAG = re.compile(
    r"<(?:div|dl|p|section|header|address|ul|li|aside)\b[^>]*\bclass\s*=\s*[\"'](?P<cls>[^\"']*)[\"']",
    re.IGNORECASE,
)
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _marked_writer(article: Article, html: str) -> None:
    """A page whose text credits no writer but whose markup names one in a box above the
    text, apart from it (`<dl class="author"><dt class="name">YOON  Inha</dt><dd
    class="email">…</dd></dl>` past a language switch and a share bar): the one name every
    such box holds (its address left out) is the writer. Names only (a desk, a brand such as
    `iWeekly`, a box with anything else is not), and only boxes printed before the text."""
    if any(a.role not in (PHOTO_ROLE, TRANSLATOR_ROLE) for a in article.authors):
        return
    body = [p.text for p in article.paragraphs if p.kind == "body"]
    start = html.rfind(body[0][:12]) if body else -1  # the text itself, not a teaser of it
    if start < 0:
        return
    found: set[str] = set()
    for opening in _CLASSED_TAG.finditer(html, max(meta.head_end(html), 0), start):
        cls = opening.group("cls")
        if not marks_author(cls) or "editor" in cls.lower():
            continue  # (an editor's box is no writer's)
        match = _AUTHOR_ELEMENT.match(html, opening.start())
        if match is None:
            continue
        value = _markup_text(_ADDRESS.sub(" ", match.group("inner")))
        names = strict_names(value, surname=True) if value else None
        if not names or len(names) > 3 or any(BRAND_WORD.fullmatch(n) for n in names):
            continue
        found.update(names)
    if len(found) == 1:
        article.authors[:0] = [Author(found.pop(), "作者")]


# A labelled editor credit printed as the page's text (`（責任編輯： 劉艷丹 ）`), with what
# follows the label up to the end of its line or bracket
# (or the label alone in its element: `<span class="hf_label">责编</span>杨文钊`)
_PAGE_EDITOR = re.compile(r"(?:责任编辑|責任編輯|责编|責編)(?:\s*[：:]|(?=\s*</))")
_PAGE_EDITOR_REST = 60  # characters of markup and text read after the label
MAX_PAGE_EDITOR_LABELS = 12
_BLOCK_TAG = re.compile(r"(?i)</?(?:p|div|td|tr|li|br|h[1-6]|table|section)\b[^>]*>")
_INLINE_TAG = re.compile(r"<[^>]*>")
_TAIL_PROBE = 8  # characters of the text's last paragraph looked up in the markup
_LINKS_AND_CODE = re.compile(r"(?is)<(a|script|style)\b.*?</\1\s*>")
_PROSE = re.compile(r"[^。！？!?<>\s]{16,}[。！？!?]")
_DESK_NAME = re.compile(r"小编|小編|编辑|編輯|编辑部|編輯部|中心|[部组組]$")  # `国际小编`: a desk


def _page_editor(article: Article, html: str) -> None:
    """A single-story page that credits its editor far below the text, past the related
    links and the boxes the text search stops at (`（責任編輯： 劉艷丹 ）` in a table cell at
    the foot of a portal's template): the labelled credit names the story's editor. Only a
    label printed as text (not inside a link, a script or the head) and only when every such
    credit on the page names the same one person: a page listing other stories with their
    own editors says nothing certain about this one."""
    body = [p.text for p in article.paragraphs if p.kind == "body"]
    if article.editor is not None or not body:
        return
    names: set[str] = set()
    lower = ""
    for seen, match in enumerate(_PAGE_EDITOR.finditer(html, max(meta.head_end(html), 0))):
        if seen >= MAX_PAGE_EDITOR_LABELS:
            return  # a listing of many stories' credits, not one story's page
        lower = lower or html.lower()
        at = match.start()
        if lower.rfind("<a ", 0, at) > lower.rfind("</a>", 0, at) or lower.rfind(
            "<script", 0, at
        ) > lower.rfind("</script>", 0, at):
            continue
        end = html.rfind(body[-1][-_TAIL_PROBE:], 0, match.start())
        if end < 0 or _prose_between(html[end : match.start()]):
            continue  # above the text, or past other prose (comments): not the story's foot
        rest = re.sub(r"\s+", " ", html[match.end() : match.end() + _PAGE_EDITOR_REST])
        rest = _INLINE_TAG.sub("", _BLOCK_TAG.sub("\n", rest))  # a block's end ends the line
        rest = re.split(r"[)）】\]\n<]", rest.lstrip(" "), maxsplit=1)[0]
        names.update(n for n in editors_in("责任编辑：" + rest) if not _DESK_NAME.search(n))
        if len(names) > 1:
            return
    if len(names) == 1:
        article.editor = names.pop()


def _prose_between(markup: str) -> bool:
    """A sentence printed outside links in this stretch of markup (a reader's comment, another
    story's lead): box labels (`相關鏈結`, `欄目推薦`) and lists of links are not prose."""
    return bool(_PROSE.search(_INLINE_TAG.sub("", _LINKS_AND_CODE.sub("", markup))))


MIN_ECHO_SENTENCE_CHARS = 8
MAX_STANDFIRST_SENTENCES = 3


def _standfirst_echo(article: Article) -> None:
    """A standfirst printed above the text whose every sentence the text says again (`<div
    class="summary">`: `“跨性别”指的是…。相比之下，…。`, both in the second paragraph) is the
    summary, not the text's first paragraph. One to three sentences, each found whole in a
    later paragraph; a lead that merely shares a phrase with the text stays, and so does a
    lead summary of several paragraphs printed as the text's own (each said again further
    down: a 2005 portal's reprint), for a standfirst box holds one paragraph."""
    body = [p for p in article.paragraphs if p.kind == "body"]
    if len(body) < 2 or article.paragraphs[0] is not body[0]:
        return
    sentences = [_squeeze(m) for m in split_sentences(body[0].text)]
    if not 1 <= len(sentences) <= MAX_STANDFIRST_SENTENCES or not _ends_sentence(sentences[-1]):
        return
    rest = [_squeeze(p.text) for p in body[1:]]
    lead = _squeeze(body[0].text)
    if len(body) > 2 and rest[-1].startswith(lead) and not any(lead in r for r in rest[:-1]):
        # the lead said again, and more, only by a paragraph closing the text (`<center><img>
        # <div>巴西籍摄影师…拍摄。她在…</div>`): the lead picture's caption, not the text's
        # copy of a standfirst
        article.paragraphs.remove(body[-1])
        return
    if all(
        len(s) >= MIN_ECHO_SENTENCE_CHARS and any(s in r and s != r for r in rest)
        for s in sentences
    ) and not _echoed(body[1].text, rest[1:]):
        article.paragraphs.remove(body[0])
        article.summary = article.summary or body[0].text


_CJK = re.compile(r"[\u4e00-\u9fff]")
MIN_CHINESE_PARAGRAPHS = 3


def _original_after_translation(article: Article) -> None:
    """A translated story's page that prints the original after the Chinese text (`<div
    class="word-en">`, after `翻译：X` / `审校：Y`): paragraphs with no Chinese at all closing a
    text that is Chinese are the original, not the story's text. Only with a translation
    credited (the byline's translator) and at least `MIN_CHINESE_PARAGRAPHS` Chinese ones."""
    if not any(a.role == TRANSLATOR_ROLE for a in article.authors) and not (
        article.byline_raw and re.search(r"翻译|翻譯|编译|編譯|译者|譯者", article.byline_raw)
    ):
        return
    paragraphs = article.paragraphs
    cut = len(paragraphs)
    while (
        cut > 0 and paragraphs[cut - 1].kind == "body" and not _CJK.search(paragraphs[cut - 1].text)
    ):
        cut -= 1
    chinese = sum(1 for p in paragraphs[:cut] if p.kind == "body" and _CJK.search(p.text))
    if cut < len(paragraphs) and chinese >= MIN_CHINESE_PARAGRAPHS:
        article.paragraphs = paragraphs[:cut]


_COUNT = re.compile(r"\d{1,6}")


def _count_after_text(article: Article) -> None:
    """A bare number closing the text (`<div class="like"><span>3</span><a title="喜欢">`: the
    likes a page counts under the story) is a counter, not a paragraph: the text's last
    paragraph is never a number alone (a section number opens a section, it closes none)."""
    paragraphs = article.paragraphs
    while (
        len(paragraphs) > 1
        and paragraphs[-1].kind == "body"
        and _COUNT.fullmatch(paragraphs[-1].text.strip())
    ):
        paragraphs.pop()


def _echoed(text: str, rest: list[str]) -> bool:
    """Every sentence of `text` is said again in `rest`."""
    sentences = [_squeeze(m) for m in split_sentences(text)]
    return bool(sentences) and all(any(s in r for r in rest) for s in sentences)


def _ends_sentence(text: str) -> bool:
    return text.rstrip(CLOSERS)[-1:] in SENTENCE_END


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


# A short name in brackets after the text's last sentence: `…舞臺發展。 （雲鵬）`
_SIGNED_SHORT = re.compile(
    r"(?<=[。！？!?”」』…])[\s\u3000]*[（(](?P<name>[\u4e00-\u9fff]{2,3})[)）]\s*$"
)


def _signed_short_name(article: Article, html: str) -> None:
    """The text signed with a staff member's given name (`…發展。 （雲鵬）`, where the page
    names 田雲鵬 in its head or as the editor): the signature is the writer's credit, as
    printed, not text. Only a name the page itself spells out in full is taken: a bracket of
    two or three characters also holds notes and sources (`（完）`, `（综合）`, `（新华社）`)."""
    if any(a.role not in (PHOTO_ROLE, TRANSLATOR_ROLE) for a in article.authors):
        return
    body = [p for p in article.paragraphs if p.kind == "body"]
    if not body:
        return
    last = body[-1]
    match = _SIGNED_SHORT.search(last.text)
    if match is None or match.start() == 0:
        return
    name = match.group("name")
    full = [*meta.page_author_values(html), article.editor or ""]
    if not any(len(f) - len(name) in (1, 2) and f.endswith(name) for f in full):
        return
    article.paragraphs[article.paragraphs.index(last)] = Paragraph(
        last.kind, last.text[: match.start()].rstrip()
    )
    article.authors[:0] = [Author(name, "作者")]


def _script_article_page(text: str) -> str | None:
    """A Next.js page whose body is empty until its scripts run holds the article only as
    JSON (`__NEXT_DATA__`): the page again, with that article written into its body as
    HTML (headline, publication `<time>`, paragraphs) and the JSON taken out, or None."""
    import html as htmllib

    found = meta.next_data_article(text)
    if found is None:
        return None
    escape = htmllib.escape
    if found.html:
        body = "".join(found.paragraphs)
    else:
        body = "".join(f"<p>{escape(p)}</p>" for p in found.paragraphs)
    stamp = f'<time pubdate datetime="{escape(found.published)}"></time>' if found.published else ""
    article = f"<article><h1>{escape(found.title)}</h1>{stamp}{body}</article>"
    page = meta.without_next_data(text)
    opening = re.search(r"<body\b[^>]*>", page, re.IGNORECASE)
    if opening is None:
        return page + article
    return page[: opening.end()] + article + page[opening.end() :]


def _page_story(drafts: list, page_titles: list[str], descriptions: list[str] = ()) -> list:
    """A page whose <title> is its first story's headline is that story's page: a post
    printed below it under its own headline and dated header is the site's next post or
    feed (self-media pages load the next post under the one they show), not a second story.
    Pages of several stories carry a page name as <title>, or name the later stories too.

    `page_titles`: the <title> with its site suffix cut, then the page's whole <title> and
    og:title (`meta.page_titles`); a topic prefix (`宏福苑大火｜headline`) makes the cut one a
    topic only, and an og:title may word the headline as printed when the <title> does not.
    """
    if len(drafts) < 2 or not drafts[0].article.title:
        return drafts
    drafts = _headline_printed_again(drafts)
    title = re.sub(r"\s+", "", drafts[0].article.title)
    pages = [re.sub(r"\s+", "", p) for p in page_titles if p]
    if len(title) < 6 or not pages:
        return drafts
    named = [p for p in pages if p.startswith(title)]
    if not named and not _describes_first(drafts, descriptions):
        return drafts
    later = [re.sub(r"\s+", "", d.article.title or "") for d in drafts[1:]]
    # (a later heading that is a word of the first headline, `变装` under `变装与跨性别有什么
    # 区别？`, is a subhead the <title> happens to contain, not a story it names)
    if any(t and t not in title and t in p for t in later for p in pages):
        return drafts  # the page names the later stories too
    if _headline_only(drafts[0]) and _contents_box(drafts[1]):
        drafts = [_under_headline(drafts[0], drafts[1]), *drafts[2:]]
    story_box = _story_box(drafts[0])
    text_box = _text_box(drafts[0])
    kept = drafts[:1]
    for draft in drafts[1:]:
        if not draft.article.title:
            kept.append(draft)
        elif _companion_in_text(draft, story_box, text_box):
            kept.append(draft)  # a companion story printed inside the story's own text
        elif _dated_header(draft.items):
            break  # the next post, and whatever the page loads after it
        elif (
            not kept[-1].ended
            and story_box
            and draft.heading_path[: len(story_box)] == story_box
            and _headed_section(draft)
            and not credited_pair(kept[-1].items, draft.items)
        ):
            _merge_as_subheads(kept[-1], draft)
        else:
            kept.append(draft)
    return kept


def _headline_printed_again(drafts: list) -> list:
    """The first headline printed again further down with more text under it (a header bar
    or a text-to-speech player shows the headline over its own message, `UH-OH! 难免有故障。
    请稍后再试。`, before the article prints it over the story): the later copy is the story,
    and what the page prints before it is not."""
    title = re.sub(r"\s+", "", drafts[0].article.title or "")
    for k in range(1, len(drafts)):
        if re.sub(r"\s+", "", drafts[k].article.title or "") != title:
            continue
        if _text_chars(drafts[k]) > _text_chars(drafts[0]):
            return drafts[k:]
        break
    return drafts


def _text_chars(draft) -> int:
    return sum(len(it.text) for it in draft.items if it.kind == "body")


# The label of a table of contents: `目次`, `目錄`, `本文目录`, `文章大綱`.
_CONTENTS_LABEL = re.compile(r"(?:本文|文章|內容|内容)?(?:目次|目錄|目录|大綱|大纲)")


def _sections_of_headline(drafts: list) -> list:
    """A headline printed with its writer's byline and no text under it, then headed parts
    that carry nothing of a story's own (no byline, date or source line, no credit of their
    own): one story whose text begins at its first section head (a long feature), whatever
    the page's <title> says. A page of stories under the page's name and date (`新闻联播`,
    a day) credits no writer there, and each of its stories has text under its headline."""
    if len(drafts) < 2 or not drafts[0].article.title or not _headline_only(drafts[0]):
        return drafts
    if not any(it.kind == "byline" and it.byline and it.byline.authors for it in drafts[0].items):
        return drafts  # a page's name and date over its stories (`新闻联播` / the day) names nobody
    sections = drafts[1:]
    if not all(
        d.article.title and _headed_section(d) and not own_credit(d.items) for d in sections
    ):
        return drafts
    for section in sections:
        _merge_as_subheads(drafts[0], section)
    return drafts[:1]


def _headline_only(draft) -> bool:
    """The page's headline with its meta row, byline and picture, and no text under it."""
    return not any(item.kind == "body" for item in draft.items)


def _contents_box(draft) -> bool:
    """A story head that is the label of a table of contents (`目次` over links to the
    subheads, printed in a column beside the text), with the text right under it: no
    headline, no dated header or byline of its own."""
    title = re.sub(r"\s+", "", draft.article.title or "")
    return (
        bool(_CONTENTS_LABEL.fullmatch(title))
        and not draft.article.kicker
        and not draft.article.subtitle
        and _headed_section(draft)
    )


def _under_headline(story, section):
    """The text printed under a table of contents belongs to the headline above it: the
    section's items join the story; its label (`目次`) is no text."""
    story.items.extend(section.items)
    story.ended = section.ended
    return story


MIN_DESCRIPTION_CHARS = 20


def _describes_first(drafts: list, descriptions: list[str]) -> bool:
    """The page's description (`og:description`) is printed in its first story (the deck
    or the lead) and in none of the later ones: the page is that story's page, whatever
    its <title> words (a page that loads the next post under its story as you scroll)."""

    def text_of(draft) -> str:
        parts = [it.text for it in draft.items] + [draft.article.summary or ""]
        return re.sub(r"\s+", "", "".join(parts))

    squeezed = [re.sub(r"\s+", "", d) for d in descriptions]
    squeezed = [d for d in squeezed if len(d) >= MIN_DESCRIPTION_CHARS]
    if not squeezed:
        return False
    first, later = text_of(drafts[0]), [text_of(d) for d in drafts[1:]]
    return any(d in first and not any(d in t for t in later) for d in squeezed)


def _story_box(draft) -> tuple:
    """The innermost element holding both the story's headline and its text (empty when
    unknown): a heading inside it belongs to the story, one beside it (a next post's box)
    may not."""
    text = [it.dom_path for it in draft.items if it.kind == "body"]
    if not text:
        # a story whose text opens with an intro box printed as subheads (`<h5>…<br><br>…
        # </h5>`) and its pictures before the first section head: where those sit
        text = [it.dom_path for it in draft.items if it.kind in _TEXT_KINDS and it.dom_path]
    paths = [draft.heading_path, *text]
    if len(paths) < 2 or not all(paths):
        return ()
    return common_path(paths)


_TEXT_KINDS = ("subhead", "image", "caption")


def _text_box(draft) -> tuple:
    """The innermost element holding all of the story's paragraphs of text (empty when
    unknown)."""
    paths = [it.dom_path for it in draft.items if it.kind == "body"]
    if not paths or not all(paths):
        return ()
    return common_path(paths)


def _companion_in_text(draft, story_box: tuple, text_box: tuple) -> bool:
    """A later headed story printed inside the element that holds the first story's text
    (deeper than the box around its headline and text), under its own credit (a byline
    that names reporters, or a dispatch lead): a companion story of the page (a sidebar
    story, a second dispatch), not the next post a page loads beside its story, however
    it is dated."""
    if not text_box or len(text_box) <= len(story_box):
        return False
    if draft.heading_path[: len(text_box)] != text_box:
        return False
    return own_credit(draft.items)


def _headed_section(draft) -> bool:
    """A later heading of a single-story page that carries nothing of a story's own (no
    date, byline or source line above its text): a subhead of the story, whatever element
    the page printed it in (`<h1>` question subheads, a headline printed again in the text)."""
    for item in draft.items:
        if item.kind == "body":
            return True
        if item.kind in ("byline", "source", "meta") or item.date or item.publisher:
            return False
    return True


def _merge_as_subheads(story, section) -> None:
    """Append `section` (a draft opened by a heading) to `story`: its kicker, headline and
    subtitle become subheads in print order, its items follow."""
    article = section.article
    for text in (article.kicker, article.title, article.subtitle):
        if text:
            story.items.append(Item("subhead", text))
    # `<h2>…</h2><blockquote>姐姐一定要帮帮我。”</blockquote>`: a quote opening a section of the
    # text is text, not a story's summary
    story.items.extend(
        replace(item, kind="body") if item.kind == "quote" else item for item in section.items
    )
    story.ended = section.ended


_HEADLINE_TAG = re.compile(r"<h([1-3])\b[^>]*>(.*?)</h\1\s*>", re.IGNORECASE | re.DOTALL)
_LINE_BREAK = re.compile(r"(?:\s*<br\s*/?>\s*)+", re.IGNORECASE)


def _markup_text(fragment: str) -> str:
    """The text of a piece of markup: tags dropped, entities decoded, whitespace single."""
    import html as htmllib

    text = htmllib.unescape(re.sub(r"<[^>]+>", "", fragment))
    return re.sub(r"\s+", " ", drop_segment_breaks(text)).strip()


def _headline_lines(match: re.Match) -> list[str]:
    """The non-empty lines (split at <br>) of a `_HEADLINE_TAG` match."""
    lines = (_markup_text(line) for line in _LINE_BREAK.split(match.group(2)))
    return [line for line in lines if line]


_DASHES = re.compile(r"[—–－-]+")
_TITLE_TAIL_SEPARATOR = re.compile(r"\s*(?:[-–—_|｜]|－)\s*")


def _page_title_headline(page_title: str | None, html: str) -> str | None:
    """The page's <title> as the headline, without what the site appends to it (`Sun股价持续
    回落 与甲骨文交易前景堪忧-业界-IT评论`: the section and the site): the part before a
    separator that the page also prints on its own, as the text of a heading (<h1>-<h3>, a
    heading made of a link included: the text found no title in it) or as its description."""
    if not page_title or not _TITLE_TAIL_SEPARATOR.search(page_title):
        return page_title
    shown = {
        re.sub(r"\s+", "", line)
        for match in _HEADLINE_TAG.finditer(html[:500_000])
        for line in _headline_lines(match)
    }
    shown.update(re.sub(r"\s+", "", d) for d in meta.page_descriptions(html))
    for match in _TITLE_TAIL_SEPARATOR.finditer(page_title):
        head = page_title[: match.start()].strip()
        key = re.sub(r"\s+", "", head)
        if len(key) >= 6 and key in shown:
            return head
    return page_title


def _drop_page_title_echo(article: Article) -> None:
    """A page that prints no headline over its text but names it in its <title> (a post
    whose first line, in the text's own paragraph, is the headline: `标题。<br><br>据中新网，…`):
    that first line, or the same line again at the end, is the headline's echo, not text
    (`drop_title_echo` for a headline found in the text)."""
    key = _squeeze(article.title or "")
    body = [p for p in article.paragraphs if p.kind in ("body", "subhead")]
    if len(key) < 6 or len(body) < 2:
        return
    for paragraph in (body[0], body[-1]):
        if _squeeze(paragraph.text) == key:
            article.paragraphs.remove(paragraph)


def _headline_from_first_line(article: Article, page_titles: list[str]) -> None:
    """The page's <title> names the text's first line, not the title found: that line is
    the headline (a photo feature's first slide heading, `王者归来—聚焦…`, under a box
    header `模块标题 更多` taken for the headline). Dashes are compared as one dash."""

    def key(value: str) -> str:
        return _DASHES.sub("-", re.sub(r"\s+", "", value))

    pages = [key(p) for p in page_titles if p]
    title = key(article.title or "")
    if not pages or (len(title) >= 4 and any(title in p for p in pages)):
        return
    first = next((p for p in article.paragraphs if p.kind in ("body", "subhead")), None)
    if first is None or len(first.text) > 40 or re.search(r"[。！？]$", first.text):
        return
    line = key(first.text)
    if len(line) >= 6 and any(p.startswith(line) for p in pages):
        article.title = first.text.strip()
        article.paragraphs.remove(first)


def _confirm_headline(article: Article, html: str, page_titles: list[str]) -> None:
    """A headline element holding the headline and its deck as lines (`<h1>headline<br><br>
    deck</h1>`) gives two candidate titles; the page's <title> or og:title names the headline.
    When the article's title is one line of such an element and the page titles do not
    contain it but contain another of its lines, that line is the title and the article's
    line, printed under it, the subtitle."""

    title = _squeeze(article.title or "")
    pages = [_squeeze(p) for p in page_titles]
    if len(title) < 4 or not pages:
        return
    if any(title in p for p in pages):
        _join_headline_lines(article, html, title, pages)
        return
    for match in _HEADLINE_TAG.finditer(html):
        lines = _headline_lines(match)
        if len(lines) < 2 or title not in [_squeeze(line) for line in lines]:
            continue
        named = [
            line
            for line in lines
            if len(_squeeze(line)) >= 4 and any(_squeeze(line) in p for p in pages)
        ]
        if len(named) != 1:
            return
        position = [_squeeze(line) for line in lines].index(title)
        if lines.index(named[0]) < position and article.subtitle is None:
            article.subtitle = article.title
        elif lines.index(named[0]) > position and article.kicker is None:
            article.kicker = article.title
        article.title = named[0]
        return
    _headline_over_deck(article, html, title, pages)


MIN_NAMED_HEADLINE_CHARS = 6
MAX_DECK_GAP_CHARS = 1500  # markup between the headline element and the deck printed under it


def _headline_over_deck(article: Article, html: str, title: str, pages: list[str]) -> None:
    """An <h1> that the page names as its headline (og:title, twitter:title or <title> print it
    whole) with the article's title printed right under it: the title found is the deck
    (`<h1 class="article-headline">…</h1><h2 class="article-subheadline">…</h2>` under a
    <title> that is the site's slogan), the <h1> is the headline."""
    for match in _HEADLINE_TAG.finditer(html):
        if match.group(1) != "1":
            continue
        text = _markup_text(match.group(2))
        named = _squeeze(text)
        if len(named) < MIN_NAMED_HEADLINE_CHARS or named == title or named not in pages:
            continue
        below = _squeeze(_markup_text(html[match.end() : match.end() + MAX_DECK_GAP_CHARS]))
        if title not in below:
            continue
        if article.subtitle is None:
            article.subtitle = article.title
        article.title = text
        return


_CJK_GAP = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef]) +(?=[\u3000-\u9fff\uff00-\uffef])")


def _unwrap_headline(article: Article, html: str, page_titles: list[str]) -> None:
    """A space between two CJK characters of a headline whose element is hard-wrapped in
    the page's source (its text runs over several source lines: a pretty-printed or pasted
    page, where a wrap may have turned into a space) is a wrap, not a word gap, when the
    page's <title> and og:title both print the headline without it (`…約 台幣10300元起` in
    the <h1>, `…約台幣10300元起` in both). One page title is not enough: a <title> may
    squeeze a headline's real spaces (`…纾困 预计…` printed, `…纾困预计…` in the <title>)."""
    title = article.title or ""
    if not _CJK_GAP.search(title) or len([p for p in page_titles if p]) < 2:
        return
    closed = _CJK_GAP.sub("", title)
    if not all(closed in page and title not in page for page in page_titles if page):
        return
    squeezed = re.sub(r"\s+", "", title)
    for match in _HEADLINE_TAG.finditer(html):
        inner = re.sub(r"<[^>]+>", "", match.group(2)).strip()
        if re.sub(r"\s+", "", inner) == squeezed and "\n" in inner:
            article.title = closed
            return


def _join_headline_lines(article: Article, html: str, title: str, pages: list[str]) -> None:
    """A two-line headline (`<h1>港府拒帶頭停工　林鄭謊言遭狂轟<br/>「攞市民條命較飛」</h1>`) whose
    lines the page's <title> prints run together is one title: when the article's title is
    the first line of such an element and a page title continues it with the next lines,
    the title is all the lines (a deck the <title> leaves out stays a subtitle)."""

    def continued(page: str) -> bool:
        rest = page[page.index(title) + len(title) :] if title in page else ""
        return bool(rest) and rest[0] not in "-–—|｜_:：·•"

    if not any(continued(p) for p in pages):
        return  # the usual case: the title, then the site's name or nothing
    for match in _HEADLINE_TAG.finditer(html):
        lines = _headline_lines(match)
        if len(lines) < 2 or re.sub(r"\s+", "", lines[0]) != title:
            continue
        whole = re.sub(r"\s+", "", "".join(lines))
        if any(whole in p for p in pages):
            article.title = " ".join(lines)
        return


MAX_DECK_GAP = 400  # characters of markup between the headline element and its deck's


def _split_headline_deck(article: Article, html: str) -> None:
    """The page's <title> runs the headline and its deck together (`冷鋒來襲連凍9日 今低見17℃
    有雨兼潮濕 下周新界或9℃`) while the page prints them as two heading elements, the <h1> and
    an <h2>/<h3> right after it: the title is the <h1>'s text, the rest the subtitle."""
    title = article.title or ""
    if " " not in title.strip():
        return  # one run of words: nothing to split
    whole = re.sub(r"\s+", "", title)
    heads = list(_HEADLINE_TAG.finditer(html))
    for first, second in zip(heads, heads[1:], strict=False):
        if second.start() - first.end() > MAX_DECK_GAP:
            continue
        if int(first.group(1)) >= int(second.group(1)):
            continue  # two headings of one level: a headline printed on two lines, one title
        texts = [_markup_text(m.group(2)) for m in (first, second)]
        squeezed = [re.sub(r"\s+", "", t) for t in texts]
        if len(squeezed[0]) >= 4 and squeezed[1] and whole == squeezed[0] + squeezed[1]:
            article.title = texts[0]
            if article.subtitle is None:
                article.subtitle = texts[1]
            return


# An element the markup names the story's title (`<td class='news_title'>`), holding text only.
_TITLE_CELL = re.compile(
    r"<(td|div|span|p|h[1-6])\b[^>]*\b(?:class|id)\s*=\s*[\"'][^\"']*?"
    r"(?<![\w-])(?:news[_-]?title|article[_-]?title|story[_-]?title|arttitle|headline)(?![\w-])"
    r"[^\"']*[\"'][^>]*>(?P<text>[^<>]{4,100})</\1\s*>",
    re.IGNORECASE,
)


def _title_cell_headline(article: Article, html: str, page_title: str | None) -> None:
    """A page whose <title> is only the site's name (`成報 SING PAO DAILY NEWS`, printed
    nowhere in the page's body) prints its headline in an element the markup names the
    title (`<td class='news_title'>`) above the text: that is the title."""
    import html as htmllib

    if not page_title or article.title != page_title or not article.paragraphs:
        return
    lower = html.lower()
    # the page after its head (a saved page may lack <body>, or even </head>)
    marks = [(lower.find("<body"), 0), (lower.find("</head>"), 7), (lower.find("</title>"), 8)]
    body_at = next((at + skip for at, skip in marks if at >= 0), 0)
    body = html[body_at:]
    if page_title in body or ("&" in body and page_title in htmllib.unescape(body)):
        return  # the <title> is printed in the page: a headline, not a site's name
    first = article.paragraphs[0].text[:12]
    text_at = body.find(first) if first else -1
    for match in _TITLE_CELL.finditer(body):
        if text_at >= 0 and match.start() > text_at:
            return
        headline = re.sub(r"\s+", " ", htmllib.unescape(match.group("text"))).strip()
        if len(re.sub(r"\s", "", headline)) >= 4 and not re.search(r"[。！？!?]$", headline):
            article.title = headline
            return


# `高溫補貼今起發放 (港聞)`: a section's name in brackets after the printed headline.
_SECTION_LABEL = re.compile(r"\s*[(（]\s*[\u4e00-\u9fff]{2,6}\s*[)）]$")
# `(组图)`, `（视频）`: the kind of media the story carries, no section
_MEDIA_IN_BRACKETS = re.compile(
    r"[(（]\s*(?:高清)?(?:组图|組圖|多图|多圖|附图|附圖|图集|圖集|图文|圖文|视频|視頻|图|圖)\s*[)）]"
)


def _drop_section_label(article: Article, page_titles: list[str]) -> None:
    """A headline printed with its section in brackets (`<headline> (港聞)`) whose page
    titles name the headline without it: the bracket labels the page's section and is not
    part of the title."""
    title = article.title or ""
    label = _SECTION_LABEL.search(title)
    if label is None:
        return
    if _MEDIA_IN_BRACKETS.search(label.group(0)):
        return  # `…越来越多了(组图)`: what the story carries, printed as part of the headline
    headline = title[: label.start()].rstrip()
    squeezed = re.sub(r"\s+", "", headline)
    if len(squeezed) < 4:
        return
    pages = [re.sub(r"\s+", "", p) for p in page_titles if p]
    bracket = re.sub(r"\s+", "", label.group(0))
    if any(p.startswith(squeezed) and bracket not in p for p in pages):
        article.title = headline


# the verb of saying a wire headline's main line ends on, before its quoted lines
_REPORTING_VERB = re.compile(
    r"(?:时|時)?(?:强调|強調|指出|表示|要求|提出|宣布|寄语|寄語|致辞|致辭)[：:]?"
)


def _drop_headline_main_line(article: Article) -> None:
    """The printed headline block over the text: its main line is the title and the verb
    that leads into the quoted lines under it (`…座谈会强调` over `推动…取得新的重大突破`).
    As the text's first subhead, it is the headline's, not a subhead of the text."""
    title = re.sub(r"\s+", "", article.title or "")
    first = next((p for p in article.paragraphs if p.kind in ("body", "subhead")), None)
    if not title or first is None or first.kind != "subhead":
        return
    line = re.sub(r"\s+", "", first.text)
    if line.startswith(title) and _REPORTING_VERB.fullmatch(line[len(title) :]):
        article.paragraphs.remove(first)


def _dated_header(items: list[Item]) -> bool:
    """A dated line (a post's own time stamp) before the first sentence of text (the short
    words of an author box, `关注`, `原创`, may come first; so may the headline's deck, the
    one line right under it)."""
    for k, item in enumerate(items):
        if item.kind == "body" and (len(item.text) > 8 or re.search(r"[。！？，]", item.text)):
            if k == 0 and len(items) > 1 and items[1].kind == "meta" and items[1].date:
                continue  # headline / deck / `2024.09.30 |`: the deck over the post's stamp
            return False
        if item.kind == "meta" and item.date is not None:
            return True
    return False


def _finished(drafts: list) -> list[Article]:
    """The drafts' articles that hold text (a heading over nothing is not a story)."""
    for draft in drafts:
        finish_article(draft)
    articles = [d.article for d in drafts if d.article.paragraphs or d.article.title]
    return [a for a in articles if a.body_paragraphs or (a.title and a.paragraphs)]


def _parse_jekyll(
    front: meta.FrontMatter, source_path: str, tz: ZoneInfo, warnings: list[str]
) -> ParsedDocument:
    data = front.data
    body = front.body
    echo = meta.link_title_header(body, tz)
    if echo is not None:  # the bot's `[标题](link)` / `------` header again under the front matter
        body = echo.body
        for key, value in echo.data.items():
            data.setdefault(key, value)
    _check_lines(body, front.body_line)
    is_html = _is_html_body(body)
    blocks = (
        _jekyll_html_blocks(body, front.body_line)
        if is_html
        else markdown_blocks(body, front.body_line)
    )
    sections = None if is_html else digest_sections(blocks)
    if sections is not None:
        return _parse_jekyll_digest(front, sections, source_path, tz, warnings)
    title = _clean_title(data.get("title"))
    items = classify(blocks, tz)
    if not is_html and credited_heading_stories(items):  # a page of credited stories
        return _parse_jekyll_digest(front, blocks, source_path, tz, warnings)
    title = _printed_headline(items, title)
    title = _title_without_site_name(title, dates.front_matter_urls(data))
    items = drop_title_echo(items, title)
    drafts, _page = split_articles(items, multi=False)
    if not drafts:
        drafts, _ = split_articles([], multi=False)
    article = drafts[0].article if drafts else Article()
    if drafts:
        finish_article(drafts[0])
    for extra in drafts[1:]:
        finish_article(extra)
        article.paragraphs.extend(extra.article.paragraphs)
    article.title = title
    if article.url is None:  # `link:`, `source_url:`, `from:` … the page the post reproduces
        article.url = next(iter(dates.front_matter_urls(data)), None)
    if not article.authors:
        article.authors, site = _front_matter_writers(data)
        if site and article.publisher is None:
            article.publisher = site
    if article.editor is None:
        article.editor = _front_matter_editor(data)
        if article.editor:
            article.authors = [a for a in article.authors if a.name != article.editor]
    article.category, extra_categories = _category(data)
    if extra_categories:
        warnings.append(f"front matter lists several categories; kept {article.category!r}")
    article.tags = _word_list(data.get("tags", data.get("tag")))
    if not is_html and len(article.body_paragraphs) == 1 and not article.summary:
        article.summary = article.body_paragraphs[0]
    if not article.paragraphs and not article.title and not article.summary:
        raise RejectedDocument(
            "parse",
            f"front matter has no title and the body (from line {front.body_line}) has no text",
        )
    if not article.body_paragraphs and not article.summary:
        raise RejectedDocument(
            "parse",
            f"the body (from line {front.body_line}) has no paragraph of text; "
            "expected the article text",
        )
    _set_story_id(article, source_path, tz)
    document_dates = dates.DocumentDates(
        tz, source_path, front_matter=data, html=body if is_html else None
    )
    document_dates.date_article(article)
    warnings.extend(document_dates.warnings)
    if article.title is None:
        _derive_title(article)
    _finish_common(article)
    fmt = "jekyll-html" if is_html else "jekyll-markdown"
    return ParsedDocument(format=fmt, articles=[article], warnings=warnings)


def _parse_jekyll_digest(
    front: meta.FrontMatter,
    blocks: list[Block],
    source_path: str,
    tz: ZoneInfo,
    warnings: list[str],
) -> ParsedDocument:
    """A post whose body is a sequence of headed stories (`digest_sections`): one article
    per story, titled by its heading. The front matter describes the post, so its title is
    none of the stories' and its `author` (who compiled the post) is nobody's byline; its
    date, category and tags apply to every story."""
    data = front.data
    drafts, page = split_articles(classify(blocks, tz), multi=True)
    articles = _finished(drafts)
    if not articles:
        raise RejectedDocument(
            "parse", f"the body (from line {front.body_line}) has headed sections but no text"
        )
    category, extra_categories = _category(data)
    if extra_categories:
        warnings.append(f"front matter lists several categories; kept {category!r}")
    document_dates = dates.DocumentDates(tz, source_path, front_matter=data)
    for article in articles:
        article.category = category
        article.tags = _word_list(data.get("tags", data.get("tag")))
        document_dates.date_article(article, page_date=page.get("date"), shared=True)
        _finish_common(article)
    warnings.extend(document_dates.warnings)
    return ParsedDocument(format="jekyll-markdown", articles=articles, warnings=warnings)


def _parse_feed(text: str, source_path: str, tz: ZoneInfo, warnings: list[str]) -> ParsedDocument:
    """An RSS/Atom feed: one article per entry, or per titled section of an entry's text.

    An entry's own date, link and authors are its story's (`parse/feed.py`); an entry
    without a date is dated by the usual vote (its link, the file name, a dateline).
    """
    parsed = feed.read_feed(text, tz)
    articles: list[Article] = []
    document_dates = dates.DocumentDates(tz, source_path)
    for entry in parsed.entries:
        blocks, several = feed.entry_blocks(entry.html)
        title = strip_media_label(entry.title) if entry.title else None
        items = classify(blocks, tz)
        subtitle = None
        if not several:
            title, subtitle = printed_subtitle(items, title)
            items = drop_title_echo(items, title if subtitle is None else title + subtitle)
            subtitle = subtitle and subtitle.lstrip("—-").strip()
        drafts, _page = split_articles(items, multi=several)
        found = _finished(drafts)  # one draft when not `several` (headings are subheads)
        if not several and found:
            found[0].title = title
            found[0].subtitle = found[0].subtitle or subtitle
        for article in found:
            article.url = article.url or entry.link
            if not article.authors:
                article.authors = front_matter_authors(feed.writers(entry, parsed.title) or None)
            if entry.categories and article.category is None:
                article.category = entry.categories[0]
            if entry.published is not None:
                article.published_at, article.published_at_source = entry.published, "meta"
            else:
                document_dates.date_article(article, shared=len(found) > 1, written=parsed.built)
            if article.title is None:
                _derive_title(article)
            _finish_common(article)
        articles.extend(found)
    if not articles:
        raise RejectedDocument(
            "parse", f"feed has {len(parsed.entries)} entries and none holds article text"
        )
    warnings.extend(document_dates.warnings)
    return ParsedDocument(format="feed", articles=articles, warnings=warnings)


def _parse_xml_stories(
    text: str, source_path: str, tz: ZoneInfo, warnings: list[str]
) -> ParsedDocument | None:
    """An XML newspaper transcription, one article per article division (`parse/xmldoc.py`).

    None when fewer than two divisions hold a story: the document is then read as text.
    The document's own date (`<date when=…>`) dates every story; else the usual vote.
    """
    parsed = xmldoc.read_xml_stories(text, tz)
    if len(parsed.stories) < 2:
        return None
    document_dates = dates.DocumentDates(tz, source_path)
    articles = []
    for story in parsed.stories:
        article = Article(
            title=story.title,
            subtitle=story.subtitle,
            authors=story.authors,
            byline_raw=" | ".join(story.byline_raw) or None,
            paragraphs=story.paragraphs,
        )
        if parsed.published is not None:
            article.published_at, article.published_at_source = parsed.published, "meta"
        else:
            document_dates.date_article(article, shared=True)
        if article.title is None:
            _derive_title(article)
        _finish_common(article)
        articles.append(article)
    warnings.extend(document_dates.warnings)
    return ParsedDocument(format="newspaper-xml", articles=articles, warnings=warnings)


_HTML_TEXT_TAGS = re.compile(r"</?(?:p|br|div|span|td|li|section|article|font)\b", re.IGNORECASE)


def _is_html_body(body: str) -> bool:
    """An HTML post body, as opposed to Markdown with some HTML in it (`<figure>` blocks).

    HTML when text is wrapped in HTML (paragraph, line-break, div … tags), or when the lines
    that start with a tag carry most of the text (tags themselves not counted).
    """
    if not _HTML_HINT.search(body):
        return False
    if _MARKDOWN_HEADING.search(body):
        return False  # `### title` over `<p>` paragraphs: Markdown that writes HTML paragraphs
    if _HTML_TEXT_TAGS.search(body):
        return True
    tagged = plain = 0
    for line in body.split("\n"):
        size = len(re.sub(r"<[^>]*>", "", line).strip())
        if line.lstrip().startswith("<"):
            tagged += size
        else:
            plain += size
    return tagged >= plain


_NOT_WORDS = re.compile(r"[\W_]+")
# ` - iYouPort`, `｜某某网`, `_新浪新闻`: a site name a scraper left after the headline
_SITE_SUFFIX = re.compile(r"^\s*[-–—|｜_·•]\s*\S.{0,30}$")


def _printed_headline(items: list[Item], title: str | None) -> str | None:
    """The headline as the post's own page prints it, when the front matter's title is a
    scraper's copy of it: the same words without the headline's quotation marks or
    punctuation (`香港遭遇国家级黑客攻击` for `香港遭遇"国家级"黑客攻击`), or with the site's
    name appended (`标题 - 网站`). Only a short line among the first three of the body
    counts, and not a sentence (a one-sentence flash restates its title as its text);
    otherwise the front-matter title stands."""
    if not title:
        return title
    loose = _NOT_WORDS.sub("", title)
    contents = [it for it in items if it.kind in ("heading", "subhead", "body")][:3]
    for item in contents:
        text = re.sub(r"\s+", " ", item.text).strip()
        if not text or len(text) > len(title) + 30:
            continue
        if re.sub(r"\s", "", text) == re.sub(r"\s", "", title):
            return title  # the same headline, spaced otherwise: the front matter's stands
        if text[-1] in "。！？.!?；;":  # a sentence: a flash whose text restates the title
            continue
        words = _NOT_WORDS.sub("", text)
        if len(words) >= 4 and words == loose:
            return text
        if len(words) >= 4 and title.startswith(text) and _SITE_SUFFIX.match(title[len(text) :]):
            return text
    return title


_TITLE_SEPARATOR = re.compile(r"\s+[-–—|｜_]\s+|\s*[|｜]\s*")


def _title_without_site_name(title: str | None, urls: list[str]) -> str | None:
    """A feed's title with the site's or column's name appended (`标题 – 法国国际广播电台 -
    RFI`): when the page's URL slug ends with the part before a separator and spells none
    of the part after it, that part is a name the feed added, not the headline's (a slug
    cut short, which spells only the start of a headline, proves nothing)."""
    if not title or not urls:
        return title
    slugs = []
    for url in urls:
        path = unquote(urlsplit(url).path)
        segment = next((seg for seg in reversed(path.split("/")) if seg), "")
        key = _NOT_WORDS.sub("", segment).lower()
        if len(key) >= 4:
            slugs.append(key)
    if not slugs:
        return title
    for match in reversed(list(_TITLE_SEPARATOR.finditer(title))):
        head, tail = title[: match.start()].strip(), title[match.end() :].strip()
        head_key, tail_key = _NOT_WORDS.sub("", head).lower(), _NOT_WORDS.sub("", tail).lower()
        if len(head_key) < 4 or not tail_key or len(tail) > 30:
            continue
        # the slug spells the head and ends there (a truncated slug spells a head only)
        if any(
            re.sub(r"\d+$", "", slug).endswith(head_key) and tail_key not in slug for slug in slugs
        ):
            return head
    return title


def _front_matter_writers(data: dict) -> tuple[list, str | None]:
    """The front matter's `author:` names, and the site's name when the scraper filled the
    author field with it: a name that is the post's own category or tag (the feed it came
    from, `author: Nei.st` with `tags: [ Nei.st ]`) names the site, not a writer."""
    value = next((data[k] for k in _WRITER_KEYS if data.get(k) not in (None, "", [])), None)
    authors = front_matter_authors(value)
    feeds = {
        _NOT_WORDS.sub("", name).lower()
        for key in ("categories", "category", "tags", "tag")
        for name in _word_list(data.get(key))
    }
    feeds.discard("")
    # `author: 某某日报`: the scraper filled the field with the newsroom's name
    writers = [
        a
        for a in authors
        if _NOT_WORDS.sub("", a.name).lower() not in feeds and not is_newsroom(a.name)
    ]
    site = next((a.name for a in authors if a not in writers), None)
    return writers, site


# The front-matter fields a scraper or a CMS export puts the writers in, most common first
# (`creator` is a feed's dc:creator).
_WRITER_KEYS = ("author", "authors", "writer", "writers", "byline", "reporter", "reporters",
                "creator", "dc:creator")  # fmt: skip


def _front_matter_editor(data: dict) -> str | None:
    """The front matter's `editor:` (a name, or a credit such as `责任编辑：X`)."""
    value = data.get("editor")
    if isinstance(value, dict):
        value = value.get("name")
    if not isinstance(value, str) or not value.strip() or len(value) > 40:
        return None
    text = value.strip()
    credit = parse_credit_line(text) if re.search(r"编|編", text) else None
    if credit is not None and credit.editor:
        return credit.editor
    names = strict_names(text)
    return "、".join(names) if names else None


def _clean_title(value: object) -> str | None:
    """A front-matter title as printed, without Markdown blockquote markers (`> 标题`)."""
    if value is None:
        return None
    title = str(value).strip()
    if title.startswith(">"):
        title = re.sub(r"^(?:\s*>)+\s*", "", title)
    return title or None


def _jekyll_html_blocks(body: str, first_line: int) -> list[Block]:
    """HTML body with Markdown leftovers (autolink and footer lines) around it."""
    markdown_lines: list[str] = []
    html_lines: list[str] = []
    for line in body.split("\n"):
        stripped = line.strip()
        if re.fullmatch(r"<(?:(?:https?|ftp)://[^\s<>]*)?>", stripped) or re.fullmatch(
            r"(?:!?\[[^\]]*\]\([^)]*\)\s*[｜|/·]?\s*)+", stripped
        ):
            markdown_lines.append(stripped)
        else:
            html_lines.append(line)
    blocks = html_blocks("\n".join(html_lines), main_content=True)
    blocks.extend(markdown_blocks("\n\n".join(markdown_lines), first_line))
    return blocks


def _check_lines(text: str, first_line: int) -> None:
    start = 0
    number = first_line
    while True:
        end = text.find("\n", start)
        length = (len(text) if end < 0 else end) - start
        if length > MAX_LINE_CHARS:
            raise RejectedDocument(
                "parse",
                f"line {number} is {length} characters long (limit {MAX_LINE_CHARS}); "
                "not a news document",
            )
        if end < 0:
            return
        start, number = end + 1, number + 1


def _word_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if v is not None and str(v).strip()]
    return [w for w in str(value).split() if w]


def _category(data: dict) -> tuple[str | None, list[str]]:
    values = _word_list(data.get("categories", data.get("category")))
    if not values:
        return None, []
    return values[0], values[1:]


def _set_story_id(article: Article, source_path: str, tz: ZoneInfo) -> None:
    article.story_id = meta.story_id_from(article.url) or meta.story_id_from(
        meta.file_name(source_path)
    )


def _derive_title(article: Article) -> None:
    source = article.summary or next(iter(article.body_paragraphs), None)
    if not source:
        return
    sentences = split_sentences(source)
    if not sentences:
        return
    title = sentences[0].rstrip("。.")
    article.title = title[:80]
    article.title_derived = True
    article.flags.append("title_derived")


def _pop_first_line_title(items: list[Item]) -> str | None:
    """Headless document: a short first paragraph without clause punctuation is its title.

    Taken out before column-break joining, which would otherwise glue it to the first
    paragraph (a title has no sentence-ending punctuation either).
    """
    if any(item.kind == "heading" for item in items):
        return None
    bodies = [idx for idx, item in enumerate(items) if item.kind == "body"]
    if len(bodies) < 2:
        return None
    first = items[bodies[0]]
    if len(first.text) <= 40 and not re.search(r"[。；;，,：:]", first.text.rstrip("！？!?")):
        del items[bodies[0]]
        return first.text
    return None


# News sites whose name is not printed in their posts: publisher from the URL's host,
# flagged `publisher_from_url` so nobody mistakes it for a printed 文章来源 line.
SITE_PUBLISHERS = {
    "eastmoney.com": "东方财富网",
    "xinhuanet.com": "新华网",
    "news.cn": "新华网",
    "people.com.cn": "人民网",
    "chinanews.com.cn": "中国新闻网",
    "chinanews.com": "中国新闻网",
    "dahe.cn": "大河网",
}


def _publisher_from_url(url: str) -> str | None:
    host = urlsplit(url).hostname or ""
    for domain, name in SITE_PUBLISHERS.items():
        if host == domain or host.endswith("." + domain):
            return name
    return None


def _photo_story_text(article: Article) -> None:
    """A photo story's page whose only text is the caption under its picture (`…劫持人质。
    图为…`): that caption is the story's text, not a caption beside it."""
    if article.body_paragraphs:
        return
    captions = [p for p in article.paragraphs if p.kind == "caption"]
    if captions and any(len(p.text) >= 30 and "。" in p.text for p in captions):
        for p in captions:
            p.kind = "body"
        article.flags.append("caption_as_text")


def _finish_common(article: Article) -> None:
    _photo_story_text(article)
    if article.publisher is None and article.url:
        publisher = _publisher_from_url(article.url)
        if publisher:
            article.publisher = publisher
            article.flags.append("publisher_from_url")
    seen = {(s.code, s.market) for s in article.stocks}
    for paragraph in [article.summary or "", *article.body_paragraphs]:
        for mention in find_text_stocks(paragraph):
            if (mention.code, mention.market) not in seen:
                seen.add((mention.code, mention.market))
                article.stocks.append(mention)
