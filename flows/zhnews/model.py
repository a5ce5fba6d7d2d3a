"""Plain dataclasses passed between the pipeline's pure stages.

Nothing here imports Prefect or DuckDB: parse, segment and enrich are tested on these alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

PARAGRAPH_KINDS = ("body", "subhead", "caption")


@dataclass
class Paragraph:
    kind: str  # one of PARAGRAPH_KINDS
    text: str


@dataclass
class Author:
    name: str
    role: str | None = None  # 记者, 通讯员, 摄影, ... when the byline says so


@dataclass
class StockMention:
    """A structured stock/sector link (Eastmoney `data-code` attributes)."""

    code: str  # e.g. "600160", "NIO", "BK0477"
    market: str | None  # e.g. "1" (SH), "0" (SZ), "106" (US), "116" (HK), None if unknown
    name: str  # link text, e.g. "巨化股份"
    kind: str = "stock"  # "stock" or "sector"
    raw: str = ""  # the data-code attribute exactly as found


@dataclass
class Article:
    title: str | None = None
    title_derived: bool = False  # True when the title was derived (e.g. from the summary)
    kicker: str | None = None  # 引题
    subtitle: str | None = None  # 副题
    authors: list[Author] = field(default_factory=list)
    byline_raw: str | None = None  # bylines exactly as printed, joined by " | "
    editor: str | None = None  # 责任编辑 / 编辑 credit: not an author, not body text
    published_at: datetime | None = None  # timezone-aware
    published_at_source: str = "unknown"  # front_matter|file_name|story_id|page|unknown
    category: str | None = None
    tags: list[str] = field(default_factory=list)
    publisher: str | None = None
    url: str | None = None
    story_id: str | None = None  # long numeric id / infoCode that identifies the story
    summary: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    stocks: list[StockMention] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)  # e.g. "title_derived", "misplaced_paragraph"
    joins: list[str] = field(default_factory=list)  # text around each column-break join made

    @property
    def body_paragraphs(self) -> list[str]:
        return [p.text for p in self.paragraphs if p.kind == "body"]


@dataclass
class ParsedDocument:
    # jekyll-markdown | jekyll-html | newspaper-markdown | newspaper-html | newspaper-xml | text | feed
    format: str
    articles: list[Article]
    warnings: list[str] = field(default_factory=list)


class RejectedDocument(Exception):
    """A document that cannot be loaded; `stage` and `reason` go to ops.quarantine."""

    def __init__(self, stage: str, reason: str):
        super().__init__(f"{stage}: {reason}")
        self.stage = stage
        self.reason = reason
