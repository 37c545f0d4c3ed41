"""The ``acnlp_morph`` spaCy component: same lemmas, parts of speech and features as the backbone."""

from __future__ import annotations

import spacy
from spacy.language import Language

from acnlp.nlp.components import AcnlpMorph
from acnlp.nlp.pymorphy_backend import PymorphyBackbone
from acnlp.normalize import normalize

REPORT_TEXT = "Протягом 2019 року проведено п’ять засідань комісії, роз’яснювальна робота здійснюється постійно."


def test_components_factory_is_registered() -> None:
    assert "acnlp_morph" in Language.factories
    nlp = spacy.blank("uk")
    component = nlp.add_pipe("acnlp_morph")
    assert isinstance(component, AcnlpMorph)
    assert nlp("Виконано.")[0].lemma_ == "виконати"


def test_components_same_lemmas_as_backbone(morph_nlp: Language, backbone: PymorphyBackbone) -> None:
    analysis = backbone.analyze(REPORT_TEXT)
    doc = morph_nlp(normalize(REPORT_TEXT))
    assert [t.text for t in doc] == [t.text for t in analysis.tokens]
    assert [t.lemma_ for t in doc] == analysis.lemmas
    assert [t.pos_ for t in doc] == [t.pos for t in analysis.tokens]


def test_components_sets_ud_features(morph_nlp: Language) -> None:
    doc = morph_nlp("Виконано, проведені заходи")
    assert doc[0].morph.to_dict() == {"Aspect": "Perf", "Mood": "Ind", "Person": "0", "Tense": "Past", "VerbForm": "Fin"}
    assert doc[2].morph.get("VerbForm") == ["Part"]
    assert doc[2].morph.get("Voice") == ["Pass"]


def test_components_folds_typographic_apostrophes(morph_nlp: Language) -> None:
    assert morph_nlp("п’ять")[0].lemma_ == "п'ять"


def test_components_keeps_earlier_annotation_without_overwrite() -> None:
    nlp = spacy.blank("uk")
    nlp.add_pipe("acnlp_morph", config={"overwrite": False})
    doc = nlp.make_doc("року")
    doc[0].lemma_ = "рок"
    assert nlp.get_pipe("acnlp_morph")(doc)[0].lemma_ == "рок"
