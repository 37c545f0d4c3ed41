"""`AlignedLogit`: a multinomial logistic regression in which a per-label witness votes for its own label only.

The second stage of `StatusClassifier` reads witnesses that speak label by label (the first
stage's log-probability of each label, the reading's verdict for each label) beside cues that
do not (a category, a negated predicate). A free multinomial model gives every input a weight
for every label, so a witness's certainty that a cell is *not* `done` (log-probability −6)
becomes evidence for `boilerplate`, however sure the same witness is that the cell is
`not_applicable`. Here each aligned group of columns, one column per label, weighs each label's
score by that label's column alone (with one weight for the group, or one per label): a witness
votes for its own label only. The other columns keep a weight per label.

The fitted model is an ordinary linear one (``coef_``, ``intercept_``), whose coefficient
matrix has the aligned groups' weights on its diagonal blocks and zeros off them, so
calibration and the portable export treat it as they treat `LogisticRegression`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy.optimize import minimize
from scipy.special import logsumexp
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.utils.class_weight import compute_sample_weight
from sklearn.utils.validation import check_is_fitted


class AlignedLogit(ClassifierMixin, BaseEstimator):
    """Multinomial logistic regression whose aligned column groups weigh their own class only.

    Parameters
    ----------
    aligned : sequence of sequences of int
        Each group lists one column per class, in the order of the sorted classes: the columns
        of a witness that speaks label by label. A column weighs only its own class's score.
    shared : bool
        A group's columns share one weight (each witness is trusted alike whichever label it
        speaks for); off, each has its own (a witness may be trusted more on one label).
    C : float
        Inverse L2 regularisation strength (of the weights, not the intercepts), as in
        `LogisticRegression`.
    class_weight : {"balanced"} or None
        Weigh each cell inversely to its label's frequency.
    max_iter : int
        Iterations of L-BFGS.

    Examples
    --------
    >>> X = np.log([[0.8, 0.1, 0.1], [0.1, 0.8, 0.1], [0.1, 0.1, 0.8], [0.7, 0.2, 0.1]])
    >>> model = AlignedLogit(aligned=[[0, 1, 2]]).fit(X, ["a", "b", "c", "a"])
    >>> model.predict(np.log([[0.2, 0.7, 0.1]])).tolist()
    ['b']
    >>> bool(model.coef_[0, 1] == model.coef_[1, 0] == 0.0), bool(model.coef_[0, 0] == model.coef_[1, 1])
    (True, True)
    """

    def __init__(self, *, aligned: Sequence[Sequence[int]] = (), shared: bool = True, C: float = 1.0,
                 class_weight: str | None = "balanced", max_iter: int = 5000) -> None:
        self.aligned = aligned
        self.shared = shared
        self.C = C
        self.class_weight = class_weight
        self.max_iter = max_iter

    def fit(self, X: np.ndarray, y: Sequence[str], sample_weight: np.ndarray | None = None) -> "AlignedLogit":
        X = np.asarray(X, dtype=np.float64)
        labels = np.asarray(y, dtype=object)
        self.classes_ = np.unique(labels)
        n_classes, n_columns = len(self.classes_), X.shape[1]
        groups = [list(group) for group in self.aligned]
        for group in groups:
            if len(group) != n_classes:
                raise ValueError(f"an aligned group needs one column per class ({n_classes}), not {len(group)}")
        tied = {column for group in groups for column in group}
        free = np.array([c for c in range(n_columns) if c not in tied], dtype=np.int64)
        target = (labels[:, None] == self.classes_[None, :]).astype(np.float64)
        weights = compute_sample_weight(self.class_weight, labels) if self.class_weight else np.ones(len(labels))
        if sample_weight is not None:
            weights = weights * np.asarray(sample_weight, dtype=np.float64)
        per_group = 1 if self.shared else n_classes
        sizes = (len(groups) * per_group, n_classes * len(free), n_classes)

        def unpack(theta: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
            witnesses, rest, intercept = np.split(theta, np.cumsum(sizes)[:-1])
            coef = np.zeros((n_classes, n_columns))
            coef[:, free] = rest.reshape(n_classes, len(free))
            for weight, group in zip(witnesses.reshape(len(groups), per_group), groups):
                coef[np.arange(n_classes), group] = weight
            return coef, intercept

        def objective(theta: np.ndarray) -> tuple[float, np.ndarray]:
            coef, intercept = unpack(theta)
            scores = X @ coef.T + intercept
            log_proba = scores - logsumexp(scores, axis=1, keepdims=True)
            loss = -float(np.sum(weights * np.sum(target * log_proba, axis=1)))
            residual = (np.exp(log_proba) - target) * weights[:, None]
            gradient = residual.T @ X  # d loss / d coef, one row a class
            diagonal = np.array([gradient[np.arange(n_classes), group] for group in groups]).reshape(len(groups), n_classes)
            witnesses = diagonal.sum(axis=1) if self.shared else diagonal.ravel()
            penalised = theta[: sizes[0] + sizes[1]]
            value = self.C * loss + 0.5 * float(penalised @ penalised)
            grad = np.concatenate([self.C * witnesses, self.C * gradient[:, free].ravel(),
                                   self.C * residual.sum(axis=0)])
            grad[: sizes[0] + sizes[1]] += penalised
            return value, grad

        result = minimize(objective, np.zeros(sum(sizes)), jac=True, method="L-BFGS-B",
                          options={"maxiter": self.max_iter})
        self.coef_, self.intercept_ = unpack(result.x)
        self.aligned_weights_ = result.x[: sizes[0]].reshape(len(groups), per_group).copy()
        self.n_iter_ = np.array([result.nit])
        self.n_features_in_ = n_columns
        return self

    def decision_function(self, X: np.ndarray) -> np.ndarray:
        """Each class's score (the log-probability up to a per-row constant)."""
        check_is_fitted(self, "coef_")
        return np.asarray(X, dtype=np.float64) @ self.coef_.T + self.intercept_

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        scores = self.decision_function(X)
        return np.exp(scores - logsumexp(scores, axis=1, keepdims=True))

    def predict(self, X: np.ndarray) -> np.ndarray:
        return self.classes_[np.argmax(self.decision_function(X), axis=1)]
