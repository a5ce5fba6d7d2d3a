"""Read → decode → parse → segment → enrich one shard of files (pure: no Prefect, no DuckDB).

Runs in worker processes. A shard's rows become one Arrow table per staging table: written by
the worker into the load's spool as Parquet (zhnews.store.spool), or returned in the result
(a Dask worker); memory stays bounded by the shard size.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pyarrow as pa

from zhnews import faults
from zhnews.decode import decode_bytes
from zhnews.discover import FileRef
from zhnews.enrich import enrich
from zhnews.model import Article, RejectedDocument
from zhnews.parse import parse_document
from zhnews.settings import PARSER_VERSION, Settings
from zhnews.store.spool import arrow_table
from zhnews.text import split_sentences, tokenize

# I/O errors worth retrying (the parse-shard task retries with backoff); others quarantine.
TRANSIENT_ERRNOS = {errno.EIO, errno.EAGAIN, errno.EMFILE, errno.ENFILE, errno.ESTALE, errno.EINTR}

# Keep a rejected file's bytes in ops.quarantine up to this size; larger files stay on disk only.
MAX_QUARANTINE_BYTES = 64 * 1024 * 1024


@dataclass
class ShardResult:
    tables: dict[str, pa.Table]
    rejections: list[dict]
    unchanged: list[
        tuple[str, int, int, str]
    ]  # touched but identical: (source_path, size, mtime_ns, sha256)
    counters: Counter = field(default_factory=Counter)

    @property
    def documents(self) -> int:
        t = self.tables.get("documents")
        return 0 if t is None else t.num_rows

    def summary(self) -> dict:
        """What a spooled shard's result carries (no rows), as JSON-ready values."""
        return {"unchanged": [list(u) for u in self.unchanged], "counters": dict(self.counters)}

    @classmethod
    def from_summary(cls, summary: dict) -> ShardResult:
        unchanged = [tuple(u) for u in summary["unchanged"]]
        return cls({}, [], unchanged, Counter(summary["counters"]))


def shard_key(load_id: str, files: list[FileRef]) -> str:
    """The spool folder name of a shard's rows: the same files of the same load, the same
    name (after a worker died, a shard whose rows were already in place is not parsed again)."""
    names = "\0".join(ref.source_path for ref in files)
    return hashlib.sha256(f"{load_id}\0{names}".encode()).hexdigest()[:32]


def document_id_for(source_path: str, sha256: str) -> str:
    return hashlib.sha256(f"{source_path}\0{sha256}".encode()).hexdigest()[:16]


def source_for(source_path: str) -> str:
    """The source of a document: the name of its file's parent folder.

    Each feed or site drops its files in a folder of its own, so the folder names the source
    even for a file that could not be read or parsed. The quality gate judges each source
    against its own history (zhnews.gate.decide_sources).
    """
    return os.path.basename(os.path.dirname(source_path)) or os.path.dirname(source_path)


def article_id_for(source_path: str, story_id: str | None, ordinal: int) -> str:
    """Stable across re-runs; story-based so that a later version of a story replaces it."""
    key = f"story:{story_id}" if story_id else f"path:{source_path}"
    if ordinal != 1 or not story_id:
        key += f"#{ordinal}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


class _Rows:
    """Rows of one staging table, turned into columns once per shard.

    A document's id is kept once per row beside the rows, not copied into each of them (a
    document has ~45 term and ~16 fingerprint rows); the load's id is the same for all.
    """

    def __init__(self) -> None:
        self.rows: list[dict] = []
        self.document_ids: list[str] = []

    @property
    def n(self) -> int:
        return len(self.rows)

    def extend(self, document_id: str, rows: list[dict]) -> None:
        self.rows.extend(rows)
        self.document_ids.extend([document_id] * len(rows))

    def table(self, load_id: str, schema: pa.Schema | None = None) -> pa.Table:
        """The rows with their load_id and document_id columns: of exactly `schema` (a
        local worker writing the spool), or with the types Arrow infers (a Dask worker's
        result; the writer conforms it to the schema)."""
        beside = {"load_id": [load_id] * self.n, "document_id": self.document_ids}
        if schema is not None:
            return arrow_table(schema, self.rows, beside)
        names: dict[str, None] = {}
        rows = self.rows
        for keys in dict.fromkeys(map(tuple, rows)):  # rows may lack columns
            names.update(dict.fromkeys(keys))
        return pa.table({**beside, **{k: [r.get(k) for r in rows] for k in names}})


def _read(ref: FileRef, settings: Settings) -> bytes:
    try:
        st = os.stat(ref.path)
    except OSError as exc:
        if exc.errno in TRANSIENT_ERRNOS:
            raise
        raise RejectedDocument("read", f"cannot stat file: {exc.strerror or exc}") from exc
    if not stat.S_ISREG(st.st_mode):
        raise RejectedDocument("read", "not a regular file (a folder, FIFO or device)")
    if st.st_size > settings.max_file_bytes:
        raise RejectedDocument(
            "read",
            f"file is {st.st_size:,} bytes, over the limit of {settings.max_file_bytes:,} "
            "(raise ZHNEWS_MAX_FILE_BYTES to load it)",
        )
    try:
        with open(ref.path, "rb") as fh:
            data = fh.read(settings.max_file_bytes + 1)
    except OSError as exc:
        if exc.errno in TRANSIENT_ERRNOS:
            raise
        raise RejectedDocument("read", f"cannot read file: {exc.strerror or exc}") from exc
    if len(data) > settings.max_file_bytes:  # it grew between stat and read
        raise RejectedDocument(
            "read",
            f"file grew past the limit of {settings.max_file_bytes:,} bytes while being read",
        )
    return data


def segment_article(article: Article) -> tuple[list[dict], list[dict], dict]:
    """Paragraph rows, sentence rows and counts (body only) for one article."""
    paragraphs, sentences = [], []
    n_sent = n_tok = 0
    for p_ord, para in enumerate(article.paragraphs, start=1):
        paragraphs.append({"ordinal": p_ord, "kind": para.kind, "text": para.text})
        for s_ord, sentence in enumerate(split_sentences(para.text), start=1):
            tokens = tokenize(sentence)
            sentences.append(
                {"paragraph_ordinal": p_ord, "ordinal": s_ord, "text": sentence, "tokens": tokens}
            )
            if para.kind == "body":
                n_sent += 1
                n_tok += len(tokens)
    return paragraphs, sentences, {"n_sentences": n_sent, "n_tokens": n_tok}


def enrich_segmented(article: Article, article_id: str, sentences: list[dict]) -> dict:
    """Enrichment rows per staging table for an article and its segment_article() sentences."""
    tuples = [(s["paragraph_ordinal"], s["ordinal"], s["text"], s["tokens"]) for s in sentences]
    return enrich(article, article_id, tuples)


def _document_rows(
    ref: FileRef, data: bytes, sha: str, settings: Settings, out: dict[str, _Rows]
) -> int:
    text, encoding = decode_bytes(data)
    parsed = parse_document(text, ref.source_path, settings)
    if not parsed.articles:
        raise RejectedDocument("parse", "no article found in the document")
    doc_id = document_id_for(ref.source_path, sha)
    staged: list[tuple[str, dict[str, list[dict]]]] = []
    for ordinal, art in enumerate(parsed.articles, start=1):
        article_id = article_id_for(ref.source_path, art.story_id, ordinal)
        try:
            paragraphs, sentences, counts = segment_article(art)
        except RecursionError as exc:
            raise RejectedDocument("segment", "text too deeply nested to segment") from exc
        try:
            published = art.published_at.astimezone(UTC) if art.published_at else None
        except (OverflowError, ValueError):
            raise RejectedDocument(
                "parse",
                f"published date {art.published_at.isoformat()} is out of range "
                "(years 1-9999 in UTC)",
            ) from None
        body = art.body_paragraphs
        rows: dict[str, list[dict]] = defaultdict(list)
        rows["articles"].append(
            {
                "article_id": article_id,
                "source_path": ref.source_path,
                "sha256": sha,
                "parser_version": PARSER_VERSION,
                "ordinal": ordinal,
                "story_id": art.story_id,
                "title": art.title,
                "title_derived": art.title_derived,
                "kicker": art.kicker,
                "subtitle": art.subtitle,
                "authors": [a.name for a in art.authors],
                "byline_raw": art.byline_raw,
                "editor": art.editor,
                "published_at": published,
                "published_at_source": art.published_at_source,
                "category": art.category,
                "tags": list(art.tags),
                "publisher": art.publisher,
                "url": art.url,
                "summary": art.summary,
                "body_text": "\n".join(body),
                "n_paragraphs": len(body),
                "n_sentences": counts["n_sentences"],
                "n_tokens": counts["n_tokens"],
                "flags": list(art.flags),
            }
        )
        for p in paragraphs:
            rows["paragraphs"].append({"article_id": article_id, **p})
        for s in sentences:
            rows["sentences"].append({"article_id": article_id, **s})
        for i, a in enumerate(art.authors, start=1):
            rows["article_authors"].append(
                {"article_id": article_id, "ordinal": i, "name": a.name, "role": a.role}
            )
        for i, m in enumerate(art.stocks, start=1):
            rows["stock_mentions"].append(
                {
                    "article_id": article_id,
                    "ordinal": i,
                    "code": m.code,
                    "market": m.market,
                    "name": m.name,
                    "kind": m.kind,
                    "raw_code": m.raw,
                }
            )
        for table, extra in enrich_segmented(art, article_id, sentences).items():
            rows[table].extend(extra)
        staged.append((article_id, rows))
    # Only now, with every article segmented, does the document count as staged.
    out["documents"].extend(
        doc_id,
        [
            {
                "source_path": ref.source_path,
                "source": source_for(ref.source_path),
                "sha256": sha,
                "bytes": len(data),
                "mtime_ns": ref.mtime_ns,
                "encoding": encoding,
                "format": parsed.format,
                "content": text,
                "parser_version": PARSER_VERSION,
                "n_articles": len(parsed.articles),
                "warnings": list(parsed.warnings),
                "ingested_at": datetime.now(UTC),
            }
        ],
    )
    for _, rows in staged:
        for table, table_rows in rows.items():
            if table_rows:  # (an empty list names no table: out gets none)
                out[table].extend(doc_id, table_rows)
    return len(staged)


def process_shard(
    files: list[FileRef], load_id: str, settings: Settings | None = None, spool=None
) -> ShardResult:
    """Process one shard. With a `spool` (zhnews.store.spool.Spool: local workers), the rows
    and rejections go to Parquet files there and the result carries only counts; without
    (a Dask worker on another machine), they travel back in the result."""
    settings = settings or Settings()
    out: dict[str, _Rows] = defaultdict(_Rows)
    rejections: list[dict] = []
    unchanged: list[tuple[str, int, int, str]] = []
    counters: Counter = Counter()
    for ref in files:
        counters["files_in"] += 1
        data = b""
        sha = None
        try:
            faults.file_point(ref.path)
            data = _read(ref, settings)
            sha = hashlib.sha256(data).hexdigest()
            if ref.known_sha256 == sha:
                unchanged.append((ref.source_path, len(data), ref.mtime_ns, sha))
                counters["unchanged"] += 1
                continue
            counters["articles"] += _document_rows(ref, data, sha, settings, out)
            counters["documents"] += 1
            faults.point("parse.after_document")
        except RejectedDocument as exc:
            counters[f"rejected_{exc.stage}"] += 1
            rejections.append(_rejection(ref, load_id, sha, data, exc.stage, exc.reason))
        except (RecursionError, MemoryError) as exc:
            counters["rejected_parse"] += 1
            rejections.append(
                _rejection(
                    ref, load_id, sha, data, "parse", f"{type(exc).__name__}: input too complex"
                )
            )
        except OSError as exc:
            if exc.errno in TRANSIENT_ERRNOS:
                raise  # the task is retried with backoff
            counters["rejected_read"] += 1
            rejections.append(_rejection(ref, load_id, sha, data, "read", str(exc)[:500]))
        except Exception as exc:  # an unknown input must never crash the load
            counters["rejected_parse"] += 1
            rejections.append(
                _rejection(
                    ref,
                    load_id,
                    sha,
                    data,
                    "parse",
                    f"unexpected {type(exc).__name__}: {exc}"[:500],
                )
            )
    if spool is not None:
        tables = {name: rows.table(load_id, spool.schema(name)) for name, rows in out.items()}
        rejected = spool.schema("rejections")
        result = ShardResult({}, [], unchanged, counters)
        spool.write_tables(
            {**tables, "rejections": arrow_table(rejected, rejections)},
            shard=shard_key(load_id, files),
            result=result.summary(),
        )
        return result
    tables = {name: rows.table(load_id) for name, rows in out.items() if rows.n}
    return ShardResult(tables, rejections, unchanged, counters)


def _rejection(
    ref: FileRef, load_id: str, sha: str | None, data: bytes, stage: str, reason: str
) -> dict:
    return {
        "load_id": load_id,
        "document_id": document_id_for(ref.source_path, sha) if sha else None,
        "source_path": ref.source_path,
        "source": source_for(ref.source_path),
        "sha256": sha,
        "bytes": len(data) if sha else ref.size,
        "mtime_ns": ref.mtime_ns,
        "stage": stage,
        "reason": reason,
        "raw_bytes": data if sha and len(data) <= MAX_QUARANTINE_BYTES else None,
    }


def rejection_for(ref: FileRef, load_id: str, settings: Settings, stage: str, reason: str) -> dict:
    """A quarantine row for `ref` decided outside its worker (its bytes read here)."""
    try:
        data = _read(ref, settings)
    except (OSError, RejectedDocument):
        return _rejection(ref, load_id, None, b"", stage, reason)
    return _rejection(ref, load_id, hashlib.sha256(data).hexdigest(), data, stage, reason)
