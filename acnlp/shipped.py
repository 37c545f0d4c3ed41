"""Where the models shipped with acnlp are, in every way acnlp can be run.

The models live in the repository's top-level ``models/`` folder, which `pip install .`
installs as the package ``acnlp.models`` (see ``pyproject.toml``). Run from a clone, Python
imports ``acnlp`` from the source tree, which has no ``acnlp.models`` inside; so a shipped
model is looked for first as that package's resource and then in the ``models/`` folder
beside the source tree.

>>> from acnlp.analyzer import DEFAULT_MODEL
>>> (shipped_model_dir(DEFAULT_MODEL) / "manifest.json").is_file()
True
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

#: ``models/`` of the repository this source tree belongs to, when it is run from a clone.
REPOSITORY_MODELS = Path(__file__).resolve().parent.parent / "models"


def shipped_model_dir(name: str) -> Path:
    """The folder of the shipped model ``name``: installed, else in the clone's ``models/``.

    When neither has it, the installed place is returned, so that loading it fails with an
    error naming where acnlp looked.
    """
    candidates = []
    try:
        candidates.append(Path(str(resources.files("acnlp.models").joinpath(name))))
    except ModuleNotFoundError:  # the source tree of a clone shadows the installed package
        pass
    candidates.append(REPOSITORY_MODELS / name)
    return next((path for path in candidates if path.is_dir()), candidates[0])
