"""`acnlp review`: pick the audited cells most worth a human look, as a Label Studio import."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import AcnlpError, E
from ._console import err_console, report_error

EPILOG = (
    "Example: [bold]acnlp review audit/ -o review/tasks.json --n 50[/]\n\n"
    "Then import review/tasks.json into a Label Studio project set up with review/label_config.xml, "
    "label, export as JSON, and train: [bold]acnlp train corpus/ project-1-export.json -o models/reviewed[/]"
)
CONFIG_NAME = "label_config.xml"


def review(
    outputs: Annotated[list[Path], typer.Argument(help="The audit's NAME.jsonl files, or the audit's output folders (every .jsonl in them).", show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", help="The Label Studio import to write (JSON); label_config.xml is written beside it.", show_default=False)],
    n: Annotated[int, typer.Option("--n", min=1, help="How many cells to pick at most.")] = 200,
    model_version: Annotated[Optional[str], typer.Option(help="The model the audit ran with, as the predictions' model_version (default: the shipped model's name; give it when the audit ran with --model).")] = None,
) -> None:
    """Pick the audited cells most worth a human look and write them as a Label Studio import
    (the model's label as a pre-annotation, its top probability as the score) with the
    labelling config beside it. First the cells where the guidelines' clause-by-clause reading
    and the model disagree, then the least confident; spread over reports and sections, never
    two near-duplicate answers. The same outputs always give the same picks.
    """
    # Imported here, not at the top: `acnlp --help` imports every command module.
    from ..analyzer import DEFAULT_MODEL
    from ..io.atomic import replacing
    from ..review import audit_outputs, audit_rows, candidate, label_config, pick, tasks
    from ._output import check_output_file

    config = output.with_name(CONFIG_NAME)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)  # as `audit -o` makes its folder
    except OSError:
        pass  # check_output_file names the folder and the reason
    try:
        check_output_file(output)
        check_output_file(config)
    except AcnlpError as err:
        report_error(str(err))
        raise typer.Exit(code=2) from None
    failed = False
    candidates, rows, no_answer = [], 0, 0
    for path in audit_outputs(outputs):
        for item in audit_rows(path):
            if isinstance(item, AcnlpError):
                report_error(str(item))
                failed = True
                continue
            rows += 1
            found = candidate(item)
            if found is None:
                no_answer += 1
            else:
                candidates.append(found)
    picks = pick(candidates, n)
    if not picks:
        reason = f"{rows} row(s) read, none with an answer" if rows else "no audited row could be read"
        report_error(str(AcnlpError(E.NOTHING_TO_REVIEW, reason=reason)))
        raise typer.Exit(code=1)
    with replacing(output, config) as (tasks_file, config_file):
        tasks_file.write_text(json.dumps(tasks(picks, model_version or DEFAULT_MODEL), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        config_file.write_text(label_config(), encoding="utf-8")
    by_report = Counter(item.report for item in picks)
    disagreeing = sum(item.disagrees for item in picks)
    err_console.print(f"picked {len(picks)} of {len(candidates)} answered row(s) ({rows} read, {no_answer} without an answer): "
                      f"{disagreeing} where the reading and the model disagree, {len(picks) - disagreeing} least confident; "
                      f"from {', '.join(f'{r} {k}' for r, k in sorted(by_report.items()))}")
    print(json.dumps({"tasks": str(output), "label_config": str(config), "picked": len(picks),
                      "reports": dict(sorted(by_report.items())), "disagreeing": disagreeing}, ensure_ascii=False))
    if failed:
        raise typer.Exit(code=1)
