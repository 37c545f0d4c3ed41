"""Import spaCy for a process acnlp owns (a command, an audit worker) without torch.

thinc, under spaCy, imports torch whenever it is installed (the ``stanza`` extra installs it):
about 200 MiB and over a second in every process, for nothing acnlp's own analysis uses (it
needs spaCy's tokenizer alone). Only the commands call this: a program that imports acnlp as a
library keeps whatever spaCy gives it, since its other pipelines may need thinc's torch layers.
"""

from __future__ import annotations

import sys


def spacy_without_torch() -> None:
    """Import spaCy with torch kept out of it, unless either is loaded already.

    torch is hidden only while spaCy is imported, so a later ``import torch`` (the Stanza
    backend) still works; thinc's own torch layers are what this process goes without.
    """
    if "spacy" in sys.modules or "torch" in sys.modules:
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # `import torch` raises ImportError, which thinc expects
    try:
        import spacy  # noqa: F401
    finally:
        del sys.modules["torch"]
