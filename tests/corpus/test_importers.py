"""Corpora in CSV read through the report reader's CSV path: train and evaluate take the CSV
files people actually have, and a broken one is a coded error naming the file and line.

The files are written here: by Python's csv module (comma; cells with commas, ';' and quotes)
and as Ukrainian Excel saves them (Windows-1251, ';', CRLF).
"""

from __future__ import annotations

import csv
import io

import pytest
from typer.testing import CliRunner

from acnlp.cli import app
from acnlp.corpus import CorpusError, load_corpus

from ..classify.conftest import SMALL_CORPUS

runner = CliRunner()
# Every third status gains a comma and a ';', as written answers have them.
CELLS = [(f"{status}; протокол № {i}, пункт 2" if i % 3 == 0 else status, label) for i, (status, label) in enumerate(SMALL_CORPUS)]


def _csv(delimiter: str) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(["status", "label", "group"])
    for i, (status, label) in enumerate(CELLS):
        writer.writerow([status, label, ["a", "b", "c"][i % 3]])
    return out.getvalue()


@pytest.fixture
def comma_csv(tmp_path):
    path = tmp_path / "ours.csv"
    path.write_text(_csv(","), encoding="utf-8")
    return path


@pytest.fixture
def excel_csv(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes(_csv(";").replace("\r\n", "\n").replace("\n", "\r\n").encode("cp1251"))
    return path


def test_importers_comma_csv_from_python_keeps_commas_and_semicolons_in_cells(comma_csv):
    records = load_corpus([comma_csv])
    assert [(r.status, r.label, r.group) for r in records] == [(s, label, ["a", "b", "c"][i % 3]) for i, (s, label) in enumerate(CELLS)]
    assert records[0].id == "ours-2"


def test_importers_excel_csv_in_windows_1251_reads_the_same_records(comma_csv, excel_csv):
    assert [(r.status, r.label) for r in load_corpus([excel_csv])] == [(r.status, r.label) for r in load_corpus([comma_csv])]


def test_importers_csv_corpora_train_and_evaluate(tmp_path, comma_csv, excel_csv):
    model = tmp_path / "model"
    trained = runner.invoke(app, ["train", str(comma_csv), "-o", str(model), "--folds", "2"])
    assert trained.exit_code == 0, trained.output
    for corpus in (comma_csv, excel_csv):
        scored = runner.invoke(app, ["evaluate", str(corpus), "--model", str(model)])
        assert scored.exit_code == 0, scored.output
        assert "macro" in scored.output.lower()


@pytest.mark.parametrize(
    "data,message",
    [
        ('status,label\nВиконано,done\n"Проведено навчання,done\nНе надходило,not_applicable\n'.encode(), r"\[E016\] {path}: line 3: not a readable CSV record"),
        (b"status,label\n" + bytes(range(256)) * 8, r"\[E002\] {path}: the file is not text"),
        ("статус;мітка\nВиконано;done\n".encode("cp1251"), r"{path}: line 1: the header row has no label and no status column"),
    ],
    ids=["unclosed-quote", "binary", "no-columns"],
)
def test_importers_broken_csv_is_a_coded_error_with_file_and_line(tmp_path, data, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(data)
    with pytest.raises(CorpusError, match=message.format(path=path)):
        load_corpus([path])
    result = runner.invoke(app, ["evaluate", str(path)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert str(path) in result.stderr
