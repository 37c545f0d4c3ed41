"""The shipped models are found from a clone (source tree first on the path) and when installed.

Both are real layouts in a temporary folder, run in a fresh Python with the editable
install's import hook removed, so nothing can quietly resolve to this checkout:
- a clone after a plain `pip install .`: ``acnlp/`` and ``models/`` side by side, Python run
  from the clone's root, so the source tree shadows the installed package and there is no
  ``acnlp.models`` package at all (the README's examples failed there);
- the installed layout, built from ``pyproject.toml``'s own ``package-dir`` and
  ``package-data`` (a model file the packaging left out is missing here too).
"""

from __future__ import annotations

import fnmatch
import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from acnlp.analyzer import DEFAULT_MODEL

REPO = Path(__file__).resolve().parent.parent
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc")
#: What a non-editable install leaves: no import hook pointing back into a checkout.
WITHOUT_EDITABLE_HOOK = "import sys; sys.meta_path[:] = [f for f in sys.meta_path if 'editable' not in getattr(f, '__module__', '')]\n"
PROBE = WITHOUT_EDITABLE_HOOK + """
import importlib.util, json
import acnlp
from acnlp.analyzer import default_model_dir
try:  # the Stanza backend is an optional extra
    from acnlp.nlp.stanza_backend import SHIPPED_MODEL_DIR
except ImportError:
    SHIPPED_MODEL_DIR = None
label = acnlp.load().analyze("Скарг та повідомлень про корупцію у звітному періоді не надходило.")["label"]
print(json.dumps({"package": acnlp.__file__, "model": str(default_model_dir()), "stanza": SHIPPED_MODEL_DIR and str(SHIPPED_MODEL_DIR),
                  "models_package": importlib.util.find_spec("acnlp.models") is not None, "label": label}))
"""


def run_probe(cwd: Path, pythonpath: str = "") -> dict:
    # -c puts the working folder first on sys.path, as `python` in a clone does
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": pythonpath, "HOME": str(cwd)}
    completed = subprocess.run([sys.executable, "-c", PROBE], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout.splitlines()[-1])


def test_shipped_models_found_from_a_clone(tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    shutil.copytree(REPO / "acnlp", clone / "acnlp", ignore=IGNORE)
    shutil.copytree(REPO / "models", clone / "models", ignore=IGNORE)
    found = run_probe(clone)
    assert found["package"] == str(clone / "acnlp" / "__init__.py")
    assert not found["models_package"]  # the situation that broke the README's examples
    assert found["model"] == str(clone / "models" / DEFAULT_MODEL)
    assert found["stanza"] in (None, str(clone / "models" / "stanza-uk-lemma-tiny"))
    assert found["label"] == "not_applicable"


def installed_layout(site: Path) -> None:
    """Copy the packages where `pip install .` puts them, with only the files pyproject ships."""
    setuptools = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    for package in setuptools["packages"]:
        source = REPO / setuptools.get("package-dir", {}).get(package, package.replace(".", "/"))
        target = site / package.replace(".", "/")
        target.mkdir(parents=True, exist_ok=True)
        patterns = setuptools.get("package-data", {}).get(package, [])
        for path in source.rglob("*"):
            relative = path.relative_to(source).as_posix()
            if path.is_file() and "__pycache__" not in relative and (
                (path.suffix == ".py" and "/" not in relative) or any(fnmatch.fnmatch(relative, pattern) for pattern in patterns)
            ):
                (target / relative).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target / relative)


def test_shipped_models_found_when_installed(tmp_path: Path) -> None:
    site, elsewhere = tmp_path / "site-packages", tmp_path / "work"
    installed_layout(site)
    elsewhere.mkdir()
    found = run_probe(elsewhere, pythonpath=f"{site}:{':'.join(p for p in sys.path if p.endswith('site-packages'))}")
    assert found["package"] == str(site / "acnlp" / "__init__.py")
    assert found["models_package"]
    assert found["model"] == str(site / "acnlp" / "models" / DEFAULT_MODEL)
    assert found["label"] == "not_applicable"
