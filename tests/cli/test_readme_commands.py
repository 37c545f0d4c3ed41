"""Every `acnlp ...` command the README shows runs as the README says it does."""

from __future__ import annotations

import os
import re
import shlex
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from acnlp.cli import app

README = Path(__file__).resolve().parents[2] / "README.md"
runner = CliRunner()


def _readme_commands() -> list[str]:
    text = README.read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"```(?:bash|text)\n(.*?)```", text, flags=re.DOTALL):
        for line in block.splitlines():
            line = line.removeprefix("$ ").split("  #")[0].strip()
            if "acnlp " in line:
                commands.append(line[line.index("acnlp ") :])
    return commands


def test_readme_shows_commands():
    assert len(_readme_commands()) >= 5


@pytest.mark.parametrize("command", _readme_commands())
def test_readme_command_runs(command, tmp_path, monkeypatch):
    shutil.copytree(README.parent / "corpus" / "reports", tmp_path / "corpus" / "reports")
    (tmp_path / "broken.docx").write_bytes(b"not a zip")  # the README's example of a bad file
    monkeypatch.chdir(tmp_path)
    args = shlex.split(command)[1:]
    if args[:3] == ["lemmatize", "--backend", "stanza"]:
        pytest.importorskip("stanza")
    result = runner.invoke(app, args)
    expected = 1 if "broken.docx" in command else 0
    assert result.exit_code == expected, result.output
    if "-o" in args:
        out = Path(args[args.index("-o") + 1])
        assert out.exists() and out.stat().st_size > 0
    assert "Traceback" not in result.output
    assert os.getcwd() == str(tmp_path)
