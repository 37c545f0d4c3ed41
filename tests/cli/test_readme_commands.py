"""Every `acnlp ...` command the README shows runs as the README says, in the README's order,
in one folder, as a newcomer following the tutorial would run them."""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path

from typer.testing import CliRunner

from acnlp.cli import app

from ..classify.conftest import SMALL_CORPUS

README = Path(__file__).resolve().parents[2] / "README.md"
runner = CliRunner()


def readme_commands() -> list[str]:
    text = README.read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"```(?:bash|text)\n(.*?)```", text, flags=re.DOTALL):
        for line in block.splitlines():
            line = line.removeprefix("$ ").split("  #")[0].strip()
            if line.startswith("acnlp ") or " && acnlp " in line:
                commands.append(line[line.index("acnlp ") :])
    return commands


def _workspace(folder: Path) -> None:
    """What the README's commands expect to find: the repository's reports, a small corpus
    (with the real seed cells and the test batch, for the extractor figures), the user's own
    annotated cells, and the broken file of the error example."""
    shutil.copytree(README.parent / "corpus" / "reports", folder / "corpus" / "reports")
    for name in ("seed_cells.jsonl", "written_w06.jsonl", "splits.json"):
        shutil.copy(README.parent / "corpus" / name, folder / "corpus" / name)
    with (folder / "corpus" / "small.jsonl").open("w", encoding="utf-8") as f:
        for i, (status, label) in enumerate(SMALL_CORPUS):
            f.write(json.dumps({"status": status, "label": label, "group": "ab"[i % 2]}, ensure_ascii=False) + "\n")
    (folder / "our_cells.csv").write_text(
        "status,label\nКомісію утворено наказом № 7,done\nЗвернень не надходило,not_applicable\n", encoding="utf-8"
    )
    (folder / "our_test_cells.jsonl").write_text(
        '{"status": "Проведено 4 навчання", "label": "done"}\n{"status": "Постійно", "label": "boilerplate"}\n', encoding="utf-8"
    )
    (folder / "broken.docx").write_bytes(b"not a zip")
    # §9's review loop: the audit page's corrections, and a Label Studio export of `acnlp review`'s tasks
    reviewed = [{"report": "dms_2019_annual", "source": f"dms_2019_annual.txt, line {line}", "status": status, "measure": "Навчання",
                 "label": "boilerplate", "label_reviewed": label, "review_note": ""}
                for line, status, label in [(20, "Проведено 2 навчання 12.03.2019", "done"), (22, "Скарг не надходило", "not_applicable")]]
    (folder / "dms_2019_annual.corrections.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in reviewed), encoding="utf-8")
    tasks = [{"id": 40 + i, "data": {**{k: r[k] for k in ("report", "source", "status", "measure")}, "model_label": r["label"]},
              "annotations": [{"id": 7 + i, "was_cancelled": False, "updated_at": "2026-11-30T10:00:00Z",
                               "result": [{"from_name": "label", "to_name": "status", "type": "choices", "value": {"choices": [r["label_reviewed"]]}}]}]}
             for i, r in enumerate(reviewed)]
    (folder / "project-3-at-2026-11-30-12-00.json").write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    # what the README's sed line makes of the Luhansk report: its fourth quarter (to compare periods)
    q3 = (folder / "corpus" / "reports" / "luhansk_housing_2019_q3.txt").read_text(encoding="utf-8")
    edits = [("за ІІІ квартал 2019 року", "за IV квартал 2019 року"), ("ІІІ кварталі", "IV кварталі"),
             ("Заплановано підвищення кваліфікації згідно графіка", "Проведено підвищення кваліфікації 2 працівників (свідоцтва від 15.11.2019)")]
    q4 = "\n".join(_sed_line(line, edits) for line in q3.split("\n"))
    (folder / "luhansk_housing_2019_q4.txt").write_text(q4, encoding="utf-8")


def _sed_line(line: str, edits: list[tuple[str, str]]) -> str:
    """``sed -e 's/a/b/' …`` on one line: each edit's first match in the line."""
    for old, new in edits:
        line = line.replace(old, new, 1)
    return line


def test_readme_shows_the_tutorial_commands():
    commands = readme_commands()
    assert len(commands) >= 8
    assert any(c.startswith("acnlp train") for c in commands) and any(c.startswith("acnlp cells") for c in commands)


def test_readme_commands_run_in_order(tmp_path, monkeypatch):
    _workspace(tmp_path)
    monkeypatch.chdir(tmp_path)
    for command in readme_commands():
        args = shlex.split(command)[1:]
        if args[:3] == ["lemmatize", "--backend", "stanza"]:
            try:
                import stanza  # noqa: F401
            except ImportError:
                continue
        result = runner.invoke(app, args)
        expected = 1 if "broken.docx" in command else 0
        assert result.exit_code == expected, f"{command}\n{result.output}"
        assert "Traceback" not in result.output, command
        if "-o" in args and expected == 0:
            out = Path(args[args.index("-o") + 1])
            assert out.exists() and out.stat().st_size > 0, command
