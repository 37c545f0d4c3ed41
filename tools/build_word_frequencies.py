"""Build acnlp/data/word_frequencies_uk.dawg: wordfreq's Ukrainian list in a form that costs nothing to open.

    python tools/build_word_frequencies.py [--out acnlp/data/word_frequencies_uk.dawg]

The backbone scores each pymorphy3 parse by its lemma's wordfreq frequency, and the typo
repair each candidate word (`acnlp.nlp.frequencies.zipf`). wordfreq reads its whole Ukrainian
list into a Python dict for that (443,616 entries: 0.2-0.4 s and about 80 MiB per process).
This writes the same entries, each with its frequency bucket, as a DAWG (DAWG2's IntDAWG, the
format pymorphy3 keeps its dictionaries in: it opens in a fraction of a millisecond and is
read where it lies), and beside it ``word_frequencies_uk.dawg.NOTICE.txt``: the source, its
licence and the SHA-256 of the wordfreq data file it was built from.

Why the whole list and not only the dictionary's lemmas: a lemma pymorphy3 guesses for an
unknown word can be any string, and the typo repair asks for inflected forms; a table of the
dictionary's 93,638 normal forms (plus every entry the dictionary does not know) had to
load wordfreq's list at the 20th corpus cell to answer for one of those.

Before writing, it checks what `zipf` takes for granted: every entry of the simple shape
(lowercase Cyrillic letters, apostrophes inside) is one wordfreq token, itself, and every such
word joined by hyphens among pymorphy3's lemmas splits at its hyphens.

Source: wordfreq (https://github.com/rspeer/wordfreq), its ``large_uk`` list. wordfreq's data
is licensed CC BY-SA 4.0 (its code MIT); the table is a derived work under the same licence, as
its notice says.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO / "acnlp" / "data" / "word_frequencies_uk.dawg"

NOTICE = """\
{table}: Ukrainian word frequencies, wordfreq's large_uk list.

A DAWG (the DAWG2 / DAWG-Python format pymorphy3 uses) mapping each word of the list to its
wordfreq frequency bucket: the frequency is 10 ** (-bucket / 100), as in wordfreq's own lists.

Derived from wordfreq {wordfreq_version} (https://github.com/rspeer/wordfreq) by Robyn Speer,
whose word lists are licensed under the Creative Commons Attribution-ShareAlike 4.0
International licence (CC BY-SA 4.0, https://creativecommons.org/licenses/by-sa/4.0/); they
include data from Google Books Ngrams, Wikipedia, OpenSubtitles, Reddit, Twitter, Common Crawl
and other sources, credited in wordfreq's README. {table} is a derived work and is distributed
under the same CC BY-SA 4.0 licence (the rest of acnlp is MIT). Changes: the list is stored as
a DAWG instead of wordfreq's msgpack file (tools/build_word_frequencies.py regenerates it);
entries and frequencies are unchanged.

What it was built from (acnlp uses the table only when the installed wordfreq data matches):
source-sha256\t{source_sha256}
entries\t{entries}
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()

    from importlib.metadata import version

    import dawg  # DAWG2, which pymorphy3[fast] installs: the C builder
    import wordfreq

    from acnlp.nlp.frequencies import NOTICE_SUFFIX, SIMPLE_LATIN, SIMPLE_LEMMA, SIMPLE_WORD, wordfreq_data_file
    from acnlp.nlp.pymorphy_backend import morph_analyzer

    buckets = wordfreq.get_frequency_list("uk", "best")
    entries = [(word, index) for index, bucket in enumerate(buckets) for word in bucket]
    wrong = [w for w, _ in entries
             if (SIMPLE_WORD.fullmatch(w) or SIMPLE_LATIN.fullmatch(w)) and wordfreq.lossy_tokenize(w, "uk") != [w]]
    if wrong:
        print(f"error: wordfreq splits or changes words of the simple shape: {wrong[:5]}", file=sys.stderr)
        return 1
    joined = {normal for _, _, normal, _, _ in morph_analyzer().dictionary.iter_known_words() if "-" in normal and SIMPLE_LEMMA.fullmatch(normal)}
    split = [w for w in sorted(joined) if wordfreq.lossy_tokenize(w, "uk") != w.split("-")]
    if split:
        print(f"error: wordfreq does not split these at their hyphens: {split[:5]}", file=sys.stderr)
        return 1

    dawg.IntDAWG(entries).save(str(args.out))
    reread = dawg.IntDAWG().load(str(args.out))
    if len({word for word, _ in entries}) != len(entries) or any(reread.get(word) != index for word, index in entries):
        print(f"error: {args.out} does not give back every entry's bucket", file=sys.stderr)
        return 1
    notice = NOTICE.format(
        table=args.out.name,
        wordfreq_version=version("wordfreq"),
        source_sha256=hashlib.sha256(wordfreq_data_file().read_bytes()).hexdigest(),
        entries=len(entries),
    )
    args.out.with_name(args.out.name + NOTICE_SUFFIX).write_text(notice, encoding="utf-8")
    print(f"{args.out}: {len(entries):,} entries ({len(joined):,} hyphenated lemmas checked), {args.out.stat().st_size / 2**20:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
