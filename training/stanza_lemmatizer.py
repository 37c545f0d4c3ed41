"""Train the tiny Stanza dictionary lemmatizer shipped in ``models/stanza-uk-lemma-tiny/``.

Source of the data: only the project's own seed reports, ``corpus/reports/*.txt``, read with
`acnlp.io.read_report`. Each cell (measure, deadline, responsible, status) and the title is
tokenised and lemmatised by acnlp's default backbone (``load_backbone("pymorphy3")``: spaCy's
tokenizer, pymorphy3's parses, our disambiguation). Never feed it UD treebank data: the
licence of the copy we evaluate on forbids shipping anything built from it.

The labels are pymorphy3's guesses, not gold lemmas: the model only replays them, so it is a
test model for the Stanza code path, not a lemmatizer for real use.

Steps: build CoNLL-U sentences, send every ``--eval-every``-th sentence to the eval file,
train with Stanza's own trainer (``python -m stanza.models.lemmatizer --mode train
--dict_only --caseless ... --cpu``), and write ``lemma.pt`` plus a minimal ``resources.json``.
Rerunnable: the output files are overwritten.

Usage::

    python training/stanza_lemmatizer.py                       # the shipped model
    python training/stanza_lemmatizer.py --out /tmp/m --keep-data /tmp/m/data
    python training/stanza_lemmatizer.py --conllu small.conllu --out /tmp/m   # skip the reports
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
REPORTS = REPO / "corpus" / "reports"
OUT = REPO / "models" / "stanza-uk-lemma-tiny"
MODEL_FILE = "lemma.pt"
RESOURCES_FILE = "resources.json"

#: A row of a CoNLL-U sentence as this script writes it: (form, UPOS, lemma).
Row = tuple[str, str, str]

#: Tokens that end a sentence inside a cell.
SENTENCE_END = frozenset({".", "!", "?", "…"})


def report_cells(paths: Iterable[Path]) -> list[str]:
    """The non-empty cells of the reports' rows and their titles, in order, as acnlp reads them.

    >>> cells = report_cells([REPORTS / "luhansk_housing_2019_q3.txt"])
    >>> cells[0].startswith("ФОРМА"), cells[1].startswith("Запобігання та врегулювання"), cells[2]
    (True, True, 'постійно')
    """
    from acnlp.io import read_report

    cells = []
    for path in paths:
        report = read_report(path)
        cells.append(report.title)
        for row in report.rows:
            cells.extend((row.measure, row.deadline, row.responsible, row.status))
    return [cell for cell in cells if cell.strip()]


def lemmatizer() -> Callable[[str], list[Row]]:
    """(form, UPOS, lemma) per token of a text, from acnlp's default backbone."""
    from acnlp.nlp.base import load_backbone

    backbone = load_backbone("pymorphy3")

    def rows(text: str) -> list[Row]:
        return [(t.text, t.pos, t.lemma) for t in backbone.analyze(text).tokens]

    return rows


def split_sentences(rows: Sequence[Row]) -> list[list[Row]]:
    """Split the rows of one cell after each sentence-final punctuation token.

    >>> split_sentences([("Так", "X", "так"), (".", "PUNCT", "."), ("Ні", "X", "ні")])
    [[('Так', 'X', 'так'), ('.', 'PUNCT', '.')], [('Ні', 'X', 'ні')]]
    """
    sentences: list[list[Row]] = []
    current: list[Row] = []
    for row in rows:
        current.append(row)
        if row[0] in SENTENCE_END:
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return sentences


def clean(field: str) -> str:
    """A CoNLL-U field: no tabs or spaces inside, never empty.

    >>> clean("a b"), clean("")
    ('a_b', '_')
    """
    return re.sub(r"\s", "_", field) or "_"


def to_conllu(sentences: Iterable[Sequence[Row]]) -> str:
    """CoNLL-U text with ID, FORM, LEMMA and UPOS filled (HEAD 0 for the first word, else 1).

    >>> print(to_conllu([[("Так", "ADV", "так")]]), end="")
    1	Так	так	ADV	_	_	0	root	_	_
    <BLANKLINE>
    """
    blocks = []
    for sentence in sentences:
        lines = []
        for i, (form, upos, lemma) in enumerate(sentence, start=1):
            head, rel = (0, "root") if i == 1 else (1, "dep")
            lines.append(f"{i}\t{clean(form)}\t{clean(lemma)}\t{clean(upos)}\t_\t_\t{head}\t{rel}\t_\t_")
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks) + ("\n" if blocks else "")


def read_conllu_sentences(path: Path) -> list[str]:
    """The sentence blocks of a CoNLL-U file, each ending with its newline."""
    blocks = [b.strip("\n") for b in path.read_text(encoding="utf-8").split("\n\n")]
    return [b + "\n" for b in blocks if b.strip()]


def split_train_eval(blocks: Sequence[str], eval_every: int) -> tuple[list[str], list[str]]:
    """Every ``eval_every``-th sentence to eval, the rest to train; both are never empty.

    >>> split_train_eval(["a", "b", "c"], 2)
    (['a', 'c'], ['b'])
    >>> split_train_eval(["a"], 10)
    (['a'], ['a'])
    """
    train = [b for i, b in enumerate(blocks, start=1) if i % eval_every]
    evaluation = [b for i, b in enumerate(blocks, start=1) if not i % eval_every]
    if not evaluation:  # Stanza's trainer silently saves nothing without eval data
        evaluation = list(blocks[-1:])
    if not train:
        train = list(evaluation)
    return train, evaluation


def train(train_file: Path, eval_file: Path, out: Path) -> Path:
    """Run Stanza's own lemmatizer trainer in dictionary-only mode on the CPU; return the model path."""
    command = [
        sys.executable, "-m", "stanza.models.lemmatizer",
        "--mode", "train",
        "--dict_only",
        # pymorphy3 lemmas are lowercase: look words up lowercased, so sentence-initial
        # capitals find the same entry.
        "--caseless",
        "--train_file", str(train_file),
        "--eval_file", str(eval_file),
        "--shorthand", "uk_acnlp",
        "--save_dir", str(out),
        "--save_name", MODEL_FILE,
        "--cpu",
    ]  # fmt: skip
    completed = subprocess.run(command, capture_output=True, text=True)
    model = out / MODEL_FILE
    if completed.returncode != 0 or not model.exists():
        sys.stderr.write(completed.stdout + completed.stderr)
        raise SystemExit(f"Stanza's trainer failed (exit code {completed.returncode}); see its log above")
    dev = re.search(r"Dev F1 = ([\d.]+)", completed.stdout + completed.stderr)
    print(f"trained {model} ({model.stat().st_size / 1024:.0f} KB), dev lemma F1 {dev.group(1) if dev else '?'}")
    return model


def write_resources(out: Path, source: str) -> Path:
    """The minimal resources.json that lets Stanza load the model with ``download_method=None``."""
    resources = {"uk": {"default_processors": {}, "lang_name": "Ukrainian"}}
    path = out / RESOURCES_FILE
    path.write_text(json.dumps(resources, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {path} (trained from {source})")
    return path


def build_blocks(reports: Sequence[Path]) -> list[str]:
    """CoNLL-U sentence blocks from the reports, lemmatised by pymorphy3."""
    lemmatize = lemmatizer()
    cells = report_cells(reports)
    sentences = [s for cell in cells for s in split_sentences(lemmatize(cell))]
    print(f"read {len(cells)} cells from {len(reports)} reports; lemmatised {len(sentences)} sentences, "
          f"{sum(map(len, sentences))} tokens, with acnlp's pymorphy3 backbone")
    return [b + "\n" for b in to_conllu(sentences).split("\n\n") if b.strip()]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=Path, nargs="*", help="report files in any format acnlp reads (default: corpus/reports/*.txt)")
    parser.add_argument("--conllu", type=Path, help="train from this CoNLL-U file instead of the reports")
    parser.add_argument("--out", type=Path, default=OUT, help=f"output directory (default: {OUT})")
    parser.add_argument("--eval-every", type=int, default=10, help="send every N-th sentence to the eval file")
    parser.add_argument("--keep-data", type=Path, help="also keep train.conllu and eval.conllu in this directory")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    if args.conllu:
        blocks = read_conllu_sentences(args.conllu)
        source = str(args.conllu)
        print(f"read {len(blocks)} sentences from {args.conllu}")
    else:
        reports = args.reports or sorted(REPORTS.glob("*.txt"))
        if not reports:
            raise SystemExit(f"no reports found in {REPORTS}")
        blocks = build_blocks(reports)
        source = ", ".join(p.name for p in reports)
    train_blocks, eval_blocks = split_train_eval(blocks, args.eval_every)
    print(f"split: {len(train_blocks)} train / {len(eval_blocks)} eval sentences")

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        data = args.keep_data or Path(tmp)
        data.mkdir(parents=True, exist_ok=True)
        train_file, eval_file = data / "train.conllu", data / "eval.conllu"
        train_file.write_text("\n".join(train_blocks) + "\n", encoding="utf-8")
        eval_file.write_text("\n".join(eval_blocks) + "\n", encoding="utf-8")
        if args.keep_data:
            print(f"kept {train_file} and {eval_file}")
        train(train_file, eval_file, args.out)
    write_resources(args.out, source)
    print(f"done in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
