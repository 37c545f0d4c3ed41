"""The classifier's explanation features said in words: every cue the classifier has, and a plain fallback."""

from __future__ import annotations

import pytest

from acnlp.audit.explanations import feature_words, say_feature
from acnlp.classify.features import LINGUISTIC_FEATURES


@pytest.mark.parametrize("cue", LINGUISTIC_FEATURES)
def test_explanations_every_cue_of_the_classifier_has_words(cue: str) -> None:
    # the cue names are read from the classifier itself: a cue added there without words here fails
    assert cue in feature_words()["cues"], f"add words for cue:{cue} to acnlp/data/feature_words.json"
    said = say_feature(f"cue:{cue}")
    assert said and "_" not in said and cue not in said


@pytest.mark.parametrize(
    ("feature", "words"),
    [
        ("lemmas:забезпечити", "слово «забезпечити»"),
        ("lemmas:провести 0 засідання", "слова «провести число засідання»"),
        ("lemmas:не_провести", "слово «не провести»"),
        ("chars:езпеч", "частина слова «езпеч»"),
        ("chars:о н", "буквосполучення «о н»"),
        ("cue:present_tense", "теперішній час"),
        ("cue:a_cue_not_yet_in_the_file", "ознака «a cue not yet in the file»"),
        ("embeddings:17", "ознака «17»"),
        ("bare", "ознака «bare»"),
    ],
)
def test_explanations_say_feature(feature: str, words: str) -> None:
    assert say_feature(feature) == words
