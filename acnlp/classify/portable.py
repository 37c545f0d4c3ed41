"""The fitted classifier as plain arrays and JSON: it loads without pickle and predicts without scikit-learn.

A pickled (joblib) model runs code when it is loaded, so a model folder handed to an auditor
could run anything; a hash in a manifest stops corruption, not an attacker who writes both.
`export_model` takes what a fitted `StatusClassifier` needs to predict (the vocabularies and
IDF weights of its TF-IDF blocks, both stages' coefficients, the calibration) and
`PortableStatusClassifier` predicts from them with numpy alone, to the same probabilities.
``numpy.load(..., allow_pickle=False)`` and ``json.loads`` never run code.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from .features import (
    LINGUISTIC_FEATURES,
    READING_FEATURES,
    Cell,
    as_cells,
    cut_clauses,
    decisive_strings,
    lemma_strings,
    linguistic_row,
    reading_row,
    status_texts,
)

FORMAT = "acnlp-status-portable/1"
ARRAYS_FILE = "model.npz"
META_FILE = "model.json"

#: The first stage's text blocks, in the order of its FeatureUnion, and how each reads a cell.
_BLOCKS: tuple[tuple[str, Callable[[Sequence[Cell]], list[str]]], ...] = (
    ("lemmas", lemma_strings),
    ("decisive", decisive_strings),
    ("chars", status_texts),
)


def _word_ngrams(text: str, low: int, high: int) -> list[str]:
    """scikit-learn's word n-grams over text already split by single spaces."""
    tokens = text.split(" ")
    grams = list(tokens) if low == 1 else []
    for n in range(max(low, 2), high + 1):
        grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return grams


def _word_char_grams(word: str, low: int, high: int) -> Iterator[str]:
    """scikit-learn's ``char_wb`` n-grams of one word (lowercased, no white space in it): inside
    the word padded with one space each side. A text's are its words', split at white space.

    >>> [gram for word in "Так  ні".lower().split() for gram in _word_char_grams(word, 2, 3)]
    [' т', 'та', 'ак', 'к ', ' та', 'так', 'ак ', ' н', 'ні', 'і ', ' ні', 'ні ']
    """
    padded = f" {word} "
    return map(padded.__getitem__, _gram_slices(len(padded), low, high))


@lru_cache(maxsize=256)  # one entry per padded word length met: real words stay far below
def _gram_slices(size: int, low: int, high: int) -> tuple[slice, ...]:
    """Where the ``char_wb`` n-grams of a padded word of ``size`` characters stand, in order."""
    slices: list[slice] = []
    for n in range(low, high + 1):
        if size <= n:  # a word no longer than n counts once, whole, and ends the word
            slices.append(slice(0, size))
            break
        slices.extend(slice(i, i + n) for i in range(size - n + 1))
    return tuple(slices)


class _GramColumns:
    """The columns of one TF-IDF block's known n-grams in a text, with repeats, in no set order.

    ``char_wb`` n-grams never cross a word, so a word's columns are found once and kept: reports
    repeat their words far more than their cells. A word block keeps a whole text's columns. The
    memo is cleared when it grows past ``MEMO_WORDS`` entries, so a long run's memory does not
    grow with the words it meets.

    Columns are kept and appended packed (C ``long long``, `TYPECODE` to `array` and numpy
    alike): a batch's hits then become a numpy array without a Python int read per n-gram
    (about a million in 1,350 cells).
    """

    MEMO_WORDS = 50_000
    TYPECODE = "q"

    def __init__(self, index: dict[str, int], ngram_range: tuple[int, int]) -> None:
        self.index = index
        self.low, self.high = ngram_range
        self.memo: dict[str, bytes] = {}

    def _packed(self, grams: Iterable[str]) -> bytes:
        return array(self.TYPECODE, [c for c in map(self.index.get, grams) if c is not None]).tobytes()

    def columns(self, text: str, hits: bytearray) -> None:
        """Append the columns of ``text``'s ``char_wb`` n-grams to ``hits``."""
        memo = self.memo
        for word in text.lower().split():
            found = memo.get(word)
            if found is None:
                if len(memo) >= self.MEMO_WORDS:
                    memo.clear()
                found = memo[word] = self._packed(_word_char_grams(word, self.low, self.high))
            hits += found

    def word_columns(self, text: str, hits: bytearray) -> None:
        """Append the columns of ``text``'s word n-grams to ``hits`` (kept per text, as the
        analyses behind the lemma strings are)."""
        memo = self.memo
        found = memo.get(text)
        if found is None:
            if len(memo) >= self.MEMO_WORDS:
                memo.clear()
            found = memo[text] = self._packed(_word_ngrams(text, self.low, self.high))
        hits += found


def _tfidf(rows: np.ndarray, columns: np.ndarray, size: int, idf: np.ndarray, sublinear: bool,
           l2: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """scikit-learn's TF-IDF of n-gram hits (one ``rows[k], columns[k]`` pair per occurrence):
    counted, weighted and normalised per row. Returns the rows, columns and values, one entry per
    distinct (row, column), ordered by row, then column."""
    keys, counts = np.unique(rows * size + columns, return_counts=True)
    rows, columns = np.divmod(keys, size)
    tf = 1.0 + np.log(counts) if sublinear else counts.astype(np.float64)
    values = tf * idf[columns]
    if l2 and len(values):
        norms = np.sqrt(np.bincount(rows, weights=values * values))
        values = values / norms[rows]
    return rows, columns, values


@dataclass(frozen=True)
class FirstStage:
    """A batch of cells' first-stage features: ``count`` rows, one entry per nonzero feature,
    ordered by row, then column (built by `of` from blocks each so ordered, in column order)."""

    count: int
    rows: np.ndarray
    columns: np.ndarray
    values: np.ndarray
    starts: np.ndarray

    @classmethod
    def of(cls, count: int, rows: np.ndarray, columns: np.ndarray, values: np.ndarray) -> FirstStage:
        # Each block comes ordered by row, then column, and the blocks by column: a stable sort
        # by row alone keeps the columns ascending within each row.
        order = np.argsort(rows, kind="stable")
        rows, columns, values = rows[order], columns[order], values[order]
        return cls(count, rows, columns, values, np.searchsorted(rows, np.arange(count + 1)))

    def row(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        """Row ``i``'s columns (ascending) and values."""
        a, b = self.starts[i], self.starts[i + 1]
        return self.columns[a:b], self.values[a:b]


def export_model(model: Any) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """The arrays and the JSON description of a fitted `StatusClassifier`."""
    arrays: dict[str, np.ndarray] = {}
    blocks = []
    for name, transformer in model.features_.transformer_list:
        if name == "cues":
            blocks.append({"name": name, "kind": "cues", "scale": bool(transformer.scale),
                           "size": len(transformer.get_feature_names_out())})
            continue
        tfidf = transformer.named_steps["tfidf"]
        vocabulary = sorted(tfidf.vocabulary_, key=tfidf.vocabulary_.get)
        arrays[f"{name}.idf"] = np.asarray(tfidf.idf_, dtype=np.float64)
        blocks.append({"name": name, "kind": "char_wb" if tfidf.analyzer == "char_wb" else "words",
                       "ngram_range": list(tfidf.ngram_range), "sublinear_tf": bool(tfidf.sublinear_tf),
                       "norm": tfidf.norm, "vocabulary": vocabulary, "size": len(vocabulary)})
    arrays["words.coef"] = np.asarray(model.words_.coef_, dtype=np.float64)
    arrays["words.intercept"] = np.asarray(model.words_.intercept_, dtype=np.float64)
    calibrated = model.reading_.calibrated_classifiers_[0]
    arrays["reading.coef"] = np.asarray(calibrated.estimator.coef_, dtype=np.float64)
    arrays["reading.intercept"] = np.asarray(calibrated.estimator.intercept_, dtype=np.float64)
    calibration = {"method": calibrated.method, "classes": [str(c) for c in calibrated.estimator.classes_]}
    for k, calibrator in enumerate(calibrated.calibrators):
        if calibrated.method == "sigmoid":
            arrays[f"calibration.{k}"] = np.array([calibrator.a_, calibrator.b_], dtype=np.float64)
        else:
            arrays[f"calibration.{k}.x"] = np.asarray(calibrator.X_thresholds_, dtype=np.float64)
            arrays[f"calibration.{k}.y"] = np.asarray(calibrator.y_thresholds_, dtype=np.float64)
    calibration["count"] = len(calibrated.calibrators)
    meta = {
        "format": FORMAT,
        "classes": [str(c) for c in model.classes_],
        "blocks": blocks,
        "linguistic_features": list(LINGUISTIC_FEATURES),
        "reading_features": list(READING_FEATURES),
        "calibration": calibration,
        "params": {k: (list(v) if isinstance(v, tuple) else v) for k, v in model.get_params().items()},
    }
    return arrays, meta


def save_portable(model: Any, directory: str | Path) -> list[Path]:
    """Write ``model.npz`` and ``model.json`` into ``directory``; return their paths."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    arrays, meta = export_model(model)
    npz, js = directory / ARRAYS_FILE, directory / META_FILE
    with open(npz, "wb") as handle:
        np.savez_compressed(handle, **arrays)
    js.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    return [npz, js]


def _softmax(decision: np.ndarray) -> np.ndarray:
    if decision.shape[1] == 1:  # a binary logistic regression keeps one column
        positive = 1.0 / (1.0 + np.exp(-decision[:, 0]))
        return np.column_stack([1.0 - positive, positive])
    shifted = decision - decision.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)


def second_stage_input(word_proba: np.ndarray, cells: Sequence[Cell], clause_proba: np.ndarray | None = None) -> np.ndarray:
    """What the second stage reads: the first stage's log-probabilities (of the whole cell, and
    of its deciding clause when the model has the clause channel) beside the reading's features."""
    readings = np.array([reading_row(cell) for cell in cells], dtype=float).reshape(len(cells), len(READING_FEATURES))
    blocks = [np.log(np.clip(word_proba, 1e-6, 1.0))]
    if clause_proba is not None:
        blocks.append(np.log(np.clip(clause_proba, 1e-6, 1.0)))
    return np.hstack([*blocks, readings])


def aligned_columns(classes: Sequence[str], clause_channel: bool) -> list[list[int]]:
    """The columns of `second_stage_input` that speak label by label, a group a witness, each
    group one column per label in the order of ``classes``: the first stage's log-probabilities
    (of the cell, and of its deciding clause), the reading's verdict and its long-answer form.

    >>> aligned_columns(["boilerplate", "done"], clause_channel=False)[0]
    [0, 1]
    """
    size = len(classes)
    groups = [list(range(size))]
    if clause_channel:
        groups.append(list(range(size, 2 * size)))
    offset = size * len(groups)
    for form in ("verdict_{}", "verdict_{}_long"):
        names = [form.format(label) for label in classes]
        if all(name in READING_FEATURES for name in names):
            groups.append([offset + READING_FEATURES.index(name) for name in names])
    return groups


def label_contrasts(coef: np.ndarray) -> np.ndarray:
    """Each label's first-stage coefficients minus the mean of the other labels' (one row a label).

    A binary logistic regression keeps one row, for the second label; the first label's is its negative.
    """
    if coef.shape[0] == 1:
        return np.vstack([-coef[0], coef[0]])
    return np.vstack([coef[k] - np.delete(coef, k, axis=0).mean(axis=0) for k in range(coef.shape[0])])


def top_features(columns: np.ndarray, values: np.ndarray, contrast: np.ndarray, names: np.ndarray,
                 top: int) -> list[tuple[str, float]]:
    """The ``top`` features of one cell that favoured a label most (value × contrast), with their weight.

    ``columns`` ascending, so that of two equal weights the earlier feature comes first.
    """
    weights = values * contrast[columns]
    order = np.argsort(-weights, kind="stable")[:top]
    return [(str(names[columns[j]]), round(float(weights[j]), 4)) for j in order if weights[j] > 0]


class PortableStatusClassifier:
    """A `StatusClassifier` read back from arrays and JSON: the same predictions, no pickle.

    Built by `load_portable`; ``predict``, ``predict_proba``, ``explain`` and
    ``predict_proba_explained`` behave as the fitted estimator's.
    """

    def __init__(self, arrays: dict[str, np.ndarray], meta: dict[str, Any]) -> None:
        if meta.get("format") != FORMAT:
            raise ValueError(f"not a portable status model (format {meta.get('format')!r}, expected {FORMAT!r})")
        if list(meta["linguistic_features"]) != list(LINGUISTIC_FEATURES) or \
                list(meta["reading_features"]) != list(READING_FEATURES):
            raise ValueError("the model was exported by another version of acnlp's features; retrain it")
        self.classes_ = np.asarray(meta["classes"], dtype=object)
        self._meta = meta
        self._blocks = []
        offset = 0
        names: list[str] = []
        for block in meta["blocks"]:
            entry = dict(block, offset=offset)
            if block["kind"] != "cues":
                entry["words"] = _GramColumns({term: i for i, term in enumerate(block["vocabulary"])},
                                              tuple(block["ngram_range"]))
                entry["idf"] = arrays[f"{block['name']}.idf"]
                names.extend(f"{block['name']}:{term}" for term in block["vocabulary"])
            else:
                names.extend(f"cue:{name}" for name in LINGUISTIC_FEATURES[: block["size"]])
            self._blocks.append(entry)
            offset += block["size"]
        self.feature_names_ = np.asarray(names, dtype=object)
        self._words_coef = arrays["words.coef"]
        self._words_intercept = arrays["words.intercept"]
        self._reading_coef = arrays["reading.coef"]
        self._reading_intercept = arrays["reading.intercept"]
        calibration = meta["calibration"]
        self._calibration_method = calibration["method"]
        self._calibration_classes = calibration["classes"]
        self._calibrators = [
            arrays[f"calibration.{k}"] if calibration["method"] == "sigmoid"
            else (arrays[f"calibration.{k}.x"], arrays[f"calibration.{k}.y"])
            for k in range(calibration["count"])
        ]
        self._contrasts = label_contrasts(self._words_coef)

    def _first_stage(self, cells: Sequence[Cell]) -> FirstStage:
        """The cells' first-stage features, as one sparse batch.

        Per cell, Python only finds the columns of its n-grams (with repeats); counting them,
        TF-IDF and the norms are done for the whole batch at once in numpy.
        """
        rows: list[np.ndarray] = []
        columns: list[np.ndarray] = []
        values: list[np.ndarray] = []
        for block in self._blocks:
            if block["kind"] == "cues":
                size = block["size"]  # the grammatical cues lead the row: a model without the reading's takes them alone
                cues = np.array([linguistic_row(cell)[:size] for cell in cells], dtype=np.float64).reshape(len(cells), size)
                if block["scale"]:
                    cues = np.log1p(cues)
                at_row, at_column = np.nonzero(cues)
                rows.append(at_row)
                columns.append(at_column + block["offset"])
                values.append(cues[at_row, at_column])
                continue
            texts = dict(_BLOCKS)[block["name"]](cells)
            found = block["words"].columns if block["kind"] == "char_wb" else block["words"].word_columns
            ends = np.empty(len(texts), dtype=np.int64)
            hits = bytearray()
            for i, text in enumerate(texts):
                found(text, hits)
                ends[i] = len(hits)
            lengths = np.diff(ends, prepend=0) // np.dtype(_GramColumns.TYPECODE).itemsize
            row, column, value = _tfidf(np.repeat(np.arange(len(texts)), lengths),
                                        np.frombuffer(hits, dtype=_GramColumns.TYPECODE).astype(np.int64, copy=False),
                                        block["size"], block["idf"], block["sublinear_tf"], block["norm"] == "l2")
            rows.append(row)
            columns.append(column + block["offset"])
            values.append(value)
        return FirstStage.of(len(cells), np.concatenate(rows), np.concatenate(columns), np.concatenate(values))

    def _calibrate(self, decision: np.ndarray) -> np.ndarray:
        n_classes = len(self.classes_)
        proba = np.zeros((decision.shape[0], n_classes))
        positions = [list(self.classes_).index(c) for c in self._calibration_classes]
        columns = decision.T if n_classes > 2 else decision.T[:1]
        for k, (column, calibrator) in enumerate(zip(columns, self._calibrators)):
            index = positions[k] if n_classes > 2 else 1
            if self._calibration_method == "sigmoid":
                a, b = calibrator
                proba[:, index] = 1.0 / (1.0 + np.exp(a * column + b))
            else:
                x, y = calibrator
                proba[:, index] = np.interp(column, x, y)
        if n_classes == 2:
            proba[:, 0] = 1.0 - proba[:, 1]
            return proba
        total = proba.sum(axis=1, keepdims=True)
        return np.divide(proba, total, out=np.full_like(proba, 1.0 / n_classes), where=total != 0)

    def _words_proba(self, first: FirstStage) -> np.ndarray:
        # one class at a time: a dense (cells × features) matrix would not fit large batches
        weights = self._words_coef[:, first.columns] * first.values
        decision = np.column_stack([np.bincount(first.rows, weights=w, minlength=first.count) for w in weights])
        decision += self._words_intercept
        return _softmax(decision)

    def predict_proba_explained(self, X: Sequence[Cell | str | dict], top: int = 5) -> tuple[np.ndarray, list[list[tuple[str, float]]]]:
        cells = as_cells(X)
        first = self._first_stage(cells)
        words = self._words_proba(first)
        clauses = None
        if self._meta.get("params", {}).get("clause_channel"):
            clauses = words.copy()
            if cut := cut_clauses(cells):
                clauses[[i for i, _ in cut]] = self._words_proba(self._first_stage([clause for _, clause in cut]))
        second = second_stage_input(words, cells, clauses)
        # Multiplied and summed row by row, not by a matrix product: BLAS may add a row's terms in
        # another order depending on where the row stands in the batch, and a row's scores must
        # not depend on the rows around it (a report split over workers gives the same bytes).
        decision = (second[:, None, :] * self._reading_coef[None, :, :]).sum(axis=2) + self._reading_intercept
        probabilities = self._calibrate(decision)
        if top <= 0:
            return probabilities, [[] for _ in cells]
        explanations = []
        for i, label_index in enumerate(np.argmax(probabilities, axis=1)):
            columns, values = first.row(i)
            explanations.append(top_features(columns, values, self._contrasts[label_index], self.feature_names_, top))
        return probabilities, explanations

    def predict_proba(self, X: Sequence[Cell | str | dict]) -> np.ndarray:
        return self.predict_proba_explained(X, top=0)[0]

    def predict(self, X: Sequence[Cell | str | dict]) -> np.ndarray:
        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]

    def explain(self, X: Sequence[Cell | str | dict], top: int = 5) -> list[list[tuple[str, float]]]:
        return self.predict_proba_explained(X, top)[1]

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        return dict(self._meta.get("params", {}))


def load_portable(directory: str | Path) -> PortableStatusClassifier:
    """Read ``model.npz`` and ``model.json`` from ``directory``: no pickle, no code runs."""
    directory = Path(directory)
    with np.load(directory / ARRAYS_FILE, allow_pickle=False) as data:
        arrays = {key: data[key] for key in data.files}
    meta = json.loads((directory / META_FILE).read_text(encoding="utf-8"))
    return PortableStatusClassifier(arrays, meta)
