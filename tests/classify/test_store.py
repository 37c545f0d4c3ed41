"""Saved models: they load back the same, and a tampered or foreign file is refused."""

from __future__ import annotations

import json

import numpy as np
import pytest

from acnlp.classify.store import ModelError, ModelVersionWarning, load_model, save_model


def test_store_round_trip_predicts_the_same(small_model, tmp_path):
    save_model(small_model, tmp_path / "m", extra={"name": "m"})
    loaded = load_model(tmp_path / "m")
    texts = ["Скарг не надходило", "Проведено навчання"]
    np.testing.assert_allclose(loaded.predict_proba(texts), small_model.predict_proba(texts))
    manifest = json.loads((tmp_path / "m" / "manifest.json").read_text())
    assert len(manifest["sha256"]) == 64 and manifest["versions"]["scikit-learn"]


def test_store_refuses_a_tampered_model_file(small_model, tmp_path):
    save_model(small_model, tmp_path / "m")
    path = tmp_path / "m" / "model.joblib"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(ModelError, match=r"\[E051\] .*model.joblib: the model file's SHA-256 is .* refusing to load it"):
        load_model(tmp_path / "m")


def test_store_missing_model_is_a_clear_error(tmp_path):
    with pytest.raises(ModelError, match=r"\[E050\] .*no model here"):
        load_model(tmp_path)


def test_store_warns_when_trained_with_another_sklearn(small_model, tmp_path):
    save_model(small_model, tmp_path / "m")
    manifest_path = tmp_path / "m" / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["versions"]["scikit-learn"] = "0.24.2"
    manifest_path.write_text(json.dumps(manifest))
    with pytest.warns(ModelVersionWarning, match="trained with scikit-learn 0.24.2"):
        load_model(tmp_path / "m")
