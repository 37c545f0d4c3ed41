"""The backbone contract: text in, normalised text and analysed tokens out.

A backend is chosen by a mode string (``"pymorphy3"``, the default, or ``"stanza"``) and
imported lazily, so the optional Stanza dependency is only needed by those who ask for it.
All backends return the same value objects, so the classifier and the extractors never know
which one ran.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from ..errors import BackendError, E


@dataclass(frozen=True)
class Token:
    """One token of the normalised text.

    ``start``/``end`` are character offsets into `Analysis.text`. ``pos`` is a Universal
    Dependencies part of speech (``NOUN``, ``VERB``, ``ADJ``, ``PUNCT`` ...). ``tag`` is the
    backend's own full tag (for pymorphy3 its OpenCorpora-style tag, e.g.
    ``"VERB,perf Impe"``). ``morph`` holds UD features: ``Aspect``, ``Tense``, ``Voice``,
    ``Person`` (``"0"`` for the impersonal ``-но/-то`` forms), ``VerbForm``, ``Case``,
    ``Number``, ``Gender`` where they apply.
    """

    text: str
    start: int
    end: int
    lemma: str
    pos: str
    tag: str = ""
    morph: dict[str, str] = field(default_factory=dict)

    @property
    def aspect(self) -> str | None:
        return self.morph.get("Aspect")

    @property
    def tense(self) -> str | None:
        return self.morph.get("Tense")

    @property
    def voice(self) -> str | None:
        return self.morph.get("Voice")

    @property
    def person(self) -> str | None:
        return self.morph.get("Person")


@dataclass(frozen=True)
class Analysis:
    """The result of analysing one text: the original, its normalised form and the tokens."""

    original: str
    text: str
    tokens: tuple[Token, ...]

    @property
    def lemmas(self) -> list[str]:
        return [t.lemma for t in self.tokens]

    def __len__(self) -> int:
        return len(self.tokens)


@runtime_checkable
class Backbone(Protocol):
    """What every backend provides. ``analyze`` normalises the text itself."""

    name: str

    def analyze(self, text: str) -> Analysis: ...

    def pipe(self, texts: Iterable[str]) -> Iterator[Analysis]: ...


#: mode -> (module, class, pip extra that provides its dependencies)
BACKENDS: dict[str, tuple[str, str, str | None]] = {
    "pymorphy3": ("acnlp.nlp.pymorphy_backend", "PymorphyBackbone", None),
    "stanza": ("acnlp.nlp.stanza_backend", "StanzaBackbone", "stanza"),
}

_LOADED: dict[tuple[str, tuple[tuple[str, Any], ...]], Backbone] = {}


def load_backbone(mode: str = "pymorphy3", **options: Any) -> Backbone:
    """Return the backend named by ``mode``, built once per process and option set.

    >>> load_backbone("spacy-large")
    Traceback (most recent call last):
    ...
    acnlp.errors.BackendError: [E020] unknown backend 'spacy-large'; available: pymorphy3, stanza
    """
    if mode not in BACKENDS:
        raise BackendError(E.BAD_BACKEND, mode=mode, available=", ".join(BACKENDS))
    key = (mode, tuple(sorted((k, str(v)) for k, v in options.items())))
    if key not in _LOADED:
        module_name, class_name, extra = BACKENDS[mode]
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            if extra is None:
                raise
            raise BackendError(E.MISSING_EXTRA, mode=mode, extra=extra) from None
        _LOADED[key] = getattr(module, class_name)(**options)
    return _LOADED[key]
