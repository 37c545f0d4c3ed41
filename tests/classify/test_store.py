"""Saved models: they load back the same, run no code on load, and a tampered or foreign file is refused."""

from __future__ import annotations

import json
import pickle

import joblib
import numpy as np
import pytest

from acnlp.classify.store import ModelError, ModelVersionWarning, load_model, save_model


def test_store_round_trip_predicts_the_same(small_model, tmp_path):
    save_model(small_model, tmp_path / "m", extra={"name": "m"})
    loaded = load_model(tmp_path / "m")
    texts = ["Скарг не надходило", "Проведено навчання", "За інформацією ДПС, захід не виконано", "",
             # several clauses: the clause channel reads the deciding one on its own
             "Робота проводиться постійно. Консультації надаються. Навчання перенесено на 2022 рік."]
    np.testing.assert_allclose(loaded.predict_proba(texts), small_model.predict_proba(texts), atol=1e-12)
    assert list(loaded.predict(texts)) == list(small_model.predict(texts))
    assert loaded.explain(texts, top=3) == small_model.explain(texts, top=3)
    manifest = json.loads((tmp_path / "m" / "manifest.json").read_text())
    assert set(manifest["files"]) == {"model.npz", "model.json"}
    assert all(len(digest) == 64 for digest in manifest["files"].values()) and manifest["versions"]["scikit-learn"]


@pytest.mark.parametrize("second_stage", ["aligned", "diagonal"])
def test_store_round_trip_of_an_aligned_second_stage_predicts_the_same(small_corpus, tmp_path, second_stage):
    from acnlp.classify.estimator import StatusClassifier

    model = StatusClassifier(calibration_cv=2, second_stage=second_stage, reading_in_words=True).fit(*small_corpus)
    save_model(model, tmp_path / "m", extra={"name": "m"})
    texts = ["Скарг не надходило", "Проведено навчання", "Робота проводиться постійно. Навчання перенесено на 2022 рік."]
    np.testing.assert_allclose(load_model(tmp_path / "m").predict_proba(texts), model.predict_proba(texts), atol=1e-12)


@pytest.mark.parametrize("name", ["model.npz", "model.json"])
def test_store_refuses_a_tampered_model_file(small_model, tmp_path, name):
    save_model(small_model, tmp_path / "m")
    path = tmp_path / "m" / name
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises(ModelError, match=rf"\[E051\] .*{name}: the model file's SHA-256 is .* refusing"):
        load_model(tmp_path / "m")


def test_store_missing_model_is_a_clear_error(tmp_path):
    with pytest.raises(ModelError, match=r"\[E050\] .*no model here"):
        load_model(tmp_path)


class _Payload:
    """Unpickling this writes a file: what an attacker's "retrained model" would do, harmlessly."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (self.marker, "w"))


def _pickled_model_folder(folder, payload) -> None:
    folder.mkdir()
    joblib.dump(payload, folder / "model.joblib")
    from acnlp.classify.store import sha256

    manifest = {"file": "model.joblib", "sha256": sha256(folder / "model.joblib"), "versions": {}}
    (folder / "manifest.json").write_text(json.dumps(manifest))


def test_store_refuses_a_pickled_model_with_a_matching_hash_and_runs_none_of_it(tmp_path):
    marker = tmp_path / "pwned"
    _pickled_model_folder(tmp_path / "evil", _Payload(str(marker)))
    with pytest.raises(ModelError, match=r"\[E053\] .*model.joblib: this is a pickled model.*runs whatever code"):
        load_model(tmp_path / "evil")
    assert not marker.exists()


def test_store_loads_a_trusted_pickled_model_only_when_asked(small_model, tmp_path):
    _pickled_model_folder(tmp_path / "old", small_model)
    loaded = load_model(tmp_path / "old", allow_pickle=True)
    np.testing.assert_allclose(loaded.predict_proba(["Скарг не надходило"]), small_model.predict_proba(["Скарг не надходило"]))


def test_store_warns_when_a_trusted_pickle_was_trained_with_another_sklearn(small_model, tmp_path):
    _pickled_model_folder(tmp_path / "old", small_model)
    manifest_path = tmp_path / "old" / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["versions"]["scikit-learn"] = "0.24.2"
    manifest_path.write_text(json.dumps(manifest))
    with pytest.warns(ModelVersionWarning, match="trained with scikit-learn 0.24.2"):
        load_model(tmp_path / "old", allow_pickle=True)


def test_store_portable_model_holds_no_pickle(small_model, tmp_path):
    save_model(small_model, tmp_path / "m")
    with np.load(tmp_path / "m" / "model.npz", allow_pickle=False) as arrays:
        assert all(arrays[key].dtype != object for key in arrays.files)
    with pytest.raises(pickle.UnpicklingError):
        pickle.loads((tmp_path / "m" / "model.npz").read_bytes())
