"""Collection rules for the whole repository (pytest runs acnlp/ doctests, tests/ and README.md)."""

import importlib.util

collect_ignore = []
# The Stanza backend is an optional extra; without it its module cannot even be imported.
if importlib.util.find_spec("stanza") is None:
    collect_ignore.append("acnlp/nlp/stanza_backend.py")
