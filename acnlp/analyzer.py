"""`acnlp.load()`: the shipped (or a given) status model, ready to label cells.

>>> analyzer = load()
>>> result = analyzer.analyze("Скарг та повідомлень у звітному періоді не надходило.")
>>> result["label"], round(sum(result["scores"].values()), 6)
('not_applicable', 1.0)
>>> result = analyzer.analyze("Наказ від 26.02.2019 № 29/аг", deadline="Грудень 2019 року")
>>> result["orders"][0]["number"], result["dates"][0]["value"], result["deadline_parsed"]["due"]
('29/аг', '2019-02-26', '2019-12-31')
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any, Optional

from .classify.features import Cell, cell_reading
from .classify.store import load_model, read_manifest
from .extract import extract
from .extract.deadlines import parse_deadline
from .shipped import shipped_model_dir

#: The model `load()` gives when no model is named: ``models/<DEFAULT_MODEL>`` in the repository.
DEFAULT_MODEL = "status-v3"
#: The longest cell analysed whole. The extractors' overlap checks grow faster than the text
#: (a 1 MB status took minutes), and no real answer comes near this; a longer cell is analysed
#: on its first part and its result says so (``truncated``; the audit flags it).
MAX_ANALYSED_CHARS = 100_000
#: How far back from the limit a cut looks for a space, so no word is cut in two.
WORD_REACH = 200


def analysed_part(text: str) -> str:
    """The part of a cell that is analysed: all of it, or its first `MAX_ANALYSED_CHARS`
    characters ending at a space.

    >>> analysed_part("Виконано.") == "Виконано."
    True
    >>> part = analysed_part("слово " * 50_000)
    >>> len(part) <= MAX_ANALYSED_CHARS, part.endswith("слово")
    (True, True)
    """
    if len(text) <= MAX_ANALYSED_CHARS:
        return text
    space = text.rfind(" ", MAX_ANALYSED_CHARS - WORD_REACH, MAX_ANALYSED_CHARS + 1)
    return text[: space if space > 0 else MAX_ANALYSED_CHARS]


#: A cell's probabilities (in ``classes_`` order) and its explanation (None when not asked for).
Scored = tuple[tuple[float, ...], Optional[tuple[tuple[str, float], ...]]]


def default_model_dir() -> Path:
    """Where the shipped model is: installed with acnlp, or in the clone's ``models/``."""
    return shipped_model_dir(DEFAULT_MODEL)


class Analyzer:
    """Labels status cells with a trained `StatusClassifier`.

    Use `acnlp.load` to get one. ``analyze`` labels one cell; ``analyze_many`` streams dicts
    (each with ``status`` and optionally ``measure``, ``deadline``, ``year`` and anything
    else) and yields each dict with the results added, in order; a dict without a ``status``
    string comes back with an ``error`` key instead.

    Results hold ``label`` and ``scores``; ``dates``, ``orders``, ``counts`` and
    ``percents`` from the status (`acnlp.extract`, spans in the normalised status); and
    ``deadline_parsed`` when a deadline is given. ``year`` (the report's) completes dates
    written without one. A status longer than `MAX_ANALYSED_CHARS` is analysed on its first
    part, and its result holds ``truncated``: ``{"analysed": …, "length": …}`` characters.
    """

    #: How many distinct cells' scores (and explanations) are kept; the memo is emptied when full.
    MEMO_CELLS = 20_000

    def __init__(self, classifier: Any, name: str = "") -> None:
        self.classifier = classifier
        self.name = name
        self._scored: dict[Cell, Scored] = {}

    def _scores(self, cells: list[Cell], explain: bool) -> list[Scored]:
        """Each cell's probabilities (and, with ``explain``, its explanation), a cell met before
        taken from the memo: reports repeat their answers («Виконано», «Скарг не надходило»), and
        a row's scores never depend on the rows scored with it."""
        memo, found = self._scored, {}
        for cell in cells:
            entry = memo.get(cell)
            if entry is not None and (entry[1] is not None or not explain):
                found[cell] = entry
        missing = [cell for cell in dict.fromkeys(cells) if cell not in found]
        if missing:
            if explain:
                probabilities, reasons = self.classifier.predict_proba_explained(missing)
            else:
                probabilities, reasons = self.classifier.predict_proba(missing), [None] * len(missing)
            fresh = {cell: (tuple(row.tolist()), None if why is None else tuple(why))
                     for cell, row, why in zip(missing, probabilities, reasons)}
            found.update(fresh)
            if len(memo) + len(fresh) > self.MEMO_CELLS:
                memo.clear()
            memo.update(fresh)
        return [found[cell] for cell in cells]

    def _results(self, cells: list[Cell], years: list[int | None], explain: bool) -> list[dict[str, Any]]:
        labels = list(self.classifier.classes_)
        results = []
        for cell, year, (row, why) in zip(cells, years, self._scores(cells, explain)):
            result: dict[str, Any] = {
                "label": labels[max(range(len(row)), key=row.__getitem__)],
                "scores": dict(zip(labels, row)),
                **extract(cell.status, year=year).as_dict(),
            }
            if cell.deadline.strip():
                result["deadline_parsed"] = parse_deadline(cell.deadline, year=year).as_dict()
            if why is not None:
                result["features"] = [{"feature": f, "weight": w} for f, w in why]
                reading = cell_reading(cell)
                deciding = reading.clause_deciding(result["label"])
                if deciding is not None:
                    # The clause whose reading gives the label: what an auditor checks first.
                    result["deciding"] = {"text": reading.text[deciding.start : deciding.end], "reading": deciding.verdict}
            results.append(result)
        return results

    def analyze(
        self, status: str, measure: str | None = None, deadline: str | None = None, *, year: int | None = None, explain: bool = False
    ) -> dict[str, Any]:
        """Label one status cell and extract its evidence (see the class docstring for the
        keys; ``features``, what drove the label, with ``explain=True``)."""
        item = {"status": status, "measure": measure, "deadline": deadline, "year": year}
        result = next(self.analyze_many([item], explain=explain))
        return {key: value for key, value in result.items() if key not in item}

    def analyze_many(self, items: Iterable[Any], *, batch_size: int = 256, explain: bool = False) -> Iterator[dict[str, Any]]:
        """Label a stream of cell dicts, batch by batch, keeping their order and their other keys."""
        iterator = iter(items)
        while batch := list(islice(iterator, batch_size)):
            good = [i for i, item in enumerate(batch) if isinstance(item, dict) and isinstance(item.get("status"), str)]
            cells = [Cell(*(analysed_part(_text(batch[i].get(key))) for key in ("status", "measure", "deadline"))) for i in good]
            years = [_year(batch[i].get("year")) for i in good]
            results = dict(zip(good, self._results(cells, years, explain))) if cells else {}
            for i, cell in zip(good, cells):
                if len(cell.status) < len(batch[i]["status"]):
                    results[i]["truncated"] = {"analysed": len(cell.status), "length": len(batch[i]["status"])}
            for i, item in enumerate(batch):
                if i in results:
                    yield {**item, **results[i]}
                elif isinstance(item, dict):
                    yield {**item, "error": "no 'status' string in this object"}
                else:
                    yield {"error": f"not a JSON object: {item!r:.60}"}


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _year(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2100 else None


#: The garbage collector's thresholds for a long run (Python's own are 700, 10, 10).
LONG_RUN_GC_THRESHOLDS = (10_000, 20, 20)


def settle(analyzer: Analyzer) -> None:
    """Get ``analyzer`` ready for a long run: analyse one short cell, so the backbone (spaCy,
    pymorphy3, the frequency table) and the model's tables are loaded, then move all that out
    of the garbage collector's way (`gc.freeze`) and let it collect less often
    (`LONG_RUN_GC_THRESHOLDS`).

    Python's collector walks every object it tracks from time to time, and the loaded
    vocabularies and dictionaries are most of them: on 1,350 corpus cells, a quarter of a
    first pass went to those walks. Frozen objects stay alive and are never walked. What an
    analysis allocates after that mostly lives on too, in the capped caches, and it makes few
    reference cycles, so a collection every 700 allocations walks survivors again and again:
    14 times fewer took 13 % off an 18,000-row audit's CPU time, with the same peak memory.
    A command that runs to the end of its input (`acnlp cells`, an audit's process) calls this
    once, after loading; a program using acnlp as a library keeps its own collector settings
    unless it calls this. Nothing it computes changes.
    """
    import gc

    analyzer.analyze("Виконано.")
    gc.freeze()
    gc.set_threshold(*LONG_RUN_GC_THRESHOLDS)


def load(model: str | Path | None = None, *, allow_pickle: bool = False) -> Analyzer:
    """The analyzer of a model directory (default: the shipped ``models/status-v3``).

    The model files' SHA-256 are checked against the manifest before loading. A model saved
    by `acnlp train` loads without pickle; an older pickled one is refused unless
    ``allow_pickle`` says its maker is trusted (loading a pickle runs its code).
    """
    directory = Path(model) if model is not None else default_model_dir()
    classifier = load_model(directory, allow_pickle=allow_pickle)
    return Analyzer(classifier, read_manifest(directory).get("name", directory.name))
