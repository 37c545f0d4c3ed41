"""The ``acnlp_extractors`` spaCy component: span groups and value objects on a real pipeline."""

from __future__ import annotations

from pathlib import Path

import spacy

from acnlp.extract import extract
from acnlp.extract.component import GROUPS
from acnlp.extract.mentions import DateMention, DocRef
from acnlp.nlp.components import make_pipeline
from acnlp.normalize import normalize

STATUS = "Наказом ДМС від 26.02.2019 № 29/аг затверджено план; у ІІІ кварталі проведено 5 засідань, виконано на 95 %."


def test_component_sets_span_groups_with_labels_and_values() -> None:
    nlp = spacy.blank("uk")
    nlp.add_pipe("acnlp_extractors", config={"year": 2019})
    doc = nlp(normalize(STATUS))
    assert set(GROUPS) <= set(doc.spans)
    assert [(s.text, s.label_) for s in doc.spans["acnlp_dates"]] == [("26.02.2019", "DATE"), ("ІІІ кварталі", "DATE")]
    order = doc.spans["acnlp_orders"][0]._.acnlp_mention
    assert isinstance(order, DocRef) and (order.type, order.number, order.issuer) == ("наказ", "29/аг", "ДМС")
    assert [(s.text, s._.acnlp_mention.value) for s in doc.spans["acnlp_counts"]] == [("5 засідань", 5)]
    assert [s._.acnlp_mention.value for s in doc.spans["acnlp_percents"]] == [95.0]


def test_component_agrees_with_the_plain_function() -> None:
    nlp = spacy.blank("uk")
    nlp.add_pipe("acnlp_extractors")
    doc = nlp(normalize(STATUS))
    assert doc._.acnlp_extraction == extract(STATUS)


def test_component_spans_cover_numbers_the_tokenizer_splits() -> None:
    # spaCy splits «01-14/2875» into several tokens; the span still covers the whole reference
    nlp = spacy.blank("uk")
    nlp.add_pipe("acnlp_extractors")
    doc = nlp("лист від 03.11.2023 № 01-14/2875")
    span = doc.spans["acnlp_orders"][0]
    assert span.text == "лист від 03.11.2023 № 01-14/2875"
    assert span._.acnlp_mention.number == "01-14/2875"


def test_component_runs_after_the_backbone_and_survives_a_round_trip(tmp_path: Path) -> None:
    nlp = make_pipeline()
    nlp.add_pipe("acnlp_extractors", config={"year": 2021})
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == ["acnlp_morph", "acnlp_extractors"]
    assert loaded.get_pipe("acnlp_extractors").year == 2021
    doc = loaded("У ІІ півріччі проведено два навчання.")
    assert doc[0].lemma_ == "у"
    assert [s._.acnlp_mention for s in doc.spans["acnlp_dates"]] == [DateMention("ІІ півріччі", 2, 13, "2021-H2", "half_year", "period")]
