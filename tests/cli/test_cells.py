"""`acnlp cells` keeps line N as line N: every input line gets one output object, bad ones an
`error` naming the line and its byte offset; the exit code says whether any line failed."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from acnlp.cli import app

runner = CliRunner()
GOOD = json.dumps({"status": "Проведено 2 навчання", "row": 1}, ensure_ascii=False).encode("utf-8")


def test_cells_every_line_answered_in_place(tmp_path: Path) -> None:
    lines = [
        GOOD,                                                   # 1 fine
        b"",                                                    # 2 blank
        b"not json",                                            # 3 not JSON
        "Проведено".encode("cp1251"),                           # 4 not UTF-8
        json.dumps({"measure": "Навчання"}).encode("utf-8"),    # 5 no status
        b"[1, 2]",                                              # 6 not an object
        json.dumps({"status": "Скарг не надходило", "row": 7}, ensure_ascii=False).encode("utf-8"),  # 7 fine
    ]  # fmt: skip
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"\n".join(lines) + b"\n")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["cells", str(source), "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert "5 line(s) could not be labelled" in result.stderr and "Traceback" not in result.output
    back = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(back) == len(lines)
    assert back[0]["row"] == 1 and "label" in back[0] and back[6]["row"] == 7 and "label" in back[6]
    offsets = [sum(len(line) + 1 for line in lines[:i]) for i in range(len(lines))]
    for number in (2, 3, 4, 5, 6):
        error = back[number - 1]["error"]
        assert error.startswith(f"[E085] {source}: line {number} (byte {offsets[number - 1]}): "), error
        assert "label" not in back[number - 1]
    assert "blank" in back[1]["error"] and "not JSON" in back[2]["error"] and "not UTF-8" in back[3]["error"]
    assert back[4]["measure"] == "Навчання" and "status" in back[4]["error"]


def test_cells_all_good_exits_zero_and_reads_a_bom(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"\xef\xbb\xbf" + GOOD + b"\n" + GOOD)  # a BOM, no final line break
    result = runner.invoke(app, ["cells", str(source)])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["row"] for line in result.stdout.splitlines()] == [1, 1]


def test_cells_standard_input_names_it(tmp_path: Path) -> None:
    result = runner.invoke(app, ["cells", "-"], input=b"\xff\xfe\n")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["error"].startswith("[E085] <stdin>: line 1 (byte 0): not UTF-8")


def test_cells_process_never_loads_torch(tmp_path: Path) -> None:
    """`acnlp cells` needs spaCy's tokenizer alone: torch (installed by the stanza extra, which
    thinc would import with spaCy) stays out of the process, a second and 200 MiB saved."""
    import importlib.util
    import subprocess
    import sys

    import pytest

    if importlib.util.find_spec("torch") is None:
        pytest.skip("torch is not installed (it comes with the stanza extra): nothing to keep out")
    source = tmp_path / "in.jsonl"
    source.write_bytes(GOOD + b"\n")
    script = (
        "import sys\n"
        "from acnlp.cli import main\n"
        f"sys.argv = ['acnlp', 'cells', {str(source)!r}]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('spacy' in sys.modules, 'torch' in sys.modules, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout)["label"] == "done"
    assert done.stderr.split() == ["True", "False"]


def test_cells_command_leaves_its_objects_out_of_the_last_garbage_collection(tmp_path: Path) -> None:
    """When the command ends, what it loaded and cached is frozen, so the collection Python runs
    as it shuts down (0.3 s after 1,350 cells) walks none of it; the exit code still comes out."""
    import subprocess
    import sys

    source = tmp_path / "in.jsonl"
    source.write_bytes(GOOD + b"\n\n")  # a blank line: exit code 1, which must still come out

    def frozen_after(entry: str) -> list[str]:
        script = (
            "import gc, sys\n"
            f"from acnlp.cli import {entry}\n"
            f"sys.argv = ['acnlp', 'cells', {str(source)!r}]\n"
            "try:\n"
            f"    {entry}()\n"
            "except SystemExit as stop:\n"
            "    print(stop.code, gc.get_freeze_count(), file=sys.stderr)\n"
        )
        return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True).stderr.split()[-2:]

    (code, frozen), (app_code, app_frozen) = frozen_after("main"), frozen_after("app")
    assert code == app_code == "1"
    # the typer app alone leaves frozen only what `settle` froze before the lines were read
    assert int(frozen) > int(app_frozen) > 10_000
