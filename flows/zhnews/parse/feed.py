"""RSS 2.0 / RSS 1.0 / Atom feeds → entries (title, link, date, authors, HTML text).

A saved feed is a document of its own: each `<item>`/`<entry>` is a story, its HTML
(`content:encoded` or Atom `content` when longer, else `description`/`summary`) is read by
the same HTML path as a page body. An entry whose text is several titled sections separated
by rules (`<strong>title</strong><p>…</p><hr>…`, a day's stories in one item) holds one
story per section, like a newspaper page.

Documented choices:
- The entry's own date (`pubDate`, `dc:date`, Atom `published`, else `updated`) dates it; the
  channel's dates (`lastBuildDate`, the channel `pubDate`, Atom's feed `updated`) are when the
  feed was written, not when a story was, and never date an entry. They bound one: an
  undated entry whose text calls a day of the month today (`今日（20日）`) is dated on the
  last such day on or before the feed was written (`Feed.built`, `parse/dates.py`).
- RFC 822 dates (`Sat, 22 Aug 2026 19:00:00 +0800`, seconds optional) and ISO 8601 dates
  are read; a date without an offset (or with `-0000`) is in the settings' time zone.
- Authors: `author`, `dc:creator`, Atom `author/name`; `x@y.com (Name)` → Name.
- The XML is parsed without entity expansion or network access, recovering from
  ill-formed markup (feeds written by string templates often are).
"""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

from zhnews.parse.blocks import Block, html_blocks
from zhnews.parse.meta import parse_date_text

__all__ = ["Entry", "Feed", "entry_blocks", "is_feed", "read_feed", "writers"]

# A feed's root element, after the XML declaration, comments and processing instructions.
_PROLOG = re.compile(
    r"\A\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^\[>]*(?:\[.*?\]\s*)?>\s*)*", re.DOTALL
)
_FEED_ROOT = re.compile(r"<(?:[\w-]+:)?(?:rss|feed|RDF)\b", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>", re.IGNORECASE)


@dataclass
class Entry:
    title: str | None = None
    link: str | None = None
    published: datetime | None = None
    authors: list[str] = field(default_factory=list)
    html: str = ""
    categories: list[str] = field(default_factory=list)


@dataclass
class Feed:
    title: str | None = None
    entries: list[Entry] = field(default_factory=list)
    built: datetime | None = None  # when the feed was written (`lastBuildDate`, …)


def is_feed(text: str) -> bool:
    """Whether the document's root element is an RSS, RDF or Atom feed (reads only its head)."""
    if text[:1] not in "<\ufeff \t\n":
        return False
    head = text[:4000]
    prolog = _PROLOG.match(head)
    return bool(_FEED_ROOT.match(head, prolog.end() if prolog else 0))


def read_feed(text: str, tz: ZoneInfo) -> Feed:
    """The feed's entries in document order."""
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, recover=True, remove_comments=True
    )
    root = etree.fromstring(_XML_DECLARATION.sub("", text, count=1), parser)
    feed = Feed()
    if root is None:
        return feed
    for element in root.iter(etree.Element):
        name = _local(element)
        if name in ("channel", "feed") and feed.title is None:
            feed.title = _text_of(_child(element, "title"))
            built = _text_of(_child(element, "lastBuildDate", "pubDate", "updated"))
            feed.built = parse_feed_date(built, tz) if built else None
        if name in ("item", "entry"):
            feed.entries.append(_entry(element, tz))
    if _local(root) == "feed" and feed.title is None:
        feed.title = _text_of(_child(root, "title"))
    return feed


def _local(element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child(element, *names: str):
    """The first child named one of `names`, in that order of preference.

    (An lxml element without children is falsy: never chain children with `or`.)
    """
    for name in names:
        found = next((c for c in element if _local(c) == name), None)
        if found is not None:
            return found
    return None


def _children(element, name: str) -> list:
    return [c for c in element if _local(c) == name]


def _inner(element) -> str:
    """An element's content as markup: its text, or its serialised children (Atom xhtml)."""
    if element is None:
        return ""
    if len(element) == 0:
        return element.text or ""
    from lxml import etree

    parts = [element.text or ""]
    parts.extend(etree.tostring(child, encoding="unicode") for child in element)
    return "".join(parts)


_TAG = re.compile(r"<[^>]+>")


def _text_of(element) -> str | None:
    """Plain text of a title-like element (markup removed, entities resolved, spaces folded)."""
    raw = _inner(element)
    text = " ".join(htmllib.unescape(_TAG.sub("", raw)).split())
    return text or None


# The full-text field (`content:encoded`, Atom `content`) is the entry's text when it holds at
# least this share of the description's: a description that also carries the site's field
# furniture around the same text (Drupal's `內容:` / `自由標籤:` taxonomy rows) is a little
# longer and is not the better copy; a teaser in the full-text field is far shorter.
FULL_TEXT_SHARE = 0.8


def _entry(element, tz: ZoneInfo) -> Entry:
    entry = Entry(title=_text_of(_child(element, "title")))
    entry.link = _link(element)
    for name in ("pubDate", "date", "published", "issued", "updated", "modified"):
        value = _text_of(_child(element, name))
        stamp = parse_feed_date(value, tz) if value else None
        if stamp is not None:
            entry.published = stamp
            break
    entry.authors = _authors(element)
    entry.categories = [c for c in (_category(x) for x in _children(element, "category")) if c]
    summary = _inner(_child(element, "description", "summary"))
    full = _inner(_child(element, "encoded", "content"))
    full_chars = len(_TAG.sub("", full).strip())
    entry.html = (
        full
        if full_chars and full_chars >= FULL_TEXT_SHARE * len(_TAG.sub("", summary))
        else summary
    )
    return entry


def _link(element) -> str | None:
    for link in _children(element, "link"):
        href = link.get("href")
        if href is not None:  # Atom: the alternate (or only) link
            if link.get("rel", "alternate") == "alternate":
                return href.strip() or None
            continue
        if link.text and link.text.strip():
            return link.text.strip()
    guid = _child(element, "guid")
    if guid is not None and guid.get("isPermaLink", "true") != "false" and guid.text:
        value = guid.text.strip()
        return value if value.startswith(("http://", "https://")) else None
    return None


_EMAIL_NAME = re.compile(r"^\s*\S+@\S+\s*[（(]\s*(?P<name>[^)）]+?)\s*[)）]\s*$")


def _authors(element) -> list[str]:
    names: list[str] = []
    for child in element:
        name = _local(child)
        if name == "author":
            inner = _child(child, "name")
            value = _text_of(inner) if inner is not None else _text_of(child)
        elif name == "creator":
            value = _text_of(child)
        else:
            continue
        if not value:
            continue
        email = _EMAIL_NAME.match(value)
        if email:
            value = email.group("name")
        elif "@" in value and " " not in value:
            continue  # an address alone names nobody
        if value not in names:
            names.append(value)
    return names


def writers(entry: Entry, feed_title: str | None) -> list[str]:
    """The entry's authors that name a writer: not the outlet itself, which many feeds print
    as every item's `dc:creator` (`The Witness`, a whole part of the feed's title `法庭線 The
    Witness`). A name written into a longer word of the title stays (`李四` of `李四专栏`)."""
    outlet = f" {' '.join((feed_title or '').split()).casefold()} "
    return [
        name for name in entry.authors if f" {' '.join(name.split()).casefold()} " not in outlet
    ]


def _category(element) -> str | None:
    return _text_of(element) or (element.get("term") or "").strip() or None


def parse_feed_date(value: str, tz: ZoneInfo) -> datetime | None:
    """An RFC 822 (`Sat, 22 Aug 2026 19:00 +0800`) or ISO 8601 feed date, tz-aware."""
    value = value.strip()
    stamp: datetime | None = None
    if value[:1].isalpha() or re.match(r"\d{1,2}\s+[A-Za-z]{3}\s", value):
        try:
            stamp = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            stamp = None
    if stamp is None:
        try:
            stamp = datetime.fromisoformat(value)
        except ValueError:
            return parse_date_text(value, tz)
    return stamp if stamp.tzinfo is not None else stamp.replace(tzinfo=tz)


# ---------------------------------------------------------------------------------------
# An entry's text

_RULE = re.compile(r"<hr\b[^>]*>", re.IGNORECASE)
MAX_SECTION_TITLE_CHARS = 80
_SENTENCE_END = re.compile(r"[。！？!?]$")


def entry_blocks(html: str) -> tuple[list[Block], bool]:
    """The blocks of an entry's HTML and whether it holds several stories.

    Several stories: rules (`<hr>`) cut the text into ≥ 2 parts and every part opens with
    a title line (a bold line or an HTML heading, at most 80 characters, not a sentence)
    followed by text. Each part then starts with a `boundary` and its title as a heading.
    """
    parts = [part for part in _RULE.split(html) if part.strip()]
    if len(parts) >= 2:
        sections = [_titled_section(html_blocks(part)) for part in parts]
        if all(section is not None for section in sections):
            blocks: list[Block] = []
            for section in sections:
                blocks.extend(section or [])
            return blocks, True
    return html_blocks(html), False


def _titled_section(blocks: list[Block]) -> list[Block] | None:
    first = next((i for i, b in enumerate(blocks) if b.kind in ("text", "heading")), None)
    if first is None:
        return None
    head = blocks[first]
    titled = head.kind == "heading" or head.bold
    if (
        not titled
        or len(head.text) > MAX_SECTION_TITLE_CHARS
        or _SENTENCE_END.search(head.text)
        or not any(b.kind == "text" for b in blocks[first + 1 :])
    ):
        return None
    title = Block("heading", head.text, level=1, line=head.line)
    return [Block("boundary"), title, *blocks[first + 1 :]]
