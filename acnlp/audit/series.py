"""Compare periods: the same body's reports for several periods, each measure linked to itself.

A quarterly or annual report that copies last period's answer unchanged is one of the commonest
signs of a formal, empty report. `plan_series` groups an audit's inputs into series: reports
whose titles name the same body once their periods are taken out («… за ІІІ квартал 2019 року
…» and «… за IV квартал 2019 року …»), or every input under ``--series NAME``, each series in
the order of the periods the titles give (`acnlp.audit.period`). The reports of a series are
then audited one after the other, and a `SeriesLinker` links each row to the same measure in
every earlier period and flags ``repeated_answer`` where its answer is that period's again.

Memory does not grow with the reports' text: an earlier period is kept as one `RowKey` a row
(its number, hashes of its normalised measure and answer, a bottom-k sketch of each, its
label), never as its rows. Texts are compared by the Jaccard similarity of their character
4-gram sets, estimated from the sketches (exact when a text has at most `SKETCH_SIZE` distinct
4-grams, as most answers do).

How a measure is linked to an earlier period's (tolerant of small edits):

1. a row with the same number (and sub-number) whose measure is at least `SAME_NUMBER_MEASURE`
   similar, the most similar first;
2. else a row whose normalised measure is the same, whatever its number (renumbered);
3. else a row whose measure is at least `RENUMBERED_MEASURE` similar (renumbered and edited).

A row already linked is taken only when no other candidate qualifies.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Optional

from ..analyzer import analysed_part
from ..normalize import normalize
from .flags import EMPTY, answer_key

#: Characters a shingle holds: 4-grams keep a one-word edit local (it changes ~4+len shingles).
SHINGLE = 4
#: Hashes kept per text (the k of the bottom-k sketch): 64 four-byte hashes, 256 bytes a text.
SKETCH_SIZE = 64
#: How many of a measure's smallest hashes index it for the fuzzy look-up (similar measures
#: share their smallest hash with a probability equal to their similarity).
INDEX_HASHES = 4
#: A measure under the same number is the same measure when this similar (its wording edited).
SAME_NUMBER_MEASURE = 0.5
#: A measure under another number is the same measure only when this similar.
RENUMBERED_MEASURE = 0.8
#: How much of a measure the series section quotes.
QUOTED = 300


def text_key(text: str) -> str:
    """A text reduced for comparison: normalised (`acnlp.normalize`), lowercase words only.

    >>> text_key("Виконано.") == text_key("  ВИКОНАНО ") == "виконано"
    True
    >>> text_key("Наказ від 01.02.2019 № 5-к")
    'наказ від 01 02 2019 5 к'
    """
    return answer_key(normalize(analysed_part(text or "")))


def _hash(piece: str) -> int:
    # hashlib, not hash(): workers are other processes, and str hashes differ between processes
    return int.from_bytes(hashlib.blake2b(piece.encode("utf-8"), digest_size=4).digest(), "little")


def exact_hash(key: str) -> int:
    """A 64-bit hash of a text key (0 for an empty one), to tell identical texts apart cheaply."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little") if key else 0


def sketch(key: str) -> bytes:
    """The bottom-k sketch of a text key: the `SKETCH_SIZE` smallest hashes of its character
    4-grams, ascending, packed as unsigned 32-bit integers.

    >>> len(sketch("виконано")) // 4, sketch("") == b""
    (5, True)
    """
    if not key:
        return b""
    shingles = {key[i : i + SHINGLE] for i in range(max(1, len(key) - SHINGLE + 1))}
    return array("I", sorted({_hash(piece) for piece in shingles})[:SKETCH_SIZE]).tobytes()


def similarity(a: bytes, b: bytes) -> float:
    """The Jaccard similarity of two texts' 4-gram sets, estimated from their sketches: of the
    k smallest hashes of both, the share found in both (exact when both sets are under k).

    >>> similarity(sketch("виконано"), sketch("виконано"))
    1.0
    >>> round(similarity(sketch("проведено 5 засідань комісії"), sketch("проведено 6 засідань комісії")), 2)
    0.72
    >>> similarity(sketch(""), sketch("виконано"))
    0.0
    """
    if not a or not b:
        return 1.0 if a == b else 0.0
    first, second = set(array("I", a)), set(array("I", b))
    smallest = sorted(first | second)[:SKETCH_SIZE]
    return sum(1 for value in smallest if value in first and value in second) / len(smallest)


@dataclass(frozen=True, slots=True)
class RowKey:
    """All a later period needs of one row: ~600 bytes, whatever the length of its text."""

    index: int
    number: str
    measure_hash: int
    measure_sketch: bytes
    answer_hash: int  # 0: an empty answer (nothing to have copied)
    answer_sketch: bytes
    label: Optional[str]

    @classmethod
    def of(cls, row: Mapping[str, Any]) -> RowKey:
        """The key of an audited row (``index``, ``number``, ``sub_number``, ``measure``, ``status``, ``label``)."""
        measure, status = text_key(row.get("measure") or ""), row.get("status") or ""
        answer = "" if EMPTY.match(status.strip()) else text_key(status)
        number = " ".join(str(part).strip().rstrip(".)").strip() for part in (row.get("number"), row.get("sub_number")) if part)
        return cls(int(row.get("index") or 0), number, exact_hash(measure), sketch(measure), exact_hash(answer), sketch(answer), row.get("label"))


@dataclass
class Period:
    """One earlier report of the series as the later ones see it: its keys, indexed for look-up."""

    report: str
    period: str
    period_end: Optional[str]
    keys: list[RowKey] = field(default_factory=list)
    by_number: dict[str, list[int]] = field(default_factory=dict)
    by_measure: dict[int, list[int]] = field(default_factory=dict)
    by_hash: dict[int, list[int]] = field(default_factory=dict)

    def add(self, key: RowKey) -> None:
        position = len(self.keys)
        self.keys.append(key)
        if key.number:
            self.by_number.setdefault(key.number, []).append(position)
        self.by_measure.setdefault(key.measure_hash, []).append(position)
        for value in array("I", key.measure_sketch)[:INDEX_HASHES]:
            self.by_hash.setdefault(value, []).append(position)

    def match(self, key: RowKey, used: set[int]) -> Optional[tuple[RowKey, float]]:
        """The row of this period that is ``key``'s measure, with the measures' similarity (see the module's rules)."""
        rules = (
            (self.by_number.get(key.number, []) if key.number else [], SAME_NUMBER_MEASURE),
            (self.by_measure.get(key.measure_hash, []) if key.measure_hash else [], 1.0),
            ({p for value in array("I", key.measure_sketch)[:INDEX_HASHES] for p in self.by_hash.get(value, [])}, RENUMBERED_MEASURE),
        )
        for candidates, least in rules:
            scored = [(similarity(key.measure_sketch, self.keys[p].measure_sketch), p) for p in sorted(candidates)]
            scored = [(score, p) for score, p in scored if score >= least or self.keys[p].measure_hash == key.measure_hash]
            if scored:
                # the most similar, a row not linked yet before one that is, then the earliest
                score, position = max(scored, key=lambda pair: (pair[0], pair[1] not in used, -pair[1]))
                used.add(position)
                return self.keys[position], score
        return None


@dataclass
class SeriesState:
    """What a series carries from one report to the next: the earlier periods' keys and figures,
    and the measures found done after being in progress so far. Picklable (workers pass it on)."""

    name: str
    threshold: float
    periods: list[Period] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)
    done_after_in_progress: list[dict[str, Any]] = field(default_factory=list)


def quoted(text: str) -> str:
    """A measure as the series section quotes it: normalised, at most `QUOTED` characters."""
    text = normalize(text or "")
    return text if len(text) <= QUOTED else text[: QUOTED - 1].rstrip() + "…"


class SeriesLinker:
    """Links the rows of one report, as they are audited, to the series' earlier periods.

    ``link(row)`` is called once per audited row, in order; it returns what the row's output
    carries (``series``: the linked rows of earlier periods) and whether the answer repeats an
    earlier one, and keeps the row's key for the periods after. ``finish(summary)`` gives the
    series section of this report's summary and the state for the next report.
    """

    def __init__(self, state: SeriesState, report: str, period: str, period_end: Optional[str]) -> None:
        self.state = state
        self.current = Period(report, period, period_end)
        self.used: list[set[int]] = [set() for _ in state.periods]
        self.repeated = 0
        self.linked = 0
        self.unchanged: list[dict[str, Any]] = []
        self.done_after: list[dict[str, Any]] = []

    def link(self, row: Mapping[str, Any]) -> tuple[list[dict[str, Any]], bool]:
        """The row's links to earlier periods (latest first) and whether its answer repeats one."""
        key = RowKey.of(row)
        self.current.add(key)
        links: list[dict[str, Any]] = []
        for period, used in zip(reversed(self.state.periods), reversed(self.used)):
            found = period.match(key, used)
            if found is None:
                continue
            earlier, measure_similarity = found
            same = bool(key.answer_hash) and (
                key.answer_hash == earlier.answer_hash or similarity(key.answer_sketch, earlier.answer_sketch) >= self.state.threshold
            )
            links.append({
                "report": period.report, "period": period.period, "index": earlier.index, "number": earlier.number,
                "label": earlier.label, "measure_similarity": round(measure_similarity, 3),
                "answer_similarity": round(1.0 if key.answer_hash and key.answer_hash == earlier.answer_hash
                                           else similarity(key.answer_sketch, earlier.answer_sketch), 3),
                "same_answer": same,
            })  # fmt: skip
        if not links:
            return links, False
        self.linked += 1
        repeated = any(link["same_answer"] for link in links)
        self.repeated += repeated
        shown = {"index": key.index, "number": key.number, "measure": quoted(str(row.get("measure") or ""))}
        if len(links) == len(self.state.periods) and all(link["same_answer"] for link in links):
            self.unchanged.append(shown)
        previous = links[0]
        if previous["label"] == "in_progress" and key.label == "done":
            self.done_after.append({**shown, "from": previous["report"], "from_period": previous["period"],
                                    "to": self.current.report, "to_period": self.current.period})  # fmt: skip
        return links, repeated

    def finish(self, summary: Mapping[str, Any]) -> tuple[dict[str, Any], SeriesState]:
        """The series section of this report's summary (every period up to this one), and the
        state the next report of the series starts from."""
        figures = {
            "report": self.current.report, "period": self.current.period, "period_end": self.current.period_end,
            "rows": summary.get("rows", 0), "labels": dict(summary.get("labels") or {}), "no_answer": summary.get("no_answer", 0),
            "linked": self.linked, "repeated_answer": self.repeated,
        }  # fmt: skip
        state = SeriesState(
            self.state.name, self.state.threshold, [*self.state.periods, self.current],
            [*self.state.figures, figures], [*self.state.done_after_in_progress, *self.done_after],
        )  # fmt: skip
        section = {
            "name": state.name,
            "periods": state.figures,
            # measures whose answer is the same in every period of the series so far
            "unchanged": self.unchanged if self.state.periods else [],
            "done_after_in_progress": state.done_after_in_progress,
        }
        return section, state


# --- Grouping an audit's inputs into series ---

#: Words of a report form that say nothing of the body; dropped so two forms of one body match.
TITLE_NOISE = re.compile(r"_+|\([^()]*найменування[^()]*\)", re.IGNORECASE)
#: A preposition right before a period («за», «на», «у»): it says nothing once the period is gone.
DANGLING = re.compile(r"(?<![\w'])(?:за|на|у|в|до)\s+$", re.IGNORECASE)


def without_periods(title: str) -> str:
    """A title normalised, without its periods («за ІІІ квартал 2019 року», «на 2019 рік») or the form's blanks.

    >>> without_periods("Звіт ____ за ІІІ квартал 2019 року про виконання програми ДМС на 2019 рік")
    'Звіт про виконання програми ДМС'
    """
    from ..extract.dates import YEAR_MENTION, extract_dates
    from .period import MONTHS_IN_TITLE

    text = normalize(TITLE_NOISE.sub(" ", title or ""))
    spans = [(d.start, d.end) for d in extract_dates(text)] + [(m.start(), m.end()) for m in (*YEAR_MENTION.finditer(text), *MONTHS_IN_TITLE.finditer(text))]
    chars = list(text)
    for start, end in spans:  # blanked, not cut, so overlapping spans keep their offsets
        before = DANGLING.search(text, 0, start)  # «за» of «за ІІІ квартал 2019 року» goes with it
        start = before.start() if before else start
        chars[start:end] = " " * (end - start)
    return " ".join("".join(chars).split())


def body_key(title: str) -> str:
    """What stays the same in a body's titles from one period to the next: the title without
    periods, lowercase words only, no numbers.

    >>> body_key("Звіт за ІІІ квартал 2019 року про виконання програми ДМС на 2019 рік") == \\
    ...     body_key("ЗВІТ за IV квартал 2020 року про виконання програми ДМС на 2020 рік")
    True
    """
    return " ".join(word for word in re.findall(r"[\w']+", without_periods(title).lower()) if not word.isdigit())


@dataclass(frozen=True)
class Member:
    """One input as series planning sees it: its position among the inputs, body, period."""

    position: int
    path: str
    body: str
    period_end: Optional[str]
    period: str
    title: str


@dataclass
class SeriesPlan:
    """How an audit runs its inputs: ``chains`` of input positions, each audited in order (a
    series, earliest period first, or a single report), the name of each chain's series (None
    for a single report), and notes on inputs that could not join their series."""

    chains: list[list[int]]
    names: list[Optional[str]]
    notes: list[str] = field(default_factory=list)


def read_members(paths: Sequence[Any], limits: Any = None) -> list[Optional[Member]]:
    """Each input's body and period, read from its title (an input that cannot be read is None:
    it stands alone, and the audit reports why). Only the title is read out: the rows below
    the header are parsed but not assembled, so this costs little memory and time."""
    from ..errors import AcnlpError
    from ..io.limits import DEFAULT_LIMITS
    from ..io.reader import read_title
    from .period import report_period

    members: list[Optional[Member]] = []
    for position, path in enumerate(paths):
        try:
            title = read_title(str(path), limits or DEFAULT_LIMITS)
        except (AcnlpError, OSError):
            members.append(None)
            continue
        period = report_period(title)
        members.append(Member(position, str(path), body_key(title), period.end.isoformat() if period.end else None, period.text, title))
    return members


def plan_series(members: Sequence[Optional[Member]], series: Optional[str] = None) -> SeriesPlan:
    """Group inputs into series: by body (`body_key`), or all of them under ``series``. A
    ``None`` member (an input whose title could not be read) stands alone; so does a report
    without a period in its title, or with the same period as an earlier input of its series
    (each with a note). Chains keep the order of their first input.

    >>> m = [Member(0, "q4.txt", "звіт", "2019-12-31", "IV квартал 2019 року", "Звіт за IV квартал 2019 року"),
    ...      Member(1, "other.txt", "інше", "2019-09-30", "", "Інше"),
    ...      Member(2, "q3.txt", "звіт", "2019-09-30", "ІІІ квартал 2019 року", "Звіт за ІІІ квартал 2019 року")]
    >>> plan = plan_series(m)
    >>> plan.chains, plan.names
    ([[2, 0], [1]], ['Звіт', None])
    """
    from ..errors import E

    groups: dict[str, list[Member]] = {}
    alone: list[int] = []
    notes: list[str] = []
    for position, member in enumerate(members):
        if member is None:
            alone.append(position)
            continue
        group = series if series is not None else member.body
        if member.period_end is None:
            if series is not None:
                notes.append(E.SERIES_NO_PERIOD.format(path=member.path, series=series, title=" ".join(member.title.split())))
            alone.append(position)
            continue
        same = next((other for other in groups.get(group, []) if other.period_end == member.period_end), None)
        if same is not None:
            notes.append(E.SERIES_SAME_PERIOD.format(path=member.path, period=member.period or member.period_end, other=same.path))
            alone.append(position)
            continue
        groups.setdefault(group, []).append(member)
    chains: list[tuple[int, list[int], Optional[str]]] = []
    for group, found in groups.items():
        if len(found) == 1:
            alone.append(found[0].position)
            continue
        ordered = sorted(found, key=lambda member: member.period_end or "")
        chains.append((min(m.position for m in found), [m.position for m in ordered], series if series is not None else without_periods(ordered[0].title)))
    chains += [(position, [position], None) for position in alone]
    chains.sort(key=lambda chain: chain[0])
    return SeriesPlan([chain for _, chain, _ in chains], [name for _, _, name in chains], notes)


def label_shares(periods: Iterable[Mapping[str, Any]]) -> list[dict[str, float]]:
    """Each period's label shares (empty answers apart, as ``no_answer``), for the chart.

    >>> label_shares([{"rows": 4, "labels": {"done": 2, "boilerplate": 2}, "no_answer": 1}])
    [{'done': 0.5, 'boilerplate': 0.25, 'no_answer': 0.25}]
    """
    shares = []
    for period in periods:
        rows = period.get("rows") or 0
        counts = dict(period.get("labels") or {})
        if "boilerplate" in counts:
            counts["boilerplate"] -= period.get("no_answer") or 0
        counts["no_answer"] = period.get("no_answer") or 0
        shares.append({label: round(count / rows, 3) if rows else 0.0 for label, count in counts.items()})
    return shares
