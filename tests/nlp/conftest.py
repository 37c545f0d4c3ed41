"""Shared fixtures for the backbone tests: built once per session (real pymorphy3, real spaCy)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from acnlp.nlp.base import load_backbone
from acnlp.nlp.components import make_pipeline
from acnlp.nlp.pymorphy_backend import PymorphyBackbone


@pytest.fixture(scope="session")
def backbone() -> PymorphyBackbone:
    """The default backbone, as the rest of acnlp gets it."""
    found = load_backbone("pymorphy3")
    assert isinstance(found, PymorphyBackbone)
    return found


@pytest.fixture(scope="session")
def morph_nlp() -> Language:
    """``spacy.blank("uk")`` with the ``acnlp_morph`` component."""
    return make_pipeline()
