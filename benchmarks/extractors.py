"""Date extraction quality and speed of acnlp's `extract_dates` against dateparser's `search_dates`.

Usage::

    pip install -e '.[bench]'
    python benchmarks/extractors.py [--split test|seed|dev|all] [--repeat 3]

Default: the test split (w06, as the training script splits), then the seed cells (``seed:…``).
Quality: a prediction is right when its (value, precision) is a gold date's, each gold matched at
most once in its cell; a gold range is one item keyed by its start. A dateparser hit is a day,
or a month when its text has no day number («лютому 2019»); its «lenient» row forgives bare
years and gold ranges' ends. Both get the report's year (ours ``year=``, dateparser
``RELATIVE_BASE``) and the normalised status; only ours is timed normalising it. Speed: cells/s,
ours' first pass (cold in a run's first split), then the best of ``--repeat`` passes of each
after a warm-up, and the ratio ours/dateparser.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
Key = tuple[str, str]  # (value, precision)
Hit = tuple[str, Key]  # (matched text, key)
Cell = tuple[str, str, "int | None"]  # (status, normalised status, report year)
MONTH_YEAR = re.compile(r"(?<!\d)\d{1,2}[./-]\d{4}(?!\d)")  # «05.2019»: a month, no day
DAY_NUMBER = re.compile(r"(?<!\d)\d{1,2}(?!\d)")
SYSTEMS = ("acnlp extract_dates", "dateparser search_dates", "dateparser, lenient (bare years, range ends forgiven)")
WARM_UP = 5  # cells
Errors = dict[str, list[tuple[str, str]]]  # system -> (kind, line) of each error


def dateparser_key(matched: str, when: dt.datetime) -> Key:
    """A dateparser hit as a (value, precision): a month when the text names no day.

    >>> dateparser_key("05.2019", dt.datetime(2019, 5, 1)), dateparser_key("14.05.2019", dt.datetime(2019, 5, 14))
    (('2019-05', 'month'), ('2019-05-14', 'day'))
    """
    if DAY_NUMBER.search(MONTH_YEAR.sub(" ", matched)):
        return f"{when.year:04d}-{when.month:02d}-{when.day:02d}", "day"
    return f"{when.year:04d}-{when.month:02d}", "month"


def run_dateparser(search: Callable[..., Any], text: str, year: int | None) -> list[Hit]:
    settings = {"DATE_ORDER": "DMY"} | ({} if year is None else {"RELATIVE_BASE": dt.datetime(year, 1, 1)})
    return [(matched, dateparser_key(matched, when)) for matched, when in search(text, languages=["uk"], settings=settings) or []]


def lenient(hits: list[Hit], gold: Sequence[Any], months: set[str]) -> list[Hit]:
    """Hits less bare years («протягом 2019 року»: one 4-digit number, no month) and gold ranges' ends."""
    ends, keys = {d.until for d in gold if d.until}, {(d.value, d.precision) for d in gold}
    bare = [re.fullmatch(r"\D*\d{4}\D*", text) and not months & set(re.findall(r"\w+", text.lower())) for text, _ in hits]
    return [hit for hit, is_bare in zip(hits, bare) if not is_bare and not (hit[1][0] in ends and hit[1] not in keys)]


def unmatched(hits: Sequence[Hit], available: Counter[Key]) -> list[Hit]:
    """The hits left once each has taken one of the ``available`` of its key (multiset matching)."""
    left = []
    for hit in hits:
        available[hit[1]] -= 1
        if available[hit[1]] < 0:
            left.append(hit)
    return left


def match(predicted: Sequence[Hit], gold: Sequence[Hit]) -> tuple[list[Hit], list[Hit]]:
    """Matching by key within a cell, each gold at most once: the (wrong predictions, missed golds).

    >>> match([("a", ("2019", "day")), ("b", ("2019", "day"))], [("c", ("2019", "day")), ("d", ("2020", "day"))])
    ([('b', ('2019', 'day'))], [('d', ('2020', 'day'))])
    """
    return unmatched(predicted, Counter(key for _, key in gold)), unmatched(gold, Counter(key for _, key in predicted))


def errors(wrong: list[Hit], missed: list[Hit], excused: Sequence[Hit] = ()) -> list[tuple[str, str]]:
    """(kind, line) of each wrong prediction, beside the missed gold it overlaps, then other misses."""
    lines, used = [], set()
    for hit in wrong:
        near = next((i for i, (g, _) in enumerate(missed) if i not in used and (g in hit[0] or hit[0] in g)), None)
        gold = "no gold" if near is None else f"gold «{missed[near][0]}» {missed[near][1][0]}"
        kind = "excused" if hit in excused else "spurious" if near is None else "wrong"
        lines.append((kind, f"«{hit[0]}» → {hit[1][0]} | {gold}"))
        used.add(near)
    return lines + [("missed", f"— | gold «{g}» {value}") for i, (g, (value, _)) in enumerate(missed) if i not in used]


def varied(lines: list[tuple[str, str]], limit: int = 10) -> list[str]:
    """Up to ``limit`` lines, each kind in turn, one per shape (digits ignored)."""
    by_kind: dict[str, dict[str, str]] = {}
    for kind, line in lines:
        by_kind.setdefault(kind, {}).setdefault(re.sub(r"\d+", "0", line.lower()), f"{kind}: {line}")
    queues = [list(shapes.values()) for shapes in by_kind.values()]
    return [q[i] for i in range(max(map(len, queues), default=0)) for q in queues if i < len(q)][:limit]


def rate(system: Callable[..., object], inputs: Sequence[tuple[str, int | None]]) -> float:
    gc.collect()
    start = time.perf_counter()
    for text, year in inputs:
        system(text, year)
    return len(inputs) / (time.perf_counter() - start)


def speed(cells: list[Cell], ours: Callable[..., object], peer: Callable[..., object], repeat: int) -> tuple[float, float, float]:
    """Ours' first pass, then ours' and the peer's best cells/s after a warm-up on a few cells."""
    mine, theirs = [(status, year) for status, _, year in cells], [(text, year) for _, text, year in cells]
    first = rate(ours, mine)
    rate(ours, mine[:WARM_UP]), rate(peer, theirs[:WARM_UP])
    return first, max(rate(ours, mine) for _ in range(repeat)), max(rate(peer, theirs) for _ in range(repeat))


def score(records: Sequence[Any], cells: list[Cell], ours: Callable[..., list[Any]], peer: Callable[..., list[Hit]]) -> tuple[dict[str, list[int]], Errors, list[int]]:
    """(predicted, right) per system, error lines per system, and ranges (gold, start right, until right)."""
    from acnlp.extract.dates import month_numbers

    rows, ranges = {system: [0, 0] for system in SYSTEMS}, [0, 0, 0]
    shown: Errors = {"acnlp": [], "dateparser": []}
    for record, (status, text, year) in zip(records, cells):
        gold = [(d.text, (d.value, d.precision)) for d in record.dates]
        mentions, hits = ours(status, year), peer(text, year)
        kept = lenient(hits, record.dates, set(month_numbers()))
        for system, predicted in zip(SYSTEMS, [[(m.text, (m.value, m.precision)) for m in mentions], hits, kept]):
            wrong, missed = match(predicted, gold)
            rows[system][0] += len(predicted)
            rows[system][1] += len(predicted) - len(wrong)
            if system != SYSTEMS[2]:
                shown[system.split()[0]] += errors(wrong, missed, [hit for hit in hits if hit not in kept])
        for d in (d for d in record.dates if d.kind == "range"):
            starts = [m for m in mentions if (m.value, m.precision) == (d.value, d.precision)]
            ranges = [ranges[0] + 1, ranges[1] + bool(starts), ranges[2] + any(m.until == d.until for m in starts)]
    return rows, shown, ranges


def report(name: str, records: Sequence[Any], repeat: int, search: Callable[..., Any]) -> None:
    from acnlp.extract import extract_dates
    from acnlp.normalize import normalize

    def ours(status: str, year: int | None) -> list[Any]:
        return extract_dates(normalize(status), year=year)

    peer = partial(run_dateparser, search)
    cells = [(r.status, normalize(r.status), r.year) for r in records]
    first, ours_rate, peer_rate = speed(cells, ours, peer, repeat)
    rows, shown, (ranges, starts, untils) = score(records, cells, ours, peer)
    n_gold = sum(len(r.dates) for r in records)
    print(f"\n## {name}: {len(records)} cells, {n_gold} gold dates ({ranges} ranges)\n")
    print("| system | predicted | right | precision | recall | F1 |\n|---|---:|---:|---:|---:|---:|")
    for system, (predicted, right) in rows.items():
        p, r = right / predicted if predicted else 0.0, right / n_gold if n_gold else 0.0
        print(f"| {system} | {predicted} | {right} | {p:.3f} | {r:.3f} | {2 * p * r / (p + r) if p + r else 0.0:.3f} |")
    print(f"\nranges: {ranges} gold; ours has the right start for {starts}, and the right `until` for {untils}\n")
    print(f"| speed over {len(cells)} cells | first pass cells/s | steady cells/s (best of {repeat}) |\n|---|---:|---:|")
    print(f"| acnlp normalize + extract_dates | {first:,.0f} | {ours_rate:,.0f} |\n| dateparser search_dates | - | {peer_rate:,.0f} |")
    print(f"\nours/dateparser cells/s (steady): {ours_rate / peer_rate:.1f}x\n")
    for label, lines in shown.items():
        header = f"{label}: {len(lines)} errors" + (", some of each kind (excused: forgiven by the lenient row):" if lines else "")
        print(header, *(f"  - {line}" for line in varied(lines)), sep="\n")


def load(split: str) -> tuple[str, list[Any]]:
    from acnlp.corpus.splits import deduplicate, load_splits, split_records
    from acnlp.corpus.store import load_corpus

    records = deduplicate(load_corpus([REPO / "corpus"])).records
    if split in ("seed", "all"):
        return ("seed (source seed:…)", [r for r in records if r.source.startswith("seed:")]) if split == "seed" else ("all", records)
    splits = load_splits(REPO / "corpus" / "splits.json")
    return f"{split} ({', '.join(sorted(g for g, s in splits.items() if s == split))})", split_records(records, splits)[split]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["test", "seed", "dev", "all"], help="default: test, then seed")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes per system; the best counts")
    args = parser.parse_args()
    try:
        import dateparser
        from dateparser.search import search_dates
    except ImportError:
        print("error: dateparser is not installed; run: pip install -e '.[bench]'", file=sys.stderr)
        return 1
    print(f"python {sys.version.split()[0]}, dateparser {dateparser.__version__}")
    for split in [args.split] if args.split else ["test", "seed"]:
        report(*load(split), max(1, args.repeat), search_dates)
    return 0


if __name__ == "__main__":
    sys.exit(main())
