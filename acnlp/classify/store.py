"""Save and load a trained model: a joblib file plus a manifest that vouches for it.

A joblib file runs code when it is loaded, so `load_model` checks the file's SHA-256 against
the manifest *before* unpickling and refuses a mismatch. A model trained with another
scikit-learn version still loads, with a warning.
"""

from __future__ import annotations

import hashlib
import json
import platform
import warnings
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any

import joblib

from ..errors import AcnlpError, E

MODEL_FILE = "model.joblib"
MANIFEST_FILE = "manifest.json"
VERSIONED = ("acnlp", "scikit-learn", "numpy", "scipy", "spacy", "pymorphy3", "pymorphy3-dicts-uk", "wordfreq", "joblib")


class ModelError(AcnlpError, RuntimeError):
    """A model directory cannot be loaded."""


class ModelVersionWarning(UserWarning):
    """The model was trained with other library versions than the ones installed."""


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def library_versions() -> dict[str, str]:
    """Installed versions of the libraries a model depends on."""
    versions = {"python": platform.python_version()}
    for name in VERSIONED:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def save_model(model: Any, directory: str | Path, extra: dict[str, Any] | None = None) -> Path:
    """Write ``model.joblib`` and ``manifest.json`` into ``directory``; return the directory."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / MODEL_FILE
    joblib.dump(model, path, compress=3)
    manifest = {
        "file": MODEL_FILE,
        "sha256": sha256(path),
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "versions": library_versions(),
        **(extra or {}),
    }
    (directory / MANIFEST_FILE).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return directory


def read_manifest(directory: str | Path) -> dict[str, Any]:
    directory = Path(directory)
    path = directory / MANIFEST_FILE
    if not path.exists():
        raise ModelError(E.MODEL_MISSING, path=directory, expected=f"{MANIFEST_FILE} and {MODEL_FILE}")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        manifest["sha256"], manifest["file"]
    except (ValueError, KeyError, TypeError) as err:
        raise ModelError(E.MODEL_MANIFEST, path=path, reason=str(err)) from None
    return manifest


def load_model(directory: str | Path) -> Any:
    """Load a saved model after checking its hash; warn if scikit-learn's version differs."""
    directory = Path(directory)
    manifest = read_manifest(directory)
    path = directory / manifest["file"]
    if not path.exists():
        raise ModelError(E.MODEL_MISSING, path=directory, expected=manifest["file"])
    actual = sha256(path)
    if actual != manifest["sha256"]:
        raise ModelError(E.MODEL_HASH, path=path, actual=actual, expected=manifest["sha256"])
    trained = manifest.get("versions", {}).get("scikit-learn")
    installed = library_versions()["scikit-learn"]
    if trained and trained != installed:
        warnings.warn(
            f"{directory}: trained with scikit-learn {trained}, running {installed}; predictions may differ. "
            "Retrain with `acnlp train` to be sure.",
            ModelVersionWarning,
            stacklevel=2,
        )
    with warnings.catch_warnings():
        # scikit-learn's own InconsistentVersionWarning says the same as ours, once per object
        warnings.filterwarnings("ignore", message="Trying to unpickle estimator")
        return joblib.load(path)
