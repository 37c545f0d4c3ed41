"""Which audited cells are most worth a human look: the picks of ``acnlp review``.

The rows come from the audit's ``NAME.jsonl`` (`audit_rows`). Each row that has an answer is a
candidate; a row with no answer (blank, «-», «х»: the guidelines make it ``boilerplate`` with
nothing to judge) and a row the audit could not label are not. A candidate is worth a look for
two reasons, in this order:

1. **the readings disagree**: the clause-by-clause reading of the guidelines
   (`acnlp.classify.reading`) gives the cell another verdict than the model's label, so one
   of the two is wrong;
2. **the model is unsure**: its top probability is low.

So candidates are ranked by (disagreement first, then the lowest top probability first, then
report and row for a stable order). The picks then spread over reports and sections: a report
gives its (k+1)-th pick only after every report with candidates left gave k, and inside a
report a section gives its (k+1)-th only after every section with candidates left gave k;
within those rounds the best-ranked candidate goes first. A candidate whose answer is a
near-duplicate of one already picked is passed over (`near_duplicate`): the reviewer's label
of one is the label of both.

Everything is deterministic: the same audit outputs give the same picks in the same order.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..audit.flags import EMPTY
from ..corpus.schema import LABELS
from ..errors import AcnlpError, E
from ..normalize import normalize

#: Two answers are near-duplicates when the Jaccard similarity of their character 5-gram
#: shingles (`shingles`) is at least this. «Виконано.» and «Виконано» are the same text
#: outright; 0.8 also catches an answer copied under another measure with a date or a
#: number changed, while two different answers that share a stock opening stay apart.
NEAR_DUPLICATE = 0.8
#: The length of a shingle, in characters of the normalised answer.
SHINGLE = 5
_WORDS = re.compile(r"[\w']+")


@dataclass(frozen=True)
class Candidate:
    """One audited row as ``acnlp review`` weighs it."""

    report: str
    index: int
    section: str
    row: dict[str, Any]  # the audit's JSONL row, as it was written
    confidence: float  # the model's top probability
    reading: str  # the verdict of the clause-by-clause reading
    deciding: str  # the clause that gave the reading's verdict ("" when none)
    text: str  # the answer reduced for the near-duplicate check (`answer_text`)

    @property
    def disagrees(self) -> bool:
        """The reading and the model give the cell different labels."""
        return self.reading != self.row["label"]

    @property
    def rank(self) -> tuple[int, float, str, int]:
        """Smaller is more worth a look: disagreements first, then the least confident."""
        return (0 if self.disagrees else 1, self.confidence, self.report, self.index)

    @property
    def reason(self) -> str:
        """Why the cell was picked, in words for the reviewer."""
        if self.disagrees:
            return f"reading says {self.reading}, model says {self.row['label']} ({self.confidence:.2f})"
        return f"model unsure ({self.confidence:.2f})"


def answer_text(status: str) -> str:
    """An answer reduced for comparison: normalised, lowercase, its words joined by single spaces.

    >>> answer_text(" Виконано. ") == answer_text("виконано")
    True
    """
    return " ".join(_WORDS.findall(normalize(status).lower()))


def shingles(text: str) -> frozenset[str]:
    """The character `SHINGLE`-grams of a reduced answer (the whole text when it is shorter).

    >>> sorted(shingles("так"))
    ['так']
    >>> len(shingles("виконано"))
    4
    """
    if len(text) <= SHINGLE:
        return frozenset({text})
    return frozenset(text[i : i + SHINGLE] for i in range(len(text) - SHINGLE + 1))


def near_duplicate(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two answers' shingle sets are at least `NEAR_DUPLICATE` alike (Jaccard).

    >>> near_duplicate(shingles(answer_text("Проведено 5 засідань комісії 12.03.2019")),
    ...                shingles(answer_text("Проведено 5 засідань комісії 12.03.2020")))
    True
    >>> near_duplicate(shingles("скарг не надходило"), shingles("навчання проведено"))
    False
    """
    return len(a & b) >= NEAR_DUPLICATE * len(a | b)


def audit_outputs(paths: Iterable[Path]) -> list[Path]:
    """The audit JSONL files given, and those inside given folders (an audit's ``-o`` folder), sorted.

    In a folder, the page's corrections (``NAME.corrections.jsonl``, saved beside the audit) and
    hidden files (an unfinished write) are not audit outputs and are passed over.
    """
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix == ".jsonl" and p.is_file() and not p.name.startswith(".")
                                and not p.name.endswith(".corrections.jsonl")))
        else:
            files.append(path)
    return files


def audit_rows(path: Path) -> Iterator[dict[str, Any] | AcnlpError]:
    """The rows of one audit ``NAME.jsonl``, or the coded error of each line that is not one.

    A file that cannot be read at all (missing, not UTF-8, not JSONL of audit rows) gives one
    `E.REVIEW_OUTPUT` error; a line that is not an audit row gives `E.REVIEW_ROW`, and the
    file's other lines are read.
    """
    try:
        lines = path.read_bytes().decode("utf-8-sig").splitlines()
    except OSError as err:
        yield AcnlpError(E.REVIEW_OUTPUT, path=path, reason=f"the file could not be read ({err.strerror or err})")
        return
    except UnicodeDecodeError as err:
        yield AcnlpError(E.REVIEW_OUTPUT, path=path, reason=f"not UTF-8 text (byte {err.start + 1})")
        return
    good = 0
    problems: list[AcnlpError] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            problems.append(AcnlpError(E.REVIEW_ROW, path=path, line=number, reason=f"not JSON ({err.msg})"))
            continue
        reason = _not_a_row(row)
        if reason:
            problems.append(AcnlpError(E.REVIEW_ROW, path=path, line=number, reason=reason))
            continue
        good += 1
        yield {**row, "_line": number}
    if not good:  # nothing in it is an audit row: one error for the file, not one per line
        yield AcnlpError(E.REVIEW_OUTPUT, path=path, reason="no line is an audited row (report, index, status, label and scores)"
                         if lines else "the file is empty")
        return
    yield from problems


def _not_a_row(row: Any) -> str:
    """Why a parsed JSONL line is not an audited row ("" when it is one)."""
    if not isinstance(row, dict):
        return "not a JSON object"
    missing = [key for key in ("report", "index", "status", "label", "scores") if key not in row]
    if missing:
        return f"no {', '.join(missing)} (not an audited row)"
    if row.get("error"):
        return f"the audit could not label this row ({row['error']})"
    scores = row["scores"]
    if not (isinstance(scores, dict) and scores and all(isinstance(v, (int, float)) for v in scores.values())):
        return "its scores are not the model's probabilities"
    if row["label"] not in LABELS or not isinstance(row["status"], str):
        return f"label {row['label']!r} is not one of the four labels" if row["label"] not in LABELS else "its status is not text"
    return ""


def candidate(row: dict[str, Any]) -> Candidate | None:
    """The row as a candidate, or ``None`` for a row with no answer."""
    from ..classify.features import Cell, cell_reading

    status = row["status"]
    if EMPTY.match(status.strip()):  # the audit's ``empty`` flag: no answer
        return None
    reading = cell_reading(Cell(status, row.get("measure") or "", row.get("deadline") or ""))
    deciding = reading.clauses[reading.deciding] if reading.deciding is not None else None
    return Candidate(
        report=str(row["report"]),
        index=int(row["index"]) if isinstance(row["index"], int) else 0,
        section=str(row.get("section") or ""),
        row=row,
        confidence=float(max(row["scores"].values())),
        reading=reading.verdict,
        deciding=reading.text[deciding.start : deciding.end] if deciding is not None else "",
        text=answer_text(status),
    )


def pick(candidates: Sequence[Candidate], n: int) -> list[Candidate]:
    """Up to ``n`` candidates, most worth a look first, spread over reports and sections, with
    no two near-duplicates (see the module docstring).

    >>> rows = [dict(report=r, index=i, section=s, status=t, label="done", scores={"done": p, "boilerplate": 1 - p})
    ...         for r, i, s, t, p in [("a", 1, "1", "Проведено 3 навчання", 0.6), ("a", 2, "1", "Проведено 3 навчання.", 0.55),
    ...                               ("a", 3, "2", "Наказ від 01.02.2019 № 5", 0.9), ("b", 1, "1", "Затверджено план", 0.7)]]
    >>> picks = pick([candidate(r) for r in rows], 10)
    >>> [(c.report, c.index) for c in picks], picks[0].reason
    ([('a', 3), ('b', 1), ('a', 2)], 'reading says boilerplate, model says done (0.90)')

    («Наказ від …» names no act: the reading's verdict disagrees, so it goes first; a:1 is a
    near-duplicate of a:2, which the model is less sure of; b:1 comes in the first round.)
    """
    by_report: dict[str, dict[str, list[Candidate]]] = defaultdict(lambda: defaultdict(list))
    for item in sorted(candidates, key=lambda c: c.rank):
        by_report[item.report][item.section].append(item)
    picked: list[Candidate] = []
    seen: list[frozenset[str]] = []
    exact: set[str] = set()
    taken: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))

    def next_of(report: str) -> Candidate | None:
        """The report's next pick: from its least-picked sections, the best-ranked candidate."""
        while True:
            sections = {name: queue for name, queue in by_report[report].items() if queue}
            if not sections:
                return None
            fewest = min(taken[report][name] for name in sections)
            name = min((n for n in sections if taken[report][n] == fewest), key=lambda n: sections[n][0].rank)
            item = sections[name].pop(0)
            grams = shingles(item.text)
            if item.text in exact or any(near_duplicate(grams, other) for other in seen):
                continue  # a near-duplicate of a pick: its label is the pick's label
            taken[report][name] += 1
            exact.add(item.text)
            seen.append(grams)
            return item

    while len(picked) < n:
        round_picks = [item for report in sorted(by_report) if (item := next_of(report)) is not None]
        if not round_picks:
            break
        picked.extend(sorted(round_picks, key=lambda c: c.rank)[: n - len(picked)])
    return picked
