"""Dates, months, ranges and periods in a (normalised) status text.

The grammar is built bottom-up from named pieces (`DAY`, `MONTH_NAME`, `YEAR` …) into rules
(`numeric_date`, `word_date`, `month_year`, the ranges, `quarter`, `half_year`), each with its
converter beside it. Value checks (a real calendar day, a quarter 1-4) live in the converters.

>>> [(d.text, d.value, d.precision, d.kind) for d in extract_dates("наказ від 26.02.2019 № 29/аг")]
[('26.02.2019', '2019-02-26', 'day', 'date')]
>>> [(d.value, d.until, d.kind) for d in extract_dates("з 16 липня по 15 серпня 2019 року")]
[('2019-07-16', '2019-08-15', 'range')]
>>> extract_dates("на 2019 рік"), extract_dates("31.02.2019")
([], [])
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache
from typing import Optional

from ..data import load_lexicon
from ._grammar import DIGIT, WORD_END, WORD_START, Rule, alternation, grouped_alternation, overlaps, resolve, rule_matches
from .document_numbers import signed_numbers
from .mentions import DateMention


@lru_cache(maxsize=1)
def month_numbers() -> dict[str, int]:
    """Every month-name form of ``months.txt`` (lowercase) → its number."""
    return {form: int(fields[0]) for fields in load_lexicon("months.txt") for form in fields[1:]}


@lru_cache(maxsize=1)
def date_words() -> dict[str, tuple[str, ...]]:
    """The roles of ``date_words.txt`` → their forms."""
    return {fields[0]: fields[1:] for fields in load_lexicon("date_words.txt")}


# --- pieces -------------------------------------------------------------------------------

MONTH_NAME = grouped_alternation(month_numbers())
#: «2019 року», «2019р.»; Russian «2017 года», «2018 г.».
YEAR_WORD = rf"(?:\s?{alternation(date_words()['year_word'] + date_words()['year_word_ru'])}{WORD_END})?"
QUARTER_WORD = alternation(date_words()["quarter"])
HALF_YEAR_WORD = alternation(date_words()["half_year"])
RANGE_FROM = alternation(date_words()["range_from"])
RANGE_TO = alternation(date_words()["range_to"])
#: Roman 1-4 in Latin or Cyrillic «І» (both occur), or a digit with an ordinal ending («2-го»).
#: The ordinal ending after a digit: «2-го», «2-му», «1-ше», «2-ге», Russian «1-е», «2-м».
PERIOD_NUMBER = r"(?-i:(?P<n>[IІ]{1,3}V?|[1-4]))(?:\s?-\s?(?:го|ге|ше|й|ий|му|м|е))?"  # case-sensitive: «і» is «and»


@lru_cache(maxsize=1)
def ordinal_numbers() -> dict[str, int]:
    """A period's number in words («перше», «третьому», «второе») → 1-4."""
    return {form: int(role[-1]) for role, forms in date_words().items() if role.startswith("ordinal_") for form in forms}


#: «І півріччя», «2-го кварталу», or in words: «перше півріччя», «у третьому кварталі».
PERIOD = rf"(?:{PERIOD_NUMBER}|{WORD_START}(?P<ordinal>{grouped_alternation(ordinal_numbers())}))"


def DAY(name: str) -> str:
    return rf"(?P<{name}>\d{{1,2}})"


def MONTH_NUMBER(name: str) -> str:
    return rf"(?P<{name}>\d{{1,2}})"


def YEAR(name: str, two_digits: bool = False) -> str:
    return rf"(?P<{name}>\d{{4}}|\d{{2}})" if two_digits else rf"(?P<{name}>(?:19|20)\d\d)"


def MONTH(name: str) -> str:
    return rf"(?P<{name}>{MONTH_NAME})"


#: A numeric date is not part of a longer number: not «1.26.02.2019», «№ 26.02», «26.02.2019/1».
NUMERIC_START = r"(?<![\d./№-])"
NUMERIC_END = r"(?![\d/]|\.\d)"


def _compile(pattern: str) -> re.Pattern[str]:
    """Rules are written verbose (a comment per line) and match any letter case."""
    return re.compile(pattern, re.IGNORECASE | re.VERBOSE)


# --- converters -----------------------------------------------------------------------------


def _year(text: Optional[str], default: Optional[int]) -> Optional[int]:
    if text is None:
        return default
    year = int(text)
    return 2000 + year if year < 100 else year


def _month(text: str) -> int:
    return int(text) if text.isdigit() else month_numbers()[text.lower()]


def _day(year: Optional[int], month: Optional[int], day: Optional[int]) -> Optional[dt.date]:
    """The calendar day, or None for impossible ones (31.02) and missing parts."""
    if year is None or month is None or day is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _mention(match: re.Match[str], value: str, precision: str, kind: str = "date", until: Optional[str] = None) -> DateMention:
    return DateMention(match.group(0), match.start(), match.end(), value, precision, kind, until)  # type: ignore[arg-type]


#: The rest of a list of days that ends in one year: «05 квітня[, 05 липня та 05 жовтня 2019 року]».
LIST_TAIL = re.compile(
    rf"""(?:\s*(?:,|;|та|і|й)?\s*\d{{1,2}}\s+{MONTH_NAME}{WORD_END})*   # more days of the list
    \s+(?P<y>(?:19|20)\d\d)(?!\d)                                    # the year they share""",
    re.IGNORECASE | re.VERBOSE,
)


def _list_year(match: re.Match[str], year: Optional[int]) -> Optional[int]:
    """A day written without its year takes the year that closes its list, else the report's."""
    tail = LIST_TAIL.match(match.string, match.end())
    return int(tail.group("y")) if tail else year


def _single_day(match: re.Match[str], year: Optional[int]) -> Optional[DateMention]:
    if match.group("y") is None:
        year = _list_year(match, year)
    day = _day(_year(match.group("y"), year), _month(match.group("m")), int(match.group("d")))
    return _mention(match, day.isoformat(), "day") if day else None


def _day_range(match: re.Match[str], year: Optional[int]) -> Optional[DateMention]:
    """«14.05-15.05.2019», «з 16 липня по 15 серпня 2019 року», «16-18 липня»: the start borrows
    the end's month and year where it leaves them out."""
    end = _day(_year(match.group("y2"), year), _month(match.group("m2")), int(match.group("d2")))
    if end is None:
        return None
    start_month = _month(match.group("m1")) if match.group("m1") else end.month
    start = _day(_year(match.group("y1"), end.year), start_month, int(match.group("d1")))
    if start is None or start >= end:
        return None
    return _mention(match, start.isoformat(), "day", "range", end.isoformat())


def _month_year(match: re.Match[str], year: Optional[int]) -> Optional[DateMention]:
    year_value = _year(match.group("y"), year)
    return _mention(match, f"{year_value:04d}-{_month(match.group('m')):02d}", "month") if year_value else None


def _month_range(match: re.Match[str], year: Optional[int]) -> Optional[DateMention]:
    # Two months named alone are no more a date than one («у березні»): the plan's rhythm as
    # often as the period, and the report's year would be a guess (GUIDELINES §3).
    year_value = _year(match.group("y"), None)
    first, last = _month(match.group("m1")), _month(match.group("m2"))
    if year_value is None or first >= last:
        return None
    return _mention(match, f"{year_value:04d}-{first:02d}", "month", "range", f"{year_value:04d}-{last:02d}")


_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


def _period_number(match: re.Match[str]) -> Optional[int]:
    if match.group("ordinal"):
        return ordinal_numbers()[match.group("ordinal").lower()]
    text = match.group("n")
    return int(text) if text.isdigit() else _ROMAN.get(text.upper().replace("І", "I"))


def _quarter(match: re.Match[str], year: Optional[int]) -> Optional[DateMention]:
    number, year_value = _period_number(match), _year(match.group("y"), year)
    if number is None or year_value is None:
        return None
    return _mention(match, f"{year_value}-Q{number}", "quarter", "period")


def _half_year(match: re.Match[str], year: Optional[int]) -> Optional[DateMention]:
    number, year_value = _period_number(match), _year(match.group("y"), year)
    if number not in (1, 2) or year_value is None:
        return None
    return _mention(match, f"{year_value}-H{number}", "half_year", "period")


# --- rules ----------------------------------------------------------------------------------

NUMERIC = rf"{DAY('d')}\.{MONTH_NUMBER('m')}\.{YEAR('y', two_digits=True)}"

#: What a rule ``needs`` in a text before it is tried there: a day or a year is digits, a numeric
#: date has a digit, a dot and a digit («26.02»), a period names its word; month ranges can be
#: all words («з жовтня по грудень»).
NUMERIC_DAY_MONTH = re.compile(r"\d\.\d")

RULES: tuple[Rule[DateMention], ...] = (
    Rule(
        "numeric_range",  # «14.05-15.05.2019», «14-15.05.2019», «з 02.11.2020 по 27.11.2020»
        _compile(
            rf"""(?:{WORD_START}{RANGE_FROM}\s+)?{NUMERIC_START}
            {DAY('d1')}(?:\.{MONTH_NUMBER('m1')})?(?:\.{YEAR('y1', two_digits=True)})?{YEAR_WORD}   # start: day[.month[.year]]
            (?:\s?-\s?|\s+{RANGE_TO}\s+)                                                            # «-» or «по»/«до»
            {DAY('d2')}\.{MONTH_NUMBER('m2')}\.{YEAR('y2', two_digits=True)}{NUMERIC_END}{YEAR_WORD}""",
        ),
        _day_range,
        needs=NUMERIC_DAY_MONTH,
    ),
    Rule(
        "word_range",  # «з 16 липня по 15 серпня 2019 року», «16-18 липня 2019 р.»
        _compile(
            rf"""(?:{WORD_START}{RANGE_FROM}\s+)?{NUMERIC_START}
            {DAY('d1')}(?:\s+{MONTH('m1')})?(?:\s+{YEAR('y1')}{YEAR_WORD})?   # start, maybe without month or year
            (?:\s?-\s?|\s+{RANGE_TO}\s+)
            {DAY('d2')}\s+{MONTH('m2')}{WORD_END}(?:\s+{YEAR('y2')}{YEAR_WORD})?""",
        ),
        _day_range,
        needs=DIGIT,
    ),
    Rule(
        "month_range",  # «липні-вересні 2021 р.», «з жовтня по грудень 2019 року»
        _compile(
            rf"""(?:{WORD_START}{RANGE_FROM}\s+)?{WORD_START}{MONTH('m1')}
            (?:\s?-\s?|\s+{RANGE_TO}\s+)
            {MONTH('m2')}{WORD_END}(?:\s+{YEAR('y')}{YEAR_WORD})?""",
        ),
        _month_range,
    ),
    Rule("numeric_date", _compile(rf"{NUMERIC_START}{NUMERIC}{NUMERIC_END}{YEAR_WORD}"), _single_day, needs=NUMERIC_DAY_MONTH),
    Rule(
        "word_date",  # «13 лютого 2019 р.»; without a year it takes the report's year
        _compile(rf"{NUMERIC_START}{DAY('d')}\s+{MONTH('m')}{WORD_END}(?:\s+{YEAR('y')}{YEAR_WORD})?"),
        _single_day,
        needs=DIGIT,
    ),
    Rule("month_year", _compile(rf"{WORD_START}{MONTH('m')}\s+{YEAR('y')}{YEAR_WORD}"), _month_year, needs=DIGIT),
    Rule(
        "quarter",  # «ІІІ квартал 2019 року», «2-го кварталу», «у IV кварталі»
        _compile(rf"{WORD_START}{PERIOD}\s+{QUARTER_WORD}{WORD_END}(?:\s+{YEAR('y')}{YEAR_WORD})?"),
        _quarter,
        needs=_compile(QUARTER_WORD),
    ),
    Rule(
        "half_year",  # «І півріччя 2020 року», «у II півріччі»
        _compile(rf"{WORD_START}{PERIOD}\s+{HALF_YEAR_WORD}{WORD_END}(?:\s+{YEAR('y')}{YEAR_WORD})?"),
        _half_year,
        needs=_compile(HALF_YEAR_WORD),
    ),
)

AS_OF = re.compile(rf"{WORD_START}{alternation(date_words()['as_of'])}\s*$", re.IGNORECASE)


@lru_cache(maxsize=20_000)
def _rule_matches(text: str) -> tuple[tuple[int, re.Match[str]], ...]:
    """The date rules' matches in a text, kept: each status is read without a year and again with
    its report's (`acnlp.extract.pipeline`), and only the converters read the year."""
    return rule_matches(text, RULES)


def extract_dates(text: str, *, year: Optional[int] = None) -> list[DateMention]:
    """Dates in a normalised text, in order; ``year`` (the report's) completes «у ІІІ кварталі»
    and «13 лютого».

    >>> [(d.value, d.kind) for d in extract_dates("станом на 25.09.2019 у ІІІ кварталі", year=2019)]
    [('2019-09-25', 'as_of'), ('2019-Q3', 'period')]
    """
    found_dates = resolve(_rule_matches(text), RULES, year)
    # most texts hold no date, and then there is no need to look for document numbers
    numbers = signed_numbers(text) if found_dates else []
    mentions = []
    for found in found_dates:
        mention = found.value
        if overlaps(mention.start, mention.end, numbers):
            continue  # «№ 01.12.2023-к»: the digits of a document number are no date
        if mention.kind == "date" and mention.precision == "day" and AS_OF.search(text, max(0, mention.start - 20), mention.start):
            mention = DateMention(mention.text, mention.start, mention.end, mention.value, "day", "as_of")
        mentions.append(mention)
    return mentions


#: A year named alone («на 2019 рік», «протягом 2019 року», «2017-2020 роки»: the last year
#: counts; Russian «на 2017 год»). Not a date, but it bounds a deadline or the period of a report.
YEAR_MENTION = re.compile(
    r"(?<!\d)(?:(?:19|20)\d\d\s?-\s?)?(?P<year>(?:19|20)\d\d)\s?(?:рік|року|році|роки|років|р\.|р|год|года|году|г\.|г)(?![\w'])",
    re.IGNORECASE,
)


def month_end(year: int, month: int) -> dt.date:
    """The last day of a month.

    >>> month_end(2020, 2)
    datetime.date(2020, 2, 29)
    """
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _months(mention: DateMention) -> tuple[int, int, int]:
    """The year and the first and last month a month-or-wider mention covers."""
    value = mention.until or mention.value
    year = int(mention.value[:4])
    if mention.precision == "quarter":
        return year, 3 * int(value[-1]) - 2, 3 * int(value[-1])
    if mention.precision == "half_year":
        return year, 6 * int(value[-1]) - 5, 6 * int(value[-1])
    return year, int(mention.value[5:7]), int(value[5:7])


def first_day(mention: DateMention) -> dt.date:
    """The first day a mention covers.

    >>> first_day(extract_dates("ІІ півріччя 2019 року")[0]), first_day(extract_dates("14.05-15.05.2019")[0])
    (datetime.date(2019, 7, 1), datetime.date(2019, 5, 14))
    """
    if mention.precision == "day":
        return dt.date.fromisoformat(mention.value)
    year, first, _ = _months(mention)
    return dt.date(year, first, 1)


def last_day(mention: DateMention) -> dt.date:
    """The last day a mention covers: the day itself, the month's, quarter's or half-year's end,
    a range's end.

    >>> last_day(extract_dates("ІІІ квартал 2019 року")[0]), last_day(extract_dates("лютий 2020 р.")[0])
    (datetime.date(2019, 9, 30), datetime.date(2020, 2, 29))
    """
    if mention.precision == "day":
        return dt.date.fromisoformat(mention.until or mention.value)
    _, _, last = _months(mention)
    return month_end(int((mention.until or mention.value)[:4]), last)
