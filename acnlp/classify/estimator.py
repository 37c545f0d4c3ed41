"""`StatusClassifier`: labels status cells done / in_progress / not_applicable / boilerplate."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer
from sklearn.utils.validation import check_is_fitted

from ..corpus.schema import LABELS
from .features import Cell, LinguisticFeatures, as_cells, status_lemmas, status_text


def lemma_strings(cells: Sequence[Cell]) -> list[str]:
    """Each status as its lemmas joined by spaces (lemmas never contain spaces)."""
    return [" ".join(status_lemmas(cell)) for cell in cells]


def status_texts(cells: Sequence[Cell]) -> list[str]:
    """Each status as normalised lowercase text."""
    return [status_text(cell) for cell in cells]


def split_on_spaces(text: str) -> list[str]:
    """The tokenizer of the lemma TF-IDF: the lemma strings are already tokenised."""
    return text.split(" ")


def _feature_names(union: FeatureUnion) -> np.ndarray:
    """``branch:feature`` names; the selectors in front of the vectorizers have none of their own."""
    names = []
    for branch, transformer in union.transformer_list:
        last = transformer[-1] if isinstance(transformer, Pipeline) else transformer
        names.extend(f"{branch}:{name}".replace("cues:cue:", "cue:") for name in last.get_feature_names_out())
    return np.asarray(names, dtype=object)


class StatusClassifier(ClassifierMixin, BaseEstimator):
    """Classify the status cells of report rows.

    A `Pipeline` of a `FeatureUnion` (TF-IDF over lemma n-grams, TF-IDF over character
    n-grams of the normalised text, linguistic cues from the backbone) and a logistic
    regression whose probabilities are calibrated with `CalibratedClassifierCV`.

    Parameters
    ----------
    C : float
        Inverse regularisation strength of the logistic regression.
    word_ngram_range : tuple of int
        n-gram range over lemmas.
    char_ngram_range : tuple of int
        n-gram range over characters (within word boundaries).
    min_df : int
        Minimum number of cells a lemma or character n-gram must occur in.
    calibration : {"sigmoid", "isotonic"}
        Calibration method.
    calibration_cv : int
        Folds used to fit the calibration.
    class_weight : {"balanced"} or None
        Passed to the logistic regression.
    random_state : int or None
        Seed for the solver and the calibration folds' shuffling.

    Attributes
    ----------
    classes_ : ndarray of str
        The labels, in the order of `predict_proba`'s columns.
    pipeline_ : Pipeline
        The fitted features and calibrated classifier.
    feature_names_ : ndarray of str
        Names of the features, for `explain`.

    Examples
    --------
    >>> clf = StatusClassifier(calibration_cv=2).fit(
    ...     ["Проведено 3 навчання", "Затверджено наказ від 12.03.2021 № 15", "Розпочато перевірку",
    ...      "Заплановано на IV квартал", "Скарг не надходило", "Фактів не встановлено",
    ...      "Постійно проводиться роз'яснювальна робота", "Здійснюється відповідно до вимог"],
    ...     ["done", "done", "in_progress", "in_progress", "not_applicable", "not_applicable",
    ...      "boilerplate", "boilerplate"])
    >>> list(clf.classes_)
    ['boilerplate', 'done', 'in_progress', 'not_applicable']
    >>> clf.predict_proba(["Скарг не надходило"]).shape
    (1, 4)
    """

    def __init__(
        self,
        *,
        C: float = 10.0,
        word_ngram_range: tuple[int, int] = (1, 2),
        char_ngram_range: tuple[int, int] = (2, 5),
        min_df: int = 1,
        calibration: str = "sigmoid",
        calibration_cv: int = 3,
        class_weight: str | None = "balanced",
        random_state: int | None = 0,
    ) -> None:
        self.C = C
        self.word_ngram_range = word_ngram_range
        self.char_ngram_range = char_ngram_range
        self.min_df = min_df
        self.calibration = calibration
        self.calibration_cv = calibration_cv
        self.class_weight = class_weight
        self.random_state = random_state

    def _features(self) -> FeatureUnion:
        lemmas = Pipeline([
            ("select", FunctionTransformer(lemma_strings)),
            ("tfidf", TfidfVectorizer(tokenizer=split_on_spaces, token_pattern=None, lowercase=False,
                                      ngram_range=self.word_ngram_range, min_df=self.min_df, sublinear_tf=True)),
        ])
        chars = Pipeline([
            ("select", FunctionTransformer(status_texts)),
            ("tfidf", TfidfVectorizer(analyzer="char_wb", ngram_range=self.char_ngram_range,
                                      min_df=self.min_df, sublinear_tf=True)),
        ])
        return FeatureUnion([("lemmas", lemmas), ("chars", chars), ("cues", LinguisticFeatures())])

    def fit(self, X: Sequence[Cell | str | dict], y: Sequence[str]) -> "StatusClassifier":
        if self.calibration not in ("sigmoid", "isotonic"):
            raise ValueError(f"calibration must be 'sigmoid' or 'isotonic', not {self.calibration!r}")
        cells = as_cells(X)
        labels = np.asarray(y, dtype=object)
        if len(cells) != len(labels):
            raise ValueError(f"X has {len(cells)} cells but y has {len(labels)} labels")
        unknown = sorted(set(labels) - set(LABELS))
        if unknown:
            raise ValueError(f"unknown labels {unknown}; allowed: {', '.join(LABELS)}")
        if len(set(labels)) < 2:
            raise ValueError("fit needs cells of at least two labels")
        rarest, fewest = min(((label, int(np.sum(labels == label))) for label in set(labels)), key=lambda p: p[1])
        if fewest < 2:
            raise ValueError(f"every label needs at least 2 cells to calibrate probabilities; {rarest!r} has {fewest}")
        model = LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=5000, random_state=self.random_state)
        # As many calibration folds as asked, but no more than the rarest label has cells.
        folds = min(self.calibration_cv, fewest)
        calibrated = CalibratedClassifierCV(model, method=self.calibration, cv=folds, ensemble=False)
        self.pipeline_ = Pipeline([("features", self._features()), ("clf", calibrated)]).fit(cells, labels)
        self.classes_ = self.pipeline_.classes_
        self.feature_names_ = _feature_names(self.pipeline_.named_steps["features"])
        return self

    def predict_proba(self, X: Sequence[Cell | str | dict]) -> np.ndarray:
        """Calibrated probability of each label, columns in the order of ``classes_``."""
        check_is_fitted(self, "pipeline_")
        return self.pipeline_.predict_proba(as_cells(X))

    def predict(self, X: Sequence[Cell | str | dict]) -> np.ndarray:
        """The most probable label of each cell."""
        check_is_fitted(self, "pipeline_")
        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]

    def explain(self, X: Sequence[Cell | str | dict], top: int = 5) -> list[list[tuple[str, float]]]:
        """For each cell, the features that pushed its predicted label most, with their weight.

        A weight is the feature's value times its coefficient for the predicted label, minus
        the mean over the other labels' coefficients: how much it favoured this label.
        """
        return self.predict_proba_explained(X, top)[1]

    def predict_proba_explained(self, X: Sequence[Cell | str | dict], top: int = 5) -> tuple[np.ndarray, list[list[tuple[str, float]]]]:
        """`predict_proba` and `explain` together, computing the features once."""
        check_is_fitted(self, "pipeline_")
        values = self.pipeline_.named_steps["features"].transform(as_cells(X)).tocsr()
        probabilities = self.pipeline_.named_steps["clf"].predict_proba(values)
        coef = self.pipeline_.named_steps["clf"].calibrated_classifiers_[0].estimator.coef_
        explanations = []
        for i, label_index in enumerate(np.argmax(probabilities, axis=1)):
            row = values.getrow(i)
            others = np.delete(coef, label_index, axis=0).mean(axis=0)
            contrast = coef[label_index] - others
            weights = row.data * contrast[row.indices]
            order = np.argsort(-weights)[:top]
            explanations.append([(str(self.feature_names_[row.indices[j]]), round(float(weights[j]), 4))
                                 for j in order if weights[j] > 0])
        return probabilities, explanations
