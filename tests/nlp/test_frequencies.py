"""acnlp.nlp.frequencies: wordfreq's own answers from the shipped table, without wordfreq's list.

The words compared are every lemma and every word form of the two seed reports (real report
text, so the shapes the backbone meets: hyphenated compounds, numbers with suffixes, Latin
names, addresses, Russian words), and pieces of wordfreq's list put together in shapes its
entries never have (joined by hyphens, glued to digits, capitalised), so the table's lookups
and wordfreq's arithmetic around them are both exercised.
"""

from __future__ import annotations

import hashlib
import random
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

wordfreq = pytest.importorskip("wordfreq")

from acnlp.nlp.frequencies import NOTICE_SUFFIX, TABLE, _table, wordfreq_data_file, zipf  # noqa: E402
from acnlp.nlp.pymorphy_backend import PymorphyBackbone  # noqa: E402

SEED_REPORTS = Path(__file__).resolve().parents[2] / "corpus" / "reports"


def _report_words(backbone: PymorphyBackbone) -> set[str]:
    words: set[str] = set()
    for path in sorted(SEED_REPORTS.glob("*.txt")):
        for token in backbone.analyze(path.read_text(encoding="utf-8")).tokens:
            words.update({token.lemma, token.text.lower(), token.text})
    return words


def _assembled_words() -> list[str]:
    rng = random.Random(13)
    entries = [word for bucket in wordfreq.get_frequency_list("uk")[:700] for word in bucket[:40]]
    picks = rng.sample(entries, 400)
    return [
        *(f"{a}-{b}" for a, b in zip(picks[::2], picks[1::2])),
        *(f"{rng.randint(1, 2024)}-{word}" for word in picks[:100]),
        *(word.capitalize() for word in picks[100:200]),
        # the shapes of document numbers and abbreviations (`COMPOUND_LEMMA`): numbers of every
        # length (four digits weighed as a year may be, on each side of the curve's plateau),
        # slashes, a dot at the end
        *(f"{year}-р" for year in (1000, 1991, 2019, 2020, 2039, 2040, 2100, 9999, "0000", "0815")),
        *(f"{rng.randint(0, 10 ** rng.randint(1, 7))}{rng.choice('-/')}{word}" for word in picks[200:260]),
        *(f"{word}{rng.choice('-/')}{rng.randint(0, 999)}{rng.choice(['', '.', '/1', '-р'])}" for word in picks[260:320]),
        *(f"{word}." for word in picks[320:360]),
        "233-к", "233-кнути", "д/163/1", "3/218-к", "19-ти", "2-ох", "п.", "ст.", "1700-vii", "07-к", "0-а",
        "1784/1/4.3-дп-22", "2019-р", "spending.gov.ua", "фото-", "іv", "к.", "a/b.", "12-", "33²", "100м²", "٣٣-к",
        "",
        "-",
        "ґанок",
        "п'ять-шість",
        "e-mail",
        "prozorro",
        "viber",
        "wi-fi",
        "online-курс",
        "zqxjv",  # a Latin word wordfreq does not have
        "www.prozorro.gov.ua",
        "12.03.2024",
        "№",
    ]


def test_frequencies_zipf_is_wordfreqs_on_report_words(backbone: PymorphyBackbone) -> None:
    assert _table() is not None, "the shipped table does not match the installed wordfreq data: run tools/build_word_frequencies.py"
    words = sorted(_report_words(backbone))
    assert len(words) > 1_000
    differ = [(w, zipf(w), wordfreq.zipf_frequency(w, "uk")) for w in words if zipf(w) != wordfreq.zipf_frequency(w, "uk")]
    assert differ == []


def test_frequencies_zipf_is_wordfreqs_on_assembled_words() -> None:
    words = _assembled_words()
    differ = [(w, zipf(w), wordfreq.zipf_frequency(w, "uk")) for w in words if zipf(w) != wordfreq.zipf_frequency(w, "uk")]
    assert differ == []
    assert sum(zipf(w) > 0 for w in words) > len(words) // 2  # not a table that answers 0 to everything


def test_frequencies_analysis_leaves_wordfreqs_list_unloaded() -> None:
    # A fresh process: the session's other tests ask wordfreq itself.
    script = (
        "import sys\n"
        "from acnlp.nlp.base import load_backbone\n"
        "print(load_backbone().analyze('Наказом ДМС від 26.02.2019 № 29/аг проведено 2 навчання з веб-сайту').lemmas)\n"
        "wf = sys.modules.get('wordfreq')\n"
        "print('loaded' if wf is not None and wf.get_frequency_dict.cache_info().currsize else 'not loaded')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert "'провести'" in done.stdout
    assert done.stdout.strip().endswith("not loaded")


def test_frequencies_document_numbers_leave_wordfreq_unimported() -> None:
    """Lemmas of document numbers and abbreviations («233-к», «д/163/1», «п.») are read without
    wordfreq's tokenizer, whose import (ftfy, langcodes) is most of what they would cost."""
    script = (
        "import sys\n"
        "from acnlp.nlp.base import load_backbone\n"
        "lemmas = load_backbone().analyze('Наказ № 233-к від 12.03.2019, п. 2 ст. 12, протокол д/163/1, 19-ти осіб').lemmas\n"
        "print(lemmas)\n"
        "print('imported' if 'wordfreq' in sys.modules else 'not imported')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert "'233-к'" in done.stdout or "'233-кнути'" in done.stdout
    assert done.stdout.strip().endswith("not imported")


def test_frequencies_table_carries_its_licence_and_source() -> None:
    notice = resources.files("acnlp.data").joinpath(TABLE + NOTICE_SUFFIX).read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in notice and "wordfreq" in notice and "Robyn Speer" in notice
    # Fails when wordfreq's data changed since the table was built: rebuild it then.
    assert f"source-sha256\t{hashlib.sha256(wordfreq_data_file().read_bytes()).hexdigest()}" in notice
