"""Reviewed labels that contradict the guidelines' precedence on the cell's own text.

A reviewer can slip (a click on the wrong option, a row mixed up with the next). Where the
clause-by-clause reading of the guidelines (`acnlp.classify.reading`) is decisive, a reviewed
label it rules out is listed for a second look instead of being trained on. The reading is
decisive in four cases only, each a rule of ``corpus/GUIDELINES.md``:

``no_answer``
    The status is empty or only «-», «х», «.», dashes: a non-answer is ``boilerplate``.
``category``
    The whole status is a monitoring category (`acnlp.data` ``categorical_statuses.txt``):
    «Виконано» is ``done``, «Не виконано», «Частково», «Перенесено» are ``in_progress``,
    «Виконується постійно» is ``boilerplate``. (A bare ongoing category, «Виконується»,
    «Забезпечується», is left to the reviewer: the corpus labels it both ways.)
``admission``
    The cell's verdict is ``in_progress`` and a clause negates the measure's own finished act
    («Захід не виконано», «навчання не проведено», «дій не здійснювалось»): by the
    precedence not_applicable > in_progress > done > boilerplate, an admission outranks
    ``done`` and ``boilerplate``, so those two are ruled out.
``missing_trigger``
    The cell's verdict is ``not_applicable`` and a clause negates the triggering event
    («скарг не надходило», «відсутність звернень») or says the measure lost its object
    («втратив актуальність»): ``done`` and ``boilerplate`` are ruled out. (``in_progress`` is
    left to the reviewer: whether the body could have acted is a judgement the reading cannot
    make.)

The last two hold only when no clause of the cell reports a finished act or a check's finding
(«проведено перевірку, порушень не виявлено» is ``done`` by the guidelines' hard cases): the
reading's negations are decisive only in a cell that claims nothing done. On the corpus's
2,609 gold cells these rules rule out the gold label 12 times (0.5 %; ``python -m
acnlp.review.contradictions corpus/`` lists them): answers whose negation or absence describes
a standing rule («не мають права», «підтверджують відсутність конфлікту інтересів»), not the
period's status. A reviewed label they rule out is worth the second look.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Optional

from ..audit.flags import EMPTY
from ..corpus.schema import CorpusRecord

#: What each whole-cell category makes the label (the guidelines' table); ``ongoing`` is left out.
_CATEGORY_LABEL = {"done": "done", "unfinished": "in_progress", "compliance": "boilerplate", "non_answer": "boilerplate"}
#: The rules' words, for the listing: what the text does, and which labels the guidelines allow.
_WHY = {
    "no_answer": "is no answer",
    "category": "is a monitoring category",
    "admission": "admits the measure's own act was not done",
    "missing_trigger": "says the triggering event did not happen",
}


@dataclass(frozen=True)
class Contradiction:
    """A reviewed label the reading rules out: the cell, the rule, the deciding clause and the
    labels the guidelines allow for that text."""

    id: str
    source: str
    label: str
    rule: str
    clause: str
    allowed: tuple[str, ...]

    def as_dict(self) -> dict[str, object]:
        return {"id": self.id, "source": self.source, "label": self.label, "rule": self.rule,
                "clause": self.clause, "allowed": list(self.allowed)}


def contradiction_words(rule: str) -> str:
    """What a rule says the text does, for the listing.

    >>> contradiction_words("admission")
    "admits the measure's own act was not done"
    """
    return _WHY[rule]


def ruled_out(status: str, measure: str = "") -> Optional[tuple[str, str, tuple[str, ...]]]:
    """``(rule, deciding clause, allowed labels)`` when the reading is decisive on this text,
    else ``None``.

    >>> ruled_out("Захід не виконано у зв'язку з відсутністю фінансування.")[0::2]
    ('admission', ('in_progress', 'not_applicable'))
    >>> ruled_out(" - ")
    ('no_answer', ' - ', ('boilerplate',))
    >>> ruled_out("Проведено перевірку 12 декларацій, порушень не виявлено") is None
    True
    """
    from ..classify.features import Cell, cell_reading

    if EMPTY.match(status.strip()):
        return "no_answer", status, ("boilerplate",)
    reading = cell_reading(Cell(status, measure))
    if reading.category in _CATEGORY_LABEL:
        return "category", status.strip(), (_CATEGORY_LABEL[reading.category],)
    if reading.category is not None:
        return None
    totals = reading.cue_totals()
    if totals.get("act") or totals.get("neg_finding"):
        return None
    for clause in reading.clauses:
        cues = clause.cues
        text = reading.text[clause.start : clause.end]
        admission = cues.get("neg_own_perfective") or (cues.get("own_object") and cues.get("neg_own"))
        if reading.verdict == "in_progress" == clause.verdict and admission:
            return "admission", text, ("in_progress", "not_applicable")
        trigger = cues.get("neg_event") or cues.get("absence_trigger") or cues.get("inapplicable")
        if reading.verdict == "not_applicable" == clause.verdict and trigger:
            return "missing_trigger", text, ("not_applicable", "in_progress")
    return None


def contradictions(records: Sequence[CorpusRecord]) -> list[Contradiction]:
    """The records whose label `ruled_out` rules out, in order."""
    found = []
    for record in records:
        decisive = ruled_out(record.status, record.measure or "")
        if decisive is not None and record.label not in decisive[2]:
            rule, clause, allowed = decisive
            found.append(Contradiction(record.id, record.source, record.label, rule, clause.strip(), allowed))
    return found


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m acnlp.review.contradictions corpus/``: how often the rules rule out a gold label
    of a corpus (each such cell listed), the figure the module docstring gives."""
    import sys

    from ..corpus.store import load_corpus

    records = load_corpus(list(argv if argv is not None else sys.argv[1:]) or ["corpus/"])
    found = contradictions(records)
    for item in found:
        print(f"{item.id}: gold {item.label}, {item.rule} allows {' or '.join(item.allowed)}: «{item.clause[:80]}»")
    print(f"the rules rule out {len(found)} of {len(records):,} gold labels ({len(found) / max(1, len(records)):.1%})")


if __name__ == "__main__":
    main()
