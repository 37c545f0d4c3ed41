"""Document references: «наказ ДМС від 26.02.2019 № 29/аг «Про затвердження …»».

The grammar has three pieces, assembled bottom-up:

- a document number (`acnlp.extract.document_numbers`): «№ 29/аг», «N 114-р», «No 41»,
  «вих. № 7/14.3», «№№ 18, 19», «протоколами № 1, 2, 3», «за № 1479/29609»;
- a day date (from `acnlp.extract.dates`), usually after «від»;
- `DOC_TYPE`: a document word before them, recognised by its lemma (``document_types.txt``).

A *core* is a number and/or a date standing next to each other, in either order («від DATE
№ N», «№ N від DATE», «DATE № N»). Each core looks back for its document word, within its own
clause; what stands between the two is the issuer («ДМС», «голови райдержадміністрації») or
the title in «…». A core with no document word of its own that continues a list («протокол
№ 1 від …, № 2 від …») takes the type of the item before it.

>>> [(r.type, r.number, r.date, r.issuer) for r in extract_orders("наказ ДМС від 26.02.2019 № 29/аг")]
[('наказ', '29/аг', '2019-02-26', 'ДМС')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Optional

from ..data import load_lexicon
from .dates import extract_dates
from .document_numbers import DocumentNumber, document_numbers
from .lemmas import lemmas_of, parses
from .mentions import DateMention, DocRef

#: What may stand between a number and a date of one core: «№ 5 від 30.09.2019», «22.12.2023 № 389».
#: («от» is Russian «від», «г.»/«года» Russian «р.»/«року».)
CORE_GAP = re.compile(r"\s*(?:,\s*)?(?:(?:від|за|от)\s+)?$|\s*(?:р|г)\.\s*(?:за\s+)?$|\s*(?:року|года)\s*(?:за\s+)?$")
#: What may stand between two items of a list: «протокол № 1 від …, № 2 від …», «… та від …».
LIST_GAP = re.compile(r"^\s*\)?\s*(?:[,;]\s*)?(?:та|і|й|и|а також)?\s*(?:-\s*)?(?:(?:від|от)\s*)?$")
#: A remark in brackets between list items: «від … № 341 (управління освіти), від … № 398».
REMARK = re.compile(r"\([^()]*\)")
#: «від» right before a date: the date of a document.
DATE_AFTER_FROM = re.compile(r"(?<![\w'])(?:від|от)\s*$", re.IGNORECASE)
#: «затвердженого 27.02.2019»: a participle of approval before a date dates the document it
#: agrees with, however far back that stands («Плану-графіка …, затвердженого 27.02.2019»).
#: Not the impersonal «затверджено 22.01.2018», which says when something happened.
#: Both markers are short: they are looked for in this many characters before a date.
MARKER_REACH = 20
DATE_AFTER_APPROVAL = re.compile(r"(?<![\w'])затверджен(?:ого|ий|ій|ої|ою|им|ому|а|е|их|і)\s*$", re.IGNORECASE)
#: Where a clause ends, a document word does not reach across.
CLAUSE_END = re.compile(r"[.;:!?](?:\s|$)|\(|\)|\n")
WORD = re.compile(r"[\w'][\w'/-]*")
ABBREVIATION = re.compile(r"(?<![\w'])(?:р|г|ст|п|ч|вул|м|обл|ім)$")
#: «Наказ зареєстровано в Міністерстві юстиції 28.12.2023 за № 2231/41287»: the registration is
#: a reference of its own, with no type (GUIDELINES §3), whatever document word stands before it.
#: So is a number with a registration mark («Проєкт закону (реєстр. № 9401)»: the bill's number in
#: parliament's register, not a law's).
REGISTRATION = re.compile(r"(?<![\w'])(?:(?:зареєстрован|зарегистрирован)\w*|реєстр\.|рег\.)", re.IGNORECASE)
LIST_OPENING = re.compile(r"\s*-?\s*(?:(?:від|от)\s*)?")
#: How many words a document word may stand before its number or date («розпорядження голови
#: обласної державної адміністрації - керівника обласної військово-цивільної адміністрації від …»).
MAX_WORDS_BEFORE = 14
#: A reference by date alone keeps its document word closer («акт інвентаризації від 30.11.2020»).
MAX_WORDS_BEFORE_DATE = 4
FROM_OR_AT = re.compile(r"[\s,]*(?:від|от|за|затверджен(?:ого|ий|ій|ої|ою|им|ому|а|е|их|і))\s*$", re.IGNORECASE)
TITLE_AFTER = re.compile(r"\s*,?\s*")
#: «наказ про затвердження плану»: what follows these names what a document is about.
ABOUT = frozenset({"про", "щодо", "стосовно", "о", "об"})
#: How many words may stand between «про» and a document word it is about.
MAX_WORDS_ABOUT = 4
PHRASE_BREAK = re.compile(r"[,;:()«»]")

@lru_cache(maxsize=1)
def document_types() -> dict[tuple[str, ...], str]:
    """Lemma sequences → the type they name («службовий записка» → «службова записка»)."""
    table = {}
    for fields in load_lexicon("document_types.txt"):
        table[tuple((fields[1] if len(fields) > 1 else fields[0]).split())] = fields[0]
    return table


@lru_cache(maxsize=1)
def issuer_words() -> frozenset[str]:
    return frozenset(fields[0] for fields in load_lexicon("issuer_words.txt"))


@dataclass(frozen=True)
class _Core:
    """A number and/or a date standing together; ``date_first`` for «від DATE № N»."""

    start: int
    end: int
    number: Optional[str] = None
    date: Optional[str] = None
    date_first: bool = False
    registered: bool = False  # its number opens with a register mark («вих. № 318»)


def _cores(text: str, dates: Sequence[DateMention], numbers: Sequence[DocumentNumber]) -> list[tuple[_Core, bool]]:
    """Numbers and day dates, joined where they stand next to each other, each with whether it
    names a document by itself.

    A date alone does only after «від» («акт від 30.11.2020»): other dates are when something
    happened, not which document it was, unless they go on a list of dated documents («акти
    від 15.03.2018, 19.06.2018»).
    """
    parts: list[tuple[int, int, str, str, bool]] = [(n.start, n.end, "number", n.number, n.registered) for n in numbers]
    parts += [(d.start, d.end, "date", d.value, False) for d in dates if d.precision == "day" and d.kind == "date"]
    parts.sort()
    cores: list[_Core] = []
    for start, end, kind, value, registered in parts:
        last = cores[-1] if cores else None
        if last is not None and getattr(last, kind) is None and CORE_GAP.match(text[last.end : start]):
            if kind == "number":
                cores[-1] = _Core(last.start, end, value, last.date, date_first=True)
            else:
                cores[-1] = _Core(last.start, end, last.number, value)
        elif kind == "number":
            cores.append(_Core(start, end, number=value, registered=registered))
        else:
            cores.append(_Core(start, end, date=value))
    return [(core, _is_reference(text, core)) for core in cores if core.number is None or _is_reference(text, core)]


def _follows(marker: re.Pattern[str], text: str, position: int) -> bool:
    """Whether ``marker`` (anchored with ``$``) ends right at ``position``."""
    return marker.search(text, max(0, position - MARKER_REACH), position) is not None


def _is_reference(text: str, core: _Core) -> bool:
    """A core names a document unless it is a date without «від» or a bare number inside a
    name («КНП «Міська лікарня № 4»»)."""
    if core.number is None:
        return _follows(DATE_AFTER_FROM, text, core.start) or _follows(DATE_AFTER_APPROVAL, text, core.start)
    return core.date is not None or not _inside_quotes(text, 0, core.start)


def _document_word(text: str, start: int, end: int) -> Optional[tuple[int, int, str]]:
    """The nearest document word in ``text[start:end]`` reading back from ``end``, skipping «…».

    A document word in what another one is about is part of its title, not the type: «Наказ
    про затвердження плану заходів видано 04.03.2025 № 46-од» is a наказ.
    """
    words = [m for m in WORD.finditer(text, start, end) if not _inside_quotes(text, start, m.start())]
    reach = max(-1, len(words) - 1 - MAX_WORDS_BEFORE)
    for index in range(len(words) - 1, reach, -1):
        found = _type_ending_at(words, index)
        if found is None:
            continue
        for about in range(index - 1, max(reach + 1, index - 1 - MAX_WORDS_ABOUT), -1):
            if not _names_what_about(text, words, about, index):
                continue
            if (head := _type_ending_at(words, about - 1)) is not None:
                return head
        return found
    return None


def _names_what_about(text: str, words: Sequence[re.Match[str]], about: int, index: int) -> bool:
    """Whether ``words[about]`` opens a «про …» phrase that runs on, as one noun phrase, to the
    document word ``words[index]``: «про затвердження плану», not «Положення про особу
    затверджено наказом» (a verb, and the instrument's case) nor «…, про що повідомлено листом»."""
    if words[about].group().lower() not in ABOUT or words[about + 1].group().lower() in ("що", "что"):
        return False
    if PHRASE_BREAK.search(text, words[about].end(), words[index].start()):
        return False
    if any(p.tag.POS == "VERB" for w in words[about + 1 : index] for p in parses(w.group())):
        return False
    return any(case in p.tag for p in parses(words[index].group()) for case in ("gent", "accs", "loct"))


def _type_ending_at(words: Sequence[re.Match[str]], index: int) -> Optional[tuple[int, int, str]]:
    """The document word (one or two words) that ends with ``words[index]``: its span and type."""
    if index < 0:
        return None
    word = words[index]
    for lemmas, type_ in document_types().items():
        if len(lemmas) == 2 and index > 0 and lemmas[0] in lemmas_of(words[index - 1].group()) and lemmas[1] in lemmas_of(word.group()):
            return words[index - 1].start(), word.end(), type_
        if len(lemmas) == 1 and lemmas[0] in lemmas_of(word.group()):
            return word.start(), word.end(), type_
    return None


def _search_start(text: str, previous_end: int, position: int) -> int:
    """Where a core's document word may stand: its clause, or inside the quotation it stands in
    («Відповідь виконавця: «Приказом ДФС від 12.04.2021 № 45 …»»), where words are not a title."""
    start = _clause_start(text, previous_end, position)
    depth = 0
    for index in range(position - 1, start - 1, -1):
        depth += {"»": 1, "«": -1}.get(text[index], 0)
        if depth < 0:
            return index + 1
    return start


def _inside_quotes(text: str, start: int, position: int) -> bool:
    return text.count("«", start, position) > text.count("»", start, position)


def _quoted(text: str, position: int) -> Optional[tuple[str, int]]:
    """The text of a «…» (nesting allowed) opening at ``position``, and where it closes."""
    if position >= len(text) or text[position] != "«":
        return None
    depth = 0
    for index in range(position, len(text)):
        depth += {"«": 1, "»": -1}.get(text[index], 0)
        if depth == 0:
            return text[position + 1 : index], index + 1
    return None


def _clause_start(text: str, limit: int, position: int) -> int:
    """Where the clause holding ``position`` starts (not before ``limit``). Dots of
    abbreviations («р.», «ст.») do not end it; nor does a colon or bracket that opens a list of
    references («прийнято рішення: - від … № 14», «2 накази (№ 134 від …, № 287 від …)»)."""
    start = limit
    for match in CLAUSE_END.finditer(text, limit, position):
        if _inside_quotes(text, limit, match.start()) or ABBREVIATION.search(text, max(limit, match.start() - 4), match.start()):
            continue
        if match.group()[0] in ":(" and LIST_OPENING.fullmatch(text, match.end(), position):
            continue
        start = match.end()
    return start


def _issuer(between: str) -> Optional[str]:
    """The words between a document word and its core, when they name who issued it."""
    words = between.strip(" ,:;-")
    first = WORD.match(words)
    if not words or first is None:
        return None
    if words[0].isupper() or lemmas_of(first.group()) & issuer_words():
        return words
    return None


def extract_orders(text: str, *, dates: Optional[Sequence[DateMention]] = None,
                   numbers: Optional[Sequence[DocumentNumber]] = None) -> list[DocRef]:
    """Document references in a normalised text, in order. Pass ``dates`` and ``numbers``
    (`document_numbers`) if you have them.

    >>> [(r.type, r.number, r.date) for r in extract_orders("протокол № 1 від 24.01.2019, № 2 від 25.02.2019")]
    [('протокол', '1', '2019-01-24'), ('протокол', '2', '2019-02-25')]
    """
    if dates is None:
        dates = extract_dates(text)
    if numbers is None:
        numbers = document_numbers(text)
    references: list[DocRef] = []
    cores: list[_Core] = []
    previous_end = 0
    for core, names_document in _cores(text, dates, numbers):
        continues = bool(references) and LIST_GAP.match(REMARK.sub("", text[previous_end : core.start])) is not None
        if not names_document and not (continues and references[-1].number is None and references[-1].date is not None):
            continue
        search_from = _search_start(text, previous_end, core.start)
        document = _document_word(text, search_from, core.start) if names_document else None
        if document is not None and core.number is not None and (
                REGISTRATION.search(text, document[1], core.start) or (core.registered and REGISTRATION.match(text, core.start))):
            document = None
        type_, start, issuer, title = None, core.start, None, None
        if document is not None:
            start, type_ = document[0], document[2]
            head = FROM_OR_AT.sub("", text[document[1] : core.start]).strip(" ,")
            quoted = _quoted(head, 0)
            if quoted is not None and quoted[1] == len(head):
                title = quoted[0]  # «рішення «Про …» від …»: the title stands before the core
            elif core.number is None and len(WORD.findall(head)) > MAX_WORDS_BEFORE_DATE and not _follows(DATE_AFTER_APPROVAL, text, core.start):
                continue  # a date alone needs its document word close by
            else:
                issuer = _issuer(head)
        elif continues:
            type_ = references[-1].type
        elif core.number is None or (core.date is None and not core.registered
                                     and not REGISTRATION.search(text, search_from, core.start)):
            # «корпусу № 2», «кабінет № 5»: a number alone names a room or a building; a
            # registered one («вих. № 318», «зареєстровано у Верховній Раді за № 11071») names
            # a document without a document word or a date
            continue
        if document is None and (opening := DATE_AFTER_FROM.search(text, max(0, core.start - MARKER_REACH), core.start)):
            start = opening.start()  # a list item's span keeps its «від»: «…, від 22.03.2019 № 41/аг»
        end = core.end
        after = TITLE_AFTER.match(text, end)
        quoted = _quoted(text, after.end()) if after else None
        if quoted is not None and title is None:
            title = quoted[0]
        reference = DocRef(text[start:end], start, end, type_, core.number, core.date, issuer, title)
        if document is None and continues:
            reference, references[-1] = _share_date(references[-1], cores[-1], reference, core)
        references.append(reference)
        cores.append(core)
        previous_end = quoted[1] if quoted is not None else end
    return references


def _share_date(previous: DocRef, previous_core: _Core, current: DocRef, core: _Core) -> tuple[DocRef, DocRef]:
    """Items of one list share a date written once: «від 12.01.2021 №№ 8, 9» gives 9 the date
    before it; «№№ 18, 19 від 03.02.2020» gives 18 the date after it."""
    if current.date is None and previous.date is not None and previous_core.date_first:
        return replace(current, date=previous.date), previous
    if previous.date is None and current.date is not None and not core.date_first:
        return current, replace(previous, date=current.date)
    return current, previous
