"""The picks as a Label Studio import, with the labelling config that goes with it.

Each task's ``data`` holds what the reviewer reads (the status, its measure and deadline, the
report, section and row number) and what the import back needs (the report, the row's place
in its source file as the audit page names it, the model's label): Label Studio keeps
``data`` as it was imported and gives it back in its JSON export, which
`acnlp.corpus.importers.label_studio_items` reads. The model's label is the task's
prediction (a pre-annotation the reviewer confirms or changes), with the model's name as
``model_version`` and its top probability as ``score`` (Label Studio sorts tasks by it).

Label Studio's JSON task format: ``[{"data": {...}, "predictions": [{"model_version": ...,
"score": ..., "result": [{"from_name": "label", "to_name": "status", "type": "choices",
"value": {"choices": ["done"]}}]}]}]``; the names match the config's ``<Choices
name="label" toName="status">``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import quoteattr

from ..audit.html import row_source
from ..corpus.schema import LABELS
from .picks import Candidate

#: The config's control and object names, which every prediction and annotation result names.
CHOICES_NAME, TEXT_NAME, NOTE_NAME = "label", "status", "review_note"
#: What the reviewer reads beside each choice (the guidelines' one-line definitions).
HINTS = {
    "done": "виконано: конкретний результат, який можна перевірити",
    "in_progress": "розпочато, не завершено, заплановано, не виконано",
    "not_applicable": "не було підстав: скарг не надходило, об'єкта немає",
    "boilerplate": "загальні слова без результату; порожня відповідь",
}


def task(item: Candidate, model_version: str) -> dict[str, Any]:
    """One Label Studio task: the cell, and the model's label as the prediction."""
    row = item.row
    return {
        "data": {
            "status": row["status"],
            "measure": row.get("measure") or "",
            "deadline": row.get("deadline") or "",
            "report": item.report,
            "section": item.section,
            "number": row.get("number") or "",
            "index": item.index,
            "source": row_source(row),
            "model_label": row["label"],
            "confidence": round(item.confidence, 4),
            "reading": item.reading,
            "deciding": item.deciding,
            "why": item.reason,
        },
        "predictions": [{
            "model_version": model_version,
            "score": round(item.confidence, 4),
            "result": [{"from_name": CHOICES_NAME, "to_name": TEXT_NAME, "type": "choices", "value": {"choices": [row["label"]]}}],
        }],
    }


def tasks(picks: Sequence[Candidate], model_version: str) -> list[dict[str, Any]]:
    """The Label Studio import of the picks, in pick order."""
    return [task(item, model_version) for item in picks]


def label_config() -> str:
    """The labelling config (``label_config.xml``) for the tasks: the status with its context,
    one of the four labels (single choice), and an optional note.

    >>> "<Choices name=\\"label\\" toName=\\"status\\" choice=\\"single\\"" in label_config()
    True
    """
    choices = "\n".join(f'    <Choice value="{label}" hint={quoteattr(HINTS[label])}/>' for label in LABELS)
    return f"""<View>
  <Header value="$report: $number $section"/>
  <Text name="measure" value="$measure"/>
  <Text name="deadline" value="$deadline"/>
  <Header value="Стан виконання"/>
  <Text name="{TEXT_NAME}" value="${TEXT_NAME}"/>
  <Text name="why" value="$why"/>
  <Choices name="{CHOICES_NAME}" toName="{TEXT_NAME}" choice="single" showInline="true" required="true">
{choices}
  </Choices>
  <TextArea name="{NOTE_NAME}" toName="{TEXT_NAME}" placeholder="примітка" maxSubmissions="1" editable="true"/>
</View>
"""
