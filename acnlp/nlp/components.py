"""The backbone as a spaCy component: ``nlp.add_pipe("acnlp_morph")`` on a Ukrainian pipeline.

The component sets ``lemma_``, ``pos_`` and ``morph`` (UD features) on every token with the same
parses and the same disambiguation as `acnlp.nlp.pymorphy_backend.PymorphyBackbone`. Give it
normalised text, as the backbone does for itself::

    from acnlp.normalize import normalize
    doc = nlp(normalize(text))

Importing this module registers the factory.

>>> nlp = make_pipeline()
>>> doc = nlp("Проведено п'ять засідань ради.")
>>> [t.lemma_ for t in doc]
['провести', "п'ять", 'засідання', 'рада', '.']
>>> str(doc[0].morph), doc[0].pos_
('Aspect=Perf|Mood=Ind|Person=0|Tense=Past|VerbForm=Fin', 'VERB')
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..normalize import fold_apostrophes
from .base import load_backbone
from .pymorphy_backend import PymorphyBackbone


class AcnlpMorph:
    """Lemmas, UD parts of speech and UD features from pymorphy3, chosen by acnlp's disambiguation.

    Parameters
    ----------
    name : str
        The component's name in the pipeline.
    overwrite : bool
        Whether to replace lemmas, parts of speech and features set by an earlier component.
    """

    def __init__(self, name: str = "acnlp_morph", *, overwrite: bool = True) -> None:
        self.name = name
        self.overwrite = overwrite

    @property
    def backbone(self) -> PymorphyBackbone:
        """The process-wide pymorphy3 backbone, shared with `acnlp.nlp.base.load_backbone`."""
        return load_backbone("pymorphy3")  # type: ignore[return-value]

    def __call__(self, doc: Doc) -> Doc:
        # fold_apostrophes per word: cheap insurance for text that skipped normalize()
        parses = self.backbone.choose_parses([fold_apostrophes(token.text) for token in doc])
        for token, parse in zip(doc, parses):
            if self.overwrite or not token.lemma_:
                token.lemma_ = parse.lemma
            if self.overwrite or not token.pos_:
                token.pos_ = parse.pos
            if self.overwrite or not token.has_morph():
                token.set_morph(morph_string(parse.morph))
        return doc


def morph_string(morph: dict[str, str]) -> str:
    """UD FEATS string of a feature dict, ``"_"`` when empty (what spaCy reads as no features).

    >>> morph_string({"Aspect": "Perf", "Person": "0"}), morph_string({})
    ('Aspect=Perf|Person=0', '_')
    """
    return "|".join(f"{key}={value}" for key, value in sorted(morph.items())) or "_"


@Language.factory(
    "acnlp_morph",
    assigns=["token.lemma", "token.pos", "token.morph"],
    default_config={"overwrite": True},
)
def make_acnlp_morph(nlp: Language, name: str, overwrite: bool) -> AcnlpMorph:
    """Construct the ``acnlp_morph`` component (the backbone itself loads on first use)."""
    return AcnlpMorph(name, overwrite=overwrite)


def make_pipeline() -> Language:
    """``spacy.blank("uk")`` with ``acnlp_morph`` added: tokens, lemmas, UPOS and UD features.

    >>> make_pipeline().pipe_names
    ['acnlp_morph']
    """
    import spacy

    nlp = spacy.blank("uk")
    nlp.add_pipe("acnlp_morph")
    return nlp
