"""`AlignedLogit`: a per-label witness votes for its own label only, and the model stays linear."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.linear_model import LogisticRegression

from acnlp.classify.aligned import AlignedLogit

CLASSES = ["boilerplate", "done", "in_progress", "not_applicable"]


def _witness_data(seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Log-probabilities of a noisy witness (columns 0-3, one per class) beside two free cues."""
    rng = np.random.default_rng(seed)
    labels = rng.choice(CLASSES, size=400, p=[0.4, 0.3, 0.2, 0.1])
    logits = rng.normal(scale=1.0, size=(400, 4)) + 2.0 * (labels[:, None] == np.array(CLASSES)[None, :])
    log_proba = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
    cues = rng.normal(size=(400, 2))
    return np.hstack([log_proba, cues]), labels


def test_aligned_without_groups_is_the_multinomial_logistic_regression():
    X, y = _witness_data()
    ours = AlignedLogit(aligned=(), C=2.0).fit(X, y)
    sklearn = LogisticRegression(C=2.0, class_weight="balanced", max_iter=5000, tol=1e-10).fit(X, y)
    np.testing.assert_allclose(ours.predict_proba(X), sklearn.predict_proba(X), atol=1e-3)  # solvers stop apart


@pytest.mark.parametrize("shared", [True, False])
def test_aligned_witness_weighs_only_its_own_label(shared):
    X, y = _witness_data()
    model = AlignedLogit(aligned=[[0, 1, 2, 3]], shared=shared).fit(X, y)
    block = model.coef_[:, :4]
    assert np.all(block[~np.eye(4, dtype=bool)] == 0.0)
    assert np.all(np.diag(block) > 0), "a witness that is right more often than not earns a positive weight"
    if shared:
        assert np.allclose(np.diag(block), block[0, 0])
    # How sure the witness is that a cell is *not* done moves no other label's score.
    cell = X[:1].copy()
    surer_not_done = cell.copy()
    surer_not_done[0, 1] -= 6.0
    change = model.decision_function(surer_not_done) - model.decision_function(cell)
    assert change[0, 1] < 0 and np.allclose(np.delete(change[0], 1), 0.0)


def test_aligned_free_columns_keep_a_weight_per_label():
    X, y = _witness_data()
    model = AlignedLogit(aligned=[[0, 1, 2, 3]]).fit(X, y)
    assert model.coef_.shape == (4, 6) and np.ptp(model.coef_[:, 4]) > 0


def test_aligned_refuses_a_group_without_a_column_per_class():
    X, y = _witness_data()
    with pytest.raises(ValueError, match="one column per class"):
        AlignedLogit(aligned=[[0, 1, 2]]).fit(X, y)


def test_aligned_clones_and_predicts_labels_it_was_fitted_on():
    X, y = _witness_data()
    model = clone(AlignedLogit(aligned=[[0, 1, 2, 3]], C=0.5)).fit(X, y)
    assert model.get_params()["C"] == 0.5
    assert set(model.predict(X)) <= set(CLASSES)
    assert (model.predict(X) == y).mean() > 0.6
