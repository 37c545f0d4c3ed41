"""pymorphy3 (OpenCorpora-style) tags of the Ukrainian dictionary turned into UD UPOS and features.

The mapping is a set of small tables so a reader can check each grammeme against the UD
guidelines for Ukrainian. `ud_from_grammemes` is pure and is called once per distinct tag
(the backend caches it), so its speed does not matter.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

#: pymorphy3 part of speech -> UPOS (refined below for names, conjunctions and pronouns).
POS: dict[str, str] = {
    "NOUN": "NOUN",
    "ADJF": "ADJ",
    "ADJS": "ADJ",
    "COMP": "ADJ",
    "VERB": "VERB",
    "INFN": "VERB",
    "GRND": "VERB",
    "PRTF": "ADJ",  # UD Ukrainian treats participles as adjectives with VerbForm=Part
    "PRTS": "ADJ",
    "NUMR": "NUM",
    "NUMB": "NUM",
    "ROMN": "NUM",
    "ADVB": "ADV",
    "PRED": "ADV",  # можна, треба: UD-IU tags these ADV
    "NPRO": "PRON",
    "PREP": "ADP",
    "POST": "ADP",
    "CONJ": "CCONJ",
    "PRCL": "PART",
    "INTJ": "INTJ",
    "PNCT": "PUNCT",
    "LATN": "X",
    "UNKN": "X",
}

#: Grammemes that make a noun a proper noun.
NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn"})

#: Grammeme -> (UD feature, value). Order does not matter; each grammeme sets one feature.
FEATURES: dict[str, tuple[str, str]] = {
    "nomn": ("Case", "Nom"),
    "gent": ("Case", "Gen"),
    "datv": ("Case", "Dat"),
    "accs": ("Case", "Acc"),
    "ablt": ("Case", "Ins"),
    "loct": ("Case", "Loc"),
    "voct": ("Case", "Voc"),
    "sing": ("Number", "Sing"),
    "plur": ("Number", "Plur"),
    "masc": ("Gender", "Masc"),
    "femn": ("Gender", "Fem"),
    "neut": ("Gender", "Neut"),
    "anim": ("Animacy", "Anim"),
    "inan": ("Animacy", "Inan"),
    "perf": ("Aspect", "Perf"),
    "impf": ("Aspect", "Imp"),
    "past": ("Tense", "Past"),
    "pres": ("Tense", "Pres"),
    "futr": ("Tense", "Fut"),
    "1per": ("Person", "1"),
    "2per": ("Person", "2"),
    "3per": ("Person", "3"),
    "Impe": ("Person", "0"),  # the impersonal -но/-то form: виконано, розпочато
    "impr": ("Mood", "Imp"),
    "actv": ("Voice", "Act"),
    "pssv": ("Voice", "Pass"),
}


@lru_cache(maxsize=1)
def determiners() -> frozenset[str]:
    """Pronoun lemmas that UD tags DET (they agree with a noun), from ``acnlp/data/determiners.txt``.

    >>> "цей" in determiners(), "він" in determiners()
    (True, False)
    """
    text = resources.files("acnlp.data").joinpath("determiners.txt").read_text(encoding="utf-8")
    return frozenset(
        line.split("#", 1)[0].strip() for line in text.splitlines() if line.split("#", 1)[0].strip()
    )


@lru_cache(maxsize=8192)
def ud_from_grammemes(grammemes: frozenset[str], determiner: bool) -> tuple[str, dict[str, str]]:
    """UPOS and UD features for one pymorphy3 parse, given its grammemes and whether its lemma
    is in `determiners`. Cached: the returned dict is shared, do not modify it.

    >>> ud_from_grammemes(frozenset({"VERB", "perf", "Impe"}), False)
    ('VERB', {'Aspect': 'Perf', 'Mood': 'Ind', 'Person': '0', 'Tense': 'Past', 'VerbForm': 'Fin'})
    >>> ud_from_grammemes(frozenset({"ADJF", "pssv", "perf", "plur", "nomn"}), False)[1]["VerbForm"]
    'Part'
    >>> ud_from_grammemes(frozenset({"NOUN", "Name", "anim", "masc", "nomn"}), False)[0]
    'PROPN'
    """
    pos_grammeme = next((g for g in grammemes if g in POS), "UNKN")
    upos = POS[pos_grammeme]
    morph: dict[str, str] = {}
    for grammeme in grammemes:
        feature = FEATURES.get(grammeme)
        if feature is not None:
            morph[feature[0]] = feature[1]
    if upos == "NOUN" and grammemes & NAME_GRAMMEMES:
        upos = "PROPN"
    elif upos == "CCONJ" and "subord" in grammemes:
        upos = "SCONJ"
    elif upos == "PRON" and "pers" not in grammemes and determiner:
        upos = "DET"
    if pos_grammeme == "VERB":
        if "infn" in grammemes:
            morph["VerbForm"] = "Inf"
        else:
            morph.setdefault("Mood", "Ind")
            morph["VerbForm"] = "Fin"
            if "Impe" in grammemes:
                # UD Ukrainian: the -но/-то forms report a completed action (виконано = was done)
                morph["Tense"] = "Past"
    elif pos_grammeme == "GRND":
        morph["VerbForm"] = "Conv"
        # UD: perfective converbs (зробивши) are past, imperfective ones (роблячи) present
        morph["Tense"] = "Past" if "perf" in grammemes else "Pres"
    elif upos == "ADJ" and grammemes & {"actv", "pssv"}:
        morph["VerbForm"] = "Part"
    return upos, dict(sorted(morph.items()))  # UD order: features sorted by name
