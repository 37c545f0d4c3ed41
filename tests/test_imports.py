"""Start-up stays light: what `import acnlp`, `acnlp --help`, spaCy's entry points and
`acnlp.load()` leave out of ``sys.modules`` (issue 13).

Each case runs in a fresh ``python`` process, since this test session has imported
everything already. A heavy import costs a user up to a second at every command (sklearn and
scipy 1.2 s, spaCy 0.7 s, openpyxl 0.24 s on the 2-core machine: ``benchmarks/startup.py``),
so a module-level import of one of them in the wrong place fails here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
#: Modules that no start-up path may import before a command needs them.
HEAVY = ("sklearn", "scipy", "spacy", "openpyxl", "pdfplumber", "joblib", "distributed")
#: What the shipped model needs beside numpy and the backbone: nothing of these.
MODEL_STACK = ("sklearn", "scipy", "joblib", "openpyxl", "pdfplumber", "distributed")

RUN_HELP = """
import sys
from acnlp.cli import main
sys.argv = ["acnlp", "--help"]
try:
    main()
except SystemExit as stop:
    assert stop.code == 0, stop.code
"""


def loaded_after(code: str, *, cwd: Path = REPO) -> tuple[set[str], str]:
    """The top-level modules a fresh process has imported after running ``code``, and its stdout."""
    probe = code + "\nimport json, sys\nprint('\\nMODULES ' + json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    done = subprocess.run([sys.executable, "-c", probe], cwd=cwd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    output, _, modules = done.stdout.rpartition("\nMODULES ")
    return set(json.loads(modules)), output


def test_imports_import_acnlp_leaves_heavy_modules_out() -> None:
    loaded, _ = loaded_after("import acnlp")
    assert "acnlp" in loaded
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))


def test_imports_public_names_still_load_on_first_use() -> None:
    loaded, output = loaded_after(
        "import acnlp\n"
        "from acnlp import read_report, normalize, Row\n"
        "print(len(read_report('corpus/reports/luhansk_housing_2019_q3.txt').rows), normalize('тaк'), Row.__name__, acnlp.load.__name__)"
    )
    assert output.split() == ["37", "так", "Row", "load"]
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))


def test_imports_unknown_name_is_an_attribute_error() -> None:
    import acnlp

    with pytest.raises(AttributeError, match="no attribute 'analyse'"):
        acnlp.analyse  # noqa: B018


@pytest.mark.parametrize("launch", ["python -m acnlp.cli", "the console entry point"])
def test_imports_help_leaves_heavy_modules_out(launch: str) -> None:
    code = "import runpy, sys\nsys.argv = ['acnlp', '--help']\ntry:\n    runpy.run_module('acnlp.cli', run_name='__main__')\nexcept SystemExit as stop:\n    assert stop.code == 0\n"
    loaded, output = loaded_after(code if launch.startswith("python") else RUN_HELP)
    for command in ("audit", "parse", "cells", "train", "evaluate-extractors"):
        assert command in output  # the help really was printed, every command listed
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))


def test_imports_command_help_leaves_heavy_modules_out() -> None:
    loaded, output = loaded_after(RUN_HELP.replace('"--help"', '"audit", "--help"'))
    assert "--jobs" in output
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))


def test_imports_spacy_entry_points_leave_model_stack_out(tmp_path: Path) -> None:
    # spaCy imports every registered factory's module at spacy.blank: acnlp's two come in, and
    # with them the package, but not the classifier's or the writers' libraries.
    loaded, output = loaded_after(
        "import spacy\n"
        "nlp = spacy.blank('uk')\n"
        "nlp.add_pipe('acnlp_extractors', config={'year': 2019})\n"
        "doc = nlp('Наказ від 26.02.2019 № 29/аг')\n"
        "print([span.text for span in doc.spans['acnlp_orders']])",
        cwd=tmp_path,
    )
    assert output.strip() == "['Наказ від 26.02.2019 № 29/аг']"
    assert "acnlp" in loaded
    assert loaded.isdisjoint(MODEL_STACK), sorted(loaded & set(MODEL_STACK))


def test_imports_load_and_analyze_need_no_sklearn() -> None:
    loaded, output = loaded_after(
        "import acnlp\nprint(acnlp.load().analyze('Скарг та повідомлень у звітному періоді не надходило.')['label'])"
    )
    assert output.strip() == "not_applicable"
    assert loaded.isdisjoint(MODEL_STACK), sorted(loaded & set(MODEL_STACK))


def test_imports_probe_sees_a_heavy_import() -> None:
    # The probe itself: a module that does need sklearn shows up, so the tests above can fail.
    loaded, _ = loaded_after("import acnlp.classify.training")
    assert {"sklearn", "scipy"} <= loaded


def test_imports_commands_that_read_no_report_leave_the_readers_out() -> None:
    """``acnlp --help`` and ``acnlp cells`` import `acnlp.io.limits` and `acnlp.io.atomic`, not
    every reader behind `acnlp.io` (whose names load on first use)."""
    probe = (
        "import io, json, runpy, sys\n"
        "sys.stdin = io.TextIOWrapper(io.BytesIO('{\"status\": \"Виконано\"}\\n'.encode()))\n"
        "for argv in (['acnlp', '--help'], ['acnlp', 'cells', '-', '-o', '-']):\n"
        "    sys.argv = argv\n"
        "    try:\n"
        "        runpy.run_module('acnlp.cli', run_name='__main__')\n"
        "    except SystemExit as stop:\n"
        "        assert not stop.code, stop.code\n"
        "print('\\nMODULES ' + json.dumps(sorted(m for m in sys.modules if m.startswith('acnlp.io'))))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    output, _, modules = done.stdout.rpartition("\nMODULES ")
    assert '"label"' in output  # the cell really was labelled
    assert "acnlp.io.limits" in json.loads(modules)
    assert not {"acnlp.io.reader", "acnlp.io.assemble", "acnlp.io.docx"} & set(json.loads(modules))
