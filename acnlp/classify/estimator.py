"""`StatusClassifier`: labels status cells done / in_progress / not_applicable / boilerplate."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, ClassifierMixin, TransformerMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold, StratifiedKFold
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer
from sklearn.utils.validation import check_is_fitted

from ..corpus.schema import LABELS
from .features import (
    GRAMMAR_FEATURES,
    LINGUISTIC_FEATURES,
    Cell,
    as_cells,
    cut_clauses,
    decisive_strings,
    lemma_strings,
    linguistic_row,
    split_on_spaces,
    status_texts,
)
from .aligned import AlignedLogit
from .portable import aligned_columns, label_contrasts, second_stage_input, top_features


class LinguisticFeatures(TransformerMixin, BaseEstimator):
    """Counts of grammatical and lexical cues in the status, scaled by ``scale`` (log1p of counts).

    Parameters
    ----------
    scale : bool
        Apply log1p to the count features, so one long answer does not dominate.
    reading : bool
        Also give the reading's verdict, categories and cue totals (`LINGUISTIC_FEATURES`);
        without them, the grammatical cues alone (`GRAMMAR_FEATURES`).
    """

    def __init__(self, *, scale: bool = True, reading: bool = True) -> None:
        self.scale = scale
        self.reading = reading

    def _names(self) -> tuple[str, ...]:
        return LINGUISTIC_FEATURES if self.reading else GRAMMAR_FEATURES

    def fit(self, X: Sequence[Cell], y: object = None) -> "LinguisticFeatures":
        self.n_features_in_ = len(self._names())
        return self

    def transform(self, X: Sequence[Cell]) -> sparse.csr_matrix:
        size = len(self._names())  # the grammatical cues lead the row
        rows = np.array([linguistic_row(cell)[:size] for cell in X], dtype=float).reshape(len(X), size)
        if self.scale:
            rows = np.log1p(rows)
        return sparse.csr_matrix(rows)

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        return np.array([f"cue:{name}" for name in self._names()], dtype=object)


def _feature_names(union: FeatureUnion) -> np.ndarray:
    """``branch:feature`` names; the selectors in front of the vectorizers have none of their own."""
    names = []
    for branch, transformer in union.transformer_list:
        last = transformer[-1] if isinstance(transformer, Pipeline) else transformer
        names.extend(f"{branch}:{name}".replace("cues:cue:", "cue:") for name in last.get_feature_names_out())
    return np.asarray(names, dtype=object)


class StatusClassifier(ClassifierMixin, BaseEstimator):
    """Classify the status cells of report rows.

    Two stages, both logistic regressions:

    1. **words**: a `FeatureUnion` of TF-IDF over lemma n-grams of what the status reports
       (reporting frames left out, negated predicates marked), TF-IDF over the lemmas of its
       decisive clauses, TF-IDF over character n-grams, and grammatical cues from the backbone
       and the extractors (with ``reading_in_words``, the clause reading's too);
    2. **reading**: the first stage's out-of-fold probabilities next to the reading's verdict
       and categories, with calibrated probabilities (`CalibratedClassifierCV`).

    The second stage learns how far to trust the guideline's rules against the n-grams. Fitted
    jointly, 40,000 n-grams explain every training cell and leave the rules little weight;
    out-of-fold probabilities are as wrong as they will be on new text, so the weight each
    gets is the one it earns on cells the first stage never saw.

    Parameters
    ----------
    C : float
        Inverse regularisation strength of the first stage.
    reading_C : float
        Inverse regularisation strength of the second stage.
    word_ngram_range : tuple of int
        n-gram range over lemmas.
    char_ngram_range : tuple of int
        n-gram range over characters (within word boundaries).
    min_df : int
        Minimum number of cells a lemma or character n-gram must occur in.
    stack_cv : int
        Folds for the first stage's out-of-fold probabilities.
    calibration : {"sigmoid", "isotonic"}
        Calibration method of the second stage.
    calibration_cv : int
        Folds used to fit the calibration.
    class_weight : {"balanced"} or None
        Passed to both logistic regressions.
    random_state : int or None
        Seed for the solvers and the folds' shuffling.
    clause_channel : bool
        Give the second stage the first stage's probabilities on the deciding clause alone
        (`acnlp.classify.features.deciding_clause`) beside the whole cell's: a long answer's
        one deciding sentence is otherwise outvoted by the n-grams of its habitual ones.
    reading_in_words : bool
        Give the first stage the reading's verdict, categories and cue totals as well. Off (the
        default since status-v3's iteration 11), the first stage reads words and grammar only
        and the reading reaches the model through the second stage alone, which weighs the two
        as separate witnesses; on, the second stage sees the reading twice, once inside
        probabilities fitted to agree with it, and learns to discount it.
    second_stage : {"free", "aligned", "diagonal"}
        ``"free"``: a multinomial logistic regression, a weight per input and label.
        ``"aligned"``: the witnesses that speak label by label (the first stage's
        log-probabilities, the reading's verdicts) vote for their own label only, with one
        weight each, shared by the labels (`acnlp.classify.aligned.AlignedLogit`);
        ``"diagonal"``: the same, with a weight per label (a witness may be trusted more on one
        label than on another).

    Attributes
    ----------
    classes_ : ndarray of str
        The labels, in the order of `predict_proba`'s columns.
    features_ : FeatureUnion
        The fitted first-stage features.
    words_ : LogisticRegression
        The first stage, fitted on every cell.
    reading_ : CalibratedClassifierCV
        The calibrated second stage.
    feature_names_ : ndarray of str
        Names of the first stage's features, for `explain`.
    contrasts_ : ndarray
        Each label's first-stage coefficients minus the mean of the others', for `explain`.

    Examples
    --------
    >>> clf = StatusClassifier(calibration_cv=2, stack_cv=2).fit(
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
        reading_C: float = 1.0,
        word_ngram_range: tuple[int, int] = (1, 2),
        char_ngram_range: tuple[int, int] = (2, 5),
        min_df: int = 1,
        stack_cv: int = 5,
        calibration: str = "sigmoid",
        calibration_cv: int = 3,
        class_weight: str | None = "balanced",
        random_state: int | None = 0,
        clause_channel: bool = True,
        reading_in_words: bool = False,
        second_stage: str = "free",
    ) -> None:
        self.C = C
        self.reading_C = reading_C
        self.word_ngram_range = word_ngram_range
        self.char_ngram_range = char_ngram_range
        self.min_df = min_df
        self.stack_cv = stack_cv
        self.calibration = calibration
        self.calibration_cv = calibration_cv
        self.class_weight = class_weight
        self.random_state = random_state
        self.clause_channel = clause_channel
        self.reading_in_words = reading_in_words
        self.second_stage = second_stage

    def _features(self) -> FeatureUnion:
        def words(select: object) -> Pipeline:
            return Pipeline([
                ("select", FunctionTransformer(select)),
                ("tfidf", TfidfVectorizer(tokenizer=split_on_spaces, token_pattern=None, lowercase=False,
                                          ngram_range=self.word_ngram_range, min_df=self.min_df, sublinear_tf=True)),
            ])

        chars = Pipeline([
            ("select", FunctionTransformer(status_texts)),
            ("tfidf", TfidfVectorizer(analyzer="char_wb", ngram_range=self.char_ngram_range,
                                      min_df=self.min_df, sublinear_tf=True)),
        ])
        return FeatureUnion([("lemmas", words(lemma_strings)), ("decisive", words(decisive_strings)),
                             ("chars", chars), ("cues", LinguisticFeatures(reading=self.reading_in_words))])

    def _words_model(self) -> LogisticRegression:
        return LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=5000, random_state=self.random_state)

    def fit(self, X: Sequence[Cell | str | dict], y: Sequence[str], groups: Sequence[str] | None = None) -> "StatusClassifier":
        """Fit both stages. ``groups`` (a report or a writer's batch per cell), when given with
        at least ``stack_cv`` groups, makes the first stage's out-of-fold probabilities
        cross-group: as wrong as the n-grams are on a body they never saw, so the second stage
        learns how far to trust them against the reading on new bodies' text."""
        if self.calibration not in ("sigmoid", "isotonic"):
            raise ValueError(f"calibration must be 'sigmoid' or 'isotonic', not {self.calibration!r}")
        if self.second_stage not in ("free", "aligned", "diagonal"):
            raise ValueError(f"second_stage must be 'free', 'aligned' or 'diagonal', not {self.second_stage!r}")
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
        self.features_ = self._features().fit(cells, labels)
        values = self.features_.transform(cells).tocsr()
        # As many folds as asked, but no more than the rarest label has cells.
        if groups is not None and len(set(groups)) >= self.stack_cv:
            if len(groups) != len(labels):
                raise ValueError(f"groups has {len(groups)} entries but y has {len(labels)} labels")
            splits = list(GroupKFold(n_splits=self.stack_cv).split(values, labels, np.asarray(groups)))
        else:
            folds = StratifiedKFold(n_splits=min(self.stack_cv, fewest), shuffle=True, random_state=self.random_state)
            splits = list(folds.split(values, labels))
        clause_values = self._clause_values(cells, values)
        classes = np.unique(labels)
        out_of_fold = np.zeros((len(cells), len(classes)))
        clause_out_of_fold = np.zeros_like(out_of_fold) if clause_values is not None else None
        for train, held in splits:
            fold = self._words_model().fit(values[train], labels[train])
            columns = np.searchsorted(classes, fold.classes_)  # a fold may lack a rare label
            out_of_fold[np.ix_(held, columns)] = fold.predict_proba(values[held])
            if clause_out_of_fold is not None:
                clause_out_of_fold[np.ix_(held, columns)] = fold.predict_proba(clause_values[held])
        self.words_ = self._words_model().fit(values, labels)
        reading = self._second_stage_model(classes, clause_values is not None)
        self.reading_ = CalibratedClassifierCV(reading, method=self.calibration,
                                               cv=min(self.calibration_cv, fewest), ensemble=False)
        self.reading_.fit(second_stage_input(out_of_fold, cells, clause_out_of_fold), labels)
        self.classes_ = self.words_.classes_
        self.feature_names_ = _feature_names(self.features_)
        self.contrasts_ = label_contrasts(self.words_.coef_)
        return self

    def _second_stage_model(self, classes: np.ndarray, clause_channel: bool) -> LogisticRegression | AlignedLogit:
        if self.second_stage == "free":
            return LogisticRegression(C=self.reading_C, class_weight=self.class_weight, max_iter=5000,
                                      random_state=self.random_state)
        return AlignedLogit(aligned=aligned_columns(classes, clause_channel), shared=self.second_stage == "aligned",
                            C=self.reading_C, class_weight=self.class_weight)

    def _clause_values(self, cells: Sequence[Cell], values: sparse.csr_matrix) -> sparse.csr_matrix | None:
        """The first stage's features of each cell's deciding clause (its own row when it has one clause)."""
        if not self.clause_channel:
            return None
        cut = cut_clauses(cells)
        if not cut:
            return values
        rows = np.arange(len(cells))
        rows[[i for i, _ in cut]] = len(cells) + np.arange(len(cut))
        stacked = sparse.vstack([values, self.features_.transform([clause for _, clause in cut])]).tocsr()
        return stacked[rows]

    def predict_proba(self, X: Sequence[Cell | str | dict]) -> np.ndarray:
        """Calibrated probability of each label, columns in the order of ``classes_``."""
        return self.predict_proba_explained(X, top=0)[0]

    def predict(self, X: Sequence[Cell | str | dict]) -> np.ndarray:
        """The most probable label of each cell."""
        probabilities = self.predict_proba(X)
        return self.classes_[np.argmax(probabilities, axis=1)]

    def explain(self, X: Sequence[Cell | str | dict], top: int = 5) -> list[list[tuple[str, float]]]:
        """For each cell, the first-stage features that pushed its predicted label most, with their weight.

        A weight is the feature's value times its coefficient for the predicted label, minus
        the mean over the other labels' coefficients: how much it favoured this label. (Which
        clause decided is the reading's part: `acnlp.classify.features.cell_reading`.)
        """
        return self.predict_proba_explained(X, top)[1]

    def predict_proba_explained(self, X: Sequence[Cell | str | dict], top: int = 5) -> tuple[np.ndarray, list[list[tuple[str, float]]]]:
        """`predict_proba` and `explain` together, computing the features once."""
        check_is_fitted(self, "reading_")
        cells = as_cells(X)
        values = self.features_.transform(cells).tocsr()
        clause_values = self._clause_values(cells, values)
        clauses = self.words_.predict_proba(clause_values) if clause_values is not None else None
        probabilities = self.reading_.predict_proba(second_stage_input(self.words_.predict_proba(values), cells, clauses))
        if top <= 0:
            return probabilities, [[] for _ in cells]
        explanations = []
        for i, label_index in enumerate(np.argmax(probabilities, axis=1)):
            row = values.getrow(i)
            row.sort_indices()
            explanations.append(top_features(row.indices, row.data, self.contrasts_[label_index], self.feature_names_, top))
        return probabilities, explanations
