"""The Stanza backbone with the tiny model shipped in models/stanza-uk-lemma-tiny/, fully offline.

The lemma table holds word forms of the two seed reports (corpus/reports/), the data the tiny
model was trained on by training/stanza_lemmatizer.py; the expected lemmas are the ones
pymorphy3 gave them there. Skipped without the ``stanza`` extra.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

stanza = pytest.importorskip("stanza")

from acnlp.errors import BackendError  # noqa: E402
from acnlp.nlp.base import Analysis, load_backbone  # noqa: E402
from acnlp.nlp.stanza_backend import SHIPPED_MODEL_DIR, StanzaBackbone  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
TRAINING_SCRIPT = REPO / "training" / "stanza_lemmatizer.py"


def refuse_download(*args, **kwargs):
    raise AssertionError("the Stanza backbone tried to download something")


@pytest.fixture(scope="module")
def backbone() -> StanzaBackbone:
    """The shipped tiny model, loaded once with Stanza's download functions disabled."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("stanza.pipeline.core.download_resources_json", refuse_download)
        patch.setattr("stanza.pipeline.core.download_models", refuse_download)
        found = StanzaBackbone()
        found.pipeline()
    return found


def test_stanza_backend_shipped_model_loads_offline(backbone: StanzaBackbone) -> None:
    assert backbone.path == SHIPPED_MODEL_DIR
    assert set(backbone.pipeline().processors) == {"tokenize", "lemma"}


@pytest.mark.parametrize(
    ("form", "lemma"),
    [
        ("Проведено", "провести"),
        ("заходів", "захід"),
        ("комісії", "комісія"),
        ("Антикорупційної", "антикорупційний"),
        ("програми", "програма"),
        ("року", "рік"),
        ("роботи", "робота"),
        ("працівників", "працівник"),
        ("перевірок", "перевірка"),
        ("наказом", "наказ"),
    ],
    ids=lambda value: value,
)
def test_stanza_backend_lemmatises_report_words(backbone: StanzaBackbone, form: str, lemma: str) -> None:
    assert backbone.analyze(form).lemmas == [lemma]


def test_stanza_backend_offsets_point_into_normalised_text(backbone: StanzaBackbone) -> None:
    analysis = backbone.analyze("Проведено  п’ять перевірок працівників (наказ № 29/аг)\u00a0до кінця року.")
    assert isinstance(analysis, Analysis)
    assert analysis.text != analysis.original
    assert [t.text for t in analysis.tokens][:3] == ["Проведено", "п'ять", "перевірок"]
    for token in analysis.tokens:
        assert analysis.text[token.start : token.end] == token.text


def test_stanza_backend_without_pos_model_says_x(backbone: StanzaBackbone) -> None:
    tokens = backbone.analyze("Проведено навчання.").tokens
    assert {(t.pos, t.tag) for t in tokens} == {("X", "")}
    assert all(t.morph == {} for t in tokens)


def test_stanza_backend_pipe_batches_like_analyze(backbone: StanzaBackbone) -> None:
    texts = ["Проведено навчання.", "", "Заходів немає. Роботи тривають!", "   ", "протягом року"]
    piped = list(backbone.pipe(texts, batch_size=2))
    assert piped == [backbone.analyze(text) for text in texts]
    assert piped[1].tokens == () and piped[3].tokens == ()


def test_stanza_backend_load_backbone_returns_working_backbone() -> None:
    found = load_backbone("stanza")
    assert isinstance(found, StanzaBackbone) and found.name == "stanza"
    assert found.analyze("працівників комісії").lemmas == ["працівник", "комісія"]


def test_stanza_backend_missing_model_dir_names_path(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-models"
    with pytest.raises(BackendError, match="E022") as caught:
        StanzaBackbone(model_dir=str(missing)).analyze("текст")
    assert str(missing) in str(caught.value)
    assert "no such directory" in str(caught.value)


def test_stanza_backend_missing_files_are_named(tmp_path: Path) -> None:
    with pytest.raises(BackendError, match="no resources.json"):
        StanzaBackbone(model_dir=str(tmp_path)).analyze("текст")
    shutil.copy(SHIPPED_MODEL_DIR / "resources.json", tmp_path)
    with pytest.raises(BackendError, match="no lemma model lemma.pt") as caught:
        StanzaBackbone(model_dir=str(tmp_path)).analyze("текст")
    assert str(tmp_path) in str(caught.value)
    with pytest.raises(BackendError, match="no such lemma model file"):
        StanzaBackbone(model_dir=str(tmp_path), lemma_model="other.pt").analyze("текст")


def test_stanza_backend_reads_stanza_resources_layout(tmp_path: Path) -> None:
    """A directory laid out as stanza.download("uk") leaves it (lemma only, no POS file)."""
    (tmp_path / "uk" / "lemma").mkdir(parents=True)
    shutil.copy(SHIPPED_MODEL_DIR / "lemma.pt", tmp_path / "uk" / "lemma" / "iu_nocharlm.pt")
    defaults = {"tokenize": "iu", "pos": "iu_charlm", "lemma": "iu_nocharlm"}
    resources = {
        "uk": {
            "lang_name": "Ukrainian",
            "tokenize": {"iu": {}},
            "pos": {"iu_charlm": {}},
            "lemma": {"iu_nocharlm": {}},
            "default_processors": defaults,
            "packages": {"default": defaults},
        }
    }
    (tmp_path / "resources.json").write_text(json.dumps(resources), encoding="utf-8")
    found = StanzaBackbone(model_dir=str(tmp_path))
    assert found.analyze("Проведено перевірок").lemmas == ["провести", "перевірка"]
    assert set(found.pipeline().processors) == {"tokenize", "lemma"}

    (tmp_path / "uk" / "lemma" / "iu_nocharlm.pt").unlink()
    with pytest.raises(BackendError, match="iu_nocharlm.pt is missing"):
        StanzaBackbone(model_dir=str(tmp_path)).analyze("текст")


SMALL_CONLLU = """\
1	Проведено	провести	VERB	_	_	0	root	_	_
2	навчання	навчання	NOUN	_	_	1	dep	_	_
3	.	.	PUNCT	_	_	1	dep	_	_

1	Затверджено	затвердити	VERB	_	_	0	root	_	_
2	плани	план	NOUN	_	_	1	dep	_	_

1	Плани	план	NOUN	_	_	0	root	_	_
2	перевірок	перевірка	NOUN	_	_	1	dep	_	_

1	Роботи	робота	NOUN	_	_	0	root	_	_
"""


def test_stanza_backend_training_script_end_to_end(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("stanza_lemmatizer_script", TRAINING_SCRIPT)
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    source = tmp_path / "small.conllu"
    source.write_text(SMALL_CONLLU, encoding="utf-8")
    out = tmp_path / "model"

    assert script.main(["--conllu", str(source), "--out", str(out), "--eval-every", "4"]) == 0

    assert {p.name for p in out.iterdir()} == {"lemma.pt", "resources.json"}
    trained = StanzaBackbone(model_dir=str(out))
    assert trained.analyze("Затверджено плани перевірок").lemmas == ["затвердити", "план", "перевірка"]
