"""Enrichment of one segmented article: entities, figures, keyword terms, duplicate fingerprints.

Pure functions over the article and the sentences the segmenter produced (no Prefect, no
DuckDB). Word lists load once per process (zhnews.enrich.lexicon). The rows go to the staging
tables of the same name; the writer adds load_id and document_id.
"""

from __future__ import annotations

from zhnews.enrich.entities import extract_entities
from zhnews.enrich.figures import figure_rows
from zhnews.enrich.fingerprints import fingerprint_rows
from zhnews.enrich.terms import article_terms
from zhnews.model import Article

Sentence = tuple[int, int, str, list[str]]  # (paragraph_ordinal, ordinal, text, tokens)

STAGING_TABLES = ("entity_mentions", "figures", "article_terms", "article_fingerprints")


def fingerprint_text(article: Article) -> str:
    """What duplicates are judged on: the body, else the summary, else the title."""
    return "\n".join(article.body_paragraphs) or article.summary or article.title or ""


def enrich(article: Article, article_id: str, sentences: list[Sentence]) -> dict[str, list[dict]]:
    """Rows per staging table for one article (see STAGING_TABLES).

    `sentences` are (paragraph_ordinal, sentence_ordinal, text, tokens) for all paragraphs
    (body, subhead, caption), 1-based. Rows carry article_id but not load_id/document_id.
    """
    return {
        "entity_mentions": extract_entities(article, article_id, sentences),
        "figures": figure_rows(article_id, sentences),
        "article_terms": article_terms(article_id, (s[3] for s in sentences)),
        "article_fingerprints": fingerprint_rows(article_id, fingerprint_text(article)),
    }
