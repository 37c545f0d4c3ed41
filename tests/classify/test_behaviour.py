"""The shipped model on minimal pairs (``behaviour_pairs.py``): it reads the decisive element.

Each pair is two cells of one measure that differ in one element the guidelines decide by (what
is negated, aspect and tense, a category's qualifier, a reporting frame, …), or, for a control,
in one element that must not matter (noise, language, voice). A pair is right when both cells
are. The floors are the issue's: 95 % of pairs overall, no capability under 85 %.
`python training/evaluate_transfer.py --pairs-only --failures` prints the figures and the misses.
"""

from __future__ import annotations

import pytest

from acnlp import load
from acnlp.classify.evaluation import pair_scores

from .behaviour_pairs import CAPABILITIES, PAIRS


@pytest.fixture(scope="module")
def result():
    return pair_scores(load().classifier, PAIRS)


def test_behaviour_table_covers_every_capability_with_label_changes_and_controls():
    for capability in CAPABILITIES:
        pairs = [p for p in PAIRS if p.capability == capability]
        assert len(pairs) >= 12, capability
        assert any(p.first_label != p.second_label for p in pairs), capability
        assert any(p.first_label == p.second_label for p in pairs), capability


def test_behaviour_shipped_model_gets_the_pairs_right(result):
    assert result["pair_consistency"] >= 0.95, result["failures"]


@pytest.mark.parametrize("capability", CAPABILITIES)
def test_behaviour_shipped_model_holds_every_capability(result, capability):
    values = result["capabilities"][capability]
    assert values["pair_consistency"] >= 0.85, [f for f in result["failures"] if f["capability"] == capability]
