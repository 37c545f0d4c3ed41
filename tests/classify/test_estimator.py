"""StatusClassifier keeps scikit-learn's estimator contract and learns from a small corpus."""

from __future__ import annotations

import pickle

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.utils.estimator_checks import (
    check_get_params_invariance,
    check_no_attributes_set_in_init,
    check_parameters_default_constructible,
    check_set_params,
)

from acnlp.classify.estimator import StatusClassifier
from acnlp.classify.features import Cell


@pytest.mark.parametrize(
    "check",
    [check_no_attributes_set_in_init, check_parameters_default_constructible, check_get_params_invariance, check_set_params],
    ids=lambda c: c.__name__,
)
def test_estimator_follows_sklearn_conventions(check):
    check("StatusClassifier", StatusClassifier())


def test_estimator_init_stores_parameters_unchanged():
    clf = StatusClassifier(C=0.5, calibration="isotonic", random_state=7)
    assert clf.get_params()["C"] == 0.5 and clf.get_params()["random_state"] == 7
    assert clone(clf).get_params() == clf.get_params()


def test_estimator_predict_before_fit_raises():
    with pytest.raises(NotFittedError):
        StatusClassifier().predict(["Виконано"])


@pytest.mark.parametrize(
    "kwargs,labels,message",
    [
        ({}, ["done", "finished"], "unknown labels"),
        ({}, ["done", "done"], "at least two labels"),
        ({"calibration": "platt"}, ["done", "boilerplate"], "calibration must be"),
        ({"second_stage": "mixed"}, ["done", "boilerplate"], "second_stage must be"),
    ],
)
def test_estimator_validates_at_fit(kwargs, labels, message):
    with pytest.raises(ValueError, match=message):
        StatusClassifier(**kwargs).fit(["Проведено навчання", "Постійно"], labels)


def test_estimator_probabilities_follow_classes_and_sum_to_one(small_model):
    proba = small_model.predict_proba(["Скарг не надходило у звітному періоді", Cell("Розпочато перевірку")])
    assert list(small_model.classes_) == ["boilerplate", "done", "in_progress", "not_applicable"]
    assert proba.shape == (2, 4)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    assert small_model.classes_[proba[0].argmax()] == "not_applicable"


def test_estimator_generalises_to_unseen_phrasings(small_model):
    unseen = {
        "Звернень щодо порушень не надходило": "not_applicable",
        "Проведено 2 засідання комісії": "done",
        "Постійно здійснюється роз'яснювальна робота з працівниками": "boilerplate",
    }
    assert list(small_model.predict(list(unseen))) == list(unseen.values())


def test_estimator_explains_with_the_features_that_favoured_the_label(small_model):
    (reasons,) = small_model.explain(["Скарг не надходило"], top=3)
    assert reasons and all(weight > 0 for _, weight in reasons)
    assert any("не" in name or name == "cue:negation" for name, _ in reasons)


def test_estimator_pickles_and_predicts_the_same(small_model):
    again = pickle.loads(pickle.dumps(small_model))
    texts = ["Виконано у встановлений термін", "Розпочато"]
    np.testing.assert_allclose(again.predict_proba(texts), small_model.predict_proba(texts))


def test_estimator_refuses_inputs_that_are_not_cells(small_model):
    with pytest.raises(TypeError, match="a cell must be"):
        small_model.predict([42])
