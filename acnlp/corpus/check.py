"""Check corpus files: every line valid, label balance, and openings repeated like a template.

Usage: ``python -m acnlp.corpus.check corpus/`` (exit code 1 if any line is invalid).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Sequence

from .schema import LABELS, CorpusRecord
from .store import CorpusError, corpus_files, load_records


def opening(status: str, words: int = 4) -> str:
    """The first words of a status, lowercased: repeated openings betray template writing.

    >>> opening("Проведено 5 засідань комісії з оцінки ризиків")
    'проведено 5 засідань комісії'
    """
    return " ".join(re.findall(r"\w+", status.lower())[:words])


def main(argv: Sequence[str] | None = None) -> int:
    paths = list(argv if argv is not None else sys.argv[1:]) or ["corpus"]
    records: list[CorpusRecord] = []
    bad = 0
    for path in corpus_files(paths):
        for item in load_records(path):
            if isinstance(item, CorpusError):
                bad += 1
                print(item)
            else:
                records.append(item)
    labels = Counter(r.label for r in records)
    print(f"{len(records)} valid records, {bad} invalid lines")
    print("labels: " + ", ".join(f"{label} {labels.get(label, 0)}" for label in LABELS))
    openings = Counter(opening(r.status) for r in records if len(re.findall(r"\w+", r.status)) >= 4)
    repeated = [(o, n) for o, n in openings.most_common() if n >= 3]
    if repeated:
        print("openings shared by 3+ records: " + "; ".join(f"'{o}' x{n}" for o, n in repeated[:15]))
    ids = Counter(r.id for r in records)
    duplicates = [i for i, n in ids.items() if n > 1]
    if duplicates:
        print(f"repeated ids: {duplicates[:10]}")
    return 1 if bad or duplicates else 0


if __name__ == "__main__":
    raise SystemExit(main())
