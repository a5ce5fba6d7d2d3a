"""Chinese text helpers shared by the parser and the segmenter.

Sentence splitting rules (kept simple and predictable so downstream offsets are stable):
- a sentence ends after a run of 。！？!? or an ellipsis (… / ……), together with any closing
  quotes/brackets and further end marks that follow (`“……。”` stays one piece);
- ASCII `!`/`?` directly followed by an ASCII letter/digit do not end a sentence (URLs, `?id=`);
- `；` does NOT end a sentence: Chinese news uses it between clauses of one statement
  (lists of figures), and splitting there yields fragments that do not stand alone;
- each piece is stripped of surrounding whitespace and empty pieces are dropped, so
  `"".join(pieces)` equals the input with only the whitespace *between* sentences removed
  (for ordinary Chinese text, which has none, it equals `text.strip()` exactly).
"""

from __future__ import annotations

import functools
import re

SENTENCE_END = "。！？!?"
ELLIPSIS = "…"
CLOSERS = "”’」』）)】》〕〉\"'"
_ENDING = set(SENTENCE_END + ELLIPSIS + "；;：:．.")
# The characters that may end a sentence: SENTENCE_END and ELLIPSIS.
_END_CHAR = re.compile("[" + re.escape(SENTENCE_END + ELLIPSIS) + "]")


_NOT_HAN = re.compile(r"[^\u4e00-\u9fff]")


def han_bigrams(text: str) -> set[str]:
    """The pairs of adjacent Chinese characters in `text` (within runs of Chinese: a pair
    never spans punctuation, digits or Latin)."""
    grams: set[str] = set()
    for run in _NOT_HAN.sub(" ", text).split():
        grams.update(map(str.__add__, run, run[1:]))  # run[k] + run[k + 1]
    return grams


def split_sentences(text: str) -> list[str]:
    """Split `text` into sentences without losing or reordering any non-space character."""
    pieces: list[str] = []
    start = 0
    n = len(text)
    find_end = _END_CHAR.search
    m = find_end(text)
    while m is not None:  # (the characters between two end marks are skipped in C)
        i = m.start()
        char = text[i]
        if char in "!?" and i + 1 < n and text[i + 1].isascii() and text[i + 1].isalnum():
            m = find_end(text, i + 1)
            continue
        j = i + 1
        while j < n and (text[j] in SENTENCE_END or text[j] == ELLIPSIS or text[j] in CLOSERS):
            j += 1
        pieces.append(text[start:j])
        start = j
        m = find_end(text, j)
    pieces.append(text[start:])
    return [p.strip() for p in pieces if p.strip()]


def tokenize(sentence: str) -> list[str]:
    """Words of `sentence` via rjieba; `"".join(tokens) == sentence` is guaranteed."""
    import rjieba

    tokens = [t for t in rjieba.cut(sentence) if t]
    if "".join(tokens) == sentence:
        return tokens
    return _realign(sentence, tokens)


def _realign(sentence: str, tokens: list[str]) -> list[str]:
    """Re-cut `sentence` along the tokenizer's words when it dropped or altered characters."""
    out: list[str] = []
    pos = 0
    for token in tokens:
        found = sentence.find(token, pos)
        if found < 0:
            continue
        if found > pos:
            out.append(sentence[pos:found])
        out.append(token)
        pos = found + len(token)
    if pos < len(sentence):
        out.append(sentence[pos:])
    return out


def is_cjk(char: str) -> bool:
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x2FA1F
        or (0xF900 <= code <= 0xFAFF)
    )


def cjk_ratio(text: str) -> float:
    """Share of non-whitespace characters that are CJK ideographs (0.0 for empty text)."""
    chars = [c for c in text if not c.isspace()]
    if not chars:
        return 0.0
    return sum(is_cjk(c) for c in chars) / len(chars)


@functools.lru_cache(maxsize=1)
def _t2s():
    from opencc import OpenCC

    return OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → simplified form for search keys; the stored text stays as printed."""
    if not text:
        return text
    return _t2s().convert(text)


_TRAILING_CLOSERS = re.compile(f"[{re.escape(CLOSERS)}]+$")


def ends_sentence(paragraph: str) -> bool:
    """Whether a paragraph ends a sentence; False means a column break may have cut it.

    A trailing closing quote/bracket counts as an ending: quoted speech and credits such as
    `（新华社）` close paragraphs far more often than they are cut by a column break.
    """
    stripped = paragraph.rstrip()
    if not stripped:
        return True
    if stripped[-1] in CLOSERS:
        return True
    return stripped[-1] in _ENDING


# A number in Chinese text cut in two by an element printed inside it (`获得了5` / an ad
# table / `00万元`): the digits either side belong to one number.
_CUT_NUMBER = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef][0-9]+$")
_NUMBER_GOES_ON = re.compile(r"[0-9]+(?:[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]|$)")


def join_fragments(left: str, right: str) -> str:
    """Join two pieces of one paragraph: no space between CJK, one space between Latin words;
    digits meeting inside Chinese text are one number cut in two (`获得了5` + `00万元`)."""
    left = left.rstrip()
    right = right.lstrip()
    if _CUT_NUMBER.search(left[-12:]) and _NUMBER_GOES_ON.match(right):
        return left + right
    if (
        left
        and right
        and left[-1].isascii()
        and left[-1].isalnum()
        and right[0].isascii()
        and (right[0].isalnum())
    ):
        return f"{left} {right}"
    return left + right
