"""The classifier's explanation features said in words, for the page's «Ознаки» and the files.

The classifier explains a label by feature names (``lemmas:забезпечити``, ``chars:остій``,
``cue:present_tense``); an auditor needs words: «слово «забезпечити»», «теперішній час». The
words live in ``acnlp/data/feature_words.json``, one entry per cue of
`acnlp.classify.features.LINGUISTIC_FEATURES`, so whoever adds or renames a cue adds its words
there; a feature the file does not know is still said plainly, never dropped.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def feature_words() -> dict[str, Any]:
    """The contents of ``acnlp/data/feature_words.json``."""
    return json.loads(resources.files("acnlp.data").joinpath("feature_words.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=50_000)  # a report's rows explain themselves with the same few hundred features
def say_feature(feature: str) -> str:
    """A classifier feature in words.

    >>> say_feature("lemmas:забезпечити"), say_feature("cue:present_tense")
    ('слово «забезпечити»', 'теперішній час')
    >>> say_feature("lemmas:не_провести 0"), say_feature("chars: пос")
    ('слова «не провести число»', 'частина слова «пос»')
    >>> say_feature("cue:brand_new_cue"), say_feature("shape:Xxxx")
    ('ознака «brand new cue»', 'ознака «Xxxx»')
    """
    words = feature_words()
    branch, _, name = feature.partition(":")
    if not name:
        branch, name = "", branch
    if branch == "cue":
        return words["cues"].get(name) or words["unknown_cue"].format(text=name.replace("_", " "))
    # word branches (lemmas and the like) are lemmas joined by spaces, where «0» is any number
    # and «не_» marks a negated predicate; character n-grams carry word edges as spaces
    parts = name.split()
    several = len(parts) > 1
    text = " ".join(parts) if branch == "chars" else " ".join(_lemma_word(lemma, words) for lemma in parts)
    forms = words["branches"].get(branch)
    if forms is None:
        return words["unknown_branch"].format(text=text)
    return (forms["many"] if several else forms["one"]).format(text=text)


def _lemma_word(lemma: str, words: dict[str, Any]) -> str:
    if lemma == "0":
        return words["number"]
    return "не " + lemma.removeprefix(words["negated"]) if lemma.startswith(words["negated"]) else lemma


def said_features(features: Any, top: int) -> list[dict[str, Any]]:
    """The first ``top`` explanation items of a row, each with ``words`` added.

    >>> said_features([{"feature": "cue:dates", "weight": 0.5}], 5)
    [{'feature': 'cue:dates', 'weight': 0.5, 'words': 'дати'}]
    """
    return [{**item, "words": say_feature(str(item.get("feature", "")))} for item in (features or [])[:top] if isinstance(item, dict)]
