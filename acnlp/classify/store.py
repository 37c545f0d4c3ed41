"""Save and load a trained model: plain arrays and JSON, plus a manifest that vouches for them.

`save_model` writes the portable form (`acnlp.classify.portable`: ``model.npz`` and
``model.json``), which loads without pickle, so a model folder from anyone runs no code. The
manifest holds each file's SHA-256, checked before loading: a damaged file is refused.

An older pickled model (``model.joblib``) runs code when it is loaded. `load_model` refuses it
unless the caller says, with ``allow_pickle=True``, that it trusts whoever made the file.
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

from ..errors import AcnlpError, E
from .portable import ARRAYS_FILE, META_FILE, load_portable, save_portable

PICKLE_FILE = "model.joblib"
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
    """Write the portable model and ``manifest.json`` into ``directory``; return the directory."""
    directory = Path(directory)
    files = save_portable(model, directory)
    stale = directory / PICKLE_FILE
    if stale.exists():
        stale.unlink()  # a pickle left from an older model must not sit beside the new one
    manifest = {
        "files": {path.name: sha256(path) for path in files},
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "versions": library_versions(),
        **(extra or {}),
    }
    (directory / MANIFEST_FILE).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return directory


def read_manifest(directory: str | Path) -> dict[str, Any]:
    """The manifest, with ``files`` (name -> SHA-256) whether it is of the portable or the pickled kind."""
    directory = Path(directory)
    path = directory / MANIFEST_FILE
    if not path.exists():
        raise ModelError(E.MODEL_MISSING, path=directory, expected=f"{MANIFEST_FILE}, {ARRAYS_FILE} and {META_FILE}")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        if "files" not in manifest:
            manifest["files"] = {manifest["file"]: manifest["sha256"]}  # the pickled kind names one file
        if not isinstance(manifest["files"], dict) or not manifest["files"]:
            raise ValueError("'files' must name the model's files and their SHA-256")
    except (ValueError, KeyError, TypeError) as err:
        raise ModelError(E.MODEL_MANIFEST, path=path, reason=str(err)) from None
    return manifest


def load_model(directory: str | Path, allow_pickle: bool = False) -> Any:
    """Load a saved model after checking its files' hashes.

    A portable model loads with no code run. A pickled one is refused (E053) unless
    ``allow_pickle`` is true; then a scikit-learn version other than the training one warns.
    """
    directory = Path(directory)
    manifest = read_manifest(directory)
    for name, expected in manifest["files"].items():
        path = directory / name
        if not path.exists():
            raise ModelError(E.MODEL_MISSING, path=directory, expected=name)
        actual = sha256(path)
        if actual != expected:
            raise ModelError(E.MODEL_HASH, path=path, actual=actual, expected=expected)
    if ARRAYS_FILE in manifest["files"]:
        try:
            return load_portable(directory)
        except (ValueError, KeyError, OSError) as err:
            raise ModelError(E.MODEL_MANIFEST, path=directory / META_FILE, reason=str(err)) from None
    if not allow_pickle:
        raise ModelError(E.MODEL_PICKLE, path=directory / next(iter(manifest["files"])))
    return _load_pickle(directory / next(iter(manifest["files"])), manifest)


def _load_pickle(path: Path, manifest: dict[str, Any]) -> Any:
    import joblib

    trained = manifest.get("versions", {}).get("scikit-learn")
    installed = library_versions()["scikit-learn"]
    if trained and trained != installed:
        warnings.warn(
            f"{path.parent}: trained with scikit-learn {trained}, running {installed}; predictions may differ. "
            "Retrain with `acnlp train` to be sure.",
            ModelVersionWarning,
            stacklevel=3,
        )
    with warnings.catch_warnings():
        # scikit-learn's own InconsistentVersionWarning says the same as ours, once per object
        warnings.filterwarnings("ignore", message="Trying to unpickle estimator")
        return joblib.load(path)
