"""Canonical text for analysis: one apostrophe, one hyphen, two quote marks, plain spaces, no markup.

This is the only place look-alike characters are folded. Lexicons, grammars and the
backbone downstream assume this canonical form and never handle variants themselves.
The original cell text is kept unchanged in `acnlp.report.Row`; this module only derives.

>>> normalize("Проводиться  роз’яснювальна\\u00a0робота.<p>")
"Проводиться роз'яснювальна робота."
>>> normalize('наказ “Про затвердження” від 01.02.2019 – 05.02.2019')
'наказ «Про затвердження» від 01.02.2019 - 05.02.2019'
"""

from __future__ import annotations

import html
import re

APOSTROPHE = "'"

#: Always an apostrophe, wherever it stands.
APOSTROPHES_ALWAYS: dict[str, str] = {
    "\u02bc": APOSTROPHE,  # MODIFIER LETTER APOSTROPHE (the "correct" Ukrainian one)
    "\u02b9": APOSTROPHE,  # MODIFIER LETTER PRIME
    "\u2032": APOSTROPHE,  # PRIME
    "\u00b4": APOSTROPHE,  # ACUTE ACCENT
    "\u0060": APOSTROPHE,  # GRAVE ACCENT
    "\uff07": APOSTROPHE,  # FULLWIDTH APOSTROPHE
}

#: Apostrophes between two letters, quotation marks elsewhere (‘так’ vs п’ять).
APOSTROPHES_INSIDE_WORDS: dict[str, str] = {
    "\u2019": APOSTROPHE,  # RIGHT SINGLE QUOTATION MARK (what Word types)
    "\u2018": APOSTROPHE,  # LEFT SINGLE QUOTATION MARK
    "\u201b": APOSTROPHE,  # SINGLE HIGH-REVERSED-9 QUOTATION MARK
}

#: Quotation marks; each becomes « or » by its position, since straight and „“ quotes don't say.
#: « and » themselves are the canonical pair and are left as written.
QUOTES: frozenset[str] = frozenset(
    {
        '"',  # QUOTATION MARK
        "\u201c",  # LEFT DOUBLE QUOTATION MARK
        "\u201d",  # RIGHT DOUBLE QUOTATION MARK
        "\u201e",  # DOUBLE LOW-9 QUOTATION MARK
        "\u201f",  # DOUBLE HIGH-REVERSED-9 QUOTATION MARK
        "\u2039",  # SINGLE LEFT-POINTING ANGLE QUOTATION MARK
        "\u203a",  # SINGLE RIGHT-POINTING ANGLE QUOTATION MARK
        "\u2018",  # LEFT SINGLE QUOTATION MARK (when not inside a word)
        "\u2019",  # RIGHT SINGLE QUOTATION MARK (when not inside a word)
    }
)

#: Every dash and hyphen becomes HYPHEN-MINUS: grammars then match ranges like 14.05-15.05.2019 once.
DASHES: dict[str, str] = {
    "\u2010": "-",  # HYPHEN
    "\u2011": "-",  # NON-BREAKING HYPHEN
    "\u2012": "-",  # FIGURE DASH
    "\u2013": "-",  # EN DASH
    "\u2014": "-",  # EM DASH
    "\u2015": "-",  # HORIZONTAL BAR
    "\u2212": "-",  # MINUS SIGN
    "\ufe58": "-",  # SMALL EM DASH
    "\uff0d": "-",  # FULLWIDTH HYPHEN-MINUS
}

#: Space-like characters become a plain space (then runs are collapsed).
SPACES: dict[str, str] = {
    "\u00a0": " ",  # NO-BREAK SPACE
    "\u2007": " ",  # FIGURE SPACE
    "\u202f": " ",  # NARROW NO-BREAK SPACE
    "\u2002": " ",  # EN SPACE
    "\u2003": " ",  # EM SPACE
    "\u2009": " ",  # THIN SPACE
    "\u200a": " ",  # HAIR SPACE
    "\u3000": " ",  # IDEOGRAPHIC SPACE
    "\t": " ",  # CHARACTER TABULATION
    "\r": " ",  # CARRIAGE RETURN
    "\n": " ",  # LINE FEED
    "\u2028": " ",  # LINE SEPARATOR
    "\u2029": " ",  # PARAGRAPH SEPARATOR
}

#: Invisible characters that only break words apart; removed.
INVISIBLES: dict[str, None] = {
    "\u00ad": None,  # SOFT HYPHEN
    "\u200b": None,  # ZERO WIDTH SPACE
    "\u200c": None,  # ZERO WIDTH NON-JOINER
    "\u200d": None,  # ZERO WIDTH JOINER
    "\u2060": None,  # WORD JOINER
    "\ufeff": None,  # ZERO WIDTH NO-BREAK SPACE (a BOM inside text)
}

_CHAR_TABLE = str.maketrans({**APOSTROPHES_ALWAYS, **DASHES, **SPACES, **INVISIBLES})

_HTML_TAG = re.compile(
    r"""
    </?                      # opening or closing tag
    [a-zA-Z][a-zA-Z0-9]*     # tag name: p, i, br, span, td ...
    (?:\s[^<>]*)?            # attributes, if any
    /?>                      # end, possibly self-closing
    """,
    re.VERBOSE,
)

_WORD_APOSTROPHE = re.compile(
    r"""
    (?<=\w)                  # a letter before
    [\u2018\u2019\u201b]     # the typographic single quotes Word puts for an apostrophe
    (?=\w)                   # and a letter after
    """,
    re.VERBOSE,
)

_QUOTE = re.compile("[" + re.escape("".join(sorted(QUOTES))) + "]")

_WHITESPACE_RUN = re.compile(r"\s+")

# Any character some step above would change. Most cells have none, and then collapsing the
# whitespace is all there is to do: the backbone normalises every text, so this matters.
_NEEDS_FOLDING = re.compile(
    "[<&"
    + re.escape("".join(sorted({*APOSTROPHES_ALWAYS, *APOSTROPHES_INSIDE_WORDS, *QUOTES, *DASHES, *SPACES, *INVISIBLES})))
    + "]"
)


def strip_markup(text: str) -> str:
    """Remove leftover HTML tags and decode entities such as ``&nbsp;``.

    >>> strip_markup("декларацій;</p><p>– особистий&nbsp;контроль")
    'декларацій;  – особистий\\xa0контроль'
    """
    return html.unescape(_HTML_TAG.sub(" ", text))


def _direct_quotes(text: str) -> str:
    """Turn every quotation mark into « or » by whether it opens or closes a quotation."""

    def pick(match: re.Match[str]) -> str:
        i = match.start()
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        opens = (before.isspace() or before in "([{«-/") and not after.isspace()
        return "«" if opens else "»"

    return _QUOTE.sub(pick, text)


#: Latin letters that look like Cyrillic ones, typed inside Cyrillic words (a keyboard layout
#: left on, a copied fragment): «Рoзміщено» with a Latin «o» is not a word any dictionary knows.
LATIN_LOOKALIKES: dict[str, str] = dict(zip("aceiopxyABCEHIKMOPTXY", "асеіорхуАВСЕНІКМОРТХУ"))
_LOOKALIKE_TABLE = str.maketrans(LATIN_LOOKALIKES)
_LATIN = re.compile("[" + "".join(LATIN_LOOKALIKES) + "]")
_CYRILLIC_WORD = re.compile(r"\w*[\u0400-\u04ff]\w*")


def fold_latin_lookalikes(text: str) -> str:
    """Replace Latin look-alike letters inside words that hold Cyrillic letters; Latin words stay.

    >>> fold_latin_lookalikes("Рoзміщено нa сайті ProZorro")
    'Розміщено на сайті ProZorro'
    """
    if not _LATIN.search(text):
        return text
    return _CYRILLIC_WORD.sub(
        lambda m: m.group().translate(_LOOKALIKE_TABLE) if _LATIN.search(m.group()) else m.group(), text
    )


#: How many texts `normalize` remembers, and the longest it remembers. A cell's text is
#: normalised by the classifier, again by the backbone (its canonical text) and by the
#: extractors, all within one batch of cells: a few batches' worth is enough, and long cells
#: must not pile up (normalising one is quick beside analysing it).
MEMO_SIZE = 4096
MEMO_MAX_CHARS = 20_000
_memo: dict[str, str] = {}


def normalize(text: str) -> str:
    """Return the canonical analysis text of a cell: markup gone, look-alikes folded, spaces collapsed.

    Each text is normalised once: the result is remembered, and so is the canonical text as its
    own result when it is certainly one (nothing but whitespace needed collapsing), so the
    backbone's normalisation of what the classifier hands it is a look-up.

    >>> normalize("п\u02bcять  засідань\u00ad")
    "п'ять засідань"
    """
    found = _memo.get(text)
    if found is not None:
        return found
    if len(text) > MEMO_MAX_CHARS:
        return _canonical(text)[0]
    if len(_memo) >= MEMO_SIZE:
        _memo.clear()
    canonical, certain = _canonical(text)
    _memo[text] = canonical
    if certain:
        _memo[canonical] = canonical
    return canonical


def _canonical(text: str) -> tuple[str, bool]:
    """What `normalize` computes (without its memory), and whether the result is certainly its
    own canonical form."""
    text = fold_latin_lookalikes(text)
    if not _NEEDS_FOLDING.search(text):
        # Nothing to fold, so the result is canonical: its words are the same runs of letters
        # (look-alikes folded already) and its only whitespace is single spaces.
        return " ".join(text.split()), True
    text = strip_markup(text)
    text = _WORD_APOSTROPHE.sub(APOSTROPHE, text)
    text = text.translate(_CHAR_TABLE)
    text = _direct_quotes(text)
    # Not certain: markup decoded here can be markup again («&amp;lt;p&amp;gt;»).
    return _WHITESPACE_RUN.sub(" ", text).strip(), False


def fold_apostrophes(word: str) -> str:
    """Fold every apostrophe variant in a single word to ``'`` (for dictionary look-ups).

    >>> fold_apostrophes("роз’яснювальна")
    "роз'яснювальна"
    """
    return _WORD_APOSTROPHE.sub(APOSTROPHE, word).translate(_CHAR_TABLE)
