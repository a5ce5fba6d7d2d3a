"""Term frequencies per article, the input of the tf-idf keywords in marts.keywords."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable

from zhnews.enrich.lexicon import stopwords

# A term has a CJK character or is a Latin word of 2+ letters (5G, ETF, MALL); digits-only,
# punctuation and whitespace tokens never are.
_TERM_RE = re.compile(r"[\u4e00-\u9fff]|^[A-Za-z][A-Za-z0-9.+-]+$")
_NUMERIC_RE = re.compile(r"^[\d.,%％]+")


@functools.lru_cache(maxsize=1 << 17)
def _term(token: str) -> str | None:
    """The keyword a token counts as (upper-cased if Latin), or None if it is not one."""
    if len(token) < 2 or token in stopwords():
        return None
    if _NUMERIC_RE.match(token) or not _TERM_RE.search(token):
        return None
    return token.upper() if token.isascii() else token


def term_counts(token_lists: Iterable[list[str]]) -> Counter:
    """tf of every keyword-worthy token: 2+ characters, not a stop word, not a number."""
    counts: Counter = Counter(_term(t) for tokens in token_lists for t in tokens)
    counts.pop(None, None)
    return counts


def article_terms(article_id: str, token_lists: Iterable[list[str]]) -> list[dict]:
    """Rows of staging.article_terms: one per distinct term of the article."""
    return [
        {"article_id": article_id, "term": term, "tf": tf}
        for term, tf in sorted(term_counts(token_lists).items())
    ]
