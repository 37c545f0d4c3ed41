"""Document numbers (`acnlp.extract.document_numbers`): the number marks and lists of GUIDELINES
§3, written for this file, with the numbers each must give."""

from __future__ import annotations

import pytest

from acnlp.extract.document_numbers import document_numbers, signed_numbers

NUMBERS = [
    pytest.param("лист вих. № 7/14.3/9921-23 від 14.07.2023", ["7/14.3/9921-23"], id="outgoing-mark"),
    pytest.param("вх. № 56 от 19.06.2018", ["56"], id="incoming-mark"),
    pytest.param("Наказ No 41 від 09.02.2023", ["41"], id="latin-no"),
    pytest.param("розпорядження N 114-р", ["114-р"], id="latin-n"),
    pytest.param("Nаказ та NATO 2020", [], id="latin-n-only-before-a-number"),
    pytest.param("наказами №№ 18, 19 та 20", ["18", "19", "20"], id="double-sign-list"),
    pytest.param("протоколами № 1, 2, 3 розглянуто", ["1", "2", "3"], id="single-sign-list"),
    pytest.param("протокол № 5, 3 заходи проведено", ["5"], id="list-stops-before-a-count"),
    pytest.param("протоколи № 1-5", ["1-5"], id="range-is-one-number"),
    pytest.param("наказ № 211 о/с", ["211 о/с"], id="suffix-after-space"),
]


@pytest.mark.parametrize(("text", "numbers"), NUMBERS)
def test_document_numbers_marks_and_lists(text: str, numbers: list[str]) -> None:
    assert [found.number for found in document_numbers(text)] == numbers
    for found in document_numbers(text):
        assert found.number.split(" ")[0] in text[found.start : found.end]


def test_document_numbers_signed_spans_cover_the_mark_and_number() -> None:
    text = "листом вих. № 01.12/2023 надіслано"
    assert [text[start:end] for start, end in signed_numbers(text)] == ["вих. № 01.12/2023"]
