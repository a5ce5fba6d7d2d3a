"""XML newspaper transcriptions: one story per article division (`newspaper-xml`).

Research transcriptions of printed newspapers (TEI, and TEI-like schemas such as ECPO's for the
1939 Shanghai tabloid 晶報) mark each story of a page as `<div type="article">` (or a generic
`<article>`), its headline as `<head>`/heading divisions and its text as `<p>` with `<lb/>` at
every printed line end. Read as text such a file is one story of ~90 paragraphs; read as XML
it gives each story its own title and paragraphs.

Choices:
- Only the outermost article divisions are stories; adverts, margins, pictures (`type` advert,
  margin, image, figure, other) inside a story are skipped.
- `<lb/>` is a printed line end, not a word break: lines join with nothing between them unless
  both sides are Latin letters or digits (then one space).
- The headline block is the run of heading-like leaves before the first text paragraph: a
  `<head>`/`<hN>` or a division holding bare text, or a short `<p>` without sentence
  punctuation (transcriptions that write the headline as a paragraph). Each printed headline
  line stays apart: the title joins them with one space (a line end in a vertical headline is
  sometimes a deck break, sometimes a wrap, and is not guessed). When the block has only
  paragraph-written lines, the first is the title and the rest the subtitle.
- A bracketed signature after a headline (`府主和舉主　（唐潢虎）`) and a closing credit at the
  end of the last paragraph are read by the byline parsers of `parse/bylines.py`.
- Heading-like divisions after the text started are subheads.
- Parsing is safe: no entity is expanded except an internal entity the document itself
  declares as one character (ECPO's `&gaiji;` = U+E111, a glyph the transcribers could not
  encode); no DTD or network is loaded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from zhnews.model import Author, Paragraph
from zhnews.parse.bylines import (
    parse_byline_line,
    parse_closing_byline,
    parse_credit_line,
    parse_pen_signature,
    split_trailing_credit,
    split_trailing_signature,
)

__all__ = ["XmlStory", "XmlDocument", "looks_like_xml_stories", "read_xml_stories"]

_PROLOG = re.compile(
    r"\A\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^\[>]*(?:\[.*?\]\s*)?>\s*)*", re.DOTALL
)
_ROOT = re.compile(r"<([\w:.-]+)")
_ARTICLE_TAG = re.compile(r"<(?:[\w-]+:)?(?:div\b[^>]*\btype\s*=\s*[\"']article[\"']|article\b)")
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>", re.IGNORECASE)
_SKIPPED_TYPES = {"advert", "margin", "image", "figure", "other", "caption"}
_BLOCK_TAGS = {
    "div",
    "p",
    "head",
    "ab",
    "article",
    "section",
    "lg",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "byline",
    "dateline",
    "note",
}
_HEADING_TAGS = {"head", "h1", "h2", "h3", "h4", "h5", "h6"}
_LATIN = re.compile(r"[A-Za-z0-9]")
# Sentence punctuation: a paragraph holding it is text, not a headline written as a paragraph.
_SENTENCE_MARKS = re.compile(r"[。，、；：,;]|[！？!?](?=.)")
_ORNAMENT = re.compile(r"^[●○◆◇■□▲△✕×＊*·．\s]+$")
_TRAILING_SIGNATURE = re.compile(r"^(?P<head>.+?)(?P<gap>\s*)(?P<sig>[（(][^（）()]{1,12}[)）])$")
_MAX_HEADLINE_P = 40
# Column furniture over a story: the compiler's credit printed under the column's name
# (`黔野主編`, `趙廉．田豔合輯`); the column's name and its compiler are not the story's title.
_COMPILER = re.compile(
    r"^[\u4e00-\u9fff·．・、\s]{2,16}?(?:主編|主编|合編|合编|合輯|合辑|選輯|选辑|輯錄|辑录|編輯|编辑)$"
)
# A serial's instalment number printed as a headline line (`（一）`, `（一五〇）`, `第三回`).
_INSTALMENT = re.compile(
    r"^(?:[（(]\s*[〇零一二三四五六七八九十百千廿卅\d]+\s*[)）]|第[〇零一二三四五六七八九十百千廿卅\d]+[回章節节期篇])$"
)
# A genre label over a serial's title (`滑稽 小說`, `長篇連載`): the kind of piece, not its name.
_GENRE_LABEL = re.compile(
    r"^[\u4e00-\u9fff\s]{0,6}(?:小說|小说|連載|连载|說部|说部|筆記|笔记|隨筆|随笔)$"
)


@dataclass
class XmlStory:
    title: str | None = None
    subtitle: str | None = None
    authors: list[Author] = field(default_factory=list)
    byline_raw: list[str] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass
class XmlDocument:
    published: datetime | None = None
    stories: list[XmlStory] = field(default_factory=list)


def looks_like_xml_stories(text: str) -> bool:
    """Cheap check: a root element that is not `<html>` and two or more article divisions."""
    head = text[:4000]
    prolog = _PROLOG.match(head)
    root = _ROOT.match(head, prolog.end() if prolog else 0)
    if root is None:
        return False
    if root.group(1).split(":")[-1].lower() == "html":
        return False
    found = 0
    for _ in _ARTICLE_TAG.finditer(text):
        found += 1
        if found >= 2:
            return True
    return False


def read_xml_stories(text: str, tz: ZoneInfo) -> XmlDocument:
    """The document's stories in order and its date (TEI header / `<date when=…>`)."""
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        recover=True,
        remove_comments=True,
        load_dtd=False,
    )
    root = etree.fromstring(_XML_DECLARATION.sub("", text, count=1).encode("utf-8"), parser)
    doc = XmlDocument()
    if root is None:
        return doc
    entities = _declared_characters(root)
    for division in _article_divisions(root):
        story = _story(division, entities)
        if story.paragraphs or story.title:
            doc.stories.append(story)
    doc.published = _document_date(root, tz)
    return doc


def _local(element) -> str:
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag.rsplit("}", 1)[-1].split(":")[-1].lower()


def _is_article(element) -> bool:
    name = _local(element)
    return name == "article" or (name == "div" and element.get("type") == "article")


def _article_divisions(root) -> list:
    """Outermost article divisions in document order."""
    found = []

    def walk(element):
        for child in element:
            if not isinstance(child.tag, str):
                continue
            if _is_article(child):
                found.append(child)
            else:
                walk(child)

    walk(root)
    return found


def _declared_characters(root) -> dict[str, str]:
    """Internal entities the document declares as exactly one character."""
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is None:
        return {}
    return {e.name: e.content for e in dtd.iterentities() if e.content and len(e.content) == 1}


def _lines(element, entities: dict[str, str]) -> list[str]:
    """The element's text split at `<lb/>`, each line whitespace-normalised."""
    from lxml import etree

    parts: list[str] = []

    def walk(node):
        if node.text:
            parts.append(node.text)
        for child in node:
            if isinstance(child, etree._Entity):
                parts.append(entities.get(child.name, ""))
            elif isinstance(child.tag, str):
                if _local(child) == "lb":
                    parts.append("\x00")
                elif child.get("type") not in _SKIPPED_TYPES:
                    walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    lines = (re.sub(r"\s+", " ", line).strip() for line in "".join(parts).split("\x00"))
    return [line for line in lines if line]


def join_lines(lines: list[str]) -> str:
    """Printed lines as one text: no space at a line end, except between two Latin words."""
    out = ""
    for line in lines:
        if out and _LATIN.match(line[0]) and _LATIN.match(out[-1]):
            out += " "
        out += line
    return out


def _leaves(division) -> list:
    """Elements holding text directly (no block children), in order, skipping furniture."""
    found = []

    def walk(element):
        for child in element:
            if not isinstance(child.tag, str) or child.get("type") in _SKIPPED_TYPES:
                continue
            if any(isinstance(c.tag, str) and _local(c) in _BLOCK_TAGS for c in child):
                walk(child)
            elif _local(child) in _BLOCK_TAGS:
                found.append(child)

    walk(division)
    return found


def _headline_like(element, text: str, explicit_heads: bool) -> bool:
    """A `<head>`, or a short line without sentence punctuation; a `<p>` only counts when
    the story marks no heading explicitly (transcriptions that write headlines as `<p>`)."""
    name = _local(element)
    if name in _HEADING_TAGS:
        return True
    if explicit_heads and name in ("p", "ab"):
        return False
    return len(text) <= _MAX_HEADLINE_P and not _SENTENCE_MARKS.search(text)


def _signature(lines: list[str]) -> tuple[list[str], object | None]:
    """Cut a signature off a headline's last line (`府主和舉主　（唐潢虎）`, `詩經話繹　（如鐘）`):
    a bracket printed apart from the headline, after it, signs the piece — a pen name too;
    one glued to the headline needs a surname (`陳燕燕（琵琶記主角）` is a caption)."""
    match = _TRAILING_SIGNATURE.match(lines[-1])
    if match:
        read = parse_pen_signature if match.group("gap") else parse_closing_byline
        byline = read(match.group("sig"))
        if byline is not None:
            return [*lines[:-1], match.group("head").strip()], byline
    return lines, None


def _whole_byline(text: str):
    """A headline-block line that is only a byline (`本報記者 張三`)."""
    byline = parse_byline_line(text) or parse_credit_line(text)
    return byline if byline is not None and byline.authors else None


def _story(division, entities: dict[str, str]) -> XmlStory:
    story = XmlStory()
    heading_lines: list[list[str]] = []  # per headline leaf: its printed lines
    paragraph_written: list[bool] = []
    furniture: list[bool] = []  # per headline leaf: a caption under a picture, a label
    in_body = False
    leaves = _leaves(division)
    explicit_heads = any(_local(leaf) in _HEADING_TAGS for leaf in leaves)
    for leaf in leaves:
        lines = _lines(leaf, entities)
        if not lines:
            continue
        text = join_lines(lines)
        if _ORNAMENT.match(text):
            continue  # ●●●● over a headline, ✕✕✕ between items
        headline_like = _headline_like(leaf, text, explicit_heads)
        is_heading = headline_like and _local(leaf) not in ("p", "ab")
        if not in_body and headline_like:
            lines = [line for line in lines if not _ORNAMENT.match(line)]
            byline = _whole_byline(text)
            if byline is None and lines:
                lines, byline = _signature(lines)
            else:
                lines = []
            if byline is not None:
                story.authors.extend(byline.authors)
                story.byline_raw.append(byline.raw)
            if lines:
                heading_lines.append(lines)
                paragraph_written.append(not is_heading)
                furniture.append(_follows_picture(leaf) or bool(_GENRE_LABEL.match(text)))
            continue
        in_body = True
        story.paragraphs.append(Paragraph("subhead" if is_heading else "body", text))
    heading_lines, paragraph_written = _without_furniture(
        heading_lines, paragraph_written, furniture
    )
    _set_titles(story, heading_lines, paragraph_written)
    _closing_credit(story)
    return story


def _follows_picture(leaf) -> bool:
    """The leaf is printed right under a picture division: its caption when a headline follows."""
    previous = leaf.getprevious()
    return previous is not None and previous.get("type") in ("image", "figure")


def _without_furniture(
    heading_lines: list[list[str]], paragraph_written: list[bool], furniture: list[bool]
) -> tuple[list[list[str]], list[bool]]:
    """The headline block without what heads the column or the picture, not the story.

    A compiler's credit (`黔野主編`) ends the column's own heading: it and every line above
    it (the column's name, `文化營`) go. A caption under a picture and a genre label go when
    a headline of the story's own is printed after them. Nothing goes when nothing would be
    left: the only heading a story has is its title.
    """
    keep = list(range(len(heading_lines)))
    credits = [
        i for i in keep if len(heading_lines[i]) == 1 and _COMPILER.match(heading_lines[i][0])
    ]
    if credits and credits[-1] + 1 < len(heading_lines):
        keep = keep[credits[-1] + 1 :]
    later = [i for i in keep if not furniture[i]]
    if later:
        keep = [i for i in keep if not furniture[i] or i > later[-1]]
    return [heading_lines[i] for i in keep], [paragraph_written[i] for i in keep]


def _set_titles(story: XmlStory, heading_lines: list[list[str]], paragraph_written: list[bool]):
    if not heading_lines:
        return
    if all(paragraph_written):
        story.title = " ".join(_before_instalment(heading_lines[0]))
        rest = [" ".join(lines) for lines in heading_lines[1:]]
        story.subtitle = " ".join(rest) or None
        return
    deck = [
        lines
        for lines, written in zip(heading_lines, paragraph_written, strict=True)
        if not written
    ]
    deck_lines = [line for lines in deck for line in lines]
    story.title = " ".join(_before_instalment(deck_lines)) or " ".join(deck_lines)
    rest = [
        " ".join(lines)
        for lines, written in zip(heading_lines, paragraph_written, strict=True)
        if written
    ]
    story.subtitle = " ".join(rest) or None


def _before_instalment(lines: list[str]) -> list[str]:
    """A serial's title lines: the lines before its instalment number (`動物的叛變`,
    `（一）`); what follows the number is the instalment's own heading, not the title."""
    for index, line in enumerate(lines):
        if _INSTALMENT.match(line):
            return lines[:index] if index else lines[1:]
    return lines


def _closing_credit(story: XmlStory) -> None:
    """A signature closing the last body paragraph (`…定五月中開拍。（趙廉）`, `…。　（能）`):
    in a printed story a bracket after the last sentence signs it, a pen name too."""
    for paragraph in reversed(story.paragraphs):
        if paragraph.kind != "body":
            continue
        split = split_trailing_credit(paragraph.text) or split_trailing_signature(paragraph.text)
        if split is not None:
            text, byline = split
            if byline.authors and text:
                paragraph.text = text
                story.authors.extend(byline.authors)
                story.byline_raw.append(byline.raw)
        return


_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def _document_date(root, tz: ZoneInfo) -> datetime | None:
    """The first `<date when=…>` outside the stories (TEI header, issue metadata)."""
    for element in root.iter():
        if not isinstance(element.tag, str) or _local(element) != "date":
            continue
        if any(_is_article(a) for a in element.iterancestors()):
            continue
        match = _ISO_DAY.match(element.get("when") or "")
        if match:
            try:
                day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            except ValueError:
                continue
            return datetime(day.year, day.month, day.day, tzinfo=tz)
    return None
