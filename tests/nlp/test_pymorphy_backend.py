"""The pymorphy3 backbone on words and phrasings of anti-corruption program reports.

The words were written fresh for these tests, in the spelling Word produces (typographic
apostrophes); the expected lemmas follow the UD convention the backbone is built to (the
impersonal -но/-то form lemmatises to the infinitive, a participle to its adjective).
"""

from __future__ import annotations

import pytest

from acnlp.nlp.base import Analysis, Backbone, Token
from acnlp.nlp.pymorphy_backend import PymorphyBackbone

REPORT_WORDS = [
    ("наказом", "наказ"),
    ("проведено", "провести"),
    ("роз’яснювальна", "роз'яснювальний"),
    ("засідань", "засідання"),
    ("року", "рік"),
    ("ради", "рада"),
    ("роботи", "робота"),
    ("проведені", "проведений"),
    ("виконано", "виконати"),
    ("п’ять", "п'ять"),
]


@pytest.mark.parametrize(("word", "lemma"), REPORT_WORDS, ids=[w for w, _ in REPORT_WORDS])
def test_pymorphy_backend_lemmatises_report_words(backbone: PymorphyBackbone, word: str, lemma: str) -> None:
    (token,) = backbone.analyze(word).tokens
    assert token.lemma == lemma


def test_pymorphy_backend_is_a_backbone(backbone: PymorphyBackbone) -> None:
    assert isinstance(backbone, Backbone)
    assert backbone.name == "pymorphy3"


def test_pymorphy_backend_impersonal_form_features(backbone: PymorphyBackbone) -> None:
    (token,) = backbone.analyze("виконано").tokens
    assert (token.pos, token.person, token.aspect) == ("VERB", "0", "Perf")
    assert token.morph["VerbForm"] == "Fin"
    assert "Impe" in token.tag


def test_pymorphy_backend_participle_features(backbone: PymorphyBackbone) -> None:
    (token,) = backbone.analyze("проведені").tokens
    assert token.pos == "ADJ"
    assert (token.morph["VerbForm"], token.voice, token.aspect) == ("Part", "Pass", "Perf")
    assert token.morph["Number"] == "Plur"


def test_pymorphy_backend_reflexive_present_features(backbone: PymorphyBackbone) -> None:
    (token,) = backbone.analyze("здійснюється").tokens
    assert token.lemma == "здійснюватися"
    assert (token.pos, token.aspect, token.tense, token.person) == ("VERB", "Imp", "Pres", "3")
    assert token.morph["Number"] == "Sing"


def test_pymorphy_backend_offsets_point_into_normalised_text(backbone: PymorphyBackbone) -> None:
    original = "Проведено  п’ять засідань\u00a0(протоколи від 12.03.2024 № 45/24)."
    analysis = backbone.analyze(original)
    assert analysis.original == original
    assert analysis.text == "Проведено п'ять засідань (протоколи від 12.03.2024 № 45/24)."
    for token in analysis.tokens:
        assert analysis.text[token.start : token.end] == token.text


def test_pymorphy_backend_numbers_punctuation_and_latin(backbone: PymorphyBackbone) -> None:
    tokens = {t.text: t for t in backbone.analyze("від 12.03.2024 № 45/24 (система COVID).").tokens}
    assert (tokens["12.03.2024"].pos, tokens["12.03.2024"].lemma) == ("NUM", "12.03.2024")
    assert (tokens["45/24"].pos, tokens["45/24"].lemma) == ("NUM", "45/24")
    assert tokens["("].pos == tokens[")"].pos == tokens["."].pos == "PUNCT"
    assert tokens["№"].pos == "SYM"
    assert (tokens["COVID"].pos, tokens["COVID"].lemma) == ("X", "covid")


def test_pymorphy_backend_context_picks_governed_case(backbone: PymorphyBackbone) -> None:
    tokens = backbone.analyze("до кінця поточного року").tokens
    assert [t.lemma for t in tokens] == ["до", "кінець", "поточний", "рік"]
    assert tokens[0].pos == "ADP"
    assert {t.morph["Case"] for t in tokens[1:]} == {"Gen"}


def test_pymorphy_backend_reads_a_noun_after_its_adjective(backbone: PymorphyBackbone) -> None:
    # «стану» is also «стати» (I will become), the better prior alone; after «воєнного» it is the noun
    tokens = backbone.analyze("В умовах воєнного стану техніка використовується за призначенням.").tokens
    assert [(t.lemma, t.pos) for t in tokens if t.text == "стану"] == [("стан", "NOUN")]
    assert [(t.lemma, t.pos) for t in backbone.analyze("Я стану лікарем.").tokens][1] == ("стати", "VERB")


def test_pymorphy_backend_reads_a_present_over_a_perfective_twin(backbone: PymorphyBackbone) -> None:
    # the dictionary lists «проходять», «перебуває» also as perfective futures of the same lemma
    tokens = backbone.analyze("Працівники проходять навчання, питання перебуває на контролі.").tokens
    verbs = [(t.text, t.tense, t.aspect) for t in tokens if t.pos == "VERB"]
    assert verbs == [("проходять", "Pres", "Imp"), ("перебуває", "Pres", "Imp")]
    assert [t.tense for t in backbone.analyze("Навчання проведуть у травні.").tokens if t.pos == "VERB"] == ["Fut"]


def test_pymorphy_backend_tokens_equal_constructed_tokens(backbone: PymorphyBackbone) -> None:
    token = backbone.analyze("роботи").tokens[0]
    rebuilt = Token(token.text, token.start, token.end, token.lemma, token.pos, token.tag, dict(token.morph))
    assert token == rebuilt
    assert repr(token) == repr(rebuilt)


def test_pymorphy_backend_empty_text(backbone: PymorphyBackbone) -> None:
    assert backbone.analyze("  ") == Analysis("  ", "", ())


def test_pymorphy_backend_pipe_equals_analyze(backbone: PymorphyBackbone) -> None:
    texts = ["Наказом від 26.02.2019 № 29/аг затверджено план.", "", "Роз’яснювальна робота проводиться постійно."]
    assert list(backbone.pipe(texts)) == [backbone.analyze(t) for t in texts]


def test_pymorphy_backend_fresh_instance_agrees_with_cached(backbone: PymorphyBackbone) -> None:
    text = "Інформація щодо виконання заходів розміщена на офіційному вебсайті ради."
    backbone.analyze(text)
    assert PymorphyBackbone().analyze(text) == backbone.analyze(text)


def test_pymorphy_backend_tokenises_a_text_as_each_chunk_alone(backbone: PymorphyBackbone) -> None:
    # new chunks of a text are tokenised in one call; tokens must still fall in their own chunk
    text = "Наказ № 612-ос від 12.03.2019р.: (створено) «комісію»; див. https://rada.gov.ua/a-b, ст. 12"
    chunks = [backbone.analyze(chunk).tokens for chunk in text.split(" ")]
    expected = [token.text for tokens in chunks for token in tokens]
    assert [token.text for token in PymorphyBackbone().analyze(text).tokens] == expected


def test_pymorphy_backend_tokenizer_is_spacy_blank_uk_tokenizer() -> None:
    """The backbone builds spaCy's Ukrainian tokenizer without a whole blank pipeline: its
    tokens (text, offset, lowercase) are those of ``spacy.blank("uk")`` on every corpus text."""
    import json
    from pathlib import Path

    import spacy

    from acnlp.nlp.pymorphy_backend import tokenizer

    corpus = Path(__file__).resolve().parents[2] / "corpus"
    texts = {record[key] for path in sorted(corpus.glob("*.jsonl")) for line in path.open(encoding="utf-8")
             for record in [json.loads(line)] for key in ("status", "measure", "deadline") if record.get(key)}
    texts |= {"Наказ № 612-ос від 12.03.2019р.: (створено) «комісію»; див. https://rada.gov.ua/a-b, ст. 12",
              "т.зв. «антикорупційна» п'ять—шість  e-mail: info@dms.gov.ua, 10 % і т. ін."}
    blank = spacy.blank("uk").tokenizer
    ours = tokenizer()
    assert len(texts) > 5_000
    for text in sorted(texts):
        assert [(t.text, t.idx, t.lower_) for t in ours(text)] == [(t.text, t.idx, t.lower_) for t in blank(text)], text


def test_pymorphy_backend_small_cache_gives_the_same_analyses(backbone: PymorphyBackbone) -> None:
    # a cache that fills mid-text is emptied and refilled with the whole text's chunks
    texts = ["Наказом від 26.02.2019 № 29/аг затверджено план.", "План затверджено наказом № 30.", "Роз’яснювальна робота проводиться постійно."]
    small = PymorphyBackbone(cache_size=3)
    assert [small.analyze(t) for t in texts * 2] == [backbone.analyze(t) for t in texts * 2]


def test_pymorphy_backend_survives_letters_pymorphy3_cannot_name(backbone) -> None:
    # pymorphy3 raises on letters without a Unicode name in Python's database (found by hypothesis)
    analysis = backbone.analyze("Виконано \U00017000 наказом")
    assert [t.lemma for t in analysis.tokens] == ["виконати", "\U00017000", "наказ"]
