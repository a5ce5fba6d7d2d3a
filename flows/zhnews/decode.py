"""Turn raw file bytes into text, recording which encoding was used.

Chinese news archives mix UTF-8, GBK/GB2312 (decoded as GB18030, its superset) and Big5
(decoded as Big5-HKSCS, as browsers do: the WHATWG Encoding Standard's big5 is Big5-HKSCS, and
Hong Kong and Taiwanese pages that declare big5 use its extra characters, 攞 㗎 吓 …).
The order below goes from certain to guessed so that a guess never overrides evidence:
BOM, strict UTF-8, a charset the document declares, then statistical detection.
"""

from __future__ import annotations

import codecs
import re

from zhnews.model import RejectedDocument

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)

# Declared charsets map to the decoder we trust for them; GB18030 is a superset of GBK/GB2312,
# Big5-HKSCS of the Big5 characters news pages use (Python's strict `big5` rejects HKSCS
# characters and maps the C6A1-C8xx rows differently from what browsers show).
_CHARSET_ALIASES = {
    "gb2312": "gb18030",
    "gb_2312": "gb18030",
    "gb-2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "gb18030": "gb18030",
    "hz-gb-2312": "gb18030",
    "big5": "big5hkscs",
    "big-5": "big5hkscs",
    "x-big5": "big5hkscs",
    "cp950": "big5hkscs",
    "big5-hkscs": "big5hkscs",
    "big5hkscs": "big5hkscs",
    "utf8": "utf-8",
    "utf-8": "utf-8",
}

# Microsoft's code page 950 (what Windows saves as "big5") has a few characters Big5-HKSCS
# lacks (the euro sign at A3E1): a declared big5 that HKSCS cannot decode is tried as cp950.
_DECLARED_FALLBACKS = {"big5hkscs": ("big5hkscs", "cp950")}

_DECLARED_RE = re.compile(
    rb"""(?:<meta[^>]{0,200}?charset\s*=\s*["']?|encoding\s*=\s*["'])([A-Za-z0-9_\-]{2,20})""",
    re.IGNORECASE,
)

_MAX_NUL_SHARE = 0.01  # text files have no NULs; a few may be stray, more means binary
_MAX_GARBAGE_SHARE = 0.02  # control/replacement/private-use characters tolerated after decoding


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode `data` and return `(text, encoding)` with newlines normalised to LF.

    Raises RejectedDocument("decode", …) when the bytes are empty or are not text in any
    encoding we support, so the file can be quarantined with a reason.
    """
    if not data or not data.strip():
        raise RejectedDocument("decode", "file is empty (0 bytes or only whitespace)")

    for bom, decoder, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(decoder)
            except UnicodeDecodeError as exc:
                raise RejectedDocument(
                    "decode",
                    f"file starts with a {name} byte-order mark but is not valid {name}: {exc}",
                ) from exc
            return _finish(text.lstrip("\ufeff"), name)

    nul_share = data.count(0) / len(data)
    if nul_share > _MAX_NUL_SHARE:
        raise RejectedDocument(
            "decode",
            f"looks binary: {nul_share:.0%} of the bytes are NUL; "
            "expected a text/HTML/Markdown file",
        )

    try:
        return _finish(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass

    declared = _declared_charset(data)
    for name in _DECLARED_FALLBACKS.get(declared, (declared,)) if declared else ():
        try:
            text = data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        if _plausible(text):
            return _finish(text, name)

    guess = _detect(data)
    if guess is not None:
        text, name = guess
        return _finish(text, name)
    raise RejectedDocument(
        "decode",
        "no supported encoding (UTF-8, GB18030/GBK, Big5) decodes this file to plausible text; "
        "check that it is a text document and re-save it as UTF-8",
    )


def _declared_charset(data: bytes) -> str | None:
    match = _DECLARED_RE.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii").lower()
    if name in _CHARSET_ALIASES:
        return _CHARSET_ALIASES[name]
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _detect(data: bytes) -> tuple[str, str] | None:
    """Pick between GB18030 and Big5 (and anything else charset-normalizer finds plausible)."""
    candidates: list[tuple[float, str, str]] = []
    for name in ("gb18030", "big5hkscs"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            candidates.append((_chinese_score(text), name, text))
    if len(candidates) == 1:
        return candidates[0][2], candidates[0][1]
    if len(candidates) > 1:
        best = _normalizer_best(data, ["gb18030", "big5"])
        if best in ("gb18030", "big5hkscs"):
            for _, name, text in candidates:
                if name == best:
                    return text, name
        candidates.sort(reverse=True)
        return candidates[0][2], candidates[0][1]
    best = _normalizer_best(data, None)
    if best:
        try:
            text = data.decode(best)
        except (UnicodeDecodeError, LookupError):
            return None
        if _plausible(text):
            return text, _CHARSET_ALIASES.get(best, best)
    return None


def _normalizer_best(data: bytes, isolation: list[str] | None) -> str | None:
    from charset_normalizer import from_bytes

    result = from_bytes(data, cp_isolation=isolation).best()
    if result is None:
        return None
    name = result.encoding.lower().replace("_", "-")
    if name in ("gb2312", "gbk", "gb18030", "cp936"):
        return "gb18030"
    if name in ("big5", "cp950", "big5hkscs", "big5-hkscs"):
        return "big5hkscs"
    return result.encoding


# Very frequent characters in both simplified and traditional news text: a right decoding
# hits them often, a wrong one produces rare characters instead.
_COMMON = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说"
    "产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使"
    "点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明"
    "看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料"
    "象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指"
    "們個來時會對說為這後發與國經過還進個實關當從動機學書東車門開問長點報網記區將寫應"
)


def _chinese_score(text: str) -> float:
    cjk = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    if not cjk:
        return 0.0
    return sum(c in _COMMON for c in cjk) / len(cjk)


# Characters of Unicode categories Cc (control, except tab and line ends), Co (private use)
# and Cs (lone surrogates), and U+FFFD: what a wrong decoding or a binary file produces.
_GARBAGE_RE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\uf8ff\ufffd"
    "\U000f0000-\U000ffffd\U00100000-\U0010fffd]"
)


def _plausible(text: str) -> bool:
    if not text.strip():
        return False
    bad = sum(1 for _ in _GARBAGE_RE.finditer(text))
    return bad / len(text) <= _MAX_GARBAGE_SHARE


def _finish(text: str, name: str) -> tuple[str, str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise RejectedDocument(
            "decode", "file is empty (only whitespace); expected a text document"
        )
    text = text.replace("\x00", "")  # a few stray NULs; many are rejected as binary earlier
    if not _plausible(text):
        raise RejectedDocument(
            "decode",
            f"decoded as {name} but the text is mostly control characters; "
            "expected a text document",
        )
    return text, name
