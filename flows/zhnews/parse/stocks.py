"""Stock and sector mentions: Eastmoney `data-code` links and codes printed in text.

Normal forms (so the same stock from different posts compares equal):
- `data-code` values keep Eastmoney's numeric market id (`1,600160` → code 600160, market 1;
  `NIO|106|7` → NIO, 106; `90.BK0477` → BK0477, 90); codes starting with BK are sectors.
- codes in text such as `融信中国(03301.HK)`: Hong Kong codes are zero-padded to 5 digits
  (`2888.HK` → 02888) with market "HK"; `.N/.O/.US` → market "US"; `.SH/.SS` → "SH";
  `.SZ` → "SZ"; bare 6-digit A-share codes get SH/SZ/BJ from their first digit;
  bare 5-digit codes are Hong Kong; bare 4-digit numbers are ignored (years).
"""

from __future__ import annotations

import re

from zhnews.model import StockMention


def parse_data_code(raw: str, name: str) -> StockMention | None:
    """One Eastmoney `data-code` attribute plus its link text."""
    value = raw.strip()
    if not value:
        return None
    code: str
    market: str | None
    if "|" in value:
        parts = [p.strip() for p in value.split("|")]
        code, market = parts[0], (parts[1] if len(parts) > 1 and parts[1] else None)
    elif "," in value:
        market, code = (p.strip() for p in value.split(",", 1))
    elif re.fullmatch(r"\d{1,3}\.[A-Za-z0-9]+", value):
        market, code = value.split(".", 1)
    else:
        code, market = value, None
    if not code:
        return None
    kind = "sector" if code.upper().startswith("BK") else "stock"
    return StockMention(code=code, market=market or None, name=name.strip(), kind=kind, raw=raw)


_TEXT_CODE_RE = re.compile(
    r"(?P<name>[\u4e00-\u9fffA-Za-z0-9·\-]{1,20}?)\s*[（(](?P<raw>(?P<code>[A-Za-z]{1,6}|\d{4,6})"
    r"(?:\.(?P<suffix>HK|hk|N|O|US|SH|SS|SZ|BJ|A))?)[)）]"
)
_NAME_LEAD = re.compile(
    r"^.*(其中|包括|旗下|以及|下调|上调|维持|首予|给予|予以|重申|升|降|将|和|及|与|在|对|即|如|含)"
)


# The bracketed code every match of _TEXT_CODE_RE ends with: a quick scan for it spares the
# name part's search (tried at every position of a paragraph) in text that prints no code.
_BRACKETED_CODE_RE = re.compile(
    r"[（(](?:[A-Za-z]{1,6}|\d{4,6})(?:\.(?:HK|hk|N|O|US|SH|SS|SZ|BJ|A))?[)）]"
)


def find_text_stocks(text: str) -> list[StockMention]:
    """Codes printed after company names: `融信中国(03301.HK)`, `新希望(000876)`."""
    found: list[StockMention] = []
    if _BRACKETED_CODE_RE.search(text) is None:
        return found
    for match in _TEXT_CODE_RE.finditer(text):
        code = match.group("code")
        suffix = (match.group("suffix") or "").upper()
        market: str | None
        if suffix == "HK" or (not suffix and code.isdigit() and len(code) == 5):
            if not code.isdigit():
                continue
            code, market = code.zfill(5), "HK"
        elif suffix in ("N", "O", "US"):
            market = "US"
        elif suffix in ("SH", "SS"):
            market = "SH"
        elif suffix in ("SZ", "BJ"):
            market = suffix
        elif code.isdigit() and len(code) == 6:
            market = {
                "6": "SH",
                "9": "SH",
                "5": "SH",
                "0": "SZ",
                "2": "SZ",
                "3": "SZ",
                "1": "SZ",
            }.get(code[0], "BJ")
        else:
            continue
        name = _NAME_LEAD.sub("", match.group("name"))
        name = re.sub(r"^[^\u4e00-\u9fffA-Za-z]+", "", name)
        if not name:
            continue
        found.append(
            StockMention(code=code, market=market, name=name, kind="stock", raw=match.group("raw"))
        )
    return found
