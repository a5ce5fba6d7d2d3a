"""Front matter, dates and story ids: the metadata around an article body.

YAML is loaded with a SafeLoader subclass that refuses anchors/aliases: news front matter
never needs them, and refusing them is the simplest complete defence against alias bombs.
Tags such as `!!python/object` are refused by the safe loader itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import lru_cache
from pathlib import PurePosixPath
from zoneinfo import ZoneInfo

import yaml

from zhnews.model import RejectedDocument

MAX_FRONT_MATTER_CHARS = 64 * 1024


class _NoAliasLoader(yaml.SafeLoader):
    """SafeLoader that rejects anchors and aliases instead of expanding them."""

    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise _AliasRefused(f"alias *{event.anchor} at line {event.start_mark.line + 1}")
        event = self.peek_event()
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise _AliasRefused(f"anchor &{anchor} at line {event.start_mark.line + 1}")
        return super().compose_node(parent, index)


class _AliasRefused(Exception):
    pass


# libyaml's C loader is ~10x faster than the pure-Python one (front matter parsing was the
# largest cost of a finews post); anchors/aliases are refused by a C event scan first.
_FastLoader = getattr(yaml, "CSafeLoader", None)


def _safe_load(raw: str):
    if _FastLoader is None:
        return yaml.load(raw, Loader=_NoAliasLoader)  # noqa: S506 - SafeLoader subclass
    if "&" not in raw and "*" not in raw:
        # An anchor needs `&`, an alias `*`: without either character there is nothing to
        # refuse, and the event scan (a third of the front matter's cost) is skipped.
        return yaml.load(raw, Loader=_FastLoader)  # noqa: S506 - C SafeLoader
    for event in yaml.parse(raw, Loader=_FastLoader):
        if isinstance(event, yaml.AliasEvent):
            raise _AliasRefused(f"alias *{event.anchor} at line {event.start_mark.line + 1}")
        if getattr(event, "anchor", None) is not None:
            raise _AliasRefused(f"anchor &{event.anchor} at line {event.start_mark.line + 1}")
    return yaml.load(raw, Loader=_FastLoader)  # noqa: S506 - C SafeLoader


@dataclass
class FrontMatter:
    data: dict
    body: str
    body_line: int  # 1-based line number where the body starts
    warnings: list[str]


_FM_OPEN = re.compile(r"\A(?:\ufeff)?(?:[ \t]*\n)*---[ \t]*\n")
_FM_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_KEY_LINE = re.compile(r"^([A-Za-z_][\w\-]*)\s*:\s?(.*)$")


# Hugo's TOML front matter: `+++` lines around `title = "…"`, `date = 2020-07-02T10:32:33+08:00`
_TOML_OPEN = re.compile(r"\A(?:\ufeff)?(?:[ \t]*\n)*\+\+\+[ \t]*\n")
_TOML_CLOSE = re.compile(r"^\+\+\+[ \t]*$", re.MULTILINE)


def has_front_matter(text: str) -> bool:
    return bool(_FM_OPEN.match(text)) or _toml_span(text) is not None


def _toml_span(text: str) -> tuple[int, int, int] | None:
    """(start of the TOML, its end, start of the body) for `+++`-fenced front matter whose
    lines are TOML (`key = value`, `[table]`), else None."""
    opening = _TOML_OPEN.match(text)
    if opening is None:
        return None
    close = _TOML_CLOSE.search(text, opening.end())
    if close is None:
        return None
    raw = text[opening.end() : close.start()]
    first = next((ln.strip() for ln in raw.split("\n") if ln.strip()), "")
    if not re.match(r"(?:[A-Za-z_][\w\-]*\s*=|\[)", first):
        return None
    body = close.end() + (1 if text[close.end() : close.end() + 1] == "\n" else 0)
    return opening.end(), close.start(), body


def _split_toml(text: str, span: tuple[int, int, int]) -> FrontMatter:
    import tomllib

    start, end, body_start = span
    raw = text[start:end]
    if len(raw) > MAX_FRONT_MATTER_CHARS:
        raise RejectedDocument(
            "parse", f"front matter is {len(raw)} characters (limit {MAX_FRONT_MATTER_CHARS})"
        )
    warnings: list[str] = []
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        # a hand-edited header (an unquoted title): one `key = value` per line, as a reader would
        data = {}
        for line in raw.split("\n"):
            match = re.match(r"^([A-Za-z_][\w\-]*)\s*=\s*(.*?)\s*$", line)
            if match:
                value = match.group(2)
                if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                    value = value[1:-1]
                data[match.group(1)] = value
        if not data:
            raise RejectedDocument("parse", f"front matter is not valid TOML: {exc}") from exc
        warnings.append(f"front matter is not valid TOML, read line by line ({exc})")
    body_line = text[:body_start].count("\n") + 1
    return FrontMatter(
        data={str(k): v for k, v in data.items()},
        body=text[body_start:],
        body_line=body_line,
        warnings=warnings,
    )


def split_front_matter(text: str) -> FrontMatter:
    """Split `---` (YAML) or `+++` (TOML, Hugo) front matter from the body; tolerates blank
    lines before the opening line."""
    opening = _FM_OPEN.match(text)
    if opening is None:
        span = _toml_span(text)
        assert span is not None
        return _split_toml(text, span)
    rest = text[opening.end() :]
    open_line = text[: opening.end()].count("\n")
    warnings: list[str] = []
    close = _FM_CLOSE.search(rest)
    if close:
        raw, body = rest[: close.start()], rest[close.end() :]
        body = body[1:] if body.startswith("\n") else body
    else:
        # The closing `---` is missing: keep the leading `key: value` lines as front matter.
        lines = rest.split("\n")
        count = 0
        while count < len(lines) and (
            _KEY_LINE.match(lines[count]) or lines[count].startswith(("  ", "- ", "\t"))
        ):
            count += 1
        raw, body = "\n".join(lines[:count]), "\n".join(lines[count:])
        if not body.strip():
            raise RejectedDocument(
                "parse",
                f"front matter opened with '---' on line {open_line} is never closed and no body "
                "follows; add the closing '---' line after the metadata",
            )
        warnings.append(f"front matter opened on line {open_line} is not closed with '---'")
    if len(raw) > MAX_FRONT_MATTER_CHARS:
        raise RejectedDocument(
            "parse", f"front matter is {len(raw)} characters (limit {MAX_FRONT_MATTER_CHARS})"
        )
    body_line = open_line + raw.count("\n") + 2
    data = _load_yaml(raw, warnings)
    return FrontMatter(data=data, body=body, body_line=body_line, warnings=warnings)


# A feed item mirrored as Markdown by a bot: the item's title as a link to the original,
# underlined as a setext heading (`[标题](https://…)` over `------`), then possibly a
# labelled date line (`日期：Thu, 02 Jul 2020 02:32:33 +0000`, the feed's pubDate); some
# bots put the pubDate first as an HTML comment in epoch milliseconds (`<!--1602323149000-->`).
_LINK_TITLE_HEAD = re.compile(
    r"\A(?:\ufeff)?(?:[ \t]*\n)*(?:[ \t]*<!--\s*(?P<epoch>\d{10}|\d{13})\s*-->[ \t]*\n(?:[ \t]*\n)*)?"
    r"[ \t]*\[(?P<title>[^\]\n]{2,300})\]\((?P<url>https?://[^)\s]+)\)[ \t]*\n"
    r"[ \t]*(?:-{3,}|={3,})[ \t]*\n"
)
_HEAD_DATE_LINE = re.compile(
    r"\A(?:[ \t]*\n)*[ \t]*(?:日期|时间|時間|发布时间|發佈時間|发布日期|發佈日期|Date|Published)"
    r"[ \t]*[：:][ \t]*(?P<value>[^\n]{6,60}?)[ \t]*(?:\n|\Z)"
)


def link_title_header(text: str, tz: ZoneInfo) -> FrontMatter | None:
    """A mirrored feed item's Markdown header (`[标题](link)` / `------` / `日期：…`) read as
    front matter: `title`, `link` and, when one is given, `date`; None when the text does
    not open so. The header lines are not part of the body."""
    head = _LINK_TITLE_HEAD.match(text)
    if head is None:
        return None
    data: dict = {"title": head["title"].strip(), "link": head["url"]}
    rest = text[head.end() :]
    dated = _HEAD_DATE_LINE.match(rest)
    stamp = header_date(dated["value"], tz) if dated else None
    if stamp is not None:
        rest = rest[dated.end() :]
    elif head["epoch"]:
        seconds = int(head["epoch"]) / (1000 if len(head["epoch"]) == 13 else 1)
        stamp = datetime.fromtimestamp(seconds, UTC)
    if stamp is not None:
        data["date"] = stamp
    body_line = text[: len(text) - len(rest)].count("\n") + 1
    return FrontMatter(data=data, body=rest, body_line=body_line, warnings=[])


def header_date(value: str, tz: ZoneInfo) -> datetime | None:
    """A date line's value: an RFC 822 stamp (`Thu, 02 Jul 2020 02:32:33 +0000`, a feed's
    pubDate) or any form `parse_date_text` reads."""
    from email.utils import parsedate_to_datetime

    value = value.strip()
    if re.match(r"(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}", value):
        try:
            stamp = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            stamp = None
        if stamp is not None:
            return stamp if stamp.tzinfo else stamp.replace(tzinfo=tz)
    return parse_date_text(value, tz)


def _load_yaml(raw: str, warnings: list[str]) -> dict:
    if not raw.strip():
        return {}
    try:
        data = _safe_load(raw)
    except _AliasRefused as exc:
        raise RejectedDocument(
            "parse", f"front matter uses YAML anchors/aliases ({exc}); these are refused"
        ) from exc
    except yaml.constructor.ConstructorError as exc:
        raise RejectedDocument(
            "parse",
            f"front matter uses a YAML tag that is not allowed: {exc.problem} {exc.problem_mark}",
        ) from exc
    except (yaml.YAMLError, ValueError, OverflowError) as exc:  # e.g. `date: 0000-01-01`
        # Typical cause: an unquoted title containing ': ' or starting with '*'. Fall back to
        # one `key: value` per line, as a human reading the header would.
        data = _line_front_matter(raw)
        if not data:
            raise RejectedDocument("parse", f"front matter is not valid YAML: {exc}") from exc
        warnings.append(f"front matter is not valid YAML, read line by line ({type(exc).__name__})")
        return data
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise RejectedDocument(
            "parse",
            f"front matter is a YAML {type(data).__name__}, "
            "expected a mapping of 'key: value' lines",
        )
    return {str(k): v for k, v in data.items()}


def _line_front_matter(raw: str) -> dict:
    data: dict = {}
    for line in raw.split("\n"):
        match = _KEY_LINE.match(line)
        if match:
            value = match.group(2).strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            data[match.group(1)] = value
    return data


# ---------------------------------------------------------------------------------------
# Dates

# What follows a printed day: its weekday (`星期五`, `(週五)`) and the time, on a 12-hour clock
# when 上午/下午 stands before it (`_clock`); the hour marked 时 or, as spoken, 点
# (`晚上9点52分`).
_WEEKDAY_PART = r"(?:\s*[（(]?(?:星期|周|週|礼拜|禮拜)[一二三四五六日天][)）]?)?"
_CLOCK_PART = (
    r"(?:[ T\u3000]*(?P<ap>上午|下午|早上|晚上|中午|凌晨)?\s*"
    r"(?P<H>\d{1,2})\s*[:：时時点點]\s*(?P<M>\d{2})(?:\s*[:：分]\s*(?P<S>\d{2}))?"
    r"(?:\.\d+)?\s*(?:秒)?)?"
)
_DATE_RE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})(?:\s*[-/.年]\s*|[ \u3000]+(?=\d{1,2}\s*[-/]\s*\d))"
    r"(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})(?!\d)\s*日?"
    + _WEEKDAY_PART
    + _CLOCK_PART
    + r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2}(?!\d)|UTC[+-]?\d{0,2})?"
)
# Taiwan's Minguo (ROC) calendar, year 1 = 1912: `中華民國103年5月2日`, `民國103年05月02日`, and
# the numeric `103/05/02 10:30` (a three-digit year, two-digit month and day, one kind of
# mark) that Taiwanese pages print. A two-digit numeric year is left unread (too like other
# numbers).
_ROC_DATE_RE = re.compile(
    r"(?:(?:中華民國|中华民国|民國|民国)\s*(?P<y>\d{2,3})\s*年\s*(?P<m>\d{1,2})\s*月\s*"
    r"(?P<d>\d{1,2})\s*日"
    r"|(?<![\d/.\-])(?P<y2>1[0-2]\d)(?P<sep>[/.])(?P<m2>\d{2})(?P=sep)(?P<d2>\d{2})(?![\d/.\-]))"
    + _WEEKDAY_PART
    + _CLOCK_PART
)
_ROC_EPOCH = 1911


def _clock(match: re.Match) -> int:
    """The hour of a match's `H`, on a 24-hour clock when `ap` says 下午/晚上 (`下午 3:30`)."""
    hour = int(match["H"] or 0)
    if match["ap"] in ("下午", "晚上") and hour < 12:
        return hour + 12
    if match["ap"] == "中午" and hour < 11:
        return hour + 12
    return hour


# The en-US timestamp of ASP/.NET pages (`7/5/2005 9:23:57 PM`): month first. Only with its
# time and AM/PM, which is what makes the month-first order certain.
_US_DATE_RE = re.compile(
    r"(?<![\d/.])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>(?:19|20)\d{2})\s+"
    r"(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?\s*(?P<ap>[AaPp])\.?[Mm]\.?(?![A-Za-z])"
)
# The day-first dotted stamp of Hong Kong and European pages (`27.11.2025 15:34`): only with
# its time, which makes it a stamp and not a version or section number.
# `10-07-16 00:36` (内蒙古新闻网): year, month and day of two digits each, then a clock time
_YY_DATE_RE = re.compile(
    r"(?<![\d\-/.:])(?P<yy>\d{2})-(?P<m>\d{2})-(?P<d>\d{2})\s+"
    r"(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?(?![\d:])"
)
_DMY_DOT_RE = re.compile(
    r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d{2})\s+"
    r"(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?(?![\d:])"
)
# An English long stamp (WordPress's `Saturday, September 10th, 2005 10:56 am`): month name,
# day with an optional ordinal suffix, year and a 12- or 24-hour time. A bare English date
# (`Published March 12, 2019`) is left to the htmldate fallback (`dates`), which reads it.
_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_MONTH_WORDS = {name: k for k, full in enumerate(_MONTHS, 1) for name in (full, full[:3])} | {
    "sept": 9
}
_EN_DATE_RE = re.compile(
    r"(?<![A-Za-z])(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+"
    r"(?P<y>(?:19|20)\d{2})(?!\d)"
    r"\s*,?\s*(?:at\s+)?(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?"
    r"\s*(?P<ap>[AaPp])?\.?(?:[Mm]\.?)?(?![A-Za-z])"
)
# A text that is nothing but an English date (`Apr 4th 2019`, `April 4, 2019`, `4 April
# 2019`): read only where the markup says the text is a date (`english_day`), since inside
# prose such a date is usually what the story reports on.
_EN_DAY_ONLY_RE = re.compile(
    r"\s*(?:(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?"
    r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mon2>[A-Za-z]{3,9})\.?)\s*,?\s+"
    r"(?P<y>(?:19|20)\d{2})\s*"
)
# An RFC 822 / 1123 stamp, the pubDate of feeds and mail archives as feed readers print it
# (`Sun, 11 Oct 2020 13:34:04 GMT`, `Thu, 02 Jul 2020 02:32:33 +0000`): day first, then a
# month name, so the order is certain; the zone is GMT/UTC/Z or a ±hhmm offset.
_RFC822_RE = re.compile(
    r"(?<![A-Za-z])(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?(?P<d>\d{1,2})\s+"
    r"(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<y>(?:19|20)\d{2})\s+(?P<H>\d{1,2}):(?P<M>\d{2})"
    r"(?::(?P<S>\d{2}))?(?:\s*(?P<tz>GMT|UTC|UT|Z|[+-]\d{4}))?(?![\d:])"
)
# Archive mastheads and datelines print dates in Chinese numerals: 一九四六年五月十五日.
_CN_DIGITS = "〇○零一二三四五六七八九"
_CN_DATE_RE = re.compile(
    r"(?P<y>[〇○零一二三四五六七八九]{4})\s*年\s*(?P<m>[一二三四五六七八九十]{1,3})\s*月"
    r"\s*(?P<d>[一二三四五六七八九十]{1,3})\s*日"
)


@dataclass(frozen=True)
class DateMatch:
    """A date found in text: the aware datetime, whether a time of day was printed, and where."""

    stamp: datetime
    has_time: bool
    start: int
    end: int


def cn_number(text: str) -> int | None:
    """`五` → 5, `十四` → 14, `二十` → 20, `三十一` → 31, `14` → 14; None if not a number."""
    if text.isdigit():
        return int(text)
    if not text or any(ch not in "〇○零一二三四五六七八九十" for ch in text):
        return None
    if "十" not in text:
        value = 0
        for ch in text:
            value = value * 10 + max(_CN_DIGITS.index(ch) - 2, 0)
        return value
    tens, _, units = text.partition("十")
    if "十" in units:
        return None
    high = cn_number(tens) if tens else 1
    low = cn_number(units) if units else 0
    return None if high is None or low is None else high * 10 + low


def find_dates(value: str, tz: ZoneInfo):
    """Every valid date in `value`, in order (Arabic-numeral forms, en-US `M/D/YYYY h:mm AM`
    stamps, day-first `D.M.YYYY h:mm` stamps, English month-name stamps, RFC 822 stamps,
    then Chinese numerals)."""
    for match in _DATE_RE.finditer(value):
        try:
            naive = datetime(
                int(match["y"]),
                int(match["m"]),
                int(match["d"]),
                _clock(match),
                int(match["M"] or 0),
                int(match["S"] or 0),
            )
        except ValueError:
            continue
        zone = _offset(match["tz"], tz)
        if not match["tz"] and match["H"] is not None:
            zone = _printed_zone(value, match.end(), tz)
        yield DateMatch(
            naive.replace(tzinfo=zone), match["H"] is not None, match.start(), match.end()
        )
    if "年" in value or "/" in value or "." in value:
        yield from _roc_dates(value, tz)
    if "/" in value:  # `4/2/2024 12:25 PM UTC`
        for match in _US_DATE_RE.finditer(value):
            hour = int(match["H"]) % 12 + (12 if match["ap"] in "Pp" else 0)
            yield from _clock_stamp(value, match, int(match["m"]), hour, tz)
    if "." in value:  # `27.11.2025 15:34`
        for match in _DMY_DOT_RE.finditer(value):
            yield from _clock_stamp(value, match, int(match["m"]), int(match["H"]), tz)
    if re.search(r"[A-Za-z]{3}", value):  # `April 2, 2024 8:25 am UTC`
        for match in _EN_DATE_RE.finditer(value):
            month = _MONTH_WORDS.get(match["mon"].lower())
            if month is None:
                continue  # `Marching 10 2005`: not a month name
            hour = int(match["H"])
            if match["ap"]:
                hour = hour % 12 + (12 if match["ap"] in "Pp" else 0)
            yield from _clock_stamp(value, match, month, hour, tz)
    if re.search(r"[A-Za-z]{3}", value):
        for match in _RFC822_RE.finditer(value):
            month = _MONTH_WORDS.get(match["mon"].lower())
            if month is None:
                continue
            zone = match["tz"]
            if zone in ("GMT", "UTC", "UT", "Z"):
                zone = "Z"
            try:
                naive = datetime(
                    int(match["y"]), month, int(match["d"]), int(match["H"]),
                    int(match["M"]), int(match["S"] or 0),
                )  # fmt: skip
            except ValueError:
                continue
            yield DateMatch(
                naive.replace(tzinfo=_offset(zone, tz)), True, match.start(), match.end()
            )
    if "-" in value or "/" in value:
        yield from _year_last_dates(value, tz)
    if "-" in value:  # `10-07-16 00:36`: a two-digit year, only before a clock time
        for match in _YY_DATE_RE.finditer(value):
            year = int(match["yy"])
            year += 2000 if year < 69 else 1900  # strptime's %y: 00-68 are 20xx, 69-99 19xx
            yield from _clock_stamp(value, match, int(match["m"]), int(match["H"]), tz, year)
    if "年" in value:
        for match in _CN_DATE_RE.finditer(value):
            year = "".join(str(max(_CN_DIGITS.index(ch) - 2, 0)) for ch in match["y"])
            month, day = cn_number(match["m"]), cn_number(match["d"])
            try:
                stamp = datetime(int(year), month or 0, day or 0, tzinfo=tz)
            except ValueError:
                continue
            yield DateMatch(stamp, False, match.start(), match.end())


def _roc_dates(value: str, tz: ZoneInfo):
    """Minguo-calendar dates (`_ROC_DATE_RE`) as Gregorian ones."""
    for match in _ROC_DATE_RE.finditer(value):
        year = int(match["y"] or match["y2"]) + _ROC_EPOCH
        try:
            stamp = datetime(
                year, int(match["m"] or match["m2"]), int(match["d"] or match["d2"]),
                _clock(match), int(match["M"] or 0), int(match["S"] or 0), tzinfo=tz,
            )  # fmt: skip
        except ValueError:
            continue
        yield DateMatch(stamp, match["H"] is not None, match.start(), match.end())


def _year_last_dates(value: str, tz: ZoneInfo):
    """`11-22-2014`, `22/11/2014`: a day and a month before the year, read only when one of
    the two is over 12 (which settles the order); `05-06-2014` is left unread."""
    for match in _YEAR_LAST_RE.finditer(value):
        first, second = int(match["a"]), int(match["b"])
        if (first > 12) == (second > 12):
            continue  # both could be the month (or neither can): the order is not certain
        month, day = (second, first) if first > 12 else (first, second)
        try:
            stamp = datetime(int(match["y"]), month, day, tzinfo=tz)
        except ValueError:
            continue
        yield DateMatch(stamp, False, match.start(), match.end())


# A numeric date with the year last, its parts joined by one kind of mark (`-` or `/`).
_YEAR_LAST_RE = re.compile(
    r"(?<![\d/.\-])(?P<a>\d{1,2})(?P<sep>[-/])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d{2})(?![\d/.\-])"
)


def english_day(value: str, tz: ZoneInfo) -> datetime | None:
    """`Apr 4th 2019`, `April 4, 2019`, `4 April 2019` (the whole text) → midnight that day."""
    match = _EN_DAY_ONLY_RE.fullmatch(value)
    if match is None:
        return None
    month = _MONTH_WORDS.get((match["mon"] or match["mon2"]).lower())
    if month is None:
        return None
    try:
        return datetime(int(match["y"]), month, int(match["d"] or match["d2"]), tzinfo=tz)
    except ValueError:
        return None


def parse_date_text(value: str, tz: ZoneInfo) -> datetime | None:
    """`2021-12-08 10:46:18 +0800`, `2010年09月10日09:14`, `2019 09/07 19:02`,
    `2018年12月28日 星期五 19:55`, `一九四六年五月十五日` … → aware datetime, or None.

    A date without offset is local time in `tz` (zoneinfo applies that day's offset, so
    Asia/Shanghai's 1946 and 1986–1991 summer time keep the printed calendar day).
    """
    return next((found.stamp for found in find_dates(value, tz)), None)


# The zones a page prints after its clock time (`2024-11-26 23:06 ET`, `19:08 GMT`);
# `CST` names China's and the US Central zone alike and is left to the page's zone.
ZONE_NAMES = {
    "ET": "America/New_York", "EST": "America/New_York", "EDT": "America/New_York",
    "PT": "America/Los_Angeles", "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles",
    "HKT": "Asia/Hong_Kong", "JST": "Asia/Tokyo", "KST": "Asia/Seoul", "SGT": "Asia/Singapore",
    "TST": "Asia/Taipei", "GMT": "UTC", "UTC": "UTC", "BST": "Europe/London",
    "CET": "Europe/Paris", "CEST": "Europe/Paris", "AEST": "Australia/Sydney",
}  # fmt: skip
_ZONE_AFTER_CLOCK = re.compile(r"\s*[(（]?\s*([A-Z]{2,4})(?![A-Za-z+\-])")


def _clock_stamp(
    value: str, match: re.Match, month: int, hour: int, tz: ZoneInfo, year: int | None = None
):
    """The stamp of a match with a year `y` (or the caller's `year`), a day `d` and a minute
    `M` (the month and the 24-hour clock's hour read by the caller), in the zone printed
    after it or else `tz`; nothing for an impossible date."""
    try:
        naive = datetime(
            year or int(match["y"]), month, int(match["d"]), hour, int(match["M"]),
            int(match["S"] or 0),
        )  # fmt: skip
    except ValueError:
        return
    zone = _printed_zone(value, match.end(), tz)
    yield DateMatch(naive.replace(tzinfo=zone), True, match.start(), match.end())


def _printed_zone(value: str, end: int, tz: ZoneInfo) -> ZoneInfo:
    """The zone printed right after a clock time (`23:06 ET`), else the page's zone `tz`: the
    page's zone is only the default for a time printed without one."""
    zone = _ZONE_AFTER_CLOCK.match(value, end)
    if zone is None or zone.group(1) not in ZONE_NAMES:
        return tz
    return ZoneInfo(ZONE_NAMES[zone.group(1)])


def _offset(token: str | None, tz: ZoneInfo):
    from datetime import timedelta, timezone

    if not token:
        return tz
    if token == "Z":
        return UTC
    if token.startswith("UTC"):
        hours = token[3:]
        return timezone(timedelta(hours=int(hours))) if hours not in ("", "+", "-") else UTC
    sign = -1 if token[0] == "-" else 1
    digits = token[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def coerce_date(value: object, tz: ZoneInfo) -> datetime | None:
    """A front-matter `date` (YAML may already have made it a datetime/date) → aware datetime."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=tz)
    if isinstance(value, date):
        return datetime.combine(value, time(0, 0), tzinfo=tz)
    if isinstance(value, str):
        return parse_date_text(value, tz)
    return None


# ---------------------------------------------------------------------------------------
# Story ids

_INFOCODE_RE = re.compile(r"(?<![A-Za-z0-9])([A-Z]{2}\d{18})(?!\d)")
_NUMERIC_ID_RE = re.compile(r"(?<!\d)(\d{18})(?!\d)")
_FILE_DATE_RE = re.compile(r"^((?:19|20)\d{2})-(\d{2})-(\d{2})-")


@lru_cache(maxsize=256)  # a document asks for its file name's and its URL's id several times
def story_id_from(text: str | None) -> str | None:
    """An Eastmoney infoCode (`NW202201282265506876`) or an 18-digit id whose head is a date."""
    if not text:
        return None
    for pattern in (_INFOCODE_RE, _NUMERIC_ID_RE):
        for match in pattern.finditer(text):
            if _id_date(match.group(1)) is not None:
                return match.group(1)
    return None


def _id_date(story_id: str) -> date | None:
    digits = story_id[-18:]
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None


def date_from_story_id(story_id: str | None, tz: ZoneInfo) -> datetime | None:
    if not story_id:
        return None
    day = _id_date(story_id)
    return datetime.combine(day, time(0, 0), tzinfo=tz) if day else None


def date_from_file_name(source_path: str, tz: ZoneInfo) -> datetime | None:
    """Jekyll post names start with the date: `2021-12-08-<slug>.md` (also `…md@commit.md`)."""
    match = _FILE_DATE_RE.match(PurePosixPath(source_path.replace("\\", "/")).name)
    if not match:
        return None
    try:
        return datetime(int(match[1]), int(match[2]), int(match[3]), tzinfo=tz)
    except ValueError:
        return None


def file_name(source_path: str) -> str:
    return source_path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]


_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_META_TAG = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_META_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_HEADLINE_PROPERTIES = {"og:title", "twitter:title"}


_AUTHOR_PROPERTIES = ("author", "article:author", "og:article:author", "dable:author")


def head_end(html: str) -> int:
    """Where the page's head ends (`</head>`), or -1."""
    return html.lower().find("</head>")


def _head_meta(html: str):
    """(name or property, lower case; content) of each `<meta>` tag in the page's head (its
    first 1,000,000 characters when it has no `</head>`: heads of app pages run to 100s of
    kB)."""
    end = head_end(html)
    head = html[: end if end > 0 else 1_000_000]
    for tag in _META_TAG.findall(head):
        attrs = {m[0].lower(): m[1] or m[2] or m[3] for m in _META_ATTR.findall(tag)}
        yield (attrs.get("property") or attrs.get("name") or "").lower(), attrs.get("content")


def page_author_values(html: str) -> list[str]:
    """What the page's head names as the article's author (`<meta name="author">`,
    `article:author`, `dable:author`, the article's JSON-LD `author` persons), unescaped,
    without repeats; addresses left out."""
    import html as htmllib

    found: list[str] = []
    for key, content in _head_meta(html):
        value = htmllib.unescape(content or "").strip()
        if key in _AUTHOR_PROPERTIES and value and not re.match(r"(?i)https?:|www\.|@", value):
            found.append(re.sub(r"\s+", " ", value))
    found.extend(json_ld_authors(html))
    return list(dict.fromkeys(found))


JSON_LD_RE = re.compile(
    r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>", re.IGNORECASE | re.DOTALL
)
_ARTICLE_TYPES = {
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "BlogPosting",
    "AnalysisNewsArticle",
}


@lru_cache(maxsize=2)
def json_ld_blocks(html: str) -> tuple[tuple[str, object], ...]:
    """The page's JSON-LD blocks: each block's text and its parsed value (None when it does not
    parse). Cached for the page being read: the date vote and the writer check both ask."""
    import json

    if "ld+json" not in html:
        return ()
    blocks = []
    for block in JSON_LD_RE.finditer(html):
        raw = block.group(1).strip()
        try:
            blocks.append((raw, json.loads(raw)))
        except (ValueError, RecursionError):
            blocks.append((raw, None))
    return tuple(blocks)


def json_ld_authors(html: str) -> list[str]:
    """The persons an article's JSON-LD object names as its `author` (`{"@type": "Person",
    "name": "潘劲虹"}`); an organisation (`{"@type": "Organization", "name": "8world"}`) is
    nobody's name. Only article objects: a page's other objects (a video, a breadcrumb) do
    not name the story's writer."""
    found: list[str] = []
    for _raw, data in json_ld_blocks(html):
        if data is None:
            continue
        stack = [data]
        while stack:
            node = stack.pop()
            if isinstance(node, list):
                stack.extend(node)
                continue
            if not isinstance(node, dict):
                continue
            stack.extend(v for k, v in node.items() if k == "@graph")
            kind = node.get("@type")
            kinds = set(kind) if isinstance(kind, list) else {kind}
            if not kinds & _ARTICLE_TYPES:
                continue
            authors = node.get("author")
            for author in authors if isinstance(authors, list) else [authors]:
                if isinstance(author, dict) and author.get("@type", "Person") == "Person":
                    name = author.get("name")
                    if isinstance(name, str) and name.strip():
                        found.append(re.sub(r"\s+", " ", name.strip()))
    return found


def page_titles(html: str) -> list[str]:
    """The headlines a page names itself by, whole: its <title> and its og:title /
    twitter:title, unescaped, in that order and without repeats. Uncut: a topic prefix
    (`宏福苑大火｜…`) or a date suffix (`…-20110711`) is still in them."""
    import html as htmllib

    end = head_end(html)
    head = html[: end if end > 0 else 1_000_000]  # heads of app pages run to 100s of kB
    found: list[str] = []
    match = _TITLE_TAG.search(head)
    if match:
        found.append(re.sub(r"<[^>]+>", "", match.group(1)))
    found.extend(
        content for key, content in _head_meta(html) if key in _HEADLINE_PROPERTIES and content
    )
    from zhnews.parse.blocks import drop_invisible, drop_segment_breaks

    titles = [
        re.sub(r"\s+", " ", drop_segment_breaks(drop_invisible(htmllib.unescape(t)))).strip()
        for t in found
    ]
    return list(dict.fromkeys(t for t in titles if t))


_DESCRIPTION_PROPERTIES = {"description", "og:description", "twitter:description"}


def page_descriptions(html: str) -> list[str]:
    """The page's description / og:description / twitter:description texts, unescaped,
    whitespace single, without repeats."""
    import html as htmllib

    end = html.lower().find("</head>")
    head = html[: end if end > 0 else 1_000_000]
    found: list[str] = []
    for tag in _META_TAG.findall(head):
        attrs = {m[0].lower(): m[1] or m[2] or m[3] for m in _META_ATTR.findall(tag)}
        key = (attrs.get("property") or attrs.get("name") or "").lower()
        if key in _DESCRIPTION_PROPERTIES and attrs.get("content"):
            found.append(re.sub(r"\s+", " ", htmllib.unescape(attrs["content"])).strip())
    return list(dict.fromkeys(t for t in found if t))


_NEXT_DATA = re.compile(
    r"<script\b[^>]*\bid=[\"']?__NEXT_DATA__[\"']?[^>]*>(.*?)</script\s*>",
    re.IGNORECASE | re.DOTALL,
)
_TITLE_KEYS = ("title", "headline")
# `desc`: a news app's story object holding its whole text as one string (`\n\n` between
# paragraphs), beside `title` and `publish_datetime`
_TEXT_KEYS = ("text", "content", "body", "value", "paragraph", "html", "desc")
_HTML_IN_TEXT = re.compile(r"<(?:p|br|div|h[1-6])\b[^>]*>", re.IGNORECASE)
_UNDATED_KEY = re.compile(r"modif|updat|edit|expir|crawl|fetch", re.IGNORECASE)
_MAX_JSON_NODES = 200_000
_MIN_ARTICLE_CHARS = 50  # less is a teaser or a page's description, not an article
_TAGS = re.compile(r"<[^>]+>")


@dataclass
class ScriptArticle:
    """An article a page holds only as data for its scripts (Next.js `__NEXT_DATA__`)."""

    title: str
    paragraphs: list[str]  # text, or HTML when `html` is set
    html: bool = False
    published: str | None = None  # `1953-10-01` or the page's own date string


def next_data_article(page: str) -> ScriptArticle | None:
    """The richest article-like object in a Next.js page's `__NEXT_DATA__` JSON: an object
    with a title string and the longest run of paragraph text (a list of strings, of
    objects with a text field such as `parts[].text`, or one HTML or multi-line string).
    Leading paragraphs that repeat the title (its decks, printed again) are dropped.
    None when the page has no such script or nothing in it reads as an article."""
    import json

    match = _NEXT_DATA.search(page)
    if not match:
        return None
    try:
        data = json.loads(match.group(1))
    except ValueError:
        return None
    best: tuple[int, dict, list[str], bool] | None = None
    budget = [_MAX_JSON_NODES]
    for node in _json_objects(data, budget):
        title = next((node[k] for k in _TITLE_KEYS if isinstance(node.get(k), str)), None)
        if not title or not 4 <= len(title.strip()) <= 300:
            continue
        paragraphs, is_html = _richest_text(node)
        size = sum(len(_TAGS.sub("", p)) for p in paragraphs)
        if size >= _MIN_ARTICLE_CHARS and (best is None or size > best[0]):
            best = (size, node, paragraphs, is_html)
    if best is None:
        return None
    _, node, paragraphs, is_html = best
    title = re.sub(r"\s+", " ", next(node[k] for k in _TITLE_KEYS if isinstance(node.get(k), str)))
    squeezed_title = re.sub(r"\s+", "", title)
    while paragraphs and not is_html:
        head = re.sub(r"\s+", "", paragraphs[0])
        if head and head in squeezed_title and len(paragraphs) > 1:
            paragraphs = paragraphs[1:]
        else:
            break
    return ScriptArticle(title.strip(), paragraphs, is_html, _script_date(node))


def without_next_data(page: str) -> str:
    """The page without its `__NEXT_DATA__` script."""
    return _NEXT_DATA.sub("", page)


def _json_objects(node, budget: list[int], depth: int = 0):
    budget[0] -= 1
    if budget[0] < 0 or depth > 40:
        return
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _json_objects(value, budget, depth + 1)
    elif isinstance(node, list):
        for value in node:
            yield from _json_objects(value, budget, depth + 1)


def _richest_text(node: dict) -> tuple[list[str], bool]:
    """The longest paragraph list among `node`'s fields (and those of its child objects)."""
    candidates: list[tuple[list[str], bool]] = []
    fields = list(node.items())
    fields += [
        (k, v) for child in node.values() if isinstance(child, dict) for k, v in child.items()
    ]
    for key, value in fields:
        if key in _TITLE_KEYS:
            continue
        if isinstance(value, list):
            texts = []
            for item in value:
                if isinstance(item, str):
                    texts.append(item)
                elif isinstance(item, dict):
                    text = next((item[k] for k in _TEXT_KEYS if isinstance(item.get(k), str)), None)
                    if text is not None:
                        texts.append(text)
            texts = [t.strip() for t in texts if t and t.strip()]
            if texts and not any(_HTML_IN_TEXT.search(t) for t in texts):
                candidates.append((texts, False))
            elif texts:
                candidates.append(([" ".join(texts)], True))
        elif isinstance(value, str) and key in _TEXT_KEYS and len(value) >= _MIN_ARTICLE_CHARS:
            if _HTML_IN_TEXT.search(value):
                candidates.append(([value], True))
            else:
                candidates.append(([p.strip() for p in value.split("\n") if p.strip()], False))
    if not candidates:
        return [], False
    return max(candidates, key=lambda c: sum(len(_TAGS.sub("", p)) for p in c[0]))


def _script_date(node: dict) -> str | None:
    """`dates: [{year, month, day}]`, `date: {year, month, day}` or a published/date string."""
    for key, value in node.items():
        if _UNDATED_KEY.search(key) or "date" not in key.lower() and "publish" not in key.lower():
            continue
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, dict) and all(
                isinstance(item.get(k), int) for k in ("year", "month", "day")
            ):
                try:
                    return date(item["year"], item["month"], item["day"]).isoformat()
                except ValueError:
                    continue
            if isinstance(item, str) and re.search(r"\d{4}", item):
                return item.strip()
    return None
