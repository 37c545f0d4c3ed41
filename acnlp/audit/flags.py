"""Flags for auditors: the weak answers of a report, each with a short reason in Ukrainian and English.

Row flags look at one row (its label, scores, evidence, deadline); `duplicate_answers` looks
across a report, and ``repeated_answer`` across the periods of a series (`acnlp.audit.series`).
Explanations live in ``acnlp/data/flags.json``; the thresholds (``restates_measure``,
``low_confidence``, ``repeated_answer``) in ``acnlp/data/flag_thresholds.json``, written by
``training/calibrate_flags.py`` from the corpus.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Optional

from ..classify.features import analysis, count_phrases, vague_markers
from ..extract.mentions import Count, DocRef, Extraction

#: Parts of speech that carry what an answer is about; the rest («з», «та», «щодо») do not.
CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV", "PROPN"})
#: Placeholders that mean "nothing": «-», «х», «—», «.».
#: No answer: nothing but punctuation, dashes or «х». A «+» is the monitoring tables' «виконано»
#: (corpus/GUIDELINES.md, categorical statuses), an answer without evidence, not an empty one.
EMPTY = re.compile(r"^(?!.*\+)[\W_хx]*$", re.IGNORECASE)
#: Labels whose rows should be finished by their deadline.
UNFINISHED = frozenset({"in_progress", "boilerplate"})
#: How far after a count its list of documents may start: «5 засідань комісії (протокол № 1 …».
LIST_REACH = 60


@lru_cache(maxsize=1)
def flag_texts() -> dict[str, dict[str, str]]:
    """Flag code → ``{"name": …, "uk": …, "en": …}``, in the order flags are listed."""
    data = json.loads(resources.files("acnlp.data").joinpath("flags.json").read_text(encoding="utf-8"))
    return {code: texts for code, texts in data.items() if not code.startswith("_")}


@dataclass(frozen=True)
class Thresholds:
    """Where `restates_measure`, `low_confidence` and `repeated_answer` start (see ``flag_thresholds.json``)."""

    restates_measure: float = 0.6
    low_confidence: float = 0.6
    #: the answer-similarity (`acnlp.audit.series.similarity`) from which an answer is an earlier period's again
    repeated_answer: float = 0.85


@lru_cache(maxsize=1)
def load_thresholds() -> Thresholds:
    data = json.loads(resources.files("acnlp.data").joinpath("flag_thresholds.json").read_text(encoding="utf-8"))
    return Thresholds(restates_measure=data["restates_measure"]["threshold"], low_confidence=data["low_confidence"]["threshold"],
                      repeated_answer=data["repeated_answer"]["threshold"])  # fmt: skip


def explain(codes: Sequence[str]) -> list[dict[str, str]]:
    """The flags as the outputs carry them: code, Ukrainian and English reason, in catalogue order.

    >>> explain(["vague"])[0]["en"]
    'A general answer: it does not say what was done.'
    """
    texts = flag_texts()
    return [{"code": code, "uk": texts[code]["uk"], "en": texts[code]["en"]} for code in texts if code in codes]


def content_lemmas(text: str) -> set[str]:
    """Lemmas of the words that carry meaning (nouns, verbs, adjectives, adverbs)."""
    return {t.lemma for t in analysis(text).tokens if t.pos in CONTENT_POS}


def measure_overlap(status: str, measure: str) -> float:
    """The share of the answer's content lemmas that are its measure's.

    >>> measure_overlap("Забезпечено проведення навчань працівників", "Забезпечити проведення навчань працівників")
    1.0
    >>> measure_overlap("", "Навчання")
    0.0
    """
    answer = content_lemmas(status)
    return len(answer & content_lemmas(measure)) / len(answer) if answer and measure.strip() else 0.0


def has_evidence(extraction: Extraction) -> bool:
    """Whether the answer gives something checkable: a date, a document reference or a count."""
    return bool(extraction.dates or extraction.orders or extraction.counts)


def count_mismatches(extraction: Extraction) -> list[tuple[Count, int]]:
    """Counts followed by a list of documents of another length: «5 засідань (протокол № 1 …,
    № 2 …, № 3 …)» gives (5 засідань, 3). «протоколи № 1-3» stands for three.
    """
    found = []
    orders = sorted(extraction.orders, key=lambda ref: ref.start)
    for count in extraction.counts:
        listed = _list_after(extraction.text, count.end, orders)
        if listed and sum(_documents_in(ref) for ref in listed) != count.value:
            found.append((count, sum(_documents_in(ref) for ref in listed)))
    return found


def _list_after(text: str, position: int, orders: Sequence[DocRef]) -> list[DocRef]:
    """The references (``orders``, by start) that open within `LIST_REACH` characters after
    ``position`` (inside a bracket or after a colon) and follow each other with only
    separators between."""
    first = bisect_left(orders, position, key=lambda ref: ref.start)
    if first == len(orders) or orders[first].start - position > LIST_REACH or not re.search(r"[(:]", text[position : orders[first].start]):
        return []
    chain = [orders[first]]
    for ref in (orders[i] for i in range(first + 1, len(orders))):
        if re.fullmatch(r"[\s,;]*(?:та|і|й)?\s*", text[chain[-1].end : ref.start]) is None:
            break
        chain.append(ref)
    return chain if len(chain) > 1 or chain[0].number else []


def _documents_in(ref: DocRef) -> int:
    """«1-5» numbers five documents; anything else one."""
    match = re.fullmatch(r"(\d+)\s?-\s?(\d+)", ref.number or "")
    if match and int(match.group(1)) < int(match.group(2)):
        return int(match.group(2)) - int(match.group(1)) + 1
    return 1


def row_flags(
    row: dict[str, Any],
    extraction: Extraction,
    *,
    period_end: Optional[dt.date],
    thresholds: Thresholds,
) -> list[str]:
    """The flag codes of one audited row (``label``, ``scores``, ``measure``, ``status`` and
    ``deadline_parsed`` as `acnlp.load().analyze` gives them)."""
    codes = []
    status, label = row.get("status") or "", row["label"]
    if EMPTY.match(status.strip()):
        codes.append("empty")  # and nothing else the text would have to say
    else:
        evidence = has_evidence(extraction)
        lemmas = [t.lemma for t in analysis(status).tokens]
        if label == "boilerplate" or (count_phrases(lemmas, vague_markers()) and not evidence):
            codes.append("vague")
        if label == "done" and not evidence:
            codes.append("no_evidence")
        if measure_overlap(status, row.get("measure") or "") >= thresholds.restates_measure:
            codes.append("restates_measure")
    due = (row.get("deadline_parsed") or {}).get("due")
    if label in UNFINISHED and due and period_end and dt.date.fromisoformat(due) < period_end:
        codes.append("overdue")
    if count_mismatches(extraction):
        codes.append("count_mismatch")
    if max(row["scores"].values()) < thresholds.low_confidence:
        codes.append("low_confidence")
    return codes


def answer_key(status: str) -> str:
    """A status reduced for comparison: lowercase words only.

    >>> answer_key("Виконано.") == answer_key("  виконано ")
    True
    """
    return " ".join(re.findall(r"[\w']+", status.lower()))


def duplicate_answers(statuses: Iterable[str]) -> set[int]:
    """Indices of the non-empty answers that stand under more than one measure.

    A 16-byte digest of each answer's comparison key is kept, not the key itself, so a streamed
    report of 50,000 rows costs a few MB.

    >>> sorted(duplicate_answers(["Виконано.", "-", "виконано", "Проведено навчання", "-"]))
    [0, 2]
    """
    first: dict[bytes, int] = {}
    found: set[int] = set()
    for index, status in enumerate(statuses):
        key = answer_key(status)
        if key and not EMPTY.match(status.strip()):
            seen = first.setdefault(hashlib.blake2b(key.encode("utf-8"), digest_size=16).digest(), index)
            if seen != index:
                found.update((seen, index))
    return found
