"""Words broken at a line end and left broken in the cell: «оприлюд- нено», «про-ведено».

A report pasted from a PDF or a narrow Word column keeps the hyphens of its line breaks. The
dictionary knows neither half, so the word is lost to everything downstream. A broken word is
joined only when the dictionary knows the joined word and not the hyphenated one: real
compounds («науково-технічний», «веб-сайт») stay as written.
"""

from __future__ import annotations

import re

from .pymorphy_backend import morph_analyzer

_BROKEN = re.compile(r"\b([^\W\d_]{2,})- ?([^\W\d_]{2,})\b")


def join_broken_words(text: str) -> str:
    """Join the halves of words a line end broke (normalised text in, same text otherwise).

    >>> join_broken_words("Програму оприлюд- нено, навчання про-ведено на веб-сайті")
    'Програму оприлюднено, навчання проведено на веб-сайті'
    """
    if "-" not in text:
        return text
    known = morph_analyzer().word_is_known

    def join(match: re.Match[str]) -> str:
        first, second = match.group(1), match.group(2)
        if second[0].isupper() and not first.isupper():
            return match.group()
        joined = (first + second).lower()
        if known(joined) and not known(f"{first}-{second}".lower()):
            return first + second
        return match.group()

    return _BROKEN.sub(join, text)
