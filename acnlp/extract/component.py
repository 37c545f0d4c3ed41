"""The extractors as a spaCy component: ``nlp.add_pipe("acnlp_extractors")``.

The component runs `acnlp.extract.extract_normalized` on ``doc.text`` and writes span groups
``doc.spans["acnlp_dates"]``, ``["acnlp_orders"]``, ``["acnlp_counts"]`` and
``["acnlp_percents"]``. Each span's label says what it is (``DATE``, ``DOC_REF``, ``COUNT``,
``PERCENT``); ``span._.acnlp_mention`` gives the value object (a `DateMention`, `DocRef`…)
and ``doc._.acnlp_extraction`` the whole `Extraction`. Give it normalised text, as for the
backbone: ``nlp(normalize(text))``.

Importing this module registers the factory and the extensions.

>>> import spacy
>>> nlp = spacy.blank("uk")
>>> _ = nlp.add_pipe("acnlp_extractors", config={"year": 2019})
>>> doc = nlp("Наказ від 26.02.2019 № 29/аг; у ІІІ кварталі проведено 2 навчання.")
>>> [(span.text, span.label_) for span in doc.spans["acnlp_orders"]]
[('Наказ від 26.02.2019 № 29/аг', 'DOC_REF')]
>>> [span._.acnlp_mention.value for span in doc.spans["acnlp_dates"]]
['2019-02-26', '2019-Q3']
"""

from __future__ import annotations

from typing import Any, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from .mentions import Extraction
from .pipeline import extract_normalized

#: Span group name → the label of its spans and the `Extraction` field they come from.
GROUPS: dict[str, tuple[str, str]] = {
    "acnlp_dates": ("DATE", "dates"),
    "acnlp_orders": ("DOC_REF", "orders"),
    "acnlp_counts": ("COUNT", "counts"),
    "acnlp_percents": ("PERCENT", "percents"),
}


def _mention_of(span: Span) -> Optional[Any]:
    """The value object behind a span of one of the `GROUPS` (by its label and characters)."""
    extraction: Optional[Extraction] = span.doc._.acnlp_extraction
    fields = {label: field for label, field in GROUPS.values()}
    if extraction is None or span.label_ not in fields:
        return None
    for mention in getattr(extraction, fields[span.label_]):
        if (mention.start, mention.end) == (span.start_char, span.end_char) or span.start_char <= mention.start < mention.end <= span.end_char:
            return mention
    return None


if not Doc.has_extension("acnlp_extraction"):
    Doc.set_extension("acnlp_extraction", default=None)
if not Span.has_extension("acnlp_mention"):
    Span.set_extension("acnlp_mention", getter=_mention_of)


class AcnlpExtractors:
    """Dates, document references, counts and percentages as span groups.

    Parameters
    ----------
    name : str
        The component's name in the pipeline.
    year : int or None
        The report's year, for dates written without one («у ІІІ кварталі»).
    """

    def __init__(self, name: str = "acnlp_extractors", *, year: Optional[int] = None) -> None:
        self.name = name
        self.year = year

    def __call__(self, doc: Doc) -> Doc:
        extraction = extract_normalized(doc.text, year=self.year)
        doc._.acnlp_extraction = extraction
        for group, (label, field) in GROUPS.items():
            spans = []
            for mention in getattr(extraction, field):
                # "expand": spaCy may split a number like 01-12/345 where our span does not.
                span = doc.char_span(mention.start, mention.end, label=label, alignment_mode="expand")
                if span is not None:
                    spans.append(span)
            doc.spans[group] = spans
        return doc


@Language.factory(
    "acnlp_extractors",
    assigns=["doc.spans", "doc._.acnlp_extraction"],
    default_config={"year": None},
)
def make_acnlp_extractors(nlp: Language, name: str, year: Optional[int]) -> AcnlpExtractors:
    """Construct the ``acnlp_extractors`` component."""
    return AcnlpExtractors(name, year=year)
